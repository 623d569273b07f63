// The generation loop, off the main thread: prefill, then sample -> decode per token, with a persistent ggml
// threadpool. Nothing here wakes the main event loop per token; it hears once at the first token and once at the end.
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import koffi from 'koffi';
import { monotonicMs, nameThisThread, THREAD_NAMES } from '../../energy/index.ts';
import { createArgmax } from './argmax.ts';
import { loadedOpenMpRuntime } from './locate.ts';
import { bindLlamaLibrary, type BatchValue, type Pointer } from './bindings.ts';
import type { DirectStopReason, EngineReply, EngineRequest, EngineWorkerData } from './protocol.ts';

const GGML_LOG_LEVEL_ERROR = 4;
// Before llama.cpp starts its OpenMP and ggml threads, which inherit the name.
nameThisThread(THREAD_NAMES.llama);
const data = workerData as EngineWorkerData;
const port = parentPort!;
const abortFlag = new Int32Array(data.abortFlag);
const lib = bindLlamaLibrary(data.files.libraryDir, data.files);

function reply(message: EngineReply): void {
  port.postMessage(message);
}

const helpers = data.helpersLibrary === null ? null : koffi.load(data.helpersLibrary);
if (data.ownLogging) {
  // The C filter outlives this worker. The JavaScript one, used only where the helpers could not be compiled, dies with
  // it: a second engine that logs after this worker exits aborts the process.
  const quietLogs = helpers?.func('int ipw_quiet_llama_logs(const char *)');
  if (quietLogs === undefined || quietLogs(join(data.files.libraryDir, data.files.llama)) !== 0) lib.filterLogs(GGML_LOG_LEVEL_ERROR);
}
// node-llama-cpp normally registered the CPU backend already; loading it twice would register a second CPU device.
if (!lib.backendRegistered('CPU')) lib.loadBackends();

const modelParams = lib.modelDefaultParams();
modelParams.n_gpu_layers = 0;
const model = lib.loadModel(data.modelPath, modelParams);
if (model === null) throw new Error(`llama.cpp could not load ${data.modelPath}`);
const vocab = lib.vocab(model);
const modelInfo = lib.modelInfo(model);
const vocabSize = lib.vocabSize(vocab);
const nativeArgmax = helpers === null ? null : helpers.func('int32 ipw_argmax_f32(const float *, int32)');
const wasmArgmax = nativeArgmax === null ? createArgmax() : null;
// libgomp keeps one pool of team threads per thread that opens parallel regions, and counts them all: once two engines'
// pools exist and their threads outnumber the cores, every barrier in either engine stops spinning almost at once and
// sleeps. omp_pause_resource_all(omp_pause_soft) ends this thread's pool; the next generation starts a new one.
const OMP_PAUSE_SOFT = 1;
const openMpRuntime = loadedOpenMpRuntime();
const releaseOpenMpThreads = openMpRuntime === null ? null : koffi.load(openMpRuntime).func('int omp_pause_resource_all(int)');

/** Greedy sampling's choice from the logits at `pointer`; `view` is the same memory, for the WebAssembly argmax. */
function argmax(pointer: Pointer, view: Float32Array): number {
  return nativeArgmax === null ? wasmArgmax!(view) : (nativeArgmax(pointer, vocabSize) as number);
}

let context: Pointer = null;
let pool: Pointer = null;
let threads = data.threads;

function openContext(threadCount: number): void {
  closeContext();
  cachedLength = 0;
  const params = lib.contextDefaultParams();
  params.n_ctx = data.contextSize;
  params.n_batch = data.batchSize;
  params.n_ubatch = data.batchSize;
  params.n_threads = threadCount;
  params.n_threads_batch = threadCount;
  params.no_perf = true;
  context = lib.initContext(model, params);
  if (context === null) throw new Error(`llama.cpp could not create a context of ${data.contextSize} tokens for ${data.modelPath}`);
  pool = lib.newThreadpool(threadCount);
  lib.attachThreadpool(context, pool);
  threads = threadCount;
}

function closeContext(): void {
  if (context !== null) lib.freeContext(context);
  if (pool !== null) lib.freeThreadpool(pool);
  context = null;
  pool = null;
}

const PIECE_BYTES = 256;

/** Growable byte buffer of the special-token rendering that stop texts are matched against. */
class Bytes {
  buffer = Buffer.alloc(4096);
  length = 0;
  append(piece: Buffer, n: number): void {
    if (this.length + n > this.buffer.length) {
      const grown = Buffer.alloc(Math.max(this.buffer.length * 2, this.length + n));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    piece.copy(this.buffer, this.length, 0, n);
    this.length += n;
  }
  view(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

// One batch object, refilled per call: the per-token decode should allocate nothing it does not need.
const batch: BatchValue = { n_tokens: 0, token: new Int32Array(0), embd: null, pos: null, n_seq_id: null, seq_id: null, logits: null };

/** Decodes `tokens`: prompt tokens when `generated` is 0, else the `generated`-th generated token. */
function decodeOrThrow(tokens: Int32Array, generated: number): void {
  batch.n_tokens = tokens.length;
  batch.token = tokens;
  const status = lib.decode(context, batch);
  if (status === 0) return;
  const step = generated === 0 ? `prefill of ${tokens.length} prompt tokens` : `decode of generated token ${generated}`;
  throw new Error(`llama_decode failed (status ${status}) during ${step}`);
}

/** The tokens the KV cache holds, position by position: the last prompt and the generated tokens decoded after it. */
let cached = new Int32Array(0);
let cachedLength = 0;

/** Keeps the cache's longest common prefix with `prompt` (at least its last token is evaluated again, for logits). */
function reusePrefix(prompt: Int32Array): number {
  const limit = Math.min(cachedLength, prompt.length - 1);
  let common = 0;
  while (common < limit && cached[common] === prompt[common]) common++;
  if (common === 0 || !lib.trimMemory(context, common)) {
    lib.clearMemory(context);
    return 0;
  }
  return common;
}

function generate(prompt: Int32Array, maxTokens: number, stopTexts: string[], ignoreEndOfGeneration: boolean, reuseCache: boolean): EngineReply {
  const contextSize = lib.contextSize(context);
  if (prompt.length === 0) throw new Error('empty prompt: nothing to evaluate');
  if (prompt.length >= contextSize) {
    throw new Error(`the prompt has ${prompt.length} tokens and does not fit the context of ${contextSize}; raise the context size or shorten the prompt`);
  }
  const stops = stopTexts.filter((s) => s.length > 0).map((text) => ({ text, bytes: Buffer.from(text, 'utf8') }));
  const longestStop = stops.reduce((n, s) => Math.max(n, s.bytes.length), 0);
  const tokens = new Int32Array(maxTokens);
  const tokenMonoMs = new Float64Array(maxTokens);
  const piece = Buffer.alloc(PIECE_BYTES);
  const rendered = new Bytes();
  const one = new Int32Array(1);
  let produced = 0;
  let timed = 0;
  let stopText: string | null = null;
  let stopReason: DirectStopReason = 'max_tokens';

  Atomics.store(abortFlag, 0, 0);
  const startMonoMs = monotonicMs();
  let reusedTokens = 0;
  if (reuseCache) reusedTokens = reusePrefix(prompt);
  else lib.clearMemory(context);
  // What the cache will hold: the prompt, then each generated token as it is decoded. Wrong until the prefill ends.
  cachedLength = 0;
  if (cached.length < prompt.length + maxTokens) cached = new Int32Array(prompt.length + maxTokens);
  cached.set(prompt);
  for (let offset = reusedTokens; offset < prompt.length; offset += data.batchSize) {
    decodeOrThrow(prompt.subarray(offset, Math.min(prompt.length, offset + data.batchSize)), 0);
  }
  cachedLength = prompt.length;
  // Every decode here asks for one output row (the batch's last token), which llama.cpp writes at the start of its
  // logits buffer; that buffer only moves for a batch with more outputs. So one pointer (or view) serves the whole
  // generation. A view per token (llama_get_logits_ith, then an external ArrayBuffer) measured 10-20 us: 2-3% of a
  // 20M model's step.
  const logitsPointer = lib.lastLogitsPointer(context);
  const logits = nativeArgmax === null ? lib.lastLogits(context, vocabSize) : new Float32Array(0);
  let position = prompt.length;
  let decodeLoopMs = 0; // minus each decode's duration, plus the decode phase's span at the end
  while (produced < maxTokens) {
    if (Atomics.load(abortFlag, 0) !== 0) {
      stopReason = 'abort';
      break;
    }
    // Greedy sampling, as llama.cpp's greedy sampler does it: the first largest logit.
    const token = argmax(logitsPointer, logits);
    const atMonoMs = monotonicMs();
    tokens[produced++] = token;
    if (produced === 1) reply({ type: 'first', atMonoMs });
    if (!ignoreEndOfGeneration && lib.isEndOfGeneration(vocab, token)) {
      stopReason = 'eos';
      break;
    }
    tokenMonoMs[timed++] = atMonoMs;
    if (stops.length > 0) {
      const renderedBefore = rendered.length;
      const renderedBytes = lib.tokenPiece(vocab, token, piece, true);
      if (renderedBytes > 0) rendered.append(piece, renderedBytes);
      const tail = rendered.view().subarray(Math.max(0, renderedBefore - longestStop + 1));
      const matched = stops.find((s) => tail.includes(s.bytes));
      if (matched !== undefined) {
        stopReason = 'stop_text';
        stopText = matched.text;
        break;
      }
    }
    if (produced >= maxTokens) break;
    if (position >= contextSize) {
      stopReason = 'context_full';
      break;
    }
    one[0] = token;
    const beforeMs = monotonicMs();
    decodeOrThrow(one, produced);
    decodeLoopMs -= monotonicMs() - beforeMs;
    cached[cachedLength++] = token;
    position++;
  }
  const endMonoMs = monotonicMs();
  // From the first token to the end, minus the decodes in between: the loop's own time.
  if (timed > 0) decodeLoopMs += endMonoMs - tokenMonoMs[0]!;
  return {
    type: 'done',
    tokens: tokens.slice(0, produced),
    tokenMonoMs: tokenMonoMs.slice(0, timed),
    startMonoMs,
    endMonoMs,
    stopReason,
    stopText,
    outsideDecodeMs: Math.max(0, decodeLoopMs),
    reusedTokens,
  };
}

port.on('message', (request: EngineRequest) => {
  try {
    if (request.type === 'threads') {
      openContext(request.threads);
      reply(ready());
    } else if (request.type === 'generate') {
      const generation = generate(request.tokens, request.maxTokens, request.stopTexts, request.ignoreEndOfGeneration, request.reuseCache);
      if (request.releaseThreads) releaseOpenMpThreads?.(OMP_PAUSE_SOFT);
      reply(generation);
    } else {
      closeContext();
      lib.freeModel(model);
      port.close();
    }
  } catch (error) {
    reply({ type: 'error', message: (error as Error).message });
  }
});

function ready(): EngineReply {
  return { type: 'ready', contextSize: lib.contextSize(context), threads, model: modelInfo, argmax: nativeArgmax === null ? 'wasm' : 'native' };
}

openContext(threads);
reply(ready());
