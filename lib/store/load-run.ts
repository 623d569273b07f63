// A load run's folder (lib/load): `load.json` (settings, written first), `journal.jsonl` (one line per finished
// request, flushed in small batches while the load runs), and at the end `requests.jsonl` and `requests.parquet`
// (every request with its energy), `summary.json` and `intervals.json` (the load window's energy, interval by interval).
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { commitTemp, fsyncDir, readJsonFile, tempPathFor, writeFileAtomic } from './fsutil.ts';
import { appendValue } from './parquet.ts';
import { SQL_TYPES, type ColumnKind } from './schema.ts';
import { quoteIdent } from './sql-quote.ts';

export const LOAD_SPEC_FILE = 'load.json';
export const LOAD_JOURNAL_FILE = 'journal.jsonl';
export const LOAD_REQUESTS_FILE = 'requests.jsonl';
export const LOAD_PARQUET_FILE = 'requests.parquet';
export const LOAD_SUMMARY_FILE = 'summary.json';
export const LOAD_INTERVALS_FILE = 'intervals.json';

/** One request of a load run. Times are ms on the run's `performance.now()` clock, the clock of its power trace. */
export interface LoadRequestRow {
  runId: string;
  /** `r000001`, ... in dispatch order. */
  requestId: string;
  /** 0-based dispatch order. */
  index: number;
  queryId: string;
  domain: string;
  model: string;
  accelerator: string;
  grader: string;
  /** When the request was due (open loop: its scheduled arrival; closed loop: when a slot freed), and when it was sent. */
  scheduledMs: number;
  sentMs: number;
  /** First reply chunk; NaN without one. */
  firstTokenMs: number;
  endMs: number;
  /** Arrival time of every reply chunk. */
  tokenTimesMs: number[];
  promptTokens: number;
  completionTokens: number;
  stopReason: string;
  /** False for a failed request (error status, dropped stream, timeout): a failure, counted, never a latency. */
  ok: boolean;
  error: string | null;
  /** vLLM's definitions (lib/load serving-metrics.ts); NaN where they do not apply. */
  ttftMs: number;
  tpotMs: number;
  e2elMs: number;
  /** The server's own prefill and decode ms for this request (llama-server `timings`); NaN when it sent none. */
  serverPromptMs: number;
  serverDecodeMs: number;
  response: string;
  pred: string | null;
  correct: boolean;
  gradeStatus: string;
  gradeRule: string;
  /** Attributed joules (lib/load attribution.ts): gross (with its share of idle) and net; NaN in the journal, before attribution. */
  energyJ: number;
  netEnergyJ: number;
  /** energyJ over the request's send-to-end time. */
  meanPowerW: number;
  /** Attribution weights: prefillWeight x prompt tokens, and output tokens after the first. */
  prefillUnits: number;
  decodeUnits: number;
  energySource: string;
  energyMethod: string;
  energyIsEstimate: boolean;
  energyDomain: string;
  energyMeasure: string;
}

type Kind = Extract<ColumnKind, 'string' | 'nullableString' | 'int' | 'double' | 'boolean' | 'doubleList'>;

/** Every stored field and its column type; a field added to `LoadRequestRow` without a kind is a compile error. */
const KINDS: { [K in keyof LoadRequestRow]-?: Kind } = {
  runId: 'string',
  requestId: 'string',
  index: 'int',
  queryId: 'string',
  domain: 'string',
  model: 'string',
  accelerator: 'string',
  grader: 'string',
  scheduledMs: 'double',
  sentMs: 'double',
  firstTokenMs: 'double',
  endMs: 'double',
  tokenTimesMs: 'doubleList',
  promptTokens: 'int',
  completionTokens: 'int',
  stopReason: 'string',
  ok: 'boolean',
  error: 'nullableString',
  ttftMs: 'double',
  tpotMs: 'double',
  e2elMs: 'double',
  serverPromptMs: 'double',
  serverDecodeMs: 'double',
  response: 'string',
  pred: 'nullableString',
  correct: 'boolean',
  gradeStatus: 'string',
  gradeRule: 'string',
  energyJ: 'double',
  netEnergyJ: 'double',
  meanPowerW: 'double',
  prefillUnits: 'double',
  decodeUnits: 'double',
  energySource: 'string',
  energyMethod: 'string',
  energyIsEstimate: 'boolean',
  energyDomain: 'string',
  energyMeasure: 'string',
};
const FIELDS = Object.keys(KINDS) as (keyof LoadRequestRow)[];

// JSON has no NaN or Infinity; they travel as these strings, in numeric fields only.
const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** JSON text with NaN and infinities kept as "NaN", "Infinity", "-Infinity". */
export function toJsonKeepingNaN(value: unknown, space?: number): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), space);
}

/** Parses `toJsonKeepingNaN` text; every "NaN"/"Infinity"/"-Infinity" string becomes the number (summaries only). */
function parseKeepingNaN(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => (typeof v === 'string' && v in NON_FINITE ? NON_FINITE[v] : v));
}

/** What is wrong with a row, or null. */
function rowProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const row = value as Record<string, unknown>;
  for (const name of FIELDS) {
    const v = row[name];
    const ok = (() => {
      switch (KINDS[name]) {
        case 'string':
          return typeof v === 'string';
        case 'nullableString':
          return v === null || typeof v === 'string';
        case 'int':
          return Number.isInteger(v);
        case 'double':
          return typeof v === 'number';
        case 'boolean':
          return typeof v === 'boolean';
        case 'doubleList':
          return Array.isArray(v) && v.every((x) => typeof x === 'number');
      }
    })();
    if (!ok) return `field "${name}" should be ${KINDS[name]}, got ${JSON.stringify(v) ?? typeof v}`;
  }
  return null;
}

function encodeRow(row: LoadRequestRow): string {
  return toJsonKeepingNaN(Object.fromEntries(FIELDS.map((f) => [f, row[f]])));
}

function decodeRow(line: string, where: string): LoadRequestRow {
  const parsed = JSON.parse(line) as Record<string, unknown>;
  if (typeof parsed === 'object' && parsed !== null) {
    for (const name of FIELDS) {
      const v = parsed[name];
      if (KINDS[name] === 'double' && typeof v === 'string' && v in NON_FINITE) parsed[name] = NON_FINITE[v];
    }
  }
  const problem = rowProblem(parsed);
  if (problem) throw new Error(`${where}: ${problem}`);
  return parsed as unknown as LoadRequestRow;
}

/** Reads JSONL rows; a torn last line (a write cut short) is ignored, a bad complete line throws naming it. */
function readRows(file: string): LoadRequestRow[] {
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  // The text after the last newline is a torn write (or empty).
  lines.pop();
  return lines.filter((l) => l.trim() !== '').map((line, i) => decodeRow(line, `${file} line ${i + 1}`));
}

/** What defines a load run: written to `load.json` before any request is sent. */
export interface LoadRunSpec {
  runId: string;
  createdAt: string;
  model: { url?: string; path?: string; name: string };
  queriesSource: string;
  settings: Record<string, unknown>;
}

/**
 * Creates `runDir` and writes `load.json`; refuses a folder that already holds a run (a load run or a profile run),
 * so two runs never mix.
 */
export function startLoadRun(runDir: string, spec: LoadRunSpec): void {
  for (const name of [LOAD_SPEC_FILE, 'run.json', LOAD_JOURNAL_FILE]) {
    if (fs.existsSync(path.join(runDir, name))) throw new Error(`${runDir} already holds a run (${name} exists); choose a new outDir`);
  }
  fs.mkdirSync(runDir, { recursive: true });
  writeFileAtomic(path.join(runDir, LOAD_SPEC_FILE), toJsonKeepingNaN(spec, 2) + '\n');
}

/**
 * The requests of a load run as they finish, one JSON line each. Lines are written and fsynced in batches (every
 * `flushMs`, and on `close`), not one by one, so the disk never stalls the event loop that timestamps the streams
 * still in flight; a crash loses at most the last `flushMs` of finished requests.
 */
export class LoadJournal {
  readonly file: string;
  #fd: number | null;
  #pending: string[] = [];
  readonly #timer: NodeJS.Timeout;

  constructor(runDir: string, flushMs = 250) {
    this.file = path.join(runDir, LOAD_JOURNAL_FILE);
    this.#fd = fs.openSync(this.file, 'a');
    fsyncDir(runDir);
    this.#timer = setInterval(() => this.flush(), flushMs);
    this.#timer.unref();
  }

  /** Queues one finished request; it reaches the disk at the next flush. */
  append(row: LoadRequestRow): void {
    if (this.#fd === null) throw new Error(`load journal ${this.file} is closed`);
    const problem = rowProblem(row);
    if (problem) throw new Error(`refusing to journal request ${String(row?.requestId)}: ${problem}`);
    this.#pending.push(encodeRow(row) + '\n');
  }

  /** Writes and fsyncs what is queued, as one write. */
  flush(): void {
    if (this.#fd === null || this.#pending.length === 0) return;
    const bytes = Buffer.from(this.#pending.join(''), 'utf8');
    this.#pending = [];
    let written = 0;
    while (written < bytes.length) written += fs.writeSync(this.#fd, bytes, written, bytes.length - written);
    fs.fsyncSync(this.#fd);
  }

  close(): void {
    clearInterval(this.#timer);
    if (this.#fd === null) return;
    this.flush();
    fs.closeSync(this.#fd);
    this.#fd = null;
  }
}

/** Writes the rows to Parquet (token times as a list column), replacing `target` atomically. */
async function writeRequestsParquet(target: string, rows: readonly LoadRequestRow[]): Promise<void> {
  const temp = tempPathFor(target);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`CREATE TABLE requests (${FIELDS.map((f) => `${quoteIdent(f)} ${SQL_TYPES[KINDS[f]]}`).join(', ')})`);
    const appender = await connection.createAppender('requests');
    for (const row of rows) {
      for (const f of FIELDS) appendValue(appender, KINDS[f], row[f]);
      appender.endRow();
    }
    appender.closeSync();
    await connection.run(`COPY (SELECT * FROM requests ORDER BY ${quoteIdent('index')}) TO $1 (FORMAT parquet)`, [temp]);
    commitTemp(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Writes the finished run: every request with its energy (JSONL and Parquet), the summary and the interval timeline. */
export async function finishLoadRun(runDir: string, rows: readonly LoadRequestRow[], summary: unknown, intervals: unknown): Promise<void> {
  for (const row of rows) {
    const problem = rowProblem(row);
    if (problem) throw new Error(`cannot store request ${String(row.requestId)}: ${problem}`);
  }
  const sorted = [...rows].sort((a, b) => a.index - b.index);
  writeFileAtomic(path.join(runDir, LOAD_REQUESTS_FILE), sorted.map((r) => encodeRow(r) + '\n').join(''));
  await writeRequestsParquet(path.join(runDir, LOAD_PARQUET_FILE), sorted);
  writeFileAtomic(path.join(runDir, LOAD_INTERVALS_FILE), toJsonKeepingNaN(intervals) + '\n');
  writeFileAtomic(path.join(runDir, LOAD_SUMMARY_FILE), toJsonKeepingNaN(summary, 2) + '\n');
}

/** A load run read back: settings, requests (with energy once finished, else as journaled), summary and timeline. */
export interface LoadRunContents {
  spec: LoadRunSpec;
  /** True when `requests.jsonl` and `summary.json` were written (the run finished). */
  finished: boolean;
  rows: LoadRequestRow[];
  summary: unknown;
  intervals: unknown;
}

/** Reads a load run folder; an unfinished one gives its journaled requests (energy NaN) and no summary. */
export function readLoadRun(runDir: string): LoadRunContents {
  const specFile = path.join(runDir, LOAD_SPEC_FILE);
  if (!fs.existsSync(specFile)) throw new Error(`${runDir} has no ${LOAD_SPEC_FILE}, so it is not a load run folder`);
  const spec = readJsonFile(specFile) as LoadRunSpec;
  const summaryFile = path.join(runDir, LOAD_SUMMARY_FILE);
  const finished = fs.existsSync(summaryFile) && fs.existsSync(path.join(runDir, LOAD_REQUESTS_FILE));
  const rows = finished ? readRows(path.join(runDir, LOAD_REQUESTS_FILE)) : readRows(path.join(runDir, LOAD_JOURNAL_FILE));
  return {
    spec,
    finished,
    rows,
    summary: finished ? parseKeepingNaN(fs.readFileSync(summaryFile, 'utf8')) : null,
    intervals: finished && fs.existsSync(path.join(runDir, LOAD_INTERVALS_FILE)) ? parseKeepingNaN(fs.readFileSync(path.join(runDir, LOAD_INTERVALS_FILE), 'utf8')) : null,
  };
}
