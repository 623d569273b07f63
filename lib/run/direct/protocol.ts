import type { DirectModelInfo } from './bindings.ts';
import type { LlamaLibraryFiles } from './locate.ts';

export interface EngineWorkerData {
  files: LlamaLibraryFiles;
  modelPath: string;
  threads: number;
  contextSize: number;
  /** Prompt tokens per llama_decode call during prefill (llama.cpp's n_batch and n_ubatch). */
  batchSize: number;
  /** Quiet llama.cpp's logs below errors. Only for libraries nobody else logs for: node-llama-cpp sets its own copy's. */
  ownLogging: boolean;
  /** The compiled C helpers, argmax and log filter (native builds only); null: the WebAssembly argmax. */
  helpersLibrary: string | null;
  /** Int32Array[1]: set to 1 by the main thread to stop the current generation after the token in flight. */
  abortFlag: SharedArrayBuffer;
}

export type EngineRequest =
  | { type: 'threads'; threads: number }
  | {
      type: 'generate';
      tokens: Int32Array;
      maxTokens: number;
      stopTexts: string[];
      ignoreEndOfGeneration: boolean;
      /** Keep the KV cache's longest common prefix with `tokens` and evaluate only the rest. */
      reuseCache: boolean;
      /** Hand the OpenMP team's threads back after this generation (another engine shares the process, see engine.ts). */
      releaseThreads: boolean;
    }
  | { type: 'close' };

export type ArgmaxKind = 'native' | 'wasm';

export type DirectStopReason = 'eos' | 'stop_text' | 'max_tokens' | 'context_full' | 'abort';

/** Times are CLOCK_MONOTONIC milliseconds (lib/energy's clock), the same in every thread. */
export interface EngineGeneration {
  tokens: Int32Array;
  /** One per emitted token; an end-of-generation token is in `tokens` but has no time here (node-llama-cpp's convention). */
  tokenMonoMs: Float64Array;
  startMonoMs: number;
  endMonoMs: number;
  stopReason: DirectStopReason;
  /** The stop text that ended generation (its tokens are the last in `tokens`), or null. */
  stopText: string | null;
  /** From the first token to the end, wall time the loop spent outside llama_decode: sampling, stop checks, bookkeeping. */
  outsideDecodeMs: number;
  /** Prompt tokens kept in the KV cache from the previous generation, not evaluated again. */
  reusedTokens: number;
}

export type EngineReply =
  | { type: 'ready'; contextSize: number; threads: number; model: DirectModelInfo; argmax: ArgmaxKind }
  | { type: 'first'; atMonoMs: number }
  | ({ type: 'done' } & EngineGeneration)
  | { type: 'error'; message: string };
