/**
 * The `bfcl` grader: BFCL's AST-style check of the calls in a reply against the possible answers (see
 * `loadBfcl`). A call passes when its name matches, every required argument is there, no argument is unknown
 * (to the schema or to the answer), each value is among the allowed ones, and every argument the answer
 * requires (no "" among its values) is given. Strings compare as BFCL normalizes them; numbers by value.
 */
import type { BfclAnswer, Query } from '../queries/index.ts';
import { parseCalls, type ParsedCall } from './bfcl-parse.ts';
import type { ExtractionOptions, Grade } from './types.ts';

/** Which check failed; `match` when none did. */
export type BfclCheck = 'match' | 'no_call' | 'wrong_count' | 'wrong_function' | 'missing_required' | 'unexpected_arg' | 'wrong_value' | 'missing_arg' | 'no_match';

interface Failure {
  check: Exclude<BfclCheck, 'match'>;
  detail: string;
}

type Values = Record<string, unknown>;

function isRecord(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** BFCL's string normalization: drop spaces and , . / - _ * ^, lower-case, single quotes as double. */
export function standardizeBfclString(text: string): string {
  return text.replace(/[ ,./\-_*^]/g, '').toLowerCase().replace(/'/g, '"');
}

/** `value` against one allowed value: strings normalized, numbers by value, lists element-wise, dicts key-wise. */
function same(value: unknown, allowed: unknown): boolean {
  if (typeof allowed === 'string') return typeof value === 'string' && standardizeBfclString(value) === standardizeBfclString(allowed);
  if (typeof allowed === 'number') return typeof value === 'number' && value === allowed;
  if (Array.isArray(allowed)) return Array.isArray(value) && value.length === allowed.length && value.every((v, i) => same(v, allowed[i]));
  if (isRecord(allowed)) {
    if (!isRecord(value)) return false;
    // A dict's allowed form maps each key to its list of allowed values, like the arguments themselves.
    const options = (key: string): unknown[] => (Array.isArray(allowed[key]) ? (allowed[key] as unknown[]) : [allowed[key]]);
    if (!Object.keys(value).every((key) => Object.hasOwn(allowed, key) && options(key).some((o) => same(value[key], o)))) return false;
    return Object.keys(allowed).every((key) => Object.hasOwn(value, key) || options(key).includes(''));
  }
  return value === allowed;
}

function checkCall(call: ParsedCall, expected: Record<string, Record<string, unknown[]>>, answer: BfclAnswer): Failure | null {
  const [name, allowed] = Object.entries(expected)[0] ?? ['', {}];
  if (call.name !== name) return { check: 'wrong_function', detail: `called ${call.name}, expected ${name}` };
  const schema = answer.functions[name] ?? { params: [], required: [] };
  const missing = schema.required.find((param) => !Object.hasOwn(call.args, param));
  if (missing !== undefined) return { check: 'missing_required', detail: `${name}: required argument ${missing} is missing` };
  for (const [param, value] of Object.entries(call.args)) {
    const options = allowed[param];
    if (!schema.params.includes(param) || !options) return { check: 'unexpected_arg', detail: `${name}: unexpected argument ${param}` };
    if (!options.some((option) => option !== '' && same(value, option))) {
      return { check: 'wrong_value', detail: `${name}: ${param}=${JSON.stringify(value)}, expected one of ${JSON.stringify(options.filter((o) => o !== ''))}` };
    }
  }
  const unsaid = Object.keys(allowed).find((param) => !Object.hasOwn(call.args, param) && !allowed[param]?.includes(''));
  if (unsaid !== undefined) return { check: 'missing_arg', detail: `${name}: argument ${unsaid} is missing (the answer requires it)` };
  return null;
}

/** One-to-one matching of calls to ground-truth entries, any order (backtracking; replies hold a handful of calls). */
function matchAll(calls: ParsedCall[], answer: BfclAnswer): Failure | null {
  const fits = answer.groundTruth.map((expected) => calls.map((call) => checkCall(call, expected, answer) === null));
  const used = new Set<number>();
  const assign = (i: number): boolean => {
    if (i === fits.length) return true;
    for (let j = 0; j < calls.length; j++) {
      if (used.has(j) || !fits[i]?.[j]) continue;
      used.add(j);
      if (assign(i + 1)) return true;
      used.delete(j);
    }
    return false;
  };
  if (assign(0)) return null;
  const alone = fits.findIndex((row) => !row.some(Boolean));
  if (alone < 0) return { check: 'no_match', detail: 'every expected call has a candidate, but no one-to-one assignment exists' };
  const expected = answer.groundTruth[alone] ?? {};
  const name = Object.keys(expected)[0];
  const sameName = calls.find((call) => call.name === name);
  const why = sameName ? checkCall(sameName, expected, answer) : null;
  return { check: why?.check ?? 'no_match', detail: `no call matches expected call ${alone + 1} (${name})${why ? `: ${why.detail}` : ''}` };
}

function readAnswer(query: Query): BfclAnswer {
  try {
    const parsed = JSON.parse(query.answer) as BfclAnswer;
    if (Array.isArray(parsed.groundTruth) && isRecord(parsed.functions) && typeof parsed.category === 'string') return parsed;
  } catch {
    // fall through
  }
  throw new Error(`query ${query.id}: answer is not a BFCL answer (load the set with loadBfcl)`);
}

/** Checks parsed calls against a BFCL answer; null when they match. */
export function checkBfclCalls(calls: ParsedCall[], answer: BfclAnswer): Failure | null {
  const expectedCount = answer.groundTruth.length;
  if (calls.length !== expectedCount) return { check: 'wrong_count', detail: `${calls.length} call(s), expected ${expectedCount}` };
  if (answer.category === 'parallel') return matchAll(calls, answer);
  const [call] = calls;
  const [expected] = answer.groundTruth;
  return call && expected ? checkCall(call, expected, answer) : { check: 'wrong_count', detail: 'no call' };
}

export function gradeBfcl(query: Query, response: string, options: ExtractionOptions = {}): Grade {
  const answer = readAnswer(query);
  const calls = parseCalls(response);
  if (calls.length === 0) {
    return { grader: 'bfcl', pred: null, correct: false, status: options.truncated ? 'truncated' : 'no_answer', rule: 'no_call', verdict: 'no function call found in the reply', span: null };
  }
  const failure = checkBfclCalls(calls, answer);
  return {
    grader: 'bfcl',
    pred: JSON.stringify(calls.map((call) => ({ name: call.name, arguments: call.args }))),
    correct: failure === null,
    status: 'answered',
    rule: failure?.check ?? 'match',
    verdict: failure ? failure.detail : `${calls.length} call(s) match the possible answers`,
  };
}
