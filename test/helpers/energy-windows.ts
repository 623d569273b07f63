import { expect } from 'vitest';
import type { EnergySampler } from '../../lib/energy/index.ts';
import { sleepMs } from '../../support/energy-standins.ts';

export interface WindowCheckOptions {
  /** Window lengths to measure, ms. */
  plannedMs: readonly number[];
  /** The stand-in's exact joules between two sampler timestamps. */
  truthJ: (startMs: number, endMs: number) => number;
  /** The stand-in's highest power, W: what an edge sample's read spread can cost at most. */
  maxPowerW: number;
}

/** The longer of the read times of the two samples that bracket `tMs`: how uncertain that edge's instant is. */
function edgeReadMs(sampler: EnergySampler, tMs: number): number {
  const trace = sampler.trace;
  let i = 0;
  while (i + 1 < trace.length && trace.timeMs[i + 1]! <= tMs) i++;
  return Math.max(trace.readMs[i]!, trace.readMs[Math.min(i + 1, trace.length - 1)]!);
}

/**
 * Measures windows of each planned length through the sampler and checks each against the stand-in's exact joules.
 * A stand-in's sample reads its counters at slightly different instants (a FIFO per zone, or an exporter's request),
 * so a window that misses by 0.5% must be explained by its edge samples' read times at the highest power served,
 * and is measured again; every planned length must come within 0.5% within 4 rounds. A window may carry
 * 'sparse-samples' on a loaded machine (the sampler thread was late); the figure must still hold.
 */
export async function expectWindowsWithinHalfPercent(sampler: EnergySampler, options: WindowCheckOptions): Promise<void> {
  let pending = [...options.plannedMs];
  for (let round = 0; round < 4 && pending.length > 0; round++) {
    const windows: { startMs: number; endMs: number; plannedMs: number }[] = [];
    for (const plannedMs of pending) {
      const startMs = sampler.mark();
      await sleepMs(plannedMs);
      windows.push({ startMs, endMs: sampler.mark(), plannedMs });
    }
    await sampler.settle(windows.at(-1)!.endMs);
    const again: number[] = [];
    for (const w of windows) {
      const measured = sampler.window(w.startMs, w.endMs);
      const truth = options.truthJ(w.startMs, w.endMs);
      const spreadMs = edgeReadMs(sampler, w.startMs) + edgeReadMs(sampler, w.endMs);
      const label = `${w.plannedMs} ms window (edge reads ${spreadMs.toFixed(2)} ms): measured ${measured.energyJ} J, truth ${truth} J`;
      expect(measured.flags.filter((f) => f !== 'sparse-samples'), label).toEqual([]);
      if (Math.abs(measured.energyJ - truth) >= (truth * 0.5) / 100) {
        expect(Math.abs(measured.energyJ - truth), label).toBeLessThan((truth * 0.5) / 100 + (options.maxPowerW * spreadMs) / 1000);
        again.push(w.plannedMs);
      }
    }
    pending = again;
  }
  expect(pending, 'window lengths still off by 0.5% or more after 4 rounds').toEqual([]);
}
