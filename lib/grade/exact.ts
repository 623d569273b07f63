import type { Query } from '../queries/index.ts';
import { lastBoxed, nonEmptyLines, stripThinking } from './text.ts';
import type { ExtractionOptions, Grade } from './types.ts';

/** Sentence punctuation, quotes and emphasis markers that models wrap around a short answer. */
const EDGE_PUNCTUATION = /^[\s"'“”‘’«».,;:!?*_]+|[\s"'“”‘’«».,;:!?*_]+$/g;
const WRAPPING_PAIR = /^(?:\((.*)\)|\[(.*)\]|\{(.*)\})$/s;

/**
 * Canonical form for exact matching: case-folded, markdown and surrounding punctuation/quotes removed,
 * whitespace collapsed, a leading article dropped. Inner punctuation stays, because it can carry
 * meaning ("U.S." vs "US" is left to the data set, not guessed here).
 */
export function normalizeExact(text: string): string {
  let s = text.normalize('NFKC').toLowerCase().replace(/\*\*|__|`+/g, '').replace(/\s+/g, ' ');
  let previous: string;
  do {
    previous = s;
    s = s.replace(EDGE_PUNCTUATION, '');
    const pair = WRAPPING_PAIR.exec(s);
    if (pair) s = pair[1] ?? pair[2] ?? pair[3] ?? s;
    s = s.replace(/^(?:a|an|the)\s+/, '');
  } while (s !== previous);
  return s;
}

interface Candidate {
  rule: string;
  text: string;
}

/** Ways of reading the answer out of a response, most explicit first. */
function candidates(response: string): Candidate[] {
  const out: Candidate[] = [];
  const boxed = lastBoxed(response);
  if (boxed !== null) out.push({ rule: 'boxed', text: boxed.replace(/^\\text\{(.*)\}$/s, '$1') });
  const phrase = [...response.matchAll(/\banswer\b[^\n]{0,20}?(?:\bis\b|:)\s*([^\n]+)/gi)].at(-1)?.[1];
  if (phrase !== undefined) {
    out.push({ rule: 'answer_is', text: phrase });
    // "The answer is Paris. It is the capital." -> "Paris"
    const sentence = /^(.+?)[.!?](?:\s|$)/.exec(phrase)?.[1];
    if (sentence !== undefined) out.push({ rule: 'answer_is', text: sentence });
  }
  const finalLine = nonEmptyLines(response).at(-1);
  if (finalLine !== undefined) {
    out.push({ rule: 'final_line', text: finalLine.replace(/^\W*(?:final\s+)?answer\s*[:-]\s*/i, '') });
  }
  out.push({ rule: 'whole', text: response });
  return out;
}

/**
 * Grades by normalized exact match. Any candidate reading that equals the reference counts, because a
 * correct short answer followed by an explanation is still correct; `pred` is the matching reading, or
 * else the most explicit one.
 */
export function gradeExact(query: Query, response: string, options: ExtractionOptions = {}): Grade {
  const text = stripThinking(response).trim();
  if (text.length === 0) {
    return { grader: 'exact', pred: null, correct: false, status: options.truncated ? 'truncated' : 'no_answer', rule: 'empty', verdict: 'empty response' };
  }
  const reference = normalizeExact(query.answer);
  const readings = candidates(text).map((c) => ({ ...c, norm: normalizeExact(c.text) })).filter((c) => c.norm.length > 0);
  const match = readings.find((c) => c.norm === reference);
  const chosen = match ?? readings[0];
  if (!chosen) {
    return { grader: 'exact', pred: null, correct: false, status: options.truncated ? 'truncated' : 'no_answer', rule: 'none', verdict: 'nothing but punctuation' };
  }
  const read = chosen.text.trim();
  // Candidates are slices of the response, so the last occurrence is where the reading came from.
  const start = response.lastIndexOf(read);
  return {
    grader: 'exact',
    pred: chosen.norm,
    correct: match !== undefined,
    status: 'answered',
    rule: chosen.rule,
    verdict: read,
    span: start < 0 ? null : { start, end: start + read.length, text: read },
  };
}
