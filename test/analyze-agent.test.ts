// Agent runs in a study: openStudy's agent views, agentSummary and agentTurnEnergy on hand-computed numbers, and the
// tables `ipw analyze` prints. The run folders are written through lib/store (RunJournal, finalizeRun, AgentJournal,
// finalizeAgentTables), as profile writes them; no model runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentSummary, agentTurnEnergy, hasAgentTasks, openStudy, type AgentSummaryRow } from '../lib/analyze/index.ts';
import { summarize } from '../lib/metrics/index.ts';
import {
  AgentJournal, RunJournal, finalizeAgentTables, finalizeRun, startRun, type AgentTaskRecord, type QueryResult,
} from '../lib/store/index.ts';
import { writeRun, VARIANTS } from './analyze-fixture.ts';
import { agentRecord, taskResult } from './helpers/agent-rows.ts';
import { IPW_BIN, tempDir } from './helpers/fixture.ts';

interface TaskSpec {
  id: string;
  domain: string;
  correct: boolean;
  energyJ: number;
  powerW: number;
  turns: number;
  outcome?: string;
  /** Index of a tool call that failed. */
  failedCall?: number;
}

interface RunSpecOptions {
  runId: string;
  model: string;
  settings: Record<string, string>;
  kvCache: string;
  tasks: readonly TaskSpec[];
  /** Energy label fields of the result rows; estimated CPU energy by default. */
  energy?: Partial<QueryResult>;
}

const written: Record<string, QueryResult[]> = {};

/** One agent run folder: results through RunJournal + finalizeRun, agent rows through AgentJournal + finalizeAgentTables. */
async function writeAgentRun(root: string, options: RunSpecOptions): Promise<void> {
  const dir = path.join(root, options.runId);
  startRun(dir, { runId: options.runId, model: { path: `/models/${options.model}.gguf` }, queriesSource: 'data/agent-tasks.jsonl', queryIds: options.tasks.map((t) => t.id), settings: options.settings });
  const agent = AgentJournal.open(dir);
  const results = RunJournal.open(dir);
  written[options.runId] = [];
  options.tasks.forEach((spec, i) => {
    const record: AgentTaskRecord = agentRecord(spec.id, { runId: options.runId, turns: spec.turns, kvCache: options.kvCache, domain: spec.domain });
    const measured = options.energy?.energySource !== 'none';
    // The parts add up to the task: 3/4 in turns, 1/8 in tool calls, 1/8 in gaps.
    Object.assign(record.task, {
      energyJ: measured ? spec.energyJ : NaN,
      turnsEnergyJ: measured ? spec.energyJ * 0.75 : NaN,
      toolsEnergyJ: measured ? spec.energyJ * 0.125 : NaN,
      gapsEnergyJ: measured ? spec.energyJ * 0.125 : NaN,
      outcome: spec.outcome ?? 'answered',
    });
    if (!measured) for (const turn of record.turns) Object.assign(turn, { energyJ: NaN, prefillEnergyJ: NaN, decodeEnergyJ: NaN });
    if (spec.failedCall !== undefined) Object.assign(record.toolCalls[spec.failedCall]!, { ok: false, failure: 'error' });
    agent.append(record);
    const result = taskResult(record, i, {
      model: options.model, correct: spec.correct, pred: spec.correct ? '1024' : '7', gradeStatus: 'answered',
      energyJ: record.task.energyJ, meanPowerW: measured ? spec.powerW : NaN, ...options.energy,
    });
    results.append(result);
    written[options.runId]!.push(result);
  });
  agent.close();
  const completed = results.completedIds();
  results.close();
  await finalizeRun(dir);
  await finalizeAgentTables(dir, completed);
}

// Run A: reasoning off, re-prefill. By hand: 4 tasks, 3 solved; J 2, 4, 6, 8 (mean 5); W 4, 8, 4, 8 (mean 6);
// IPW = 0.75 / 6 = 0.125, IPJ = 0.75 / 5 = 0.15; turns 2, 3, 1, 2 (mean 2); tool calls 1, 2, 0, 1 (mean 1), 1 of 4 failed.
const RUN_A: TaskSpec[] = [
  { id: 't0', domain: 'arithmetic', correct: true, energyJ: 2, powerW: 4, turns: 2 },
  { id: 't1', domain: 'arithmetic', correct: false, energyJ: 4, powerW: 8, turns: 3, outcome: 'turn-limit', failedCall: 1 },
  { id: 't2', domain: 'files', correct: true, energyJ: 6, powerW: 4, turns: 1 },
  { id: 't3', domain: 'files', correct: true, energyJ: 8, powerW: 8, turns: 2 },
];
// Run B: reasoning on, KV reuse: every task solved in 2 turns, 10 J at 5 W: IPW 0.2, IPJ 0.1.
const RUN_B: TaskSpec[] = RUN_A.map((t) => ({ id: t.id, domain: t.domain, correct: true, energyJ: 10, powerW: 5, turns: 2 }));
// Run C: energy not measured, no reasoning setting.
const RUN_C: TaskSpec[] = RUN_A.slice(0, 2).map((t) => ({ ...t }));
const UNMEASURED: Partial<QueryResult> = {
  energySource: 'none', energyMethod: 'not measured: no energy source', energyIsEstimate: false, energyDomain: '', energyMeasure: 'none',
};

let root: string;

beforeAll(async () => {
  root = tempDir('ipw-analyze-agent-');
  await writeAgentRun(root, { runId: 'agent-off', model: 'qwen-a', settings: { reasoning: 'off' }, kvCache: 'reprefill', tasks: RUN_A });
  await writeAgentRun(root, { runId: 'agent-on', model: 'qwen-a', settings: { reasoning: 'on' }, kvCache: 'reuse', tasks: RUN_B });
  await writeAgentRun(root, { runId: 'agent-unmeasured', model: 'qwen-b', settings: { agentProtocol: 'native' }, kvCache: 'reprefill', tasks: RUN_C, energy: UNMEASURED });
  // A plain profile run beside them: its queries are not agent tasks.
  await writeRun(root, { runId: 'plain', variant: VARIANTS[0]!, queryIds: ['m0', 'm1'], host: 'laptop' });
}, 60_000);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const cell = (rows: readonly AgentSummaryRow[], model: string, reasoning: string | null) => rows.find((r) => r.model === model && r.reasoning === reasoning);

describe('agent runs in a study', () => {
  it('defines agent_tasks, agent_turns, agent_tool_calls over the agent runs only, and agent_runs with their reasoning setting', async () => {
    const study = await openStudy(root);
    try {
      expect(await hasAgentTasks(study)).toBe(true);
      const counts = await study.query(
        `SELECT (SELECT count(*) FROM agent_tasks)::INTEGER AS tasks, (SELECT count(*) FROM agent_turns)::INTEGER AS turns,
                (SELECT count(*) FROM agent_tool_calls)::INTEGER AS calls, (SELECT count(*) FROM results)::INTEGER AS results`,
      );
      // Turns: A 8, B 8, C 5; tool calls: one fewer than turns per task.
      expect(counts.rows[0]).toEqual({ tasks: 10, turns: 21, calls: 11, results: 12 });
      // Each row carries its runId: the runs table gives model and accelerator.
      const byModel = await study.query(
        'SELECT t.model, t.accelerator, count(*)::INTEGER AS turns FROM agent_turns u JOIN runs t USING (runId) GROUP BY ALL ORDER BY t.model',
      );
      expect(byModel.rows).toEqual([{ model: 'qwen-a', accelerator: 'cpu', turns: 16 }, { model: 'qwen-b', accelerator: 'cpu', turns: 5 }]);
      const reasoning = await study.query('SELECT runId, reasoning, protocol FROM agent_runs ORDER BY runId');
      expect(reasoning.rows).toEqual([
        { runId: 'agent-off', reasoning: 'off', protocol: 'react' },
        { runId: 'agent-on', reasoning: 'on', protocol: 'react' },
        { runId: 'agent-unmeasured', reasoning: null, protocol: 'native' },
      ]);
    } finally {
      study.close();
    }
  });

  it('summarizes each cell on hand-computed numbers, with the intervals summarize gives for the same task rows', async () => {
    const study = await openStudy(root);
    try {
      const bootstrap = { resamples: 200, seed: 3 };
      const table = await agentSummary(study, { byDomain: false, bootstrap });
      expect(table.columns).toHaveLength(table.columnTypes.length);
      expect(table.rows.map((r) => [r.model, r.reasoning, r.kvCache, r.protocol])).toEqual([
        ['qwen-a', 'off', 'reprefill', 'react'], ['qwen-a', 'on', 'reuse', 'react'], ['qwen-b', null, 'reprefill', 'native'],
      ]);
      const off = cell(table.rows, 'qwen-a', 'off')!;
      expect(off).toMatchObject({
        accelerator: 'cpu', tasks: 4, accuracy: 0.75, meanEnergyJ: 5, meanPowerW: 6, ipw: 0.125, ipj: 0.15,
        answeredRate: 0.75, meanTurns: 2, meanToolCalls: 1, toolFailureRate: 0.25,
        meanTurnsEnergyJ: 3.75, meanToolsEnergyJ: 0.625, meanGapsEnergyJ: 0.625,
        energySource: 'estimated', energyMethod: 'CPU time x 10 W', energyIsEstimate: true, energyDomain: 'estimated:process-cpu',
      });
      // The split adds up to the task's joules.
      expect(off.meanTurnsEnergyJ! + off.meanToolsEnergyJ! + off.meanGapsEnergyJ!).toBe(off.meanEnergyJ);
      const [expected] = summarize(written['agent-off']!, { groupBy: ['model', 'accelerator'], bootstrap });
      expect([off.accuracyLo, off.accuracyHi]).toEqual(expected!.ci!.accuracy);
      expect([off.ipwLo, off.ipwHi]).toEqual(expected!.ci!.ipw);
      expect([off.ipjLo, off.ipjHi]).toEqual(expected!.ci!.ipj);
      expect([off.meanEnergyJLo, off.meanEnergyJHi]).toEqual(expected!.ci!.meanEnergyJ);
      expect(off.ipwLo!).toBeLessThanOrEqual(off.ipwHi!);
      expect(cell(table.rows, 'qwen-a', 'on')).toMatchObject({ tasks: 4, accuracy: 1, meanEnergyJ: 10, ipw: 0.2, ipj: 0.1, meanTurns: 2, toolFailureRate: 0 });
      // Not measured: every energy figure is null, never 0, and the row says why.
      expect(cell(table.rows, 'qwen-b', null)).toMatchObject({
        tasks: 2, accuracy: 0.5, meanEnergyJ: null, meanEnergyJLo: null, ipw: null, ipj: null, meanTurnsEnergyJ: null,
        energySource: 'none', energyMethod: 'not measured: no energy source',
      });
      const byDomain = await agentSummary(study, { bootstrap });
      const offDomains = byDomain.rows.filter((r) => r.model === 'qwen-a' && r.reasoning === 'off');
      expect(offDomains.map((r) => [r.domain, r.tasks, r.accuracy, r.meanEnergyJ, r.ipj])).toEqual([['arithmetic', 2, 0.5, 3, 0.5 / 3], ['files', 2, 1, 7, 1 / 7]]);
    } finally {
      study.close();
    }
  });

  it('gives energy per turn by turn number and KV mode: tasks still going, context and prefilled tokens, joules', async () => {
    const study = await openStudy(root);
    try {
      const table = await agentTurnEnergy(study);
      const pick = (reasoning: string | null) =>
        table.rows.filter((r) => r.reasoning === reasoning).map((r) => [r.kvCache, r.turn, r.tasks, r.meanPromptTokens, r.meanPrefilledTokens, r.meanEnergyJ]);
      // agentRecord's turn i (0-based): context 50 + 30i tokens, 0.5 (i + 1) J; under reuse later turns prefill 30.
      expect(pick('off')).toEqual([['reprefill', 1, 4, 50, 50, 0.5], ['reprefill', 2, 3, 80, 80, 1], ['reprefill', 3, 1, 110, 110, 1.5]]);
      expect(pick('on')).toEqual([['reuse', 1, 4, 50, 50, 0.5], ['reuse', 2, 4, 80, 30, 1]]);
      expect(pick(null).map((r) => r[5])).toEqual([null, null, null]);
      expect(table.rows[0]).toMatchObject({ energySource: 'estimated', energyIsEstimate: true, energyDomain: 'estimated:process-cpu' });
    } finally {
      study.close();
    }
  });

  it('a study without agent runs has no agent views and empty agent tables', async () => {
    const study = await openStudy(path.join(root, 'plain'));
    try {
      expect(await hasAgentTasks(study)).toBe(false);
      expect((await agentSummary(study)).rows).toEqual([]);
      expect((await agentTurnEnergy(study)).rows).toEqual([]);
    } finally {
      study.close();
    }
  });

  it('ipw analyze prints the agent tasks and energy per turn tables with their energy labels, and exports them', () => {
    const out = tempDir('ipw-analyze-agent-out-');
    const result = spawnSync(process.execPath, [IPW_BIN, 'analyze', root, '--resamples', '50', '--out', out], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const stdout = result.stdout;
    const agentPart = stdout.slice(stdout.indexOf('Agent tasks'));
    expect(agentPart).toMatch(/^Agent tasks \(success = task solved/);
    expect(agentPart).toMatch(/\[1\] estimated \(CPU time x 10 W\), domain estimated:process-cpu: ESTIMATED \(a model, not a measurement\)/);
    expect(agentPart).toMatch(/\[\d\] not measured: no energy source/);
    // model, accelerator, reasoning, kvCache, domain, energy, tasks, success, its CI, J/task, its CI, W, IPW, its CI, IPJ.
    expect(agentPart).toMatch(/qwen-a\s+cpu\s+off\s+reprefill\s+react\s+arithmetic\s+estimated \[1\]\s+2\s+0\.5\s+\[[^\]]+\]\s+3\s+\[[^\]]+\]\s+6\s+0\.08333\s+\[[^\]]+\]\s+0\.1667/);
    expect(agentPart).toMatch(/qwen-a\s+cpu\s+on\s+reuse\s+react\s+files\s+estimated \[1\]\s+2\s+1\s+\[[^\]]+\]\s+10\s/);
    // Not measured: said so, never a 0.
    expect(agentPart).toMatch(/qwen-b\s+cpu\s+reprefill\s+native\s+arithmetic\s+none \[2\]\s+2\s+0\.5\s+\[0, 1\]\s+not measured\s+not measured\s+n\/a\s+n\/a\s+2\.5\s+1\.5\s+not measured/);
    const perTurn = agentPart.slice(agentPart.indexOf('Energy per turn'));
    expect(perTurn).toMatch(/^Energy per turn \(means over the tasks that reached each turn/);
    expect(perTurn).toMatch(/qwen-a\s+cpu\s+on\s+reuse\s+estimated \[1\]\s+2\s+4\s+80\s+30\s+10\s+1\s+0\.4\s+0\.6/);
    expect(perTurn).toMatch(/qwen-a\s+cpu\s+off\s+reprefill\s+estimated \[1\]\s+3\s+1\s+110\s+110\s+10\s+1\.5\s/);
    for (const name of ['agent-tasks', 'agent-turns']) expect(fs.existsSync(path.join(out, `${name}.csv`))).toBe(true);
    const csv = fs.readFileSync(path.join(out, 'agent-tasks.csv'), 'utf8').split('\n');
    expect(csv[0]).toMatch(/^model,accelerator,reasoning,kvCache,protocol,domain,energySource,energyMethod,energyIsEstimate,energyDomain,tasks,accuracy,/);
    fs.rmSync(out, { recursive: true, force: true });
  }, 60_000);
});
