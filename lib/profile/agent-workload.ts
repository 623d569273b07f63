// The agent workload of profile(): each task runs through lib/agent's loop; its answer, grade and task window become
// one results row, and its turns and tool calls the agent tables' rows. Pure mapping, beside the loop in profile.ts.
import { DEFAULT_AGENT_KV, DEFAULT_AGENT_PROTOCOL, type AgentKvMode, type AgentProtocol, type AgentTask, type AgentTaskResult, type AgentTool } from '../agent/index.ts';
import type { Grade } from '../grade/index.ts';
import type { Query } from '../queries/index.ts';
import type { Generation, StopReason } from '../run/index.ts';
import type { AgentTaskRecord } from '../store/index.ts';

/** What profile() does with each item of its query set. */
export type Workload = 'queries' | 'agent';
/** The `workload` option's default. */
export const DEFAULT_WORKLOAD: Workload = 'queries';

/** The agent loop's limits and tools for `workload: 'agent'`; each default is lib/agent's (DEFAULT_MAX_TURNS, ...). */
export interface AgentWorkloadOptions {
  maxTurns?: number;
  maxTaskTokens?: number;
  maxTurnTokens?: number;
  toolTimeoutMs?: number;
  /** KV cache between turns (lib/agent's DEFAULT_AGENT_KV). */
  kv?: AgentKvMode;
  /** How the model calls tools (lib/agent's DEFAULT_AGENT_PROTOCOL). */
  protocol?: AgentProtocol;
  /** Tools beside the built-in ones (calculator, search, workspace). */
  tools?: readonly AgentTool[];
}

/** A task as the query the run's identity, warm-up and summaries know. */
export function taskQuery(task: AgentTask): Query {
  return { id: task.id, prompt: task.prompt, domain: task.domain, answer: task.answer, grader: task.grader };
}

const OUTCOME_STOP: Record<AgentTaskResult['outcome'], StopReason> = {
  answered: 'eos',
  'turn-limit': 'max_tokens',
  'token-budget': 'max_tokens',
  'model-error': 'error',
  aborted: 'abort',
};

/**
 * The task as one generation, for the results row: the Final Answer, summed tokens, the task window, and the first
 * turn's first token as its first token (so prefill is the time to the first token; decode, the rest of the task, tool
 * calls included). Per-turn timings are in the agent tables.
 */
export function taskGeneration(result: AgentTaskResult): Generation {
  const firstTokenMs = result.turns.find((t) => !Number.isNaN(t.firstTokenMs))?.firstTokenMs;
  return {
    response: result.answer ?? '',
    stopReason: OUTCOME_STOP[result.outcome],
    promptTokens: result.promptTokens,
    completionTokens: result.completionTokens,
    startMs: result.startMs,
    tokenTimesMs: firstTokenMs === undefined ? [] : [firstTokenMs],
    endMs: result.endMs,
    ...(result.error === null ? {} : { error: result.error }),
  };
}

/** The task's grade as the results row keeps it: correct only when the answer is and every expected file is in place. */
export function taskGrade(result: AgentTaskResult): Grade {
  if (result.outcome === 'model-error') return { ...result.grade, correct: false, status: 'error', rule: 'not-run', verdict: result.error ?? 'the model could not generate' };
  if (result.fileMismatches.length === 0) return result.grade;
  return { ...result.grade, correct: false, verdict: `${result.grade.verdict}; workspace files differ from the expected: ${result.fileMismatches.join(', ')}` };
}

/** The agent tables' rows of one task. */
export function agentRecord(runId: string, result: AgentTaskResult, agent: AgentWorkloadOptions): AgentTaskRecord {
  const queryId = result.taskId;
  return {
    task: {
      runId,
      queryId,
      domain: result.domain,
      outcome: result.outcome,
      turns: result.turns.length,
      toolCalls: result.toolCalls.length,
      fileMismatches: result.fileMismatches.join(','),
      kvCache: agent.kv ?? DEFAULT_AGENT_KV,
      protocol: agent.protocol ?? DEFAULT_AGENT_PROTOCOL,
      energyJ: result.energyJ,
      turnsEnergyJ: result.turnsEnergyJ,
      toolsEnergyJ: result.toolsEnergyJ,
      gapsEnergyJ: result.gapsEnergyJ,
      gapsMs: result.gapsMs,
      clockStartMs: result.startMs,
      clockEndMs: result.endMs,
    },
    turns: result.turns.map((t) => ({
      runId,
      queryId,
      turn: t.turn,
      parsed: t.parsed,
      stopReason: t.stopReason,
      promptTokens: t.promptTokens,
      // A server that does not say what it cached: every token counted as evaluated.
      prefilledTokens: t.promptTokens - (Number.isNaN(t.cachedPromptTokens) ? 0 : t.cachedPromptTokens),
      completionTokens: t.completionTokens,
      reasoningTokens: t.reasoningTokens,
      clockStartMs: t.startMs,
      clockFirstTokenMs: t.firstTokenMs,
      clockEndMs: t.endMs,
      prefillMs: t.prefillMs,
      decodeMs: t.decodeMs,
      energyJ: t.energyJ,
      prefillEnergyJ: t.prefillEnergyJ,
      decodeEnergyJ: t.decodeEnergyJ,
    })),
    toolCalls: result.toolCalls.map((c) => ({
      runId,
      queryId,
      turn: c.turn,
      tool: c.tool,
      input: JSON.stringify(c.input ?? null),
      ok: c.ok,
      failure: c.failure,
      observationChars: c.observation.length,
      wallMs: c.wallMs,
      cpuMs: c.cpuMs,
      clockStartMs: c.startMs,
      clockEndMs: c.endMs,
      energyJ: c.energyJ,
    })),
  };
}
