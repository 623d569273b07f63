import { lastJsonField } from './json-field.ts';
import { findRefusal } from './refusal.ts';
import { findLoop, prepare, readableEnd } from './response.ts';
import { allMatches, bracedGroups, linesWithOffsets } from './text.ts';
import type { ExtractionOptions, GradeSpan, GradeStatus } from './types.ts';

export interface MathExtraction {
  /** The final answer as written (LaTeX or plain), or null. */
  answer: string | null;
  status: GradeStatus;
  rule: string;
  span: GradeSpan | null;
  detail: string;
}

interface Candidate {
  answer: string;
  rule: string;
  start: number;
  end: number;
}

const JSON_KEYS = ['final_answer', 'finalAnswer', 'answer', 'result', 'final'];

/** Math in the phrase that follows "the answer is": the first $...$ or \(...\) if it opens the phrase, else the clause. */
function answerPhrase(text: string, at: number): { answer: string; end: number } | null {
  const rest = text.slice(at, at + 300);
  const lead = /^[\s:=]*(?:\*\*)?\s*/.exec(rest)?.[0].length ?? 0;
  const body = rest.slice(lead);
  const delimited = /^(?:\$\$([^$]+)\$\$|\$([^$]+)\$|\\\((.+?)\\\)|\\\[(.+?)\\\])/s.exec(body);
  if (delimited) {
    const answer = delimited[1] ?? delimited[2] ?? delimited[3] ?? delimited[4] ?? '';
    return { answer: answer.trim(), end: at + lead + delimited[0].length };
  }
  // Up to the end of the line or sentence, and before an explanation clause.
  const stop = /\n|[.!?](?=\s|$)(?<!\d\.(?=\d))|,?\s+(?:because|since|as|which|so|where|when|given|that|this|for)\b|,\s+(?:and|but|we|I|it)\b|\*\*/i.exec(body);
  const clause = (stop ? body.slice(0, stop.index) : body).trim();
  if (clause.length === 0 || clause.length > 120) return null;
  return { answer: clause, end: at + lead + clause.length };
}

/** Something a final answer could be: it has a digit, a LaTeX command, a set/tuple bracket, or is a short word. */
function plausible(answer: string): boolean {
  const a = answer.trim();
  if (a.length === 0) return false;
  if (/\d|\\[A-Za-z]|[{}()[\]]|^[A-Za-z]$/.test(a)) return true;
  // "in the expected range", "the sum of the two": prose, not an answer.
  return /^[A-Za-z]+$/.test(a) && !/^(?:the|a|an|to|in|not|that|this|correct|clear|simple|as|found|given|unknown|undefined|below|above|follows)$/i.test(a);
}

/** "Answer: 7", "\text{Answer: } 24", "\textbf{answer}: 15" at the start of a box: a label, not part of the answer. */
const BOX_LABEL = /^\s*(?:\\(?:text|textbf|mathrm|mathbf|textit)\s*\{\s*)?(?:final\s+)?answer\s*(?:is\s*)?(?:[:=]\s*\}?|\}\s*[:=])\s*/i;

function strongCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const boxes: Array<{ start: number; end: number }> = [];
  for (const cmd of ['boxed', 'fbox']) {
    for (const g of bracedGroups(text, cmd)) {
      const content = g.content.replace(BOX_LABEL, '');
      boxes.push(g);
      if (content.trim().length > 0) out.push({ answer: content, rule: 'boxed', start: g.start, end: g.end });
    }
  }
  for (const m of allMatches(text, /^\s*####\s*([^\n]+)/gm)) {
    out.push({ answer: m[1]!.trim(), rule: 'hash_marker', start: m.index, end: m.index + m[0].length });
  }
  const json = lastJsonField(text, JSON_KEYS);
  if (json && plausible(json.value)) out.push({ answer: json.value, rule: 'json_answer', start: json.start, end: json.end });
  const phrase = /\b(?:final\s+answer|the\s+answer|answer)\b(?:\s+(?:to\s+the\s+(?:question|problem)))?\s*(?:is|would\s+be|should\s+be|must\s+be|will\s+be|equals|=|:)(?:\s*:)?/gi;
  for (const m of allMatches(text, phrase)) {
    // "\boxed{answer: 7}": the box is the candidate; the phrase inside it would take the closing brace along.
    if (boxes.some((b) => m.index > b.start && m.index < b.end)) continue;
    const at = m.index + m[0].length;
    const p = answerPhrase(text, at);
    // "The final answer is $\boxed{5}$": the box already stands for it.
    if (!p || /\\(?:boxed|fbox)\b/.test(p.answer) || !plausible(p.answer)) continue;
    if (/\\(?:boxed|fbox)\s*\{/.test(text.slice(at, at + 12))) continue;
    out.push({ answer: p.answer, rule: 'answer_is', start: m.index, end: p.end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A line that is bold and short, or a final line that is only math: how models mark answers without \boxed. */
function weakCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of allMatches(text, /\*\*([^*\n]{1,80})\*\*/g)) {
    const inner = m[1]!.replace(/^\s*(?:final\s+)?answer\s*[:=]?\s*/i, '').trim();
    if (/\d|\\[A-Za-z]/.test(inner) && inner.length <= 60 && !/[a-z]{4,}\s+[a-z]{4,}/i.test(inner.replace(/\\[A-Za-z]+/g, ''))) {
      out.push({ answer: inner, rule: 'bold', start: m.index, end: m.index + m[0].length });
    }
  }
  const last = linesWithOffsets(text).at(-1);
  if (last && out.every((c) => c.end <= last.start)) {
    const display = /^(?:\$\$(.+)\$\$|\\\[(.+)\\\]|\$(.+)\$|\\\((.+)\\\))[.\s]*$/.exec(last.text);
    const body = display ? (display[1] ?? display[2] ?? display[3] ?? display[4] ?? '') : last.text;
    // The right-hand side of a final equation, e.g. "= 42" or "x = \frac{3}{2}".
    const rhs = body.split('=').at(-1)?.trim() ?? '';
    const bareMath = /\d|\\[A-Za-z]/.test(body) && !/[A-Za-z]{2,}|[A-Za-z]\d/.test(body.replace(/\\[A-Za-z]+/g, ''));
    if ((display || bareMath || /^[A-Za-z]\s*=/.test(body)) && plausible(rhs) && rhs.length <= 60) {
      out.push({ answer: rhs, rule: 'final_line', start: last.start, end: last.end });
    }
  }
  const closing = last && out.every((c) => c.start < last.start) ? finalSentence(last) : null;
  if (closing && out.every((c) => c.end <= closing.start)) out.push(closing);
  return out;
}

/** Words that may stand beside a value in a closing clause without making it prose. */
const VALUE_FILLER = /^(?:(?:approximately|about|roughly|exactly|just|simply|now|then|therefore|thus|so|equal\s+to|the|a|an)\s+)+/i;
/** "is 45 once we add the 3 legs": a value, then a clause that explains it. */
const VALUE_THEN_CLAUSE = /^(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*\/\s*\d+)?%?),?\s+(?:after|before|when|once|since|because|for|from|with|by|as|if|so|which|given)\b/i;
/** Function names and the like that are math, not prose, inside a bare closing expression. */
const MATH_WORDS = /\b(?:sin|cos|tan|cot|sec|csc|log|ln|exp|sqrt|max|min|mod|gcd|lcm|arcsin|arccos|arctan)\b/g;

/** Where the last sentence of `line` begins: after the last sentence-ending mark outside $...$. */
function lastSentenceStart(line: string): number {
  let start = 0;
  let inMath = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '$' && line[i - 1] !== '\\') inMath = !inMath;
    else if (!inMath && /[.!?]/.test(line[i]!) && /^\s+\S/.test(line.slice(i + 1)) && !/\d/.test(line[i + 1] ?? '')) start = i + 1;
  }
  return start;
}

/**
 * The result a closing sentence states without \boxed: "the product is $x^2 - 2x - 3$.", "f(x) = 2x^3 + 5x.",
 * "the winner is **Marcus**." Read after the last "is"/"="/":" whose clause is a delimited or bold value, or
 * bare math; never a number picked out of prose.
 */
function finalSentence(last: { text: string; start: number; end: number }): Candidate | null {
  const from = lastSentenceStart(last.text);
  const sentence = last.text.slice(from);
  const verbs = allMatches(sentence, /(?:\b(?:is|are|was|equals|becomes|(?:end|ends|ended)\s+up\s+with|arrive\s+at|arrives\s+at|obtain|obtains|get|gets|yields?|gives|reduces\s+to|simplifies\s+to|comes\s+(?:out\s+)?to)\b|(?<![<>!=\\])=(?!=))\s*/gi).reverse();
  for (const v of verbs) {
    const at = v.index + v[0].length;
    const clause = sentence.slice(at).replace(VALUE_FILLER, '');
    const marked = /^(?:\$\$([^$]+)\$\$|\$([^$]+)\$|\\\((.+?)\\\)|\*\*([^*]{1,60})\*\*)/.exec(clause);
    let answer: string | null = null;
    if (marked) {
      const inner = (marked[1] ?? marked[2] ?? marked[3] ?? marked[4] ?? '').trim();
      const words = inner.replace(/\\[A-Za-z]+/g, ' ').match(/[A-Za-z]{3,}/g) ?? [];
      if (marked[4] === undefined || words.length <= 3) answer = inner;
    } else {
      const bare = clause.replace(/[.!]\s*$/, '').trim();
      const prose = bare.replace(/\\[A-Za-z]+/g, ' ').replace(MATH_WORDS, ' ');
      if (bare.length <= 60 && /\d|\\[A-Za-z]|\^/.test(bare) && !/[A-Za-z]{3,}/.test(prose) && !/[A-Za-z]{2}\s+[A-Za-z]{2}/.test(prose)) answer = bare;
      else answer = VALUE_THEN_CLAUSE.exec(bare)?.[1] ?? null;
    }
    if (answer !== null && plausible(answer)) {
      return { answer, rule: 'final_sentence', start: last.start + from + (sentence.length - sentence.trimStart().length), end: last.end };
    }
  }
  return null;
}

/** The last number in the text (with a sign, a decimal part, a fraction slash), the weakest reading. */
function lastNumber(text: string): Candidate | null {
  const m = allMatches(text, /(?<![\w.])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?(?:\s*\/\s*\d+)?(?:\s*\\?%)?(?![\w])/g).at(-1);
  return m ? { answer: m[0], rule: 'last_number', start: m.index, end: m.index + m[0].length } : null;
}

/**
 * The final answer of a math response: the last of the deliberate markers (\boxed{}, "#### x", a JSON
 * answer field, "the answer is x"), so a later correction beats an earlier attempt; else a bold answer, the
 * value a closing sentence states ("the product is $x^2-1$.") or a final line that is only math; else the last
 * number. Invented follow-up problems, leaked end tokens and loops are not read, as for multiple choice.
 */
export function extractMathAnswer(response: string, options: ExtractionOptions = {}): MathExtraction {
  const prepared = prepare(response);
  const looping = findLoop(prepared) !== null;
  const missing: GradeStatus = options.truncated || looping ? 'truncated' : 'no_answer';
  if (prepared.trim().length === 0) {
    return { answer: null, status: missing, rule: 'empty', span: null, detail: response.trim().length === 0 ? 'empty response' : 'only reasoning, no answer after it' };
  }
  const cut = readableEnd(prepared, (prefix) => strongCandidates(prefix).length > 0);
  const text = prepared.slice(0, cut.end);
  const found = strongCandidates(text).at(-1) ?? weakCandidates(text).at(-1);
  if (found) return answeredWith(response, found);
  const refusal = findRefusal(text);
  if (refusal) {
    return { answer: null, status: 'refused', rule: 'refusal', span: spanOf(response, refusal.start, refusal.end), detail: response.slice(refusal.start, refusal.end) };
  }
  // A model cut off mid-derivation has no final answer, whatever numbers it last wrote.
  if (missing === 'truncated') return { answer: null, status: 'truncated', rule: looping ? 'loop' : 'none', span: null, detail: 'cut off before a final answer' };
  const number = lastNumber(text);
  if (number) return answeredWith(response, number);
  return { answer: null, status: 'no_answer', rule: 'none', span: null, detail: 'no answer found' };
}

function spanOf(response: string, start: number, end: number): GradeSpan {
  return { start, end, text: response.slice(start, end) };
}

function answeredWith(response: string, c: Candidate): MathExtraction {
  return { answer: c.answer.trim(), status: 'answered', rule: c.rule, span: spanOf(response, c.start, c.end), detail: c.answer.trim() };
}
