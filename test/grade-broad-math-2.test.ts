/**
 * Two more blind math tuning sets, scored exactly as the hold-out is (test/grade-holdout.test.ts): the math part of
 * test/grade-corpus/broad-3.ts (BROAD3_MATH, written blind by a third engineer: word problems, algebra, geometry,
 * counting, number theory, precalculus, in the styles of small local models) and of broad-4.ts (BROAD4_MATH, written
 * blind by a fourth engineer to probe precision: the gold value planted in step labels, asides, checks, echoed
 * examples, invented follow-ups, hedges and withdrawn answers). They are tuning sets: every case must pass and no
 * wrong answer may be counted right.
 *
 * First run, before any change for these sets (2-core AMD EPYC VM, 2026-12-06 00:25 UTC, on the grader as the other
 * tuning work had left it): broad-3 math 115/122 (94.3%), 0 wrong answers counted right; broad-4 math 100/111
 * (90.1%), 2 wrong answers counted right (`invented_question_only`, a value from an invented question taken;
 * `gold_in_withdrawn_boxed_unreplaced`, a box the reply withdrew and never replaced).
 */
import { describe, expect, it } from 'vitest';
import { mathEqual } from '../lib/grade/math-equal.ts';
import { extractMathAnswer } from '../lib/grade/math-extract.ts';
import { BROAD3_MATH } from './grade-corpus/broad-3.ts';
import { BROAD4_MATH } from './grade-corpus/broad-4.ts';
import type { HoldoutMathCase } from './grade-corpus/holdout.ts';

const asList = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

interface Outcome {
  tag: string;
  pass: boolean;
  /** A wrong answer would be counted right. */
  falseRight: boolean;
  got: string;
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

describe('broad math tuning sets 3 and 4', () => {
  const sets: [string, readonly HoldoutMathCase[]][] = [
    ['broad-3 math', BROAD3_MATH],
    ['broad-4 math', BROAD4_MATH],
  ];

  for (const [name, cases] of sets) {
    const outcomes = mathOutcomes(cases);
    it(`${name}: every case passes`, () => {
      expect(report(name, outcomes)).toEqual([]);
    });
    it(`${name}: never counts a wrong answer as right`, () => {
      expect(outcomes.filter((o) => o.falseRight).map((o) => `${o.tag}: ${o.got}`)).toEqual([]);
    });
  }
});
