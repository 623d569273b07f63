import { performance } from 'node:perf_hooks';
import type { Generation } from './types.ts';

/** A query that could not run, as a generation: no reply, stop reason 'error', and why. Pure apart from the clock default. */
export function failedGeneration(error: string, startMs = performance.now(), rest: Partial<Generation> = {}): Generation {
  return {
    response: '',
    promptTokens: 0,
    completionTokens: 0,
    tokenTimesMs: [],
    endMs: startMs,
    ...rest,
    startMs,
    stopReason: 'error',
    error,
  };
}

/** "query q-17: " when the request names its query, else "". */
export function forQuery(queryId: string | undefined): string {
  return queryId === undefined ? '' : `query ${queryId}: `;
}

/** The message for a prompt that cannot fit the context: the query, its token count and the option to raise. Pure. */
export function promptTooLong(queryId: string | undefined, promptTokens: number, contextTokens: number): string {
  return (
    `${forQuery(queryId)}the prompt has ${promptTokens} tokens and does not fit the context of ${contextTokens} (contextSize). ` +
    `Raise contextSize above ${promptTokens}, with room for the reply, or shorten the prompt.`
  );
}
