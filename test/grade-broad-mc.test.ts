/**
 * The broad multiple-choice tuning set (test/grade-corpus/broad-mc.ts), written blind before its author read the
 * grader, scored the way test/grade-holdout.test.ts scores a hold-out batch. Unlike a hold-out batch it is a tuning
 * set: every case must pass (but the known misses listed below, each with why), and no wrong answer may be counted right.
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
 *
 * Two more blind sets by two further engineers, run here once before any change for them (2-core AMD EPYC VM; the
 * working tree of that moment: fcdfb5a plus the reasoning-only reading, mc-reasoning.ts, and the math work's
 * in-progress loop change in response.ts, all since committed in 0dfcadd): broad-3 (test/grade-corpus/broad-3.ts,
 * BROAD3_MC) 92/118 (78.0%), 6 wrong answers counted right (an explanation's "so breach of contract (A) fails", a
 * "response is ... as in operant conditioning", the variable in "A = 50,000 / 100", a marked answer doubted right
 * after, one of two claimed complexities, a withdrawn closest option); broad-4 (test/grade-corpus/broad-4.ts, BROAD4_MC, an
 * adversarial set probing precision) 100/116 (86.2%), 4 wrong answers counted right (the C language and "hepatitis
 * A, C and E" read as the letter C, an option text inside a question the reply asked itself, the second of two
 * conditional answers). Neither set has a reply that is
 * only reasoning, so the reasoning-only reading does not change these figures. After the fixes: broad-3 115/118, its
 * three known misses below (each abstains), and broad-4 116/116, none counted right in either; 7 "none of the options
 * fits" labels widened to also accept refused and one unflagged cut-off to also accept no_answer, with a comment each.
 */
import { describe, expect, it } from 'vitest';
import { extractMcAnswer } from '../lib/grade/mc.ts';
import { BROAD2_MC } from './grade-corpus/broad-2.ts';
import { BROAD3_MC } from './grade-corpus/broad-3.ts';
import { BROAD4_MC } from './grade-corpus/broad-4.ts';
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

/**
 * Cases a rule cannot read, each with why: the reading needs the question, which the case does not carry, or world
 * knowledge. Each abstains (no letter), so none counts a wrong answer right. The test fails if one starts passing
 * (then drop it here) or another starts missing.
 */
const KNOWN_MISSES: Record<string, Record<string, string>> = {
  'broad-3 mc tuning set': {
    // "... began in 1618 ... and ended in 1648 with the Peace of Westphalia": which year is asked is only in the question.
    hist_date_two_years: 'two option years, the question (not in the case) says which is asked',
    // "the killing of the Austro-Hungarian heir by Gavrilo Princip" for "The assassination of Archduke Franz Ferdinand".
    hist_paraphrased_option: 'a paraphrase of the option text that needs world knowledge',
    // "The worst case is O(n^2) ... The average case is O(n log n)": two claims; the question (not in the case) asks worst case.
    cs_value_then_others: 'two option texts claimed, the question (not in the case) says which',
  },
};

function describeSet(name: string, cases: readonly HoldoutMcCase[]): void {
  describe(name, () => {
    const results = outcomes(cases);
    const known = KNOWN_MISSES[name] ?? {};

    it('passes every case but its known misses', () => {
      const passed = results.filter((o) => o.pass).length;
      const wrongRight = results.filter((o) => o.falseRight).length;
      console.log(`${name}: ${passed}/${results.length} (${((passed / results.length) * 100).toFixed(1)}%), ${wrongRight} wrong counted right`);
      expect(results.filter((o) => !o.pass).map((o) => o.tag).sort()).toEqual(Object.keys(known).sort());
      expect(results.filter((o) => !o.pass && !(o.tag in known)).map((o) => `${o.tag}: got ${o.got}`)).toEqual([]);
    });

    it('never counts a wrong answer as right', () => {
      expect(results.filter((o) => o.falseRight).map((o) => `${o.tag}: got ${o.got}`)).toEqual([]);
    });
  });
}

describeSet('broad mc tuning set', BROAD_MC);
describeSet('broad-2 mc tuning set', BROAD2_MC);
describeSet('broad-3 mc tuning set', BROAD3_MC);
describeSet('broad-4 mc tuning set', BROAD4_MC);
