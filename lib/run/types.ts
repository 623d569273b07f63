import type { StopReason } from '../store/types.ts';

export interface GenerationRequest {
  /** The user message (see `formatPrompt` in lib/queries). */
  prompt: string;
  maxTokens: number;
  signal?: AbortSignal;
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
  /** The server's own account of the request (llama-server's final-chunk `timings`), beside the client's clock. */
  serverTimings?: ServerTimings;
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
