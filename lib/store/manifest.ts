import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { MANIFEST_FILE, RUN_FILE } from './files.ts';
import { readJsonFile, writeFileAtomic } from './fsutil.ts';
import { loadRunSpec } from './run.ts';
import type { RunManifest, RunManifestInput } from './types.ts';

/** Hex SHA-256 of a file, streamed so multi-gigabyte model files never sit in memory. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Writes `manifest.json` atomically; its presence is what marks a run complete. */
export function writeManifest(runDir: string, input: RunManifestInput): RunManifest {
  const file = path.join(runDir, MANIFEST_FILE);
  const runFile = path.join(runDir, RUN_FILE);
  const queriesSource = input.queriesSource ?? (fs.existsSync(runFile) ? loadRunSpec(runDir).queriesSource : undefined);
  const manifest: RunManifest = { manifestVersion: 1, writtenAt: new Date().toISOString(), ...input, queriesSource };
  writeFileAtomic(file, JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/**
 * A run folder's `manifest.json`: model hash and metadata, hardware, software, settings, the energy report, timings
 * and the summary. Throws naming the file when it is missing or not a version 1 manifest.
 */
export function readManifest(runDir: string): RunManifest {
  const file = path.join(runDir, MANIFEST_FILE);
  const value = readJsonFile(file);
  if (typeof value !== 'object' || value === null || (value as { manifestVersion?: unknown }).manifestVersion !== 1) {
    throw new Error(`${file} is not a version 1 run manifest`);
  }
  return value as RunManifest;
}
