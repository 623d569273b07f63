// Generation through the direct engine (lib/run/direct): node-llama-cpp still formats and tokenizes the prompt with
// the model's chat template (a vocabulary-only load), and llama.cpp runs the loop in a worker thread.
import { performance } from 'node:perf_hooks';
import { decodeRate, type DecodeProbe } from './auto-threads.ts';
import type { DirectEngine, DirectStopReason } from './direct/index.ts';
import { failedGeneration, forQuery, promptTooLong } from './failure.ts';
import { chatHistoryOf, functionResultStopText, functionsOf, parseFunctionCalls } from './llama-functions.ts';
import { PROBE_PROMPT } from './llama-session.ts';
import { usesTools } from './tool-calls.ts';
import type { LlamaModel, PromptFormat } from './llama-types.ts';
import { withReasoningSplit } from './reasoning.ts';
import type { Generation, GenerationHooks, GenerationRequest, StopReason } from './types.ts';

type Token = Parameters<LlamaModel['detokenize']>[0][number];

const STOP_REASONS: Record<DirectStopReason, StopReason> = {
  eos: 'eos',
  stop_text: 'eos',
  max_tokens: 'max_tokens',
  context_full: 'max_tokens',
  abort: 'abort',
};

/** A stop trigger as node-llama-cpp takes it (the template's, by token; or a text). */
export type StopTrigger = ReturnType<NonNullable<PromptFormat['chatWrapper']>['generateContextState']>['stopGenerationTriggers'][number] | string;

/** The parts of a request that make its prompt. */
export type PromptParts = Pick<GenerationRequest, 'prompt' | 'history' | 'replyPrefix' | 'tools'>;

/**
 * Prompt tokens and stop texts exactly as node-llama-cpp's LlamaChatSession / LlamaCompletion would build them: the
 * system prompt, each earlier exchange, the user message, and the reply's prefix after the assistant header. Without a
 * template (raw) the texts follow each other.
 */
export function promptTokens(model: LlamaModel, format: PromptFormat, parts: PromptParts): { tokens: number[]; stopTexts: string[]; stopTriggers: StopTrigger[] } {
  const history = parts.history ?? [];
  if (format.chatWrapper === undefined) {
    const bos = model.tokens.shouldPrependBosToken ? model.tokens.bos : null;
    const whole = history.map((e) => e.user + e.model).join('') + parts.prompt + (parts.replyPrefix ?? '');
    const text = model.tokenize(whole, false, bos === null ? undefined : 'trimLeadingSpace');
    return { tokens: bos === null ? [...text] : [bos, ...text], stopTexts: [], stopTriggers: [] };
  }
  // Tools: the template's function-calling instructions, and a stop where the model would write a result itself.
  const availableFunctions = functionsOf(parts.tools);
  const state = format.chatWrapper.generateContextState({ chatHistory: chatHistoryOf(format, parts), availableFunctions });
  const stopTexts = state.stopGenerationTriggers.map((trigger) => model.detokenize(trigger.tokenize(model.tokenizer), true));
  const stopTriggers: StopTrigger[] = [...state.stopGenerationTriggers];
  if (availableFunctions !== undefined) {
    stopTexts.push(functionResultStopText(format.chatWrapper));
    stopTriggers.push(functionResultStopText(format.chatWrapper));
  }
  return { tokens: [...state.contextText.tokenize(model.tokenizer)], stopTexts, stopTriggers };
}

/** Why a request cannot run on this format: tools without a chat template (raw completion has no call syntax). */
export function toolsUnsupported(format: PromptFormat, request: GenerationRequest): string | undefined {
  if (format.chatWrapper !== undefined || !usesTools(request)) return undefined;
  return `${forQuery(request.queryId)}native tool calling needs a chat template, and template 'raw' has none. Use a chat template (template option), or the ReAct protocol.`;
}

/** The generation with the tool calls its reply makes in the template's syntax (only when tools were offered). */
export function withToolCalls(generation: Generation, format: PromptFormat, request: GenerationRequest): Generation {
  if (format.chatWrapper === undefined || !request.tools?.length || generation.stopReason === 'error') return generation;
  const toolCalls = parseFunctionCalls(format.chatWrapper, generation.response);
  return toolCalls.length === 0 ? generation : { ...generation, toolCalls };
}

export function directGenerator(engine: DirectEngine, model: LlamaModel, format: PromptFormat) {
  return async function generate(request: GenerationRequest, hooks: GenerationHooks = {}): Promise<Generation> {
    const unsupported = toolsUnsupported(format, request);
    if (unsupported !== undefined) return failedGeneration(unsupported);
    const { tokens, stopTexts } = promptTokens(model, format, request);
    // A query that cannot run is a row with its reason, not the end of the run.
    if (tokens.length >= engine.contextSize) return failedGeneration(promptTooLong(request.queryId, tokens.length, engine.contextSize), undefined, { promptTokens: tokens.length });
    const startMs = performance.now();
    let g: Awaited<ReturnType<DirectEngine['generate']>>;
    try {
      g = await engine.generate(tokens, { maxTokens: request.maxTokens, stopTexts, reuseCache: request.kvCache === 'reuse', signal: request.signal, onFirstToken: hooks.onFirstToken });
    } catch (error) {
      // A worker that died takes every later query with it: that ends the run.
      if (!engine.alive) throw error;
      return failedGeneration(`${forQuery(request.queryId)}${(error as Error).message}`, startMs, { promptTokens: tokens.length, endMs: performance.now() });
    }
    // node-llama-cpp detokenizes, so replies read exactly as they do through its own loop (SPM leading spaces included).
    const replyTokens = g.stopReason === 'eos' ? g.tokens.slice(0, -1) : g.tokens;
    let response = model.detokenize(replyTokens as unknown as Token[]);
    if (g.stopText !== null && response.includes(g.stopText)) response = response.slice(0, response.lastIndexOf(g.stopText));
    const generation: Generation = {
      response,
      stopReason: STOP_REASONS[g.stopReason],
      promptTokens: tokens.length,
      completionTokens: g.tokens.length,
      startMs: g.startMs,
      tokenTimesMs: g.tokenTimesMs,
      endMs: g.endMs,
      outsideDecodeMs: g.outsideDecodeMs,
      cachedPromptTokens: g.reusedTokens,
    };
    const split = response.includes('think>') ? withReasoningSplit(generation, (k) => model.detokenize(g.tokens.slice(0, k) as unknown as Token[])) : generation;
    return withToolCalls(split, format, request);
  };
}

/** A probe shorter than this is mostly timer and scheduler noise on a small model, so it is lengthened. */
const PROBE_MIN_S = 0.25;
const PROBE_MAX_TOKENS = 512;

export function directProbe(engine: DirectEngine, model: LlamaModel): DecodeProbe {
  const prompt = promptTokens(model, { chatWrapper: undefined, systemPrompt: '' }, { prompt: PROBE_PROMPT }).tokens;
  const rateOver = async (tokens: number) => decodeRate((await engine.generate(prompt, { maxTokens: tokens + 1, ignoreEndOfGeneration: true })).tokenTimesMs);
  return async (threads, tokens) => {
    await engine.setThreads(threads);
    const rate = await rateOver(tokens);
    const enough = Math.min(PROBE_MAX_TOKENS, Math.ceil(rate * PROBE_MIN_S));
    return enough > tokens ? rateOver(enough) : rate;
  };
}
