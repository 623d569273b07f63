/**
 * A fifth blind tuning set, scored exactly as the hold-out is (test/grade-holdout.test.ts): test/grade-corpus/broad-5.ts
 * (BROAD5_MC, 167 multiple-choice cases; BROAD5_MATH, 62 math cases), written blind by a fifth engineer: replies a
 * careful reader has to actually read (commitments in many phrasings and languages, answers mid-reply, options named
 * by their text, eliminations, verdict tables, <think> blocks, hedges, withdrawals, NOT/EXCEPT questions, echoes,
 * loops, refusals) and a varied math set in the same spirit. It is a tuning set: every case must pass and no wrong
 * answer may be counted right (one known miss, listed below with why, abstains).
 *
 * First run, before any change for this set (2-core AMD EPYC VM, 2026-12-06 00:47 UTC, on the grader as the other
 * tuning work had left it): broad-5 mc 146/167 (87.4%), 4 wrong answers counted right (`withdraw_closest`,
 * `withdraw_scratch`: a withdrawn answer still taken; `correct_stand_by`, `correct_oops`: the first answer taken over
 * a later correction); broad-5 math 58/62 (93.5%), 0 wrong answers counted right. After the class fixes (docs/grading.md,
 * "Broad tuning set 5"): mc 166/167 (the known miss below), math 62/62, none counted right wrongly.
 */
import { describe, expect, it } from 'vitest';
import { mathEqual } from '../lib/grade/math-equal.ts';
import { extractMathAnswer } from '../lib/grade/math-extract.ts';
import { extractMcAnswer } from '../lib/grade/mc.ts';
import { BROAD5_MATH, BROAD5_MC } from './grade-corpus/broad-5.ts';
import type { HoldoutMathCase, HoldoutMcCase } from './grade-corpus/holdout.ts';

const asList = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

interface Outcome {
  tag: string;
  pass: boolean;
  /** A wrong answer would be counted right. */
  falseRight: boolean;
  got: string;
}

function mcOutcomes(cases: readonly HoldoutMcCase[]): Outcome[] {
  return cases.map((c) => {
    const found = extractMcAnswer(c.response, c.choices?.length ?? c.n ?? 4, c.choices, { truncated: c.truncated, question: c.question });
    const pass = found.pred === c.pred && asList(c.status).includes(found.status);
    // Counted right when it should not be: a letter other than the reader's, or any letter where the reader sees none.
    const falseRight = found.pred !== null && found.pred !== c.pred;
    return { tag: c.tag, pass, falseRight, got: `${found.pred ?? '∅'} ${found.status} ${found.rule} (want ${c.pred ?? '∅'} ${asList(c.status).join('|')})` };
  });
}

function mathOutcomes(cases: readonly HoldoutMathCase[]): Outcome[] {
  return cases.map((c) => {
    const found = extractMathAnswer(c.response, { truncated: c.truncated });
    const correct = found.answer !== null && mathEqual(found.answer, c.reference);
    const pass = correct === c.correct && asList(c.status).includes(found.status);
    return { tag: c.tag, pass, falseRight: correct && !c.correct, got: `${found.answer ?? '∅'} ${found.status} ${found.rule}` };
  });
}

function report(name: string, outcomes: readonly Outcome[]): string[] {
  const passed = outcomes.filter((o) => o.pass).length;
  const wronglyRight = outcomes.filter((o) => o.falseRight).length;
  const failures = outcomes.filter((o) => !o.pass).map((o) => `${o.tag}: got ${o.got}${o.falseRight ? ' (counted right)' : ''}`);
  console.log(`${name}: ${passed}/${outcomes.length} (${((passed / outcomes.length) * 100).toFixed(1)}%), ${wronglyRight} wrong counted right${failures.length ? `\n  ${failures.join('\n  ')}` : ''}`);
  return failures;
}

/**
 * Cases no rule can read, each with why. Each abstains (no letter), so none counts a wrong answer right. The test
 * fails if one starts passing (then drop it here) or another starts missing.
 */
const KNOWN_MISSES: Record<string, Record<string, string>> = {
  'broad-5 mc': {
    // "by reducing the energy barrier that the reactants must get over" for "They lower the activation energy".
    text_paraphrase: 'a paraphrase of the option text that needs subject knowledge (an energy barrier is the activation energy)',
  },
};

describe('broad tuning set 5', () => {
  const sets: [string, Outcome[]][] = [
    ['broad-5 mc', mcOutcomes(BROAD5_MC)],
    ['broad-5 math', mathOutcomes(BROAD5_MATH)],
  ];

  for (const [name, outcomes] of sets) {
    const known = KNOWN_MISSES[name] ?? {};
    it(`${name}: every case passes but its known misses`, () => {
      const failures = report(name, outcomes);
      expect(outcomes.filter((o) => !o.pass).map((o) => o.tag).sort()).toEqual(Object.keys(known).sort());
      expect(failures.filter((f) => !(f.split(':')[0]! in known))).toEqual([]);
    });
    it(`${name}: never counts a wrong answer as right`, () => {
      expect(outcomes.filter((o) => o.falseRight).map((o) => `${o.tag}: ${o.got}`)).toEqual([]);
    });
  }
});

describe('broad-5 classes that need the question', () => {
  const reply = 'Question: A shop sells 3 pens at $2 each. What do they cost?\nAnswer: 3 × 2 = 6.\n#### 6\n\nQuestion: What is 5 + 5?\nAnswer: 10\n#### 10';

  it('reads the last block of a reply that re-emits the few-shot examples', () => {
    expect(extractMathAnswer(reply, {}).answer).toBe('10');
  });

  it('reads the first block when it restates the question asked (what follows is invented)', () => {
    expect(extractMathAnswer(reply, { question: 'A shop sells 3 pens at $2 each. What do they cost?' }).answer).toBe('6');
  });
});
