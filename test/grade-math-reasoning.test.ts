/**
 * A math reply that is only closed reasoning: the block's final committed value is read, and the grade says so
 * (rule `in_reasoning`, the rule that read it in the detail), as for multiple choice. A block left open is not read.
 */
import { describe, expect, it } from 'vitest';
import { extractMathAnswer } from '../lib/grade/math-extract.ts';

describe('math reply that is only reasoning', () => {
  it('reads the closed block and says where the answer came from', () => {
    const response = '<think>\n4 rows of 9 is 36, plus the driver: 37.\nSo the answer is 37.\n</think>';
    const found = extractMathAnswer(response);
    expect(found).toMatchObject({ answer: '37', status: 'answered', rule: 'in_reasoning' });
    expect(found.detail).toBe('read from inside the reasoning, nothing follows it (answer_is): 37');
    expect(found.span?.text).toBe(response.slice(found.span!.start, found.span!.end));
  });

  it('reads a block whose opening tag the template ate', () => {
    expect(extractMathAnswer('5 + 7 + 9 = 21, so the perimeter is 21.\n</think>\n<|im_end|>')).toMatchObject({ answer: '21', rule: 'in_reasoning' });
  });

  it('applies the ordinary rules inside the block', () => {
    expect(extractMathAnswer('<think>It is either 16 or 17, I cannot tell.</think>')).toMatchObject({ answer: null, status: 'ambiguous' });
    expect(extractMathAnswer('<think>So the answer is \\boxed{18}. Hmm, no, that is wrong and I cannot fix it.</think>')).toMatchObject({ answer: null, status: 'no_answer' });
  });

  it('does not read an answer after the block from inside it', () => {
    expect(extractMathAnswer('<think>maybe 3</think>\nThe answer is 4.')).toMatchObject({ answer: '4', rule: 'answer_is' });
  });

  it('leaves a block cut off while open unread', () => {
    expect(extractMathAnswer('<think>\nSo far 21, and then', { truncated: true })).toMatchObject({ answer: null, status: 'truncated' });
  });

  it('says truncated when cut off right after a block that states nothing', () => {
    expect(extractMathAnswer('<think>Let me set up the sum.</think>', { truncated: true })).toMatchObject({ answer: null, status: 'truncated' });
    expect(extractMathAnswer('<think>Let me set up the sum.</think>')).toMatchObject({ answer: null, status: 'no_answer', detail: 'only reasoning, and it states no answer' });
  });
});
