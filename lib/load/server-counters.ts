// The server's own books: its Prometheus counters (llama-server --metrics, vLLM's /metrics) read before and after the
// load window, compared with what the client counted.
import { parsePrometheusText, type PromDocument } from '../energy/index.ts';

/** Cumulative counters of a server; null where its exporter has no such counter. */
export interface ServerCounters {
  server: 'llama.cpp' | 'vllm';
  promptTokens: number;
  generatedTokens: number;
  /** Finished requests (vLLM's request_success_total); llama-server exports no request count. */
  requests: number | null;
  /** llama_decode() calls (llama-server only): with batching, fewer than the tokens decoded. */
  decodeCalls: number | null;
}

/** Sum of every sample of `name` (a counter split by labels adds up). */
function total(doc: PromDocument, name: string): number | null {
  const samples = doc.samples.filter((s) => s.name === name);
  return samples.length === 0 ? null : samples.reduce((sum, s) => sum + s.value, 0);
}

/** The counters a llama-server or vLLM exporter gives, or null when the text has neither's. Pure. */
export function serverCountersOf(doc: PromDocument): ServerCounters | null {
  const llamaPrompt = total(doc, 'llamacpp:prompt_tokens_total');
  const llamaPredicted = total(doc, 'llamacpp:tokens_predicted_total');
  if (llamaPrompt !== null && llamaPredicted !== null) {
    return { server: 'llama.cpp', promptTokens: llamaPrompt, generatedTokens: llamaPredicted, requests: null, decodeCalls: total(doc, 'llamacpp:n_decode_total') };
  }
  const vllmPrompt = total(doc, 'vllm:prompt_tokens_total');
  const vllmGenerated = total(doc, 'vllm:generation_tokens_total');
  if (vllmPrompt !== null && vllmGenerated !== null) {
    return { server: 'vllm', promptTokens: vllmPrompt, generatedTokens: vllmGenerated, requests: total(doc, 'vllm:request_success_total'), decodeCalls: null };
  }
  return null;
}

/** The server's counters now, or why they cannot be read (no `--metrics`, not a llama-server or vLLM exporter). */
export async function readServerCounters(metricsUrl: string): Promise<{ counters: ServerCounters } | { unavailable: string }> {
  let text: string;
  try {
    const response = await fetch(metricsUrl, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) return { unavailable: `${metricsUrl} answered ${response.status} ${response.statusText} (llama-server needs --metrics)` };
    text = await response.text();
  } catch (error) {
    return { unavailable: `${metricsUrl} could not be read: ${(error as Error).message}` };
  }
  let doc: PromDocument;
  try {
    doc = parsePrometheusText(text);
  } catch (error) {
    return { unavailable: `${metricsUrl} is not Prometheus text: ${(error as Error).message}` };
  }
  const counters = serverCountersOf(doc);
  return counters ? { counters } : { unavailable: `${metricsUrl} has neither llama-server's nor vLLM's token counters` };
}

/** Both sides' counts over the load window, side by side. */
export interface ServerBooks {
  exporter: ServerCounters['server'];
  metricsUrl: string;
  client: { requests: number; promptTokens: number; generatedTokens: number };
  server: { requests: number | null; promptTokens: number; generatedTokens: number; decodeCalls: number | null };
  /** True when every count the server has equals the client's. */
  agree: boolean;
}

/**
 * The server's counts over the window (after minus before) beside the client's: prompt and generated tokens of every
 * request that reached the server, and requests where the server counts them. Pure.
 */
export function compareBooks(
  metricsUrl: string,
  before: ServerCounters,
  after: ServerCounters,
  client: ServerBooks['client'],
): ServerBooks {
  const server = {
    requests: before.requests === null || after.requests === null ? null : after.requests - before.requests,
    promptTokens: after.promptTokens - before.promptTokens,
    generatedTokens: after.generatedTokens - before.generatedTokens,
    decodeCalls: before.decodeCalls === null || after.decodeCalls === null ? null : after.decodeCalls - before.decodeCalls,
  };
  const agree = server.promptTokens === client.promptTokens && server.generatedTokens === client.generatedTokens && (server.requests === null || server.requests === client.requests);
  return { exporter: after.server, metricsUrl, client, server, agree };
}
