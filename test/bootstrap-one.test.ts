import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipwTable, openStudy, toSummaryRows, type Study, type Table } from '../lib/analyze/index.ts';
import { BOOTSTRAP, summarize, type SummaryRow } from '../lib/metrics/index.ts';
import { profile, type PreparedFixture } from '../lib/profile/index.ts';
import { readManifest, readResults, type QueryResult } from '../lib/store/index.ts';
import { resultRow, VARIANTS, writeRows } from './analyze-fixture.ts';
import { sampleFixture, tempDir } from './helpers/fixture.ts';

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
