/**
 * Values a math reply states in prose without any answer marker, read by the weakest rules of math-extract.ts: what
 * the words or math around a bare number make of it ("needs $2\frac{1}{4}$ cups", "a 1 in 6 chance", "minus 8", "5
 * degrees below zero") and, in a reply without a single number, the word a closing sentence ends on ("so g is odd.").
 */
import { allMatches } from './text.ts';

/** What these readings return: the answer text, the rule, and where it stands in the text. */
export interface ProseValue {
  answer: string;
  rule: string;
  start: number;
  end: number;
}

/** Function names and the like that are math, not prose, inside a bare closing expression. */
export const MATH_WORDS = /\b(?:sin|cos|tan|cot|sec|csc|log|ln|exp|sqrt|max|min|mod|gcd|lcm|arcsin|arccos|arctan)\b/g;

/**
 * The inline math ($...$ or \(...\)) around offset `at` on its line, when it is a value ("$2\frac{1}{4}$",
 * "$3 \times 10^4$", "$x = \frac{3}{2}$": the right-hand side), with no variables; else null.
 */
function inlineMathValue(text: string, at: number): ProseValue | null {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
  for (const m of allMatches(text.slice(lineStart, lineEnd), /(?<!\\)\$([^$]+)\$|\\\((.+?)\\\)/g)) {
    const start = lineStart + m.index;
    if (at < start || at >= start + m[0].length) continue;
    const value = (m[1] ?? m[2]!).split('=').at(-1)!.trim();
    const variables = value.replace(/\\[A-Za-z]+/g, ' ').replace(MATH_WORDS, ' ');
    return /\d/.test(value) && !/[A-Za-z]/.test(variables) ? { answer: value, rule: 'last_number', start, end: start + m[0].length } : null;
  }
  return null;
}

/**
 * A bare number, at [start, end), read with what around it changes its value: the inline math value it belongs to
 * ("needs $2\frac{1}{4}$ cups"), odds in a `sentence` about chance ("a 1 in 6 chance"; "18 out of 20 questions"
 * stays a count), a sign in words ("minus 8", not "10 minus 3"), "5 degrees below zero"; null when nothing does.
 */
export function numberInContext(text: string, start: number, end: number, sentence: string): ProseValue | null {
  const number = text.slice(start, end);
  const before = text.slice(Math.max(0, start - 20), start);
  const math = inlineMathValue(text, start);
  if (math) return math;
  const odds = /(?<![\w.])(\d+)\s+(?:in|out\s+of)\s+$/i.exec(before);
  if (odds && /^\d+$/.test(number) && /\b(?:chance|probability|odds|likelihood|likely)\b/i.test(sentence)) {
    return { answer: `${odds[1]} out of ${number}`, rule: 'last_number', start: start - odds[0].length, end };
  }
  if (/^[-−]/.test(number)) return null;
  const signWord = /(?<![\d)]\s*)\b(?:minus|negative)\s+$/i.exec(before);
  if (signWord) return { answer: `-${number}`, rule: 'last_number', start: start - signWord[0].length, end };
  const below = /^\s*(?:°\s*[CF]?|degrees?(?:\s+(?:celsius|fahrenheit|[CF]))?)?\s+below\s+zero\b/i.exec(text.slice(end));
  return below ? { answer: `-${number}`, rule: 'last_number', start, end: end + below[0].length } : null;
}

/** Words after "is" that describe the problem or the work rather than answer it: "The key is to ...", "This is impossible." */
const NOT_AN_ANSWER_WORD = /^(?:to|the|a|an|that|this|it|not|no|how|what|when|where|why|because|very|also|just|still|now|then|so|in|on|at|of|for|by|with|as|given|asked|needed|required|missing|unknown|unclear|impossible|unsolvable|insufficient|incomplete|ambiguous|correct|incorrect|right|wrong|true|false|easy|hard|simple|clear|done|complete|finished|below|above|following)$/i;

/**
 * In a reply with no number at all, the word or short phrase its closing sentence (from `closingAt`) states after
 * its last "is": "so the function is neither even nor odd.", "The shape is a rhombus." Never in a reply that has
 * digits, where the numbers decide.
 */
export function closingWordAnswer(text: string, closingAt: number): ProseValue | null {
  if (/\d/.test(text)) return null;
  const sentence = text.slice(closingAt);
  const verb = allMatches(sentence, /\b(?:is|are|was|will\s+be|must\s+be)\s+/gi).at(-1);
  if (!verb) return null;
  const after = sentence.slice(verb.index + verb[0].length);
  const clause = after.replace(/^(?:an?|the)\s+/i, '').replace(/[.!]\s*$/, '').trim();
  // One or two words ("odd", "right angle"), or "neither X nor Y".
  const short = /^[A-Za-z]+(?:\s+[A-Za-z]+)?$/.test(clause) || /^neither\s+[A-Za-z]+\s+nor\s+[A-Za-z]+$/i.test(clause);
  if (!short || NOT_AN_ANSWER_WORD.test(clause.split(/\s+/)[0]!)) return null;
  const start = closingAt + verb.index + verb[0].length + after.indexOf(clause);
  return { answer: clause, rule: 'final_sentence', start, end: start + clause.length };
}
