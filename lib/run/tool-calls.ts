// Native tool calling, the parts every runner shares: where a conversation goes on after tool results without a user
// message, and how a call's arguments text is read.
import type { ChatExchange, GenerationRequest } from './types.ts';

/**
 * True when the exchange at `index` continues the model's turn after the tool results of the exchange before it: its
 * `user` is '' and that exchange has results. Then no user message is rendered for it. Pure.
 */
export function continuesAfterTools(history: readonly ChatExchange[], index: number): boolean {
  return index > 0 && history[index]!.user === '' && (history[index - 1]!.toolResults?.length ?? 0) > 0;
}

/** True when a request's `prompt` is '' right after an exchange with tool results: the model answers them. Pure. */
export function promptContinues(request: Pick<GenerationRequest, 'prompt' | 'history'>): boolean {
  const last = request.history?.at(-1);
  return request.prompt === '' && (last?.toolResults?.length ?? 0) > 0;
}

/** True when a request uses native tool calling: tools offered, or calls and results in its history. Pure. */
export function usesTools(request: Pick<GenerationRequest, 'tools' | 'history'>): boolean {
  return (request.tools?.length ?? 0) > 0 || (request.history ?? []).some((e) => (e.toolCalls?.length ?? 0) > 0 || (e.toolResults?.length ?? 0) > 0);
}

/** A call's arguments text as JSON; empty text is no arguments (`{}`); text that is not JSON stays the text. Pure. */
export function parseToolArguments(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A call's arguments as a JSON string, for a server: what the model wrote when known, else `arguments` encoded. Pure. */
export function argumentsText(call: { arguments: unknown; raw?: string }): string {
  if (call.raw !== undefined) return call.raw;
  return typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {});
}
