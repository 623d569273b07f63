import type { EnergyReading, EnergySource, EnergyWindow } from './types.ts';

/** Energy between two readings of one source. Pure. */
export function windowBetween(start: EnergyReading, end: EnergyReading, source: EnergySource): EnergyWindow {
  const durationMs = end.timeMs - start.timeMs;
  const energyJ = end.energyJ - start.energyJ;
  return {
    energyJ,
    durationMs,
    meanPowerW: durationMs > 0 ? energyJ / (durationMs / 1000) : 0,
    source: source.name,
    method: source.method,
    isEstimate: source.isEstimate,
  };
}

/** Sum of consecutive windows (e.g. prefill + decode) as one window. Pure. */
export function combineWindows(windows: EnergyWindow[]): EnergyWindow {
  const first = windows[0];
  if (first === undefined) throw new RangeError('combineWindows needs at least one window');
  const energyJ = windows.reduce((sum, w) => sum + w.energyJ, 0);
  const durationMs = windows.reduce((sum, w) => sum + w.durationMs, 0);
  return { ...first, energyJ, durationMs, meanPowerW: durationMs > 0 ? energyJ / (durationMs / 1000) : 0 };
}

/**
 * Named measurement windows over one energy source, in the manner of Zeus's begin_window/end_window:
 * `begin('prefill')` ... `end('prefill')` returns the joules, duration and mean power in between.
 */
export class EnergyMeter {
  readonly #open = new Map<string, EnergyReading>();

  constructor(readonly source: EnergySource) {}

  begin(name: string): void {
    if (this.#open.has(name)) throw new Error(`energy window "${name}" is already open`);
    this.#open.set(name, this.source.read());
  }

  end(name: string): EnergyWindow {
    const start = this.#open.get(name);
    if (start === undefined) throw new Error(`energy window "${name}" was never begun`);
    this.#open.delete(name);
    return windowBetween(start, this.source.read(), this.source);
  }

  /** Drops a window without measuring it (an aborted query). */
  cancel(name: string): void {
    this.#open.delete(name);
  }
}
