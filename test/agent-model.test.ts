// lib/agent with a real in-process GGUF model: a generated knowledge fixture whose reply to each rendered agent
// prompt is planned (a one-word JSON action block or final answer), run through node-llama-cpp, the real ReAct
// parser, tools, grader and an energy session on the `estimated` source.
//
// The knowledge fixture keys each reply on a word unique to its prompt. Every agent turn re-sends the transcript, so a
// second turn's prompt holds every word of the first: a planned multi-turn trajectory (call a tool, then answer from
// its result) cannot be keyed this way. These tests therefore plan single turns: one that calls a tool, one that answers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { calculatorTool, renderPrompt, runAgent, runAgentTask, Workspace, workspaceTools, type AgentTask, type AgentTool } from '../lib/agent/index.ts';
import { main } from '../lib/cli/index.ts';
import { EnergySession } from '../lib/energy/index.ts';
import { writeKnowledgeModel } from '../lib/fixtures/index.ts';
import { DEFAULT_SYSTEM_PROMPT, type ModelRunner } from '../lib/run/index.ts';
import { openLlamaRunner } from '../lib/run/llama.ts';
import { tempDir } from './helpers/fixture.ts';

const CALL_TASK: AgentTask = { id: 'product', domain: 'arithmetic', prompt: 'Multiply seventeen by nineteen exactly.', answer: '323', grader: 'numeric' };
const ANSWER_TASK: AgentTask = { id: 'capital', domain: 'geography', prompt: 'Name the capital city of France.', answer: 'Paris', grader: 'exact' };

let runner: ModelRunner;
let tools: AgentTool[];
let modelPath: string;
beforeAll(async () => {
  // The tool list runAgentTask gives the model (calculator + workspace tools); the workspace path is not in it.
  const ws = await Workspace.create();
  tools = [calculatorTool, ...workspaceTools(ws)];
  await ws.dispose();
  const facts = [
    { prompt: renderPrompt(CALL_TASK.prompt, tools), output: '{"action":"calculator","action_input":"17*19"}' },
    { prompt: renderPrompt(ANSWER_TASK.prompt, tools), output: '{"final_answer":"Paris"}' },
  ];
  modelPath = join(tempDir(), 'agent.gguf');
  await writeKnowledgeModel(modelPath, facts, { avoidTexts: [DEFAULT_SYSTEM_PROMPT] });
  runner = await openLlamaRunner(modelPath, { threads: 1, gpu: false });
});
afterAll(async () => {
  await runner?.close();
});

describe('the agent loop on a real GGUF model (in-process)', () => {
  it('the model emits a JSON action; the loop parses it and runs the calculator', async () => {
    const run = await runAgent(CALL_TASK.prompt, { runner, tools, maxTurns: 1 });
    expect(run.turns[0]!.response.trim()).toBe('{"action":"calculator","action_input":"17*19"}');
    expect(run.turns[0]).toMatchObject({ parsed: 'action', stopReason: 'eos' });
    expect(run.turns[0]!.promptTokens).toBeGreaterThan(0);
    expect(run.toolCalls).toHaveLength(1);
    expect(run.toolCalls[0]).toMatchObject({ tool: 'calculator', ok: true, observation: '323' });
    expect(run.outcome).toBe('turn-limit');
  });

  it('the model answers; the task is graded correct, with energy per turn and per task from the session', async () => {
    const energy = await EnergySession.start({ source: 'estimated', baselineS: 0, sampleMs: 5 });
    try {
      const result = await runAgentTask(ANSWER_TASK, { runner, energy });
      expect(result).toMatchObject({ outcome: 'answered', answer: 'Paris', correct: true });
      expect(result.turns).toHaveLength(1);
      expect(result.energy).toMatchObject({ source: 'estimated', isEstimate: true });
      expect(result.turns[0]!.energyJ).toBeGreaterThan(0);
      expect(result.turns[0]!.prefillEnergyJ + result.turns[0]!.decodeEnergyJ).toBeCloseTo(result.turns[0]!.energyJ, 9);
      expect(Math.abs(result.turnsEnergyJ + result.toolsEnergyJ + result.gapsEnergyJ - result.energyJ)).toBeLessThan(1e-6);
    } finally {
      await energy.finish(undefined);
    }
  });
});

describe('ipw agent', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs a task file on the model and prints each task and the totals, with the energy source', async () => {
    const tasksPath = join(tempDir(), 'tasks.jsonl');
    writeFileSync(tasksPath, `${JSON.stringify(CALL_TASK)}\n${JSON.stringify(ANSWER_TASK)}\n`);
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
    const code = await main(['agent', '--model', modelPath, '--tasks', tasksPath, '--max-turns', '1', '--energy', 'estimated', '--baseline-s', '0', '--threads', '1']);
    vi.restoreAllMocks();
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    const lines = out.join('').split('\n');
    expect(lines[0]).toMatch(/^task\s+outcome\s+grade\s+turns tools\s+tokens\s+time_s\s+energy_J$/);
    expect(lines[1]).toMatch(/^product\s+turn-limit\s+wrong\s+1\s+1\s+\d+\s+[\d.]+\s+[\d.]+$/);
    expect(lines[2]).toMatch(/^capital\s+answered\s+correct\s+1\s+0\s+\d+\s+[\d.]+\s+[\d.]+$/);
    expect(out.join('')).toMatch(/\n1\/2 correct; [\d.]+ J over all tasks, [\d.]+ J per task\nenergy: estimated \(.*CPU time.*\), domain estimated.*an estimate, not a measurement\n$/);
  });

  it('refuses a bad limit by its flag, before opening the model', async () => {
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
    const code = await main(['agent', '--model', 'missing.gguf', '--max-turns', '0']);
    vi.restoreAllMocks();
    expect(code).toBe(2);
    expect(err.join('')).toContain('--max-turns expects a whole number of at least 1, got "0"');
  });
});
