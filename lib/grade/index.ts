/**
 * Grading: turns a model's response into a Grade. `gradeResponse` dispatches on `query.grader`; `gradeRecords`
 * regrades saved outputs (`ipw grade`).
 */
import type { GraderName, Query } from '../queries/index.ts';
import { gradeBfcl } from './bfcl.ts';
import { gradeExact } from './exact.ts';
import { needsFallback, withJudgeFallback } from './fallback.ts';
import { gradeJudge } from './judge.ts';
import type { JudgeCache } from './judge-cache.ts';
import { gradeMc } from './mc.ts';
import { gradeNumeric } from './numeric.ts';
import type { ExtractionOptions, Grade, JudgeModel, NumericOptions } from './types.ts';

export type { ExtractionOptions, Grade, GradeSpan, GradeStatus, JudgedGrade, JudgeModel, NumericOptions } from './types.ts';
export { gradeJudge, type JudgeOptions } from './judge.ts';
export { gradeBfcl, standardizeBfclString, type BfclCheck } from './bfcl.ts';
export { jsonValueAt } from './text.ts';
export { JudgeCache } from './judge-cache.ts';
export {
  parseGradeRecords, readGradeRecords, gradeRecords, summarizeVerdicts, compareVerdicts, RULE_SETS,
  type GradeRecord, type RecordProblem, type Verdict, type RuleSetName, type VerdictSummary, type Comparison,
} from './records.ts';
export {
  cohenKappa, judgeAgreement, JUDGE_AGREEMENT_FILE,
  type AgreementOptions, type AgreementSummary, type JudgeReading, type JudgeScope, type PairAgreement,
} from './agreement.ts';
export {
  regrade, recordsFromResults, formatVerdictSummary, formatComparison,
  type RegradeInput, type RegradeOptions, type RegradeResult, type RegradeRow, type RegradeComparison,
} from './regrade.ts';

/** One-line descriptions, for `ipw list`. */
export const GRADERS: Readonly<Record<GraderName, string>> = {
  mc: 'multiple choice: the option the response finally commits to (letter or option text), compared with the reference letter',
  numeric: 'the final answer (\\boxed, "the answer is", JSON, bold) compared with the reference by value, LaTeX-aware (CAS), sets and tuples included',
  exact: 'normalized exact match (case, punctuation, quotes, markdown, articles ignored) of the answer text',
  judge: 'an LLM judge compares the response with the reference answer and replies CORRECT or INCORRECT',
  bfcl: 'function calls (JSON, tool_calls or Python syntax) matched against BFCL possible answers, AST-style: name, required and unknown arguments, allowed values',
};

export interface GradeOptions extends NumericOptions, ExtractionOptions {
  /** Required for `judge` queries, and for `judgeFallback`. */
  judge?: JudgeModel;
  judgeCache?: JudgeCache;
  /**
   * When the rules find no answer or an ambiguous one, ask the judge to read the answer out of the
   * response. Both readings are kept on the grade (`ruleBased`, `judged`). Needs `judge`.
   */
  judgeFallback?: boolean;
}

function gradeByRules(query: Query, response: string, options: GradeOptions): Grade | null {
  switch (query.grader) {
    case 'mc':
      return gradeMc(query, response, options);
    case 'numeric':
      return gradeNumeric(query, response, options);
    case 'exact':
      return gradeExact(query, response, options);
    case 'bfcl':
      return gradeBfcl(query, response, options);
    case 'judge':
      return null;
  }
}

/** Grades one response. Throws for an invalid reference, or for a judge query (or fallback) without a judge. */
export async function gradeResponse(query: Query, response: string, options: GradeOptions = {}): Promise<Grade> {
  const { judge } = options;
  const byRules = gradeByRules(query, response, options);
  if (byRules === null) {
    if (!judge) throw new Error(`query ${query.id} needs a judge model (grader "judge")`);
    return gradeJudge(query, response, { ...options, judge });
  }
  if (!options.judgeFallback || !needsFallback(byRules)) return byRules;
  if (!judge) throw new Error(`query ${query.id}: judgeFallback needs a judge model`);
  return withJudgeFallback(query, response, byRules, { ...options, judge });
}
