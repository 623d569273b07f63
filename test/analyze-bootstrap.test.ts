import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareAccelerators, ipwTable, openStudy, type Study, type Table } from '../lib/analyze/index.ts';
import { writeStudy } from './analyze-fixture.ts';

/**
 * An independent, straightforward TypeScript version of the SQL bootstrap: DuckDB's hash() of BIGINTs
 * re-implemented with BigInt, Poisson(1) weights from its upper 32 bits, row-by-row weighted sums, and
 * type-7 percentiles. The SQL side must agree with it to rounding.
 */
const M64 = (1n << 64n) - 1n;
const MIX = 0xd6e8feb86659fd93n;

function murmur64(value: number): bigint {
  let x = BigInt(value) & M64;
  x ^= x >> 32n;
  x = (x * MIX) & M64;
  x ^= x >> 32n;
  x = (x * MIX) & M64;
  return x ^ (x >> 32n);
}

function duckdbHash(...values: number[]): bigint {
  let h = murmur64(values[0] as number);
  for (const v of values.slice(1)) {
    let a = h ^ (h >> 32n);
    a = (a * MIX) & M64;
    h = a ^ murmur64(v);
  }
  return h;
}

function poissonWeight(hash: bigint): number {
  const u = Number(hash >> 32n) / 2 ** 32;
  let k = 0;
  let term = Math.exp(-1);
  let cdf = term;
  while (u >= Math.floor(cdf * 2 ** 32) / 2 ** 32 && k < 11) {
    k++;
    term /= k;
    cdf += term;
  }
  return k;
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

function statsOf(n: number, c: number, p: number, e: number): Stats {
  const accuracy = c / n;
  const power = p / n;
  const energy = e / n;
  return { accuracy, meanEnergyJ: energy, meanPowerW: power, ipw: power > 0 ? accuracy / power : NaN, ipj: energy > 0 ? accuracy / energy : NaN };
}

/** Per group: the resampled statistics, b = 0..resamples-1. */
function referenceDraws(rows: readonly Row[], groupOf: (row: Row) => string, resamples: number, seed: number, buckets: number): Map<string, Stats[]> {
  const domains = [...new Set(rows.map((r) => r.domain))].sort();
  const order = new Map<string, number>();
  for (const domain of domains) {
    const ids = [...new Set(rows.filter((r) => r.domain === domain).map((r) => r.queryId))];
    const md5 = (id: string): string => createHash('md5').update(id).digest('hex');
    ids.sort((a, b) => (md5(a) < md5(b) ? -1 : md5(a) > md5(b) ? 1 : a < b ? -1 : 1)).forEach((id, i) => order.set(id, i));
  }
  const draws = new Map<string, Stats[]>();
  const groups = [...new Set(rows.map(groupOf))];
  for (const group of groups) {
    const members = rows.filter((r) => groupOf(r) === group);
    const stats: Stats[] = [];
    for (let b = 0; b < resamples; b++) {
      let n = 0, c = 0, p = 0, e = 0;
      for (const row of members) {
        const ord = order.get(row.queryId) as number;
        const w = poissonWeight(duckdbHash(b, buckets === 0 ? ord : ord % buckets, domains.indexOf(row.domain), seed));
        n += w;
        c += w * (row.correct ? 1 : 0);
        p += w * row.meanPowerW;
        e += w * row.energyJ;
      }
      stats.push(statsOf(n, c, p, e));
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

describe('SQL bootstrap against a straightforward TypeScript bootstrap', () => {
  const resamples = 300;
  const seed = 11;

  it('agrees per model x accelerator x domain, one query per bucket', async () => {
    const table = await ipwTable(study, { byDomain: true, bootstrap: { resamples, seed } });
    const key = (r: Partial<Record<string, unknown>>): string => `${r.model}|${r.accelerator}|${r.domain}`;
    expectIntervalsMatch(table, key, referenceDraws(rows, (r) => key({ ...r }), resamples, seed, 1000));
  });

  it('agrees per model x accelerator over all domains', async () => {
    const table = await ipwTable(study, { byDomain: false, bootstrap: { resamples, seed } });
    const key = (r: Partial<Record<string, unknown>>): string => `${r.model}|${r.accelerator}`;
    expectIntervalsMatch(table, key, referenceDraws(rows, (r) => key({ ...r }), resamples, seed, 1000));
  });

  it('agrees when queries share buckets', async () => {
    const table = await ipwTable(study, { byDomain: true, bootstrap: { resamples, seed, bucketsPerDomain: 2 } });
    const key = (r: Partial<Record<string, unknown>>): string => `${r.model}|${r.accelerator}|${r.domain}`;
    expectIntervalsMatch(table, key, referenceDraws(rows, (r) => key({ ...r }), resamples, seed, 2));
  });

  it('agrees on the paired accelerator ratio', async () => {
    const table = await compareAccelerators(study, { local: 'cpu', reference: 'cuda', bootstrap: { resamples, seed } });
    const alpha = rows.filter((r) => r.model === 'alpha-q4_k_m');
    const draws = referenceDraws(alpha, (r) => r.accelerator, resamples, seed, 1000);
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
