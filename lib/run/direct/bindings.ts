// The few llama.cpp C functions the direct engine calls, over koffi, from the same shared libraries that
// node-llama-cpp loaded (so one copy of llama.cpp and one backend registry live in the process).
// Struct layouts follow include/llama.h of the llama.cpp release node-llama-cpp binds (llama/llama.cpp.info.json);
// test/direct-engine.test.ts compiles that header and compares every offset, so an upgrade that moves a field fails loudly.
import koffi from 'koffi';
import { join } from 'node:path';

const ModelParams = koffi.struct('llama_model_params', {
  devices: 'void*',
  tensor_buft_overrides: 'void*',
  n_gpu_layers: 'int32',
  split_mode: 'int32',
  load_mode: 'int32',
  lazy_mode: 'int32',
  main_gpu: 'int32',
  tensor_split: 'void*',
  progress_callback: 'void*',
  progress_callback_user_data: 'void*',
  kv_overrides: 'void*',
  vocab_only: 'bool',
  check_tensors: 'bool',
  use_extra_bufts: 'bool',
  no_host: 'bool',
  no_alloc: 'bool',
  load_mtp: 'bool',
});

const ContextParams = koffi.struct('llama_context_params', {
  n_ctx: 'uint32',
  n_batch: 'uint32',
  n_ubatch: 'uint32',
  n_seq_max: 'uint32',
  n_rs_seq: 'uint32',
  n_outputs_max: 'uint32',
  n_outputs_max_per_seq: 'uint32',
  n_threads: 'int32',
  n_threads_batch: 'int32',
  ctx_type: 'int32',
  rope_scaling_type: 'int32',
  pooling_type: 'int32',
  attention_type: 'int32',
  flash_attn_type: 'int32',
  rope_freq_base: 'float',
  rope_freq_scale: 'float',
  yarn_ext_factor: 'float',
  yarn_attn_factor: 'float',
  yarn_beta_fast: 'float',
  yarn_beta_slow: 'float',
  yarn_orig_ctx: 'uint32',
  defrag_thold: 'float',
  cb_eval: 'void*',
  cb_eval_user_data: 'void*',
  type_k: 'int32',
  type_v: 'int32',
  abort_callback: 'void*',
  abort_callback_data: 'void*',
  embeddings: 'bool',
  offload_kqv: 'bool',
  no_perf: 'bool',
  op_offload: 'bool',
  swa_full: 'bool',
  kv_unified: 'bool',
  samplers: 'void*',
  n_samplers: 'size_t',
  ctx_other: 'void*',
});

const Batch = koffi.struct('llama_batch', {
  n_tokens: 'int32',
  token: 'int32*',
  embd: 'void*',
  pos: 'void*',
  n_seq_id: 'void*',
  seq_id: 'void*',
  logits: 'void*',
});

export interface StructLayout {
  size: number;
  /** Byte offset of each field, by its name in llama.h. */
  offsets: Record<string, number>;
}

/** What koffi will read and write for each by-value struct; test/direct-engine.test.ts compares it with the C compiler's. */
export function structLayouts(): Record<'llama_model_params' | 'llama_context_params' | 'llama_batch', StructLayout> {
  const layout = (type: ReturnType<typeof koffi.struct>): StructLayout => {
    const fields = Object.keys(koffi.type(type).members ?? {});
    return { size: koffi.sizeof(type), offsets: Object.fromEntries(fields.map((f) => [f, koffi.offsetof(type, f)])) };
  };
  return { llama_model_params: layout(ModelParams), llama_context_params: layout(ContextParams), llama_batch: layout(Batch) };
}

/** Opaque C pointers (model, context, vocab, threadpool). */
export type Pointer = unknown;

export interface ModelParamsValue {
  n_gpu_layers: number;
  vocab_only: boolean;
  [field: string]: unknown;
}

export interface ContextParamsValue {
  n_ctx: number;
  n_batch: number;
  n_ubatch: number;
  n_threads: number;
  n_threads_batch: number;
  no_perf: boolean;
  [field: string]: unknown;
}

export interface BatchValue {
  n_tokens: number;
  token: Int32Array;
  embd: null;
  pos: null;
  n_seq_id: null;
  seq_id: null;
  logits: null;
}

export interface DirectModelInfo {
  /** llama_model_desc, e.g. "llama ?B Q8_0". */
  description: string;
  trainContextSize: number;
  /** Bytes of tensor data (llama_model_size). */
  sizeBytes: number;
}

export interface LlamaLibrary {
  libraryDir: string;
  backendRegistered(name: string): boolean;
  loadBackends(): void;
  modelDefaultParams(): ModelParamsValue;
  contextDefaultParams(): ContextParamsValue;
  loadModel(path: string, params: ModelParamsValue): Pointer;
  freeModel(model: Pointer): void;
  initContext(model: Pointer, params: ContextParamsValue): Pointer;
  freeContext(context: Pointer): void;
  contextSize(context: Pointer): number;
  vocab(model: Pointer): Pointer;
  /** llama.cpp's own account of the loaded model (node-llama-cpp's vocabulary-only load cannot give these). */
  modelInfo(model: Pointer): DirectModelInfo;
  isEndOfGeneration(vocab: Pointer, token: number): boolean;
  /** The token's bytes into `out`; `special` renders control tokens as their text instead of nothing. */
  tokenPiece(vocab: Pointer, token: number, out: Buffer, special: boolean): number;
  clearMemory(context: Pointer): void;
  /** Drops sequence 0's cached positions from `fromPosition` on; false when the cache cannot cut there (then clear it). */
  trimMemory(context: Pointer, fromPosition: number): boolean;
  decode(context: Pointer, batch: BatchValue): number;
  vocabSize(vocab: Pointer): number;
  /** The last decoded token's logits, read in place (valid until the next decode). */
  lastLogits(context: Pointer, vocabSize: number): Float32Array;
  lastLogitsPointer(context: Pointer): Pointer;
  /** Keeps llama.cpp's (and ggml's) log lines at `minLevel` and above, written to stderr; drops the rest. */
  filterLogs(minLevel: number): void;
  /** A persistent ggml CPU threadpool, attached so llama_decode stops creating and joining threads per call. */
  newThreadpool(threads: number): Pointer;
  freeThreadpool(pool: Pointer): void;
  attachThreadpool(context: Pointer, pool: Pointer): void;
}

/** Binds the libraries in `libraryDir` (which must hold libllama*.so, libggml*.so and libggml-base.so). */
export function bindLlamaLibrary(libraryDir: string, files: { llama: string; ggml: string; ggmlBase: string }): LlamaLibrary {
  // Deep binding and local symbols: two llama.cpp builds can share the process (node-llama-cpp's and the native one,
  // with the same symbol names), and a lazily bound call must never land in the other build. Without this, a run on
  // one build after a multi-threaded run on the other crashed.
  const options = { deep: true, global: false };
  const ggml = koffi.load(join(libraryDir, files.ggml), options);
  const ggmlBase = koffi.load(join(libraryDir, files.ggmlBase), options);
  const llama = koffi.load(join(libraryDir, files.llama), options);

  const regByName = ggml.func('void* ggml_backend_reg_by_name(const char*)');
  const regProcAddress = ggml.func('void* ggml_backend_reg_get_proc_address(void*, const char*)');
  const loadAllFromPath = ggml.func('void ggml_backend_load_all_from_path(const char*)');
  const threadpoolParamsInit = ggmlBase.func('void ggml_threadpool_params_init(void*, int)');
  const threadpoolNewProto = koffi.proto('void* ggml_threadpool_new_t(void*)');
  const threadpoolFreeProto = koffi.proto('void ggml_threadpool_free_t(void*)');

  const modelDefaultParams = llama.func('llama_model_params llama_model_default_params()');
  const contextDefaultParams = llama.func('llama_context_params llama_context_default_params()');
  const loadModel = llama.func('void* llama_model_load_from_file(const char*, llama_model_params)');
  const freeModel = llama.func('void llama_model_free(void*)');
  const initContext = llama.func('void* llama_init_from_model(void*, llama_context_params)');
  const freeContext = llama.func('void llama_free(void*)');
  const nCtx = llama.func('uint32 llama_n_ctx(void*)');
  const attachThreadpool = llama.func('void llama_attach_threadpool(void*, void*, void*)');
  const getVocab = llama.func('void* llama_model_get_vocab(void*)');
  const modelDesc = llama.func('int32 llama_model_desc(void*, uint8*, size_t)');
  const modelTrainContext = llama.func('int32 llama_model_n_ctx_train(void*)');
  const modelSize = llama.func('uint64 llama_model_size(void*)');
  const isEog = llama.func('bool llama_vocab_is_eog(void*, int32)');
  const tokenToPiece = llama.func('int32 llama_token_to_piece(void*, int32, uint8*, int32, int32, bool)');
  const getMemory = llama.func('void* llama_get_memory(void*)');
  const memoryClear = llama.func('void llama_memory_clear(void*, bool)');
  const memorySeqRm = llama.func('bool llama_memory_seq_rm(void*, int32, int32, int32)');
  const decode = llama.func('int32 llama_decode(void*, llama_batch)');
  const nVocab = llama.func('int32 llama_vocab_n_tokens(void*)');
  const logitsIth = llama.func('float* llama_get_logits_ith(void*, int32)');
  const LogCallback = koffi.proto('void ipw_llama_log(int level, const char *text, void *user)');
  const logSet = llama.func('void llama_log_set(ipw_llama_log *callback, void *user)');

  // ggml_threadpool_new/free live in the CPU backend library that ggml picked for this CPU, reachable only by name.
  function cpuProc(name: string): unknown {
    const reg = regByName('CPU');
    const fn = reg === null ? null : regProcAddress(reg, name);
    if (fn === null) throw new Error(`the llama.cpp CPU backend in ${libraryDir} does not export ${name}`);
    return fn;
  }

  return {
    libraryDir,
    backendRegistered: (name) => regByName(name) !== null,
    loadBackends: () => loadAllFromPath(libraryDir),
    modelDefaultParams: () => modelDefaultParams() as ModelParamsValue,
    contextDefaultParams: () => contextDefaultParams() as ContextParamsValue,
    loadModel: (path, params) => loadModel(path, params),
    freeModel: (model) => freeModel(model),
    initContext: (model, params) => initContext(model, params),
    freeContext: (context) => freeContext(context),
    contextSize: (context) => nCtx(context) as number,
    vocab: (model) => getVocab(model),
    modelInfo(model) {
      const text = Buffer.alloc(256);
      const n = modelDesc(model, text, text.length) as number;
      return {
        description: text.toString('utf8', 0, Math.max(0, Math.min(n, text.length - 1))),
        trainContextSize: modelTrainContext(model) as number,
        sizeBytes: Number(modelSize(model)),
      };
    },
    isEndOfGeneration: (vocab, token) => isEog(vocab, token) as boolean,
    tokenPiece: (vocab, token, out, special) => tokenToPiece(vocab, token, out, out.length, 0, special) as number,
    // Metadata only, as llama-bench does between repetitions: empty cells are masked out, so stale data is never read.
    // Clearing the data too memsets the whole KV buffer: 0.1-0.15 ms per query for the 20M model at 4096 tokens.
    clearMemory: (context) => memoryClear(getMemory(context), false),
    trimMemory: (context, fromPosition) => memorySeqRm(getMemory(context), 0, fromPosition, -1) as boolean,
    decode: (context, batch) => decode(context, batch) as number,
    vocabSize: (vocab) => nVocab(vocab) as number,
    lastLogits(context, vocabSize) {
      return new Float32Array(koffi.view(this.lastLogitsPointer(context), vocabSize * 4));
    },
    lastLogitsPointer(context) {
      const logits = logitsIth(context, -1);
      if (logits === null) throw new Error('llama.cpp returned no logits for the last token');
      return logits;
    },
    newThreadpool(threads) {
      // struct ggml_threadpool_params is 528 bytes (512-entry cpumask first); init fills it, so a larger buffer is safe.
      const params = Buffer.alloc(1024);
      threadpoolParamsInit(params, threads);
      const pool = koffi.call(cpuProc('ggml_threadpool_new'), threadpoolNewProto, params);
      if (pool === null) throw new Error(`could not create a ggml threadpool of size ${threads}`);
      return pool;
    },
    freeThreadpool: (pool) => koffi.call(cpuProc('ggml_threadpool_free'), threadpoolFreeProto, pool),
    attachThreadpool: (context, pool) => attachThreadpool(context, pool, pool),
    filterLogs(minLevel) {
      // The native build logs every load step to stderr by default; node-llama-cpp's copy is quieted by node-llama-cpp.
      // GGML_LOG_LEVEL_CONT (5) continues the previous line, so it follows that line's fate.
      let keep = false;
      const callback = koffi.register((level: number, text: string) => {
        if (level !== 5) keep = level >= minLevel;
        if (keep) process.stderr.write(text);
      }, koffi.pointer(LogCallback));
      logSet(callback, null);
    },
  };
}
