/**
 * Hold-out batch 8 for issue 18: written blind (without reading lib/grade, the tuning corpus or the grader's rules,
 * and without running the grader on these cases), in the styles small local models (1-8B GGUF; chat, base and
 * reasoning models with <think> blocks; quantized models that degrade) write on MMLU-Pro-like 10-option and
 * 4-option questions and GSM8K/MATH-like problems. Its sha256 was recorded in holdout-8.sha256 before its first
 * run; the first-run figure is in docs/grading.md ("Corpus and hold-out"). Do not tune the extractors against these
 * cases: reproduce a miss as a tuning case in other wording (mc.ts, math.ts) instead.
 */
import type { GradeStatus } from '../../lib/grade/types.ts';
import type { HoldoutMathCase, HoldoutMcCase } from './holdout.ts';

const ABSTAIN: GradeStatus[] = ['no_answer', 'ambiguous', 'refused'];
const DONE: GradeStatus[] = ['answered', 'truncated'];
const CUT: GradeStatus[] = ['truncated', 'no_answer', 'ambiguous'];

const CAPITALS = ['Canberra', 'Sydney', 'Melbourne', 'Perth'];
const AUTHORS = ['Tolstoy', 'Dostoevsky', 'Chekhov', 'Pushkin'];
const BONES = ['Femur', 'Tibia', 'Humerus', 'Stapes'];
const VITAMINS = ['Vitamin C', 'Vitamin D', 'Vitamin K', 'Vitamin A'];
const METALS = ['Sodium', 'Potassium', 'Calcium', 'Lithium'];
const STATEMENTS = ['I only', 'II only', 'I and II only', 'I, II and III'];
const CHANGE = ['Increases', 'Decreases', 'Stays the same', 'Cannot be determined'];
const ORGANELLES = ['Mitochondria', 'Chloroplasts', 'Ribosomes', 'All of the above'];
const ACCEL10 = ['1.2 m/s²', '2.4 m/s²', '3.6 m/s²', '4.8 m/s²', '6.0 m/s²', '7.2 m/s²', '8.4 m/s²', '9.6 m/s²', '10.8 m/s²', '12.0 m/s²'];
const MONEY10 = ['$120', '$150', '$180', '$200', '$240', '$250', '$300', '$320', '$360', '$400'];
const LAND10 = [
  'Adverse possession',
  'Easement by necessity',
  'Prescriptive easement',
  'Fee simple absolute',
  'Life estate',
  'Tenancy in common',
  'Joint tenancy',
  'Licence',
  'Profit à prendre',
  'Covenant running with the land',
];
const MARKET10 = [
  'Increase in demand',
  'Decrease in demand',
  'Increase in supply',
  'Decrease in supply',
  'Price ceiling',
  'Price floor',
  'Perfect competition',
  'Monopoly',
  'Oligopoly',
  'Monopolistic competition',
];
const LEARNING10 = [
  'Classical conditioning',
  'Operant conditioning',
  'Observational learning',
  'Habituation',
  'Sensitization',
  'Insight learning',
  'Latent learning',
  'Imprinting',
  'Extinction',
  'Spontaneous recovery',
];
const PH10 = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];

const LOOP_J = Array.from({ length: 9 }, () => 'The answer is (J).').join('\n');

export const HOLDOUT_MC_8: HoldoutMcCase[] = [
  // The answer restated as option text, with no letter.
  { tag: 'text_only', choices: CAPITALS, response: 'Many people guess Sydney because it is the largest city, but the capital of Australia is Canberra.', pred: 'A', status: 'answered' },
  { tag: 'text_only_10', choices: ACCEL10, response: "Using Newton's second law, a = F/m = 24 N / 5 kg = 4.8 m/s².\n\nSo the block accelerates at 4.8 m/s².", pred: 'D', status: 'answered' },
  {
    tag: 'text_only_10',
    choices: LAND10,
    response:
      'The neighbour has used the path openly and continuously for over twenty years without permission, which is the classic setup for a prescriptive easement. It is not adverse possession, because he never claimed ownership of the land itself.',
    pred: 'C',
    status: 'answered',
  },
  { tag: 'text_letter_lookalike', choices: VITAMINS, response: 'Rickets results from too little vitamin D, which the body needs to absorb calcium.', pred: 'B', status: 'answered' },
  { tag: 'text_letter_lookalike', choices: VITAMINS, response: 'Rickets results from a vitamin D deficiency. Answer: B', pred: 'B', status: 'answered' },
  {
    tag: 'roman_numerals',
    choices: STATEMENTS,
    response: 'Statement I holds because the function is continuous. Statement II holds by the mean value theorem. Statement III fails for f(x) = |x| at 0. So the answer is I and II only.',
    pred: 'C',
    status: 'answered',
  },
  {
    tag: 'cannot_determine_is_option',
    choices: CHANGE,
    question: 'If the price of a good and the number of sellers both rise, what happens to the quantity sold?',
    response: 'Higher prices push quantity down along the demand curve, but more sellers push it up. Without knowing the sizes of the two effects, the change in quantity cannot be determined.',
    pred: 'D',
    status: 'answered',
  },
  {
    tag: 'all_of_the_above',
    choices: ORGANELLES,
    question: 'Which of these are found in a leaf cell?',
    response: 'A leaf cell has mitochondria for respiration, chloroplasts for photosynthesis and ribosomes for protein synthesis. Since every listed structure is present, the answer is all of the above.',
    pred: 'D',
    status: 'answered',
  },
  { tag: 'numeric_option_text', choices: PH10, response: '[H+] = 10^-3 M, so pH = -log(10^-3) = 3.', pred: 'C', status: 'answered' },
  { tag: 'money_restated', choices: MONEY10, response: 'Each ticket costs $30 and she buys 12, so she pays 12 × $30 = $360.00 in total.', pred: 'I', status: 'answered' },
  {
    tag: 'not_question_text',
    question: 'Which of the following is NOT an alkali metal?',
    choices: METALS,
    response: 'Sodium, potassium and lithium are all in group 1. Calcium sits in group 2, so calcium is the one that is not an alkali metal.',
    pred: 'C',
    status: 'answered',
  },
  {
    tag: 'not_question_letter',
    question: 'Which of the following is NOT an alkali metal?',
    choices: METALS,
    response: 'Option C is not an alkali metal; it is an alkaline earth metal.',
    pred: 'C',
    status: 'answered',
  },
  // Letters in other bracket styles and other languages.
  { tag: 'bracket_square', n: 4, response: 'After comparing the half-lives, the correct choice is [D].', pred: 'D', status: 'answered' },
  { tag: 'bracket_curly', n: 10, response: 'Answer: {G}', pred: 'G', status: 'answered' },
  { tag: 'lower_close_paren', n: 10, response: 'Working through the reaction quotient, Q < K, so the reaction shifts to the right.\nAnswer: h)', pred: 'H', status: 'answered' },
  { tag: 'bold_letter_period', choices: AUTHORS, response: 'The Cherry Orchard is actually a play, and it was written by Anton Chekhov.\n\n**C.**', pred: 'C', status: 'answered' },
  { tag: 'double_bracket', n: 10, response: 'After careful consideration, my verdict: [[E]]', pred: 'E', status: 'answered' },
  { tag: 'em_dash', n: 10, response: 'Correct answer — G', pred: 'G', status: 'answered' },
  { tag: 'mathrm_letter', n: 10, response: 'Hence the answer is $\\mathrm{(E)}$.', pred: 'E', status: 'answered' },
  { tag: 'fullwidth', n: 4, response: '答案：（Ｂ）', pred: 'B', status: 'answered' },
  { tag: 'chinese', choices: CAPITALS, response: '澳大利亚的首都是堪培拉，而不是悉尼。\n答案是 A。', pred: 'A', status: 'answered' },
  { tag: 'spanish', n: 10, response: 'Analizando cada opción, la única que describe un monopolio es la opción H.\n\nRespuesta correcta: H', pred: 'H', status: 'answered' },
  { tag: 'german', choices: BONES, response: 'Der kleinste Knochen des Menschen ist der Steigbügel im Mittelohr.\nDie richtige Antwort ist D.', pred: 'D', status: 'answered' },
  { tag: 'japanese', n: 10, response: '計算すると 7.2 m/s² になります。したがって、正解は (F) です。', pred: 'F', status: 'answered' },
  // Letter-shaped words that are not answers.
  { tag: 'pronoun_I', n: 10, response: 'I compared the two interest rates, and I believe the answer is I.', pred: 'I', status: 'answered' },
  { tag: 'article_A', n: 4, response: 'A quick check of the units shows that only one option is an energy. A joule is a newton-metre, so the answer is D.', pred: 'D', status: 'answered' },
  {
    tag: 'letters_as_variables',
    n: 4,
    response: 'Let A be the area of the square and B the area of the circle. A = 16 and B = 4π ≈ 12.57, so A > B and the difference is about 3.43. That matches option C.',
    pred: 'C',
    status: 'answered',
  },
  { tag: 'option_number', choices: CAPITALS, response: 'The correct one is option 1, Canberra.', pred: 'A', status: 'answered' },
  // Chain of thought and <think> blocks.
  {
    tag: 'think_then_answer',
    choices: ACCEL10,
    response:
      "<think>\nNet force is 30 N minus friction 6 N = 24 N. Mass 5 kg. 24/5 = 4.8. Hmm, is friction already included? No, it says applied force 30 N and friction 6 N. So 4.8. Option D.\n</think>\n\nThe acceleration is **4.8 m/s²**, option (D).",
    pred: 'D',
    status: 'answered',
  },
  {
    tag: 'think_changes_mind',
    choices: LEARNING10,
    response:
      "<think>\nThe response fades after repeated exposure... that sounds like extinction, (I). But extinction needs a previously conditioned response. Here there was no conditioning at all; the startle just fades on its own. That's habituation, (D).\n</think>\n\nAnswer: (D) Habituation",
    pred: 'D',
    status: 'answered',
  },
  {
    tag: 'think_cut',
    choices: LEARNING10,
    truncated: true,
    response:
      '<think>\nThe child copies the aggressive behaviour after watching the adult hit the doll. That is Bandura, so observational learning... but could it be operant conditioning if the child was rewarded? Let me reread the stem: "after watching the adult being praised',
    pred: null,
    status: CUT,
  },
  { tag: 'think_answer_differs', n: 4, response: '<think>The answer is (B)... no wait, B is the reverse reaction. It must be (A).</think>\n**Final answer: A**', pred: 'A', status: 'answered' },
  {
    tag: 'long_cot_10',
    choices: LAND10,
    response:
      "Let's think step by step. Option (A) describes adverse possession, which needs exclusive possession; the neighbour only crossed the land. (B) easement by necessity requires the land to be landlocked, and it isn't. (H) a licence is revocable permission, but no permission was given. The use was open, continuous and hostile for 22 years, beyond the 20-year statutory period. The answer is (C).",
    pred: 'C',
    status: 'answered',
  },
  // Self-corrections, hedges and withdrawn picks.
  {
    tag: 'self_correct',
    n: 4,
    response: 'The answer is (A).\n\nWait — I misread the question. It asks for the smallest value, not the largest. Redoing the comparison, the smallest is (C).\n\nAnswer: (C)',
    pred: 'C',
    status: 'answered',
  },
  {
    tag: 'self_correct_inline',
    choices: MONEY10,
    response: 'Profit = 12 × $25 − $60 = $240. Oops, the fixed cost is $50, not $60, so the profit is 12 × 25 − 50 = $250. The answer is F.',
    pred: 'F',
    status: 'answered',
  },
  { tag: 'reconsider_keep', n: 4, response: "I'll go with (B). Hmm, actually let me reconsider (D)... no, (D) assumes constant volume, which is not given. Sticking with (B).", pred: 'B', status: 'answered' },
  {
    tag: 'closest_withdrawn',
    choices: ACCEL10,
    response:
      "My result is 5.0 m/s², which isn't among the options. The closest is (E) 6.0 m/s². Actually, that is 20% off, so I don't think any option matches; the intended friction coefficient may differ from mine. I can't pick one with confidence.",
    pred: null,
    status: ABSTAIN,
  },
  { tag: 'closest_kept', choices: ACCEL10, response: "I get a = 7.0 m/s². That exact value is not an option, but it is closest to 7.2 m/s², so I'll choose (F).", pred: 'F', status: 'answered' },
  { tag: 'hedged', n: 4, response: "I'm not completely sure, but it's probably (B).", pred: 'B', status: 'answered' },
  { tag: 'lean', n: 4, response: "It's either A or C. On balance I'd lean towards C, since A ignores air resistance.", pred: 'C', status: 'answered' },
  { tag: 'elimination', n: 4, response: 'We can rule out A because it ignores inflation, B because it double counts, and D because it uses nominal rates. That leaves C.', pred: 'C', status: 'answered' },
  { tag: 'ai_disclaimer', n: 4, response: "As an AI, I don't hold personal opinions, but based on the standard textbook definition the answer is (A).", pred: 'A', status: 'answered' },
  // Loops and degenerate quantized output.
  { tag: 'loop_same', n: 10, truncated: true, response: LOOP_J, pred: 'J', status: DONE },
  { tag: 'loop_undecided', n: 4, truncated: true, response: 'Is it (B) or (D)? Let me think. Is it (B) or (D)? Let me think. Is it (B) or (D)? Let me think. Is it (B) or (D)? Let me think.', pred: null, status: CUT },
  {
    tag: 'loop_after_commit',
    choices: MARKET10,
    truncated: true,
    response:
      'A binding price floor above equilibrium creates a surplus. The answer is (F).\n\nA surplus means quantity supplied exceeds quantity demanded. A surplus means quantity supplied exceeds quantity demanded. A surplus means quantity supplied exceeds quantity demanded. A surplus means quantity',
    pred: 'F',
    status: DONE,
  },
  { tag: 'quant_stutter', n: 4, truncated: true, response: 'The answer is (B) (B) (B) B B B B B B B B B B B B B B B B B B B', pred: 'B', status: DONE },
  { tag: 'quant_garbage', n: 4, response: 'the the answer answer is is is ,,, ;; the the the the the', pred: null, status: ABSTAIN },
  // Base-model few-shot continuation and invented follow-ups.
  {
    tag: 'base_continuation',
    n: 4,
    response: ' D\n\nQuestion: Which planet has the shortest year?\nA. Mercury\nB. Venus\nC. Earth\nD. Mars\nAnswer: A\n\nQuestion: Which organ produces insulin?\nA. Liver\nB. Pancreas\nC. Kidney\nD. Spleen\nAnswer: B',
    pred: 'D',
    status: 'answered',
  },
  {
    tag: 'base_cot_continuation',
    choices: LEARNING10,
    response:
      " Let's think step by step. The dog salivates to the bell alone after the bell was repeatedly paired with food. A neutral stimulus became a conditioned stimulus. The answer is (A).\n\nQuestion: A rat presses a lever more often after each press is followed by food. This is an example of\nOptions: A. classical conditioning B. operant conditioning C. observational learning D. habituation\nAnswer: Let's think step by step. The behaviour is strengthened by its consequence. The answer is (B).",
    pred: 'A',
    status: 'answered',
  },
  {
    tag: 'echo_then_own',
    question: 'Which bone is the longest in the human body?',
    choices: BONES,
    response:
      "Answer: Let's think step by step. The stirrup in the middle ear is tiny. The answer is (D).\n\nQuestion: Which bone is the longest in the human body?\nAnswer: Let's think step by step. The thigh bone carries the body's weight and is the longest. The answer is (A).",
    pred: 'A',
    status: 'answered',
  },
  { tag: 'chat_template_followup', n: 4, response: 'Answer: C\n\n<|user|>\nWhy not A?\n<|assistant|>\nA would only hold in a vacuum. In this setup the answer is still C.', pred: 'C', status: 'answered' },
  {
    tag: 'invented_bonus',
    choices: CAPITALS,
    response: 'Canberra (A) is the capital.\n\n### Bonus question\nWhat is the largest city in Australia?\nA) Canberra B) Sydney C) Melbourne D) Perth\n**Answer: B) Sydney**',
    pred: 'A',
    status: 'answered',
  },
  // Truncation.
  {
    tag: 'cut_walkthrough_10',
    choices: MARKET10,
    truncated: true,
    response:
      "Let's examine each option.\n(A) Increase in demand: price and quantity would both rise, which fits the price but not\n(B) Decrease in demand: price would fall, so no.\n(C) Increase in supply: price would fall, so no.\n(D) Decrease in supply: price rises, and quantity",
    pred: null,
    status: CUT,
  },
  { tag: 'cut_options_echo', choices: CAPITALS, truncated: true, response: 'A. Canberra\nB. Sydney\nC. Melb', pred: null, status: CUT },
  // Refusals and nothing to commit to.
  { tag: 'refusal', n: 4, response: "I'm sorry, but I can't help with questions about synthesising controlled substances.", pred: null, status: ABSTAIN },
  {
    tag: 'cannot_determine',
    choices: ACCEL10,
    response: 'The problem does not give the mass of the block, so the acceleration cannot be determined from the information provided.',
    pred: null,
    status: ABSTAIN,
  },
  { tag: 'none_match', choices: MONEY10, response: 'Revenue is 15 × $18 = $270, minus a $12 fee, which leaves $258. None of the listed amounts equals $258.', pred: null, status: ABSTAIN },
  { tag: 'two_letters', n: 4, response: 'Answer: A, C', pred: null, status: ABSTAIN },
  { tag: 'either_or', n: 10, response: 'Both (B) and (G) are defensible readings of the statute, so the answer is (B) or (G).', pred: null, status: ABSTAIN },
  { tag: 'letter_text_conflict', choices: CAPITALS, response: 'The answer is (B) Canberra.', pred: null, status: ABSTAIN },
  { tag: 'out_of_range', n: 4, response: 'The answer is (F).', pred: null, status: ABSTAIN },
  // Markdown, code and structured output.
  {
    tag: 'table_then_answer',
    choices: AUTHORS,
    response: '| Option | Author | Wrote *War and Peace*? |\n|---|---|---|\n| A | Tolstoy | ✅ Yes |\n| B | Dostoevsky | ❌ No |\n| C | Chekhov | ❌ No |\n| D | Pushkin | ❌ No |\n\n**Answer: A**',
    pred: 'A',
    status: 'answered',
  },
  {
    tag: 'table_only',
    choices: BONES,
    question: 'Which bone is in the middle ear?',
    response: '| Bone | Location | Middle ear? |\n|---|---|---|\n| Femur | thigh | no |\n| Tibia | shin | no |\n| Humerus | upper arm | no |\n| Stapes | middle ear | yes |',
    pred: 'D',
    status: 'answered',
  },
  {
    tag: 'heading_answer',
    choices: LAND10,
    response: "## Analysis\nThe grant lasts only for the grantee's lifetime, after which the land returns to the grantor.\n\n## Answer\n**(E) Life estate**",
    pred: 'E',
    status: 'answered',
  },
  { tag: 'emoji_marks', n: 4, response: 'A ❌\nB ❌\nC ✅\nD ❌', pred: 'C', status: 'answered' },
  {
    tag: 'json',
    n: 10,
    response: '```json\n{"reasoning": "Many sellers with differentiated products and a downward-sloping demand curve for each firm.", "answer": "J"}\n```',
    pred: 'J',
    status: 'answered',
  },
  { tag: 'xml_tag', n: 4, response: '<reasoning>Water has the larger heat capacity.</reasoning>\n<answer>D</answer>', pred: 'D', status: 'answered' },
  { tag: 'boxed_text_letter', n: 10, response: 'Thus the final answer is $\\boxed{\\text{(G)}}$.', pred: 'G', status: 'answered' },
];

const LOOP_15 = Array.from({ length: 10 }, () => 'The answer is 15.').join('\n');

export const HOLDOUT_MATH_8: HoldoutMathCase[] = [
  // LaTeX forms.
  { tag: 'frac_vs_decimal', response: 'The probability is \\boxed{\\frac{3}{4}}.', reference: '0.75', correct: true, status: 'answered' },
  { tag: 'boxed_text_units', response: 'So Maya ends up with \\boxed{12\\text{ apples}}.', reference: '12', correct: true, status: 'answered' },
  { tag: 'boxed_degrees', response: 'The remaining angle is $180^\\circ - 150^\\circ = \\boxed{30^\\circ}$.', reference: '30', correct: true, status: 'answered' },
  { tag: 'boxed_percent', response: 'The increase as a share of the original is $\\frac{5}{40} = \\boxed{12.5\\%}$.', reference: '12.5', correct: true, status: 'answered' },
  { tag: 'latex_thousands', response: 'Total payroll: \\boxed{\\$1{,}250}', reference: '1250', correct: true, status: 'answered' },
  { tag: 'escaped_dollar', response: 'Each share is \\$\\boxed{12.50}.', reference: '12.5', correct: true, status: 'answered' },
  { tag: 'sci_latex', response: 'Number of molecules $N = \\boxed{6.02 \\times 10^{23}}$', reference: '6.02\\times10^{23}', correct: true, status: 'answered' },
  { tag: 'sci_negative_exp', response: 'So the concentration is $1.5 \\times 10^{-3}$ M.', reference: '0.0015', correct: true, status: 'answered' },
  { tag: 'unicode_minus', response: 'Solving, x = \\boxed{−7}', reference: '-7', correct: true, status: 'answered' },
  { tag: 'sqrt_equivalent', response: 'The diagonal has length \\boxed{\\sqrt{12}}.', reference: '2\\sqrt{3}', correct: true, status: 'answered' },
  { tag: 'rational_expr', response: 'After cancelling, $f(x) = \\boxed{\\frac{x+1}{x-1}}$.', reference: '\\frac{x+1}{x-1}', correct: true, status: 'answered' },
  { tag: 'mixed_number_latex', response: 'She needs \\boxed{2\\frac{1}{2}} cups of flour.', reference: '\\frac{5}{2}', correct: true, status: 'answered' },
  { tag: 'left_right_pair', response: 'The vertex is at \\boxed{\\left(\\frac{1}{2}, 3\\right)}.', reference: '\\left( \\frac{1}{2}, 3 \\right)', correct: true, status: 'answered' },
  { tag: 'pair_unboxed', response: 'Adding the equations gives 2x = 4, so x = 2 and y = 3. So $(x, y) = (2, 3)$.', reference: '(2,3)', correct: true, status: 'answered' },
  { tag: 'interval', response: 'The solution set is \\boxed{(-\\infty, 3]}.', reference: '(-\\infty,3]', correct: true, status: 'answered' },
  { tag: 'interval_in', response: 'Both conditions hold exactly when $x \\in [1, 4]$.', reference: '[1,4]', correct: true, status: 'answered' },
  { tag: 'label_in_box', response: '\\boxed{\\text{Answer: } 64}', reference: '64', correct: true, status: 'answered' },
  { tag: 'heading_display', response: '### Final Answer\n$$x = \\frac{7}{3}$$', reference: '\\frac{7}{3}', correct: true, status: 'answered' },
  // Several values.
  { tag: 'two_roots_prose', response: 'Factoring gives (x − 3)(x − 5) = 0. The solutions are $x = 3$ and $x = 5$.', reference: '3, 5', correct: true, status: 'answered' },
  { tag: 'two_roots_boxed_order', response: '\\boxed{-3, 2}', reference: '2, -3', correct: true, status: 'answered' },
  { tag: 'same_value_twice', response: 'The answer is 1/2, or 0.5.', reference: '0.5', correct: true, status: 'answered' },
  { tag: 'either_value', response: 'The answer is either 6 or 8, depending on whether the endpoints are counted.', reference: '8', correct: false, status: ABSTAIN },
  { tag: 'two_methods_disagree', response: 'Method 1 gives \\boxed{10}. Method 2 gives \\boxed{12}.', reference: '12', correct: false, status: ABSTAIN },
  // Currency, units, percentages and words in GSM8K-style prose.
  { tag: 'currency_bold', response: 'After 18 months she has saved **$1,234.50**.', reference: '1234.5', correct: true, status: 'answered' },
  { tag: 'thousands_prose', response: 'Adding the three warehouses together, the answer is 1,234.', reference: '1234', correct: true, status: 'answered' },
  { tag: 'percent_prose', response: '14 of the 40 students walk, and 14/40 = 0.35, so 35% of the students walk to school.', reference: '35', correct: true, status: 'answered' },
  { tag: 'sentence_trailing_number', response: 'Each day he eats 2 of his 13 apples, and 13 − 3 × 2 = 7. So he has 7 apples left after 3 days.', reference: '7', correct: true, status: 'answered' },
  { tag: 'discount_last', response: 'The jacket costs $45. With the 10% discount, she pays 45 − 4.50 = $40.50.', reference: '40.5', correct: true, status: 'answered' },
  { tag: 'mixed_number_prose', response: 'Doubling the recipe, she needs 2 1/2 cups of flour.', reference: '5/2', correct: true, status: 'answered' },
  { tag: 'dollars_and_cents_words', response: 'The change she gets back is 7 dollars and 25 cents.', reference: '7.25', correct: true, status: 'answered' },
  { tag: 'word_number', response: 'He gave away eight of his twenty marbles, so Tom has twelve marbles left.', reference: '12', correct: true, status: 'answered' },
  { tag: 'table_total', response: '| Item | Cost |\n|---|---|\n| Notebooks (3 × $4) | $12 |\n| Pens (5 × $2) | $10 |\n| **Total** | **$22** |', reference: '22', correct: true, status: 'answered' },
  { tag: 'bold_final', response: 'Squaring 16 gives 256.\n\n**Final answer: 256**', reference: '256', correct: true, status: 'answered' },
  { tag: 'polynomial_last', response: 'Dividing term by term and collecting like terms, the quotient is $x^2 + 3x - 4$.', reference: 'x^2+3x-4', correct: true, status: 'answered' },
  { tag: 'chinese', response: '每排 6 个，共 6 排，所以一共 6 × 6 = 36 个。答案是 36。', reference: '36', correct: true, status: 'answered' },
  // Code, gsm8k markers, base-model continuation and invented follow-ups.
  {
    tag: 'code_output',
    response: '```python\ncost = 4 * 3.5 + 2\nprint(cost)\n```\nOutput:\n```\n16.0\n```\nSo the total cost is $16.',
    reference: '16',
    correct: true,
    status: 'answered',
  },
  { tag: 'base_continuation', response: 'Answer: 18\n\nQuestion: A farmer has 5 cows and buys 3 more. How many cows does he have?\nAnswer: 8\n\nQuestion: A', reference: '18', correct: true, status: 'answered' },
  {
    tag: 'minerva_continuation',
    response:
      'Since $2^3 = 8$, the smallest such number is 8.\nFinal Answer: The final answer is $8$. I hope it is correct.\n\nProblem:\nFind $x$ if $2x = 6$.\n\nSolution:\n$x = 3$.\nFinal Answer: The final answer is $3$. I hope it is correct.',
    reference: '8',
    correct: true,
    status: 'answered',
  },
  {
    tag: 'chat_offer_followup',
    response: '**Answer: 24**\n\nWould you like me to solve a similar problem? For example, if there were 10 boxes with 6 pencils each, the answer would be 60.',
    reference: '24',
    correct: true,
    status: 'answered',
  },
  // Self-corrections and <think> blocks.
  { tag: 'self_correct_box', response: 'So the total is \\boxed{24}.\n\nWait, I counted the corner squares twice. Subtracting the 4 corners, the total is \\boxed{20}.', reference: '20', correct: true, status: 'answered' },
  {
    tag: 'self_correct_to_wrong',
    response: 'The bill before tax is \\boxed{12}. Hmm, actually the question wants the amount with 10% tax: 12 × 1.1 = \\boxed{13.2}.',
    reference: '12',
    correct: false,
    status: 'answered',
  },
  {
    tag: 'self_correct_prose',
    response: 'That gives 48 minutes. No wait — the trains approach each other, so the closing speed is 150 km/h, and the time is 300/150 = 2 hours.',
    reference: '2',
    correct: true,
    status: 'answered',
  },
  {
    tag: 'think_then_final',
    response:
      '<think>\nShe earns 15 per hour for 8 hours = 120. Overtime is only above 8 hours, and she worked 10 hours in total, so 2 hours at 22.5 = 45. Total 165.\n</think>\n\nShe earns **$165**.',
    reference: '165',
    correct: true,
    status: 'answered',
  },
  { tag: 'think_box_revised', response: '<think>So \\boxed{12}? No, I forgot the two extra chairs. 14.</think>\n\n**Answer: 14**', reference: '14', correct: true, status: 'answered' },
  { tag: 'think_cut', truncated: true, response: '<think>\nLet the number be n. Then 3n + 7 = 5n - 9, so 16 = 2n, giving n =', reference: '8', correct: false, status: CUT },
  // Wrong answers.
  { tag: 'wrong_sign', response: 'x = \\boxed{7}', reference: '-7', correct: false, status: 'answered' },
  { tag: 'wrong_interval_end', response: 'The solution set is $[-2, 5)$.', reference: '[-2,5]', correct: false, status: 'answered' },
  { tag: 'wrong_gsm8k', response: 'She had 25 stickers and used 8, so she has 17 stickers left.\n#### 17', reference: '18', correct: false, status: 'answered' },
  // Base subscripts.
  { tag: 'base_subscript_box', response: 'Dividing by 2 repeatedly and reading the remainders upward, we get \\boxed{1011}.', reference: '1011_2', correct: true, status: 'answered' },
  { tag: 'base_subscript_prose', response: 'So $25_{10}$ written in base 3 is 221.', reference: '221_3', correct: true, status: 'answered' },
  // Loops, truncation, refusals and garbage.
  { tag: 'loop_same', truncated: true, response: LOOP_15, reference: '15', correct: true, status: DONE },
  { tag: 'quant_stutter', truncated: true, response: 'The answer is 4 4 4 4 4 4 4 4 4 4 4 4', reference: '4', correct: true, status: DONE },
  { tag: 'cut_after_answer', truncated: true, response: 'The answer is 56. To check: 7 × 8 =', reference: '56', correct: true, status: DONE },
  {
    tag: 'cut_no_answer',
    truncated: true,
    response: 'First find the area of the triangle: (1/2)(8)(6) = 24. Next the area of the semicircle with radius 4 is',
    reference: '24+8\\pi',
    correct: false,
    status: CUT,
  },
  { tag: 'refusal_stray_number', response: "I can't determine the number of students without knowing how many are in each of the 4 classes.", reference: '96', correct: false, status: ABSTAIN },
  { tag: 'not_enough_info', response: 'There is not enough information: the problem gives the ratio 3:5 but not the total.', reference: '40', correct: false, status: ABSTAIN },
  { tag: 'quant_garbage', response: 'answer answer answer the the = = =', reference: '9', correct: false, status: ABSTAIN },
];
