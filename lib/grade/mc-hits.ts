/**
 * Candidates for the multiple-choice commitment model: every place a response names an option in a way that
 * commits to it, hedges, rejects it or merely lists it. `mc.ts` decides among them.
 */
import { LETTERS, negationAt, normalizeOption, optionAtPosition, readChoice, romanNumeralAt, type OptionsContext } from './mc-read.ts';
import { optionSubjects, textThenLetter } from './mc-prose.ts';
import { allMatches, bracedGroups, linesWithOffsets } from './text.ts';

/** How a candidate is stated; 'conditional': only under a condition ("if ..., the answer would be A"). */
export type Stance = 'committed' | 'hedged' | 'rejected' | 'listed' | 'conditional';

/** 1: a deliberate final marker; 2: a committing phrase; 3: a weak closing mention, used only without the others. */
export type Tier = 1 | 2 | 3;

export interface Hit {
  letter: string;
  start: number;
  end: number;
  letterStart: number;
  tier: Tier;
  rule: string;
  stance: Stance;
  /** "closest to option C": a commitment that says it is an approximation. */
  closest: boolean;
  /** Another option's text follows the letter ("C: Paris" where Paris is B): the letter that text belongs to. */
  conflict?: string;
}

export interface McContext extends OptionsContext {
  /** The question asks which option is NOT something (or all EXCEPT one). */
  notQuestion: boolean;
  /** The question as asked, when known. */
  question?: string;
}

interface LeadIn {
  rule: string;
  tier: Tier;
  re: RegExp;
  /** A bare letter (not "(C)", not "option C") counts only in the closing sentence. */
  closingOnly?: boolean;
  /** Only a letter standing alone (or before its own option text) counts, never option text: "Solution: B". */
  letterOnly?: boolean;
}

const LEAD_INS: readonly LeadIn[] = [
  { rule: 'final_answer', tier: 1, re: /\bfinal\s+answer\b\s*(?:is\b|:|=|-|—|–)?\s*(?:the\s+final\s+answer\s+is\b)?/gi },
  // "Final: C" on its own line is the same label without the word "answer"; so is the line that closes a tally of
  // attempts ("Attempt 1: B\nAttempt 2: D\nMajority vote: B", "Most common: C", "Consensus: A").
  { rule: 'answer_label', tier: 1, re: /(?:^|\n)[ \t>#|]*(?:(?:(?:correct|best|my|final)\s+)?answer(?:\s+(?:choice|option|letter))?|final(?:\s+(?:choice|pick|option))?|(?:majority|consensus|most\s+common)(?:\s+(?:vote|answer|choice))?)\s*[:=：]/gi },
  // The same labels in Chinese, Japanese and Korean: "最终答案：D", "正解：A", "정답: C".
  { rule: 'answer_label', tier: 1, re: /(?:^|\n)[ \t>#|]*(?:(?:最终|最終|正确|正確)?答案|正解|정답)\s*[:=：]/g },
  { rule: 'json_answer', tier: 1, re: /"(?:final_?answer|answer|correct_?answer|choice|option)"\s*:\s*"?/gi },
  // "<answer>F</answer>": an answer tag, as a model asked for tagged output writes it.
  { rule: 'answer_tag', tier: 1, re: /<(?:final(?:[_-]?answer)?|answer|correct[_-]?answer|choice)>\s*/gi },
  // "Answer: (D) — no wait, (B).", "C, sorry, I mean A.": a correction in passing names the option that replaces it.
  {
    rule: 'revision',
    tier: 2,
    re: /\b(?:no\s*,?\s*wait|wait\s*,?\s*no|sorry|I\s+mean|scratch\s+that|make\s+(?:it|that)|or\s+rather)\b\s*[,:;—–-]*\s*(?=[(\[][A-Z][)\]]|[A-Z](?:[.,;!)]|\s*$))/gi,
  },
  // "Correction: (A)", "Revised answer: B" after an earlier label: a final marker that replaces it.
  { rule: 'correction', tier: 1, re: /(?:^|\n)[ \t>#|]*(?:correction|(?:corrected|revised|updated|amended|new)\s+answer)\s*[:=：]/gi },
  // "Solution: D", "Ans: B", "Conclusion: C", "Verdict: (A)" as a label; "Solution: The liver ..." opens reasoning,
  // so only a lone letter counts.
  {
    rule: 'solution_label',
    tier: 1,
    letterOnly: true,
    re: /(?:^|\n)[ \t>#|]*(?:solution|ans\.?|response|output|conclusion|verdict|decision|(?:selected|chosen)(?:\s+(?:option|choice|answer))?)\s*[:=：]/gi,
  },
  {
    rule: 'answer_is',
    tier: 2,
    // "the only consistent choice here is option (b)": a word of place or time may stand before the verb.
    re: /\b(?:answer|option|choice|response|pick|selection)(?:\s+(?:choice|option|letter))?(?:\s+(?:here|then|now|overall|in\s+this\s+case|for\s+this\s+question))?\s*(?:is|would\s+be|should\s+be|must\s+be|will\s+be|=|:|-\s|—|–)/gi,
  },
  // "The correct one is the third option", "the right one is (B)".
  { rule: 'answer_is', tier: 2, re: /\bthe\s+(?:correct|right|best)\s+one\s+(?:is|would\s+be|must\s+be)\b/gi },
  // "The remaining choice that ended the war is C", "the only option which fits is (B)": a relative clause between.
  { rule: 'answer_is', tier: 2, re: /\bthe\s+(?:remaining|only|correct|right|best)\s+(?:option|choice|answer)\s+(?:that|which)\s[^.!?\n]{1,80}?\s(?:is|must\s+be)\b/gi },
  // "所以正确答案是 (G)", "正解は (F)", "정답은 C".
  { rule: 'answer_is', tier: 2, re: /(?:最终|最終|正确|正確)?答案\s*(?:应该|應該|应|應)?(?:是|为|為)|正解\s*は|정답은/g },
  // "Wait, it is B", "So it's option C": the short form revisions take.
  { rule: 'it_is', tier: 2, re: /\b(?:it|this|that)(?:'s|’s|\s+is|\s+must\s+be|\s+should\s+be|\s+would\s+be)(?:\s+(?:most\s+likely|probably|likely|definitely|clearly|certainly|surely))?\s+(?=(?:(?:option|choice)\s+)?[(\[]?[A-Z][)\]]?[.,;:!]?(?:\s|$))/gi },
  {
    rule: 'i_choose',
    tier: 2,
    re: /\b(?:I(?:'d|'ll|’d|’ll|\s+would|\s+will|\s+shall|\s+am)?\s+(?:choose|pick|select|go\s+with|opt\s+for|settle\s+on|lean(?:ing)?\s+towards?|going\s+with)\b|going\s+with\b|my\s+(?:choice|pick|selection)\s*(?:is\b|would\s+be\b|:)|\bif\s+(?:I\s+(?:had|have|were)\s+to|forced\s+to|pressed\s+to)\s+(?:choose|pick|select|guess)(?:\s+one)?\s*[,:]|\b(?:change|switch|revise|update)\s+my\s+answer\s+to\b)/gi,
  },
  // "I stand by D", "I'll stick with (B)", "I'm staying with my answer of C": keeping an answer commits to it.
  {
    rule: 'i_choose',
    tier: 2,
    re: /\bI(?:'ll|’ll|\s+will|'m|’m|\s+am)?\s+(?:still\s+)?(?:stand(?:ing)?\s+by|stick(?:ing)?\s+with|stay(?:ing)?\s+with)(?:\s+my\s+(?:original\s+)?(?:answer|choice|pick)(?:\s+of|\s*,)?)?\s*/gi,
  },
  // "A ❌ B ❌ C ❌ D ✅ → D": an arrow to a letter that ends the reply points at its answer.
  // Not a step from one state to another ("... from A → B").
  { rule: 'closing_arrow', tier: 2, re: /(?<!(?:^|[^A-Za-z])[A-Z][)\]]?\s*)(?:→|⇒|=>|-+>)\s*(?=[(\[]?[A-Z][)\]]?[.!]?\s*$)/g },
  // "All of the above options are incorrect except (B)", "every other choice is wrong apart from C": the one left standing.
  { rule: 'answer_is', tier: 2, re: /\b(?:all|every|each)\s+(?:of\s+the\s+)?(?:above\s+|other\s+|listed\s+|remaining\s+)?(?:options?|choices?|answers?)\s+(?:(?:above|listed)\s+)?(?:are|is)\s+(?:incorrect|wrong|false|ruled\s+out)\s*,?\s*(?:except|save|apart\s+from|other\s+than)\s+(?:for\s+)?/gi },
  // "My best guess is B", "my guess would be (C)": a guess offered as the answer is one.
  { rule: 'answer_is', tier: 2, re: /\bmy\s+(?:best\s+|educated\s+)?guess\s*(?:is|would\s+be|:)\s*/gi },
  // "..., which makes the answer D", "making the correct option (B)".
  { rule: 'answer_is', tier: 2, re: /\b(?:makes?|making)\s+(?:the\s+)?(?:correct\s+|right\s+|final\s+)?(?:answer|option|choice)\s+(?=(?:option\s+|choice\s+)?[(\[]?[A-Z][)\]]?(?:[.,;:!]|\s*$))/gi },
  // "..., making B the most plausible option", "which makes C the likeliest answer".
  { rule: 'answer_is', tier: 2, re: /\b(?:[Mm]akes?|[Mm]aking)\s+(?=(?:option\s+|choice\s+)?[(\[]?[A-Z][)\]]?\s+the\s+(?:only|best|correct|right|likeliest|most\s+(?:plausible|likely|consistent|reasonable))\s+(?:consistent\s+|plausible\s+|possible\s+)?(?:option|choice|answer)\b)/g },
  {
    rule: 'conclusion',
    tier: 2,
    re: /(?:(?:^|[.!?:]\s+|\n)[ \t]*(?:therefore|thus|so|hence|consequently|in\s+conclusion|overall|in\s+summary|finally)|,\s*(?:so|thus|hence|therefore))\s*[,:]?\s+(?=\S)/gim,
  },
  // "..., the average velocity is zero: (H).", "That is the classic dissonance result, Option G.": a letter set off at
  // the very end of the reply names what the sentence concluded.
  {
    rule: 'closing_mark',
    tier: 2,
    closingOnly: true,
    // After three words of the sentence at least: not a bare "A: (B)" answer line of an invented Q/A.
    // Not after a verdict against it: "the one that is wrong: (C)".
    re: /(?<=\w+[ \t]+\S+[ \t]+\S*[\w%)])(?<!\b(?:wrong|incorrect|false|fail\w*|not|eliminat\w*|out|except\w*|exclud\w*|reject\w*|although|though|whereas|some|others?|alternatively|otherwise|if|unless)\b[^.!?\n,;]*)\s*(?:[:=—–]|,)\s*(?=(?:(?:option|choice)\s+[(\[]?[A-Z][)\]]?|[(\[][A-Z][)\]])\s*[.!]?\s*$)/gi,
  },
  // "..., which is $42,000, choice (E).": a letter set off after what a copula says something is.
  {
    rule: 'option_apposition',
    tier: 2,
    re: /(?<=\b(?:is|was|are|equals|comes\s+to|come\s+to|totals|gives|yields|works\s+out\s+to|reaches)\s+(?:[^.!?\n,;]|[.,](?=\d)){1,40}),\s*(?=(?:option|choice)\s+[(\[]?[A-Z][)\]]?\s*(?:[.!;]|$|,\s*(?:although|though|but|since|because|as)\b))/gi,
  },
  // "closest to option C", "the nearest is option C", "the closest match among the options is (D)".
  {
    rule: 'closest',
    tier: 2,
    re: /\b(?:closest|nearest)\b(?:\s+(?:match|option|choice|answer|value|one))?(?:\s+(?:among|of|from|in)\s+(?:the\s+)?(?:options|choices|answers)(?:\s+given)?)?\s*(?:is\b|would\s+be\b|to\b|:)?/gi,
  },
  // "This matches Option H", "it corresponds to choice (E)", "everything points to D."
  {
    rule: 'option_named',
    tier: 2,
    closingOnly: true,
    re: /\b(?:match(?:es)?|correspond(?:s|ing)?\s+to|consistent\s+with|fits|points?\s+to|aligns?\s+with|agrees?\s+with|lines?\s+up\s+with|in\s+line\s+with|leaves(?:\s+us\s+with)?|leaving|brings\s+us\s+to|lands?\s+on|settles?\s+on|is\s+given\s+by|(?:which|that|this|it)\s+(?:is|was|would\s+be)(?=\s+(?:option|choice)\b|\s+[(\[][A-Z][)\]]\s*[.!]?\s*(?:$|\n)))\s+/gi,
  },
];

/** A clause that names an option as the trap: "A common mistake is ...", "A tempting pick is ...", "Some students pick ...". */
const DISTRACTOR_FRAME = /\b(?:(?:common|typical|frequent|classic|usual)\s+(?:mistake|error|trap|misconception|pitfall)|tempting|distractor|trap\s+answer|wrongly|mistakenly|erroneously|(?:some|many|most)\s+(?:students|people|test[- ]takers|readers))\b/i;

/** "Consider each choice:", "the following options:": an introduction to a list, not a commitment. */
const INTRODUCES_LIST = /\b(?:(?:each|every|all|following|these|those|other|remaining|another|individual)\s+(?:answer\s+)?|(?:option|choice|answer)\s+by\s+)$/i;
/** "does not match option C": the verb itself is negated. */
const NEGATED_VERB = /(?:\bnot|n't|n’t|\bnever|\bno\s+longer)\s*$/i;
const CLOSEST = /\b(?:closest|nearest|approximately|best\s+approximation|most\s+similar)\b/i;

/**
 * An option letter named deliberately: "(C)", "C", "[C" ...; lower case only when wrapped or after "option" or
 * "choice" ("option (b)", "choice c", "(d)"), never a bare "a". Three capturing groups, one of which holds the letter.
 */
function letterRef(letters: string): string {
  // Not "(i)", "(v)", "(x)": in lower case those number statements.
  const both = `${letters}${letters.toLowerCase().replace(/[ivx]/g, '')}`;
  return String.raw`(?:(?:[Oo]ption|[Cc]hoice)\s+[(\[]?([${both}])[)\]]?|[(\[]([${both}])[)\]]|[(\[]?([${letters}])[)\]]?)`;
}

/** Judging an option the answer: "is correct", "seems the best", "is the more plausible", "is the answer". */
const POSITIVE_VERDICT = String.raw`(?:is|seems|appears|would\s+be|must\s+be)\s+(?:to\s+be\s+)?(?:the\s+)?(?:correct|right|best|(?:most|more)\s+(?:appropriate|likely|accurate|plausible|reasonable|suitable|consistent)|likelier\b|better\s+(?:answer|choice|option|fit)\b|answer\b|true\b)`;

/** "B is correct", "Option B is the best answer", "option (b) best describes ...": the letter comes first. */
function letterFirst(letters: string): RegExp {
  const ref = letterRef(letters);
  return new RegExp(
    String.raw`(?<![A-Za-z0-9])${ref}\s+${POSITIVE_VERDICT}|(?<![A-Za-z0-9])${ref}\s+(?:fits|matches|explains|works|describes)\b[^.!?\n,;]{0,40}?\b(?:better|best)\b|(?<![A-Za-z0-9])${ref}\s+(?:best|most\s+(?:closely|accurately))\s+(?:fits|matches|explains|describes|captures|reflects|answers)\b|(?<![A-Za-z0-9])${ref}\s+(?:states|describes|explains|identifies|gives|captures|answers|gets)\b[^.!?\n,;]{0,30}?\b(?:correctly|accurately|right)\b`,
    'g',
  );
}

/** The letter a `letterRef` match captured, upper-cased, and where it stands (its first standalone occurrence). */
function capturedLetter(m: RegExpExecArray): { letter: string; letterStart: number } | null {
  const raw = m.slice(1).find((g) => g !== undefined);
  if (raw === undefined) return null;
  const rel = m[0].search(new RegExp(String.raw`(?<![A-Za-z0-9])${raw}(?![A-Za-z0-9])`));
  return { letter: raw.toUpperCase(), letterStart: m.index + Math.max(0, rel) };
}

/** "only (C) fits all three events", "only option H satisfies the condition": the one option left standing. */
function onlyOption(letters: string): RegExp {
  return new RegExp(
    String.raw`(?<!\bnot\s)\bonly\s+${letterRef(letters)}\s+(?:fits|matches|satisfies|works|agrees|holds|survives|remains|meets|explains|accounts|is\s+consistent|gives|produces|yields)\b`,
    'g',
  );
}

/** "The second option is correct", "Option 2 is the right one": an option named by its position, judged right. */
const BY_POSITION = new RegExp(
  String.raw`\b(?:(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\s+(?:option|choice)|(?:option|choice)\s*(?:number\s*|no\.\s*|#\s*)?(\d{1,2}))\s+${POSITIVE_VERDICT}`,
  'gi',
);

/** Where the closing sentence of `text` begins: after its last line break or sentence end with text after it. */
export function closingStart(text: string): number {
  const trimmed = text.trimEnd();
  let start = 0;
  for (const m of allMatches(trimmed, /\n\s*(?=\S)|(?<!\d)[.!?](?=\s+\S)|(?<=\d)[.!?](?=\s+[A-Z])/g)) start = m.index + m[0].length;
  return start;
}

export function optionTextOf(ctx: OptionsContext, letter: string): string {
  return ctx.options[LETTERS.indexOf(letter)] ?? '';
}

/** The option's own text follows at `at`: "B. Mitochondria have their own DNA". */
function optionTextFollows(text: string, at: number, ctx: OptionsContext, letter: string): boolean {
  const option = optionTextOf(ctx, letter);
  return option.length > 0 && normalizeOption(text.slice(at, at + option.length * 2 + 20)).startsWith(option);
}

/** A letter that starts a line or sentence in an option list or a walk-through: "(A) is false", "B) 4", "Option C: ...". */
export interface Item {
  letter: string;
  letterStart: number;
  /** Offset of the text that comments on the item, up to the next item or the end of its line. */
  bodyStart: number;
  bodyEnd: number;
}

/** Words that name an option before its letter: "Option C", "Statement B", "Claim A". */
export const OPTION_NOUN = String.raw`(?:[Oo]ption|[Cc]hoice|[Ss]tatement|[Cc]laim|[Aa]ssertion|[Aa]lternative|[Cc]andidate|[Hh]ypothesis|[Ee]xplanation|[Ii]tem)`;

const ITEM_VERBS = String.raw`(?:is|are|was|says|states|describes|claims|suggests|would|could|can|does|has|gives|shows|ignores|assumes|refers|means|involves|represents|seems|doesn't|doesn’t|isn't|isn’t|cannot|can't|can’t|fails|contains|lists|mentions|confuses|reverses|overstates|understates)\b`;

/** Walk-through items; only when at least two different letters are introduced this way. */
export function walkItems(text: string, ctx: OptionsContext): Item[] {
  const letters = ctx.letters;
  const re = new RegExp(
    String.raw`(?:^|\n|[.!?;]\s+|:\s+)[ \t>*\-#]*(?:${OPTION_NOUN}\s+([${letters}])\b[):.]?|[(\[]([${letters}])[)\]]|([${letters}])(?:[).:]|\s+(?=${ITEM_VERBS})))`,
    'g',
  );
  const found: Array<{ letter: string; letterStart: number; bodyStart: number }> = [];
  for (const m of allMatches(text, re)) {
    const letter = m[1] ?? m[2] ?? m[3];
    if (letter === undefined) continue;
    const letterStart = m.index + m[0].lastIndexOf(letter);
    if (romanNumeralAt(text, letterStart, ctx)) continue;
    found.push({ letter, letterStart, bodyStart: m.index + m[0].length });
  }
  if (new Set(found.map((f) => f.letter)).size < 2) return [];
  return found.map((f, i) => {
    const next = found[i + 1]?.letterStart ?? text.length;
    const lineEnd = text.indexOf('\n', f.bodyStart);
    return { ...f, bodyEnd: Math.min(next, lineEnd < 0 ? text.length : lineEnd) };
  });
}

/** "Q: ...\nA: Let's think.": in a Q/A transcript an "A:" opening a line labels the answer; it is not option A. */
export function qaLabelAt(text: string, at: number): boolean {
  return text.startsWith('A:', at) && /(?:^|\n)[ \t]*$/.test(text.slice(0, at)) && /(?:^|\n)[ \t>*#]*Q\s*\d*\s*[:.]/.test(text.slice(0, at));
}

/** Lines that are a letter ("B", "(B)", "B.") or start with one before option text ("B) 4200 ways"). */
export interface LetterLine {
  letter: string;
  start: number;
  end: number;
  text: string;
  lone: boolean;
  listed: boolean;
}

export function letterLines(text: string, ctx: OptionsContext): LetterLine[] {
  const lines = linesWithOffsets(text);
  const out: Array<LetterLine & { index: number }> = [];
  lines.forEach((line, index) => {
    const lone = /^(?:(?:option|choice)\s+)?[(\[]?\s*([A-Za-z])\s*[)\]]?\s*[.:!]?$/i.exec(line.text);
    const leading = /^[(\[]?([A-Z])(?:[)\]]|[)\]]?[.:])\s+\S/.exec(line.text);
    const raw = lone?.[1] ?? leading?.[1];
    if (raw === undefined) return;
    // "Q: ...\nA: Let's think.": in a Q/A transcript "A:" labels the answer, it is not option A.
    if (leading && qaLabelAt(text, line.start)) return;
    const letter = raw.toUpperCase();
    if (!ctx.letters.includes(letter)) return;
    out.push({ letter, start: line.start, end: line.end, text: line.text, lone: lone !== null, listed: false, index });
  });
  // Consecutive lines led by different letters are an echoed or analysed option list, not a commitment.
  for (let i = 0; i < out.length; i++) {
    const prev = out[i - 1];
    const cur = out[i]!;
    // "A) red\nB) blue\nC)": a bare letter on the very next line after a list, next in its order, is the list's
    // cut-off item (after a blank line it is an answer: "A. Paris\nB. London\n\nC").
    const adjacent = prev !== undefined && !text.slice(prev.end, cur.start).includes('\n\n') && cur.index - prev.index === 1;
    if (cur.lone && prev && adjacent && !prev.lone && LETTERS.indexOf(cur.letter) === LETTERS.indexOf(prev.letter) + 1 && out[i - 2]?.lone === false) {
      cur.lone = false;
      cur.listed = true;
      continue;
    }
    const next = out[i + 1];
    if (!cur.lone && ((prev && !prev.lone && prev.letter !== cur.letter && cur.index - prev.index <= 3) || (next && !next.lone && next.letter !== cur.letter && next.index - cur.index <= 3))) {
      cur.listed = true;
    }
  }
  return out;
}

/**
 * How the hit's letter is judged where it stands. In a NOT question, "C is not required" is the answer, so only
 * a verdict ("C is incorrect") rejects there.
 */
function stanceOf(text: string, hit: { letter: string; letterStart: number; end: number }, ctx: McContext, hedged: boolean): Stance {
  const negation = negationAt(text, hit.letterStart, hit.end, optionTextOf(ctx, hit.letter));
  if (negation === 'verdict' || (negation === 'property' && !ctx.notQuestion)) return 'rejected';
  return hedged ? 'hedged' : 'committed';
}

/** "if the question meant X, the answer would be A", "had it asked for Y, I would pick A": a commitment under a condition. */
function conditional(text: string, at: number, phrase: string, end?: number): boolean {
  if (!/\b(?:would|could|might)\b/i.test(phrase)) return false;
  // "Choice A would be correct if the gas were ideal": the condition follows the commitment.
  if (end !== undefined && /^\s*[)\]]?\s*,?\s*(?:only\s+)?(?:if|unless|provided|assuming)\b/i.test(text.slice(end, end + 40))) return true;
  const sentenceStart = allMatches(text.slice(0, at), /\n|[.!?;](?=\s)/g).at(-1);
  const clause = text.slice(sentenceStart ? sentenceStart.index + 1 : 0, at);
  // "If I had to pick, I would go with B" commits; "Since it doubles if the mass doubles, the answer would be B" too.
  if (/\bif\s+(?:I|we)\s+(?:had|have|must)\s+to\b|\bif\s+(?:forced|pressed)\b/i.test(clause)) return false;
  return /^\s*(?:(?:however|but|though|although|and|also|alternatively|of\s+course|on\s+the\s+other\s+hand)[,:]?\s+)*(?:if|unless|had|were|suppos\w*|assuming|in\s+case)\b|\b(?:otherwise|alternatively)\b/i.test(clause);
}

/** A lead-in whose letter opens a re-listed option list ("The correct answer:\nA) Paris\nB) London"). */
function opensList(text: string, leadEnd: number, letterStart: number, listed: readonly LetterLine[], letter: string): boolean {
  if (text.slice(leadEnd, letterStart).includes('\n') && listed.some((l) => l.listed && l.start <= letterStart && letterStart < l.end)) return true;
  // Inline: "the correct answer: (A) Paris (B) London (C) Ber".
  const next = LETTERS[LETTERS.indexOf(letter) + 1];
  if (next === undefined || !/[:：]\s*$/.test(text.slice(Math.max(0, leadEnd - 3), leadEnd))) return false;
  const rest = text.slice(letterStart + 1, letterStart + 160).split(/\n|[.!?](?=\s)/)[0] ?? '';
  return new RegExp(String.raw`(?:^|\s)[(\[]?${next}[)\].:]\s`).test(rest);
}

/** Nothing but punctuation, the option's own text or a dash and a comment follows the letter on its line. */
function standsAlone(text: string, end: number, ctx: OptionsContext, letter: string): boolean {
  const rest = text.slice(end, text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end));
  return /^\s*[.):\]]?\s*(?:$|[-—–]\s)/.test(rest) || optionTextFollows(text, end + (/^\s*[.):\]]?\s*/.exec(rest)?.[0].length ?? 0), ctx, letter);
}

/** The rest of the sentence from `at`: up to a line break or a sentence end (not a decimal point). */
function sentenceRest(text: string, at: number): string {
  return /^(?:[^\n.!?]|[.](?=\d))*/.exec(text.slice(at))?.[0] ?? '';
}

/** Every candidate in `text`, sorted by where its letter stands; one per letter position, the strongest reading kept. */
export function readHits(text: string, ctx: McContext): Hit[] {
  const hits: Hit[] = [];
  const closing = closingStart(text);
  const lines = letterLines(text, ctx);
  const add = (hit: Omit<Hit, 'closest'>): void => {
    if (hit.letter === 'I' && romanNumeralAt(text, hit.letterStart, ctx)) return;
    const sentenceStart = Math.max(text.lastIndexOf('.', hit.letterStart - 2), text.lastIndexOf('\n', hit.letterStart - 1), hit.letterStart - 80, 0);
    // "A common mistake is to choose (B)", "A tempting pick is Paris (A)": named as the trap, not the answer.
    const clause = text.slice(0, hit.letterStart).split(/[.!?](?=\s)|[;\n]|,\s*(?:but|however|yet|though|whereas)\b/i).at(-1) ?? '';
    if (hit.stance === 'committed' && DISTRACTOR_FRAME.test(clause)) hit = { ...hit, stance: 'rejected' };
    const full: Hit = { ...hit, closest: hit.stance === 'committed' && CLOSEST.test(text.slice(sentenceStart, hit.letterStart)) };
    const same = hits.findIndex((h) => h.letterStart === hit.letterStart);
    if (same < 0) hits.push(full);
    else if (hits[same]!.tier > hit.tier) hits[same] = full;
  };

  for (const { rule, tier, re, closingOnly, letterOnly } of LEAD_INS) {
    for (const m of allMatches(text, re)) {
      const at = m.index + m[0].length;
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      if (rule === 'answer_is' && INTRODUCES_LIST.test(before)) continue;
      if (rule === 'option_named' && NEGATED_VERB.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
      const choice = readChoice(text, at, ctx);
      if (!choice) continue;
      if (letterOnly && (choice.byText || !standsAlone(text, choice.end, ctx, choice.letter))) continue;
      // A question is not a commitment: "Is the answer B?"
      if (!choice.byText && /^\s*[)\]"”'’]?\s*\?/.test(text.slice(choice.end, choice.end + 4))) continue;
      const letterStart = choice.byText ? at : text.lastIndexOf(choice.letter, choice.end - 1) >= at ? text.lastIndexOf(choice.letter, choice.end - 1) : choice.end - 1;
      if (closingOnly && letterStart < closing) {
        const deliberate = /\b(?:option|choice)\s*$/i.test(text.slice(at, letterStart)) || /[(\["“'‘]/.test(text[letterStart - 1] ?? '');
        if (!deliberate || choice.byText) continue;
      }
      const start = m.index + Math.max(0, m[0].search(/[\p{L}\p{N}"{\\]/u));
      const listed = !choice.byText && opensList(text, at, letterStart, lines, choice.letter);
      // Read from option text, the verdict stands beside that text: "so breach of contract (A) fails".
      const judged = choice.text ? { letter: choice.letter, letterStart: choice.text.start, end: choice.text.end } : { letter: choice.letter, letterStart, end: choice.end };
      const stance: Stance = listed ? 'listed' : conditional(text, m.index, m[0], choice.end) ? 'conditional' : stanceOf(text, judged, ctx, choice.hedged);
      const hit: Omit<Hit, 'closest'> = { letter: choice.letter, start, end: choice.end, letterStart, tier, rule, stance };
      if (choice.conflict !== undefined) hit.conflict = choice.conflict;
      add(hit);
    }
  }

  // "That statement is B. Mitochondria have their own DNA": a letter followed by its own option text.
  for (const m of allMatches(text, /\b(?:is|be|was|are)\s+(?=["“'‘(\[]?[A-Z](?:[.):\]]|["”'’])\s)/g)) {
    const at = m.index + m[0].length;
    const choice = readChoice(text, at, ctx);
    if (!choice || choice.byText || !optionTextFollows(text, choice.end, ctx, choice.letter)) continue;
    const letterStart = text.indexOf(choice.letter, at);
    add({ letter: choice.letter, start: m.index, end: choice.end, letterStart, tier: 2, rule: 'letter_with_text', stance: stanceOf(text, { letter: choice.letter, letterStart, end: choice.end }, ctx, choice.hedged) });
  }

  // "The trigger was <option B's text> (B).", "Haskell is the purely functional one.": an option's text in prose.
  for (const r of [...textThenLetter(text, ctx), ...optionSubjects(text, ctx)]) {
    const stance: Stance = conditional(text, r.start, text.slice(r.start, r.end), r.end) ? 'conditional' : stanceOf(text, { letter: r.letter, letterStart: r.letterStart, end: r.end }, ctx, false);
    add({ ...r, tier: 2, stance });
  }

  const boxes = [...bracedGroups(text, 'boxed'), ...bracedGroups(text, 'fbox')].sort((a, b) => a.start - b.start);
  const boxed = boxes.flatMap((box) => {
    const inner = `${box.content}`;
    const choice = readChoice(inner, 0, ctx);
    if (!choice || (inner.slice(choice.end).trim().length > 0 && !choice.byText && !/^\s*[).:]/.test(inner.slice(choice.end)))) return [];
    return [{ box, choice }];
  });
  boxed.forEach(({ box, choice }, i) => {
    // "$\boxed{A}$ $\boxed{C}$", "\boxed{B} or \boxed{D}": boxes side by side with different letters offer both.
    const beside = [boxed[i - 1], boxed[i + 1]].some(
      (o) => o !== undefined && o.choice.letter !== choice.letter && /^[\s$,]*(?:or\s+)?[\s$]*$/i.test(o.box.start > box.start ? text.slice(box.end, o.box.start) : text.slice(o.box.end, box.start)),
    );
    add({ letter: choice.letter, start: box.start, end: box.end, letterStart: box.contentStart, tier: 1, rule: 'boxed', stance: choice.hedged || beside ? 'hedged' : 'committed' });
  });

  for (const m of allMatches(text, letterFirst(ctx.letters))) {
    const { letter, letterStart } = capturedLetter(m)!;
    const end = m.index + m[0].length;
    const stance: Stance = conditional(text, m.index, m[0], end) ? 'conditional' : stanceOf(text, { letter, letterStart, end: letterStart + 1 }, ctx, false);
    add({ letter, start: m.index, end, letterStart, tier: 2, rule: 'letter_is_correct', stance });
  }

  for (const m of allMatches(text, onlyOption(ctx.letters))) {
    const { letter, letterStart } = capturedLetter(m)!;
    const end = m.index + m[0].length;
    // "only (C) matches the first clue, but (D) matches both": another option named later in the sentence.
    const rest = sentenceRest(text, end);
    if (letterTokens(rest, ctx).some((t) => t.letter !== letter)) continue;
    add({ letter, start: m.index, end, letterStart, tier: 2, rule: 'only_option', stance: 'committed' });
  }

  for (const m of allMatches(text, BY_POSITION)) {
    const named = optionAtPosition(m[1] ?? m[2]!, ctx);
    if (!named) continue;
    const end = m.index + m[0].length;
    const stance: Stance = named.unclear ? 'hedged' : conditional(text, m.index, m[0], end) ? 'conditional' : 'committed';
    add({ letter: named.letter, start: m.index, end, letterStart: m.index, tier: 2, rule: 'option_position', stance });
  }

  // "Both A and C are correct", "B and D are both right": several options at once, a commitment to none.
  const opt = String.raw`(?:(?:[Oo]ptions?|[Cc]hoices?)\s+)?[(\[]?([${ctx.letters}])[)\]]?`;
  const several = new RegExp(
    String.raw`\b[Bb]oth\s+${opt}\s+and\s+${opt}(?![A-Za-z0-9])|(?<![A-Za-z0-9])${opt}\s*(?:,|and|&)\s*${opt}\s+(?:are|could\s+be|might\s+be|seem|both)\s+(?:both\s+|all\s+|equally\s+)?(?:correct|right|true|valid|possible|plausible|acceptable)\b`,
    'g',
  );
  for (const m of allMatches(text, several)) {
    // "the answer is "Both A and C"" where that is an option's own text: it names that option.
    if (ctx.options.includes(normalizeOption(m[0]))) continue;
    const letter = (m[1] ?? m[3])!;
    const letterStart = m.index + m[0].indexOf(letter, m[0].search(/[(\[]?[A-Z][)\]]?(?:\s|,)/));
    add({ letter, start: m.index, end: m.index + m[0].length, letterStart, tier: 2, rule: 'several_options', stance: 'hedged' });
  }

  // "C it is."
  for (const m of allMatches(text, new RegExp(String.raw`(?:^|[.!?]\s+|\n)[ \t]*(?:(?:[Oo]ption|[Cc]hoice)\s+)?[(\[]?([${ctx.letters}])[)\]]?\s+it\s+is\b`, 'g'))) {
    const letter = m[1]!;
    const letterStart = m.index + m[0].lastIndexOf(letter, m[0].search(/\s+it\s+is/));
    add({ letter, start: m.index + Math.max(0, m[0].search(/[\p{L}(\[]/u)), end: m.index + m[0].length, letterStart, tier: 2, rule: 'letter_it_is', stance: 'committed' });
  }

  // "... the pressure doubles (option C)." at the end of a sentence; two or more such asides only list options.
  const asides = allMatches(text, new RegExp(String.raw`\((?:[Oo]ption|[Cc]hoice|[Aa]nswer)\s+([${ctx.letters}])\)(?=\s*(?:[.!]|$|\n))`, 'g'));
  const asideLetters = new Set(asides.map((m) => m[1]!));
  for (const m of asides) {
    const letter = m[1]!;
    const letterStart = m.index + m[0].length - 2;
    const stance: Stance = asideLetters.size > 1 ? 'listed' : stanceOf(text, { letter, letterStart, end: m.index + m[0].length }, ctx, false);
    add({ letter, start: m.index, end: m.index + m[0].length, letterStart, tier: 2, rule: 'option_paren', stance });
  }

  // In a NOT question, "Option C is not required" names the answer.
  if (ctx.notQuestion) {
    // "... are all liver functions except (C)": the exception named is the answer.
    for (const m of allMatches(text, new RegExp(String.raw`\bexcept\s+(?:for\s+)?${letterRef(ctx.letters)}(?![A-Za-z0-9])`, 'g'))) {
      const { letter, letterStart } = capturedLetter(m)!;
      add({ letter, start: m.index, end: m.index + m[0].length, letterStart, tier: 2, rule: 'not_question', stance: 'committed' });
    }
    for (const t of letterTokens(text, ctx)) {
      if (negationAt(text, t.letterStart, t.end, optionTextOf(ctx, t.letter)) !== 'property') continue;
      // The span runs to the end of the statement, so it shows what the option is said not to be.
      const end = t.end + (/^[^.!?\n]*/.exec(text.slice(t.end))?.[0].length ?? 0);
      add({ letter: t.letter, start: t.start + (text[t.start] === '\n' ? 1 : 0), end, letterStart: t.letterStart, tier: 2, rule: 'not_question', stance: 'committed' });
    }
  }
  return hits.sort((a, b) => a.letterStart - b.letterStart);
}

export interface LetterToken {
  letter: string;
  start: number;
  letterStart: number;
  end: number;
}

/** Letters named deliberately: "(C)", "option C", "choice C", a line led by "C)" or "C.", or a capital before a verb. */
export function letterTokens(text: string, ctx: OptionsContext): LetterToken[] {
  const l = ctx.letters;
  const re = new RegExp(
    String.raw`\b${OPTION_NOUN}\s+[(\[]?([${l}])[)\]]?(?![A-Za-z0-9])|(?<![A-Za-z0-9\\])[(\[]([${l}])[)\]]|(?:^|\n)[ \t]*([${l}])[).:](?=\s)|(?<![A-Za-z0-9'’(\-])([${l}])(?=\s+(?:also\s+|too\s+)?${ITEM_VERBS})`,
    'g',
  );
  return allMatches(text, re)
    .map((m) => {
      const letter = (m[1] ?? m[2] ?? m[3] ?? m[4])!;
      const letterStart = m.index + m[0].lastIndexOf(letter);
      return { letter, start: m.index, letterStart, end: m.index + m[0].length };
    })
    .filter((t) => !romanNumeralAt(text, t.letterStart, ctx));
}

/** Places where a letter is judged a wrong answer (a verdict, not a missing property), for withdrawals. */
export function verdictRejections(text: string, ctx: McContext): LetterToken[] {
  return letterTokens(text, ctx).filter((t) => negationAt(text, t.letterStart, t.end, optionTextOf(ctx, t.letter)) === 'verdict');
}
