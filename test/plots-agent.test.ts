// Agent plots: a task's timeline over its power trace, energy per turn by KV mode, and reasoning on against off.
import { describe, expect, it } from 'vitest';
import { summarize } from '../lib/metrics/index.ts';
import {
  energyPerTurn, reasoningOnOff, taskTimeline, type ReasoningPlotRow, type TimelineToolCall, type TimelineTurn, type TurnEnergyPlotRow,
} from '../lib/plots/index.ts';
import type { BarTrace, ScatterTrace } from '../lib/plots/types.ts';

const scatter = (trace: unknown) => trace as ScatterTrace;
const bar = (trace: unknown) => trace as BarTrace;

// Turn 1: 1000-1100 ms, first token at 1040; the calculator 1110-1130; turn 2: 1150-1300; a failed read 1310-1320;
// turn 3 generated nothing (no first token) 1330-1360.
const TURNS: TimelineTurn[] = [
  { turn: 2, clockStartMs: 1150, clockFirstTokenMs: 1200, clockEndMs: 1300 },
  { turn: 1, clockStartMs: 1000, clockFirstTokenMs: 1040, clockEndMs: 1100 },
  { turn: 3, clockStartMs: 1330, clockFirstTokenMs: NaN, clockEndMs: 1360 },
];
const CALLS: TimelineToolCall[] = [
  { turn: 1, tool: 'calculator', ok: true, clockStartMs: 1110, clockEndMs: 1130 },
  { turn: 2, tool: 'read_file', ok: false, clockStartMs: 1310, clockEndMs: 1320 },
];
// A RAPL-like counter every 20 ms from 0 to 2000 ms: 10 W before 1200 ms, 30 W after.
const TIME_MS = Array.from({ length: 101 }, (_, i) => i * 20);
const COUNTER_J = TIME_MS.map((t) => (Math.min(t, 1200) * 10 + Math.max(0, t - 1200) * 30) / 1000);
const RAPL = { timeMs: TIME_MS, powerW: TIME_MS.map(() => NaN), energyJ: COUNTER_J, source: 'rapl', isEstimate: false, method: 'energy-counter', domain: 'rapl:package-0' };

describe('taskTimeline', () => {
  it('draws each turn as prefill then decode, each tool call, labels above, and the power over the task from the counter', () => {
    const fig = taskTimeline(RAPL, TURNS, CALLS);
    const shapes = fig.layout.shapes ?? [];
    const spans = (name: string) => shapes.filter((s) => s.name === name).map((s) => [s.x0, s.x1]);
    // Seconds from the first turn's start, in time order.
    expect(spans('turn: prefill')).toEqual([[0, 0.04], [0.15, 0.2], [0.33, 0.36]]);
    expect(spans('turn: decode')).toEqual([[0.04, 0.1], [0.2, 0.3]]);
    expect(spans('tool call')).toEqual([[0.11, 0.13]]);
    expect(spans('tool call (failed)')).toEqual([[0.31, 0.32]]);
    expect(shapes.find((s) => s.name === 'tool call (failed)')?.fillcolor).toBe('#d62728');
    // One legend entry per kind of span.
    expect(shapes.filter((s) => s.showlegend).map((s) => s.name)).toEqual(['turn: prefill', 'turn: decode', 'tool call', 'tool call (failed)']);
    const labels = fig.layout.annotations ?? [];
    expect(labels.map((a) => a.text)).toEqual(['T1', 'T2', 'T3', 'calculator', 'read_file']);
    // Labels sit over the middle of their span, in plot fractions of the fixed x range.
    const [x0, x1] = fig.layout.xaxis!.range!;
    expect(labels[0]!.x * (x1 - x0) + x0).toBeCloseTo(0.05, 9);
    const power = scatter(fig.data[0]);
    // Only the samples around the task (1000-1360 ms, with a small margin), in seconds from its start.
    expect(Math.min(...(power.x as number[]))).toBeGreaterThanOrEqual(x0);
    expect(Math.max(...(power.x as number[]))).toBeLessThanOrEqual(x1);
    const at = (s: number) => power.y[(power.x as number[]).findIndex((x) => Math.abs(x - s) < 1e-9)];
    expect(at(0.1)).toBeCloseTo(10, 9);
    expect(at(0.3)).toBeCloseTo(30, 9);
    expect(fig.layout.title?.subtitle?.text).toMatch(/3 turns, 2 tool calls[\s\S]*Power: rapl \(energy-counter\), domain rapl:package-0/);
    expect(fig.layout.yaxis?.title?.text).toBe('Power (W)');
    const svg = fig.toSVG();
    expect(svg).toContain('class="ipw-span"');
    expect(svg).toContain('>calculator<');
  });

  it('says when the power is estimated, and draws spans alone without a trace', () => {
    const estimated = taskTimeline({ ...RAPL, source: 'estimated', isEstimate: true, method: 'CPU time x 10 W', domain: 'estimated:process-cpu' }, TURNS, CALLS);
    expect(estimated.layout.yaxis?.title?.text).toBe('Power (W, estimated)');
    expect(estimated.layout.title?.subtitle?.text).toMatch(/Power is estimated from a model of the hardware, not measured: estimated \(CPU time x 10 W\), domain estimated:process-cpu/);
    const bare = taskTimeline(undefined, TURNS, []);
    expect(bare.data).toEqual([]);
    expect(bare.layout.title?.subtitle?.text).toMatch(/No power trace given/);
    expect(bare.layout.shapes).toHaveLength(5);
  });
});

const ESTIMATED = { energySource: 'estimated', energyMethod: 'CPU time x 10 W', energyIsEstimate: true, energyDomain: 'estimated:process-cpu' };

function turnRow(kvCache: string, turn: number, meanEnergyJ: number | null, extra: Partial<TurnEnergyPlotRow> = {}): TurnEnergyPlotRow {
  return { model: 'qwen', accelerator: 'cpu', reasoning: 'off', kvCache, turn, meanEnergyJ, meanPrefillEnergyJ: meanEnergyJ === null ? null : meanEnergyJ / 2, meanDecodeEnergyJ: 0.3, ...ESTIMATED, ...extra };
}

describe('energyPerTurn', () => {
  it('one line per KV mode, dashed for re-prefill, sorted by turn, null where energy is unavailable, labelled estimated', () => {
    const rows = [turnRow('reprefill', 2, 1.2), turnRow('reprefill', 1, 0.5), turnRow('reprefill', 3, 2), turnRow('reuse', 1, 0.5), turnRow('reuse', 2, 0.6), turnRow('reuse', 3, null)];
    const fig = energyPerTurn(rows);
    expect(fig.data.map((t) => t.name)).toEqual(['reprefill', 'reuse']);
    const [reprefill, reuse] = fig.data.map(scatter);
    expect(reprefill!.x).toEqual([1, 2, 3]);
    expect(reprefill!.y).toEqual([0.5, 1.2, 2]);
    expect(reprefill!.line?.dash).toBe('dash');
    expect(reuse!.line?.dash).toBe('solid');
    expect(reuse!.y).toEqual([0.5, 0.6, null]);
    expect(reuse!.line?.color).toBe(reprefill!.line?.color);
    expect(fig.layout.yaxis?.title?.text).toBe('Energy per turn (J, estimated)');
    expect(fig.layout.title?.subtitle?.text).toMatch(/Energy is estimated[\s\S]*estimated \(CPU time x 10 W\), domain estimated:process-cpu/);
    const prefill = energyPerTurn(rows, { part: 'prefill' });
    expect(scatter(prefill.data[0]).y).toEqual([0.25, 0.6, 1]);
    expect(prefill.layout.yaxis?.title?.text).toBe('Prefill energy per turn (J, estimated)');
    expect(fig.toSVG()).toContain('Energy per turn as the history grows');
  });

  it('names lines by what differs between cells: model, reasoning, and the energy domain when labels differ', () => {
    const measured = { energySource: 'rapl', energyMethod: 'energy-counter', energyIsEstimate: false, energyDomain: 'rapl:package-0' };
    const rows = [
      turnRow('reuse', 1, 1), turnRow('reuse', 1, 2, { model: 'llama' }), turnRow('reuse', 1, 3, { reasoning: 'on' }), turnRow('reuse', 1, 4, { ...measured }),
    ];
    const names = energyPerTurn(rows).data.map((t) => t.name);
    expect(names).toEqual([
      'qwen · reasoning off · estimated:process-cpu, reuse', 'llama · reasoning off · estimated:process-cpu, reuse',
      'qwen · reasoning on · estimated:process-cpu, reuse', 'qwen · reasoning off · rapl:package-0, reuse',
    ]);
    expect(energyPerTurn(rows).layout.yaxis?.title?.text).toBe('Energy per turn (J, partly estimated)');
  });
});

function cell(reasoning: string, accuracy: number, meanEnergyJ: number, ipw: number, extra: Partial<ReasoningPlotRow> & Record<string, unknown> = {}): ReasoningPlotRow & Record<string, unknown> {
  return {
    model: 'qwen', accelerator: 'cpu', reasoning, accuracy, meanEnergyJ, ipw,
    accuracyLo: accuracy - 0.1, accuracyHi: accuracy + 0.1, meanEnergyJLo: meanEnergyJ * 0.9, meanEnergyJHi: meanEnergyJ * 1.1, ipwLo: ipw / 2, ipwHi: ipw * 2,
    ...ESTIMATED, ...extra,
  };
}

describe('reasoningOnOff', () => {
  it('shows accuracy, energy and IPW of each label relative to reasoning off, with intervals and the absolute values written above', () => {
    const rows = [cell('on', 0.9, 30, 0.09), cell('off', 0.6, 10, 0.12)];
    const fig = reasoningOnOff(rows, { per: 'task' });
    expect(fig.data.map((t) => t.name)).toEqual(['reasoning off', 'reasoning on']);
    const [off, on] = fig.data.map(bar);
    expect(off!.x).toEqual(['Accuracy', 'J per task (estimated)', 'IPW (estimated)']);
    expect(off!.y).toEqual([1, 1, 1]);
    expect(on!.y.map((v) => Number(v!.toFixed(9)))).toEqual([1.5, 3, 0.75]);
    // The interval over the reference value: accuracy [0.8, 1.0] / 0.6.
    expect(on!.error_y?.array[0]).toBeCloseTo(1 / 0.6 - 1.5, 9);
    expect(on!.error_y?.arrayminus[0]).toBeCloseTo(1.5 - 0.8 / 0.6, 9);
    const texts = (fig.layout.annotations ?? []).map((a) => a.text);
    expect(texts).toEqual(['0.6', '10 J', '0.12', '0.9', '30 J', '0.09']);
    // Every label fits under the fixed top of the axis.
    expect((fig.layout.annotations ?? []).every((a) => a.y > 0 && a.y < 1)).toBe(true);
    expect(fig.layout.yaxis?.title?.text).toBe('Relative to reasoning off (= 1)');
    expect(fig.layout.title?.subtitle?.text).toMatch(/Energy is estimated[\s\S]*estimated \(CPU time x 10 W\), domain estimated:process-cpu/);
    expect(fig.toSVG()).toContain('>30 J<');
  });

  it('takes the label field and the reference as options, groups cells by what differs, and reads lib/metrics summary rows', () => {
    const rows = [
      cell('x', 0.5, 10, 0.1, { mode: 'off', reasoning: undefined }), cell('x', 0.5, 20, 0.05, { mode: 'budget:64', reasoning: undefined }),
      cell('x', 0.4, 8, 0.1, { mode: 'off', model: 'llama', reasoning: undefined }), cell('x', 0.8, 16, 0.1, { mode: 'budget:64', model: 'llama', reasoning: undefined }),
    ];
    const fig = reasoningOnOff(rows, { field: 'mode' });
    expect(fig.data.map((t) => t.name)).toEqual(['mode off', 'mode budget:64']);
    expect(bar(fig.data[1]).x).toEqual(['qwen · Accuracy', 'qwen · J per query (estimated)', 'qwen · IPW (estimated)', 'llama · Accuracy', 'llama · J per query (estimated)', 'llama · IPW (estimated)']);
    expect(bar(fig.data[1]).y).toEqual([1, 2, 0.5, 2, 2, 1]);
    expect(() => reasoningOnOff(rows)).toThrow(/no row has a "reasoning" label; name the rows' label field in options.field/);
    expect(() => reasoningOnOff([...rows, rows[0]!], { field: 'mode' })).toThrow(/two rows for qwen with mode off/);
    // lib/metrics summary rows carry their intervals in `ci`; the label is added by the caller.
    const base = { model: 'm', accelerator: 'cpu', domain: 'd', energyJ: 2, meanPowerW: 4, energySource: 'rapl', energyMethod: 'energy-counter', energyIsEstimate: false, energyDomain: 'rapl:package-0' };
    const results = ['a', 'b', 'c', 'd'].map((queryId, i) => ({ ...base, queryId, correct: i < 2 }));
    const [summary] = summarize(results, { groupBy: ['model'], bootstrap: { resamples: 50 } });
    const summaryRows = [{ ...summary!, reasoning: 'off' }, { ...summary!, reasoning: 'on', accuracy: 0.75 }];
    const measured = reasoningOnOff(summaryRows, { reference: 'off' });
    expect(bar(measured.data[1]).y[0]).toBe(1.5);
    expect(bar(measured.data[1]).error_y?.array.every((v) => v === null || v >= 0)).toBe(true);
    expect(bar(measured.data[0]).x[1]).toBe('J per query');
    expect(measured.layout.title?.subtitle?.text).toMatch(/^Energy: rapl \(energy-counter\), domain rapl:package-0/);
  });
});
