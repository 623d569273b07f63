import { rowError } from '../errors.ts';
import { optionLetter } from '../format.ts';
import { deriveSeed, seededRandom, shuffled } from '../random.ts';
import { scalarText } from '../values.ts';
import type { Recipe } from './types.ts';

const CORRECT = 'Correct Answer';
const INCORRECT = ['Incorrect Answer 1', 'Incorrect Answer 2', 'Incorrect Answer 3'];

/**
 * GPQA stores the correct answer in its own column, so the options must be shuffled; the shuffle is
 * seeded per row (by Record ID) so the correct letter is stable for a seed and independent of row order.
 */
export const gpqa: Recipe = {
  name: 'gpqa',
  description: 'GPQA (Idavidrein): Question, Correct Answer, Incorrect Answer 1-3 (options shuffled per seed), High-level domain',
  columns: {
    id: ['Record ID'],
    prompt: ['Question'],
    domain: ['High-level domain'],
  },
  grader: 'mc',
  consumes: [CORRECT, ...INCORRECT],
  convert(values, { location, seed }) {
    const correct = scalarText(values[CORRECT])?.trim();
    if (!correct) rowError(location, CORRECT, 'is missing or empty', 'GPQA rows need the correct answer text in this column.');
    const incorrect = INCORRECT.map((column) => scalarText(values[column])?.trim()).filter((text): text is string => !!text);
    if (incorrect.length === 0) rowError(location, INCORRECT[0], 'is missing', 'GPQA rows need at least one incorrect answer.');
    const key = scalarText(values['Record ID']) ?? `row-${location.index}`;
    const options = shuffled([correct, ...incorrect], seededRandom(deriveSeed(seed, key)));
    return { fields: { choices: options, answer: optionLetter(options.indexOf(correct)) } };
  },
};
