// The reasoning axis on a real GGUF: a planned fixture that thinks (a <think> block of known length) before it answers,
// run by profile() with reasoning on and off, and by a sweep whose cells are the two settings. Thinking is counted
// apart from answering, its energy is split at the </think> token's time, and the parts add up to the whole.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareReasoningFixture, profile, type ReasoningFixture } from '../lib/profile/index.ts';
import { sweep } from '../lib/sweep/index.ts';
import { tempDir } from './helpers/fixture.ts';

let fixture: ReasoningFixture;
beforeAll(async () => {
  fixture = await prepareReasoningFixture({ thinkingTokens: 12 });
}, 120_000);

const common = { energy: 'estimated' as const, baselineS: 0, warmupQueries: 0, threads: 1, gpu: false as const, preflight: 'off' as const, maxTokens: 64 };

describe('reasoning on and off', () => {
  it('splits thinking from answering, in tokens and in energy that sums to the whole; grading reads the answer', async () => {
    const on = await profile({ model: fixture.modelPath, queries: fixture.queries, reasoning: 'on', outDir: join(tempDir(), 'on'), ...common });
    const off = await profile({ model: fixture.modelPath, queries: fixture.queries, reasoning: 'off', outDir: join(tempDir(), 'off'), ...common });
    expect(on.results).toHaveLength(fixture.queries.length);
    for (const row of on.results) {
      expect(row.response.startsWith('<think>')).toBe(true);
      expect(row.response).toContain('</think>');
      expect(row.correct).toBe(true);
      expect(row.reasoningTokens).toBe(fixture.reasoningTokens);
      // The answer's tokens and the end-of-generation token come after thinking.
      expect(row.completionTokens).toBeGreaterThan(row.reasoningTokens!);
      expect(row.reasoningEnergyJ).toBeGreaterThan(0);
      expect(row.answerEnergyJ).toBeGreaterThanOrEqual(0);
      expect(row.prefillEnergyJ + row.reasoningEnergyJ! + row.answerEnergyJ!).toBeCloseTo(row.energyJ, 9);
      expect(row.reasoningEnergyJ! + row.answerEnergyJ!).toBeCloseTo(row.decodeEnergyJ, 9);
    }
    for (const row of off.results) {
      expect(row.response).not.toContain('think>');
      expect(row).toMatchObject({ correct: true, reasoningTokens: null, reasoningEnergyJ: null, answerEnergyJ: null });
    }
    const tokens = (rows: typeof on.results) => rows.reduce((s, r) => s + r.completionTokens, 0);
    expect(tokens(on.results) - tokens(off.results)).toBe(fixture.reasoningTokens * fixture.queries.length);
  }, 180_000);

  it('budget:N stops thinking after N tokens, closes the block for the model, and it answers on the same cache', async () => {
    const budget = await profile({ model: fixture.modelPath, queries: fixture.queries, reasoning: 'budget:4', outDir: join(tempDir(), 'budget'), ...common });
    for (const row of budget.results) {
      // <think> and three pieces, then the closing the runner wrote, then the answer.
      expect(row.response).toMatch(/^<think>[^]*\n<\/think>\n\n/);
      expect(row.correct).toBe(true);
      expect(row.reasoningTokens).toBe(4);
      expect(row.prefillEnergyJ + row.reasoningEnergyJ! + row.answerEnergyJ!).toBeCloseTo(row.energyJ, 9);
    }
  }, 180_000);

  it('a sweep over reasoning makes on and off two cells of one study, each recorded in its run', async () => {
    const outDir = join(tempDir(), 'sweep');
    const result = await sweep({
      spec: { name: 'reasoning', queries: fixture.queries, axes: { model: fixture.modelPath, reasoning: ['on', 'off'] }, options: { ...common } },
      outDir,
    });
    expect(result.complete).toBe(true);
    const cells = result.table.map((row) => [row.coordinates.reasoning, row.accuracy]);
    expect(cells).toEqual([
      ['on', 1],
      ['off', 1],
    ]);
    const [onRow, offRow] = result.table;
    expect(onRow!.meanCompletionTokens - offRow!.meanCompletionTokens).toBe(fixture.reasoningTokens);
    expect([onRow!.energySource, offRow!.energySource]).toEqual(['estimated', 'estimated']);
  }, 180_000);
});
