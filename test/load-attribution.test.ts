// Energy per request while requests overlap (lib/load attribution.ts): the rule on a hand-worked trace, exact
// conservation on a large random one, and the prefill weight's calibration.
import { describe, expect, it } from 'vitest';
import type { TraceColumns } from '../lib/energy/index.ts';
import { attributeEnergy, prefillWeightOf, type WorkRequest } from '../lib/load/index.ts';
import { seededRandom } from '../lib/queries/index.ts';

function trace(timeMs: number[], energyJ: number[]): TraceColumns {
  return { timeMs: Float64Array.from(timeMs), energyJ: Float64Array.from(energyJ), powerW: new Float64Array(timeMs.length).fill(NaN), length: timeMs.length };
}

// 10, 20, 30, 40 W over four 100 ms steps.
const STEPS = trace([0, 100, 200, 300, 400], [0, 1, 3, 6, 10]);
const R1: WorkRequest = { sentMs: 50, tokenTimesMs: [150, 250], endMs: 260, promptTokens: 10, outputTokens: 2 };
const R2: WorkRequest = { sentMs: 210, tokenTimesMs: [220], endMs: 230, promptTokens: 4, outputTokens: 1 };

describe('attributeEnergy', () => {
  it('splits each interval by work: prefill spread over send..first chunk, decode over chunk gaps', () => {
    const a = attributeEnergy(STEPS, [R1, R2], { startMs: 50, endMs: 350, idlePowerW: 5, prefillWeight: 0.5 });
    expect(a.totalJ).toBeCloseTo(7.5, 12);
    // [50,100] 0.5 J: R1 alone. [100,200] 2 J: R1 alone. [200,300] 3 J: R1 0.5 units, R2 2 units. [300,350] 2 J: nobody.
    expect(a.requests[0]!.grossJ).toBeCloseTo(0.5 + 2 + 3 * 0.2, 12);
    expect(a.requests[1]!.grossJ).toBeCloseTo(3 * 0.8, 12);
    expect(a.requests[0]).toMatchObject({ prefillUnits: 5, decodeUnits: 1 });
    expect(a.requests[1]).toMatchObject({ prefillUnits: 2, decodeUnits: 0 });
    expect(a.gapJ).toBeCloseTo(2, 12);
    // Idle 5 W: 0.25 + 0.5 + 0.5 J in the three busy intervals.
    expect(a.idleJ).toBeCloseTo(1.25, 12);
    expect(a.requests[0]!.netJ).toBeCloseTo(0.25 + 1.5 + 2.5 * 0.2, 12);
    expect(a.requests[1]!.netJ).toBeCloseTo(2.5 * 0.8, 12);
    expect(a.intervals.map((i) => [i.startMs, i.endMs, i.activeRequests, i.inFlightRequests])).toEqual([
      [50, 100, 1, 1],
      [100, 200, 1, 1],
      [200, 300, 2, 2],
      [300, 350, 0, 0],
    ]);
  });

  it("uses the server's prefill time when it reports one (queueing before it is not work)", () => {
    // R1 queued until 140: its prefill is [140, 150], all in [100, 200].
    const a = attributeEnergy(STEPS, [{ ...R1, serverPromptMs: 10 }], { startMs: 50, endMs: 350, idlePowerW: NaN, prefillWeight: 0.5 });
    expect(a.intervals[0]!.workUnits).toBe(0);
    expect(a.requests[0]!.grossJ).toBeCloseTo(2 + 3, 12); // [100,200] and [200,300]; [50,100] is now a gap
    expect(a.gapJ).toBeCloseTo(0.5 + 2, 12);
    // No baseline: net is NaN, nothing is idle.
    expect(a.requests[0]!.netJ).toBeNaN();
    expect(a.idleJ).toBe(0);
  });

  it('conserves the measured total exactly on a long random trace with overlapping requests', () => {
    const random = seededRandom(3);
    const times: number[] = [];
    const joules: number[] = [];
    let e = 0;
    for (let t = 0; t < 20_000; t += 20 + random() * 60) {
      times.push(t);
      joules.push(e);
      e += 0.5 + random() * 3;
    }
    const requests: WorkRequest[] = Array.from({ length: 300 }, () => {
      const sentMs = 100 + random() * 18_000;
      const first = sentMs + 5 + random() * 300;
      const chunks = Math.floor(random() * 40);
      const tokenTimesMs = chunks === 0 ? [] : Array.from({ length: chunks }, (_, k) => first + k * (5 + random() * 30));
      const endMs = (tokenTimesMs[tokenTimesMs.length - 1] ?? first) + random() * 5;
      return { sentMs, tokenTimesMs, endMs, promptTokens: Math.floor(random() * 200), outputTokens: chunks + (random() < 0.2 ? 3 : 0) };
    });
    const startMs = 90;
    const endMs = Math.max(...requests.map((r) => r.endMs)) + 50;
    const a = attributeEnergy(trace(times, joules), requests, { startMs, endMs, idlePowerW: 12, prefillWeight: 0.3 });
    const gross = a.requests.reduce((s, r) => s + r.grossJ, 0);
    const net = a.requests.reduce((s, r) => s + r.netJ, 0);
    expect(Math.abs(gross + a.gapJ - a.totalJ) / a.totalJ).toBeLessThan(1e-12);
    expect(Math.abs(net + a.idleJ + a.gapJ - a.totalJ) / a.totalJ).toBeLessThan(1e-12);
    expect(gross).toBeCloseTo(a.attributedJ, 9);
    expect(a.requests.every((r) => r.grossJ >= 0 && r.netJ >= 0)).toBe(true);
    // Requests that did work got energy; the interval energies cover the window.
    expect(a.requests.filter((r, i) => r.prefillUnits + r.decodeUnits > 0 && requests[i]!.tokenTimesMs.length > 0).every((r) => r.grossJ > 0)).toBe(true);
    expect(a.intervals.reduce((s, i) => s + i.energyJ, 0)).toBeCloseTo(a.totalJ, 9);
  });

  it('refuses an empty window and a bad prefillWeight', () => {
    expect(() => attributeEnergy(STEPS, [], { startMs: 5, endMs: 5, idlePowerW: 0, prefillWeight: 1 })).toThrow(/ends \(5\) before it starts/);
    expect(() => attributeEnergy(STEPS, [], { startMs: 0, endMs: 5, idlePowerW: 0, prefillWeight: -1 })).toThrow(/prefillWeight/);
  });
});

describe('prefillWeightOf', () => {
  it("takes the server's prompt and decode ms per token, median over solo requests", () => {
    const solo = (promptMs: number) => ({ sentMs: 0, tokenTimesMs: [30, 40], endMs: 50, promptTokens: 40, outputTokens: 5, serverPromptMs: promptMs, serverDecodeMs: 30, serverDecodeTokens: 4 });
    // 20 ms / 40 tokens = 0.5 ms per prompt token; 30 ms / 3 tokens = 10 ms per output token.
    expect(prefillWeightOf([solo(20)])).toBeCloseTo(0.05, 12);
    expect(prefillWeightOf([solo(20), solo(40), solo(400)])).toBeCloseTo(0.1, 12);
  });

  it("falls back to the client's TTFT per prompt token over TPOT, and NaN with nothing to compare", () => {
    // TTFT 40 ms over 20 prompt tokens = 2; decode (100 - 40) / 3 = 20 ms per token.
    expect(prefillWeightOf([{ sentMs: 0, tokenTimesMs: [40, 60, 80, 100], endMs: 100, promptTokens: 20, outputTokens: 4 }])).toBeCloseTo(0.1, 12);
    expect(prefillWeightOf([{ sentMs: 0, tokenTimesMs: [40], endMs: 41, promptTokens: 20, outputTokens: 1 }])).toBeNaN();
  });
});
