import { describe, expect, it } from 'vitest';
import {
  BOOTSTRAP, formatNumber, formatTable, summarize, type MetricRow, type SummaryRow,
} from '../lib/metrics/index.ts';
import { mean, percentile } from '../lib/metrics/stats.ts';
import { splitmix32 } from './helpers/splitmix32.ts';
import type { QueryResult } from '../lib/store/types.ts';

let nextQuery = 0;
const MEASURED = { energySource: 'rapl', energyMethod: 'energy-counter', energyIsEstimate: false } as const;

function row(model: string, accelerator: string, domain: string, correct: boolean, energyJ: number, meanPowerW: number, extra: Partial<MetricRow> = {}): MetricRow {
  return { queryId: `q${nextQuery++}`, model, accelerator, domain, correct, energyJ, meanPowerW, ...MEASURED, ...extra };
}

// Hand-computed groups:
//   m1/cpu/math: correct 2 of 4, energy (10+30+20+40)/4 = 25 J, power (5+15+10+10)/4 = 10 W, one no-answer
//   m1/cpu/code: correct 1 of 1, 5 J, 5 W
//   m2/cuda/math: correct 2 of 2, energy 3 J, power 150 W
const rows: MetricRow[] = [
  row('m1', 'cpu', 'math', true, 10, 5),
  row('m1', 'cpu', 'math', false, 30, 15),
  row('m2', 'cuda', 'math', true, 2, 100),
  row('m1', 'cpu', 'math', true, 20, 10),
  row('m1', 'cpu', 'math', false, 40, 10, { gradeStatus: 'no_answer' }),
  row('m2', 'cuda', 'math', true, 4, 200),
  row('m1', 'cpu', 'code', true, 5, 5, { noAnswer: false }),
];

/** Deterministic synthetic rows: accuracy about `p`, energy and power with spread. */
function synthetic(n: number, p: number, seed: number): MetricRow[] {
  const next = splitmix32(seed);
  const uniform = (): number => next() / 4294967296;
  return Array.from({ length: n }, () => row('m', 'cpu', 'd', uniform() < p, 50 + 100 * uniform(), 20 + 10 * uniform()));
}

const ci = { ...BOOTSTRAP, seed: 7 };

describe('summarize', () => {
  it('computes accuracy, energy, power, IPW, IPJ and no-answer rate per group', () => {
    const [code, math, cuda] = summarize(rows, { groupBy: ['model', 'accelerator', 'domain'] });
    expect(math).toEqual({
      model: 'm1', accelerator: 'cpu', domain: 'math', ...MEASURED,
      queries: 4, accuracy: 0.5, meanEnergyJ: 25, meanPowerW: 10, ipw: 0.05, ipj: 0.02, noAnswerRate: 0.25, errorRate: 0,
    });
    expect(code).toMatchObject({ domain: 'code', queries: 1, accuracy: 1, meanEnergyJ: 5, meanPowerW: 5, ipw: 0.2, ipj: 0.2, noAnswerRate: 0 });
    expect(cuda).toMatchObject({ model: 'm2', queries: 2, accuracy: 1, meanEnergyJ: 3, meanPowerW: 150, noAnswerRate: 0 });
    expect(cuda?.ipw).toBeCloseTo(1 / 150, 15);
    expect(cuda?.ipj).toBeCloseTo(1 / 3, 15);
  });

  it('groups by any subset of keys, sorted, with only those keys present', () => {
    const byModel = summarize(rows, { groupBy: ['model'] });
    expect(byModel.map((r) => r.model)).toEqual(['m1', 'm2']);
    const m1 = byModel[0] as SummaryRow;
    expect(Object.keys(m1)).not.toContain('domain');
    expect(Object.keys(m1)).not.toContain('accelerator');
    // m1 overall: 3 of 5 correct, energy 105/5 = 21 J, power 45/5 = 9 W, one no-answer
    expect(m1).toMatchObject({ queries: 5, accuracy: 0.6, meanEnergyJ: 21, meanPowerW: 9, noAnswerRate: 0.2 });
    expect(m1.ipw).toBeCloseTo(0.6 / 9, 15);
    expect(m1.ipj).toBeCloseTo(0.6 / 21, 15);

    const byDomain = summarize(rows, { groupBy: ['domain'] });
    expect(byDomain.map((r) => [r.domain, r.queries])).toEqual([['code', 1], ['math', 6]]);

    const all = summarize(rows, { groupBy: [] });
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ queries: 7, accuracy: 5 / 7 });
    expect(all[0]?.model).toBeUndefined();
    expect(summarize([], { groupBy: ['model'] })).toEqual([]);
  });

  it('counts queries that could not run apart from wrong and unanswered ones, and as not correct in accuracy', () => {
    const withErrors = [
      row('m', 'cpu', 'd', true, 10, 5),
      row('m', 'cpu', 'd', false, 10, 5, { gradeStatus: 'answered' }),
      row('m', 'cpu', 'd', false, 10, 5, { gradeStatus: 'no_answer' }),
      row('m', 'cpu', 'd', false, 0, 0, { gradeStatus: 'error' }),
    ];
    const [summary] = summarize(withErrors, { groupBy: ['model'] });
    expect(summary).toMatchObject({ queries: 4, accuracy: 0.25, noAnswerRate: 0.25, errorRate: 0.25 });
    const table = formatTable([summary!]);
    expect(table.split('\n').find((line) => line.includes('accuracy'))).toMatch(/no-answer %\s+error %$/);
    expect(table.split('\n').at(-1)).toMatch(/25\.0\s+25\.0$/);
    // Without errors the column stays out of the way.
    expect(formatTable(summarize(withErrors.slice(0, 3), { groupBy: ['model'] }))).not.toContain('error %');
  });

  it('accepts QueryResult rows as they are', () => {
    const result = { ...rows[0], gradeStatus: 'no_answer' } as QueryResult;
    expect(summarize([result], { groupBy: ['model'] })[0]?.noAnswerRate).toBe(1);
  });

  it('reports IPW and IPJ as NaN when power or energy was not measured', () => {
    const [zero] = summarize([row('m', 'cpu', 'd', true, 0, 0), row('m', 'cpu', 'd', false, 0, 0)], { groupBy: ['model'] });
    expect(zero).toMatchObject({ accuracy: 0.5, meanEnergyJ: 0, meanPowerW: 0 });
    expect(zero?.ipw).toBeNaN();
    expect(zero?.ipj).toBeNaN();
  });
});

describe('bootstrap confidence intervals', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    const data = synthetic(300, 0.6, 1);
    const a = summarize(data, { groupBy: ['model'], bootstrap: ci });
    const b = summarize(data, { groupBy: ['model'], bootstrap: ci });
    const c = summarize(data, { groupBy: ['model'], bootstrap: { ...ci, seed: 8 } });
    expect(a).toEqual(b);
    expect(a[0]?.ci).not.toEqual(c[0]?.ci);
  });

  it('gives a group the same interval whether or not other groups are present', () => {
    const data = synthetic(100, 0.5, 2);
    const alone = summarize(data, { groupBy: ['model'], bootstrap: ci });
    const withOthers = summarize([...rows, ...data], { groupBy: ['model'], bootstrap: ci }).find((r) => r.model === 'm');
    expect(withOthers?.ci).toEqual(alone[0]?.ci);
  });

  it('contains the point estimate of every statistic', () => {
    const [summary] = summarize(synthetic(200, 0.7, 3), { groupBy: ['model'], bootstrap: ci });
    if (!summary?.ci) throw new Error('expected a CI');
    for (const key of ['accuracy', 'ipw', 'ipj', 'meanEnergyJ', 'meanPowerW'] as const) {
      const [lo, hi] = summary.ci[key];
      expect(lo).toBeLessThan(summary[key]);
      expect(hi).toBeGreaterThan(summary[key]);
    }
  });

  it('matches the normal approximation for accuracy and narrows with more data', () => {
    const width = (n: number): number => {
      const [summary] = summarize(synthetic(n, 0.5, 4), { groupBy: ['model'], bootstrap: { ...ci, resamples: 2000 } });
      const [lo, hi] = summary?.ci?.accuracy ?? [NaN, NaN];
      return hi - lo;
    };
    const small = width(100);
    const large = width(1600);
    // 2 x 1.96 x sqrt(0.25 / n): about 0.196 for n = 100 and 0.049 for n = 1600.
    expect(small).toBeGreaterThan(0.16);
    expect(small).toBeLessThan(0.24);
    expect(large).toBeGreaterThan(0.04);
    expect(large).toBeLessThan(0.06);
  });

  it('collapses to the value itself for degenerate groups', () => {
    const [allCorrect] = summarize([row('m', 'cpu', 'd', true, 1, 2), row('m', 'cpu', 'd', true, 3, 4)], { groupBy: ['model'], bootstrap: ci });
    expect(allCorrect?.ci?.accuracy).toEqual([1, 1]);
    const [single] = summarize([row('m', 'cpu', 'd', true, 8, 4)], { groupBy: ['model'], bootstrap: ci });
    expect(single?.ci).toEqual({ accuracy: [1, 1], ipw: [0.25, 0.25], ipj: [0.125, 0.125], meanEnergyJ: [8, 8], meanPowerW: [4, 4] });
  });

  it('rejects invalid options', () => {
    expect(() => summarize(rows, { groupBy: [], bootstrap: { ...ci, resamples: 0 } })).toThrow(RangeError);
    expect(() => summarize(rows, { groupBy: [], bootstrap: { ...ci, confidence: 1 } })).toThrow(RangeError);
  });
});

describe('helpers', () => {
  it('mean and percentile', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([])).toBeNaN();
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentile([4, 1, 3, 2], 0.25)).toBe(1.75);
    expect(percentile([4, 1, 3, 2], 0)).toBe(1);
    expect(percentile([4, 1, 3, 2], 1)).toBe(4);
    expect(percentile([5], 0.3)).toBe(5);
    expect(percentile([NaN, 1, 3], 0.5)).toBe(2);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('splitmix32 is deterministic', () => {
    const a = splitmix32(42);
    const b = splitmix32(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });

  it('formats numbers to about four significant digits', () => {
    expect(formatNumber(0.0123456)).toBe('0.01235');
    expect(formatNumber(123456.7)).toBe('123457');
    expect(formatNumber(25)).toBe('25');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(NaN)).toBe('NaN');
  });
});

describe('formatTable', () => {
  it('aligns columns, shows the accuracy CI and names every row\'s energy source, method and domain', () => {
    const summary: SummaryRow[] = [
      { model: 'm1', accelerator: 'cpu', ...MEASURED, energyDomain: 'rapl:package-0', queries: 4, accuracy: 0.5, meanEnergyJ: 25, meanPowerW: 10, ipw: 0.05, ipj: 0.02, noAnswerRate: 0.25, errorRate: 0,
        ci: { accuracy: [0.25, 0.75], ipw: [0, 1], ipj: [0, 1], meanEnergyJ: [0, 1], meanPowerW: [0, 1] } },
      { model: 'model-two', accelerator: 'cuda', energySource: 'nvml', energyMethod: 'energy-counter: NVML', energyIsEstimate: false, queries: 12, accuracy: 1, meanEnergyJ: 3, meanPowerW: 150, ipw: 1 / 150, ipj: 1 / 3, noAnswerRate: 0, errorRate: 0 },
    ];
    expect(formatTable(summary)).toBe([
      'Energy: measured. Sources:',
      '  [1] rapl (energy-counter), domain rapl:package-0: measured',
      '  [2] nvml (energy-counter: NVML): measured',
      'model      accelerator  energy     n              accuracy  J/query    W       IPW     IPJ  no-answer %',
      '---------  -----------  --------  --  --------------------  -------  ---  --------  ------  -----------',
      'm1         cpu          rapl [1]   4  0.500 [0.250, 0.750]       25   10      0.05    0.02         25.0',
      'model-two  cuda         nvml [2]  12                 1.000        3  150  0.006667  0.3333          0.0',
    ].join('\n'));
  });

  it('says in its header line that figures are estimated, and shows unmeasured energy as not measured with the reason', () => {
    const estimated = row('m', 'cpu', 'd', true, 0.5, 10, { energySource: 'estimated', energyMethod: 'process CPU time x 10 W per busy core', energyIsEstimate: true });
    const remote = row('r', 'remote', 'd', true, NaN, NaN, { energySource: 'none', energyMethod: 'not measured: remote server with no energyFrom', energyIsEstimate: false });
    const measured = row('m', 'cpu', 'd', false, 0.4, 8);
    const summary = summarize([estimated, remote, measured], { groupBy: ['model', 'accelerator'] });
    const text = formatTable(summary);
    const [headline, ...rest] = text.split('\n');
    expect(headline).toBe('Energy: ESTIMATED in 1 of 3 rows (a model, not a measurement); measured in 1 of 3 rows; not measured in 1 of 3 rows. Sources:');
    expect(rest).toContain('  [1] estimated (process CPU time x 10 W per busy core): ESTIMATED (a model, not a measurement)');
    expect(rest).toContain('  [3] not measured: remote server with no energyFrom');
    const remoteLine = rest.find((line) => line.startsWith('r '))!;
    expect(remoteLine).toMatch(/none \[3\] +1 +1\.000 +not measured +not measured +n\/a +n\/a/);
    expect(formatTable(summarize([estimated], { groupBy: ['model'] })).split('\n')[0]).toBe('Energy: ESTIMATED in every row (a model, not a measurement). Sources:');
  });
});

describe('energy labels in summaries', () => {
  const estimated = { energySource: 'estimated', energyMethod: 'process CPU time x 10 W per busy core', energyIsEstimate: true } as const;

  it('splits a group that mixes sources, never averaging measured and estimated energy', () => {
    const mixed = [
      row('m', 'cpu', 'd', true, 10, 5),
      row('m', 'cpu', 'd', false, 30, 15),
      row('m', 'cpu', 'd', true, 1, 1, estimated),
      row('m', 'cpu', 'd', true, 3, 3, { ...estimated, energyDomain: 'estimated:process-cpu' }),
    ];
    const summary = summarize(mixed, { groupBy: ['model', 'accelerator'], bootstrap: { resamples: 50 } });
    expect(summary.map((r) => [r.energySource, r.energyIsEstimate, r.energyDomain, r.queries, r.meanEnergyJ])).toEqual([
      ['estimated', true, undefined, 1, 1],
      ['estimated', true, 'estimated:process-cpu', 1, 3],
      ['rapl', false, undefined, 2, 20],
    ]);
    expect(summary[2]).toMatchObject({ ...MEASURED, accuracy: 0.5 });
  });

  it('leaves IPW and IPJ undefined (NaN, never 0) when energy was not measured', () => {
    const none = { energySource: 'none', energyMethod: 'not measured: remote server', energyIsEstimate: false } as const;
    const [remote] = summarize([row('r', 'remote', 'd', true, NaN, NaN, none), row('r', 'remote', 'd', true, NaN, NaN, none)], {
      groupBy: ['model'],
      bootstrap: { resamples: 50 },
    });
    expect(remote).toMatchObject({ energySource: 'none', accuracy: 1 });
    for (const value of [remote!.meanEnergyJ, remote!.ipw, remote!.ipj, ...remote!.ci!.ipw, ...remote!.ci!.ipj]) expect(value).toBeNaN();
    expect(remote!.ci!.accuracy).toEqual([1, 1]);
  });
});
