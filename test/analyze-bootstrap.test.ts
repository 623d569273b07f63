import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareAccelerators, ipwTable, openStudy, type Study, type Table } from '../lib/analyze/index.ts';
import { murmur3Words4 } from '../lib/metrics/bootstrap.ts';
import { BOOTSTRAP, summarize } from '../lib/metrics/index.ts';
import { VARIANTS, writeRun, writeStudy } from './analyze-fixture.ts';

/**
 * An independent, straightforward TypeScript version of the bootstrap definition (docs/analysis.md):
 * MurmurHash3_x86_32 over bytes (checked against published test vectors), MD5 prefixes parsed from hex,
 * Poisson(1) weights from a running CDF, row-by-row weighted sums, type-7 percentiles. The library (both the
 * study's SQL cells and summarize's JavaScript cells) must agree with it to rounding.
 */
function murmur3Bytes(data: Buffer, seed: number): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let h = seed >>> 0;
  const blocks = Math.floor(data.length / 4);
  for (let i = 0; i < blocks; i++) {
    let k = data.readUInt32LE(i * 4);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  const tail = data.length & 3;
  const at = blocks * 4;
  if (tail === 3) k ^= data[at + 2]! << 16;
  if (tail >= 2) k ^= data[at + 1]! << 8;
  if (tail >= 1) {
    k ^= data[at]!;
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
  }
  h ^= data.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const md5Hex = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

function poissonWeight(uniform32: number): number {
  let k = 0;
  let term = Math.exp(-1);
  let cdf = term;
  while (uniform32 >= Math.floor(cdf * 2 ** 32) && k < 11) {
    k++;
    term /= k;
    cdf += term;
  }
  return k;
}

function weightOf(seed: number, b: number, domain: string, queryId: string, buckets: number): number {
  const prefix = Number.parseInt(md5Hex(queryId).slice(0, 12), 16);
  const bucket = buckets === 0 ? prefix : prefix % buckets;
  const words = Buffer.alloc(16);
  words.writeUInt32LE(b, 0);
  words.writeUInt32LE(Number.parseInt(md5Hex(domain).slice(0, 8), 16), 4);
  words.writeUInt32LE(Math.floor(bucket / 2 ** 32), 8);
  words.writeUInt32LE(bucket % 2 ** 32, 12);
  return poissonWeight(murmur3Bytes(words, seed));
}

function quantile7(values: number[], fraction: number): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const below = Math.floor(position);
  const lo = sorted[below] as number;
  const hi = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return lo + (hi - lo) * (position - below);
}

interface Row {
  model: string;
  accelerator: string;
  domain: string;
  queryId: string;
  correct: boolean;
  energyJ: number;
  meanPowerW: number;
}

type Stats = Record<'accuracy' | 'meanEnergyJ' | 'meanPowerW' | 'ipw' | 'ipj', number>;

/** The definition's resolution: power and energy in whole units of 2^-30. */
const fixed = (value: number): number => Math.floor(value * 2 ** 30) / 2 ** 30;

/** Per group: the resampled statistics, b = 0..resamples-1, weighting row by row. */
function referenceDraws(rows: readonly Row[], groupOf: (row: Row) => string, resamples: number, seed: number, buckets: number): Map<string, Stats[]> {
  const draws = new Map<string, Stats[]>();
  for (const group of new Set(rows.map(groupOf))) {
    const members = rows.filter((r) => groupOf(r) === group);
    const stats: Stats[] = [];
    for (let b = 0; b < resamples; b++) {
      let n = 0, c = 0, p = 0, e = 0;
      for (const row of members) {
        const w = weightOf(seed, b, row.domain, row.queryId, buckets);
        n += w;
        c += w * (row.correct ? 1 : 0);
        p += w * fixed(row.meanPowerW);
        e += w * fixed(row.energyJ);
      }
      const accuracy = c / n;
      stats.push({ accuracy, meanEnergyJ: e / n, meanPowerW: p / n, ipw: accuracy / (p / n), ipj: accuracy / (e / n) });
    }
    draws.set(group, stats);
  }
  return draws;
}

let root: string;
let study: Study;
let rows: Row[];

beforeAll(async () => {
  root = await writeStudy();
  study = await openStudy(root);
  rows = (await study.query('SELECT model, accelerator, domain, queryId, correct, energyJ, meanPowerW FROM results')).rows as unknown as Row[];
});

afterAll(() => {
  study?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

function expectIntervalsMatch(table: Table, keyOf: (row: Partial<Record<string, unknown>>) => string, draws: Map<string, Stats[]>): void {
  expect(table.rows.length).toBe(draws.size);
  for (const row of table.rows) {
    const samples = draws.get(keyOf(row));
    expect(samples, keyOf(row)).toBeDefined();
    for (const stat of ['accuracy', 'meanEnergyJ', 'meanPowerW', 'ipw', 'ipj'] as const) {
      const values = samples!.map((s) => s[stat]);
      expect(row[`${stat}Lo`], `${keyOf(row)} ${stat}`).toBeCloseTo(quantile7(values, 0.025), 12);
      expect(row[`${stat}Hi`], `${keyOf(row)} ${stat}`).toBeCloseTo(quantile7(values, 0.975), 12);
    }
  }
}

describe('the reference hash', () => {
  it('is MurmurHash3_x86_32: published test vectors', () => {
    expect(murmur3Bytes(Buffer.alloc(0), 0)).toBe(0);
    expect(murmur3Bytes(Buffer.alloc(0), 1)).toBe(0x514e28b7);
    expect(murmur3Bytes(Buffer.alloc(0), 0xffffffff)).toBe(0x81f16f39);
    expect(murmur3Bytes(Buffer.alloc(4), 0)).toBe(0x2362f9de);
    expect(murmur3Bytes(Buffer.from('aaaa'), 0x9747b28c)).toBe(0x5a97808a);
    expect(murmur3Bytes(Buffer.from('Hello, world!'), 0x9747b28c)).toBe(0x24884cba);
    expect(murmur3Bytes(Buffer.from('The quick brown fox jumps over the lazy dog'), 0x9747b28c)).toBe(0x2fa826cd);
  });

  it('matches the library on 16-byte words', () => {
    for (const [seed, a, b, c, d] of [[0, 0, 0, 0, 0], [7, 1, 2, 3, 4], [0xffffffff, 0xdeadbeef, 999, 0x12345, 0xffffffff]] as const) {
      const words = Buffer.alloc(16);
      [a, b, c, d].forEach((word, i) => words.writeUInt32LE(word, i * 4));
      expect(murmur3Words4(seed, a, b, c, d)).toBe(murmur3Bytes(words, seed));
    }
  });
});

describe('the bootstrap against a straightforward row-by-row version', () => {
  const resamples = 300;
  const seed = 11;
  const buckets = BOOTSTRAP.bucketsPerDomain;

  it('agrees per model x accelerator x domain', async () => {
    const table = await ipwTable(study, { byDomain: true, bootstrap: { resamples, seed } });
    const key = (r: Partial<Record<string, unknown>>): string => `${r.model}|${r.accelerator}|${r.domain}`;
    expectIntervalsMatch(table, key, referenceDraws(rows, (r) => key({ ...r }), resamples, seed, buckets));
  });

  it('agrees per model x accelerator over all domains, in the study and in summarize', async () => {
    const table = await ipwTable(study, { byDomain: false, bootstrap: { resamples, seed } });
    const key = (r: Partial<Record<string, unknown>>): string => `${r.model}|${r.accelerator}`;
    const draws = referenceDraws(rows, (r) => key({ ...r }), resamples, seed, buckets);
    expectIntervalsMatch(table, key, draws);
    const metricRows = rows.map((r) => ({ ...r, energySource: 'estimated', energyMethod: 'fixture', energyIsEstimate: true }));
    const summary = summarize(metricRows, { groupBy: ['model', 'accelerator'], bootstrap: { resamples, seed } });
    for (const row of summary) {
      const values = draws.get(key({ ...row }))!.map((s) => s.ipw);
      expect(row.ci?.ipw[0]).toBeCloseTo(quantile7(values, 0.025), 12);
      expect(row.ci?.ipw[1]).toBeCloseTo(quantile7(values, 0.975), 12);
    }
  });

  it('agrees when queries share buckets', async () => {
    const table = await ipwTable(study, { byDomain: true, bootstrap: { resamples, seed, bucketsPerDomain: 2 } });
    const key = (r: Partial<Record<string, unknown>>): string => `${r.model}|${r.accelerator}|${r.domain}`;
    expectIntervalsMatch(table, key, referenceDraws(rows, (r) => key({ ...r }), resamples, seed, 2));
  });

  it('agrees on the paired accelerator ratio', async () => {
    const table = await compareAccelerators(study, { local: 'cpu', reference: 'cuda', bootstrap: { resamples, seed } });
    const alpha = rows.filter((r) => r.model === 'alpha-q4_k_m');
    const draws = referenceDraws(alpha, (r) => r.accelerator, resamples, seed, buckets);
    const ratios = draws.get('cpu')!.map((s, b) => s.ipw / draws.get('cuda')![b]!.ipw);
    expect(table.rows[0]?.ipwRatioLo).toBeCloseTo(quantile7(ratios, 0.025), 12);
    expect(table.rows[0]?.ipwRatioHi).toBeCloseTo(quantile7(ratios, 0.975), 12);
  });

  it('repeats exactly for a seed, on 1 or 4 threads, and moves with the seed', async () => {
    const first = await ipwTable(study, { bootstrap: { resamples, seed } });
    const again = await ipwTable(study, { bootstrap: { resamples, seed } });
    expect(again).toEqual(first);
    for (const threads of [1, 4]) {
      const other = await openStudy(root, { threads });
      try {
        expect(await ipwTable(other, { bootstrap: { resamples, seed } })).toEqual(first);
      } finally {
        other.close();
      }
    }
    const reseeded = await ipwTable(study, { bootstrap: { resamples, seed: seed + 1 } });
    expect(reseeded.rows.map((r) => r.ipwLo)).not.toEqual(first.rows.map((r) => r.ipwLo));
    expect(reseeded.rows.map((r) => r.ipw)).toEqual(first.rows.map((r) => r.ipw));
  });

  it('gives a run over a few of the queries the same interval alone as in a study of many runs', async () => {
    const extra = fs.mkdtempSync(path.join(os.tmpdir(), 'ipw-bootstrap-'));
    await writeRun(extra, { runId: 'delta', variant: { ...VARIANTS[3]!, model: 'delta' }, queryIds: ['m1', 'm4', 's2'], host: 'laptop' });
    const alone = await openStudy(extra);
    const both = await openStudy([root, extra]);
    try {
      for (const byDomain of [false, true]) {
        const single = await ipwTable(alone, { byDomain, bootstrap: { resamples, seed } });
        const inStudy = (await ipwTable(both, { byDomain, bootstrap: { resamples, seed } })).rows.filter((r) => r.model === 'delta');
        expect(single.rows).toEqual(inStudy);
      }
    } finally {
      alone.close();
      both.close();
      fs.rmSync(extra, { recursive: true, force: true });
    }
  });

  it('brackets every point estimate', async () => {
    const table = await ipwTable(study, { bootstrap: { resamples, seed } });
    for (const row of table.rows) {
      for (const stat of ['accuracy', 'meanEnergyJ', 'meanPowerW', 'ipw', 'ipj']) {
        expect(row[`${stat}Lo`] as number).toBeLessThanOrEqual((row[stat] as number) + 1e-12);
        expect(row[`${stat}Hi`] as number).toBeGreaterThanOrEqual((row[stat] as number) - 1e-12);
      }
    }
  });
});
