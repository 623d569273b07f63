import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeResponse } from '../lib/grade/index.ts';
import { loadBfcl, loadQueries, type Query } from '../lib/queries/index.ts';
import { QueryValidationError } from '../lib/queries/errors.ts';

const jsonl = (rows: unknown[]): string => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';

const area = {
  name: 'calculate_triangle_area',
  description: 'Area of a triangle from base and height.',
  parameters: {
    type: 'dict',
    properties: { base: { type: 'integer' }, height: { type: 'integer' }, unit: { type: 'string', description: 'default "units"' } },
    required: ['base', 'height'],
  },
};
const weather = {
  name: 'get_weather',
  description: 'Current weather in a city.',
  parameters: { type: 'dict', properties: { city: { type: 'string' }, days: { type: 'integer' } }, required: ['city'] },
};
const user = (content: string) => [[{ role: 'user', content }]];

// Hand-written rows in BFCL's layout: data/<name>.json and data/possible_answer/<name>.json, JSON Lines.
const QUESTIONS = [
  { id: 'simple_0', question: user('Area of a triangle with base 10 and height 5?'), function: [area] },
  { id: 'multiple_0', question: user('Weather in San Francisco?'), function: [area, weather] },
  { id: 'parallel_0', question: user('Weather in Boston and in New York City, 3 days each.'), function: [weather] },
];
const ANSWERS = [
  { id: 'simple_0', ground_truth: [{ calculate_triangle_area: { base: [10], height: [5], unit: ['units', ''] } }] },
  { id: 'multiple_0', ground_truth: [{ get_weather: { city: ['San Francisco', 'San Francisco, CA'], days: [''] } }] },
  {
    id: 'parallel_0',
    ground_truth: [{ get_weather: { city: ['Boston', 'Boston, MA'], days: [3] } }, { get_weather: { city: ['New York City', 'NYC'], days: [3] } }],
  },
];

let dir: string;
let byId: Map<string, Query>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ipw-bfcl-'));
  await mkdir(join(dir, 'possible_answer'));
  await writeFile(join(dir, 'BFCL_v3_mixed.json'), jsonl(QUESTIONS));
  await writeFile(join(dir, 'possible_answer', 'BFCL_v3_mixed.json'), jsonl(ANSWERS));
  byId = new Map((await loadBfcl(join(dir, 'BFCL_v3_mixed.json'))).map((q) => [q.id, q]));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the bfcl recipe', () => {
  it('loads a BFCL question file (answers from possible_answer/ beside it) where any query set loads, with limit', async () => {
    const queries = await loadQueries(join(dir, 'BFCL_v3_mixed.json'), { recipe: 'bfcl', limit: 2 });
    expect(queries.map((q) => q.id)).toEqual([...byId.keys()].slice(0, 2));
    expect(queries.every((q) => q.grader === 'bfcl')).toBe(true);
  });
});

async function grade(id: string, response: string) {
  const query = byId.get(id);
  if (!query) throw new Error(`no query ${id}`);
  return gradeResponse(query, response);
}

describe('loadBfcl', () => {
  it('turns each question into a bfcl query that shows the functions and asks for the calls', () => {
    expect([...byId.keys()]).toEqual(['simple_0', 'multiple_0', 'parallel_0']);
    const q = byId.get('multiple_0');
    expect(q?.grader).toBe('bfcl');
    expect(q?.domain).toBe('multiple');
    expect(q?.prompt).toContain('Weather in San Francisco?');
    expect(q?.prompt).toContain('"name": "calculate_triangle_area"');
    expect(q?.prompt).toContain('"required"');
    expect(JSON.parse(q?.answer ?? '{}')).toMatchObject({ category: 'multiple', functions: { get_weather: { params: ['city', 'days'], required: ['city'] } } });
    expect(JSON.parse(byId.get('parallel_0')?.answer ?? '{}').category).toBe('parallel');
  });

  it('names the file and line of a malformed line', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, `${JSON.stringify(QUESTIONS[0])}\n{"id": "simple_1", "question": \n`);
    const error = await loadBfcl(bad, join(dir, 'possible_answer', 'BFCL_v3_mixed.json')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryValidationError);
    expect((error as Error).message).toContain(`${bad} line 2`);
  });

  it('names the answers file when a question has no possible answer', async () => {
    const lonely = join(dir, 'lonely.json');
    await writeFile(lonely, jsonl([{ ...QUESTIONS[0], id: 'simple_9' }]));
    const answers = join(dir, 'possible_answer', 'BFCL_v3_mixed.json');
    await expect(loadBfcl(lonely, answers)).rejects.toThrow(`${lonely} line 1: field "id" "simple_9" has no row in ${answers}`);
  });
});

describe('bfcl grader', () => {
  it('passes a correct call in JSON, in OpenAI tool_calls, and in Python syntax', async () => {
    const json = await grade('simple_0', '[{"name": "calculate_triangle_area", "arguments": {"base": 10, "height": 5}}]');
    expect(json).toMatchObject({ correct: true, rule: 'match', status: 'answered' });
    const tools = await grade('simple_0', JSON.stringify({ tool_calls: [{ type: 'function', function: { name: 'calculate_triangle_area', arguments: '{"base":10,"height":5,"unit":"units"}' } }] }));
    expect(tools.correct).toBe(true);
    const python = await grade('simple_0', '<think>maybe base=3?</think>[calculate_triangle_area(base=10, height=5, unit="Units")]');
    expect(python).toMatchObject({ correct: true, rule: 'match' });
  });

  it('leaves an optional argument out, and takes 5.0 for 5', async () => {
    expect((await grade('simple_0', 'calculate_triangle_area(base=10, height=5.0)')).correct).toBe(true);
    expect((await grade('multiple_0', '{"name": "get_weather", "arguments": {"city": "san francisco, ca"}}')).correct).toBe(true);
  });

  it('fails with the check that failed', async () => {
    expect(await grade('multiple_0', 'calculate_triangle_area(base=10, height=5)')).toMatchObject({ correct: false, rule: 'wrong_function' });
    expect(await grade('simple_0', 'calculate_triangle_area(base=10)')).toMatchObject({ correct: false, rule: 'missing_required' });
    const wrong = await grade('simple_0', 'calculate_triangle_area(base=10, height=6)');
    expect(wrong).toMatchObject({ correct: false, rule: 'wrong_value' });
    expect(wrong.verdict).toContain('height=6');
    expect(await grade('simple_0', 'calculate_triangle_area(base=10, height=5, color="red")')).toMatchObject({ correct: false, rule: 'unexpected_arg' });
    expect(await grade('simple_0', 'The area is 25.')).toMatchObject({ correct: false, rule: 'no_call', status: 'no_answer', pred: null });
  });

  it('matches parallel calls in any order, one to one', async () => {
    const reversed = '[get_weather(city="NYC", days=3), get_weather(city="Boston", days=3)]';
    expect(await grade('parallel_0', reversed)).toMatchObject({ correct: true, rule: 'match' });
    expect(await grade('parallel_0', 'get_weather(city="Boston", days=3)')).toMatchObject({ correct: false, rule: 'wrong_count' });
    const twice = await grade('parallel_0', '[get_weather(city="Boston", days=3), get_weather(city="Boston, MA", days=3)]');
    expect(twice).toMatchObject({ correct: false, rule: 'wrong_value' });
    expect(twice.verdict).toContain('expected call 2');
  });
});
