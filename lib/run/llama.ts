import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { StopReason } from '../store/types.ts';
import { chooseThreads, type ThreadChoice } from './auto-threads.ts';
import { assertGgufFile } from './gguf-check.ts';
import type { Generation, GenerationHooks, GenerationRequest, ModelRunner } from './types.ts';

type NodeLlamaCpp = typeof import('node-llama-cpp');
type Llama = Awaited<ReturnType<NodeLlamaCpp['getLlama']>>;
type LlamaModel = Awaited<ReturnType<Llama['loadModel']>>;
type ChatWrapper = NonNullable<ReturnType<NodeLlamaCpp['resolveChatWrapper']>>;

export type GpuChoice = 'auto' | false | 'cuda' | 'vulkan' | 'metal';

export interface LlamaRunnerOptions {
  /** GPU backend; `false` forces the CPU. */
  gpu?: GpuChoice;
  /** CPU threads for evaluation. Unset: chosen by a short decode probe at load, cached per model and host. */
  threads?: number;
  contextSize?: number;
  /** A node-llama-cpp chat wrapper name ("auto" reads the GGUF's template), or "raw" for plain completion. */
  template?: string;
  systemPrompt?: string;
  seed?: number;
}

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

function stopReasonOf(reason: string): StopReason {
  if (reason === 'maxTokens') return 'max_tokens';
  if (reason === 'abort') return 'abort';
  return 'eos';
}

/** Loads a GGUF model in-process with node-llama-cpp and runs one query at a time on a fresh context history. */
export async function openLlamaRunner(modelPath: string, options: LlamaRunnerOptions = {}): Promise<ModelRunner> {
  await assertGgufFile(modelPath);
  const lib = await import('node-llama-cpp');
  const gpu = options.gpu ?? 'auto';
  const llama = await getSharedLlama(gpu);
  let model: LlamaModel;
  try {
    model = await llama.loadModel({ modelPath });
  } catch (error) {
    throw new Error(
      `could not load model ${modelPath}: ${(error as Error).message}. The file may be truncated or corrupt; ` +
        `check its size and SHA-256 against the source, or download it again.`,
    );
  }
  const onGpu = llama.gpu !== false && model.gpuLayers > 0;
  let threadChoice: ThreadChoice;
  if (options.threads !== undefined) threadChoice = { threads: options.threads, source: 'explicit', probes: [] };
  else if (onGpu) threadChoice = { threads: defaultThreadCount(), source: 'gpu-default', probes: [] };
  else threadChoice = await chooseThreads(model, modelPath);
  const threads = threadChoice.threads;
  const context = await model.createContext({ threads, contextSize: options.contextSize ?? 4096 });
  const sequence = context.getSequence();
  const templateName = options.template ?? 'auto';
  const systemPrompt = options.systemPrompt ?? DEFAULT_SYSTEM_PROMPT;
  const seed = options.seed ?? 0;

  let chatWrapper: ChatWrapper | undefined;
  if (templateName !== 'raw') {
    const names: readonly string[] = lib.resolvableChatWrapperTypeNames;
    if (!names.includes(templateName)) {
      throw new Error(`unknown chat template "${templateName}". Use raw, or one of: ${names.join(', ')}.`);
    }
    chatWrapper = lib.resolveChatWrapper(model, { type: templateName as (typeof lib.resolvableChatWrapperTypeNames)[number] });
  }
  const accelerator = llama.gpu === false || model.gpuLayers === 0 ? 'cpu' : llama.gpu;

  async function evaluate(request: GenerationRequest, onToken: (tokens: readonly unknown[]) => void) {
    const common = { maxTokens: request.maxTokens, temperature: 0, seed, signal: request.signal, stopOnAbortSignal: true, onToken };
    if (chatWrapper === undefined) {
      const completion = new lib.LlamaCompletion({ contextSequence: sequence });
      const result = await completion.generateCompletionWithMeta(request.prompt, common);
      return { response: result.response, stopReason: result.metadata.stopReason };
    }
    const session = new lib.LlamaChatSession({ contextSequence: sequence, systemPrompt, chatWrapper, autoDisposeSequence: false });
    try {
      const result = await session.promptWithMeta(request.prompt, common);
      return { response: result.responseText, stopReason: result.stopReason };
    } finally {
      session.dispose({ disposeSequence: false });
    }
  }

  return {
    description: {
      name: basename(modelPath).replace(/\.gguf$/i, ''),
      kind: 'gguf',
      location: modelPath,
      accelerator,
      chatTemplate: chatWrapper === undefined ? 'raw' : chatWrapper.wrapperName,
      details: {
        architecture: model.fileInfo.metadata.general.architecture,
        typeDescription: model.typeDescription,
        sizeBytes: model.size,
        trainContextSize: model.trainContextSize,
        contextSize: context.contextSize,
        gpu: llama.gpu,
        gpuLayers: model.gpuLayers,
        threads,
        threadChoice: { ...threadChoice },
        // Only a value set before Node started takes effect (bin/ipw.js sets it); recorded because it changes decode speed.
        uvThreadpoolSize: process.env.UV_THREADPOOL_SIZE ?? null,
        buildType: llama.buildType,
        systemPrompt: chatWrapper === undefined ? null : systemPrompt,
        seed,
      },
    },

    async generate(request: GenerationRequest, hooks: GenerationHooks = {}): Promise<Generation> {
      // Each query starts from an empty KV cache, so no query's prefill depends on the one before it.
      await sequence.clearHistory();
      const meterBefore = sequence.tokenMeter.getState();
      const tokenTimesMs: number[] = [];
      const startMs = performance.now();
      const result = await evaluate(request, (tokens) => {
        const nowMs = performance.now();
        if (tokenTimesMs.length === 0) hooks.onFirstToken?.(nowMs);
        for (let i = 0; i < tokens.length; i++) tokenTimesMs.push(nowMs);
      });
      const endMs = performance.now();
      const usage = sequence.tokenMeter.diff(meterBefore);
      return {
        response: result.response,
        stopReason: stopReasonOf(result.stopReason),
        promptTokens: usage.usedInputTokens,
        completionTokens: usage.usedOutputTokens,
        startMs,
        tokenTimesMs,
        endMs,
      };
    },

    async close() {
      await context.dispose();
      await model.dispose();
    },
  };
}
