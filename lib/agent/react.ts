/**
 * The ReAct text protocol: the prompt that teaches it, and a forgiving parser of what a model writes back.
 * Accepted replies:
 *   Thought: ... / Action: <tool> / Action Input: <JSON object or plain text>
 *   Thought: ... / Final Answer: <answer>
 *   Action: tool[plain input]                         (the ReAct paper's form)
 *   a JSON object, bare or in a ``` fence: {"action": "<tool>", "action_input": {...}} (also "tool"/"name" with
 *   "arguments"/"args"/"input"/"parameters"), or {"final_answer": "..."} / {"action": "Final Answer", "action_input": "..."}
 * Labels are case-insensitive and may be wrapped in markdown bold. Text after an `Observation:` the model invented
 * is dropped: only the tool writes observations.
 */
import { jsonValueAt } from '../grade/index.ts';
import type { AgentTool } from './tools.ts';

export type ParsedReply =
  | { kind: 'action'; thought: string; tool: string; input: unknown }
  | { kind: 'final'; thought: string; answer: string }
  | { kind: 'invalid'; thought: string; reason: string };

const LABEL = /^[ \t>*_#-]*(?:\*\*|__)?\s*(thought|action input|action|observation|final answer)\s*(?:\*\*|__)?\s*:(?:\*\*|__)?[ \t]*/gim;

function stripFence(text: string): string {
  const m = /^\s*```[\w-]*\s*\n?([\s\S]*?)\n?\s*```\s*$/.exec(text);
  return (m ? m[1]! : text).trim();
}

/** The first balanced {...} in text that parses as a JSON object, or undefined. */
export function firstJsonObject(text: string): Record<string, unknown> | undefined {
  for (let start = text.indexOf('{'); start !== -1; start = text.indexOf('{', start + 1)) {
    const value = jsonValueAt(text, start);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  }
  return undefined;
}

/** Parses an Action Input: a JSON value when it is one (object, string, number), else the plain text. */
function parseInput(raw: string): unknown {
  const text = stripFence(raw);
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    const obj = text.startsWith('{') ? firstJsonObject(text) : undefined;
    if (obj !== undefined) return obj;
    const quoted = /^(['"`])([\s\S]*)\1$/.exec(text);
    return quoted ? quoted[2] : text;
  }
}

function cleanToolName(raw: string): string {
  return raw.trim().split('\n')[0]!.trim().replace(/^[`'"*]+|[`'"*.:,;]+$/g, '').trim();
}

const IS_FINAL = /^final[ _-]?answer$/i;

/** A JSON action block, if the reply is (or contains) one. */
function parseJsonReply(text: string): ParsedReply | undefined {
  const obj = firstJsonObject(text);
  if (obj === undefined) return undefined;
  const thought = typeof obj.thought === 'string' ? obj.thought : '';
  for (const key of ['final_answer', 'finalAnswer', 'answer']) {
    if (key in obj && !('action' in obj) && !('tool' in obj)) return { kind: 'final', thought, answer: String(obj[key]).trim() };
  }
  const name = obj.action ?? obj.tool ?? obj.name ?? obj.tool_name;
  if (typeof name !== 'string') return undefined;
  const input = obj.action_input ?? obj.actionInput ?? obj.arguments ?? obj.args ?? obj.input ?? obj.parameters;
  if (IS_FINAL.test(name.trim())) return { kind: 'final', thought, answer: typeof input === 'string' ? input.trim() : JSON.stringify(input) };
  // OpenAI-style arguments arrive as a JSON string.
  const parsedInput = typeof input === 'string' && input.trim().startsWith('{') ? parseInput(input) : input;
  return { kind: 'action', thought, tool: cleanToolName(name), input: parsedInput };
}

/** Parses one model reply. Never throws: an unreadable reply is `invalid` with the reason, for the model to see. */
export function parseReply(reply: string): ParsedReply {
  // Drop a <think> block (reasoning models): grading and parsing read the answer part only.
  const text = reply.replace(/<think>[\s\S]*?<\/think>/gi, '').replace(/^[\s\S]*<\/think>/i, '');
  const labels = [...text.matchAll(LABEL)].map((m) => ({ name: m[1]!.toLowerCase(), start: m.index!, bodyStart: m.index! + m[0].length }));
  // Nothing after an invented Observation counts.
  const obs = labels.findIndex((l) => l.name === 'observation');
  const used = obs === -1 ? labels : labels.slice(0, obs);
  const endOf = (k: number): number => (k + 1 < labels.length ? labels[k + 1]!.start : text.length);
  const body = (k: number): string => text.slice(used[k]!.bodyStart, endOf(labels.indexOf(used[k]!))).trim();
  const thoughtIdx = used.findIndex((l) => l.name === 'thought');
  const firstLabel = used[0]?.start ?? (obs === -1 ? text.length : labels[obs]!.start);
  const thought = thoughtIdx !== -1 ? body(thoughtIdx) : text.slice(0, firstLabel).trim();

  const first = used.findIndex((l) => l.name === 'action' || l.name === 'final answer');
  if (first !== -1 && used[first]!.name === 'final answer') {
    const answer = body(first);
    if (answer === '') return { kind: 'invalid', thought, reason: 'the Final Answer is empty' };
    return { kind: 'final', thought, answer };
  }
  if (first !== -1) {
    const actionText = body(first);
    const paper = /^([\w.-]+)\s*\[([\s\S]*)\]\s*$/.exec(actionText);
    const inputIdx = used.findIndex((l, k) => k > first && l.name === 'action input');
    if (paper && inputIdx === -1) return { kind: 'action', thought, tool: paper[1]!, input: paper[2]!.trim() };
    if (actionText.startsWith('{') || actionText.startsWith('```')) {
      const json = parseJsonReply(actionText);
      if (json) return { ...json, thought: json.thought || thought };
    }
    const tool = cleanToolName(actionText);
    if (tool === '') return { kind: 'invalid', thought, reason: 'the Action names no tool' };
    if (IS_FINAL.test(tool)) {
      const answer = inputIdx === -1 ? '' : String(parseInput(body(inputIdx)) ?? '').trim();
      return answer === '' ? { kind: 'invalid', thought, reason: 'the Final Answer is empty' } : { kind: 'final', thought, answer };
    }
    return { kind: 'action', thought, tool, input: inputIdx === -1 ? undefined : parseInput(body(inputIdx)) };
  }
  const json = parseJsonReply(obs === -1 ? text : text.slice(0, labels[obs]!.start));
  if (json) return { ...json, thought: json.thought || (thoughtIdx !== -1 ? thought : text.slice(0, text.indexOf('{')).replace(/```[\w-]*\s*$/, '').trim()) };
  return { kind: 'invalid', thought, reason: 'the reply has neither an Action nor a Final Answer' };
}

/** The tool list as the model reads it. */
export function describeTools(tools: readonly AgentTool[]): string {
  return tools
    .map((t) => {
      const params = Object.entries(t.parameters)
        .map(([name, p]) => `${name} (${p.type}${p.required === false ? ', optional' : ''}): ${p.description}`)
        .join('; ');
      return `- ${t.name}: ${t.description}\n  arguments: ${params || 'none'}`;
    })
    .join('\n');
}

/**
 * The first user message of a task: instructions, tools and the task, ending with `Thought:` so the model continues
 * the protocol. Later turns are user messages of their own holding the observation (`observationMessage`), so the
 * conversation only grows and a kept KV cache covers all of it but the newest message.
 */
export function renderPrompt(task: string, tools: readonly AgentTool[]): string {
  return [
    'You solve the task below by using tools. Answer in exactly this format:',
    'Thought: what to do next',
    'Action: the tool name, one of [' + tools.map((t) => t.name).join(', ') + ']',
    'Action Input: the arguments as a JSON object',
    'Then stop and wait: the Observation (the tool result) will be given to you.',
    'When you know the answer, reply:',
    'Thought: I know the answer',
    'Final Answer: the answer only',
    '',
    'Tools:',
    describeTools(tools),
    '',
    `Task: ${task}`,
    '',
    'Thought:',
  ].join('\n');
}

/** The user message that answers a turn: the tool's observation (or why the reply could not be read). */
export function observationMessage(observation: string): string {
  return `Observation: ${observation}\n\nThought:`;
}
