import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareAccelerators,
  coverage,
  coverageGrowth,
  ipwTable,
  ipwTrend,
  ipwTrendFit,
  loadReleaseDates,
  openStudy,
  oracleRouting,
  routingShares,
  tokenRegressions,
  writeTableFiles,
  type Study,
} from '../lib/analyze/index.ts';
import { summarize } from '../lib/metrics/index.ts';
import type { GradeStatus } from '../lib/grade/index.ts';
import { writeResultsPartitioned } from '../lib/store/index.ts';
import { QUERY_IDS, RELEASE_DATES, VARIANTS, powerOf, writeRun, writeStudy, type VariantSpec } from './analyze-fixture.ts';

let root: string;
let study: Study;

beforeAll(async () => {
  root = await writeStudy();
  study = await openStudy(path.join(root, '*'));
});

afterAll(() => {
  study?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ipw-analyze-out-'));
}

describe('openStudy', () => {
  it('loads every run and tags it from run.json and manifest.json', () => {
    expect(study.runs.map((r) => r.runId).sort()).toEqual(['alpha-cpu-desktop', 'alpha-cpu-laptop', 'alpha-cuda', 'beta-cpu', 'cloud', 'gamma-cpu']);
    const laptop = study.runs.find((r) => r.runId === 'alpha-cpu-laptop');
    expect(laptop).toMatchObject({ model: 'alpha-q4_k_m', quantization: 'Q4_K_M', accelerator: 'cpu', host: 'laptop', energySource: 'estimated', complete: true, queries: 6 });
    expect(study.runs.find((r) => r.runId === 'beta-cpu')?.quantization).toBeNull();
  });

  it('exposes results with tags, and one row per query', async () => {
    const rows = await study.query('SELECT host, count(*)::INTEGER AS n FROM tagged_results GROUP BY host ORDER BY host');
    expect(rows.rows).toEqual([
      { host: 'api', n: 10 },
      { host: 'desktop', n: 4 },
      { host: 'gpu-box', n: 10 },
      { host: 'laptop', n: 26 },
    ]);
    const queries = await study.query('SELECT count(*)::INTEGER AS n FROM queries');
    expect(queries.rows[0]?.n).toBe(10);
  });

  it('takes run folders, folders of runs and globs alike, and counts each run once', async () => {
    const again = await openStudy([root, path.join(root, 'cloud'), path.join(root, 'alpha-*')]);
    try {
      expect(again.runs).toHaveLength(6);
    } finally {
      again.close();
    }
  });

  it('keeps the study in a database file when asked', async () => {
    const db = path.join(tempDir(), 'study.duckdb');
    const kept = await openStudy(root, { db });
    kept.close();
    const instance = await DuckDBInstance.create(db);
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll('SELECT count(*)::INTEGER AS n FROM runs');
    expect(reader.getRowObjectsJS()[0]?.n).toBe(6);
    connection.closeSync();
    instance.closeSync();
  });

  it('rejects runs that grade the same query differently', async () => {
    const dir = await writeStudy();
    await writeRun(dir, {
      runId: 'delta-mc', variant: VARIANTS[2]!, queryIds: QUERY_IDS, host: 'x',
      overrides: (id) => (id === 'm2' || id === 's1' ? { grader: 'mc' } : {}),
    });
    await expect(openStudy(dir)).rejects.toThrow(/2 query id\(s\) have more than one grader[\s\S]*query m2: grader "mc" in run\(s\) delta-mc[\s\S]*query m2: grader "numeric"/);
  });

  it('rejects runs whose query definitions differ (another reference answer)', async () => {
    const dir = await writeStudy();
    await writeRun(dir, { runId: 'other-set', variant: VARIANTS[3]!, queryIds: ['m0'], host: 'x', overrides: () => ({ reference: '42' }) });
    await expect(openStudy(dir)).rejects.toThrow(/more than one reference[\s\S]*query m0: reference "42" in run\(s\) other-set/);
  });

  it('rejects the same run twice', async () => {
    const dir = await writeStudy();
    fs.cpSync(path.join(dir, 'beta-cpu'), path.join(dir, 'copy', 'beta-cpu'), { recursive: true });
    await expect(openStudy(dir)).rejects.toThrow(/run beta-cpu appears twice/);
  });
});

describe('ipwTable', () => {
  it('matches lib/metrics summarize for every point estimate, per variant and per domain', async () => {
    const rows = (await study.query('SELECT queryId, model, accelerator, domain, correct, energyJ, meanPowerW, gradeStatus, energyDomain FROM results')).rows;
    const metricRows = rows.map((r) => ({
      queryId: String(r.queryId), model: String(r.model), accelerator: String(r.accelerator), domain: String(r.domain), correct: r.correct === true,
      energyJ: Number(r.energyJ), meanPowerW: Number(r.meanPowerW), gradeStatus: r.gradeStatus as GradeStatus,
      energySource: 'estimated', energyMethod: 'fixture', energyIsEstimate: true, energyDomain: String(r.energyDomain),
    }));
    expect(metricRows.some((row) => row.gradeStatus === 'error')).toBe(true);
    for (const byDomain of [false, true]) {
      const table = await ipwTable(study, { byDomain, bootstrap: { resamples: 50, seed: 3 } });
      const expected = summarize(metricRows, { groupBy: byDomain ? ['model', 'accelerator', 'domain'] : ['model', 'accelerator'] });
      expect(table.rows).toHaveLength(expected.length);
      table.rows.forEach((row, i) => {
        const want = expected[i]!;
        expect([row.model, row.accelerator, row.domain ?? undefined]).toEqual([want.model, want.accelerator, want.domain]);
        expect(row.queries).toBe(want.queries);
        for (const stat of ['accuracy', 'meanEnergyJ', 'meanPowerW', 'ipw', 'ipj', 'noAnswerRate', 'errorRate'] as const) {
          expect(row[stat]).toBeCloseTo(want[stat], 12);
        }
      });
    }
  });

  it('gives known values: alpha on cpu answers 3 of 10 at 8.45 W mean power', async () => {
    const table = await ipwTable(study, { byDomain: false, bootstrap: { resamples: 200, seed: 1 } });
    const alpha = table.rows.find((r) => r.model === 'alpha-q4_k_m' && r.accelerator === 'cpu')!;
    expect(alpha.queries).toBe(10);
    expect(alpha.accuracy).toBe(0.3);
    expect(alpha.meanEnergyJ).toBe(2);
    expect(alpha.meanPowerW).toBeCloseTo(8.45, 12);
    expect(alpha.ipw).toBeCloseTo(0.3 / 8.45, 12);
    expect(alpha.ipj).toBe(0.15);
    // Energy is constant per query, so its interval collapses to the point.
    expect([alpha.meanEnergyJLo, alpha.meanEnergyJHi]).toEqual([2, 2]);
    for (const row of table.rows) {
      for (const stat of ['accuracy', 'meanPowerW', 'ipw', 'ipj']) {
        expect(row[`${stat}Lo`] as number).toBeLessThanOrEqual(row[stat] as number);
        expect(row[`${stat}Hi`] as number).toBeGreaterThanOrEqual(row[stat] as number);
      }
    }
  });

  it('groups by any tag, e.g. host', async () => {
    const table = await ipwTable(study, { by: ['host'], byDomain: false, bootstrap: { resamples: 20 } });
    expect(table.rows.map((r) => [r.host, r.queries])).toEqual([['api', 10], ['desktop', 4], ['gpu-box', 10], ['laptop', 26]]);
  });
});

describe('coverage', () => {
  it('counts queries answered correctly by at least one local model, overall and per domain', async () => {
    const table = await coverage(study);
    expect(table.rows).toEqual([
      { domain: '(all)', queries: 10, covered: 6, coverage: 0.6 },
      { domain: 'math', queries: 6, covered: 4, coverage: 4 / 6 },
      { domain: 'science', queries: 4, covered: 2, coverage: 0.5 },
    ]);
  });

  it('counts a query as answered by a variant only when every run of it answered it (its single runs read directly)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipw-analyze-hosts-'));
    const alpha = VARIANTS[0]!;
    await writeRun(dir, { runId: 'alpha-laptop', variant: alpha, queryIds: QUERY_IDS, host: 'laptop' });
    const one = await openStudy(dir);
    try {
      // One run per variant: alpha answers m0, m1 and s0.
      expect((await coverage(one)).rows[0]).toMatchObject({ domain: '(all)', covered: 3 });
    } finally {
      one.close();
    }
    // The same variant on a second host gets m0 wrong: m0 is no longer covered.
    await writeRun(dir, { runId: 'alpha-desktop', variant: alpha, queryIds: QUERY_IDS, host: 'desktop', overrides: (id) => (id === 'm0' ? { correct: false } : {}) });
    const two = await openStudy(dir);
    try {
      expect((await coverage(two)).rows[0]).toMatchObject({ domain: '(all)', covered: 2 });
    } finally {
      two.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('grows as models are added in release order', async () => {
    const table = await coverageGrowth(study, { releaseDates: RELEASE_DATES });
    const pick = (domain: string): unknown[] => table.rows.filter((r) => r.domain === domain).map((r) => [r.step, r.model, r.releaseDate, r.added, r.covered]);
    expect(pick('(all)')).toEqual([
      [1, 'alpha-q4_k_m', '2024-01-01', 3, 3],
      [2, 'beta', '2024-07-01', 2, 5],
      [3, 'gamma', '2025-01-01', 1, 6],
    ]);
    expect(pick('math').map((r) => (r as number[])[4])).toEqual([2, 3, 4]);
    expect(pick('science').map((r) => (r as number[])[4])).toEqual([1, 2, 2]);
  });

  it('puts undated models last', async () => {
    const table = await coverageGrowth(study, { releaseDates: new Map([['gamma', '2020-01-01']]) });
    expect(table.rows.filter((r) => r.domain === '(all)').map((r) => r.model)).toEqual(['gamma', 'alpha-q4_k_m', 'beta']);
  });
});

describe('oracle routing', () => {
  it('routes each query to the cheapest correct local model, else to the reference', async () => {
    const table = await oracleRouting(study, { reference: 'cloud' });
    expect(table.rows).toEqual([
      {
        domain: '(all)', queries: 10, queriesWithoutReference: 0, localShare: 0.6, referenceAccuracy: 0.7, routedAccuracy: 0.8,
        accuracyKept: 0.8 / 0.7, referenceEnergyJ: 100, routedEnergyJ: 51, energySavedJ: 49, energySavedShare: 0.49,
      },
      {
        domain: 'math', queries: 6, queriesWithoutReference: 0, localShare: 4 / 6, referenceAccuracy: 4 / 6, routedAccuracy: 5 / 6,
        accuracyKept: 5 / 6 / (4 / 6), referenceEnergyJ: 60, routedEnergyJ: 26.5, energySavedJ: 33.5, energySavedShare: 1 - 26.5 / 60,
      },
      {
        domain: 'science', queries: 4, queriesWithoutReference: 0, localShare: 0.5, referenceAccuracy: 0.75, routedAccuracy: 0.75,
        accuracyKept: 1, referenceEnergyJ: 40, routedEnergyJ: 24.5, energySavedJ: 15.5, energySavedShare: 1 - 24.5 / 40,
      },
    ]);
  });

  it('reports where queries went', async () => {
    const table = await routingShares(study, { reference: 'cloud' });
    expect(table.rows.map((r) => [r.model, r.accelerator, r.queries, r.energyJ])).toEqual([
      ['cloud', '(reference)', 4, 40],
      ['alpha-q4_k_m', 'cuda', 2, 2],
      ['beta', 'cpu', 2, 8],
      ['gamma', 'cpu', 2, 1],
    ]);
  });

  it('sends a query two variants answer at the same energy to the alphabetically first, on every run', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipw-analyze-ties-'));
    const [alphaCpu, , , , cloud] = VARIANTS as VariantSpec[];
    // Written in the order that would favour the later name if ties went to the first row seen.
    await writeRun(dir, { runId: 'zeta', variant: { ...alphaCpu!, model: 'zeta' }, queryIds: QUERY_IDS, host: 'a' });
    await writeRun(dir, { runId: 'aardvark', variant: { ...alphaCpu!, model: 'aardvark' }, queryIds: QUERY_IDS, host: 'b' });
    await writeRun(dir, { runId: 'cloud', variant: cloud!, queryIds: QUERY_IDS, host: 'c' });
    const tied = await openStudy(dir);
    try {
      const shares = await routingShares(tied, { reference: 'cloud' });
      expect(shares.rows.map((r) => [r.model, r.queries])).toEqual([['cloud', 7], ['aardvark', 3]]);
    } finally {
      tied.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names a missing reference model', async () => {
    await expect(oracleRouting(study, { reference: 'nope' })).rejects.toThrow(/reference model "nope" is not in this study/);
  });
});

describe('accelerator comparison', () => {
  it('gives the IPW ratio of one model on two accelerators with a paired interval', async () => {
    const table = await compareAccelerators(study, { local: 'cpu', reference: 'cuda', bootstrap: { resamples: 300, seed: 5 } });
    expect(table.rows).toHaveLength(1);
    const row = table.rows[0]!;
    expect(row.model).toBe('alpha-q4_k_m');
    expect(row.queries).toBe(10);
    // Same answers on both, so the IPW ratio is the inverse ratio of mean power: 20.45 / 8.45.
    expect(row.ipwRatio).toBeCloseTo(20.45 / 8.45, 12);
    expect(row.ipjRatio).toBe(0.5);
    // Power offsets are shared per query, so every resampled ratio lies in [21/9, 20/8].
    expect(row.ipwRatioLo as number).toBeGreaterThanOrEqual(21 / 9 - 1e-12);
    expect(row.ipwRatioHi as number).toBeLessThanOrEqual(2.5 + 1e-12);
    expect(row.ipwRatioLo as number).toBeLessThanOrEqual(row.ipwRatio as number);
    expect(row.ipwRatioHi as number).toBeGreaterThanOrEqual(row.ipwRatio as number);
    expect([row.ipjRatioLo, row.ipjRatioHi]).toEqual([0.5, 0.5]);
  });
});

describe('token regressions', () => {
  it('fits latency exactly linear in tokens, and flat energy', async () => {
    const table = await tokenRegressions(study);
    const gamma = table.rows.filter((r) => r.model === 'gamma');
    const fit = (response: string, predictor: string) => gamma.find((r) => r.response === response && r.predictor === predictor)!;
    expect(fit('durationMs', 'completionTokens')).toMatchObject({ slopeUnit: 'ms/token', n: 10 });
    expect(fit('durationMs', 'completionTokens').slope).toBeCloseTo(3, 10);
    expect(fit('durationMs', 'completionTokens').intercept).toBeCloseTo(100, 8);
    expect(fit('durationMs', 'completionTokens').r2).toBeCloseTo(1, 12);
    expect(fit('durationMs', 'promptTokens').slope).toBeCloseTo(6, 10);
    expect(fit('durationMs', 'promptTokens').intercept).toBeCloseTo(100, 8);
    expect(fit('energyJ', 'promptTokens').slope).toBe(0);
    expect(fit('energyJ', 'promptTokens').intercept).toBe(0.5);
  });
});

describe('IPW trend', () => {
  it('puts IPW against release dates and fits its doubling time', async () => {
    const trend = await ipwTrend(study, { releaseDates: RELEASE_DATES, bootstrap: { resamples: 50 } });
    expect(trend.rows.map((r) => [r.model, r.accelerator, r.releaseDate])).toEqual([
      ['alpha-q4_k_m', 'cpu', '2024-01-01'],
      ['alpha-q4_k_m', 'cuda', '2024-01-01'],
      ['beta', 'cpu', '2024-07-01'],
      ['gamma', 'cpu', '2025-01-01'],
      ['cloud', 'remote', null],
    ]);
    const fit = ipwTrendFit(trend);
    const cpu = fit.rows.find((r) => r.accelerator === 'cpu')!;
    expect(cpu.points).toBe(3);
    // Independent least squares of log2(ipw) on fractional years.
    const meanPower = (base: number): number => base + 0.45;
    const points: Array<[string, number]> = [['2024-01-01', 0.3 / meanPower(8)], ['2024-07-01', 0.3 / meanPower(16)], ['2025-01-01', 0.2 / meanPower(4)]];
    const xs = points.map(([d]) => Date.parse(d) / (365.25 * 86400000) + 1970);
    const ys = points.map(([, v]) => Math.log2(v));
    const mx = xs.reduce((a, b) => a + b) / 3;
    const my = ys.reduce((a, b) => a + b) / 3;
    const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    expect(cpu.doublingsPerYear).toBeCloseTo(slope, 10);
    expect(cpu.doublingTimeYears).toBeCloseTo(1 / slope, 10);
  });

  it('reads the bundled release-date table', () => {
    const dates = loadReleaseDates();
    expect(dates.size).toBeGreaterThan(0);
    for (const date of dates.values()) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('exports', () => {
  it('writes a table as CSV and Parquet', async () => {
    const dir = tempDir();
    const table = await coverage(study);
    const [csv, parquet] = await writeTableFiles(study.connection, table, dir, 'coverage');
    expect(fs.readFileSync(csv!, 'utf8').split('\n')[0]).toBe('domain,queries,covered,coverage');
    const back = await study.query(`SELECT * FROM read_parquet('${parquet}')`);
    expect(back.rows).toEqual(table.rows);
    expect(back.columnTypes).toEqual(table.columnTypes);
  });

  it('writes results partitioned by model and accelerator in hive layout', async () => {
    const out = path.join(tempDir(), 'parts');
    await study.exportPartitioned(out);
    expect(fs.existsSync(path.join(out, 'model=alpha-q4_k_m', 'accelerator=cuda'))).toBe(true);
    const back = await study.query(
      `SELECT model, accelerator, host, count(*)::INTEGER AS n FROM read_parquet('${out}/**/*.parquet', hive_partitioning = true)
       WHERE model = 'alpha-q4_k_m' GROUP BY ALL ORDER BY ALL`,
    );
    expect(back.rows).toEqual([
      { model: 'alpha-q4_k_m', accelerator: 'cpu', host: 'desktop', n: 4 },
      { model: 'alpha-q4_k_m', accelerator: 'cpu', host: 'laptop', n: 6 },
      { model: 'alpha-q4_k_m', accelerator: 'cuda', host: 'gpu-box', n: 10 },
    ]);
    const plain = path.join(tempDir(), 'plain');
    await writeResultsPartitioned(study.runs.map((r) => r.runDir), plain);
    const total = await study.query(`SELECT count(*)::INTEGER AS n FROM read_parquet('${plain}/**/*.parquet', hive_partitioning = true)`);
    expect(total.rows[0]?.n).toBe(50);
    await expect(writeResultsPartitioned([root], plain)).rejects.toThrow(/does not exist|not empty/);
  });
});

// powerOf keeps the fixture's power rule in one place; referenced so the assertion above stays tied to it.
void powerOf;
