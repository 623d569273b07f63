import type { Recipe } from './types.ts';

export const mmluPro: Recipe = {
  name: 'mmlu-pro',
  description: 'MMLU-Pro (TIGER-Lab): question, options list, answer letter or answer_index, category, question_id',
  columns: {
    id: ['question_id'],
    prompt: ['question'],
    choices: ['options'],
    // The letter is authoritative; answer_index covers exports that dropped it.
    answer: ['answer', 'answer_index'],
    domain: ['category'],
  },
  grader: 'mc',
};

export const superGpqa: Recipe = {
  name: 'supergpqa',
  description: 'SuperGPQA (m-a-p): question, options, answer_letter, discipline (or field), uuid',
  columns: {
    id: ['uuid'],
    prompt: ['question'],
    choices: ['options'],
    answer: ['answer_letter'],
    domain: ['discipline', 'field'],
  },
  grader: 'mc',
};
