// lib/load's pure parts: vLLM's serving metrics on hand-computed requests, SLO goodput, arrival schedules and the
// replay file's errors.
import { describe, expect, it } from 'vitest';
import { parseArrivals, parseSlo, percentile, requestLatency, scheduleArrivals, servingMetrics, sweepRates, type TimedRequest } from '../lib/load/index.ts';

// A: three chunks; B: one token; C: failed; D: five chunks.
const A: TimedRequest = { sentMs: 0, tokenTimesMs: [100, 120, 150], endMs: 160, promptTokens: 10, outputTokens: 3, ok: true };
const B: TimedRequest = { sentMs: 50, tokenTimesMs: [250], endMs: 260, promptTokens: 20, outputTokens: 1, ok: true };
const C: TimedRequest = { sentMs: 100, tokenTimesMs: [], endMs: 130, promptTokens: 0, outputTokens: 0, ok: false };
const D: TimedRequest = { sentMs: 200, tokenTimesMs: [260, 280, 300, 320, 340], endMs: 350, promptTokens: 5, outputTokens: 5, ok: true };

describe('serving metrics (vLLM definitions)', () => {
  it('per request: TTFT from send, E2EL to the stream end, TPOT over tokens after the first, ITL between chunks', () => {
    expect(requestLatency(A)).toEqual({ ttftMs: 100, e2elMs: 160, tpotMs: 30, itlMs: [20, 30] });
    const b = requestLatency(B);
    expect(b.ttftMs).toBe(200);
    expect(b.tpotMs).toBeNaN();
    expect(b.itlMs).toEqual([]);
    expect(requestLatency(C).ttftMs).toBeNaN();
  });

  it('percentiles interpolate linearly between closest ranks, as numpy does', () => {
    expect(percentile([60, 100, 200], 90)).toBeCloseTo(180, 12);
    expect(percentile([60, 100, 200], 99)).toBeCloseTo(198, 12);
    expect(percentile([5], 99)).toBe(5);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(/p in \[0, 100\]/);
  });

  it('aggregates successful requests only, throughput over first send to last end', () => {
    const m = servingMetrics([A, B, C, D]);
    expect(m).toMatchObject({ requests: 4, completed: 3, failed: 1, totalInputTokens: 35, totalOutputTokens: 9, goodRequests: null, requestGoodputPerS: null });
    expect(m.durationS).toBeCloseTo(0.35, 12);
    expect(m.requestThroughputPerS).toBeCloseTo(3 / 0.35, 9);
    expect(m.outputTokenThroughputPerS).toBeCloseTo(9 / 0.35, 9);
    expect(m.totalTokenThroughputPerS).toBeCloseTo(44 / 0.35, 9);
    expect(m.ttft.count).toBe(3);
    expect(m.ttft.meanMs).toBeCloseTo(120, 12);
    expect(m.ttft.medianMs).toBe(100);
    expect(m.ttft.stdMs).toBeCloseTo(Math.sqrt((400 + 6400 + 3600) / 3), 9);
    expect(m.ttft.percentilesMs).toEqual({ p50: 100, p90: expect.closeTo(180, 9), p95: expect.closeTo(190, 9), p99: expect.closeTo(198, 9) });
    // B's single token has no TPOT.
    expect(m.tpot.count).toBe(2);
    expect(m.tpot.meanMs).toBeCloseTo(26.25, 12);
    expect(m.tpot.percentilesMs.p90).toBeCloseTo(29.25, 12);
    expect(m.itl.count).toBe(6);
    expect(m.itl.meanMs).toBeCloseTo(130 / 6, 12);
    expect(m.itl.percentilesMs.p99).toBeCloseTo(29.5, 12);
    expect(m.e2el.meanMs).toBeCloseTo(520 / 3, 12);
  });

  it('goodput counts completed requests meeting every SLO; a one-token reply meets any TPOT', () => {
    const both = servingMetrics([A, B, C, D], { slo: parseSlo('ttft=150ms,tpot=25ms') });
    expect(both.goodRequests).toBe(1); // D only: A's TPOT is 30, B's TTFT 200
    expect(both.requestGoodputPerS).toBeCloseTo(1 / 0.35, 9);
    expect(servingMetrics([A, B, C, D], { slo: { tpotMs: 25 } }).goodRequests).toBe(2); // B and D
    expect(servingMetrics([A, B, C, D], { slo: parseSlo('e2el=0.2s') }).goodRequests).toBe(2); // A and D
  });

  it('no successful request gives NaN figures, never 0', () => {
    const m = servingMetrics([C]);
    expect(m.completed).toBe(0);
    expect(m.ttft.meanMs).toBeNaN();
    expect(m.e2el.percentilesMs.p99).toBeNaN();
  });

  it('parses SLOs in ms or s and names a bad one', () => {
    expect(parseSlo('ttft=500ms, tpot=50')).toEqual({ ttftMs: 500, tpotMs: 50 });
    expect(parseSlo('e2el=2s')).toEqual({ e2elMs: 2000 });
    expect(() => parseSlo('ttft=fast')).toThrow(/"ttft=fast" is not an objective/);
    expect(() => parseSlo('latency=5ms')).toThrow(/keys: ttft, tpot, e2el/);
    expect(() => parseSlo('')).toThrow(/names no objective/);
  });
});

describe('arrivals', () => {
  it('poisson: seeded, starts at 0, mean gap near 1/rate, bounded by requests or duration', () => {
    const a = scheduleArrivals({ mode: 'poisson', ratePerS: 20, seed: 7 }, { requests: 2000 })!;
    expect(a).toEqual(scheduleArrivals({ mode: 'poisson', ratePerS: 20, seed: 7 }, { requests: 2000 }));
    expect(a).not.toEqual(scheduleArrivals({ mode: 'poisson', ratePerS: 20, seed: 8 }, { requests: 2000 }));
    expect(a[0]!.atMs).toBe(0);
    const meanGapMs = a[a.length - 1]!.atMs / (a.length - 1);
    expect(meanGapMs).toBeGreaterThan(45);
    expect(meanGapMs).toBeLessThan(55);
    const timed = scheduleArrivals({ mode: 'poisson', ratePerS: 20, seed: 7 }, { durationS: 5 })!;
    expect(timed.every((x) => x.atMs <= 5000)).toBe(true);
    expect(timed.length).toBe(a.filter((x) => x.atMs <= 5000).length);
  });

  it('burst: every request at 0; closed: no schedule; replay: sorted and bounded', () => {
    expect(scheduleArrivals({ mode: 'burst' }, { requests: 3 })).toEqual([{ atMs: 0 }, { atMs: 0 }, { atMs: 0 }]);
    expect(scheduleArrivals({ mode: 'closed', concurrency: 2 }, { requests: 3 })).toBeUndefined();
    const replay = scheduleArrivals({ mode: 'replay', arrivals: [{ atMs: 30 }, { atMs: 10, queryId: 'q2' }, { atMs: 20 }] }, { requests: 2 });
    expect(replay).toEqual([{ atMs: 10, queryId: 'q2' }, { atMs: 20 }]);
  });

  it('refuses modes that never end or make no sense, in option terms', () => {
    expect(() => scheduleArrivals({ mode: 'poisson', ratePerS: 2 }, {})).toThrow(/requests or durationS/);
    expect(() => scheduleArrivals({ mode: 'poisson', ratePerS: 0 }, { requests: 2 })).toThrow(/ratePerS/);
    expect(() => scheduleArrivals({ mode: 'closed', concurrency: 0 }, { requests: 2 })).toThrow(/concurrency/);
    expect(() => scheduleArrivals({ mode: 'burst' }, { durationS: 2 })).toThrow(/burst needs requests/);
    expect(() => scheduleArrivals({ mode: 'closed', concurrency: 1 }, { requests: 1.5 })).toThrow(/requests must be a whole number/);
  });

  it('reads replay JSONL, naming the file, line and field of a bad row', () => {
    expect(parseArrivals('{"atMs": 0}\n\n{"atMs": 12.5, "queryId": "q1"}\n', 'a.jsonl')).toEqual([{ atMs: 0 }, { atMs: 12.5, queryId: 'q1' }]);
    expect(() => parseArrivals('{"atMs": 0}\n{"at": 5}\n', 'a.jsonl')).toThrow(/a\.jsonl line 2: atMs must be a number/);
    expect(() => parseArrivals('{"atMs": 0}\nnope\n', 'a.jsonl')).toThrow(/a\.jsonl line 2 is not JSON/);
    expect(() => parseArrivals('{"atMs": 1, "queryId": 3}', 'a.jsonl')).toThrow(/line 1: queryId must be a string/);
    expect(() => parseArrivals('\n', 'a.jsonl')).toThrow(/holds no arrivals/);
  });
});

describe('sweepRates', () => {
  it('spaces the Poisson levels evenly strictly between light load and saturation', () => {
    expect(sweepRates(2, 12, 4)).toEqual([4, 6, 8, 10]);
    expect(() => sweepRates(5, 5, 2)).toThrow(/saturation rate above the light-load rate/);
    expect(() => sweepRates(1, 5, 0)).toThrow(/steps must be a whole number/);
  });
});
