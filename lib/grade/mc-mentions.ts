/**
 * Letters and option texts a multiple-choice reply mentions without answering: options re-listed, the next item of
 * a walk-through being written when the reply was cut off, letters in a question or among the options weighed.
 * `mc.ts` leaves them out of its weaker readings. Also option texts named only in a question the reply asks itself or
 * where it denies them ("Not the mitochondrion").
 */
import { letterLines, type Item } from './mc-hits.ts';
import { LETTERS, negationAt, textSpan, type OptionsContext } from './mc-read.ts';
import { allMatches, blank } from './text.ts';

/** An answer label left empty at the end of the reply: "...\nD. Lysosome\nAnswer:". */
export const EMPTY_LABEL_END = /(?:^|\n)[ \t>#*]*(?:(?:final|correct|my)\s+)?answer\s*[:：]\s*$/i;

/** The text with re-listed option lines ("A. Ribosome\nB. Mitochondrion") blanked: listing an option names no answer. */
export function withoutListed(text: string, ctx: OptionsContext): string {
  return letterLines(text, ctx)
    .filter((l) => l.listed)
    .reduce((out, l) => blank(out, l.start, l.end), text);
}

/**
 * "A is too small. B ignores the tax. C" cut off: a letter that ends the text and opens the next item of an
 * in-order walk-through is that item being written, not the answer. Its offset, or nothing.
 */
export function nextItemAt(text: string, items: readonly Item[]): number[] {
  const m = /(?:^|[.!?;]\s+|\n[ \t>*\-]*)(?:(?:[Oo]ption|[Cc]hoice)\s+)?[(\[]?([A-Z])[)\].:]?\s*$/.exec(text);
  if (!m) return [];
  const at = m.index + m[0].lastIndexOf(m[1]!);
  const order = items.filter((i) => i.letterStart < at).map((i) => LETTERS.indexOf(i.letter));
  if (order.length < 2 || order.some((l, i) => i > 0 && l <= order[i - 1]!)) return [];
  return LETTERS.indexOf(m[1]!) === order.at(-1)! + 1 ? [at] : [];
}

/**
 * The letter at `at` stands in a question ("Is it B or C?") or among the options weighed ("decide between B and
 * C", "whether A or D"): deliberation, not an answer.
 */
export function deliberated(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf('\n'), ...['.', '!', '?'].map((c) => before.lastIndexOf(c))) + 1;
  const stop = /[\n.!?]/.exec(text.slice(at + 1));
  if (stop && text[at + 1 + stop.index] === '?') return true;
  // "either B or C" is a hedge (ambiguous), not deliberation: only "between" and "whether" weigh options.
  const weighed = /\b(?:between|whether)\s+(?:(?:options?|choices?)\s+)?(?:[(\[]?[A-Z][)\]]?\s*(?:,|and|or|\/|&)\s*(?:(?:options?|choices?)\s+)?)?[(\[]?$/i;
  return weighed.test(text.slice(start, at));
}

/** "between C and D", "whether A or B": the options a reply says it is torn between. */
export function tornBetween(sentence: string, ctx: OptionsContext): string[] {
  const opt = String.raw`(?:(?:options?|choices?)\s+)?[(\[]?([${ctx.letters}])[)\]]?`;
  const m = new RegExp(String.raw`\b(?:[Bb]etween|[Ww]hether|[Ee]ither)\s+${opt}\s*(?:,|and|or|\/|&)\s*${opt}(?![A-Za-z0-9])`).exec(sentence);
  return m && m[1] !== m[2] ? [m[1]!, m[2]!] : [];
}

/** The text with the questions a reply asks itself blanked: "Is it (B), since the market clears?" names no answer. */
export function withoutQuestions(text: string): string {
  return allMatches(text, /[^\n.!?]*\?/g).reduce((out, m) => blank(out, m.index, m.index + m[0].length), text);
}

/** Words right before an option's text that deny it: "Not the mitochondrion", "rather than Berlin". */
const DENIED_BEFORE = /\b(?:not|n't|n’t|rather\s+than|instead\s+of|unlike|except|other\s+than|never)\s+(?:\S+\s+){0,2}$/i;

/** Every mention of the option's text is denied (by the words before it, or a verdict after it). */
export function deniedText(text: string, optionText: string): boolean {
  let from = 0;
  let mentions = 0;
  for (let at = textSpan(text, optionText); at; at = textSpan(text.slice(from), optionText)) {
    const start = from + at.start;
    const end = from + at.end;
    mentions++;
    if (!DENIED_BEFORE.test(text.slice(Math.max(0, start - 40), start)) && negationAt(text, start, end) === null) return false;
    from = end;
  }
  return mentions > 0;
}
