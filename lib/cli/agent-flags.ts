import {
  DEFAULT_AGENT_KV,
  DEFAULT_AGENT_PROTOCOL,
  DEFAULT_MAX_TASK_TOKENS,
  DEFAULT_MAX_TURN_TOKENS,
  DEFAULT_MAX_TURNS,
  DEFAULT_TOOL_TIMEOUT_MS,
  type AgentKvMode,
  type AgentProtocol,
} from '../agent/index.ts';
import type { AgentWorkloadOptions } from '../profile/index.ts';
import { parseReasoning, type ReasoningMode } from '../run/index.ts';
import { choiceFlag, numberFlag } from './command.ts';
import type { FlagSpec } from './flags.ts';

/** The agent loop's flags, shared by `ipw agent` and `ipw profile --workload agent`. */
export const AGENT_LOOP_FLAGS = {
  'agent-kv': {
    value: 'reuse|reprefill',
    help: 'agent tasks: keep the KV cache between turns (each turn prefills only what is new), or prefill the whole conversation every turn',
    default: DEFAULT_AGENT_KV,
  },
  'agent-protocol': {
    value: 'react|native',
    help: "agent tasks: how the model calls tools: the ReAct text protocol, or native tool calling (the chat template's function calls in-process, OpenAI tools on servers)",
    default: DEFAULT_AGENT_PROTOCOL,
  },
  'max-turns': { value: 'N', help: 'agent tasks: model turns per task', default: DEFAULT_MAX_TURNS },
  'max-task-tokens': { value: 'N', help: 'agent tasks: generated tokens per task, all turns together', default: DEFAULT_MAX_TASK_TOKENS },
  'max-turn-tokens': { value: 'N', help: 'agent tasks: generated tokens per turn', default: DEFAULT_MAX_TURN_TOKENS },
  'tool-timeout-ms': { value: 'MS', help: 'agent tasks: wall time a tool call may take', default: DEFAULT_TOOL_TIMEOUT_MS },
} as const satisfies Record<string, FlagSpec>;

/** `--reasoning`, shared by the commands that generate. */
export const REASONING_FLAG = {
  reasoning: { value: 'on|off|budget:N', help: "thinking of reasoning models (<think> blocks): on, off (an empty thinking block, enable_thinking=false), or at most N thinking tokens; unset: as the model's template does it" },
} as const satisfies Record<string, FlagSpec>;

function wholeFlag(value: string | undefined, name: string): number | undefined {
  const n = numberFlag(value, name);
  if (n !== undefined && !(Number.isInteger(n) && n >= 1)) throw new Error(`--${name} expects a whole number of at least 1, got "${value}"`);
  return n;
}

/** The agent loop's options from its flags. */
export function agentLoopFlags(values: Partial<Record<keyof typeof AGENT_LOOP_FLAGS, string>>): AgentWorkloadOptions {
  return {
    kv: choiceFlag<AgentKvMode>(values['agent-kv'], 'agent-kv', ['reuse', 'reprefill']),
    protocol: choiceFlag<AgentProtocol>(values['agent-protocol'], 'agent-protocol', ['react', 'native']),
    maxTurns: wholeFlag(values['max-turns'], 'max-turns'),
    maxTaskTokens: wholeFlag(values['max-task-tokens'], 'max-task-tokens'),
    maxTurnTokens: wholeFlag(values['max-turn-tokens'], 'max-turn-tokens'),
    toolTimeoutMs: wholeFlag(values['tool-timeout-ms'], 'tool-timeout-ms'),
  };
}

/** `--reasoning`'s value, checked (the library's error names the option; the CLI maps it to the flag). */
export function reasoningFlag(value: string | undefined): ReasoningMode | undefined {
  return value === undefined ? undefined : parseReasoning(value);
}
