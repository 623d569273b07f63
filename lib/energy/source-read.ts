import { performance } from 'node:perf_hooks';
import { monotonicMs } from './clock.ts';
import type { PowerIntegrator } from './integrate.ts';
import type { EnergyReading, SampleRow } from './types.ts';

/**
 * The `read()` every source offers: its `readInto` into a private row of `2 + channelCount`, returned as the total
 * stamped with this thread's `performance.now()`.
 */
export function totalReader(readInto: (row: SampleRow) => void, channelCount: number): () => EnergyReading {
  const row = new Float64Array(2 + channelCount);
  return () => {
    readInto(row);
    return { timeMs: performance.now(), energyJ: row[0]! };
  };
}

/** One device of a multi-device source (GPUs), read through closures made once at open. */
export interface MeteredDevice {
  /** Power now, W; NaN when the device reports none. */
  readPowerW(): number;
  /** Joules since open from the device's energy counter; null when it has none and its power is integrated instead. */
  readCounterJ: (() => number) | null;
  /** Integrates power for a device without a counter; started at open with the first power reading. */
  integrator: PowerIntegrator;
}

/**
 * Writes [total J, total W, J per device] into `out`: each device's energy counter where it has one, else its power
 * integrated by the trapezoid rule. Allocation-free.
 */
export function readDevicesInto(devices: readonly MeteredDevice[], out: SampleRow): void {
  let totalJ = 0;
  let totalW = 0;
  for (let i = 0; i < devices.length; i++) {
    const device = devices[i]!;
    const powerW = device.readPowerW();
    const joules = device.readCounterJ ? device.readCounterJ() : device.integrator.add(powerW, monotonicMs());
    out[2 + i] = joules;
    totalJ += joules;
    totalW += powerW;
  }
  out[0] = totalJ;
  out[1] = totalW;
}
