// Conversations on a real GGUF model: earlier exchanges as history, a reply prefix, and the KV cache kept between
// requests (kvCache 'reuse') or cleared, through both in-process engines.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeKnowledgeModel } from '../lib/fixtures/index.ts';
import { DEFAULT_SYSTEM_PROMPT, THINKING_OFF_PREFIX, type GenerationRequest, type ModelRunner } from '../lib/run/index.ts';
import { openLlamaRunner } from '../lib/run/llama.ts';
import { thinkingTokens } from '../lib/run/reasoning.ts';
import { tempDir } from './helpers/fixture.ts';

const FIRST = 'Report the zorblat quarterly figure.';
const SECOND = 'Observation: the ledger says 42.\n\nThought:';

let modelPath: string;
beforeAll(async () => {
  modelPath = join(tempDir(), 'conversation.gguf');
  await writeKnowledgeModel(modelPath, [{ prompt: FIRST, output: 'Lookup' }], { avoidTexts: [DEFAULT_SYSTEM_PROMPT, SECOND] });
});

describe.each(['direct', 'node-llama-cpp'] as const)('a conversation on the %s engine', (engine) => {
  let runner: ModelRunner;
  beforeAll(async () => {
    runner = await openLlamaRunner(modelPath, { gpu: false, threads: 1, engine, ...(engine === 'direct' ? { library: 'prebuilt' as const } : {}) });
  });
  afterAll(async () => {
    await runner?.close();
  });

  it('a reused KV cache evaluates only what is new, and the reply is the one a cleared cache gives', async () => {
    const first = await runner.generate({ prompt: FIRST, maxTokens: 8 });
    expect(first.response.trim()).toBe('Lookup');
    expect(first.cachedPromptTokens).toBe(0);
    const next: GenerationRequest = { prompt: SECOND, history: [{ user: FIRST, model: first.response }], maxTokens: 8 };
    const reused = await runner.generate({ ...next, kvCache: 'reuse' });
    // The whole first turn (its prompt and its reply) was still in the cache.
    expect(reused.promptTokens).toBeGreaterThan(first.promptTokens + 1);
    expect(reused.cachedPromptTokens).toBeGreaterThanOrEqual(first.promptTokens);
    expect(reused.cachedPromptTokens).toBeLessThan(reused.promptTokens);
    const cleared = await runner.generate({ ...next, kvCache: 'clear' });
    expect(cleared).toMatchObject({ response: reused.response, promptTokens: reused.promptTokens, cachedPromptTokens: 0 });
    // A prompt the cache already begins with (the conversation's first turn): only its last token is evaluated again,
    // for the logits, and the cache past it is dropped.
    const again = await runner.generate({ prompt: FIRST, maxTokens: 8, kvCache: 'reuse' });
    expect(again.response.trim()).toBe('Lookup');
    expect(again.cachedPromptTokens).toBe(again.promptTokens - 1);
  }, 120_000);

  it('a reply prefix is prompt, not response; reasoning off puts an empty thinking block there', async () => {
    const plain = await runner.generate({ prompt: FIRST, maxTokens: 8 });
    const off = await runner.generate({ prompt: FIRST, maxTokens: 8, reasoning: 'off' });
    expect(off.response.trim()).toBe('Lookup');
    expect(off.response).not.toContain('think>');
    expect(off.promptTokens).toBeGreaterThan(plain.promptTokens);
    expect(off.reasoning).toBeUndefined();
    const prefixed = await runner.generate({ prompt: FIRST, maxTokens: 8, replyPrefix: THINKING_OFF_PREFIX });
    expect(prefixed).toMatchObject({ response: off.response, promptTokens: off.promptTokens });
  }, 120_000);
});

describe('thinkingTokens', () => {
  const pieces = ['<think>', 'a', ' b', '</thi', 'nk>', ' answer'];
  const textOfFirst = (k: number) => pieces.slice(0, k).join('');
  it('finds the token that completes </think>, even split over two tokens', () => {
    expect(thinkingTokens(pieces.length, textOfFirst)).toEqual({ tokens: 5, closed: true });
  });
  it('counts every token of a block that never closed, and none of a reply without one', () => {
    expect(thinkingTokens(3, textOfFirst)).toEqual({ tokens: 3, closed: false });
    expect(thinkingTokens(2, (k) => ['x', ' y'].slice(0, k).join(''))).toBeNull();
  });
});
