import fs from 'node:fs';
import path from 'node:path';
import { JOURNAL_FILE, MANIFEST_FILE, PARQUET_FILE, RUN_FILE } from './files.ts';
import { readJournal } from './journal-read.ts';
import { LOAD_SPEC_FILE } from './load-run.ts';
import { readManifest } from './manifest.ts';
import { loadRunSummary } from './run.ts';
import type { RunListing } from './types.ts';

function describeRun(runDir: string): RunListing {
  const hasParquet = fs.existsSync(path.join(runDir, PARQUET_FILE));
  try {
    const complete = fs.existsSync(path.join(runDir, MANIFEST_FILE)) && readManifest(runDir).complete !== false;
    const spec = loadRunSummary(runDir);
    const completed = readJournal(path.join(runDir, JOURNAL_FILE)).results.length;
    return {
      runDir,
      runId: spec.runId,
      createdAt: spec.createdAt,
      status: complete ? 'complete' : 'partial',
      completed,
      total: spec.queryCount,
      hasParquet,
    };
  } catch (error) {
    // One damaged run must not hide the others from a listing.
    return { runDir, runId: null, createdAt: null, status: 'unreadable', completed: 0, total: 0, hasParquet, error: (error as Error).message };
  }
}

/**
 * Folders at or below `rootDir` (`maxDepth` levels, default 3) that hold `marker`, sorted by path; does not look
 * inside a found folder, nor in hidden folders or node_modules.
 */
function findFolders(rootDir: string, marker: string, maxDepth = 3): string[] {
  const found: string[] = [];
  const visit = (dir: string, depth: number): void => {
    if (fs.existsSync(path.join(dir, marker))) {
      found.push(dir);
      return;
    }
    if (depth >= maxDepth) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
        visit(path.join(dir, entry.name), depth + 1);
      }
    }
  };
  if (fs.existsSync(rootDir)) visit(rootDir, 0);
  return found.sort();
}

/**
 * Finds run folders (those holding run.json) at or below `rootDir`, oldest first.
 * Does not look inside a run folder for further runs.
 */
export function listRuns(rootDir: string, options: { maxDepth?: number } = {}): RunListing[] {
  const found = findFolders(rootDir, RUN_FILE, options.maxDepth).map(describeRun);
  return found.sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.runDir.localeCompare(b.runDir));
}

/** Finds load run folders (those holding load.json, lib/load) at or below `rootDir`, by path. */
export function listLoadRuns(rootDir: string, options: { maxDepth?: number } = {}): string[] {
  return findFolders(rootDir, LOAD_SPEC_FILE, options.maxDepth);
}
