import type { Recipe } from './types.ts';

export const math500: Recipe = {
  name: 'math-500',
  description: 'MATH-500 (HuggingFaceH4): problem, answer, subject, unique_id; numeric grader (LaTeX-aware CAS equivalence)',
  columns: {
    id: ['unique_id'],
    prompt: ['problem'],
    answer: ['answer'],
    domain: ['subject'],
  },
  grader: 'numeric',
};

export const naturalReasoning: Recipe = {
  name: 'natural-reasoning',
  description: 'NaturalReasoning (facebook): question, reference_answer; graded by a judge model',
  columns: {
    id: ['id'],
    prompt: ['question'],
    answer: ['reference_answer'],
    domain: ['domain', 'category'],
  },
  grader: 'judge',
};
