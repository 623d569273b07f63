/**
 * Regrading from TypeScript: what `ipw grade` does, as one call. Takes a run (the result of `profile()`, or the rows
 * `readResults(runDir)` gives) or grade records, grades every response with a rule set, and returns the verdicts,
 * their summary, and, with `compare`, the agreement between two rule sets; `text` is the table `ipw grade` prints.
 * Pure: reading a run folder is the caller's (`readResults` in lib/store).
 */
import type { GraderName } from '../queries/index.ts';
import {
  compareVerdicts, gradeRecords, summarizeVerdicts, RULE_SETS,
  type Comparison, type GradeRecord, type RuleSetName, type Verdict, type VerdictSummary,
} from './records.ts';
import type { NumericOptions } from './types.ts';

/** The fields of a stored result row that regrading reads (a `QueryResult` from lib/store has them all). */
export interface RegradeRow {
  queryId: string;
  response: string;
  grader: GraderName;
  /** The reference answer (an option letter for `mc`). */
  reference: string;
  /** `max_tokens` marks the response as cut off, so a missing answer reads `truncated`, not `no_answer`. */
  stopReason?: string;
}

/** What `regrade` accepts: a profile() result (its `results`), result rows, or grade records. */
export type RegradeInput = { readonly results: readonly RegradeRow[] } | readonly RegradeRow[] | readonly GradeRecord[];

export interface RegradeOptions extends NumericOptions {
  /** The rule set that grades (default `'default'`; `RULE_SETS` lists them). */
  rules?: RuleSetName;
  /** A second rule set to grade with and compare against `rules`, as `ipw grade --compare A B` does (default: none). */
  compare?: RuleSetName;
}

export interface RegradeComparison extends Comparison {
  /** The two rule sets, in the order `ipw grade --compare A B` names them: `rules`, then `compare`. */
  a: RuleSetName;
  b: RuleSetName;
  /** agree / total; NaN when there is nothing to compare. */
  agreement: number;
  /** The verdicts of `b` (those of `a` are the result's `verdicts`). */
  verdictsB: Verdict[];
}

export interface RegradeResult {
  rules: RuleSetName;
  /** One per graded record, in input order. */
  verdicts: Verdict[];
  /** Counts by status, accuracy over the records with an answer, and the no-answer rate. */
  summary: VerdictSummary;
  /** Rows that were not regraded, with why (rows graded by an LLM judge need the model: grade them in `profile()`). */
  skipped: { id: string; reason: string }[];
  /** Present when `compare` was given. */
  comparison?: RegradeComparison;
  /** The table `ipw grade` prints: counts and accuracy, or with `compare` the agreement and each disagreement. */
  text: string;
  /** In a notebook the result shows as `text`. */
  toMimeBundle(): { 'text/plain': string };
}

const isRow = (x: RegradeRow | GradeRecord): x is RegradeRow => typeof (x as RegradeRow).queryId === 'string';

/**
 * A run's stored results as grade records. Runs do not store option texts, so `mc` is read by letter only; rows
 * graded by a judge are left out (returned in `skipped`).
 */
export function recordsFromResults(rows: readonly RegradeRow[]): { records: GradeRecord[]; skipped: RegradeResult['skipped'] } {
  const records: GradeRecord[] = [];
  const skipped: RegradeResult['skipped'] = [];
  for (const r of rows) {
    if (r.grader === 'judge') {
      skipped.push({ id: r.queryId, reason: 'graded by an LLM judge; regrading it needs the judge model' });
      continue;
    }
    const rec: GradeRecord = { id: r.queryId, response: r.response, grader: r.grader, answer: r.reference };
    if (r.stopReason === 'max_tokens') rec.truncated = true;
    records.push(rec);
  }
  return { records, skipped };
}

function percent(x: number): string {
  return Number.isNaN(x) ? '-' : `${(x * 100).toFixed(1)}%`;
}

/** Counts by status, the no-answer rate and accuracy, as `ipw grade` prints them. */
export function formatVerdictSummary(summary: VerdictSummary): string {
  const lines = ['status       count'];
  for (const [status, count] of Object.entries(summary.byStatus)) lines.push(`${status.padEnd(11)}  ${String(count).padStart(5)}`);
  lines.push(`${'total'.padEnd(11)}  ${String(summary.total).padStart(5)}`, '');
  lines.push(`no-answer rate: ${percent(summary.noAnswerRate)}`);
  lines.push(summary.withAnswer === 0 ? 'accuracy: - (no record has an answer)' : `accuracy: ${percent(summary.accuracy)} (${summary.correct}/${summary.withAnswer})`);
  return lines.join('\n');
}

const short = (v: Verdict): string => `${v.pred ?? '∅'} (${v.status}, ${v.rule})`;

/** `A vs B: agree on n/total (p%)`, then one line per disagreement, as `ipw grade --compare A B` prints them. */
export function formatComparison(a: RuleSetName, b: RuleSetName, cmp: Comparison): string {
  const lines = [`${a} vs ${b}: agree on ${cmp.agree}/${cmp.total} (${percent(cmp.total === 0 ? NaN : cmp.agree / cmp.total)})`];
  for (const d of cmp.disagreements) lines.push(`  ${d.id}: ${a} ${short(d.a)}  |  ${b} ${short(d.b)}`);
  return lines.join('\n');
}

function checkRuleSet(name: unknown, option: 'rules' | 'compare'): RuleSetName {
  if ((RULE_SETS as readonly unknown[]).includes(name)) return name as RuleSetName;
  throw new Error(`regrade: ${option} is ${JSON.stringify(name)}; use one of ${RULE_SETS.map((r) => `'${r}'`).join(', ')}`);
}

/**
 * Regrades a run's responses (or any grade records) with a rule set, and optionally compares two rule sets.
 *
 * ```ts
 * const { summary, verdicts } = regrade(run);                                  // run = await profile(...)
 * regrade(await readResults('runs/x'), { rules: 'default', compare: 'naive-last-letter' }).text;
 * ```
 */
export function regrade(input: RegradeInput, options: RegradeOptions = {}): RegradeResult {
  const rules = checkRuleSet(options.rules ?? 'default', 'rules');
  const other = options.compare === undefined ? undefined : checkRuleSet(options.compare, 'compare');
  const list: readonly (RegradeRow | GradeRecord)[] = Array.isArray(input) ? input : (input as { results?: readonly RegradeRow[] }).results ?? [];
  if (!Array.isArray(list)) throw new Error('regrade: pass a profile() result, result rows (readResults) or grade records');
  const rows = list.filter(isRow);
  if (rows.length > 0 && rows.length !== list.length) throw new Error('regrade: mixed input; pass either result rows (with queryId) or grade records (with id), not both');
  const { records, skipped } = rows.length > 0 ? recordsFromResults(rows) : { records: list as GradeRecord[], skipped: [] };
  const tolerance: NumericOptions = { relTol: options.relTol, absTol: options.absTol };
  const verdicts = gradeRecords(records, rules, tolerance);
  const summary = summarizeVerdicts(verdicts);
  let comparison: RegradeComparison | undefined;
  if (other !== undefined) {
    const verdictsB = gradeRecords(records, other, tolerance);
    const cmp = compareVerdicts(verdicts, verdictsB);
    comparison = { ...cmp, a: rules, b: other, agreement: cmp.total === 0 ? NaN : cmp.agree / cmp.total, verdictsB };
  }
  let text = comparison ? formatComparison(rules, comparison.b, comparison) : formatVerdictSummary(summary);
  if (skipped.length > 0) text += `\n${skipped.length} judge-graded row(s) not regraded`;
  return { rules, verdicts, summary, skipped, comparison, text, toMimeBundle: () => ({ 'text/plain': text }) };
}
