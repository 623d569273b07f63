import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { profile, type PreparedFixture } from '../lib/profile/index.ts';
import { formatPrompt } from '../lib/queries/index.ts';
import { readManifest, readResults } from '../lib/store/index.ts';
import { noHardwareEnergy, sampleFixture, tempDir } from './helpers/fixture.ts';

let fixture: PreparedFixture;
beforeAll(async () => {
  fixture = await sampleFixture();
});

describe('profile a generated GGUF end to end (library)', () => {
  // With no sensor injected (noHardwareEnergy), auto lands on the estimate wherever this runs.
  it('reaches exactly the accuracy the fixture model was built for, query by query', async () => {
    const outDir = join(tempDir(), 'run');
    const result = await profile({ model: fixture.modelPath, queries: fixture.queries, outDir, maxTokens: 16, threads: 1, gpu: false, energyOptions: noHardwareEnergy() });
    const n = fixture.queries.length;
    expect(result.complete).toBe(true);
    expect(result.results).toHaveLength(n);
    expect(fixture.expectedCorrect).toBeGreaterThan(0);
    expect(fixture.expectedCorrect).toBeLessThan(n);
    for (const row of result.results) {
      const expected = fixture.plan!.expected[row.queryId]!;
      expect(row.response.trim(), row.queryId).toBe(expected.output);
      expect(row.correct, row.queryId).toBe(expected.correct);
    }
    const accuracy = result.results.filter((r) => r.correct).length / n;
    expect(accuracy).toBe(fixture.expectedCorrect / n);

    const row = result.results[0]!;
    const query = fixture.queries[0]!;
    expect(row.promptSha256).toBe(createHash('sha256').update(formatPrompt(query)).digest('hex'));
    expect(row.clockEndMs - row.clockStartMs).toBeCloseTo(row.durationMs, 6);
    expect(row.traceFile).toBe('trace');
    // The grader's span points into the response at the answer it read.
    for (const r of result.results.filter((r) => r.gradeStatus === 'answered')) {
      expect(r.response.slice(r.gradeSpanStart!, r.gradeSpanEnd!)).toBe(r.gradeSpanText);
      expect(r.gradeSpanText).toContain(fixture.plan!.expected[r.queryId]!.output);
    }
    expect(row.accelerator).toBe('cpu');
    expect(row.energySource).toBe('estimated');
    expect(row.energyIsEstimate).toBe(true);
    expect(row.promptTokens).toBeGreaterThan(10);
    expect(row.completionTokens).toBeGreaterThanOrEqual(1);
    expect(row.energyJ).toBeCloseTo(row.prefillEnergyJ + row.decodeEnergyJ, 9);
    expect(row.prefillMs + row.decodeMs).toBeCloseTo(row.durationMs, 6);
    expect(row.stopReason).toBe('eos');
    // Net energy is gross minus the idle baseline's power over the same time; the method says it is a model.
    expect(row.energyMeasure).toBe('model');
    expect(Number.isFinite(row.idlePowerW)).toBe(true);
    expect(row.netEnergyJ).toBeCloseTo(row.energyJ - row.idlePowerW * (row.durationMs / 1000), 9);
    expect(row.prefillNetEnergyJ + row.decodeNetEnergyJ).toBeCloseTo(row.netEnergyJ, 9);
    expect(existsSync(join(outDir, 'trace.bin')) && existsSync(join(outDir, 'trace.json'))).toBe(true);

    // The summary groups by model x accelerator x domain and carries IPW/IPJ with CIs.
    const domains = new Set(fixture.queries.map((q) => q.domain));
    expect(result.summary).toHaveLength(domains.size);
    for (const group of result.summary) {
      expect(group.ipw).toBeCloseTo(group.accuracy / group.meanPowerW, 9);
      expect(group.ipj).toBeCloseTo(group.accuracy / group.meanEnergyJ, 9);
      expect(group.ci?.accuracy[0]).toBeLessThanOrEqual(group.accuracy);
    }

    // Parquet, read back both by the store and by DuckDB directly.
    const parquet = join(outDir, 'results.parquet');
    expect(existsSync(parquet)).toBe(true);
    expect((await readResults(outDir)).map((r) => r.queryId)).toEqual(fixture.queries.map((q) => q.id));
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n, sum(correct::INTEGER)::INTEGER AS correct FROM read_parquet('${parquet}')`);
    expect(reader.getRowObjects()[0]).toEqual({ n, correct: fixture.expectedCorrect });
    connection.closeSync();

    const manifest = readManifest(outDir);
    expect(manifest.model.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.energy).toMatchObject({ source: 'estimated', isEstimate: true });
    expect(manifest.counts).toEqual({ queries: n, completed: n });
    expect(manifest.settings).toMatchObject({ maxTokens: 16, threads: 1 });
    // CPU by thread role: the engine's named worker did the model's work; the sampler and helpers are accounted apart.
    const cpu = manifest.cpu as { byRoleS: Record<string, number>; processS: number; llamaThreadsShare: number };
    expect(Object.keys(cpu.byRoleS).sort()).toEqual(['llama', 'main', 'other', 'sampler']);
    expect(cpu.byRoleS.llama).toBeGreaterThan(0);
    expect(cpu.byRoleS.llama).toBeGreaterThan(cpu.byRoleS.sampler!);
    const byRoleTotalS = Object.values(cpu.byRoleS).reduce((a, b) => a + b, 0);
    expect(cpu.llamaThreadsShare).toBeCloseTo(cpu.byRoleS.llama / byRoleTotalS, 9);
    // Scheduler run time of the live threads cannot exceed what getrusage charged the whole process (10 ms ticks aside).
    expect(byRoleTotalS).toBeLessThan(cpu.processS + 0.05 * n);
  });

  it('warms up for warmupS as well as warmupQueries, cycling through the queries, and keeps warm-ups out of the results', async () => {
    const queries = fixture.queries.slice(0, 2);
    const timed = await profile({ model: fixture.modelPath, queries, outDir: join(tempDir(), 'run'), maxTokens: 4, threads: 1, gpu: false, warmupQueries: 1, warmupS: 0.6, baselineS: 0 });
    // A 4-token generation takes milliseconds here, so only the time keeps the warm-up going past one query.
    expect(timed.energy.warmup.generations).toBeGreaterThan(2);
    expect(timed.energy.warmup.durationMs).toBeGreaterThan(550);
    expect(timed.results.map((r) => r.queryId)).toEqual(queries.map((q) => q.id));
    const none = await profile({ model: fixture.modelPath, queries, outDir: join(tempDir(), 'run'), maxTokens: 4, threads: 1, gpu: false, warmupQueries: 0, baselineS: 0 });
    expect(none.energy.warmup).toEqual({ generations: 0, durationMs: 0 });
  });

  it('records max_tokens as the stop reason and grades a cut-off reply as truncated', async () => {
    const outDir = join(tempDir(), 'run');
    const query = fixture.queries.find((q) => fixture.plan!.expected[q.id]!.correct)!;
    const result = await profile({ model: fixture.modelPath, queries: [query], outDir, maxTokens: 1, threads: 1, gpu: false, warmupQueries: 0 });
    const row = result.results[0]!;
    // One token is the answer itself; the end-of-turn token never comes.
    expect(row.stopReason).toBe('max_tokens');
    expect(row.response.trim()).toBe(fixture.plan!.expected[query.id]!.output);
  });
});
