/**
 * Numbers a careful reader passes over when looking for a math reply's final answer: step labels ("Step 3:"),
 * the givens of a problem statement the model wrote out ("Question: ... 40 cows each ...?"), a closing aside in
 * parentheses ("(Her brother will be 16 then.)"), a trailing comparison or part ("15 left, which is 3 more than
 * Tom", "36 pages, 12 of them on Monday") and a hypothetical answer after the real one ("Note: if the order
 * mattered, the answer would be 24."). Every function keeps offsets: what it hides it blanks with spaces.
 */
import { MISTAKE_WARNING } from './math-setaside.ts';
import { allMatches, blank } from './text.ts';

/** "Step 3:", "Part 2.", "**Case 1)**", "- Method 2 -" opening a line: a number that labels a step, not a quantity. */
const LABEL_NUMBER = /^[ \t>#*-]*(?:step|part|case|stage|method|approach|round|phase|item)\s+(\d+)\s*(?=[:.)*]|\s*[-–—]\s)/gim;

/** A problem statement the reply wrote out: a "Question:"/"Q:"/"Problem 2." line, up to its "?" or the line's end. */
const QUESTION_BLOCK = /^[ \t>#*]*(?:question|q|problem|exercise)\s*\d*\s*[:.)][^\n?]*\??/gim;

/** The text with step labels and written-out problem statements blanked, for reading a bare last number. */
export function maskGivens(text: string): string {
  let out = text;
  for (const m of allMatches(text, LABEL_NUMBER)) {
    const at = m.index + m[0].indexOf(m[1]!);
    out = blank(out, at, at + m[1]!.length);
  }
  for (const m of allMatches(text, QUESTION_BLOCK)) out = blank(out, m.index, m.index + m[0].length);
  return out;
}

/** Words that make a closing aside state the result after all: "(The final total is 14.)", "(So 9 in all.)". */
const RESULT_WORDS = /\b(?:total|answer|result|final|altogether|in\s+all|therefore|thus|so|hence)\b/i;

/** Where the last sentence of `text` begins: after the last line break or ". " before its final words. */
function lastSentenceStart(text: string): number {
  const body = text.replace(/[\s.!?)\]"'*]+$/, '');
  return Math.max(body.lastIndexOf('\n'), ...allMatches(body, /[.!?](?=\s)/g).map((m) => m.index)) + 1;
}

/** A closing sentence a reader passes over: an aside wholly in parentheses that does not name the result, or a hypothetical. */
function isClosingAside(sentence: string): boolean {
  // One level of nesting inside: "(For comparison, the perimeter is 2(6 + 4) = 20.)".
  const parenthesized = /^\((?:[^()]|\([^()]*\))*\)[.!?]?$/.test(sentence) && /[A-Za-z]{3,}/.test(sentence) && !RESULT_WORDS.test(sentence);
  // "Note: a common mistake is to get 50 ...": a warning names the wrong value, not the reply's (math-setaside.ts).
  return parenthesized || HYPOTHETICAL.test(sentence) || MISTAKE_WARNING.test(sentence);
}

/**
 * The text without the closing sentences a reader passes over when the sentence before them states a number: an
 * aside in parentheses ("... 19 years old. (Her brother will be 16 then.)"; "(The final total is 14.)" is kept) or a
 * hypothetical ("... 18 km in total. If the question meant only Monday, the answer would be 6."); else the text.
 */
export function withoutClosingAsides(text: string): string {
  let end = text.trimEnd().length;
  for (;;) {
    const start = lastSentenceStart(text.slice(0, end));
    if (start <= 0 || !isClosingAside(text.slice(start, end).trim())) break;
    end = text.slice(0, start).trimEnd().length;
  }
  const kept = text.slice(0, end);
  if (end === text.trimEnd().length || !/\d/.test(kept.slice(lastSentenceStart(kept)))) return text;
  return blank(text, end, text.length);
}

/** ", which is", ", including", ", up from": what opens a phrase about another quantity after the stated one. */
const ASIDE_LEAD = /^[^,.;!?\n]*,\s*(?:(which|that)\s+(?:is|are|was|were|makes?)|i\.e\.,?|including|of\s+which|up\s+from|down\s+from|compared\s+(?:to|with)|versus|vs\.?)?\s*\$?$/i;
/** "3 more than", "12 of them", "14 pages short of", "2 times as many": the number is a part or a difference, not the total. */
const ASIDE_NUMBER = /^\s*\$?(?:[A-Za-z]+\s+){0,2}?(?:(?:more|fewer|less|greater|smaller|higher|lower|short)\s+(?:[A-Za-z]+\s+){0,2}?(?:than|of)\b|of\s+(?:them|which|these|those|it)\b|times\s+(?:as|more|less)\b)/i;

/**
 * Whether the number at [start, end) stands in a trailing phrase about another quantity, after `prevEnd` (the end
 * of the sentence's previous number): "Jenny has 15 marbles left, which is 3 more than Tom.", "he read 36 pages
 * altogether, 12 of them on Monday", "45 visitors, up from 30". Then the previous number is the one stated.
 */
export function inTrailingAside(text: string, prevEnd: number, start: number, end: number): boolean {
  const lead = ASIDE_LEAD.exec(text.slice(prevEnd, start));
  if (!lead) return false;
  // ", which is 36 crayons" restates the value; only a lead word, or a comparison or part after the number, sets it aside.
  const leadWord = lead[0].replace(/^[^,]*,\s*/, '').trim().replace(/\$$/, '');
  const opens = leadWord.length > 0 && lead[1] === undefined;
  return opens || ASIDE_NUMBER.test(text.slice(end));
}

/** The past tense of a counterfactual "if" ("if the order mattered", "if she had", "if there were"). */
const IF_PAST = String.raw`\bif\b[^.!?\n]*?\b(?:had|were|was|did|could|meant|took|gave|got|made|left|lost|kept|sold|bought|paid|spent|went|came|ran|\w+(?<!e)ed)\b`;
/**
 * A sentence about a case that is not the problem's: "if the order mattered, ... would", "otherwise ... would",
 * "suppose ... would", "... would be 30 if the ends counted", "would have been". "If we add the tip, the answer
 * would be 24" (present tense) is the reply's own step, not a hypothetical.
 */
const HYPOTHETICAL = new RegExp(
  String.raw`(?:${IF_PAST}|\b(?:otherwise|suppose|supposing|assuming|in\s+case)\b)[^.!?\n]*\b(?:would|could|might)\b|\b(?:would|could|might)\s+be\b[^.!?\n]*${IF_PAST}|\bwould\s+have\s+been\b`,
  'i',
);

/**
 * Whether the answer phrase at [at, end) stands in a hypothetical sentence after a value the reply stated before
 * it ("\boxed{12}. Note: if the order mattered, the answer would be 24.", "... 18 km. The answer would be 6 if the
 * question meant Monday."): it states no answer of the reply's own.
 */
export function isHypotheticalAfterValue(text: string, at: number, end: number): boolean {
  const start = lastSentenceStart(text.slice(0, at));
  const stop = /[.!?](?=\s|$)|\n/.exec(text.slice(end));
  return /\d/.test(text.slice(0, start)) && HYPOTHETICAL.test(text.slice(start, stop ? end + stop.index : text.length));
}
