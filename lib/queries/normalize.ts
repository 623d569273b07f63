import { rowError, type RowLocation } from './errors.ts';
import { optionLetter } from './format.ts';
import type { Draft } from './map.ts';
import { GRADER_NAMES, type GraderName, type Query, type QueryField } from './types.ts';
import { isNumericText, parseList, scalarText } from './values.ts';

/** The numeric grader compares with a CAS, so LaTeX answers ("\\frac{1}{2}", "(3, \\pi)") are fine; prose is not. */
function isMathLike(answer: string): boolean {
  return isNumericText(answer) || /[\d\\]/.test(answer);
}

export interface NormalizeContext {
  location: RowLocation;
  /** `LoadOptions.grader`: wins over everything. */
  grader?: GraderName;
  /** The recipe's fixed grader: wins over inference, loses to a grader column. */
  recipeGrader?: GraderName;
  /** Used when the row has no id. */
  defaultId: string;
  /** Told of every value whose type changes here (see `ConversionNotice`); load.ts sums them per column. */
  onConversion?: (conversion: Conversion) => void;
}

/** One value converted while normalizing a row. */
export interface Conversion {
  field: QueryField;
  /** The source column; undefined when a recipe's converter built the field. */
  column: string | undefined;
  conversion: string;
  rule: string;
  from: unknown;
  to: string;
}

const AS_TEXT_RULE = 'written as JavaScript prints it (String(value))';
const INDEX_RULE = 'a 0-based option index (0 -> A, 1 -> B, ...)';

function isGraderName(name: string): name is GraderName {
  return (GRADER_NAMES as readonly string[]).includes(name);
}

function missing(draft: Draft, field: QueryField, location: RowLocation): never {
  const columns = draft.lookedIn[field];
  const where = columns.length > 1 ? ` (looked for columns ${columns.join(', ')})` : columns.length === 1 && columns[0] !== field ? ` (looked for column "${columns[0]}")` : '';
  return rowError(location, field, `is missing${where}`, `Add it, or map another column with load.map "${field}=<column>".`);
}

function requiredText(draft: Draft, field: 'prompt' | 'answer', location: RowLocation): string {
  const value = draft.fields[field];
  if (value === undefined) missing(draft, field, location);
  const text = scalarText(value);
  if (text === undefined) {
    rowError(location, field, `holds ${Array.isArray(value) ? 'a list' : typeof value}, not text`, `Give one ${field === 'prompt' ? 'question' : 'reference answer'} as a string, or map another column with load.map "${field}=<column>".`);
  }
  const trimmed = text.trim();
  if (trimmed === '') rowError(location, field, 'is empty', field === 'prompt' ? 'Write the question text, or remove the row.' : 'Write the reference answer, or remove the row.');
  return trimmed;
}

function readChoices(draft: Draft, location: RowLocation, onConversion: NormalizeContext['onConversion']): string[] | undefined {
  const list = parseList(draft.fields.choices);
  if (list === undefined || list.length === 0) return undefined;
  const converted = list.find((item) => typeof item === 'number' || typeof item === 'boolean');
  if (converted !== undefined) {
    onConversion?.({ field: 'choices', column: draft.columns.choices, conversion: `${typeof converted} option -> text`, rule: AS_TEXT_RULE, from: converted, to: String(converted) });
  }
  return list.map((item, i) => {
    const text = scalarText(item);
    if (text === undefined || text.trim() === '') {
      rowError(location, 'choices', `has an empty or non-text option at position ${i + 1}`, 'Give every option as non-empty text.');
    }
    return text.trim();
  });
}

function resolveGrader(draft: Draft, context: NormalizeContext, choices: string[] | undefined, answer: string): GraderName {
  if (context.grader) return context.grader;
  const raw = draft.fields.grader;
  if (raw !== undefined) {
    const name = (scalarText(raw) ?? '').trim().toLowerCase();
    if (!isGraderName(name)) {
      rowError(context.location, 'grader', `is "${String(raw)}", which is not a known grader`, `Use one of: ${GRADER_NAMES.join(', ')}.`);
    }
    return name;
  }
  if (context.recipeGrader) return context.recipeGrader;
  if (choices) return 'mc';
  return isNumericText(answer) ? 'numeric' : 'exact';
}

/**
 * An mc answer as a letter. Accepts a letter ("b", "(B)", "B."), a JSON number as a 0-based
 * index, the exact text of an option, or an integer string as a 0-based index. Option text is
 * tried before integer strings so that "3" among options ["2", "3", "4", "5"] means the option "3".
 */
function answerLetter(rawAnswer: unknown, answer: string, choices: string[], location: RowLocation): { letter: string; fromIndex: 'number' | 'text' | null } {
  const last = optionLetter(choices.length - 1);
  const fix = `Use a letter A-${last}, a 0-based option index 0-${choices.length - 1}, or the exact text of an option.`;
  const asIndex = (index: number): string => {
    if (index >= 0 && index < choices.length) return optionLetter(index);
    return rowError(location, 'answer', `is ${index}, which is not an option index for ${choices.length} choices`, fix);
  };
  if (typeof rawAnswer === 'number' && Number.isInteger(rawAnswer)) return { letter: asIndex(rawAnswer), fromIndex: 'number' };
  const letter = /^\(?([A-Za-z])[).:]?$/.exec(answer)?.[1]?.toUpperCase();
  if (letter !== undefined) {
    const index = letter.charCodeAt(0) - 65;
    if (index < choices.length) return { letter, fromIndex: null };
    return rowError(location, 'answer', `is "${answer}", which is not a valid letter for ${choices.length} choices`, fix);
  }
  const textIndex = choices.indexOf(answer);
  if (textIndex >= 0) return { letter: optionLetter(textIndex), fromIndex: null };
  if (/^\d+$/.test(answer)) return { letter: asIndex(Number(answer)), fromIndex: 'text' };
  return rowError(location, 'answer', `is "${answer}", which is neither an option letter nor an option's text (${choices.length} choices)`, fix);
}

/** Validates a mapped row and turns it into a `Query`; throws `QueryValidationError` on the first problem. */
export function normalizeDraft(draft: Draft, context: NormalizeContext): Query {
  const { location, onConversion } = context;
  const converted = (field: QueryField, conversion: string, rule: string, from: unknown, to: string) =>
    onConversion?.({ field, column: draft.columns[field], conversion, rule, from, to });
  /** Reports a number or boolean that became text. */
  const asText = (field: QueryField, text: string | undefined) => {
    const value = draft.fields[field];
    if (text !== undefined && (typeof value === 'number' || typeof value === 'boolean')) converted(field, `${typeof value} -> text`, AS_TEXT_RULE, value, text);
  };
  const prompt = requiredText(draft, 'prompt', location);
  asText('prompt', prompt);
  const rawAnswer = draft.fields.answer;
  let answer = requiredText(draft, 'answer', location);
  const choices = readChoices(draft, location, onConversion);
  const grader = resolveGrader(draft, context, choices, answer);

  if (grader === 'mc') {
    if (!choices) missing(draft, 'choices', location);
    if (choices.length < 2) rowError(location, 'choices', `has ${choices.length} option`, 'Multiple-choice queries need at least 2 options; a CSV cell can hold a JSON array or "a | b | c".');
    if (choices.length > 26) rowError(location, 'choices', `has ${choices.length} options`, 'Options are lettered A-Z, so at most 26 are supported.');
    const read = answerLetter(rawAnswer, answer, choices, location);
    if (read.fromIndex === 'number') converted('answer', 'integer -> option letter', INDEX_RULE, rawAnswer, read.letter);
    else if (read.fromIndex === 'text') converted('answer', 'integer text -> option letter', `${INDEX_RULE}, used where no option's text equals the answer`, rawAnswer, read.letter);
    else asText('answer', answer);
    answer = read.letter;
  } else if (grader === 'numeric' && !isMathLike(answer)) {
    rowError(location, 'answer', `is "${answer}", which is not a number or math expression, but the grader is "numeric"`, "Fix the answer, or use load.grader: 'exact'.");
  }

  if (grader !== 'mc') asText('answer', answer);
  const id = scalarText(draft.fields.id)?.trim() || context.defaultId;
  const domain = scalarText(draft.fields.domain)?.trim() || 'general';
  asText('id', id);
  asText('domain', domain);
  const query: Query = { id, prompt, domain, answer, grader };
  if (choices) query.choices = choices;
  if (Object.keys(draft.meta).length > 0) query.meta = draft.meta;
  return query;
}
