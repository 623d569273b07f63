import { describe, expect, it } from 'vitest';
import { mathEqual } from '../lib/grade/math-equal.ts';
import { extractMathAnswer } from '../lib/grade/math-extract.ts';
import { extractMcAnswer } from '../lib/grade/mc.ts';
import { MATH_CASES } from './grade-corpus/math.ts';
import { MC_CASES } from './grade-corpus/mc.ts';

describe('grade corpus', () => {
  it('has at least 200 cases covering multiple choice and math', () => {
    expect(MC_CASES.length + MATH_CASES.length).toBeGreaterThanOrEqual(200);
    expect(MATH_CASES.length).toBeGreaterThanOrEqual(80);
  });

  it.each(MC_CASES.map((c, i) => [i, c.tag, c] as const))('mc #%i (%s)', (_, __, c) => {
    const found = extractMcAnswer(c.response, c.choices?.length ?? c.n ?? 4, c.choices, { truncated: c.truncated, question: c.question });
    expect({ pred: found.pred, status: found.status }).toEqual({ pred: c.pred, status: c.status });
    // The span, when there is one, is the text of the response it claims to be.
    if (found.span) expect(c.response.slice(found.span.start, found.span.end)).toBe(found.span.text);
  });

  it.each(MATH_CASES.map((c, i) => [i, c.tag, c] as const))('math #%i (%s)', (_, __, c) => {
    const found = extractMathAnswer(c.response, { truncated: c.truncated });
    const correct = found.answer !== null && mathEqual(found.answer, c.reference);
    expect({ answer: found.answer, status: found.status, correct }).toEqual({ answer: c.answer, status: c.status, correct: c.correct });
    if (found.span) expect(c.response.slice(found.span.start, found.span.end)).toBe(found.span.text);
  });
});
