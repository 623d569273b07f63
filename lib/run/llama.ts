import { availableParallelism } from 'node:os';
import { OptionError } from '../errors/index.ts';
import { basename } from 'node:path';
import { cachedThreads, chooseThreads, type ThreadChoice } from './auto-threads.ts';
import { builtNativeHelpers, DirectEngine, loadedLlamaLibraries, nativeLlamaLibraries, type LlamaLibraryFiles } from './direct/index.ts';
import { assertGgufFile } from './gguf-check.ts';
import { checkRunnerOptions } from './options-check.ts';
import { directGenerator, directProbe } from './llama-direct.ts';
import { cachedLlamaTools, LIBRARY_PREFIX } from './llama-tools.ts';
import { batchedGenerator, sessionGenerator, sessionProbe } from './llama-session.ts';
import type { ChatWrapper, Llama, LlamaModel, PromptFormat } from './llama-types.ts';
import { generateWithReasoning } from './reasoning.ts';
import type { Generation, GenerationHooks, GenerationRequest, ModelRunner } from './types.ts';

export type GpuChoice = 'auto' | false | 'cuda' | 'vulkan' | 'metal';

/**
 * Who runs the generation loop. `direct`: llama.cpp called over FFI from a worker thread with a persistent threadpool
 * (CPU only; as fast as llama.cpp's own tools). `node-llama-cpp`: its own session loop (GPUs, or where direct cannot
 * bind). `auto`: direct on the CPU where it can, else node-llama-cpp.
 */
export type LlamaEngineChoice = 'auto' | 'direct' | 'node-llama-cpp';

/**
 * Which llama.cpp build the direct engine runs. `native`: the one `npm run build:llama-tools` compiles for this CPU,
 * the same files llama-bench and llama-server use. `prebuilt`: node-llama-cpp's (a generic CPU variant picked at run
 * time). `auto`: native when it has been built, else prebuilt.
 */
export type LlamaLibraryChoice = 'auto' | 'native' | 'prebuilt';

/** The `gpu` option's default: node-llama-cpp picks the backend it finds. */
export const DEFAULT_GPU: GpuChoice = 'auto';
/** The `engine` option's default: direct on the CPU where it can bind, else node-llama-cpp. */
export const DEFAULT_ENGINE: LlamaEngineChoice = 'auto';
/** The `library` option's default: native when it has been built, else prebuilt. */
export const DEFAULT_LIBRARY: LlamaLibraryChoice = 'auto';
/** The `template` option's default: the chat template the GGUF carries. */
export const DEFAULT_TEMPLATE = 'auto';
/** Tokens of context per query when `contextSize` is not given. */
export const DEFAULT_CONTEXT_SIZE = 4096;
/** The `seed` option's default. */
export const DEFAULT_SEED = 0;

/** Layers offloaded to the GPU: a count, every layer (`max`), or node-llama-cpp's fit to free VRAM (`auto`). */
export type GpuLayersChoice = number | 'max' | 'auto';
/** The `gpuLayers` option's default: node-llama-cpp chooses. */
export const DEFAULT_GPU_LAYERS: GpuLayersChoice = 'auto';

export interface LlamaRunnerOptions {
  /** GPU backend; `false` forces the CPU. Default 'auto' (DEFAULT_GPU). */
  gpu?: GpuChoice;
  /**
   * Layers offloaded to the GPU: a number, 'max', or 'auto' (node-llama-cpp's choice). Ignored on the CPU (gpu: false
   * or no GPU): then 0. The runner's details record the value asked for (`gpuLayersRequested`) and the layers
   * actually offloaded (`gpuLayers`). Default 'auto' (DEFAULT_GPU_LAYERS).
   */
  gpuLayers?: GpuLayersChoice;
  /**
   * CPU threads for evaluation, 1 to this machine's logical CPU count. Unset: chosen by a short decode probe at load,
   * cached per model and host.
   */
  threads?: number;
  /**
   * Tokens of context per query: the prompt must fit, and generation stops when prompt plus reply fill it. Default 4096
   * (DEFAULT_CONTEXT_SIZE).
   */
  contextSize?: number;
  /**
   * A node-llama-cpp chat wrapper name ("auto" reads the GGUF's template), or "raw" for plain completion. Default 'auto'
   * (DEFAULT_TEMPLATE).
   */
  template?: string;
  /** Default DEFAULT_SYSTEM_PROMPT. */
  systemPrompt?: string;
  /** Default 0 (DEFAULT_SEED). */
  seed?: number;
  /** Who runs the generation loop. Default 'auto' (DEFAULT_ENGINE). */
  engine?: LlamaEngineChoice;
  /** Which llama.cpp build the direct engine runs. Default 'auto' (DEFAULT_LIBRARY). */
  library?: LlamaLibraryChoice;
  /**
   * Queries generated at once: concurrent `generate()` calls (a load test makes them) each take a sequence of one
   * context, and node-llama-cpp evaluates the busy sequences in one batch. Above 1 the node-llama-cpp engine runs (the
   * direct engine has one sequence). Default 1.
   */
  sequences?: number;
}

/** The `systemPrompt` option's default. */
export const DEFAULT_SYSTEM_PROMPT = 'You are a helpful assistant. Answer concisely.';

/** A static fallback for callers that need a number without loading a model; runs probe instead (auto-threads.ts). */
export function defaultThreadCount(): number {
  // node-llama-cpp's own default oversubscribes small machines and collapses decode speed (see shared FACTS).
  return Math.max(1, Math.floor(availableParallelism() / 2));
}

let llamaPromise: Promise<Llama> | undefined;
let llamaGpu: GpuChoice | undefined;

async function getSharedLlama(gpu: GpuChoice): Promise<Llama> {
  if (llamaPromise === undefined || llamaGpu !== gpu) {
    const { getLlama, LlamaLogLevel } = await import('node-llama-cpp');
    llamaGpu = gpu;
    // maxThreads only caps what contexts may ask for; every context names its own count.
    llamaPromise = getLlama({ gpu, maxThreads: availableParallelism(), logLevel: LlamaLogLevel.error, build: 'never' });
  }
  const llama = await llamaPromise;
  // A shared instance made earlier with a lower cap would silently clamp this run's threads.
  if (llama.maxThreads < availableParallelism()) llama.maxThreads = availableParallelism();
  return llama;
}

const CORRUPT_HINT = 'The file may be truncated or corrupt; check its size and SHA-256 against the source, or download it again.';

async function loadModel(llama: Llama, modelPath: string, vocabOnly: boolean, gpuLayers: GpuLayersChoice): Promise<LlamaModel> {
  try {
    // Only a GPU backend takes a layer count; on the CPU every layer stays there.
    return await llama.loadModel({ modelPath, vocabOnly, ...(llama.gpu !== false && !vocabOnly ? { gpuLayers } : {}) });
  } catch (error) {
    throw new Error(`could not load model ${modelPath}: ${(error as Error).message}. ${CORRUPT_HINT}`);
  }
}

function resolveFormat(lib: typeof import('node-llama-cpp'), model: LlamaModel, templateName: string): ChatWrapper | undefined {
  if (templateName === 'raw') return undefined;
  const names: readonly string[] = lib.resolvableChatWrapperTypeNames;
  if (!names.includes(templateName)) {
    throw new OptionError('template', 'invalid', `unknown chat template "${templateName}". Use raw, or one of: ${names.join(', ')}.`);
  }
  return lib.resolveChatWrapper(model, { type: templateName as (typeof lib.resolvableChatWrapperTypeNames)[number] });
}

function directLibrary(choice: LlamaLibraryChoice): { kind: 'native' | 'prebuilt'; files: LlamaLibraryFiles } | null {
  if (choice !== 'prebuilt') {
    const tools = cachedLlamaTools();
    const files = tools === undefined ? null : nativeLlamaLibraries(tools.libraryDir, LIBRARY_PREFIX);
    if (files !== null) return { kind: 'native', files };
    if (choice === 'native') throw new OptionError('library', 'unavailable', "library: 'native' needs a native llama.cpp build, and there is none yet: run `npm run build:llama-tools` (6-9 min on 2 cores), or use library: 'prebuilt'");
  }
  const files = loadedLlamaLibraries();
  return files === null ? null : { kind: 'prebuilt', files };
}

/** Loads a GGUF model in-process with node-llama-cpp and runs one query at a time on a fresh context history. */
export async function openLlamaRunner(modelPath: string, options: LlamaRunnerOptions = {}): Promise<ModelRunner> {
  checkRunnerOptions(options);
  await assertGgufFile(modelPath);
  const lib = await import('node-llama-cpp');
  const gpu = options.gpu ?? DEFAULT_GPU;
  const llama = await getSharedLlama(gpu);
  const sequences = options.sequences ?? 1;
  if (sequences > 1 && options.engine === 'direct') {
    throw new OptionError('engine', 'conflict', `engine: 'direct' runs one sequence; sequences: ${sequences} needs engine: 'node-llama-cpp' (or leave engine unset)`);
  }
  const engineChoice = sequences > 1 ? 'node-llama-cpp' : (options.engine ?? DEFAULT_ENGINE);
  const library = llama.gpu === false && engineChoice !== 'node-llama-cpp' ? directLibrary(options.library ?? DEFAULT_LIBRARY) : null;
  const files = library?.files ?? null;
  if (engineChoice === 'direct' && files === null) {
    throw llama.gpu !== false
      ? new OptionError('engine', 'conflict', "engine: 'direct' runs on the CPU only; use gpu: false, or engine: 'node-llama-cpp' for GPU offload")
      : new OptionError(
          'engine',
          'unavailable',
          "engine: 'direct' could not find the llama.cpp libraries node-llama-cpp loaded (it reads /proc/self/maps, Linux only); use engine: 'node-llama-cpp'",
        );
  }
  // With the direct engine, node-llama-cpp only tokenizes and formats prompts: the vocabulary is all it loads.
  const gpuLayersRequested = options.gpuLayers ?? DEFAULT_GPU_LAYERS;
  const model = await loadModel(llama, modelPath, files !== null, gpuLayersRequested);
  const onGpu = llama.gpu !== false && model.gpuLayers > 0;
  const format: PromptFormat = { chatWrapper: resolveFormat(lib, model, options.template ?? DEFAULT_TEMPLATE), systemPrompt: options.systemPrompt ?? DEFAULT_SYSTEM_PROMPT };
  const seed = options.seed ?? DEFAULT_SEED;
  const contextSize = options.contextSize ?? DEFAULT_CONTEXT_SIZE;

  let generate: (request: GenerationRequest, hooks?: GenerationHooks) => Promise<Generation>;
  let threadChoice: ThreadChoice;
  let engineName: string;
  let closeEngine: () => Promise<void>;
  let directDetails: Record<string, string> = {};
  let contextTokens: number;
  // node-llama-cpp's vocabulary-only load knows neither the weights' type nor the training context.
  let modelFacts: { typeDescription: string; sizeBytes: number; trainContextSize: number } = {
    typeDescription: model.typeDescription,
    sizeBytes: model.size,
    trainContextSize: model.trainContextSize,
  };
  if (files !== null) {
    engineName = 'direct';
    const native = library!.kind === 'native';
    const threadsKey = `direct|${files.libraryDir}`;
    // Starting at the cached count spares a second context (and its allocations) before the first query.
    const startThreads = options.threads ?? cachedThreads(modelPath, threadsKey)?.threads ?? 1;
    const engine = await DirectEngine.start({
      files,
      modelPath,
      threads: startThreads,
      contextSize,
      ownLogging: native,
      helpersLibrary: native ? builtNativeHelpers(files.libraryDir) : undefined,
    }).catch(async (error: unknown) => {
      await model.dispose();
      throw new Error(`${(error as Error).message}. ${CORRUPT_HINT}`);
    });
    if (options.threads !== undefined) threadChoice = { threads: options.threads, source: 'explicit', probes: [] };
    else threadChoice = await chooseThreads(modelPath, threadsKey, directProbe(engine, model));
    if (engine.threads !== threadChoice.threads) await engine.setThreads(threadChoice.threads);
    generate = directGenerator(engine, model, format);
    contextTokens = engine.contextSize;
    modelFacts = { typeDescription: engine.model.description, sizeBytes: engine.model.sizeBytes, trainContextSize: engine.model.trainContextSize };
    closeEngine = () => engine.close();
    directDetails = { llamaLibrary: library!.kind, libraryDir: files.libraryDir, threadpool: 'persistent', argmax: engine.argmax };
  } else {
    engineName = 'node-llama-cpp';
    if (options.threads !== undefined) threadChoice = { threads: options.threads, source: 'explicit', probes: [] };
    else if (onGpu) threadChoice = { threads: defaultThreadCount(), source: 'gpu-default', probes: [] };
    else threadChoice = await chooseThreads(modelPath, engineName, sessionProbe(model));
    const context = await model.createContext({ threads: threadChoice.threads, contextSize, sequences });
    generate = sequences > 1 ? batchedGenerator(lib, context, format, seed, model, sequences) : sessionGenerator(lib, context, format, seed, model);
    contextTokens = context.contextSize;
    closeEngine = () => context.dispose();
  }
  const threads = threadChoice.threads;
  const accelerator = onGpu ? String(llama.gpu) : 'cpu';

  return {
    description: {
      name: basename(modelPath).replace(/\.gguf$/i, ''),
      kind: 'gguf',
      location: modelPath,
      accelerator,
      chatTemplate: format.chatWrapper === undefined ? 'raw' : format.chatWrapper.wrapperName,
      details: {
        architecture: model.fileInfo.metadata.general.architecture,
        ...modelFacts,
        contextSize: contextTokens,
        engine: engineName,
        ...directDetails,
        gpu: llama.gpu,
        gpuLayersRequested,
        // Layers actually offloaded: 0 on the CPU, whatever was requested.
        gpuLayers: llama.gpu === false ? 0 : model.gpuLayers,
        threads,
        threadChoice: { ...threadChoice },
        sequences,
        // Only a value set before Node started takes effect (bin/ipw.js sets it); recorded because it changes decode speed.
        uvThreadpoolSize: process.env.UV_THREADPOOL_SIZE ?? null,
        buildType: llama.buildType,
        systemPrompt: format.chatWrapper === undefined ? null : format.systemPrompt,
        seed,
      },
    },

    generate: (request, hooks) => generateWithReasoning(generate, request, hooks),

    async close() {
      await closeEngine();
      await model.dispose();
    },
  };
}
