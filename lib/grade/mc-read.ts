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
  /** The option texts as given, for reading them as values ("$10" is not "10%"). */
  raw?: readonly string[];
}

export interface Choice {
  letter: string;
  /** Offset just past what was read. */
  end: number;
  /** Another option follows as an alternative ("B or C"), so this is not a commitment to one option. */
  hedged: boolean;
  /** Read from the option's text or its number ("option 3") rather than a letter. */
  byText: boolean;
  /** The letter whose option text follows this letter instead of its own ("C: Paris" where Paris is B). */
  conflict?: string;
  /** Read from option text: where that text stands, so a verdict is looked for beside it ("breach of contract (A) fails"). */
  text?: { start: number; end: number };
}

/** Option text compared loosely, with digit-group commas dropped so "4,200" and "4200" meet. */
export function normalizeOption(text: string): string {
  return looseNormalize(text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1').replace(/\\(?:text|mathrm|textbf)\{([^{}]*)\}/g, '$1'));
}

/** Filler a model puts between "the answer is" and the letter (quotes included: 'the answer is "B. 42"'). */
const FILLER = /^(?:\s|[:=\-—–$"“'‘]|\\\(|\\\[|\\(?:boxed|text|textbf|mathrm|mathbf|fbox)\s*\{|\{|\b(?:the|option|choice|letter|answer|is|probably|likely|most\s+likely|clearly|definitely|indeed|therefore|then|thus|correct|right|best|final)\b)+/i;

/** Words that may follow a bare "A" or "I" when it is an answer rather than an article or pronoun. */
const AFTER_LETTER_WORDS = new Set([
  'is', 'was', 'would', 'seems', 'looks', 'appears', 'must', 'should', 'could', 'fits', 'matches',
  'because', 'since', 'as', 'and', 'or', 'which', 'with', 'but', 'so', 'here', 'for', 'given', 'due',
  'based', 'according', 'option', 'choice', 'answer', 'correct', 'right', 'best', 'only', 'then', 'instead',
]);

/**
 * Statements numbered in Roman numerals: the reply lists them ("I and III", "II, IV") or names one ("statement
 * II"), or the options do ("I only" ... "I, II and III"). "Type II diabetes" alone is not such a list.
 */
export function romanStatements(text: string, ctx: OptionsContext): boolean {
  const listed = /(?<![A-Za-z])(?:I|II|III|IV)(?:\s*,\s*|\s+(?:and|or|&)\s+)(?:I|II|III|IV)(?![A-Za-z])/.test(text);
  const named = /\b(?:statements?|claims?|assertions?)\s+(?:II|III|IV)(?![A-Za-z])/i.test(text);
  return listed || named || ctx.options.some((o) => /(?:^|[\s,])(?:ii|iii|iv)(?:[\s,]|$)/.test(o));
}

/**
 * A bare "I" among Roman-numeral statements is a statement's number, not the option letter I: "So I and III
 * hold", "The answer is I and II". "(I)", "[I]", "option I" and "I)" still name the option.
 */
export function romanNumeralAt(text: string, letterStart: number, ctx: OptionsContext): boolean {
  if (text[letterStart] !== 'I' || /^[)\]]/.test(text.slice(letterStart + 1)) || /(?:[(\[]|\b(?:option|choice)\s+)$/i.test(text.slice(0, letterStart))) return false;
  return romanStatements(text, ctx);
}

function letterAt(text: string, at: number, ctx: OptionsContext): { letter: string; end: number; wrapped: boolean } | null {
  const m = /^([(\[{]\s*)?([A-Za-z])(\s*[)\]}])?/.exec(text.slice(at, at + 8));
  if (!m?.[2]) return null;
  const raw = m[2];
  // A quoted letter, 'B' or "B. 42": the closing quote is part of the wrapping.
  const quoted = /["“'‘]/.test(text[at - 1] ?? '') && /^["”'’]/.test(text.slice(at + m[0].length));
  const end = at + m[0].length + (quoted ? 1 : 0);
  const after = text.slice(end, end + 60);
  const wrapped = m[1] !== undefined || m[3] !== undefined || quoted;
  // Part of a longer word or a formula: "Cannot", "C(2,2)", "A'", "x=", "A-level".
  if (/^[A-Za-z0-9'’(=^_+|]/.test(after) || (!wrapped && /^-[A-Za-z]/.test(after))) return null;
  // "(E (E (E": a quantized model stuttering the opened letter is still naming it.
  const stutter = new RegExp(String.raw`^\s+[(\[]${raw}(?![A-Za-z0-9])`).test(after);
  if (m[1] !== undefined && m[3] === undefined && !/^\s*[.:]/.test(after) && !stutter) return null;
  const letter = raw.toUpperCase();
  if (!ctx.letters.includes(letter)) return null;
  if (!wrapped && romanNumeralAt(text, at + (m[1]?.length ?? 0), ctx)) return null;
  if (raw !== letter && !wrapped && !/^\s*[.,;:!)]?\s*(?:\n|$)/.test(after)) return null;
  // "so I would not call it the answer": the pronoun, not option I.
  if (letter === 'I' && !wrapped && /^\s+(?:would|could|should|must|was|can|will|might|do|did|have|had)\b/.test(after)) return null;
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
  const named = namedIn(norm, ctx.options, ctx.letters);
  // "The mitochondria" for the option "Mitochondrion", "ribosomes" for "Ribosome": the other grammatical number.
  return named.length > 0 ? named : namedIn(foldNumber(norm), ctx.options.map(foldNumber), ctx.letters);
}

/** Long words with their number ending cut: "mitochondria" and "mitochondrion" both read "mitochondr". */
function foldNumber(norm: string): string {
  return norm
    .split(' ')
    .map((w) => (w.length >= 6 ? w.replace(/(?:ion|ium|ia|um|on|us|es|a|i|s)$/, '') : w))
    .join(' ');
}

function namedIn(norm: string, options: readonly string[], letters: string): string[] {
  const padded = ` ${norm} `;
  const all = options.map((o, i) => ({ o, letter: letters[i] ?? '' })).filter((x) => x.o.length > 0 && x.letter !== '');
  const exact = all.filter((x) => x.o === norm);
  if (exact.length === 1) return [exact[0]!.letter];
  const found = all.filter((x) => padded.includes(` ${x.o} `));
  // A text inside a longer one named ("O(n)" in "O(n log n)") is shadowed, unless it is also named on its own.
  const count = (hay: string, needle: string): number => hay.split(needle).length - 1;
  const inside = (x: { o: string }): number => found.filter((y) => y !== x && y.o.length > x.o.length).reduce((n, y) => n + count(padded, ` ${y.o} `) * count(` ${y.o} `, ` ${x.o} `), 0);
  const unshadowed = found.filter((x) => inside(x) === 0 || count(padded, ` ${x.o} `) > inside(x));
  return unshadowed.map((x) => x.letter);
}

/** The sentence starting at `at`: up to a line break or a sentence-ending period (not a decimal point). */
export function sentenceAt(text: string, at: number, max = 200): string {
  const rest = text.slice(at, at + max);
  const stop = /\n|[.!?](?=\s|$)(?<!\d\.(?=\d))/.exec(rest);
  return stop ? rest.slice(0, stop.index) : rest;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/**
 * "option 3", "choice #2", "the third option": an option named by its position. `unclear` when the number is
 * also another option's own text (options "3", "5", "7", "9": is "option 3" the first or the third?).
 */
function optionByNumber(text: string, at: number, ctx: OptionsContext): { letter: string; end: number; unclear: boolean } | null {
  const rest = text.slice(at, at + 40);
  const lead = String.raw`^\s*(?:(?:the|probably|likely|most\s+likely|clearly|definitely|correct|right|best)\s+)*`;
  const numbered = new RegExp(String.raw`${lead}(?:option|choice)\s*(?:number\s*|no\.\s*|#\s*)?(\d{1,2})(?![\d/%]|[.,]\d|\s*(?:%|\/))`, 'i').exec(rest);
  const ordinal = new RegExp(String.raw`${lead}(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\s+(?:option|choice)\b`, 'i').exec(rest);
  const m = numbered ?? ordinal;
  if (!m) return null;
  const named = optionAtPosition(m[1]!, ctx);
  return named && { ...named, end: at + m[0].length };
}

/**
 * The option at a position given as a number ("3") or an ordinal ("third"), or null past the last option.
 * `unclear` when a number is also another option's own text (options "3", "5", "7", "9").
 */
export function optionAtPosition(position: string, ctx: OptionsContext): { letter: string; unclear: boolean } | null {
  const numbered = /^\d+$/.test(position);
  // "the last option": the final one of this question's options.
  const index = numbered ? Number(position) - 1 : /^last$/i.test(position) ? ctx.letters.length - 1 : ORDINALS.indexOf(position.toLowerCase());
  const letter = ctx.letters[index];
  if (index < 0 || letter === undefined) return null;
  return { letter, unclear: numbered && ctx.options.some((o, i) => o === position && i !== index) };
}

/** The option whose exact text follows a letter in place of the letter's own ("C: Paris", "(C) Paris"), or undefined. */
function conflictingText(text: string, end: number, letter: string, ctx: OptionsContext): string | undefined {
  if (ctx.options.length === 0) return undefined;
  const sep = /^\s*[:.)\-—–]?\s*/.exec(text.slice(end))?.[0].length ?? 0;
  const phrase = sentenceAt(text, end + sep).replace(/["”'’*]+\s*$/, '');
  const norm = normalizeOption(phrase);
  const own = ctx.options[LETTERS.indexOf(letter)];
  if (norm.length === 0 || own === undefined || norm === own) return undefined;
  const other = ctx.options.findIndex((o) => o === norm);
  return other >= 0 ? ctx.letters[other] : undefined;
}

/**
 * The option committed to at `at` (after a lead-in such as "the answer is"): a letter, an option named by
 * its number ("option 3"), or failing those the option text the rest of the sentence names. A letter followed
 * by another option's exact text ("C: Paris" where Paris is B) commits to neither: it is read as hedged.
 */
export function readChoice(text: string, at: number, ctx: OptionsContext): Choice | null {
  const filler = FILLER.exec(text.slice(at, at + 80));
  const start = at + (filler?.[0].length ?? 0);
  const hit = letterAt(text, start, ctx);
  if (hit) {
    const conflict = conflictingText(text, hit.end, hit.letter, ctx);
    const choice: Choice = { letter: hit.letter, end: hit.end, hedged: conflict !== undefined || alternativeFollows(text, hit.end, ctx), byText: false };
    if (conflict !== undefined) choice.conflict = conflict;
    return choice;
  }
  const numbered = optionByNumber(text, at, ctx);
  if (numbered) return { letter: numbered.letter, end: numbered.end, hedged: numbered.unclear, byText: true };
  const sentence = sentenceAt(text, start);
  // "either X or Y" names two options; the text rule would otherwise take the first.
  if (/\b(?:either|or)\b/i.test(sentence) && ctx.options.length > 0) {
    const parts = sentence.split(/\bor\b/i).map((p) => optionByText(p, ctx)).filter((l) => l !== null);
    if (new Set(parts).size > 1) return { letter: parts[0]!, end: start + sentence.length, hedged: true, byText: true };
  }
  const letter = optionByText(sentence, ctx);
  if (letter === null) return null;
  // The lead-in names the option only when its text opens what follows ("the answer is probably classical
  // conditioning"), not when it turns up later in a sentence about something else ("the response is elicited by a
  // stimulus rather than shaped ... as in operant conditioning").
  const where = textSpan(sentence, ctx.options[LETTERS.indexOf(letter)] ?? '');
  if (where && sentence.slice(0, where.start).trim().split(/\s+/).filter((w) => w.length > 0).length > LEAD_WORDS) return null;
  const choice: Choice = { letter, end: start + sentence.length, hedged: false, byText: true };
  if (where) choice.text = { start: start + where.start, end: start + where.end };
  return choice;
}

/** Words that may stand between a lead-in and the option text it names: "the answer is most likely that of ...". */
const LEAD_WORDS = 4;

/** Where `optionText` (normalized) first stands in `phrase`, on word boundaries, or null. */
export function textSpan(phrase: string, optionText: string): { start: number; end: number } | null {
  if (optionText.length === 0) return null;
  const starts = [...phrase.matchAll(/\S+/g)].map((m) => m.index);
  const ends = allWords(phrase);
  for (const i of starts) {
    for (const j of ends) {
      if (j <= i) continue;
      const norm = normalizeOption(phrase.slice(i, j));
      // The text without the punctuation that closes its sentence: "6 m/s." ends before the period.
      if (norm === optionText) return { start: i, end: j - (/[.,;:!?"”'’]+$/.exec(phrase.slice(i, j))?.[0].length ?? 0) };
      if (norm.length > optionText.length) break;
    }
  }
  return null;
}

/** Words that may stand between "is" and its judgement: "(C) is also incorrect". */
const ADVERB = String.raw`(?:(?:also|likewise|similarly|clearly|too|again|equally|obviously|definitely|certainly|then|still|surely|thus|therefore)\s+)?`;
const COPULA = String.raw`(?:is|are|was|seems|appears|would\s+be|must\s+be|can\s+be|looks|['’]s)`;
/** Judging the option as an answer: wrong, ruled out, not the one ("not one of them" is a property, below). */
const VERDICT = String.raw`(?:${COPULA}\s+${ADVERB}(?:incorrect|wrong|false|invalid|eliminated|ruled\s+out|unlikely|impossible|excluded|(?:a\s+)?(?:distractor|trap|red\s+herring)s?\b|out\b|not\s+(?:the\s+)?(?:correct|right|answer|best|one|case|valid)\b(?<!not\s+one(?=\s+of\s+(?:them|these|those)\b))|not\s+it\b)|(?:isn't|isn’t)\s+${ADVERB}(?:the\s+)?(?:correct|right|answer|best|one|valid|it)\b|(?:cannot|can't|can’t|could\s+not|couldn't|couldn’t)\s+be\s+(?:right|correct|the\s+answer|it|chosen)\b|(?:does\s+not|doesn't|doesn’t)\s+${ADVERB}(?:match|fit|work|hold|apply)\b|fails\b|fail\s+(?:too|as\s+well|also)\b)`;
/** Saying the option lacks a property: a rejection in an ordinary question, the answer in a NOT question. */
const PROPERTY = String.raw`(?:${COPULA}\s+${ADVERB}not\b|isn't|isn’t|aren't|aren’t|cannot\s+be|can't\s+be|can’t\s+be|does\s+not|doesn't|doesn’t|do\s+not|don't|don’t|fails|lacks|has\s+no|is\s+never)`;
/** "(I) 1/3, but this is incorrect": the judgement comes after a clause, through a pronoun. */
const PRONOUN_CLAUSE = String.raw`(?:(?:[^.!?\n]|\.(?=\d)){0,80}?[,;—–-]\s*(?:but|however|though|yet|and|so|thus|hence|therefore)?\s*(?:this|that|which|it)(?:\s+|(?=['’]s\s)))`;
/** "Option D, pumping blood, is not ...", "Option A (whale) is ...": an aside between the letter and the verb. */
const APPOSITIVE = String.raw`(?:,[^,.;!?\n]{1,60},\s*|\([^()\n]{1,40}\)\s*)`;
// An aside never reaches past the end of the letter's sentence: "The answer is (B). (B) is not obvious, but ...".
/** "(A) and (F) are traps", "B, C and D are wrong": the letter opens a list the verdict covers. */
const LETTER_LIST = String.raw`(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*&\s*)(?:(?:options?|choices?)\s+)?[(\[]?[A-Z][)\]]?(?![A-Za-z0-9]))*`;
/** The next sentence names another option ("(D). Option B looks close, but ... it is out"): its pronoun is that one. */
const NAMES_ANOTHER = String.raw`(?![^.!?\n]*(?:\b(?:[Oo]ption|[Cc]hoice)\s+[A-Z]\b|[(\[][A-Z][)\]]))`;
const LEAD = String.raw`^\s*(?:[)\]}:"”'’]?${LETTER_LIST}\s*(?:${APPOSITIVE}|${PRONOUN_CLAUSE})?|\.\s*${NAMES_ANOTHER}${PRONOUN_CLAUSE}?)`;
/** "A: incorrect", "B - false", "C) Wrong": a verdict word right after the letter and a separator. */
const BARE_VERDICT = String.raw`^\s*[)\]]?\s*[:\-—–,]\s*(?:(?:clearly|also|definitely)\s+)?(?:incorrect|wrong|false|invalid|eliminated|ruled\s+out|not\s+correct)\b`;
/** "Paris (A). That would be wrong, though": a verdict in the next sentence, through a pronoun (verdicts only). */
const NEXT_SENTENCE_VERDICT = String.raw`^\s*[)\]]?\s*\.\s+(?:this|that|it)(?:\s+|(?=['’]s\s))`;
const VERDICT_AFTER = new RegExp(`${LEAD}${VERDICT}|${BARE_VERDICT}|${NEXT_SENTENCE_VERDICT}${VERDICT}`, 'i');
const PROPERTY_AFTER = new RegExp(LEAD + PROPERTY, 'i');
const NEGATION_BEFORE = /(?:\b(?:wrong|incorrect|false)\s*[:：]|\bnot|\bisn't|\bisn’t|rather\s+than|instead\s+of|\beliminat\w*|(?<!(?:can't|can’t|cannot|not)\s+)\brule\s+out|\bruling\s+out|\bexcept|\bother\s+than|\bunlike|\bexclud\w*|\bagainst)\s*(?:options?|choices?|answers?)?\s*(?:[(\[]?[A-Z][)\]]?\s*(?:,|and|or|&)\s*)*[(\[]?\s*$/i;

/** "... are incorrect except (", "wrong apart from option ": the letter that follows is the one a rejection spares. */
const EXCEPTED_FROM_REJECTION = /\b(?:incorrect|wrong|false|ruled\s+out)\s*,?\s*(?:except|save|apart\s+from|other\s+than)\s+(?:for\s+)?(?:options?\s+|choices?\s+)?[(\[]?\s*$/i;

/** Where `optionText` starts when it stands right before the letter at `start` ("Paris (A)"), or null. */
function optionTextBefore(text: string, start: number, optionText: string): number | null {
  if (optionText.length === 0) return null;
  const before = text.slice(Math.max(0, start - 160), start).replace(/[(\[]\s*$/, '').trimEnd();
  const offset = Math.max(0, start - 160);
  const starts = [...before.matchAll(/\S+/g)].map((m) => m.index).reverse();
  for (const i of starts) {
    const norm = normalizeOption(before.slice(i));
    if (norm === optionText) return offset + i;
    if (norm.length > optionText.length) break;
  }
  return null;
}

/** The length of `optionText` (normalized) at the start of `after`, so "(C) nitrogen is not ..." reads past "nitrogen". */
function optionTextLength(after: string, optionText: string): number {
  if (optionText.length === 0) return 0;
  for (const m of allWords(after.slice(0, 160))) {
    const norm = normalizeOption(after.slice(0, m));
    if (norm === optionText) return m;
    if (norm.length > optionText.length) break;
  }
  return 0;
}

function allWords(text: string): number[] {
  const ends: number[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) ends.push(m.index + m[0].length);
  return ends;
}

export type Negation = 'verdict' | 'property';

/**
 * How the letter read at [start, end) is said not to be something: 'verdict' when it is judged a wrong answer
 * ("(C) is also incorrect", "rule out B"), 'property' when it is said to lack a property ("C is not required"),
 * null when neither. `optionText` (normalized) is skipped when it follows the letter.
 */
export function negationAt(text: string, start: number, end: number, optionText = ''): Negation | null {
  // Thirty characters before the letter, or before the letter list it ends ("Incorrect: A, B, C, D, E, F, H, I").
  const list = /(?:[(\[]?[A-Z][)\]]?\s*(?:,|and|or|&)\s*)+$/.exec(text.slice(Math.max(0, start - 120), start))?.[0].length ?? 0;
  const before = text.slice(Math.max(0, start - 30 - list), start);
  // "ruling out A and B, C fits": a list closed by "and" ends there; the letter after its comma is not in it.
  // "all the others are wrong except (B)": an exception to a rejection is no rejection.
  if (NEGATION_BEFORE.test(before) && !/\b(?:and|or|&)\s+[(\[]?[A-Z][)\]]?\s*,\s*[(\[]?\s*$/.test(before) && !EXCEPTED_FROM_REJECTION.test(before)) return 'verdict';
  // "The answer is not Paris (A)": the denial stands before the option's own text, which the letter follows.
  const textBefore = optionTextBefore(text, start, optionText);
  if (textBefore !== null && /(?:\bnot|\bisn't|\bisn’t|rather\s+than|instead\s+of|\bunlike|\bexcept|\bother\s+than|\beliminat\w*|\brules?\s+out|\bruling\s+out|\bexclud\w*|\breject\w*|\bagainst)\s*$/i.test(text.slice(Math.max(0, textBefore - 20), textBefore))) return 'verdict';
  const raw = text.slice(end, end + 200);
  const after = raw.slice(optionTextLength(raw, optionText));
  if (VERDICT_AFTER.test(after)) return 'verdict';
  if (PROPERTY_AFTER.test(after)) return 'property';
  return null;
}

/** The letter read at [start, end) is said to be wrong, by the words right after it or right before it. */
export function isNegated(text: string, start: number, end: number, optionText = ''): boolean {
  return negationAt(text, start, end, optionText) !== null;
}
