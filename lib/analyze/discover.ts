import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { LOAD_SPEC_FILE, RUN_FILE, listLoadRuns, listRuns } from '../store/index.ts';

const GLOB_CHARS = /[*?[]/;

/** The folders a study is made of: profile runs (run.json) and load runs (load.json, lib/load). */
export interface DiscoveredRuns {
  runs: string[];
  loadRuns: string[];
}

/** Folders holding `marker` matched by a glob, through DuckDB's glob() so `**` works on Node 20, which has no fs.glob. */
async function globFolders(connection: DuckDBConnection, pattern: string, marker: string): Promise<string[]> {
  const target = path.basename(pattern) === marker ? pattern : path.join(pattern, marker);
  const reader = await connection.runAndReadAll('SELECT file FROM glob($1) ORDER BY file', [target]);
  return reader.getRowObjectsJS().map((row) => path.dirname(String(row.file)));
}

/** Each folder once, however many patterns named it (by its real path). */
function unique(dirs: readonly string[]): string[] {
  const seen = new Set<string>();
  return dirs.filter((dir) => {
    const real = fs.realpathSync(dir);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

/**
 * Resolves paths and globs to run folders: a folder holding run.json (or load.json) is one run, any other folder is
 * searched (three levels down) for runs, and a glob matches run folders. Each run appears once.
 */
export async function discoverRuns(connection: DuckDBConnection, patterns: readonly string[]): Promise<DiscoveredRuns> {
  const runs: string[] = [];
  const loadRuns: string[] = [];
  for (const pattern of patterns) {
    let found: DiscoveredRuns;
    if (GLOB_CHARS.test(pattern) && !fs.existsSync(pattern)) {
      found = { runs: await globFolders(connection, pattern, RUN_FILE), loadRuns: await globFolders(connection, pattern, LOAD_SPEC_FILE) };
    } else if (fs.existsSync(path.join(pattern, RUN_FILE))) found = { runs: [pattern], loadRuns: [] };
    else if (fs.existsSync(path.join(pattern, LOAD_SPEC_FILE))) found = { runs: [], loadRuns: [pattern] };
    else if (fs.existsSync(pattern) && fs.statSync(pattern).isDirectory()) {
      found = { runs: listRuns(pattern).map((run) => run.runDir), loadRuns: listLoadRuns(pattern) };
    } else throw new Error(`${pattern} is neither a run folder, a folder of runs, nor a glob that matches one`);
    if (found.runs.length === 0 && found.loadRuns.length === 0) throw new Error(`no run folders match ${pattern}`);
    runs.push(...found.runs);
    loadRuns.push(...found.loadRuns);
  }
  return { runs: unique(runs), loadRuns: unique(loadRuns) };
}
