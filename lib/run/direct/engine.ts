// Main-thread face of the generation worker: one request at a time, times converted to this thread's
// performance.now() so they line up with the energy sampler and the rest of the run.
import { Worker } from 'node:worker_threads';
import { monotonicOffsetMs } from '../../energy/index.ts';
import type { DirectModelInfo } from './bindings.ts';
import type { LlamaLibraryFiles } from './locate.ts';
import type { ArgmaxKind, DirectStopReason, EngineGeneration, EngineReply, EngineRequest, EngineWorkerData } from './protocol.ts';

export interface DirectEngineOptions {
  files: LlamaLibraryFiles;
  modelPath: string;
  threads: number;
  contextSize: number;
  batchSize?: number;
  /** True for libraries node-llama-cpp did not load (the native build): the engine then quiets their logs. */
  ownLogging?: boolean;
  /** The compiled C helpers (native-helpers.ts); without them the engine samples with its WebAssembly argmax. */
  helpersLibrary?: string;
}

export interface DirectGeneration {
  tokens: number[];
  /** performance.now() ms, one per emitted token (none for an end-of-generation token). */
  tokenTimesMs: number[];
  startMs: number;
  endMs: number;
  stopReason: DirectStopReason;
  stopText: string | null;
  outsideDecodeMs: number;
  /** Prompt tokens kept in the KV cache from the previous generation (`reuseCache`), not evaluated again. */
  reusedTokens: number;
}

/**
 * Engines open in this process. With more than one (a model and its LLM judge, two runners in a notebook), each hands
 * its OpenMP threads back after every generation: two idle pools made libgomp throttle both engines' barriers, and a
 * 20M model decoded at half speed beside an idle judge (docs/performance.md).
 */
const openEngines = new Set<DirectEngine>();

type Pending = { resolve: (reply: EngineReply) => void; reject: (error: Error) => void; onFirst?: (timeMs: number) => void };

export class DirectEngine {
  #pending: Pending | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #exited = false;
  /** What llama.cpp reports about the loaded model. */
  model: DirectModelInfo = { description: '', trainContextSize: 0, sizeBytes: 0 };
  /** Which argmax samples each token. */
  argmax: ArgmaxKind = 'wasm';

  private constructor(
    private readonly worker: Worker,
    private readonly abortFlag: Int32Array,
    private readonly clockOffsetMs: number,
    public contextSize: number,
    public threads: number,
  ) {}

  /** Starts the worker, which loads the model and opens a context with a threadpool of `threads`. */
  static async start(options: DirectEngineOptions): Promise<DirectEngine> {
    const abortFlag = new SharedArrayBuffer(4);
    const data: EngineWorkerData = {
      files: options.files,
      modelPath: options.modelPath,
      threads: options.threads,
      contextSize: options.contextSize,
      batchSize: options.batchSize ?? 512,
      ownLogging: options.ownLogging ?? false,
      helpersLibrary: options.helpersLibrary ?? null,
      abortFlag,
    };
    const worker = new Worker(new URL('./boot.mjs', import.meta.url), { workerData: data });
    const engine = new DirectEngine(worker, new Int32Array(abortFlag), monotonicOffsetMs(), 0, options.threads);
    worker.on('message', (reply: EngineReply) => engine.#onReply(reply));
    worker.on('error', (error) => engine.#fail(error));
    worker.on('exit', (code) => {
      engine.#exited = true;
      openEngines.delete(engine);
      engine.#fail(new Error(`the generation worker exited (code ${code})`));
    });
    // The worker opens its first context unasked; its "ready" answers this pending request.
    const ready = await new Promise<EngineReply>((resolve, reject) => (engine.#pending = { resolve, reject })).catch(async (error: unknown) => {
      await worker.terminate();
      throw new Error(`could not start llama.cpp on ${options.modelPath}: ${(error as Error).message}`);
    });
    if (ready.type === 'ready') {
      engine.contextSize = ready.contextSize;
      engine.model = ready.model;
      engine.argmax = ready.argmax;
    }
    openEngines.add(engine);
    return engine;
  }

  #onReply(reply: EngineReply): void {
    const pending = this.#pending;
    if (pending === undefined) return;
    if (reply.type === 'first') {
      pending.onFirst?.(reply.atMonoMs - this.clockOffsetMs);
      return;
    }
    this.#pending = undefined;
    if (reply.type === 'error') pending.reject(new Error(reply.message));
    else pending.resolve(reply);
  }

  #fail(error: Error): void {
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(error);
  }

  #request(request: EngineRequest, onFirst?: (timeMs: number) => void): Promise<EngineReply> {
    const run = this.#queue.then(
      () =>
        new Promise<EngineReply>((resolve, reject) => {
          if (this.#exited) return reject(new Error('the generation worker has exited'));
          this.#pending = { resolve, reject, onFirst };
          this.worker.postMessage(request);
        }),
    );
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** False once the worker has exited: no request can run any more. */
  get alive(): boolean {
    return !this.#exited;
  }

  /** Reopens the context with a new threadpool size (the model stays loaded). */
  async setThreads(threads: number): Promise<void> {
    const reply = await this.#request({ type: 'threads', threads });
    if (reply.type === 'ready') {
      this.threads = reply.threads;
      this.contextSize = reply.contextSize;
    }
  }

  /**
   * Greedy generation, from an empty KV cache or (`reuseCache`) from what the previous generation left in it: only the
   * prompt tokens past their longest common prefix are evaluated. `signal` stops it after the token in flight.
   */
  async generate(
    tokens: readonly number[],
    options: {
      maxTokens: number;
      stopTexts?: string[];
      /** For speed probes: keep decoding past end-of-generation tokens, as llama-bench does. */
      ignoreEndOfGeneration?: boolean;
      /** Keep the KV cache's common prefix with `tokens`. Default false. */
      reuseCache?: boolean;
      signal?: AbortSignal;
      onFirstToken?: (timeMs: number) => void;
    },
  ): Promise<DirectGeneration> {
    const onAbort = () => Atomics.store(this.abortFlag, 0, 1);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      if (options.signal?.aborted) onAbort();
      const request: EngineRequest = {
        type: 'generate',
        tokens: Int32Array.from(tokens),
        maxTokens: options.maxTokens,
        stopTexts: options.stopTexts ?? [],
        ignoreEndOfGeneration: options.ignoreEndOfGeneration ?? false,
        reuseCache: options.reuseCache ?? false,
        releaseThreads: openEngines.size > 1,
      };
      const reply = await this.#request(request, options.onFirstToken);
      if (reply.type !== 'done') throw new Error(`unexpected reply ${reply.type} from the generation worker`);
      return this.#toLocalClock(reply);
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  #toLocalClock(g: EngineGeneration): DirectGeneration {
    const local = (monoMs: number) => monoMs - this.clockOffsetMs;
    return {
      tokens: Array.from(g.tokens),
      tokenTimesMs: Array.from(g.tokenMonoMs, local),
      startMs: local(g.startMonoMs),
      endMs: local(g.endMonoMs),
      stopReason: g.stopReason,
      stopText: g.stopText,
      outsideDecodeMs: g.outsideDecodeMs,
      reusedTokens: g.reusedTokens,
    };
  }

  async close(): Promise<void> {
    openEngines.delete(this);
    if (this.#exited) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    await this.#queue;
    this.worker.postMessage({ type: 'close' } satisfies EngineRequest);
    await exited;
  }
}
