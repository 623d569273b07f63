// Energy per request while requests overlap: the load window's measured energy, split interval by interval among
// the requests that did work in each, in proportion to that work. Pure.
import { energyAt, type TraceColumns } from '../energy/index.ts';

/** A request as attribution sees it: its times (ms, the trace's clock) and the tokens it made the server process. */
export interface WorkRequest {
  sentMs: number;
  /** Arrival times of its reply chunks. */
  tokenTimesMs: readonly number[];
  endMs: number;
  promptTokens: number;
  outputTokens: number;
  /** The server's own prefill time for it (llama-server's `timings.prompt_ms`), when it reports one. */
  serverPromptMs?: number;
}

/** The rule, in words: stored in the summary so a reader knows how the joules were split. */
export const ATTRIBUTION_RULE =
  'Each sampler interval of the load window is split among the requests that did work in it, in proportion to that work. ' +
  "A request's work is its prompt tokens times prefillWeight, spread evenly over its prefill (the server's prompt_ms before the first " +
  'chunk when the server reports it, else send to first chunk, queueing included), plus its output tokens after the first, spread evenly ' +
  'over the gaps between its reply chunks. In intervals where some request worked, the idle share (idle power x duration, at most the ' +
  "interval's energy) is split the same way into each request's gross joules and kept apart from its net joules; intervals where no request " +
  'worked are gap energy. Sum of gross request joules + gap = total; sum of net request joules + idle + gap = total.';

export interface RequestEnergy {
  /** Net share plus the same share of the idle energy of the intervals it worked in. */
  grossJ: number;
  /** Share of the energy above idle (NaN without an idle baseline). */
  netJ: number;
  /** Work units: prefillWeight x prompt tokens, and output tokens after the first. */
  prefillUnits: number;
  decodeUnits: number;
}

/** One interval of the load window: its energy, the idle part, and how busy it was. */
export interface EnergyInterval {
  startMs: number;
  endMs: number;
  energyJ: number;
  /** Idle power x duration, at most energyJ; 0 in a gap (a gap's energy is all gap energy). */
  idleJ: number;
  workUnits: number;
  /** Requests that did work in it (the batch), and those sent and not yet ended. */
  activeRequests: number;
  inFlightRequests: number;
}

export interface Attribution {
  startMs: number;
  endMs: number;
  /** Counter energy over [startMs, endMs]. */
  totalJ: number;
  /** Sum of the requests' gross joules. */
  attributedJ: number;
  /** Idle part of the intervals in which some request worked (in the gross figures, not the net). */
  idleJ: number;
  /** Energy of intervals in which no request worked. */
  gapJ: number;
  prefillWeight: number;
  idlePowerW: number;
  requests: RequestEnergy[];
  intervals: EnergyInterval[];
}

/** First index i with boundaries[i] > t, by binary search. */
function upperBound(boundaries: readonly number[], t: number): number {
  let lo = 0;
  let hi = boundaries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (boundaries[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Splits the energy of [startMs, endMs] among `requests` by `ATTRIBUTION_RULE`. Interval edges are the trace's
 * samples inside the window plus the window's ends; the counter is interpolated at the ends. `idlePowerW` NaN (no
 * baseline) makes every net figure NaN and the idle share 0. Pure.
 */
export function attributeEnergy(
  trace: TraceColumns,
  requests: readonly WorkRequest[],
  options: { startMs: number; endMs: number; idlePowerW: number; prefillWeight: number },
): Attribution {
  const { startMs, endMs, idlePowerW, prefillWeight } = options;
  if (!(endMs > startMs)) throw new RangeError(`the load window ends (${endMs}) before it starts (${startMs})`);
  if (!(prefillWeight >= 0 && Number.isFinite(prefillWeight))) throw new RangeError(`prefillWeight must be a finite number, 0 or more; got ${prefillWeight}`);
  const boundaries = [startMs];
  for (let i = 0; i < trace.length; i++) {
    const t = trace.timeMs[i]!;
    if (t > startMs && t < endMs) boundaries.push(t);
  }
  boundaries.push(endMs);
  const n = boundaries.length - 1;
  const counterJ = boundaries.map((t) => energyAt(trace, t).energyJ);
  const work = new Float64Array(n);
  const active = new Int32Array(n);
  const inFlight = new Int32Array(n);
  const lastSeen = new Int32Array(n).fill(-1);
  // (request, interval, units) for every piece of work, request by request.
  const pieces: { r: number; i: number; units: number }[] = [];
  const add = (r: number, i: number, units: number): void => {
    if (!(units > 0)) return;
    work[i] += units;
    if (lastSeen[i] !== r) {
      lastSeen[i] = r;
      active[i]++;
    }
    pieces.push({ r, i, units });
  };
  const intervalOf = (t: number): number => Math.min(Math.max(upperBound(boundaries, t) - 1, 0), n - 1);
  /** Spreads `units` evenly over [a, b] (a point when b <= a), over the intervals it overlaps. */
  const spread = (r: number, a: number, b: number, units: number): void => {
    if (!(units > 0)) return;
    if (!(b > a)) return add(r, intervalOf(a), units);
    for (let i = intervalOf(a); i < n && boundaries[i]! < b; i++) {
      const overlap = Math.min(b, boundaries[i + 1]!) - Math.max(a, boundaries[i]!);
      if (overlap > 0) add(r, i, (units * overlap) / (b - a));
    }
  };
  const perRequest: RequestEnergy[] = requests.map((req, r) => {
    const first = req.tokenTimesMs[0];
    const prefillEnd = first ?? req.endMs;
    const prefillStart = first !== undefined && req.serverPromptMs !== undefined ? Math.max(req.sentMs, first - req.serverPromptMs) : req.sentMs;
    const prefillUnits = prefillWeight * req.promptTokens;
    spread(r, prefillStart, prefillEnd, prefillUnits);
    const decodeUnits = first === undefined ? 0 : Math.max(req.outputTokens - 1, 0);
    const chunks = req.tokenTimesMs.length;
    if (chunks >= 2) {
      const perGap = decodeUnits / (chunks - 1);
      for (let k = 1; k < chunks; k++) spread(r, req.tokenTimesMs[k - 1]!, req.tokenTimesMs[k]!, perGap);
    } else if (first !== undefined) spread(r, first, first, decodeUnits);
    for (let i = intervalOf(req.sentMs); i < n && boundaries[i]! < req.endMs; i++) inFlight[i]++;
    return { grossJ: 0, netJ: Number.isNaN(idlePowerW) ? NaN : 0, prefillUnits, decodeUnits };
  });
  const intervals: EnergyInterval[] = [];
  let idleJ = 0;
  let gapJ = 0;
  const idleOf = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const energyJ = counterJ[i + 1]! - counterJ[i]!;
    const durationS = (boundaries[i + 1]! - boundaries[i]!) / 1000;
    const idle = work[i]! > 0 && !Number.isNaN(idlePowerW) ? Math.min(idlePowerW * durationS, Math.max(energyJ, 0)) : 0;
    idleOf[i] = idle;
    if (work[i]! > 0) idleJ += idle;
    else gapJ += energyJ;
    intervals.push({ startMs: boundaries[i]!, endMs: boundaries[i + 1]!, energyJ, idleJ: idle, workUnits: work[i]!, activeRequests: active[i]!, inFlightRequests: inFlight[i]! });
  }
  let attributedJ = 0;
  for (const { r, i, units } of pieces) {
    const share = units / work[i]!;
    const energyJ = counterJ[i + 1]! - counterJ[i]!;
    perRequest[r]!.grossJ += energyJ * share;
    perRequest[r]!.netJ += (energyJ - idleOf[i]!) * share;
    attributedJ += energyJ * share;
  }
  return {
    startMs,
    endMs,
    totalJ: counterJ[n]! - counterJ[0]!,
    attributedJ,
    idleJ,
    gapJ,
    prefillWeight,
    idlePowerW,
    requests: perRequest,
    intervals,
  };
}

/**
 * The prefill cost ratio from solo requests: (prefill ms per prompt token) / (decode ms per output token), by the
 * server's own timings when it reports them, else by the client's (TTFT per prompt token over TPOT). The median over
 * the requests that have both phases; NaN when none does. Pure.
 */
export function prefillWeightOf(solo: readonly (WorkRequest & { serverDecodeMs?: number; serverDecodeTokens?: number })[]): number {
  const ratios: number[] = [];
  for (const r of solo) {
    const first = r.tokenTimesMs[0];
    if (first === undefined || r.promptTokens <= 0) continue;
    let prefillMsPerToken: number;
    let decodeMsPerToken: number;
    if (r.serverPromptMs !== undefined && r.serverDecodeMs !== undefined && (r.serverDecodeTokens ?? 0) > 1) {
      prefillMsPerToken = r.serverPromptMs / r.promptTokens;
      // llama-server's predicted_ms covers the tokens after the first (which prefill produced).
      decodeMsPerToken = r.serverDecodeMs / (r.serverDecodeTokens! - 1);
    } else {
      if (r.outputTokens <= 1) continue;
      prefillMsPerToken = (first - r.sentMs) / r.promptTokens;
      decodeMsPerToken = (r.endMs - first) / (r.outputTokens - 1);
    }
    if (prefillMsPerToken > 0 && decodeMsPerToken > 0) ratios.push(prefillMsPerToken / decodeMsPerToken);
  }
  if (ratios.length === 0) return NaN;
  ratios.sort((a, b) => a - b);
  const mid = ratios.length >> 1;
  return ratios.length % 2 === 1 ? ratios[mid]! : (ratios[mid - 1]! + ratios[mid]!) / 2;
}
