/**
 * Energy from successive power readings by the trapezoid rule, for devices without an energy counter.
 * Its error grows with the read interval, which is why such sources label their method `power-integral`.
 */
export class PowerIntegrator {
  energyJ = 0;

  constructor(
    private lastPowerW: number,
    private lastMs: number,
  ) {}

  /** Adds the interval since the previous reading and returns the energy so far. */
  add(powerW: number, nowMs: number): number {
    this.energyJ += ((this.lastPowerW + powerW) / 2) * ((nowMs - this.lastMs) / 1000);
    this.lastPowerW = powerW;
    this.lastMs = nowMs;
    return this.energyJ;
  }
}
