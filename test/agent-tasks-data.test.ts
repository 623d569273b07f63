// The bundled agent task set (data/agent-tasks.jsonl) is solvable with its tools: a scripted "oracle agent" solves
// every task by calling the real tools (calculator, search over data/agent-docs, the workspace) and is graded by the
// real grader and the real end-state comparison. Also: the set's shape (size, domains, ids, graders, tools), that
// doing nothing or answering slightly off fails every task, and that runAgentTask hands lookup tasks the search tool.
import { describe, expect, it } from 'vitest';
import {
  AGENT_TASKS_PATH,
  buildSearchIndex,
  bundledSearchIndex,
  callTool,
  DEFAULT_MAX_OBSERVATION_CHARS,
  evaluate,
  exactDecimal,
  formatRational,
  gradeAgentTask,
  loadAgentTasks,
  parseAgentTasks,
  runAgentTask,
  taskTools,
  Workspace,
  type AgentTask,
  type BuiltinToolName,
  type Rational,
} from '../lib/agent/index.ts';
import type { Generation, GenerationRequest, ModelDescription, ModelRunner } from '../lib/run/index.ts';

/** Observations so far, in order. */
type Seen = string[];
interface Step {
  tool: BuiltinToolName;
  input: (seen: Seen) => Record<string, unknown>;
  /** Text the observation must hold (what the model would read). */
  sees: string[];
}
interface Oracle {
  steps: Step[];
  answer: (seen: Seen) => string;
}

const calc = (expression: string | ((s: Seen) => string)): Step => ({
  tool: 'calculator',
  input: (s) => ({ expression: typeof expression === 'string' ? expression : expression(s) }),
  sees: [],
});
const search = (query: string, ...sees: string[]): Step => ({ tool: 'search', input: () => ({ query }), sees });
const read = (path: string): Step => ({ tool: 'read_file', input: () => ({ path }), sees: [] });
const list = (path?: string): Step => ({ tool: 'list_files', input: () => (path === undefined ? {} : { path }), sees: [] });
const write = (path: string, content: (s: Seen) => string): Step => ({ tool: 'write_file', input: (s) => ({ path, content: content(s) }), sees: [] });

/** The value a calculator observation states: its exact decimal when it has one ("1/8 (= 0.125)"), else the fraction. */
const value = (observation: string): string => /\(= (.+)\)$/.exec(observation)?.[1] ?? observation;
const last = (s: Seen): string => value(s.at(-1)!);
/** An exact value rounded half away from zero to two decimals, as a model rounds money. */
function cents(r: Rational): string {
  const hundredths = r.n < 0n ? -r.n * 100n : r.n * 100n;
  const rounded = (2n * hundredths + r.d) / (2n * r.d);
  const digits = rounded.toString().padStart(3, '0');
  return `${r.n < 0n ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
const lastCents = (s: Seen): string => cents(evaluate(value(s.at(-1)!)));
const lines = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '');
/** Data rows of a CSV (header dropped), split on commas. */
const csv = (text: string): string[][] => lines(text).slice(1).map((l) => l.split(','));
/** A lookup's answer: text the observations must hold, returned as the Final Answer. */
const quote = (text: string) => (s: Seen): string => {
  if (!s.some((o) => o.includes(text))) throw new Error(`no observation holds '${text}'`);
  return text;
};

const ORACLES: Record<string, Oracle> = {
  // arithmetic: the calculator evaluates an expression written from the prompt
  'arith-01': { steps: [calc('48271 * 16807 - 2147483647')], answer: last },
  'arith-02': { steps: [calc('3 * 7/4 + 5 * 2/3')], answer: last },
  'arith-03': { steps: [calc('2^64 - 1')], answer: last },
  'arith-04': { steps: [calc('(1234567 + 7654321) / 8')], answer: last },
  'arith-05': { steps: [calc('17^13')], answer: last },
  'arith-06': { steps: [calc('1250 * (1 - 3/25)^3')], answer: (s) => s.at(-1)!.split(' ')[0]! },
  'arith-07': { steps: [calc('355/113 - 22/7')], answer: last },
  'arith-08': { steps: [calc('999999 * 999999 - 1000000 * 999998')], answer: last },
  'arith-09': { steps: [calc('2500 * (1 + 3.75/100)^6')], answer: lastCents },
  'arith-10': { steps: [calc('10000 * (1 + 0.004)^24')], answer: lastCents },
  'arith-11': { steps: [calc('26.2 * 1.609344')], answer: last },
  'arith-12': { steps: [calc('17.5 * 3.785411784')], answer: last },
  'arith-13': { steps: [calc('(451 - 32) * 5/9')], answer: (s) => s.at(-1)!.split(' ')[0]! },
  'arith-14': { steps: [calc('31415926 * 27182818')], answer: last },
  'arith-15': { steps: [calc('1/2 + 1/3 + 1/4 + 1/5 + 1/6 + 1/7 + 1/8 + 1/9 + 1/10')], answer: last },
  'arith-16': { steps: [calc('(2/3)^10')], answer: last },
  'arith-17': { steps: [calc('15000 * 0.005 / (1 - (1 + 0.005)^-36)')], answer: lastCents },
  'arith-18': { steps: [calc('7^18 - 5^22')], answer: last },
  'arith-19': { steps: [calc('(23.15 - 18.40) / 18.40 * 100')], answer: last },
  'arith-20': { steps: [calc('(12.75 + 9.5 + 14.125 + 11 + 8.875 + 13.25 + 10.5) / 7')], answer: last },
  'arith-21': { steps: [calc('12345678^2')], answer: last },
  'arith-22': { steps: [calc('3/8 * 2400 * (1 - 5/12) + 137.5')], answer: last },

  // lookups: single-hop, two-hop (person -> town -> river), and lookups that feed the calculator
  'lookup-01': { steps: [search('Ida Ferrow patent lens', '1878')], answer: quote('1878') },
  'lookup-02': { steps: [search('River Lenn length kilometres', '148 kilometres')], answer: quote('148') },
  'lookup-03': { steps: [search('Brisk inhabitants 2021 census', 'Brisk is a town', '23,604')], answer: quote('23,604') },
  'lookup-04': { steps: [search('Weir Bridge Dunmere designed', 'designed by the engineer Jonah Weir')], answer: quote('Jonah Weir') },
  'lookup-05': { steps: [search('Oda Regatta course record club', 'Irrin Rowing Club', 'record')], answer: quote('Irrin Rowing Club') },
  'lookup-06': { steps: [search('Marrowby Dairy Cooperative cheese', 'sells Marrowby Ash')], answer: quote('Marrowby Ash') },
  'lookup-07': { steps: [search('Quellstone University founded', 'founded in 1652')], answer: quote('1652') },
  'lookup-08': { steps: [search('Moot parliament seats', '121 seats')], answer: quote('121') },
  'lookup-09': { steps: [search('Ida Ferrow born', 'born in Halvik'), search('Halvik river', 'Halvik', 'River Assel')], answer: quote('Assel') },
  'lookup-10': { steps: [search('Tomas Brell born', 'born in Brisk'), search('Brisk river', 'lies on the River Lenn')], answer: quote('Lenn') },
  'lookup-11': { steps: [search('Maren Tolle born', 'born in Galbrun'), search('Galbrun river', 'lies on the River Oda')], answer: quote('Oda') },
  'lookup-12': { steps: [search('Henrike Oslund born', 'born in Marrowby'), search('Marrowby inhabitants', 'Marrowby is a small town', '12,455')], answer: quote('12,455') },
  'lookup-13': { steps: [search('Pavo Quint born', 'born in Skellmouth'), search('Skellmouth festival', 'Tide Day is the spring festival of Skellmouth')], answer: quote('Tide Day') },
  'lookup-14': { steps: [search('River Varro ends lake', 'it ends in Lake Tamsin')], answer: quote('Lake Tamsin') },
  'lookup-15': { steps: [search('ferry Irrin Port Cassy company founded', 'founded in 1899 by Alma Dressen')], answer: quote('Alma Dressen') },
  'lookup-16': {
    steps: [search('inventor continuous drying drum', 'Brell invented the continuous drying drum'), search('Brell Paperworks founded', 'founded in 1896 by Tomas Brell')],
    answer: quote('1896'),
  },
  'lookup-17': {
    steps: [search('Port Cassy inhabitants census', '141,902'), search('Halvik inhabitants census', '88,317'), calc('141902 - 88317')],
    answer: last,
  },
  'lookup-18': { steps: [search('census 2011 2021 population Orvanne', '2,914,300', '2,861,900'), calc('2914300 - 2861900')], answer: last },
  'lookup-19': {
    steps: [search('towns on the River Varro', 'Quellstone', 'It lies on the River Varro', '57,880', 'Marrowby', '12,455'), calc('57880 + 12455')],
    answer: last,
  },
  'lookup-20': { steps: [search('republic founded 1871', '4 August 1871'), search('Weir Bridge opened', 'opened in 1897'), calc('1897 - 1871')], answer: last },
  'lookup-21': {
    steps: [search('Dunmere road kilometres Port Cassy Halvik', '61 kilometres from Port Cassy', '84 kilometres from Halvik'), calc('61 + 84')],
    answer: last,
  },
  'lookup-22': {
    steps: [search('first radio broadcast Orvanne', '12 March 1921'), search('Orvanne Radio Broadcasting created', 'created in 1950'), calc('1950 - 1921')],
    answer: last,
  },

  // files: read what is there, compute with the calculator where it takes arithmetic, write the end state
  'files-01': {
    steps: [read('prices.txt'), calc((s) => lines(s[0]!).join(' + ')), write('total.txt', last)],
    answer: (s) => value(s[1]!),
  },
  'files-02': {
    steps: [read('a.txt'), read('b.txt'), calc((s) => `${s[0]!.trim()} * ${s[1]!.trim()}`), write('product.txt', last)],
    answer: (s) => value(s[2]!),
  },
  'files-03': {
    steps: [list(), write('count.txt', (s) => String(lines(s[0]!).filter((l) => l.endsWith('bytes)')).length))],
    answer: (s) => String(lines(s[0]!).filter((l) => l.endsWith('bytes)')).length),
  },
  'files-04': { steps: [read('greeting.txt'), write('copy.txt', (s) => s[0]!)], answer: (s) => s[0]! },
  'files-05': {
    steps: [read('sales.csv'), calc((s) => csv(s[0]!).map(([, qty, price]) => `${qty} * ${price}`).join(' + ')), write('revenue.txt', last)],
    answer: (s) => value(s[1]!),
  },
  'files-06': {
    steps: [read('notes/monday.md'), read('notes/tuesday.md'), write('notes/week.md', (s) => `${s[0]!.trimEnd()}\n\n${s[1]!}`)],
    answer: (s) => String(`${s[0]}\n${s[1]}`.split('\n').filter((l) => l.startsWith('- ')).length),
  },
  'files-07': {
    steps: [read('config.ini'), write('config.ini', (s) => s[0]!.replace(/^port = \d+$/m, 'port = 9090'))],
    answer: () => '9090',
  },
  'files-08': {
    steps: [read('log.txt'), write('errors.txt', (s) => String(lines(s[0]!).filter((l) => /\bERROR\b/.test(l)).length))],
    answer: (s) => String(lines(s[0]!).filter((l) => /\bERROR\b/.test(l)).length),
  },
  'files-09': {
    steps: [read('temps.csv'), calc((s) => `(${csv(s[0]!).map(([, t]) => t).join(' + ')}) / ${csv(s[0]!).length}`), write('mean.txt', last)],
    answer: (s) => value(s[1]!),
  },
  'files-10': {
    steps: [read('settings.json'), write('settings.json', (s) => s[0]!.replace('"debug": true', '"debug": false'))],
    answer: () => 'false',
  },
  'files-11': {
    steps: [read('names.txt'), write('sorted.txt', (s) => `${lines(s[0]!).sort().join('\n')}\n`)],
    answer: (s) => lines(s[0]!).sort()[0]!,
  },
  'files-12': {
    steps: [read('expenses.csv'), calc((s) => csv(s[0]!).filter(([, c]) => c === 'food').map(([, , a]) => a).join(' + ')), write('food.txt', lastCents)],
    answer: (s) => cents(evaluate(value(s[1]!))),
  },
  'files-13': {
    steps: [
      read('items.txt'),
      calc((s) => lines(s[0]!).map((l) => l.replace(' x ', ' * ')).join(' + ')),
      calc((s) => `${value(s[1]!)} * 8/100`),
      calc((s) => `${cents(evaluate(value(s[1]!)))} + ${cents(evaluate(value(s[2]!)))}`),
      write('invoice.txt', (s) => `subtotal: ${cents(evaluate(value(s[1]!)))}\ntax: ${cents(evaluate(value(s[2]!)))}\ntotal: ${cents(evaluate(value(s[3]!)))}\n`),
    ],
    answer: (s) => cents(evaluate(value(s[3]!))),
  },
  'files-14': {
    steps: [list('reports'), write('index.txt', (s) => `${lines(s[0]!).map((l) => l.replace(/^reports\//, '').replace(/ \(.*\)$/, '')).sort().join('\n')}\n`)],
    answer: (s) => String(lines(s[0]!).length),
  },
  'files-15': {
    steps: [
      read('miles.txt'),
      calc((s) => `${lines(s[0]!)[0]} * 1.609344`),
      calc((s) => `${lines(s[0]!)[1]} * 1.609344`),
      calc((s) => `${lines(s[0]!)[2]} * 1.609344`),
      calc((s) => `(${lines(s[0]!).join(' + ')}) * 1.609344`),
      write('km.txt', (s) => `${s.slice(1, 4).map(value).join('\n')}\n`),
    ],
    answer: (s) => value(s[4]!),
  },
  'files-16': {
    steps: [read('scores.csv'), write('winner.txt', (s) => csv(s[0]!).sort((a, b) => Number(b[1]) - Number(a[1]))[0]![0]!)],
    answer: (s) => csv(s[0]!).sort((a, b) => Number(b[1]) - Number(a[1]))[0]![0]!,
  },
  'files-17': {
    steps: [read('README.md'), write('README.md', (s) => s[0]!.split('recieve').join('receive'))],
    answer: (s) => String(s[0]!.split('recieve').length - 1),
  },
  'files-18': {
    steps: [read('config.yaml'), write('version.txt', (s) => /^version: (.+)$/m.exec(s[0]!)![1]!)],
    answer: (s) => /^version: (.+)$/m.exec(s[0]!)![1]!,
  },
};

/** Numbers in an expression, for checking that a lookup's arithmetic uses figures the tools showed. */
const numbersIn = (expression: string): string[] => expression.match(/\d+(?:\.\d+)?/g) ?? [];
const withCommas = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Plays an oracle with the task's real tools; returns the observations, the answer and the grade. */
async function playOracle(task: AgentTask, oracle: Oracle) {
  const workspace = await Workspace.create({ files: task.files });
  try {
    const tools = taskTools(task, workspace, await bundledSearchIndex());
    const seen: Seen = [];
    for (const [i, step] of oracle.steps.entries()) {
      const input = step.input(seen);
      const call = await callTool(tools, step.tool, input);
      expect(call, `${task.id} step ${i + 1} (${step.tool})`).toMatchObject({ ok: true, failure: null });
      // The model sees the whole observation: nothing the oracle relies on is cut.
      expect(call.observation.length, `${task.id} step ${i + 1}`).toBeLessThanOrEqual(DEFAULT_MAX_OBSERVATION_CHARS);
      for (const text of step.sees) expect(call.observation, `${task.id} step ${i + 1}: ${JSON.stringify(input)}`).toContain(text);
      if (step.tool === 'calculator' && task.domain !== 'arithmetic') {
        // Every figure in the expression came from the prompt or an earlier observation, not from the oracle's
        // author (100 only to turn a prompt's percentage into a fraction; a result rounded to the cent is the agent's).
        const rounded = seen.flatMap((o) => (/^-?[\d./]+( \(= [\d.-]+\))?$/.test(o) ? [cents(evaluate(value(o)))] : []));
        for (const n of numbersIn(String(input.expression))) {
          if (n === '100' && task.prompt.includes('%')) continue;
          const sources = [task.prompt, ...seen, ...rounded];
          expect(sources.some((o) => o.includes(n) || o.includes(withCommas(n))), `${task.id}: ${n} was not shown to the agent`).toBe(true);
        }
      }
      seen.push(call.observation);
    }
    const answer = oracle.answer(seen);
    const graded = await gradeAgentTask(task, `Final Answer: ${answer}`, await workspace.snapshot());
    return { seen, answer, graded, tools: tools.map((t) => t.name) };
  } finally {
    await workspace.dispose();
  }
}

describe('the bundled agent task set', () => {
  it('has at least 60 tasks in 3 domains, unique ids, valid graders, and tools that fit each domain', async () => {
    expect(AGENT_TASKS_PATH).toMatch(/data\/agent-tasks\.jsonl$/);
    const tasks = await loadAgentTasks();
    expect(tasks.length).toBeGreaterThanOrEqual(60);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
    const byDomain: Record<string, number> = {};
    for (const t of tasks) byDomain[t.domain] = (byDomain[t.domain] ?? 0) + 1;
    expect(byDomain).toEqual({ arithmetic: 22, lookup: 22, files: 18 });
    for (const t of tasks) {
      expect(['numeric', 'exact'], t.id).toContain(t.grader);
      expect(t.tools, t.id).toBeDefined();
      if (t.domain === 'arithmetic') expect(t.tools, t.id).toEqual(['calculator']);
      if (t.domain === 'lookup') expect(t.tools, t.id).toContain('search');
      if (t.expectFiles) expect(t.tools, t.id).toContain('write_file');
      // Numeric answers are graded exactly: no tolerance lets a mental estimate pass.
      if (t.grader === 'numeric') expect(t.relTol, t.id).toBe(0);
    }
    // Every task has an oracle below, and every oracle a task.
    expect(Object.keys(ORACLES).sort()).toEqual(tasks.map((t) => t.id).sort());
  });

  it('an oracle agent solves every task with the real tools, graded by the real grader and end-state check', async () => {
    const tasks = await loadAgentTasks();
    const failures: string[] = [];
    for (const task of tasks) {
      const { graded, answer } = await playOracle(task, ORACLES[task.id]!);
      if (!graded.correct) failures.push(`${task.id}: answered ${answer}, grade ${graded.grade.correct}, files ${graded.fileMismatches.join(',')}`);
    }
    expect(failures).toEqual([]);
  });

  it('arithmetic answers equal the calculator value of the stored expression (rounded to the cent where the prompt says so)', async () => {
    for (const task of (await loadAgentTasks()).filter((t) => t.domain === 'arithmetic')) {
      const expression = String(ORACLES[task.id]!.steps[0]!.input([]).expression);
      const exact = evaluate(expression);
      const expected = /to the cent/.test(task.prompt) ? cents(exact) : (exactDecimal(exact) ?? formatRational(exact));
      expect(evaluate(task.answer), `${task.id}: ${expression}`).toEqual(evaluate(expected));
    }
  });

  it('doing nothing fails every task, and so does a numeric answer off by one part in ten million', async () => {
    for (const task of await loadAgentTasks()) {
      const idle = await gradeAgentTask(task, null, task.files ?? {});
      expect(idle.correct, task.id).toBe(false);
      if (task.expectFiles) expect(idle.fileMismatches.length, task.id).toBeGreaterThan(0);
      if (task.grader !== 'numeric') continue;
      const near = evaluate(`(${task.answer.replace(/,/g, '')}) * (1 + 1/10^7)`);
      const off = await gradeAgentTask(task, `Final Answer: ${exactDecimal(near) ?? formatRational(near)}`, { ...task.files, ...task.expectFiles });
      expect(off.grade.correct, `${task.id}: ${formatRational(near)}`).toBe(false);
    }
  });

  it('a two-hop lookup takes both hops: the person names the town, the town names the river', async () => {
    // A two-hop question: the person's document names the town but not the river; the town's names the river.
    const task = (await loadAgentTasks()).find((t) => t.id === 'lookup-09')!;
    const { seen } = await playOracle(task, ORACLES['lookup-09']!);
    const hit = (observation: string, id: string) => observation.split(/\n(?=\d+\. )/).find((h) => h.includes(`(id: ${id})`)) ?? '';
    expect(hit(seen[0]!, 'ida-ferrow')).toContain('born in Halvik');
    const person = (await bundledSearchIndex()).documents.find((d) => d.id === 'ida-ferrow')!;
    expect(person.text).not.toContain('Assel');
    expect(hit(seen[1]!, 'halvik')).toContain('River Assel');
  });
});

describe('task rows: tools and relTol', () => {
  const row = (extra: Record<string, unknown>) => JSON.stringify({ id: 'a', domain: 'd', prompt: 'p', answer: '1000000', grader: 'numeric', ...extra });

  it('parses tools and relTol, and rejects unknown tools, repeats, empty lists and relTol off the numeric grader', () => {
    expect(parseAgentTasks(row({ tools: ['search', 'calculator'], relTol: 0 }))[0]).toMatchObject({ tools: ['search', 'calculator'], relTol: 0 });
    expect(parseAgentTasks(row({}))[0]).not.toHaveProperty('tools');
    expect(() => parseAgentTasks(row({ tools: ['web'] }), 't.jsonl')).toThrow(/t\.jsonl:1: field 'tools' must be a non-empty list of distinct tool names from calculator, search, list_files, read_file, write_file \(got \["web"\]\)/);
    expect(() => parseAgentTasks(row({ tools: [] }))).toThrow(/field 'tools'/);
    expect(() => parseAgentTasks(row({ tools: ['search', 'search'] }))).toThrow(/field 'tools'/);
    expect(() => parseAgentTasks(row({ tools: 'search' }))).toThrow(/field 'tools'/);
    expect(() => parseAgentTasks(row({ relTol: -1 }))).toThrow(/field 'relTol' must be a number >= 0/);
    expect(() => parseAgentTasks(JSON.stringify({ id: 'a', domain: 'd', prompt: 'p', answer: 'x', grader: 'exact', relTol: 0 }))).toThrow(/'relTol' applies only to the numeric grader/);
  });

  it('relTol reaches the grader: 1000001 passes the default tolerance against 1000000 and fails relTol 0', async () => {
    const loose = parseAgentTasks(row({}))[0]!;
    const strict = parseAgentTasks(row({ relTol: 0 }))[0]!;
    expect((await gradeAgentTask(loose, 'Final Answer: 1000001', {})).correct).toBe(true);
    expect((await gradeAgentTask(strict, 'Final Answer: 1000001', {})).correct).toBe(false);
    expect((await gradeAgentTask(strict, 'Final Answer: 1,000,000', {})).correct).toBe(true);
  });

  it('a task gets only the built-in tools it names, in its order; without tools, the calculator and workspace tools', async () => {
    const workspace = await Workspace.create();
    try {
      const index = await bundledSearchIndex();
      const named = parseAgentTasks(row({ tools: ['search', 'calculator'] }))[0]!;
      expect(taskTools(named, workspace, index).map((t) => t.name)).toEqual(['search', 'calculator']);
      expect(taskTools(parseAgentTasks(row({}))[0]!, workspace).map((t) => t.name)).toEqual(['calculator', 'list_files', 'read_file', 'write_file']);
      expect(() => taskTools(named, workspace)).toThrow(/task a uses the search tool; give a document collection \(documents\)/);
    } finally {
      await workspace.dispose();
    }
  });
});

/** A runner that plays fixed replies, one per turn. */
class ReplayRunner implements ModelRunner {
  readonly description: ModelDescription = { name: 'replay', kind: 'gguf', location: 'test', accelerator: 'cpu', chatTemplate: 'none', details: {} };
  readonly requests: GenerationRequest[] = [];
  constructor(private readonly replies: string[]) {}
  async generate(request: GenerationRequest): Promise<Generation> {
    this.requests.push(request);
    const response = this.replies[this.requests.length - 1] ?? 'Final Answer: none';
    const now = performance.now();
    return { response, stopReason: 'eos', promptTokens: 1, completionTokens: 1, startMs: now, tokenTimesMs: [now], endMs: now };
  }
  async close(): Promise<void> {}
}

describe('runAgentTask and the search tool', () => {
  it('gives a lookup task the search tool over the bundled collection, and only the tools it names', async () => {
    const task = (await loadAgentTasks()).find((t) => t.id === 'lookup-01')!;
    const runner = new ReplayRunner([
      'Action: search\nAction Input: {"query": "Ida Ferrow patent lens"}',
      'Action: write_file\nAction Input: {"path": "x.txt", "content": "1"}',
      'Final Answer: 1878',
    ]);
    const result = await runAgentTask(task, { runner });
    expect(result.toolCalls.map((c) => [c.tool, c.ok, c.failure])).toEqual([
      ['search', true, null],
      ['write_file', false, 'unknown-tool'],
    ]);
    expect(result.toolCalls[0]!.observation).toMatch(/^1\. Ida Ferrow \(id: ida-ferrow\)\n/);
    expect(result.toolCalls[0]!.observation).toContain('1878');
    expect(result.correct).toBe(true);
  });

  it('a task without tools gets no search; a given collection replaces the bundled one', async () => {
    const plain = parseAgentTasks(JSON.stringify({ id: 'p', domain: 'd', prompt: 'p', answer: '1', grader: 'numeric' }))[0]!;
    const noSearch = await runAgentTask(plain, { runner: new ReplayRunner(['Action: search\nAction Input: {"query": "Halvik"}', 'Final Answer: 1']) });
    expect(noSearch.toolCalls[0]).toMatchObject({ tool: 'search', ok: false, failure: 'unknown-tool' });

    const documents = buildSearchIndex([{ id: 'only', title: 'Only', text: 'Halvik has a blue door.' }]);
    const task = parseAgentTasks(JSON.stringify({ id: 's', domain: 'lookup', prompt: 'p', answer: 'blue', grader: 'exact', tools: ['search'] }))[0]!;
    const result = await runAgentTask(task, { runner: new ReplayRunner(['Action: search\nAction Input: {"query": "Halvik door"}', 'Final Answer: blue']), documents });
    expect(result.toolCalls[0]!.observation).toBe('1. Only (id: only)\n   Halvik has a blue door.');
    expect(result.correct).toBe(true);
  });
});
