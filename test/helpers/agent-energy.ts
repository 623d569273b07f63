import { expect } from 'vitest';
import type { AgentRun } from '../../lib/agent/index.ts';

/**
 * A run's energy windows on an energy session: every turn has energy and splits into prefill + decode, every tool call
 * lies between the turns around it, and turns + tool calls + gaps cover the task window exactly once, in joules and in
 * milliseconds (conservation).
 */
export function expectAgentEnergyConserved(run: AgentRun): void {
  for (const t of run.turns) {
    expect(t.energyJ).toBeGreaterThan(0);
    expect(t.prefillEnergyJ + t.decodeEnergyJ).toBeCloseTo(t.energyJ, 9);
  }
  for (const call of run.toolCalls) {
    const before = run.turns.find((t) => t.turn === call.turn)!;
    const after = run.turns.find((t) => t.turn === call.turn + 1);
    expect(call.startMs).toBeGreaterThanOrEqual(before.endMs);
    if (after) expect(call.endMs).toBeLessThanOrEqual(after.startMs);
    expect(Number.isFinite(call.energyJ) && call.energyJ >= 0).toBe(true);
  }
  expect(run.gapsEnergyJ).toBeGreaterThanOrEqual(0);
  expect(Math.abs(run.turnsEnergyJ + run.toolsEnergyJ + run.gapsEnergyJ - run.energyJ)).toBeLessThan(1e-6);
  const spansMs = run.turns.reduce((s, t) => s + t.endMs - t.startMs, 0) + run.toolCalls.reduce((s, c) => s + c.wallMs, 0);
  expect(spansMs + run.gapsMs).toBeCloseTo(run.durationMs, 6);
}
