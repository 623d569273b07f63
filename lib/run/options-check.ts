import { availableParallelism } from 'node:os';
import { OptionError } from '../errors/index.ts';
import type { LlamaRunnerOptions } from './llama.ts';
import type { OpenAIRunnerOptions } from './openai.ts';

/** setTimeout fires at once past 2^31-1 ms (about 24.8 days), so timeouts stop well short of that. */
const MAX_TIMEOUT_S = 86_400;
const MAX_RETRIES = 10;
/** More layers than any model has: a typo, not a request for every layer (that is 'max'). */
const MAX_GPU_LAYERS = 10_000;

function wholeNumber(name: string, value: number | undefined, min: number, max: number, why: string): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new OptionError(name, 'invalid', `${name} must be a whole number from ${min} to ${max}${why}; got ${value}`);
  }
}

function positiveSeconds(name: string, value: number | undefined): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value <= 0 || value > MAX_TIMEOUT_S) {
    throw new OptionError(name, 'invalid', `${name} must be a number of seconds above 0 and at most ${MAX_TIMEOUT_S}; got ${value}`);
  }
}

/**
 * Checks the runner options that need no model or server, so a bad value fails before anything loads (llama.cpp
 * crashes on 0 or negative threads). Messages name the option. `cpuCount` is injectable for tests.
 */
export function checkRunnerOptions(options: LlamaRunnerOptions & OpenAIRunnerOptions, cpuCount = availableParallelism()): void {
  wholeNumber('threads', options.threads, 1, cpuCount, ` (this machine's logical CPUs: more only slows llama.cpp down)`);
  wholeNumber('contextSize', options.contextSize, 1, 2 ** 24, ' tokens');
  wholeNumber('sequences', options.sequences, 1, 256, '');
  const layers = options.gpuLayers;
  if (layers !== undefined && layers !== 'max' && layers !== 'auto' && !(typeof layers === 'number' && Number.isInteger(layers) && layers >= 0 && layers <= MAX_GPU_LAYERS)) {
    throw new OptionError('gpuLayers', 'invalid', `gpuLayers must be a whole number from 0 to ${MAX_GPU_LAYERS}, 'max' or 'auto'; got ${JSON.stringify(layers)}`);
  }
  positiveSeconds('connectTimeoutS', options.connectTimeoutS);
  positiveSeconds('firstTokenTimeoutS', options.firstTokenTimeoutS);
  positiveSeconds('idleTimeoutS', options.idleTimeoutS);
  wholeNumber('maxRetries', options.maxRetries, 0, MAX_RETRIES, '');
  if (options.retryDelayMs !== undefined && (!Number.isFinite(options.retryDelayMs) || options.retryDelayMs < 0 || options.retryDelayMs > MAX_TIMEOUT_S * 1000)) {
    throw new OptionError('retryDelayMs', 'invalid', `retryDelayMs must be a number of milliseconds from 0 to ${MAX_TIMEOUT_S * 1000}; got ${options.retryDelayMs}`);
  }
  if (options.apiKeyEnv !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.apiKeyEnv)) {
    throw new OptionError('apiKeyEnv', 'invalid', `apiKeyEnv must be the name of an environment variable (letters, digits and _), such as OPENAI_API_KEY; the value given is not one (it is not repeated here, in case it is the key itself)`);
  }
}
