/**
 * Hold-out batch 7 for issue 18: written blind (without reading lib/grade, the tuning corpus or the grader's rules,
 * and without running the grader on these cases), in the styles small local models (1-8B GGUF, chat and base
 * models, reasoning models with <think> blocks) write. Its sha256 was recorded in holdout-7.sha256 before its first
 * run; the first-run figure is in docs/grading.md ("Corpus and hold-out"). Do not tune the extractors against these
 * cases: reproduce a miss as a tuning case in other wording (mc.ts, math.ts) instead.
 */
import type { GradeStatus } from '../../lib/grade/types.ts';
import type { HoldoutMathCase, HoldoutMcCase } from './holdout.ts';

const ABSTAIN: GradeStatus[] = ['no_answer', 'ambiguous', 'refused'];
const DONE: GradeStatus[] = ['answered', 'truncated'];
const CUT: GradeStatus[] = ['truncated', 'no_answer', 'ambiguous'];

const PLANETS = ['Mercury', 'Venus', 'Earth', 'Mars'];
const ORGANS = ['Liver', 'Pancreas', 'Kidney', 'Spleen'];
const COMPOSERS = ['Bach', 'Mozart', 'Beethoven', 'Chopin'];
const SMALL_INTS = ['2', '3', '4', '5'];
const ODD_INTS = ['9', '15', '21', '23'];
const GASES = ['Neon', 'Argon', 'Nitrogen', 'Krypton'];
const ANIMALS = ['Whale', 'Bat', 'Shark', 'Dolphin'];
const SPEEDS = ['3 m/s', '5 m/s', '7 m/s', '9 m/s'];
const COLOURS = ['Red', 'Green', 'Blue', 'None of the above'];
const BOOL = ['True', 'False'];

export const HOLDOUT_MC_7: HoldoutMcCase[] = [
  // Terse answers.
  { tag: 'bare_letter', response: 'B', pred: 'B', status: 'answered' },
  { tag: 'bare_paren', response: '(D)', pred: 'D', status: 'answered' },
  { tag: 'lower_paren', response: 'c)', pred: 'C', status: 'answered' },
  { tag: 'answer_colon', response: 'Answer: C', pred: 'C', status: 'answered' },
  { tag: 'answer_is_no_stop', response: 'The answer is A', pred: 'A', status: 'answered' },
  { tag: 'letter_and_text', response: 'B. Venus', pred: 'B', status: 'answered', choices: PLANETS },
  { tag: 'ten_options', response: 'H', pred: 'H', status: 'answered', n: 10 },
  { tag: 'ten_options_I', response: 'The answer is (I).', pred: 'I', status: 'answered', n: 10 },
  { tag: 'json', response: '{"answer": "C", "confidence": 0.8}', pred: 'C', status: 'answered' },

  // Letters inside prose.
  { tag: 'prose_option', response: 'Of the listed choices, option C fits best because the kidney is what filters the blood plasma.', pred: 'C', status: 'answered', choices: ORGANS },
  { tag: 'prose_go_with', response: 'I would go with B here, since Mozart wrote The Magic Flute in 1791.', pred: 'B', status: 'answered', choices: COMPOSERS },
  { tag: 'prose_left_with', response: 'Once the two contradictions are removed, we are left with (B) as the only option that satisfies both conditions.', pred: 'B', status: 'answered' },
  { tag: 'prose_leaves', response: 'Both the first and the third statements are false, which leaves option D as the correct one.', pred: 'D', status: 'answered' },
  {
    tag: 'prose_long_select',
    response:
      'The question is about which organ regulates blood sugar. The liver stores glycogen and releases glucose, but the hormone that lowers blood sugar is made elsewhere. The kidney filters blood and the spleen recycles red cells. Putting this together, I would select B.',
    pred: 'B',
    status: 'answered',
    choices: ORGANS,
  },
  { tag: 'prose_is_B_text', response: 'The organ responsible is B. Pancreas, which releases insulin into the blood after a meal.', pred: 'B', status: 'answered', choices: ORGANS },
  { tag: 'prose_quoted', response: 'I\'ll go with "C. Kidney", since it is the organ that makes urine.', pred: 'C', status: 'answered', choices: ORGANS },
  { tag: 'prose_lower_option', response: 'option (b) is the right one because the other three are not gas giants', pred: 'B', status: 'answered' },
  { tag: 'prose_text_then_letter', response: 'Answer: The pancreas (B)', pred: 'B', status: 'answered', choices: ORGANS },
  { tag: 'prose_gives', response: 'A quick way to check is to plug each value back into the equation. Doing so gives B.', pred: 'B', status: 'answered' },
  { tag: 'ten_prose', response: 'Among (A) through (J), only (F) matches the measured frequency of 440 Hz.', pred: 'F', status: 'answered', n: 10 },

  // Option text only, or the option named in words.
  { tag: 'text_only', response: 'Mars', pred: 'D', status: 'answered', choices: PLANETS },
  { tag: 'text_sentence', response: 'It is the pancreas, which produces insulin.', pred: 'B', status: 'answered', choices: ORGANS },
  { tag: 'text_after_negations', response: 'Not Mercury and not Venus; the answer is Earth.', pred: 'C', status: 'answered', choices: PLANETS },
  { tag: 'ordinal_word', response: 'The second option is correct.', pred: 'B', status: 'answered' },
  { tag: 'none_of_above_option', response: 'None of the above.', pred: 'D', status: 'answered', choices: COLOURS },
  { tag: 'bool_text', response: 'False. Sound needs a medium, so it cannot travel through a vacuum.', pred: 'B', status: 'answered', choices: BOOL },

  // Numeric option texts.
  { tag: 'numeric_text', question: 'Which of these numbers is prime?', response: '23 is prime, since it has no divisors other than 1 and itself.', pred: 'D', status: 'answered', choices: ODD_INTS },
  { tag: 'numeric_text_answer_is', response: 'The answer is 3.', pred: 'B', status: 'answered', choices: SMALL_INTS },

  // Re-listed options.
  { tag: 'relist_then_answer', response: 'A. Mercury\nB. Venus\nC. Earth\nD. Mars\n\nAnswer: B', pred: 'B', status: 'answered', choices: PLANETS },
  { tag: 'relist_inline_answer', response: 'A. Liver B. Pancreas C. Kidney D. Spleen Answer: B', pred: 'B', status: 'answered', choices: ORGANS },
  { tag: 'relist_marks', response: 'A) Bach ✗\nB) Mozart ✓\nC) Beethoven ✗\nD) Chopin ✗', pred: 'B', status: 'answered', choices: COMPOSERS },
  { tag: 'relist_arrow', response: '- A. Liver\n- **B. Pancreas** ← correct\n- C. Kidney\n- D. Spleen', pred: 'B', status: 'answered', choices: ORGANS },
  { tag: 'relist_cut', response: 'Let me look at the choices:\nA. Iron\nB. Copper\nC. ', pred: null, status: CUT, truncated: true },
  { tag: 'prompt_echo_only', response: 'Question: Which organ produces insulin?\nA. Liver\nB. Pancreas\nC. Kidney\nD. Spleen\nAnswer:', pred: null, status: ABSTAIN, choices: ORGANS },

  // Hedges.
  { tag: 'hedge_two', response: 'It could be A or C; I am not sure.', pred: null, status: ABSTAIN },
  { tag: 'hedge_single', response: 'Probably B.', pred: 'B', status: 'answered' },
  { tag: 'hedge_lean', response: 'I think it is either (B) or (D), but I lean towards (D).', pred: 'D', status: 'answered' },
  { tag: 'hedge_forced', response: 'Neither A nor B is perfect. If I had to choose, A.', pred: 'A', status: 'answered' },
  { tag: 'two_letters', response: 'A, C', pred: null, status: ABSTAIN },

  // Self-corrections and eliminations.
  { tag: 'self_correct', response: 'The answer is (A). Wait, no — the pancreas makes insulin, so the answer is (B).', pred: 'B', status: 'answered', choices: ORGANS },
  { tag: 'self_correct_later', response: 'Answer: C\n\nActually, on reflection I made an error: Chopin was Polish, and he is the one who wrote the nocturnes in question. The correct answer is D.', pred: 'D', status: 'answered', choices: COMPOSERS },
  { tag: 'initially_thought', response: 'I initially thought B, but after checking the units the answer must be C.', pred: 'C', status: 'answered' },
  { tag: 'correction_line', response: 'Answer: (B)\nCorrection: (A)', pred: 'A', status: 'answered' },
  { tag: 'final_after_answer', response: 'Answer: A\nFinal answer: C', pred: 'C', status: 'answered' },
  { tag: 'two_finals', response: 'Final answer: B\nFinal answer: D', pred: null, status: ABSTAIN },
  { tag: 'elimination', response: 'B is incorrect. D is incorrect. A is incorrect. So C.', pred: 'C', status: 'answered' },
  { tag: 'closest_option', response: 'My calculation gives 4.7 m/s, which is not listed exactly, but the closest option is (B) 5 m/s.', pred: 'B', status: 'answered', choices: SPEEDS },
  { tag: 'closest_withdrawn', response: 'The closest option is (A). Hmm, actually that is off by a factor of ten, so none of them fit.', pred: null, status: ABSTAIN, choices: SPEEDS },

  // NOT questions.
  { tag: 'not_question', question: 'Which of the following is NOT a noble gas?', response: 'Nitrogen is not a noble gas, so the answer is C.', pred: 'C', status: 'answered', choices: GASES },
  { tag: 'not_question_option', question: 'Which of these animals is NOT a mammal?', response: 'Option C is not a mammal; sharks are fish.', pred: 'C', status: 'answered', choices: ANIMALS },

  // Repetition loops after a committed answer.
  { tag: 'loop_bare', response: 'So the answer is B.\n\nB\nB\nB\nB\nB\nB\nB\nB', pred: 'B', status: 'answered' },
  { tag: 'loop_doubt', response: 'Final answer: D\n\nIs it D? Or could it be A? Is it D? Or could it be A? Is it D? Or could it be A? Is it D? Or could', pred: 'D', status: DONE, truncated: true },
  { tag: 'loop_no_commit', response: 'Maybe A. Maybe B. Maybe A. Maybe B. Maybe A. Maybe B. Maybe A. Maybe B.', pred: null, status: ABSTAIN },

  // Few-shot echoes and invented follow-ups.
  {
    tag: 'echo_then_answer',
    response: 'The answer is (A).\n\nThe answer is (D).\n\nThe answer is (C).\n\nFor the current question: Venus has the hottest surface because of its thick carbon dioxide atmosphere. The answer is (B).',
    pred: 'B',
    status: 'answered',
    choices: PLANETS,
  },
  {
    tag: 'base_continues',
    response: "Let's think step by step. Copper conducts electricity well and is used in wiring. The answer is (B).\n\nQ: Which element has atomic number 1?\n(A) Hydrogen (B) Helium (C) Lithium (D) Oxygen\nA: Let's think step by step. Hydrogen has one proton. The answer is (A).",
    pred: 'B',
    status: 'answered',
  },
  { tag: 'followup_heading', response: 'Answer: C\n\n### Follow-up question\nWhich of these is a gas giant?\nA. Mars B. Jupiter C. Venus D. Mercury\n\nAnswer: B', pred: 'C', status: 'answered' },
  { tag: 'followup_chat_tokens', response: 'The correct answer is (A).\n<|user|>\nAnd which composer was born in Salzburg?\n<|assistant|>\nThat was Mozart, so the answer is (B).', pred: 'A', status: 'answered', choices: COMPOSERS },
  { tag: 'followup_exercise', response: 'Solution: B\n\nExercise 2: A train covers 120 km in 2 hours. What is its speed?\nA) 40 km/h B) 50 km/h C) 60 km/h D) 80 km/h\nSolution: C', pred: 'B', status: 'answered' },

  // Truncated replies and option walk-throughs.
  { tag: 'cut_walkthrough', response: 'To decide, consider each option in turn.\n\n(A) Iron is magnetic, which is', pred: null, status: CUT, truncated: true },
  { tag: 'cut_after_answer', response: 'The answer is (B) because the pancreas secretes insu', pred: 'B', status: DONE, truncated: true, choices: ORGANS },
  { tag: 'cut_after_correct', response: '(A) is incorrect: the liver stores glycogen.\n(B) is incorrect: the pancreas makes insulin.\n(C) is correct: the kid', pred: 'C', status: DONE, truncated: true, choices: ORGANS },
  { tag: 'cut_walk_unfinished', response: '(A) is wrong.\n(B) is wrong.\n(C) is', pred: null, status: CUT, truncated: true },

  // Refusals and no answer.
  { tag: 'refusal', response: "I'm sorry, but I can't help with questions about making weapons.", pred: null, status: ABSTAIN },
  { tag: 'none_correct', response: 'None of the options is correct.', pred: null, status: ABSTAIN, choices: PLANETS },
  { tag: 'not_among', response: 'The answer is not among the choices given; the true value is 42.', pred: null, status: ABSTAIN },

  // Markdown and code.
  { tag: 'md_heading', response: '## Answer\n\n**(C) Kidney**\n\nThe kidney filters about 180 litres of plasma a day.', pred: 'C', status: 'answered', choices: ORGANS },
  { tag: 'md_table', response: '| Option | Verdict |\n|---|---|\n| A | ✗ |\n| B | ✗ |\n| C | ✓ |\n| D | ✗ |\n\n**Final: C**', pred: 'C', status: 'answered' },
  { tag: 'code_block', response: '```\nAnswer: B\n```', pred: 'B', status: 'answered' },
  { tag: 'code_python', response: '```python\nanswer = "D"\nprint(answer)\n```', pred: 'D', status: 'answered' },

  // Reasoning models.
  { tag: 'think_then_answer', response: '<think>\nThe options... maybe A. No, actually B is right, because the pancreas is the one with islet cells.\n</think>\n\nThe answer is B.', pred: 'B', status: 'answered', choices: ORGANS },
  { tag: 'think_unclosed', response: '<think>\nOkay, the question asks which organ makes insulin. Could be A, or maybe B. Let me recall what each one does. The liver', pred: null, status: CUT, truncated: true, choices: ORGANS },
  { tag: 'think_overridden', response: '<think>\nthe answer is A\n</think>\nAnswer: C', pred: 'C', status: 'answered' },
];

export const HOLDOUT_MATH_7: HoldoutMathCase[] = [
  // Boxed answers.
  { tag: 'boxed', response: '\\boxed{42}', reference: '42', correct: true, status: 'answered' },
  { tag: 'boxed_frac_vs_decimal', response: 'The answer is $\\boxed{\\frac{3}{4}}$.', reference: '0.75', correct: true, status: 'answered' },
  { tag: 'boxed_dfrac', response: 'Simplifying gives $\\boxed{\\dfrac{5}{2}}$.', reference: '2.5', correct: true, status: 'answered' },
  { tag: 'boxed_units', response: 'So the side length is $\\boxed{5\\text{ cm}}$.', reference: '5', correct: true, status: 'answered' },
  { tag: 'boxed_equation', response: 'Solving, $\\boxed{x = 4}$.', reference: '4', correct: true, status: 'answered' },
  { tag: 'boxed_two_revised', response: 'Adding the rows gives $\\boxed{6}$. Wait, I dropped the last row, which has 2 more. The total is $\\boxed{8}$.', reference: '8', correct: true, status: 'answered' },
  { tag: 'boxed_wrong', response: 'Each box holds 5, and there are 3 boxes, so $\\boxed{15}$.', reference: '16', correct: false, status: 'answered' },
  { tag: 'boxed_wrong_frac', response: '\\boxed{\\frac{2}{3}}', reference: '3/2', correct: false, status: 'answered' },
  { tag: 'boxed_sci', response: 'The population is $\\boxed{3 \\times 10^{4}}$.', reference: '30000', correct: true, status: 'answered' },
  { tag: 'boxed_sqrt', response: 'So $d = \\boxed{2\\sqrt{3}}$.', reference: '\\sqrt{12}', correct: true, status: 'answered' },
  { tag: 'boxed_interval', response: 'The solution set is $\\boxed{(2, 5]}$.', reference: '(2,5]', correct: true, status: 'answered' },
  { tag: 'boxed_pi', response: 'The area is $\\boxed{4\\pi}$ square units.', reference: '4\\pi', correct: true, status: 'answered' },
  { tag: 'boxed_answer_label', response: '$$\\boxed{\\text{Answer: } 14}$$', reference: '14', correct: true, status: 'answered' },
  { tag: 'boxed_base', response: 'Converting 11 to binary gives $\\boxed{1011}$.', reference: '1011_2', correct: true, status: 'answered' },
  { tag: 'base_subscript', response: 'Adding in base 8, the answer is $25_8$.', reference: '25_{8}', correct: true, status: 'answered' },

  // Final-answer markers.
  { tag: 'hash', response: 'She sells 50 cups a day for 25 days: 50 × 25 = 1,250 cups.\n#### 1,250', reference: '1250', correct: true, status: 'answered' },
  { tag: 'final_negative', response: 'Final answer: -7', reference: '-7', correct: true, status: 'answered' },
  { tag: 'final_wrong_sign', response: 'Final answer: 7', reference: '-7', correct: false, status: 'answered' },
  { tag: 'unicode_minus', response: 'Moving everything to one side, 2x = −6, so x = −3.', reference: '-3', correct: true, status: 'answered' },
  { tag: 'bold_answer', response: 'The answer is: **144**', reference: '144', correct: true, status: 'answered' },
  { tag: 'answer_with_noun', response: 'Answer: 8 apples', reference: '8', correct: true, status: 'answered' },
  { tag: 'final_revised', response: 'Final answer: 20\n\nWait, I forgot the tax of 4 dollars. 20 + 4 = 24.\nFinal answer: 24', reference: '24', correct: true, status: 'answered' },
  { tag: 'display_no_box', response: 'Dividing both sides by 3:\n$$x = \\frac{7}{3}$$', reference: '7/3', correct: true, status: 'answered' },
  { tag: 'inline_latex_negative', response: 'Therefore, the answer is $-\\frac{1}{2}$.', reference: '-0.5', correct: true, status: 'answered' },
  { tag: 'paren_latex', response: 'The probability is \\(\\frac{1}{6}\\).', reference: '1/6', correct: true, status: 'answered' },
  { tag: 'ordered_pair', response: 'The lines meet at (3, -2).', reference: '(3,-2)', correct: true, status: 'answered' },

  // Units, money, percent, words.
  { tag: 'money', response: 'The total cost is $18.50.', reference: '18.5', correct: true, status: 'answered' },
  { tag: 'money_commas', response: 'He earns $2,400 per month after the raise.', reference: '2400', correct: true, status: 'answered' },
  { tag: 'percent', response: 'The discount is 25%.', reference: '25', correct: true, status: 'answered' },
  { tag: 'percent_vs_decimal', response: 'So the probability of rain on both days is 35%.', reference: '0.35', correct: true, status: 'answered' },
  { tag: 'speed_units', response: 'The car travels 90 km in 2 hours, so its speed is 45 km/h.', reference: '45', correct: true, status: 'answered' },
  { tag: 'degrees', response: 'The three angles add to 180°, so the missing angle is 60°.', reference: '60', correct: true, status: 'answered' },
  { tag: 'word_number', response: 'She needs twelve more apples.', reference: '12', correct: true, status: 'answered' },
  { tag: 'mixed_number', response: 'The recipe needs 2 1/2 cups of flour.', reference: '2.5', correct: true, status: 'answered' },
  { tag: 'polynomial_last', response: 'Using FOIL on (x + 2)(x + 3), the product is x^2 + 5x + 6.', reference: 'x^2+5x+6', correct: true, status: 'answered' },

  // Stray numbers in the reasoning.
  { tag: 'last_number', response: 'Step 1: 4 + 5 = 9. Step 2: 9 × 3 = 27. Step 3: she gives away 2, so she has 25 marbles left.', reference: '25', correct: true, status: 'answered' },
  { tag: 'check_after', response: 'So she has 25 marbles left. Check: 25 + 2 = 27 ✓', reference: '25', correct: true, status: 'answered' },
  { tag: 'code_then_answer', response: '```python\nprint(7 * 8)\n```\nOutput: 56\n\nSo the answer is 56.', reference: '56', correct: true, status: 'answered' },
  { tag: 'code_only', response: '```\n56\n```', reference: '56', correct: true, status: 'answered' },

  // Loops, echoes, invented follow-ups.
  { tag: 'loop_after_answer', response: 'The answer is 36.\nThe answer is 36.\nThe answer is 36.\nThe answer is 36.\nThe answer is 36.', reference: '36', correct: true, status: 'answered' },
  { tag: 'invented_followup', response: 'Answer: 9\n\nQuestion 2: What is 5 times 7?\nAnswer: 35', reference: '9', correct: true, status: 'answered' },
  { tag: 'invented_try', response: 'The answer is 5.\n\nNow you try: what is 2 + 4? (Answer: 6)', reference: '5', correct: true, status: 'answered' },
  { tag: 'echo_then_answer', response: '#### 4\n#### 10\n\nNow the real problem: 6 boxes with 7 pens each is 6 × 7 = 42 pens.\n#### 42', reference: '42', correct: true, status: 'answered' },
  { tag: 'trailing_garbage', response: 'The answer is 18.\n\n\n\n\n1. 2. 3. 4. 5.', reference: '18', correct: true, status: 'answered' },
  { tag: 'loop_no_answer', response: 'Let me compute this. Let me compute this. Let me compute this. Let me compute this. Let me compute this.', reference: '10', correct: false, status: ABSTAIN },

  // Hedges, self-corrections, refusals.
  { tag: 'hedge_two', response: 'It is either 7 or 9, I cannot tell which.', reference: '7', correct: false, status: ABSTAIN },
  { tag: 'self_correct', response: 'It might be 11, but after rechecking the count it is 13.', reference: '13', correct: true, status: 'answered' },
  { tag: 'refusal', response: 'I cannot determine this without the length of the side.', reference: '9', correct: false, status: ABSTAIN },

  // Reasoning models and truncation.
  { tag: 'think_then_answer', response: '<think>\nmaybe 10... no, 3 rows of 4 is 12\n</think>\nThe answer is 12.', reference: '12', correct: true, status: 'answered' },
  { tag: 'think_then_bold', response: '<think>\n5 + 6 = 11, hmm, the question says product, 5 × 6 = 30. So 30.\n</think>\n\n**30**', reference: '30', correct: true, status: 'answered' },
  { tag: 'think_unclosed', response: '<think>\nLet x be the number. Then 3x = 27, so x = ', reference: '9', correct: false, status: CUT, truncated: true },
  { tag: 'cut_midwork', response: 'First compute the area: 12 × 8 = 96. Then subtract the', reference: '60', correct: false, status: CUT, truncated: true },
  { tag: 'cut_after_boxed', response: 'So the answer is $\\boxed{60}$. To double check, 12', reference: '60', correct: true, status: DONE, truncated: true },
];
