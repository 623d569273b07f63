import type { Generation, GenerationTimings } from './types.ts';

/**
 * Prefill runs from the request to the first response token (so it includes sampling that token);
 * decode runs from the first token to the end. With no token at all, the whole call is prefill.
 */
export function timingsOf(generation: Generation): GenerationTimings {
  const { startMs, endMs, tokenTimesMs } = generation;
  const firstMs = tokenTimesMs[0];
  const durationMs = endMs - startMs;
  if (firstMs === undefined) {
    return { ttftMs: durationMs, prefillMs: durationMs, decodeMs: 0, decodeTokensPerS: 0, interTokenMs: [], durationMs };
  }
  const interTokenMs = tokenTimesMs.slice(1).map((t, i) => t - tokenTimesMs[i]!);
  const lastMs = tokenTimesMs[tokenTimesMs.length - 1]!;
  // Rate over the gaps between streamed tokens: the first token belongs to prefill.
  const decodeTokensPerS = interTokenMs.length > 0 && lastMs > firstMs ? interTokenMs.length / ((lastMs - firstMs) / 1000) : 0;
  return { ttftMs: firstMs - startMs, prefillMs: firstMs - startMs, decodeMs: endMs - firstMs, decodeTokensPerS, interTokenMs, durationMs };
}
