/**
 * Grading: turns a model's response into a Grade. `gradeResponse` dispatches on `query.grader`; the
 * non-judge graders are also exported as synchronous pure functions.
 */
import type { GraderName, Query } from '../queries/types.ts';
import { gradeExact } from './exact.ts';
import { gradeJudge } from './judge.ts';
import type { JudgeCache } from './judge-cache.ts';
import { gradeMc } from './mc.ts';
import { gradeNumeric } from './numeric.ts';
import type { ExtractionOptions, Grade, JudgeModel, NumericOptions } from './types.ts';

export type { ExtractionOptions, Grade, JudgeModel, NumericOptions } from './types.ts';
export { gradeMc, extractMcLetter, referenceLetter, validLetters, type McExtraction } from './mc.ts';
export {
  gradeNumeric, extractNumber, findNumbers, parseNumber, numbersMatch, DEFAULT_ABS_TOL, DEFAULT_REL_TOL,
  type NumberToken, type NumericExtraction,
} from './numeric.ts';
export { gradeExact, normalizeExact } from './exact.ts';
export {
  gradeJudge, JUDGE_PROMPT_TEMPLATE, renderJudgePrompt, judgeQuestion, parseJudgeVerdict,
  type JudgeInputs, type JudgeOptions, type JudgeVerdict,
} from './judge.ts';
export { JudgeCache, judgeCacheKey, type JudgeCacheKeyParts } from './judge-cache.ts';

/** One-line descriptions, for `ipw list`. */
export const GRADERS: Readonly<Record<GraderName, string>> = {
  mc: 'multiple choice: the option letter the response commits to, compared with the reference letter',
  numeric: 'the final number in the response, compared with the reference within a relative tolerance (default 1e-6)',
  exact: 'normalized exact match (case, punctuation, quotes, markdown, articles ignored) of the answer text',
  judge: 'an LLM judge compares the response with the reference answer and replies CORRECT or INCORRECT',
};

export interface GradeOptions extends NumericOptions, ExtractionOptions {
  /** Required for `judge` queries. */
  judge?: JudgeModel;
  judgeCache?: JudgeCache;
}

/** Grades one response. Throws for an invalid reference, or for a judge query without a judge. */
export async function gradeResponse(query: Query, response: string, options: GradeOptions = {}): Promise<Grade> {
  switch (query.grader) {
    case 'mc':
      return gradeMc(query, response, options);
    case 'numeric':
      return gradeNumeric(query, response, options);
    case 'exact':
      return gradeExact(query, response, options);
    case 'judge': {
      const { judge } = options;
      if (!judge) throw new Error(`query ${query.id} needs a judge model (grader "judge")`);
      return gradeJudge(query, response, { ...options, judge });
    }
  }
}
