/**
 * Hold-out batch 10 for issue 18: written blind (without reading lib/grade, the tuning corpus, docs/grading.md or the
 * earlier batches' cases, and without running the grader on these cases), in the styles small local models (1-8B
 * GGUF; chat, base and reasoning models with <think> blocks; heavily quantized models) write on MMLU-Pro-like
 * 10-option and 4-option questions and GSM8K/MATH-like problems. Its sha256 was recorded in holdout-10.sha256 before
 * its first run. Do not tune the extractors against these cases: reproduce a miss as a tuning case in other wording
 * instead.
 *
 * Styles covered. Multiple choice: ordinary commitments ("the answer is (X)", bare letters, "X." with option text,
 * bold, headings, \boxed{X}, JSON and XML-ish tags, lowercase letters, answer-first replies, option text without a
 * letter, a numeric option value that differs from its position); <think> blocks (answer after, answer only inside,
 * final answer differing from the thinking, cut off inside); other languages (Spanish, German, Chinese, French,
 * Japanese, Russian); the issue's patterns (a commitment followed by a repetition loop, a reasoning loop or invented
 * follow-up questions, a chat-template leak, a base-model continuation, an echo of few-shot examples before the real
 * answer, a cut-off option walk-through, a letter named in prose as "(option C)", "Option G", "is B. <text>", quoted
 * with its option text, a bare letter at the end of long prose, "not listed, but closest to option F", NOT / EXCEPT /
 * LEAST questions where "is not" names the answer, a re-listed option list cut off, "(C) is also incorrect ... none
 * of the above", a closest option withdrawn); eliminations, walk-throughs and tables; corrections and revisions;
 * the article "A" and the letter "I" in prose; hedges with one answer; several answers with none final; refusals;
 * complete replies committing to nothing; cut-off replies; stuttering quantized output.
 * Math: \boxed{}, GSM8K "####", "The answer is", Minerva's "Final Answer: The final answer is", answers in the last
 * sentence (currency, units, words, a polynomial, a bold word), base subscripts present and missing, "Answer: N"
 * inside a box, equivalent forms (0.5 vs 1/2, sqrt(12) vs 2 sqrt 3, 7/2 vs 3.5, dfrac, mixed numbers, sets in
 * another order, percent, scientific and e-notation, thousands separators with commas and spaces, a German decimal
 * comma, a unicode minus, degrees, units inside the box), intervals, pairs, a matrix, JSON, other languages,
 * <think> blocks, loops after an answer, invented follow-up questions and echoed few-shot examples (including ones
 * whose numbers equal the gold answer while the model's own answer is wrong), corrections in both directions,
 * several answers, refusals, an empty box, stubs, cut-off and looping replies, stutter; about a third are wrong.
 */
import type { GradeStatus } from '../../lib/grade/types.ts';
import type { HoldoutMathCase, HoldoutMcCase } from './holdout.ts';

const r = String.raw;
const NONE_OR_SEVERAL: GradeStatus[] = ['no_answer', 'ambiguous'];

const PLANETS = ['Mercury', 'Venus', 'Earth', 'Mars'];
const DEFICIENCIES = [
  'Vitamin A deficiency',
  'Vitamin B12 deficiency',
  'Vitamin C deficiency',
  'Vitamin D deficiency',
  'Vitamin K deficiency',
  'Iron deficiency',
  'Folate deficiency',
  'Zinc deficiency',
  'Iodine deficiency',
  'Calcium deficiency',
];

export const HOLDOUT_MC_10: HoldoutMcCase[] = [
  // Ordinary commitments.
  { tag: 'answer_is_paren', response: 'Chloroplasts contain chlorophyll, which captures light energy for photosynthesis. The answer is (B).', pred: 'B', status: 'answered', choices: ['Mitochondrion', 'Chloroplast', 'Ribosome', 'Golgi apparatus'] },
  { tag: 'bare_letter', response: 'C', pred: 'C', status: 'answered', choices: ['Paris', 'Rome', 'Madrid', 'Berlin'] },
  { tag: 'bare_letter_paren', response: '(H)', pred: 'H', status: 'answered', n: 10 },
  { tag: 'bare_letter_close_paren', response: 'B)', pred: 'B', status: 'answered', n: 4 },
  { tag: 'letter_dot_option_text', response: 'D. Increase in aggregate demand', pred: 'D', status: 'answered', choices: ['Decrease in money supply', 'Increase in taxes', 'Decrease in government spending', 'Increase in aggregate demand'] },
  { tag: 'bold_answer', response: "Let's compute the present value: 1000 / (1.05)^3 ≈ 863.84.\n\n**Answer: F**", pred: 'F', status: 'answered', choices: ['$750.00', '$783.53', '$800.00', '$822.70', '$850.00', '$863.84', '$900.00', '$950.00', '$1,000.00', '$1,157.63'] },
  {
    tag: 'cot_answer_is',
    response:
      "Let's think step by step. The question asks about the Peace of Westphalia (1648). It ended the Thirty Years' War and is usually credited with establishing the principle of state sovereignty. Options A through C refer to later treaties, and option F confuses it with the Congress of Vienna; option J mentions sovereignty directly. Therefore, the answer is (J).",
    pred: 'J',
    status: 'answered',
    n: 10,
  },
  { tag: 'final_answer_heading', response: 'The enthalpy change is negative, so heat is released and the reaction is exothermic.\n\n### Final Answer\nThe correct choice is **E**.', pred: 'E', status: 'answered', n: 10 },
  { tag: 'boxed_letter', response: r`The tension is $T = mg + ma = 2(9.8) + 2(3) = 25.6$ N, matching option G.

$\boxed{G}$`, pred: 'G', status: 'answered', choices: ['13.6 N', '16.0 N', '19.6 N', '20.0 N', '22.4 N', '24.0 N', '25.6 N', '28.0 N', '30.2 N', '32.0 N'] },
  { tag: 'json_answer', response: '{"answer": "B", "confidence": 0.82}', pred: 'B', status: 'answered', n: 4 },
  {
    tag: 'json_reasoning_letters',
    response: '{\n  "reasoning": "A confuses mitosis with meiosis; B and C describe prophase; D correctly describes anaphase.",\n  "answer": "D"\n}',
    pred: 'D',
    status: 'answered',
    n: 4,
  },
  { tag: 'xml_answer_tag', response: '<reasoning>Sound travels fastest in solids because the particles are closely packed.</reasoning>\n<answer>C</answer>', pred: 'C', status: 'answered', choices: ['Vacuum', 'Air', 'Steel', 'Water'] },
  { tag: 'lowercase_answer_colon', response: 'Doubling [A] quadruples the rate, and doubling [B] has no effect, so the reaction is second order overall.\nanswer: d', pred: 'D', status: 'answered', choices: ['Zero order', 'First order', 'Third order', 'Second order'] },
  { tag: 'option_text_only', response: 'The capital of Australia is Canberra.', pred: 'C', status: 'answered', choices: ['Sydney', 'Melbourne', 'Canberra', 'Perth'] },
  { tag: 'answer_first_then_reason', response: 'B. Enzymes denature at high temperatures, so activity drops sharply above about 40 °C.', pred: 'B', status: 'answered', choices: ['Activity keeps rising as temperature rises', 'Activity drops sharply above about 40 °C', 'Temperature has no effect on activity', 'Activity is highest near 0 °C'] },
  { tag: 'i_choose', response: 'Between E and H, E fits better because the passage stresses economic rather than religious causes. I choose E.', pred: 'E', status: 'answered', n: 10 },
  { tag: 'my_answer_letter_text', response: 'My answer: E) 45°', pred: 'E', status: 'answered', choices: ['15°', '25°', '30°', '40°', '45°', '50°', '60°', '75°', '90°', '120°'] },
  { tag: 'ordinal_and_letter', response: 'I would say the best option is the second one, B.', pred: 'B', status: 'answered', n: 4 },
  { tag: 'letter_dash_value', response: 'v = d/t = 100 m / 8 s = 12.5 m/s.\n\nAnswer — (J) 12.5 m/s', pred: 'J', status: 'answered', choices: ['4 m/s', '5 m/s', '6.25 m/s', '8 m/s', '9.5 m/s', '10 m/s', '10.5 m/s', '11 m/s', '12 m/s', '12.5 m/s'] },
  // The letter I, and the article A, in prose.
  { tag: 'letter_i', response: 'The wavelength is λ = c/f = 3×10^8 / 6×10^14 = 5×10^-7 m = 500 nm. The correct option is I.', pred: 'I', status: 'answered', choices: ['50 nm', '100 nm', '150 nm', '200 nm', '250 nm', '300 nm', '350 nm', '400 nm', '500 nm', '600 nm'] },
  { tag: 'article_a_not_letter', response: 'A careful look at the graph shows that the slope is constant. A constant slope means constant velocity, which is described in option D.', pred: 'D', status: 'answered', choices: ['The object is speeding up', 'The object is slowing down', 'The object is at rest', 'The object moves at constant velocity'] },
  // The value of an option rather than its letter.
  { tag: 'value_equals_position', response: 'XeF2 has five electron domains around xenon: two bonding pairs and three lone pairs. The answer is 3.', pred: 'C', status: 'answered', choices: ['1', '2', '3', '4'] },
  // The reply computes x = 3, and the option whose value is 3 is B; a reader does not read "3" as "the third option" here.
  { tag: 'value_not_position', response: 'Solving 2x + 4 = 10 gives 2x = 6, so x = 3. The answer is 3.', pred: 'B', status: 'answered', choices: ['2', '3', '4', '5'] },
  // <think> blocks.
  { tag: 'think_then_answer', response: '<think>\nThe question asks for the SI unit of capacitance. Henry is inductance, so not A. Ohm is resistance, not B. Farad is capacitance, which is C.\n</think>\n\nThe answer is C.', pred: 'C', status: 'answered', choices: ['Henry', 'Ohm', 'Farad', 'Tesla'] },
  // The visible answer after </think> is what the model submits, even though the thinking leaned elsewhere.
  { tag: 'think_final_differs', response: '<think>\nThe first option looks right... Actually, A is about prokaryotes only. Let me reconsider. B covers both. Hmm, I think B.\n</think>\n\n**Answer:** D', pred: 'D', status: 'answered', n: 4 },
  { tag: 'think_only_conclusion', response: '<think>\nWe need the element with the highest electronegativity. Fluorine is the most electronegative element, and it is option B.\nSo the answer is B.\n</think>', pred: 'B', status: 'answered', choices: ['Oxygen', 'Fluorine', 'Chlorine', 'Nitrogen'] },
  { tag: 'think_cut_off', response: '<think>\nLet me go through the options. Option A says the central bank buys bonds, which increases the money supply. Option B says', pred: null, status: 'truncated', n: 4, truncated: true },
  // Other languages.
  { tag: 'spanish', response: 'La fotosíntesis ocurre en los cloroplastos. Por lo tanto, la respuesta correcta es la (B).', pred: 'B', status: 'answered', choices: ['Mitocondrias', 'Cloroplastos', 'Ribosomas', 'Núcleo'] },
  { tag: 'german', response: 'Wenn sich die Kraft verdoppelt und die Masse gleich bleibt, verdoppelt sich die Beschleunigung. Die richtige Antwort ist also C.', pred: 'C', status: 'answered', choices: ['Sie halbiert sich', 'Sie bleibt gleich', 'Sie verdoppelt sich', 'Sie vervierfacht sich'] },
  { tag: 'chinese', response: '根据牛顿第二定律，F = ma = 2 × 5 = 10 N。答案是 D。', pred: 'D', status: 'answered', choices: ['2 N', '5 N', '7 N', '10 N'] },
  { tag: 'french', response: 'Réponse : A', pred: 'A', status: 'answered', n: 4 },
  { tag: 'japanese', response: '酸素は光合成で放出されるので、正解は (B) です。', pred: 'B', status: 'answered', choices: ['二酸化炭素', '酸素', '窒素', '水素'] },
  { tag: 'russian_latin_letter', response: 'Скорость света в вакууме постоянна. Правильный ответ: (H).', pred: 'H', status: 'answered', n: 10 },
  // Several committed answers: loops, invented follow-ups, template leaks, continuations, echoes.
  {
    tag: 'invented_followup_after_answer',
    response:
      "The reaction releases heat, so ΔH is negative. The answer is (E).\n\nQuestion: Which of the following best describes an endothermic reaction?\n(A) It absorbs heat from the surroundings (B) It releases light (C) It has a negative ΔH (D) It is always fast\nAnswer: Let's think step by step. An endothermic reaction absorbs heat. The answer is (A).\n\nQuestion: What is the SI unit of",
    pred: 'E',
    status: 'answered',
    n: 10,
    truncated: true,
  },
  {
    tag: 'repeat_loop_after_answer',
    response: 'Therefore, the answer is (G).\n\nThe answer is (G).\nThe answer is (G).\nThe answer is (G).\nThe answer is (G).\nThe answer is (G).\nThe answer is (G).\nThe answer is (G).\nThe answer is',
    pred: 'G',
    status: 'answered',
    n: 10,
    truncated: true,
  },
  {
    tag: 'reasoning_loop_after_answer',
    response:
      'The most likely option is B, because only an increase in supply lowers the price while raising the quantity sold.\n\nLet me double-check option D. Option D lowers both price and quantity. Let me double-check option D. Option D lowers both price and quantity. Let me double-check option D. Option D lowers both price and quantity. Let me double-check option D. Option D lowers both',
    pred: 'B',
    status: 'answered',
    n: 4,
    truncated: true,
  },
  // Repeats itself to the token limit without ever settling: a loop (truncated), or fairly several answers.
  { tag: 'alternating_loop_no_commit', response: 'Is it (A) or (C)? Maybe (A). Or (C). Is it (A) or (C)? Maybe (A). Or (C). Is it (A) or (C)? Maybe (A). Or (C). Is it (A) or (C)? Maybe (A). Or', pred: null, status: ['truncated', 'ambiguous'], n: 4, truncated: true },
  { tag: 'chat_template_leak', response: 'The answer is (D).<|im_end|>\n<|im_start|>user\nThanks! Now, which of these is a noble gas? (A) Neon (B) Sodium (C) Iron (D) Carbon<|im_end|>\n<|im_start|>assistant\nThe answer is (A).', pred: 'D', status: 'answered', n: 4 },
  {
    tag: 'base_continuation',
    response: 'C\n\nQuestion: Which of the following is a prime number?\n(A) 21 (B) 27 (C) 33 (D) 29\nAnswer: D\n\nQuestion: What is the',
    pred: 'C',
    status: 'answered',
    n: 4,
    truncated: true,
  },
  {
    tag: 'fewshot_echo_then_answer',
    question: 'Which gas do plants absorb from the atmosphere for photosynthesis?\n(A) Oxygen (B) Nitrogen (C) Carbon dioxide (D) Helium',
    response:
      "Question: What is the boiling point of water at sea level?\n(A) 90 °C (B) 100 °C (C) 110 °C (D) 120 °C\nAnswer: Let's think step by step. Water boils at 100 °C at 1 atm. The answer is (B).\n\nQuestion: Which gas do plants absorb from the atmosphere for photosynthesis?\nAnswer: Let's think step by step. Plants take in carbon dioxide and release oxygen. The answer is (C).",
    pred: 'C',
    status: 'answered',
    choices: ['Oxygen', 'Nitrogen', 'Carbon dioxide', 'Helium'],
  },
  {
    tag: 'fewshot_answers_echoed',
    response: 'The answer is (A).\nThe answer is (D).\nThe answer is (B).\n\nFor this question: the interior angles of a triangle sum to 180°, so the third angle is 180 − 50 − 60 = 70°. The answer is (C).',
    pred: 'C',
    status: 'answered',
    choices: ['50°', '60°', '70°', '80°'],
  },
  {
    tag: 'answer_then_long_explanation',
    response:
      'The answer is (H).\n\nFiscal policy works through government spending and taxation, which change aggregate demand directly. Option A is a common misconception: it describes monetary policy, which acts through interest rates. Option D mixes the two, and option E describes a supply shock rather than a policy tool.\n\nIn short, only the description in H refers to changes in government spending and taxes.',
    pred: 'H',
    status: 'answered',
    n: 10,
  },
  // Cut-off walk-throughs and re-listed option lists.
  {
    tag: 'walkthrough_cut_off',
    response: "Let's evaluate each option:\n(A) is false, since the Bill of Rights was ratified in 1791.\n(B) is false, because the Constitution was signed in 1787.\n(C) is",
    pred: null,
    status: 'truncated',
    n: 4,
    truncated: true,
  },
  { tag: 'consider_each_cut_off', response: 'Consider each choice:\n\nA. Mercury\nB. Venus\nC. Ea', pred: null, status: 'truncated', choices: PLANETS, truncated: true },
  { tag: 'correct_answer_list_cut_off', response: 'The correct answer:\n\n(A) 12\n(B) 16\n(C) 18\n(D)', pred: null, status: 'truncated', choices: ['12', '16', '18', '20'], truncated: true },
  // Letters inside prose.
  { tag: 'option_in_parens_prose', response: 'Since the loan is repaid with interest that exceeds inflation, the lender gains in real terms, which is exactly what the third statement (option C) says.', pred: 'C', status: 'answered', n: 4 },
  { tag: 'option_capital_prose', response: "Rutherford's gold-foil experiment showed that most of the atom is empty space with a small, dense, positive nucleus. Option G captures this best.", pred: 'G', status: 'answered', n: 10 },
  { tag: 'is_letter_then_text', response: 'The best choice here is B. Increased demand for the product', pred: 'B', status: 'answered', choices: ['Decreased supply', 'Increased demand for the product', 'A government price ceiling', 'Lower input costs'] },
  { tag: 'quoted_option_with_letters', response: 'The right answer is "(D) Both A and B", because vitamins C and E are both antioxidants.', pred: 'D', status: 'answered', choices: ['Vitamin C', 'Vitamin E', 'Vitamin K', 'Both A and B'] },
  { tag: 'quoted_text_then_letter', response: 'Prolonged bleeding with a normal platelet count in a newborn points to a clotting-factor problem, so the answer is "Vitamin K deficiency" (option E).', pred: 'E', status: 'answered', choices: DEFICIENCIES },
  {
    tag: 'bare_letter_long_prose',
    response:
      "First, the Treaty of Versailles imposed heavy reparations on Germany, which contributed to economic hardship in the 1920s. Second, the hyperinflation of 1923 wiped out savings. Third, the Great Depression caused mass unemployment that extremist parties exploited. All of these matter, but the question asks for the most direct cause of the collapse of the Weimar Republic's support, which points to the Depression. So I'd go with C.",
    pred: 'C',
    status: 'answered',
    n: 4,
  },
  { tag: 'lowercase_paren_prose', response: 'Only the last statement survives scrutiny, so (d) is right.', pred: 'D', status: 'answered', n: 4 },
  { tag: 'bold_option_text', response: "After comparing all four, I'm confident: **(A) Mercury**. It has the shortest orbital period of any planet.", pred: 'A', status: 'answered', choices: PLANETS },
  // "Not listed, but closest to": read as that option.
  { tag: 'closest_not_listed', response: 'Using W = Fd cos θ = 50 × 1.2 × cos 46.5° ≈ 41.3 J. This value is not listed, but it is closest to option F.', pred: 'F', status: 'answered', choices: ['10 J', '20 J', '25 J', '30 J', '35 J', '40 J', '45 J', '50 J', '55 J', '60 J'] },
  // NOT / EXCEPT / LEAST questions: "is not ..." names the answer.
  {
    tag: 'not_question',
    question: 'Which of the following is NOT a function of the liver?',
    response: 'The liver produces bile, breaks down drugs and stores glycogen. Insulin, however, is made by the pancreas, so option C is not a liver function.',
    pred: 'C',
    status: 'answered',
    choices: ['Bile production', 'Detoxification of drugs', 'Insulin production', 'Glycogen storage'],
  },
  {
    tag: 'except_question',
    question: 'All of the following are greenhouse gases EXCEPT:',
    response: 'Methane, water vapour and nitrous oxide all absorb infrared radiation. Argon does not, so D is not a greenhouse gas.',
    pred: 'D',
    status: 'answered',
    choices: ['Methane', 'Water vapour', 'Nitrous oxide', 'Argon'],
  },
  {
    tag: 'least_question',
    question: 'Which of the following is LEAST likely to raise the inflation rate?',
    response: 'Options A, B and D all push up aggregate demand or costs. A rise in interest rates (C) does not raise inflation; it tends to lower it.',
    pred: 'C',
    status: 'answered',
    choices: ['A tax cut', 'Higher oil prices', 'A rise in interest rates', 'Increased government spending'],
  },
  // Eliminations, walk-throughs, tables.
  {
    tag: 'elimination_leaves_one',
    response: 'A is wrong: oxygen is a product, not a reactant. B is wrong: glucose is made, not broken down. D is wrong: it happens in the chloroplast. That leaves C.',
    pred: 'C',
    status: 'answered',
    choices: ['Oxygen is consumed', 'Glucose is broken down', 'Carbon dioxide is fixed', 'It occurs in mitochondria'],
  },
  // A complete walk-through in which exactly one option is marked true: that is the answer a reader takes.
  {
    tag: 'walkthrough_one_true',
    response: '(A) False: the Sun is a main-sequence star.\n(B) True: it fuses hydrogen into helium in its core.\n(C) False: its surface is about 5,800 K, not 15 million K.\n(D) False: it has not become a red giant yet.',
    pred: 'B',
    status: 'answered',
    choices: ['The Sun is a white dwarf', 'The Sun fuses hydrogen into helium in its core', 'The Sun\'s surface is about 15 million K', 'The Sun is a red giant'],
  },
  {
    tag: 'markdown_table',
    response: '| Option | Correct? | Reason |\n|---|---|---|\n| A | No | Confuses mass with weight |\n| B | No | Wrong units |\n| C | Yes | Applies F = ma correctly |\n| D | No | Ignores friction |\n\n**Answer: (C)**',
    pred: 'C',
    status: 'answered',
    n: 4,
  },
  { tag: 'mixed_statuses_one_correct', response: 'Options (C) and (D) are incorrect; (B) is correct, and (A) only partly applies.', pred: 'B', status: 'answered', n: 4 },
  {
    tag: 'restated_options_then_answer',
    response: 'Options:\n(A) Hydrogen bonds\n(B) Ionic bonds\n(C) Peptide bonds\n(D) Disulfide bridges\n\nThe primary structure of a protein is held together by peptide bonds.\nAnswer: C',
    pred: 'C',
    status: 'answered',
    choices: ['Hydrogen bonds', 'Ionic bonds', 'Peptide bonds', 'Disulfide bridges'],
  },
  // Corrections and revisions.
  {
    tag: 'revised_after_error',
    response: 'The answer is (B). Hmm, wait, I dropped the negative sign. Redoing it: ΔG = ΔH − TΔS = −40 − 298(−0.1) = −10.2 kJ/mol, which is option E. So the answer is (E).',
    pred: 'E',
    status: 'answered',
    choices: ['−70.0 kJ/mol', '−40.0 kJ/mol', '−29.8 kJ/mol', '−20.4 kJ/mol', '−10.2 kJ/mol', '0 kJ/mol', '+10.2 kJ/mol', '+29.8 kJ/mol', '+40.0 kJ/mol', '+69.8 kJ/mol'],
  },
  { tag: 'correction_line', response: 'Answer: A\n\nCorrection: I misread the question, which asks for the exception. The answer should be D.', pred: 'D', status: 'answered', n: 4 },
  { tag: 'first_glance_rejected', response: 'At first glance (A) looks right, but the question asks about long-run effects. In the long run output returns to its potential level, so the answer is (C).', pred: 'C', status: 'answered', n: 4 },
  { tag: 'two_considered_one_chosen', response: 'Both (A) and (D) look reasonable at first, but D ignores the time lag, so I will go with (A).', pred: 'A', status: 'answered', n: 4 },
  // Hedges.
  { tag: 'hedged_single', response: "I'm not completely sure, but I think it's probably (C), since the other options describe fungi rather than bacteria.", pred: 'C', status: 'answered', n: 4 },
  { tag: 'hedge_no_commit', response: "Without knowing the patient's age it is hard to say. Options A and C both seem plausible, and B cannot be ruled out either.", pred: null, status: NONE_OR_SEVERAL, n: 4 },
  // Committing to nothing.
  {
    tag: 'all_incorrect_none_of_above',
    response: 'Therefore, (A) is incorrect because it reverses cause and effect, (B) is incorrect because the data show no trend, (C) is also incorrect since the sample is far too small, and (D) goes beyond what was measured. None of the above is right.',
    pred: null,
    status: 'no_answer',
    n: 4,
  },
  {
    tag: 'closest_withdrawn',
    response: "None of the values matches my result of 7.4 m/s exactly. The closest option is (F) 7 m/s. But F assumes no air resistance and the problem explicitly includes drag, so it can't be right either. I cannot pick any of the listed options with confidence.",
    pred: null,
    status: 'no_answer',
    choices: ['2 m/s', '3 m/s', '4 m/s', '5 m/s', '6 m/s', '7 m/s', '8 m/s', '9 m/s', '10 m/s', '11 m/s'],
  },
  { tag: 'complete_no_commit', response: 'This question touches on several areas of economics, including supply, demand and elasticity. Each of the options describes a real phenomenon.', pred: null, status: 'no_answer', n: 4 },
  // Several answers, none final.
  { tag: 'either_or', response: 'It could be either (B) or (D), depending on whether the author means short-run or long-run effects.', pred: null, status: 'ambiguous', n: 4 },
  { tag: 'both_correct_no_both_option', response: 'Both B and C are correct: each describes a property of ionic compounds.', pred: null, status: 'ambiguous', choices: ['Low melting point', 'High melting point', 'Conducts electricity when molten', 'Soft and malleable'] },
  { tag: 'answer_two_letters', response: 'Answer: (B) or (C)', pred: null, status: 'ambiguous', n: 4 },
  // Refusals.
  { tag: 'refusal_safety', response: "I'm sorry, but I can't help with questions about synthesizing explosives.", pred: null, status: 'refused', n: 4 },
  { tag: 'refusal_opinion', response: 'As an AI language model, I do not have personal opinions about which political party is better, so I cannot choose one of these options.', pred: null, status: 'refused', n: 4 },
  // Cut off.
  {
    tag: 'cut_off_reasoning',
    response: "Let's think step by step. The block slides down a 30° incline with a friction coefficient of 0.2. The component of gravity along the incline is mg sin 30° = 0.5 mg. The friction force is μ mg cos 30° ≈ 0.173 mg. So the net force must be",
    pred: null,
    status: 'truncated',
    n: 10,
    truncated: true,
  },
  { tag: 'cut_off_after_answer', response: 'The answer is (C). To explain further, the Krebs cycle takes place in the mitochondrial matrix, where', pred: 'C', status: 'answered', choices: ['Cytoplasm', 'Nucleus', 'Mitochondrial matrix', 'Ribosome'], truncated: true },
  // Stuttering quantized output.
  { tag: 'stutter_doubled', response: 'The the answer answer is is (F) (F).', pred: 'F', status: 'answered', n: 10 },
  { tag: 'stutter_garbled', response: 'Answerrr:: ( ( B ) )', pred: 'B', status: 'answered', n: 4 },
];

export const HOLDOUT_MATH_10: HoldoutMathCase[] = [
  // Ordinary, right.
  { tag: 'boxed_plain', response: r`The area is $\frac{1}{2} \cdot 6 \cdot 14 = 42$.

$\boxed{42}$`, reference: '42', correct: true, status: 'answered' },
  { tag: 'gsm_hashes', response: 'Tom has 3 boxes with 6 apples each, so 3 * 6 = 18 apples.\n#### 18', reference: '18', correct: true, status: 'answered' },
  { tag: 'minerva_final', response: r`There are 4 outcomes in total and 3 of them are favourable, so the probability is $\frac{3}{4}$.

Final Answer: The final answer is $\frac{3}{4}$. I hope it is correct.`, reference: r`\frac{3}{4}`, correct: true, status: 'answered' },
  { tag: 'sentence_currency', response: 'She started with $2,000, spent $450 on rent and $300 on food, so she has $1,250 left.', reference: '1250', correct: true, status: 'answered' },
  { tag: 'bold_answer', response: '8 × 8 = 64\n\n**Answer: 64**', reference: '64', correct: true, status: 'answered' },
  { tag: 'sentence_units', response: 'At 50 miles per hour for 3 hours, the train travels 150 miles.', reference: '150', correct: true, status: 'answered' },
  { tag: 'answer_first', response: 'Answer: 27\n\nExplanation: 3^3 = 3 × 3 × 3 = 27.', reference: '27', correct: true, status: 'answered' },
  { tag: 'equation_chain', response: r`$$ 3 + 4 \times 2 = 3 + 8 = 11 $$`, reference: '11', correct: true, status: 'answered' },
  { tag: 'guess_and_check', response: r`If $x = 2$: $2^3 = 8$, too small. If $x = 3$: $27$, too small. If $x = 4$: $64$. That matches.

$\boxed{4}$`, reference: '4', correct: true, status: 'answered' },
  { tag: 'last_sentence_stray_numbers', response: 'Checking n = 1, 2 and 3 gives remainders 1, 2 and 3. For n = 4 the remainder is 0, so the smallest such n is 4.', reference: '4', correct: true, status: 'answered' },
  { tag: 'pleasantry_after_answer', response: 'The answer is 15.\n\nI hope this helps! Feel free to ask if you have 2 or 3 more problems like this.', reference: '15', correct: true, status: 'answered' },
  // Equivalent forms.
  { tag: 'decimal_vs_fraction', response: r`Half of the pie is left: $\boxed{0.5}$`, reference: r`\frac{1}{2}`, correct: true, status: 'answered' },
  { tag: 'slash_fraction_vs_decimal', response: r`\boxed{7/2}`, reference: '3.5', correct: true, status: 'answered' },
  { tag: 'dfrac', response: r`So $x = \boxed{\dfrac{5}{2}}$.`, reference: r`\frac{5}{2}`, correct: true, status: 'answered' },
  { tag: 'unsimplified_radical', response: r`The diagonal is $\sqrt{2^2 + (2\sqrt{2})^2} = \boxed{\sqrt{12}}$.`, reference: r`2\sqrt{3}`, correct: true, status: 'answered' },
  // A mixed number as people write it: 3 1/2 cups is 3.5 cups.
  { tag: 'mixed_number', response: 'She uses 2 cups for the dough and 1 1/2 cups for the topping, so 3 1/2 cups of flour in total.', reference: r`\frac{7}{2}`, correct: true, status: 'answered' },
  { tag: 'percent', response: 'The price dropped from $80 to $68, a decrease of $12. 12/80 = 0.15, so the discount is 15%.', reference: '15', correct: true, status: 'answered' },
  { tag: 'percent_boxed', response: r`$\boxed{20\%}$`, reference: '20', correct: true, status: 'answered' },
  { tag: 'scientific_latex', response: r`The number of molecules is $0.5 \times 6.02 \times 10^{23} = 3.01 \times 10^{23}$.`, reference: r`3.01 \times 10^{23}`, correct: true, status: 'answered' },
  { tag: 'e_notation', response: 'Multiplying the three independent probabilities gives 0.1 × 0.1 × 0.12, so the probability is 1.2e-3.', reference: '0.0012', correct: true, status: 'answered' },
  { tag: 'words_number', response: 'Half of the 24 students walk to school, so the number who walk is twelve.', reference: '12', correct: true, status: 'answered' },
  { tag: 'currency_cents', response: r`The total cost is $3 \times \$1.50 = \$4.50$.`, reference: '4.5', correct: true, status: 'answered' },
  { tag: 'currency_thousands_cents', response: 'The laptop costs $1,299.99 after the discount.', reference: '1299.99', correct: true, status: 'answered' },
  { tag: 'thousands_comma_boxed', response: r`Each of the 40 workers makes 300 parts, so $40 \times 300 = \boxed{12,000}$.`, reference: '12000', correct: true, status: 'answered' },
  { tag: 'thousands_space', response: 'The population doubles every 10 years: 125 000, 250 000, 500 000, and after thirty years it reaches 1 000 000 people.', reference: '1000000', correct: true, status: 'answered' },
  // German uses a decimal comma: "3,5 Liter" is 3.5 litres.
  { tag: 'german_decimal_comma', response: 'Jede Flasche enthält 0,7 Liter, und es sind 5 Flaschen. Die Antwort ist 3,5 Liter.', reference: '3.5', correct: true, status: 'answered' },
  { tag: 'unicode_minus', response: 'Subtracting 9 from both sides gives 2x = −14, so x = −7.', reference: '-7', correct: true, status: 'answered' },
  { tag: 'negative_boxed', response: r`Solving $2x + 9 = 3$ gives $x = -3$. \boxed{-3}`, reference: '-3', correct: true, status: 'answered' },
  { tag: 'unit_in_box', response: r`$\boxed{5\text{ cm}}$`, reference: '5', correct: true, status: 'answered' },
  { tag: 'degrees_in_box', response: r`The angle in a semicircle is a right angle, so $\angle ACB = \boxed{90^\circ}$.`, reference: '90', correct: true, status: 'answered' },
  { tag: 'degree_sign_sentence', response: 'The exterior angle of a regular pentagon is 360/5, so the angle measures 72°.', reference: '72', correct: true, status: 'answered' },
  { tag: 'pi', response: r`The circumference is $C = 2\pi r = 2\pi(2) = \boxed{4\pi}$.`, reference: r`4\pi`, correct: true, status: 'answered' },
  { tag: 'fraction_in_sentence', response: r`Each of the three people gets $\frac{2}{3}$ of a pizza.`, reference: r`\frac{2}{3}`, correct: true, status: 'answered' },
  // Structured answers.
  { tag: 'interval', response: r`The solution set is $\boxed{(-\infty, 2]}$.`, reference: r`(-\infty, 2]`, correct: true, status: 'answered' },
  { tag: 'pair', response: r`Solving the system gives $x = 3$ and $y = -1$, so the intersection point is $\boxed{(3,-1)}$.`, reference: '(3,-1)', correct: true, status: 'answered' },
  // "Find all solutions": the same two roots in the other order.
  { tag: 'solution_set_order', response: r`Factoring, $(x-2)(x+5) = 0$, so the roots are $x=2$ and $x=-5$: $\boxed{-5, 2}$.`, reference: '2, -5', correct: true, status: 'answered' },
  { tag: 'matrix', response: r`$\boxed{\begin{pmatrix} 1 \\ -2 \end{pmatrix}}$`, reference: r`\begin{pmatrix} 1 \\ -2 \end{pmatrix}`, correct: true, status: 'answered' },
  { tag: 'json_answer', response: '{"steps": ["7 * 8 = 56"], "answer": 56}', reference: '56', correct: true, status: 'answered' },
  // The math patterns.
  { tag: 'polynomial_last_sentence', response: r`Dividing $x^3 + 5x^2 + 2x - 8$ by $x + 2$ with synthetic division using $-2$: bring down 1, multiply to get $-2$, add to get 3; multiply to get $-6$, add to get $-4$; multiply to get 8, add to get 0. Therefore the quotient is $x^2 + 3x - 4$.`, reference: 'x^2+3x-4', correct: true, status: 'answered' },
  { tag: 'bold_word_last_sentence', response: 'Counting forward 40 days from a Tuesday: 40 = 5·7 + 5, so we move 5 days ahead. Tuesday + 5 days is **Sunday**.', reference: 'Sunday', correct: true, status: 'answered' },
  { tag: 'base_subscript_missing', response: r`Converting 11 to base 2: $11 = 8 + 2 + 1$, so the digits are 1, 0, 1, 1. $\boxed{1011}$`, reference: '1011_2', correct: true, status: 'answered' },
  { tag: 'base_subscript_braced', response: r`$39 = 2 \cdot 16 + 1 \cdot 4 + 3$, so in base 4 it is $\boxed{213_{4}}$.`, reference: '213_4', correct: true, status: 'answered' },
  { tag: 'answer_text_in_box', response: r`Adding the two counts gives $9 + 8 = 17$.

$\boxed{\text{Answer: } 17}$`, reference: '17', correct: true, status: 'answered' },
  { tag: 'answer_word_in_box', response: r`Total pages: $5 \times 50 = 250$. \boxed{answer: 250}`, reference: '250', correct: true, status: 'answered' },
  // Several answers: loops, follow-ups, corrections, continuations.
  { tag: 'loop_after_answer', response: r`$\boxed{24}$

Let me double check: 4 × 6 = 24. $\boxed{24}$

Let me double check: 4 × 6 = 24. $\boxed{24}$

Let me double check: 4 × 6 =`, reference: '24', correct: true, status: 'answered', truncated: true },
  { tag: 'invented_followup', response: 'The answer is 36.\n\nQuestion: If each tile costs $2, how much does she spend in total?\nAnswer: 36 × 2 = 72. The answer is 72.', reference: '36', correct: true, status: 'answered' },
  { tag: 'correction_to_right', response: 'The total is 12 dollars. Wait, I forgot the 10% tax: 12 × 1.1 = 13.20. So the total is $13.20.', reference: '13.2', correct: true, status: 'answered' },
  { tag: 'base_continuation', response: '18\n\nProblem: A farmer has 12 cows and buys 7 more. How many cows does he have?\nSolution: 12 + 7 = 19', reference: '18', correct: true, status: 'answered' },
  { tag: 'cut_off_after_answer', response: r`$\boxed{9}$. Now let's verify: $3^2 =`, reference: '9', correct: true, status: 'answered', truncated: true },
  // Other languages and <think> blocks.
  { tag: 'chinese', response: '小明有 15 个苹果，吃了 3 个，又买了 8 个，所以现在有 15 - 3 + 8 = 20 个。答案是 20。', reference: '20', correct: true, status: 'answered' },
  { tag: 'spanish_fraction', response: 'Tres de las cuatro partes están pintadas. La respuesta es 3/4.', reference: '0.75', correct: true, status: 'answered' },
  { tag: 'think_then_bold', response: '<think>\nMaybe 10? No: 4 packs of 3 is 12.\n</think>\n\nThe answer is **12**.', reference: '12', correct: true, status: 'answered' },
  { tag: 'stutter', response: 'There are 6 boxes of 8, so so the total is is $48$. $48$.', reference: '48', correct: true, status: 'answered' },

  // Wrong answers.
  { tag: 'answer_is_wrong', response: 'He pays 4 * 12 = 48 dollars, then gets 6 back, so 48 - 6 = 42. The answer is 42.', reference: '36', correct: false, status: 'answered' },
  { tag: 'boxed_wrong', response: r`The number of handshakes is $6 \times 7 - 1 = 41$. \boxed{41}`, reference: '42', correct: false, status: 'answered' },
  { tag: 'gsm_hashes_wrong', response: 'She had 10 stickers, gave away 2 and got 8 more: 10 - 2 + 8 = 16.\n#### 16', reference: '18', correct: false, status: 'answered' },
  { tag: 'base_digits_wrong', response: r`Writing 13 in binary gives $\boxed{1110}$.`, reference: '1101_2', correct: false, status: 'answered' },
  { tag: 'answer_text_in_box_wrong', response: r`$\boxed{\text{Answer: } 24}$`, reference: '42', correct: false, status: 'answered' },
  { tag: 'fraction_inverted', response: r`$\boxed{\frac{4}{3}}$`, reference: r`\frac{3}{4}`, correct: false, status: 'answered' },
  { tag: 'sign_wrong', response: r`Solving $2x + 9 = 3$ gives $x = 3$. \boxed{3}`, reference: '-3', correct: false, status: 'answered' },
  { tag: 'polynomial_wrong_sign', response: 'Using synthetic division, the quotient is x^2 - 3x - 4.', reference: 'x^2+3x-4', correct: false, status: 'answered' },
  { tag: 'words_wrong', response: 'Each of the 10 dogs has 4 legs, but I only counted the puppies, so the number of legs is fourteen.', reference: '40', correct: false, status: 'answered' },
  { tag: 'percent_wrong', response: 'The increase is 10 on a base of 80, so the percent increase is 12.5%.', reference: '15', correct: false, status: 'answered' },
  { tag: 'hedged_wrong', response: 'I think it is about 50.', reference: '52', correct: false, status: 'answered' },
  { tag: 'json_wrong', response: '{"answer": "54"}', reference: '56', correct: false, status: 'answered' },
  { tag: 'stray_reference_in_reasoning', response: 'After 3 hours the tank holds 3 × 20 = 60 liters, plus the initial 15, so it holds 75 liters.\n\nFinal: 75', reference: '60', correct: false, status: 'answered' },
  // The first box matches the gold answer, but the model revises it to a wrong one.
  { tag: 'revised_to_wrong_box', response: r`The area is $\boxed{6}$.

Wait, the base is 4, not 3. Redoing: $\frac{1}{2} \cdot 4 \cdot 4 = 8$. So the area is $\boxed{8}$.`, reference: '6', correct: false, status: 'answered' },
  { tag: 'correction_to_wrong', response: 'The answer is 45. Hmm, actually I double-counted the first day, so I subtract 9: the answer is 36.', reference: '45', correct: false, status: 'answered' },
  // The invented follow-up's answer equals the gold answer; the model's own answer (30) does not.
  { tag: 'invented_followup_matches_gold', response: 'Each row has 5 chairs and there are 6 rows, so 30 chairs. The answer is 30.\n\nQuestion: If 6 more chairs are added, how many chairs are there?\nAnswer: 30 + 6 = 36. The answer is 36.', reference: '36', correct: false, status: 'answered' },
  // The echoed few-shot example's answer equals the gold answer; the model's own answer (14, an arithmetic slip) does not.
  {
    tag: 'fewshot_echo_matches_gold',
    response: 'Question: Sam has 10 marbles and finds 3 more. How many marbles does he have?\nAnswer: 10 + 3 = 13. The answer is 13.\n\nQuestion: Lily has 5 pencils and buys 4 packs of 2 pencils. How many pencils does she have?\nAnswer: 4 × 2 = 8, and 5 + 8 = 14. The answer is 14.',
    reference: '13',
    correct: false,
    status: 'answered',
  },
  { tag: 'think_right_final_wrong', response: '<think>\n3 × 4 = 12, so 12 marbles.\n</think>\n\nThe answer is 21.', reference: '12', correct: false, status: 'answered' },
  // No answer.
  { tag: 'several_answers', response: 'The answer is either 4 or 6, depending on whether the endpoints count.', reference: '4', correct: false, status: 'ambiguous' },
  { tag: 'alternating_loop', response: 'Is it 12? Or 14? Is it 12? Or 14? Is it 12? Or 14? Is it 12? Or 14? Is it 12? Or', reference: '12', correct: false, status: ['truncated', 'ambiguous'], truncated: true },
  { tag: 'refusal', response: "I'm sorry, but I can't help with planning a bank robbery, even in a hypothetical word problem.", reference: '35', correct: false, status: 'refused' },
  { tag: 'cannot_determine', response: 'The problem does not say how many boys there are, so the number of girls cannot be determined from the given information.', reference: '14', correct: false, status: ['no_answer', 'refused'] },
  { tag: 'cut_off_mid_expression', response: r`First, the total surface area is $2(lw + lh + wh) = 2(3 \cdot 4 + 3 \cdot 5 + `, reference: '94', correct: false, status: 'truncated', truncated: true },
  { tag: 'loop_no_answer', response: 'Let x be the number of apples. Then x + 5 = 2x - 3. Let x be the number of apples. Then x + 5 = 2x - 3. Let x be the number of apples. Then x + 5 = 2x - 3. Let x be the number of apples. Then x + 5 =', reference: '8', correct: false, status: 'truncated', truncated: true },
  { tag: 'empty_box', response: r`The final answer is $\boxed{}$.`, reference: '10', correct: false, status: 'no_answer' },
  // A one-line stub that stops before any work: complete by the runner's account, but it reads as cut short.
  { tag: 'stub', response: "Let's think about this problem step by step.", reference: '27', correct: false, status: ['no_answer', 'truncated'] },
];
