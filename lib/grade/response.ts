import { allMatches, maskThinking } from './text.ts';

/** Words that make "question" a new one: "Next question", "### Bonus problem", "Extra practice question". */
const QUALIFIER = String.raw`(?:next|another|new|follow[- ]?up|bonus|practice|similar|extra|challenge|additional)`;

/**
 * Where a model stopped answering its own question. Small models that were shown few-shot examples
 * keep the pattern going with invented questions and answers; chat models sometimes emit the next
 * turn's header. Text from such a marker on belongs to no question we asked.
 */
const CONTINUATION = new RegExp(
  [
    // "Question:", "Q2.", "**Question 3:**", "### Problem 2", "Next question:", "Follow-up question:".
    String.raw`^[ \t>#*]*(?:QUALIFIER\s+)*(?:question|q|problem|exercise|example|human|user|input|instruction|passage)\s*(?:\d+\s*(?:[:.)]|\**\s*$)|[:.)])`,
    // A heading that only names a new question: "### Follow-up question", "**Another problem**", "Practice question 2".
    String.raw`^[ \t]*(?:(?:#{1,6}[ \t]*(?:\*\*)?|\*\*)[ \t]*(?:QUALIFIER\s+)*|(?:QUALIFIER\s+)+)(?:question|problem|exercise|example)\s*\d*\s*[:.)]?[ \t]*(?:\*\*)?[ \t]*$`,
    // A practice prompt for the reader: "Now you try: ...", "Your turn: ...", "Try this one yourself:".
    String.raw`^[ \t>#*]*(?:now\s+)?(?:you\s+try|your\s+turn|try\s+(?:this|these|it)\s+(?:one\s+)?yourself|try\s+this\s+one|practice\s+(?:problem|question|exercise))\b\s*[:!.]`,
    // An offer of more help after the answer: "Would you like me to solve a similar problem?", "Let me know if ...".
    String.raw`^[ \t>#*]*(?:would\s+you\s+like|do\s+you\s+want|shall\s+I|want\s+me\s+to|let\s+me\s+know\s+if|feel\s+free\s+to|if\s+you(?:'d|’d|\s+would)\s+like)\b`,
    // A label opening a variant of the question after the answer: "Follow-up: If instead ...", "Bonus: ...".
    String.raw`^[ \t>#*]*(?:follow[- ]?up|bonus|variation|variant|extension|challenge)\s*\**\s*[:.)]`,
    String.raw`^[ \t]*\[INST\]`,
    // A base model re-emitting the few-shot header: "The following are multiple choice questions (with answers) about ...".
    String.raw`^[ \t]*the\s+following\s+(?:are|is)\s+(?:a\s+)?multiple[- ]choice\s+questions?\b`,
    // "Here is another question for practice:", "Now let's try another question."
    String.raw`\bhere(?:'s|’s|\s+is|\s+are)\s+(?:another|a\s+new|a\s+similar|a\s+different|the\s+next|one\s+more|some\s+more)\s+(?:question|problem|example|exercise)s?\b`,
    String.raw`\blet(?:'s|’s|\s+us)\s+(?:try|do|solve|look\s+at|consider|move\s+on\s+to)\s+(?:another|a\s+new|a\s+similar|a\s+different|the\s+next|one\s+more)\s+(?:question|problem|example|exercise)s?\b`,
  ]
    .join('|')
    .replaceAll('QUALIFIER', QUALIFIER),
  'gim',
);
/**
 * A line that opens a new question by name ("### Bonus question", "Extra practice question:", "Next problem"):
 * what follows answers a question of the model's own, whether or not an answer to ours came before it.
 */
const NEW_QUESTION = new RegExp(String.raw`^[ \t>#*]*(?:QUALIFIER\s+)+(?:question|problem|exercise)\b`.replaceAll('QUALIFIER', QUALIFIER), 'i');
/** End-of-turn tokens that leaked into the text: nothing after them is part of the answer. */
export const END_TOKENS = /<\|(?:im_end|im_start|endoftext|eot_id|end|user|start_header_id)\|>|<\/s>|<end_of_turn>/g;

export interface Cut {
  /** Offset where reading stops. */
  end: number;
  /** Why reading stops early: 'continuation', 'end_token', 'loop', or null when the whole text is read. */
  reason: 'continuation' | 'end_token' | 'loop' | null;
  /** With reason 'loop': where the loop's first copy begins (the text read is that copy and what came before). */
  loopStart?: number;
}

export interface LoopInfo {
  /** Offset of the first copy of the repeated block. */
  start: number;
  /** Offset where the second copy begins. */
  secondCopy: number;
  copies: number;
}

interface Unit {
  norm: string;
  start: number;
}

/** Sentences and lines, so a loop shows up whether the model repeats paragraphs or phrases. */
function units(text: string): Unit[] {
  const out: Unit[] = [];
  for (const m of allMatches(text, /[^\n.!?]+[.!?]*/g)) {
    const norm = m[0].trim().replace(/\s+/g, ' ').toLowerCase();
    if (norm.length > 0) out.push({ norm, start: m.index + (m[0].length - m[0].trimStart().length) });
  }
  return out;
}

/**
 * A block of sentences repeated at least three times up to the end of the text (the last copy may be
 * cut off mid-way), which is how a model stuck in a loop runs into its token limit.
 */
export function findLoop(text: string): LoopInfo | null {
  const u = units(text);
  const n = u.length;
  for (let period = 1; period <= Math.min(40, Math.floor(n / 3)); period++) {
    // The final unit may be a torn copy (a strict prefix of its counterpart); then the run is measured from the one before it.
    const torn = u[n - 1] && u[n - 1 - period] && u[n - 1 - period]!.norm !== u[n - 1]!.norm && u[n - 1 - period]!.norm.startsWith(u[n - 1]!.norm);
    const lastFull = torn ? n - 1 : n;
    let run = 0;
    for (let i = lastFull - 1; i - period >= 0 && u[i]!.norm === u[i - period]!.norm; i--) run++;
    const copies = Math.floor(run / period) + 1;
    const repeatedChars = u.slice(lastFull - period, lastFull).reduce((sum, x) => sum + x.norm.length, 0) * (copies - 1);
    if (copies >= 3 && repeatedChars >= 40) {
      const first = lastFull - run - period;
      return { start: u[first]!.start, secondCopy: u[first + period]!.start, copies };
    }
  }
  return null;
}

/** An answer label left empty at the end of the text: "Answer:" with nothing after it. */
const EMPTY_ANSWER_LABEL = /(?:^|\n)[ \t>#*]*(?:(?:final|correct|my)\s+)?answer\s*[:：]?[ \t*]*\n\s*$/i;

/** A reply that stops on a word no sentence ends with was cut off mid-sentence. */
export const MID_SENTENCE = /\b(?:the|a|an|that|which|who|of|to|and|or|with|for|in|on|by|as|is|are|was|were|be|but|because|since|than|its|their|this|these|whose|from|into|at)$/i;

/**
 * Decides how much of a (thinking-masked) response to read. A continuation marker only ends the answer
 * once the text before it already holds an answer, or right after an answer label left empty ("Answer:\n\n
 * Question: ..."): a response may well begin by restating "Question: ...". A line that names a new question
 * ("### Bonus question") ends it after any text, since no restatement of ours is called that.
 */
export function readableEnd(text: string, hasAnswer: (prefix: string) => boolean): Cut {
  let end = text.length;
  let reason: Cut['reason'] = null;
  for (const m of allMatches(text, END_TOKENS)) {
    if (text.slice(0, m.index).trim().length > 0) {
      end = m.index;
      reason = 'end_token';
      break;
    }
  }
  for (const m of allMatches(text.slice(0, end), CONTINUATION)) {
    const before = text.slice(0, m.index);
    if (m.index > 0 && before.trim().length > 0 && (NEW_QUESTION.test(text.slice(m.index)) || hasAnswer(before) || EMPTY_ANSWER_LABEL.test(before))) {
      end = m.index;
      reason = 'continuation';
      break;
    }
  }
  const loop = findLoop(text.slice(0, end));
  if (loop) return { end: loop.secondCopy, reason: 'loop', loopStart: loop.start };
  return { end, reason };
}

/**
 * Full-width forms ("（Ｂ）", "答案：３６") folded to ASCII, and the ideographic space to a space: one code unit
 * for one, so offsets are unchanged.
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The response with reasoning hidden, full-width forms folded and carriage returns blanked, offsets unchanged. */
export function prepare(response: string): string {
  return foldWidth(maskThinking(response)).replace(/\r/g, ' ');
}
