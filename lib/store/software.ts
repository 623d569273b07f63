import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import type { SoftwareInfo } from './types.ts';

const require = createRequire(import.meta.url);
const PROJECT_PACKAGE_JSON = fileURLToPath(new URL('../../package.json', import.meta.url));

function readJsonObject(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/**
 * The root folder of an installed package. Walks up from its entry point because some packages
 * (node-llama-cpp) do not export `package.json`.
 */
function packageRoot(name: string): string {
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate) && readJsonObject(candidate).name === name) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find package.json of ${name}`);
    dir = parent;
  }
}

/** Runs `read`, turning a failure into null plus a note, so one missing package never hides the rest. */
function attempt(label: string, notes: string[], read: () => string | null): string | null {
  try {
    return read();
  } catch (error) {
    notes.push(`${label}: ${(error as Error).message}`);
    return null;
  }
}

function packageVersion(name: string): string | null {
  const version = readJsonObject(path.join(packageRoot(name), 'package.json')).version;
  return typeof version === 'string' ? version : null;
}

async function duckdbLibraryVersion(): Promise<string> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll('SELECT version() AS v');
    return String(reader.getRowObjectsJS()[0]?.v);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Versions of everything that can change a measurement, for the run manifest. */
export async function collectSoftware(): Promise<SoftwareInfo> {
  const notes: string[] = [];
  let duckdb: string | null = null;
  try {
    duckdb = await duckdbLibraryVersion();
  } catch (error) {
    notes.push(`duckdb: ${(error as Error).message}`);
  }
  return {
    node: process.version,
    ipwLab: attempt('ipw-lab', notes, () => {
      const version = readJsonObject(PROJECT_PACKAGE_JSON).version;
      return typeof version === 'string' ? version : null;
    }),
    nodeLlamaCpp: attempt('node-llama-cpp', notes, () => packageVersion('node-llama-cpp')),
    llamaCpp: attempt('llama.cpp', notes, () => {
      const info = readJsonObject(path.join(packageRoot('node-llama-cpp'), 'llama', 'llama.cpp.info.json'));
      return typeof info.tag === 'string' ? info.tag : null;
    }),
    duckdb,
    duckdbNodeApi: attempt('@duckdb/node-api', notes, () => packageVersion('@duckdb/node-api')),
    systeminformation: attempt('systeminformation', notes, () => packageVersion('systeminformation')),
    notes,
  };
}
