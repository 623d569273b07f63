/**
 * The hold-out split (test/grade-corpus/holdout*.ts): cases written blind, before the extraction work they test,
 * each batch run once as written (first-run figures in docs/grading.md) and only then used to find classes to fix,
 * reproduced in other wording in the tuning corpus. The extractors must pass 95% of them and must never count a
 * wrong answer as right.
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT_MATH, HOLDOUT_MATH_2, HOLDOUT_MATH_3, HOLDOUT_MATH_4, HOLDOUT_MC, HOLDOUT_MC_2, HOLDOUT_MC_3, HOLDOUT_MC_4, type HoldoutMathCase, type HoldoutMcCase } from './grade-corpus/holdout.ts';
import { HOLDOUT_MATH_5, HOLDOUT_MC_5 } from './grade-corpus/holdout-5.ts';
import { HOLDOUT_MATH_6, HOLDOUT_MC_6 } from './grade-corpus/holdout-6.ts';
import { HOLDOUT_MATH_7, HOLDOUT_MC_7 } from './grade-corpus/holdout-7.ts';
import { HOLDOUT_MATH_8, HOLDOUT_MC_8 } from './grade-corpus/holdout-8.ts';
import { HOLDOUT_MATH_9, HOLDOUT_MC_9 } from './grade-corpus/holdout-9.ts';
import { HOLDOUT_MATH_10, HOLDOUT_MC_10 } from './grade-corpus/holdout-10.ts';
import { HOLDOUT_MATH_11, HOLDOUT_MC_11 } from './grade-corpus/holdout-11.ts';
import { HOLDOUT_MATH_12, HOLDOUT_MC_12 } from './grade-corpus/holdout-12.ts';
import { HOLDOUT_MATH_13, HOLDOUT_MC_13 } from './grade-corpus/holdout-13.ts';
import { HOLDOUT_MATH_14, HOLDOUT_MC_14 } from './grade-corpus/holdout-14.ts';
import { HOLDOUT_MATH_15, HOLDOUT_MC_15 } from './grade-corpus/holdout-15.ts';
import { HOLDOUT_MATH_16, HOLDOUT_MC_16 } from './grade-corpus/holdout-16.ts';
import { mathOutcomes, mcOutcomes, report } from './helpers/grade-scoring.ts';

/** Each batch's multiple-choice and math cases, in the order they were written. */
const BATCHES: ReadonlyArray<readonly [readonly HoldoutMcCase[], readonly HoldoutMathCase[]]> = [
  [HOLDOUT_MC, HOLDOUT_MATH],
  [HOLDOUT_MC_2, HOLDOUT_MATH_2],
  [HOLDOUT_MC_3, HOLDOUT_MATH_3],
  [HOLDOUT_MC_4, HOLDOUT_MATH_4],
  [HOLDOUT_MC_5, HOLDOUT_MATH_5],
  [HOLDOUT_MC_6, HOLDOUT_MATH_6],
  [HOLDOUT_MC_7, HOLDOUT_MATH_7],
  [HOLDOUT_MC_8, HOLDOUT_MATH_8],
  [HOLDOUT_MC_9, HOLDOUT_MATH_9],
  [HOLDOUT_MC_10, HOLDOUT_MATH_10],
  [HOLDOUT_MC_11, HOLDOUT_MATH_11],
  [HOLDOUT_MC_12, HOLDOUT_MATH_12],
  [HOLDOUT_MC_13, HOLDOUT_MATH_13],
  [HOLDOUT_MC_14, HOLDOUT_MATH_14],
  [HOLDOUT_MC_15, HOLDOUT_MATH_15],
  [HOLDOUT_MC_16, HOLDOUT_MATH_16],
];

describe('grade hold-out split', () => {
  const batches = BATCHES.map(([mc, math]) => ({ mc: mcOutcomes(mc), math: mathOutcomes(math) }));
  const outcomes = batches.flatMap((b) => [...b.mc, ...b.math]);

  it('passes at least 95% of the cases', () => {
    batches.forEach((b, i) => {
      report(`hold-out batch ${i + 1} (mc)`, b.mc);
      report(`hold-out batch ${i + 1} (math)`, b.math);
    });
    expect(report('hold-out', outcomes)).toBeGreaterThanOrEqual(0.95);
  });

  it('never counts a wrong answer as right', () => {
    expect(outcomes.filter((o) => o.falseRight).map((o) => `${o.tag}: ${o.got}`)).toEqual([]);
  });
});
