// FLOPs and bytes per query from a model's architecture, and the utilization of peaks the user supplies. Pure.
import type { ModelArchitecture } from './architecture.ts';

/** The formula, as stated in docs/sweeps.md and in every figure's label. */
export const FLOPS_METHOD =
  'estimate: 2 x matmul parameters per token evaluated (the output projection only where logits are needed: the last prompt token ' +
  'and each generated one), plus attention 2 x layers x heads x (key + value width) x positions attended';

/** Floating-point operations (multiply and add counted as 2) of one query, by phase. */
export interface QueryFlops {
  /** The prompt's tokens, each attending to itself and the tokens before it; logits for the last one only. */
  prefillFlops: number;
  /** Generated tokens fed back for the next one (completionTokens - 1), at positions after the prompt. */
  decodeFlops: number;
  totalFlops: number;
}

/** Sum of the integers from a to b (0 when b < a). */
function sumRange(a: number, b: number): number {
  return b < a ? 0 : ((a + b) * (b - a + 1)) / 2;
}

/** FLOPs of attention per attended position, over all layers: the scores (key width) and the weighted values (value width). */
function attentionFlopsPerPosition(arch: ModelArchitecture): number {
  return 2 * arch.layers * arch.headCount * (arch.keyLength + arch.valueLength);
}

/**
 * FLOPs of one query. A token evaluated at position t (1-based: it attends to t positions) costs
 * 2 x matmulParameters + 2 x layers x headCount x (keyLength + valueLength) x t, less the output projection
 * (2 x outputParameters) when its logits are not needed. Prefill evaluates the p prompt tokens at positions 1..p and
 * needs the logits of the last one only (they give the first reply token); decode evaluates the c - 1 tokens fed
 * back, at positions p+1..p+c-1, each with its logits. Norms, activations, softmax and RoPE are left out (a fraction
 * of a percent).
 */
export function queryFlops(arch: ModelArchitecture, promptTokens: number, completionTokens: number): QueryFlops {
  const perToken = 2 * arch.matmulParameters;
  const perPosition = attentionFlopsPerPosition(arch);
  const p = Math.max(0, promptTokens);
  const decoded = Math.max(0, completionTokens - 1);
  const prefillFlops = p * perToken - Math.max(0, p - 1) * 2 * arch.outputParameters + perPosition * sumRange(1, p);
  const decodeFlops = decoded * perToken + perPosition * sumRange(p + 1, p + decoded);
  return { prefillFlops, decodeFlops, totalFlops: prefillFlops + decodeFlops };
}

/** Bytes of the KV cache per cached position, over all layers, at `kvBytesPerElement` (f16: 2). */
export function kvBytesPerPosition(arch: ModelArchitecture, kvBytesPerElement: number): number {
  return arch.layers * arch.headCountKv * (arch.keyLength + arch.valueLength) * kvBytesPerElement;
}

/**
 * Bytes read from memory by the decode phase of one query: per token fed back, the streamed weights once plus the
 * KV cache of every position it attends to. The lower bound a memory-bound decode must move.
 */
export function decodeBytes(arch: ModelArchitecture, promptTokens: number, completionTokens: number, kvBytesPerElement = 2): number {
  const decoded = Math.max(0, completionTokens - 1);
  const p = Math.max(0, promptTokens);
  return decoded * arch.streamedWeightBytes + kvBytesPerPosition(arch, kvBytesPerElement) * sumRange(p + 1, p + decoded);
}

/** Peak figures of the machine, supplied by the user (a spec sheet, or their own probe), and where they came from. */
export interface PeakFigures {
  /** Peak compute, FLOP/s, at the precision the model runs in. */
  peakFlopsPerS?: number;
  /** Peak memory bandwidth, bytes/s. */
  peakBytesPerS?: number;
  /** Where the peaks come from, recorded beside every utilization (e.g. "vendor spec sheet", "STREAM triad"). */
  peakSource?: string;
  /** Where each peak comes from when they differ (`ipw peak` measures them apart); default `peakSource`. */
  peakFlopsSource?: string;
  peakBytesSource?: string;
}

/** A utilization (0..1) with why it is missing when it is. */
export interface Utilization {
  /** Achieved / peak; NaN when it cannot be computed (see `reason`). */
  value: number;
  reason?: string;
  /** Always an estimate: the work is modelled (see FLOPS_METHOD) and the peak is the user's. */
  method: string;
}

/**
 * Achieved rate (`work` units over `seconds`) as a share of `peak`. Above 1 means the peak given is too low for
 * this machine, so the figure is NaN with that reason rather than a share over 100%.
 */
export function utilization(work: number, seconds: number, peak: number | undefined, what: string, peakSource: string | undefined): Utilization {
  const method = `${FLOPS_METHOD}; peak ${what} from ${peakSource ?? 'the user (source not given)'}`;
  if (peak === undefined) return { value: NaN, reason: `no peak ${what} given`, method };
  if (!(peak > 0) || !Number.isFinite(peak)) return { value: NaN, reason: `peak ${what} must be above 0; got ${peak}`, method };
  if (!(seconds > 0) || !Number.isFinite(work)) return { value: NaN, reason: 'no timed work', method };
  const value = work / seconds / peak;
  if (value > 1) return { value: NaN, reason: `achieved ${(work / seconds).toPrecision(3)} exceeds the peak ${what} given (${peak.toPrecision(3)}): the peak is too low`, method };
  return { value, method };
}
