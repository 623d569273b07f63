import { performance } from 'node:perf_hooks';
import type { StopReason } from '../store/types.ts';
import { DEFAULT_SYSTEM_PROMPT } from './llama.ts';
import type { Generation, GenerationHooks, GenerationRequest, ModelRunner, ServerTimings } from './types.ts';

export interface OpenAIRunnerOptions {
  systemPrompt?: string;
  seed?: number;
  apiKey?: string;
  /** Connection and first-byte timeout. */
  timeoutMs?: number;
  /** "raw" sends the prompt as is to /v1/completions; anything else uses /v1/chat/completions and the server's template. */
  template?: string;
}

interface StreamChunk {
  choices?: Array<{ delta?: { content?: string | null }; text?: string | null; finish_reason?: string | null }>;
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  /** llama-server only, in the final chunk. */
  timings?: { prompt_n?: number; prompt_ms?: number; prompt_per_second?: number; predicted_n?: number; predicted_ms?: number; predicted_per_second?: number };
}

function serverTimingsOf(t: NonNullable<StreamChunk['timings']>): ServerTimings | undefined {
  if (typeof t.predicted_ms !== 'number' || typeof t.prompt_ms !== 'number') return undefined;
  return {
    promptTokens: t.prompt_n ?? 0,
    promptMs: t.prompt_ms,
    promptTokensPerS: t.prompt_per_second ?? 0,
    predictedTokens: t.predicted_n ?? 0,
    predictedMs: t.predicted_ms,
    predictedTokensPerS: t.predicted_per_second ?? 0,
  };
}

/** `http://host:8080` and `http://host:8080/v1/` both mean the `/v1` API root. */
export function apiRoot(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return trimmed.endsWith('/v1') ? trimmed : `${trimmed}/v1`;
}

function unreachable(url: string, error: unknown): Error {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const why = cause?.code ?? cause?.message ?? (error as Error).message;
  return new Error(
    `cannot reach the OpenAI-compatible server at ${url} (${why}). ` +
      `Start it (llama-server, ollama serve, vllm serve) or fix the URL in --model openai:URL#model.`,
  );
}

function stopReasonOf(finishReason: string | null | undefined): StopReason {
  if (finishReason === 'length') return 'max_tokens';
  return 'eos';
}

/** Yields each `data:` payload of a server-sent event stream. */
async function* sseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const bytes of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(bytes, { stream: true });
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
      if (line.startsWith('data:')) yield line.slice(5).trim();
    }
  }
}

/**
 * Drives any OpenAI-compatible chat endpoint (llama-server, Ollama, vLLM) with streaming,
 * timing each streamed chunk as it arrives.
 */
export async function openOpenAIRunner(baseUrl: string, model: string, options: OpenAIRunnerOptions = {}): Promise<ModelRunner> {
  const root = apiRoot(baseUrl);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  const systemPrompt = options.systemPrompt ?? DEFAULT_SYSTEM_PROMPT;
  const seed = options.seed ?? 0;
  const completionMode = options.template === 'raw';

  let served: string[] = [];
  try {
    const response = await fetch(`${root}/models`, { headers, signal: AbortSignal.timeout(timeoutMs) });
    if (response.ok) {
      const body = (await response.json()) as { data?: Array<{ id: string }> };
      served = (body.data ?? []).map((m) => m.id);
    }
  } catch (error) {
    throw unreachable(root, error);
  }
  if (served.length > 0 && !served.includes(model)) {
    throw new Error(`the server at ${root} does not serve model "${model}". It serves: ${served.join(', ')}.`);
  }

  return {
    description: {
      name: model,
      kind: 'openai',
      location: root,
      accelerator: 'remote',
      chatTemplate: completionMode ? 'raw' : 'server',
      details: { servedModels: served, systemPrompt: completionMode ? null : systemPrompt, seed, endpoint: completionMode ? 'completions' : 'chat/completions' },
    },

    async generate(request: GenerationRequest, hooks: GenerationHooks = {}): Promise<Generation> {
      const input = completionMode
        ? { prompt: request.prompt }
        : {
            messages: [
              { role: 'system', content: systemPrompt },
              { role: 'user', content: request.prompt },
            ],
          };
      const body = {
        model,
        ...input,
        max_tokens: request.maxTokens,
        temperature: 0,
        seed,
        stream: true,
        stream_options: { include_usage: true },
        // llama-server caches prompts by default; a repeated prompt would then skip prefill and skew TTFT.
        cache_prompt: false,
      };
      const startMs = performance.now();
      let response: Response;
      try {
        response = await fetch(`${root}/${completionMode ? 'completions' : 'chat/completions'}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(body),
          signal: request.signal ?? AbortSignal.timeout(10 * 60_000),
        });
      } catch (error) {
        throw unreachable(root, error);
      }
      if (!response.ok || response.body === null) {
        throw new Error(`the server at ${root} answered ${response.status} ${response.statusText}: ${await response.text()}`);
      }
      const tokenTimesMs: number[] = [];
      let text = '';
      let finishReason: string | null | undefined;
      let usage: StreamChunk['usage'];
      let serverTimings: ServerTimings | undefined;
      for await (const data of sseData(response.body)) {
        if (data === '[DONE]') break;
        const chunk = JSON.parse(data) as StreamChunk;
        if (chunk.usage) usage = chunk.usage;
        if (chunk.timings) serverTimings = serverTimingsOf(chunk.timings) ?? serverTimings;
        const choice = chunk.choices?.[0];
        if (choice?.finish_reason) finishReason = choice.finish_reason;
        const content = completionMode ? choice?.text : choice?.delta?.content;
        if (content) {
          const nowMs = performance.now();
          if (tokenTimesMs.length === 0) hooks.onFirstToken?.(nowMs);
          tokenTimesMs.push(nowMs);
          text += content;
        }
      }
      const endMs = performance.now();
      return {
        response: text,
        stopReason: request.signal?.aborted ? 'abort' : stopReasonOf(finishReason),
        promptTokens: usage?.prompt_tokens ?? 0,
        completionTokens: usage?.completion_tokens ?? tokenTimesMs.length,
        startMs,
        tokenTimesMs,
        endMs,
        ...(serverTimings ? { serverTimings } : {}),
      };
    },

    async close() {},
  };
}
