import { parseArgs } from 'node:util';
import { AGENT_TASKS_PATH, loadAgentTasks, runAgentTask, type AgentTaskResult } from '../../agent/index.ts';
import { EnergySession } from '../../energy/index.ts';
import { energyPlanFor } from '../../profile/index.ts';
import { openRunner, parseModelSpec } from '../../run/index.ts';
import { interruptSignal, numberFlag, type Command } from '../command.ts';
import { AGENT_LOOP_FLAGS, agentLoopFlags, REASONING_FLAG, reasoningFlag } from '../agent-flags.ts';
import { ENERGY_FLAGS, energyFlags } from '../energy-flags.ts';
import { flagHelp, parseSpecs, pickFlags, type FlagSpec } from '../flags.ts';

const AGENT_FLAGS = {
  model: { value: 'FILE.gguf|openai:URL#model', help: 'the model that plays the agent' },
  tasks: { value: 'FILE.jsonl', help: 'agent tasks {id, domain, prompt, answer, grader, files?, expectFiles?}; unset: the bundled set (docs/agents.md)' },
  limit: { value: 'N', help: 'first N tasks' },
  ...AGENT_LOOP_FLAGS,
  ...REASONING_FLAG,
  threads: { value: 'N', help: 'CPU threads of an in-process GGUF' },
  jsonl: { boolean: true, help: 'one JSON object per task (turns and tool calls included) instead of the table' },
  ...pickFlags(ENERGY_FLAGS, ['energy', 'energy-domains', 'energy-from', 'sample-ms', 'baseline-s', 'rapl-root', 'nvml-library', 'hwmon-root', 'watts-per-core']),
} as const satisfies Record<string, FlagSpec>;

const USAGE = `  ipw agent --model <file.gguf | openai:URL#model> [--tasks FILE.jsonl] [options]
                                  run agent tasks (ReAct, with a calculator and a file workspace); prints per task:
                                  outcome, grade, turns, tool calls, tokens, time and energy (docs/agents.md)
${flagHelp(AGENT_FLAGS)}`;

const fmt = (x: number, digits: number): string => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

function tableLine(r: AgentTaskResult): string {
  return [
    r.taskId.padEnd(12),
    r.outcome.padEnd(12),
    (r.correct ? 'correct' : 'wrong').padEnd(8),
    String(r.turns.length).padStart(5),
    String(r.toolCalls.length).padStart(5),
    String(r.promptTokens + r.completionTokens).padStart(8),
    fmt(r.durationMs / 1000, 2).padStart(8),
    fmt(r.energyJ, 3).padStart(10),
  ].join(' ');
}

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: parseSpecs(AGENT_FLAGS) });
  if (!values.model) throw new Error('agent needs --model <file.gguf | openai:URL#model>');
  const options = { ...agentLoopFlags(values), reasoning: reasoningFlag(values.reasoning) };
  const limit = numberFlag(values.limit, 'limit');
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) throw new Error(`--limit expects a whole number of at least 1, got "${values.limit}"`);
  const tasks = (await loadAgentTasks(values.tasks ?? AGENT_TASKS_PATH)).slice(0, limit);
  const { preflight: _preflight, ...energyChoice } = energyFlags(values);
  const spec = parseModelSpec(values.model);
  const runner = await openRunner(spec, { threads: numberFlag(values.threads, 'threads') });
  const signal = interruptSignal();
  try {
    const { plan, sourceOptions } = energyPlanFor(spec, runner, energyChoice);
    const energy = await EnergySession.start({ ...sourceOptions, plan, sampleMs: energyChoice.sampleMs, baselineS: energyChoice.baselineS });
    const results: AgentTaskResult[] = [];
    try {
      await energy.measureBaseline(signal);
      if (!values.jsonl) process.stdout.write(`${'task'.padEnd(12)} ${'outcome'.padEnd(12)} ${'grade'.padEnd(8)} turns tools   tokens   time_s   energy_J\n`);
      for (const task of tasks) {
        if (signal.aborted) break;
        const result = await runAgentTask(task, { runner, energy, signal, ...options });
        results.push(result);
        process.stdout.write(values.jsonl ? `${JSON.stringify(result)}\n` : `${tableLine(result)}\n`);
      }
    } finally {
      await energy.finish(undefined);
    }
    if (!values.jsonl) {
      const correct = results.filter((r) => r.correct).length;
      const energyJ = results.reduce((s, r) => s + r.energyJ, 0);
      const info = results[0]?.energy;
      process.stdout.write(`\n${correct}/${results.length} correct; ${fmt(energyJ, 3)} J over all tasks, ${fmt(energyJ / results.length, 3)} J per task\n`);
      if (info) process.stdout.write(`energy: ${info.source} (${info.method}), domain ${info.domain}${info.isEstimate ? ', an estimate, not a measurement' : ''}\n`);
    }
    return signal.aborted ? 130 : 0;
  } finally {
    await runner.close();
  }
}

export const agentCommand: Command = { usage: USAGE, run };
