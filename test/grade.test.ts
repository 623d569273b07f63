import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GRADERS, JudgeCache, gradeResponse, type JudgeModel } from '../lib/grade/index.ts';
import { gradeExact, normalizeExact } from '../lib/grade/exact.ts';
import { JUDGE_PROMPT_TEMPLATE, parseJudgeVerdict, renderJudgePrompt } from '../lib/grade/judge.ts';
import { judgeCacheKey } from '../lib/grade/judge-cache.ts';
import { extractMathAnswer } from '../lib/grade/math-extract.ts';
import { parseValue, sameValue } from '../lib/grade/mc-values.ts';
import { extractMcAnswer, gradeMc } from '../lib/grade/mc.ts';
import { gradeNumeric } from '../lib/grade/numeric.ts';
import { GRADER_NAMES, type Query } from '../lib/queries/types.ts';

const mcQuery: Query = {
  id: 'mc-1',
  prompt: 'What is the capital of Germany?',
  domain: 'geography',
  choices: ['Paris', 'London', 'Berlin', 'Madrid'],
  answer: 'C',
  grader: 'mc',
};

function numericQuery(answer: string): Query {
  return { id: 'num-1', prompt: 'How many?', domain: 'math', answer, grader: 'numeric' };
}

function exactQuery(answer: string): Query {
  return { id: 'ex-1', prompt: 'Name it.', domain: 'trivia', answer, grader: 'exact' };
}

describe('mc grader', () => {
  it.each([
    ['The answer is (C)', 'answer_is'],
    ['Answer: C', 'answer_label'],
    ['**Answer:** (C)', 'answer_label'],
    ['The correct answer is C.', 'answer_is'],
    ['answer: c', 'answer_label'],
    ['\\boxed{C}', 'boxed'],
    ['I choose C.', 'i_choose'],
    ['I would go with option C because Berlin is the capital.', 'i_choose'],
    ['Option C is correct.', 'letter_is_correct'],
    ['**C**', 'final_line'],
    ['C.', 'final_line'],
    ['(C)', 'final_line'],
    ['C', 'final_line'],
    ['c', 'final_line'],
    ['Let me check.\nA. Paris\nB. London\n\nC', 'final_line'],
    ['C. Berlin', 'final_line'],
    ['C) Berlin\nBerlin has been the capital since 1990.', 'first_line'],
    ['Of the options, I would say **C** here.', 'marked_letter'],
    ['Probably (C), since the others are not capitals of Germany.', 'marked_letter'],
    ['Berlin', 'option_text'],
    ['The capital of Germany is Berlin.', 'option_text'],
    ['I think C', 'loose_letter'],
  ])('reads C from %j via %s', (response, rule) => {
    const grade = gradeMc(mcQuery, response);
    expect(grade).toMatchObject({ grader: 'mc', pred: 'C', correct: true, status: 'answered', rule });
  });

  it('lets a later explicit commitment override an earlier guess', () => {
    const grade = gradeMc(mcQuery, 'I think B... actually the answer is D');
    expect(grade).toMatchObject({ pred: 'D', correct: false, status: 'answered', rule: 'answer_is' });
    expect(gradeMc(mcQuery, 'The answer is B. Wait, no: the answer is C.').pred).toBe('C');
  });

  it('does not read the article "A" as an answer', () => {
    expect(gradeMc(mcQuery, 'A cat is a mammal.')).toMatchObject({ pred: null, status: 'no_answer', correct: false });
    expect(gradeMc(mcQuery, 'A capital city is where the government sits. I think C')).toMatchObject({ pred: 'C', rule: 'loose_letter' });
    expect(gradeMc(mcQuery, 'The answer is a bit unclear').status).toBe('no_answer');
    expect(gradeMc(mcQuery, 'A is the one.')).toMatchObject({ pred: 'A', correct: false });
  });

  it('rejects letters beyond the number of choices and inside words', () => {
    expect(gradeMc(mcQuery, 'E').status).toBe('no_answer');
    expect(gradeMc(mcQuery, 'The CPU and the GPU').status).toBe('no_answer');
  });

  it('reports an empty response as no_answer, or truncated when generation was cut off', () => {
    expect(gradeMc(mcQuery, '   \n ')).toMatchObject({ pred: null, status: 'no_answer', rule: 'empty', correct: false });
    expect(gradeMc(mcQuery, 'Let me think about each capital', { truncated: true }).status).toBe('truncated');
  });

  it('reports several letters without a commitment as ambiguous', () => {
    expect(gradeMc(mcQuery, 'B or C')).toMatchObject({ pred: null, status: 'ambiguous', correct: false, verdict: 'candidates: B, C' });
    expect(gradeMc(mcQuery, 'The answer is B or C').status).toBe('ambiguous');
    expect(gradeMc(mcQuery, 'Paris or Berlin').status).toBe('ambiguous');
    // An echoed option list is not a commitment to its first line.
    expect(gradeMc(mcQuery, 'A. Paris\nB. London\nC. Berlin\nD. Madrid').status).toBe('ambiguous');
  });

  it('ignores deliberation inside closed think blocks', () => {
    expect(gradeMc(mcQuery, '<think>A or B? maybe D</think>The answer is C').pred).toBe('C');
  });

  it('compares option texts that are values by number and unit', () => {
    const same = (a: string, b: string): boolean => sameValue(parseValue(a)!, parseValue(b)!);
    expect([same('12 m/s', '12.0 m/s'), same('1/2', '50%'), same('50%', '50'), same('$5,000', '5000')]).toEqual([true, true, true, true]);
    expect([same('10%', '$10'), same('12 m/s', '12 km/h'), same('-$1,250', '$1,250')]).toEqual([false, false, false]);
    expect(parseValue('about twelve')).toBeNull();
  });

  it('reads closed reasoning with nothing after it, and says so', () => {
    const grade = gradeMc(mcQuery, '<think>Paris is in France, so A is out. The answer is C.</think>\n<|im_end|>');
    expect(grade).toMatchObject({ pred: 'C', correct: true, status: 'answered', rule: 'in_reasoning', span: { text: 'answer is C' } });
    expect(grade.verdict).toMatch(/^read from inside the reasoning, nothing follows it \(answer_is\)/);
    // Still open when cut off: no conclusion was reached.
    expect(gradeMc(mcQuery, '<think>The answer is C, but let me check the', { truncated: true })).toMatchObject({ pred: null, status: 'truncated' });
  });

  it('accepts an option-text reference and infers four choices when none are given', () => {
    expect(gradeMc({ ...mcQuery, answer: 'Berlin' }, 'C').correct).toBe(true);
    const { choices: _omit, ...noChoices } = mcQuery;
    expect(gradeMc(noChoices, 'The answer is D').pred).toBe('D');
    expect(extractMcAnswer('The answer is F', 6).pred).toBe('F');
    expect(() => gradeMc({ ...mcQuery, answer: 'Rome' }, 'C')).toThrow(/reference/);
  });
});

describe('numeric grader', () => {
  it.each([
    ['the answer is 42', '42', '42', 'answer_is'],
    ['First 7, then... \\boxed{42}. Check: 43 is wrong.', '42', '42', 'boxed'],
    ['So we get **2000** apples.', '2000', '2000', 'bold'],
    ['That is 2,000 in total', '2000', '2000', 'last_number'],
    ['x = -3.5', '-3.5', '-3.5', 'final_line'],
    ['half: 1/2', '0.5', '1/2', 'last_number'],
    ['\\boxed{\\frac{3}{4}}', '0.75', '\\frac{3}{4}', 'boxed'],
    ['Step 1: 48 / 2 = 24\n#### 72', '72', '72', 'hash_marker'],
    ['The answer is 3. Then 5 more steps to verify.', '3', '3', 'answer_is'],
    ['The answer: $1,234.50.', '1234.5', '1234.50', 'answer_is'],
  ])('reads %j', (response, reference, value, rule) => {
    const grade = gradeNumeric(numericQuery(reference), response);
    expect(grade).toMatchObject({ grader: 'numeric', pred: value, correct: true, status: 'answered', rule });
  });

  it('reads a percentage as its literal number or as its fraction', () => {
    expect(gradeNumeric(numericQuery('0.5'), 'It is 50%').correct).toBe(true);
    expect(gradeNumeric(numericQuery('0.4'), 'It is 50%').correct).toBe(false);
    expect(gradeNumeric(numericQuery('50%'), 'It is 50%').correct).toBe(true);
    expect(gradeNumeric(numericQuery('50'), 'It is 50%').correct).toBe(true);
  });

  it('applies the relative tolerance around the reference', () => {
    expect(gradeNumeric(numericQuery('1000000'), '1000000.5').correct).toBe(true); // 5e-7 relative
    expect(gradeNumeric(numericQuery('1000000'), '1000002').correct).toBe(false); // 2e-6 relative
    expect(gradeNumeric(numericQuery('100'), '101', { relTol: 0.02 }).correct).toBe(true);
    expect(gradeNumeric(numericQuery('100'), '103', { relTol: 0.02 }).correct).toBe(false);
    expect(gradeNumeric(numericQuery('0.3'), String(0.1 + 0.2)).correct).toBe(true);
  });

  it('uses the absolute tolerance when the reference is zero', () => {
    expect(gradeNumeric(numericQuery('0'), '0').correct).toBe(true);
    expect(gradeNumeric(numericQuery('0'), '1e-12').correct).toBe(true);
    expect(gradeNumeric(numericQuery('0'), '1e-6').correct).toBe(false);
    expect(gradeNumeric(numericQuery('0'), '0.001', { absTol: 0.01 }).correct).toBe(true);
  });

  it('does not read ranges, versions or chemical formulas as negative or decimal numbers', () => {
    expect(extractMathAnswer('pages 10-20').answer).toBe('20');
    expect(extractMathAnswer('v1.2 gives 7').answer).toBe('7');
    expect(extractMathAnswer('H2O').status).toBe('no_answer');
  });

  it('reports no number as no_answer and rejects a non-numeric reference', () => {
    expect(gradeNumeric(numericQuery('4'), 'I am not sure.')).toMatchObject({ pred: null, status: 'no_answer', correct: false });
    expect(gradeNumeric(numericQuery('4'), '')).toMatchObject({ status: 'no_answer', rule: 'empty' });
    expect(() => gradeNumeric(numericQuery(' $ $ '), '4')).toThrow(/no value/);
  });
});

describe('exact grader', () => {
  it('normalizes case, quotes, markdown, whitespace, articles and a trailing period', () => {
    expect(normalizeExact('  "The   Eiffel Tower."  ')).toBe('eiffel tower');
    expect(normalizeExact('**Paris**')).toBe('paris');
    expect(normalizeExact('an apple')).toBe('apple');
    expect(normalizeExact('(Paris)')).toBe('paris');
    expect(normalizeExact('`the Beatles`!')).toBe('beatles');
    expect(normalizeExact('U.S.A.')).toBe('u.s.a');
  });

  it('matches the whole response, its final line, or its "answer is" phrase', () => {
    expect(gradeExact(exactQuery('The Beatles'), 'beatles')).toMatchObject({ correct: true, rule: 'final_line', status: 'answered' });
    expect(gradeExact(exactQuery('Paris'), 'Let me think.\nFinal answer: Paris')).toMatchObject({ correct: true, rule: 'answer_is', pred: 'paris' });
    expect(gradeExact(exactQuery('Paris'), 'France has many cities.\n*Paris*')).toMatchObject({ correct: true, rule: 'final_line', pred: 'paris' });
    expect(gradeExact(exactQuery('Paris'), 'The answer is Paris. It is the capital.\nGood question!')).toMatchObject({ correct: true, rule: 'answer_is' });
    expect(gradeExact(exactQuery('Paris'), 'London')).toMatchObject({ correct: false, pred: 'london', status: 'answered' });
    expect(gradeExact(exactQuery('Paris'), 'Paris, France').correct).toBe(false);
  });

  it('reports an empty response as no_answer', () => {
    expect(gradeExact(exactQuery('Paris'), ' ')).toMatchObject({ pred: null, correct: false, status: 'no_answer' });
  });
});

/** A deterministic judge: says CORRECT when the response contains the reference, and records its prompts. */
class ContainsJudge implements JudgeModel {
  readonly name: string;
  readonly prompts: string[] = [];
  constructor(name = 'contains-judge', private readonly reply?: (prompt: string) => string) {
    this.name = name;
  }
  async complete(prompt: string): Promise<string> {
    this.prompts.push(prompt);
    if (this.reply) return this.reply(prompt);
    const reference = /Reference answer:\n(.*)\n/.exec(prompt)?.[1] ?? '\u0000';
    const response = /Response:\n([\s\S]*)\n\nIs the response/.exec(prompt)?.[1] ?? '';
    return response.includes(reference) ? 'CORRECT' : 'INCORRECT, the response differs.';
  }
}

const judgeQuery: Query = { id: 'j-1', prompt: 'Who wrote Hamlet?', domain: 'literature', answer: 'Shakespeare', grader: 'judge' };

describe('judge grader', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipw-judge-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('sends the documented prompt with question, reference and response', async () => {
    const judge = new ContainsJudge();
    const grade = await gradeResponse(judgeQuery, 'It was Shakespeare.', { judge });
    expect(judge.prompts).toEqual([
      JUDGE_PROMPT_TEMPLATE.replace('{question}', 'Who wrote Hamlet?')
        .replace('{reference}', 'Shakespeare')
        .replace('{response}', 'It was Shakespeare.'),
    ]);
    expect(judge.prompts[0]).toContain('Reply with a single word: CORRECT or INCORRECT.');
    expect(grade).toEqual({ grader: 'judge', pred: 'CORRECT', correct: true, status: 'answered', rule: 'judge_verdict', verdict: 'CORRECT' });
  });

  it('keeps the raw judge text in verdict and grades INCORRECT as wrong', async () => {
    const grade = await gradeResponse(judgeQuery, 'Marlowe', { judge: new ContainsJudge() });
    expect(grade).toMatchObject({ pred: 'INCORRECT', correct: false, status: 'answered', verdict: 'INCORRECT, the response differs.' });
  });

  it('includes the options in the question for a query that has them', async () => {
    const judge = new ContainsJudge();
    await gradeResponse({ ...judgeQuery, choices: ['Marlowe', 'Shakespeare'] }, 'Shakespeare', { judge });
    expect(judge.prompts[0]).toContain('Who wrote Hamlet?\n\nA. Marlowe\nB. Shakespeare\n\nReference answer:');
  });

  it('does not substitute placeholder-like text inside the response', () => {
    const prompt = renderJudgePrompt({ question: 'Q', reference: 'R', response: 'see {reference} and $& $1' });
    expect(prompt).toContain('Response:\nsee {reference} and $& $1\n');
  });

  it('parses verdicts case-insensitively, first occurrence wins, anything else is ambiguous', async () => {
    expect(parseJudgeVerdict('correct')).toBe('CORRECT');
    expect(parseJudgeVerdict('Verdict: Incorrect.')).toBe('INCORRECT');
    expect(parseJudgeVerdict('INCORRECT. The correct answer is X.')).toBe('INCORRECT');
    expect(parseJudgeVerdict('CORRECT, not INCORRECT')).toBe('CORRECT');
    expect(parseJudgeVerdict('This is not correct.')).toBe('INCORRECT');
    expect(parseJudgeVerdict('<think>is it correct?</think>INCORRECT')).toBe('INCORRECT');
    expect(parseJudgeVerdict('Correctly answered')).toBeNull();
    expect(parseJudgeVerdict('I cannot tell.')).toBeNull();
    const grade = await gradeResponse(judgeQuery, 'Shakespeare', { judge: new ContainsJudge('shrug', () => 'Maybe?') });
    expect(grade).toMatchObject({ pred: null, correct: false, status: 'ambiguous', rule: 'judge_unparsed', verdict: 'Maybe?' });
  });

  it('does not ask the judge about an empty response', async () => {
    const judge = new ContainsJudge();
    const grade = await gradeResponse(judgeQuery, '  ', { judge });
    expect(grade).toMatchObject({ status: 'no_answer', correct: false, pred: null });
    expect(judge.prompts).toHaveLength(0);
  });

  it('throws for a judge query without a judge', async () => {
    await expect(gradeResponse(judgeQuery, 'Shakespeare')).rejects.toThrow(/judge model/);
  });

  it('caches verdicts persistently and does not call the model for a cached one', async () => {
    const path = join(dir, 'sub', 'judge-cache.jsonl');
    const judge = new ContainsJudge();
    const cache = await JudgeCache.open(path);
    expect(cache.size).toBe(0);
    const first = await gradeResponse(judgeQuery, 'Shakespeare', { judge, judgeCache: cache });
    const second = await gradeResponse(judgeQuery, 'Shakespeare', { judge, judgeCache: cache });
    expect(judge.prompts).toHaveLength(1);
    expect(second).toEqual(first);

    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    const key = judgeCacheKey({ question: 'Who wrote Hamlet?', reference: 'Shakespeare', response: 'Shakespeare', judge: 'contains-judge' });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ key, judge: 'contains-judge', verdict: 'CORRECT' });

    // Reopened, the file answers without the model; a different judge name or response is a new key.
    const reopened = await JudgeCache.open(path);
    const silent = new ContainsJudge('contains-judge', () => {
      throw new Error('must not be called');
    });
    expect(await gradeResponse(judgeQuery, 'Shakespeare', { judge: silent, judgeCache: reopened })).toEqual(first);
    const other = new ContainsJudge('other-judge');
    await gradeResponse(judgeQuery, 'Shakespeare', { judge: other, judgeCache: reopened });
    await gradeResponse(judgeQuery, 'Marlowe', { judge, judgeCache: reopened });
    expect(other.prompts).toHaveLength(1);
    expect(judge.prompts).toHaveLength(2);
    expect((await readFile(path, 'utf8')).trim().split('\n')).toHaveLength(3);
  });

  it('shares one judge call between concurrent identical requests', async () => {
    const judge = new ContainsJudge();
    const cache = await JudgeCache.open(join(dir, 'cache.jsonl'));
    await Promise.all([1, 2, 3].map(() => gradeResponse(judgeQuery, 'Shakespeare', { judge, judgeCache: cache })));
    expect(judge.prompts).toHaveLength(1);
  });

  it('skips a torn last line when loading', async () => {
    const path = join(dir, 'cache.jsonl');
    const key = judgeCacheKey({ question: 'q', reference: 'r', response: 'x', judge: 'j' });
    await writeFile(path, `${JSON.stringify({ key, judge: 'j', verdict: 'CORRECT', createdAt: 'now' })}\n{"key":"ab`);
    const cache = await JudgeCache.open(path);
    expect(cache.get(key)).toBe('CORRECT');
    expect(cache.skippedLines).toBe(1);
  });

  it('keys on all four parts', () => {
    const base = { question: 'q', reference: 'r', response: 'x', judge: 'j' };
    const keys = new Set([
      judgeCacheKey(base),
      judgeCacheKey({ ...base, question: 'q2' }),
      judgeCacheKey({ ...base, reference: 'r2' }),
      judgeCacheKey({ ...base, response: 'x2' }),
      judgeCacheKey({ ...base, judge: 'j2' }),
      judgeCacheKey({ question: 'qr', reference: '', response: 'x', judge: 'j' }),
    ]);
    expect(keys.size).toBe(6);
    expect(judgeCacheKey({ ...base })).toBe(judgeCacheKey(base));
  });
});

describe('gradeResponse and GRADERS', () => {
  it('dispatches on the query grader', async () => {
    expect((await gradeResponse(mcQuery, 'Answer: C')).grader).toBe('mc');
    expect((await gradeResponse(numericQuery('4'), '4')).grader).toBe('numeric');
    expect((await gradeResponse(exactQuery('x'), 'x')).grader).toBe('exact');
    expect((await gradeResponse(numericQuery('100'), '101', { relTol: 0.02 })).correct).toBe(true);
  });

  it('describes every grader in one line', () => {
    expect(Object.keys(GRADERS).sort()).toEqual([...GRADER_NAMES].sort());
    for (const description of Object.values(GRADERS)) expect(description).not.toContain('\n');
  });
});
