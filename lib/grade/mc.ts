import type { Query } from '../queries/index.ts';
import { echoedExamples } from './mc-examples.ts';
import { closingStart, letterLines, letterTokens, optionTextOf, qaLabelAt, readHits, verdictRejections, walkItems, type Hit, type McContext, type Stance } from './mc-hits.ts';
import { EMPTY_LABEL_END, deliberated, deniedText, nextItemAt, tornBetween, withoutListed, withoutQuestions } from './mc-mentions.ts';
import { pronounOptions } from './mc-prose.ts';
import { fromReasoning, reasoningOnly } from './mc-reasoning.ts';
import { closingValueOption } from './mc-values.ts';
import { conditionalBranches, doubtsAt, findMcRefusal } from './mc-withdrawals.ts';
import { pointedBackOption } from './mc-backref.ts';
import { asideAt, closingLetterName, closingStatements, declinesToHelp, headingLine, listCutShort, mentionOnly, offTopicText, retractionsAt, scopedToOtherPart, textMentionOnly, tornBetweenNamed } from './mc-asides.ts';
import { inlineListedLetters } from './mc-inline-list.ts';
import { abbreviatedOptions, shifted } from './mc-abbrev.ts';
import { spelledOutValues } from './mc-units.ts';
import { numbersInWords } from './math-normalize.ts';
import { unclosedReasoningAnswer } from './unclosed-reasoning.ts';
import { LETTERS, isNegated, normalizeOption, optionByText, optionsNamed, sentenceAt, type OptionsContext } from './mc-read.ts';
import { MID_SENTENCE, findLoop, prepare, readableEnd } from './response.ts';
import { allMatches, blank, linesWithOffsets, looseNormalize, maskMarkdown } from './text.ts';
import type { ExtractionOptions, Grade, GradeSpan, GradeStatus } from './types.ts';

export type { Stance } from './mc-hits.ts';

/** Without `choices` we assume the common four-option layout, widened if the reference letter is later. */
const DEFAULT_CHOICE_COUNT = 4;

/** Responses up to this length may be read letter by letter; in longer ones a stray capital is not a commitment. */
const SHORT_RESPONSE = 200;

/** Where a candidate stands: in the answer, inside a loop, among echoed few-shot answers, in an invented follow-up. */
export type Place = 'answer' | 'loop' | 'echo' | 'follow_up';

/** One option the response named in a committing or judging way. */
export interface McCandidate {
  letter: string;
  /** The rule that read it ("answer_is", "closest", "not_question", ...). */
  rule: string;
  stance: Stance;
  place: Place;
  /** A later sentence judged it wrong or said no option fits, and it was not committed to again. */
  withdrawn: boolean;
  /** Stated as the closest option, not an exact match. */
  closest: boolean;
  span: GradeSpan;
  /** Why it did not win; absent on the winner. */
  lost?: string;
}

export interface McExtraction {
  /** The committed option letter, or null. */
  pred: string | null;
  status: GradeStatus;
  rule: string;
  /** The text the deciding rule read, as [start, end) offsets into the original response. */
  span: GradeSpan | null;
  /** A short human-readable account of the decision, naming the candidates passed over and why. */
  detail: string;
  /** The candidates the commitment model weighed (the winner has no `lost`). */
  candidates: McCandidate[];
}

/** The letters valid for a question with `choiceCount` options: 4 -> "ABCD". */
export function validLetters(choiceCount: number): string {
  const count = Math.max(1, Math.min(LETTERS.length, Math.floor(choiceCount)));
  return LETTERS.slice(0, count);
}

interface Found {
  letters: Map<string, { start: number; end: number }>;
}

/** Marked letters ("**C**", "(C)", "(option C)") outside walk-through items, and not withdrawn later. */
function markedLetters(raw: string, text: string, ctx: McContext, excluded: (letter: string, at: number) => boolean): Found {
  const letters = new Map<string, { start: number; end: number }>();
  const cls = `${ctx.letters}${ctx.letters.toLowerCase()}`;
  const patterns = [
    new RegExp(String.raw`\*\*\s*[(\[]?\s*([${cls}])\s*[)\]]?\s*[.:)]?\s*\*\*`, 'g'),
    new RegExp(String.raw`(?<![A-Za-z0-9\\])\((?:(?:[Oo]ption|[Cc]hoice)\s+)?([${ctx.letters}])\)(?![A-Za-z0-9(])`, 'g'),
  ];
  for (const re of patterns) {
    for (const m of allMatches(raw, re)) {
      const end = m.index + m[0].length;
      const letter = m[1]!.toUpperCase();
      const at = m.index + m[0].lastIndexOf(m[1]!);
      if (excluded(letter, at) || isNegated(text, at, end, optionTextOf(ctx, letter))) continue;
      letters.set(letter, { start: m.index, end });
    }
  }
  return { letters };
}

/** "vitamin B", "type A", "Plan C", "hepatitis A, C and E": a capital that is part of a name, not an option. */
const NAMING_NOUN = /\b(?:vitamin|vitamins|type|types|group|hepatitis|class|grade|plan|part|section|figure|fig\.|table|step|point|line|set|channel|blood|category|level|phase|stage|site|zone|block|building|row|column|model|series|schedule|exhibit|appendix|article|title|division|lot|gate|room|platform|size|rank|tier|team|player|person|company|country|city|node|vertex|angle|triangle|square|ring)\s+(?:[A-Z]\s*(?:,|and|or|&)\s*)*$/i;

function looseLetters(text: string, ctx: McContext, excluded: (letter: string, at: number) => boolean): Found {
  const letters = new Map<string, { start: number; end: number }>();
  for (const m of allMatches(text, /(?<![A-Za-z0-9'’\-=+^_$\\(|])([A-Z])(?![A-Za-z0-9'’\-=+^_()|?])/g)) {
    const letter = m[1]!;
    if (!ctx.letters.includes(letter) || excluded(letter, m.index) || qaLabelAt(text, m.index) || NAMING_NOUN.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    // "A = 50,000 / 100", "= √(4A/π)", "½ C V²": a quantity in an equation, not an option; "60 °C": a unit.
    if (/^\s*[=≈≤≥×*/+−]|^\s[A-Z](?:[²³^]|\s*[=×*/+−])/.test(text.slice(m.index + 1)) || /[=≈≤≥×*/+−½¼¾√πΔ°]\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    // The C language, vitamin "K": a letter that is an option's own text names that option's text, not a letter.
    // Options named by letters ("Hepatitis B", "Type A"): a bare capital in the reply is such a name too.
    if (ctx.options.includes(letter.toLowerCase()) || ctx.options.some((o) => o.endsWith(` ${letter.toLowerCase()}`))) continue;
    const next = /^\s+([a-z]+)/.exec(text.slice(m.index + 1))?.[1];
    // "A and C", "A or D": the article reading fails when another option letter follows.
    const pairs = /^\s+(?:and|or)\s+[(\[]?[A-Z](?![A-Za-z0-9])/.test(text.slice(m.index + 1));
    if ((letter === 'A' || letter === 'I') && next !== undefined && !pairs && !['is', 'seems', 'looks', 'because', 'since', 'fits', 'matches'].includes(next)) continue;
    if (isNegated(text, m.index, m.index + 1)) continue;
    letters.set(letter, { start: m.index, end: m.index + 1 });
  }
  return { letters };
}

const POSITIVE = /(?:\b(?:correct|right|true|best|valid)\b|✓|✔|✅)/i;
const NEGATIVE = /(?:\b(?:incorrect|wrong|false|not|invalid|eliminat\w*)\b|✗|✘|❌)/i;

/** In an option-by-option analysis, the one option judged right while the others are judged wrong. */
function eliminationWinner(items: ReadonlyArray<{ letter: string; text: string }>): number {
  const positive = items.flatMap((l, i) => (POSITIVE.test(l.text) && !NEGATIVE.test(l.text) ? [i] : []));
  const negative = items.filter((l) => NEGATIVE.test(l.text));
  return positive.length === 1 && negative.length >= 1 && new Set(items.map((l) => l.letter)).size === items.length ? positive[0]! : -1;
}

const REVISION_CUE = /\b(?:wait|actually|correction|on\s+second\s+thought|re-?evaluat\w*|reconsider\w*|mistake|error|mislabel\w*|sorry|however|hmm|upon\s+(?:further\s+)?review|let\s+me\s+re|checking\s+again|no\b(?=\s*[,.!;—–-]))/i;

/** Among live commitments: the last deliberate final marker, unless a later committing phrase revises it; weak mentions only without either. */
function decide(live: readonly Hit[], text: string): Hit | null {
  const strong = live.filter((h) => h.tier < 3);
  const pool = strong.length > 0 ? strong : live;
  const last = pool.at(-1);
  if (!last) return null;
  const lastFinal = pool.filter((h) => h.tier === 1).at(-1);
  if (!lastFinal || lastFinal === last || last.letter === lastFinal.letter) return last;
  // A revision in passing ("Answer: (D) — no wait, (B)") carries its cue in itself.
  return last.rule === 'revision' || REVISION_CUE.test(text.slice(lastFinal.end, last.start)) ? last : lastFinal;
}

/**
 * "Final answer: B\nFinal answer: D": the same final label twice, side by side, naming different options, with no
 * correction between them. A different label revises ("Answer: A\nFinal answer: C", "Correction: (A)"). The
 * earlier of the two, or null.
 */
function sameLabelRival(chosen: Hit, live: readonly Hit[], text: string): Hit | null {
  if (chosen.tier !== 1) return null;
  const prev = live.filter((h) => h.tier === 1 && h.letterStart < chosen.letterStart).at(-1);
  if (!prev || prev.letter === chosen.letter || !/^[\s.,;!*)\]]*$/.test(text.slice(prev.end, chosen.start))) return null;
  const label = (h: Hit): string => text.slice(h.start, h.letterStart).toLowerCase().replace(/[^a-z]/g, '');
  return label(prev) === label(chosen) ? prev : null;
}

/** "Answer: C\nAnswer: A\nAnswer: D" opening a reply that goes on to reason: the few-shot answers echoed, not this one. */
function echoRun(hits: readonly Hit[], text: string): Hit[] {
  const committed = hits.filter((h) => h.stance === 'committed' || h.stance === 'hedged');
  const first = committed[0];
  if (!first || text.slice(0, first.start).trim().length > 0) return [];
  let n = 1;
  while (n < committed.length && text.slice(committed[n - 1]!.end, committed[n]!.start).replace(/[\s.,;)\]]/g, '').length <= 12) n++;
  const run = committed.slice(0, n);
  const after = committed[n];
  if (new Set(run.map((h) => h.letter)).size < 2 || !after || text.slice(run.at(-1)!.end, after.start).trim().length < 40) return [];
  return run;
}

/** A sentence with its opening interjections ("Hmm,", "Wait,", "No,") dropped, for comparing loop turns. */
function unitKey(sentence: string): string {
  return sentence.toLowerCase().replace(/\s+/g, ' ').trim().replace(/^(?:(?:hmm+|wait|no|so|ok(?:ay)?|well|actually|yes|oh|right|but)[,.!]?\s+)+/, '');
}

function unitsOf(text: string): Set<string> {
  return new Set(allMatches(text, /[^\n.!?]+[.!?]*/g).map((m) => unitKey(m[0])).filter((u) => u.length > 0));
}

/** The sentence around offset `at`. */
function unitAround(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf('\n'), ...['.', '!', '?'].map((c) => before.lastIndexOf(c))) + 1;
  const rest = /^[^\n.!?]*[.!?]*/.exec(text.slice(at))?.[0] ?? '';
  return unitKey(text.slice(start, at) + rest);
}

const PREAMBLE = /^(?:let\s+me|let's|let\s+us|i\s+will|i'll|i\s+need\s+to|we\s+need\s+to|ok|okay|hmm+|well|alright|wait|no|so|now|first)\b/i;

/** Whether a sentence of reasoning (not "Let me check again.") stands before the sentence at `at`. */
function reasonedBefore(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf('\n'), ...['.', '!', '?'].map((c) => before.lastIndexOf(c))) + 1;
  return allMatches(text.slice(0, start), /[^\n.!?]+[.!?]*/g).some((m) => m[0].trim().length >= 15 && !PREAMBLE.test(m[0].trim()));
}

/** Words of three letters or more, for comparing a restated question with the one asked. */
function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => !['the', 'and', 'for', 'which', 'what', 'following'].includes(w)));
}

/** The asking sentence of the question: its last line that is not an option or an answer line. */
function askLine(question: string): string {
  const instruction = /^(?:answer|respond|reply|please|think|do\s+not|don't|output|give|return|choose\s+one|select\s+one|format)\b/i;
  const lines = question
    .split('\n')
    .map((l) => l.trim())
    // "Q: Which ...?" heads a question (few-shot examples written as Q:/A: pairs); it is not option Q.
    .filter((l) => l.length > 0 && (/^Q:/.test(l) || !/^[(\[]?[A-Z][).:\]]\s/.test(l)) && !instruction.test(l));
  const ask = lines.filter((l) => l.includes('?')).at(-1) ?? lines.at(-1) ?? '';
  // "Which planet has the shortest year? (A) Venus (B) Mercury ...": options inline after the asking sentence.
  return ask.replace(/\s[(\[]A[)\]]\s[\s\S]*$/, '');
}

/** Where the response restates the question asked after echoing few-shot examples: reading starts there. */
function restatedQuestionAt(text: string, question: string | undefined): number {
  if (!question) return 0;
  const asked = words(askLine(question));
  if (asked.size < 3) return 0;
  let at = 0;
  for (const m of allMatches(text, /^[ \t>#*]*(?:question|q|problem)\s*\d*\s*[:.)]\s*([^\n]+)/gim)) {
    if (m.index === 0) continue;
    const said = words(m[1]!);
    const shared = [...asked].filter((w) => said.has(w)).length;
    if (shared / asked.size >= 0.8) at = m.index;
  }
  return at;
}

/** Words of three letters or more and numbers, for telling whether an opening "Question: ..." is the one asked. */
function terms(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]{3,}|\d+(?:\.\d+)?/g) ?? []).filter((w) => !['the', 'and', 'for', 'which', 'what', 'following', 'question'].includes(w));
}

/**
 * A reply that opens with "Question: ..." about something the question asked does not mention (and never
 * restates the one asked) made up a question of its own: its answers are not answers to ours. Null otherwise;
 * else the span of the invented question's line.
 */
function inventedOpening(text: string, question: string | undefined): { start: number; end: number } | null {
  if (!question) return null;
  const m = /^\s*[>#*]*\s*(?:question|q|problem)\s*\d*\s*[:.)]\s*([^\n]+)/i.exec(text);
  if (!m) return null;
  const said = terms(m[1]!);
  if (said.length === 0) return null;
  const asked = new Set(terms(question));
  const shared = said.filter((w) => asked.has(w)).length;
  if (shared / said.length >= 0.5) return null;
  const start = m.index + m[0].length - m[1]!.length;
  return { start, end: start + m[1]!.trimEnd().length };
}

/** Whether the question asks for the option that is NOT something (or the one EXCEPT): from the question, else the reply's restatement. */
function asksForNot(question: string | undefined, response: string): boolean {
  if (question) {
    const ask = askLine(question);
    // "Which is LEAST likely to ...?" asks for the option said not to do it, as a NOT question does.
    return /\b(?:NOT|EXCEPT|LEAST)\b/.test(ask) || (/[?:]\s*$/.test(ask) && /\b(?:not|except)\b|n't\b|n’t\b|\bleast\s+(?:likely|probable|plausible|consistent|supported|accurate)\b/i.test(ask));
  }
  const restated = /\b(?:question\s+asks|asks?\s+(?:for|us|which|what)|asked\s+(?:for|which)|we\s+(?:need|want|are\s+looking\s+for)|looking\s+for|must\s+(?:find|identify|pick))\b[^.?!\n]{0,80}?\b(?:not|except|isn't|doesn't)\b/i;
  // "All of the following statements about enzymes are true except option B": the question's own wording.
  const allExcept = /\ball\s+(?:of\s+)?(?:the\s+following|these|the\s+(?:options|choices|statements))\b[^.?!\n]{0,120}?\bexcept\b/i;
  return restated.test(response.slice(0, 400)) || allExcept.test(response.slice(0, 400));
}

function span(response: string, start: number, end: number): GradeSpan {
  return { start, end, text: response.slice(start, end) };
}

function answered(response: string, letter: string, rule: string, start: number, end: number, passedOver: McCandidate[] = [], note = ''): McExtraction {
  const s = span(response, start, end);
  return { pred: letter, status: 'answered', rule, span: s, detail: describe(s.text.trim(), passedOver, note), candidates: passedOver };
}

function describe(what: string, passedOver: readonly McCandidate[], note: string): string {
  const lost = passedOver.filter((c) => c.lost !== undefined);
  const others = lost.length > 0 ? `; passed over: ${lost.map((c) => `${c.letter} (${c.lost})`).join(', ')}` : '';
  return `${note}${what}${others}`;
}

/** Why a candidate that did not win lost, in a reader's words. */
function lossReason(h: Hit, winner: Hit | null, withdrawn: boolean, place: Place): string {
  if (place === 'follow_up') return 'in an invented follow-up';
  if (place === 'echo') return 'echoed example answer';
  if (h.stance === 'rejected') return 'rejected';
  if (h.stance === 'listed') return 'only listed';
  if (h.stance === 'conditional') return 'only under a condition';
  if (withdrawn) return 'withdrawn later';
  if (place === 'loop') return 'inside a loop';
  if (h.stance === 'hedged') return 'hedged';
  if (winner && h.letterStart < winner.letterStart) return winner.tier < h.tier ? 'weaker than the final marker' : 'revised later';
  if (winner && winner.tier < h.tier) return 'weaker than the final marker';
  return 'not the final commitment';
}

/**
 * Finds the option a response commits to, as a careful reader would: the commitment a reader would underline,
 * not the first or last letter-shaped token. Every naming of an option is a candidate, scored by how it is
 * stated (committed, hedged, rejected "(C) is incorrect", or only listed), where it stands (before a loop,
 * inside one, in few-shot answers echoed at the start, in invented follow-up questions) and whether a later
 * sentence withdraws it ("(F) does not match either"). Deliberate final markers ("Answer: B", \boxed{B}) win
 * over committing phrases ("the answer is B", "this matches option B") unless a later phrase revises them;
 * among equals the last one wins. When a loop wavers between options, the commitment before it stands.
 * Only when nothing commits are weaker readings tried: a line that is a letter, an option-by-option
 * elimination, a marked letter, the option's text, a lone capital in a short reply. A refusal is reported as
 * such, and text that names several options equally is ambiguous. The detail names the candidates passed
 * over and why; `candidates` lists them. A reply that is only closed reasoning is read inside it (mc-reasoning.ts).
 */
export function extractMcAnswer(
  response: string,
  choiceCount: number,
  choices?: readonly string[],
  options: ExtractionOptions = {},
): McExtraction {
  // "<think>... never closed ...\n\nFinal answer: E": only the closing labelled paragraph is read (unclosed-reasoning.ts).
  const afterUnclosed = unclosedReasoningAnswer(response, options.truncated);
  if (afterUnclosed !== null) return extractMcAnswer(afterUnclosed, choiceCount, choices, options);
  // Only closed reasoning, nothing after it: its final commitment is the only one the model made.
  const reasoning = reasoningOnly(response);
  if (reasoning !== null) return fromReasoning(response, extractMcAnswer(reasoning, choiceCount, choices, { ...options, truncated: false }), options.truncated === true);
  const prepared = unstutter(prepare(response));
  const ctx: McContext = {
    letters: validLetters(choiceCount),
    options: (choices ?? []).map(normalizeOption),
    raw: choices ?? [],
    notQuestion: asksForNot(options.question, prepared),
    ...(options.question === undefined ? {} : { question: options.question }),
  };
  const restated = restatedQuestionAt(prepared, options.question);
  const invented = restated === 0 ? inventedOpening(prepared, options.question) : null;
  if (invented) {
    const s = span(response, invented.start, invented.end);
    return { pred: null, status: 'no_answer', rule: 'invented_question', span: s, detail: `answers a question of its own, not the one asked: ${s.text}`, candidates: [] };
  }
  const examples = echoedExamples(prepared, options.question);
  // Echoed examples and what precedes the restated question are hidden from every reading, markdown kept or not.
  const hidden = examples.reduce((out, e) => blank(out, e.start, e.end), blank(prepared, 0, restated));
  const masked = maskMarkdown(hidden);
  const looping = findLoop(masked) !== null;
  const missing: GradeStatus = options.truncated || looping ? 'truncated' : 'no_answer';
  if (masked.trim().length === 0 && examples.length > 0) {
    return { pred: null, status: missing, rule: 'echoed_examples', span: null, detail: 'only echoes the few-shot examples', candidates: [] };
  }
  if (masked.trim().length === 0) {
    const detail = response.trim().length === 0 ? 'empty response' : 'only reasoning, no answer after it';
    return { pred: null, status: missing, rule: 'empty', span: null, detail, candidates: [] };
  }
  const committing = (h: Hit): boolean => h.stance === 'committed' || h.stance === 'hedged';
  // A lone letter on its own line counts as an answer here, so "C\n\nQ: ..." stops before the invented question.
  // So does a prefix of finished reasoning: a "Q:" after it, with answers of its own, is a question the model invented.
  const cut = readableEnd(masked, (prefix) => readHits(prefix, ctx).some(committing) || letterLines(prefix, ctx).some((l) => l.lone) || (/[.!?]\s*$/.test(prefix) && reasonedBefore(prefix, prefix.length)));
  const text = masked.slice(0, cut.end);
  const raw = hidden.slice(0, cut.end);

  const found = readHits(text, ctx);
  // "If annual, the answer is (B); if monthly, it is (D).": answers under alternative conditions commit to neither.
  const branches = conditionalBranches(text, found.filter((h) => committing(h) || h.stance === 'conditional'));
  // "For part (a) the answer is B; part (b) ... needs ...": an answer to another part is conditional too.
  // So is one that only gives partial credit, concedes or illustrates ("(D) is partly correct at best", mc-asides.ts).
  const hits = found.map((h): Hit => (branches.has(h.letterStart) || scopedToOtherPart(text, h.start) || (h.stance === 'committed' && asideAt(text, h.letterStart)) ? { ...h, stance: 'conditional' } : h));
  const loop = cut.reason === 'loop' ? findLoop(masked) : null;
  const echoed = new Set(echoRun(hits, text));
  const rejections = verdictRejections(text, ctx);
  const refusalAt = findMcRefusal(text);
  const doubts = [...doubtsAt(text), ...retractionsAt(text)].sort((a, b) => a - b);
  const named = [...letterTokens(text, ctx), ...found];
  /** "NPV = $100 (A). Hmm, wait, that ignores discounting.": a doubt with no other option named between them. */
  const doubted = (letter: string, at: number): boolean => doubts.some((d) => d >= at && !named.some((t) => t.letter !== letter && t.letterStart >= at && t.letterStart < d));
  const loopUnits = loop ? unitsOf(text.slice(loop.start, loop.secondCopy)) : new Set<string>();
  // A commitment that reads like one of the loop's sentences is the loop's first turn, not an answer before it,
  // unless reasoning of its own comes first ("The mass cancels. The answer is (B).\nWait, ... No, the answer is (B).").
  const inLoop = (h: Hit): boolean =>
    loop !== null && (h.letterStart >= loop.start || (loopUnits.has(unitAround(text, h.letterStart)) && !reasonedBefore(text, h.letterStart)));
  const place = (h: Hit): Place => (echoed.has(h) ? 'echo' : inLoop(h) ? 'loop' : 'answer');
  /** Withdrawn: judged wrong later, or followed by "none of the options fits", and not committed to again. */
  const withdrawn = (h: Hit): boolean => {
    const recommitted = hits.some((o) => o !== h && o.letter === h.letter && o.letterStart > h.end && committing(o));
    if (recommitted) return false;
    if (rejections.some((r) => r.letter === h.letter && r.letterStart > h.end)) return true;
    if (doubted(h.letter, h.end)) return true;
    // "The answer is (B). However, please consult a doctor ...": a referral after the answer qualifies it, not withdraws it.
    const referral = refusalAt !== null && REFERRAL.test(text.slice(refusalAt.start, refusalAt.end));
    const refusalLater = refusalAt !== null && !referral && refusalAt.start > h.end && /[.!?\n;]|\bbut\b/.test(text.slice(h.end, refusalAt.start));
    return h.tier > 1 && refusalLater && !hits.some((o) => o.letterStart > refusalAt.start && committing(o));
  };
  const live = hits.filter((h) => committing(h) && !echoed.has(h) && !withdrawn(h));
  const beyond = readHits(masked.slice(0, masked.length), ctx).filter((h) => h.letterStart >= cut.end && committing(h));
  const report = (winner: Hit | null): McCandidate[] => [
    ...hits.map((h) => toCandidate(response, h, place(h), withdrawn(h), h === winner ? undefined : lossReason(h, winner, withdrawn(h), place(h)))),
    ...(cut.reason === 'loop' ? [] : beyond.map((h) => toCandidate(response, h, 'follow_up', false, 'in an invented follow-up'))),
  ].filter((c, i, all) => c.lost === undefined || (c.letter !== winner?.letter && !all.slice(0, i).some((o) => o.letter === c.letter && o.lost === c.lost)));

  const loopLetters = new Set(live.filter((h) => place(h) === 'loop').map((h) => h.letter));
  let chosen: Hit | null;
  let note = '';
  if (loopLetters.size > 1) {
    chosen = decide(live.filter((h) => place(h) === 'answer'), text);
    if (!chosen) {
      const loopHit = live.find((h) => place(h) === 'loop')!;
      const s = span(response, loopHit.start, loopHit.end);
      return { pred: null, status: 'ambiguous', rule: loopHit.rule, span: s, detail: `loops between ${[...loopLetters].sort().join(', ')}`, candidates: report(null) };
    }
    note = `before a loop between ${[...loopLetters].sort().join(', ')}: `;
  } else chosen = decide(live, text);

  if (chosen) {
    const rival = sameLabelRival(chosen, live.filter((h) => place(h) === 'answer'), text);
    if (rival) {
      const s = span(response, rival.start, chosen.end);
      return { pred: null, status: 'ambiguous', rule: chosen.rule, span: s, detail: `two final answers disagree: ${rival.letter} and ${chosen.letter}`, candidates: report(chosen) };
    }
    // "The answer is (B). Actually, maybe (C). Or possibly (A).": the commitment reopened on other options, none settled.
    const reopened = wavering(text.slice(chosen.end), chosen.letter, ctx.letters);
    if (reopened.length > 0 && !live.some((h) => h.letterStart > chosen!.end)) {
      const s = span(response, chosen.start, text.trimEnd().length);
      return { pred: null, status: 'ambiguous', rule: chosen.rule, span: s, detail: `wavers after ${chosen.letter}: ${reopened.join(', ')}`, candidates: report(chosen) };
    }
    // "The answer is (A). Alternatively, the answer is (D).": a second answer offered beside the first, not replacing it.
    const offered = live.find((h) => h.letter !== chosen!.letter && h.end <= chosen!.start && place(h) === 'answer');
    if (offered && ALTERNATIVE.test(clauseBefore(text, chosen.start))) {
      const s = span(response, offered.start, chosen.end);
      return { pred: null, status: 'ambiguous', rule: 'alternative', span: s, detail: `offers ${chosen.letter} as an alternative to ${offered.letter}`, candidates: report(chosen) };
    }
    const rivals = chosen.rule === 'not_question' ? new Set(live.filter((h) => h.rule === 'not_question').map((h) => h.letter)) : new Set<string>();
    if (chosen.stance === 'hedged' || rivals.size > 1) {
      const s = span(response, chosen.start, chosen.end);
      const detail =
        rivals.size > 1
          ? `says several options are not: ${[...rivals].sort().join(', ')}`
          : chosen.conflict !== undefined
            ? `letter and option text disagree (${chosen.letter}, but the text is ${chosen.conflict}'s): ${s.text.trim()}`
            : `hedged: ${s.text.trim()}`;
      return { pred: null, status: 'ambiguous', rule: chosen.rule, span: s, detail, candidates: report(chosen) };
    }
    if (chosen.closest) note = `closest option, not an exact match: ${note}`;
    return answered(response, chosen.letter, chosen.rule, chosen.start, chosen.end, report(chosen), note);
  }
  const passedOver = report(null);
  // "If ideal, the answer is B; with the correction, it is D.": two options offered, each under its own condition.
  const branchLetters = new Set(hits.filter((h) => branches.has(h.letterStart)).map((h) => h.letter));
  if (branchLetters.size > 1) {
    const branchHits = hits.filter((h) => branches.has(h.letterStart));
    const s = span(response, branchHits[0]!.start, branchHits.at(-1)!.end);
    return { pred: null, status: 'ambiguous', rule: 'conditional', span: s, detail: describe(`answers under alternative conditions: ${[...branchLetters].sort().join(', ')}`, passedOver, ''), candidates: passedOver };
  }

  // "... so the total cannot be determined." where an option says exactly that ("Cannot be determined").
  const abstaining = refusalAt ? abstentionOption(text.slice(refusalAt.start, refusalAt.end), ctx) : null;
  if (refusalAt && abstaining) return answered(response, abstaining, 'abstain_option', refusalAt.start, refusalAt.end, passedOver);
  // The whole sentence the refusal stands in: "Between B and C I cannot decide." is torn too.
  // So is one that points back to the clause before it: "It's either B or D; I can't decide between them.".
  const boundaries = refusalAt ? allMatches(text.slice(0, refusalAt.start), /\n|[.!?;](?=\s)/g) : [];
  const pointsBack = refusalAt !== null && /\bbetween\s+(?:them|those|these|the\s+two)\b/i.test(sentenceAt(text, (boundaries.at(-1)?.index ?? -1) + 1));
  const refusalSentenceAt = refusalAt ? (boundaries.at(pointsBack ? -2 : -1)?.index ?? -1) + 1 : 0;
  const refusalSentence = refusalAt ? sentenceAt(text, refusalSentenceAt) : '';
  const torn = !refusalAt || declinesToHelp(refusalSentence) ? [] : tornBetween(refusalSentence, ctx).length > 0 ? tornBetween(refusalSentence, ctx) : tornBetweenNamed(refusalSentence, ctx.letters);
  if (refusalAt && torn.length > 1) {
    const s = span(response, refusalSentenceAt, refusalSentenceAt + sentenceAt(text, refusalSentenceAt).length);
    return { pred: null, status: 'ambiguous', rule: 'undecided', span: s, detail: describe(`torn between ${torn.join(' and ')}`, passedOver, ''), candidates: passedOver };
  }
  if (refusalAt) {
    const s = span(response, refusalAt.start, refusalAt.end);
    // "None of the options fits": every option judged wrong is a considered answer that picks none (no_answer);
    // declining to answer at all ("I cannot answer", "not enough information") is a refusal.
    // So is "I cannot pick any of these" after judging the options it weighed wrong.
    const weighed = hits.some((h) => h.stance === 'rejected' || withdrawn(h)) || rejections.length > 0;
    const noneFit = NONE_FIT_VERDICT.test(s.text) || (weighed && PICKS_NONE.test(refusalSentence));
    return { pred: null, status: noneFit ? 'no_answer' : 'refused', rule: noneFit ? 'none_fit' : 'refusal', span: s, detail: describe(s.text, passedOver, ''), candidates: passedOver };
  }

  // Weaker readings: only letters that are not walk-through items and are not rejected or judged wrong later.
  const items = walkItems(text, ctx);
  // Options re-listed on one line ("(A) Mitochondrion (B) Nucleus (C) ...", mc-inline-list.ts) are labels, not answers.
  const itemAt = new Set([...items.map((i) => i.letterStart), ...introducedItems(text, ctx), ...(options.truncated ? nextItemAt(text, items) : []), ...inlineListedLetters(text)]);
  const judgedLater = (letter: string, at: number): boolean => doubted(letter, at + 1) || rejections.some((r) => r.letter === letter && r.letterStart > at) || hits.some((h) => h.letter === letter && (h.letterStart > at || (h.letterStart === at && h.stance === 'rejected')) && (h.stance === 'rejected' || withdrawn(h)));
  // A reply cut off mid-sentence: whatever that unfinished sentence names is not an answer yet.
  const cutOff = options.truncated === true || MID_SENTENCE.test(text.trimEnd()) || listCutShort(text, ctx.letters, ctx.options, normalizeOption);
  // Cut off for the weak readings: not a reply ending in a capital ("Risposta corretta: A", "... is A").
  const cutWorking = options.truncated === true || (cutOff && !/(?:^|[^A-Za-z])[A-Z]\s*$/.test(text.trimEnd()));
  // A reply cut off (or stopped at an empty "Answer:") while re-listing the options named none of them yet; a
  // complete reply that only lists them offers them all (ambiguous).
  const stoppedListing = cutOff || EMPTY_LABEL_END.test(text);
  const unfinishedFrom = !cutOff || /[.!?)\]*"”']\s*$/.test(text.trimEnd()) ? text.length : closingStart(text);
  // The model went on past the letter without judging it ("Statement C correctly notes that"); one that ends the
  // text ("Option A is incorrect, and B") may be the answer being written.
  const wentPast = (at: number): boolean => at >= unfinishedFrom && /[A-Za-z]{2,}/.test(text.slice(at + 1));
  const conditionalAt = new Set(hits.filter((h) => h.stance === 'conditional').map((h) => h.letterStart));
  // An option withdrawn, or said not to be the answer ("The answer is not (B): B assumes ..."), is not read back in
  // from a later mention of its letter; nor is a letter only mentioned (mc-asides.ts: "gets a B", "B is tempting").
  const negatedLetters = new Set(ctx.notQuestion ? [] : allMatches(text, /(?<![A-Za-z0-9])[(\[]?([A-Z])[)\]]?(?![A-Za-z0-9])/g).filter((m) => isNegated(text, m.index + m[0].indexOf(m[1]!), m.index + m[0].length)).map((m) => m[1]!));
  const takenBack = (letter: string): boolean => negatedLetters.has(letter) || hits.some((h) => h.letter === letter && withdrawn(h));
  // "A could be right if ..., and C if ...": an option offered only under a condition is not chosen.
  const underCondition = (at: number): boolean => /^[)\]]?\s+(?:(?:could|might|may|would)\b[^.!?;,\n]{0,60}?\s)?(?:if|provided|assuming)\b/i.test(text.slice(at + 1));
  const excluded = (letter: string, at: number): boolean => underCondition(at) || itemAt.has(at) || conditionalAt.has(at) || judgedLater(letter, at) || wentPast(at) || deliberated(text, at) || takenBack(letter) || mentionOnly(text, at);

  // "(A) Iron is magnetic, which is" ending a reply cut off: a walk-through item being written, not an answer line.
  const cutItem = (l: { text: string; start: number; lone: boolean }): boolean => !l.lone && l.text.split(/\s+/).length >= 4 && wentPast(l.start + l.text.search(/[A-Za-z]/));
  const lines = letterLines(text, ctx).filter((l) => !isNegated(text, l.start, l.end - (l.text.length - 1)) && !judgedLater(l.letter, l.start) && !cutItem(l) && !headingLine(text, l.start) && !mentionOnly(text, l.start + l.text.indexOf(l.letter)));
  const all = linesWithOffsets(text);
  const isItem = (l: { start: number; text: string }): boolean => itemAt.has(l.start + l.text.search(/[A-Z]/));
  const finalLine = lines.find((l) => l.lone && l.start === all.at(-1)?.start) ?? lines.find((l) => !l.listed && !isItem(l) && l.start === all.at(-1)?.start);
  if (finalLine) return answered(response, finalLine.letter, 'final_line', finalLine.start, finalLine.end, passedOver);
  const firstLine = lines.find((l) => !l.listed && l.start === all[0]?.start && (l.lone || !isItem(l)));
  if (firstLine) return answered(response, firstLine.letter, 'first_line', firstLine.start, firstLine.end, passedOver);
  const loneLetters = new Set(lines.filter((l) => l.lone).map((l) => l.letter));
  const lone = lines.find((l) => l.lone);
  if (loneLetters.size === 1 && lone) return answered(response, lone.letter, 'letter_line', lone.start, lone.end, passedOver);
  const listedLines = letterLines(text, ctx).filter((l) => l.listed);
  // Cut off inside the walk-through's last item ("- D: this one is partly right because ... sep"): no verdict yet.
  const unfinished = (end: number): boolean => cutOff && end >= text.trimEnd().length;
  const byLine = ((i) => (i >= 0 && unfinished(listedLines[i]!.end) ? -1 : i))(eliminationWinner(listedLines));
  if (byLine >= 0) return answered(response, listedLines[byLine]!.letter, 'elimination', listedLines[byLine]!.start, listedLines[byLine]!.end, passedOver);
  const itemTexts = items.map((i) => ({ letter: i.letter, text: text.slice(i.bodyStart, i.bodyEnd), at: i }));
  const byItem = new Set(items.map((i) => i.letter)).size === items.length ? ((i) => (i >= 0 && unfinished(items[i]!.bodyEnd) ? -1 : i))(eliminationWinner(itemTexts)) : -1;
  if (byItem >= 0) return answered(response, items[byItem]!.letter, 'elimination', items[byItem]!.letterStart, items[byItem]!.bodyEnd, passedOver);
  const rows = tableRows(text, ctx);
  const byRow = new Set(rows.map((r) => r.letter)).size === rows.length && rows.length >= 2 && !cutWorking ? eliminationWinner(rows) : -1;
  if (byRow >= 0) return answered(response, rows[byRow]!.letter, 'table_verdict', rows[byRow]!.start, rows[byRow]!.end, passedOver);
  const marked = markedItems(raw, ctx).filter((m) => !wentPast(m.start));
  if (marked.length === 1) return answered(response, marked[0]!.letter, 'marked_item', marked[0]!.start, marked[0]!.end, passedOver);
  if (marked.length > 1) {
    const s = span(response, marked[0]!.start, marked.at(-1)!.end);
    return { pred: null, status: 'ambiguous', rule: 'marked_item', span: s, detail: describe(`several options marked: ${marked.map((m) => m.letter).join(', ')}`, passedOver, ''), candidates: passedOver };
  }

  const lastLine = all.at(-1);
  const lastLineListed = letterLines(text, ctx).some((l) => l.listed && l.start === lastLine?.start) || items.some((i) => lastLine !== undefined && i.letterStart >= lastLine.start && i.letterStart < lastLine.end);
  const lastLineText = lastLine && !lastLineListed ? withoutQuestions(lastLine.text) : '';
  const lastLineOption = lastLine && !lastLineListed ? optionByText(lastLineText, ctx) : null;
  const lastLineDenied = lastLineOption !== null && (cutWorking || (!ctx.notQuestion && (deniedText(lastLineText, ctx.options[LETTERS.indexOf(lastLineOption)] ?? '') || textMentionOnly(lastLineText, ctx.options[LETTERS.indexOf(lastLineOption)] ?? '') || (ctx.question !== undefined && offTopicText(lastLineText, ctx.options[LETTERS.indexOf(lastLineOption)] ?? '', askLine(ctx.question))))));
  const short = text.trim().length <= SHORT_RESPONSE;
  const claims = claimedOptionText(text, ctx);
  // "Only the third option fits, so that is my answer.": a pointer back at the one option its sentence named (mc-backref.ts).
  const pointed = pointedBackOption(text, ctx);
  const tiers: Array<{ rule: string; found: Found }> = [
    { rule: 'pointed_back', found: { letters: pointed && !judgedLater(pointed.letter, pointed.end) ? new Map([[pointed.letter, pointed]]) : new Map() } },
    { rule: 'marked_letter', found: markedLetters(raw, text, ctx, excluded) },
    {
      rule: 'option_text',
      found: { letters: lastLineOption && lastLine && !lastLineDenied ? new Map([[lastLineOption, { start: lastLine.start, end: lastLine.end }]]) : optionTextAnywhere(stoppedListing ? withoutListed(text, ctx) : text, ctx, short && !cutWorking) },
    },
    // After the option texts anywhere, which read "Berlin." as the text rule; before a stray capital.
    // Not when another sentence claims a different option as what the case is ("The best case is O(n), ... The
    // typical case is O(n log n)."): which one is asked, only the question says.
    { rule: 'closing_text', found: { letters: unrivalled(closingOptionText(text, ctx), claims.claimed) } },
    // "That is the textbook case of classical conditioning. It is not operant conditioning, ...": in a reply of any length.
    { rule: 'option_claim', found: { letters: new Map([...claims.found].filter(([letter]) => !textMentionOnly(text, ctx.options[LETTERS.indexOf(letter)] ?? ''))) } },
    // "... was a VER.", "... on the rough endoplasmic reticulum.": an option named through an abbreviation (mc-abbrev.ts).
    { rule: 'option_abbreviation', found: { letters: shifted(abbreviatedOptions(text.slice(closingStart(text)), ctx), closingStart(text)) } },
    // "The speed works out to eighteen metres per second." read as "18 m/s" (mc-units.ts).
    { rule: 'spelled_value', found: { letters: spelledValueOption(text, ctx) } },
    // "... so the student gets a B." among the options "Grade A" ... "Grade D" (mc-asides.ts).
    { rule: 'letter_name', found: { letters: ((n) => (n ? new Map([[n.letter, n]]) : new Map()))(closingLetterName(text, ctx)) } },
    // "So the true ones are I and III." for the option "I and III only".
    { rule: 'closing_statements', found: { letters: ((n) => (n ? new Map([[n.letter, n]]) : new Map()))(closingStatements(text, ctx)) } },
    // Cut off, a short reply's stray capitals and option texts are its working, not yet an answer.
    { rule: 'loose_letter', found: short && !cutWorking ? looseLetters(text, ctx, excluded) : { letters: new Map() } },
  ];
  // An option the reply named and then withdrew or rejected is not read back in through its text ("The closest is
  // (F) 25 m/s. However, ... so F cannot be right either.").
  // Judged after the option's text was last written, not merely after the span that read it began.
  const lastTextAt = (letter: string, from: number): number => Math.max(from, text.toLowerCase().lastIndexOf((ctx.raw?.[LETTERS.indexOf(letter)] ?? '\u0000').toLowerCase()));
  const readable = tiers.map((t) => (t.rule === 'marked_letter' || t.rule === 'loose_letter' ? t : { ...t, found: { ...t.found, letters: new Map([...t.found.letters].filter(([letter, where]) => !judgedLater(letter, lastTextAt(letter, where.start)))) } }));
  // "A. No, D. Then again, A? I keep going back and forth.": a closing admission that it never settled, after naming
  // two or more options, leaves none of them as its answer; a weaker reading would only guess which flip was last.
  const unsettled = UNSETTLED.exec(text);
  const flipped = new Set([...passedOver.map((c) => c.letter), ...(unsettled ? looseLetters(text.slice(0, unsettled.index), ctx, () => false).letters.keys() : [])]);
  if (unsettled && flipped.size > 1 && !/[.!?]\s+\S/.test(text.slice(unsettled.index).trimEnd())) {
    const s = span(response, unsettled.index, unsettled.index + unsettled[0].length);
    return { pred: null, status: 'ambiguous', rule: 'undecided', span: s, detail: describe(`never settles between ${[...flipped].sort().join(', ')}`, passedOver, ''), candidates: passedOver };
  }
  for (const { rule, found } of readable) {
    if (found.letters.size !== 1) continue;
    const [[letter, where]] = [...found.letters];
    return answered(response, letter, rule, where.start, where.end, passedOver);
  }
  const conflicting = readable.find((t) => t.found.letters.size > 1);
  // Cut off while still working: option texts its reasoning passed through are not answers offered side by side.
  if (conflicting && cutOff && conflicting.rule !== 'marked_letter') {
    return { pred: null, status: 'truncated', rule: 'none', span: null, detail: describe('cut off before committing to an option', passedOver, ''), candidates: passedOver };
  }
  if (conflicting) {
    const places = [...conflicting.found.letters.values()];
    const s = span(response, Math.min(...places.map((p) => p.start)), Math.max(...places.map((p) => p.end)));
    return { pred: null, status: 'ambiguous', rule: conflicting.rule, span: s, detail: describe(`candidates: ${[...conflicting.found.letters.keys()].sort().join(', ')}`, passedOver, ''), candidates: passedOver };
  }
  const detail = looping ? 'repeats itself without answering' : items.length > 0 || listedLines.length > 0 ? 'lists or walks through options without committing' : 'no option found';
  return { pred: null, status: missing, rule: looping ? 'loop' : 'none', span: null, detail: describe(detail, passedOver, ''), candidates: passedOver };
}


/** "Answeranswer: **B**B**B**" from a stuttering quantized model: the doubled label word read once, offsets kept. */
function unstutter(text: string): string {
  return text.replace(/\b(answer|option|choice|final)(\1)(?=[^A-Za-z]|$)/gi, (_m, word: string, again: string) => word + ' '.repeat(again.length));
}

/** A hedge naming another option as a sentence of its own: "Actually, maybe (C).", "Or possibly A — hard to say." */
const WAVER = /(?:^|[.!?;\n]\s*|[,—–-]\s*)(?:(?:actually|hmm+|wait|or|but)\s*,?\s*)+(?:maybe|possibly|perhaps)\s+(?:it(?:'s|’s|\s+is)\s+)?(?:option\s+|choice\s+)?[(\[]?([A-Z])[)\]]?(?=\s*(?:[.!?;,—–]|\s-\s|$))/gi;

/** The other letters a reply wavers to after its commitment, in order. */
function wavering(after: string, letter: string, letters: string): string[] {
  return [...new Set(allMatches(after, WAVER).map((m) => m[1]!).filter((l) => /[A-Z]/.test(l) && l !== letter && letters.includes(l)))];
}

/** Saying the facts do not settle it: "cannot be determined", "not enough information". */
const UNDETERMINED = /\b(?:cannot|can\s*t|can’t|could\s+not|couldn't)\s+be\s+(?:determined|known|calculated|computed|found|told)\b|\b(?:not|in)sufficient\s+(?:information|data)\b|\bnot\s+enough\s+(?:information|data)\b|\binformation\s+(?:is\s+)?(?:insufficient|missing)\b|\bundetermin\w*|\bindetermina\w*/i;
/** Saying no option fits: "none of the above", "none of these". */
const NONE_FITS = /\bnone\s+of\s+(?:the\s+)?(?:above|options|choices|answers|these|them)\b/i;
/** A refusal phrase that is a verdict on the options ("none of them fits", "no option matches"), not a refusal to answer. */
/**
 * Declining to pick any of the options: "I cannot pick any of these", "can't choose one of the listed options",
 * "I cannot find a matching option".
 */
const PICKS_NONE = /\b(?:pick|choose|select|find|identify)\s+(?:any|one|an?)\s+(?:of\b|(?:(?:matching|fitting|suitable|correct|valid)\s+)?(?:option|choice|answer))/i;
/** A clause offering another answer beside one already given: "Alternatively, ...", "Or else ...", "Another possibility is ...". */
const ALTERNATIVE = /^\s*(?:(?:but|and|or)\s+)?(?:alternatively|or\s+else|another\s+(?:possibility|possible\s+answer|option\s+would\s+be))\b/i;

/** The text of the sentence before `at`, from its start (a line break or sentence end) up to `at`. */
function clauseBefore(text: string, at: number): string {
  const start = allMatches(text.slice(0, at), /\n|[.!?;](?=\s)/g).at(-1);
  return text.slice(start ? start.index + 1 : 0, at);
}
/** A referral to a professional ("please consult a doctor"), as a disclaimer after an answer. */
const REFERRAL = /^(?:please\s+)?consult\b/i;
/** A reply admitting it has not settled on an option ("I keep going back and forth", "I can't make up my mind"). */
const UNSETTLED = /\b(?:I\s+keep\s+(?:going\s+back\s+and\s+forth|flip-?flopping|changing\s+my\s+mind|switching)|I\s*(?:can't|can’t|cannot)\s+make\s+up\s+my\s+mind|I\s+(?:haven't|have\s+not)\s+settled)\b/i;
const NONE_FIT_VERDICT = /\bnone\s+of\b|\bno\s+(?:correct\s+)?(?:option|choice|answer)\b/i;

/**
 * The one option whose own text declines in the way the refusal does ("Cannot be determined", "Not enough
 * information", "None of the above"), or null: then the refusal is the reply's answer.
 */
function abstentionOption(refusal: string, ctx: OptionsContext): string | null {
  const kind = [UNDETERMINED, NONE_FITS].find((re) => re.test(refusal));
  if (!kind) return null;
  const matching = ctx.options.flatMap((o, i) => (kind.test(o) && ctx.letters[i] !== undefined ? [ctx.letters[i]!] : []));
  return matching.length === 1 ? matching[0]! : null;
}

/** A mark that picks out a re-listed option: a tick, an arrow ("<-- this one"), "(correct)". */
const ITEM_MARK = /(?:✓|✔|✅|☑|←|⟵|<-+|\((?:correct|right|answer|true)\)|\[(?:correct|right|answer)\])(?!\s*[:\-—–]?\s*(?:not|no|wrong|incorrect|false)\b)/i;

/**
 * A re-listed option list (bulleted or numbered or not) with one item marked: "- **B. Pancreas** ← correct",
 * "* (B) 24 N  <-- this one", "- C: Helium (correct)", "C ✅" among "A ❌" lines, or the one item set in bold when the others are not. Each
 * letter at most once, in order. Returns the marked items: one is the answer, several are ambiguous.
 */
function markedItems(raw: string, ctx: OptionsContext): Array<{ letter: string; start: number; end: number }> {
  const items: Array<{ letter: string; start: number; end: number; mark: boolean; bold: boolean }> = [];
  for (const line of linesWithOffsets(raw)) {
    // "B) Pancreas ✓", or a bare letter before its mark: "C ✅", "A ❌".
    const m = /^(?:[-*+•]\s+|\d{1,2}[.)]\s+)?(?:\*\*)?\s*[(\[]?([A-Z])(?:(?:[)\]]|[)\]]?[.:])(?:\*\*)?\s+\S|\s+(?=[✓✔✅☑✗✘❌]))/.exec(line.text);
    if (!m || !ctx.letters.includes(m[1]!)) continue;
    items.push({ letter: m[1]!, start: line.start, end: line.end, mark: ITEM_MARK.test(line.text), bold: /\*\*[^*]+\*\*/.test(line.text) });
  }
  const letters = items.map((i) => LETTERS.indexOf(i.letter));
  if (new Set(letters).size < 2 || new Set(letters).size !== letters.length || letters.some((l, i) => i > 0 && l < letters[i - 1]!)) return [];
  // Bold on every item is formatting; on one item, a mark.
  const boldMarks = items.filter((i) => i.bold).length === 1;
  return items.filter((i) => i.mark || (boldMarks && i.bold));
}

/** "| C | Correct |", "| B | Yes |": a markdown table row per option, its verdict cells read as a walk-through. */
function tableRows(text: string, ctx: OptionsContext): Array<{ letter: string; text: string; start: number; end: number }> {
  const out: Array<{ letter: string; text: string; start: number; end: number }> = [];
  for (const line of linesWithOffsets(text)) {
    const m = /^\|\s*(?:(?:option|choice)\s+)?[(\[]?([A-Z])[)\].]?\s*\|(.*)$/i.exec(line.text);
    const letter = m?.[1]?.toUpperCase();
    if (!m || letter === undefined || !ctx.letters.includes(letter)) continue;
    // A yes/no column ("Correct?") states the same verdicts.
    const cells = m[2]!.split('|').map((c) => c.trim().replace(/^yes\b/i, 'correct').replace(/^no\b/i, 'incorrect'));
    out.push({ letter, text: cells.join(' | '), start: line.start, end: line.end });
  }
  return out;
}

/**
 * "..., but the longest river overall is the Nile.", "... = 3.": the closing clause's predicate is exactly one
 * option's text; or the closing sentence is one ("... none of 7, 9 or 11 equals it. None of the above.").
 */
function closingOptionText(text: string, ctx: OptionsContext): Map<string, { start: number; end: number }> {
  const out = new Map<string, { start: number; end: number }>();
  if (ctx.options.length === 0) return out;
  // Not the text of a listed option ("D. Madrid" ending a re-listed option list), nor one after its letter label.
  const unlisted = withoutListed(text, ctx);
  const lastFrom = closingStart(unlisted);
  const whole = ctx.options.indexOf(normalizeOption(unlisted.slice(lastFrom)));
  const labelled = /(?:^|\s)[(\[]?[A-Z][.)\]:]\s*$/.test(unlisted.slice(0, lastFrom));
  if (whole >= 0 && !labelled && ctx.letters[whole] !== undefined) return out.set(ctx.letters[whole]!, { start: lastFrom, end: unlisted.trimEnd().length });
  // "..., so pH = -log(10^-3) = 3.", "the probability is 1/2" (50%): the value the reply closes on, too.
  const value = closingValueOption(unlisted, ctx);
  if (value) out.set(value.letter, { start: value.start, end: value.end });
  return out;
}

/** The option the closing sentence's value names once its numbers in words and unit names are written as an option would. */
function spelledValueOption(text: string, ctx: OptionsContext): Map<string, { start: number; end: number }> {
  const from = closingStart(text);
  const sentence = text.slice(from).trimEnd();
  const rewritten = spelledOutValues(sentence, numbersInWords(sentence));
  const found = rewritten === null ? null : closingValueOption(rewritten, ctx);
  return found ? new Map([[found.letter, { start: from, end: from + sentence.length }]]) : new Map();
}

/** "Consider each choice:" or "The correct answer:" on its own line: the letter lines after it re-list the options. */
const LIST_INTRO = /(?:\b(?:each|every|all|the\s+following|these|the)\s+(?:answer\s+)?(?:choices?|options?|answers?|alternatives?)|\b(?:correct|right|best)\s+answer)\s*[:：]\s*$/i;

function introducedItems(text: string, ctx: OptionsContext): number[] {
  const lines = linesWithOffsets(text);
  const out: number[] = [];
  lines.forEach((line, i) => {
    if (!LIST_INTRO.test(line.text)) return;
    for (const next of lines.slice(i + 1)) {
      const m = /^[(\[]?([A-Z])(?:[)\]]|[)\]]?[.:])\s+\S/.exec(next.text);
      if (!m || !ctx.letters.includes(m[1]!)) break;
      out.push(next.start + next.text.indexOf(m[1]!));
    }
  });
  return out;
}

function toCandidate(response: string, h: Hit, place: Place, withdrawn: boolean, lost: string | undefined): McCandidate {
  const c: McCandidate = { letter: h.letter, rule: h.rule, stance: h.stance, place, withdrawn, closest: h.closest, span: span(response, h.start, h.end) };
  if (lost !== undefined) c.lost = lost;
  return c;
}

/** In a short reply, the options whose text appears in it (the longest of any nested pair). */
function optionTextAnywhere(text: string, ctx: McContext, short: boolean): Map<string, { start: number; end: number }> {
  const out = new Map<string, { start: number; end: number }>();
  if (!short) return out;
  // Not in a question the reply asks itself ("Is it the market clearing?"), nor where it is denied ("Not the mitochondrion").
  const stated = withoutQuestions(text);
  // Naming two options ("Paris or Berlin") commits to neither: both are returned and read as ambiguous.
  for (const letter of optionsNamed(stated, ctx)) {
    // In a NOT question the denial is the answer ("intent to harm is not required").
    if (!ctx.notQuestion && (deniedText(stated, ctx.options[LETTERS.indexOf(letter)] ?? '') || textMentionOnly(stated, ctx.options[LETTERS.indexOf(letter)] ?? ''))) continue;
    // "that copy is made in the nucleus" for "Which organelle synthesizes proteins?": the text describes something else.
    if (!ctx.notQuestion && ctx.question !== undefined && offTopicText(stated, ctx.options[LETTERS.indexOf(letter)] ?? '', askLine(ctx.question))) continue;
    out.set(letter, { start: text.length - text.trimStart().length, end: text.trimEnd().length });
  }
  // "The pressure stays the same, because ..." for the option "It stays the same".
  if (out.size === 0) for (const letter of pronounOptions(stated, ctx)) out.set(letter, { start: text.length - text.trimStart().length, end: text.trimEnd().length });
  return out;
}

/** A claim hedged, conditional or deliberating: "One possibility is X", "if ..., X", "The first to consider is X". */
const HEDGED_CLAIM = /\b(?:possibilit\w*|possibl[ey]|might|may|could|perhaps|maybe|if|whether|unless|would|suppos\w*|assum\w*|either|or|consider\w*|examin\w*|look\w*|check\w*|discuss\w*|evaluat\w*|first|next|then|let|question|asks?|asked|options?|choices?)\b|\?/i;
/** A subject that points at the case in hand ("That is ...", "..., which is ...", "What they have is ..."), not background. */
const CASE_SUBJECT = /\b(?:this|that|it|which|what|here|such|these|those|scenario|situation|case|example|arrangement|behaviou?r|phenomenon)\b/;
/** Words between the copula and the option text that deny it: "is not X", "is rather than X". */
const DENIED = /\b(?:not|no|never|neither|nor|rather|instead|than|unlike|except|without)\b/;

/**
 * The one option whose text a sentence states as what the case is: "That is the textbook case of classical
 * conditioning.", "What they have is merely a licence, not an easement by necessity". The option text ends its
 * clause within six words of "is"/"are"/"was"/"'s", undenied, after a subject that points at the case ("this",
 * "which", "what ... have"; not "The key idea in his work"), in a sentence that names no option letter and does
 * not hedge or deliberate. Several options so claimed: none is returned.
 */
function claimedOptionText(text: string, ctx: OptionsContext): { found: Map<string, { start: number; end: number }>; claimed: Set<string> } {
  const out = new Map<string, { start: number; end: number }>();
  const claimed = new Set<string>();
  for (const m of allMatches(text, /[^\n.!?]+[.!?]?/g)) {
    const sentence = m[0];
    if (letterTokens(sentence, ctx).length > 0) continue;
    // A hedged sentence ("The worst case is O(n^2), which happens when ... or ...") is no answer of its own, but a
    // claim it makes rivals any other.
    const hedged = HEDGED_CLAIM.test(sentence);
    for (const clause of sentence.split(/[,;:—–]/)) {
      const norm = ` ${normalizeOption(clause)} `;
      ctx.options.forEach((o, i) => {
        const letter = ctx.letters[i];
        // Numbers are read by the closing-value rules, not here; short codes ("O(n)") only rival other claims.
        if (letter === undefined || /^[\d\s]+$/.test(o) || !norm.endsWith(` ${o} `)) return;
        const before = norm.slice(0, norm.length - o.length - 1);
        const lead = /(?:^|\s)(?:is|are|was|were|s)\s+((?:\S+\s+){0,6})$/.exec(before);
        if (!lead || DENIED.test(lead[1]!) || !CASE_SUBJECT.test(before.slice(0, lead.index).trimEnd().split(/\s+/).slice(-4).join(' '))) return;
        claimed.add(letter);
        if (!hedged && o.length >= 4) out.set(letter, { start: m.index, end: m.index + sentence.trimEnd().length });
      });
    }
  }
  return { found: claimed.size === 1 && out.size === 1 ? out : new Map(), claimed };
}

/** The reading, unless another option is claimed elsewhere in the reply. */
function unrivalled(found: Map<string, { start: number; end: number }>, claimed: ReadonlySet<string>): Map<string, { start: number; end: number }> {
  return [...claimed].some((l) => !found.has(l)) && found.size > 0 ? new Map() : found;
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
  const question = options.question ?? (query.prompt.trim().length > 0 ? query.prompt : undefined);
  const found = extractMcAnswer(response, choiceCountOf(query, reference), query.choices, { ...options, question });
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
