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

/** A clause that only entertains or doubts the option: "One might think ...", "If ..., ...", "I doubt ...". */
const HEDGE = /\b(?:might|may|could|maybe|perhaps|possibly|think|thought|consider\w*|doubt\w*|wonder\w*|unsure|dismiss\w*|if|whether|or|tempting)\b|\?/i;

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
    if (!where || clause.slice(where.end).trim().length > 0) continue;
    // What the clause says something is ("The trigger was <text> (B)"), or, when the letter closes the sentence, what
    // its verb arrives at ("The war was ended by <text> (B)."); not the clause's subject ("<text> (A) came later").
    const before = clause.slice(0, where.start);
    const closes = /^\s*(?:[.!]|$|\n)/.test(text.slice(m.index + m[0].length));
    if (!PREDICATE_BEFORE.test(before) && !(closes && /[a-z]{2,}\s*$/i.test(before))) continue;
    if (HEDGE.test(before)) continue;
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

/** Content words of a phrase, for telling whether it echoes the question. */
function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => !['the', 'and', 'one', 'here', 'only', 'that', 'this', 'which', 'with', 'for', 'are', 'its', 'has', 'have'].includes(w));
}

/**
 * An option's text as the subject of a sentence that singles it out in the question's own words: "Haskell is the
 * purely functional one." (asked: "Which ... is purely functional?"), "Hepatitis B is the only DNA virus here"
 * (asked: "... has a DNA genome?"), or as right: "Promissory estoppel is the correct theory". Without the question
 * only the last form counts ("Jupiter is the largest one" may answer another question). The sentence must not hedge,
 * contrast or deny ("... is the only one that fails", "is not the only ...", "..., but ...").
 */
export function optionSubjects(text: string, ctx: OptionsContext & { question?: string }): ProseReading[] {
  const asked = new Set(contentWords(ctx.question ?? ''));
  const out: ProseReading[] = [];
  for (const s of allMatches(text, /[^\n.!?;]+[.!?;]?/g)) {
    const sentence = s[0];
    const lead = /^\s*(?:(?:so|thus|therefore|hence|and|but|clearly|only)\s*,?\s+)?/i.exec(sentence)![0].length;
    const verdict = /\s+(?:is|was)\s+the\s+(?:(?:only|correct|right|true|best)\b(?:\s+[\w-]+){0,4}|(?:[\w-]+\s+){1,3}one\b)/i.exec(sentence.slice(lead));
    if (!verdict) continue;
    const subject = sentence.slice(lead, lead + verdict.index);
    const rest = sentence.slice(lead + verdict.index + verdict[0].length);
    if (/\b(?:not|never|wrong|incorrect|false|fails?|excluded|ruled\s+out|maybe|might|perhaps|if|but|however|although|though|whereas|while)\b|\?/i.test(sentence) || /^\s*(?:that|which|who)\b/i.test(rest)) continue;
    // "the only DNA virus", "the purely functional one": in the question's words; "the correct theory" on its own.
    const said = /^\s+(?:is|was)\s+the\s+(?:correct|right|true|best)\b/i.test(verdict[0]) ? null : contentWords(verdict[0]);
    if (said !== null && (said.length === 0 || !said.some((w) => asked.has(w) || asked.has(w.replace(/(?:es|s)$/, ''))))) continue;
    const letter = ctx.options.findIndex((o) => o.length > 0 && normalizeOption(subject) === o);
    const at = textSpan(subject, ctx.options[letter] ?? '');
    if (letter < 0 || !at || ctx.letters[letter] === undefined) continue;
    const start = s.index + lead + at.start;
    out.push({ letter: ctx.letters[letter]!, start, end: s.index + sentence.trimEnd().length, letterStart: start, rule: 'option_subject' });
  }
  return out;
}

/** Options written about "it" or "they": "It stays the same", "They decrease". */
const PRONOUN_OPTION = /^(?:it|they|this|he|she)\s+(.+)$/;

/**
 * Options written with a pronoun for the question's subject ("It stays the same") stated with the subject named:
 * "The pressure stays the same, because ...". Every option whose predicate a clause states of some subject is
 * returned, so "Temperature rises; the pressure falls" names two (which subject is asked, only the question says).
 */
export function pronounOptions(text: string, ctx: OptionsContext): string[] {
  const clauses = text.split(/[,;:\n.!?]|\b(?:because|since|as|while|whereas|when|if|so|and|but)\b/i).map((c) => ` ${normalizeOption(c)} `);
  return ctx.options.flatMap((o, i) => {
    const predicate = PRONOUN_OPTION.exec(o)?.[1];
    const letter = ctx.letters[i];
    if (predicate === undefined || letter === undefined) return [];
    // A subject must precede the predicate ("the pressure stays the same"), and nothing deny it ("does not").
    const stated = clauses.some((c) => {
      const at = c.indexOf(` ${predicate} `);
      return at > 0 && !/\b(?:not|never|no)\s*$/.test(c.slice(0, at));
    });
    return stated ? [letter] : [];
  });
}
