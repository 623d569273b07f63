/**
 * The native tool-calling protocol: the tools go to the runner as JSON-schema specs (`openai:` servers' `tools`, an
 * in-process chat template's function calling), the model's calls come back parsed in `Generation.toolCalls`, and a
 * reply without calls is the answer.
 */
import { performance } from 'node:perf_hooks';
import type { ChatExchange, Generation, ToolCall, ToolSpec } from '../run/index.ts';
import { callTool, type AgentTool, type ToolCallRecord } from './tools.ts';

/** A native reply: the calls it makes, or its answer, or why it is neither. `kind` as in the ReAct parser's. */
export type NativeReply = { kind: 'action'; calls: ToolCall[] } | { kind: 'final'; answer: string } | { kind: 'invalid'; reason: string };

/** The tools as the runner sends them: name, description and a JSON schema of the arguments object. Pure. */
export function toolSpecs(tools: readonly AgentTool[]): ToolSpec[] {
  return tools.map((tool) => {
    const params = Object.entries(tool.parameters);
    return {
      name: tool.name,
      description: tool.description,
      parameters: {
        type: 'object',
        properties: Object.fromEntries(params.map(([name, p]) => [name, { type: p.type, description: p.description }])),
        required: params.filter(([, p]) => p.required !== false).map(([name]) => name),
        additionalProperties: false,
      },
    };
  });
}

/** The first user message of a native task: the task and a short instruction; the tools travel beside it. */
export function renderNativePrompt(task: string): string {
  return `${task}\n\nUse the tools when they help. When you know the answer, reply with the answer only.`;
}

/** Reads a native reply: its calls if it made any, else its text without a `<think>` block as the answer. Pure. */
export function parseNativeReply(generation: Pick<Generation, 'response' | 'toolCalls'>): NativeReply {
  if (generation.toolCalls?.length) return { kind: 'action', calls: generation.toolCalls };
  const text = generation.response.replace(/<think>[\s\S]*?<\/think>/gi, '').replace(/^[\s\S]*<\/think>/i, '').trim();
  if (/<think>/i.test(text)) return { kind: 'invalid', reason: 'the reply ended inside its <think> block' };
  if (text === '') return { kind: 'invalid', reason: 'the reply is empty' };
  return { kind: 'final', answer: text };
}

/** Characters of an exchange the model reads again: the user message, the reply and the tool results. Pure. */
export function exchangeChars(exchange: ChatExchange): number {
  return exchange.user.length + exchange.model.length + (exchange.toolResults ?? []).reduce((n, r) => n + r.content.length, 0);
}

const SHOWN_ARGUMENT_CHARS = 200;

/**
 * Runs one native call and never throws. Arguments that are not a JSON object (text that did not parse, a bare
 * value) come back as a bad-input error without running the tool; an unknown tool, bad or missing arguments, an
 * exception or a timeout as `callTool` reports them.
 */
export async function callNativeTool(tools: readonly AgentTool[], call: ToolCall, options: { timeoutMs?: number } = {}): Promise<ToolCallRecord> {
  const args = call.arguments;
  const isObject = args !== null && typeof args === 'object' && !Array.isArray(args);
  if (isObject || !tools.some((t) => t.name === call.name)) return callTool(tools, call.name, args, options);
  const cpuStart = process.cpuUsage();
  const startMs = performance.now();
  const text = typeof args === 'string' ? args : JSON.stringify(args);
  const shown = text.length > SHOWN_ARGUMENT_CHARS ? `${text.slice(0, SHOWN_ARGUMENT_CHARS)}...` : text;
  const observation = `Error: the arguments of ${call.name} must be a JSON object, got: ${shown}`;
  const endMs = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  return { tool: call.name, input: args, ok: false, observation, failure: 'bad-input', startMs, endMs, wallMs: endMs - startMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}
