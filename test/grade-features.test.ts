import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  JudgeCache, gradeResponse, parseGradeRecords, summarizeVerdicts, gradeRecords, type JudgeModel,
} from '../lib/grade/index.ts';
import { explainGrades } from '../lib/grade/explain.ts';
import { lastJsonField } from '../lib/grade/json-field.ts';
import { mathEqual } from '../lib/grade/math-equal.ts';
import { gradeMc } from '../lib/grade/mc.ts';
import { gradeNaiveLastLetter } from '../lib/grade/naive.ts';
import type { Query } from '../lib/queries/types.ts';

const mcQuery: Query = { id: 'mc-1', prompt: 'Capital of Germany?', domain: 'geo', choices: ['Paris', 'London', 'Berlin', 'Madrid'], answer: 'C', grader: 'mc' };

class ScriptedJudge implements JudgeModel {
  readonly name = 'scripted';
  readonly prompts: string[] = [];
  constructor(private readonly reply: string) {}
  async complete(prompt: string): Promise<string> {
    this.prompts.push(prompt);
    return this.reply;
  }
}

describe('judge fallback', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipw-fallback-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('asks the judge only when the rules find no answer, keeps both readings, and caches the reading', async () => {
    const judge = new ScriptedJudge('C');
    const cache = await JudgeCache.open(join(dir, 'cache.jsonl'));
    const response = 'Germany moved its government to the city on the Spree in 1999.';
    const grade = await gradeResponse(mcQuery, response, { judge, judgeCache: cache, judgeFallback: true });
    expect(grade).toMatchObject({ pred: 'C', correct: true, status: 'answered', rule: 'judge_extract' });
    expect(grade.ruleBased).toMatchObject({ pred: null, status: 'no_answer', correct: false });
    expect(grade.judged).toMatchObject({ pred: 'C', correct: true, status: 'answered', raw: 'C' });
    // The judge reads; it is not shown the reference.
    expect(judge.prompts[0]).toContain(response);
    expect(judge.prompts[0]).not.toContain('Reference');
    await gradeResponse(mcQuery, response, { judge, judgeCache: cache, judgeFallback: true });
    expect(judge.prompts).toHaveLength(1);
    expect((await readFile(join(dir, 'cache.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(1);

    const answered = await gradeResponse(mcQuery, 'The answer is B.', { judge, judgeFallback: true });
    expect(answered).toMatchObject({ pred: 'B', rule: 'answer_is' });
    expect(answered.judged).toBeUndefined();
    expect(judge.prompts).toHaveLength(1);
  });

  it('keeps a missing answer missing when the judge says NONE', async () => {
    const grade = await gradeResponse(mcQuery, 'B or C', { judge: new ScriptedJudge('NONE'), judgeFallback: true });
    expect(grade).toMatchObject({ pred: null, status: 'ambiguous', correct: false });
    expect(grade.judged).toMatchObject({ pred: null, status: 'no_answer' });
  });

  it('reads a numeric judge reply with the math equivalence', async () => {
    const q: Query = { id: 'n', prompt: 'Half of one?', domain: 'math', answer: '0.5', grader: 'numeric' };
    const grade = await gradeResponse(q, 'Let me think about halves', { judge: new ScriptedJudge('\\frac{1}{2}'), judgeFallback: true });
    expect(grade).toMatchObject({ correct: true, status: 'answered', rule: 'judge_extract' });
  });

  it('needs a judge when the fallback is asked for', async () => {
    await expect(gradeResponse(mcQuery, 'hmm', { judgeFallback: true })).rejects.toThrow(/judgeFallback needs a judge/);
  });
});

describe('explainGrades', () => {
  const rows = [
    { id: 'a', response: 'Thinking... <b>bold</b> The answer is C.', ...gradeMc(mcQuery, 'Thinking... <b>bold</b> The answer is C.') },
    { id: 'b', response: 'I cannot answer this question.', ...gradeMc(mcQuery, 'I cannot answer this question.') },
  ];

  it('highlights the span the rule read, escaping HTML, in both renderings', () => {
    const out = explainGrades(rows);
    expect(out.count).toBe(2);
    expect(out.html).toContain('Thinking... &lt;b&gt;bold&lt;/b&gt; The <mark>answer is C</mark>.');
    expect(out.text).toContain('The [[answer is C]].');
    expect(out.text).toContain('[[I cannot answer]] this question.');
  });

  it('filters by status and by disagreement with another grader', () => {
    expect(explainGrades(rows, { status: 'refused' }).text).toMatch(/^b\s+pred=∅\s+status=refused/);
    const naive = { a: gradeNaiveLastLetter(rows[0]!.response, 4).pred, b: gradeNaiveLastLetter(rows[1]!.response, 10).pred };
    const disagreeing = explainGrades(rows, { disagreeWith: naive });
    expect(disagreeing.count).toBe(1);
    expect(disagreeing.text).toContain('other=I');
  });

  it('does not highlight a span that no longer matches the response', () => {
    const stale = [{ ...rows[0]!, response: 'edited' }];
    expect(explainGrades(stale).html).not.toContain('<mark>');
  });
});

describe('naive baseline', () => {
  it('makes the mistakes the rules avoid', () => {
    expect(gradeNaiveLastLetter('I cannot answer this question.', 10).pred).toBe('I');
    expect(gradeNaiveLastLetter('A detailed calculation shows 1/3.', 4).pred).toBe('A');
    expect(gradeNaiveLastLetter('The number of ways is C(2,2) = 1.', 4).pred).toBe('C');
    expect(gradeNaiveLastLetter('The answer is (A) is incorrect. The answer is (C) is correct.', 4).pred).toBe('A');
  });
});

describe('JSON answers with LaTeX', () => {
  it('keeps unescaped LaTeX commands that JSON.parse would turn into control characters', () => {
    expect(lastJsonField('{"answer": "\\frac{1}{2}"}', ['answer'])?.value).toBe('\\frac{1}{2}');
    expect(lastJsonField('{"answer": "\\\\sqrt{2}\\ntwo"}', ['answer'])?.value).toBe('\\sqrt{2}\\ntwo');
    expect(lastJsonField('{"answer": "a\\n", "x": 1}', ['answer'])?.value).toBe('a\n');
    expect(lastJsonField('{"answer": "\\times\\beta\\right)"}', ['answer'])?.value).toBe('\\times\\beta\\right)');
    expect(lastJsonField('{"answer": 3.5}', ['answer'])?.value).toBe('3.5');
  });
});

describe('math equivalence tolerance', () => {
  it('is explicit and adjustable', () => {
    expect(mathEqual('3.1416', '\\pi')).toBe(false);
    expect(mathEqual('3.1416', '\\pi', { relTol: 1e-5 })).toBe(true);
    expect(mathEqual('0', '1e-12')).toBe(true);
    expect(mathEqual('0.001', '0', { absTol: 0.01 })).toBe(true);
  });
});

describe('records', () => {
  it('summarizes verdicts by status with accuracy over records that have answers', () => {
    const records = parseGradeRecords(
      ['{"id":"1","response":"Answer: A","n_choices":4,"answer":"A"}', '{"id":"2","response":"","n_choices":4}', '{"id":3,"response":"\\\\boxed{2}","answer":2}'].join('\n'),
      'mem',
    );
    const s = summarizeVerdicts(gradeRecords(records));
    expect(s).toMatchObject({ total: 3, withAnswer: 2, correct: 2, accuracy: 1 });
    expect(s.byStatus.no_answer).toBe(1);
    expect(s.noAnswerRate).toBeCloseTo(1 / 3);
  });
});
