import type { AgentTaskRecord, QueryResult } from '../../lib/store/index.ts';
import { ROW_TRACE_AND_SPAN } from './result-row.ts';

/** The run id hand-built agent rows carry unless told otherwise. */
export const AGENT_RUN_ID = 'agent-run';

/** A task with `turns` turns, a calculator call after every turn but the last; `energyJ` sets the task's joules. */
export function agentRecord(queryId: string, options: { runId?: string; turns?: number; energyJ?: number; kvCache?: string; domain?: string } = {}): AgentTaskRecord {
  const runId = options.runId ?? AGENT_RUN_ID;
  const n = options.turns ?? 2;
  const turns = Array.from({ length: n }, (_, i) => ({
    runId, queryId, turn: i + 1, parsed: i + 1 < n ? 'action' : 'final', stopReason: 'eos' as const,
    promptTokens: 50 + 30 * i, prefilledTokens: options.kvCache === 'reuse' && i > 0 ? 30 : 50 + 30 * i, completionTokens: 10, reasoningTokens: 0,
    clockStartMs: 1000 + 100 * i, clockFirstTokenMs: 1020 + 100 * i, clockEndMs: 1060 + 100 * i,
    prefillMs: 20, decodeMs: 40, energyJ: 0.5 * (i + 1), prefillEnergyJ: 0.2 * (i + 1), decodeEnergyJ: 0.3 * (i + 1),
  }));
  const toolCalls = Array.from({ length: n - 1 }, (_, i) => ({
    runId, queryId, turn: i + 1, tool: 'calculator', input: '{"expression":"2^10"}', ok: true, failure: null,
    observationChars: 4, wallMs: 5, cpuMs: 4, clockStartMs: 1065 + 100 * i, clockEndMs: 1070 + 100 * i, energyJ: 0.05,
  }));
  return {
    task: {
      runId, queryId, domain: options.domain ?? 'arithmetic', outcome: 'answered', turns: n, toolCalls: n - 1, fileMismatches: '',
      kvCache: options.kvCache ?? 'reprefill', protocol: 'react', energyJ: options.energyJ ?? 2, turnsEnergyJ: 1.5, toolsEnergyJ: 0.05 * (n - 1), gapsEnergyJ: 0.45,
      gapsMs: 12, clockStartMs: 990, clockEndMs: 1000 + 100 * n,
    },
    turns,
    toolCalls,
  };
}


/** The task's row of results.parquet, as profile writes it for an agent task: its answer, grade and the task window's energy. */
export function taskResult(record: AgentTaskRecord, index: number, overrides: Partial<QueryResult> = {}): QueryResult {
  const { task, turns } = record;
  const durationMs = task.clockEndMs - task.clockStartMs;
  return {
    runId: task.runId, queryId: task.queryId, index, domain: task.domain, model: 'agent-model', accelerator: 'cpu', grader: 'numeric',
    startedAt: '2026-01-01T00:00:00.000Z', response: 'Final Answer: 1024', stopReason: 'eos',
    promptTokens: turns.reduce((sum, t) => sum + t.promptTokens, 0), completionTokens: turns.reduce((sum, t) => sum + t.completionTokens, 0),
    ttftMs: 20, prefillMs: 20, decodeMs: 40, decodeTokensPerS: 250, interTokenMs: [], reference: '1024', pred: '1024', correct: true,
    gradeStatus: 'answered', gradeRule: 'numeric', verdict: '', energyJ: task.energyJ, prefillEnergyJ: NaN, decodeEnergyJ: NaN,
    meanPowerW: (task.energyJ / durationMs) * 1000, durationMs, energySource: 'estimated', energyMethod: 'CPU time x 10 W', energyIsEstimate: true,
    netEnergyJ: NaN, prefillNetEnergyJ: NaN, decodeNetEnergyJ: NaN, idlePowerW: NaN, energyMeasure: 'model', energyFlags: '',
    ...ROW_TRACE_AND_SPAN, clockStartMs: task.clockStartMs, clockEndMs: task.clockEndMs, energyDomain: 'estimated:process-cpu',
    ...overrides,
  };
}
