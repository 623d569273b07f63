import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadQueries, RECIPES } from '../lib/queries/index.ts';
import { QueryValidationError } from '../lib/queries/errors.ts';

let dir: string;
let counter = 0;

function jsonl(rows: readonly unknown[]): string {
  const path = join(dir, `rows-${counter++}.jsonl`);
  writeFileSync(path, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ipw-recipes-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const MMLU_PRO_ROW = {
  question_id: 70,
  question: 'Typical advertising regulatory bodies suggest, for example that adverts must not: encourage _________, cause unnecessary ________ or _____, and must not cause _______ offence.',
  options: ['Safe practices, Fear, Jealousy, Trivial', 'Unsafe practices, Distress, Joy, Trivial', 'Safe practices, Wants, Jealousy, Trivial', 'Unsafe practices, Distress, Fear, Serious'],
  answer: 'D',
  answer_index: 3,
  cot_content: '',
  category: 'business',
  src: 'ori_mmlu-business_ethics',
};

describe('recipes', () => {
  it('lists every recipe with a one-line description', () => {
    expect(Object.keys(RECIPES)).toEqual(['mmlu-pro', 'supergpqa', 'gpqa', 'math-500', 'natural-reasoning', 'chat-log', 'bfcl']);
    for (const description of Object.values(RECIPES)) expect(description).toMatch(/^[^\n]{10,160}$/);
  });

  it('mmlu-pro: letter answer, falling back to answer_index', async () => {
    const { answer: _letter, ...withoutLetter } = MMLU_PRO_ROW;
    const path = jsonl([MMLU_PRO_ROW, { ...withoutLetter, question_id: 71, answer_index: 1 }]);
    const [first, second] = await loadQueries(path, { recipe: 'mmlu-pro' });
    expect(first).toEqual({
      id: '70',
      prompt: MMLU_PRO_ROW.question,
      domain: 'business',
      choices: MMLU_PRO_ROW.options,
      answer: 'D',
      grader: 'mc',
      meta: { answer_index: 3, cot_content: '', src: 'ori_mmlu-business_ethics' },
    });
    expect(second?.answer).toBe('B');
  });

  it('supergpqa: answer_letter and discipline', async () => {
    const path = jsonl([
      {
        uuid: 'dfb4a3d4c7b34b2f9b9d5c8e4a1f0e11',
        question: 'Which of the following is the SI unit of magnetic flux?',
        options: ['Tesla', 'Weber', 'Henry', 'Gauss', 'Maxwell'],
        answer: 'Weber',
        answer_letter: 'B',
        discipline: 'Science',
        field: 'Physics',
        subfield: 'Electrodynamics',
        difficulty: 'easy',
        is_calculation: false,
      },
    ]);
    const [query] = await loadQueries(path, { recipe: 'supergpqa' });
    expect(query).toMatchObject({ id: 'dfb4a3d4c7b34b2f9b9d5c8e4a1f0e11', domain: 'Science', answer: 'B', grader: 'mc' });
    expect(query?.choices).toHaveLength(5);
    expect(query?.meta).toEqual({ answer: 'Weber', field: 'Physics', subfield: 'Electrodynamics', difficulty: 'easy', is_calculation: false });
  });

  it('gpqa: options shuffled per seed, correct letter deterministic', async () => {
    const header = ['Record ID', 'Question', 'Correct Answer', 'Incorrect Answer 1', 'Incorrect Answer 2', 'Incorrect Answer 3', 'High-level domain', 'Subdomain'];
    const rows = [
      ['rec1a2b3', '"Which particle mediates the electromagnetic force?"', 'Photon', 'Gluon', 'W boson', 'Graviton', 'Physics', 'Quantum Mechanics'],
      ['rec4c5d6', '"What is the hybridization of carbon in methane?"', ' sp3\n', 'sp2', 'sp', 'dsp2', 'Chemistry', 'Organic Chemistry'],
    ];
    const path = join(dir, 'gpqa_diamond.csv');
    writeFileSync(path, [header.map((h) => `"${h}"`).join(','), ...rows.map((r) => r.map((c) => (c.startsWith('"') ? c : `"${c}"`)).join(','))].join('\n'));
    const seed1 = await loadQueries(path, { recipe: 'gpqa', seed: 1 });
    expect(seed1[0]).toMatchObject({ id: 'rec1a2b3', domain: 'Physics', grader: 'mc', meta: { Subdomain: 'Quantum Mechanics' } });
    for (const [query, correct] of seed1.map((q, i) => [q, i === 0 ? 'Photon' : 'sp3'] as const)) {
      expect(query.choices).toHaveLength(4);
      expect(query.choices?.[query.answer.charCodeAt(0) - 65]).toBe(correct);
    }
    expect(await loadQueries(path, { recipe: 'gpqa', seed: 1 })).toEqual(seed1);
    // Across seeds the correct answer must not always sit in the same slot.
    const letters = new Set<string>();
    for (let seed = 0; seed < 12; seed++) letters.add((await loadQueries(path, { recipe: 'gpqa', seed }))[0]?.answer ?? '');
    expect(letters.size).toBeGreaterThan(1);
  });

  it('math-500: numeric grader for numbers, exact otherwise', async () => {
    const path = jsonl([
      { problem: 'What is $\\sqrt{144}$?', solution: '$\\sqrt{144} = 12$.', answer: '12', subject: 'Prealgebra', level: 1, unique_id: 'test/prealgebra/1.json' },
      { problem: 'Simplify $\\frac{2}{4}$.', solution: '...', answer: '\\frac{1}{2}', subject: 'Algebra', level: 1, unique_id: 'test/algebra/2.json' },
    ]);
    const queries = await loadQueries(path, { recipe: 'math-500' });
    expect(queries.map((q) => [q.id, q.domain, q.answer, q.grader])).toEqual([
      ['test/prealgebra/1.json', 'Prealgebra', '12', 'numeric'],
      ['test/algebra/2.json', 'Algebra', '\\frac{1}{2}', 'numeric'],
    ]);
    expect(queries[0]?.meta).toEqual({ solution: '$\\sqrt{144} = 12$.', level: 1 });
  });

  it('natural-reasoning: reference answer, judge grader', async () => {
    const path = jsonl([
      {
        question: 'Explain why the sky appears blue during the day.',
        reference_answer: 'Rayleigh scattering of sunlight by air molecules.',
        responses: [{ response_model: 'Llama-3.3-70B-Instruct', response: 'Because of Rayleigh scattering...' }],
      },
    ]);
    const [query] = await loadQueries(path, { recipe: 'natural-reasoning' });
    expect(query).toMatchObject({ domain: 'general', answer: 'Rayleigh scattering of sunlight by air molecules.', grader: 'judge' });
    expect(query?.meta?.responses).toHaveLength(1);
  });

  it('chat-log: role/content and from/value turns', async () => {
    const path = jsonl([
      {
        id: 'conv-1',
        messages: [
          { role: 'system', content: 'You are terse.' },
          { role: 'user', content: 'Name a primary colour.' },
          { role: 'assistant', content: 'Red.' },
          { role: 'user', content: 'Another?' },
          { role: 'assistant', content: 'Blue.' },
        ],
      },
      { conversations: [{ from: 'human', value: 'Say hi.' }, { from: 'gpt', value: 'Hi!' }] },
    ]);
    const queries = await loadQueries(path, { recipe: 'chat-log' });
    expect(queries[0]).toEqual({ id: 'conv-1', prompt: 'Name a primary colour.', domain: 'general', answer: 'Red.', grader: 'judge', meta: { turns: 5, system: 'You are terse.' } });
    expect(queries[1]).toMatchObject({ prompt: 'Say hi.', answer: 'Hi!', grader: 'judge' });
  });

  it('chat-log: a chat with no reply is rejected with its line', async () => {
    const path = jsonl([{ messages: [{ role: 'user', content: 'Hello?' }] }]);
    const error = await loadQueries(path, { recipe: 'chat-log' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryValidationError);
    expect((error as Error).message).toBe(`${path} line 1: field "messages" has no assistant turn after the first user turn. Keep only chats with a reply; it is the reference answer for the judge.`);
  });

  it('rejects an unknown recipe by listing the known ones', async () => {
    const path = jsonl([{ prompt: 'p', answer: 'a' }]);
    await expect(loadQueries(path, { recipe: 'mmlu' })).rejects.toThrow(/Unknown recipe "mmlu".*mmlu-pro, supergpqa/);
  });
});
