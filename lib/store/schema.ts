import type { QueryResult } from './types.ts';

/** How a `QueryResult` field is stored; one kind per Parquet/DuckDB column type. */
/**
 * `numberMap`: an object of numbers (joules per energy domain), stored in Parquet as JSON text.
 * `attemptList`: an array of request attempts or null, stored in Parquet as JSON text (NULL when null).
 */
export type ColumnKind = 'string' | 'nullableString' | 'int' | 'nullableInt' | 'double' | 'nullableDouble' | 'boolean' | 'doubleList' | 'numberMap' | 'attemptList';

export interface Column {
  name: keyof QueryResult;
  kind: ColumnKind;
}

/**
 * Every persisted field, in column order. Typed as a full record so that adding a field to
 * `QueryResult` without deciding how to store it is a compile error here.
 */
const KINDS: { [K in keyof QueryResult]-?: ColumnKind } = {
  runId: 'string',
  queryId: 'string',
  index: 'int',
  domain: 'string',
  model: 'string',
  accelerator: 'string',
  grader: 'string',
  startedAt: 'string',
  response: 'string',
  stopReason: 'string',
  promptTokens: 'int',
  completionTokens: 'int',
  ttftMs: 'double',
  prefillMs: 'double',
  decodeMs: 'double',
  decodeTokensPerS: 'double',
  interTokenMs: 'doubleList',
  reference: 'string',
  pred: 'nullableString',
  correct: 'boolean',
  gradeStatus: 'string',
  gradeRule: 'string',
  verdict: 'string',
  energyJ: 'double',
  prefillEnergyJ: 'double',
  decodeEnergyJ: 'double',
  meanPowerW: 'double',
  durationMs: 'double',
  energySource: 'string',
  energyMethod: 'string',
  energyIsEstimate: 'boolean',
  netEnergyJ: 'double',
  prefillNetEnergyJ: 'double',
  decodeNetEnergyJ: 'double',
  idlePowerW: 'double',
  energyMeasure: 'string',
  energyFlags: 'string',
  energyDomain: 'string',
  energyByDomainJ: 'numberMap',
  netEnergyByDomainJ: 'numberMap',
  systemEnergyJ: 'double',
  promptSha256: 'string',
  clockStartMs: 'double',
  clockEndMs: 'double',
  traceFile: 'nullableString',
  gradeSpanStart: 'nullableInt',
  gradeSpanEnd: 'nullableInt',
  gradeSpanText: 'nullableString',
  judgedVerdict: 'nullableString',
  attempts: 'attemptList',
  reasoningTokens: 'nullableInt',
  reasoningEnergyJ: 'nullableDouble',
  answerEnergyJ: 'nullableDouble',
};

/**
 * Columns added after runs were already on disk, with the value a row written before them reads as: the journal
 * line or Parquet file simply lacks them.
 */
export const LATER_COLUMNS: Readonly<Partial<Record<keyof QueryResult, null>>> = { attempts: null, reasoningTokens: null, reasoningEnergyJ: null, answerEnergyJ: null };

export const COLUMNS: readonly Column[] = (Object.keys(KINDS) as (keyof QueryResult)[]).map((name) => ({
  name,
  kind: KINDS[name],
}));

export const SQL_TYPES: Record<ColumnKind, string> = {
  string: 'VARCHAR',
  nullableString: 'VARCHAR',
  int: 'INTEGER',
  nullableInt: 'INTEGER',
  double: 'DOUBLE',
  nullableDouble: 'DOUBLE',
  boolean: 'BOOLEAN',
  doubleList: 'DOUBLE[]',
  numberMap: 'VARCHAR',
  attemptList: 'VARCHAR',
};

const INT32_MAX = 2 ** 31 - 1;

/** What is wrong with one stored request attempt (lib/run's RequestAttempt), or null. */
function attemptProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'an attempt is not an object';
  const a = value as Record<string, unknown>;
  if (typeof a.startMs !== 'number' || typeof a.endMs !== 'number') return 'an attempt needs numbers startMs and endMs';
  if (a.status !== null && !Number.isInteger(a.status)) return 'an attempt\'s status must be an integer or null';
  if (typeof a.outcome !== 'string') return 'an attempt\'s outcome must be a string';
  if (a.retryAfterMs !== undefined && typeof a.retryAfterMs !== 'number') return 'an attempt\'s retryAfterMs must be a number when present';
  return null;
}

/** What is wrong with `value` as a column of `kind`, or null. */
export function kindProblem(kind: ColumnKind, value: unknown): string | null {
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? null : 'expected a string';
    case 'nullableString':
      return value === null || typeof value === 'string' ? null : 'expected a string or null';
    case 'int':
      return Number.isInteger(value) && Math.abs(value as number) <= INT32_MAX ? null : 'expected a 32-bit integer';
    case 'nullableInt':
      return value === null || (Number.isInteger(value) && Math.abs(value as number) <= INT32_MAX) ? null : 'expected a 32-bit integer or null';
    case 'double':
      return typeof value === 'number' ? null : 'expected a number';
    case 'nullableDouble':
      return value === null || typeof value === 'number' ? null : 'expected a number or null';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'expected a boolean';
    case 'doubleList':
      return Array.isArray(value) && value.every((v) => typeof v === 'number') ? null : 'expected an array of numbers';
    case 'numberMap':
      return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'number')
        ? null
        : 'expected an object of numbers';
    case 'attemptList':
      if (value === null) return null;
      if (!Array.isArray(value)) return 'expected an array of request attempts or null';
      for (const attempt of value) {
        const problem = attemptProblem(attempt);
        if (problem) return problem;
      }
      return null;
  }
}

/** Returns what is wrong with `value` as a `QueryResult`, or null when it is one. */
export function queryResultProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  for (const { name, kind } of COLUMNS) {
    if (!(name in record)) return `missing field "${name}"`;
    const problem = kindProblem(kind, record[name]);
    if (problem) return `field "${name}": ${problem}, got ${JSON.stringify(record[name]) ?? typeof record[name]}`;
  }
  return null;
}

// JSON has no NaN or Infinity; JSON.stringify would silently turn them into null and lose the
// distinction (e.g. tokens/s of a zero-length decode). They travel as these strings instead.
const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

function encodeNumber(n: number): number | string {
  return Number.isFinite(n) ? n : String(n);
}

/** A journal's number back from JSON: "NaN", "Infinity" and "-Infinity" become the numbers; anything else is returned as is. */
export function decodeNumber(v: unknown): unknown {
  return typeof v === 'string' && v in NON_FINITE ? NON_FINITE[v] : v;
}

/** One journal line (without the newline). */
export function encodeQueryResult(result: QueryResult): string {
  const out: Record<string, unknown> = { ...result };
  for (const { name, kind } of COLUMNS) {
    const v = result[name];
    if ((kind === 'double' || kind === 'nullableDouble') && typeof v === 'number') out[name] = encodeNumber(v);
    if (kind === 'doubleList' && Array.isArray(v)) out[name] = (v as number[]).map(encodeNumber);
    if (kind === 'numberMap' && typeof v === 'object' && v !== null) out[name] = encodeNumberMap(v as Record<string, number>);
  }
  return JSON.stringify(out);
}

function encodeNumberMap(map: Readonly<Record<string, number>>): Record<string, number | string> {
  return Object.fromEntries(Object.entries(map).map(([k, n]) => [k, encodeNumber(n)]));
}

function decodeNumberMap(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeNumber(v)]));
}

/** A `numberMap` value as the JSON text stored in Parquet (NaN and infinities as strings, as in the journal). */
export function numberMapToJson(map: Readonly<Record<string, number>>): string {
  return JSON.stringify(encodeNumberMap(map));
}

/** Parses `numberMapToJson`'s text back. */
export function numberMapFromJson(text: string): Record<string, number> {
  return decodeNumberMap(JSON.parse(text)) as Record<string, number>;
}

/** Parses one journal line; throws on bad JSON, returns the problem string for a bad shape. */
export function decodeQueryResult(line: string): QueryResult | string {
  const parsed: unknown = JSON.parse(line);
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
    const record = parsed as Record<string, unknown>;
    for (const [name, value] of Object.entries(LATER_COLUMNS)) if (!(name in record)) record[name] = value;
    for (const { name, kind } of COLUMNS) {
      if (!(name in record)) continue;
      if (kind === 'double' || kind === 'nullableDouble') record[name] = decodeNumber(record[name]);
      if (kind === 'doubleList' && Array.isArray(record[name])) record[name] = (record[name] as unknown[]).map(decodeNumber);
      if (kind === 'numberMap') record[name] = decodeNumberMap(record[name]);
    }
  }
  const problem = queryResultProblem(parsed);
  return problem ?? (parsed as QueryResult);
}
