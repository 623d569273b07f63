import { performance } from 'node:perf_hooks';
import { failedGeneration, forQuery } from './failure.ts';
import { DEFAULT_SEED, DEFAULT_SYSTEM_PROMPT } from './llama.ts';
import { agentFor, getJson, shown, streamRequest, type AttemptResult, type PayloadKind, type StreamLimits } from './openai-stream.ts';
import { checkRunnerOptions } from './options-check.ts';
import { generateWithReasoning, withReasoningSplit } from './reasoning.ts';
import { argumentsText, continuesAfterTools, parseToolArguments, promptContinues, usesTools } from './tool-calls.ts';
import type { ChatExchange, Generation, GenerationHooks, GenerationRequest, ModelRunner, RequestAttempt, ServerTimings, StopReason } from './types.ts';

/** The environment variable read for the API key when `apiKeyEnv` is not given. */
export const DEFAULT_API_KEY_ENV = 'OPENAI_API_KEY';
/** Seconds to open a connection when `connectTimeoutS` is not given. */
export const DEFAULT_CONNECT_TIMEOUT_S = 10;
/** Seconds to the first token when `firstTokenTimeoutS` is not given. */
export const DEFAULT_FIRST_TOKEN_TIMEOUT_S = 300;
/** Seconds of silence once tokens flow when `idleTimeoutS` is not given. */
export const DEFAULT_IDLE_TIMEOUT_S = 60;
/** Retries of a request answered 429 or 5xx when `maxRetries` is not given. */
export const DEFAULT_MAX_RETRIES = 2;
/** Wait before the first retry, ms, when `retryDelayMs` is not given. */
export const DEFAULT_RETRY_DELAY_MS = 500;

export interface OpenAIRunnerOptions {
  systemPrompt?: string;
  seed?: number;
  /** The API key itself, for callers that hold one; wins over `apiKeyEnv`. It is sent, never written anywhere. */
  apiKey?: string;
  /**
   * The environment variable holding the API key, sent as a bearer token. Default OPENAI_API_KEY (DEFAULT_API_KEY_ENV),
   * which may be unset (no key is sent); a variable named explicitly must be set.
   */
  apiKeyEnv?: string;
  /** Seconds to open a connection to the server. Default 10 (DEFAULT_CONNECT_TIMEOUT_S). */
  connectTimeoutS?: number;
  /**
   * Seconds from sending a request to the first token of its reply (queueing and prefill included). Default 300
   * (DEFAULT_FIRST_TOKEN_TIMEOUT_S).
   */
  firstTokenTimeoutS?: number;
  /** Most seconds the server may stay silent once tokens flow. Default 60 (DEFAULT_IDLE_TIMEOUT_S). */
  idleTimeoutS?: number;
  /** Extra tries for a request answered 429 or 5xx before its first token. Default 2 (DEFAULT_MAX_RETRIES). */
  maxRetries?: number;
  /**
   * Wait before the first retry, ms, doubling for each next one; a longer Retry-After wins, up to 30 s. Default 500
   * (DEFAULT_RETRY_DELAY_MS).
   */
  retryDelayMs?: number;
  /** "raw" sends the prompt as is to /v1/completions; anything else uses /v1/chat/completions and the server's template. */
  template?: string;
}

/** One streamed piece of a tool call: the first names it (index, id, function.name), later ones add argument text. */
interface ToolCallDelta {
  index?: number;
  id?: string;
  function?: { name?: string; arguments?: string };
}

interface StreamChunk {
  choices?: Array<{ delta?: { content?: string | null; tool_calls?: ToolCallDelta[] | null }; text?: string | null; finish_reason?: string | null }>;
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  /** llama-server only, in the final chunk. */
  timings?: { cache_n?: number; prompt_n?: number; prompt_ms?: number; prompt_per_second?: number; predicted_n?: number; predicted_ms?: number; predicted_per_second?: number };
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

const RETRY_AFTER_CAP_MS = 30_000;

/**
 * Refuses a server URL that carries credentials (user:password@, or a key in the query string), without repeating
 * them: they would end up in run.json, manifests and logs.
 */
export function assertNoCredentials(url: string): void {
  const userInfo = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url);
  const query = url.split('#')[0]!.split('?')[1] ?? '';
  const secretParam = query.split('&').some((pair) => /key|token|secret|passw|auth|sig/i.test(pair.split('=')[0]!));
  if (!userInfo && !secretParam) return;
  throw new Error(
    `the server URL carries credentials (${userInfo ? 'a user name or password before "@"' : 'a key in its query string'}); they are not repeated here. ` +
      `Remove them from the URL and put the API key in an environment variable: apiKeyEnv names it (default ${DEFAULT_API_KEY_ENV}).`,
  );
}

/** The bearer key, from `apiKey` or the environment variable `apiKeyEnv` names, and how it was found (for the manifest). */
function apiKeyOf(options: OpenAIRunnerOptions): { key: string | undefined; auth: string } {
  if (options.apiKey) return { key: options.apiKey, auth: 'bearer (apiKey option)' };
  const name = options.apiKeyEnv ?? DEFAULT_API_KEY_ENV;
  const key = process.env[name];
  if (key) return { key, auth: `bearer ($${name})` };
  if (options.apiKeyEnv !== undefined) {
    throw new Error(`apiKeyEnv names the environment variable ${name}, which is not set (or empty). Export it with the server's API key, or name another.`);
  }
  return { key: undefined, auth: 'none' };
}

function unreachable(url: string, why: string): Error {
  return new Error(
    `cannot reach the OpenAI-compatible server at ${url} (${why}). ` +
      `Start it (llama-server, ollama serve, vllm serve) or fix the URL in the model option (openai:URL#model).`,
  );
}

/** The model's part of an exchange as OpenAI messages: the assistant message (with its `tool_calls`), then one `tool` message per result. */
function assistantMessages(e: ChatExchange): object[] {
  if (!e.toolCalls?.length) return [{ role: 'assistant', content: e.model }];
  return [
    {
      role: 'assistant',
      content: e.model === '' ? null : e.model,
      tool_calls: e.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: argumentsText(c) } })),
    },
    ...(e.toolResults ?? []).map((r) => ({ role: 'tool', tool_call_id: r.id, content: r.content })),
  ];
}

/** 'tool_calls' (and 'stop') end a reply normally; 'length' is the token limit. */
function stopReasonOf(finishReason: string | null | undefined): StopReason {
  if (finishReason === 'length') return 'max_tokens';
  return 'eos';
}

/** What one streamed reply has said so far. */
class StreamState {
  text = '';
  /** Each streamed piece of text, in order (one per entry of tokenTimesMs). */
  pieces: string[] = [];
  cachedTokens: number | undefined;
  tokenTimesMs: number[] = [];
  finishReason: string | null | undefined;
  usage: StreamChunk['usage'];
  serverTimings: ServerTimings | undefined;
  /** Tool calls by their stream index: id, name and the arguments text so far. */
  calls: { id: string; name: string; arguments: string }[] = [];

  constructor(
    private readonly completionMode: boolean,
    private readonly onFirstToken: ((timeMs: number) => void) | undefined,
  ) {}

  /** Takes one `data:` payload; throws on one that is not a JSON chunk. */
  take(data: string): PayloadKind {
    if (data === '[DONE]') return 'done';
    const chunk = JSON.parse(data) as StreamChunk & { error?: { message?: string } | string };
    if (chunk === null || typeof chunk !== 'object') throw new Error('not a JSON object');
    if (chunk.error !== undefined) throw new Error(`the server reported an error: ${typeof chunk.error === 'string' ? chunk.error : (chunk.error.message ?? JSON.stringify(chunk.error))}`);
    if (chunk.usage) this.usage = chunk.usage;
    if (chunk.timings) {
      this.serverTimings = serverTimingsOf(chunk.timings) ?? this.serverTimings;
      if (typeof chunk.timings.cache_n === 'number') this.cachedTokens = chunk.timings.cache_n;
    }
    const choice = chunk.choices?.[0];
    if (choice?.finish_reason) this.finishReason = choice.finish_reason;
    const content = this.completionMode ? choice?.text : choice?.delta?.content;
    const toolCalls = this.completionMode ? undefined : choice?.delta?.tool_calls;
    if (!content && !toolCalls?.length) return 'other';
    for (const delta of toolCalls ?? []) this.takeCall(delta);
    // A tool-call chunk is a streamed token too: the model generated it.
    const nowMs = performance.now();
    if (this.tokenTimesMs.length === 0) this.onFirstToken?.(nowMs);
    this.tokenTimesMs.push(nowMs);
    this.pieces.push(content ?? '');
    this.text += content ?? '';
    return 'token';
  }

  /** Adds one tool-call delta, as OpenAI's client does: the id and name are set, argument pieces appended. */
  private takeCall(delta: ToolCallDelta): void {
    const index = typeof delta.index === 'number' ? delta.index : delta.id !== undefined && !this.calls.some((c) => c.id === delta.id) ? this.calls.length : Math.max(0, this.calls.length - 1);
    const call = (this.calls[index] ??= { id: '', name: '', arguments: '' });
    if (delta.id) call.id = delta.id;
    if (delta.function?.name) call.name = delta.function.name;
    if (delta.function?.arguments) call.arguments += delta.function.arguments;
  }

  /** The reply so far, as a generation. */
  generation(startMs: number, endMs: number, stopReason: StopReason): Generation {
    const generation: Generation = {
      response: this.text,
      stopReason,
      promptTokens: this.usage?.prompt_tokens ?? 0,
      completionTokens: this.usage?.completion_tokens ?? this.tokenTimesMs.length,
      startMs,
      tokenTimesMs: this.tokenTimesMs,
      endMs,
      ...(this.serverTimings ? { serverTimings: this.serverTimings } : {}),
      ...(this.cachedTokens === undefined ? {} : { cachedPromptTokens: this.cachedTokens }),
    };
    const calls = this.calls.filter((c) => c !== undefined);
    if (calls.length > 0) generation.toolCalls = calls.map((c, k) => ({ id: c.id || `call_${k + 1}`, name: c.name, arguments: parseToolArguments(c.arguments), raw: c.arguments }));
    return this.text.includes('think>') ? withReasoningSplit(generation, (k) => this.pieces.slice(0, k).join('')) : generation;
  }
}

/** What the user can do about a failed request, by how it failed. */
function fixFor(result: AttemptResult): string {
  if (result.kind === 'status') {
    if (result.status === 401 || result.status === 403) return `Put the server's API key in the environment variable apiKeyEnv names (default ${DEFAULT_API_KEY_ENV}).`;
    return result.status >= 500 || result.status === 429 ? "Check the server's log and load." : 'The server refused this request; its message says why.';
  }
  if (result.kind !== 'failed') return '';
  if (/firstTokenTimeoutS/.test(result.why)) return 'Raise firstTokenTimeoutS if the server is only slow (long prompts, a queue), or check its log.';
  if (/idleTimeoutS/.test(result.why)) return "Raise idleTimeoutS if the server is only slow, or check its log.";
  if (/dropped|ended the stream/.test(result.why)) return "Check the server's log: it may have crashed on this query.";
  return "Check that the URL is an OpenAI-compatible server's API root (e.g. http://host:8080/v1), not a proxy or a web page.";
}

function outcomeOf(result: AttemptResult): string {
  switch (result.kind) {
    case 'done':
      return 'ok';
    case 'aborted':
      return 'aborted';
    case 'status':
      return `${result.status} ${result.statusText}`.trim();
    default:
      return result.why;
  }
}

function statusOf(result: AttemptResult): number | null {
  return 'status' in result ? result.status : null;
}

/** Resolves after `ms`, or at once when `signal` aborts; never rejects. */
export function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Drives any OpenAI-compatible chat endpoint (llama-server, Ollama, vLLM) with streaming, timing each streamed chunk
 * as it arrives. A request that fails (a 4xx, a broken stream, a timeout, 429 or 5xx after the retries) comes back as
 * a generation with stop reason 'error' that names the server, the query and what arrived; only a server that cannot
 * be reached at all throws.
 */
export async function openOpenAIRunner(baseUrl: string, model: string, options: OpenAIRunnerOptions = {}): Promise<ModelRunner> {
  assertNoCredentials(baseUrl);
  checkRunnerOptions(options);
  const root = apiRoot(baseUrl);
  let rootUrl: URL;
  try {
    rootUrl = new URL(root);
  } catch {
    throw new Error(`the server URL "${baseUrl}" is not a URL. Write it as http://host:port, e.g. openai:http://127.0.0.1:8080#model.`);
  }
  if (rootUrl.protocol !== 'http:' && rootUrl.protocol !== 'https:') throw new Error(`the server URL "${baseUrl}" is not http or https.`);
  const limits: StreamLimits = {
    connectMs: (options.connectTimeoutS ?? DEFAULT_CONNECT_TIMEOUT_S) * 1000,
    firstTokenMs: (options.firstTokenTimeoutS ?? DEFAULT_FIRST_TOKEN_TIMEOUT_S) * 1000,
    idleMs: (options.idleTimeoutS ?? DEFAULT_IDLE_TIMEOUT_S) * 1000,
  };
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  const { key, auth } = apiKeyOf(options);
  /** Server text is quoted in messages, which reach journals and logs: a server echoing the key must not put it there. */
  const redact = (text: string) => (key === undefined ? text : text.split(key).join('[redacted]'));
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
  if (key !== undefined) headers.authorization = `Bearer ${key}`;
  const systemPrompt = options.systemPrompt ?? DEFAULT_SYSTEM_PROMPT;
  const seed = options.seed ?? DEFAULT_SEED;
  const completionMode = options.template === 'raw';
  const agent = agentFor(rootUrl);

  let served: string[] = [];
  const listed = await getJson(new URL(`${root}/models`), { ...headers, accept: 'application/json' }, agent, limits);
  if ('unreachable' in listed) {
    agent.destroy();
    throw unreachable(root, listed.unreachable);
  }
  if (listed.status === 401 || listed.status === 403) {
    agent.destroy();
    throw new Error(
      `the server at ${root} refused ${key === undefined ? 'a request without an API key' : 'the API key'} (${listed.status} ${listed.statusText}). ` +
        `Put its key in the environment variable apiKeyEnv names (default ${DEFAULT_API_KEY_ENV}).`,
    );
  }
  if (listed.status >= 200 && listed.status < 300) {
    let body: { data?: Array<{ id: string }> };
    try {
      body = JSON.parse(listed.body) as { data?: Array<{ id: string }> };
    } catch {
      agent.destroy();
      throw new Error(`the server at ${root} answered GET /models with something that is not JSON: ${redact(shown(listed.body))}. Check that the URL is an OpenAI-compatible server's API root.`);
    }
    served = (Array.isArray(body?.data) ? body.data : []).map((m) => m.id);
  }
  if (served.length > 0 && !served.includes(model)) {
    agent.destroy();
    throw new Error(`the server at ${root} does not serve model "${model}". It serves: ${redact(served.join(', '))}.`);
  }
  const endpoint = new URL(`${root}/${completionMode ? 'completions' : 'chat/completions'}`);

  return {
    description: {
      name: model,
      kind: 'openai',
      location: root,
      accelerator: 'remote',
      chatTemplate: completionMode ? 'raw' : 'server',
      details: {
        servedModels: served,
        systemPrompt: completionMode ? null : systemPrompt,
        seed,
        endpoint: completionMode ? 'completions' : 'chat/completions',
        // How the key was found, never the key.
        auth,
        timeoutsS: { connect: limits.connectMs / 1000, firstToken: limits.firstTokenMs / 1000, idle: limits.idleMs / 1000 },
        maxRetries,
      },
    },

    generate: (request: GenerationRequest, hooks: GenerationHooks = {}) => generateWithReasoning(generateOnce, request, hooks, false),

    async close() {
      agent.destroy();
    },
  };

  async function generateOnce(request: GenerationRequest, hooks: GenerationHooks = {}): Promise<Generation> {
    const history = request.history ?? [];
    if (completionMode && usesTools(request)) {
      return failedGeneration(`${forQuery(request.queryId)}native tool calling needs the chat endpoint, and template 'raw' uses /v1/completions. Leave the template unset, or use the ReAct protocol.`);
    }
    const input = completionMode
      ? { prompt: history.map((e) => e.user + e.model).join('') + request.prompt + (request.replyPrefix ?? '') }
      : {
          messages: [
            { role: 'system', content: systemPrompt },
            ...history.flatMap((e, k) => [
              ...(continuesAfterTools(history, k) ? [] : [{ role: 'user', content: e.user }]),
              ...assistantMessages(e),
            ]),
            ...(promptContinues(request) ? [] : [{ role: 'user', content: request.prompt }]),
            // A last assistant message is the reply's start: llama-server continues it.
            ...(request.replyPrefix ? [{ role: 'assistant', content: request.replyPrefix }] : []),
          ],
        };
    const tools = completionMode || !request.tools?.length ? {} : { tools: request.tools.map((t) => ({ type: 'function', function: t })), tool_choice: 'auto' };
    const thinking = request.reasoning === 'on' || request.reasoning === 'off';
    const body = {
      model,
      ...input,
      ...tools,
      max_tokens: request.maxTokens,
      temperature: 0,
      seed,
      stream: true,
      stream_options: { include_usage: true },
      // llama-server caches prompts by default; a repeated prompt would then skip prefill and skew TTFT.
      cache_prompt: request.kvCache === 'reuse',
      // Qwen3-style templates (llama-server --jinja, vLLM) read it; others ignore it.
      ...(thinking && !completionMode ? { chat_template_kwargs: { enable_thinking: request.reasoning === 'on' } } : {}),
    };
    const payload = JSON.stringify(body);
    const attempts: RequestAttempt[] = [];
    const failed = (message: string, state: StreamState, startMs: number, endMs: number): Generation => ({ ...state.generation(startMs, endMs, 'error'), error: redact(message), attempts });
    let stale = false;
    for (let k = 0; ; k++) {
      const state = new StreamState(completionMode, hooks.onFirstToken);
      // After a stale socket, a connection of its own: the pool may hold more sockets the server has closed.
      const fresh = stale ? agentFor(rootUrl) : undefined;
      const startMs = performance.now();
      const result = await streamRequest({
        url: endpoint,
        body: payload,
        headers,
        agent: fresh ?? agent,
        limits,
        signal: request.signal,
        onPayload: (data) => state.take(data),
        finished: () => state.finishReason != null,
      });
      fresh?.destroy();
      const endMs = performance.now();
      const attempt: RequestAttempt = { startMs, endMs, status: statusOf(result), outcome: redact(outcomeOf(result)) };
      attempts.push(attempt);
      const firstStartMs = attempts[0]!.startMs;
      const who = `${forQuery(request.queryId)}the server at ${root}`;
      switch (result.kind) {
        case 'done':
          return { ...state.generation(startMs, endMs, stopReasonOf(state.finishReason)), attempts };
        case 'aborted':
          return { ...state.generation(startMs, endMs, 'abort'), attempts };
        case 'unreachable':
          throw unreachable(root, result.why);
        case 'stale':
          // Node's documented race on kept-alive sockets: send once more at once, on a fresh connection.
          if (!stale) {
            stale = true;
            attempt.retryAfterMs = 0;
            k--;
            continue;
          }
          return failed(`${who} ${result.why}. ${fixFor(result)}`, state, firstStartMs, endMs);
        case 'status': {
          const retryable = result.status === 429 || result.status >= 500;
          const answer = `answered ${outcomeOf(result)}: ${shown(result.body)}`;
          if (retryable && k < maxRetries && !request.signal?.aborted) {
            attempt.retryAfterMs = Math.max(retryDelayMs * 2 ** k, Math.min(result.retryAfterMs ?? 0, RETRY_AFTER_CAP_MS));
            await pause(attempt.retryAfterMs, request.signal);
            if (request.signal?.aborted) return { ...state.generation(firstStartMs, performance.now(), 'abort'), attempts };
            continue;
          }
          const tries = attempts.length > 1 ? ` (${attempts.length} attempts: ${attempts.map((a) => a.status ?? a.outcome).join(', ')})` : '';
          return failed(`${who} ${answer}${tries}. ${fixFor(result)}`, state, firstStartMs, endMs);
        }
        case 'failed':
          return failed(`${who} ${result.why}. ${fixFor(result)}`, state, firstStartMs, endMs);
      }
    }
  }
}
