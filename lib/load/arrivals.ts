// When requests arrive: the four load modes, and the schedules of the open-loop ones. Pure.
import { seededRandom } from '../queries/index.ts';

/**
 * How requests arrive.
 * - `poisson`: open loop, exponential gaps at `ratePerS` requests per second (seeded: the same seed, the same times).
 * - `closed`: `concurrency` requests in flight at all times; each one ending sends the next.
 * - `burst`: every request at once, at time 0.
 * - `replay`: open loop at the times given (ms from the start), e.g. read from a JSONL file by `parseArrivals`.
 */
export type ArrivalMode =
  | { mode: 'poisson'; ratePerS: number; seed?: number }
  | { mode: 'closed'; concurrency: number }
  | { mode: 'burst' }
  | { mode: 'replay'; arrivals: readonly ReplayArrival[] };

/** One replayed arrival: when (ms after the start) and, optionally, which query. */
export interface ReplayArrival {
  atMs: number;
  queryId?: string;
}

/** An open-loop request: its offset from the start, and the query it names (replay only). */
export interface ScheduledArrival {
  atMs: number;
  queryId?: string;
}

/** Stops: at most `requests` requests, and none sent after `durationS` seconds. At least one is given. */
export interface LoadBounds {
  requests?: number;
  durationS?: number;
}

/** Checks a mode and its bounds; throws in option terms (`ratePerS`, `concurrency`, `requests`, `durationS`). */
export function checkArrivals(arrivals: ArrivalMode, bounds: LoadBounds): void {
  const { requests, durationS } = bounds;
  if (requests !== undefined && !(Number.isInteger(requests) && requests >= 1)) throw new RangeError(`requests must be a whole number, 1 or more; got ${requests}`);
  if (durationS !== undefined && !(durationS > 0)) throw new RangeError(`durationS must be more than 0, got ${durationS}`);
  switch (arrivals.mode) {
    case 'poisson':
      if (!(arrivals.ratePerS > 0 && Number.isFinite(arrivals.ratePerS))) throw new RangeError(`ratePerS must be a finite number more than 0, got ${arrivals.ratePerS}`);
      if (requests === undefined && durationS === undefined) throw new RangeError('a Poisson load needs requests or durationS, or it would never end');
      break;
    case 'closed':
      if (!(Number.isInteger(arrivals.concurrency) && arrivals.concurrency >= 1)) throw new RangeError(`concurrency must be a whole number, 1 or more; got ${arrivals.concurrency}`);
      if (requests === undefined && durationS === undefined) throw new RangeError('a closed-loop load needs requests or durationS, or it would never end');
      break;
    case 'burst':
      if (requests === undefined) throw new RangeError('a burst needs requests: how many arrive at once');
      break;
    case 'replay':
      if (arrivals.arrivals.length === 0) throw new RangeError('replay has no arrivals');
      break;
  }
}

/**
 * The open-loop schedule of a mode within its bounds, offsets in ms from the start, in order; undefined for `closed`
 * (its requests are sent as others end). Pure.
 */
export function scheduleArrivals(arrivals: ArrivalMode, bounds: LoadBounds): ScheduledArrival[] | undefined {
  checkArrivals(arrivals, bounds);
  const maxN = bounds.requests ?? Infinity;
  const maxMs = bounds.durationS === undefined ? Infinity : bounds.durationS * 1000;
  switch (arrivals.mode) {
    case 'closed':
      return undefined;
    case 'burst':
      return Array.from({ length: bounds.requests! }, () => ({ atMs: 0 }));
    case 'replay':
      return [...arrivals.arrivals]
        .sort((a, b) => a.atMs - b.atMs)
        .filter((a) => a.atMs <= maxMs)
        .slice(0, Number.isFinite(maxN) ? maxN : undefined)
        .map((a) => (a.queryId === undefined ? { atMs: a.atMs } : { atMs: a.atMs, queryId: a.queryId }));
    case 'poisson': {
      // Exponential gaps by inversion; the first request at 0, as vLLM sends its first at once.
      const random = seededRandom(arrivals.seed ?? 0);
      const out: ScheduledArrival[] = [];
      for (let t = 0; out.length < maxN && t <= maxMs; t += (-Math.log(1 - random()) / arrivals.ratePerS) * 1000) out.push({ atMs: t });
      return out;
    }
  }
}

/**
 * Reads replayed arrivals from JSONL text: one object per line, `{"atMs": 250}` or `{"atMs": 250, "queryId": "q7"}`
 * (ms after the start). Blank lines are skipped; errors name the file, the line and the field. Pure.
 */
export function parseArrivals(text: string, file: string): ReplayArrival[] {
  const out: ReplayArrival[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file} line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`${where} is not JSON (${(error as Error).message}); write one object per line, e.g. {"atMs": 250}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where}: expected an object like {"atMs": 250}`);
    const row = value as Record<string, unknown>;
    if (typeof row.atMs !== 'number' || !Number.isFinite(row.atMs) || row.atMs < 0) {
      throw new Error(`${where}: atMs must be a number of ms after the start, 0 or more; got ${JSON.stringify(row.atMs)}`);
    }
    if (row.queryId !== undefined && typeof row.queryId !== 'string') throw new Error(`${where}: queryId must be a string; got ${JSON.stringify(row.queryId)}`);
    out.push(row.queryId === undefined ? { atMs: row.atMs } : { atMs: row.atMs, queryId: row.queryId as string });
  });
  if (out.length === 0) throw new Error(`${file} holds no arrivals; write one object per line, e.g. {"atMs": 250}`);
  return out;
}
