/**
 * Hold-out batch 13 for issue 18: written blind (without reading lib/grade, the tuning corpus, docs/grading.md or
 * the earlier batches' cases, and without running the grader on these cases), in the styles small local models
 * (1-8B GGUF, chat, base-model few-shot and <think> reasoning models, quantized down to Q2_K) write on MMLU-Pro-like
 * 10-option and 4-option questions and on GSM8K/MATH-like problems. Its sha256 was recorded in holdout-13.sha256
 * before its first run. Do not tune the extractors against these cases: reproduce a miss as a tuning case in other
 * wording instead.
 *
 * Styles covered. Multiple choice: plain "the answer is (X)", bare letters, bold/markdown headers, JSON and XML-ish
 * output, \boxed{} letters, option text without a letter, a value that matches one option's text, letters in
 * closing prose ("(option C)", "Choice H", "… is B. <option text>", quoted option), "not listed but closest to",
 * NOT/EXCEPT questions, the pronoun/article traps "I" and "A", loops after a committed answer, invented follow-up
 * questions and echoed few-shot examples, corrections in both directions, eliminations, a verdict table, <think>
 * blocks (closed, unclosed, flipping), answers cut off after the commitment, cut-off walk-throughs and re-listed
 * option lists, withdrawn closest options, "none of the options" conclusions, the template's literal "(X)", an
 * out-of-range letter, hedges, several answers, refusals, Spanish/German/French/Chinese, stuttering quantized output.
 * Math: GSM8K "####", \boxed{} (fractions, roots, pi, intervals, pairs, sets, degrees, units, "x = 4",
 * "answer: N" inside the box), base subscripts missing from the answer, final answers in prose without a box
 * (polynomials, bold words, number words), separators, currency, percents, negatives and Unicode minus, scientific
 * and e-notation, "1.5 million", mixed numbers, decimal commas in German, other languages, loops and invented
 * follow-ups after the answer, corrections, several boxes, JSON, hedges, ranges, refusals, cut-off replies,
 * answers before a cut-off, empty replies. About a third of the math cases are not correct.
 */
import type { GradeStatus } from '../../lib/grade/types.ts';
import type { HoldoutMathCase, HoldoutMcCase } from './holdout.ts';

const r = String.raw;
const ABSTAIN: GradeStatus[] = ['no_answer', 'ambiguous'];

const FORCE = ['0.5 N', '1.5 N', '3 N', '4.5 N', '6 N', '9 N', '12 N', '15 N', '18 N', '24 N'];
const ECON = [
  'Classical economics',
  'Monetarism',
  'Keynesian economics',
  'Supply-side economics',
  'Austrian school',
  'Marxian economics',
  'Behavioral economics',
  'Real business cycle theory',
  'Mercantilism',
  'Institutional economics',
];
const CELL = ['Ribosome', 'Golgi apparatus', 'Lysosome', 'Nucleolus', 'Mitochondrion', 'Chloroplast', 'Peroxisome', 'Centriole', 'Vacuole', 'Cell wall'];
const MOLES = ['1 mole', '2 moles', '3 moles', '4 moles', '5 moles', '6 moles', '7 moles', '8 moles', '9 moles', '10 moles'];
const CONTRACT = ['Offer', 'Acceptance', 'Notarization by a public official', 'Consideration', 'Capacity of the parties', 'Legality of purpose', 'Mutual assent', 'Intent to create legal relations', 'Definite terms', 'Genuine consent'];
const HEART = [
  'Decreased heart rate',
  'Increased stroke volume',
  'Decreased cardiac output',
  'Vasodilation of skin arterioles only',
  'Reduced venous return',
  'Lower systolic pressure',
  'Increased vagal tone',
  'Decreased contractility',
  'Reduced oxygen extraction',
  'Bradycardia at rest',
];
const SPEED = ['1.2 m/s', '2.5 m/s', '3.0 m/s', '4.2 m/s', '5.0 m/s', '6.4 m/s', '7.1 m/s', '8.0 m/s', '9.8 m/s', '11 m/s'];

export const HOLDOUT_MC_13: HoldoutMcCase[] = [
  // --- Ordinary replies -------------------------------------------------------------------------------------
  { tag: 'answer_is_paren', response: "Let's think step by step. Newton's second law gives F = ma = 2 kg × 3 m/s² = 6 N. The answer is (E).", pred: 'E', status: 'answered', choices: FORCE },
  { tag: 'bold_answer_line', response: 'The lysosome contains hydrolytic enzymes that break down worn-out organelles.\n\n**Answer: C**', pred: 'C', status: 'answered', choices: CELL },
  { tag: 'bare_letter', response: 'H', pred: 'H', status: 'answered', n: 10 },
  { tag: 'bare_letter_paren', response: '(D)', pred: 'D', status: 'answered', n: 10 },
  { tag: 'letter_with_option_text', response: 'D) Supply-side economics', pred: 'D', status: 'answered', choices: ECON },
  { tag: 'correct_choice_colon', response: 'The correct choice is J: 24 N, since the two forces act in the same direction and add.', pred: 'J', status: 'answered', choices: FORCE },
  { tag: 'bold_letter_and_text', response: 'Mitochondria are the site of oxidative phosphorylation.\n\nThe correct answer is **(E) Mitochondrion**.', pred: 'E', status: 'answered', choices: CELL },
  { tag: 'final_answer_colon', response: 'Working through the amortization table, the balance after the third payment is $7,412.\n\nFinal answer: I', pred: 'I', status: 'answered', choices: ['$6,980', '$7,015', '$7,120', '$7,205', '$7,290', '$7,333', '$7,380', '$7,401', '$7,412', '$7,500'] },
  { tag: 'lowercase_letter', response: 'the answer is (g) because the tariff raises the domestic price above the world price.', pred: 'G', status: 'answered', n: 10 },
  { tag: 'caps_answer', response: 'ANSWER: B', pred: 'B', status: 'answered', n: 10 },
  { tag: 'go_with', response: "Between these, the depreciation of the currency makes exports cheaper, so I'd go with C.", pred: 'C', status: 'answered', n: 4 },
  { tag: 'letter_first_then_reason', response: 'F — the enzyme denatures above about 60 °C, so activity collapses at the highest temperature tested.', pred: 'F', status: 'answered', n: 10 },
  { tag: 'answer_then_explanation', response: 'Answer: E\n\nExplanation: Option A ignores friction. Option B doubles the mass by mistake. Option C uses the wrong sign for the incline. Option D forgets to square the velocity.', pred: 'E', status: 'answered', n: 10 },
  { tag: 'four_option_plain', response: 'Sodium has one valence electron, which it loses easily. The answer is C.', pred: 'C', status: 'answered', n: 4 },
  { tag: 'markdown_header', response: '### Step 1\nConvert 45 minutes to 0.75 h.\n\n### Step 2\nSpeed = 3 km / 0.75 h = 4 km/h ≈ 1.1 m/s.\n\n### Final Answer\n(A) 1.2 m/s', pred: 'A', status: 'answered', choices: SPEED },
  { tag: 'hedged_single', response: "I'm not completely sure, but I think the answer might be B, since stroke volume rises with training.", pred: 'B', status: 'answered', choices: HEART },

  // --- Structured output ------------------------------------------------------------------------------------
  { tag: 'json_answer', response: '{"reasoning": "A and B describe short-run effects; the question asks about the long run.", "answer": "H"}', pred: 'H', status: 'answered', n: 10 },
  { tag: 'json_fenced', response: '```json\n{\n  "answer": "D",\n  "confidence": 0.7\n}\n```', pred: 'D', status: 'answered', n: 10 },
  { tag: 'xml_answer', response: '<reasoning>The Golgi apparatus modifies and packages proteins.</reasoning>\n<answer>B</answer>', pred: 'B', status: 'answered', choices: CELL },
  { tag: 'boxed_letter', response: r`The work done is $W = F d = 12 \times 1.5 = 18$ J, which is option I.

$\boxed{I}$`, pred: 'I', status: 'answered', n: 10 },
  { tag: 'boxed_text_letter', response: r`Thus the only consistent choice is $\boxed{\text{(B)}}$.`, pred: 'B', status: 'answered', n: 10 },
  { tag: 'verdict_table', response: '| Option | Consistent with data? |\n|---|---|\n| A | No |\n| B | No |\n| C | Yes |\n| D | No |\n\nOnly C fits every observation → **C**', pred: 'C', status: 'answered', n: 4 },
  { tag: 'correct_incorrect_list', response: 'Correct: G\nIncorrect: A, B, C, D, E, F, H, I, J', pred: 'G', status: 'answered', n: 10 },

  // --- Option named in prose or by its text -----------------------------------------------------------------
  { tag: 'option_in_closing_paren', response: 'A fixed-rate loan keeps each installment the same, so the borrower pays down principal fastest under the accelerated biweekly schedule (option C).', pred: 'C', status: 'answered', n: 10 },
  { tag: 'choice_word_prose', response: 'Choice H best captures the relationship: real output is determined by technology and preferences, and money is neutral.', pred: 'H', status: 'answered', choices: ECON },
  { tag: 'is_letter_then_text', response: 'During aerobic training the heart adapts mainly by enlarging the left ventricle. So the correct response is B. Increased stroke volume.', pred: 'B', status: 'answered', choices: HEART },
  { tag: 'quoted_option', response: 'Keynes argued that aggregate demand drives output in the short run. The best match is "(C) Keynesian economics".', pred: 'C', status: 'answered', choices: ECON },
  { tag: 'option_text_only', response: 'The organelle described is the Golgi apparatus.', pred: 'B', status: 'answered', choices: CELL },
  { tag: 'value_matches_option', response: '2 H2 + O2 → 2 H2O, so water forms mole for mole with hydrogen. With 7 mol of H2 and excess O2 we get 7 mol of water.\n\nFinal answer: 7 moles', pred: 'G', status: 'answered', choices: MOLES },
  { tag: 'closest_not_listed', response: 'My result, 12.6 N, is not listed exactly, but it is closest to option G (12 N).', pred: 'G', status: 'answered', choices: FORCE },
  { tag: 'value_then_option', response: 'v = sqrt(2gh) = sqrt(2 × 9.8 × 0.9) ≈ 4.2 m/s. That corresponds to option D.', pred: 'D', status: 'answered', choices: SPEED },
  { tag: 'option_word_sentence_end', response: 'Since the coupon rate is below the market rate, the bond must sell at a discount, which is Option F.', pred: 'F', status: 'answered', choices: ['At par', 'At a premium', 'At face value plus accrued interest', 'At its call price', 'At a price above par', 'At a discount', 'At zero', 'At the coupon amount', 'At twice par', 'At its conversion value'] },
  { tag: 'trap_pronoun_I', response: 'I think the answer is I, because only that statement accounts for both the rise in prices and the fall in output.', pred: 'I', status: 'answered', n: 10 },
  { tag: 'trap_article_A', response: 'A careful look at the units shows the constant must be in J/K, so the answer is E.', pred: 'E', status: 'answered', choices: ['m/s', 'kg', 'J', 'N', 'J/K', 'W', 'Pa', 'mol', 'K', 'C'] },
  { tag: 'trap_option_I_prose', response: 'I believe option I fits best: the court applied strict scrutiny because a fundamental right was at stake.', pred: 'I', status: 'answered', n: 10 },
  { tag: 'not_question_option_is_not', question: 'Which of the following is NOT required for a contract to be enforceable?', response: 'Offer, acceptance and consideration are all essential, and the parties must have capacity. Notarization (option C) is not required; most contracts are valid without it.', pred: 'C', status: 'answered', choices: CONTRACT },
  { tag: 'except_question', question: 'All of the following are typical signs of hypothyroidism EXCEPT:', response: 'Weight gain, cold intolerance, fatigue and constipation are all classic. Heat intolerance is the odd one out; it suggests hyperthyroidism instead. So the exception is D.', pred: 'D', status: 'answered', n: 4 },
  { tag: 'not_question_rejections', question: 'Which of the following is NOT a function of the liver?', response: 'Option A (bile production) is a liver function. Option B (glycogen storage) is a liver function. Option C (detoxification) is a liver function. Option D (insulin secretion) is not a function of the liver; that is the pancreas. The answer is D.', pred: 'D', status: 'answered', n: 4 },
  { tag: 'letter_paren_sentence_end', response: 'A buffer resists pH change best when the pH equals the pKa of the weak acid (B).', pred: 'B', status: 'answered', n: 4 },
  { tag: 'wrong_wrong_right', response: '(A) and (B) are wrong because they ignore the time value of money; (C) is right.', pred: 'C', status: 'answered', n: 4 },
  { tag: 'elimination', response: 'Eliminate A (wrong units), C (sign error), D and F (too large by a factor of ten), and B (ignores the 30° angle). That leaves E.', pred: 'E', status: 'answered', n: 6 },
  { tag: 'both_but_best', response: 'Both B and D are true statements, but the question asks for the primary cause, and that is B.', pred: 'B', status: 'answered', n: 10 },
  { tag: 'none_of_above_option', response: 'None of the listed stopping distances matches 31 m, so the answer is J, none of these.', pred: 'J', status: 'answered', choices: ['12 m', '15 m', '18 m', '21 m', '24 m', '27 m', '35 m', '40 m', '44 m', 'None of these'] },
  { tag: 'disclaimer_then_answer', response: 'I cannot give medical advice for a real patient. For the purposes of this exam question, though, the answer is B.', pred: 'B', status: 'answered', n: 4 },

  // --- Corrections ------------------------------------------------------------------------------------------
  { tag: 'correction_later_wins', response: 'The answer is (B). Wait, I made an error: doubling the temperature in kelvin doubles the pressure, so the answer is actually (D).', pred: 'D', status: 'answered', choices: ['It halves', 'It stays the same', 'It quadruples', 'It doubles', 'It rises by a factor of 1.5', 'It falls to a quarter', 'It rises by 273 kPa', 'It depends on the gas', 'It triples', 'It becomes zero'] },
  { tag: 'initially_thought', response: 'I initially thought D, since the graph slopes upward. But the axes are swapped: it is displacement against time, so the slope is velocity, which is constant. Final answer: A.', pred: 'A', status: 'answered', n: 10 },
  { tag: 'recompute_to_option', response: 'The answer is (C). Hmm, no, that figure is before sales tax. Adding 15% gives $1,150, which is option (F).', pred: 'F', status: 'answered', choices: ['$850', '$950', '$1,000', '$1,050', '$1,100', '$1,150', '$1,200', '$1,250', '$1,300', '$1,350'] },

  // --- Loops, invented follow-ups, echoes -------------------------------------------------------------------
  { tag: 'loop_same_answer', response: 'Because the strong base is in excess, the final solution is basic. The answer is (E). The answer is (E). The answer is (E). The answer is (E). The answer is (E). The answer is (E). The answer is (E). The answer is (E). The answer is', pred: 'E', status: 'answered', n: 10, truncated: true },
  { tag: 'loop_letters_after_answer', response: 'Total revenue is maximized where elasticity equals one, so the answer is (G).\n\n(G) (G) (G) (G) (G) (G) (G) (G) (G) (G) (G) (G) (G) (G)', pred: 'G', status: 'answered', n: 10 },
  { tag: 'loop_reconsider_after_answer', response: 'Therefore, the answer is H.\n\nBut let me reconsider J. No, H. But let me reconsider J. No, H. But let me reconsider J. No, H. But let me reconsider J. No, H. But let me reconsider J.', pred: 'H', status: 'answered', n: 10, truncated: true },
  { tag: 'invented_followup_question', response: "The answer is (B).\n\nQuestion: Which of the following best describes the function of the sinoatrial node?\nA. Pumps blood\nB. Stores calcium\nC. Conducts impulses to the ventricles\nD. Initiates the heartbeat\nAnswer: Let's think step by step. The SA node is the natural pacemaker. The answer is (D).", pred: 'B', status: 'answered', n: 10 },
  { tag: 'invented_followup_try_another', response: 'So the equilibrium shifts left and the answer is F.\n\nFollow-up: If instead the pressure were halved, what would happen? Halving the pressure favors the side with more gas moles, so the answer would be A.', pred: 'F', status: 'answered', n: 10 },
  { tag: 'base_model_continues', response: " Let's think step by step. Inflation erodes the real value of fixed nominal payments, so lenders lose and borrowers gain. The answer is (I).\n\nQuestion: The following are multiple choice questions (with answers) about economics.\n\nQuestion: Which of the following would shift the aggregate supply curve to the right?", pred: 'I', status: 'answered', choices: ['Borrowers lose and lenders gain', 'Both lose', 'Both gain', 'Neither is affected', 'Savers gain', 'Pensioners gain', 'Banks gain', 'Workers lose only', 'Lenders lose and borrowers gain', 'Governments lose'], truncated: true },
  { tag: 'numbered_invented_questions', response: 'B\n\nQuestion 2: What is the capital of Australia?\nAnswer: C\n\nQuestion 3: Which gas is most abundant in the atmosphere?\nAnswer: A', pred: 'B', status: 'answered', n: 4 },
  {
    tag: 'echoed_fewshot_then_answer',
    question: 'Which amendment to the U.S. Constitution abolished slavery?',
    response: "Question: What is the SI unit of force?\nA. joule B. watt C. newton D. pascal\nAnswer: Let's think step by step. Force is measured in newtons. The answer is (C).\n\nQuestion: Which amendment to the U.S. Constitution abolished slavery?\nAnswer: Let's think step by step. The Thirteenth Amendment, ratified in 1865, abolished slavery. The answer is (G).",
    pred: 'G',
    status: 'answered',
    choices: ['First', 'Fifth', 'Tenth', 'Eleventh', 'Twelfth', 'Fourteenth', 'Thirteenth', 'Fifteenth', 'Nineteenth', 'Twenty-first'],
  },
  {
    tag: 'echoed_fewshot_two_examples',
    question: 'What is the main function of red blood cells?',
    response: "The answer is (A).\n\nThe answer is (D).\n\nFor this question: red blood cells carry oxygen bound to hemoglobin from the lungs to the tissues. The answer is (F).",
    pred: 'F',
    status: 'answered',
    choices: ['Fight infection', 'Clot blood', 'Produce antibodies', 'Store iron', 'Digest bacteria', 'Transport oxygen', 'Produce hormones', 'Regulate temperature', 'Filter toxins', 'Carry nutrients only'],
  },

  // --- Reasoning models (<think>) ---------------------------------------------------------------------------
  { tag: 'think_then_answer', response: '<think>\nThe question asks which organelle has its own DNA besides the nucleus. Ribosomes do not. Mitochondria do. Chloroplasts also do, but this is an animal cell, so chloroplast is out.\n</think>\n\nAnswer: E', pred: 'E', status: 'answered', choices: CELL },
  { tag: 'think_flip_final_outside', response: '<think>\nMaybe it is B, monetarism, since the question mentions money supply. Hmm, but it says "government spending to fill the output gap" — that is Keynes. So C.\n</think>\n\n**C**', pred: 'C', status: 'answered', choices: ECON },
  { tag: 'think_answer_differs_outside', response: "<think>\nI'll say A. Actually the integral runs from 0 to 2, not 0 to 1, so the area is four times larger. That's D.\n</think>\n\nThe area under the curve is 8/3, so the answer is D.", pred: 'D', status: 'answered', choices: ['2/3', '1', '4/3', '8/3', '3', '10/3', '4', '16/3', '6', '8'] },
  { tag: 'think_final_answer_boxed', response: r`<think>
Let me compute the present value: 1000/(1.05)^3 = 863.84. Option J is 863.84.
</think>

**Final Answer**
$\boxed{J}$`, pred: 'J', status: 'answered', choices: ['$783.53', '$800.00', '$822.70', '$850.00', '$857.38', '$870.00', '$905.00', '$950.00', '$952.38', '$863.84'] },
  { tag: 'think_unclosed_cutoff', response: '<think>\nOkay, let me figure out the molar mass first. C6H12O6: 6×12 + 12×1 + 6×16 = 180 g/mol. Then 90 g is 0.5 mol. Option B says 0.5 mol but the question asks for molecules, so I need Avogadro: 0.5 × 6.02e23 = 3.01e23. Option', pred: null, status: 'truncated', n: 10, truncated: true },

  // --- Committing to nothing --------------------------------------------------------------------------------
  { tag: 'walkthrough_cutoff', response: "Let's evaluate each option:\n(A) This is incorrect, because the Fed does not set fiscal policy.\n(B) This is incorrect, because open-market purchases raise reserves.\n(C) This statement is", pred: null, status: 'truncated', choices: ['The Fed sets fiscal policy', 'Open-market purchases reduce reserves', 'Open-market purchases lower the federal funds rate', 'The Fed taxes banks', 'Reserve requirements are set by Congress', 'The discount rate is fixed by law', 'The Fed prints Treasury bonds', 'Open-market sales raise reserves', 'The Fed cannot buy securities', 'Interest on reserves has no effect'], truncated: true },
  { tag: 'relisted_options_cutoff', response: 'Consider each choice:\n\nA. Ribosome\nB. Golgi apparatus\nC. Lysosome\nD. Nucleolus\nE. Mito', pred: null, status: 'truncated', choices: CELL, truncated: true },
  { tag: 'correct_answer_colon_relist_cutoff', response: 'The correct answer:\n\n(A) 0.5 N\n(B) 1.5 N\n(C) 3 N\n(D)', pred: null, status: 'truncated', choices: FORCE, truncated: true },
  { tag: 'therefore_none_of_above', response: 'Option A overstates the effect. Option B confuses correlation with causation. Therefore, (C) is also incorrect, since the sample was not random. None of the given options is correct.', pred: null, status: 'no_answer', choices: ['The drug cures the disease', 'The drug causes the recovery', 'The sample proves the effect', 'The effect is large'] },
  { tag: 'closest_withdrawn', response: 'The closest option is (F) 6.4 m/s. But wait, that assumes no air resistance, which the problem explicitly includes, so F cannot be right either. I cannot pick any of these.', pred: null, status: 'no_answer', choices: SPEED },
  { tag: 'no_option_matches', response: 'Using conservation of momentum: (2 kg)(5 m/s) = (2.7 kg)v, so v ≈ 3.7 m/s. None of the options match my result of 3.7 m/s.', pred: null, status: 'no_answer', choices: SPEED },
  { tag: 'template_placeholder', response: 'The answer is (X)', pred: null, status: 'no_answer', n: 10 },
  { tag: 'empty_parens', response: 'The answer is ( ).', pred: null, status: 'no_answer', n: 10 },
  { tag: 'empty_response', response: '', pred: null, status: 'no_answer', n: 10 },
  { tag: 'out_of_range_letter', response: 'The answer is E.', pred: null, status: ABSTAIN, n: 4 }, // only A-D exist; the letter names no option
  { tag: 'cut_off_so_the_answer_is', response: 'Since the marginal cost exceeds the price at every output level above 40 units, the firm should produce 40 units. So the answer is', pred: null, status: 'truncated', n: 10, truncated: true },
  { tag: 'reconsider_loop_no_answer', response: 'Let me reconsider option A. Option A says the rate is constant. Let me reconsider option A. Option A says the rate is constant. Let me reconsider option A. Option A says the rate is constant. Let me reconsider option A. Option A says', pred: null, status: 'truncated', n: 10, truncated: true },
  { tag: 'midreasoning_cutoff', response: "Let's think step by step. The firm's demand curve is downward sloping, so marginal revenue lies below demand. Setting MR = MC gives Q = 20, and the price from the demand curve is", pred: null, status: 'truncated', choices: ['$10', '$12', '$15', '$18', '$20', '$22', '$25', '$28', '$30', '$35'], truncated: true },
  { tag: 'hedge_two', response: 'It could be B or D; both seem plausible depending on whether the question means short-run or long-run.', pred: null, status: ABSTAIN, choices: ['Prices fall', 'Output rises in the short run', 'Unemployment rises', 'Output rises in the long run', 'Interest rates fall', 'Exports fall', 'Savings rise', 'Wages fall', 'The currency depreciates', 'Nothing changes'] },
  { tag: 'conditional_two', response: 'If we treat the gas as ideal, the answer is B; if we include the van der Waals correction, it is D.', pred: null, status: 'ambiguous', n: 10 },
  { tag: 'multi_select', response: 'The correct options are A and C.', pred: null, status: 'ambiguous', n: 4 },
  { tag: 'not_a_then_two', response: 'The answer is definitely not A. It is somewhere between C and E.', pred: null, status: ABSTAIN, n: 10 },
  { tag: 'refusal_dangerous', response: "I'm sorry, but I can't help with questions about synthesizing explosive compounds.", pred: null, status: 'refused', n: 10 },
  { tag: 'refusal_legal', response: 'As an AI language model, I cannot provide legal advice. Please consult a licensed attorney in your jurisdiction.', pred: null, status: 'refused', n: 10 },

  // --- Other languages --------------------------------------------------------------------------------------
  { tag: 'spanish', response: 'La fuerza neta es 2 kg · 3 m/s² = 6 N. La respuesta correcta es la (E).', pred: 'E', status: 'answered', choices: FORCE },
  { tag: 'german', response: 'Die richtige Antwort ist B, da das Angebot steigt und der Preis fällt.', pred: 'B', status: 'answered', n: 4 },
  { tag: 'french', response: 'Le lysosome contient des enzymes digestives.\n\nRéponse : (C)', pred: 'C', status: 'answered', choices: CELL },
  { tag: 'chinese', response: '首先计算加速度，然后用牛顿第二定律。正确答案是：D', pred: 'D', status: 'answered', n: 10 },

  // --- Quantized stutter ------------------------------------------------------------------------------------
  { tag: 'q2k_stutter', response: 'The the answer answer is is (H) (H).', pred: 'H', status: 'answered', n: 10 },
  { tag: 'q2k_repeat_lines', response: 'answer is J.\nJ.\nJ.\nJ.\nJ.\nJ.\nJ.', pred: 'J', status: 'answered', n: 10 },
  { tag: 'answer_then_cutoff', response: 'The answer is (B) because the coefficient of kinetic fri', pred: 'B', status: 'answered', n: 10, truncated: true },
];

export const HOLDOUT_MATH_13: HoldoutMathCase[] = [
  // --- Ordinary, correct -------------------------------------------------------------------------------------
  { tag: 'gsm_hashes', response: 'Maria buys 4 packs of 6 pencils, so she has 4 × 6 = 24 pencils. She gives 9 away, leaving 24 − 9 = 15.\n#### 15', reference: '15', correct: true, status: 'answered' },
  { tag: 'answer_is_plain', response: 'The train covers 120 km in 2 hours and 180 km in 3 more hours, so 300 km in total. The answer is 300.', reference: '300', correct: true, status: 'answered' },
  { tag: 'boxed_frac', response: r`The probability of two heads in two flips is $\frac{1}{2}\cdot\frac{1}{2} = \boxed{\frac{1}{4}}$.`, reference: r`\frac{1}{4}`, correct: true, status: 'answered' },
  { tag: 'boxed_decimal_vs_frac', response: r`So the fraction of the tank that is full is $\boxed{0.75}$.`, reference: r`\frac{3}{4}`, correct: true, status: 'answered' },
  { tag: 'units_final', response: 'Average speed = total distance / total time = 180 km / 4 h.\n\nFinal answer: 45 km/h', reference: '45', correct: true, status: 'answered' },
  { tag: 'money_separator', response: 'Rent for the year: 12 × $1,050 = $12,600. Adding the $650 deposit, the total is $13,250.00.', reference: '13250', correct: true, status: 'answered' },
  { tag: 'number_word', response: 'Each of the 3 shelves holds 4 books, so there are twelve books in all. The answer is twelve.', reference: '12', correct: true, status: 'answered' },
  { tag: 'percent_answer', response: 'The price went from $80 to $100, an increase of $20. 20/80 = 0.25.\n\nAnswer: 25%', reference: '25', correct: true, status: 'answered' },
  { tag: 'boxed_negative', response: r`Solving $3x + 12 = -9$: $3x = -21$, so $x = \boxed{-7}$.`, reference: '-7', correct: true, status: 'answered' },
  { tag: 'unicode_minus', response: 'The temperature dropped 12 degrees from 7 °C, so it is now −5 °C.', reference: '-5', correct: true, status: 'answered' },
  { tag: 'sci_notation', response: r`The number of cells after 12 doublings starting from 3 cells is $3 \times 2^{12} = 1.2288 \times 10^{4}$, i.e. $12288$.

Answer: $1.2288 \times 10^{4}$`, reference: '12288', correct: true, status: 'answered' },
  { tag: 'e_notation', response: 'Concentration = 0.25 mol / 50 L = 5e-3 mol/L', reference: '0.005', correct: true, status: 'answered' },
  { tag: 'boxed_sqrt', response: r`The distance between $(1,2)$ and $(4, 2+\sqrt{3})$ is $\sqrt{9 + 3} = \sqrt{12} = \boxed{2\sqrt{3}}$.`, reference: r`2\sqrt{3}`, correct: true, status: 'answered' },
  { tag: 'boxed_pi', response: r`The area of a circle of radius 4 is $\pi r^2 = \boxed{16\pi}$.`, reference: r`16\pi`, correct: true, status: 'answered' },
  { tag: 'boxed_interval', response: r`The inequality $2x - 1 \le 5$ gives $x \le 3$, so the solution set is $\boxed{(-\infty, 3]}$.`, reference: r`(-\infty,3]`, correct: true, status: 'answered' },
  { tag: 'boxed_pair', response: r`Adding the equations gives $2x = 4$, so $x = 2$ and $y = -1$. The solution is $\boxed{(2, -1)}$.`, reference: '(2,-1)', correct: true, status: 'answered' },
  { tag: 'boxed_degrees', response: r`The interior angles of an equilateral triangle are equal, so each is $\boxed{60^\circ}$.`, reference: '60', correct: true, status: 'answered' },
  { tag: 'boxed_with_units', response: r`The perimeter is $2(4.5 + 3) = \boxed{15\text{ cm}}$.`, reference: '15', correct: true, status: 'answered' },
  { tag: 'boxed_equation', response: r`Subtracting 7 from both sides, $2x = 8$, hence $\boxed{x = 4}$.`, reference: '4', correct: true, status: 'answered' },
  { tag: 'boxed_dfrac', response: r`$$P = \dfrac{5}{12}$$ so the answer is $\boxed{\dfrac{5}{12}}$.`, reference: r`\frac{5}{12}`, correct: true, status: 'answered' },
  { tag: 'unsimplified_fraction', response: r`Six of the eight slices were eaten, so the fraction eaten is $\boxed{\frac{6}{8}}$.`, reference: r`\frac{3}{4}`, correct: true, status: 'answered' },
  { tag: 'equivalent_radical', response: r`$\sin 45^\circ = \boxed{\frac{\sqrt{2}}{2}}$`, reference: r`\frac{1}{\sqrt{2}}`, correct: true, status: 'answered' },
  { tag: 'slash_fraction', response: 'Splitting 7 liters evenly between 2 jugs gives 7/2 liters per jug.', reference: '3.5', correct: true, status: 'answered' },
  { tag: 'mixed_number', response: 'Each friend gets 3 1/2 pizzas.', reference: '3.5', correct: true, status: 'answered' },
  { tag: 'negative_fraction_x', response: r`Solving $4x + 6 = 0$ gives $x = -3/2$.`, reference: r`-\frac{3}{2}`, correct: true, status: 'answered' },
  { tag: 'million_words', response: 'The city grew from 1.2 million to 1.5 million people, so the population now is 1.5 million.', reference: '1500000', correct: true, status: 'answered' },
  { tag: 'two_roots_boxed', response: r`Factoring, $(x-2)(x-3)=0$, so $x = 2$ or $x = 3$: $\boxed{2, 3}$.`, reference: '2, 3', correct: true, status: 'answered' },
  { tag: 'json_number', response: '{"steps": ["9 rows × 3 seats = 27"], "answer": 27}', reference: '27', correct: true, status: 'answered' },
  { tag: 'bold_final_with_unit', response: 'Distance = rate × time = 50 mph × 3 h.\n\n**Final Answer: 150 miles**', reference: '150', correct: true, status: 'answered' },
  { tag: 'answer_then_check_numbers', response: 'The answer is 12. (Check: 3 × 4 = 12, and 12 ÷ 4 = 3, consistent with the 3 groups.)', reference: '12', correct: true, status: 'answered' },
  { tag: 'answer_first_line', response: '**35**\n\nHere is why: 5 boxes with 7 oranges each is 5 × 7 = 35 oranges, and none were removed.', reference: '35', correct: true, status: 'answered' },
  { tag: 'table_total', response: '| Item | Cost |\n|---|---|\n| Shirt | $18 |\n| Jeans | $42 |\n| Socks | $6 |\n| **Total** | **$66** |\n\nShe spent $66 altogether.', reference: '66', correct: true, status: 'answered' },
  { tag: 'hedged_single', response: "I'm not fully sure about the last step, but I think the answer is 64.", reference: '64', correct: true, status: 'answered' },
  { tag: 'max_of_two', response: 'Plan 1 yields 30 square meters and plan 2 yields 36 square meters. The question asks for the largest possible area, so the answer is 36.', reference: '36', correct: true, status: 'answered' },

  // --- Issue patterns, correct --------------------------------------------------------------------------------
  { tag: 'base_subscript_missing', response: r`Converting 11 to binary: $11 = 8 + 2 + 1$, so the digits are $1011$. $\boxed{1011}$`, reference: '1011_2', correct: true, status: 'answered' },
  { tag: 'base_subscript_prose', response: '57 ÷ 4 = 14 r 1, 14 ÷ 4 = 3 r 2, 3 ÷ 4 = 0 r 3. Reading the remainders upward, the number in base 4 is 321.', reference: '321_4', correct: true, status: 'answered' },
  { tag: 'polynomial_last_sentence', response: 'Dividing x^3 + 5x^2 + 2x - 8 by x + 2: the first term is x^2, multiply back to get x^3 + 2x^2, subtract to get 3x^2 + 2x, then 3x, giving 3x^2 + 6x, subtract to get -4x - 8, then -4. Therefore, the quotient is x^2 + 3x - 4.', reference: 'x^2+3x-4', correct: true, status: 'answered' },
  { tag: 'bold_word_last_sentence', response: 'Day 1 is a Monday. 100 days later is 100 mod 7 = 2 days past Monday, which is **Wednesday**.', reference: 'Wednesday', correct: true, status: 'answered' },
  { tag: 'answer_colon_in_box', response: r`We get $7 + 8 = 15$ marbles. $\boxed{\text{Answer: } 15}$`, reference: '15', correct: true, status: 'answered' },
  { tag: 'answer_colon_in_box_plain', response: 'Total pages read = 20 + 25 + 30 = 75.\n\\boxed{answer: 75}', reference: '75', correct: true, status: 'answered' },
  { tag: 'words_last_sentence', response: 'The line passes through (0, 3) and (6, 0). The rise is -3 over a run of 6, so the slope is negative one-half.', reference: r`-\frac{1}{2}`, correct: true, status: 'answered' },
  { tag: 'prose_last_sentence_stray_numbers', response: 'She starts with 22 stickers and gives 5 to each of her 3 friends, using 15. So she has 7 left over.', reference: '7', correct: true, status: 'answered' },
  { tag: 'loop_after_answer', response: 'Each ticket costs $9, and 4 tickets cost $36.\n#### 36\n#### 36\n#### 36\n#### 36\n#### 36\n#### 36\n#### 36', reference: '36', correct: true, status: 'answered', truncated: true },
  { tag: 'invented_followup', response: 'He reads 8 pages a day for 3 days: 24 pages. The answer is 24.\n\nQuestion: A train travels 50 miles per hour for 3 hours. How far does it go?\nAnswer: 50 × 3 = 150. The answer is 150.', reference: '24', correct: true, status: 'answered' },
  { tag: 'base_model_next_q', response: ' Tom had 30 marbles and lost 12, so he has 30 - 12 = 18. The answer is 18.\n\nQ: Sara has 5 apples and buys 7 more. How many apples does she have?\nA: Sara has 5 + 7 = 12 apples. The answer is 12.\n\nQ:', reference: '18', correct: true, status: 'answered', truncated: true },
  { tag: 'boxed_then_followup_boxed', response: r`Therefore the number of handshakes among 4 people... wait, among 6 people? No: 4 people give $\binom{4}{2} = 6$; the problem has 4 people plus the host, so $\binom{5}{2} = \boxed{10}$.

Now try this: how many handshakes among 6 people? $\binom{6}{2} = \boxed{15}$.`, reference: '10', correct: true, status: 'answered' },
  { tag: 'correction_to_right', response: 'So x = 5. Wait, I forgot to subtract the 4 on the left: 2x + 4 = 10 gives 2x = 6, so x = 3.\n\nFinal answer: 3', reference: '3', correct: true, status: 'answered' },
  { tag: 'think_then_boxed', response: r`<think>
Three notebooks at $12 each is 36, plus two pens at $24 each is 48. Total 84. Let me double-check: 36 + 48 = 84. Yes.
</think>

The total cost is $\boxed{84}$ dollars.`, reference: '84', correct: true, status: 'answered' },
  { tag: 'think_two_boxes_last_wins', response: r`<think>
First guess: $\boxed{5}$. Hmm, but the sequence starts at term 0, so I need one more step: 6.
</think>

The answer is $\boxed{6}$.`, reference: '6', correct: true, status: 'answered' },
  { tag: 'answer_before_cutoff', response: r`The number of ways to choose 2 of 10 is $\binom{10}{2} = \boxed{45}$. To double-check, we can also count ordered pairs, which gives 90, and divide by the`, reference: '45', correct: true, status: 'answered', truncated: true },
  { tag: 'german_decimal_comma', response: 'Die Strecke beträgt 50 km, die Zeit 4 Stunden. Die Durchschnittsgeschwindigkeit ist also 12,5 km/h. Die Antwort ist 12,5.', reference: '12.5', correct: true, status: 'answered' },
  { tag: 'chinese', response: '每盒有8个，共7盒，所以一共有 8 × 7 = 56 个。所以答案是 56。', reference: '56', correct: true, status: 'answered' },
  { tag: 'spanish', response: 'Ana tenía 15 manzanas y regaló 6. Le quedan 15 − 6 = 9. La respuesta es 9 manzanas.', reference: '9', correct: true, status: 'answered' },
  { tag: 'q2k_stutter', response: 'The the total total is is 96 96.', reference: '96', correct: true, status: 'answered' }, // "96 96" is a doubled token, not 9696
  { tag: 'set_answer', response: r`The roots of $x^2 - 5x + 4$ are $x = 1$ and $x = 4$. So the solutions are $\boxed{\{1, 4\}}$.`, reference: '1, 4', correct: true, status: 'answered' },

  // --- Wrong answers ------------------------------------------------------------------------------------------
  { tag: 'wrong_boxed', response: r`The number of diagonals of a hexagon is $\frac{6 \cdot 4}{2} = \boxed{12}$.`, reference: '9', correct: false, status: 'answered' },
  { tag: 'wrong_sign', response: r`Solving $5 - x = 12$ gives $x = \boxed{7}$.`, reference: '-7', correct: false, status: 'answered' },
  { tag: 'wrong_hashes', response: 'She earns $16 an hour for 4 hours a day, 4 × 16 = 64.\n#### 64', reference: '72', correct: false, status: 'answered' },
  { tag: 'wrong_units', response: 'At 60 km/h the 300 km trip takes 300 / 60 = 5 hours. It takes 5 hours.', reference: '4', correct: false, status: 'answered' },
  { tag: 'wrong_base_digits', response: r`$42 = 5 \cdot 8 + 2$, so in base 8 it is $\boxed{42_8}$.`, reference: '52_8', correct: false, status: 'answered' },
  { tag: 'correction_to_wrong', response: 'So the total is 48. Hmm, actually I double counted the pairs; 48 / 2 = 24.\n\nThe answer is 24.', reference: '48', correct: false, status: 'answered' },
  { tag: 'wrong_pair_order', response: r`From the system, $y = 3$ and $x = -2$, so the solution is $\boxed{(3, -2)}$.`, reference: '(-2,3)', correct: false, status: 'answered' },
  { tag: 'wrong_fraction', response: r`The chance of drawing two reds is $\frac{3}{4} \cdot \frac{1}{2} = \boxed{\frac{3}{8}}$.`, reference: r`\frac{3}{4}`, correct: false, status: 'answered' },
  { tag: 'wrong_percent', response: 'The increase is 20 on a new price of 50, so 20/50 = 40%.', reference: '25', correct: false, status: 'answered' },
  { tag: 'wrong_polynomial_last_sentence', response: 'Multiplying (2x - 1)(x + 3) gives 2x^2 + 6x - x - 3. Collecting terms, the product is 2x^2 + 5x + 3.', reference: '2x^2+5x-3', correct: false, status: 'answered' },
  { tag: 'wrong_answer_colon_in_box', response: r`$3 \times 7 = 21$ chairs. $\boxed{\text{Answer: } 21}$`, reference: '12', correct: false, status: 'answered' },
  { tag: 'wrong_money', response: 'The shoes cost $45 and the jacket costs twice as much, $90. Together: $125.', reference: '135', correct: false, status: 'answered' },
  { tag: 'wrong_think_then_answer', response: '<think>\n15 students per bus, 4 buses: 15 × 4 = 60. Minus 3 absent, 57? The problem says 3 buses though. I will go with 60.\n</think>\n\nThere are 60 students on the trip.', reference: '42', correct: false, status: 'answered' },
  { tag: 'wrong_loop_after_answer', response: 'So the answer is 11.\nSo the answer is 11.\nSo the answer is 11.\nSo the answer is 11.\nSo the answer is 11.\nSo the answer is', reference: '13', correct: false, status: 'answered', truncated: true },
  { tag: 'wrong_followup_has_right', response: 'The rectangle has area 6 × 8 = 48. The answer is 48.\n\nQuestion: What is its perimeter?\nAnswer: 2(6 + 8) = 28. The answer is 28.', reference: '28', correct: false, status: 'answered' }, // the invented follow-up happens to give the gold number; the model's answer is 48
  { tag: 'wrong_first_box_right', response: r`<think>
Maybe $\boxed{5}$. No wait, the last term is counted too, so 6.
</think>

$\boxed{6}$`, reference: '5', correct: false, status: 'answered' },
  { tag: 'wrong_decimal', response: 'The average of 4, 7 and 10 is (4 + 7 + 10) / 3 = 21 / 3 = 7.5', reference: '7', correct: false, status: 'answered' },
  { tag: 'wrong_sci', response: r`The mass is about $6.0 \times 10^{3}$ kg.`, reference: '600', correct: false, status: 'answered' },
  { tag: 'wrong_interval_endpoint', response: r`Since $x > 3$, the answer is $\boxed{[3, \infty)}$.`, reference: r`(3,\infty)`, correct: false, status: 'answered' },
  { tag: 'wrong_words', response: 'Subtracting, he has nineteen cards left.', reference: '21', correct: false, status: 'answered' },
  { tag: 'wrong_json', response: '{"answer": "34", "unit": "dollars"}', reference: '43', correct: false, status: 'answered' },

  // --- No answer ----------------------------------------------------------------------------------------------
  { tag: 'cutoff_mid_expression', response: 'First the cost of the pens: 3 × 14 = 42. Then the notebooks: 5 × ', reference: '87', correct: false, status: 'truncated', truncated: true },
  { tag: 'think_cutoff', response: '<think>\nLet me set up the equation. Let the width be w, then the length is 2w + 3. The perimeter is 2(w + 2w + 3) = 6w + 6 = 48, so 6w = 42 and w = 7? Then length is 17. Area would be 7 × 17 but wait, let me re-read the question. It asks for the', reference: '119', correct: false, status: 'truncated', truncated: true },
  { tag: 'recheck_loop', response: 'Let me re-check the calculation. Let me re-check the calculation. Let me re-check the calculation. Let me re-check the calculation. Let me re-check the calculation. Let me re-check the', reference: '30', correct: false, status: 'truncated', truncated: true },
  { tag: 'empty', response: '', reference: '14', correct: false, status: 'no_answer' },
  { tag: 'two_methods_unsure', response: "I get 18 with the first method and 20 with the second; I'm not sure which one is right.", reference: '20', correct: false, status: ABSTAIN },
  { tag: 'several_candidates', response: 'The answer could be 6, 8, or 10 depending on whether you count the posts at both ends.', reference: '8', correct: false, status: ABSTAIN },
  { tag: 'range_only', response: 'The answer is between 10 and 12.', reference: '11', correct: false, status: ABSTAIN },
  { tag: 'refusal_gambling', response: "I'm sorry, but I can't help with calculating betting odds for gambling.", reference: '0.25', correct: false, status: 'refused' },
  { tag: 'missing_info_decline', response: 'This problem cannot be solved as stated: the radius of the cylinder is not given, so I cannot compute its volume.', reference: r`72\pi`, correct: false, status: ['no_answer', 'refused'] },
];
