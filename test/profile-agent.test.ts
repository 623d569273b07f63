// profile() with workload 'agent' on a real GGUF model, through the CLI and the library: each task is a results row
// (answer, grade, task-window energy), its turns and tool calls go to the agent tables, and the parts of every task's
// energy add up to its window. The knowledge fixture replies by a word unique to a task's first message; every later
// turn still holds that word, so a task that calls a tool calls it again each turn until the turn limit (a fixed,
// known trajectory), and a task the model answers at once ends after one turn.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AGENT_TASKS_PATH, loadAgentTasks, renderPrompt, taskTools, Workspace, type AgentTask } from '../lib/agent/index.ts';
import { main } from '../lib/cli/index.ts';
import { writeKnowledgeModel } from '../lib/fixtures/index.ts';
import { AGENT_FIXTURE_SCRIPTS, prepareAgentFixture, profile } from '../lib/profile/index.ts';
import { DEFAULT_SYSTEM_PROMPT } from '../lib/run/index.ts';
import { readAgentTables, readResults } from '../lib/store/index.ts';
import { tempDir } from './helpers/fixture.ts';

const CALL: AgentTask = { id: 'product', domain: 'arithmetic', prompt: 'Multiply seventeen by nineteen exactly.', answer: '323', grader: 'numeric' };
const ANSWER: AgentTask = { id: 'capital', domain: 'geography', prompt: 'Name the capital city of France.', answer: 'Paris', grader: 'exact' };
const MAX_TURNS = 3;

let modelPath: string;
let tasksPath: string;
beforeAll(async () => {
  const ws = await Workspace.create();
  const first = (task: AgentTask) => renderPrompt(task.prompt, taskTools(task, ws));
  const facts = [
    { prompt: first(CALL), output: '{"action":"calculator","action_input":"17*19"}' },
    { prompt: first(ANSWER), output: '{"final_answer":"Paris"}' },
  ];
  await ws.dispose();
  modelPath = join(tempDir(), 'agent.gguf');
  await writeKnowledgeModel(modelPath, facts, { avoidTexts: [DEFAULT_SYSTEM_PROMPT, 'Observation: 323\n\nThought:'] });
  tasksPath = join(tempDir(), 'tasks.jsonl');
  writeFileSync(tasksPath, `${JSON.stringify(CALL)}\n${JSON.stringify(ANSWER)}\n`);
});
afterEach(() => vi.restoreAllMocks());

const common = { energy: 'estimated' as const, baselineS: 0, warmupQueries: 0, threads: 1, gpu: false as const, preflight: 'off' as const };

describe('profile, workload agent', () => {
  it('ipw profile --workload agent stores and prints IPW per task, with per-turn and per-tool tables', async () => {
    const outDir = join(tempDir(), 'run');
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await main([
      'profile', '--model', modelPath, '--queries', tasksPath, '--workload', 'agent', '--max-turns', String(MAX_TURNS),
      '--energy', 'estimated', '--baseline-s', '0', '--warmup', '0', '--threads', '1', '--preflight', 'off', '--out', outDir,
    ]);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    const printed = out.join('');
    expect(printed).toMatch(/IPW/);
    expect(printed).toMatch(/arithmetic/);
    expect(printed).toMatch(/geography/);

    const results = await readResults(outDir);
    expect(results.map((r) => [r.queryId, r.correct, r.response])).toEqual([
      ['product', false, ''],
      ['capital', true, 'Paris'],
    ]);
    const { tasks, turns, toolCalls } = await readAgentTables(outDir);
    expect(tasks.map((t) => [t.queryId, t.outcome, t.turns, t.toolCalls, t.kvCache])).toEqual([
      ['product', 'turn-limit', MAX_TURNS, MAX_TURNS, 'reuse'],
      ['capital', 'answered', 1, 0, 'reuse'],
    ]);
    expect(turns.filter((t) => t.queryId === 'product').map((t) => t.parsed)).toEqual(['action', 'action', 'action']);
    expect(toolCalls.map((c) => [c.queryId, c.turn, c.tool, c.ok])).toEqual([1, 2, 3].map((turn) => ['product', turn, 'calculator', true]));
    // Every task's parts cover its window once: turns + tool calls + gaps = the task's joules, and the task's row in
    // results.parquet carries the same window.
    for (const task of tasks) {
      expect(task.turnsEnergyJ + task.toolsEnergyJ + task.gapsEnergyJ).toBeCloseTo(task.energyJ, 6);
      const row = results.find((r) => r.queryId === task.queryId)!;
      expect(row.energyJ).toBeCloseTo(task.energyJ, 9);
      expect(row).toMatchObject({ clockStartMs: task.clockStartMs, clockEndMs: task.clockEndMs, energySource: 'estimated', energyIsEstimate: true });
      const own = turns.filter((t) => t.queryId === task.queryId);
      expect(own.reduce((s, t) => s + t.energyJ, 0)).toBeCloseTo(task.turnsEnergyJ, 9);
    }
    // With the KV cache kept, later turns prefill only what is new.
    const later = turns.filter((t) => t.queryId === 'product' && t.turn > 1);
    for (const t of later) expect(t.prefilledTokens).toBeLessThan(t.promptTokens / 2);
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    expect(manifest.settings).toMatchObject({ workload: 'agent', agentKv: 'reuse', maxTurns: MAX_TURNS });
  }, 180_000);

  it('the library call with kv reprefill evaluates the whole conversation every turn', async () => {
    const outDir = join(tempDir(), 'lib-run');
    const result = await profile({ model: modelPath, queries: tasksPath, workload: 'agent', agent: { kv: 'reprefill', maxTurns: 2 }, outDir, ...common });
    expect(result.complete).toBe(true);
    expect(result.summary.map((s) => s.domain).sort()).toEqual(['arithmetic', 'geography']);
    const { turns, tasks } = await readAgentTables(outDir);
    expect(tasks.every((t) => t.kvCache === 'reprefill')).toBe(true);
    expect(turns.every((t) => t.prefilledTokens === t.promptTokens)).toBe(true);
    const product = turns.filter((t) => t.queryId === 'product');
    expect(product).toHaveLength(2);
    expect(product[1]!.promptTokens).toBeGreaterThan(product[0]!.promptTokens);
  }, 180_000);

  it('ipw profile --workload agent --queries data/agent-tasks.jsonl: the planned fixture plays its scripted tasks exactly', async () => {
    const fixture = await prepareAgentFixture();
    const outDir = join(tempDir(), 'bundled');
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await main([
      'profile', '--model', fixture.modelPath, '--queries', 'data/agent-tasks.jsonl', '--workload', 'agent', '--max-turns', '6',
      '--energy', 'estimated', '--baseline-s', '0', '--warmup', '0', '--threads', '1', '--preflight', 'off', '--out', outDir,
    ]);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    const all = await loadAgentTasks(AGENT_TASKS_PATH);
    const results = await readResults(outDir);
    expect(results).toHaveLength(all.length);
    const scripted = new Set(Object.keys(AGENT_FIXTURE_SCRIPTS));
    expect(fixture.tasks.map((t) => t.id).sort()).toEqual([...scripted].sort());
    // Every scripted task is solved, and only those: the model replies nothing to the others.
    expect(results.filter((r) => r.correct).map((r) => r.queryId).sort()).toEqual([...scripted].sort());
    const { tasks, turns, toolCalls } = await readAgentTables(outDir);
    for (const id of scripted) {
      const script = AGENT_FIXTURE_SCRIPTS[id]!;
      // The exact trajectory: the scripted calls in order, each succeeding, then the Final Answer.
      expect(toolCalls.filter((c) => c.queryId === id).map((c) => [c.tool, JSON.parse(c.input), c.ok])).toEqual(script.steps.map((s) => [s.tool, s.input, true]));
      expect(turns.filter((t) => t.queryId === id).map((t) => t.parsed)).toEqual([...script.steps.map(() => 'action'), 'final']);
      expect(tasks.find((t) => t.queryId === id)).toMatchObject({ outcome: 'answered', fileMismatches: '' });
    }
    for (const task of tasks) expect(task.turnsEnergyJ + task.toolsEnergyJ + task.gapsEnergyJ).toBeCloseTo(task.energyJ, 6);
  }, 300_000);

  it('refuses agent flags without --workload agent, naming the flag', async () => {
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
    const code = await main(['profile', '--model', modelPath, '--queries', tasksPath, '--agent-kv', 'reprefill', '--out', join(tempDir(), 'x')]);
    vi.restoreAllMocks();
    expect(code).toBe(2);
    expect(err.join('')).toContain('--agent-kv applies to --workload agent');
  });
});
