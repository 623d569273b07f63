/**
 * Regrading any set of outputs: records read from JSONL (validated with file/line/field errors), graded
 * by a named rule set, summarized and compared. Pure; the CLI does the I/O.
 */
import { GRADER_NAMES, type GraderName, type Query } from '../queries/index.ts';
import { gradeExact } from './exact.ts';
import { extractMathAnswer } from './math-extract.ts';
import { mathEqual } from './math-equal.ts';
import { normalizeMath } from './math-normalize.ts';
import { extractMcAnswer, referenceLetter, validLetters } from './mc.ts';
import { gradeNaiveLastLetter, naiveLastNumber } from './naive.ts';
import { withinTolerance } from './math-equal.ts';
import type { GradeSpan, GradeStatus, NumericOptions } from './types.ts';

export interface GradeRecord {
  id: string;
  response: string;
  grader: Exclude<GraderName, 'judge'>;
  choices?: string[];
  /** How many options, when their texts are not given. */
  nChoices?: number;
  answer?: string;
  truncated?: boolean;
  /** The question as asked (field "question" or "prompt"); multiple choice reads NOT questions and echoes with it. */
  question?: string;
}

export interface Verdict {
  id: string;
  pred: string | null;
  /** Present only when the record has an answer. */
  correct?: boolean;
  status: GradeStatus;
  rule: string;
  span?: GradeSpan | null;
  /** How the rule decided: for multiple choice, the candidates passed over and why. */
  detail?: string;
}

export const RULE_SETS = ['default', 'naive-last-letter'] as const;
export type RuleSetName = (typeof RULE_SETS)[number];

function fail(source: string, line: number, message: string): never {
  throw new Error(`${source}:${line}: ${message}`);
}

function optionalString(rec: Record<string, unknown>, field: string, source: string, line: number): string | undefined {
  const v = rec[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return fail(source, line, `field "${field}" must be a string, got ${JSON.stringify(v)}`);
}

/** One JSON object to a record; throws naming the source, line and field. */
export function toGradeRecord(value: unknown, source: string, line: number): GradeRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(source, line, 'expected a JSON object');
  const rec = value as Record<string, unknown>;
  const id = optionalString(rec, 'id', source, line) ?? fail(source, line, 'missing field "id"');
  const response = rec.response;
  if (typeof response !== 'string') fail(source, line, `field "response" must be a string, got ${JSON.stringify(response) ?? 'nothing'}`);
  let choices: string[] | undefined;
  if (rec.choices !== undefined && rec.choices !== null) {
    if (!Array.isArray(rec.choices) || rec.choices.length === 0 || !rec.choices.every((c) => typeof c === 'string' || typeof c === 'number')) {
      fail(source, line, 'field "choices" must be a non-empty array of strings');
    }
    choices = (rec.choices as Array<string | number>).map(String);
  }
  const rawN = rec.n_choices ?? rec.nChoices;
  let nChoices: number | undefined;
  if (rawN !== undefined && rawN !== null) {
    if (typeof rawN !== 'number' || !Number.isInteger(rawN) || rawN < 1 || rawN > 26) fail(source, line, 'field "n_choices" must be an integer from 1 to 26');
    nChoices = rawN;
  }
  const answer = optionalString(rec, 'answer', source, line);
  const question = optionalString(rec, 'question', source, line) ?? optionalString(rec, 'prompt', source, line);
  const rawGrader = optionalString(rec, 'grader', source, line);
  let grader: GradeRecord['grader'];
  if (rawGrader === undefined) grader = choices || nChoices !== undefined ? 'mc' : 'numeric';
  else if (rawGrader === 'judge' || !(GRADER_NAMES as readonly string[]).includes(rawGrader)) {
    return fail(source, line, `field "grader" is "${rawGrader}"; use mc, numeric or exact (judging needs a model: grade these queries in profile, with the judge option)`);
  } else grader = rawGrader as GradeRecord['grader'];
  if (grader === 'exact' && answer === undefined) fail(source, line, 'grader "exact" needs field "answer"');
  const truncated = rec.truncated === true || rec.stop_reason === 'max_tokens' || rec.stopReason === 'max_tokens' || rec.finish_reason === 'length';
  const out: GradeRecord = { id, response, grader };
  if (choices) out.choices = choices;
  if (nChoices !== undefined) out.nChoices = nChoices;
  if (answer !== undefined) out.answer = answer;
  if (truncated) out.truncated = true;
  if (question !== undefined) out.question = question;
  if (grader === 'mc' && answer !== undefined) {
    try {
      referenceLetter(asQuery(out));
    } catch (error) {
      fail(source, line, `field "answer": ${(error as Error).message}`);
    }
  }
  return out;
}

/** Parses JSONL text; blank lines are skipped, anything else must be a valid record (the first bad line throws). */
export function parseGradeRecords(text: string, source: string): GradeRecord[] {
  const { records, problems } = readGradeRecords(text, source);
  if (problems[0]) throw new Error(problems[0].message);
  return records;
}

/** A line of a records file that is not a valid record. */
export interface RecordProblem {
  line: number;
  /** "<source>:<line>: <what is wrong>". */
  message: string;
}

/** Parses JSONL text, keeping every valid record and one problem per line that is not one, so the rest can still be graded. */
export function readGradeRecords(text: string, source: string): { records: GradeRecord[]; problems: RecordProblem[] } {
  const records: GradeRecord[] = [];
  const problems: RecordProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim().length === 0) return;
    try {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        fail(source, i + 1, `not valid JSON (${(error as Error).message})`);
      }
      records.push(toGradeRecord(value, source, i + 1));
    } catch (error) {
      problems.push({ line: i + 1, message: (error as Error).message });
    }
  });
  return { records, problems };
}

/** The record as a query, for the graders and the judge prompts. */
export function asQuery(r: GradeRecord): Query {
  const q: Query = { id: r.id, prompt: r.question ?? '', domain: '', answer: r.answer ?? '', grader: r.grader };
  if (r.choices) q.choices = r.choices;
  return q;
}

/** How many options a record has: its choices, n_choices, else four widened to reach the reference letter. */
export function choiceCount(r: GradeRecord): number {
  if (r.choices) return r.choices.length;
  if (r.nChoices !== undefined) return r.nChoices;
  const ref = r.answer?.trim().toUpperCase() ?? '';
  return Math.max(4, /^[A-Z]$/.test(ref) ? ref.charCodeAt(0) - 64 : 0);
}

function gradeDefault(r: GradeRecord, options: NumericOptions): Verdict {
  if (r.grader === 'mc') {
    const found = extractMcAnswer(r.response, choiceCount(r), r.choices, { truncated: r.truncated, question: r.question });
    const v: Verdict = { id: r.id, pred: found.pred, status: found.status, rule: found.rule, span: found.span, detail: found.detail };
    if (r.answer !== undefined) v.correct = found.pred === referenceLetter({ ...asQuery(r), choices: r.choices ?? [...validLetters(choiceCount(r))] });
    return v;
  }
  if (r.grader === 'numeric') {
    const found = extractMathAnswer(r.response, { truncated: r.truncated });
    const v: Verdict = { id: r.id, pred: found.answer === null ? null : normalizeMath(found.answer).latex, status: found.status, rule: found.rule, span: found.span, detail: found.detail };
    if (r.answer !== undefined) v.correct = found.answer !== null && mathEqual(found.answer, r.answer, options);
    return v;
  }
  const g = gradeExact(asQuery(r), r.response, { truncated: r.truncated });
  return { id: r.id, pred: g.pred, correct: g.correct, status: g.status, rule: g.rule };
}

function gradeNaive(r: GradeRecord): Verdict {
  if (r.grader === 'mc') {
    const n = gradeNaiveLastLetter(r.response, choiceCount(r));
    const v: Verdict = { id: r.id, ...n };
    if (r.answer !== undefined) v.correct = n.pred === referenceLetter({ ...asQuery(r), choices: r.choices ?? [...validLetters(choiceCount(r))] });
    return v;
  }
  const n = naiveLastNumber(r.response);
  const v: Verdict = { id: r.id, ...n };
  const ref = r.answer === undefined ? NaN : Number(r.answer.replace(/,/g, ''));
  if (r.answer !== undefined) v.correct = n.pred !== null && withinTolerance(Number(n.pred), ref);
  return v;
}

/** Grades every record with the named rule set. Throws for an unknown rule set. */
export function gradeRecords(records: readonly GradeRecord[], ruleSet: RuleSetName = 'default', options: NumericOptions = {}): Verdict[] {
  return records.map((r) => (ruleSet === 'default' ? gradeDefault(r, options) : gradeNaive(r)));
}

export interface VerdictSummary {
  total: number;
  byStatus: Record<GradeStatus, number>;
  /** Records that have an answer to compare with. */
  withAnswer: number;
  correct: number;
  /** correct / withAnswer; NaN when no record has an answer. */
  accuracy: number;
  /** no_answer / total. */
  noAnswerRate: number;
}

export function summarizeVerdicts(verdicts: readonly Verdict[]): VerdictSummary {
  const byStatus: Record<GradeStatus, number> = { answered: 0, no_answer: 0, truncated: 0, ambiguous: 0, refused: 0, error: 0 };
  let withAnswer = 0;
  let correct = 0;
  for (const v of verdicts) {
    byStatus[v.status]++;
    if (v.correct !== undefined) {
      withAnswer++;
      if (v.correct) correct++;
    }
  }
  return {
    total: verdicts.length,
    byStatus,
    withAnswer,
    correct,
    accuracy: withAnswer === 0 ? NaN : correct / withAnswer,
    noAnswerRate: verdicts.length === 0 ? NaN : byStatus.no_answer / verdicts.length,
  };
}

export interface Comparison {
  total: number;
  /** Same pred and same status. */
  agree: number;
  disagreements: Array<{ id: string; a: Verdict; b: Verdict }>;
}

/** Agreement of two verdict lists over the same records, matched by position (ids must line up). */
export function compareVerdicts(a: readonly Verdict[], b: readonly Verdict[]): Comparison {
  if (a.length !== b.length) throw new Error(`cannot compare ${a.length} verdicts with ${b.length}`);
  const disagreements: Comparison['disagreements'] = [];
  a.forEach((va, i) => {
    const vb = b[i]!;
    if (va.id !== vb.id) throw new Error(`verdict ${i + 1} is for "${va.id}" on one side and "${vb.id}" on the other`);
    if (va.pred !== vb.pred || va.status !== vb.status) disagreements.push({ id: va.id, a: va, b: vb });
  });
  return { total: a.length, agree: a.length - disagreements.length, disagreements };
}
