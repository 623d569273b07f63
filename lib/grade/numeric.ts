import type { Query } from '../queries/types.ts';
import type { GradeStatus } from '../store/types.ts';
import { lastBoxed, stripThinking } from './text.ts';
import type { ExtractionOptions, Grade, NumericOptions } from './types.ts';

export const DEFAULT_REL_TOL = 1e-6;
export const DEFAULT_ABS_TOL = 1e-9;

/** A decimal with optional thousands separators ("2,000"), sign (ASCII or U+2212) and exponent. */
const DECIMAL = String.raw`[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?|[-−]?\.\d+`;

/**
 * A LaTeX fraction, a slash fraction or a decimal, optionally followed by "%". The lookbehind keeps
 * digits glued to letters or dots ("H2O", "v1.2") out, and makes "10-20" read as 10 and 20, not -20.
 */
const TOKEN = new RegExp(
  String.raw`\\d?frac\{\s*(?<fn>${DECIMAL})\s*\}\{\s*(?<fd>${DECIMAL})\s*\}|(?<![\w.])(?<sn>${DECIMAL})\s*\/\s*(?<sd>${DECIMAL})(?![\d/])|(?<![\w.])(?<d>${DECIMAL})(?<pct>\s*%)?`,
  'g',
);

export interface NumberToken {
  value: number;
  /** The text the value was read from, e.g. "2,000" or "\frac{1}{2}". */
  text: string;
  index: number;
}

function toNumber(text: string): number {
  return Number(text.replace(/,/g, '').replace('−', '-'));
}

/** Every number in `text`, in order. A percentage keeps its literal value: "50%" is 50. */
export function findNumbers(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const g = m.groups ?? {};
    const num = g.fn ?? g.sn;
    const den = g.fd ?? g.sd;
    const value = num !== undefined && den !== undefined ? toNumber(num) / toNumber(den) : toNumber(g.d ?? '');
    if (Number.isFinite(value) && m.index !== undefined) tokens.push({ value, text: m[0].trim(), index: m.index });
  }
  return tokens;
}

/** The single number a reference answer denotes, or null when it is not exactly one number. */
export function parseNumber(text: string): number | null {
  const tokens = findNumbers(text);
  const only = tokens[0];
  return tokens.length === 1 && only !== undefined ? only.value : null;
}

export interface NumericExtraction {
  value: number | null;
  status: GradeStatus;
  rule: string;
  detail: string;
}

/**
 * The response's final numeric answer. Explicit markers beat position: a \boxed{} answer, a GSM8K-style
 * "#### 42", or the first number after the last "answer is"; otherwise the last number in the text,
 * since models usually end with their result.
 */
export function extractNumber(response: string, options: ExtractionOptions = {}): NumericExtraction {
  const text = stripThinking(response).trim();
  const missing: GradeStatus = options.truncated ? 'truncated' : 'no_answer';
  if (text.length === 0) return { value: null, status: missing, rule: 'empty', detail: 'empty response' };

  const boxed = lastBoxed(text);
  const boxedNumber = boxed === null ? undefined : findNumbers(boxed)[0];
  if (boxedNumber) return found(boxedNumber, 'boxed');

  const hash = /####\s*([^\n]*)/g;
  const hashNumber = [...text.matchAll(hash)].map((m) => findNumbers(m[1] ?? '')[0]).filter((t) => t !== undefined).at(-1);
  if (hashNumber) return found(hashNumber, 'hash_marker');

  const phrases = [...text.matchAll(/\banswer\b[^\n\d−-]{0,20}?(?:\bis\b|\bbe\b|:|=)([^\n]*)/gi)];
  const phraseNumber = phrases.map((m) => findNumbers(m[1] ?? '')[0]).filter((t) => t !== undefined).at(-1);
  if (phraseNumber) return found(phraseNumber, 'answer_is');

  const lastNumber = findNumbers(text).at(-1);
  if (lastNumber) return found(lastNumber, 'last_number');
  return { value: null, status: missing, rule: 'none', detail: 'no number found' };
}

function found(token: NumberToken, rule: string): NumericExtraction {
  return { value: token.value, status: 'answered', rule, detail: token.text };
}

/** |pred - ref| within the larger of the relative tolerance (scaled by |ref|) and the absolute one. */
export function numbersMatch(pred: number, reference: number, options: NumericOptions = {}): boolean {
  const relTol = options.relTol ?? DEFAULT_REL_TOL;
  const absTol = options.absTol ?? DEFAULT_ABS_TOL;
  return Math.abs(pred - reference) <= Math.max(relTol * Math.abs(reference), absTol);
}

/** Grades a numeric response. Throws when the reference is not a single number, a data error that must not be scored. */
export function gradeNumeric(query: Query, response: string, options: NumericOptions & ExtractionOptions = {}): Grade {
  const reference = parseNumber(query.answer);
  if (reference === null) throw new Error(`numeric query ${query.id}: reference "${query.answer}" is not a single number`);
  const found = extractNumber(response, options);
  return {
    grader: 'numeric',
    pred: found.value === null ? null : String(found.value),
    correct: found.value !== null && numbersMatch(found.value, reference, options),
    status: found.status,
    rule: found.rule,
    verdict: found.detail,
  };
}
