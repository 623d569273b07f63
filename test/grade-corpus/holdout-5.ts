/**
 * Hold-out batch 5 for issue 18: written blind (without reading lib/grade or running the grader on these cases),
 * in the styles small local models (1-8B GGUF) write. Its sha256 was recorded in holdout-5.sha256 before its
 * first run; the first-run figure is in docs/grading.md ("Corpus and hold-out"). Do not tune the extractors
 * against these cases: reproduce a miss as a tuning case in other wording (mc.ts, math.ts) instead.
 */
import type { GradeStatus } from '../../lib/grade/types.ts';
import type { HoldoutMathCase, HoldoutMcCase } from './holdout.ts';

const ABSTAIN: GradeStatus[] = ['no_answer', 'ambiguous', 'refused'];
const DONE: GradeStatus[] = ['answered', 'truncated'];

const RED_PLANET = ['Venus', 'Mars', 'Jupiter', 'Saturn'];
const CELL = ['Nucleus', 'Mitochondria', 'Golgi apparatus', 'Ribosome'];
const CAPITALS = ['London', 'Paris', 'Berlin', 'Rome'];
const ROMAN = ['I only', 'II only', 'I and III only', 'I, II and III'];

export const HOLDOUT_MC_5: HoldoutMcCase[] = [
  // Bare letters and letters with trailing explanations.
  { tag: 'letter_then_why', response: 'B\n\nExplanation: Mars looks red because iron oxide dust covers its surface.', pred: 'B', status: 'answered', choices: RED_PLANET },
  { tag: 'letter_then_why', response: "B\n\nWhy not the others? A confuses speed with velocity; C ignores direction entirely; D is only true when the object is at rest.", pred: 'B', status: 'answered' },
  { tag: 'lowercase', response: 'answer: c', pred: 'C', status: 'answered' },
  { tag: 'lowercase', response: 'd', pred: 'D', status: 'answered' },
  { tag: 'paren_only', response: '(D)', pred: 'D', status: 'answered' },
  { tag: 'correct_option_colon', response: 'Correct option: (c)\nReason: the reaction releases heat, so it is exothermic.', pred: 'C', status: 'answered' },
  { tag: 'letter_with_text', response: 'Answer: (B) The Treaty of Versailles\n\nExplanation: It was signed in 1919 and formally ended the war with Germany.', pred: 'B', status: 'answered',
    choices: ['The Treaty of Paris', 'The Treaty of Versailles', 'The Treaty of Ghent', 'The Treaty of Utrecht'] },
  { tag: 'letter_with_text', response: 'The answer is B) 25%.', pred: 'B', status: 'answered', choices: ['20%', '25%', '30%', '35%'] },
  { tag: 'letter_with_text', response: 'B. Paris', pred: 'B', status: 'answered', choices: CAPITALS },

  // Option text without a letter.
  { tag: 'text_only', response: 'The mitochondria.', pred: 'B', status: 'answered', choices: CELL },
  { tag: 'text_only', response: 'Because of the increased surface area, the smaller pieces react faster.', pred: 'B', status: 'answered',
    choices: ['Decreased temperature', 'Increased surface area', 'Lower pressure', 'Smaller concentration'] },
  { tag: 'text_only', response: 'False.', pred: 'B', status: 'answered', choices: ['True', 'False'] },
  { tag: 'text_only', response: 'All of the above.', pred: 'D', status: 'answered', choices: ['Wind', 'Solar', 'Hydroelectric', 'All of the above'] },
  { tag: 'ordinal_text', response: "So I'd go with the second one, mitosis, since the daughter cells are identical.", pred: 'B', status: 'answered',
    choices: ['Meiosis', 'Mitosis', 'Binary fission', 'Budding'] },
  { tag: 'option_number', response: 'The correct answer is option 3.', pred: 'C', status: 'answered', choices: ['Copper', 'Iron', 'Rubber', 'Aluminium'] },

  // Letter and text disagree: the reader cannot tell which was meant.
  { tag: 'letter_text_conflict', response: 'The answer is C: Paris.', pred: null, status: ABSTAIN, choices: CAPITALS },

  // Hedging, lists of options.
  { tag: 'hedge_lean', response: 'It could be either A or C, but I think A is more likely because the sample was heated first.', pred: 'A', status: 'answered' },
  { tag: 'hedge_lean', response: 'I would pick B, though A is also defensible if you read the passage loosely.', pred: 'B', status: 'answered' },
  { tag: 'hedge_single', response: 'Probably C.', pred: 'C', status: 'answered' },
  { tag: 'hedge_none', response: "I'm not sure. It might be B or D.", pred: null, status: ABSTAIN },
  { tag: 'hedge_none', response: 'Either B or D.', pred: null, status: ABSTAIN },
  { tag: 'several', response: 'A, C', pred: null, status: ABSTAIN },
  { tag: 'several', response: 'Both A and C are correct, since each describes a form of kinetic energy.', pred: null, status: ABSTAIN },
  { tag: 'several', response: 'Answer: B or C', pred: null, status: ABSTAIN },

  // Self-corrections and negations.
  { tag: 'self_correct', response: 'The answer is C. Actually, wait — the question asks for the smallest value, not the largest, so the answer is A.', pred: 'A', status: 'answered' },
  { tag: 'self_correct', response: "I think it's A... no wait, that's the boiling point. It's B.", pred: 'B', status: 'answered' },
  { tag: 'self_correct', response: 'Answer: A\n\nCorrection: I misread the question, it asks about the reactant, not the product. The correct answer is C.', pred: 'C', status: 'answered' },
  { tag: 'negation_then_answer', response: 'The answer is not B. Since B is ruled out and the rate has to be positive, the answer is D.', pred: 'D', status: 'answered' },
  { tag: 'negation_only', response: 'The answer is not B.', pred: null, status: ABSTAIN },
  { tag: 'negation_walk', response: 'Option A is not correct since it ignores friction. Option B is not correct either, because the mass cancels. The right one is D.', pred: 'D', status: 'answered' },
  { tag: 'not_question', response: 'A whale is a mammal, a bat is a mammal, a dolphin is a mammal, but a shark is not a mammal. So the answer is C.', pred: 'C', status: 'answered',
    question: 'Which of the following is NOT a mammal?', choices: ['Whale', 'Bat', 'Shark', 'Dolphin'] },
  { tag: 'not_question', response: 'The shark (C) is not a mammal; it is a fish.', pred: 'C', status: 'answered',
    question: 'Which of the following is NOT a mammal?', choices: ['Whale', 'Bat', 'Shark', 'Dolphin'] },
  { tag: 'eliminate', response: 'Eliminating A and D, we are left with B and C. Between these, C fits the data better.', pred: 'C', status: 'answered' },
  { tag: 'walkthrough_full', response: 'A is incorrect because the liver does not produce insulin.\nB is incorrect because the kidneys filter blood.\nC is correct because the pancreas releases insulin.\nD is incorrect because the spleen stores blood cells.', pred: 'C', status: 'answered' },

  // Question echoes and few-shot continuations.
  { tag: 'echo_then_answer', response: 'Question: Which planet is known as the Red Planet?\nA. Venus\nB. Mars\nC. Jupiter\nD. Saturn\nAnswer: B', pred: 'B', status: 'answered',
    question: 'Which planet is known as the Red Planet?', choices: RED_PLANET },
  { tag: 'fewshot_continue', response: 'Answer: C\n\nQuestion: What is the chemical symbol for gold?\nA. Ag\nB. Au\nC. Gd\nD. Go\nAnswer: B\n\nQuestion: Which gas do plants absorb?\nA. Oxygen\nB. Nitrogen\nC. Carbon dioxide\nD. Helium\nAnswer: C', pred: 'C', status: 'answered' },
  { tag: 'fewshot_continue', response: '(A) 4\n\nQ: How many legs does a spider have?\n(A) 6 (B) 8 (C) 10 (D) 12\nA: (B)', pred: 'A', status: 'answered', choices: ['4', '5', '6', '8'] },
  { tag: 'fewshot_other_question', response: 'Question: What is 2 + 2?\nA. 3\nB. 4\nC. 5\nD. 6\nAnswer: B', pred: null, status: ABSTAIN,
    question: 'Which organelle is the site of photosynthesis?', choices: ['Chloroplast', 'Vacuole', 'Nucleus', 'Cell wall'] },
  { tag: 'echo_empty_answer', response: 'Answer:\n\nQuestion: Which metal is liquid at room temperature?\nA. Iron\nB. Mercury\nC. Lead\nD. Tin\nAnswer: B', pred: null, status: ABSTAIN },
  { tag: 'repeat_same', response: 'Answer: B\nAnswer: B\nAnswer: B\nAnswer: B\nAnswer: B', pred: 'B', status: 'answered' },
  { tag: 'repeat_same', response: 'The answer is C. The answer is C. The answer is C. The answer is C.', pred: 'C', status: 'answered' },

  // Reasoning blocks.
  { tag: 'think_final', response: '<think>\nThe options are about heat transfer. Maybe A, conduction? No, there is no contact. B is convection, that needs a fluid... the vacuum rules that out. So radiation, which is D.\n</think>\n\nThe answer is **D**.', pred: 'D', status: 'answered',
    choices: ['Conduction', 'Convection', 'Evaporation', 'Radiation'] },
  { tag: 'think_final', response: '<think>\nI first thought A because of the date, but the treaty was signed later. Hmm, so it should be C.\n</think>\nC', pred: 'C', status: 'answered' },
  { tag: 'think_disagrees', response: '<think>\nThe question is about the largest ocean. Atlantic is big. I will say A.\n</think>\n\nOn reflection, the Pacific is the largest, so the answer is (C).', pred: 'C', status: 'answered',
    choices: ['Atlantic', 'Indian', 'Pacific', 'Arctic'] },
  { tag: 'think_only', response: '<think>\nPressure times volume is constant, so halving the volume doubles the pressure. That matches option D.\n</think>\n\n', pred: 'D', status: DONE },
  { tag: 'think_cut', response: "<think>\nOkay, let's see. The question asks which process releases the most energy. Option A says glycolysis, which only makes 2 ATP. Option B", pred: null, status: 'truncated', truncated: true },

  // Markdown.
  { tag: 'markdown_header', response: '## Answer\n\n**C) Increased demand**\n\nWhen demand rises and supply stays the same, prices go up.', pred: 'C', status: 'answered',
    choices: ['Decreased supply costs', 'Lower taxes', 'Increased demand', 'Government subsidies'] },
  { tag: 'markdown_bold', response: '**Final Answer:** (B)', pred: 'B', status: 'answered' },
  { tag: 'boxed_letter', response: 'Comparing the half-lives, the sample with the shortest one decays fastest.\n\n\\boxed{C}', pred: 'C', status: 'answered' },
  { tag: 'boxed_letter', response: 'Thus the final answer is $\\boxed{\\text{B}}$.', pred: 'B', status: 'answered' },
  { tag: 'json', response: '{"answer": "C"}', pred: 'C', status: 'answered' },

  // Letters named in prose, and letter-shaped words.
  { tag: 'prose_option', response: 'Among the choices, Option D stands out as the only one that accounts for friction.', pred: 'D', status: 'answered' },
  { tag: 'article_a', response: 'A good answer here is D, because the current splits between the two branches.', pred: 'D', status: 'answered' },
  { tag: 'qa_prefix', response: 'A: The correct answer is B.', pred: 'B', status: 'answered' },
  { tag: 'roman', response: 'Statements I and III hold, while II fails for negative numbers, so the answer is C (I and III only).', pred: 'C', status: 'answered', choices: ROMAN },
  { tag: 'roman', response: 'Statement I is correct. Statement II is incorrect. Statement III is incorrect. Therefore the answer is I only.', pred: 'A', status: 'answered', choices: ROMAN },
  { tag: 'closest', response: 'None of the options are exactly right, but the closest is B.', pred: 'B', status: 'answered' },
  { tag: 'conditional_alt', response: 'The answer is B. However, if the question meant the net force rather than the applied force, the answer would be A.', pred: 'B', status: 'answered' },
  { tag: 'confidence_note', response: 'Final answer: B (moderately confident)', pred: 'B', status: 'answered' },
  { tag: 'other_language', response: '答案是 B。因为水在100摄氏度沸腾。', pred: 'B', status: 'answered' },
  { tag: 'ten_options', response: 'Let me work through it. The present value at 5% over 10 years gives about $613.\n\nThe answer is (E).', pred: 'E', status: 'answered', n: 10 },
  { tag: 'ten_options', response: 'the answer is (J)', pred: 'J', status: 'answered', n: 10 },
  { tag: 'out_of_range', response: 'The answer is (F).', pred: null, status: ABSTAIN },
  { tag: 'step_by_step', response: "Let's think step by step. The force is 10 N and the mass 2 kg, so the acceleration is 5 m/s². Among A through D, only C gives 5 m/s².\n\nThe answer is C.", pred: 'C', status: 'answered',
    choices: ['2 m/s²', '3 m/s²', '5 m/s²', '20 m/s²'] },
  { tag: 'cut_after_commit', response: 'The answer is (A). This is because the enzyme lowers the activation energy, which', pred: 'A', status: DONE, truncated: true },

  // Refusals and nothing.
  { tag: 'refusal', response: "I'm sorry, but I can't help with questions about making weapons.", pred: null, status: ABSTAIN },
  { tag: 'refusal', response: 'As an AI language model, I cannot determine which option is correct without more context about the experiment.', pred: null, status: ABSTAIN },
  { tag: 'empty', response: '', pred: null, status: ABSTAIN },
  { tag: 'question_only', response: 'Which of the following is a prime number?', pred: null, status: ABSTAIN },
  { tag: 'degenerate', response: 'the the the the the the the the the the the the the the the the the the the the', pred: null, status: ABSTAIN },
];

export const HOLDOUT_MATH_5: HoldoutMathCase[] = [
  // Boxed and GSM8K markers.
  { tag: 'boxed', response: 'Adding the two sides: 17 + 25 = 42.\n\n\\boxed{42}', reference: '42', correct: true, status: 'answered' },
  { tag: 'hash_thousands', response: 'Each box holds 250 pens and there are 5 boxes, so 5 × 250 = 1,250 pens.\n#### 1,250', reference: '1250', correct: true, status: 'answered' },
  { tag: 'hash_work', response: 'She has 5 + 7 = 12 apples. Then she gives away 4, so 12 - 4 = 8.\n#### 8', reference: '8', correct: true, status: 'answered' },
  { tag: 'hash_thousands', response: '#### 12,000', reference: '12000', correct: true, status: 'answered' },
  { tag: 'boxed_header', response: '### Final Answer\n\n$$\\boxed{144}$$', reference: '144', correct: true, status: 'answered' },
  { tag: 'boxed_wrong', response: 'Multiplying gives 6 × 4 = 24.\n\n\\boxed{24}', reference: '42', correct: false, status: 'answered' },
  { tag: 'boxed_latex_thousands', response: 'The total payment is $\\boxed{1{,}200}$ dollars.', reference: '1200', correct: true, status: 'answered' },
  { tag: 'boxed_dollar', response: 'So she pays \\boxed{\\$18.00}.', reference: '18', correct: true, status: 'answered' },
  { tag: 'boxed_degrees', response: 'The angles of an equilateral triangle are equal, so each is \\boxed{60^\\circ}.', reference: '60', correct: true, status: 'answered' },
  { tag: 'boxed_percent', response: 'The discount is \\boxed{40\\%}.', reference: '40', correct: true, status: 'answered' },
  { tag: 'boxed_equation', response: 'Solving 2x + 3 = 13 gives $\\boxed{x = 5}$.', reference: '5', correct: true, status: 'answered' },
  { tag: 'boxed_sqrt', response: 'The diagonal is $\\sqrt{12} = \\boxed{2\\sqrt{3}}$.', reference: '2\\sqrt{3}', correct: true, status: 'answered' },
  { tag: 'boxed_check', response: '\\boxed{56}\n\nCheck: 7 × 8 = 56 ✓. Also 56 / 7 = 8.', reference: '56', correct: true, status: 'answered' },
  { tag: 'boxed_answer_label', response: '\\boxed{\\text{Answer: } 15}', reference: '15', correct: true, status: 'answered' },

  // Fractions and negatives.
  { tag: 'fraction_prose', response: 'There are 3 favourable outcomes out of 8, so the probability is \\frac{3}{8}.', reference: '\\frac{3}{8}', correct: true, status: 'answered' },
  { tag: 'dfrac', response: 'Therefore the probability is $\\boxed{\\dfrac{5}{12}}$.', reference: '\\frac{5}{12}', correct: true, status: 'answered' },
  { tag: 'negative_fraction', response: 'The slope is \\boxed{-\\frac{1}{2}}.', reference: '-\\frac{1}{2}', correct: true, status: 'answered' },
  { tag: 'negative', response: 'Subtracting 10 from both sides, 2x = -14. So x = -7.', reference: '-7', correct: true, status: 'answered' },
  { tag: 'unicode_minus', response: 'Overnight the temperature dropped to −8 degrees.', reference: '-8', correct: true, status: 'answered' },
  { tag: 'decimal_vs_fraction', response: 'The answer is 0.5.', reference: '\\frac{1}{2}', correct: true, status: 'answered' },
  { tag: 'fraction_approx', response: 'The answer is 1/3 ≈ 0.333.', reference: '\\frac{1}{3}', correct: true, status: 'answered' },
  { tag: 'mixed_number', response: 'The trip takes 2 1/2 hours.', reference: '\\frac{5}{2}', correct: true, status: 'answered' },

  // Units, money, percentages, separators.
  { tag: 'units', response: 'Distance = speed × time = 50 × 3.\nAnswer: 150 km', reference: '150', correct: true, status: 'answered' },
  { tag: 'money', response: 'Adding everything up, the total cost is $1,234.50.', reference: '1234.5', correct: true, status: 'answered' },
  { tag: 'trailing_zero', response: 'The answer is 3.50', reference: '3.5', correct: true, status: 'answered' },
  { tag: 'percent', response: 'The price went from 80 to 100, so the increase is 25%.', reference: '25', correct: true, status: 'answered' },
  { tag: 'area_units', response: 'The area is 48 square meters.', reference: '48', correct: true, status: 'answered' },
  { tag: 'millions', response: 'The city grew to a population of 2,500,000.', reference: '2500000', correct: true, status: 'answered' },
  { tag: 'bold_answer', response: 'The answer is: **17**', reference: '17', correct: true, status: 'answered' },
  { tag: 'bare_number', response: '72', reference: '72', correct: true, status: 'answered' },
  { tag: 'number_word', response: 'The answer is twelve.', reference: '12', correct: true, status: 'answered' },

  // Final answer after wrong intermediates, self-corrections, continuations.
  { tag: 'wrong_intermediate', response: 'First I got 36, but I forgot to subtract the 4 returned books. 36 - 4 = 32.\nThe answer is 32.', reference: '32', correct: true, status: 'answered' },
  { tag: 'wrong_final', response: 'He reads 6 pages a day for 5 days, which is 30 pages.\nThe answer is 30.', reference: '32', correct: false, status: 'answered' },
  { tag: 'reboxed', response: 'So the count is \\boxed{4}.\n\nWait, I forgot the two corner squares. Recounting: 4 + 2 = 6.\n\n\\boxed{6}', reference: '6', correct: true, status: 'answered' },
  { tag: 'correct_to_wrong', response: 'The answer is 12. Hmm, actually I double counted the first day; it is 10.', reference: '12', correct: false, status: 'answered' },
  { tag: 'final_sentence', response: 'Let n be the number. Then 3n - 4 = 23, so 3n = 27.\nTherefore, $n = 9$.', reference: '9', correct: true, status: 'answered' },
  { tag: 'polynomial', response: 'Expanding (x + 2)(x + 3) term by term gives x^2 + 3x + 2x + 6. So the simplified expression is x^2 + 5x + 6.', reference: 'x^2+5x+6', correct: true, status: 'answered' },
  { tag: 'think_then_answer', response: '<think>\n2 + 3 = 5, times 4 is 20... no, multiplication comes first: 3 × 4 = 12, and 2 + 12 = 14.\n</think>\n\nThe answer is 14.', reference: '14', correct: true, status: 'answered' },
  { tag: 'fewshot_continue', response: 'Each tray has 6 cookies and there are 3 trays, so 18 cookies.\n#### 18\n\nQuestion: A baker makes 24 muffins and sells 18. How many are left?\nAnswer: 24 - 18 = 6\n#### 6', reference: '18', correct: true, status: 'answered' },
  { tag: 'repeat_same', response: 'The answer is 9.\n\nThe answer is 9.\n\nThe answer is 9.\n\nThe answer is 9.', reference: '9', correct: true, status: 'answered' },

  // Truncated, refused, empty.
  { tag: 'cut_mid', response: 'Let x be the number of tickets sold. Then 3x + 5 = 20, so', reference: '5', correct: false, status: 'truncated', truncated: true },
  { tag: 'refusal', response: 'I cannot solve this problem without more information about the speeds of the trains.', reference: '12', correct: false, status: ABSTAIN },
  { tag: 'empty', response: '', reference: '7', correct: false, status: ABSTAIN },
  { tag: 'echo_cut', response: 'Question: Tom has 3 boxes with 14 marbles in each box. He gives away', reference: '42', correct: false, status: ['truncated', 'no_answer'], truncated: true },
];
