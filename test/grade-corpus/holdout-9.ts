/**
 * Hold-out batch 9 for issue 18: written blind (without reading lib/grade, the tuning corpus, docs/grading.md or the
 * earlier batches' cases, and without running the grader on these cases), in the styles small local models (1-8B
 * GGUF; chat, base and reasoning models with <think> blocks; heavily quantized models) write on MMLU-Pro-like
 * 10-option and 4-option questions and GSM8K/MATH-like problems: structured output (JSON, XML-ish tags, markdown
 * tables), negations, re-ordered walk-throughs, roman-numeral statements, numbers with separators, units, mixed
 * fractions, repeating decimals, scientific notation, ranges, words, truncations and refusals. Its sha256 was
 * recorded in holdout-9.sha256 before its first run; the first-run figure is in docs/grading.md ("Corpus and
 * hold-out"). Do not tune the extractors against these cases: reproduce a miss as a tuning case in other wording
 * (mc.ts, math.ts) instead.
 */
import type { GradeStatus } from '../../lib/grade/types.ts';
import type { HoldoutMathCase, HoldoutMcCase } from './holdout.ts';

const ABSTAIN: GradeStatus[] = ['no_answer', 'ambiguous', 'refused'];
const r = String.raw;

const ROMAN_10 = ['I only', 'II only', 'III only', 'I and II', 'I and III', 'II and III', 'I, II and III', 'none of them', 'I and IV', 'IV only'];

export const HOLDOUT_MC_9: HoldoutMcCase[] = [
  // Long derivations whose working mentions letters (points, parts, variables) before the answer.
  { tag: 'derivation_letters', response: 'Let the triangle be ABC with the right angle at C. Then angle A is 35 degrees, so angle B is 55 degrees. Point D on AB splits it in the ratio 2:1. The required angle is therefore 55 degrees, which is option (A).', pred: 'A', status: 'answered' },
  { tag: 'derivation_letters', response: 'Part (a): the current through R1 is 2 A.\nPart (b): the voltage across R2 is 6 V.\nPart (c): the total power is 2 A × 9 V = 18 W.\n\nSo the total power dissipated is 18 W.\n\nAnswer: D', pred: 'D', status: 'answered', choices: ['6 W', '9 W', '12 W', '18 W'] },
  { tag: 'derivation_letters', n: 10, response: 'Using E = mc^2 with m = 1 g gives E = 9 × 10^13 J. In unit J this matches the first listed value. A quick check: E/c^2 returns 1 g. So the answer is (A).', pred: 'A', status: 'answered' },
  { tag: 'derivation_letters', n: 10, response: 'I think we should compute the expected value first. E[X] = 3.5 and Var(X) = 35/12. I rule out options B through F because they use the wrong variance. Among the rest, G gives 35/12 exactly.\n\nThe answer is (G).', pred: 'G', status: 'answered' },
  // Options discussed out of order, eliminations, "not X".
  { tag: 'reverse_walkthrough', response: '(D) overstates the effect of the tariff.\n(C) reverses cause and effect.\n(A) is irrelevant to the passage.\n(B) matches what the author says in the second paragraph.\n\nTherefore, (B).', pred: 'B', status: 'answered' },
  { tag: 'elimination', response: 'Option (A) is wrong because the mass is conserved. Options (C) and (D) are wrong as well, since both ignore friction, so (B).', pred: 'B', status: 'answered' },
  { tag: 'elimination', response: 'Eliminate A: the sign is wrong. Eliminate D: the units do not match. Eliminate B: it uses the diameter instead of the radius. That leaves C.', pred: 'C', status: 'answered' },
  { tag: 'elimination_then_none', response: 'A, C and D can be ruled out straight away, which leaves B. However, B also assumes the gas is ideal, which the problem forbids, so strictly none of the options is correct.', pred: null, status: ABSTAIN },
  { tag: 'not_x_then_y', response: 'The answer is not (A), since the question asks about the long run. It is (C).', pred: 'C', status: 'answered' },
  { tag: 'not_x_then_y', response: 'The answer is not D, because D describes mitosis rather than meiosis. The correct answer is A.', pred: 'A', status: 'answered' },
  { tag: 'not_x_only', response: 'Whatever the right choice is, the answer is not (C): a catalyst does not change the equilibrium constant.', pred: null, status: ABSTAIN },
  { tag: 'not_not_definitely', response: 'Not (B). Not (C). Definitely (A).', pred: 'A', status: 'answered' },
  // Restated question, then the answer.
  { tag: 'restated_question', response: 'Question: Which of the following numbers is prime?\nAnswer: Among 21, 27, 29 and 33, only 29 has no divisors other than 1 and itself, so the prime number is option (C).', pred: 'C', status: 'answered' },
  { tag: 'restated_question', response: 'Which organ produces insulin? The organ that produces insulin is the pancreas, choice B.', pred: 'B', status: 'answered', choices: ['liver', 'pancreas', 'spleen', 'kidney'] },
  // Markdown tables.
  { tag: 'table_final_row', response: '| Option | Verdict |\n|---|---|\n| A | too small |\n| B | wrong sign |\n| C | correct |\n| D | wrong units |\n| **Final answer** | **C** |', pred: 'C', status: 'answered' },
  { tag: 'table_verdicts', response: 'Let me tabulate.\n\n| Choice | Correct? |\n|--------|----------|\n| A | No |\n| B | Yes |\n| C | No |\n| D | No |', pred: 'B', status: 'answered' },
  { tag: 'table_answer_column', n: 10, response: '| Question | Answer |\n|---|---|\n| 1 | H |', pred: 'H', status: 'answered' },
  // JSON and XML-ish output.
  { tag: 'json', response: '{"answer": "C"}', pred: 'C', status: 'answered' },
  { tag: 'json', response: '```json\n{\n  "reasoning": "Option A ignores inflation and option B double counts the tax, while D uses the nominal rate.",\n  "answer": "C"\n}\n```', pred: 'C', status: 'answered' },
  { tag: 'json_lower', response: '{"final_answer": "b", "confidence": 0.7}', pred: 'B', status: 'answered' },
  { tag: 'json_corrected', response: '{"answer": "A"}\n\nWait, I mixed up the axes. Corrected:\n{"answer": "D"}', pred: 'D', status: 'answered' },
  { tag: 'xml', response: '<answer>B</answer>', pred: 'B', status: 'answered' },
  { tag: 'xml', response: '<reasoning>Option C would require the cell to lack a nucleus, and option D describes a virus. Option B confuses diffusion with osmosis.</reasoning>\n<answer>(A)</answer>', pred: 'A', status: 'answered' },
  { tag: 'xml', n: 10, response: '<final>J</final>', pred: 'J', status: 'answered' },
  // Reasoning models.
  { tag: 'think', response: '<think>\nMaybe (B), since the pressure rises. But the volume is fixed, so the temperature must rise as well, which is (D). Yes, D.\n</think>\n\nThe answer is D.', pred: 'D', status: 'answered' },
  { tag: 'think_overruled', response: '<think>\nI believe the answer is (B): it fits the definition.\n</think>\n\nOn reflection, the definition in the question is the strict one, so the answer is (C).', pred: 'C', status: 'answered' },
  { tag: 'think_truncated', truncated: true, response: '<think>\nOkay, let me look at each option. (A) says the enzyme is denatured, which could be right. (B) says the substrate runs out, which also seems plausible since', pred: null, status: ABSTAIN },
  // Explanations in parentheses, lowercase letters.
  { tag: 'answer_paren_explanation', response: 'Answer: C (because above 60 °C the enzyme denatures, which rules out A and B, and D describes the wrong enzyme).', pred: 'C', status: 'answered' },
  { tag: 'lowercase', response: 'after simplifying, both sides equal 12, so the answer is b.', pred: 'B', status: 'answered' },
  { tag: 'lowercase', response: 'answer: (d)', pred: 'D', status: 'answered' },
  { tag: 'lowercase', response: 'final: c', pred: 'C', status: 'answered' },
  // Roman numerals in statements and options (I is also a letter of a 10-option question).
  { tag: 'roman_statements', n: 10, choices: ROMAN_10, response: 'Statement I is true: the reaction is exothermic. Statement II is false: the entropy decreases. Statement III is true: the rate doubles. So I and III hold, which is (E).', pred: 'E', status: 'answered' },
  { tag: 'roman_statements', n: 10, choices: ROMAN_10, response: 'I is correct. II is correct. III is wrong, and IV does not apply. The answer is I and II.', pred: 'D', status: 'answered' },
  { tag: 'roman_statements', choices: ['I only', 'II only', 'I and II', 'neither I nor II'], response: 'Statement I holds by the mean value theorem, but statement II fails for f(x) = |x|. Answer: (A) I only.', pred: 'A', status: 'answered' },
  // Ten options.
  { tag: 'ten_options', n: 10, response: 'The half-life is 5730 years, and after three half-lives one eighth remains. The answer is (J).', pred: 'J', status: 'answered' },
  { tag: 'ten_options', n: 10, response: 'Working through the supply shift, the price rises and the quantity falls.\n\nAnswer: I', pred: 'I', status: 'answered' },
  { tag: 'ten_options', n: 10, response: "So the statement that best fits is 'the demand curve shifts right', and that's G.", pred: 'G', status: 'answered' },
  { tag: 'ten_options_heading', n: 10, response: 'The momentum before the collision equals the momentum after, so the final speed is 4 m/s.\n\n### Final Answer\n**(F)**', pred: 'F', status: 'answered' },
  { tag: 'ten_options_upper', n: 10, response: 'ANSWER: H) Parliament', pred: 'H', status: 'answered' },
  { tag: 'option_text_letter_after', n: 10, choices: ['nucleus', 'ribosome', 'Golgi body', 'lysosome', 'vacuole', 'cell wall', 'chloroplast', 'mitochondria', 'centriole', 'cytoskeleton'], response: "The powerhouse of the cell is the 'mitochondria' (H).", pred: 'H', status: 'answered' },
  // Option text without a letter.
  { tag: 'option_text_only', choices: ['respiration', 'fermentation', 'photosynthesis', 'transpiration'], response: 'Plants turn light energy into chemical energy, so the process is photosynthesis.', pred: 'C', status: 'answered' },
  { tag: 'ordinal_option', response: 'Comparing the four values, only the third one satisfies both inequalities. The correct one is the third option.', pred: 'C', status: 'answered' },
  // Boxed letters.
  { tag: 'boxed_text', response: r`The net force is zero, so the velocity is constant. $\boxed{\text{(D)}}$`, pred: 'D', status: 'answered' },
  { tag: 'boxed_two_final_correction', response: r`So the answer is $\boxed{B}$.

Correction: I used the wrong sign for the work done on the gas. Redoing it, the internal energy falls, so the answer is $\boxed{C}$.`, pred: 'C', status: 'answered' },
  { tag: 'boxed_two_no_commitment', response: r`$\boxed{A}$ $\boxed{C}$`, pred: null, status: ABSTAIN },
  { tag: 'mathrm_letter', response: r`Hence the answer is \(\mathrm{B}\).`, pred: 'B', status: 'answered' },
  // Base models continuing the prompt, quantized models degrading.
  { tag: 'base_continuation', response: 'Answer: C\n\nQuestion: What is the SI unit of electric charge?\nA. volt\nB. coulomb\nC. ampere\nD. ohm\nAnswer: B\n\nQuestion:', pred: 'C', status: 'answered' },
  { tag: 'base_options_echo', truncated: true, response: 'A. 12\nB. 15\nC. 18\nD. 21\nAnswer:', pred: null, status: ABSTAIN },
  { tag: 'quantized_stutter', response: 'The answer answer is is (B) (B) (B) the the the the', pred: 'B', status: 'answered' },
  { tag: 'quantized_garble', response: 'the the answer of of the the the is is is is is is', pred: null, status: ABSTAIN },
  { tag: 'empty', response: '   \n', pred: null, status: ABSTAIN },
  { tag: 'answer_cut', truncated: true, response: 'Taking the derivative and setting it to zero gives x = 2, so the answer is (', pred: null, status: ABSTAIN },
  { tag: 'committed_then_cut_walkthrough', truncated: true, response: 'The answer is (C). Let me explain each option: (A) is wrong since the force is not conservative. (B) is wrong since the', pred: 'C', status: 'answered' },
  // Hedges, several answers, refusals.
  { tag: 'hedge_two', response: "It's either (B) or (D); I can't be certain without more information.", pred: null, status: ABSTAIN },
  { tag: 'two_correct', response: 'Both (A) and (C) are correct statements about the carbon cycle.', pred: null, status: ABSTAIN },
  { tag: 'guess_single', response: "I'm not sure, but I'd guess (B).", pred: 'B', status: 'answered' },
  { tag: 'choose_between', response: 'I would choose between B and D, and between those two I go with D.', pred: 'D', status: 'answered' },
  { tag: 'refusal', response: "I'm sorry, but I can't help with questions about synthesizing explosives.", pred: null, status: ABSTAIN },
  { tag: 'refusal', response: 'As an AI language model, I cannot provide medical advice. Please consult a healthcare professional.', pred: null, status: ABSTAIN },
  { tag: 'disclaimer_then_answer', response: "I'm not a doctor, but based on the symptoms described, the most likely answer is (B).", pred: 'B', status: 'answered' },
  { tag: 'none_listed', response: 'None of the options is correct; the true speed is 14 m/s.', pred: null, status: ABSTAIN },
  { tag: 'closest_listed', response: 'The exact value is 14.2 m/s, which is not among the choices, but the closest is (C).', pred: 'C', status: 'answered' },
  // Negated questions.
  { tag: 'not_question', question: 'Which of the following is NOT a noble gas?', choices: ['neon', 'argon', 'nitrogen', 'krypton'], response: 'Neon, argon and krypton are noble gases. Nitrogen is not a noble gas, so the answer is nitrogen, (C).', pred: 'C', status: 'answered' },
  { tag: 'not_question', question: 'Which of these animals is NOT a mammal?', response: 'A whale, a bat and a dolphin are mammals. Option B is not a mammal, so B is the answer.', pred: 'B', status: 'answered' },
  // Marks, arrows, other languages.
  { tag: 'check_marks', response: 'A ✗\nB ✗\nC ✓\nD ✗', pred: 'C', status: 'answered' },
  { tag: 'arrow', response: '(A) true, (B) false, (C) false, (D) false → A', pred: 'A', status: 'answered' },
  { tag: 'other_language', response: 'La energía se conserva, así que la velocidad final es 3 m/s.\n\nRespuesta correcta: (C)', pred: 'C', status: 'answered' },
  { tag: 'bold_is_correct', response: 'Looking at the graph, the slope is steepest between 2 s and 4 s.\n\n**C** is correct.', pred: 'C', status: 'answered' },
  { tag: 'em_dash', response: 'Answer — (A)', pred: 'A', status: 'answered' },
  { tag: 'my_pick', response: 'My pick: **B**', pred: 'B', status: 'answered' },
  { tag: 'answer_with_unit_text', response: 'The area of the rectangle is 3 cm × 4 cm = 12 cm². The answer is C) 12 cm².', pred: 'C', status: 'answered' },
];

export const HOLDOUT_MATH_9: HoldoutMathCase[] = [
  // Separators and spaces in numbers.
  { tag: 'thousands_comma', response: 'Each crate holds 24 bottles and there are 51 crates and 10 loose bottles, so the total is 1,234 bottles.', reference: '1234', correct: true, status: 'answered' },
  { tag: 'thousands_space', response: 'Total attendance over the three days: 400 + 417 + 417 = 1 234.\n\nThe answer is 1 234.', reference: '1234', correct: true, status: 'answered' },
  { tag: 'thousands_space', response: 'The town grows by 2 500 people a year for 5 years, so the answer is 12 500 people.', reference: '12500', correct: true, status: 'answered' },
  { tag: 'gsm_hash_comma', response: 'She earns 45 × 24 = 1,080 dollars.\n#### 1,080', reference: '1080', correct: true, status: 'answered' },
  { tag: 'dollars_cents', response: 'The total cost is 2 × $1,172.80 = $2,345.60.', reference: '2345.6', correct: true, status: 'answered' },
  // Units.
  { tag: 'unit_cm2', response: 'The area is 6 cm × 8 cm = 48 cm².', reference: '48', correct: true, status: 'answered' },
  { tag: 'percent', response: 'The price went from 80 to 100, an increase of 20/80 = 25%.', reference: '25', correct: true, status: 'answered' },
  { tag: 'percent_boxed', response: r`The increase is $\frac{20}{80} = 0.25$, that is $\boxed{25\%}$.`, reference: '25', correct: true, status: 'answered' },
  { tag: 'dollar_boxed', response: r`Two tickets cost $2 \times 9.25 = 18.50$ dollars. $\boxed{\$18.50}$`, reference: '18.5', correct: true, status: 'answered' },
  { tag: 'degrees', response: r`The remaining angle is $180 - 90 - 45 = 45$. $\boxed{45^\circ}$`, reference: '45', correct: true, status: 'answered' },
  { tag: 'text_unit_boxed', response: r`The area is $\boxed{10\text{ cm}^2}$.`, reference: '10', correct: true, status: 'answered' },
  { tag: 'hours', response: 'At 60 km/h, 150 km takes 150 / 60 = 2.5 hours.', reference: '2.5', correct: true, status: 'answered' },
  // Fractions, repeating decimals, scientific notation.
  { tag: 'mixed_fraction', response: 'Each batch needs 5/4 cups, and she makes 2 batches, so she needs 2 1/2 cups of flour.', reference: '5/2', correct: true, status: 'answered' },
  { tag: 'mixed_fraction_latex', response: r`Adding the pieces: $1\frac{1}{2} + 1\frac{3}{4} = 3\frac{1}{4}$. So the answer is $3\frac{1}{4}$.`, reference: '13/4', correct: true, status: 'answered' },
  { tag: 'dfrac', response: r`The probability is $\boxed{\dfrac{3}{8}}$.`, reference: r`\frac{3}{8}`, correct: true, status: 'answered' },
  { tag: 'dfrac_negative', response: r`Solving $4x + 3 = 0$ gives $\boxed{\dfrac{-3}{4}}$.`, reference: '-0.75', correct: true, status: 'answered' },
  { tag: 'repeating_decimal', response: r`Dividing, $x = 0.\overline{3}$, so the answer is $\boxed{0.\overline{3}}$.`, reference: '1/3', correct: true, status: 'answered' },
  { tag: 'repeating_decimal', response: r`So $x = 1.\overline{6}$. Final answer: $1.\overline{6}$`, reference: '5/3', correct: true, status: 'answered' },
  { tag: 'scientific', response: r`The speed of light is about $\boxed{3.0 \times 10^{8}}$ m/s.`, reference: '300000000', correct: true, status: 'answered' },
  { tag: 'scientific_e', response: 'Number of molecules = 1 mol × 6.02e23 /mol = 6.02e23.\nAnswer: 6.02e23', reference: r`6.02 \times 10^{23}`, correct: true, status: 'answered' },
  { tag: 'scientific_unicode', response: 'The concentration is 1.5 × 10⁻³ mol/L.\n\nFinal answer: 1.5 × 10⁻³', reference: '0.0015', correct: true, status: 'answered' },
  { tag: 'million_word', response: 'Over the year the factory produces 100,000 units a month times 12, which is 1.2 million units.', reference: '1200000', correct: true, status: 'answered' },
  // Ranges, intervals, pairs, negative zero.
  { tag: 'interval', response: r`Both inequalities hold for $4 \le x \le 6$, so the solution set is $\boxed{[4, 6]}$.`, reference: '[4,6]', correct: true, status: 'answered' },
  { tag: 'pair', response: r`Substituting back, $y = -1$. The solution is $\boxed{(2, -1)}$.`, reference: '(2,-1)', correct: true, status: 'answered' },
  { tag: 'negative_zero', response: r`Evaluating at the origin gives $\boxed{-0}$.`, reference: '0', correct: true, status: 'answered' },
  // Answers as words.
  { tag: 'word_number', response: 'Tom had 20 stickers, gave away 8, so he has twelve stickers left. The answer is twelve.', reference: '12', correct: true, status: 'answered' },
  { tag: 'word_number_boxed', response: r`$\boxed{\text{seven}}$`, reference: '7', correct: true, status: 'answered' },
  { tag: 'word_hyphen', response: 'Six times seven is forty-two, so the answer is forty-two.', reference: '42', correct: true, status: 'answered' },
  { tag: 'text_in_box', response: r`$\boxed{5\text{ apples}}$`, reference: '5', correct: true, status: 'answered' },
  // Closed forms, expressions, base subscripts.
  { tag: 'sqrt', response: r`The diagonal is $\sqrt{12} = \boxed{2\sqrt{3}}$.`, reference: r`\sqrt{12}`, correct: true, status: 'answered' },
  { tag: 'pi', response: r`Area $= \pi r^2 = \boxed{12\pi}$.`, reference: r`12\pi`, correct: true, status: 'answered' },
  { tag: 'polynomial_last_sentence', response: r`Expanding $(x-1)(x-3)$ term by term gives the polynomial. Therefore, $f(x) = x^2 - 4x + 3$.`, reference: 'x^2-4x+3', correct: true, status: 'answered' },
  { tag: 'base_subscript', response: r`Converting 11 to binary: 11 = 8 + 2 + 1. $\boxed{1011}$`, reference: '1011_2', correct: true, status: 'answered' },
  { tag: 'boxed_equation', response: r`Subtract 3 from both sides and divide by 2: $\boxed{x = 4}$`, reference: '4', correct: true, status: 'answered' },
  { tag: 'unicode_minus', response: 'The temperature dropped from 5 to −2, a change of −7 degrees. The answer is −7.', reference: '-7', correct: true, status: 'answered' },
  // Structured output.
  { tag: 'json', response: '{"answer": 17}', reference: '17', correct: true, status: 'answered' },
  { tag: 'xml', response: '<reasoning>3 of 4 slices remain.</reasoning>\n<answer>3/4</answer>', reference: '0.75', correct: true, status: 'answered' },
  { tag: 'table_total', response: '| Item | Cost |\n|---|---|\n| Book | 30 |\n| Tax | 3 |\n| **Total** | **33** |', reference: '33', correct: true, status: 'answered' },
  // Final answer after a derivation that mentions other numbers; explanations after the answer.
  { tag: 'restated_question', response: 'How many marbles does Sara have left? She started with 40, gave 12 to Ann and 5 to Ben. Sara has 23 marbles left.', reference: '23', correct: true, status: 'answered' },
  { tag: 'answer_paren_explanation', response: 'Answer: 150 (that is, 5 boxes of 30 pencils each)', reference: '150', correct: true, status: 'answered' },
  { tag: 'answer_not_earlier', response: 'Answer: 7 (not 8, as I first thought; the first day does not count).', reference: '7', correct: true, status: 'answered' },
  { tag: 'not_x_then_y', response: 'The answer is not 12; it is 21, because the digits were swapped.', reference: '21', correct: true, status: 'answered' },
  { tag: 'not_x_only', response: 'Whatever the total is, the answer is not 12, because 12 ignores the refund.', reference: '12', correct: false, status: ABSTAIN },
  { tag: 'last_sentence_number', response: 'Step 1: She reads 12 pages in 15 minutes.\nStep 2: 48 pages take 4 × 15 = 60 minutes.\nStep 3: Split over 5 days, 240 / 5 = 48.\nSo she spends 48 minutes per day.', reference: '48', correct: true, status: 'answered' },
  // Wrong final answers whose reasoning contains the reference.
  { tag: 'wrong_final_reference_inside', response: 'First, 3 × 24 = 72 cookies. Then she gives away 8, leaving 64. The answer is 64.', reference: '72', correct: false, status: 'answered' },
  { tag: 'think_wrong_final', response: '<think>\n7 × 8 = 56. Hmm, but one box was returned, so maybe 56 - 2 = 54.\n</think>\n\n**Answer: 54**', reference: '56', correct: false, status: 'answered' },
  { tag: 'think_right_final', response: '<think>\nMaybe 40. No: 6 × 7 = 42.\n</think>\nThe answer is 42.', reference: '42', correct: true, status: 'answered' },
  // Multiple boxed.
  { tag: 'boxed_repeated_same', response: r`So the total is $\boxed{15}$.

Check: 5 + 10 = 15. Final: $\boxed{15}$`, reference: '15', correct: true, status: 'answered' },
  { tag: 'boxed_corrected', response: r`The bill is $\boxed{12}$. Wait, I forgot the 10% tax: $12 \times 1.1 = 13.2$. The bill is $\boxed{13.2}$.`, reference: '13.2', correct: true, status: 'answered' },
  { tag: 'boxed_two_uncommitted', response: r`$\boxed{8}$ or $\boxed{10}$, depending on whether the last day counts.`, reference: '8', correct: false, status: ABSTAIN },
  { tag: 'empty_box', response: r`The final answer is $\boxed{}$`, reference: '6', correct: false, status: ABSTAIN },
  // Follow-ups, loops, truncations, refusals.
  { tag: 'invented_followup', response: 'He pays 3 × 6 = 18 dollars. The answer is 18.\n\nQuestion: A train travels 60 km in 1 hour. How far does it go in 2 hours?\nAnswer: 60 × 2 = 120. The answer is 120.', reference: '18', correct: true, status: 'answered' },
  { tag: 'base_continuation', response: ' 15\n\nQ: A farmer has 10 cows and buys 4 more. How many cows?\nA: 14', reference: '15', correct: true, status: 'answered' },
  { tag: 'loop_truncated', truncated: true, response: 'The answer is 5. The answer is 5. The answer is 5. The answer is 5. The answer', reference: '5', correct: true, status: 'answered' },
  { tag: 'boxed_then_truncated', truncated: true, response: r`So $x = \boxed{9}$. To double-check: $3 \times 3 =`, reference: '9', correct: true, status: 'answered' },
  { tag: 'truncated_midway', truncated: true, response: 'First she picks 30 apples, then 15 more, so far we have 45 apples, and then', reference: '45', correct: false, status: ABSTAIN },
  { tag: 'hedge_two', response: 'The answer is either 8 or 10, depending on how you count the endpoints.', reference: '8', correct: false, status: ABSTAIN },
  { tag: 'refusal', response: "I'm sorry, but I can't help with that request.", reference: '7', correct: false, status: ABSTAIN },
  { tag: 'recompute', response: 'Total = 8 × 11 = 88. Hmm, let me recompute: 8 × 12 = 96, since there are 12 months.\nFinal answer: 96', reference: '96', correct: true, status: 'answered' },
  { tag: 'gsm_decimal_zero', response: 'Average = 180 / 5 = 36.0\n#### 36.0', reference: '36', correct: true, status: 'answered' },
  { tag: 'bold_latex', response: r`Answer: **$x=4$**`, reference: '4', correct: true, status: 'answered' },
];
