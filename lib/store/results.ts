import fs from 'node:fs';
import path from 'node:path';
import { JOURNAL_FILE, PARQUET_FILE } from './files.ts';
import { readJournal } from './journal-read.ts';
import { readResultsParquet, writeResultsParquet } from './parquet.ts';
import { loadRunSpec } from './run.ts';
import type { QueryResult } from './types.ts';

export interface FinalizeOutcome {
  parquetPath: string;
  /** Queries in run.json. */
  total: number;
  /** Results written to Parquet. */
  completed: number;
  /** Problems the journal had that were tolerated (duplicates). */
  warnings: string[];
}

function byIndex(a: QueryResult, b: QueryResult): number {
  return a.index - b.index;
}

/**
 * Writes `results.parquet` from the journal: one row per completed query, ordered by index.
 * Safe to call on a partial run and to call again after resuming.
 */
export async function finalizeRun(runDir: string): Promise<FinalizeOutcome> {
  const spec = loadRunSpec(runDir);
  const journalFile = path.join(runDir, JOURNAL_FILE);
  const contents = readJournal(journalFile);
  const foreign = contents.results.find((r) => r.runId !== spec.runId);
  if (foreign) throw new Error(`${journalFile}: query ${foreign.queryId} belongs to run ${foreign.runId}, not ${spec.runId}`);
  const warnings =
    contents.duplicateIds.length > 0
      ? [`${journalFile}: duplicate queryIds kept at first occurrence: ${contents.duplicateIds.join(', ')}`]
      : [];
  const parquetPath = path.join(runDir, PARQUET_FILE);
  const results = [...contents.results].sort(byIndex);
  await writeResultsParquet(parquetPath, results);
  return { parquetPath, total: spec.queryIds.length, completed: results.length, warnings };
}

/**
 * A run's results ordered by index: from `results.parquet` when present and up to date,
 * else from the journal. The journal wins when it holds more results, which happens when a
 * finalized run was resumed and not yet finalized again.
 */
export async function readResults(runDir: string): Promise<QueryResult[]> {
  const parquetPath = path.join(runDir, PARQUET_FILE);
  const journalFile = path.join(runDir, JOURNAL_FILE);
  const fromJournal = (): QueryResult[] => [...readJournal(journalFile).results].sort(byIndex);
  if (!fs.existsSync(parquetPath)) {
    if (!fs.existsSync(journalFile)) throw new Error(`${runDir} has neither ${PARQUET_FILE} nor ${JOURNAL_FILE}`);
    return fromJournal();
  }
  const fromParquet = await readResultsParquet(parquetPath);
  if (fs.existsSync(journalFile)) {
    const journaled = fromJournal();
    if (journaled.length > fromParquet.length) return journaled;
  }
  return fromParquet;
}
