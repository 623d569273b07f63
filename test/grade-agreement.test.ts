import { describe, expect, it } from 'vitest';
import { changeRate, cohenKappa, judgeAgreement, modeOf, readJudgeReply } from '../lib/grade/agreement.ts';
import { gradeRecords, parseGradeRecords } from '../lib/grade/records.ts';
import type { JudgeModel } from '../lib/grade/types.ts';

describe('cohenKappa', () => {
  it('matches the textbook two-rater example (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: kappa 0.4)', () => {
    const a = [...Array(25).fill('yes'), ...Array(25).fill('no')] as string[];
    const b = [...Array(20).fill('yes'), ...Array(5).fill('no'), ...Array(10).fill('yes'), ...Array(15).fill('no')] as string[];
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 12);
  });

  it('is 1 for identical labels, 0 against a constant rater, and NaN when undefined', () => {
    expect(cohenKappa(['A', 'B', 'C'], ['A', 'B', 'C'])).toBe(1);
    expect(cohenKappa(['A', 'B', 'NONE'], ['NONE', 'NONE', 'NONE'])).toBe(0);
    expect(cohenKappa(['A', 'A'], ['A', 'A'])).toBeNaN();
    expect(cohenKappa([], [])).toBeNaN();
    expect(() => cohenKappa(['A'], [])).toThrow(/1 labels against 0/);
  });

  it('counts groups that changed, and takes the most frequent label (first seen on a tie)', () => {
    expect(changeRate([['A', 'A'], ['A', 'B'], ['C', 'C', 'C'], ['B']])).toBeCloseTo(1 / 3, 12);
    expect(changeRate([['A'], ['B']])).toBeNaN();
    expect(modeOf(['B', 'A', 'A'])).toBe('A');
    expect(modeOf(['B', 'A'])).toBe('B');
  });
});

const RECORDS = parseGradeRecords(
  [
    { id: 'r1', response: 'The answer is (D).', n_choices: 4, answer: 'D' },
    { id: 'u1', response: 'Either B or C.', n_choices: 4, answer: 'B' },
    { id: 'u2', response: 'We need the total of both parts', answer: '7', grader: 'numeric' },
  ].map((r) => JSON.stringify(r)).join('\n'),
  'test',
);
const RULES = gradeRecords(RECORDS);

/** A judge that answers by response, optionally changing its mind on every call. */
function judge(name: string, answers: Record<string, string[]>): JudgeModel & { calls: number } {
  const seen = new Map<string, number>();
  return {
    name,
    calls: 0,
    async complete(prompt: string) {
      this.calls++;
      const key = Object.keys(answers).find((k) => prompt.includes(k))!;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      const list = answers[key]!;
      return list[n % list.length]!;
    },
  };
}

describe('judgeAgreement', () => {
  it('reads only the unresolved responses by default and lets each judge decide those', async () => {
    expect(RULES.map((v) => v.status)).toEqual(['answered', 'ambiguous', 'no_answer']);
    const one = judge('one', { 'Either B or C': ['B'], 'total of both parts': ['7'] });
    const { readings, summary } = await judgeAgreement(RECORDS, RULES, { judges: [one] });
    expect(readings.map((r) => [r.id, r.pred, r.correct, r.label])).toEqual([['u1', 'B', true, 'B'], ['u2', '7', true, '=reference']]);
    expect(summary.accuracy.rules).toBeCloseTo(1 / 3, 12);
    expect(summary.accuracy.byJudge).toEqual([{ judge: 'one', accuracy: 1 }]);
    expect(summary.accuracySwing).toBeNaN();
    expect(summary.repeatChangeRate).toBeNaN();
  });

  it('measures readings that change across repeats and the accuracy swing they cause', async () => {
    const flaky = judge('flaky', { 'Either B or C': ['B', 'C', 'B'], 'total of both parts': ['7'] });
    const { readings, summary } = await judgeAgreement(RECORDS, RULES, { judges: [flaky], repeats: 3 });
    expect(readings.filter((r) => r.id === 'u1').map((r) => r.pred)).toEqual(['B', 'C', 'B']);
    // u1 changed, u2 did not.
    expect(summary.repeatChangeRate).toBe(0.5);
    // Repeat 2 reads u1 as C: 2/3 against 3/3 in the others.
    expect(summary.repeatSwing[0]!.swing).toBeCloseTo(1 / 3, 12);
    // The majority reading (B) decides the judge's accuracy.
    expect(summary.accuracy.byJudge[0]!.accuracy).toBe(1);
  });

  it('compares with the rules on every response with scope all', async () => {
    const one = judge('one', { 'The answer is (D)': ['D'], 'Either B or C': ['NONE'], 'total of both parts': ['NONE'] });
    const two = judge('two', { 'The answer is (D)': ['A'], 'Either B or C': ['NONE'], 'total of both parts': ['7'] });
    const { summary } = await judgeAgreement(RECORDS, RULES, { judges: [one, two], scope: 'all' });
    expect(summary.judged).toBe(3);
    // one agrees with the rules everywhere (D, NONE, NONE); two on one response of three.
    expect(summary.withRules.map((p) => [p.a, p.agreement])).toEqual([['one', 1], ['two', 1 / 3]]);
    expect(summary.withRules[0]!.kappa).toBe(1);
    expect(summary.accuracy.byJudge.map((j) => j.accuracy)).toEqual([1 / 3, 1 / 3]);
    expect(summary.accuracySwing).toBe(0);
  });

  it('rejects bad options in API terms', async () => {
    await expect(judgeAgreement(RECORDS, RULES, { judges: [] })).rejects.toThrow(/option judges/);
    await expect(judgeAgreement(RECORDS, RULES, { judges: [judge('x', {})], repeats: 0 })).rejects.toThrow(/option repeats/);
    await expect(judgeAgreement(RECORDS, RULES, { judges: [judge('x', {}), judge('x', {})] })).rejects.toThrow(/share the name x/);
  });

  it('reads a judge reply with the graders, keeping NONE as no answer', () => {
    expect(readJudgeReply(RECORDS[1]!, 'NONE')).toMatchObject({ pred: null, status: 'no_answer', label: 'NONE', correct: false });
    expect(readJudgeReply(RECORDS[1]!, '(B)')).toMatchObject({ pred: 'B', correct: true });
    expect(readJudgeReply(RECORDS[2]!, '\\frac{14}{2}')).toMatchObject({ correct: true, label: '=reference' });
  });
});
