import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { RUN_FILE, listRuns } from '../store/index.ts';

const GLOB_CHARS = /[*?[]/;

/** Run folders matched by a glob, through DuckDB's glob() so `**` works on Node 20, which has no fs.glob. */
async function globRuns(connection: DuckDBConnection, pattern: string): Promise<string[]> {
  const target = path.basename(pattern) === RUN_FILE ? pattern : path.join(pattern, RUN_FILE);
  const reader = await connection.runAndReadAll('SELECT file FROM glob($1) ORDER BY file', [target]);
  return reader.getRowObjectsJS().map((row) => path.dirname(String(row.file)));
}

/**
 * Resolves paths and globs to run folders: a folder holding run.json is one run, any other folder is
 * searched (three levels down) for runs, and a glob matches run folders. Each run appears once.
 */
export async function discoverRuns(connection: DuckDBConnection, patterns: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const pattern of patterns) {
    let dirs: string[];
    if (GLOB_CHARS.test(pattern) && !fs.existsSync(pattern)) dirs = await globRuns(connection, pattern);
    else if (fs.existsSync(path.join(pattern, RUN_FILE))) dirs = [pattern];
    else if (fs.existsSync(pattern) && fs.statSync(pattern).isDirectory()) dirs = listRuns(pattern).map((run) => run.runDir);
    else throw new Error(`${pattern} is neither a run folder, a folder of runs, nor a glob that matches one`);
    if (dirs.length === 0) throw new Error(`no run folders match ${pattern}`);
    found.push(...dirs);
  }
  const seen = new Set<string>();
  return found.filter((dir) => {
    const real = fs.realpathSync(dir);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}
