/**
 * Math replies that never finished: cut off at the token limit or run into a loop, with no answer marker. Such a
 * reply's working ("Let me recompute: 12 × 4 = 48." over and over) is not an answer; what a careful reader takes is
 * a conclusion the reply stated in finished sentences and kept coming back to ("So the units digit is 3. Or is it
 * 9? ... So 3."), when every such conclusion agrees. Also a reply that is only closed reasoning (`<think>…</think>`
 * with nothing after it): the reasoning's final committed value is the only one the model stated, read with the same
 * rules, as multiple choice does (mc-reasoning.ts).
 */
import { mathEqual } from './math-equal.ts';
import type { MathExtraction } from './math-extract.ts';
import { allMatches } from './text.ts';

/** The rule of an answer read from inside the reasoning. */
export const IN_REASONING = 'in_reasoning';

/** The rule of a conclusion read from a reply that was cut off. */
const CUT_OFF_CONCLUSION = 'cut_off_conclusion';

const VALUE = String.raw`[-−]?\d[\d,]*(?:\.\d+)?(?:\s*\/\s*\d+)?%?`;
/**
 * A finished sentence that concludes on a value: "So the units digit is 3.", "Therefore x = 5.", "So 3.", "Thus the
 * total comes to 84." Not "So we need 3 more steps." (the value does not close it).
 */
const CONCLUSION = new RegExp(
  String.raw`(?:^|(?<=[.!?]\s)|(?<=\n))[ \t>*]*(?:so|therefore|thus|hence|in\s+total|altogether)\b,?\s*(?:[^.!?\n]*?(?:\b(?:is|are|equals|comes\s+to)\b|=)\s*|(?=[-−\d]))(${VALUE})\s*[.!](?=\s|$)`,
  'gi',
);

/**
 * The conclusion a cut-off reply stated (`text` is what is read of it): the value its finished concluding sentences
 * state, when there are two or more and all agree ("So the units digit is 3. Or is it 9? Let me check ... So 3.").
 * One conclusion the reply then moved on from ("Therefore x = 5. Now for y, ...") may be a step, not the answer.
 */
export function cutOffConclusion(text: string): { answer: string; rule: string; start: number; end: number } | null {
  const found = allMatches(text, CONCLUSION);
  const last = found.at(-1);
  if (!last || found.length < 2 || !found.every((m) => mathEqual(m[1]!, last[1]!))) return null;
  const start = last.index + last[0].lastIndexOf(last[1]!);
  return { answer: last[1]!, rule: CUT_OFF_CONCLUSION, start, end: start + last[1]!.length };
}

/**
 * The extraction of a reply that is only closed reasoning, given `read`, the ordinary reading of the reasoning with
 * its tags blanked (mc-reasoning.ts `reasoningOnly`). An answer found there is reported with rule `in_reasoning`, the
 * rule that read it kept in the detail; with none, the reply has no answer (`truncated` when it was cut off right
 * after closing the block).
 */
export function fromReasoning(response: string, read: MathExtraction, truncated: boolean): MathExtraction {
  const where = 'read from inside the reasoning, nothing follows it';
  const span = read.span && { start: read.span.start, end: read.span.end, text: response.slice(read.span.start, read.span.end) };
  if (read.answer !== null) return { ...read, rule: IN_REASONING, span, detail: `${where} (${read.rule}): ${read.detail}` };
  const status = truncated && read.status === 'no_answer' ? 'truncated' : read.status;
  return { ...read, status, span, detail: read.status === 'no_answer' ? 'only reasoning, and it states no answer' : `${where}: ${read.detail}` };
}
