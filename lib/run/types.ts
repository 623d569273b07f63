import type { ReasoningMode } from './reasoning.ts';

/** Why generation stopped. */
export type StopReason = 'eos' | 'max_tokens' | 'abort' | 'error';

/** A tool the model may call natively (`openai:` servers' `tools`, an in-process chat template's function calling). */
export interface ToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the arguments object. */
  parameters: {
    type: 'object';
    properties: Record<string, { type: string; description?: string }>;
    required?: string[];
    additionalProperties?: boolean;
  };
}

/** A tool call the model made. */
export interface ToolCall {
  /** The server's id (`openai:`), or `call_<n>` numbered within the reply (in-process); a `ToolResult` answers it by id. */
  id: string;
  name: string;
  /** The arguments as parsed JSON; the text itself when it is not JSON (the agent loop reports that as bad input). */
  arguments: unknown;
  /**
   * The call as the model wrote it, replayed when the conversation is rebuilt: the arguments string from an `openai:`
   * server; the whole call in the template's syntax in-process. Absent: rebuilt from `arguments`.
   */
  raw?: string;
}

/** What a tool call gave back, for the model. */
export interface ToolResult {
  /** The id of the call it answers. */
  id: string;
  name: string;
  content: string;
}

/**
 * An earlier exchange of a conversation: a user message and the model's reply to it, with the tools the reply called
 * and their results. OpenAI messages: the user message, an assistant message (with `tool_calls`), one `tool` message
 * per result. In-process templates: the calls and results go into the model's turn in the template's own syntax.
 */
export interface ChatExchange {
  /**
   * The user message. '' in an exchange right after one with `toolResults`: the model went on after those results,
   * with no user message between (the same holds for a request's `prompt`).
   */
  user: string;
  /** The reply's text (in-process templates: with the calls as the model wrote them). */
  model: string;
  /** The tools the reply called, in order. Default none. */
  toolCalls?: readonly ToolCall[];
  /** The results of those calls, each answering one by id, in order. Default none. */
  toolResults?: readonly ToolResult[];
}

/**
 * What the previous request left in the runner's KV cache: `reuse` keeps it and evaluates only the prompt tokens past
 * the longest common prefix (an agent's next turn prefills only what is new); `clear` starts from an empty cache, so
 * no query's prefill depends on the one before it.
 */
export type KvCacheMode = 'reuse' | 'clear';

export interface GenerationRequest {
  /**
   * The user message (see `formatPrompt` in lib/queries). '' right after an exchange with `toolResults`: no user
   * message, the model answers those results.
   */
  prompt: string;
  /** Earlier exchanges of the conversation, oldest first; `prompt` is the next user message. Default none. */
  history?: readonly ChatExchange[];
  /**
   * Text the reply starts with, placed after the assistant header and evaluated as prompt (an empty `<think></think>`
   * block, the start of a reply to continue). Not part of `response`. Default none.
   */
  replyPrefix?: string;
  /**
   * Tools the model may call natively: `openai:` servers get them as `tools` (tool_choice 'auto'); in-process chat
   * templates render them as the template's function-calling instructions. The calls come back in `toolCalls`.
   * Default none.
   */
  tools?: readonly ToolSpec[];
  /** Default 'clear'. `openai:` servers: llama-server's `cache_prompt` (other servers keep their own policy). */
  kvCache?: KvCacheMode;
  /** Thinking of reasoning models (see lib/run/reasoning.ts). Default: as the model's template does it, nothing changed. */
  reasoning?: ReasoningMode;
  maxTokens: number;
  signal?: AbortSignal;
  /** The query's id, so a failure can name it. */
  queryId?: string;
}

export interface GenerationHooks {
  /** Called as the first response token arrives, so energy can be split into prefill and decode. */
  onFirstToken?: (timeMs: number) => void;
}

/** One model response with token-level timing on the shared monotonic clock (`performance.now()`, ms). */
export interface Generation {
  response: string;
  stopReason: StopReason;
  promptTokens: number;
  /** Generated tokens, including an end-of-generation token when the model emitted one. */
  completionTokens: number;
  startMs: number;
  /** Arrival time of each streamed response token (or chunk, for remote servers). */
  tokenTimesMs: number[];
  endMs: number;
  /**
   * In-process direct engine only: decode-phase wall time its generation loop spent outside llama_decode (greedy
   * sampling, stop checks, timestamps). The loop runs on llama.cpp's first compute thread, so this is the harness's
   * share of that thread.
   */
  outsideDecodeMs?: number;
  /**
   * Prompt tokens served from the KV cache instead of evaluated (kvCache 'reuse'); 0 after a cleared cache; absent
   * where a server does not say.
   */
  cachedPromptTokens?: number;
  /**
   * Generated tokens up to and including the one that closed a `<think>` block (all of them when the block never
   * closed), and that token's time: thinking ends, answering starts. Absent when the reply holds no `</think>` or
   * unclosed `<think>`.
   */
  reasoning?: { tokens: number; endMs: number };
  /**
   * The tools the reply called, parsed, in order (only with `tools` in the request, and only when the model called
   * one): from a server's `tool_calls`, or from the template's call syntax in `response` (in-process).
   */
  toolCalls?: ToolCall[];
  /** The server's own account of the request (llama-server's final-chunk `timings`), beside the client's clock. */
  serverTimings?: ServerTimings;
  /**
   * Why the query could not run, when `stopReason` is 'error' (a prompt longer than the context, a 4xx for this request,
   * a broken stream, a generation error). The run records it as a row and goes on.
   */
  error?: string;
  /**
   * OpenAI-compatible servers only: every HTTP request made for this query, failed ones included, in order. On success
   * the last one is the request whose stream this generation holds and `startMs` is that request's start; on failure
   * `startMs` is the first request's start, so the row's window covers every try.
   */
  attempts?: RequestAttempt[];
}

/** One HTTP request to a server for a query. */
export interface RequestAttempt {
  /** `performance.now()` ms when the request was sent, and when it ended. */
  startMs: number;
  endMs: number;
  /** The HTTP status, or null when none arrived (connection dropped, timed out). */
  status: number | null;
  /** 'ok', or what went wrong. */
  outcome: string;
  /** Milliseconds waited before the next attempt; absent on the last. */
  retryAfterMs?: number;
}

/** llama-server's per-request `timings`: its prefill (prompt) and decode (predicted) spans as it measured them. */
export interface ServerTimings {
  promptTokens: number;
  promptMs: number;
  promptTokensPerS: number;
  predictedTokens: number;
  predictedMs: number;
  predictedTokensPerS: number;
}

/** Facts about the model and where it runs, for the run manifest. */
export interface ModelDescription {
  /** Short display name, e.g. the GGUF file name without extension. */
  name: string;
  kind: 'gguf' | 'openai';
  /** File path, or the server's base URL. */
  location: string;
  accelerator: string;
  chatTemplate: string;
  details: Record<string, unknown>;
}

/** Anything that turns a prompt into a timed response: node-llama-cpp in-process, or an OpenAI-compatible server. */
export interface ModelRunner {
  readonly description: ModelDescription;
  generate(request: GenerationRequest, hooks?: GenerationHooks): Promise<Generation>;
  close(): Promise<void>;
}

/** Timing figures derived from a generation. Pure. */
export interface GenerationTimings {
  ttftMs: number;
  prefillMs: number;
  decodeMs: number;
  decodeTokensPerS: number;
  interTokenMs: number[];
  durationMs: number;
}
