/** lib/run: turns a prompt into a timed response, in-process (node-llama-cpp, the direct engine) or over HTTP. */
export type { ChatExchange, Generation, GenerationHooks, KvCacheMode, GenerationRequest, GenerationTimings, ModelDescription, ModelRunner, RequestAttempt, StopReason, ToolCall, ToolResult, ToolSpec } from './types.ts';
export { continuesAfterTools, parseToolArguments } from './tool-calls.ts';
export {
  DEFAULT_CONTEXT_SIZE,
  DEFAULT_ENGINE,
  DEFAULT_GPU,
  DEFAULT_GPU_LAYERS,
  DEFAULT_LIBRARY,
  DEFAULT_SEED,
  DEFAULT_SYSTEM_PROMPT,
  DEFAULT_TEMPLATE,
  type GpuChoice,
  type GpuLayersChoice,
  type LlamaEngineChoice,
  type LlamaLibraryChoice,
} from './llama.ts';
export {
  DEFAULT_API_KEY_ENV,
  DEFAULT_CONNECT_TIMEOUT_S,
  DEFAULT_FIRST_TOKEN_TIMEOUT_S,
  DEFAULT_IDLE_TIMEOUT_S,
  DEFAULT_MAX_RETRIES,
  DEFAULT_RETRY_DELAY_MS,
  pause,
} from './openai.ts';
export { openRunner, parseModelSpec, type ModelSpec, type RunnerOptions } from './model-spec.ts';
export { timingsOf } from './timings.ts';
export { assertGgufFile } from './gguf-check.ts';
export { checkRunnerOptions } from './options-check.ts';
export { addGeneration, emptyCpuAccount, sampleCpu, summarizeCpu, type CpuAccount, type CpuSample } from './cpu-time.ts';
export { startLlamaServer, type LlamaServerHandle, type LlamaServerOptions } from './llama-server.ts';
export { cachedLlamaTools, ensureLlamaTools, ipwCacheDir, type LlamaTools } from './llama-tools.ts';
export { parseReasoning, reasoningBudget, THINKING_OFF_PREFIX, type ReasoningMode } from './reasoning.ts';
