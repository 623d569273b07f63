/**
 * Judge agreement beside the accuracy. `ipw grade <run> --judges A,B` (or `--judge A --judge-repeats N`) stores
 * every judge reading of a run and their agreement summary in the run folder (`JUDGE_AGREEMENT_FILE`); this
 * module turns those files into one table row per run: Cohen's kappa between the judges, the accuracy with each
 * judge deciding the responses it read and the swing between them, and the share of readings that changed across
 * repeats. The accuracy of the IPW table stays the rules' (or the judge pass's); this says how far judges move it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { JUDGE_AGREEMENT_FILE, type AgreementSummary, type PairAgreement } from '../grade/index.ts';
import { formatTextTable } from './format.ts';
import type { Study } from './study.ts';
import { parquetOf } from './tags.ts';
import type { RunTag, Table, TableValue } from './types.ts';

/** What a judge agreement file holds: the summary, and how many readings it stored. */
export interface StoredAgreement {
  summary: AgreementSummary;
  readings: number;
}

const NUMBER_FIELDS = ['judged', 'repeats', 'accuracySwing', 'repeatChangeRate'] as const;

/**
 * Parses the text of a judge agreement file (`{"type":"reading"}` lines, then one `{"type":"summary"}`; NaN was
 * written as null). Throws naming the file, the line and the fix when a line is not JSON or the summary is missing.
 */
export function parseJudgeAgreement(text: string, file: string): StoredAgreement {
  const fix = 'grade the run with its judges again (regrade with judges) to rewrite it';
  let summary: AgreementSummary | null = null;
  let readings = 0;
  text.split('\n').forEach((line, i) => {
    if (line.trim().length === 0) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`${file}:${i + 1}: not valid JSON (${(error as Error).message}); ${fix}`);
    }
    const type = (value as { type?: unknown } | null)?.type;
    if (type === 'reading') readings++;
    else if (type === 'summary') summary = value as AgreementSummary;
    else throw new Error(`${file}:${i + 1}: field "type" is ${JSON.stringify(type)}, expected "reading" or "summary"; ${fix}`);
  });
  if (summary === null) throw new Error(`${file}: no summary line, so the judge pass did not finish; ${fix}`);
  const s: AgreementSummary = summary;
  for (const field of NUMBER_FIELDS) {
    const v: unknown = s[field];
    if (v !== null && typeof v !== 'number') throw new Error(`${file}: summary field "${field}" is ${JSON.stringify(v)}, expected a number; ${fix}`);
  }
  if (!Array.isArray(s.judges) || !Array.isArray(s.betweenJudges) || !Array.isArray(s.accuracy?.byJudge) || !Array.isArray(s.repeatSwing)) {
    throw new Error(`${file}: the summary lacks "judges", "betweenJudges", "accuracy.byJudge" or "repeatSwing"; ${fix}`);
  }
  return { summary: s, readings };
}

/** A stored number, or null where the summary had none (NaN is stored as null: undefined kappa, one judge, one repeat). */
const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

const minOf = (xs: ReadonlyArray<number | null>): number | null => {
  const finite = xs.filter((x): x is number => x !== null);
  return finite.length === 0 ? null : Math.min(...finite);
};
const maxOf = (xs: ReadonlyArray<number | null>): number | null => {
  const finite = xs.filter((x): x is number => x !== null);
  return finite.length === 0 ? null : Math.max(...finite);
};

/** Columns of the judge agreement table, with their DuckDB types (kept in the Parquet file). */
export const JUDGE_AGREEMENT_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['runId', 'VARCHAR'],
  ['model', 'VARCHAR'],
  ['accelerator', 'VARCHAR'],
  ['judges', 'VARCHAR'],
  // Responses the judges read, times each judge read each, and every reading stored.
  ['judged', 'INTEGER'],
  ['repeats', 'INTEGER'],
  ['scope', 'VARCHAR'],
  ['readings', 'INTEGER'],
  // Accuracy (fractions) over the run's records with answers: the rules alone, and with each judge deciding what it read.
  ['rulesAccuracy', 'DOUBLE'],
  ['judgeAccuracyMin', 'DOUBLE'],
  ['judgeAccuracyMax', 'DOUBLE'],
  ['accuracySwing', 'DOUBLE'],
  // Cohen's kappa between judges: the lowest over judge pairs (the one pair's with two judges), and its share of equal labels.
  ['kappa', 'DOUBLE'],
  ['agreement', 'DOUBLE'],
  ['kappaPairs', 'VARCHAR'],
  // Share of (response, judge) readings that changed across repeats, and the largest per-judge accuracy swing across repeats.
  ['repeatChangeRate', 'DOUBLE'],
  ['repeatSwing', 'DOUBLE'],
  // results.parquet changed after the judges read the run.
  ['stale', 'BOOLEAN'],
];

/** One run's row of the judge agreement table, from its stored summary (pure). */
export function judgeAgreementRow(tag: Pick<RunTag, 'runId' | 'model' | 'accelerator'>, stored: StoredAgreement, stale: boolean): Record<string, TableValue> {
  const s = stored.summary;
  const pairs = s.betweenJudges.map((p: PairAgreement) => ({ ...p, kappa: num(p.kappa), agreement: num(p.agreement) }));
  const defined = pairs.filter((p) => p.kappa !== null);
  const lowest = defined.length > 0 ? defined.reduce((low, p) => (p.kappa! < low.kappa! ? p : low)) : null;
  const byJudge = s.accuracy.byJudge.map((j) => num(j.accuracy));
  return {
    runId: tag.runId,
    model: tag.model,
    accelerator: tag.accelerator,
    judges: s.judges.join(', '),
    judged: num(s.judged),
    repeats: num(s.repeats),
    scope: s.scope,
    readings: stored.readings,
    rulesAccuracy: num(s.accuracy.rules),
    judgeAccuracyMin: minOf(byJudge),
    judgeAccuracyMax: maxOf(byJudge),
    accuracySwing: num(s.accuracySwing),
    kappa: lowest?.kappa ?? null,
    agreement: (lowest ?? (pairs.length === 1 ? pairs[0] : null))?.agreement ?? null,
    kappaPairs: pairs.map((p) => `${p.a} vs ${p.b}: ${p.kappa === null ? 'undefined' : p.kappa.toFixed(2)}`).join('; '),
    repeatChangeRate: num(s.repeatChangeRate),
    repeatSwing: maxOf(s.repeatSwing.map((r) => num(r.swing))),
    stale,
  };
}

/**
 * The judge agreement of every run in the study whose folder holds `JUDGE_AGREEMENT_FILE`: one row per such run
 * (none when no run was judged). A file that cannot be read is left out with a warning naming it; a run whose
 * results changed after the judges read it is kept, marked `stale`, with a warning.
 */
export function judgeAgreementTable(study: Pick<Study, 'runs'>): { table: Table; warnings: string[] } {
  const rows: Array<Record<string, TableValue>> = [];
  const warnings: string[] = [];
  for (const tag of study.runs) {
    const file = path.join(tag.runDir, JUDGE_AGREEMENT_FILE);
    if (!fs.existsSync(file)) continue;
    let stored: StoredAgreement;
    try {
      stored = parseJudgeAgreement(fs.readFileSync(file, 'utf8'), file);
    } catch (error) {
      warnings.push(`judge agreement of run ${tag.runId} left out: ${(error as Error).message}`);
      continue;
    }
    const results = parquetOf(tag.runDir);
    const stale = fs.existsSync(results) && fs.statSync(results).mtimeMs > fs.statSync(file).mtimeMs;
    if (stale) warnings.push(`${file}: ${results} changed after the judges read run ${tag.runId}; grade it with its judges again`);
    rows.push(judgeAgreementRow(tag, stored, stale));
  }
  return { table: { columns: JUDGE_AGREEMENT_COLUMNS.map(([c]) => c), columnTypes: JUDGE_AGREEMENT_COLUMNS.map(([, t]) => t), rows }, warnings };
}

const percent = (x: TableValue | undefined): string => (typeof x === 'number' ? `${(x * 100).toFixed(1)}%` : '-');
const points = (x: TableValue | undefined): string => (typeof x === 'number' ? `${(x * 100).toFixed(1)} pts` : '-');

/** The judge agreement table for a terminal: accuracy with the rules and the judges, the swing, kappa, repeat changes. */
export function formatJudgeAgreement(table: Table): string {
  const shown: Table = {
    columns: ['run', 'model', 'accelerator', 'judges', 'read', 'repeats', 'accuracy (rules)', 'with judges', 'swing', 'kappa', 'repeat changes'],
    columnTypes: [],
    rows: table.rows.map((r) => ({
      run: `${String(r.runId)}${r.stale === true ? ' (stale)' : ''}`,
      model: r.model ?? null,
      accelerator: r.accelerator ?? null,
      judges: r.judges ?? null,
      read: r.judged ?? null,
      repeats: r.repeats ?? null,
      'accuracy (rules)': percent(r.rulesAccuracy),
      'with judges': r.judgeAccuracyMin === r.judgeAccuracyMax ? percent(r.judgeAccuracyMin) : `${percent(r.judgeAccuracyMin)} to ${percent(r.judgeAccuracyMax)}`,
      swing: points(r.accuracySwing),
      kappa: typeof r.kappa === 'number' ? r.kappa.toFixed(2) : '-',
      'repeat changes': typeof r.repeatChangeRate === 'number' ? `${percent(r.repeatChangeRate)} (swing ${points(r.repeatSwing)})` : '-',
    })),
  };
  const header = `Judge agreement (${JUDGE_AGREEMENT_FILE}, written when a run is graded with judges; kappa between judges, the lowest pair's; "-": one judge or one repeat):`;
  return `${header}\n${formatTextTable(shown)}`;
}
