import { describe, expect, it } from 'vitest';
import type { LoadLevelRow } from '../lib/load/index.ts';
import {
  assignLanes, energyVsLoad, latencyVsLoad, loadTimeline, servingFrontier, throughputVsLoad, type ServingLevel, type TimelineRequest,
} from '../lib/plots/index.ts';
import type { ScatterTrace } from '../lib/plots/types.ts';

function level(model: string, concurrency: number, extra: Partial<LoadLevelRow> = {}): LoadLevelRow {
  const latency = Object.fromEntries(
    ['ttft', 'tpot', 'itl', 'e2el'].flatMap((m, k) => [50, 90, 95, 99].map((p) => [`${m}P${p}Ms`, (k + 1) * concurrency * (p === 99 ? 3 : 1)])),
  ) as Record<string, number>;
  return {
    runId: `${model}-${concurrency}`, model, accelerator: 'cpu', load: `closed x${concurrency}`, ratePerS: null, concurrency, complete: true,
    completed: 8, failed: 0, requestThroughputPerS: 10 * Math.sqrt(concurrency), outputTokenThroughputPerS: 60, requestGoodputPerS: null,
    requestEnergyJ: 1 / concurrency, perCompletedEnergyJ: 1.2 / concurrency, outputTokensPerJ: 6 * concurrency, accuracy: 1,
    energySource: 'estimated', energyMethod: 'CPU time x 10 W', energyIsEstimate: true, energyDomain: 'estimated:server-cpu',
    ...latency, ...extra,
  } as LoadLevelRow;
}

// Given out of order: the plots sort each model's levels along x.
const LEVELS: ServingLevel[] = [level('small', 4), level('small', 1), level('small', 2), level('big', 1), level('big', 4, { requestEnergyJ: null })];

const scatter = (trace: unknown) => trace as ScatterTrace;

describe('serving plots', () => {
  it('latency against load: one line per model and percentile, sorted by concurrency, null where unavailable', () => {
    const fig = latencyVsLoad(LEVELS, { metric: 'tpot', percentiles: [50, 99] });
    expect(fig.data.map((t) => t.name)).toEqual(['small p50', 'small p99', 'big p50', 'big p99']);
    const smallP99 = scatter(fig.data[1]);
    expect(smallP99.x).toEqual([1, 2, 4]);
    expect(smallP99.y).toEqual([6, 12, 24]);
    expect(scatter(fig.data[0]).line?.dash).toBe('solid');
    expect(smallP99.line?.dash).toBe('dash');
    expect(fig.layout.xaxis?.title?.text).toBe('Concurrency (requests in flight)');
    expect(fig.layout.yaxis?.title?.text).toBe('TPOT (ms)');
    expect(fig.toSVG()).toContain('TPOT against load');
  });

  it('throughput against an offered rate draws the achieved = offered line; mixed modes fall back to achieved throughput', () => {
    const open = [level('m', 1, { ratePerS: 2, concurrency: null, load: 'poisson 2/s' }), level('m', 1, { ratePerS: 8, concurrency: null, load: 'poisson 8/s' })];
    const fig = throughputVsLoad(open);
    expect(fig.layout.xaxis?.title?.text).toBe('Offered load (requests/s)');
    expect(fig.data.at(-1)).toMatchObject({ name: 'achieved = offered', x: [0, 8], y: [0, 8] });
    const mixed = latencyVsLoad([...open, level('m', 4)]);
    expect(mixed.layout.xaxis?.title?.text).toBe('Achieved throughput (requests/s)');
  });

  it('energy against load shows both views of energy per request and says the joules are estimated', () => {
    const fig = energyVsLoad(LEVELS);
    expect(fig.data.map((t) => t.name)).toEqual(['small, attributed', 'small, window / completed', 'big, attributed', 'big, window / completed']);
    expect(scatter(fig.data[0]).y).toEqual([1, 0.5, 0.25]);
    // Unavailable stays null, never 0.
    expect(scatter(fig.data[2]).y).toEqual([1, null]);
    expect(fig.layout.yaxis?.title?.text).toBe('Energy per request (J, estimated)');
    expect(fig.layout.title?.subtitle?.text).toMatch(/estimated \(CPU time x 10 W\), domain estimated:server-cpu/);
    expect(scatter(energyVsLoad(LEVELS, { metric: 'tokens' }).data[0]).y).toEqual([6, 12, 24]);
  });

  it('the frontier of energy per request against p99 latency keeps the levels nothing beats on both', () => {
    const levels = [
      level('a', 1, { e2elP99Ms: 10, requestEnergyJ: 2 }),
      level('a', 2, { e2elP99Ms: 20, requestEnergyJ: 1 }),
      level('b', 1, { e2elP99Ms: 15, requestEnergyJ: 2.5 }),
      level('b', 2, { e2elP99Ms: 30, requestEnergyJ: 0.5 }),
    ];
    const fig = servingFrontier(levels);
    const [dominated, frontier] = fig.data.map(scatter);
    expect(frontier?.text).toEqual(['a closed x1', 'a closed x2', 'b closed x2']);
    expect(frontier?.y).toEqual([2, 1, 0.5]);
    expect(dominated?.text).toEqual(['b closed x1']);
    expect(dominated?.y).toEqual([2.5]);
  });

  it('lanes never overlap, and the bars over an instant are the requests in flight', () => {
    const requests: TimelineRequest[] = [
      { requestId: 'r0', sentMs: 0, firstTokenMs: 20, endMs: 40, ok: true },
      { requestId: 'r1', sentMs: 10, firstTokenMs: 15, endMs: 30, ok: true },
      { requestId: 'r2', sentMs: 30, firstTokenMs: NaN, endMs: 70, ok: false },
      { requestId: 'r3', sentMs: 50, firstTokenMs: 60, endMs: 80, ok: true },
    ];
    expect(assignLanes(requests)).toEqual([0, 1, 1, 0]);
    // A counter, as RAPL gives: 10, 20, 10 and 10 W over the four 20 ms intervals.
    const trace = { timeMs: [0, 20, 40, 60, 80], powerW: [NaN, NaN, NaN, NaN, NaN], energyJ: [0, 0.2, 0.6, 0.8, 1.0], source: 'rapl', isEstimate: false, method: 'energy-counter', domain: 'rapl:package-0' };
    const fig = loadTimeline(requests, trace);
    const shapes = fig.layout.shapes ?? [];
    expect(shapes.filter((s) => s.name === 'failed')).toHaveLength(1);
    expect(shapes.filter((s) => s.name === 'streaming')).toHaveLength(3);
    // Every bar sits in the upper half; the power trace (from the counter) in the lower half of the axis.
    expect(shapes.every((s) => s.y0 >= 0.5 && s.y1 <= 1)).toBe(true);
    const power = scatter(fig.data[0]);
    const topW = Math.max(...power.y.filter((w): w is number => w !== null));
    expect(topW).toBeCloseTo(20, 6);
    expect(fig.layout.yaxis?.range?.[1]).toBeGreaterThan(2 * topW);
    expect(fig.layout.title?.subtitle?.text).toMatch(/up to 2\)[\s\S]*rapl \(energy-counter\), domain rapl:package-0/);
    expect(fig.toSVG()).toContain('class="ipw-span"');
  });
});
