// In-process batching: a load test on a GGUF model with no server, node-llama-cpp decoding `parallel` sequences of
// one context in one batch. The same load on the same model gives the replies of a sequential run (greedy decoding),
// the energy is this process's, and the run says how it was served.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTest } from '../lib/load/index.ts';
import { profile, type PreparedFixture } from '../lib/profile/index.ts';
import { openRunner, parseModelSpec } from '../lib/run/index.ts';
import { noHardwareEnergy, sampleFixture, tempDir } from './helpers/fixture.ts';
import { maxInFlight } from './helpers/load.ts';

let fixture: PreparedFixture;
beforeAll(async () => {
  fixture = await sampleFixture();
}, 10 * 60_000);

describe('in-process batching', () => {
  it('runs a closed loop of 4 on 4 sequences of one context, with the replies of a sequential run', async () => {
    const queries = fixture.queries.slice(0, 12);
    const energy = { energy: 'estimated' as const, energyOptions: noHardwareEnergy(), baselineS: 0 };
    const sequential = await profile({ model: fixture.modelPath, queries, outDir: join(tempDir(), 'profile'), maxTokens: 16, warmupQueries: 0, preflight: 'off', threads: 1, ...energy });
    const outDir = join(tempDir(), 'load');
    const result = await loadTest({
      model: fixture.modelPath, serve: 'in-process', parallel: 4, threads: 1, queries, outDir,
      arrivals: { mode: 'closed', concurrency: 4 }, requests: 12, maxTokens: 16, calibrationRequests: 1, sampleMs: 10, ...energy,
    });
    expect(result.summary.metrics).toMatchObject({ requests: 12, completed: 12, failed: 0 });
    expect(maxInFlight(result.rows)).toBe(4);
    for (const row of result.rows) {
      expect(row.response, row.queryId).toBe(sequential.results.find((r) => r.queryId === row.queryId)!.response);
    }
    expect(result.summary.accuracy[0]!.accuracy).toBeCloseTo(sequential.results.filter((r) => r.correct).length / 12, 12);
    // How it was served, in the summary and in load.json; no server, so no server books.
    expect(result.summary.model.servedBy).toBe('in-process: node-llama-cpp, 4 sequences of one context evaluated in one batch');
    expect(JSON.parse(readFileSync(join(outDir, 'load.json'), 'utf8')).settings).toMatchObject({ serve: 'in-process', parallel: 4 });
    expect(result.summary.serverBooks).toEqual({ unavailable: 'served in-process: there is no server to keep counters' });
    // This process did the work, and its joules are split among the requests and the gaps.
    const e = result.summary.energy;
    expect(e).toMatchObject({ source: 'estimated', isEstimate: true, domain: 'estimated:process-cpu' });
    expect(Math.abs(result.rows.reduce((s, r) => s + r.energyJ, 0) + e.gapJ - e.totalJ) / e.totalJ).toBeLessThan(1e-9);
  }, 180_000);

  it('refuses the direct engine, which has one sequence, and out-of-range sequence counts', async () => {
    const spec = parseModelSpec(fixture.modelPath);
    await expect(Promise.resolve().then(() => openRunner(spec, { sequences: 2, engine: 'direct' }))).rejects.toThrow(/engine: 'direct' runs one sequence; sequences: 2 needs engine: 'node-llama-cpp'/);
    await expect(Promise.resolve().then(() => openRunner(spec, { sequences: 0 }))).rejects.toThrow(/sequences must be a whole number from 1 to 256; got 0/);
  });
});
