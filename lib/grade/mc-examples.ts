/**
 * Few-shot examples echoed back. A prompt may carry worked examples ("Question: ... Answer: The answer is (B).")
 * before the question it asks, and a base model often re-emits them before (or instead of) answering. The answers
 * under an echoed example belong to that example, not to the question asked, so `mc.ts` hides them.
 */
import { allMatches } from './text.ts';

/** A question header line: "Question: ...", "Q2. ...", "**Problem:** ...". Group 1 is the question's own text. */
const HEADER = /^[ \t>#*]*(?:question|q|problem)\s*\d*\s*[:.)][ \t*]*([^\n]*)/gim;
/** The line that gives an example's answer: "Answer: ...", "A: ..." (not an option line such as "A. Oxygen"). */
const ANSWER_LINE = /^[ \t>#*]*(?:answer\s*[:.)]|a\s*:)/i;

const STOP = new Set(['the', 'and', 'for', 'which', 'what', 'following', 'question']);

/** Words of three letters or more and numbers, for comparing question lines. */
function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z]{3,}|\d+/g) ?? []).filter((w) => !STOP.has(w)));
}

/** The share of the `said` words that are also in `other`. */
function shareIn(said: ReadonlySet<string>, other: ReadonlySet<string>): number {
  return said.size === 0 ? 0 : [...said].filter((w) => other.has(w)).length / said.size;
}

/**
 * The spans of `text` that restate one of the prompt's example questions: each from its question line to the end
 * of the paragraph holding its answer line, or failing an answer line to the next question line or the end of the
 * text. The prompt's last question line is the question asked; the ones before it are examples (unless they share
 * 80% of their words with it). A reply's question line matches an example when at least 80% of its words (two or
 * more; a cut-off line counts) are that example's and fewer are the asked question's. Empty without a question or
 * when it holds no examples.
 */
export function echoedExamples(text: string, question: string | undefined): Array<{ start: number; end: number }> {
  if (!question) return [];
  const asked = allMatches(question, HEADER).map((m) => words(m[1]!));
  const askedWords = asked.pop() ?? new Set<string>();
  const examples = asked.filter((w) => w.size >= 2 && shareIn(w, askedWords) < 0.8);
  if (examples.length === 0) return [];
  const headers = allMatches(text, HEADER);
  const out: Array<{ start: number; end: number }> = [];
  headers.forEach((m, i) => {
    const said = words(m[1]!);
    if (said.size < 2) return;
    const best = Math.max(...examples.map((e) => shareIn(said, e)));
    if (best < 0.8 || shareIn(said, askedWords) >= best) return;
    const next = headers[i + 1]?.index ?? text.length;
    const body = text.slice(m.index + m[0].length, next);
    const answerLine = /\n([^\n]*)/g;
    let end = next;
    for (let a = answerLine.exec(body); a !== null; a = answerLine.exec(body)) {
      if (!ANSWER_LINE.test(a[1]!)) continue;
      const from = m.index + m[0].length + a.index + 1;
      const paragraphEnd = text.indexOf('\n\n', from);
      end = Math.min(next, paragraphEnd < 0 ? text.length : paragraphEnd);
      break;
    }
    out.push({ start: m.index, end });
  });
  return out;
}
