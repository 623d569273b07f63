/**
 * BFCL (Berkeley Function Calling Leaderboard) files: a question file and its possible-answer file, both JSON Lines
 * (BFCL names them `.json`). Each question row becomes a Query graded by `bfcl`, whose answer carries the allowed
 * calls and what the grader needs of the function schemas, as JSON (see `BfclAnswer`).
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { rowError, QueryValidationError, type RowLocation } from './errors.ts';
import { parseJsonLines } from './readers/jsonl.ts';
import type { Query } from './types.ts';

/** How the calls are matched: one call, one call among several functions, or several calls in any order. */
export type BfclCategory = 'simple' | 'multiple' | 'parallel';

/** One ground-truth call: function name -> argument -> acceptable values ("" = the argument may be left out). */
export type BfclGroundTruthCall = Record<string, Record<string, unknown[]>>;

/** `Query.answer` of a `bfcl` query, as JSON. */
export interface BfclAnswer {
  category: BfclCategory;
  /** Function name -> its declared parameter names and the required ones. */
  functions: Record<string, { params: string[]; required: string[] }>;
  /** The calls expected; for `parallel`, in any order. */
  groundTruth: BfclGroundTruthCall[];
}

type Values = Record<string, unknown>;

function isRecord(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** BFCL's rule: "parallel" anywhere in the id's category picks unordered matching, then "multiple", else simple. */
export function bfclCategory(id: string): BfclCategory {
  const category = id.replace(/_[\d-]+$/, '');
  if (category.includes('parallel')) return 'parallel';
  if (category.includes('multiple')) return 'multiple';
  return 'simple';
}

interface BfclFunction {
  name: string;
  description: string;
  parameters: Values;
}

function readFunctions(values: Values, location: RowLocation): BfclFunction[] {
  const raw = values.function;
  const list = Array.isArray(raw) ? raw : isRecord(raw) ? [raw] : null;
  if (!list || list.length === 0) rowError(location, 'function', 'is missing or empty', 'Give the callable functions as a list of {name, description, parameters}.');
  return list.map((fn, i) => {
    if (!isRecord(fn) || typeof fn.name !== 'string' || fn.name === '') {
      rowError(location, `function[${i}].name`, 'is missing', 'Give every function a name.');
    }
    const parameters = isRecord(fn.parameters) ? fn.parameters : { type: 'dict', properties: {} };
    return { name: fn.name, description: typeof fn.description === 'string' ? fn.description : '', parameters };
  });
}

function readQuestion(values: Values, location: RowLocation): string {
  // BFCL nests turns: [[{role, content}, ...]]; single-turn categories hold one inner list.
  const turns = (Array.isArray(values.question) ? values.question.flat() : []).filter(isRecord);
  const text = turns
    .map((turn) => (turn.role === 'user' || turns.length === 1 ? String(turn.content ?? '') : `${String(turn.role)}: ${String(turn.content ?? '')}`))
    .join('\n')
    .trim();
  if (text === '') rowError(location, 'question', 'has no message text', 'Give the question as [[{"role": "user", "content": "..."}]].');
  return text;
}

function readGroundTruth(values: Values, location: RowLocation): BfclGroundTruthCall[] {
  const raw = values.ground_truth;
  const fix = 'Write ground_truth as a list of {"function_name": {"argument": [allowed values]}}.';
  if (!Array.isArray(raw) || raw.length === 0) rowError(location, 'ground_truth', 'is missing or not a non-empty list', fix);
  return raw.map((call, i) => {
    const entries = isRecord(call) ? Object.entries(call) : [];
    const [name, args] = entries[0] ?? [];
    if (entries.length !== 1 || name === undefined || !isRecord(args)) rowError(location, `ground_truth[${i}]`, 'is not a single {"name": {arguments}} object', fix);
    for (const [arg, allowed] of Object.entries(args)) {
      if (!Array.isArray(allowed)) rowError(location, `ground_truth[${i}].${name}.${arg}`, 'is not a list of allowed values', fix);
    }
    return { [name]: args as Record<string, unknown[]> };
  });
}

/** The prompt: the question, the functions as JSON, and the reply format the `bfcl` grader reads best. */
export function bfclPrompt(question: string, functions: readonly BfclFunction[], category: BfclCategory): string {
  const howMany = category === 'parallel' ? 'all the function calls needed' : 'the function call needed';
  return [
    'You can call these functions (parameters as JSON Schema):',
    JSON.stringify(functions, null, 2),
    '',
    `Question: ${question}`,
    '',
    `Reply with ${howMany} and nothing else, as a JSON array: [{"name": "<function>", "arguments": {"<parameter>": <value>}}].`,
  ].join('\n');
}

async function readLines(path: string): Promise<ReturnType<typeof parseJsonLines>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new QueryValidationError({ file: path, problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, fix: 'Check the path.' });
  }
  return parseJsonLines(text, path);
}

/** Where BFCL keeps the answers of `data/X.json`: `data/possible_answer/X.json`. */
export function defaultBfclAnswersFile(questionsFile: string): string {
  return join(dirname(questionsFile), 'possible_answer', basename(questionsFile));
}

/**
 * Loads a BFCL question file (`simple`, `multiple`, `parallel` categories) with its possible-answer file, one
 * `bfcl` query per question; the category is read from each id ("simple_0", "parallel_12"). `answersFile` defaults
 * to `possible_answer/<same name>` beside the questions, as BFCL lays them out. A question without an answer row,
 * or a malformed line in either file, throws a `QueryValidationError` naming the file and line.
 */
export async function loadBfcl(questionsFile: string, answersFile: string = defaultBfclAnswersFile(questionsFile)): Promise<Query[]> {
  const answers = new Map<string, BfclGroundTruthCall[]>();
  for (const row of await readLines(answersFile)) {
    const id = row.values.id;
    if (typeof id !== 'string' || id === '') rowError(row.location, 'id', 'is missing', 'Every possible-answer row needs the id of its question.');
    answers.set(id, readGroundTruth(row.values, row.location));
  }
  const queries: Query[] = [];
  const seen = new Set<string>();
  for (const { values, location } of await readLines(questionsFile)) {
    const id = values.id;
    if (typeof id !== 'string' || id === '') rowError(location, 'id', 'is missing', 'Every BFCL question needs an id such as "simple_0".');
    if (seen.has(id)) rowError(location, 'id', `repeats "${id}"`, 'Give every question a unique id.');
    seen.add(id);
    const groundTruth = answers.get(id);
    if (!groundTruth) rowError(location, 'id', `"${id}" has no row in ${answersFile}`, 'Add its possible answer, or pass the matching possible-answer file.');
    const category = bfclCategory(id);
    const functions = readFunctions(values, location);
    const schemas: BfclAnswer['functions'] = {};
    for (const fn of functions) {
      const properties = isRecord(fn.parameters.properties) ? Object.keys(fn.parameters.properties) : [];
      const required = Array.isArray(fn.parameters.required) ? fn.parameters.required.map(String) : [];
      schemas[fn.name] = { params: properties, required };
    }
    for (const [i, call] of groundTruth.entries()) {
      const name = Object.keys(call)[0] ?? '';
      if (!schemas[name]) rowError(location, 'function', `has no "${name}", which ground_truth[${i}] calls`, `Check ${answersFile} against the question's functions.`);
    }
    const answer: BfclAnswer = { category, functions: schemas, groundTruth };
    queries.push({
      id,
      prompt: bfclPrompt(readQuestion(values, location), functions, category),
      domain: id.replace(/_[\d-]+$/, ''),
      answer: JSON.stringify(answer),
      grader: 'bfcl',
      meta: { source: 'bfcl', category },
    });
  }
  if (queries.length === 0) throw new QueryValidationError({ file: questionsFile, problem: 'has no rows', fix: 'Add at least one question.' });
  return queries;
}
