/** lib/run: turns a prompt into a timed response, in-process (node-llama-cpp, the direct engine) or over HTTP. */
export type { Generation, GenerationHooks, GenerationRequest, GenerationTimings, ModelDescription, ModelRunner, RequestAttempt, StopReason } from './types.ts';
export { DEFAULT_SYSTEM_PROMPT, type GpuChoice, type LlamaEngineChoice, type LlamaLibraryChoice } from './llama.ts';
export { openRunner, parseModelSpec, type ModelSpec, type RunnerOptions } from './model-spec.ts';
export { timingsOf } from './timings.ts';
export { assertGgufFile } from './gguf-check.ts';
export { checkRunnerOptions } from './options-check.ts';
export { addGeneration, emptyCpuAccount, sampleCpu, summarizeCpu, type CpuAccount, type CpuSample } from './cpu-time.ts';
