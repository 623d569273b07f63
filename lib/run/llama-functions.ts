// Native tool calling in-process: node-llama-cpp's chat wrappers define a function-call syntax (ChatML and most others:
// `||call: name({...})`, then `\n||result: ...\n`; Qwen: `<tool_call>` blocks; Llama 3.1: `<function=name>`). The
// tool list is rendered as the wrapper renders its available functions, the reply is generated as any other, and the
// calls are read out of the reply text with the wrapper's own prefix, params prefix and suffix. Calls and results go
// back into the model's turn as the wrapper's function-call history items.
import type { ChatHistoryItem, ChatModelFunctionCall, ChatModelFunctions, ChatModelResponse } from 'node-llama-cpp';
import type { ChatWrapper, PromptFormat } from './llama-types.ts';
import { continuesAfterTools, parseToolArguments, promptContinues } from './tool-calls.ts';
import type { ChatExchange, GenerationRequest, ToolCall, ToolSpec } from './types.ts';

type WrapperText = ChatWrapper['settings']['functions']['call']['prefix'];

/** The text of a wrapper setting (a string or a LlamaText), special-token texts included, special tokens left out. */
export function plainText(value: WrapperText | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  const json = value.toJSON();
  return (Array.isArray(json) ? json : [json]).map((part) => (typeof part === 'string' ? part : part.type === 'specialTokensText' ? part.value : '')).join('');
}

const NAME = '{{functionName}}';

/** The tool list as node-llama-cpp's available functions (a JSON schema per tool's params). Pure. */
export function functionsOf(tools: readonly ToolSpec[] | undefined): ChatModelFunctions | undefined {
  if (tools === undefined || tools.length === 0) return undefined;
  return Object.fromEntries(tools.map((t) => [t.name, { description: t.description, params: t.parameters as NonNullable<ChatModelFunctions[string]['params']> }]));
}

/** Where tool calls may start in a reply: after a closed `<think>` block; nowhere inside an unclosed one. Pure. */
function afterThinking(text: string): number {
  const close = text.lastIndexOf('</think>');
  if (close !== -1) return close + '</think>'.length;
  return text.includes('<think>') ? text.length : 0;
}

/**
 * The calls a reply makes in the wrapper's syntax, in order, each with its text (`raw`) and an id `call_<n>`. A call
 * whose parameters are not JSON (or that the token limit cut) keeps its parameter text as `arguments`. Pure.
 */
export function parseFunctionCalls(wrapper: ChatWrapper, text: string): ToolCall[] {
  const call = wrapper.settings.functions.call;
  const prefixes = [plainText(call.prefix), ...(call.prefixAlternateMatches ?? []).map((p) => plainText(p))].filter((p) => p.trim() !== '');
  const calls: ToolCall[] = [];
  let at = afterThinking(text);
  for (;;) {
    // The earliest prefix; at one position the longest ("||call: " before "||call:").
    let start = -1;
    let prefix = '';
    for (const p of prefixes) {
      const k = text.indexOf(p, at);
      if (k !== -1 && (start === -1 || k < start || (k === start && p.length > prefix.length))) [start, prefix] = [k, p];
    }
    if (start === -1) break;
    const nameMatch = /^\s*([\w.-]*)/.exec(text.slice(start + prefix.length))!;
    const name = nameMatch[1]!;
    let paramsStart = start + prefix.length + nameMatch[0].length;
    const paramsPrefix = plainText(call.paramsPrefix).replaceAll(NAME, name);
    if (text.startsWith(paramsPrefix, paramsStart)) paramsStart += paramsPrefix.length;
    const suffix = plainText(call.suffix).replaceAll(NAME, name);
    // The first suffix after parameters that parse as JSON; else the first suffix; else the end (a cut reply).
    let end = -1;
    let args: unknown;
    for (let k = suffix === '' ? -1 : text.indexOf(suffix, paramsStart); k !== -1; k = text.indexOf(suffix, k + 1)) {
      const parsed = parseToolArguments(text.slice(paramsStart, k));
      if (typeof parsed !== 'string') [end, args] = [k, parsed];
      if (end !== -1) break;
    }
    if (end === -1) {
      const first = suffix === '' ? -1 : text.indexOf(suffix, paramsStart);
      end = first === -1 ? text.length : first;
      args = parseToolArguments(text.slice(paramsStart, end).trim());
    }
    const callEnd = end === text.length ? end : end + suffix.length;
    calls.push({ id: `call_${calls.length + 1}`, name, arguments: args, raw: text.slice(start, callEnd) });
    at = callEnd;
  }
  return calls;
}

/** The text a model writes when it starts a tool result itself, so generation stops there: its calls are done. */
export function functionResultStopText(wrapper: ChatWrapper): string {
  const prefix = plainText(wrapper.settings.functions.result.prefix);
  const k = prefix.indexOf('{{');
  return (k === -1 ? prefix : prefix.slice(0, k)).trim();
}

/** The model's part of an exchange as chat-history response items: its text, and each call with its result. */
function responseOf(exchange: ChatExchange): ChatModelResponse['response'] {
  const calls = exchange.toolCalls ?? [];
  if (calls.length === 0) return [exchange.model];
  const resultOf = (call: ToolCall) => exchange.toolResults?.find((r) => r.id === call.id)?.content;
  const item = (call: ToolCall, k: number, rawCall: string | undefined): ChatModelFunctionCall => ({
    type: 'functionCall',
    name: call.name,
    params: call.arguments,
    result: resultOf(call),
    startsNewChunk: k === 0,
    ...(rawCall === undefined ? {} : { rawCall }),
  });
  const text = exchange.model;
  // Calls found in the text replay as written, with the text around them; otherwise the text, then the calls.
  const items: ChatModelResponse['response'] = [];
  let from = 0;
  let searchAt = afterThinking(text);
  calls.forEach((call, k) => {
    const at = call.raw === undefined ? -1 : text.indexOf(call.raw, searchAt);
    if (at === -1) {
      items.push(item(call, k, undefined));
      return;
    }
    const before = text.slice(from, at);
    if (before.trim() !== '' || (k === 0 && before !== '')) items.push(before);
    items.push(item(call, k, call.raw));
    from = searchAt = at + call.raw!.length;
  });
  if (from === 0) return text === '' ? items : [text, ...items];
  const rest = text.slice(from);
  if (rest.trim() !== '') items.push(rest);
  return items;
}

/**
 * The chat history node-llama-cpp renders for a request: the system prompt, each exchange (calls and results inside the
 * model's turn), the user message, and the reply's prefix in the model's turn. An exchange or prompt that goes on after
 * tool results extends the model's turn before it instead of opening a new one. Pure.
 */
export function chatHistoryOf(format: PromptFormat, parts: Pick<GenerationRequest, 'prompt' | 'history' | 'replyPrefix'>): ChatHistoryItem[] {
  const wrapper = format.chatWrapper!;
  const history = parts.history ?? [];
  const items: ChatHistoryItem[] = [...wrapper.generateInitialChatHistory({ systemPrompt: format.systemPrompt })];
  let turn: ChatModelResponse = { type: 'model', response: [] };
  history.forEach((exchange, k) => {
    if (!continuesAfterTools(history, k)) {
      turn = { type: 'model', response: [] };
      items.push({ type: 'user', text: exchange.user }, turn);
    }
    turn.response.push(...responseOf(exchange));
  });
  if (!promptContinues(parts)) {
    turn = { type: 'model', response: [] };
    items.push({ type: 'user', text: parts.prompt }, turn);
  }
  if (parts.replyPrefix) turn.response.push(parts.replyPrefix);
  return items;
}
