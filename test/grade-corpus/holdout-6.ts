/**
 * Hold-out batch 6 for issue 18: written blind (without reading lib/grade, the tuning corpus or the grader's rules,
 * and without running the grader on these cases), in the styles small local models (1-8B GGUF, chat and base) write.
 * Its sha256 was recorded in holdout-6.sha256 before its first run; the first-run figure is in docs/grading.md
 * ("Corpus and hold-out"). Do not tune the extractors against these cases: reproduce a miss as a tuning case in
 * other wording (mc.ts, math.ts) instead.
 */
import type { GradeStatus } from '../../lib/grade/types.ts';
import type { HoldoutMathCase, HoldoutMcCase } from './holdout.ts';

const ABSTAIN: GradeStatus[] = ['no_answer', 'ambiguous', 'refused'];
const DONE: GradeStatus[] = ['answered', 'truncated'];
const CUT: GradeStatus[] = ['truncated', 'no_answer', 'ambiguous'];

const RIVERS = ['Amazon', 'Nile', 'Yangtze', 'Mississippi'];
const BONES = ['Femur', 'Stapes', 'Tibia', 'Humerus'];
const NOVELISTS = ['Jane Austen', 'Charles Dickens', 'Mary Shelley', 'Emily Brontë'];
const NOBLE = ['Neon', 'Argon', 'Nitrogen', 'Krypton'];
const TONE = ['Optimistic', 'Critical', 'Neutral', 'Nostalgic'];
const BOOL = ['True', 'False'];
const GAS_LAW = ['Boyle', 'Charles', 'Avogadro', 'Gay-Lussac'];

export const HOLDOUT_MC_6: HoldoutMcCase[] = [
  // Terse answers.
  { tag: 'bare_letter', response: 'C', pred: 'C', status: 'answered' },
  { tag: 'bare_letter', response: ' D.', pred: 'D', status: 'answered' },
  { tag: 'answer_paren', response: 'Answer: (B)', pred: 'B', status: 'answered' },
  { tag: 'ten_options', response: 'The correct answer is (J).', pred: 'J', status: 'answered', n: 10 },
  { tag: 'ten_options_I', response: 'After simplifying, the expression equals 4/9.\n\nAnswer: I', pred: 'I', status: 'answered', n: 10 },
  { tag: 'ten_options', response: 'I think the answer is (G).', pred: 'G', status: 'answered', n: 10 },
  { tag: 'bold_answer', response: '**Answer: A**', pred: 'A', status: 'answered' },
  { tag: 'lower_paren', response: '(c)', pred: 'C', status: 'answered' },
  { tag: 'quoted_letter', response: 'The answer is "C".', pred: 'C', status: 'answered' },
  { tag: 'cjk_label', response: '答案：C', pred: 'C', status: 'answered' },
  { tag: 'out_of_range', response: 'The answer is E.', pred: null, status: ABSTAIN, n: 4 },

  // Option text only, or text with its letter.
  { tag: 'text_only', response: 'The Nile.', pred: 'B', status: 'answered', choices: RIVERS },
  { tag: 'text_only', response: 'Mary Shelley wrote Frankenstein, which was first published in 1818.', pred: 'C', status: 'answered', choices: NOVELISTS },
  { tag: 'text_only', response: 'Stapes (it sits in the middle ear).', pred: 'B', status: 'answered', choices: BONES },
  { tag: 'text_only', response: 'The statement is false.', pred: 'B', status: 'answered', choices: BOOL },
  { tag: 'text_in_prose', response: "Based on the passage, the author's tone is best described as nostalgic, since she keeps returning to her childhood summers.", pred: 'D', status: 'answered', choices: TONE },
  { tag: 'text_after_others', response: 'The Amazon carries the most water and the Yangtze is the longest river in Asia, but the longest river overall is the Nile.', pred: 'B', status: 'answered', choices: RIVERS },
  { tag: 'letter_text_match', response: 'D. Mississippi', pred: 'D', status: 'answered', choices: RIVERS },
  { tag: 'letter_text_match', response: 'The answer is C, Mary Shelley.', pred: 'C', status: 'answered', choices: NOVELISTS },
  { tag: 'letter_text_match', response: 'A) True', pred: 'A', status: 'answered', choices: BOOL },
  { tag: 'letter_text_match', response: 'Answer: C) Nitrogen', pred: 'C', status: 'answered', choices: NOBLE },
  { tag: 'letter_text_match', response: "Option B: Charles's law is the correct answer, because volume is proportional to temperature at constant pressure.", pred: 'B', status: 'answered', choices: GAS_LAW },
  { tag: 'letter_text_conflict', response: 'The answer is A) Nile', pred: null, status: ABSTAIN, choices: RIVERS },
  { tag: 'letter_text_conflict', response: 'Answer: (D) Mary Shelley', pred: null, status: ABSTAIN, choices: NOVELISTS },

  // Options re-listed, then a choice; or re-listed and cut off.
  { tag: 'list_then_pick', response: 'A. Amazon\nB. Nile\nC. Yangtze\nD. Mississippi\n\nThe Nile is about 6,650 km long, slightly longer than the Amazon, so I choose B.', pred: 'B', status: 'answered', choices: RIVERS },
  { tag: 'list_then_pick', response: 'Options:\n(A) Femur\n(B) Stapes\n(C) Tibia\n(D) Humerus\n\nAnswer: (B)', pred: 'B', status: 'answered', choices: BONES },
  { tag: 'list_cut', response: "Let's look at the choices:\nA) Neon\nB) Argon\nC) Nitro", pred: null, status: CUT, truncated: true, choices: NOBLE },
  { tag: 'walk_cut', response: "Let's evaluate each option.\n\nA) The Amazon is the largest river by discharge, but the question asks about length, so this is not the answer.\nB) The Nile is", pred: null, status: CUT, truncated: true, choices: RIVERS },

  // Hedges.
  { tag: 'hedge_lean', response: "Hmm, I'm torn between B and C. If I had to choose, C.", pred: 'C', status: 'answered' },
  { tag: 'hedge_lean', response: "It's most likely D, although B is a close second.", pred: 'D', status: 'answered' },
  { tag: 'hedge_lean', response: 'My best guess would be (B), but I am not confident about this one.', pred: 'B', status: 'answered' },
  { tag: 'hedge_none', response: 'I cannot decide between A and D; both seem plausible given the passage.', pred: null, status: ABSTAIN },
  { tag: 'hedge_none', response: 'Could be A, could be C. Hard to say without more context.', pred: null, status: ABSTAIN },
  { tag: 'several', response: "I'd say A and C.", pred: null, status: ABSTAIN },

  // Refusals and non-answers.
  { tag: 'refusal', response: "I'm sorry, but I can't help with questions about synthesizing controlled substances.", pred: null, status: ABSTAIN },
  { tag: 'refusal', response: "As an AI language model, I don't have personal opinions, so I cannot choose among these options.", pred: null, status: ABSTAIN },
  { tag: 'none_fit', response: 'None of the options is correct; the actual value is about 9.8 m/s².', pred: null, status: ABSTAIN, choices: ['9.1 m/s²', '10.2 m/s²', '8.9 m/s²', '11.0 m/s²'] },
  { tag: 'dont_know', response: "I don't know.", pred: null, status: ABSTAIN },
  { tag: 'empty', response: '', pred: null, status: ABSTAIN },

  // Markdown.
  { tag: 'md_header_bold', response: '## Answer\n\n**(C) Yangtze**', pred: 'C', status: 'answered', choices: RIVERS },
  { tag: 'md_header', response: '# Answer: D', pred: 'D', status: 'answered' },
  { tag: 'md_table_final', response: '| Option | Verdict |\n|---|---|\n| A | Incorrect |\n| B | Incorrect |\n| C | Correct |\n| D | Incorrect |\n\nFinal: C', pred: 'C', status: 'answered' },
  { tag: 'md_table_only', response: '| Option | Correct? |\n|---|---|\n| A | No |\n| B | Yes |\n| C | No |\n| D | No |', pred: 'B', status: 'answered' },
  { tag: 'md_code', response: '```\nAnswer: D\n```', pred: 'D', status: 'answered' },
  { tag: 'md_quote', response: '> **Final answer:** B', pred: 'B', status: 'answered' },
  { tag: 'md_bullets', response: '- A: wrong\n- B: wrong\n- C: **correct**\n- D: wrong', pred: 'C', status: 'answered' },
  { tag: 'md_bold_then_why', response: "**The answer is (C).**\n\nHere's why:\n\n* **(A)** is incorrect because osmosis moves water, not solutes.\n* **(B)** is incorrect because it requires ATP.\n* **(D)** is incorrect because it describes endocytosis.", pred: 'C', status: 'answered' },
  { tag: 'chat_bold_option', response: 'Sure! The correct answer is:\n\n**B) Charles Dickens**\n\nDickens wrote *Oliver Twist*, which was serialised from 1837 to 1839.', pred: 'B', status: 'answered', choices: NOVELISTS },

  // Few-shot continuations that run on.
  { tag: 'fewshot_runon', response: ' D\n\nQuestion: Which element has atomic number 1?\nA. Helium\nB. Hydrogen\nC. Lithium\nD. Oxygen\nAnswer: B\n\nQuestion: What is the freezing point of water in Celsius?\nA. 0\nB. 32\nC. 100\nD. -10\nAnswer: A', pred: 'D', status: 'answered' },
  { tag: 'fewshot_runon', response: ' (A)\n\nThe following are multiple choice questions (with answers) about high school biology.\n\nWhich molecule carries amino acids to the ribosome?\n(A) mRNA (B) tRNA (C) rRNA (D) DNA\nAnswer: (B)', pred: 'A', status: 'answered' },
  { tag: 'fewshot_runon', response: 'C\n\n\n\nQuestion 2: What is the SI unit of force?\nA. Joule\nB. Watt\nC. Pascal\nD. Newton\nAnswer: D\n\nQuestion 3: Which planet has the most moons?\nA. Earth\nB. Saturn\nC. Mars\nD. Venus\nAnswer: B', pred: 'C', status: 'answered' },
  { tag: 'fewshot_cot_runon', response: " Let's think step by step. Light travels fastest in a vacuum because there is nothing to slow it down. The answer is (A).\n\nQuestion: Which color of visible light has the longest wavelength?\n(A) violet (B) green (C) blue (D) red\nAnswer: Let's think step by step. Red light has the longest wavelength of the visible colors. The answer is (D).", pred: 'A', status: 'answered' },

  // Echoes of the question.
  { tag: 'echo_then_answer', response: 'Which bone is the smallest in the human body?\n\nThe smallest bone is the stapes, option B.', pred: 'B', status: 'answered',
    question: 'Which bone is the smallest in the human body?', choices: BONES },
  { tag: 'echo_only', response: 'Which bone is the smallest in the human body?\nA. Femur\nB. Stapes\nC. Tibia\nD. Humerus', pred: null, status: ABSTAIN,
    question: 'Which bone is the smallest in the human body?', choices: BONES },

  // Long reasoning, then a final line.
  { tag: 'cot_final', response: "To find the pressure change, recall that at constant temperature PV is constant. If the volume is halved, the pressure doubles. Option A says the pressure halves, which is the opposite. Option C says it stays the same, which would only hold if the temperature also changed. Option D says it quadruples, which would need the volume cut to a quarter.\n\nTherefore, the answer is (B).", pred: 'B', status: 'answered' },
  { tag: 'cot_walk', response: "Let's analyze each option:\nA) Vitamin C deficiency causes scurvy, not rickets, so this is incorrect.\nB) Iron deficiency causes anaemia, also incorrect.\nC) Vitamin D deficiency causes rickets, so this is correct.\nD) Iodine deficiency causes goitre, incorrect.\n\nSo the answer is C.", pred: 'C', status: 'answered' },
  { tag: 'cot_final_bold', response: 'Step 1: The sample mean is 12.\nStep 2: The standard error is 2 / sqrt(16) = 0.5.\nStep 3: The z-score is (13 - 12) / 0.5 = 2, which matches option D.\n\n**Final Answer: D**', pred: 'D', status: 'answered' },
  { tag: 'cot_boxed', response: 'The derivative of x^3 is 3x^2, so at x = 2 the slope is 12, which is option B.\n\nThe answer is $\\boxed{B}$', pred: 'B', status: 'answered' },
  { tag: 'boxed_paren', response: 'Comparing the half-lives, the sample will be at one eighth of its activity after three half-lives.\n\n\\boxed{(C)}', pred: 'C', status: 'answered' },
  { tag: 'step_then_label', response: 'Step 1: Convert 1/4 to a decimal: 0.25.\nStep 2: Compare with the options. 0.25 corresponds to option B.\n\nAnswer: B', pred: 'B', status: 'answered' },
  { tag: 'great_question', response: "Great question! Let's break it down. Photosynthesis happens in the chloroplast, and the light reactions take place on the thylakoid membranes. So, to answer your question: option C.", pred: 'C', status: 'answered' },
  { tag: 'confidence_line', response: 'Final answer: (B)\nConfidence: 70%', pred: 'B', status: 'answered' },

  // Self-corrections.
  { tag: 'self_correct', response: 'A. Wait, no. Ribosomes make proteins, not lipids. The correct choice is C.', pred: 'C', status: 'answered' },
  { tag: 'self_correct', response: "The answer is (D).\n\nOn second thought, (D) describes a price floor, not a ceiling. I'll change my answer to (C).", pred: 'C', status: 'answered' },
  { tag: 'self_correct', response: "I initially thought B, but after re-checking the units, I'm confident it's A.", pred: 'A', status: 'answered' },

  // "Not X" statements.
  { tag: 'not_then_pick', response: "It's definitely not B, since the stapes is tiny. The longest bone is the femur, A.", pred: 'A', status: 'answered',
    question: 'Which is the longest bone in the human body?', choices: BONES },
  { tag: 'not_only', response: 'Not C.', pred: null, status: ABSTAIN },
  { tag: 'not_two_then_pick', response: "The answer isn't A or B. It's D.", pred: 'D', status: 'answered' },
  { tag: 'pick_not_other', response: 'So it must be B, not D.', pred: 'B', status: 'answered' },
  { tag: 'neither_nor', response: 'Neither A nor C fits the data; B is right.', pred: 'B', status: 'answered' },

  // Trailing explanations that mention other letters.
  { tag: 'trailing_others', response: 'Answer: B\n\nOption A is a common misconception, and C and D describe the opposite effect.', pred: 'B', status: 'answered' },
  { tag: 'trailing_others', response: 'D. Choice A would be correct if the gas were ideal, and C would hold at low temperature, but neither applies here.', pred: 'D', status: 'answered' },
  { tag: 'trailing_others', response: 'The correct option is (A). Note that (C) is a trap: it reverses cause and effect.', pred: 'A', status: 'answered' },

  // Questions that ask which option is NOT something.
  { tag: 'not_question', response: 'Nitrogen is not a noble gas; the others are. Answer: C', pred: 'C', status: 'answered',
    question: 'Which of the following is NOT a noble gas?', choices: NOBLE },
  { tag: 'not_question', response: 'Neon, argon and krypton are all noble gases, so the odd one out is C.', pred: 'C', status: 'answered',
    question: 'Which of the following is NOT a noble gas?', choices: NOBLE },

  // Truncation and loops.
  { tag: 'answer_then_cut', response: 'The answer is (B). The Nile flows north through eleven countries and is generally listed as longer than the Amazon, though some', pred: 'B', status: DONE, truncated: true, choices: RIVERS },
  { tag: 'loop_cut', response: 'The answer is B. The answer is B. The answer is B. The answer is B. The answer is', pred: 'B', status: DONE, truncated: true },
  { tag: 'loop_letters', response: 'A\nA\nA\nA\nA\nA\nA', pred: 'A', status: 'answered' },
];

export const HOLDOUT_MATH_6: HoldoutMathCase[] = [
  // GSM8K markers.
  { tag: 'hash_only', response: '#### 56', reference: '56', correct: true, status: 'answered' },
  { tag: 'hash_work', response: 'Tom buys 3 packs of 12 cards, so he has 3 × 12 = 36 cards. He gives 8 to his sister: 36 - 8 = 28.\n#### 28', reference: '28', correct: true, status: 'answered' },
  { tag: 'hash_wrong', response: 'Tom buys 3 packs of 12 cards, so he has 3 × 12 = 36 cards. He gives 6 away: 36 - 6 = 30.\n#### 30', reference: '28', correct: false, status: 'answered' },
  { tag: 'hash_millions', response: 'The city had 2,000,000 residents and grew by 20%, so 2,000,000 × 1.2 = 2,400,000.\n#### 2,400,000', reference: '2400000', correct: true, status: 'answered' },
  { tag: 'hash_then_chat', response: '8 rows of 8 chairs is 8 × 8 = 64 chairs.\n#### 64\n\nI hope this helps! Let me know if you have any other questions.', reference: '64', correct: true, status: 'answered' },
  { tag: 'fewshot_runon', response: 'Natalia sold 48 clips in April and half as many in May, so 48 + 24 = 72.\n#### 72\n\nQuestion: A baker makes 15 loaves a day. How many loaves does he make in a week?\nAnswer: 15 × 7 = 105\n#### 105', reference: '72', correct: true, status: 'answered' },
  { tag: 'stated_twice_conflict', response: 'The answer is 18.\n\n#### 16', reference: '18', correct: false, status: ABSTAIN },

  // Boxed.
  { tag: 'boxed_units', response: 'The rectangle is 6 cm by 8 cm, so its area is \\boxed{48 \\text{ cm}^2}.', reference: '48', correct: true, status: 'answered' },
  { tag: 'boxed_currency', response: 'Total: 5 × \\$250 = \\$1,250.\n\n\\boxed{\\$1,250}', reference: '1250', correct: true, status: 'answered' },
  { tag: 'boxed_frac', response: 'There are 3 red marbles out of 8, so the probability is \\boxed{\\frac{3}{8}}.', reference: '0.375', correct: true, status: 'answered' },
  { tag: 'boxed_dfrac', response: '$$\\boxed{\\dfrac{7}{2}}$$', reference: '3.5', correct: true, status: 'answered' },
  { tag: 'boxed_sci', response: 'The concentration is \\boxed{1.5 \\times 10^{-3}} mol/L.', reference: '0.0015', correct: true, status: 'answered' },
  { tag: 'boxed_negative', response: 'Moving 12 units left from zero gives \\boxed{-12}.', reference: '-12', correct: true, status: 'answered' },
  { tag: 'boxed_word_unit', response: 'She picks 4 apples from each of 3 trees: 4 × 3 = 12.\n\n**Final Answer:** \\boxed{12 \\text{ apples}}', reference: '12', correct: true, status: 'answered' },
  { tag: 'boxed_two_roots', response: 'Factoring, (x - 2)(x + 3) = 0, so x = 2 or x = -3.\n\n\\boxed{2, -3}', reference: '-3, 2', correct: true, status: 'answered' },

  // Currency, percentages, units, decimals.
  { tag: 'currency_cents', response: 'The total cost is $3,450.75.', reference: '3450.75', correct: true, status: 'answered' },
  { tag: 'currency_label', response: 'Answer: $0.75', reference: '0.75', correct: true, status: 'answered' },
  { tag: 'trailing_zero', response: 'Each notebook costs $2.50 and he buys 3, so he pays 3 × 2.50 = 7.50.\n\nAnswer: 7.50', reference: '7.5', correct: true, status: 'answered' },
  { tag: 'percent', response: 'She saves 600 out of 4000 each month, which is 600 / 4000 = 0.15, so she saves 15% of her salary.', reference: '15', correct: true, status: 'answered' },
  { tag: 'percent_decimal', response: 'The increase is 45 - 40 = 5, and 5 / 40 = 0.125, so the percent increase is 12.5%.', reference: '12.5', correct: true, status: 'answered' },
  { tag: 'percent_wrong', response: 'The price dropped from 80 to 60, a 20 dollar drop, so the discount is 20%.', reference: '25', correct: false, status: 'answered' },
  { tag: 'prob_decimal_percent', response: 'There is one winning ticket in four, so the probability is 0.25, or 25%.', reference: '1/4', correct: true, status: 'answered' },
  { tag: 'decimal_vs_frac', response: 'The answer is 0.375.', reference: '3/8', correct: true, status: 'answered' },
  { tag: 'frac_in_prose', response: 'Four friends share 8/3 pizzas... no, 2 pizzas among 3 people, so each person gets 2/3 of a pizza.', reference: '\\frac{2}{3}', correct: true, status: 'answered' },
  { tag: 'unit_hours', response: 'Answer: 3.5 hours', reference: '7/2', correct: true, status: 'answered' },
  { tag: 'unit_converted', response: 'At 40 km/h, 60 km takes 60 / 40 = 1.5 hours. It takes 90 minutes, or 1.5 hours.', reference: '1.5', correct: true, status: 'answered' },
  { tag: 'degrees', response: 'The angles of a triangle add to 180°, so the third angle is 180 - 90 - 55 = 35. The angle measures 35°.', reference: '35', correct: true, status: 'answered' },
  { tag: 'thousands_prose', response: 'The town had 10,000 people and gained 2,500, so the population grew to 12,500.', reference: '12500', correct: true, status: 'answered' },
  { tag: 'bold_unit', response: 'The jug holds 1 L = 1000 mL, and 4 glasses of 187.5 mL use 750 mL, leaving 250 mL.\n\nFinal answer: **250 mL**', reference: '250', correct: true, status: 'answered' },
  { tag: 'approx_final', response: 'Solving gives r = 3.99 cm, so the radius is approximately 4 cm.', reference: '4', correct: true, status: 'answered' },

  // Negative numbers, scientific notation.
  { tag: 'negative_unit', response: 'It was 5°C at noon and fell 12 degrees, so 5 - 12 = -7. The temperature at midnight was -7°C.', reference: '-7', correct: true, status: 'answered' },
  { tag: 'negative_word', response: 'The balance is 20 - 24, which is negative 4. The answer is negative 4.', reference: '-4', correct: true, status: 'answered' },
  { tag: 'sci_times', response: 'The answer is 3.2 \\times 10^{4}.', reference: '32000', correct: true, status: 'answered' },
  { tag: 'sci_e', response: 'Result: 6.02e23', reference: '6.02 \\times 10^{23}', correct: true, status: 'answered' },

  // Wrong intermediates, self-corrections.
  { tag: 'fix_forgot_tax', response: 'The meal costs $45. Wait, I forgot the 8% tax: 45 × 0.08 = 3.60, and 45 + 3.60 = 48.60. The answer is $48.60.', reference: '48.6', correct: true, status: 'answered' },
  { tag: 'fix_multiplication', response: 'So the total is 64. Wait, I multiplied wrong: 8 × 7 = 56, not 64. The total is 56.', reference: '56', correct: true, status: 'answered' },
  { tag: 'fix_to_wrong', response: 'The answer is 56. Hmm, let me recount the boxes on the second shelf... actually it should be 58.', reference: '56', correct: false, status: 'answered' },
  { tag: 'cot_many_numbers', response: 'There are 4 classes with 21 students each, so 4 × 21 = 84 students. Each bus holds 30, so 84 / 30 = 2.8, but the question asks for the number of students, not buses. Therefore, the final answer is 84.', reference: '84', correct: true, status: 'answered' },
  { tag: 'equation_final', response: 'Let x be the width. Then 4x = 36, so x = 9.', reference: '9', correct: true, status: 'answered' },

  // Markdown and code.
  { tag: 'md_header', response: '## Answer\n42 marbles', reference: '42', correct: true, status: 'answered' },
  { tag: 'code_with_output', response: '```python\nprint(17 * 23)\n```\nOutput: 391\n\nSo the answer is 391.', reference: '391', correct: true, status: 'answered' },
  { tag: 'code_only', response: '```python\ntotal = 17 * 23\nprint(total)\n```', reference: '391', correct: false, status: ABSTAIN },
  { tag: 'echo_then_answer', response: 'Question: If a car travels 60 miles per hour for 2.5 hours, how far does it go?\nAnswer: 150 miles', reference: '150', correct: true, status: 'answered' },

  // Words.
  { tag: 'number_words', response: 'She started with 50 stickers and gave away 14, so she has thirty-six stickers left.', reference: '36', correct: true, status: 'answered' },
  { tag: 'number_words', response: 'The answer is one hundred twenty.', reference: '120', correct: true, status: 'answered' },

  // Truncated, refusals, hedges.
  { tag: 'cut_before_value', response: 'Let x be the number of boys. Then 2x + 3 = 27, so 2x = 24 and x =', reference: '12', correct: false, status: CUT, truncated: true },
  { tag: 'answer_then_cut', response: 'The answer is 12.\n\nTo double-check, 2(12) + 3 = 27, which matches the', reference: '12', correct: true, status: DONE, truncated: true },
  { tag: 'refusal', response: "I'm not able to solve this without knowing the rate at which the tank drains.", reference: '10', correct: false, status: ABSTAIN },
  { tag: 'hedge_two', response: 'The answer is either 14 or 16, depending on whether the endpoints count.', reference: '16', correct: false, status: ABSTAIN },
];
