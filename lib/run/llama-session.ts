// Generation through node-llama-cpp's own loop (LlamaChatSession / LlamaCompletion): used on GPUs and wherever the
// direct engine cannot bind llama.cpp (no /proc/self/maps, e.g. macOS).
import { performance } from 'node:perf_hooks';
import { decodeRate, type DecodeProbe } from './auto-threads.ts';
import { failedGeneration, forQuery, promptTooLong } from './failure.ts';
import { promptTokens, toolsUnsupported, withToolCalls } from './llama-direct.ts';
import type { LlamaContext, LlamaModel, NodeLlamaCpp, PromptFormat } from './llama-types.ts';
import { withReasoningSplit } from './reasoning.ts';
import { usesTools } from './tool-calls.ts';
import type { Generation, GenerationHooks, GenerationRequest, StopReason } from './types.ts';

type Token = Parameters<LlamaModel['detokenize']>[0][number];

function stopReasonOf(reason: string): StopReason {
  if (reason === 'maxTokens') return 'max_tokens';
  if (reason === 'abort') return 'abort';
  return 'eos';
}

function commonPrefixLength(a: readonly unknown[], b: readonly unknown[]): number {
  const limit = Math.min(a.length, b.length);
  let k = 0;
  while (k < limit && a[k] === b[k]) k++;
  return k;
}

/** One query at a time on one sequence of the context, each from an empty KV cache. */
export function sessionGenerator(lib: NodeLlamaCpp, context: LlamaContext, format: PromptFormat, seed: number, model: LlamaModel) {
  const sequence = context.getSequence();

  async function evaluate(request: GenerationRequest, built: ReturnType<typeof promptTokens>, onToken: (tokens: Token[]) => void) {
    // Plain greedy decoding, as the direct engine does: node-llama-cpp would otherwise apply a default repeat penalty.
    const common = { maxTokens: request.maxTokens, temperature: 0, repeatPenalty: false as const, seed, signal: request.signal, stopOnAbortSignal: true, onToken };
    const history = request.history ?? [];
    if (format.chatWrapper !== undefined && usesTools(request)) {
      // Tool calls and results live inside the model's turn, which a chat session cannot continue: the prompt's
      // tokens, rendered as the direct engine renders them, go to node-llama-cpp's completion loop.
      const completion = new lib.LlamaCompletion({ contextSequence: sequence });
      // It puts the model's BOS first itself.
      const bos = model.tokens.shouldPrependBosToken ? model.tokens.bos : null;
      const input = (bos !== null && built.tokens[0] === bos ? built.tokens.slice(1) : built.tokens) as Token[];
      const result = await completion.generateCompletionWithMeta(input, { ...common, customStopTriggers: built.stopTriggers });
      return { response: result.response, stopReason: result.metadata.stopReason };
    }
    if (format.chatWrapper === undefined) {
      const completion = new lib.LlamaCompletion({ contextSequence: sequence });
      const text = history.map((e) => e.user + e.model).join('') + request.prompt + (request.replyPrefix ?? '');
      const result = await completion.generateCompletionWithMeta(text, common);
      return { response: result.response, stopReason: result.metadata.stopReason };
    }
    const session = new lib.LlamaChatSession({ contextSequence: sequence, systemPrompt: format.systemPrompt, chatWrapper: format.chatWrapper, autoDisposeSequence: false });
    try {
      if (history.length > 0) {
        session.setChatHistory([
          ...session.getChatHistory(),
          ...history.flatMap((e) => [
            { type: 'user' as const, text: e.user },
            { type: 'model' as const, response: [e.model] },
          ]),
        ]);
      }
      const prefix = request.replyPrefix;
      const result = await session.promptWithMeta(request.prompt, prefix ? { ...common, responsePrefix: prefix } : common);
      // The reply without the prefix the caller supplied, as the other engines return it.
      const response = prefix && result.responseText.startsWith(prefix) ? result.responseText.slice(prefix.length) : result.responseText;
      return { response, stopReason: result.stopReason };
    } finally {
      session.dispose({ disposeSequence: false });
    }
  }

  return async function generate(request: GenerationRequest, hooks: GenerationHooks = {}): Promise<Generation> {
    // A query that cannot run is a row with its reason, not the end of the run.
    const unsupported = toolsUnsupported(format, request);
    if (unsupported !== undefined) return failedGeneration(unsupported);
    const built = promptTokens(model, format, request);
    const prompt = built.tokens;
    const promptLength = prompt.length;
    if (promptLength >= context.contextSize) return failedGeneration(promptTooLong(request.queryId, promptLength, context.contextSize), undefined, { promptTokens: promptLength });
    // A cleared cache: no query's prefill depends on the one before it. Kept: node-llama-cpp evaluates only what differs.
    if (request.kvCache !== 'reuse') await sequence.clearHistory();
    // node-llama-cpp keeps the longest common prefix and evaluates at least the last prompt token again, for logits.
    const cachedPromptTokens = Math.min(commonPrefixLength(sequence.contextTokens, prompt), promptLength - 1);
    const meterBefore = sequence.tokenMeter.getState();
    const tokenTimesMs: number[] = [];
    const generated: Token[] = [];
    const startMs = performance.now();
    let result: Awaited<ReturnType<typeof evaluate>>;
    try {
      result = await evaluate(request, built, (tokens) => {
        const nowMs = performance.now();
        if (tokenTimesMs.length === 0) hooks.onFirstToken?.(nowMs);
        for (let i = 0; i < tokens.length; i++) tokenTimesMs.push(nowMs);
        generated.push(...tokens);
      });
    } catch (error) {
      if (context.disposed) throw error;
      return failedGeneration(`${forQuery(request.queryId)}${(error as Error).message}`, startMs, { promptTokens: promptLength, tokenTimesMs, endMs: performance.now() });
    }
    const endMs = performance.now();
    const usage = sequence.tokenMeter.diff(meterBefore);
    const generation: Generation = {
      response: result.response,
      stopReason: stopReasonOf(result.stopReason),
      promptTokens: promptLength,
      completionTokens: usage.usedOutputTokens,
      startMs,
      tokenTimesMs,
      endMs,
      cachedPromptTokens,
    };
    const split = result.response.includes('think>') ? withReasoningSplit(generation, (k) => model.detokenize(generated.slice(0, k))) : generation;
    return withToolCalls(split, format, request);
  };
}

/**
 * Up to `sequences` queries at once, each on a sequence of its own (the context must have that many): node-llama-cpp
 * evaluates the sequences that have work in one batch, as a server with that many slots would. A query arriving while
 * every sequence is busy waits for the first to free up.
 */
export function batchedGenerator(lib: NodeLlamaCpp, context: LlamaContext, format: PromptFormat, seed: number, model: LlamaModel, sequences: number) {
  const free = Array.from({ length: sequences }, () => sessionGenerator(lib, context, format, seed, model));
  const waiting: ((generate: (typeof free)[number]) => void)[] = [];
  return async function generate(request: GenerationRequest, hooks: GenerationHooks = {}): Promise<Generation> {
    const slot = free.pop() ?? (await new Promise<(typeof free)[number]>((resolve) => waiting.push(resolve)));
    try {
      return await slot(request, hooks);
    } finally {
      const next = waiting.shift();
      if (next) next(slot);
      else free.push(slot);
    }
  };
}

/** A decode probe on a throwaway node-llama-cpp context. */
export function sessionProbe(model: LlamaModel): DecodeProbe {
  return async (threads, tokens) => {
    const context = await model.createContext({ threads, contextSize: 256, sequences: 1 });
    try {
      const sequence = context.getSequence();
      const times: number[] = [];
      for await (const _token of sequence.evaluate(model.tokenize(PROBE_PROMPT), { temperature: 0 })) {
        times.push(performance.now());
        if (times.length >= tokens + 1) break;
      }
      return decodeRate(times);
    } finally {
      await context.dispose();
    }
  };
}

export const PROBE_PROMPT = 'The quick brown fox jumps over the lazy dog.';
