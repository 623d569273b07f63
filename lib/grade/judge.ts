import type { Query } from '../queries/index.ts';
import { JudgeCache, judgeCacheKey } from './judge-cache.ts';
import { stripThinking } from './text.ts';
import type { ExtractionOptions, Grade, GradeStatus, JudgeModel } from './types.ts';

/**
 * The judge prompt. Why it is shaped this way:
 * - The reference answer is given, so the judge compares rather than solves: local judges are often no
 *   stronger than the model being graded, and comparing is a much easier task than answering.
 * - Equivalence is spelled out (other wording, extra explanation is fine; hedging or a different final
 *   answer is not), because small judges otherwise punish verbosity or reward answers that list options.
 * - The response sits last among the inputs, and the instruction after it, so even a long response
 *   cannot push the instruction out of the judge's attention.
 * - A single word, CORRECT or INCORRECT, keeps judge generation short (judging is overhead we do not
 *   want to pay in time or energy) and parseable with one regular expression.
 * Placeholders: {question}, {reference}, {response}. Changing this text changes verdicts, so also change
 * the judge name used for caching (e.g. append a prompt version), or old verdicts will be reused.
 */
export const JUDGE_PROMPT_TEMPLATE = `You are grading a response to a question against a reference answer.
The response is CORRECT if its final answer means the same as the reference answer, even if it is worded differently or includes extra explanation.
The response is INCORRECT if its final answer differs from the reference, is missing, or hedges between several answers.

Question:
{question}

Reference answer:
{reference}

Response:
{response}

Is the response correct? Reply with a single word: CORRECT or INCORRECT.`;

export interface JudgeInputs {
  question: string;
  reference: string;
  response: string;
}

/** Fills the template in one pass, so placeholder-like text inside a response is never substituted again. */
export function renderJudgePrompt(inputs: JudgeInputs, template: string = JUDGE_PROMPT_TEMPLATE): string {
  return template.replace(/\{(question|reference|response)\}/g, (_, name: keyof JudgeInputs) => inputs[name]);
}

/** The question as the graded model saw it: options are part of it when the query has them. */
export function judgeQuestion(query: Query): string {
  if (!query.choices || query.choices.length === 0) return query.prompt;
  const options = query.choices.map((choice, i) => `${String.fromCharCode(65 + i)}. ${choice}`);
  return `${query.prompt}\n\n${options.join('\n')}`;
}

export type JudgeVerdict = 'CORRECT' | 'INCORRECT' | null;

/**
 * The first CORRECT or INCORRECT as a whole word, case-insensitive, outside closed <think> blocks.
 * "NOT CORRECT" reads as INCORRECT. Anything else is null (no verdict).
 */
export function parseJudgeVerdict(text: string): JudgeVerdict {
  const m = /\b(not\s+correct|incorrect|correct)\b/i.exec(stripThinking(text));
  if (!m?.[1]) return null;
  return m[1].toLowerCase() === 'correct' ? 'CORRECT' : 'INCORRECT';
}

export interface JudgeOptions extends ExtractionOptions {
  judge: JudgeModel;
  /** Without a cache every call asks the judge. */
  judgeCache?: JudgeCache;
}

/** Grades a free-form response with an LLM judge; an empty response is not sent to the judge. */
export async function gradeJudge(query: Query, response: string, options: JudgeOptions): Promise<Grade> {
  if (stripThinking(response).trim().length === 0) {
    const status: GradeStatus = options.truncated ? 'truncated' : 'no_answer';
    return { grader: 'judge', pred: null, correct: false, status, rule: 'empty', verdict: '' };
  }
  const inputs: JudgeInputs = { question: judgeQuestion(query), reference: query.answer, response };
  const { judge, judgeCache } = options;
  const ask = (): Promise<string> => judge.complete(renderJudgePrompt(inputs));
  const raw = judgeCache
    ? await judgeCache.getOrCompute(judgeCacheKey({ ...inputs, judge: judge.name }), judge.name, ask)
    : await ask();
  const verdict = parseJudgeVerdict(raw);
  return {
    grader: 'judge',
    pred: verdict,
    correct: verdict === 'CORRECT',
    status: verdict === null ? 'ambiguous' : 'answered',
    rule: verdict === null ? 'judge_unparsed' : 'judge_verdict',
    verdict: raw,
  };
}
