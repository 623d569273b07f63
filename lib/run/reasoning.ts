// Reasoning models think inside <think>...</think> before they answer. This file holds the axis (on, off, a thinking
// budget), how a runner turns it into a request, and where a generation's thinking ends.
import { OptionError } from '../errors/index.ts';
import type { Generation, GenerationHooks, GenerationRequest } from './types.ts';

/**
 * `on`: the model thinks as its template lets it (`openai:` servers get `enable_thinking: true`); `off`: the reply
 * starts after an empty thinking block, as Qwen3-style templates do with `enable_thinking: false` (`openai:` servers
 * get that template argument); `budget:N`: at most N thinking tokens, then the block is closed for the model and
 * it answers (as Qwen3's documentation describes).
 */
export type ReasoningMode = 'on' | 'off' | `budget:${number}`;

/** What a Qwen3-style template puts after the assistant header when thinking is off. */
export const THINKING_OFF_PREFIX = '<think>\n\n</think>\n\n';
/** What closes a thinking block cut at its budget, before the answer. */
const BUDGET_CLOSE = '\n</think>\n\n';
const THINK_CLOSE = '</think>';

/** Reads `on`, `off` or `budget:N` (N a whole number of at least 1). */
export function parseReasoning(value: string): ReasoningMode {
  if (value === 'on' || value === 'off') return value;
  const budget = /^budget:(\d+)$/.exec(value);
  if (budget && Number(budget[1]) >= 1) return `budget:${Number(budget[1])}`;
  throw new OptionError('reasoning', 'invalid', `reasoning must be 'on', 'off' or 'budget:N' (N thinking tokens, at least 1), got '${value}'`);
}

/** The thinking budget of a mode, or null. */
export function reasoningBudget(mode: ReasoningMode | undefined): number | null {
  return mode !== undefined && mode.startsWith('budget:') ? Number(mode.slice('budget:'.length)) : null;
}

/**
 * Where thinking ends in a reply of `count` tokens, given the text of its first k tokens: the fewest tokens whose
 * text holds `</think>` (containment only grows with k, so a binary search finds it), closed; all of them, not closed,
 * when a `<think>` never closed; null when the reply does not think. Pure.
 */
export function thinkingTokens(count: number, textOfFirst: (k: number) => string): { tokens: number; closed: boolean } | null {
  const whole = textOfFirst(count);
  if (!whole.includes(THINK_CLOSE)) return whole.includes('<think>') ? { tokens: count, closed: false } : null;
  let lo = 1;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (textOfFirst(mid).includes(THINK_CLOSE)) hi = mid;
    else lo = mid + 1;
  }
  return { tokens: lo, closed: true };
}

/** The generation with its `reasoning` split, from the text of its first k timed tokens. */
export function withReasoningSplit(generation: Generation, textOfFirst: (k: number) => string): Generation {
  const timed = generation.tokenTimesMs.length;
  const split = timed === 0 ? null : thinkingTokens(timed, textOfFirst);
  if (split === null) return generation;
  // A block that never closed thinks to the end.
  return { ...generation, reasoning: { tokens: split.tokens, endMs: split.closed ? generation.tokenTimesMs[split.tokens - 1]! : generation.endMs } };
}

type Generate = (request: GenerationRequest, hooks?: GenerationHooks) => Promise<Generation>;

/**
 * Runs `reasoning` for a runner that knows prompts, reply prefixes and KV reuse: `off` as a reply prefix (in-process
 * templates), `budget:N` in two steps. First at most N tokens; if thinking did not end within them, the block is
 * closed for the model and generation continues on the same KV cache with the reply so far as its prefix. The two
 * steps come back as one generation whose thinking ends where the first stopped.
 */
export async function generateWithReasoning(generate: Generate, request: GenerationRequest, hooks: GenerationHooks = {}, offByPrefix = true): Promise<Generation> {
  const { reasoning, ...plain } = request;
  if (reasoning === 'off' && offByPrefix) return generate({ ...plain, replyPrefix: THINKING_OFF_PREFIX + (plain.replyPrefix ?? '') }, hooks);
  const budget = reasoningBudget(reasoning);
  if (budget === null || budget >= request.maxTokens) return generate(offByPrefix ? plain : request, hooks);
  const first = await generate({ ...plain, maxTokens: budget }, hooks);
  if (first.stopReason !== 'max_tokens') return first;
  const thinking = first.reasoning !== undefined && first.reasoning.tokens === first.tokenTimesMs.length && !first.response.includes(THINK_CLOSE);
  const forced = thinking ? BUDGET_CLOSE : '';
  const rest = await generate({
    ...plain,
    replyPrefix: (plain.replyPrefix ?? '') + first.response + forced,
    kvCache: 'reuse',
    maxTokens: request.maxTokens - first.completionTokens,
  });
  return {
    ...rest,
    response: first.response + forced + rest.response,
    promptTokens: first.promptTokens,
    completionTokens: first.completionTokens + rest.completionTokens,
    startMs: first.startMs,
    tokenTimesMs: [...first.tokenTimesMs, ...rest.tokenTimesMs],
    reasoning: thinking
      ? { tokens: first.tokenTimesMs.length, endMs: first.endMs }
      : (first.reasoning ?? (rest.reasoning && { tokens: first.tokenTimesMs.length + rest.reasoning.tokens, endMs: rest.reasoning.endMs })),
    ...(first.cachedPromptTokens === undefined ? {} : { cachedPromptTokens: first.cachedPromptTokens }),
  };
}
