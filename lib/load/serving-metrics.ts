// Serving metrics with the definitions of vLLM's serving benchmark (benchmarks/benchmark_serving.py,
// `calculate_metrics`, and its streaming request functions). Pure functions over timed requests.

/** One request as the metrics see it: times on one clock (ms), its tokens, and whether it succeeded. */
export interface TimedRequest {
  /** When the request was sent (vLLM's `st`); TTFT and latency count from here, not from the scheduled arrival. */
  sentMs: number;
  /** Arrival time of each streamed chunk that carried reply text. */
  tokenTimesMs: readonly number[];
  /** When the stream ended. */
  endMs: number;
  promptTokens: number;
  /** Generated tokens as the server counted them (usage.completion_tokens). */
  outputTokens: number;
  /** False for a request that failed (error status, dropped stream, timeout): counted as a failure, never in latency. */
  ok: boolean;
}

/** A request's own figures, ms. */
export interface RequestLatency {
  /** First reply chunk minus send time; NaN without a chunk. */
  ttftMs: number;
  /** Stream end minus send time (vLLM's `latency`, "E2EL"). */
  e2elMs: number;
  /** (e2el - ttft) / (outputTokens - 1); NaN with one output token or fewer (vLLM leaves it out of TPOT, and counts it 0 for goodput). */
  tpotMs: number;
  /** Gaps between successive reply chunks (vLLM's `itl`). */
  itlMs: number[];
}

/** Per-request latency figures. Pure. */
export function requestLatency(r: TimedRequest): RequestLatency {
  const first = r.tokenTimesMs[0];
  const ttftMs = first === undefined ? NaN : first - r.sentMs;
  const e2elMs = r.endMs - r.sentMs;
  const tpotMs = r.outputTokens > 1 && first !== undefined ? (e2elMs - ttftMs) / (r.outputTokens - 1) : NaN;
  const itlMs: number[] = [];
  for (let k = 1; k < r.tokenTimesMs.length; k++) itlMs.push(r.tokenTimesMs[k]! - r.tokenTimesMs[k - 1]!);
  return { ttftMs, e2elMs, tpotMs, itlMs };
}

/**
 * The p-th percentile (0..100) with linear interpolation between closest ranks: numpy's default `np.percentile`,
 * which vLLM uses. NaN for no values. Pure.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile expects p in [0, 100], got ${p}`);
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const h = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Mean, median, population standard deviation (numpy's default) and chosen percentiles of one metric, ms. */
export interface Distribution {
  count: number;
  meanMs: number;
  medianMs: number;
  stdMs: number;
  /** By percentile, e.g. `{ p50: ..., p90: ..., p95: ..., p99: ... }`. */
  percentilesMs: Record<string, number>;
}

/** The percentiles reported unless asked otherwise. */
export const DEFAULT_PERCENTILES: readonly number[] = [50, 90, 95, 99];

/** Distribution of `values` (NaN everywhere when empty: unavailable, never 0). Pure. */
export function distribution(values: readonly number[], percentiles: readonly number[] = DEFAULT_PERCENTILES): Distribution {
  const n = values.length;
  const meanMs = n === 0 ? NaN : values.reduce((s, v) => s + v, 0) / n;
  const stdMs = n === 0 ? NaN : Math.sqrt(values.reduce((s, v) => s + (v - meanMs) ** 2, 0) / n);
  return {
    count: n,
    meanMs,
    medianMs: percentile(values, 50),
    stdMs,
    percentilesMs: Object.fromEntries(percentiles.map((p) => [`p${p}`, percentile(values, p)])),
  };
}

/** Service-level objectives in ms, by vLLM's goodput keys: a request is good when it meets every one given. */
export interface Slo {
  ttftMs?: number;
  tpotMs?: number;
  e2elMs?: number;
}

const SLO_KEYS: Readonly<Record<string, keyof Slo>> = { ttft: 'ttftMs', tpot: 'tpotMs', e2el: 'e2elMs' };

/**
 * Parses `ttft=500ms,tpot=50ms,e2el=2s` (vLLM's `--goodput ttft:500 tpot:50` in ms) into an `Slo`. Values take `ms`
 * or `s`; a bare number is ms. Pure.
 */
export function parseSlo(text: string): Slo {
  const slo: Slo = {};
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const m = /^([a-z0-9]+)\s*[=:]\s*([0-9]*\.?[0-9]+)\s*(ms|s)?$/i.exec(part);
    const key = m ? SLO_KEYS[m[1]!.toLowerCase()] : undefined;
    if (!m || !key) {
      throw new Error(`slo: "${part}" is not an objective; write ttft=500ms, tpot=50ms or e2el=2s, separated by commas (keys: ${Object.keys(SLO_KEYS).join(', ')})`);
    }
    const value = Number(m[2]) * (m[3]?.toLowerCase() === 's' ? 1000 : 1);
    if (!(value > 0)) throw new Error(`slo: ${m[1]} must be more than 0, got "${part}"`);
    slo[key] = value;
  }
  if (Object.keys(slo).length === 0) throw new Error(`slo: "${text}" names no objective; write e.g. ttft=500ms,tpot=50ms`);
  return slo;
}

/** True when a successful request meets every objective; TPOT of a one-token reply counts as 0, as in vLLM. Pure. */
export function meetsSlo(latency: RequestLatency, slo: Slo): boolean {
  if (slo.ttftMs !== undefined && !(latency.ttftMs <= slo.ttftMs)) return false;
  if (slo.tpotMs !== undefined && !((Number.isNaN(latency.tpotMs) ? 0 : latency.tpotMs) <= slo.tpotMs)) return false;
  if (slo.e2elMs !== undefined && !(latency.e2elMs <= slo.e2elMs)) return false;
  return true;
}

/** vLLM's benchmark result, in ms and per second. */
export interface ServingMetrics {
  /** Requests sent, successful ones (vLLM's `completed`) and failed ones. */
  requests: number;
  completed: number;
  failed: number;
  /** The benchmark's duration: first send to last end, seconds. */
  durationS: number;
  /** Prompt and output tokens of completed requests. */
  totalInputTokens: number;
  totalOutputTokens: number;
  requestThroughputPerS: number;
  outputTokenThroughputPerS: number;
  totalTokenThroughputPerS: number;
  /** Completed requests that met every SLO, and their rate; null without SLOs. */
  goodRequests: number | null;
  requestGoodputPerS: number | null;
  slo: Slo | null;
  ttft: Distribution;
  /** Over completed requests with more than one output token. */
  tpot: Distribution;
  /** Every gap between chunks of every completed request, pooled. */
  itl: Distribution;
  e2el: Distribution;
}

/**
 * vLLM's `calculate_metrics`: latency distributions over successful requests only, throughputs as totals over the
 * benchmark's duration (given, or first send to last end). Pure.
 */
export function servingMetrics(
  requests: readonly TimedRequest[],
  options: { slo?: Slo; percentiles?: readonly number[]; durationS?: number } = {},
): ServingMetrics {
  const done = requests.filter((r) => r.ok);
  const latencies = done.map(requestLatency);
  const startMs = requests.reduce((m, r) => Math.min(m, r.sentMs), Infinity);
  const endMs = requests.reduce((m, r) => Math.max(m, r.endMs), -Infinity);
  const durationS = options.durationS ?? (requests.length === 0 ? NaN : (endMs - startMs) / 1000);
  const totalInputTokens = done.reduce((s, r) => s + r.promptTokens, 0);
  const totalOutputTokens = done.reduce((s, r) => s + r.outputTokens, 0);
  const slo = options.slo !== undefined && Object.keys(options.slo).length > 0 ? options.slo : null;
  const goodRequests = slo === null ? null : latencies.filter((l) => meetsSlo(l, slo)).length;
  const pcts = options.percentiles ?? DEFAULT_PERCENTILES;
  return {
    requests: requests.length,
    completed: done.length,
    failed: requests.length - done.length,
    durationS,
    totalInputTokens,
    totalOutputTokens,
    requestThroughputPerS: done.length / durationS,
    outputTokenThroughputPerS: totalOutputTokens / durationS,
    totalTokenThroughputPerS: (totalInputTokens + totalOutputTokens) / durationS,
    goodRequests,
    requestGoodputPerS: goodRequests === null ? null : goodRequests / durationS,
    slo,
    ttft: distribution(latencies.map((l) => l.ttftMs).filter((v) => !Number.isNaN(v)), pcts),
    tpot: distribution(latencies.map((l) => l.tpotMs).filter((v) => !Number.isNaN(v)), pcts),
    itl: distribution(latencies.flatMap((l) => l.itlMs), pcts),
    e2el: distribution(latencies.map((l) => l.e2elMs), pcts),
  };
}
