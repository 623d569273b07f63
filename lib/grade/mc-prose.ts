/**
 * Commitments a multiple-choice reply makes in running prose through an option's own text, for `readHits`:
 * "The trigger was the assassination of Archduke Franz Ferdinand (B).", "... is $42,000, choice (E).",
 * "Haskell is the purely functional one.", "Hepatitis B is the only DNA virus here". A sentence that merely
 * mentions options ("The sinking of the Lusitania (A) ... came later") commits to none of them.
 */
import { LETTERS, normalizeOption, textSpan, type OptionsContext } from './mc-read.ts';
import { allMatches } from './text.ts';

/** A reading of one option in prose; `mc-hits.ts` judges its stance. */
export interface ProseReading {
  letter: string;
  start: number;
  end: number;
  letterStart: number;
  rule: 'text_letter' | 'option_subject';
}

/** What a copula or an equation says something is: "was ", "is the ", "= ", ": ". */
const PREDICATE_BEFORE = /(?:\b(?:is|was|are|were|be|equals|gives|yields)|=|:)\s*$/i;

/**
 * An option's own text stated as what something is, then its letter: "The trigger was <text B> (B).", "pH = 4.74
 * (C).", "which is $42,000, choice (E)". Only the option's own text before its own letter counts.
 */
export function textThenLetter(text: string, ctx: OptionsContext): ProseReading[] {
  if (ctx.options.length === 0) return [];
  const out: ProseReading[] = [];
  const marker = new RegExp(String.raw`(,\s*(?:(?:option|choice)\s+)?|\s+)(?:[(\[]([${ctx.letters}])[)\]]|(?:[Oo]ption|[Cc]hoice)\s+([${ctx.letters}])\b)`, 'g');
  for (const m of allMatches(text, marker)) {
    const letter = (m[2] ?? m[3])!;
    const own = ctx.options[LETTERS.indexOf(letter)] ?? '';
    if (own.length === 0) continue;
    // The clause before the marker, back to the sentence start: its last words must be the option's text.
    const clauseStart = Math.max(text.lastIndexOf('\n', m.index - 1), ...['. ', '! ', '? ', '; '].map((p) => text.lastIndexOf(p, m.index - 1))) + 1;
    const clause = text.slice(clauseStart, m.index);
    const where = lastTextSpan(clause, own);
    if (!where || clause.slice(where.end).trim().length > 0 || !PREDICATE_BEFORE.test(clause.slice(0, where.start))) continue;
    const letterStart = m.index + m[0].lastIndexOf(letter);
    out.push({ letter, start: clauseStart + where.start, end: m.index + m[0].length, letterStart, rule: 'text_letter' });
  }
  return out;
}

/** The last place `optionText` stands in `phrase` that runs to the phrase's end, or null. */
function lastTextSpan(phrase: string, optionText: string): { start: number; end: number } | null {
  const trimmed = phrase.trimEnd();
  for (const m of allMatches(trimmed, /\S+/g).reverse()) {
    const norm = normalizeOption(trimmed.slice(m.index));
    if (norm === optionText) return { start: m.index, end: trimmed.length };
    if (norm.length > optionText.length) break;
  }
  return null;
}

/**
 * An option's text as the subject of a sentence that singles it out: "Haskell is the purely functional one.",
 * "Hepatitis B is the only DNA virus here", "Promissory estoppel is the correct theory". The sentence must not
 * hedge or deny ("... is the only one that fails", "is not the only ...").
 */
export function optionSubjects(text: string, ctx: OptionsContext): ProseReading[] {
  const out: ProseReading[] = [];
  for (const s of allMatches(text, /[^\n.!?;]+[.!?;]?/g)) {
    const sentence = s[0];
    const lead = /^\s*(?:(?:so|thus|therefore|hence|and|but|clearly|only)\s*,?\s+)?/i.exec(sentence)![0].length;
    const verdict = /\s+(?:is|was)\s+the\s+(?:(?:only|correct|right|true|best)\b(?:\s+[\w-]+){0,4}|(?:[\w-]+\s+){1,3}one\b)/i.exec(sentence.slice(lead));
    if (!verdict) continue;
    const subject = sentence.slice(lead, lead + verdict.index);
    const rest = sentence.slice(lead + verdict.index + verdict[0].length);
    if (/\b(?:not|never|wrong|incorrect|false|fails?|excluded|ruled\s+out|maybe|might|perhaps|if)\b|\?/i.test(sentence) || /^\s*(?:that|which|who)\b/i.test(rest)) continue;
    const letter = ctx.options.findIndex((o) => o.length > 0 && normalizeOption(subject) === o);
    const at = textSpan(subject, ctx.options[letter] ?? '');
    if (letter < 0 || !at || ctx.letters[letter] === undefined) continue;
    const start = s.index + lead + at.start;
    out.push({ letter: ctx.letters[letter]!, start, end: s.index + sentence.trimEnd().length, letterStart: start, rule: 'option_subject' });
  }
  return out;
}
