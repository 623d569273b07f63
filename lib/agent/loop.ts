import { performance } from 'node:perf_hooks';
import type { EnergySession } from '../energy/index.ts';
import { OptionError } from '../errors/index.ts';
import { timingsOf, type ChatExchange, type GenerationRequest, type KvCacheMode, type ModelRunner, type ReasoningMode, type StopReason, type ToolResult } from '../run/index.ts';
import { callNativeTool, exchangeChars, parseNativeReply, renderNativePrompt, toolSpecs, type NativeReply } from './native.ts';
import { observationMessage, parseReply, renderPrompt, type ParsedReply } from './react.ts';
import { callTool, DEFAULT_TOOL_TIMEOUT_MS, type AgentTool, type ToolCallRecord } from './tools.ts';

/** Model turns per task when `maxTurns` is not given. Default 8. */
export const DEFAULT_MAX_TURNS = 8;
/** Generated tokens per task, all turns together, when `maxTaskTokens` is not given. Default 2048. */
export const DEFAULT_MAX_TASK_TOKENS = 2048;
/** Generated tokens per turn when `maxTurnTokens` is not given. Default 256. */
export const DEFAULT_MAX_TURN_TOKENS = 256;
/** Characters of a tool's output the model sees when `maxObservationChars` is not given. Default 2000. */
export const DEFAULT_MAX_OBSERVATION_CHARS = 2000;

/**
 * How each turn meets the conversation so far: `reuse` keeps the KV cache between turns, so a turn prefills only the
 * tokens past what the cache holds (the newest observation, the template's markers); `reprefill` evaluates the whole
 * conversation every turn. The energy difference is itself a finding.
 */
export type AgentKvMode = 'reuse' | 'reprefill';
/** The `kv` option's default. */
export const DEFAULT_AGENT_KV: AgentKvMode = 'reuse';

/**
 * How the model calls tools: `react`, the ReAct text protocol (Thought / Action / Action Input / Final Answer in the
 * reply text; any model); `native`, the runner's own tool calling (`openai:` servers' `tools` and `tool_calls`, an
 * in-process chat template's function-call syntax), where a reply without calls is the answer.
 */
export type AgentProtocol = 'react' | 'native';
/** The `protocol` option's default. */
export const DEFAULT_AGENT_PROTOCOL: AgentProtocol = 'react';

export interface AgentLoopOptions {
  runner: ModelRunner;
  tools: readonly AgentTool[];
  /** Default 'react' (DEFAULT_AGENT_PROTOCOL). */
  protocol?: AgentProtocol;
  /** Default 'reuse' (DEFAULT_AGENT_KV). */
  kv?: AgentKvMode;
  /** Thinking of reasoning models on every turn (lib/run's ReasoningMode). Default: as the template does it. */
  reasoning?: ReasoningMode;
  /** Samples energy for the per-turn, per-tool and per-task windows; without one every energy figure is NaN. */
  energy?: EnergySession;
  /** Model turns before the task stops unanswered. Default 8 (DEFAULT_MAX_TURNS). */
  maxTurns?: number;
  /** Generated tokens per task, all turns together (the token budget). Default 2048 (DEFAULT_MAX_TASK_TOKENS). */
  maxTaskTokens?: number;
  /** Generated tokens per turn; a turn gets the smaller of this and what is left of the budget. Default 256 (DEFAULT_MAX_TURN_TOKENS). */
  maxTurnTokens?: number;
  /** Wall time a tool call may take. Default 10000 (DEFAULT_TOOL_TIMEOUT_MS). */
  toolTimeoutMs?: number;
  /** Longest observation the model sees; longer tool output is cut with a note. Default 2000 (DEFAULT_MAX_OBSERVATION_CHARS). */
  maxObservationChars?: number;
  signal?: AbortSignal;
}

/** Where the energy figures of a task come from; null figures (NaN) carry `unavailableReason` instead. */
export interface AgentEnergyInfo {
  source: string;
  method: string;
  isEstimate: boolean;
  /** The primary domains joined with '+', as on result rows. */
  domain: string;
}

/** A tool call with its energy window. */
export interface AgentToolCall extends ToolCallRecord {
  turn: number;
  /** Gross joules of the primary domains over [startMs, endMs]; NaN without energy. */
  energyJ: number;
}

/** One model turn: its generation's timing and tokens, the parsed reply, and its energy windows. */
export interface AgentTurn {
  turn: number;
  response: string;
  parsed: ParsedReply['kind'];
  /** Why the reply was unreadable, when `parsed` is 'invalid'. */
  parseError: string | null;
  stopReason: StopReason;
  /** Tokens of the whole conversation this turn. */
  promptTokens: number;
  /** Of those, the tokens taken from the KV cache, not evaluated (`kv: 'reuse'`); NaN where a server does not say. */
  cachedPromptTokens: number;
  completionTokens: number;
  /** Generated tokens up to and including the one that closed a `<think>` block; 0 without one. */
  reasoningTokens: number;
  promptChars: number;
  /** `performance.now()` ms: the generation's start, first token (NaN without one) and end. */
  startMs: number;
  firstTokenMs: number;
  endMs: number;
  prefillMs: number;
  decodeMs: number;
  /** Gross joules over the turn, its prefill [start, first token] and decode [first token, end]; NaN without energy. */
  energyJ: number;
  prefillEnergyJ: number;
  decodeEnergyJ: number;
}

export type AgentOutcome = 'answered' | 'turn-limit' | 'token-budget' | 'model-error' | 'aborted';

/** A task's run through the loop: the answer, every turn and tool call, and the energy of the parts and the whole. */
export interface AgentRun {
  outcome: AgentOutcome;
  /** The Final Answer, or null when the task ended without one. */
  answer: string | null;
  /** What stopped the model, when `outcome` is 'model-error'. */
  error: string | null;
  turns: AgentTurn[];
  toolCalls: AgentToolCall[];
  promptTokens: number;
  completionTokens: number;
  /** The task window on `performance.now()`: from before the first turn to after the last step. */
  startMs: number;
  endMs: number;
  durationMs: number;
  /** Gross joules of the task window, and of its parts: turns, tool calls, and the gaps between them (the harness). */
  energyJ: number;
  turnsEnergyJ: number;
  toolsEnergyJ: number;
  gapsEnergyJ: number;
  /** The task window's energy minus idle power x duration; NaN without an idle baseline. */
  netEnergyJ: number;
  gapsMs: number;
  energy: AgentEnergyInfo | null;
  /** Why there are no energy figures, when `energy` is null. */
  energyUnavailableReason: string | null;
}

function checkPositive(name: string, value: number): number {
  if (!(Number.isInteger(value) && value >= 1)) throw new OptionError(name, 'invalid', `${name} must be a whole number of at least 1, got ${value}`);
  return value;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n[output cut: ${text.length - max} more characters]`;
}

/**
 * Runs one task through the loop as a conversation (the ReAct protocol, or the runner's native tool calling with
 * `protocol: 'native'`): each turn sends the conversation so far, parses the reply,
 * runs the tool it asks for and answers with the observation as the next user message, until a Final Answer, the turn limit or the token budget. Tool failures and
 * unreadable replies become observations; a model failure ends the task ('model-error') without throwing.
 */
export async function runAgent(task: string, options: AgentLoopOptions): Promise<AgentRun> {
  const maxTurns = checkPositive('maxTurns', options.maxTurns ?? DEFAULT_MAX_TURNS);
  const maxTaskTokens = checkPositive('maxTaskTokens', options.maxTaskTokens ?? DEFAULT_MAX_TASK_TOKENS);
  const maxTurnTokens = checkPositive('maxTurnTokens', options.maxTurnTokens ?? DEFAULT_MAX_TURN_TOKENS);
  const maxObservationChars = checkPositive('maxObservationChars', options.maxObservationChars ?? DEFAULT_MAX_OBSERVATION_CHARS);
  const toolTimeoutMs = options.toolTimeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS;
  const { runner, tools, energy, signal } = options;
  const kvCache: KvCacheMode = (options.kv ?? DEFAULT_AGENT_KV) === 'reuse' ? 'reuse' : 'clear';

  const history: ChatExchange[] = [];
  const native = (options.protocol ?? DEFAULT_AGENT_PROTOCOL) === 'native';
  const specs = native ? toolSpecs(tools) : undefined;
  let message = native ? renderNativePrompt(task) : renderPrompt(task, tools);
  const turns: AgentTurn[] = [];
  const toolCalls: AgentToolCall[] = [];
  let outcome: AgentOutcome | undefined;
  let answer: string | null = null;
  let error: string | null = null;
  let generated = 0;
  const startMs = energy ? await energy.markSettled() : performance.now();

  for (let turn = 1; outcome === undefined; turn++) {
    if (signal?.aborted) outcome = 'aborted';
    else if (turn > maxTurns) outcome = 'turn-limit';
    else if (generated >= maxTaskTokens) outcome = 'token-budget';
    if (outcome !== undefined) break;

    const maxTokens = Math.min(maxTurnTokens, maxTaskTokens - generated);
    if (energy) await energy.markSettled();
    // A task starts from an empty cache, so its energy does not depend on the task before it; its later turns reuse it.
    const request: GenerationRequest = {
      prompt: message,
      history: [...history],
      ...(specs ? { tools: specs } : {}),
      kvCache: turn === 1 ? 'clear' : kvCache,
      reasoning: options.reasoning,
      maxTokens,
      signal,
      queryId: `turn ${turn}`,
    };
    const generation = await runner.generate(request, { onFirstToken: () => energy?.mark() });
    energy?.mark();
    generated += generation.completionTokens;
    const parsed: ParsedReply | NativeReply =
      generation.stopReason === 'error' ? { kind: 'invalid', thought: '', reason: 'generation failed' } : native ? parseNativeReply(generation) : parseReply(generation.response);
    const t = timingsOf(generation);
    turns.push({
      turn,
      response: generation.response,
      parsed: parsed.kind,
      parseError: parsed.kind === 'invalid' ? parsed.reason : null,
      stopReason: generation.stopReason,
      promptTokens: generation.promptTokens,
      cachedPromptTokens: generation.cachedPromptTokens ?? NaN,
      completionTokens: generation.completionTokens,
      reasoningTokens: generation.reasoning?.tokens ?? 0,
      promptChars: history.reduce((n, e) => n + exchangeChars(e), message.length),
      startMs: generation.startMs,
      firstTokenMs: generation.tokenTimesMs[0] ?? NaN,
      endMs: generation.endMs,
      prefillMs: t.prefillMs,
      decodeMs: t.decodeMs,
      energyJ: NaN,
      prefillEnergyJ: NaN,
      decodeEnergyJ: NaN,
    });

    if (generation.stopReason === 'abort') {
      outcome = 'aborted';
    } else if (generation.stopReason === 'error') {
      outcome = 'model-error';
      error = generation.error ?? 'the model could not generate';
    } else if (parsed.kind === 'final') {
      outcome = 'answered';
      answer = parsed.answer;
    } else if ('calls' in parsed) {
      // Native calls: each runs in order with its own window; the exchange carries the calls and their results, and
      // the next turn goes on after them with no user message.
      const results: ToolResult[] = [];
      for (const call of parsed.calls) {
        const record = await callNativeTool(tools, call, { timeoutMs: toolTimeoutMs });
        toolCalls.push({ ...record, turn, energyJ: NaN });
        results.push({ id: call.id, name: call.name, content: truncate(record.observation, maxObservationChars) });
      }
      history.push({ user: message, model: generation.response, toolCalls: parsed.calls, toolResults: results });
      message = '';
    } else if (native && parsed.kind === 'invalid') {
      history.push({ user: message, model: generation.response });
      const cut = generation.stopReason === 'max_tokens' ? ' (the reply was cut at the token limit: keep it shorter)' : '';
      message = `Error: ${parsed.reason}${cut}. Call one of the tools, or reply with the answer.`;
    } else {
      history.push({ user: message, model: generation.response });
      if (parsed.kind === 'action') {
        const call = await callTool(tools, parsed.tool, parsed.input, { timeoutMs: toolTimeoutMs });
        toolCalls.push({ ...call, turn, energyJ: NaN });
        message = observationMessage(truncate(call.observation, maxObservationChars));
      } else {
        const cut = generation.stopReason === 'max_tokens' ? ' (the reply was cut at the token limit: keep it shorter)' : '';
        message = observationMessage(`Error: ${parsed.reason}${cut}. Reply with "Action:" and "Action Input:" lines, or with "Final Answer:".`);
      }
    }
  }

  const endMs = energy ? energy.mark() : performance.now();
  const run: AgentRun = {
    outcome,
    answer,
    error,
    turns,
    toolCalls,
    promptTokens: turns.reduce((s, t) => s + t.promptTokens, 0),
    completionTokens: generated,
    startMs,
    endMs,
    durationMs: endMs - startMs,
    energyJ: NaN,
    turnsEnergyJ: NaN,
    toolsEnergyJ: NaN,
    gapsEnergyJ: NaN,
    netEnergyJ: NaN,
    gapsMs: 0,
    energy: null,
    energyUnavailableReason: energy ? null : 'no energy session was given (energy option)',
  };
  const gaps = gapsOf(startMs, endMs, [...turns, ...toolCalls]);
  run.gapsMs = gaps.reduce((s, [a, b]) => s + (b - a), 0);
  if (energy) await attributeEnergy(energy, run, gaps);
  return run;
}

/** The parts of [startMs, endMs] that no span covers, in order. Spans are sequential (a turn, then its tool call). */
export function gapsOf(startMs: number, endMs: number, spans: readonly { startMs: number; endMs: number }[]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a.startMs - b.startMs);
  const gaps: [number, number][] = [];
  let at = startMs;
  for (const s of sorted) {
    if (s.startMs > at) gaps.push([at, s.startMs]);
    at = Math.max(at, s.endMs);
  }
  if (endMs > at) gaps.push([at, endMs]);
  return gaps;
}

/** Fills every energy figure of a finished run from the session's trace (one settle, after the task). */
async function attributeEnergy(energy: EnergySession, run: AgentRun, gaps: readonly [number, number][]): Promise<void> {
  const { sampler } = energy;
  await sampler.settle(run.endMs);
  const joules = (a: number, b: number): number => sampler.window(a, b).energyJ;
  for (const t of run.turns) {
    t.energyJ = joules(t.startMs, t.endMs);
    const split = Number.isNaN(t.firstTokenMs) ? t.endMs : t.firstTokenMs;
    t.prefillEnergyJ = joules(t.startMs, split);
    t.decodeEnergyJ = joules(split, t.endMs);
  }
  for (const c of run.toolCalls) c.energyJ = joules(c.startMs, c.endMs);
  const total = sampler.window(run.startMs, run.endMs, energy.idlePowerW);
  run.energyJ = total.energyJ;
  run.netEnergyJ = total.netEnergyJ;
  run.turnsEnergyJ = run.turns.reduce((s, t) => s + t.energyJ, 0);
  run.toolsEnergyJ = run.toolCalls.reduce((s, c) => s + c.energyJ, 0);
  run.gapsEnergyJ = gaps.reduce((s, [a, b]) => s + joules(a, b), 0);
  const info = sampler.info;
  run.energy = { source: info.name, method: info.method, isEstimate: info.isEstimate, domain: info.primaryDomains.join('+') };
}
