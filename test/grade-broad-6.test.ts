/**
 * A sixth blind tuning set, scored exactly as the hold-out is (test/grade-holdout.test.ts): test/grade-corpus/broad-6.ts
 * (BROAD6_MC, 162 multiple-choice cases), written blind by a sixth engineer to probe precision: letters and option
 * texts a careless grader would take but a careful reader would not underline. It is a tuning set: every case must
 * pass (but the known miss below, with why) and no wrong answer may be counted right.
 *
 * First run, before any change for this set (2-core AMD EPYC VM, 2026-12-06 00:58 UTC, on the working tree as the
 * other tuning work had left it, broad-5 in progress): 117/162 (72.2%), 35 wrong answers counted right. The rules
 * that produced them: `loose_letter` 14 (a lone capital in a short reply: "gets a B", "2 A", "B, boron,", "C would
 * be carbon", "B is tempting", "One might choose D", "ni A ni B", "order in A", a letter said not to be the answer
 * read back from a later mention), `option_text` 6 (an option's text only mentioned: in a cut-off reply, in an
 * example, in "No, osmosis is for water", in "Hepatitis B and D", withdrawn by "it isn't 36 N", a place in a clause
 * about something else), `marked_letter` 3 ("can't rule out (A)" read as rejecting A, "Many students pick (A)", "as in
 * option (C)" in an example), `answer_label` 3 (a label retracted by "I retract it", replaced after "Sorry, I
 * mislabelled", an invented "Question:" block's answer), `answer_is` 2 ("Actually, no:" not a withdrawal, an answer
 * to another part), `final_line`/`first_line` 3 ("(B) ... at best half right", "A: Let's work it out", an "I."
 * heading), `conclusion` 2 (the pronoun in "so I would not", an invented "Q:/A:" after a text answer),
 * `table_verdict` 1 (a table cut off), `closest` 1 ("closest is (F) 50 J, but ..., so none of these fit").
 * After the fixes (mc-asides.ts and small edits in mc.ts, mc-read.ts, mc-hits.ts): 161/162, none counted right.
 */
import { describe, expect, it } from 'vitest';
import { extractMcAnswer } from '../lib/grade/mc.ts';
import { BROAD6_MC } from './grade-corpus/broad-6.ts';
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
 * Cases no rule reads, each with why. Each abstains (no letter), so none counts a wrong answer right. The test fails
 * if one starts passing (then drop it here) or another starts missing.
 */
const KNOWN_MISSES: Record<string, string> = {
  // "K comes from kalium, the Latin name for potassium. C would be carbon and Ca is calcium.": three option texts;
  // that potassium answers "which element has the symbol K" takes chemistry, not reading. Abstains (ambiguous).
  chemical_symbol_text: 'three option texts named; which answers the question needs world knowledge',
};

describe('broad-6 mc tuning set (precision)', () => {
  const results = outcomes(BROAD6_MC);

  it('passes every case', () => {
    const passed = results.filter((o) => o.pass).length;
    const wrongRight = results.filter((o) => o.falseRight).length;
    const failures = results.filter((o) => !o.pass).map((o) => `${o.tag}: got ${o.got}${o.falseRight ? ' (counted right)' : ''}`);
    console.log(`broad-6 mc: ${passed}/${results.length} (${((passed / results.length) * 100).toFixed(1)}%), ${wrongRight} wrong counted right${failures.length ? `\n  ${failures.join('\n  ')}` : ''}`);
    expect(results.filter((o) => !o.pass).map((o) => o.tag).sort()).toEqual(Object.keys(KNOWN_MISSES).sort());
  });

  it('never counts a wrong answer as right', () => {
    expect(results.filter((o) => o.falseRight).map((o) => `${o.tag}: got ${o.got}`)).toEqual([]);
  });
});
