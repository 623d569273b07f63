/**
 * How a hold-out or tuning case is scored: the extractor's reading against the careful reader's label. Shared by
 * test/grade-holdout.test.ts and test/grade-broad.test.ts so both score a case the same way.
 */
import { mathEqual } from '../../lib/grade/math-equal.ts';
import { extractMathAnswer } from '../../lib/grade/math-extract.ts';
import { extractMcAnswer } from '../../lib/grade/mc.ts';
import type { HoldoutMathCase, HoldoutMcCase } from '../grade-corpus/holdout.ts';

export interface Outcome {
  tag: string;
  pass: boolean;
  /** A wrong answer would be counted right. */
  falseRight: boolean;
  got: string;
}

const asList = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

/** Passes when the letter and the status agree with the reader's. */
export function mcOutcomes(cases: readonly HoldoutMcCase[]): Outcome[] {
  return cases.map((c) => {
    const found = extractMcAnswer(c.response, c.choices?.length ?? c.n ?? 4, c.choices, { truncated: c.truncated, question: c.question });
    const pass = found.pred === c.pred && asList(c.status).includes(found.status);
    // Counted right when it should not be: a letter other than the reader's, or any letter where the reader sees none.
    const falseRight = found.pred !== null && found.pred !== c.pred;
    return { tag: c.tag, pass, falseRight, got: `${found.pred ?? '∅'} ${found.status} ${found.rule} (want ${c.pred ?? '∅'} ${asList(c.status).join('|')})` };
  });
}

/** Passes when right-or-wrong against the reference and the status agree with the reader's. */
export function mathOutcomes(cases: readonly HoldoutMathCase[]): Outcome[] {
  return cases.map((c) => {
    const found = extractMathAnswer(c.response, { truncated: c.truncated });
    const correct = found.answer !== null && mathEqual(found.answer, c.reference);
    const pass = correct === c.correct && asList(c.status).includes(found.status);
    return { tag: c.tag, pass, falseRight: correct && !c.correct, got: `${found.answer ?? '∅'} ${found.status} ${found.rule} (want ${c.correct ? 'right' : 'wrong'} ${asList(c.status).join('|')})` };
  });
}

/** Prints "name: passed/total (share), k wrong counted right" and the misses, so the figure can be quoted; returns the share. */
export function report(name: string, outcomes: readonly Outcome[]): number {
  const passed = outcomes.filter((o) => o.pass).length;
  const wronglyRight = outcomes.filter((o) => o.falseRight).length;
  const misses = outcomes.filter((o) => !o.pass).map((o) => `${o.tag}: got ${o.got}${o.falseRight ? ' (counted right)' : ''}`);
  console.log(`${name}: ${passed}/${outcomes.length} (${((passed / outcomes.length) * 100).toFixed(1)}%), ${wronglyRight} wrong counted right${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`);
  return passed / outcomes.length;
}
