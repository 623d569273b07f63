/**
 * Reading one committed option at a given offset: a letter in its usual wrappings, or the option's text.
 * Shared by every multiple-choice rule so that "is this letter really an answer?" is decided once.
 */
import { looseNormalize } from './text.ts';

export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export interface OptionsContext {
  /** Valid letters for this question, e.g. "ABCD". */
  letters: string;
  /** Normalized option texts in letter order; empty when the options are unknown. */
  options: readonly string[];
}

export interface Choice {
  letter: string;
  /** Offset just past what was read. */
  end: number;
  /** Another option follows as an alternative ("B or C"), so this is not a commitment to one option. */
  hedged: boolean;
  /** Read from the option's text rather than a letter. */
  byText: boolean;
}

/** Option text compared loosely, with digit-group commas dropped so "4,200" and "4200" meet. */
export function normalizeOption(text: string): string {
  return looseNormalize(text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1').replace(/\\(?:text|mathrm|textbf)\{([^{}]*)\}/g, '$1'));
}

/** Filler a model puts between "the answer is" and the letter. */
const FILLER = /^(?:\s|[:=\-—–$]|\\\(|\\\[|\\(?:boxed|text|textbf|mathrm|mathbf|fbox)\s*\{|\{|\b(?:the|option|choice|letter|answer|is|probably|likely|most\s+likely|clearly|definitely|indeed|therefore|then|thus|correct|right|best|final)\b)+/i;

/** Words that may follow a bare "A" or "I" when it is an answer rather than an article or pronoun. */
const AFTER_LETTER_WORDS = new Set([
  'is', 'was', 'would', 'seems', 'looks', 'appears', 'must', 'should', 'could', 'fits', 'matches',
  'because', 'since', 'as', 'and', 'or', 'which', 'with', 'but', 'so', 'here', 'for', 'given', 'due',
  'based', 'according', 'option', 'choice', 'answer', 'correct', 'right', 'best', 'only', 'then', 'instead',
]);

function letterAt(text: string, at: number, ctx: OptionsContext): { letter: string; end: number; wrapped: boolean } | null {
  const m = /^([(\[{]\s*)?([A-Za-z])(\s*[)\]}])?/.exec(text.slice(at, at + 8));
  if (!m?.[2]) return null;
  const raw = m[2];
  const end = at + m[0].length;
  const after = text.slice(end, end + 60);
  const wrapped = m[1] !== undefined || m[3] !== undefined;
  // Part of a longer word or a formula: "Cannot", "C(2,2)", "A'", "x=", "A-level".
  if (/^[A-Za-z0-9'’(=^_+|]/.test(after) || (!wrapped && /^-[A-Za-z]/.test(after))) return null;
  if (m[1] !== undefined && m[3] === undefined && !/^\s*[.:]/.test(after)) return null;
  const letter = raw.toUpperCase();
  if (!ctx.letters.includes(letter)) return null;
  if (raw !== letter && !wrapped && !/^\s*[.,;:!)]?\s*(?:\n|$)/.test(after)) return null;
  if (!wrapped) {
    const word = /^\s+([a-z]+)/.exec(after)?.[1];
    if (word !== undefined && !AFTER_LETTER_WORDS.has(word)) {
      // "A detailed calculation", "I cannot": an article or pronoun, unless the option's own text follows.
      const optionText = ctx.options[LETTERS.indexOf(letter)];
      const followsWithText = optionText !== undefined && optionText.length > 0 && normalizeOption(after).startsWith(optionText);
      if ((letter === 'A' || letter === 'I' || raw !== letter) && !followsWithText) return null;
    }
  }
  return { letter, end, wrapped };
}

/** "or C", "and C", "/C", ", C": an alternative to the letter just read. */
function alternativeFollows(text: string, at: number, ctx: OptionsContext): boolean {
  const m = /^\s*[)\]}]?\s*(?:,|\bor\b|\band\b|\/|&)\s*(?:(?:option|choice)\s+)?/i.exec(text.slice(at, at + 30));
  if (!m) return false;
  const next = letterAt(text, at + m[0].length, ctx);
  return next !== null && /^\s*(?:[)\].,;:!?]|$|\n|\s+(?:or|and|are|both|seem|might|could)\b)/i.test(text.slice(next.end, next.end + 12));
}

/** The one option whose text the phrase names, or null when none or several do. */
export function optionByText(phrase: string, ctx: OptionsContext): string | null {
  const named = optionsNamed(phrase, ctx);
  return named.length === 1 ? named[0]! : null;
}

/** The options whose text the phrase names: the exact one if it is an option, else each contained one not inside a longer one. */
export function optionsNamed(phrase: string, ctx: OptionsContext): string[] {
  const norm = normalizeOption(phrase);
  if (norm.length === 0 || ctx.options.length === 0) return [];
  const padded = ` ${norm} `;
  const all = ctx.options.map((o, i) => ({ o, letter: ctx.letters[i] ?? '' })).filter((x) => x.o.length > 0 && x.letter !== '');
  const exact = all.filter((x) => x.o === norm);
  if (exact.length === 1) return [exact[0]!.letter];
  const found = all.filter((x) => padded.includes(` ${x.o} `));
  const unshadowed = found.filter((x) => !found.some((y) => y !== x && y.o.length > x.o.length && ` ${y.o} `.includes(` ${x.o} `)));
  return unshadowed.map((x) => x.letter);
}

/** The sentence starting at `at`: up to a line break or a sentence-ending period (not a decimal point). */
export function sentenceAt(text: string, at: number, max = 200): string {
  const rest = text.slice(at, at + max);
  const stop = /\n|[.!?](?=\s|$)(?<!\d\.(?=\d))/.exec(rest);
  return stop ? rest.slice(0, stop.index) : rest;
}

/**
 * The option committed to at `at` (after a lead-in such as "the answer is"): a letter, or failing that
 * the option text the rest of the sentence names.
 */
export function readChoice(text: string, at: number, ctx: OptionsContext): Choice | null {
  const filler = FILLER.exec(text.slice(at, at + 80));
  const start = at + (filler?.[0].length ?? 0);
  const hit = letterAt(text, start, ctx);
  if (hit) return { letter: hit.letter, end: hit.end, hedged: alternativeFollows(text, hit.end, ctx), byText: false };
  const sentence = sentenceAt(text, start);
  // "either X or Y" names two options; the text rule would otherwise take the first.
  if (/\b(?:either|or)\b/i.test(sentence) && ctx.options.length > 0) {
    const parts = sentence.split(/\bor\b/i).map((p) => optionByText(p, ctx)).filter((l) => l !== null);
    if (new Set(parts).size > 1) return { letter: parts[0]!, end: start + sentence.length, hedged: true, byText: true };
  }
  const letter = optionByText(sentence, ctx);
  return letter === null ? null : { letter, end: start + sentence.length, hedged: false, byText: true };
}

const NEGATION_AFTER = new RegExp(
  String.raw`^\s*[)\]}.:]?\s*(?:(?:[^.!?\n]|\.(?=\d)){0,80}?[,;—–-]\s*(?:but|however|though|yet|and)?\s*(?:this|that|which|it)\s+)?` +
    String.raw`(?:(?:is|are|was|seems|appears|would\s+be|must\s+be|can\s+be)\s+(?:not\b|incorrect|wrong|false|invalid|eliminated|ruled\s+out|unlikely|impossible|excluded|a\s+distractor)|isn't|isn’t|is\s+not|cannot\s+be|can't\s+be|can’t\s+be|does\s+not|doesn't|doesn’t|fails)`,
  'i',
);
const NEGATION_BEFORE = /(?:\bnot|\bisn't|\bisn’t|rather\s+than|instead\s+of|\beliminat\w*|\brule\s+out|\bruling\s+out|\bexcept|\bother\s+than|\bunlike|\bexclud\w*|\bagainst)\s*(?:options?|choices?|answers?)?\s*(?:[(\[]?[A-Z][)\]]?\s*(?:,|and|or|&)\s*)*[(\[]?\s*$/i;

/** The letter read at [start, end) is said to be wrong, by the words right after it or right before it. */
export function isNegated(text: string, start: number, end: number): boolean {
  return NEGATION_AFTER.test(text.slice(end, end + 140)) || NEGATION_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}
