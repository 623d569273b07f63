/**
 * Clock offset between this machine and a serving machine, NTP-style (RFC 5905's on-wire calculation), from round
 * trips to `ipw energy serve`'s /time endpoint. All times are CLOCK_MONOTONIC ms (clock.ts) of their own machine.
 */

/** One round trip: our send and receive times, and the server's receive and transmit times. */
export interface ClockRound {
  sentMs: number;
  serverReceiveMs: number;
  serverTransmitMs: number;
  receivedMs: number;
}

/** The server's clock minus ours, from the round trip with the smallest delay among several. */
export interface ClockEstimate {
  /** Server CLOCK_MONOTONIC minus ours, ms: a server time `s` happened at our `s - offsetMs`. */
  offsetMs: number;
  /** That round trip's network delay, ms; the offset is exact to within half of it. */
  delayMs: number;
  /** Our CLOCK_MONOTONIC ms when it was measured. */
  atMs: number;
  /** Round trips tried. */
  rounds: number;
}

/** Offset and delay of one round trip. Pure. */
export function roundOffset(r: ClockRound): { offsetMs: number; delayMs: number } {
  return {
    offsetMs: (r.serverReceiveMs - r.sentMs + (r.serverTransmitMs - r.receivedMs)) / 2,
    delayMs: r.receivedMs - r.sentMs - (r.serverTransmitMs - r.serverReceiveMs),
  };
}

/** The estimate from the round trip with the smallest delay (the least queued, so the most symmetric). Pure. */
export function bestOffset(rounds: readonly ClockRound[]): ClockEstimate {
  if (rounds.length === 0) throw new RangeError('bestOffset needs at least one round trip');
  let best = rounds[0]!;
  for (const r of rounds) if (roundOffset(r).delayMs < roundOffset(best).delayMs) best = r;
  const { offsetMs, delayMs } = roundOffset(best);
  return { offsetMs, delayMs, atMs: (best.sentMs + best.receivedMs) / 2, rounds: rounds.length };
}

/** How the serving machine's clock behaved over a run: the facts for the manifest. */
export interface ClockVerdict {
  /** End offset minus start offset, ms (NaN without an end check). */
  driftMs: number;
  /** The same per elapsed time, parts per million. */
  driftPpm: number;
  /** How much of the drift the two measurements cannot tell from zero: half of each delay, ms. */
  uncertaintyMs: number;
  /** Largest distance, ms, by which a sample placed with the start offset fell outside its own request (half the start delay is measurement). */
  maxExcursionMs: number;
  toleranceMs: number;
  /** True when the clock moved more than `toleranceMs` beyond what measurement explains. */
  bad: boolean;
  /** Sentences saying what went wrong; empty when nothing did. */
  problems: string[];
}

/** Judges the start and end estimates (end may be missing) and the worst in-run excursion. Pure. */
export function judgeClock(start: ClockEstimate, end: ClockEstimate | undefined, maxExcursionMs: number, toleranceMs: number): ClockVerdict {
  const problems: string[] = [];
  const driftMs = end ? end.offsetMs - start.offsetMs : NaN;
  const elapsedMs = end ? end.atMs - start.atMs : NaN;
  const driftPpm = end && elapsedMs > 0 ? (driftMs / elapsedMs) * 1e6 : NaN;
  const uncertaintyMs = (start.delayMs + (end?.delayMs ?? 0)) / 2;
  if (end && Math.abs(driftMs) - uncertaintyMs > toleranceMs) {
    problems.push(
      `the serving machine's clock moved ${driftMs.toFixed(3)} ms against ours in ${(elapsedMs / 1000).toFixed(1)} s ` +
        `(${driftPpm.toFixed(0)} ppm; measurable to ${uncertaintyMs.toFixed(3)} ms, tolerance ${toleranceMs} ms)`,
    );
  }
  if (maxExcursionMs - start.delayMs / 2 > toleranceMs) {
    problems.push(`a sample placed with the start offset fell ${maxExcursionMs.toFixed(3)} ms outside its own request (tolerance ${toleranceMs} ms)`);
  }
  return { driftMs, driftPpm, uncertaintyMs, maxExcursionMs, toleranceMs, bad: problems.length > 0, problems };
}
