// A fixture model for the agent workload: scripted trajectories for some bundled tasks (which tool calls, then which
// answer), played by the real tools once at build time so every observation the model will read is known, and
// written as a planned GGUF (lib/fixtures) that replays them exactly under greedy decoding.
import {
  bundledSearchIndex,
  callTool,
  loadAgentTasks,
  observationMessage,
  renderPrompt,
  taskTools,
  Workspace,
  type AgentTask,
} from '../agent/index.ts';
import { ensureFixtureModel, type PlannedConversation, type PlannedTurn } from '../fixtures/index.ts';
import { DEFAULT_SYSTEM_PROMPT } from '../run/index.ts';

/** One scripted task: its tool calls in order, then the Final Answer (a function of the observations). */
export interface AgentScript {
  steps: Array<{ tool: string; input: Record<string, unknown> }>;
  answer: (observations: readonly string[]) => string;
  /** Thinking pieces the model emits (one token each) before every reply of this task. Default none. */
  thinking?: readonly string[];
}

const lastValue = (observations: readonly string[]): string => observations.at(-1)!.split(' ')[0]!;

/**
 * Scripts for six bundled tasks: three arithmetic (one call), a lookup, a lookup with arithmetic, a file task. The
 * planned model keys each turn on a word of its observation that no later reply of the task repeats (lib/fixtures).
 */
export const AGENT_FIXTURE_SCRIPTS: Readonly<Record<string, AgentScript>> = {
  'arith-11': { steps: [{ tool: 'calculator', input: { expression: '26.2 * 1.609344' } }], answer: lastValue },
  'arith-02': { steps: [{ tool: 'calculator', input: { expression: '3 * 7/4 + 5 * 2/3' } }], answer: lastValue },
  'arith-04': { steps: [{ tool: 'calculator', input: { expression: '(1234567 + 7654321) / 8' } }], answer: lastValue },
  'lookup-14': { steps: [{ tool: 'search', input: { query: 'Varro lake' } }], answer: () => 'Lake Tamsin' },
  'lookup-17': {
    steps: [
      { tool: 'search', input: { query: 'Port Cassy inhabitants census' } },
      { tool: 'search', input: { query: 'Halvik inhabitants census' } },
      { tool: 'calculator', input: { expression: '141902 - 88317' } },
    ],
    answer: lastValue,
  },
  'files-03': {
    steps: [
      { tool: 'list_files', input: {} },
      { tool: 'write_file', input: { path: 'count.txt', content: '3' } },
    ],
    answer: () => '3',
  },
};

/** The reply that asks for one tool call, in the ReAct protocol the loop parses. */
function actionReply(step: AgentScript['steps'][number]): string {
  return `I will use the ${step.tool} tool.\nAction: ${step.tool}\nAction Input: ${JSON.stringify(step.input)}`;
}

/**
 * The planned conversation of one scripted task: its first message, then one turn per observation, each played by
 * the task's real tools in a fresh workspace (as runAgentTask gives them), ending in the Final Answer.
 */
export async function planAgentConversation(task: AgentTask, script: AgentScript): Promise<PlannedConversation> {
  const documents = task.tools?.includes('search') ? await bundledSearchIndex() : undefined;
  const workspace = await Workspace.create({ files: task.files });
  try {
    const tools = taskTools(task, workspace, documents);
    const thinking = script.thinking ? { thinking: [...script.thinking] } : {};
    const turns: PlannedTurn[] = [];
    const observations: string[] = [];
    let cue = renderPrompt(task.prompt, tools);
    for (const step of script.steps) {
      turns.push({ cue, reply: actionReply(step), ...thinking });
      const call = await callTool(tools, step.tool, step.input);
      if (!call.ok) throw new Error(`agent fixture: task ${task.id}'s scripted ${step.tool} call failed: ${call.observation}`);
      observations.push(call.observation);
      cue = observationMessage(call.observation);
    }
    turns.push({ cue, reply: `I know the answer.\nFinal Answer: ${script.answer(observations)}`, ...thinking });
    return { turns };
  } finally {
    await workspace.dispose();
  }
}

export interface AgentFixture {
  modelPath: string;
  /** The scripted tasks, in the task file's order. */
  tasks: AgentTask[];
}

/**
 * A planned fixture model that solves the scripted tasks of a task set (default: the bundled set and
 * AGENT_FIXTURE_SCRIPTS) through the ReAct loop, cached by content. Unscripted tasks get empty replies.
 */
export async function prepareAgentFixture(options: { tasks?: AgentTask[]; scripts?: Readonly<Record<string, AgentScript>> } = {}): Promise<AgentFixture> {
  const scripts = options.scripts ?? AGENT_FIXTURE_SCRIPTS;
  const tasks = (options.tasks ?? (await loadAgentTasks())).filter((t) => scripts[t.id] !== undefined);
  const conversations = [];
  for (const task of tasks) conversations.push(await planAgentConversation(task, scripts[task.id]!));
  const avoidTexts = [DEFAULT_SYSTEM_PROMPT, 'Observation:', 'Thought:'];
  const file = await ensureFixtureModel(undefined, { kind: 'planned', conversations, avoidTexts, name: 'ipw-agent-fixture' });
  return { modelPath: file.path, tasks };
}
