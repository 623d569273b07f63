/**
 * The broad multiple-choice tuning set (test/grade-corpus/broad-mc.ts), written blind before its author read the
 * grader, scored the way test/grade-holdout.test.ts scores a hold-out batch. Unlike a hold-out batch it is a tuning
 * set: every case must pass, and no wrong answer may be counted right.
 *
 * First run, before any extraction change (2-core AMD EPYC VM): 159/169 (94.1%), 2 wrong answers counted
 * right (an echoed few-shot answer taken from a reply that never reached the real question, and a cut-off
 * elimination "... B ignores the tax. C" read as C).
 *
 * The second engineer's blind set (test/grade-corpus/broad-2.ts, BROAD2_MC) is run here too. Its first run,
 * against the same unchanged grader (2-core AMD EPYC VM): 99/109 (90.8%), 3 wrong answers counted right (an inline
 * "Answer: (D) — no wait, (B)" read as D, a withdrawn "The answer is B. ... so it's not right after all" read as
 * B, and a cut-off "Consider each choice:" list read as its first option's text); against the grader with the
 * broad-mc fixes already in: 102/109, 2 wrong counted right.
 */
import { describe, expect, it } from 'vitest';
import { extractMcAnswer } from '../lib/grade/mc.ts';
import { BROAD2_MC } from './grade-corpus/broad-2.ts';
import { BROAD_MC } from './grade-corpus/broad-mc.ts';
import type { HoldoutMcCase } from './grade-corpus/holdout.ts';

const asList = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

interface Outcome {
  tag: string;
  pass: boolean;
  /** A wrong answer would be counted right: a letter other than the reader's, or any letter where the reader sees none. */
  falseRight: boolean;
  got: string;
}

function outcomes(cases: readonly HoldoutMcCase[]): Outcome[] {
  return cases.map((c) => {
    const found = extractMcAnswer(c.response, c.choices?.length ?? c.n ?? 4, c.choices, { truncated: c.truncated, question: c.question });
    const pass = found.pred === c.pred && asList(c.status).includes(found.status);
    const falseRight = found.pred !== null && found.pred !== c.pred;
    return { tag: c.tag, pass, falseRight, got: `${found.pred ?? '∅'} ${found.status} ${found.rule} (want ${c.pred ?? '∅'} ${asList(c.status).join('|')})` };
  });
}

function describeSet(name: string, cases: readonly HoldoutMcCase[]): void {
  describe(name, () => {
    const results = outcomes(cases);

    it('passes every case', () => {
      const passed = results.filter((o) => o.pass).length;
      const wrongRight = results.filter((o) => o.falseRight).length;
      console.log(`${name}: ${passed}/${results.length} (${((passed / results.length) * 100).toFixed(1)}%), ${wrongRight} wrong counted right`);
      expect(results.filter((o) => !o.pass).map((o) => `${o.tag}: got ${o.got}`)).toEqual([]);
    });

    it('never counts a wrong answer as right', () => {
      expect(results.filter((o) => o.falseRight).map((o) => `${o.tag}: got ${o.got}`)).toEqual([]);
    });
  });
}

describeSet('broad mc tuning set', BROAD_MC);
describeSet('broad-2 mc tuning set', BROAD2_MC);
