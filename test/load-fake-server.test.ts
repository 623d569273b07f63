// lib/load against a scripted server in its own process: one that slows down as requests pile up, and one that drops
// requests. Dropped requests are failures, counted and kept as rows, never lost.
import { execFile, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTest, type LoadTestOptions } from '../lib/load/index.ts';
import type { Query } from '../lib/queries/index.ts';
import { readLoadRun } from '../lib/store/index.ts';
import { IPW_BIN, noHardwareEnergy, tempDir } from './helpers/fixture.ts';
import { startScriptedServer } from './helpers/load.ts';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

async function scriptedServer(script: Record<string, number>): Promise<string> {
  const { url, child } = await startScriptedServer(script);
  children.push(child);
  return url;
}

// The scripted server drops q3, whose prompt says [drop].
const QUERIES: Query[] = Array.from({ length: 4 }, (_, i) => ({ id: `q${i}`, prompt: `Count (${i})${i === 3 ? ' [drop]' : ''}`, answer: 't0 t1 t2 t3 t4 t5', domain: 'test', grader: 'exact' }));

function options(url: string, extra: Partial<LoadTestOptions>): LoadTestOptions {
  return {
    model: `openai:${url}#scripted`,
    queries: QUERIES,
    outDir: join(tempDir(), 'load'),
    arrivals: { mode: 'closed', concurrency: 1 },
    maxTokens: 16,
    energy: 'estimated',
    energyOptions: noHardwareEnergy(),
    baselineS: 0,
    calibrationRequests: 1,
    sampleMs: 10,
    ...extra,
  };
}

describe('load against a scripted server', () => {
  it('a server that slows under load: TPOT and E2EL grow with concurrency, every request completes', async () => {
    const url = await scriptedServer({ tokens: 8, tokenMs: 1, slowdownMs: 8 });
    const queries = QUERIES.slice(0, 3);
    const solo = await loadTest(options(url, { queries, requests: 8 }));
    const crowded = await loadTest(options(url, { queries, requests: 8, arrivals: { mode: 'closed', concurrency: 4 } }));
    for (const r of [solo, crowded]) {
      expect(r.summary.metrics).toMatchObject({ requests: 8, completed: 8, failed: 0, totalOutputTokens: 64 });
      expect(r.rows.every((row) => row.tokenTimesMs.length === 8 && row.completionTokens === 8)).toBe(true);
    }
    // Each token waits 1 ms alone and 1 + 8 x 3 ms beside three others.
    expect(crowded.summary.metrics.tpot.medianMs).toBeGreaterThan(3 * solo.summary.metrics.tpot.medianMs);
    expect(crowded.summary.metrics.e2el.medianMs).toBeGreaterThan(solo.summary.metrics.e2el.medianMs);
    // The scripted server is the process measured, found from its port.
    expect(crowded.summary.energy.domain).toBe('estimated:server-cpu');
    expect(crowded.summary.serverBooks).toMatchObject({ agree: true, client: { promptTokens: 80, generatedTokens: 64 } });
  }, 60_000);

  it('a server that drops requests: each drop is a failed row with its reason, out of the latencies, kept on disk', async () => {
    // Requests 3, 7 and 11 ask q3.
    const url = await scriptedServer({ tokens: 6, tokenMs: 1 });
    const result = await loadTest(options(url, { requests: 12, arrivals: { mode: 'closed', concurrency: 3 }, slo: { ttftMs: 60_000 } }));
    const m = result.summary.metrics;
    expect(m).toMatchObject({ requests: 12, completed: 9, failed: 3, goodRequests: 9 });
    const failed = result.rows.filter((r) => !r.ok);
    expect(failed.map((r) => r.index)).toEqual([3, 7, 11]);
    for (const row of failed) {
      expect(row.stopReason).toBe('error');
      expect(row.error).toMatch(/the server at http:\/\/127\.0\.0\.1:\d+\/v1/);
      expect(row.gradeStatus).toBe('error');
      expect(row.correct).toBe(false);
    }
    expect(m.ttft.count).toBe(9);
    expect(result.summary.warnings.join('\n')).toContain('3 of 12 requests failed');
    // Failed requests count as wrong answers in the accuracy, as error rows do in a profile run.
    expect(result.summary.accuracy[0]).toMatchObject({ queries: 12, accuracy: 9 / 12 });
    const stored = readLoadRun(result.runDir);
    expect(stored.finished).toBe(true);
    expect(stored.rows.map((r) => r.requestId)).toEqual(result.rows.map((r) => r.requestId));
    expect(stored.rows.filter((r) => !r.ok)).toHaveLength(3);
    // The server counted only what it served in full; the client counts those too.
    expect(result.summary.serverBooks).toMatchObject({ agree: true, server: { generatedTokens: 54 } });
  }, 60_000);

  it('a rate sweep on a server that gains nothing from concurrency climbs evenly to the higher rate, and says so', async () => {
    // Each token waits 1 + 3 x (others in flight) ms: eight at once complete fewer requests per second than one.
    const url = await scriptedServer({ tokens: 4, tokenMs: 1, slowdownMs: 3 });
    const { rateSweep } = await import('../lib/load/index.ts');
    const sweep = await rateSweep({ ...options(url, { queries: QUERIES.slice(0, 3), requests: 6 }), steps: 2, saturationConcurrency: 8 });
    expect(sweep.saturationRatePerS).toBeLessThan(sweep.lightRatePerS);
    expect(sweep.warning).toMatch(/was not above the light-load rate .* the Poisson levels climb evenly to/);
    const rates = sweep.levels.slice(2).map((l) => l.summary.arrivals.ratePerS as number);
    expect(rates[0]).toBeCloseTo(sweep.lightRatePerS / 2, 9);
    expect(rates[1]).toBeCloseTo(sweep.lightRatePerS, 9);
    expect(JSON.parse(readFileSync(join(sweep.levels[0]!.runDir, '..', 'sweep.json'), 'utf8')).warning).toBe(sweep.warning);
  }, 120_000);

  it('ipw load --rate-sweep: light load, saturation, then Poisson rates between, one run folder each', async () => {
    const url = await scriptedServer({ tokens: 6, tokenMs: 5 });
    const dir = tempDir();
    const queries = join(dir, 'queries.jsonl');
    writeFileSync(queries, QUERIES.slice(0, 3).map((q) => JSON.stringify(q)).join('\n') + '\n');
    const empty = tempDir();
    const out = join(dir, 'sweep');
    const args = ['load', '--model', `openai:${url}#scripted`, '--queries', queries, '--rate-sweep', '--steps', '2', '--saturation-concurrency', '8', '--requests', '8'];
    const energy = ['--energy', 'estimated', '--rapl-root', empty, '--hwmon-root', empty, '--nvml-library', join(empty, 'none.so'), '--baseline-s', '0', '--calibration', '1'];
    const { stdout } = await promisify(execFile)(process.execPath, [IPW_BIN, ...args, ...energy, '--out', out], { timeout: 90_000 });
    const sweep = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')) as { lightRatePerS: number; saturationRatePerS: number; levels: { label: string; runDir: string }[] };
    expect(sweep.levels.map((l) => l.label.replace(/-[\d.]+$/, ''))).toEqual(['1-light', '2-saturation', '3-poisson', '4-poisson']);
    expect(sweep.saturationRatePerS).toBeGreaterThan(sweep.lightRatePerS);
    const rates = sweep.levels.slice(2).map((l) => Number(l.label.split('-').pop()));
    expect(rates[0]).toBeGreaterThan(sweep.lightRatePerS);
    expect(rates[1]).toBeLessThan(sweep.saturationRatePerS);
    for (const level of sweep.levels) expect(existsSync(join(level.runDir, 'summary.json'))).toBe(true);
    // The table: one row per level, under the energy label.
    expect(stdout).toMatch(/estimated.*ESTIMATED/);
    expect(stdout).toMatch(/closed x1 .*\n.*closed x8 .*\n.*poisson [\d.]+\/s.*\n.*poisson [\d.]+\/s/);
  }, 120_000);
});
