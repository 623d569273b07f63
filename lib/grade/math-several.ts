/**
 * Math replies that state several values: boxes that together make one answer ("the solutions are $\boxed{3}$ and
 * $\boxed{5}$"), and a loop that alternates between answers ("The answer is 16.\nThe answer is 18.\n..."), which
 * commits to none of them unless an answer came before it.
 */
import { mathEqual } from './math-equal.ts';
import { allMatches } from './text.ts';

/** A final-answer marker as math-extract.ts finds it: the answer text, the rule that read it and where it stands. */
export interface Marker {
  answer: string;
  rule: string;
  start: number;
  end: number;
}

/** What stands between two boxes that list one answer's values: "and", a comma, "&", and math delimiters. */
const JOINED = /^[\s$]*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)[\s$]*$/i;

/**
 * The markers with each run of boxes joined by "and" or commas ("$\boxed{3}$ and $\boxed{5}$", "\boxed{1},
 * \boxed{2}, \boxed{4}") merged into one boxed answer listing their values ("3, 5").
 */
export function joinListedBoxes(text: string, markers: readonly Marker[]): Marker[] {
  const out: Marker[] = [];
  for (const m of markers) {
    const prev = out.at(-1);
    if (prev && prev.rule === 'boxed' && m.rule === 'boxed' && JOINED.test(text.slice(prev.end, m.start))) {
      out[out.length - 1] = { answer: `${prev.answer}, ${m.answer}`, rule: 'boxed', start: prev.start, end: m.end };
    } else out.push(m);
  }
  return out;
}

/** "maybe", "perhaps", "or is it", a question: a marker the reply only wonders about. */
const WONDERS = /\b(?:maybe|perhaps|possibly|probably|or\s+is\s+it|could\s+it\s+be)\b|\?/i;

/**
 * A loop whose repeated block states different answers, each asserted ("The answer is 16.\nThe answer is 18.\n"
 * again and again): the answer stated before the loop, when there is one, else null with `ambiguous` set. A block
 * that only wonders about another value ("Or is it 18? No, 16.") or agrees with itself is no oscillation: undefined.
 */
export function oscillation(text: string, markers: readonly Marker[], loopStart: number): { before: Marker | null } | undefined {
  const inLoop = markers.filter((m) => m.start >= loopStart);
  if (inLoop.length < 2 || inLoop.every((m) => mathEqual(m.answer, inLoop[0]!.answer))) return undefined;
  if (inLoop.some((m) => WONDERS.test(sentenceAround(text, m)))) return undefined;
  return { before: markers.filter((m) => m.end <= loopStart).at(-1) ?? null };
}

/** The sentence (or line) a marker stands in. */
function sentenceAround(text: string, m: Marker): string {
  const before = text.slice(0, m.start);
  const start = Math.max(before.lastIndexOf('\n'), before.search(/[.!?]\s[^.!?]*$/)) + 1;
  const stop = /[.!?](?=\s|$)|\n/.exec(text.slice(m.end));
  return text.slice(start, stop ? m.end + stop.index + 1 : text.length);
}

/** A turn that takes back what came before: "No wait, 18.", "No, 15.", "Actually 18.", "Hmm, 15 again." */
const TURN = /^(?:no(?:pe)?|wait|actually|hmm+|oh|or\s+rather)\b/i;
const TURN_VALUE = /[-−]?\d[\d,]*(?:\.\d+)?(?:\s*\/\s*\d+)?/g;

/**
 * A reply that, after stating `answer`, keeps taking it back and forth ("The answer is 15. No wait, 18. No, 15. No
 * wait, 18. No"): turns that each correct the one before, returning to a value already left. Cut off mid-waver, it
 * settles on none of them.
 */
export function wavers(text: string, answer: string, end: number): boolean {
  const values = [answer];
  for (const sentence of text.slice(end).split(/(?<=[.!?;])\s+|\n+/)) {
    const s = sentence.trim();
    if (!TURN.test(s) || s.endsWith('?')) continue;
    const v = allMatches(s, TURN_VALUE).at(-1)?.[0];
    if (v !== undefined && !mathEqual(v, values.at(-1)!)) values.push(v);
  }
  // Leaving a value, coming back to it and leaving it again: at least three changes of mind.
  return values.length >= 4 && values.slice(2).some((v, i) => mathEqual(v, values[i]!));
}

/** "I'm not sure which is right", "can't tell which one", "cannot decide between them": no choice made. */
const UNDECIDED = /\b(?:not\s+sure|unsure|(?:don(?:'|’)t|do\s+not)\s+know|can(?:'|’|no)t\s+(?:tell|decide|say))\s+(?:which|between)\b/i;

/**
 * A sentence that states two or more different values and says it cannot choose between them ("I get 18 with the
 * first method and 20 with the second; I'm not sure which one is right."): it offers them, committing to none.
 */
export function undecided(sentence: string): boolean {
  if (!UNDECIDED.test(sentence)) return false;
  const values = allMatches(sentence, TURN_VALUE).map((m) => m[0]);
  return values.some((v) => !mathEqual(v, values[0]!));
}
