import fs from 'node:fs';
import path from 'node:path';
import { OptionError } from '../errors/index.ts';
import { jsonDifferences, toJson } from './diff.ts';
import { readJsonFile, writeFileAtomic } from './fsutil.ts';
import { JOURNAL_FILE, RUN_FILE } from './files.ts';
import { readJournal } from './journal-read.ts';
import type { NewRunSpec, QueryResult, RunIdentity, RunSpec } from './types.ts';

/** A started or resumed run. Append results through `RunJournal.open(runDir)`. */
export interface RunHandle {
  runDir: string;
  runId: string;
  spec: RunSpec;
  /** queryIds already in the journal (empty for a new run). */
  completedIds: Set<string>;
}

const FRESH_RUN_HINT = 'To start a fresh run, choose a new outDir.';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkQueryIds(queryIds: unknown, where: string): asserts queryIds is string[] {
  if (!Array.isArray(queryIds) || !queryIds.every((id) => typeof id === 'string')) {
    throw new Error(`${where}: queryIds must be an array of strings`);
  }
  const seen = new Set<string>();
  for (const id of queryIds) {
    if (seen.has(id)) throw new Error(`${where}: queryId ${JSON.stringify(id)} appears more than once`);
    seen.add(id);
  }
}

/** Validates the shape of a run spec read from disk or passed by a caller. */
function parseRunSpec(value: unknown, where: string): RunSpec {
  if (!isPlainObject(value)) throw new Error(`${where}: expected a JSON object`);
  for (const key of ['runId', 'createdAt', 'queriesSource'] as const) {
    if (typeof value[key] !== 'string' || value[key] === '') throw new Error(`${where}: ${key} must be a non-empty string`);
  }
  if (!isPlainObject(value.model)) throw new Error(`${where}: model must be an object`);
  if (typeof value.model.path !== 'string' && typeof value.model.url !== 'string') {
    throw new Error(`${where}: model needs a path or a url`);
  }
  if (!isPlainObject(value.settings)) throw new Error(`${where}: settings must be an object`);
  checkQueryIds(value.queryIds, where);
  return value as unknown as RunSpec;
}

/** Reads and validates `runDir/run.json`. */
export function loadRunSpec(runDir: string): RunSpec {
  const file = path.join(runDir, RUN_FILE);
  if (!fs.existsSync(file)) {
    throw new Error(`${runDir} has no ${RUN_FILE}, so it is not a run folder`);
  }
  return parseRunSpec(readJsonFile(file), file);
}

/** A run's settings without its query id list: what listing or analysing many runs needs. */
export type RunSummary = Omit<RunSpec, 'queryIds'> & { queryCount: number };

/**
 * Where a JSON array of strings that starts at `open` (its "[") ends, and how many strings it holds; null when it holds
 * anything but strings. Reads escapes, so a "]" or "," inside an id is not taken for structure.
 */
function scanStringArray(text: string, open: number): { end: number; count: number } | null {
  let count = 0;
  for (let i = open + 1; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) {
      count++;
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (ch === 0x5d) return { end: i + 1, count };
    else if (ch !== 0x2c && ch !== 0x20 && ch !== 0x0a && ch !== 0x0d && ch !== 0x09) return null;
  }
  return null;
}

/**
 * Reads `runDir/run.json` without building its query id list, which for a study of million-query runs costs more than
 * the analysis: the list is counted in the text and left out of the parse. Validated as `loadRunSpec` does, except
 * that ids are not checked for repeats (`startRun` refused them when the run was written).
 */
export function loadRunSummary(runDir: string): RunSummary {
  const file = path.join(runDir, RUN_FILE);
  if (!fs.existsSync(file)) throw new Error(`${runDir} has no ${RUN_FILE}, so it is not a run folder`);
  const text = fs.readFileSync(file, 'utf8');
  const key = /"queryIds"\s*:\s*\[/.exec(text);
  const list = key ? scanStringArray(text, key.index + key[0].length - 1) : null;
  if (key && list) {
    let rest: unknown;
    try {
      rest = JSON.parse(`${text.slice(0, key.index + key[0].length)}]${text.slice(list.end)}`);
    } catch {
      rest = undefined;
    }
    // The key found must be the top-level one (its list now empty); anything else takes the full parse.
    if (isPlainObject(rest) && Array.isArray(rest.queryIds) && rest.queryIds.length === 0) {
      const { queryIds: _ids, ...spec } = parseRunSpec(rest, file);
      return { ...spec, queryCount: list.count };
    }
  }
  const { queryIds, ...spec } = parseRunSpec(readJsonFile(file), file);
  return { ...spec, queryCount: queryIds.length };
}

/**
 * Creates `runDir` and records the run's settings in `run.json` before any query runs.
 * Refuses a folder that already holds a run, so results from two runs never mix.
 */
export function startRun(runDir: string, spec: NewRunSpec): RunHandle {
  const full: RunSpec = parseRunSpec(
    toJson({ ...spec, createdAt: spec.createdAt ?? new Date().toISOString() }),
    'startRun spec',
  );
  const runFile = path.join(runDir, RUN_FILE);
  if (fs.existsSync(runFile)) {
    throw new OptionError('outDir', 'conflict', `${runDir} already holds a run (${RUN_FILE} exists). Continue it with the resume option, or choose a new outDir.`);
  }
  if (fs.existsSync(path.join(runDir, JOURNAL_FILE))) {
    throw new OptionError('outDir', 'conflict', `${runDir} has a ${JOURNAL_FILE} but no ${RUN_FILE}; refusing to mix runs. Choose a new outDir.`);
  }
  fs.mkdirSync(runDir, { recursive: true });
  writeFileAtomic(runFile, JSON.stringify(full, null, 2) + '\n');
  return { runDir, runId: full.runId, spec: full, completedIds: new Set() };
}

/** Every way `now` differs from the recorded run, as "key: run.json has X, now Y". */
export function runIdentityDifferences(recorded: RunSpec, now: RunIdentity): string[] {
  const keys = ['model', 'queriesSource', 'queryIds', 'settings'] as const;
  return keys.flatMap((key) => jsonDifferences(key, toJson(recorded[key]), toJson(now[key])));
}

function journalProblem(spec: RunSpec, result: QueryResult): string | null {
  if (result.runId !== spec.runId) return `query ${result.queryId} has runId ${result.runId}, run.json has ${spec.runId}`;
  const expected = spec.queryIds.indexOf(result.queryId);
  if (expected === -1) return `query ${result.queryId} is not in run.json's queryIds`;
  if (expected !== result.index) return `query ${result.queryId} has index ${result.index}, run.json puts it at ${expected}`;
  return null;
}

/**
 * Reopens a run for profile's `resume` option. Throws, naming each differing key, unless `identity` matches what
 * `run.json` recorded; also checks that every journaled result belongs to this run.
 */
export function resumeRun(runDir: string, identity: RunIdentity): RunHandle {
  if (!fs.existsSync(path.join(runDir, RUN_FILE))) {
    throw new OptionError('resume', 'conflict', `${runDir} has no ${RUN_FILE}, so there is no run to resume there. Start it without the resume option.`);
  }
  const spec = loadRunSpec(runDir);
  const differences = runIdentityDifferences(spec, identity);
  if (differences.length > 0) {
    throw new Error(
      `Cannot resume ${runDir}: this invocation differs from the recorded run:\n  ${differences.join('\n  ')}\n${FRESH_RUN_HINT}`,
    );
  }
  // Read-only: the caller's RunJournal.open repairs a torn tail; here we only check ownership.
  const { results } = readJournal(path.join(runDir, JOURNAL_FILE));
  for (const result of results) {
    const problem = journalProblem(spec, result);
    if (problem) {
      throw new Error(`Cannot resume ${runDir}: ${path.join(runDir, JOURNAL_FILE)} does not match ${RUN_FILE}: ${problem}. ${FRESH_RUN_HINT}`);
    }
  }
  return { runDir, runId: spec.runId, spec, completedIds: new Set(results.map((r) => r.queryId)) };
}

