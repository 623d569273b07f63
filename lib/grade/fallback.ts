import type { Query } from '../queries/index.ts';
import { judgeQuestion } from './judge.ts';
import { judgeCacheKey, type JudgeCache } from './judge-cache.ts';
import { mathEqual } from './math-equal.ts';
import { extractMathAnswer } from './math-extract.ts';
import { normalizeMath } from './math-normalize.ts';
import { choiceCountOf, extractMcAnswer, referenceLetter } from './mc.ts';
import { normalizeExact } from './exact.ts';
import type { Grade, JudgedGrade, JudgeModel, NumericOptions } from './types.ts';

/**
 * Asks the judge what the response's final answer is, without showing it the reference: the judge
 * only reads, so its reading is not pulled towards the expected answer. "NONE" is an allowed reply,
 * because a missing answer must stay missing rather than be guessed into one.
 */
export const EXTRACT_PROMPT_TEMPLATE = `Below is a question and a model's response to it. Report the final answer the response commits to.
{format}
If the response gives no final answer, or hedges between several, reply NONE.

Question:
{question}

Response:
{response}

Final answer (only the answer, or NONE):`;

/** Changing the template changes readings; the suffix keeps cached readings of an older template apart. */
const EXTRACT_VERSION = 'extract-v1';

function formatLine(query: Query): string {
  if (query.grader === 'mc') return 'Reply with the option letter only.';
  if (query.grader === 'numeric') return 'Reply with the final value only, in LaTeX if needed.';
  return 'Reply with the final answer only, as a short phrase.';
}

export function renderExtractPrompt(query: Query, response: string): string {
  const parts: Record<string, string> = { format: formatLine(query), question: judgeQuestion(query), response };
  return EXTRACT_PROMPT_TEMPLATE.replace(/\{(format|question|response)\}/g, (_, name: string) => parts[name] ?? '');
}

/** Reads the judge's reply with the same extractor the grader uses. */
function readReply(query: Query, reply: string, options: NumericOptions): JudgedGrade {
  const none: JudgedGrade = { pred: null, correct: false, status: 'no_answer', raw: reply };
  if (/^\W*none\b/i.test(reply.trim())) return none;
  if (query.grader === 'mc') {
    const reference = referenceLetter(query);
    const found = extractMcAnswer(reply, choiceCountOf(query, reference), query.choices);
    return found.pred === null ? { ...none, status: found.status } : { pred: found.pred, correct: found.pred === reference, status: 'answered', raw: reply };
  }
  if (query.grader === 'numeric') {
    const found = extractMathAnswer(reply);
    if (found.answer === null) return { ...none, status: found.status };
    return { pred: normalizeMath(found.answer).latex, correct: mathEqual(found.answer, query.answer, options), status: 'answered', raw: reply };
  }
  const pred = normalizeExact(reply);
  return pred.length === 0 ? none : { pred, correct: pred === normalizeExact(query.answer), status: 'answered', raw: reply };
}

export interface FallbackOptions extends NumericOptions {
  judge: JudgeModel;
  judgeCache?: JudgeCache;
}

/** Whether a rule-based grade is one the judge fallback should look at. */
export function needsFallback(grade: Grade): boolean {
  return grade.status === 'ambiguous' || grade.status === 'no_answer';
}

/**
 * The grade with the judge's reading attached. When the judge found an answer it decides pred, correct
 * and status (rule "judge_extract"); the rule-based grade is kept under `ruleBased` either way.
 */
export async function withJudgeFallback(query: Query, response: string, grade: Grade, options: FallbackOptions): Promise<Grade> {
  const { judge, judgeCache } = options;
  const prompt = renderExtractPrompt(query, response);
  const name = `${judge.name}#${EXTRACT_VERSION}`;
  const ask = (): Promise<string> => judge.complete(prompt);
  const key = judgeCacheKey({ question: judgeQuestion(query), reference: `(${query.grader} extraction)`, response, judge: name });
  const reply = judgeCache ? await judgeCache.getOrCompute(key, name, ask) : await ask();
  const judged = readReply(query, reply, options);
  const ruleBased = { ...grade };
  if (judged.status !== 'answered') return { ...grade, judged };
  return { ...grade, pred: judged.pred, correct: judged.correct, status: 'answered', rule: 'judge_extract', verdict: reply, span: null, ruleBased, judged };
}
