/**
 * A complete reply that opened a reasoning block and never closed it, yet ends on a final-answer line set apart by a
 * blank line ("<think>\n... option E.\nDouble-check: ...\n\nFinal answer: E"): the model forgot the closing tag, and
 * that last labelled paragraph is its answer. A reply cut off while still thinking is not read (that model never
 * reached a conclusion), nor is a label inside the reasoning's own running text.
 */
import { blank } from './text.ts';

/** "Final answer: E", "**Answer:** (B)", "Answer: 42" opening the last paragraph. */
const FINAL_LABEL = /^[ \t>#*]*(?:final\s+answer|answer)\s*(?:\*\*)?\s*[:=：]/i;

/**
 * The response with everything before its closing labelled paragraph blanked (offsets kept), when it opens a
 * `<think>` block that it never closes, is not `truncated`, and its last paragraph opens with a final-answer label;
 * else null.
 */
export function unclosedReasoningAnswer(response: string, truncated: boolean | undefined): string | null {
  if (truncated || !/<think>/i.test(response) || /<\/think>/i.test(response)) return null;
  const trimmed = response.trimEnd();
  const paragraph = trimmed.lastIndexOf('\n\n');
  if (paragraph < 0 || paragraph < response.search(/<think>/i)) return null;
  const start = paragraph + 2 + (/^\s*/.exec(trimmed.slice(paragraph + 2))?.[0].length ?? 0);
  return FINAL_LABEL.test(trimmed.slice(start)) ? blank(response, 0, start) : null;
}
