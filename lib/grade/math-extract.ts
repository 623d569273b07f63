import { lastJsonField } from './json-field.ts';
import { mathEqual } from './math-equal.ts';
import { inTrailingAside, isHypotheticalAfterValue, maskGivens, withoutClosingAsides } from './math-asides.ts';
import { FOREIGN_ANSWER_LABEL, localizeNumbers } from './math-locale.ts';
import { inequalityInterval, isNumberInWords, numbersInWords } from './math-normalize.ts';
import { closingWordAnswer, MATH_WORDS, numberInContext } from './math-prose.ts';
import { joinListedBoxes, oscillation, undecided, wavers } from './math-several.ts';
import { cutOffConclusion, fromReasoning } from './math-cutoff.ts';
import { boldInEarlyStep, closesRange, closingBold, echoedExamplesEnd, inventedOpening, isBoldLabel, maskRestatements, onlyBounds, offersCases, practicePromptStart, ratioAround, restatedInterval, withdrawnAfter, withoutTrailingClause, withoutTrailingLocation } from './math-setaside.ts';
import { reasoningOnly } from './mc-reasoning.ts';
import { findRefusal } from './refusal.ts';
import { findLoop, prepare, readableEnd } from './response.ts';
import { allMatches, blank, bracedGroups, linesWithOffsets } from './text.ts';
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
  const delimited = /^(?:\$\$([^$]+)\$\$|\$((?:\\\$|[^$])+)\$|\\\((.+?)\\\)|\\\[(.+?)\\\])/s.exec(body);
  if (delimited) {
    const answer = delimited[1] ?? delimited[2] ?? delimited[3] ?? delimited[4] ?? '';
    return { answer: answer.trim(), end: at + lead + delimited[0].length };
  }
  // Up to the end of the line or sentence, and before an explanation clause.
  const stop = /\n|[.!?](?=\s|$)(?<!\d\.(?=\d))|[。！？]|,?\s+(?:because|since|as|which|so|where|when|given|that|this|for)\b|,\s+(?:and|but|we|I|it)\b|\*\*/i.exec(body);
  let clause = (stop ? body.slice(0, stop.index) : body).trim();
  // "(Answer: 6)", "(the answer is 19)": the closing parenthesis belongs to the aside, not the answer.
  if (clause.endsWith(')') && (clause.match(/\)/g) ?? []).length > (clause.match(/\(/g) ?? []).length) clause = clause.slice(0, -1).trimEnd();
  // "150 (that is, 5 boxes of 30)", "7 (not 8, as I first thought": an aside in words after the value explains it.
  const aside = new RegExp(String.raw`\s+\((?=\s*(?:i\.e|e\.g)\b|[^)]*?(?<![\\A-Za-z])[A-Za-z]{2,}|${ARITHMETIC_ASIDE})[^]*$`, 'i').exec(clause);
  if (aside && aside.index > 0 && /\d/.test(clause.slice(0, aside.index))) clause = clause.slice(0, aside.index).trimEnd();
  if (clause.length === 0 || clause.length > 120) return null;
  // "Answer: 21 − 15 = 6": working written after an answer label (a colon, not "the answer is"); its last value is the answer.
  const labelled = /:\s*(?:\*\*)?\s*$/.test(text.slice(Math.max(0, at - 4), at)) || /^\s*(?:\*\*)?\s*:/.test(rest);
  const worked = labelled ? WORKED_CHAIN.exec(clause) : null;
  if (worked) return { answer: worked[1]!, end: at + lead + clause.length };
  return { answer: clause, end: at + lead + clause.length };
}

/** Numbers and operators only, ending "= <number>": arithmetic worked out after an answer label. */
const WORKED_CHAIN = /^[-−$]?\d[\d.,\s$]*(?:[+×÷*/·−-]\s*\$?\d[\d.,\s$]*)+(?:=\s*\$?[-−]?\d[\d.,\s$]*)*=\s*\$?([-−]?\d+(?:,\d{3})*(?:\.\d+)?)\s*$/;

/** "(16 ÷ 4 = 4)", "(30 + 15)": working in parentheses after a value (digits and operators only, no comma, so not a pair). */
const ARITHMETIC_ASIDE = String.raw`[^(),A-Za-z]*\d\s*[=+×÷*/·−-]\s*\d[^(),A-Za-z]*\)`;

/** A reply that stops on a connective, an article or an operator was cut off mid-sentence ("... = 20, so"). */
const UNFINISHED = /(?:\b(?:the|an|of|to|and|or|with|for|by|is|are|was|were|be|but|because|since|than|from|into|so|then|equals)|[=+\-/×,:(])$/i;

/** Words that correct what came before: "actually", "I double counted", "wait", "correction". */
const CORRECTION = /\b(?:actually|correction|oops|wait|i\s+(?:made\s+a\s+mistake|was\s+wrong|miscounted|miscalculated|double[- ]counted|forgot)|double[- ]count\w*|miscalculat\w*|miscount\w*|my\s+mistake|that(?:'s|’s|\s+is|\s+was)\s+wrong)\b/i;

/**
 * "The answer is 12. Hmm, actually I double counted; it is 10.": a closing sentence after the last marker that
 * corrects it and states another value. Not a check that restates it ("Check: 7 × 8 = 56") or one that only
 * verifies ("Let me verify: 3 × 4 = 12").
 */
function revisedAfter(text: string, strong: Candidate, weak: readonly Candidate[]): Candidate | null {
  const closing = weak.filter((c) => c.rule === 'final_sentence' && c.start >= strong.end).at(-1);
  if (!closing) return null;
  if (!CORRECTION.test(text.slice(strong.end)) || /\b(?:check|verify|verifying|confirm|double[- ]check)\w*/i.test(text.slice(closing.start, closing.end))) return null;
  return closing.answer.trim() === strong.answer.trim() ? null : closing;
}

/** Something a final answer could be: it has a digit, a LaTeX command, a set/tuple bracket, is a number in words or a short word. */
function plausible(answer: string): boolean {
  const a = answer.trim();
  // "\boxed{}": a box left empty holds nothing.
  if (a.replace(/\\(?:boxed|fbox)\s*\{\s*\}/g, '').trim().length === 0) return false;
  if (/\d|\\[A-Za-z]|[{}()[\]]|^[A-Za-z]$/.test(a)) return true;
  if (isNumberInWords(a)) return true;
  // "in the expected range", "the sum of the two": prose, not an answer.
  return /^[A-Za-z]+$/.test(a) && !/^(?:the|a|an|to|in|not|that|this|correct|clear|simple|as|found|given|unknown|undefined|below|above|follows)$/i.test(a);
}

/** "Answer: 7", "\text{Answer: } 24", "\textbf{answer}: 15" at the start of a box: a label, not part of the answer. */
const BOX_LABEL = /^\s*(?:\\(?:text|textbf|mathrm|mathbf|textit)\s*\{\s*)?(?:final\s+)?answer\s*(?:is\s*)?(?:[:=]\s*\}?|\}\s*[:=])\s*/i;

/** "12 is the final answer", "$x = 3$ is my answer": a value that is the subject of "is the answer" (not "... answer to part (a)"). */
const VALUE_IS_ANSWER = /(?<![\w.,$])(?:\$([^$\n]{1,60})\$|\\?\$?([-−]?\d[\d,]*(?:\.\d+)?(?:\s*\/\s*\d+)?%?))\s+is\s+(?:the|my|our)\s+(?:final\s+|correct\s+|right\s+)?answer\b(?!\s+(?:to|for|of|in)\b)/gi;

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
  // "答案是 36。", "最终答案：36" read as "the answer is 36".
  const phrase = /(?:\b(?:final\s+answer|the\s+answer|answer)\b(?:\s+(?:to\s+the\s+(?:question|problem)))?\s*(?:is|would\s+be|should\s+be|must\s+be|will\s+be|equals|=|:)|(?:最终|最終|正确|正確)?答案\s*(?:是|为|為|:|=))(?:\s*:)?/gi;
  const labels = [...allMatches(text, phrase), ...allMatches(text, FOREIGN_ANSWER_LABEL)];
  for (const m of labels) {
    // "\boxed{answer: 7}": the box is the candidate; the phrase inside it would take the closing brace along.
    if (boxes.some((b) => m.index > b.start && m.index < b.end)) continue;
    let at = m.index + m[0].length;
    // "the answer is is 3 3 3": a quantized model stuttering on the verb.
    at += /^(?:\s*(?:is|=|:)(?=\s))*/i.exec(text.slice(at))![0].length;
    // "The answer is not 12; it is 21": the rejected value is no answer; the one that replaces it is.
    const negated = /^\s*(?:not|n[o']t)\b/i.exec(text.slice(at));
    if (negated) {
      const instead = /^\s*not\s+[^;,.\n]{1,40}?(?:[;,]\s*(?:but\s+)?(?:it(?:'s|’s|\s+is)|rather)|,?\s+but(?:\s+rather)?)\s+/i.exec(text.slice(at, at + 80));
      if (!instead) continue;
      at += instead[0].length;
    }
    const p = answerPhrase(text, at);
    // "The final answer is $\boxed{5}$": the box already stands for it.
    if (!p || /\\(?:boxed|fbox)\b/.test(p.answer) || !plausible(p.answer)) continue;
    if (/\\(?:boxed|fbox)\s*\{/.test(text.slice(at, at + 12))) continue;
    out.push({ answer: p.answer, rule: 'answer_is', start: m.index, end: p.end });
  }
  // "so 12 is the final answer.", "$\frac{7}{2}$ is my answer": the value as the subject of "is the answer".
  for (const m of allMatches(text, VALUE_IS_ANSWER)) {
    if (boxes.some((b) => m.index > b.start && m.index < b.end) || /\b(?:if|whether|not)\s*$/i.test(text.slice(Math.max(0, m.index - 10), m.index))) continue;
    const value = m[1] ?? m[2]!;
    if (plausible(value)) out.push({ answer: value.trim(), rule: 'answer_is', start: m.index, end: m.index + m[0].length });
  }
  const sorted = joinListedBoxes(text, out.sort((a, b) => a.start - b.start));
  // "\boxed{12}. Note: if the order mattered, the answer would be 24.": a hypothetical after a value states none.
  return sorted.filter((c) => !(c.rule === 'answer_is' && isHypotheticalAfterValue(text, c.start, c.end)));
}

/** A line that is bold and short, or a final line that is only math: how models mark answers without \boxed. */
function weakCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of allMatches(text, /\*\*([^*\n]{1,80})\*\*/g)) {
    const inner = m[1]!.replace(/^\s*(?:final\s+)?answer\s*[:=]?\s*/i, '').trim();
    // "First, ... = **$36**.\nThen ... She pays $30.": an early step's bold result is working, not the answer; "**Step 2:**" is a label.
    if (/\d|\\[A-Za-z]/.test(inner) && inner.length <= 60 && !/[a-z]{4,}\s+[a-z]{4,}/i.test(inner.replace(/\\[A-Za-z]+/g, '')) && !isBoldLabel(inner) && !boldInEarlyStep(text, m.index, m.index + m[0].length)) {
      out.push({ answer: inner, rule: 'bold', start: m.index, end: m.index + m[0].length });
    }
  }
  const last = closingDisplay(text) ?? linesWithOffsets(text).at(-1);
  if (last && out.every((c) => c.end <= last.start)) {
    const display = /^(?:\$\$([^$]+)\$\$|\\\[((?:(?!\\\]).)+)\\\]|\$((?:\\\$|[^$])+)\$|\\\(((?:(?!\\\)).)+)\\\))[.\s]*$/.exec(last.text);
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

/**
 * Display math spanning the reply's closing lines ("## Final Answer\n$$\n\frac{7}{12}\n$$"), as one line (line breaks
 * read as spaces, offsets kept); null when the reply does not end with one.
 */
function closingDisplay(text: string): { text: string; start: number; end: number } | null {
  const m = /(?<=^|\n)[ \t]*(?:\$\$[^$]+\$\$|\\\[(?:(?!\\\])[^])+\\\])[ \t.]*(?=\s*$)/.exec(text);
  if (!m || !m[0].includes('\n')) return null;
  return { text: m[0].replace(/\n/g, ' '), start: m.index, end: m.index + m[0].length };
}

/** Words that may stand beside a value in a closing clause without making it prose. */
const VALUE_FILLER = /^(?:(?:approximately|about|roughly|exactly|just|simply|now|then|therefore|thus|so|equal\s+to|the|a|an)\s+)+/i;
/** "is 45 once we add the 3 legs": a value, then a clause that explains it. */
const VALUE_THEN_CLAUSE = /^(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*\/\s*\d+)?%?),?\s+(after|before|when|once|since|because|for|from|with|by(?!\s+[-−]?\d)|as|if|so|which|given|i\.e|that\s+is|namely)\b/i;

/** Where the text's last sentence begins. */
function closingSentenceStart(text: string): number {
  const last = linesWithOffsets(text).at(-1);
  return last ? last.start + lastSentenceStart(last.text) : 0;
}

/** Where the last sentence of `line` begins: after the last sentence-ending mark outside $...$. */
function lastSentenceStart(line: string): number {
  let start = 0;
  let inMath = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '$' && line[i - 1] !== '\\') inMath = !inMath;
    // Not after an abbreviation: "45, i.e. 30 + 15" is one sentence.
    else if (!inMath && /[.!?]/.test(line[i]!) && /^\s+\S/.test(line.slice(i + 1)) && !/\d/.test(line[i + 1] ?? '') && !/\b(?:i\.e|e\.g|etc|vs|approx|cf|resp)$/i.test(line.slice(0, i))) start = i + 1;
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
  const span = { start: last.start + from + (sentence.length - sentence.trimStart().length), end: last.end };
  const roots = listedRoots(sentence);
  if (roots !== null) return { answer: roots, rule: 'final_sentence', ...span };
  // "the domain is all x ≥ 2, i.e. [2, ∞).": the bracketed restatement; "... falls on a **Tuesday**.": the closing bold (math-setaside.ts).
  const restated = restatedInterval(sentence) ?? closingBold(sentence);
  if (restated) return { answer: restated.answer, rule: 'final_sentence', ...span };
  // "... holds exactly when $x \geq -1$.", "... when $x < -2$ or $x > 3$.": closing one-variable inequalities are the answer.
  const closingMath = /(?:\$[^$]+\$\s*,?\s*or\s+)*\$[^$]+\$(?=\s*[.!]?\s*$)/.exec(sentence)?.[0].replace(/\$/g, '').trim();
  if (closingMath && closingMath.split(/\s*,?\s+or\s+/).every((x) => inequalityInterval(x) !== null)) return { answer: closingMath, rule: 'final_sentence', ...span };
  // "is 3 (the largest would be 11).": an aside in words has its own verb and value; the sentence's are outside it.
  // "= 6$ because $2^6 = 64$", "is 9, attained at x = 3": a trailing justification or location is passed over too.
  const scan = withoutTrailingClause(sentence.replace(new RegExp(String.raw`\((?![^()]*[$\\])(?=[^()]*(?<![A-Za-z])[A-Za-z]{3,}[^()]*\)|${ARITHMETIC_ASIDE})[^()]*\)`, 'g'), (aside) => ' '.repeat(aside.length)));
  const verbs = allMatches(scan, /(?:\b(?:is|are|was|(?:should|would|must|will)\s+be|equals|becomes|(?:end|ends|ended)\s+up\s+with|arrive\s+at|arrives\s+at|obtain|obtains|get|gets|yields?|gives|reduces\s+to|simplifies\s+to|comes\s+(?:out\s+)?to|(?:located|situated|centred|centered|meet|meets|met|intersect|intersects|intersected|cross|crosses|touch|touches|lies|lie)\s+at)\b|(?<![<>!=\\])=(?!=)|\\in(?![A-Za-z])|∈)\s*/gi).reverse();
  for (const v of verbs) {
    const at = v.index + v[0].length;
    // "... described by 4n + 10 = 50.": the right side of an equation never solved is no result.
    if (inUnsolvedEquation(last.text, from + at)) return null;
    const clause = scan.slice(at).replace(VALUE_FILLER, '');
    const marked = /^(?:\$\$([^$]+)\$\$|\$((?:\\\$|[^$])+)\$|\\\((.+?)\\\)|\*\*([^*]{1,60})\*\*)/.exec(clause);
    let answer: string | null = null;
    if (marked) {
      const inner = (marked[1] ?? marked[2] ?? marked[3] ?? marked[4] ?? '').trim();
      const words = inner.replace(/\\[A-Za-z]+/g, ' ').match(/[A-Za-z]{3,}/g) ?? [];
      // "is $12 and $15 in total": two dollar amounts, not math between dollar signs.
      const currency = marked[2] !== undefined && /^\s*[\d.,]+\s+[A-Za-z]{2,}/.test(inner);
      if ((marked[4] === undefined || words.length <= 3) && !currency) answer = lastSideValue(inner) ?? inner;
    } else {
      // "when $x \in [1, 4]$.": the verb stood inside the math, so its closing delimiter trails the value.
      const bare = clause.replace(/[.!]\s*$/, '').trim().replace(/^([^$]*)\$$/, '$1').trim();
      const prose = bare.replace(/\\[A-Za-z]+/g, ' ').replace(MATH_WORDS, ' ');
      const explained = VALUE_THEN_CLAUSE.test(bare);
      if (!explained && bare.length <= 60 && /\d|\\[A-Za-z]|\^/.test(bare) && !/[A-Za-z]{3,}/.test(prose) && !/[A-Za-z]{2}\s+[A-Za-z]{2}/.test(prose)) answer = bare;
      else {
        // "= 0.15, so she saves 15% of her salary": a consequence that states its own value restates the answer.
        const m = VALUE_THEN_CLAUSE.exec(bare);
        answer = m && !(/^so$/i.test(m[2]!) && /\d/.test(bare.slice(m[0].length))) ? m[1]! : null;
        // "0.08, that is, 8 percent": the same value restated as a percent; the percent form matches either reading.
        const restated = m && /^(?:i\.e|that\s+is|namely)$/i.test(m[2]!) ? /^[.,\s]*(\d+(?:\.\d+)?)\s*(?:%|percent\b)/i.exec(bare.slice(m[0].length)) : null;
        if (answer !== null && restated && mathEqual(`${restated[1]}%`, answer)) answer = `${restated[1]}%`;
      }
    }
    if (answer !== null && plausible(answer)) return { answer, rule: 'final_sentence', ...span };
  }
  return null;
}

/**
 * "is $\pi r^2 = 16\pi$ square units": a formula worked out to a value inside the math is read by its last side,
 * as "= 16\pi$." closing the sentence already is. Only a value (no unknowns left): "is $y = 2x + 3$" stays whole.
 */
function lastSideValue(math: string): string | null {
  const sides = math.split(/(?<![<>!=\\])=(?!=)/);
  const last = sides.at(-1)!.trim();
  return sides.length > 1 && /\d/.test(last) && !/[A-Za-z]/.test(last.replace(/\\[A-Za-z]+/g, '')) ? last : null;
}

const ROOT = String.raw`[-−]?(?:\d+(?:\.\d+)?(?:\s*\/\s*\d+)?|\\d?frac\{[^{}]+\}\{[^{}]+\}|\d*\\sqrt\{[^{}]+\})`;
/** "x = 3 and x = 5", "$t = -2$ or $t = 7$", "x = 2 and y = -1" closing a sentence: values given to unknowns. */
const ROOTS = new RegExp(String.raw`\b[a-z]\s*=\s*${ROOT}(?:\s*,?\s*(?:and|or|,)\s*[a-z]\s*=\s*${ROOT})+\s*[.!]?\s*$`);

/**
 * The values a closing sentence gives its unknowns: one unknown's values ("the roots are $t = -2$ and $t = 7$.")
 * as a list ("-2, 7"); one value each for different unknowns ("we get x = 2 and y = -1") as the assignments
 * ("x = 2, y = -1", which compares as the tuple (2, -1)); else null.
 */
function listedRoots(sentence: string): string | null {
  const m = ROOTS.exec(sentence.replace(/\$/g, ''));
  if (!m) return null;
  const pairs = allMatches(m[0], new RegExp(String.raw`\b([a-z])\s*=\s*(${ROOT})`, 'g')).map((r) => ({ name: r[1]!, value: r[2]! }));
  if (pairs.every((p) => p.name === pairs[0]!.name)) return pairs.map((p) => p.value).join(', ');
  const distinct = new Set(pairs.map((p) => p.name)).size === pairs.length;
  return distinct && !/\bor\b/.test(m[0]) ? pairs.map((p) => `${p.name} = ${p.value}`).join(', ') : null;
}

/** Fenced code that is a program ("```python", or with print/def/import/return): its numbers are operands, not answers. */
function maskPrograms(text: string): string {
  return text.replace(/```([A-Za-z+#]*)[^\n]*\n[\s\S]*?(?:```|$)/g, (block, lang: string) =>
    /^(?:python|py|js|javascript|ts|typescript|c|cpp|c\+\+|java|ruby|go|rust|r|julia|matlab|bash|sh)$/i.test(lang) || /\b(?:print|def|import|return|console\.log)\b/.test(block) ? block.replace(/[^\n]/g, ' ') : block,
  );
}

/** "... after 4 weeks.", "... in 6 hours.": a time phrase closing the sentence, before and after its number. */
const TRAILING_TIME_BEFORE = /\b(?:after|in|within|over|during|for)\s+(?:the\s+|a\s+|an\s+)?(?:first\s+|next\s+|last\s+|another\s+)?$/i;
const TRAILING_TIME_AFTER = /^\s*(?:more\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|rounds?|trips?|games?|turns?|laps?)\b[^\d]*$/i;
/** "... 27 cookies left for the 3 friends.": a closing phrase naming whom the value is for, by count, after the value. */
const TRAILING_RECIPIENTS_BEFORE = /\b(?:for|among|amongst|between|across)\s+(?:(?:each\s+of\s+)?(?:the|her|his|their|its|our|my|your)\s+)?$/i;
const TRAILING_RECIPIENTS_AFTER = /^\s*(?:[A-Za-z'-]+\s*){1,3}[.!]?\s*$/;
/** "7 dollars and 25 cents", "12 pounds and 40 pence", "$3 and 5 cents". */
const MONEY_IN_WORDS = /(?:\$\s*(\d+)|\b(\d+)\s+(?:dollars?|pounds?|euros?|bucks))\s+and\s+(\d{1,2})\s+(?:cents?|pence|p)\b/i;
/** "6 hours and 30 minutes", "4 minutes 15 seconds": one duration in two units, read in the larger unit. */
const DURATION_IN_WORDS = /\b(\d+)\s+(?:(hours?|hrs?)|minutes?|mins?)\s*,?\s*(?:and\s+)?(\d{1,2})\s+(?:(minutes?|mins?)|seconds?|secs?)\b/i;

/** The last amount written in two units (money or a duration) in `sentence`, as one value in the larger unit. */
function twoUnitAmount(sentence: string): { index: number; length: number; answer: string } | null {
  const money = allMatches(sentence, new RegExp(MONEY_IN_WORDS.source, 'gi')).at(-1);
  if (money) return { index: money.index, length: money[0].length, answer: `${money[1] ?? money[2]}.${money[3]!.padStart(2, '0')}` };
  const time = allMatches(sentence, new RegExp(DURATION_IN_WORDS.source, 'gi')).at(-1);
  // Hours go with minutes and minutes with seconds; "2 hours 30 seconds" is not one duration.
  if (!time || Boolean(time[2]) !== Boolean(time[4]) || Number(time[3]) >= 60) return null;
  return { index: time.index, length: time[0].length, answer: `\\frac{${Number(time[1]) * 60 + Number(time[3])}}{60}` };
}

/** The last number in the text (with a sign, U+2212 too, a decimal part, a fraction slash, a mixed number "2 1/2"), the weakest reading. */
function lastNumber(full: string): Candidate | null {
  // Step labels and a written-out problem's givens are not quantities the reply arrived at.
  const text = maskGivens(maskPrograms(full));
  const closingAt = closingSentenceStart(text);
  const inWords = numbersInWords(text.slice(closingAt)).at(-1);
  const numbers = allMatches(text, /(?<![\w.])[-−]?(?:\d+\s+\d+\s*\/\s*\d+(?![\d.\/])|(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?(?:\s*\/\s*\d+)?(?:\s*\\?%)?(?:\s+(?:thousand|million|billion|trillion)\b)?)(?![\w])/g);
  const m = statedNumber(text, numbers, closingAt);
  // "She finished in 3rd place.": an ordinal, when the closing sentence states no other number.
  if (!m || m.index < closingAt) {
    const ordinal = allMatches(text.slice(closingAt), /(?<![\w.])(\d+)(?:st|nd|rd|th)\b/g).at(-1);
    if (ordinal) return { answer: ordinal[1]!, rule: 'last_number', start: closingAt + ordinal.index, end: closingAt + ordinal.index + ordinal[1]!.length };
  }
  // "7 dollars and 25 cents", "6 hours and 30 minutes": one amount in two units.
  const amount = m ? twoUnitAmount(text.slice(closingAt)) : null;
  if (m && amount && closingAt + amount.index + amount.length >= m.index + m[0].length && closingAt + amount.index <= m.index) {
    const at = closingAt + amount.index;
    return { answer: amount.answer, rule: 'last_number', start: at, end: at + amount.length };
  }
  // "... gave away 14, so she has thirty-six stickers left.": a number in words after the last digits.
  if (inWords) {
    const at = closingAt + inWords.start;
    const end = closingAt + inWords.end;
    if (!m || at >= m.index + m[0].length) return { answer: full.slice(at, end), rule: 'last_number', start: at, end };
  }
  if (!m || inUnsolvedEquation(text, m.index)) return null;
  // "57 is 71 in base 8.": the digits before "in base", with their base.
  const based = /(?<![\w.])[0-9A-Za-z]*\d[0-9A-Za-z]*\s+(?:in\s+)?base[\s-]*$/i.exec(text.slice(closingAt, m.index));
  if (based) return { answer: full.slice(closingAt + based.index, m.index + m[0].length), rule: 'last_number', start: closingAt + based.index, end: m.index + m[0].length };
  // "2 1/2" is a mixed number only when the fraction is proper; "12 15/3" is two numbers, the last one read.
  const mixed = /^([-−]?\d+\s+)(\d+)\s*\/\s*(\d+)$/.exec(m[0]);
  const skip = mixed && Number(mixed[2]) >= Number(mixed[3]) ? mixed[1]!.length : 0;
  // "simplifies from 12:18 to 2:3": a ratio is read whole.
  const ratio = ratioAround(text, m.index + skip, m.index + m[0].length);
  if (ratio) return { ...ratio, rule: 'last_number' };
  // "$2\frac{1}{4}$ cups", "a 1 in 6 chance", "minus 8", "5 degrees below zero": what the words around it make of it.
  const inContext = numberInContext(text, m.index + skip, m.index + m[0].length, text.slice(closingAt));
  return inContext ?? { answer: m[0].slice(skip), rule: 'last_number', start: m.index + skip, end: m.index + m[0].length };
}

/** A term of a linear expression: "12t", "5", "x", "3(x". */
const TERM = String.raw`(?:\d+(?:\.\d+)?\s*[a-z]?|[a-z])(?![\w.])`;
const EQUATION = new RegExp(String.raw`${TERM}(?:\s*[-+*×·\/]\s*${TERM})*\s*=\s*${TERM}(?:\s*[-+*×·\/]\s*${TERM})*`, 'g');

/**
 * "We model it with 12t = 5t + 35, where t is ...": the number at `at` stands in an equation that still holds its
 * one unknown, and the reply never states that unknown's value ("t = 5"): the problem is set up, not solved.
 */
function inUnsolvedEquation(text: string, at: number): boolean {
  const equation = allMatches(text, EQUATION).find((e) => e.index <= at && at < e.index + e[0].length);
  // One unknown only: "y = 3x - 2" states a line, not a problem to solve.
  const letters = new Set(equation?.[0].match(/[a-z]/g) ?? []);
  const unknown = equation && letters.size === 1 ? /\d\s*([a-z])(?![\w.])/.exec(equation[0])?.[1] : undefined;
  return unknown !== undefined && !new RegExp(String.raw`(?<![\w.])${unknown}\s*=\s*[-−]?\d`).test(text);
}

/**
 * Which of the text's numbers (in order) the closing sentence (from `closingAt`) states: the last one, unless it
 * stands in a closing time phrase ("8 chapters left after 4 weeks") or one naming whom it is for ("27 left for the
 * 3 friends"), a trailing part or difference ("15 left, which
 * is 3 more than Tom") or working in parentheses ("54 plants (6 × 9)"), where it is the one before.
 */
function statedNumber(text: string, numbers: readonly RegExpExecArray[], closingAt: number): RegExpExecArray | undefined {
  const m = numbers.at(-1);
  const prev = numbers.at(-2);
  if (!m) return undefined;
  if (prev && prev.index >= closingAt) {
    const prevEnd = prev.index + prev[0].length;
    const inTimePhrase = TRAILING_TIME_BEFORE.test(text.slice(closingAt, m.index)) && TRAILING_TIME_AFTER.test(text.slice(m.index + m[0].length));
    const forRecipients = TRAILING_RECIPIENTS_BEFORE.test(text.slice(prevEnd, m.index)) && TRAILING_RECIPIENTS_AFTER.test(text.slice(m.index + m[0].length));
    if (inTimePhrase || forRecipients || inTrailingAside(text, prevEnd, m.index, m.index + m[0].length)) return prev;
  }
  const open = text.lastIndexOf('(', m.index);
  const working = open >= closingAt && new RegExp(String.raw`^\(${ARITHMETIC_ASIDE}[\s.!]*$`).test(text.slice(open));
  const stated = working ? numbers.filter((n) => n.index + n[0].length <= open).at(-1) : undefined;
  return stated && stated.index >= closingAt ? stated : m;
}

/**
 * The final answer of a math response: the last of the deliberate markers (\boxed{}, "#### x", a JSON
 * answer field, "the answer is x"), so a later correction beats an earlier attempt; else a bold answer, the
 * value a closing sentence states ("the product is $x^2-1$.") or a final line that is only math; else the last
 * number. Invented follow-up problems, leaked end tokens and loops are not read, as for multiple choice.
 */
export function extractMathAnswer(response: string, options: ExtractionOptions = {}): MathExtraction {
  // Only closed reasoning, nothing after it: its final committed value is the only one the model stated (math-cutoff.ts).
  const reasoning = reasoningOnly(response);
  if (reasoning !== null) return fromReasoning(response, extractMathAnswer(reasoning, { ...options, truncated: false }), options.truncated === true);
  // "7,5 km" in a French reply, "12 500": numbers rewritten the English way, offsets kept.
  const localized = localizeNumbers(prepare(response));
  // "Question: <example>\nAnswer: ... #### 6\n\nQuestion: <the asked one>\n...": the echoed examples are passed over.
  const echoEnd = echoedExamplesEnd(localized, options.question);
  const echoed = echoEnd > 0 ? blank(localized, 0, echoEnd) : localized;
  // "... = \boxed{10}$.\n\nNow try this: ... = \boxed{15}$": a practice problem set for the reader is not answered for us.
  const practice = practicePromptStart(echoed);
  const prepared = practice === null ? echoed : blank(echoed, practice, echoed.length);
  const looping = findLoop(prepared) !== null;
  const missing: GradeStatus = options.truncated || looping ? 'truncated' : 'no_answer';
  if (prepared.trim().length === 0) {
    return { answer: null, status: missing, rule: 'empty', span: null, detail: response.trim().length === 0 ? 'empty response' : 'only reasoning, no answer after it' };
  }
  // "\n\nProblem: <a problem of its own>\nSolution: ...": the answer slot left empty for a new problem (math-setaside.ts).
  const invented = inventedOpening(response, options.question);
  if (invented) return { answer: null, status: 'no_answer', rule: 'invented_question', span: spanOf(response, invented.start, invented.end), detail: `answers a problem of its own: ${response.slice(invented.start, invented.end)}` };
  // A reply that opens with a bare value (" 15\n\nQ: ...") has answered before a base model's next "Q:".
  const cut = readableEnd(prepared, (prefix) => strongCandidates(prefix).length > 0 || LONE_VALUE.test(prefix));
  const text = prepared.slice(0, cut.end);
  // A reply cut off mid-sentence: its unfinished last sentence states nothing yet ("... = 20, so").
  const tail = text.trimEnd();
  // Not the part before a base model's next "Q:" (" 8\n\nQ: ... Q: Lisa has"): the continuation is what was cut off.
  const readToCut = cut.reason === 'continuation' || cut.reason === 'end_token';
  const unfinished = ((missing === 'truncated' && !readToCut) || (cut.reason === null && UNFINISHED.test(tail))) && !/[.!?)\]}$*]$/.test(tail);
  // "So she has 25 marbles left. Check: 25 + 2 = 27 ✓": a closing check restates the working, not the answer.
  const reading = withoutClosingAsides(withoutClosingChecks(text));
  const weak = unfinished ? [] : weakCandidates(reading);
  // " 14 dollars\n\nQuestion: ...": a lone value before the model's next question is its answer, whatever was cut off later.
  const lone = weak.length === 0 && readToCut && LONE_VALUE.test(text) ? lastNumber(text) : null;
  if (lone) weak.push(lone);
  const markers = strongCandidates(text);
  const strong = markers.at(-1);
  const before = markers.at(-2);
  // "The answer is 18.\n\n#### 16": two final markers side by side that disagree, with no correction between them.
  if (strong && before && before.rule !== strong.rule && /^[\s.,;!*]*$/.test(text.slice(before.end, strong.start)) && !mathEqual(before.answer, strong.answer)) {
    return { answer: null, status: 'ambiguous', rule: strong.rule, span: spanOf(response, before.start, strong.end), detail: `two final answers disagree: ${before.answer.trim()} and ${strong.answer.trim()}` };
  }
  // "Method 1 gives \boxed{10}. Method 2 gives \boxed{12}.": two boxes offered side by side as alternatives.
  if (strong && before && alternativeBoxes(text, before, strong) && !mathEqual(before.answer, strong.answer)) {
    return { answer: null, status: 'ambiguous', rule: strong.rule, span: spanOf(response, before.start, strong.end), detail: `two answers offered as alternatives: ${before.answer.trim()} and ${strong.answer.trim()}` };
  }
  // "The answer is 16.\nThe answer is 18.\n" over and over: the loop commits to neither, only to an answer before it.
  const swings = cut.reason === 'loop' && cut.loopStart !== undefined ? oscillation(text, markers, cut.loopStart) : undefined;
  if (swings) {
    if (swings.before) return answeredWith(response, swings.before);
    return { answer: null, status: 'ambiguous', rule: 'loop', span: spanOf(response, cut.loopStart!, cut.end), detail: 'a loop that alternates between answers' };
  }
  // In a loop, only what came before it is settled, not the working it repeats ("Let me recompute: 12 × 4 = 48.");
  // cut off or looping with nothing settled, a conclusion stated again and again still counts (math-cutoff.ts).
  const settled = cut.reason === 'loop' && cut.loopStart !== undefined ? weak.filter((c) => c.end <= cut.loopStart!) : weak;
  const found = strong ? (revisedAfter(text, strong, weak) ?? strong) : (settled.at(-1) ?? (missing === 'truncated' ? (cutOffConclusion(reading) ?? undefined) : undefined));
  // "The answer is 15. No wait, 18. No, 15. No wait, 18. No": cut off while changing its mind back and forth, it settles on none.
  if (found && found === strong && (missing === 'truncated' || unfinished) && wavers(text, strong.answer, strong.end)) {
    return { answer: null, status: 'ambiguous', rule: 'wavering', span: spanOf(response, strong.start, text.length), detail: `changes its mind back and forth after ${strong.answer.trim()}` };
  }
  // "\boxed{18}. Hmm, no, that ignores the two who left ...": a withdrawn answer counts only if a later value replaces it.
  const withdrawn = found && found === strong ? withdrawnAfter(text, strong.answer, strong.end) : null;
  if (withdrawn) {
    const later = weak.filter((c) => c.start >= withdrawn.end).at(-1) ?? [lastNumber(reading)].find((c) => c !== null && c.start >= withdrawn.end);
    if (later) return answeredWith(response, later);
    return { answer: null, status: 'no_answer', rule: 'withdrawn', span: spanOf(response, strong!.start, withdrawn.end), detail: `withdrawn and not replaced: ${strong!.answer.trim()}` };
  }
  // "I get 18 one way and 20 the other; I'm not sure which is right.": a closing sentence that offers values without choosing.
  const closingStart = closingSentenceStart(reading);
  if (found && found.end > closingStart && undecided(reading.slice(closingStart))) {
    return { answer: null, status: 'ambiguous', rule: found.rule, span: spanOf(response, closingStart, reading.trimEnd().length), detail: 'offers several values and does not choose' };
  }
  if (found) return answeredWith(response, found);
  // "The final answer is $\boxed{}$": the model meant to box its answer and left the box empty.
  const emptyBox = /\\(?:boxed|fbox)\s*\{\s*\}/.exec(text);
  if (emptyBox) return { answer: null, status: missing, rule: 'empty_box', span: spanOf(response, emptyBox.index, emptyBox.index + emptyBox[0].length), detail: 'the answer box is empty' };
  const refusal = findRefusal(text);
  if (refusal) {
    return { answer: null, status: 'refused', rule: 'refusal', span: spanOf(response, refusal.start, refusal.end), detail: response.slice(refusal.start, refusal.end) };
  }
  // A model cut off mid-derivation has no final answer, whatever numbers it last wrote.
  if (missing === 'truncated' || unfinished) return { answer: null, status: 'truncated', rule: looping ? 'loop' : 'none', span: null, detail: 'cut off before a final answer' };
  // "It is either 7 or 9, I cannot tell which.": two values offered in the closing sentence, no marker.
  const closing = reading.slice(closingSentenceStart(reading));
  // The last pair offered: "8, or maybe 9 in the back: either 16 or 17, I cannot tell" offers 16 or 17.
  const offered = allMatches(closing, new RegExp(TWO_VALUES.source, 'gi')).at(-1);
  // Only when they are the sentence's last values: "either 2 or 3 at first, but the count is 5" states 5.
  if (offered && !/\d/.test(closing.slice(offered.index + offered[0].length))) {
    const at = closingSentenceStart(reading) + offered.index;
    return { answer: null, status: 'ambiguous', rule: 'last_number', span: spanOf(response, at, at + offered[0].length), detail: `offers two values: ${offered[0].trim()}` };
  }
  if (undecided(closing)) return { answer: null, status: 'ambiguous', rule: 'last_number', span: spanOf(response, closingStart, reading.trimEnd().length), detail: 'offers several values and does not choose' };
  // "We are told that Jo has 24 stickers ...": a restated problem's givens are not results; nor is "..., attained at x = 2".
  const closingAt = closingSentenceStart(reading);
  const number = lastNumber(maskRestatements(reading.slice(0, closingAt) + withoutTrailingLocation(reading.slice(closingAt))));
  // "the number lies somewhere between 35 and 45": a value only bounded is not stated.
  if (number && closesRange(reading, number.start)) {
    return { answer: null, status: 'ambiguous', rule: 'range', span: spanOf(response, number.start, number.end), detail: 'only bounds the value by a range' };
  }
  // "..., the answer is not 12, because 12 ignores the refund.": a value the reply rejects is not its answer.
  const rejected = allMatches(reading, REJECTED_VALUE).map((m) => m[1]!);
  if (number && rejected.some((v) => mathEqual(v, number.answer))) {
    return { answer: null, status: 'no_answer', rule: 'rejected', span: spanOf(response, number.start, number.end), detail: `only rejects a value: ${number.answer.trim()}` };
  }
  if (number) return answeredWith(response, number);
  const word = closingWordAnswer(reading, closingSentenceStart(reading));
  if (word) return answeredWith(response, word);
  return { answer: null, status: 'no_answer', rule: 'none', span: null, detail: 'no answer found' };
}

/** "the answer is not 12", "the answer can't be 7": a value rejected as the answer. */
const REJECTED_VALUE = /\banswer\s+(?:is\s+not|isn['’]t|cannot\s+be|can['’]t\s+be)\s+\$?([-−]?\d+(?:,\d{3})*(?:\.\d+)?)/gi;

/** A reply that is only a value on one line, e.g. " 15" or "42 apples". */
const LONE_VALUE = /^\s*[-−$]?\d[\d,]*(?:\.\d+)?(?:\s+[A-Za-z]+)?\s*\.?\s*$/;

/** Words that open each of several alternatives: "Method 1 gives", "Using the table:", "If the ends count,". */
const ALTERNATIVE_LEAD = /^(?:method|approach|way|using|via|if|case|interpretation|reading|attempt|assuming)$/i;
/** Words between two boxes that make the later one a revision or the next step, not an alternative. */
const MOVES_ON = /\b(?:wait|actually|but|however|hmm+|oops|instead|recomput\w*|re-?check\w*|correct\w*|mistake|error|wrong|final\w*|no|so|therefore|thus|hence|then|next|step)\b/i;

/** The first word of the sentence in which offset `at` stands; '' when it builds on what came before ("Using this, ..."). */
function leadWord(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf('\n'), ...allMatches(before, /[.!?](?=\s)/g).map((m) => m.index)) + 1;
  const m = /^[\s>*#-]*([A-Za-z]+)\s*([A-Za-z]*)/.exec(text.slice(start, at));
  return m && !/^(?:this|that|these|those|it|them|the\s+result)$/i.test(m[2]!) ? m[1]!.toLowerCase() : '';
}

/**
 * Two boxes in sentences that open alike ("Method 1 gives ... Method 2 gives ...", "If the ends count, ... If
 * not, ...") or the later opened by "Alternatively"/"Otherwise", with no revision or next step between them.
 */
function alternativeBoxes(text: string, a: Candidate, b: Candidate): boolean {
  if (a.rule !== 'boxed' || b.rule !== 'boxed') return false;
  // "$\boxed{8}$ or $\boxed{10}$": two boxes joined by "or" offer both.
  if (/^[\s$]*,?\s*or\s+(?:maybe\s+|perhaps\s+|possibly\s+)?[\s$]*$/i.test(text.slice(a.end, b.start))) return true;
  if (MOVES_ON.test(text.slice(a.end, b.start))) return false;
  const [first, second] = [leadWord(text, a.start), leadWord(text, b.start)];
  return (first === second && ALTERNATIVE_LEAD.test(first)) || /^(?:alternatively|otherwise)$/.test(second);
}

/** A sentence labelled as a check of the answer: "Check: 6 × 5 = 30", "Verify: ...", "Sanity check - ...". */
const CHECK_SENTENCE = /^[\s>*_#-]*(?:check|checking|verify|verification|sanity\s+check|double[- ]check)\s*[:\-—–]/i;

/**
 * The text without the check sentences that close it, when the value stated before them is one the checks
 * restate ("... 25 marbles left. Check: 25 + 2 = 27 ✓"); else the text.
 */
function withoutClosingChecks(text: string): string {
  let end = text.trimEnd().length;
  for (;;) {
    const start = closingSentenceStart(text.slice(0, end));
    if (start <= 0 || !CHECK_SENTENCE.test(text.slice(start, end))) break;
    end = text.slice(0, start).trimEnd().length;
  }
  const kept = text.slice(0, end);
  const value = lastNumber(kept)?.answer.trim();
  if (kept.length === text.trimEnd().length || value === undefined || !/^[-−]?\d[\d,.]*$/.test(value)) return text;
  const restated = new RegExp(String.raw`(?<![\d.,])${value.replace(/[.\-−]/g, '\\$&')}(?![\d]|[.,]\d)`).test(text.slice(end));
  return restated ? kept : text;
}

const OFFERED = String.raw`[-−]?\$?\d[\d,]*(?:\.\d+)?`;
/** "either 24 or 28", "maybe 5 or maybe 6, I can't tell which": two values offered without choosing. */
const TWO_VALUES = new RegExp(
  String.raw`\beither\s+${OFFERED}\s*,?\s+or\s+${OFFERED}\b|\b${OFFERED}\s*,?\s+or\s+(?:maybe\s+|perhaps\s+)?${OFFERED}\b(?=[^.!?\n]*\b(?:not\s+sure|unsure|cannot\s+(?:tell|be\s+sure)|can't\s+(?:tell|be\s+sure)|can’t\s+(?:tell|be\s+sure)|depending|depends)\b)`,
  'i',
);

function spanOf(response: string, start: number, end: number): GradeSpan {
  return { start, end, text: response.slice(start, end) };
}

/** "1/3 ≈ 0.333", "\\frac{\\pi}{4} \\approx 0.785": the exact value before an approximation of it. */
function exactPart(answer: string): string {
  const m = /\s*(?:≈|\\approx\b|\\sim\b|~)\s*-?[\d.]+[^=]*$/.exec(answer);
  const before = m ? answer.slice(0, m.index).trim() : '';
  return before.length > 0 && plausible(before) ? before : answer;
}

const VALUE = String.raw`[-−]?\$?\d[\d,]*(?:\.\d+)?(?:\s*\/\s*\d+)?\s*%?`;
/** "0.25, or 25%", "either 14 or 16, depending on ...": one value said two ways, or two values offered. */
const ALTERNATIVES = new RegExp(String.raw`^(either\s+)?(${VALUE}),?\s+or\s+(${VALUE})(?=\s*(?:[,;.]|$))(.*)$`, 'is');

function answeredWith(response: string, c: Candidate): MathExtraction {
  // "4 4 4 4 4 4", "56 56": a quantized model stuttering on its answer.
  const stutter = /^(\S+)(?:\s+\1)+$/.exec(c.answer.trim());
  if (stutter) return answeredWith(response, { ...c, answer: stutter[1]! });
  if (onlyBounds(c.answer)) return { answer: null, status: 'ambiguous', rule: 'range', span: spanOf(response, c.start, c.end), detail: `only bounds the value: ${c.answer.trim()}` };
  const alt = ALTERNATIVES.exec(c.answer.trim());
  if (alt) {
    const [, either, first, second, rest] = alt;
    if (mathEqual(first!, second!)) return answeredWith(response, { ...c, answer: first! });
    // "If it does, 16; if not, 14. So the answer is 14 or 16.": the outcomes of cases the reply set up.
    if (either !== undefined || /\b(?:depending|depends|not\s+sure|unsure|if)\b/i.test(rest!) || offersCases(prepare(response), c.start)) {
      return { answer: null, status: 'ambiguous', rule: c.rule, span: spanOf(response, c.start, c.end), detail: `offers two values: ${first!.trim()} or ${second!.trim()}` };
    }
  }
  const answer = exactPart(c.answer.trim());
  return { answer, status: 'answered', rule: c.rule, span: spanOf(response, c.start, c.end), detail: answer };
}
