// Preflight inside a real run: a busy process started by the test is seen over the idle baseline and between
// queries; warn runs and flags the rows, strict refuses to start.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtureModel } from '../lib/fixtures/index.ts';
import { profile, type PreparedFixture } from '../lib/profile/index.ts';
import { readManifest } from '../lib/store/index.ts';
import { noHardwareEnergy, sampleFixture, tempDir } from './helpers/fixture.ts';

let fixture: PreparedFixture;
let busy: ChildProcess | undefined;
beforeAll(async () => {
  fixture = await sampleFixture();
});
afterEach(() => {
  busy?.kill('SIGKILL');
  busy = undefined;
});

/** A process that keeps one core busy, killed after each test. */
function startBusyProcess(): ChildProcess {
  busy = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
  return busy;
}

const common = () => ({
  model: fixture.modelPath,
  queries: fixture.queries.slice(0, 6),
  maxTokens: 8,
  threads: 1,
  gpu: false as const,
  energy: 'estimated' as const,
  energyOptions: noHardwareEnergy(),
  baselineS: 0.6,
  warmupQueries: 0,
});

describe('preflight in profile()', () => {
  it('warn: runs, says so, flags the affected rows and keeps the readings in the manifest', async () => {
    const child = startBusyProcess();
    const outDir = join(tempDir(), 'run');
    // The generated 100M bench model decodes every token allowed, so the run lasts seconds even on a quiet machine.
    const benchModel = (await ensureFixtureModel(undefined, { kind: 'bench', preset: 'medium', type: 'Q8_0' })).path;
    const result = await profile({ ...common(), model: benchModel, queries: fixture.queries.slice(0, 12), maxTokens: 32, outDir, preflight: 'warn' });
    expect(result.complete).toBe(true);
    // Between queries the check runs at most every 500 ms; the load lasts the whole run, so some rows carry the flag.
    expect(result.results.some((r) => r.energyFlags.split(',').includes('foreign-load'))).toBe(true);
    expect(result.warnings.join('\n')).toMatch(/preflight: foreign load before the queries: other processes kept .* cores busy/);
    const report = readManifest(outDir).energy.report as { preflight: { mode: string; busyReadings: Array<{ cpu: { top: Array<{ pid: number }> } }> } };
    expect(report.preflight.mode).toBe('warn');
    expect(report.preflight.busyReadings.length).toBeGreaterThan(0);
    expect(JSON.stringify(report.preflight.busyReadings)).toContain(String(child.pid));
  });

  it('strict: refuses to start while the machine stays busy', async () => {
    startBusyProcess();
    const outDir = join(tempDir(), 'run');
    await expect(profile({ ...common(), outDir, preflight: 'strict' })).rejects.toThrow(/preflight \(strict\): the machine stayed busy/);
  }, 120_000);

  it('off: no check, no readings', async () => {
    startBusyProcess();
    const outDir = join(tempDir(), 'run');
    const result = await profile({ ...common(), outDir, preflight: 'off' });
    expect(result.warnings.join('\n')).not.toMatch(/preflight/);
    expect((readManifest(outDir).energy.report as { preflight: { busyReadings: unknown[] } }).preflight.busyReadings).toEqual([]);
  });
});
