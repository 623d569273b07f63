// lib/agent: the calculator, the sandboxed workspace, the ReAct parser, and the loop driven by a scripted runner
// through the real parser, tools, graders and energy session (the `estimated` source, injected).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGENT_TASKS_PATH,
  callTool,
  calculatorTool,
  defineTool,
  evaluate,
  formatRational,
  gapsOf,
  loadAgentTasks,
  parseAgentTasks,
  parseReply,
  runAgent,
  runAgentTask,
  Workspace,
} from '../lib/agent/index.ts';
import { EnergySession } from '../lib/energy/index.ts';
import { OptionError } from '../lib/errors/index.ts';
import type { Generation, GenerationHooks, GenerationRequest, ModelDescription, ModelRunner, StopReason } from '../lib/run/index.ts';

const calc = (expression: string): string => formatRational(evaluate(expression));

describe('calculator: exact rational arithmetic', () => {
  it('follows precedence, associativity and unary minus', () => {
    expect(calc('2 + 3 * 4')).toBe('14');
    expect(calc('(2 + 3) * 4')).toBe('20');
    expect(calc('2 ^ 3 ^ 2')).toBe('512');
    expect(calc('-2 ^ 2')).toBe('-4');
    expect(calc('(-2) ^ 2')).toBe('4');
    expect(calc('10 - 4 - 3')).toBe('3');
    expect(calc('2 ** 10')).toBe('1024');
    expect(calc('--3')).toBe('3');
  });

  it('keeps fractions and decimals exact', () => {
    expect(calc('0.1 + 0.2')).toBe('3/10');
    expect(calc('1/3 + 1/6')).toBe('1/2');
    expect(calc('2 ^ -2')).toBe('1/4');
    expect(calc('355/113 - 22/7')).toBe('-1/791');
    expect(calc('1.5e3 / 4')).toBe('375');
    expect(calc('6 / -4')).toBe('-3/2');
  });

  it('computes huge integers exactly and refuses ones past the limit', () => {
    expect(calc('2^64 - 1')).toBe('18446744073709551615');
    const big = calc('3^5000');
    expect(big).toHaveLength(2386);
    expect(BigInt(big) % 10n).toBe(1n); // 3^5000 = (3^4)^1250 ends in 1
    expect(() => evaluate('10^20000')).toThrow(/exponent too large/);
    expect(() => evaluate('2^2^2^2^2^2')).toThrow(/too large/);
    expect(() => evaluate('1e99999')).toThrow(/exponent too large/);
    expect(() => evaluate('2^(1/2)')).toThrow(/exponent must be an integer/);
  });

  it('rejects what is not arithmetic, naming where', () => {
    expect(() => evaluate('process.exit(1)')).toThrow(/unexpected character 'p' at position 1/);
    expect(() => evaluate('2 +')).toThrow(/expected a number or '\(' at the end/);
    expect(() => evaluate('(1 + 2')).toThrow(/expected '\)'/);
    expect(() => evaluate('1 2')).toThrow(/unexpected 'number' at position 3/);
    expect(() => evaluate('')).toThrow(/empty expression/);
    expect(() => evaluate('('.repeat(300) + '1' + ')'.repeat(300))).toThrow(/nested too deeply/);
  });

  it('a division by zero comes back as an error observation, not an exception', async () => {
    const call = await callTool([calculatorTool], 'calculator', { expression: '1 / (3 - 3)' });
    expect(call).toMatchObject({ ok: false, failure: 'error', observation: 'Error: division by zero' });
    const ok = await callTool([calculatorTool], 'calculator', '7/4 * 3 + 10/3');
    expect(ok).toMatchObject({ ok: true, observation: '103/12' });
    expect((await callTool([calculatorTool], 'calculator', { expression: '1/8' })).observation).toBe('1/8 (= 0.125)');
    expect(ok.wallMs).toBeGreaterThanOrEqual(0);
    expect(ok.cpuMs).toBeGreaterThanOrEqual(0);
  });
});

describe('workspace: list/read/write inside a temp folder only', () => {
  let ws: Workspace;
  let outside: string;
  beforeAll(async () => {
    outside = await mkdtemp(join(tmpdir(), 'ipw-agent-outside-'));
    await writeFile(join(outside, 'secret.txt'), 'do not read');
    ws = await Workspace.create({ files: { 'a.txt': 'alpha', 'dir/b.txt': 'beta' }, maxFileBytes: 1000 });
    await symlink(join(outside, 'secret.txt'), join(ws.root, 'link.txt'));
    await symlink(outside, join(ws.root, 'linkdir'));
    await symlink(join(ws.root, 'a.txt'), join(ws.root, 'inner-link.txt'));
  });
  afterAll(async () => {
    await ws.dispose();
    await rm(outside, { recursive: true, force: true });
  });

  it('reads, writes (with new parent folders) and lists without following links', async () => {
    expect(await ws.read('a.txt')).toBe('alpha');
    expect(await ws.read('./dir/../dir/b.txt')).toBe('beta');
    await ws.write('new/deep/c.txt', 'gamma');
    expect(await readFile(join(ws.root, 'new/deep/c.txt'), 'utf8')).toBe('gamma');
    const entries = await ws.list();
    expect(entries.map((e) => `${e.path}:${e.type}`)).toEqual([
      'a.txt:file', 'dir:dir', 'dir/b.txt:file', 'inner-link.txt:symlink', 'link.txt:symlink', 'linkdir:symlink',
      'new:dir', 'new/deep:dir', 'new/deep/c.txt:file',
    ]);
    expect(await ws.snapshot()).toEqual({ 'a.txt': 'alpha', 'dir/b.txt': 'beta', 'new/deep/c.txt': 'gamma' });
  });

  it('refuses paths outside the root: ../, absolute, ~', async () => {
    await expect(ws.read('../secret.txt')).rejects.toThrow(/outside the workspace/);
    await expect(ws.read('dir/../../x')).rejects.toThrow(/outside the workspace/);
    await expect(ws.write('../escape.txt', 'x')).rejects.toThrow(/outside the workspace/);
    await expect(ws.read(join(outside, 'secret.txt'))).rejects.toThrow(/not a relative path/);
    await expect(ws.read('/etc/passwd')).rejects.toThrow(/not a relative path/);
    await expect(ws.read('~/x')).rejects.toThrow(/not a relative path/);
    await expect(ws.read('a.txt\0')).rejects.toThrow(/NUL/);
    await expect(ws.list('..')).rejects.toThrow(/outside the workspace/);
    expect(existsSync(join(ws.root, '..', 'escape.txt'))).toBe(false);
  });

  it('refuses symlinks anywhere on the path, for reading, writing and listing, even ones pointing inside', async () => {
    await expect(ws.read('link.txt')).rejects.toThrow(/symlink/);
    await expect(ws.read('linkdir/secret.txt')).rejects.toThrow(/symlink \(linkdir\)/);
    await expect(ws.write('link.txt', 'overwrite')).rejects.toThrow(/symlink/);
    await expect(ws.write('linkdir/planted.txt', 'x')).rejects.toThrow(/symlink/);
    await expect(ws.list('linkdir')).rejects.toThrow(/symlink/);
    await expect(ws.read('inner-link.txt')).rejects.toThrow(/symlink/);
    expect(await readFile(join(outside, 'secret.txt'), 'utf8')).toBe('do not read');
    expect(existsSync(join(outside, 'planted.txt'))).toBe(false);
  });

  it('refuses files over the size limit and writing to the root or a folder', async () => {
    await expect(ws.write('big.txt', 'x'.repeat(1001))).rejects.toThrow(/over the 1000-byte limit/);
    await expect(ws.write('.', 'x')).rejects.toThrow(/workspace root/);
    await expect(ws.write('dir', 'x')).rejects.toThrow(/is a directory/);
    await expect(ws.read('dir')).rejects.toThrow(/not a file/);
    await expect(ws.read('missing.txt')).rejects.toThrow(/does not exist/);
  });

  it('dispose removes the folder', async () => {
    const tmp = await Workspace.create({ files: { 'x.txt': '1' } });
    await tmp.dispose();
    expect(existsSync(tmp.root)).toBe(false);
  });
});

describe('ReAct parser', () => {
  it('reads Thought / Action / Action Input with a JSON object', () => {
    expect(parseReply('Thought: I need to multiply.\nAction: calculator\nAction Input: {"expression": "6*7"}')).toEqual({
      kind: 'action', thought: 'I need to multiply.', tool: 'calculator', input: { expression: '6*7' },
    });
  });

  it('reads a continuation of "Thought:" without the label, bold labels, and plain-text input', () => {
    expect(parseReply(' multiply first\n**Action:** `calculator`\n**Action Input:** 6*7\n')).toEqual({
      kind: 'action', thought: 'multiply first', tool: 'calculator', input: '6*7',
    });
  });

  it('drops an Observation the model invented and everything after it', () => {
    const reply = 'Thought: x\nAction: calculator\nAction Input: {"expression": "1+1"}\nObservation: 3\nThought: done\nFinal Answer: 3';
    expect(parseReply(reply)).toMatchObject({ kind: 'action', tool: 'calculator', input: { expression: '1+1' } });
    expect(parseReply('Thought: I already know.\nObservation: 3\nFinal Answer: 3')).toMatchObject({ kind: 'invalid', thought: 'I already know.' });
  });

  it('reads a Final Answer, a multi-line JSON input in a fence, and the paper form tool[input]', () => {
    expect(parseReply('Thought: I know it.\nFinal Answer: 42')).toEqual({ kind: 'final', thought: 'I know it.', answer: '42' });
    expect(parseReply('Action: write_file\nAction Input: ```json\n{\n  "path": "o.txt",\n  "content": "a\\nb"\n}\n```')).toMatchObject({
      kind: 'action', tool: 'write_file', input: { path: 'o.txt', content: 'a\nb' },
    });
    expect(parseReply('Thought: t\nAction: calculator[2^10]')).toMatchObject({ kind: 'action', tool: 'calculator', input: '2^10' });
  });

  it('reads JSON action blocks in the common shapes', () => {
    expect(parseReply('```json\n{"action": "calculator", "action_input": {"expression": "2+2"}}\n```')).toMatchObject({ kind: 'action', tool: 'calculator', input: { expression: '2+2' } });
    expect(parseReply('I will call it: {"name": "read_file", "arguments": "{\\"path\\": \\"a.txt\\"}"}')).toMatchObject({ kind: 'action', tool: 'read_file', input: { path: 'a.txt' } });
    expect(parseReply('{"tool": "list_files", "args": {}}')).toMatchObject({ kind: 'action', tool: 'list_files', input: {} });
    expect(parseReply('{"action": "Final Answer", "action_input": "7"}')).toMatchObject({ kind: 'final', answer: '7' });
    expect(parseReply('{"final_answer": 12}')).toMatchObject({ kind: 'final', answer: '12' });
    expect(parseReply('I will read it.\n```json\n{"tool": "read_file", "args": {"path": "a"}}\n```').thought).toBe('I will read it.');
  });

  it('skips a <think> block and says why a reply is unreadable', () => {
    expect(parseReply('<think>Action: calculator</think>\nFinal Answer: 5')).toMatchObject({ kind: 'final', answer: '5' });
    expect(parseReply('The answer is probably 5.')).toMatchObject({ kind: 'invalid', reason: /neither an Action nor a Final Answer/ });
    expect(parseReply('Thought: hmm\nFinal Answer:   ')).toMatchObject({ kind: 'invalid', reason: /empty/ });
    expect(parseReply('Action:\nAction Input: {}')).toMatchObject({ kind: 'invalid', reason: /names no tool/ });
    expect(parseReply('{"broken": ')).toMatchObject({ kind: 'invalid' });
  });
});

// ----------------------------------------------------------------------------------------------------------------
// The scripted runner: a ModelRunner whose replies are a function of the prompt it gets, so a test can read the
// observations out of the real rendered transcript, as a model would.

interface ScriptedReply {
  response: string;
  stopReason?: StopReason;
  completionTokens?: number;
  error?: string;
}

/** Spins the CPU for `ms` milliseconds (work the `estimated` energy source counts). */
function burn(ms: number): void {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) x += Math.sqrt(x + 1);
}

class ScriptedRunner implements ModelRunner {
  readonly description: ModelDescription = { name: 'scripted', kind: 'gguf', location: 'test', accelerator: 'cpu', chatTemplate: 'none', details: {} };
  readonly requests: GenerationRequest[] = [];
  constructor(
    private readonly script: (prompt: string, turn: number) => string | ScriptedReply,
    private readonly busyMs = 0,
  ) {}

  async generate(request: GenerationRequest, hooks?: GenerationHooks): Promise<Generation> {
    this.requests.push(request);
    const startMs = performance.now();
    const out = this.script(request.prompt, this.requests.length);
    const reply: ScriptedReply = typeof out === 'string' ? { response: out } : out;
    burn(this.busyMs / 2); // "prefill"
    const words = reply.response.split(/\s+/).filter(Boolean);
    const tokenTimesMs: number[] = [];
    if (reply.stopReason !== 'error') {
      tokenTimesMs.push(performance.now());
      hooks?.onFirstToken?.(tokenTimesMs[0]!);
      burn(this.busyMs / 2); // "decode"
      for (let k = 1; k < words.length; k++) tokenTimesMs.push(performance.now());
    }
    return {
      response: reply.stopReason === 'error' ? '' : reply.response,
      stopReason: reply.stopReason ?? 'eos',
      promptTokens: request.prompt.split(/\s+/).length,
      completionTokens: reply.completionTokens ?? words.length,
      startMs,
      tokenTimesMs,
      endMs: performance.now(),
      ...(reply.error ? { error: reply.error } : {}),
    };
  }

  async close(): Promise<void> {}
}

/** The text of the last Observation in a rendered prompt. */
const lastObservation = (prompt: string): string => [...prompt.matchAll(/^Observation: (.*)$/gm)].at(-1)?.[1] ?? '';

describe('the agent loop, driven by a scripted runner', () => {
  it('calls the calculator, reads the observation from the transcript, and answers', async () => {
    const runner = new ScriptedRunner((prompt, turn) =>
      turn === 1
        ? ' I should compute it.\nAction: calculator\nAction Input: {"expression": "48271 * 16807 - 2147483647"}'
        : ` The tool said ${lastObservation(prompt)}.\nFinal Answer: ${lastObservation(prompt)}`,
    );
    const run = await runAgent('What is 48271 * 16807 - 2147483647?', { runner, tools: [calculatorTool] });
    expect(run).toMatchObject({ outcome: 'answered', answer: '-1336192950', error: null });
    expect(run.turns.map((t) => t.parsed)).toEqual(['action', 'final']);
    expect(run.toolCalls).toHaveLength(1);
    expect(run.toolCalls[0]).toMatchObject({ turn: 1, tool: 'calculator', ok: true, observation: '-1336192950' });
    // The second turn answers the first with the observation; the conversation so far is its history, on the KV cache
    // the first turn left (a task's first turn starts from an empty cache).
    expect(runner.requests[1]!.prompt).toBe('Observation: -1336192950\n\nThought:');
    expect(runner.requests[1]!.history).toEqual([{ user: runner.requests[0]!.prompt, model: ' I should compute it.\nAction: calculator\nAction Input: {"expression": "48271 * 16807 - 2147483647"}' }]);
    expect(runner.requests.map((r) => r.kvCache)).toEqual(['clear', 'reuse']);
    expect(run.turns[1]!.promptChars).toBeGreaterThan(run.turns[0]!.promptChars);
    expect(run.completionTokens).toBe(run.turns[0]!.completionTokens + run.turns[1]!.completionTokens);
    // Without an energy session, every energy figure is NaN with a reason.
    expect(run.energyJ).toBeNaN();
    expect(run.turns[0]!.energyJ).toBeNaN();
    expect(run.energy).toBeNull();
    expect(run.energyUnavailableReason).toMatch(/no energy session/);
  });

  it('turns unknown tools, bad input, tool exceptions, timeouts and unreadable replies into observations', async () => {
    const hang = defineTool<{ x: string }>({ name: 'hang', description: 'never returns', parameters: { x: { type: 'string', description: 'x' } }, run: () => new Promise<string>(() => {}) });
    const boom = defineTool<{ n: number }>({ name: 'boom', description: 'throws', parameters: { n: { type: 'integer', description: 'n' } }, run: ({ n }) => { throw new Error(`boom ${n + 1}`); } });
    const replies = [
      'Action: search\nAction Input: {"q": "x"}',
      'Action: calculator\nAction Input: {"expr": "1+1"}',
      'Action: boom\nAction Input: {"n": "41"}',
      'Action: hang\nAction Input: wait',
      'I am not following the format.',
      'Action: calculator\nAction Input: 1/0',
      'Final Answer: gave up',
    ];
    const seen: string[] = [];
    const runner = new ScriptedRunner((prompt, turn) => {
      if (turn > 1) seen.push(lastObservation(prompt));
      return replies[turn - 1]!;
    });
    const run = await runAgent('t', { runner, tools: [calculatorTool, hang, boom], toolTimeoutMs: 50, maxTurns: 10 });
    expect(run.outcome).toBe('answered');
    expect(seen).toEqual([
      "Error: unknown tool 'search'. Available tools: calculator, hang, boom",
      "Error: calculator has no argument 'expr' (it takes: expression)",
      'Error: boom 42',
      'Error: hang did not finish within 50 ms',
      'Error: the reply has neither an Action nor a Final Answer. Reply with "Action:" and "Action Input:" lines, or with "Final Answer:".',
      'Error: division by zero',
    ]);
    expect(run.toolCalls.map((c) => c.failure)).toEqual(['unknown-tool', 'bad-input', 'error', 'timeout', 'error']);
    expect(run.turns[4]).toMatchObject({ parsed: 'invalid', parseError: /neither/ });
  });

  it('stops at the turn limit', async () => {
    const runner = new ScriptedRunner(() => 'Action: calculator\nAction Input: 1+1');
    const run = await runAgent('t', { runner, tools: [calculatorTool], maxTurns: 3 });
    expect(run).toMatchObject({ outcome: 'turn-limit', answer: null });
    expect(run.turns).toHaveLength(3);
    expect(run.toolCalls).toHaveLength(3);
  });

  it('stops at the token budget, giving the last turn only what is left', async () => {
    const runner = new ScriptedRunner(() => ({ response: 'Action: calculator\nAction Input: 1+1', completionTokens: 100 }));
    const run = await runAgent('t', { runner, tools: [calculatorTool], maxTaskTokens: 250, maxTurnTokens: 100, maxTurns: 10 });
    expect(run.outcome).toBe('token-budget');
    expect(runner.requests.map((r) => r.maxTokens)).toEqual([100, 100, 50]);
    expect(run.completionTokens).toBe(300);
  });

  it('a model failure ends the task as model-error without throwing', async () => {
    const runner = new ScriptedRunner(() => ({ response: '', stopReason: 'error', error: 'prompt longer than the context' }));
    const run = await runAgent('t', { runner, tools: [calculatorTool] });
    expect(run).toMatchObject({ outcome: 'model-error', error: 'prompt longer than the context', answer: null });
    expect(run.turns).toHaveLength(1);
  });

  it('refuses bad limits by option name', async () => {
    const runner = new ScriptedRunner(() => 'Final Answer: 1');
    const error = await runAgent('t', { runner, tools: [], maxTurns: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OptionError);
    expect(error).toMatchObject({ option: 'maxTurns', message: /maxTurns must be a whole number of at least 1, got 0/ });
  });
});

describe('per-turn, per-tool and per-task energy (estimated source, injected)', () => {
  it('measures every part, and turns + tool calls + gaps add up to the task window', async () => {
    const energy = await EnergySession.start({ source: 'estimated', baselineS: 0, sampleMs: 5 });
    try {
      const busy = defineTool<{ ms: number }>({
        name: 'busy', description: 'spins the CPU', parameters: { ms: { type: 'number', description: 'ms' } },
        run: ({ ms }) => { burn(ms); return 'done'; },
      });
      const runner = new ScriptedRunner((_p, turn) => (turn < 3 ? 'Action: busy\nAction Input: {"ms": 30}' : 'Final Answer: ok'), 30);
      const run = await runAgent('t', { runner, tools: [busy], energy });
      expect(run.outcome).toBe('answered');
      expect(run.energy).toMatchObject({ source: 'estimated', isEstimate: true });
      expect(run.energy!.method).toMatch(/CPU time/);
      expect(run.energy!.domain).toMatch(/estimated/);
      for (const t of run.turns) {
        expect(t.energyJ).toBeGreaterThan(0);
        expect(t.prefillEnergyJ + t.decodeEnergyJ).toBeCloseTo(t.energyJ, 9);
        expect(t.prefillMs + t.decodeMs).toBeCloseTo(t.endMs - t.startMs, 6);
      }
      for (const c of run.toolCalls) {
        expect(c.energyJ).toBeGreaterThan(0);
        expect(c.cpuMs).toBeGreaterThan(0);
      }
      expect(run.turnsEnergyJ).toBeCloseTo(run.turns.reduce((s, t) => s + t.energyJ, 0), 12);
      // Conservation: the parts cover the task window exactly once, so their energy is the window's.
      expect(run.gapsEnergyJ).toBeGreaterThanOrEqual(0);
      expect(Math.abs(run.turnsEnergyJ + run.toolsEnergyJ + run.gapsEnergyJ - run.energyJ)).toBeLessThan(1e-6);
      const spansMs = run.turns.reduce((s, t) => s + t.endMs - t.startMs, 0) + run.toolCalls.reduce((s, c) => s + c.wallMs, 0);
      expect(spansMs + run.gapsMs).toBeCloseTo(run.durationMs, 6);
      expect(run.netEnergyJ).toBeNaN(); // baselineS 0: no idle power, no net energy
    } finally {
      await energy.finish(undefined);
    }
  });

  it('gapsOf finds the uncovered parts of a window', () => {
    expect(gapsOf(0, 100, [{ startMs: 50, endMs: 60 }, { startMs: 10, endMs: 20 }, { startMs: 20, endMs: 30 }])).toEqual([[0, 10], [30, 50], [60, 100]]);
    expect(gapsOf(0, 10, [{ startMs: 0, endMs: 10 }])).toEqual([]);
  });
});

describe('agent tasks and grading', () => {
  it('loads the bundled task set, and a scripted agent that does each task right is graded correct on all', async () => {
    const tasks = await loadAgentTasks();
    expect(AGENT_TASKS_PATH).toMatch(/agent-tasks\.jsonl$/);
    expect(new Set(tasks.map((t) => t.domain))).toEqual(new Set(['arithmetic', 'files', 'lookup']));
    expect(tasks.length).toBeGreaterThanOrEqual(60);
    for (const task of tasks) {
      const writes = Object.entries(task.expectFiles ?? {});
      const runner = new ScriptedRunner((_p, turn) => {
        const w = writes[turn - 1];
        return w ? `Action: write_file\nAction Input: ${JSON.stringify({ path: w[0], content: w[1] })}` : `Final Answer: ${task.answer}`;
      });
      const result = await runAgentTask(task, { runner });
      expect({ id: task.id, correct: result.correct, mismatches: result.fileMismatches }).toEqual({ id: task.id, correct: true, mismatches: [] });
    }
  });

  it('grades the answer and the end state: a right answer with a missing file is wrong', async () => {
    const task = parseAgentTasks(JSON.stringify({ id: 'f', domain: 'files', prompt: 'p', answer: '7', grader: 'numeric', files: { 'a.txt': '3\n', 'b.txt': '4\n' }, expectFiles: { 'sum.txt': '7' } }))[0]!;
    const lazy = new ScriptedRunner((prompt, turn) => (turn === 1 ? 'Action: read_file\nAction Input: {"path": "a.txt"}' : `Final Answer: ${Number(lastObservation(prompt)) + 4}`));
    const wrong = await runAgentTask(task, { runner: lazy });
    expect(wrong.grade.correct).toBe(true);
    expect(wrong.fileMismatches).toEqual(['sum.txt']);
    expect(wrong.correct).toBe(false);
    // A user tool sits beside the built-in ones, and the workspace is gone after the task.
    const where = defineTool<Record<string, never>>({ name: 'where', description: 'workspace root', parameters: {}, run: () => 'ok' });
    const runner = new ScriptedRunner((prompt, turn) => {
      if (turn === 1) return 'Action: list_files\nAction Input: {}';
      if (turn === 2) return 'Action: where\nAction Input: {}';
      if (turn === 3) return 'Action: write_file\nAction Input: {"path": "sum.txt", "content": "7"}';
      return 'Final Answer: 7';
    });
    const right = await runAgentTask(task, { runner, tools: [where] });
    expect(right.toolCalls.map((c) => c.observation)).toEqual(['a.txt (2 bytes)\nb.txt (2 bytes)', 'ok', 'wrote 1 bytes to sum.txt']);
    expect(right.correct).toBe(true);
    expect(runner.requests[0]!.prompt).toContain('- where: workspace root');
  });

  it('bad task rows name the line and field', async () => {
    expect(() => parseAgentTasks('{"id": "a", "domain": "d", "prompt": "p", "answer": "1", "grader": "numeric"}\n{"id": "b"}', 't.jsonl')).toThrow("t.jsonl:2: field 'domain' must be a non-empty string");
    expect(() => parseAgentTasks('{"id": "a", "domain": "d", "prompt": "p", "answer": "1", "grader": "judge"}')).toThrow(/field 'grader' must be one of/);
    expect(() => parseAgentTasks('{"id": "a", "domain": "d", "prompt": "p", "answer": "1", "grader": "exact", "files": {"x": 1}}')).toThrow(/files'.x must be a string/);
    expect(() => parseAgentTasks('not json')).toThrow(/tasks:1: not valid JSON/);
    const dir = await mkdtemp(join(tmpdir(), 'ipw-agent-tasks-'));
    try {
      await mkdir(join(dir, 'sub'));
      await writeFile(join(dir, 'sub', 't.jsonl'), '{"id": "a", "domain": "d", "prompt": "p", "answer": "1", "grader": "exact"}\n{"id": "a", "domain": "d", "prompt": "p", "answer": "1", "grader": "exact"}\n');
      await expect(loadAgentTasks(join(dir, 'sub', 't.jsonl'))).rejects.toThrow(/t\.jsonl:2: id 'a' is used twice/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
