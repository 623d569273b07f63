/**
 * Math responses in the styles real models write: the final answer a careful reader takes (as written,
 * before normalization), whether it equals the reference, and the status.
 */
import type { GradeStatus } from '../../lib/grade/types.ts';

export interface MathCase {
  tag: string;
  response: string;
  reference: string;
  /** The extracted answer text, or null. */
  answer: string | null;
  correct: boolean;
  status: GradeStatus;
  truncated?: boolean;
}

const ok = (tag: string, response: string, reference: string, answer: string): MathCase => ({ tag, response, reference, answer, correct: true, status: 'answered' });
const wrong = (tag: string, response: string, reference: string, answer: string): MathCase => ({ tag, response, reference, answer, correct: false, status: 'answered' });

export const MATH_CASES: MathCase[] = [
  // \boxed{} with nested braces; the last box wins.
  ok('boxed', 'So the total is \\boxed{\\frac{1}{2}}.', '0.5', '\\frac{1}{2}'),
  ok('boxed', 'Simplifying, $\\boxed{2\\sqrt{2}}$.', '\\sqrt{8}', '2\\sqrt{2}'),
  ok('boxed', 'First guess \\boxed{3}, but recomputing gives \\boxed{4}.', '4', '4'),
  ok('boxed', 'The final answer is $\\boxed{\\frac{\\pi}{2}}$. I hope it is correct.', '\\pi/2', '\\frac{\\pi}{2}'),
  ok('boxed', '$$\\boxed{\\dfrac{3}{4}}$$', '\\frac34', '\\dfrac{3}{4}'),
  ok('boxed', '\\boxed{x^{2}+2x+1}', '(x+1)^2', 'x^{2}+2x+1'),
  ok('boxed', 'Therefore $x = \\boxed{-\\frac{1}{3}}$', '-1/3', '-\\frac{1}{3}'),
  ok('boxed', 'Answer: \\boxed{\\{1, 2, 3\\}}', '\\{3,2,1\\}', '\\{1, 2, 3\\}'),
  ok('boxed', '\\boxed{\\left( 3, \\frac{\\pi}{2} \\right)}', '\\left( 3, \\frac{\\pi}{2} \\right)', '\\left( 3, \\frac{\\pi}{2} \\right)'),
  ok('boxed', '\\fbox{12}', '12', '12'),
  wrong('boxed', 'Hence \\boxed{6\\sqrt{2}}.', '6', '6\\sqrt{2}'),
  wrong('boxed', 'The roots give \\boxed{-1 + i}.', '-1', '-1 + i'),
  wrong('boxed', '\\boxed{\\frac{2}{3}}', '\\frac{3}{2}', '\\frac{2}{3}'),
  ok('boxed', 'The answer is \\boxed{5}. Check: 2+3 = 5.', '5', '5'),
  // "the answer is"
  ok('answer_is', 'the answer is 42', '42', '42'),
  ok('answer_is', 'Thus the answer is 42, because 6 times 7 is 42.', '42', '42'),
  ok('answer_is', 'The answer is $\\frac{1}{2}$.', '0.5', '\\frac{1}{2}'),
  wrong('answer_is', 'The answer is $6\\sqrt{2}$.', '6', '6\\sqrt{2}'),
  ok('answer_is', 'Final Answer: The final answer is 2,000. I hope it is correct.', '2000', '2,000'),
  ok('answer_is', 'The final answer is: 17', '17', '17'),
  ok('answer_is', 'So, the answer to the problem is 3.5 hours.', '3.5', '3.5 hours'),
  ok('answer_is', 'The answer is 3. Then 5 more steps to verify.', '3', '3'),
  ok('answer_is', 'Answer: 1.5', '\\frac{3}{2}', '1.5'),
  ok('answer_is', 'Answer: $x = 7$', '7', 'x = 7'),
  ok('answer_is', 'The answer is 90°.', '90', '90°'),
  ok('answer_is', 'The answer is $30^\\circ$.', '30', '30^\\circ'),
  ok('answer_is', 'The answer is 25%.', '25\\%', '25%'),
  ok('answer_is', 'The answer is $10\\%$', '0.1', '10\\%'),
  ok('answer_is', 'The answer is \\$18.50.', '18.5', '\\$18.50'),
  ok('answer_is', 'The answer is 12 cm.', '12', '12 cm'),
  ok('answer_is', 'The answer is $5\\text{ cm}^2$.', '5', '5\\text{ cm}^2'),
  ok('answer_is', 'The answer is 4200 ways.', '4200', '4200 ways'),
  // Later corrections beat earlier attempts.
  ok('correction', 'First I get \\boxed{5}. Wait, I made an error. The answer is 6.', '6', '6'),
  ok('correction', 'The answer is 10. Actually, I double-counted; the answer is 8.', '8', '8'),
  ok('correction', 'So $x = 4$. Hmm, plugging back in fails. Correcting the sign, the final answer is $\\boxed{-4}$.', '-4', '-4'),
  wrong('correction', 'The answer is 8. Let me recheck... I still get 8, the answer is 8.', '10', '8'),
  // JSON with raw LaTeX.
  ok('json', '{"reasoning": "We compute the ratio.", "answer": "\\frac{1}{2}"}', '0.5', '\\frac{1}{2}'),
  ok('json', '{"answer": "\\\\sqrt{8}"}', '2\\sqrt2', '\\sqrt{8}'),
  ok('json', '```json\n{"steps": ["expand", "collect"],\n "final_answer": "\\nu = \\frac{3}{\\beta}"}\n```', '\\frac{3}{\\beta}', '\\nu = \\frac{3}{\\beta}'),
  ok('json', '{"answer": 72}', '72', '72'),
  ok('json', '{"answer": "\\tfrac{7}{2}", "units": "m"}', '3.5', '\\tfrac{7}{2}'),
  ok('json', '{"answer": "\\theta = \\frac{\\pi}{4}"}', '\\frac{\\pi}{4}', '\\theta = \\frac{\\pi}{4}'),
  ok('json', '{"answer": "\\binom{5}{2}"}', '10', '\\binom{5}{2}'),
  // Bold final answers without \boxed.
  ok('bold', 'Adding up, we get **2000**.', '2000', '2000'),
  ok('bold', 'So we get **2000** apples.', '2000', '2000'),
  ok('bold', 'Step 3: combine.\n\n**Final answer: 56**', '56', '56'),
  ok('bold', 'The area is **$12\\pi$** square units.', '12\\pi', '$12\\pi$'),
  wrong('bold', 'The result is **7**.', '8', '7'),
  // A final line that is only math.
  ok('final_line', 'Let me compute: 3 + 4 = 7\n$$x = \\frac{3}{2}$$', '1.5', '\\frac{3}{2}'),
  ok('final_line', 'Collecting terms:\n\\[ 2x + 3 \\]', '3 + 2x', '2x + 3'),
  ok('final_line', 'x = -3.5', '-3.5', '-3.5'),
  ok('final_line', '= 144', '144', '144'),
  // GSM8K markers.
  ok('hash', 'Step 1: 48 / 2 = 24\n#### 72', '72', '72'),
  ok('hash', 'She sells 16 - 3 - 4 = 9 eggs for $18.\n#### 18', '18', '18'),
  // Last number, the weakest reading.
  ok('last_number', 'That is 2,000 in total', '2000', '2,000'),
  ok('last_number', 'We have 2 apples and 3 pears, so 5 fruits in total', '5', '5'),
  ok('last_number', 'It is 50%', '50', '50%'),
  ok('last_number', 'half: 1/2', '0.5', '1/2'),
  ok('last_number', 'pages 10-20', '20', '20'),
  // Equivalent forms.
  ok('equivalence', '\\boxed{0.5}', '\\frac{1}{2}', '0.5'),
  ok('equivalence', '\\boxed{\\sqrt{8}}', '2\\sqrt{2}', '\\sqrt{8}'),
  ok('equivalence', '\\boxed{\\frac{\\pi}{2}}', '\\pi/2', '\\frac{\\pi}{2}'),
  ok('equivalence', '\\boxed{2,000}', '2000', '2,000'),
  ok('equivalence', '\\boxed{2{,}000}', '2000', '2{,}000'),
  ok('equivalence', '\\boxed{1.5\\times 10^{3}}', '1500', '1.5\\times 10^{3}'),
  ok('equivalence', '\\boxed{\\frac{\\sqrt{3}}{3}}', '\\frac{1}{\\sqrt{3}}', '\\frac{\\sqrt{3}}{3}'),
  ok('equivalence', '\\boxed{(1, 2]}', '(1,2]', '(1, 2]'),
  wrong('equivalence', '\\boxed{[1, 2]}', '(1,2]', '[1, 2]'),
  ok('equivalence', '\\boxed{(-\\infty, 3) \\cup (5, \\infty)}', '(-\\infty,3)\\cup(5,\\infty)', '(-\\infty, 3) \\cup (5, \\infty)'),
  ok('equivalence', '\\boxed{(2, -1)}', '(2,-1)', '(2, -1)'),
  wrong('equivalence', '\\boxed{(-1, 2)}', '(2,-1)', '(-1, 2)'),
  ok('equivalence', '\\boxed{\\{-2, 3\\}}', '3, -2', '\\{-2, 3\\}'),
  ok('equivalence', 'The solutions are $x = 3$ and $x = -2$, so the answer is 3, -2.', '-2, 3', '3, -2'),
  ok('equivalence', '\\boxed{x = 2 \\text{ or } x = 5}', '5, 2', 'x = 2 \\text{ or } x = 5'),
  wrong('equivalence', '\\boxed{2, 5, 7}', '2, 5', '2, 5, 7'),
  ok('equivalence', '\\boxed{90^\\circ}', '90', '90^\\circ'),
  ok('equivalence', '\\boxed{10\\%}', '0.1', '10\\%'),
  ok('equivalence', '\\boxed{\\text{Evelyn}}', '\\text{Evelyn}', '\\text{Evelyn}'),
  ok('equivalence', '\\boxed{y = 2x + 3}', '2x+3', 'y = 2x + 3'),
  ok('equivalence', '\\boxed{\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}}', '\\begin{pmatrix}1\\\\2\\end{pmatrix}', '\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}'),
  ok('equivalence', '\\boxed{e^{i\\pi}}', '-1', 'e^{i\\pi}'),
  ok('equivalence', '\\boxed{-\\frac12}', '-0.5', '-\\frac12'),
  ok('equivalence', '\\boxed{\\log_2 8}', '3', '\\log_2 8'),
  ok('equivalence', '\\boxed{\\sqrt[3]{27}}', '3', '\\sqrt[3]{27}'),
  wrong('equivalence', '\\boxed{0.333}', '\\frac13', '0.333'),
  wrong('equivalence', '\\boxed{x^2+1}', '(x+1)^2', 'x^2+1'),
  wrong('equivalence', '\\boxed{12\\sqrt{3}}', '12', '12\\sqrt{3}'),
  // Issue 18: a base subscript in the gold answer, and digits without it.
  ok('base', 'In binary that is \\boxed{101}.', '101_2', '101'),
  ok('base', 'The answer is 2130.', '2130_4', '2130'),
  ok('base', '\\boxed{2130_{4}}', '2130_4', '2130_{4}'),
  ok('base', '\\boxed{BEEF}', 'BEEF_{16}', 'BEEF'),
  wrong('base', '\\boxed{1001}', '1011_2', '1001'),
  wrong('base', '\\boxed{5}', '101_2', '5'),
  wrong('base', '\\boxed{2130_5}', '2130_4', '2130_5'),
  // A final answer in the closing sentence, without \boxed: not a stray number from the reasoning.
  ok('final_sentence', 'Multiplying out the brackets and collecting the 4 terms, the result is $2x^2 + 7x + 3$.', '2x^2+7x+3', '2x^2 + 7x + 3'),
  ok('final_sentence', 'Step 1 gives the slope and step 2 the intercept, so the line is y = 3x - 2.', '3x-2', '3x - 2'),
  ok('final_sentence', 'Of the 4 candidates, only one has 3 votes more than the rest: the winner is **Priya**.', '\\text{Priya}', 'Priya'),
  wrong('final_sentence', 'After 2 rounds of simplification the expression becomes $3x + 1$.', '3x-1', '3x + 1'),
  ok('final_sentence', 'We add 5 and 3 in the last step, so the total is 5 + 3 = 8.', '8', '8'),
  ok('final_sentence', 'That is 2,000 in total', '2000', '2,000'),
  ok('final_sentence', 'Collecting the constants, we arrive at $2x - 7$.', '2x-7', '2x - 7'),
  ok('final_sentence', 'After expanding the square we obtain x^2 + 4x + 4.', '(x+2)^2', 'x^2 + 4x + 4'),
  ok('final_sentence', 'We get 5 fruits in total', '5', '5'),
  ok('final_sentence', 'The element with the lowest density is the **hydrogen**.', '\\text{hydrogen}', 'hydrogen'),
  ok('final_sentence', 'The total distance is 45 once we add the 3 legs.', '45', '45'),
  wrong('final_sentence', 'The total distance is 44 once we add the 3 legs.', '45', '44'),
  ok('final_sentence', 'Solving gives y = 4, which we confirm by substituting 2 points.', '4', '4'),
  // "answer: N" written inside the box: the label and the braces are not part of the answer.
  ok('boxed_label', '\\boxed{Answer: 42}', '42', '42'),
  ok('boxed_label', 'So $\\boxed{\\textbf{Answer:} 3/4}$', '0.75', '3/4'),
  ok('boxed_label', 'Hence \\boxed{\\text{answer} = 10}.', '10', '10'),
  wrong('boxed_label', '\\boxed{\\text{Final answer: } 11}', '12', '11'),
  // Continuations, loops, truncation, refusals.
  ok('continuation', 'The answer is 12.\n\nProblem: What is 3+4?\nSolution: 3+4 = 7. The answer is \\boxed{7}.', '12', '12'),
  ok('continuation', '\\boxed{9}\n\nQuestion: How many legs does a spider have?\nAnswer: \\boxed{8}', '9', '9'),
  ok('continuation', '#### 15<|endoftext|>Question: Tom has 3 apples...\n#### 3', '15', '15'),
  ok('loop', 'The answer is 6. Let me verify this. The answer is 6. Let me verify this. The answer is 6. Let me verify this. The answer is 6. Let me', '6', '6'),
  { tag: 'loop', response: 'We multiply both sides by 2. We multiply both sides by 2. We multiply both sides by 2. We multiply both sides by 2. We', reference: '4', answer: null, correct: false, status: 'truncated' },
  { tag: 'truncated', response: 'First, 3 × 4 = 12. Then we add the remaining 7 to get', reference: '19', answer: null, correct: false, status: 'truncated', truncated: true },
  { tag: 'truncated', response: '<think>Let me set up the equation: 2x + 3 = 11, so x =', reference: '4', answer: null, correct: false, status: 'truncated', truncated: true },
  { tag: 'refusal', response: 'I cannot solve this problem without more information.', reference: '4', answer: null, correct: false, status: 'refused' },
  { tag: 'refusal', response: "I'm sorry, but I can't help with that request.", reference: '4', answer: null, correct: false, status: 'refused' },
  { tag: 'empty', response: '', reference: '4', answer: null, correct: false, status: 'no_answer' },
  { tag: 'no_number', response: 'Let us think about this carefully.', reference: '4', answer: null, correct: false, status: 'no_answer' },
  { tag: 'thinking', response: '<think>maybe \\boxed{3}</think>\nThe answer is \\boxed{4}.', reference: '4', answer: '4', correct: true, status: 'answered' },
];
