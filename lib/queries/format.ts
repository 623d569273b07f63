import type { Query } from './types.ts';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The letter of the i-th option (0 -> "A"). */
export function optionLetter(index: number): string {
  const letter = LETTERS[index];
  if (letter === undefined) throw new RangeError(`option index ${index} is beyond Z`);
  return letter;
}

const INSTRUCTIONS: Record<Query['grader'], string> = {
  mc: 'Answer with the letter of the correct option.',
  numeric: 'Give the final answer as a number or expression.',
  exact: 'Answer with a single word or phrase.',
  judge: '',
  bfcl: '', // the BFCL prompt states the reply format itself
};

/** The user message a model sees for a query: question, lettered options, and a short answer instruction. */
export function formatPrompt(query: Query): string {
  const parts = [query.prompt];
  if (query.choices && query.choices.length > 0) {
    parts.push(query.choices.map((choice, i) => `${optionLetter(i)}. ${choice}`).join('\n'));
  }
  const instruction = INSTRUCTIONS[query.grader];
  if (instruction) parts.push(instruction);
  return parts.join('\n\n');
}
