export type { Generation, GenerationHooks, GenerationRequest, GenerationTimings, ModelDescription, ModelRunner, ServerTimings } from './types.ts';
export { DEFAULT_SYSTEM_PROMPT, defaultThreadCount, openLlamaRunner, type GpuChoice, type LlamaEngineChoice, type LlamaLibraryChoice, type LlamaRunnerOptions } from './llama.ts';
export { apiRoot, openOpenAIRunner, type OpenAIRunnerOptions } from './openai.ts';
export { openRunner, parseModelSpec, type ModelSpec, type RunnerOptions } from './model-spec.ts';
export { timingsOf } from './timings.ts';
export { assertGgufFile } from './gguf-check.ts';
export { addGeneration, emptyCpuAccount, roleOf, sampleCpu, summarizeCpu, type CpuAccount, type CpuSample, type ThreadRole } from './cpu-time.ts';
