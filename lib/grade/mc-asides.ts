/**
 * Letters a multiple-choice reply mentions without committing to them, for the weak readings of `mc.ts` (a marked
 * letter, a lone capital, a letter line): a mention is not a commitment. A careful reader does not underline
 * - a letter that is a word or a symbol: a grade after an article ("gets a B"), a unit after a number ("2 A"), a
 *   name set off by an appositive ("B, boron, has ..."), a concentration "[A]", a letter after "in"/"of" ("second
 *   order in A"), a letter in "ni A ni B";
 * - a letter said to do something only hypothetically ("C would be carbon", "B would trigger ...");
 * - a letter in a clause that frames it as the trap or a concession ("B is tempting because ...", "One might choose
 *   D", "Many students pick (A)", "aunque D ..."), or in a sentence that gives it partial credit ("at best half
 *   right") or uses it as an example ("For instance, ... as in option (C), ...").
 */
import { textSpan } from './mc-read.ts';

/** Conjunctions and adverbs that open a reason or a verdict after "B, ...", not an appositive naming the letter. */
const NOT_APPOSITIVE = new Set(['because', 'since', 'as', 'so', 'but', 'and', 'or', 'which', 'though', 'although', 'then', 'that', 'not', 'definitely', 'probably', 'clearly', 'certainly', 'surely', 'obviously', 'i', 'ie', 'for', 'with', 'due', 'given', 'while', 'whereas', 'if', 'unless', 'thus', 'hence', 'therefore', 'the', 'a', 'an']);

/** A clause that frames the option it names as a trap or a concession. */
const TRAP_CLAUSE = /\b(?:tempting|tempted|one\s+(?:might|could|may)|you\s+(?:might|could|may)\s+(?:choose|pick|select|think)|(?:many|some|most)\s+(?:students|people|test[- ]takers|readers)|common\s+(?:mistake|error|trap|pitfall)|distractor|aunque|although|even\s+though|obwohl|même\s+si|anche\s+se|embora)\b/i;

/** A sentence that gives an option partial credit or uses it as an example. */
const PARTIAL_OR_EXAMPLE = /\b(?:partial\s+credit|half[- ](?:right|correct)|(?:partly|partially)\s+(?:right|correct|true)|at\s+best)\b|^\s*(?:for\s+(?:instance|example)|e\.g\.|suppose|say)\b/i;

/** The clause around `at`: from the last comma, semicolon, colon, "but" or sentence end before it to the next after it. */
function clauseAround(text: string, at: number): string {
  const before = text.slice(0, at);
  const opened = Math.max(...[...before.matchAll(/[,;:\n]|[.!?](?=\s)|\bbut\b/g)].map((m) => m.index + m[0].length), 0);
  const rest = /^[^,;:\n.!?]*/.exec(text.slice(at))?.[0] ?? '';
  return text.slice(opened, at) + rest;
}

/** The sentence around `at`. */
function sentenceAround(text: string, at: number): string {
  const before = text.slice(0, at);
  const opened = Math.max(...[...before.matchAll(/\n|[.!?](?=\s)/g)].map((m) => m.index + m[0].length), 0);
  const rest = /^(?:[^\n.!?]|[.!?](?!\s|$))*/.exec(text.slice(at))?.[0] ?? '';
  return text.slice(opened, at) + rest;
}

/** Whether the letter at `at` (its own offset, wrapped or not) is only mentioned, as above. */
export function mentionOnly(text: string, at: number): boolean {
  // What stands before the letter, without its wrapping ("option (").
  const before = `${text.slice(Math.max(0, at - 40), at).replace(/(?:(?:option|choice)\s+)?[(\[]?\s*$/i, '')} `;
  const after = text.slice(at + 1).replace(/^[)\]]/, '');
  if (/(?:^|[^A-Za-z\u00C0-\u017F])(?:a|an)\s+$/.test(before) && !/(?:^|\s)[éeè]\s+(?:a|an)\s+$/.test(before)) return true;
  if (/\d\s*$/.test(before)) return true;
  if (/(?:^|\s)(?:ni|weder|noch|nor|neither)\s+$/i.test(before)) return true;
  const bare = !/[(\[]\s*$|\b(?:option|choice)\s+$/i.test(text.slice(Math.max(0, at - 10), at));
  if (bare && /(?:^|\s)(?:in|of|on|from|per|into|within)\s+$/.test(before)) return true;
  // "doubling [A] quadruples the rate": a concentration inside a sentence, not "[C]" as a reply.
  if (text[at - 1] === '[' && text[at + 1] === ']' && text[at - 2] !== '[' && text[at + 2] !== ']' && /[a-z]{3}/.test(sentenceAround(text, at))) return true;
  if (/^\s+(?:would|could|might)\b/.test(after) && !/^\s+(?:would|could|might)\s+(?:be|make|seem)\s+(?:my|the|a|an)\s+(?:\w+\s+)?(?:answer|choice|pick|option|one)\b/.test(after)) return true;
  const appositive = /^,\s+(?:(?:the|an?)\s+)?([a-z][a-z-]*)(?:\s+[a-z][a-z-]*){0,3},/.exec(after);
  if (appositive && !NOT_APPOSITIVE.has(/^,\s+([a-z]+)/.exec(after)![1]!)) return true;
  if (TRAP_CLAUSE.test(clauseAround(text, at))) return true;
  return PARTIAL_OR_EXAMPLE.test(sentenceAround(text, at));
}

/**
 * "I. Setting up" opening a reply that also has a "II." heading: a roman section heading, not option I; "A: Let's work
 * it out." opening a reply: a base model's answer label, not option A.
 */
export function headingLine(text: string, lineStart: number): boolean {
  const line = text.slice(lineStart, text.indexOf('\n', lineStart) < 0 ? undefined : text.indexOf('\n', lineStart));
  if (/^\s*I\.\s+[A-Z][a-z]/.test(line) && /(?:^|\n)\s*II\.\s/.test(text)) return true;
  return lineStart === 0 && /^\s*A:\s+(?:let's|let\s+(?:me|us)|we\b|first\b|okay\b|ok\b|sure\b|well\b)/i.test(line);
}

/** Words right before an option's text that deny it: "it isn't 36 N", "not the nucleus". */
const DENIED_BEFORE = /(?:\bnot|n't|n’t|\bnever)\s+(?:\S+\s+){0,2}$/i;

/**
 * The option's text is only mentioned, never stated as the answer: every mention stands in an example, a trap or a
 * partial-credit aside, in a sentence that opens with "No" (the answer to a question the reply asked itself: "Is
 * it osmosis? No, osmosis is for water."), or in a list of names ("Hepatitis B and D spread through blood"); or the
 * last mention denies it ("It's 36 N. Hmm, no, ... it isn't 36 N."). `optionText` is normalized.
 */
export function textMentionOnly(text: string, optionText: string): boolean {
  if (optionText.length === 0) return false;
  const mentions: Array<{ start: number; end: number }> = [];
  let from = 0;
  for (let at = textSpan(text.slice(from), optionText); at; at = textSpan(text.slice(from), optionText)) {
    mentions.push({ start: from + at.start, end: from + at.end });
    from += at.end;
  }
  if (mentions.length === 0) return false;
  const last = mentions.at(-1)!;
  if (DENIED_BEFORE.test(text.slice(Math.max(0, last.start - 30), last.start))) return true;
  return mentions.every(({ start, end }) => {
    const sentence = sentenceAround(text, start);
    return TRAP_CLAUSE.test(clauseAround(text, start)) || PARTIAL_OR_EXAMPLE.test(sentence) || /^\s*No\b/.test(sentence) || /^\s*(?:,|and|or|&)\s*[A-Z](?![A-Za-z0-9])/.test(text.slice(end));
  });
}

/** "I retract it", "I take that back", "Actually, no:", "Sorry, I mislabelled": the reply takes back what it just said. */
const RETRACTION = /\bI\s+(?:retract|withdraw|take\s+back)\s+(?:it|that|this|my\s+(?:answer|choice|pick))\b|\b(?:actually|wait|hmm+)\s*[,.!—–-]?\s*no\s*[:;,.!—–-]|\bI\s+mis(?:labell?ed|read|typed|wrote|spoke)\b/gi;

/** Where each retraction starts; `mc.ts` treats them as doubts cast on the option named just before. */
export function retractionsAt(text: string): number[] {
  return [...text.matchAll(RETRACTION)].map((m) => m.index);
}
