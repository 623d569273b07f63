import type { Query } from '../queries/index.ts';
import { LETTERS, isNegated, normalizeOption, optionByText, optionsNamed, readChoice, type OptionsContext } from './mc-read.ts';
import { findRefusal } from './refusal.ts';
import { findLoop, prepare, readableEnd } from './response.ts';
import { allMatches, bracedGroups, linesWithOffsets, looseNormalize, maskMarkdown } from './text.ts';
import type { ExtractionOptions, Grade, GradeSpan, GradeStatus } from './types.ts';

/** Without `choices` we assume the common four-option layout, widened if the reference letter is later. */
const DEFAULT_CHOICE_COUNT = 4;

/** Responses up to this length may be read letter by letter; in longer ones a stray capital is not a commitment. */
const SHORT_RESPONSE = 200;

export interface McExtraction {
  /** The committed option letter, or null. */
  pred: string | null;
  status: GradeStatus;
  rule: string;
  /** The text the deciding rule read, as [start, end) offsets into the original response. */
  span: GradeSpan | null;
  /** A short human-readable account of the decision. */
  detail: string;
}

/** The letters valid for a question with `choiceCount` options: 4 -> "ABCD". */
export function validLetters(choiceCount: number): string {
  const count = Math.max(1, Math.min(LETTERS.length, Math.floor(choiceCount)));
  return LETTERS.slice(0, count);
}

/** 1: a deliberate final marker; 2: a committing phrase; the weaker readings are tried only without these. */
type Tier = 1 | 2;

interface Hit {
  letter: string;
  start: number;
  end: number;
  letterStart: number;
  tier: Tier;
  rule: string;
  hedged: boolean;
}

interface LeadIn {
  rule: string;
  tier: Tier;
  re: RegExp;
}

const LEAD_INS: readonly LeadIn[] = [
  { rule: 'final_answer', tier: 1, re: /\bfinal\s+answer\b\s*(?:is\b|:|=|-|—|–)?\s*(?:the\s+final\s+answer\s+is\b)?/gi },
  { rule: 'answer_label', tier: 1, re: /(?:^|\n)[ \t>#|]*(?:(?:correct|best|my|final)\s+)?answer(?:\s+(?:choice|option|letter))?\s*[:=：]/gi },
  { rule: 'json_answer', tier: 1, re: /"(?:final_?answer|answer|correct_?answer|choice|option)"\s*:\s*"?/gi },
  {
    rule: 'answer_is',
    tier: 2,
    re: /\b(?:answer|option|choice)(?:\s+(?:choice|option|letter))?\s*(?:is|would\s+be|should\s+be|must\s+be|will\s+be|=|:|-\s|—|–)/gi,
  },
  // "Wait, it is B": the short form revisions take.
  { rule: 'it_is', tier: 2, re: /\b(?:it|this|that)(?:'s|’s|\s+is|\s+must\s+be|\s+should\s+be)\s+(?=[(\[]?[A-Z][)\].,;:!]?(?:\s|$))/g },
  { rule: 'i_choose', tier: 2, re: /\b(?:I(?:'d|'ll|’d|’ll|\s+would|\s+will|\s+shall)?\s+(?:choose|pick|select|go\s+with|opt\s+for)|going\s+with|my\s+(?:choice|pick|selection)\s+(?:is|would\s+be))\b/gi },
  {
    rule: 'conclusion',
    tier: 2,
    re: /(?:^|[.!?:]\s+|\n)[ \t]*(?:therefore|thus|so|hence|consequently|in\s+conclusion|overall|in\s+summary|finally)\s*[,:]?\s+(?=\S)/gim,
  },
];

/** "B is correct", "Option B is the best answer": the letter comes first. */
function letterFirst(letters: string): RegExp {
  return new RegExp(
    String.raw`(?<![A-Za-z0-9])(?:(?:[Oo]ption|[Cc]hoice)\s+)?[(\[]?([${letters}])[)\]]?\s+(?:is|seems|appears|would\s+be|must\s+be)\s+(?:to\s+be\s+)?(?:the\s+)?(?:correct|right|best|most\s+(?:appropriate|likely|accurate|plausible|reasonable|suitable)|answer\b|true\b)`,
    'g',
  );
}

const REVISION_CUE = /\b(?:wait|actually|correction|on\s+second\s+thought|re-?evaluat\w*|reconsider\w*|mistake|error|however|hmm|upon\s+(?:further\s+)?review|let\s+me\s+re)/i;

function explicitHits(text: string, ctx: OptionsContext): Hit[] {
  const hits: Hit[] = [];
  const add = (hit: Hit): void => {
    if (isNegated(text, hit.letterStart, hit.end)) return;
    const same = hits.findIndex((h) => h.letterStart === hit.letterStart);
    if (same < 0) hits.push(hit);
    else if (hits[same]!.tier > hit.tier) hits[same] = hit;
  };
  for (const { rule, tier, re } of LEAD_INS) {
    for (const m of allMatches(text, re)) {
      const at = m.index + m[0].length;
      const choice = readChoice(text, at, ctx);
      if (!choice) continue;
      // A question is not a commitment: "Is the answer B?"
      if (!choice.byText && /^\s*[)\]]?\s*\?/.test(text.slice(choice.end, choice.end + 4))) continue;
      const letterStart = choice.byText ? at : choice.end - 1;
      add({ ...choice, start: m.index + (m[0].length - m[0].trimStart().length), letterStart, tier, rule });
    }
  }
  for (const box of [...bracedGroups(text, 'boxed'), ...bracedGroups(text, 'fbox')]) {
    const inner = `${box.content}`;
    const choice = readChoice(inner, 0, ctx);
    if (!choice || inner.slice(choice.end).trim().length > 0 && !choice.byText && !/^\s*[).:]/.test(inner.slice(choice.end))) continue;
    add({ letter: choice.letter, hedged: choice.hedged, start: box.start, end: box.end, letterStart: box.contentStart, tier: 1, rule: 'boxed' });
  }
  for (const m of allMatches(text, letterFirst(ctx.letters))) {
    const letter = m[1]!;
    const letterStart = m.index + m[0].indexOf(letter, m[0].search(/[(\[]?[A-Z][)\]]?\s/));
    add({ letter, start: m.index, end: m.index + m[0].length, letterStart, tier: 2, rule: 'letter_is_correct', hedged: false });
  }
  return hits.sort((a, b) => a.letterStart - b.letterStart);
}

/** The last deliberate final marker, unless a later committing phrase revises it. */
function decide(hits: readonly Hit[], text: string): Hit | null {
  const last = hits.at(-1);
  if (!last) return null;
  const lastFinal = hits.filter((h) => h.tier === 1).at(-1);
  if (!lastFinal || lastFinal === last || last.letter === lastFinal.letter) return last;
  return REVISION_CUE.test(text.slice(lastFinal.end, last.start)) ? last : lastFinal;
}

interface LetterLine {
  letter: string;
  start: number;
  end: number;
  text: string;
  lone: boolean;
  listed: boolean;
}

/** Lines that are a letter ("B", "(B)", "B.") or start with one before option text ("B) 4200 ways"). */
function letterLines(text: string, ctx: OptionsContext): LetterLine[] {
  const lines = linesWithOffsets(text);
  const out: Array<LetterLine & { index: number }> = [];
  lines.forEach((line, index) => {
    const lone = /^[(\[]?\s*([A-Za-z])\s*[)\]]?\s*[.:]?$/.exec(line.text);
    const leading = /^[(\[]?([A-Z])(?:[)\]]|[)\]]?[.:])\s+\S/.exec(line.text);
    const raw = lone?.[1] ?? leading?.[1];
    if (raw === undefined) return;
    const letter = raw.toUpperCase();
    if (!ctx.letters.includes(letter)) return;
    out.push({ letter, start: line.start, end: line.end, text: line.text, lone: lone !== null, listed: false, index });
  });
  // Consecutive lines led by different letters are an echoed or analysed option list, not a commitment.
  for (let i = 0; i < out.length; i++) {
    const prev = out[i - 1];
    const next = out[i + 1];
    const cur = out[i]!;
    if (!cur.lone && ((prev && !prev.lone && prev.letter !== cur.letter && cur.index - prev.index <= 3) || (next && !next.lone && next.letter !== cur.letter && next.index - cur.index <= 3))) {
      cur.listed = true;
    }
  }
  return out;
}

const POSITIVE = /(?:\b(?:correct|right|true|best|valid)\b|✓|✔|✅)/i;
const NEGATIVE = /(?:\b(?:incorrect|wrong|false|not|invalid|eliminat\w*)\b|✗|✘|❌)/i;

/** In an option-by-option analysis, the one option judged right while the others are judged wrong. */
function eliminationWinner(lines: readonly LetterLine[]): LetterLine | null {
  const listed = lines.filter((l) => l.listed);
  const positive = listed.filter((l) => POSITIVE.test(l.text) && !NEGATIVE.test(l.text));
  const negative = listed.filter((l) => NEGATIVE.test(l.text));
  return positive.length === 1 && negative.length >= 1 && new Set(listed.map((l) => l.letter)).size === listed.length ? positive[0]! : null;
}

interface Found {
  letters: Map<string, { start: number; end: number }>;
}

function markedLetters(raw: string, text: string, ctx: OptionsContext): Found {
  const letters = new Map<string, { start: number; end: number }>();
  const cls = `${ctx.letters}${ctx.letters.toLowerCase()}`;
  const patterns = [
    new RegExp(String.raw`\*\*\s*[(\[]?\s*([${cls}])\s*[)\]]?\s*[.:)]?\s*\*\*`, 'g'),
    new RegExp(String.raw`(?<![A-Za-z0-9\\])\(([${ctx.letters}])\)(?![A-Za-z0-9(])`, 'g'),
  ];
  for (const re of patterns) {
    for (const m of allMatches(raw, re)) {
      const end = m.index + m[0].length;
      if (isNegated(text, m.index, end)) continue;
      letters.set(m[1]!.toUpperCase(), { start: m.index, end });
    }
  }
  return { letters };
}

function looseLetters(text: string, ctx: OptionsContext): Found {
  const letters = new Map<string, { start: number; end: number }>();
  for (const m of allMatches(text, /(?<![A-Za-z0-9'’\-=+^_$\\(|])([A-Z])(?![A-Za-z0-9'’\-=+^_()|?])/g)) {
    const letter = m[1]!;
    if (!ctx.letters.includes(letter)) continue;
    const next = /^\s+([a-z]+)/.exec(text.slice(m.index + 1))?.[1];
    if ((letter === 'A' || letter === 'I') && next !== undefined && !['is', 'seems', 'looks', 'because', 'since', 'fits', 'matches'].includes(next)) continue;
    if (isNegated(text, m.index, m.index + 1)) continue;
    letters.set(letter, { start: m.index, end: m.index + 1 });
  }
  return { letters };
}

function span(response: string, start: number, end: number): GradeSpan {
  return { start, end, text: response.slice(start, end) };
}

function answered(response: string, letter: string, rule: string, start: number, end: number): McExtraction {
  const s = span(response, start, end);
  return { pred: letter, status: 'answered', rule, span: s, detail: s.text.trim() };
}

/**
 * Finds the option a response commits to, as a careful reader would. Reasoning in <think> blocks, text
 * after a leaked end-of-turn token, invented follow-up questions and the repeats of a loop are not read.
 * Deliberate final markers ("Answer: B", \boxed{B}) win over committing phrases ("the answer is B",
 * "B is correct") unless a later phrase revises them; among equals the last one wins. Statements that an
 * option is wrong never count. Only when nothing commits are weaker readings tried: a line that is a
 * letter, an option-by-option elimination, a marked letter, the option's text, a lone capital in a short
 * reply. A refusal is reported as such, and text that names several options equally is ambiguous.
 */
export function extractMcAnswer(
  response: string,
  choiceCount: number,
  choices?: readonly string[],
  options: ExtractionOptions = {},
): McExtraction {
  const ctx: OptionsContext = { letters: validLetters(choiceCount), options: (choices ?? []).map(normalizeOption) };
  const prepared = prepare(response);
  const masked = maskMarkdown(prepared);
  const looping = findLoop(masked) !== null;
  const missing: GradeStatus = options.truncated || looping ? 'truncated' : 'no_answer';
  if (masked.trim().length === 0) {
    const detail = response.trim().length === 0 ? 'empty response' : 'only reasoning, no answer after it';
    return { pred: null, status: missing, rule: 'empty', span: null, detail };
  }
  // A lone letter on its own line counts as an answer here, so "C\n\nQ: ..." stops before the invented question.
  const cut = readableEnd(masked, (prefix) => explicitHits(prefix, ctx).length > 0 || letterLines(prefix, ctx).some((l) => l.lone));
  const text = masked.slice(0, cut.end);
  const raw = prepared.slice(0, cut.end);

  const hits = explicitHits(text, ctx);
  const chosen = decide(hits, text);
  if (chosen) {
    const loop = cut.reason === 'loop' ? findLoop(masked) : null;
    const loopLetters = loop ? new Set(hits.filter((h) => h.letterStart >= loop.start).map((h) => h.letter)) : new Set<string>();
    if (chosen.hedged || loopLetters.size > 1) {
      const s = span(response, chosen.start, chosen.end);
      return { pred: null, status: 'ambiguous', rule: chosen.rule, span: s, detail: loopLetters.size > 1 ? `loops between ${[...loopLetters].sort().join(', ')}` : `hedged: ${s.text.trim()}` };
    }
    return answered(response, chosen.letter, chosen.rule, chosen.start, chosen.end);
  }

  const refusal = findRefusal(text);
  if (refusal) {
    const s = span(response, refusal.start, refusal.end);
    return { pred: null, status: 'refused', rule: 'refusal', span: s, detail: s.text };
  }

  const lines = letterLines(text, ctx).filter((l) => !isNegated(text, l.start, l.end - (l.text.length - 1)));
  const all = linesWithOffsets(text);
  const finalLine = lines.find((l) => l.lone && l.start === all.at(-1)?.start) ?? lines.find((l) => !l.listed && l.start === all.at(-1)?.start);
  if (finalLine) return answered(response, finalLine.letter, 'final_line', finalLine.start, finalLine.end);
  const firstLine = lines.find((l) => !l.listed && l.start === all[0]?.start);
  if (firstLine) return answered(response, firstLine.letter, 'first_line', firstLine.start, firstLine.end);
  const loneLetters = new Set(lines.filter((l) => l.lone).map((l) => l.letter));
  const lone = lines.find((l) => l.lone);
  if (loneLetters.size === 1 && lone) return answered(response, lone.letter, 'letter_line', lone.start, lone.end);
  const winner = eliminationWinner(lines);
  if (winner) return answered(response, winner.letter, 'elimination', winner.start, winner.end);

  const lastLine = all.at(-1);
  const lastLineListed = lines.some((l) => l.listed && l.start === lastLine?.start);
  const lastLineOption = lastLine && !lastLineListed ? optionByText(lastLine.text, ctx) : null;
  const short = text.trim().length <= SHORT_RESPONSE;
  const tiers: Array<{ rule: string; found: Found }> = [
    { rule: 'marked_letter', found: markedLetters(raw, text, ctx) },
    {
      rule: 'option_text',
      found: { letters: lastLineOption && lastLine ? new Map([[lastLineOption, { start: lastLine.start, end: lastLine.end }]]) : optionTextAnywhere(text, ctx, short) },
    },
    { rule: 'loose_letter', found: short ? looseLetters(text, ctx) : { letters: new Map() } },
  ];
  for (const { rule, found } of tiers) {
    if (found.letters.size !== 1) continue;
    const [[letter, where]] = [...found.letters];
    return answered(response, letter, rule, where.start, where.end);
  }
  const conflicting = tiers.find((t) => t.found.letters.size > 1);
  if (conflicting) {
    const places = [...conflicting.found.letters.values()];
    const s = span(response, Math.min(...places.map((p) => p.start)), Math.max(...places.map((p) => p.end)));
    return { pred: null, status: 'ambiguous', rule: conflicting.rule, span: s, detail: `candidates: ${[...conflicting.found.letters.keys()].sort().join(', ')}` };
  }
  return { pred: null, status: missing, rule: looping ? 'loop' : 'none', span: null, detail: looping ? 'repeats itself without answering' : 'no option found' };
}

/** In a short reply, the options whose text appears in it (the longest of any nested pair). */
function optionTextAnywhere(text: string, ctx: OptionsContext, short: boolean): Map<string, { start: number; end: number }> {
  const out = new Map<string, { start: number; end: number }>();
  if (!short) return out;
  // Naming two options ("Paris or Berlin") commits to neither: both are returned and read as ambiguous.
  for (const letter of optionsNamed(text, ctx)) out.set(letter, { start: text.length - text.trimStart().length, end: text.trimEnd().length });
  return out;
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

/** How many options a query has: its choices, else four, widened to reach the reference letter. */
export function choiceCountOf(query: Query, reference?: string): number {
  return query.choices?.length ?? Math.max(DEFAULT_CHOICE_COUNT, reference === undefined ? 0 : LETTERS.indexOf(reference) + 1);
}

/** Grades a multiple-choice response against the reference letter. Throws when the reference itself is invalid. */
export function gradeMc(query: Query, response: string, options: ExtractionOptions = {}): Grade {
  const reference = referenceLetter(query);
  const found = extractMcAnswer(response, choiceCountOf(query, reference), query.choices, options);
  return {
    grader: 'mc',
    pred: found.pred,
    correct: found.pred === reference,
    status: found.status,
    rule: found.rule,
    verdict: found.detail,
    span: found.span,
  };
}
