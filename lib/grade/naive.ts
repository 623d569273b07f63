import type { GradeStatus } from './types.ts';

/**
 * The regex chain many public harnesses use, kept as a baseline to compare against: the first
 * "answer is (X)", else the first "Answer: X", else the last standalone capital letter in range.
 * Deliberately naive: it turns "I cannot answer" into I and "A detailed..." into A.
 */
export function gradeNaiveLastLetter(response: string, choiceCount: number): { pred: string | null; status: GradeStatus; rule: string } {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.slice(0, Math.max(1, Math.min(26, choiceCount)));
  const cls = `[${letters}]`;
  const first = new RegExp(String.raw`answer is \(?(${cls})\)?`).exec(response);
  if (first?.[1]) return { pred: first[1], status: 'answered', rule: 'naive_answer_is' };
  const label = new RegExp(String.raw`[aA]nswer:\s*(${cls})`).exec(response);
  if (label?.[1]) return { pred: label[1], status: 'answered', rule: 'naive_answer_label' };
  const last = [...response.matchAll(new RegExp(String.raw`\b(${cls})\b`, 'g'))].at(-1)?.[1];
  if (last) return { pred: last, status: 'answered', rule: 'naive_last_letter' };
  return { pred: null, status: 'no_answer', rule: 'naive_none' };
}

/** The naive numeric baseline: the last number in the text, compared as a float. */
export function naiveLastNumber(response: string): { pred: string | null; status: GradeStatus; rule: string } {
  const last = [...response.matchAll(/-?\d+(?:\.\d+)?/g)].at(-1)?.[0];
  return last === undefined ? { pred: null, status: 'no_answer', rule: 'naive_none' } : { pred: String(Number(last)), status: 'answered', rule: 'naive_last_number' };
}
