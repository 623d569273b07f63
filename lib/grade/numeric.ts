import type { Query } from '../queries/index.ts';
import { extractMathAnswer } from './math-extract.ts';
import { isMathAnswer, mathEqual } from './math-equal.ts';
import { normalizeMath } from './math-normalize.ts';
import type { ExtractionOptions, Grade, NumericOptions } from './types.ts';

/**
 * Grades a numeric or math response: the final answer (see `extractMathAnswer`) against the reference,
 * by value and structure (see `mathEqual`). Throws when the reference is empty, a data error that must
 * not be scored.
 */
export function gradeNumeric(query: Query, response: string, options: NumericOptions & ExtractionOptions = {}): Grade {
  if (!isMathAnswer(query.answer)) throw new Error(`numeric query ${query.id}: reference "${query.answer}" has no value to compare with`);
  const found = extractMathAnswer(response, options);
  return {
    grader: 'numeric',
    pred: found.answer === null ? null : normalizeMath(found.answer).latex,
    correct: found.answer !== null && mathEqual(found.answer, query.answer, options),
    status: found.status,
    rule: found.rule,
    verdict: found.detail,
    span: found.span,
  };
}
