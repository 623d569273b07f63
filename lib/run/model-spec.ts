import { OptionError } from '../errors/index.ts';
import { openLlamaRunner, type LlamaRunnerOptions } from './llama.ts';
import { assertNoCredentials, openOpenAIRunner, type OpenAIRunnerOptions } from './openai.ts';
import { checkRunnerOptions } from './options-check.ts';
import type { ModelRunner } from './types.ts';

export type ModelSpec = { kind: 'gguf'; path: string } | { kind: 'openai'; baseUrl: string; model: string };

/** Parses the `model` option: a GGUF path, or `openai:URL#model`. A URL that carries credentials is refused without echoing them. */
export function parseModelSpec(spec: string): ModelSpec {
  if (!spec.startsWith('openai:')) return { kind: 'gguf', path: spec };
  const rest = spec.slice('openai:'.length);
  assertNoCredentials(rest);
  const hash = rest.lastIndexOf('#');
  if (hash <= 0 || hash === rest.length - 1) {
    throw new OptionError('model', 'invalid', `model ${spec}: name the served model after "#", e.g. openai:http://127.0.0.1:8080#qwen2.5-0.5b`);
  }
  return { kind: 'openai', baseUrl: rest.slice(0, hash), model: rest.slice(hash + 1) };
}

export type RunnerOptions = LlamaRunnerOptions & OpenAIRunnerOptions;

export function openRunner(spec: string | ModelSpec, options: RunnerOptions = {}): Promise<ModelRunner> {
  const parsed = typeof spec === 'string' ? parseModelSpec(spec) : spec;
  checkRunnerOptions(options);
  return parsed.kind === 'gguf' ? openLlamaRunner(parsed.path, options) : openOpenAIRunner(parsed.baseUrl, parsed.model, options);
}
