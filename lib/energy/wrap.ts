/**
 * Joules between two raw readings of a counter that wraps to 0 after `rangeRaw` (e.g. RAPL max_energy_range_uj).
 * A decrease means exactly one wrap; more than one full range between reads cannot be seen, which is why
 * samplers must read faster than range / maximum power (`maxReadIntervalMs`). Pure.
 */
export function counterDelta(previousRaw: number, currentRaw: number, rangeRaw: number): number {
  if (currentRaw >= previousRaw) return currentRaw - previousRaw;
  // The kernel's counter runs 0..max_energy_range_uj inclusive, so the modulus is range + 1.
  return currentRaw + (rangeRaw + 1 - previousRaw);
}

/** Longest read interval that still sees every wrap of a counter with this range at this power. Pure. */
export function maxReadIntervalMs(rangeJ: number, maxPowerW: number): number {
  return (rangeJ / maxPowerW) * 1000;
}

/** Accumulates a wrapping raw counter into monotonic joules. */
export class WrappingCounter {
  #previousRaw: number | undefined;
  #totalJ = 0;
  wraps = 0;

  constructor(
    readonly rangeRaw: number,
    readonly joulesPerRaw: number,
  ) {}

  /** Feeds one raw reading; returns joules accumulated since the first reading. */
  update(raw: number): number {
    if (this.#previousRaw !== undefined) {
      if (raw < this.#previousRaw) this.wraps++;
      this.#totalJ += counterDelta(this.#previousRaw, raw, this.rangeRaw) * this.joulesPerRaw;
    }
    this.#previousRaw = raw;
    return this.#totalJ;
  }
}
