import { performance } from 'node:perf_hooks';
import type { EnergyReading, EnergySource, SampleRow } from './types.ts';

/** A source for a run whose energy is not measured: every reading is NaN, so no figure can pass for a measurement. */
export function openUnmeasuredSource(reason: string): EnergySource {
  return {
    name: 'none',
    measure: 'model',
    method: `not measured: ${reason}`,
    isEstimate: false,
    updatePeriodMs: 0,
    channels: ['none'],
    details: { reason },
    readInto(out: SampleRow) {
      out.fill(NaN);
    },
    read(): EnergyReading {
      return { timeMs: performance.now(), energyJ: NaN };
    },
    async close() {},
  };
}
