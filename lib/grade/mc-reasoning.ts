/**
 * A multiple-choice reply that is only closed reasoning: "<think>... So the answer is C.\n</think>" with nothing
 * after it. Usually the reasoning is hidden (a model deliberates over every option there), but when the visible
 * part is empty the reasoning's final commitment is the only one the model made, and a careful reader underlines
 * it. The block is read with the same commitment model (its final commitment wins; loops, hedges and withdrawals
 * apply as usual) and the grade says where the answer came from. A block left open (a reply cut off while still
 * thinking) is not read: that model never reached a conclusion.
 */
import type { McExtraction } from './mc.ts';
import { END_TOKENS, prepare } from './response.ts';
import { blank } from './text.ts';

/** The rule of an answer read from inside the reasoning. */
export const IN_REASONING = 'in_reasoning';

const THINK_TAG = /<\/?think>/gi;

/**
 * The response with its reasoning tags (and leaked end-of-turn tokens) blanked, when all it holds is reasoning
 * that was closed ("<think>...</think>", or "...</think>" after a template ate the opening tag) with nothing
 * visible after it; null otherwise. Offsets are unchanged.
 */
export function reasoningOnly(response: string): string | null {
  const tags = [...response.matchAll(THINK_TAG)];
  const last = tags.at(-1);
  if (!last || !last[0].startsWith('</')) return null;
  const visible = prepare(response).replace(END_TOKENS, (m) => ' '.repeat(m.length));
  if (visible.trim().length > 0) return null;
  const untagged = tags.reduce((out, m) => blank(out, m.index, m.index + m[0].length), response);
  return [...untagged.matchAll(END_TOKENS)].reduce((out, m) => blank(out, m.index, m.index + m[0].length), untagged);
}

/**
 * The extraction of a reasoning-only reply, given `read`, the ordinary reading of `reasoning` (the text
 * `reasoningOnly` returned). An answer found there is reported with rule `in_reasoning`; the rule that read it
 * stays in the detail. With nothing committed there, the reply has no answer, as any reply without one.
 */
export function fromReasoning(response: string, read: McExtraction, truncated: boolean): McExtraction {
  const where = 'read from inside the reasoning, nothing follows it';
  const respan = (s: { start: number; end: number }) => ({ start: s.start, end: s.end, text: response.slice(s.start, s.end) });
  const candidates = read.candidates.map((c) => ({ ...c, span: respan(c.span) }));
  const span = read.span && respan(read.span);
  if (read.pred !== null) return { ...read, rule: IN_REASONING, span, candidates, detail: `${where} (${read.rule}): ${read.detail}` };
  // Cut off right after closing the reasoning: the answer was about to be written.
  const status = truncated && read.status === 'no_answer' ? 'truncated' : read.status;
  const detail = read.status === 'no_answer' ? 'only reasoning, and it commits to no option' : `${where}: ${read.detail}`;
  return { ...read, status, span, candidates, detail };
}
