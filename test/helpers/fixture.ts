import { join } from 'node:path';
import type { SourceOptions } from '../../lib/energy/index.ts';
import { prepareFixtureModel, type PreparedFixture } from '../../lib/profile/index.ts';
import { tempDir } from '../../support/temp-dir.ts';

let prepared: Promise<PreparedFixture> | undefined;

/** The sample set's knowledge model, generated once per test process (and cached on disk across processes). */
export function sampleFixture(): Promise<PreparedFixture> {
  prepared ??= prepareFixtureModel({});
  return prepared;
}

// Shared with the benches, so it lives in support/.
export { tempDir } from '../../support/temp-dir.ts';

export const PROJECT_ROOT = new URL('../../', import.meta.url).pathname;
export const IPW_BIN = join(PROJECT_ROOT, 'bin/ipw.js');

/**
 * Energy-source options under which no hardware sensor exists (empty RAPL and hwmon roots, no NVML library), so a
 * test sees only the sources it injects, whatever machine runs it. powermetrics exists only on macOS.
 */
export function noHardwareEnergy(extra: SourceOptions = {}): SourceOptions {
  const empty = tempDir('ipw-empty-');
  return { raplRoot: empty, hwmonRoot: empty, nvmlLibrary: join(empty, 'no-libnvidia-ml.so'), ...extra };
}
