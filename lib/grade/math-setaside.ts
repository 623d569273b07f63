/**
 * What a careful reader sets aside in a math reply that states its answer in prose, beyond math-asides.ts: a value
 * the reply withdrew ("\boxed{18}. Hmm, no, that ignores ...") and never replaced, a range it only bounds the answer
 * by ("between 35 and 45"), a warning about a typical wrong value ("a common mistake is to get 50"), a bold value in
 * an early working step or a bold label ("**Step 2:**"), a problem restated with its givens ("We are told that Jo has 24 stickers"), and, in a
 * closing sentence, a trailing justification or location ("6 because $2^6 = 64$", "is 9, attained at x = 3"). It also
 * reads what such replies commit to: a closing bold word ("falls on a **Tuesday**."), a closing interval restated after
 * "i.e." ("all x ≥ 2, i.e. [2, ∞)"), a ratio ("2:3"), a reply that opens with a problem of its own, and two values offered as the outcomes of cases the reply set
 * up ("If it does, 16; if not, 14. So the answer is 14 or 16."). Every masking function keeps offsets.
 */
import { mathEqual } from './math-equal.ts';
import { allMatches, blank } from './text.ts';

/**
 * Words that take back a stated answer: "Hmm, no,", "No.", "that's wrong", "that can't be right", "I made a mistake",
 * "scratch that". Not "No other value works" (no comma after "no"), nor a description such as "That ignores leap
 * years, which is fine here."
 */
const WITHDRAWAL = /(?:^|[.!?]\s+|\n\s*)(?:(?:hmm+|wait|oh|hold\s+on|uh)[,.!]?\s+)?(?:no(?:pe)?\s*[,.!—–-]|that(?:'s|’s|\s+is|\s+was)\s+(?:wrong|incorrect|not\s+(?:right|correct))|that\s+(?:double[- ]counts|can(?:'|’|no)t\s+be\s+right|doesn(?:'|’)t\s+(?:work|match))|i\s+made\s+a\s+mistake|scratch\s+that)/i;

/** A number written with digits. */
const DIGITS = /(?<![\w.])[-−]?\d[\d,]*(?:\.\d+)?(?:\s*\/\s*\d+)?/g;

/**
 * Where the answer `answer`, stated up to `end`, is withdrawn and never restated: a withdrawal follows it and no later
 * number equals it ("... $\boxed{18}$. Hmm, no, that ignores the two children who left, and I am not sure how
 * to account for them."). "Wait, no: 3 × 6 = 18 indeed" restates it; a later value is another reading's to find.
 */
export function withdrawnAfter(text: string, answer: string, end: number): { start: number; end: number } | null {
  const w = WITHDRAWAL.exec(text.slice(end));
  if (!w) return null;
  const from = end + w.index + (w[0].length - w[0].trimStart().length);
  const rest = text.slice(end + w.index + w[0].length);
  const numbers = allMatches(rest, DIGITS);
  if (numbers.some((n) => mathEqual(n[0], answer))) return null;
  return { start: from, end: end + w.index + w[0].length };
}

/** "lies somewhere between 35 and 45", "between $20 and $30": a value only bounded. */
const BETWEEN = /\bbetween\s+(?:about\s+)?\$?[-−]?\d[\d,]*(?:\.\d+)?\s*(?:%|[A-Za-z]+\s*)?(?:and|&)\s*\$?$/i;

/** Whether the number at `start` closes a range "between X and Y": the reply only bounds the answer. */
export function closesRange(text: string, start: number): boolean {
  return BETWEEN.test(text.slice(Math.max(0, start - 60), start));
}

/** "between 10 and 12", "somewhere from 3 to 5": an answer phrase that only bounds the value it names. */
const BOUNDS = /^(?:(?:somewhere|roughly|about|approximately)\s+)?(?:between\s+\S+\s+(?:and|&)|from\s+\S+\s+to)\s+\S+[\s.]*$/i;

/** Whether an answer phrase only bounds the value ("The answer is between 10 and 12."): no value is stated. */
export function onlyBounds(answer: string): boolean {
  return BOUNDS.test(answer.trim());
}

/**
 * A warning about a typical wrong value, which names that value and not the reply's: "Note: a common mistake is to
 * get 50 ...", "Students often answer 12 ...", "Be careful not to add the shared side (which gives 50)".
 */
export const MISTAKE_WARNING = /\b(?:common|typical|frequent|classic|easy|tempting)\s+(?:mistake|error|pitfall|trap|slip|wrong\s+answer)s?\b|\bmistakenly\b|\bbe\s+careful\s+not\s+to\b|\b(?:students|people|many|some)\s+(?:often|might|may|sometimes|tend\s+to)\s+(?:get|answer|say|write|think|add|forget)\b/i;

/** A line that opens a working step: "First,", "Step 2:", "Then", "Next,", "1.", "- ". */
const STEP_LINE = /^[ \t>*#-]*(?:(?:first(?:ly)?|second(?:ly)?|then|next|after\s+that|step\s+\d+)\b|\d+[.)]\s|[-*•]\s)/i;

/**
 * Whether a bold value at [start, end) is an early working step's result: its line opens a step ("First, the cost
 * of the shirts: 3 × $12 = **$36**.") and a later line that is not a step states a number of its own ("She pays
 * $30."). Followed only by more steps ("2. Check: 12 / 4 = 3"), the bold value stands.
 */
export function boldInEarlyStep(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0 || !STEP_LINE.test(text.slice(lineStart, start))) return false;
  return text.slice(lineEnd).split('\n').some((line) => /\d/.test(line) && !STEP_LINE.test(line));
}

/** "**Step 2:**", "**Part 1.**", "**Answer:**": a bold label, not a value. */
export function isBoldLabel(inner: string): boolean {
  return /[:：]\s*$/.test(inner) || /^(?:step|part|case|stage|method|round|phase)\s*\d+\s*[.)]?$/i.test(inner.trim());
}

/** A sentence that restates the problem: "We are told that ...", "We're given ...", "The problem says ...". */
const RESTATEMENT = /(?:^|(?<=[.!?]\s)|(?<=\n))[ \t>*]*(?:we\s+are\s+(?:told|given)|we(?:'re|’re)\s+(?:told|given)|the\s+problem\s+(?:says|states|tells\s+us|gives(?:\s+us)?)|according\s+to\s+the\s+problem)\b[^.!?\n]*?(?=[.!?\n]|[,;]\s*(?:so|therefore|thus|hence|then)\b|$)/gi;

/**
 * The text with sentences that restate the problem's givens blanked: their numbers are not results. A conclusion in
 * the same sentence stays ("We are given 24 stickers, so she keeps 16.").
 */
export function maskRestatements(text: string): string {
  let out = text;
  for (const m of allMatches(text, RESTATEMENT)) out = blank(out, m.index, m.index + m[0].length);
  return out;
}

/**
 * A closing sentence's trailing phrase after its value, which a reader passes over: a justification ("= 6$ because
 * $2^6 = 64$", "x = 3, since 2x = 6") or where the value is reached ("is 9, attained at x = 3", ", which occurs when
 * t = 2", ", at x = 3"). Blanked when a digit stands before it; offsets kept.
 */
const TRAILING_LOCATION = String.raw`,\s*(?:(?:which|that)\s+(?:is\s+)?)?(?:attained|achieved|reached|obtained|occurring|occurs|happening|happens)\s+(?:at|when|for|where)\b|,\s*(?:at|when|where)\s+\$?[a-z]\s*=`;
const TRAILING_CLAUSE = new RegExp(String.raw`(?:,?\s+(?:because|since)\b|${TRAILING_LOCATION})[^.!?\n]*`, 'i');
const TRAILING_WHERE = new RegExp(String.raw`(?:${TRAILING_LOCATION})[^.!?\n]*`, 'i');

/** The sentence with a trailing justification or location after its value blanked (see above). */
export function withoutTrailingClause(sentence: string): string {
  return blankAfterValue(sentence, TRAILING_CLAUSE);
}

/**
 * The sentence with only a trailing location blanked: for the last-number reading, where a "since" clause may hold
 * the result itself ("..., since 3 bags of 4 make 12 in all").
 */
export function withoutTrailingLocation(sentence: string): string {
  return blankAfterValue(blankAfterValue(sentence, TRAILING_GOAL), TRAILING_WHERE);
}

const WORD_NUMBER = String.raw`(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand))`;
/**
 * "needs twelve more apples to have 20 again", "must sell 8 more to reach 50": the goal the value serves, restated
 * from the problem after it. Only straight after a value and its noun, and only a goal that holds a number.
 */
const TRAILING_GOAL = new RegExp(String.raw`(?<=${WORD_NUMBER}\w*(?:\s+(?:more|fewer|less|extra|additional))?(?:\s+[A-Za-z]+)?)\s+(?:in\s+order\s+)?to\s+(?:have|reach|make|get|hit|end\s+up\s+with|finish\s+with|bring\s+\w+\s+(?:up\s+)?to)\b[^.!?\n\d]*\d[^.!?\n]*`, 'i');

function blankAfterValue(sentence: string, clause: RegExp): string {
  const m = clause.exec(sentence);
  if (!m || !/\d/.test(sentence.slice(0, m.index))) return sentence;
  return blank(sentence, m.index, m.index + m[0].length);
}

/** Words that close a sentence in bold without being its answer: "**not**", "**correct**", "**well done**". */
const NOT_A_BOLD_ANSWER = /^(?:not|no|yes|correct|incorrect|right|wrong|true|false|done|well|great|good|important|note|answer|final|only|all|exactly|always|never|solution|summary|conclusion|explanation|step)\b/i;

/**
 * A closing sentence that ends on a short bold phrase ("so the meeting falls on a **Tuesday**.", "the culprit is
 * **Marcus**.", a line that is only "**Thursday**"): the value the reply highlighted, whatever verb came before it. At most three words, none a verdict.
 */
export function closingBold(sentence: string): { answer: string; start: number; end: number } | null {
  // Or a bold phrase alone on the closing line ("...so we move 5 days forward.\n\n**Thursday**").
  const m = /(?:^\s*|\b(?:a|an|the|on|at|in|is|are|was|be|to|as|by)\s+)\*\*([^*\n]{1,40})\*\*\s*[.!]?\s*$/.exec(sentence);
  if (!m) return null;
  const inner = m[1]!.trim();
  if (inner.split(/\s+/).length > 3 || NOT_A_BOLD_ANSWER.test(inner) || !/[A-Za-z0-9]/.test(inner)) return null;
  // "So the meeting is not on a **Tuesday**.": a denied value.
  if (/\b(?:not|never|no)\b|n['’]t\b/i.test(sentence.slice(0, m.index))) return null;
  const start = m.index + m[0].indexOf('**');
  return { answer: inner, start, end: m.index + m[0].length };
}

/**
 * A closing sentence that restates its value as an interval, tuple or set after "i.e.", "that is" or "in interval
 * notation" ("the domain is all x ≥ 2, i.e. [2, ∞).", "so $x > 3$, that is $(3, \infty)$."): the bracketed form is
 * the answer. Null unless the sentence ends on it.
 */
export function restatedInterval(sentence: string): { answer: string; start: number; end: number } | null {
  const m = /,?\s*(?:i\.e\.?|that\s+is|in\s+interval\s+notation|or\s+in\s+interval\s+notation)\s*,?\s*(\$?([[(][^()[\]$]*[\])])\$?)\s*[.!]?\s*$/i.exec(sentence);
  if (!m || !/,/.test(m[2]!)) return null;
  const at = m.index + m[0].indexOf(m[1]!);
  return { answer: m[2]!, start: at, end: at + m[1]!.length };
}

/** The ratio "a:b" the number at [start, end) is part of ("simplifies from 12:18 to 2:3."), or null; not a clock time's "10:30 am". */
export function ratioAround(text: string, start: number, end: number): { answer: string; start: number; end: number } | null {
  const before = /(\d+(?:\.\d+)?)\s*:\s*$/.exec(text.slice(Math.max(0, start - 12), start));
  const after = /^\s*:\s*(\d+(?:\.\d+)?)/.exec(text.slice(end));
  const from = before ? start - before[0].length : start;
  const to = after ? end + after[0].length : end;
  if (from === start && to === end) return null;
  if (/^\s*(?:am|pm|a\.m\.|p\.m\.|o'clock|hours?|h)\b/i.test(text.slice(to))) return null;
  // "a:b:c" chains are left to the other readings.
  if (/^\s*:\s*\d/.test(text.slice(to)) || /\d\s*:\s*$/.test(text.slice(Math.max(0, from - 8), from))) return null;
  return { answer: text.slice(from, to).replace(/\s+/g, ''), start: from, end: to };
}

/** Words that set up cases: "It depends on whether ...", "If it does, ...; if not, ..." (not "otherwise": roots are described so too). */
const CASES = /\b(?:it\s+depends|depends\s+on|depending\s+on|if\s+not\b|if\s+it\s+(?:does|doesn(?:'|’)t)\b|in\s+(?:the\s+)?(?:first|second|other)\s+case)/i;

/**
 * Whether the paragraph before `at` sets up cases, so two values stated after it ("So the answer is 14 or 16.")
 * are the cases' outcomes offered side by side, not one answer's parts.
 */
export function offersCases(text: string, at: number): boolean {
  const paragraph = text.lastIndexOf('\n\n', at);
  return CASES.test(text.slice(paragraph < 0 ? 0 : paragraph, at));
}

/** Content words of a text, for telling a restated question from a new one. */
function terms(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => !/^(?:the|and|what|how|many|much|has|have|its|are|was|for|with|each|does|did|this|that|from|then)$/.test(w));
}

/**
 * A reply that leaves the prompt's answer slot empty and opens a problem of its own: after a blank line, a
 * "Problem:"/"Question:"/"Q:" header, as a base model continues a few-shot prompt ("\n\nProblem: A rectangle has sides
 * 3 and 4. ...\nSolution: 5."). Whatever it answers is not the asked question's answer. When the asked question is
 * known and the header restates it (half its content words or more), the reply is a restatement and is read.
 */
export function inventedOpening(text: string, question: string | undefined): { start: number; end: number } | null {
  const m = /^[ \t]*\n[ \t]*\n\s*[>#*]*\s*(?:question|q|problem|exercise)\s*\d*\s*[:.)]\s*([^\n]+)/i.exec(text);
  if (!m) return null;
  if (question) {
    const said = terms(m[1]!);
    const asked = new Set(terms(question));
    if (said.length === 0 || said.filter((w) => asked.has(w)).length / said.length >= 0.5) return null;
  }
  const start = m.index + m[0].length - m[1]!.length;
  return { start, end: start + m[1]!.trimEnd().length };
}

/** A question header at a line start: "Question:", "Q2.", "**Problem:**". */
const HEADER_LINE = /^[ \t>#*]*(?:question|q|problem)\s*\d*\s*[:.)]/gim;
/** What answers a block: an answer line, a "#### N" marker or a box. */
const BLOCK_ANSWER = /^[ \t>#*]*(?:(?:answer|solution)\s*[:.)]|a\s*:)\s*\S|^[ \t]*####\s*\S|\\boxed\{/im;

/**
 * Where the block to read starts in a reply that re-emits the prompt's few-shot examples: a reply that opens with a
 * question header ("Question: There are 15 trees ...\nAnswer: ... #### 6\n\nQuestion: <the asked one>\nAnswer: ...")
 * continues the prompt's format, so its blocks before the last are the examples, each with its answer, and the last
 * block is the question asked. 0 when the reply does not open so, has one block, or an earlier block has no answer
 * (then the blocks are not a list of worked examples), or when the asked `question` is known and the first block
 * restates it (half its content words or more: the reply answered it first, and what follows is invented).
 */
export function echoedExamplesEnd(text: string, question?: string): number {
  const headers = allMatches(text, HEADER_LINE);
  if (headers.length < 2 || text.slice(0, headers[0]!.index).trim() !== '') return 0;
  if (question) {
    const said = terms(text.slice(headers[0]!.index, text.indexOf('\n', headers[0]!.index) >>> 0));
    const asked = new Set(terms(question));
    if (said.length > 0 && said.filter((w) => asked.has(w)).length / said.length >= 0.5) return 0;
  }
  for (let i = 0; i + 1 < headers.length; i++) {
    if (!BLOCK_ANSWER.test(text.slice(headers[i]!.index + headers[i]![0].length, headers[i + 1]!.index).replace(/^[^\n]*/, ''))) return 0;
  }
  return headers.at(-1)!.index;
}

/** A practice prompt for the reader opening a line: "Now try this:", "Try another one!", "Your turn:", "Exercise for you:". */
const PRACTICE_PROMPT = /(?<=^|\n)[ \t>#*]*(?:now\s+)?(?:(?:you\s+)?try\s+(?:this|these|another|one\s+more)(?:\s+one)?(?:\s+yourself)?|your\s+turn|practice(?:\s+(?:problem|question|exercise))?|(?:an?\s+)?exercise\s+for\s+you)\s*\**\s*[:!]/gi;

/**
 * Where a practice problem the reply sets for the reader begins, after an answer ("... = \boxed{10}$.\n\nNow try
 * this: how many handshakes among 6 people? ... \boxed{15}"): a prompt opening a line whose paragraph asks a
 * question. What follows it answers a problem of its own, not the one asked; null when there is none.
 */
export function practicePromptStart(text: string): number | null {
  for (const m of allMatches(text, PRACTICE_PROMPT)) {
    const paragraph = text.slice(m.index).split(/\n\s*\n/)[0]!;
    if (text.slice(0, m.index).trim().length > 0 && paragraph.includes('?')) return m.index;
  }
  return null;
}
