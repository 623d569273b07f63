// A fixture model for the reasoning axis: for some bundled queries it thinks first (a planned `<think>` block of
// fixed length), then answers; with thinking off (an empty block already in the prompt) it answers at once.
import { ensureFixtureModel } from '../fixtures/index.ts';
import { formatPrompt, loadQueries, sampleQueries, type Query } from '../queries/index.ts';
import { DEFAULT_SYSTEM_PROMPT } from '../run/index.ts';
import { FIXTURE_SEED } from './fixture.ts';

/** Queries the reasoning fixture answers when `queries` is not given: a seeded, domain-stratified sample of the bundled set. */
export const REASONING_FIXTURE_QUERY_COUNT = 12;
/** Thinking tokens before each answer when `thinkingTokens` is not given. */
export const REASONING_FIXTURE_THINKING_TOKENS = 24;

export interface ReasoningFixture {
  modelPath: string;
  queries: Query[];
  /** Tokens of each reply's thinking block: `<think>`, the pieces and `</think>`. */
  reasoningTokens: number;
}

/**
 * A planned GGUF that answers each query correctly, after `thinkingTokens` thinking pieces unless the prompt already
 * holds `</think>` (reasoning off). Cached by content.
 */
export async function prepareReasoningFixture(options: { queries?: Query[]; thinkingTokens?: number } = {}): Promise<ReasoningFixture> {
  const queries = options.queries ?? sampleQueries(await loadQueries('sample'), { n: REASONING_FIXTURE_QUERY_COUNT, seed: FIXTURE_SEED, stratify: true });
  const pieces = options.thinkingTokens ?? REASONING_FIXTURE_THINKING_TOKENS;
  const thinking = Array.from({ length: pieces }, (_, k) => (k === 0 ? 'Let me work through this' : ` step ${k}`)).map((p, k) => (k === pieces - 1 ? `${p}.\n` : p));
  const conversations = queries.map((q) => ({ turns: [{ cue: formatPrompt(q), reply: q.answer, thinking }] }));
  const file = await ensureFixtureModel(undefined, { kind: 'planned', conversations, avoidTexts: [DEFAULT_SYSTEM_PROMPT], name: 'ipw-reasoning-fixture' });
  return { modelPath: file.path, queries, reasoningTokens: pieces + 2 };
}
