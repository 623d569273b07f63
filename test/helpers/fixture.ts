import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareFixtureModel, type PreparedFixture } from '../../lib/profile/index.ts';

let prepared: Promise<PreparedFixture> | undefined;

/** The sample set's knowledge model, generated once per test process (and cached on disk across processes). */
export function sampleFixture(): Promise<PreparedFixture> {
  prepared ??= prepareFixtureModel({});
  return prepared;
}

export function tempDir(prefix = 'ipw-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const PROJECT_ROOT = new URL('../../', import.meta.url).pathname;
export const IPW_BIN = join(PROJECT_ROOT, 'bin/ipw.js');
