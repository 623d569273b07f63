import { DEFAULT_API_KEY_ENV, DEFAULT_CONNECT_TIMEOUT_S, DEFAULT_FIRST_TOKEN_TIMEOUT_S, DEFAULT_IDLE_TIMEOUT_S, DEFAULT_MAX_RETRIES } from '../run/index.ts';
import { numberFlag } from './command.ts';
import type { FlagSpec } from './flags.ts';

/** The flags of an OpenAI-compatible server's client, shared by `profile` and `load`: parsed and documented from this table. */
export const SERVER_FLAGS = {
  'api-key-env': { value: 'NAME', help: "environment variable holding an openai: server's API key", default: DEFAULT_API_KEY_ENV },
  'connect-timeout-s': { value: 'S', help: 'seconds to connect to an openai: server', default: DEFAULT_CONNECT_TIMEOUT_S },
  'first-token-timeout-s': { value: 'S', help: 'seconds from a request to its first token', default: DEFAULT_FIRST_TOKEN_TIMEOUT_S },
  'idle-timeout-s': { value: 'S', help: 'seconds an openai: server may stay silent once tokens flow', default: DEFAULT_IDLE_TIMEOUT_S },
  retries: { value: 'N', help: 'retries of a request answered 429 or 5xx before its first token', default: DEFAULT_MAX_RETRIES },
} as const satisfies Record<string, FlagSpec>;

type ServerFlagValues = { [K in keyof typeof SERVER_FLAGS]?: string };

/** The client options those flags set (lib/run's OpenAIRunnerOptions names). */
export function serverFlags(values: ServerFlagValues) {
  return {
    apiKeyEnv: values['api-key-env'],
    connectTimeoutS: numberFlag(values['connect-timeout-s'], 'connect-timeout-s'),
    firstTokenTimeoutS: numberFlag(values['first-token-timeout-s'], 'first-token-timeout-s'),
    idleTimeoutS: numberFlag(values['idle-timeout-s'], 'idle-timeout-s'),
    maxRetries: numberFlag(values.retries, 'retries'),
  };
}
