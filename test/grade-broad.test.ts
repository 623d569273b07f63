/**
 * The broad tuning sets (test/grade-corpus/broad*.ts): replies written blind, before their writers read the grader,
 * by six engineers, scored exactly as the hold-out is (test/grade-holdout.test.ts). Unlike a hold-out batch a tuning
 * set's misses were fixed as classes, so every case must pass but its known misses (listed with why; each abstains)
 * and no wrong answer may be counted right. Each set's first-run figure, before any change for it, and the classes
 * fixed are in docs/grading.md ("Broad ... tuning set" paragraphs).
 */
import { describe, expect, it } from 'vitest';
import { extractMathAnswer } from '../lib/grade/math-extract.ts';
import { BROAD2_MATH, BROAD2_MC } from './grade-corpus/broad-2.ts';
import { BROAD3_MATH, BROAD3_MC } from './grade-corpus/broad-3.ts';
import { BROAD4_MATH, BROAD4_MC } from './grade-corpus/broad-4.ts';
import { BROAD5_MATH, BROAD5_MC } from './grade-corpus/broad-5.ts';
import { BROAD6_MC } from './grade-corpus/broad-6.ts';
import { BROAD_MATH } from './grade-corpus/broad-math.ts';
import { BROAD_MC } from './grade-corpus/broad-mc.ts';
import { type Outcome, mathOutcomes, mcOutcomes, report } from './helpers/grade-scoring.ts';

/**
 * Cases no rule can read, by set and tag, each with why: the reading needs the question, which the case does not
 * carry, or knowledge of the subject. The test fails if one starts passing (then drop it here) or another misses.
 */
const KNOWN_MISSES: Record<string, Record<string, string>> = {
  'broad-3 mc': {
    // "... began in 1618 ... and ended in 1648 with the Peace of Westphalia": which year is asked is only in the question.
    hist_date_two_years: 'two option years, the question (not in the case) says which is asked',
    // "the killing of the Austro-Hungarian heir by Gavrilo Princip" for "The assassination of Archduke Franz Ferdinand".
    hist_paraphrased_option: 'a paraphrase of the option text that needs world knowledge',
    // "The worst case is O(n^2) ... The average case is O(n log n)": two claims; the question (not in the case) asks worst case.
    cs_value_then_others: 'two option texts claimed, the question (not in the case) says which',
  },
  'broad-5 mc': {
    // "by reducing the energy barrier that the reactants must get over" for "They lower the activation energy".
    text_paraphrase: 'a paraphrase of the option text that needs subject knowledge (an energy barrier is the activation energy)',
  },
  'broad-6 mc': {
    // "K comes from kalium, the Latin name for potassium. C would be carbon and Ca is calcium.": which answers
    // "which element has the symbol K" takes chemistry, not reading.
    chemical_symbol_text: 'three option texts named; which answers the question needs world knowledge',
  },
};

const SETS: ReadonlyArray<readonly [string, Outcome[]]> = [
  ['broad mc', mcOutcomes(BROAD_MC)],
  ['broad math', mathOutcomes(BROAD_MATH)],
  ['broad-2 mc', mcOutcomes(BROAD2_MC)],
  ['broad-2 math', mathOutcomes(BROAD2_MATH)],
  ['broad-3 mc', mcOutcomes(BROAD3_MC)],
  ['broad-3 math', mathOutcomes(BROAD3_MATH)],
  ['broad-4 mc', mcOutcomes(BROAD4_MC)],
  ['broad-4 math', mathOutcomes(BROAD4_MATH)],
  ['broad-5 mc', mcOutcomes(BROAD5_MC)],
  ['broad-5 math', mathOutcomes(BROAD5_MATH)],
  ['broad-6 mc', mcOutcomes(BROAD6_MC)],
];

describe('broad tuning sets', () => {
  for (const [name, outcomes] of SETS) {
    const known = KNOWN_MISSES[name] ?? {};
    it(`${name}: every case passes but its known misses`, () => {
      report(name, outcomes);
      expect(outcomes.filter((o) => !o.pass).map((o) => o.tag).sort()).toEqual(Object.keys(known).sort());
    });
    it(`${name}: never counts a wrong answer as right`, () => {
      expect(outcomes.filter((o) => o.falseRight).map((o) => `${o.tag}: ${o.got}`)).toEqual([]);
    });
  }
});

describe('echoed worked examples in math (the corpus cannot carry the question)', () => {
  const reply = 'Question: A shop sells 3 pens at $2 each. What do they cost?\nAnswer: 3 × 2 = 6.\n#### 6\n\nQuestion: What is 5 + 5?\nAnswer: 10\n#### 10';

  it('reads the last block of a reply that re-emits the few-shot examples', () => {
    expect(extractMathAnswer(reply, {}).answer).toBe('10');
  });

  it('reads the first block when it restates the question asked (what follows is invented)', () => {
    expect(extractMathAnswer(reply, { question: 'A shop sells 3 pens at $2 each. What do they cost?' }).answer).toBe('6');
  });
});
