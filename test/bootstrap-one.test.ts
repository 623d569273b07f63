import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipwTable, openStudy, toSummaryRows, type Study } from '../lib/analyze/index.ts';
import { bucketOf, CellBuilder, resolveBootstrap } from '../lib/metrics/bootstrap.ts';
import { BOOTSTRAP, summarize } from '../lib/metrics/index.ts';
import { readResults, type QueryResult } from '../lib/store/index.ts';
import { resultRow, VARIANTS, writeRows } from './analyze-fixture.ts';
import { tempDir } from './helpers/fixture.ts';

/**
 * One bootstrap: the same rows give the same intervals (to the last bit) through lib/metrics `summarize`
 * (what `profile` prints and stores) and through a lib/analyze study (what `ipw analyze` prints).
 */

/** Deterministic pseudo-random numbers in [0, 1) for the synthetic rows. */
function uniforms(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const DOMAINS = ['algebra', 'biology', 'chemistry'];

/** Rows of one run: every query answered by `model` with random correctness, power and energy. */
function syntheticRows(runId: string, model: string, queryIds: readonly string[], seed: number, overrides: Partial<QueryResult> = {}): QueryResult[] {
  const next = uniforms(seed);
  return queryIds.map((queryId, index) => ({
    ...resultRow(runId, VARIANTS[0]!, queryId, index),
    domain: DOMAINS[Number(queryId.slice(1)) % DOMAINS.length]!,
    model,
    correct: next() < 0.6,
    gradeStatus: next() < 0.1 ? 'no_answer' : 'answered',
    meanPowerW: 5 + 20 * next(),
    energyJ: 0.1 + 3 * next(),
    ...overrides,
  }));
}

let root: string;
let study: Study;
let all: QueryResult[];

beforeAll(async () => {
  root = tempDir();
  const ids = Array.from({ length: 300 }, (_, i) => `q${i}`);
  // Model a runs on two hosts (half the queries each); b everywhere; c with an estimated source.
  await writeRows(root, 'a-laptop', syntheticRows('a-laptop', 'a', ids.slice(0, 150), 1, { energySource: 'rapl', energyMethod: 'energy-counter', energyIsEstimate: false, energyDomain: 'rapl:package-0' }), 'laptop');
  await writeRows(root, 'a-desktop', syntheticRows('a-desktop', 'a', ids.slice(150), 2, { energySource: 'rapl', energyMethod: 'energy-counter', energyIsEstimate: false, energyDomain: 'rapl:package-0' }), 'desktop');
  await writeRows(root, 'b', syntheticRows('b', 'b', ids, 3), 'laptop');
  await writeRows(root, 'c', syntheticRows('c', 'c', ids.slice(0, 200), 4), 'laptop');
  study = await openStudy(root);
  all = (await Promise.all(['a-laptop', 'a-desktop', 'b', 'c'].map((run) => readResults(path.join(root, run))))).flat();
});

afterAll(() => {
  study?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('one bootstrap for a run summary and a study', () => {
  for (const bucketsPerDomain of [BOOTSTRAP.bucketsPerDomain, 0, 7]) {
    it(`gives identical intervals through summarize and ipwTable (bucketsPerDomain ${bucketsPerDomain})`, async () => {
      const boot = { resamples: 200, seed: 9, bucketsPerDomain };
      for (const byDomain of [true, false]) {
        const table = await ipwTable(study, { byDomain, bootstrap: boot });
        const summary = summarize(all, { groupBy: byDomain ? ['model', 'accelerator', 'domain'] : ['model', 'accelerator'], bootstrap: boot });
        expect(summary).toHaveLength(byDomain ? 9 : 3);
        expect(toSummaryRows(table)).toEqual(summary);
      }
    });
  }
});

describe('the bootstrap\'s parts', () => {
  it('has one set of defaults, frozen, and names the option it rejects', () => {
    expect(BOOTSTRAP).toEqual({ resamples: 1000, seed: 0, confidence: 0.95, bucketsPerDomain: 1000 });
    expect(Object.isFrozen(BOOTSTRAP)).toBe(true);
    expect(resolveBootstrap({ resamples: 10 })).toEqual({ ...BOOTSTRAP, resamples: 10 });
    expect(() => resolveBootstrap({ resamples: 0 })).toThrow(/^bootstrap resamples must be a positive integer, got 0$/);
    expect(() => resolveBootstrap({ seed: -1 })).toThrow(/bootstrap seed must be an integer/);
    expect(() => resolveBootstrap({ confidence: 1 })).toThrow(/bootstrap confidence must be in \(0, 1\)/);
    expect(() => resolveBootstrap({ bucketsPerDomain: 1.5 })).toThrow(/bootstrap bucketsPerDomain/);
  });

  it('sums a cell to the same number in any row order, where plain float sums differ', () => {
    const values = [0.1, 0.2, 0.3, 1e-9, 7.25, 1 / 3];
    const orders = [values, [...values].reverse(), [values[2]!, values[0]!, values[5]!, values[1]!, values[4]!, values[3]!]];
    const floatSums = new Set(orders.map((order) => order.reduce((a, b) => a + b, 0)));
    expect(floatSums.size).toBeGreaterThan(1);
    const cells = orders.map((order) => {
      const builder = new CellBuilder(0);
      for (const value of order) builder.add('same query', 'd', true, value, 2 * value);
      return builder.build();
    });
    expect(cells[1]).toEqual(cells[0]);
    expect(cells[2]).toEqual(cells[0]);
    expect(cells[0]![0]!.powerSumW).toBeCloseTo(values.reduce((a, b) => a + b, 0), 8);
  });

  it('places a query in a bucket by its id alone', () => {
    expect(bucketOf('q1', 1000)).toBe(bucketOf('q1', 1000));
    expect(bucketOf('q1', 0)).toBeGreaterThan(1000);
    expect(bucketOf('q1', 0) % 1000).toBe(bucketOf('q1', 1000));
    const buckets = new Set(Array.from({ length: 200 }, (_, i) => bucketOf(`query-${i}`, 1000)));
    expect(buckets.size).toBeGreaterThan(170);
  });
});
