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
import { normalizeOption, textSpan } from './mc-read.ts';

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
  const appositive = /^,\s+(?:(?:the|an?)\s+)?([A-Za-z][A-Za-z-]*)(?:\s+[A-Za-z][A-Za-z-]*){0,3},/.exec(after);
  if (appositive && !NOT_APPOSITIVE.has(appositive[1]!.toLowerCase()) && !/\b(?:answer|option|choice|correct|right|best|one)\b/i.test(appositive[0])) return true;
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
    // "F#" is not the note F.
    if (/^[#♯♭]/.test(text.slice(end)) || /[#♯♭]$/.test(text.slice(start, end))) return true;
    return TRAP_CLAUSE.test(clauseAround(text, start)) || PARTIAL_OR_EXAMPLE.test(sentence) || /^\s*No\b/.test(sentence) || (/\s[A-Z]$/.test(text.slice(start, end)) && /^\s*(?:,|and|or|&)\s*[A-Z](?![A-Za-z0-9])/.test(text.slice(end)));
  });
}

/** "I retract it", "I take that back", "Actually, no:", "Sorry, I mislabelled": the reply takes back what it just said. */
const RETRACTION = /\bI\s+(?:retract|withdraw|take\s+back)\s+(?:it|that|this|my\s+(?:answer|choice|pick))\b|\bI\s+take\s+(?:it|that|this)\s+back\b|\b(?:actually|wait|hmm+)\s*[,.!—–-]?\s*no\s*[:;,.!—–-]|\bI\s+mis(?:labell?ed|read|typed|wrote|spoke)\b/gi;

/** Where each retraction starts; `mc.ts` treats them as doubts cast on the option named just before. */
export function retractionsAt(text: string): number[] {
  return [...text.matchAll(RETRACTION)].map((m) => m.index);
}

/**
 * "For part (a) the answer is B; part (b), which is what this question asks, ...": an answer scoped to another part
 * of the problem than the one asked. Whether the commitment at `at` stands in such a clause.
 */
export function scopedToOtherPart(text: string, at: number): boolean {
  const clause = text.slice(0, at).split(/[.!?](?=\s)|[;\n]/).at(-1) ?? '';
  const part = /^\s*(?:for|in)\s+(?:part|question|problem)\s*\(?([a-z0-9]{1,3})\)?/i.exec(clause);
  if (!part) return false;
  const other = new RegExp(String.raw`\b(?:part|question|problem)\s*\(?(?!${part[1]}\b)[a-z0-9]{1,3}\)?`, 'i');
  return other.test(text.slice(at));
}

const STOP = new Set(['which', 'what', 'following', 'these', 'those', 'that', 'this', 'with', 'from', 'does', 'have', 'most', 'best', 'statement', 'statements', 'option', 'options', 'true', 'false', 'correct', 'answer', 'about', 'there', 'their', 'they', 'when', 'where', 'will', 'would', 'should', 'could', 'into', 'than', 'then', 'each', 'some']);

/** Content words of four letters or more, cut to their first five letters so "synthesizes" meets "synthesis". */
function stems(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !STOP.has(w)).map((w) => w.slice(0, 5)));
}

/**
 * With the question known: the option's text stands only in clauses that share no content word with what the
 * question asks ("that copy is made in the nucleus" for "Which organelle synthesizes proteins?"), so it describes
 * something else. False when the question shares no word with any clause of the reply (nothing to go on).
 */
export function offTopicText(text: string, optionText: string, ask: string): boolean {
  const asked = stems(ask);
  if (asked.size === 0 || optionText.length === 0) return false;
  const clauses = text.split(/[,;:\n]|[.!?](?=\s|$)|\b(?:but|and)\b/);
  const onTopic = (c: string): boolean => [...stems(c)].some((w) => asked.has(w));
  if (!clauses.some(onTopic)) return false;
  const naming = clauses.filter((c) => textSpan(c, optionText) !== null);
  // Only where the text is a place or a subject in that clause ("made in the nucleus", "the nucleus stores the DNA"),
  // not what the clause says something is ("That would be C", "C'est la mitochondrie").
  const described = (c: string): boolean => {
    const before = c.slice(0, textSpan(c, optionText)!.start);
    return /(?:^|\s)(?:in|into|from|at|on|inside|within|to|of|by)\s+(?:(?:the|a|an)\s+)?$/i.test(before) || /^\s*(?:(?:and|while|whereas)\s+)?(?:(?:the|a|an)\s+)?$/i.test(before);
  };
  return naming.length > 0 && !naming.some(onTopic) && naming.every(described);
}

/**
 * "It comes down to A or C, and I can't decide between them": the two options a sentence names before "between
 * them" / "between the two". Not a refusal that sends the reader elsewhere ("I can't help choose between (A) and
 * (B) ...; please ask a pharmacist"): that declines.
 */
export function tornBetweenNamed(sentence: string, letters: string): string[] {
  if (declinesToHelp(sentence)) return [];
  if (!/\bbetween\s+(?:them|the\s+two|these\s+two|those\s+two)\b/i.test(sentence)) return [];
  const named = [...sentence.matchAll(new RegExp(String.raw`(?<![A-Za-z0-9])[(\[]?([${letters}])[)\]]?(?![A-Za-z0-9])`, 'g'))].map((m) => m[1]!);
  const distinct = [...new Set(named)];
  return distinct.length === 2 ? distinct : [];
}

/** Whether a refusal sentence sends the reader elsewhere ("please ask a pharmacist"): a refusal, not indecision. */
export function declinesToHelp(sentence: string): boolean {
  return /\bcan(?:'t|’t|not)\s+help\b|\bplease\s+(?:ask|consult|see|contact)\b/i.test(sentence);
}

/**
 * "The correct answer:\n(A) 12 N\n(B) 24 N\n(C) 3": the last re-listed option line stops short of that option's
 * text, so the reply was cut off while listing. `options` are normalized.
 */
export function listCutShort(text: string, letters: string, options: readonly string[], normalize: (s: string) => string): boolean {
  const m = /(?:^|\n)[ \t]*[(\[]?([A-Z])[)\].:]\s+([^\n]+)$/.exec(text.trimEnd());
  if (!m || !letters.includes(m[1]!)) return false;
  const option = options[letters.indexOf(m[1]!)] ?? '';
  const said = normalize(m[2]!);
  return said.length > 0 && option.length > said.length && option.startsWith(said);
}

/**
 * "A score of 85 ... so the student gets a B." where the options are one family of lettered names ("Grade A", ...,
 * "Grade D"): the closing letter names the option "Grade B". The option's letter and where the name stands, or null.
 */
export function closingLetterName(text: string, ctx: { letters: string; options: readonly string[] }): { letter: string; start: number; end: number } | null {
  const m = /\b(?:is|gets|receives|earns|get|be|was)\s+(?:an?\s+)?([A-Z])[.!]?\s*$/.exec(text.trimEnd());
  if (!m || ctx.options.length < 2) return null;
  const family = ctx.options.map((o) => /^([a-z]+)\s+([a-z])$/.exec(o));
  if (family.some((f) => f === null) || new Set(family.map((f) => f![1])).size !== 1) return null;
  const index = family.findIndex((f) => f![2] === m[1]!.toLowerCase());
  const letter = ctx.letters[index];
  if (index < 0 || letter === undefined) return null;
  const start = m.index + m[0].lastIndexOf(m[1]!);
  return { letter, start, end: start + 1 };
}

/**
 * "So the true ones are I and III." where an option reads "I and III only": the closing predicate names roman
 * statements that one option's text lists. The option's letter and where the statements stand, or null.
 */
export function closingStatements(text: string, ctx: { letters: string; options: readonly string[] }): { letter: string; start: number; end: number } | null {
  const m = /\b(?:are|is)\s+(?:statements?\s+)?([IVX]+(?:\s*(?:,|and|&)\s*[IVX]+)*)\s*[.!]?\s*$/.exec(text.trimEnd());
  if (!m) return null;
  const said = normalizeOption(m[1]!);
  const matching = ctx.options.flatMap((o, i) => (o === said || o === `${said} only` ? [i] : []));
  const letter = matching.length === 1 ? ctx.letters[matching[0]!] : undefined;
  if (letter === undefined) return null;
  const start = m.index + m[0].indexOf(m[1]!);
  return { letter, start, end: start + m[1]!.length };
}

/**
 * A commitment-shaped phrase that only gives partial credit, concedes or illustrates: "(D) gets the direction right,
 * so it is partly correct at best", "B is tempting", "For example, ... the answer would be (C)". Whether the option
 * named at `at` stands in such a sentence (or, for a trap or concession, clause).
 */
export function asideAt(text: string, at: number): boolean {
  return TRAP_CLAUSE.test(clauseAround(text, at)) || PARTIAL_OR_EXAMPLE.test(sentenceAround(text, at));
}
