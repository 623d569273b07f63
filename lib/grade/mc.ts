import type { Query } from '../queries/types.ts';
import type { GradeStatus } from '../store/types.ts';
import { looseNormalize, nonEmptyLines, stripMarkdown, stripThinking } from './text.ts';
import type { ExtractionOptions, Grade } from './types.ts';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Without `choices` we assume the common four-option layout, widened if the reference letter is later. */
const DEFAULT_CHOICE_COUNT = 4;

/** Words that may follow a bare "A" or "I" when it is an answer rather than an article or pronoun. */
const AFTER_LETTER_WORDS = new Set([
  'is', 'was', 'would', 'seems', 'looks', 'appears', 'must', 'should', 'could', 'fits', 'matches',
  'because', 'since', 'as', 'and', 'or',
]);

export interface McExtraction {
  letter: string | null;
  status: GradeStatus;
  rule: string;
  detail: string;
}

/** The letters valid for a question with `choiceCount` options: 4 -> "ABCD". */
export function validLetters(choiceCount: number): string {
  const count = Math.max(1, Math.min(LETTERS.length, Math.floor(choiceCount)));
  return LETTERS.slice(0, count);
}

interface Hit {
  letter: string;
  index: number;
  snippet: string;
  /** Another letter follows as an alternative ("A or B"), so the commitment is not to one option. */
  hedged: boolean;
}

/**
 * One answer letter with its optional wrapping: "(C)", "[C]", "**C**", "C". The lookarounds keep it from
 * being the first or last character of a longer word ("Apple", "CPU").
 */
function letterUnit(letters: string): string {
  const cls = `${letters}${letters.toLowerCase()}`;
  return String.raw`(?<![A-Za-z0-9])(?<wrap>\*\*|__|[(\[])?\s*(?<l>[${cls}])\s*[)\]]?(?:\*\*|__)?(?![A-Za-z0-9'’-])`;
}

function explicitPatterns(letters: string): Array<{ rule: string; re: RegExp }> {
  const unit = letterUnit(letters);
  return [
    {
      rule: 'answer_is',
      re: new RegExp(
        String.raw`\b(?:answer|option|choice)\s*(?:(?:is|would\s+be|should\s+be|must\s+be|will\s+be)\b\s*:?|[:=])\s*(?:(?:option|choice|letter)\s*)?${unit}`,
        'gi',
      ),
    },
    {
      rule: 'letter_is_correct',
      re: new RegExp(
        String.raw`(?:\b(?:option|choice)\s+)?${unit}\s+is\s+(?:the\s+)?(?:correct|right|best)\b`,
        'gi',
      ),
    },
    {
      rule: 'i_choose',
      re: new RegExp(
        String.raw`\b(?:i(?:\s+would|\s+will|'ll|’ll)?\s+(?:choose|pick|select|go\s+with)|going\s+with)\s+(?:(?:option|choice)\s+)?${unit}`,
        'gi',
      ),
    },
    {
      rule: 'boxed',
      re: new RegExp(String.raw`\\boxed\{\s*(?:\\text(?:bf)?\{\s*)?${unit}`, 'gi'),
    },
  ];
}

function isUpper(letter: string): boolean {
  return letter === letter.toUpperCase();
}

/**
 * A lower-case letter is only trusted when it is wrapped or ends the line: "the answer is a bit unclear"
 * must not read as option A.
 */
function lowerCaseAccepted(wrapped: boolean, after: string): boolean {
  return wrapped || /^\s*[.,;:!)]?\s*(?:\n|$)/.test(after);
}

function explicitHits(text: string, letters: string): Array<Hit & { rule: string }> {
  const hits: Array<Hit & { rule: string }> = [];
  const alternative = new RegExp(String.raw`^\s*(?:or|and|\/)\s*(?:option\s+)?[(\[]?\s*[${letters}](?![A-Za-z0-9])`);
  for (const { rule, re } of explicitPatterns(letters)) {
    for (const m of text.matchAll(re)) {
      const letter = m.groups?.l;
      if (letter === undefined || m.index === undefined) continue;
      const end = m.index + m[0].length;
      const after = text.slice(end);
      const wrapped = m.groups?.wrap !== undefined;
      // The letter-first form has no lead phrase to vouch for a lower-case letter, so it must be upper case.
      if (!isUpper(letter) && (rule === 'letter_is_correct' || !lowerCaseAccepted(wrapped, after))) continue;
      const letterIndex = m.index + m[0].lastIndexOf(letter);
      hits.push({
        rule,
        letter: letter.toUpperCase(),
        index: letterIndex,
        snippet: m[0].trim(),
        hedged: rule !== 'letter_is_correct' && alternative.test(after),
      });
    }
  }
  return hits;
}

interface LineForm {
  letter: string;
  lone: boolean;
}

/** "C", "(C)", "C.", "Answer: C" (lone) or "C. Paris", "(C) Paris" (letter leading an option text). */
function lineForm(line: string, letters: string): LineForm | null {
  const lone = /^(?:(?:final\s+)?answer\s*[:-]?\s*)?[(\[]?\s*([A-Za-z])\s*[)\]]?\s*[.:]?$/i.exec(line);
  if (lone?.[1] !== undefined) {
    const letter = lone[1].toUpperCase();
    return letters.includes(letter) ? { letter, lone: true } : null;
  }
  const leading = /^[(\[]?([A-Z])(?:[)\]]|[)\]]?[.:])\s+\S/.exec(line);
  if (leading?.[1] !== undefined && letters.includes(leading[1])) return { letter: leading[1], lone: false };
  return null;
}

function markedLetters(raw: string, letters: string): Set<string> {
  const found = new Set<string>();
  const cls = `${letters}${letters.toLowerCase()}`;
  const bold = new RegExp(String.raw`\*\*\s*[(\[]?\s*([${cls}])\s*[)\]]?\s*[.:)]?\s*\*\*`, 'g');
  const boldLeading = new RegExp(String.raw`\*\*\s*[(\[]?([${letters}])[)\].:]\s`, 'g');
  const parens = new RegExp(String.raw`(?<![A-Za-z0-9])\(([${letters}])\)`, 'g');
  for (const re of [bold, boldLeading, parens]) {
    for (const m of raw.matchAll(re)) if (m[1] !== undefined) found.add(m[1].toUpperCase());
  }
  return found;
}

/** Options whose normalized text appears in the response, dropping any contained in a longer matched option. */
function optionTextLetters(text: string, choices: readonly string[] | undefined, letters: string): Set<string> {
  const found = new Set<string>();
  if (!choices) return found;
  const haystack = ` ${looseNormalize(text)} `;
  const lastLine = looseNormalize(nonEmptyLines(text).at(-1) ?? '');
  const options = choices
    .slice(0, letters.length)
    .map((choice, i) => ({ letter: LETTERS[i] ?? '', norm: looseNormalize(choice) }))
    .filter((o) => o.norm.length > 0);
  const exact = options.filter((o) => o.norm === haystack.trim() || o.norm === lastLine);
  if (exact.length === 1 && exact[0] !== undefined) return found.add(exact[0].letter);
  const matched = options.filter((o) => haystack.includes(` ${o.norm} `));
  for (const o of matched) {
    const shadowed = matched.some((other) => other !== o && other.norm.length > o.norm.length && ` ${other.norm} `.includes(` ${o.norm} `));
    if (!shadowed) found.add(o.letter);
  }
  return found;
}

/** Standalone capital letters, skipping "A"/"I" used as an article or pronoun ("A cat is...", "I think"). */
function looseLetters(text: string, letters: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?<![A-Za-z0-9'’-])([A-Z])(?![A-Za-z0-9'’-])/g)) {
    const letter = m[1];
    if (letter === undefined || m.index === undefined || !letters.includes(letter)) continue;
    if (letter === 'A' || letter === 'I') {
      const next = /^\s+([a-z][a-z]*)/.exec(text.slice(m.index + 1));
      if (next?.[1] !== undefined && !AFTER_LETTER_WORDS.has(next[1])) continue;
    }
    found.add(letter);
  }
  return found;
}

function sorted(set: Set<string>): string {
  return [...set].sort().join(', ');
}

/**
 * Finds the option letter a response commits to. Tiers run from strongest to weakest evidence, and the
 * first tier with a single answer wins: explicit commitments (the last one, so a corrected answer beats
 * the first guess), a line that is just a letter, marked letters (bold, parenthesized), option text
 * written out, and finally bare capital letters.
 */
export function extractMcLetter(
  response: string,
  choiceCount: number,
  choices?: readonly string[],
  options: ExtractionOptions = {},
): McExtraction {
  const letters = validLetters(choiceCount);
  const raw = stripThinking(response).trim();
  const missing: GradeStatus = options.truncated ? 'truncated' : 'no_answer';
  if (raw.length === 0) return { letter: null, status: missing, rule: 'empty', detail: 'empty response' };
  const text = stripMarkdown(raw);

  const explicit = explicitHits(text, letters).sort((a, b) => a.index - b.index);
  const last = explicit.at(-1);
  if (last) {
    if (last.hedged) return { letter: null, status: 'ambiguous', rule: last.rule, detail: `hedged: "${last.snippet}"` };
    return { letter: last.letter, status: 'answered', rule: last.rule, detail: last.snippet };
  }

  const lines = nonEmptyLines(text);
  const forms = lines.map((line) => lineForm(line, letters));
  const finalForm = forms.at(-1);
  if (finalForm?.lone) return { letter: finalForm.letter, status: 'answered', rule: 'final_line', detail: lines.at(-1) ?? '' };
  // Several lines that each start with a different letter are an echoed option list, not a commitment.
  const lineLetters = new Set(forms.flatMap((f) => (f ? [f.letter] : [])));
  const edgeForm = forms[0] ?? finalForm;
  if (lineLetters.size === 1 && edgeForm) {
    return { letter: edgeForm.letter, status: 'answered', rule: 'letter_line', detail: lines[forms.indexOf(edgeForm)] ?? '' };
  }

  const tiers: Array<{ rule: string; found: Set<string> }> = [
    { rule: 'marked_letter', found: markedLetters(raw, letters) },
    { rule: 'option_text', found: optionTextLetters(text, choices, letters) },
    { rule: 'loose_letter', found: looseLetters(text, letters) },
  ];
  for (const { rule, found } of tiers) {
    const [only] = found;
    if (found.size === 1 && only !== undefined) return { letter: only, status: 'answered', rule, detail: `found ${only}` };
  }
  const conflicting = tiers.find((t) => t.found.size > 1);
  if (conflicting) {
    return { letter: null, status: 'ambiguous', rule: conflicting.rule, detail: `candidates: ${sorted(conflicting.found)}` };
  }
  return { letter: null, status: missing, rule: 'none', detail: 'no option letter found' };
}

/** The reference as a letter; a reference written as option text is mapped to its letter. */
export function referenceLetter(query: Query): string {
  const asLetter = /^\s*\(?([A-Za-z])\)?\.?\s*$/.exec(query.answer);
  if (asLetter?.[1] !== undefined) {
    const letter = asLetter[1].toUpperCase();
    const count = query.choices?.length;
    if (count === undefined || LETTERS.indexOf(letter) < count) return letter;
  }
  const norm = looseNormalize(query.answer);
  const index = query.choices?.findIndex((choice) => looseNormalize(choice) === norm) ?? -1;
  const letter = LETTERS[index];
  if (index >= 0 && letter !== undefined) return letter;
  throw new Error(`mc query ${query.id}: reference "${query.answer}" is neither an option letter nor an option text`);
}

/** Grades a multiple-choice response against the reference letter. Throws when the reference itself is invalid. */
export function gradeMc(query: Query, response: string, options: ExtractionOptions = {}): Grade {
  const reference = referenceLetter(query);
  const choiceCount = query.choices?.length ?? Math.max(DEFAULT_CHOICE_COUNT, LETTERS.indexOf(reference) + 1);
  const found = extractMcLetter(response, choiceCount, query.choices, options);
  return {
    grader: 'mc',
    pred: found.letter,
    correct: found.letter === reference,
    status: found.status,
    rule: found.rule,
    verdict: found.detail,
  };
}
