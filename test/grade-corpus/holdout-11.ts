/**
 * Hold-out batch 11 for issue 18: written blind (without reading lib/grade, the tuning corpus, docs/grading.md or
 * the earlier batches' cases, and without running the grader on these cases), picturing one researcher's run of
 * MMLU-Pro (10 options, with option texts), 4-option MMLU-style questions and GSM8K/MATH prompts against a dozen
 * small local models: Llama 3.2 1B/3B and 3.1 8B, Qwen2.5 0.5B-7B, Qwen3 with and without thinking, Phi-3.5/Phi-4
 * mini, Gemma 2/3, Mistral 7B, SmolLM2, DeepSeek-R1-Distill 1.5B/7B, base models on a 5-shot prompt, and Q2_K-Q4_K
 * quantizations. Each case is labelled with what a careful human reader takes as the model's final answer.
 * Its sha256 was recorded in holdout-11.sha256 before its first run. Do not tune the extractors against these
 * cases: reproduce a miss as a tuning case in other wording instead.
 *
 * Styles covered. Multiple choice: "The answer is (X)" after chain of thought, bare letters, markdown bold,
 * headings and tables, JSON and XML-ish tags, <think> blocks (answer after the block, cut off inside it, revised
 * inside it), \boxed{letter}, letter with option text ("B) Increased", "is B. Lumbar puncture", quoted
 * '"D) Fixed cost"'), option text alone (mapped through the choices), a computed value that matches one option,
 * "(option C)", "Option G", "Choice (I)" and bare letters in long prose (with the pronoun "I" and article "a"
 * nearby), Spanish, German, French and Chinese replies, eliminations, hedged single picks, "between B and H,
 * I'll go with H", corrections and revisions, answer-first replies followed by rejections of the other options,
 * NOT/EXCEPT questions ("option C is not required"), "not listed, but closest to option D", a closest option
 * later withdrawn, "none of the above" with and without such an option, loops after a committed answer
 * (same answer, alternating doubts), invented follow-up questions and invented Human/Assistant turns, an echo of
 * the few-shot example's answer before the real one, option-by-option walk-throughs and re-listed option lists
 * cut off, loops with no answer, stuttering quantized output, the copied "The answer is (X)" template, refusals,
 * hedges over two options, empty replies and a base model that only echoes the question.
 * Math: GSM8K "####" lines, "The answer is N", \boxed{} with fractions, units, degrees, \text{}, "answer:" inside
 * the box, equations and intervals, base subscripts with and without the subscript, polynomials and bold words in
 * the last sentence, currency, percents, thousands separators (comma and French space), decimal comma, number
 * words, mixed numbers, scientific and e-notation, pairs and several solutions, corrections before and after a
 * box, <think> blocks (cut off, or disagreeing with the final answer), loops after an answer and loops without
 * one, invented follow-up questions, base-model Q/A continuations, JSON, other languages, hedges, refusals,
 * cut-off replies, and wrong answers of many kinds (sign, reciprocal, swapped pair, open vs closed interval,
 * rounding, arithmetic slips, wrong digits in another base).
 */
import type { GradeStatus } from '../../lib/grade/types.ts';
import type { HoldoutMathCase, HoldoutMcCase } from './holdout.ts';

const r = String.raw;
/** A reply that commits to no single option: a reader may call it either. */
const NONE: GradeStatus[] = ['no_answer', 'ambiguous'];

const SPEED = ['2.0 m/s', '2.5 m/s', '3.0 m/s', '3.5 m/s', '4.0 m/s', '4.5 m/s', '5.0 m/s', '5.5 m/s', '6.0 m/s', '6.5 m/s'];
const COSTS = ['Opportunity cost', 'Sunk cost', 'Marginal cost', 'Fixed cost', 'Variable cost', 'Average cost', 'Total cost', 'Implicit cost', 'Explicit cost', 'Social cost'];
const TREATIES = [
  'Treaty of Paris',
  'Treaty of Versailles',
  'Treaty of Westphalia',
  'Treaty of Utrecht',
  'Treaty of Tordesillas',
  'Treaty of Ghent',
  'Congress of Vienna',
  'Treaty of Nanking',
  'Treaty of Brest-Litovsk',
  'Treaty of Trianon',
];
const ORGANELLES = ['Nucleus', 'Ribosome', 'Golgi apparatus', 'Mitochondrion'];
const METALS = ['Iron', 'Copper', 'Zinc', 'Lead'];
const HEAT = ['1.2 × 10^3 J', '2.4 × 10^3 J', '3.6 × 10^3 J', '4.2 × 10^3 J', '4.8 × 10^3 J', '6.0 × 10^3 J', '7.2 × 10^3 J', '8.4 × 10^3 J', '9.6 × 10^3 J', 'None of the above'];

export const HOLDOUT_MC_11: HoldoutMcCase[] = [
  // Ordinary commitments.
  { tag: 'cot_answer_is_paren', response: "Let's think step by step. The object starts from rest and accelerates uniformly at 1.5 m/s² for 3 s, so v = at = 1.5 × 3 = 4.5 m/s. The answer is (F).", pred: 'F', status: 'answered', choices: SPEED },
  { tag: 'bare_letter', response: 'C', pred: 'C', status: 'answered', n: 4 },
  { tag: 'bold_answer_label', response: '**Answer: B**', pred: 'B', status: 'answered', n: 4 },
  { tag: 'think_then_bold_letter_text', response: "<think>\nThe question asks which organelle produces most of the cell's ATP. The nucleus stores DNA, ribosomes make proteins, the Golgi packages proteins. That leaves the mitochondrion, option D.\n</think>\n\nThe correct answer is **D) Mitochondrion**.", pred: 'D', status: 'answered', choices: ORGANELLES },
  {
    tag: 'r1_boxed_letter',
    response: r`<think>
Okay, let me see. Opportunity cost is the value of the next best alternative given up. Sunk cost is money already spent. So the answer should be A. But wait, could it be H, implicit cost? No, implicit cost is a broader category. It's A.
</think>

The value of the best alternative given up is the opportunity cost.

**Final Answer**
\boxed{A}`,
    pred: 'A',
    status: 'answered',
    choices: COSTS,
  },
  { tag: 'answer_letter_with_text', response: 'Answer: (J) Treaty of Trianon', pred: 'J', status: 'answered', choices: TREATIES },
  { tag: 'json_answer', response: '{"reasoning": "Zinc is more reactive than iron and corrodes preferentially, protecting the steel.", "answer": "C"}', pred: 'C', status: 'answered', choices: METALS },
  { tag: 'xml_answer_tag', response: "<reasoning>Pressure and volume are inversely related at constant temperature (Boyle's law).</reasoning>\n<answer>B</answer>", pred: 'B', status: 'answered', choices: ['Directly proportional', 'Inversely proportional', 'Unrelated', 'Exponentially related'] },
  { tag: 'answer_first_then_bullets', response: "**The answer is (I).**\n\nHere's why:\n\n* **(A)** and **(B)** describe short-run effects only.\n* **(E)** confuses nominal with real interest rates.\n* **(I)** correctly states that in the long run money is neutral: output returns to its natural level and only prices change.", pred: 'I', status: 'answered', n: 10 },
  { tag: 'option_with_text_then_explanation', response: 'The correct option is (B) Sunk cost.\n\nExplanation: Option A, opportunity cost, refers to the forgone alternative. Option C, marginal cost, is the cost of one more unit. A sunk cost is money already spent that cannot be recovered, which matches the description in the question.', pred: 'B', status: 'answered', choices: COSTS },
  { tag: 'letter_dot_text_only', response: 'A. 2.0 m/s', pred: 'A', status: 'answered', choices: SPEED },
  // The reply is exactly one option's text; a reader maps it through the choices.
  { tag: 'option_text_only', response: 'Treaty of Westphalia', pred: 'C', status: 'answered', choices: TREATIES, question: "Which treaty ended the Thirty Years' War?" },
  { tag: 'lowercase_letter_article_a', response: 'the answer is c because a cell wall is only found in plant cells', pred: 'C', status: 'answered', choices: ['Nucleus', 'Cell membrane', 'Cell wall', 'Ribosome'] },
  { tag: 'correct_answer_colon_letter_paren', response: "Correct answer: G) Congress of Vienna\n\nThe Congress of Vienna (1814–1815) redrew the map of Europe after Napoleon's defeat.", pred: 'G', status: 'answered', choices: TREATIES },
  { tag: 'spanish_respuesta', response: 'Analicemos cada opción. La energía cinética depende del cuadrado de la velocidad, así que si la velocidad se duplica, la energía se cuadruplica. La respuesta correcta es la (B).', pred: 'B', status: 'answered', choices: ['Se duplica', 'Se cuadruplica', 'Se reduce a la mitad', 'No cambia'] },
  { tag: 'chinese_answer_colon', response: '解析：光合作用在叶绿体中进行，叶绿素吸收光能。\n答案：C', pred: 'C', status: 'answered', choices: ['线粒体', '核糖体', '叶绿体', '细胞核'] },
  { tag: 'german_antwort', response: 'Die Produktionsmöglichkeitenkurve verschiebt sich nach außen, wenn eine neue Technologie verfügbar wird. Die richtige Antwort ist (F).', pred: 'F', status: 'answered', n: 10 },
  { tag: 'french_reponse', response: 'Réponse : D\n\nJustification : la vitesse de la lumière dans le vide est la même pour tous les observateurs.', pred: 'D', status: 'answered', choices: ['Elle dépend de la source', "Elle dépend de l'observateur", 'Elle est infinie', 'Elle est la même pour tous les observateurs'] },
  { tag: 'markdown_table_then_answer', response: '| Option | Verdict |\n|---|---|\n| A | ✗ too small |\n| B | ✗ wrong units |\n| C | ✗ ignores friction |\n| D | ✗ sign error |\n| E | ✓ |\n\n**Answer: E**', pred: 'E', status: 'answered', n: 10 },
  { tag: 'table_final_row', response: '| Step | Result |\n|---|---|\n| Moles of H2 | 2.5 |\n| Moles of O2 needed | 1.25 |\n| **Final answer** | **E** |', pred: 'E', status: 'answered', n: 10 },
  { tag: 'elimination_remaining', response: "We can rule out A (the Treaty of Paris ended the American Revolution), B (Versailles ended the First World War) and D (Utrecht ended the War of the Spanish Succession). The remaining choice that ended the Thirty Years' War is C.", pred: 'C', status: 'answered', choices: TREATIES },
  { tag: 'hedged_go_with', response: "Honestly both H and I look plausible, but I'd go with (H).", pred: 'H', status: 'answered', n: 10 },
  { tag: 'between_two_pick_one', response: "It's between (B) and (H). Since the question is about the long run, where wages adjust fully, I'll go with (H).", pred: 'H', status: 'answered', n: 10 },
  // A hedged single pick is still the reply's only answer.
  { tag: 'hedged_single_pick', response: "I'm not completely sure, but I think it might be (G).", pred: 'G', status: 'answered', n: 10 },
  { tag: 'answer_then_disclaimer', response: 'The answer is (B). However, please consult a medical professional for advice about your own situation.', pred: 'B', status: 'answered', n: 4 },
  { tag: 'phi_heading_answer', response: '### Answer\n(D) 1.5 × 10^3 J\n\n### Explanation\nThe work done is W = Fd = 300 N × 5 m = 1500 J.', pred: 'D', status: 'answered', n: 10 },
  { tag: 'bold_paren_letter_text', response: 'The answer is **(C) John Maynard Keynes**.', pred: 'C', status: 'answered', choices: ['Adam Smith', 'Milton Friedman', 'John Maynard Keynes', 'Friedrich Hayek', 'Karl Marx', 'David Ricardo', 'Alfred Marshall', 'Paul Samuelson', 'Joseph Schumpeter', 'Thomas Malthus'] },
  { tag: 'bracket_letter', response: '[E]', pred: 'E', status: 'answered', n: 10 },
  { tag: 'lower_paren_letter', response: '(d)', pred: 'D', status: 'answered', n: 4 },
  { tag: 'repeated_answer_lines', response: 'Answer: (A)\nAnswer: (A)\nAnswer: (A)', pred: 'A', status: 'answered', n: 4 },
  { tag: 'answer_colon_newline_option', response: 'The answer is:\n\n(B) Mitosis', pred: 'B', status: 'answered', choices: ['Meiosis', 'Mitosis', 'Binary fission', 'Budding'] },
  { tag: 'letter_paren_word', response: 'The correct answer is B) Increased. When the reserve requirement falls, banks can lend more of each deposit, so the money multiplier increases.', pred: 'B', status: 'answered', choices: ['Decreased', 'Increased', 'Unchanged', 'Became zero'] },
  { tag: 'answer_option_text_variant', response: 'Answer: The mitochondria', pred: 'D', status: 'answered', choices: ORGANELLES },
  { tag: 'my_choice', response: 'My choice: F', pred: 'F', status: 'answered', n: 10 },
  { tag: 'answer_is_option_word', response: 'The answer is option H.', pred: 'H', status: 'answered', n: 10 },
  { tag: 'boxed_text_letter', response: r`The only base in the list is ammonia. \boxed{\text{C}}`, pred: 'C', status: 'answered', choices: ['HCl', 'H2SO4', 'NH3', 'HNO3'] },
  { tag: 'caps_answer_after_reasoning', response: 'The stock price follows a random walk, so past prices cannot predict future returns; this is the weak form of market efficiency. Technical analysis would not earn abnormal returns.\n\nANSWER: C', pred: 'C', status: 'answered', choices: ['Strong form', 'Semi-strong form', 'Weak form', 'None of the forms'] },
  {
    tag: 'final_answer_after_long_reasoning',
    response: "Let's go through the options. (A) would hold only if demand were perfectly inelastic. (C) describes a price floor, not a ceiling. (E) and (F) both confuse the short run with the long run. (H) reverses the direction of the shortage. A binding price ceiling set below equilibrium creates a persistent shortage, which is what the last option says.\n\nFinal answer: J",
    pred: 'J',
    status: 'answered',
    n: 10,
  },
  { tag: 'answer_then_rejections', response: 'Answer: D\n\nExplanation:\n- (A) is wrong: the nucleus stores genetic material.\n- (B) is wrong: ribosomes synthesize proteins.\n- (C) is wrong: the Golgi modifies and packages proteins.', pred: 'D', status: 'answered', choices: ORGANELLES },
  { tag: 'rejections_then_answer', response: 'Option A is not correct because GDP excludes transfer payments. Option B is not correct because intermediate goods are excluded to avoid double counting. Option D is not correct either, since used goods were counted in an earlier year. The answer is C.', pred: 'C', status: 'answered', choices: ['Social security payments', 'Steel sold to a car maker', 'A new house built this year', 'A used car sold this year'] },
  { tag: 'conditional_then_commit', response: 'Option B is correct if we ignore air resistance; with drag included it would be D. Since the problem states that air resistance is negligible, the answer is B.', pred: 'B', status: 'answered', n: 4 },
  // Letters inside prose.
  { tag: 'option_word_closing_sentence', response: 'As the temperature rises, the solubility of the gas decreases, because the dissolved molecules gain enough kinetic energy to escape the liquid. The graph in the question shows exactly this downward trend, and the relation is not linear but roughly exponential at higher temperatures. Thus, Option G best describes the relationship between the two variables.', pred: 'G', status: 'answered', n: 10 },
  { tag: 'option_letter_in_parens_prose', response: 'When the price of a complement rises, demand for the good falls, and the whole demand curve shifts to the left. That is the leftward shift described in the third choice (option C), not a movement along the curve.', pred: 'C', status: 'answered', n: 4 },
  { tag: 'is_letter_dot_option_text', response: "After considering the patient's symptoms (fever, neck stiffness and photophobia), the most appropriate next step is B. Lumbar puncture. Imaging first is only needed when there are focal neurological signs or papilledema.", pred: 'B', status: 'answered', choices: ['Head CT', 'Lumbar puncture', 'Blood cultures only', 'Discharge with analgesics'] },
  { tag: 'quoted_letter_with_text', response: 'Based on the definition, I would choose "D) Fixed cost", since rent does not vary with the level of output.', pred: 'D', status: 'answered', choices: COSTS },
  { tag: 'quoted_text_then_letter', response: 'The correct answer is "Opportunity cost" (A).', pred: 'A', status: 'answered', choices: COSTS },
  { tag: 'choice_paren_prose', response: 'Choice (I) is the most consistent with the data, since only it accounts for both the lag and the amplitude of the response.', pred: 'I', status: 'answered', n: 10 },
  // Long prose with the pronoun "I" (also an option letter here) and the article "a" before the real letter.
  { tag: 'bare_letter_long_prose_pronoun_i', response: 'The passage argues that the author\'s grandmother shaped her view of work more than any teacher did. The second paragraph describes a summer on the farm, and the final paragraph returns to that memory as the source of her discipline. Reading it that way, I believe C is the best answer among the options provided.', pred: 'C', status: 'answered', n: 10 },
  { tag: 'option_text_in_sentence', response: 'The First Opium War was ended by the Treaty of Nanking, which also ceded Hong Kong Island to Britain.', pred: 'H', status: 'answered', choices: TREATIES, question: 'Which treaty ended the First Opium War?' },
  // 0.8 m drop: v = sqrt(2 * 10 * 0.8) = 4 m/s, option E's text.
  { tag: 'value_matches_option_text', response: 'Using conservation of energy, ½mv² = mgh, so v = √(2 × 10 × 0.8) = 4 m/s.', pred: 'E', status: 'answered', choices: SPEED },
  // sqrt(2 * 9.8 * 0.7) = 3.70; 3.5 is nearer than 4.0.
  { tag: 'not_listed_closest', response: 'Using v = √(2gh) with h = 0.7 m gives v ≈ 3.7 m/s. This value is not listed, but it is closest to option D (3.5 m/s).', pred: 'D', status: 'answered', choices: SPEED },
  { tag: 'nearest_choice_percent', response: "The exact answer is 33.3%, which doesn't appear; the nearest choice is (B) 33%.", pred: 'B', status: 'answered', choices: ['25%', '33%', '40%', '50%'] },
  {
    tag: 'not_question_not_required',
    response: 'DNA polymerase synthesizes the new strand, primase lays down the RNA primer, and helicase unwinds the double helix. Reverse transcriptase is only used by retroviruses, so option C is not required.',
    pred: 'C',
    status: 'answered',
    choices: ['DNA polymerase', 'Primase', 'Reverse transcriptase', 'Helicase'],
    question: 'Which of the following is NOT required for DNA replication in human cells?',
  },
  {
    tag: 'except_question_exception',
    response: 'Carbon dioxide, methane and water vapor all absorb infrared radiation. Nitrogen (N2) does not, so it is the exception: (C).',
    pred: 'C',
    status: 'answered',
    choices: ['Carbon dioxide', 'Methane', 'Nitrogen', 'Water vapor'],
    question: 'All of the following are greenhouse gases EXCEPT:',
  },
  {
    tag: 'not_question_is_not_a_function',
    response: 'The liver produces bile (A), detoxifies the blood (B) and stores glycogen (C). Insulin, however, is secreted by the beta cells of the pancreas, so (D) is not a function of the liver.',
    pred: 'D',
    status: 'answered',
    choices: ['Producing bile', 'Detoxifying the blood', 'Storing glycogen', 'Secreting insulin'],
    question: 'Which of the following is NOT a function of the liver?',
  },
  // 0.5 kg of water heated 20 K: 41,860 J (4.2 × 10^4, not option D's 4.2 × 10^3), larger than every numeric
  // option; the model says so, and J is "None of the above".
  { tag: 'none_of_above_is_option', response: 'The heat needed is Q = mcΔT = 0.5 × 4186 × 20 ≈ 41,860 J, i.e. about 4.2 × 10^4 J. None of the numerical options is that large, so the answer is none of the above.', pred: 'J', status: 'answered', choices: HEAT },
  // Corrections and revisions.
  { tag: 'revision_recompute', response: 'The net force is F = ma = 2 × 5 = 10 N, so the answer is (C).\n\nWait, I made an error: the mass is 4 kg, not 2 kg. Recomputing, F = 4 × 5 = 20 N, which is option (E). So the answer is (E).', pred: 'E', status: 'answered', choices: ['5 N', '8 N', '10 N', '15 N', '20 N', '25 N', '30 N', '40 N', '50 N', '60 N'] },
  { tag: 'initially_thought_then_final', response: 'Initially I thought (B), but on reflection (B) ignores inflation, which erodes the real return. The correct answer is (D).', pred: 'D', status: 'answered', n: 4 },
  { tag: 'answer_then_final_answer_changed', response: 'Looking at the graph, the answer is (C). However, I should double-check the axis labels: the x-axis is time, not distance, so the slope is velocity, not acceleration.\n\nFinal answer: (A)', pred: 'A', status: 'answered', n: 4 },
  { tag: 'think_revises_then_answer', response: '<think>\nThe half-life is 5 years, so after 15 years three half-lives pass and 1/8 remains. That\'s B... wait, the options are percentages; 1/8 = 12.5%, which is option E, not B.\n</think>\n\nAfter three half-lives, 12.5% of the sample remains. The answer is E.', pred: 'E', status: 'answered', n: 10 },
  { tag: 'instruction_echo_then_answer', response: 'Remember to finish with "The answer is (X)" where X is the correct letter.\n\nThe spring constant doubles, so the period falls by a factor of √2. The answer is (C).', pred: 'C', status: 'answered', choices: ['It doubles', 'It halves', 'It decreases by a factor of √2', 'It increases by a factor of √2'] },
  // Several committed answers: loops, invented follow-ups, echoes.
  { tag: 'loop_same_answer_cut', response: 'The answer is (B).\n\nThe answer is (B).\n\nThe answer is (B).\n\nThe answer is (B).\n\nThe answer is (B).\n\nThe answer is (B).\n\nThe answer is', pred: 'B', status: 'answered', n: 4, truncated: true },
  { tag: 'loop_doubt_after_answer', response: 'So the answer is (F).\n\nBut wait, what about (E)? No, (F) is correct. But wait, what about (E)? No, (F) is correct. But wait, what about (E)? No, (F) is correct. But wait, what about (E)?', pred: 'F', status: 'answered', n: 10, truncated: true },
  { tag: 'stutter_quantized', response: 'The the answer is is (D) (D) (D). D. D. D. D. D. D. D. D. D', pred: 'D', status: 'answered', n: 4, truncated: true },
  { tag: 'garbled_quantized_bold', response: 'Answeranswer: **B**B**B** ** the the', pred: 'B', status: 'answered', n: 4 },
  { tag: 'chat_invented_next_question', response: 'The answer is (A).\n\nNext question: What is the SI unit of electric charge?\nA) Volt\nB) Ampere\nC) Coulomb\nD) Ohm\n\nAnswer: C) Coulomb', pred: 'A', status: 'answered', n: 4 },
  { tag: 'invented_human_assistant_turn', response: 'The answer is (E).\n\nHuman: Thanks! Can you also tell me which planet is the largest?\n\nAssistant: Sure! The answer is (B) Jupiter.', pred: 'E', status: 'answered', n: 10 },
  {
    tag: 'base_invented_question_cut',
    response: "The answer is (D).\n\nQuestion:\nWhich gas makes up most of Earth's atmosphere?\nOptions:\nA. Nitrogen\nB. Oxygen\nC. Argon\nD. Carbon dioxide\nAnswer: Let's think step by step. Dry air is about 78% nitrogen. The answer is (A).\n\nQuestion:\nThe",
    pred: 'D',
    status: 'answered',
    n: 10,
    truncated: true,
  },
  { tag: 'base_answer_then_next_question_cut', response: 'Answer: (C)\n\nQuestion 2: A 3 kg block', pred: 'C', status: 'answered', n: 4, truncated: true },
  {
    tag: 'echo_fewshot_answer_first',
    question:
      "The following are multiple choice questions (with answers) about biology.\n\nQuestion: Which molecule carries amino acids to the ribosome?\nOptions:\nA. mRNA\nB. tRNA\nC. rRNA\nD. DNA\nAnswer: Let's think step by step. Transfer RNA brings amino acids to the ribosome. The answer is (B).\n\nQuestion: Which organelle produces most of the cell's ATP?\nOptions:\nA. Nucleus\nB. Ribosome\nC. Golgi apparatus\nD. Mitochondrion\nAnswer: Let's think step by step.",
    response: "Transfer RNA brings amino acids to the ribosome. The answer is (B).\n\nQuestion: Which organelle produces most of the cell's ATP?\nAnswer: Let's think step by step. Oxidative phosphorylation takes place on the inner mitochondrial membrane. The answer is (D).",
    pred: 'D',
    status: 'answered',
    choices: ORGANELLES,
  },
  // Committing to nothing.
  { tag: 'walkthrough_cut_mid_item', response: "Let's look at each option.\n\n(A) A tariff raises domestic prices, so this one seems unlikely.\n(B) A quota has a similar effect, so also unlikely.\n(C) A subsidy to exporters could work, but it depends on the elasticity.\n(D) This option states that a currency depreciation would", pred: null, status: 'truncated', n: 4, truncated: true },
  { tag: 'consider_each_choice_cut', response: 'To solve this, consider each choice:\n(A) 12 kg\n(B) 15 kg\n(C) 18', pred: null, status: 'truncated', n: 4, truncated: true },
  { tag: 'correct_answer_colon_relist_cut', response: 'The correct answer:\n\nA. Iron\nB. Copper\nC.', pred: null, status: 'truncated', choices: METALS, truncated: true },
  { tag: 'cut_mid_calculation', response: "Let's think step by step. The force on the charge is F = qE. Substituting q = 2 μC and E = 300 N/C gives F = 6 ×", pred: null, status: 'truncated', n: 10, truncated: true },
  { tag: 'think_cut_inside', response: '<think>\nOkay, so the question asks about the main function of the loop of Henle. Option C says it concentrates the urine, which seems likely. But maybe D, because sodium reabsorption also happens there... Let me recall the countercurrent', pred: null, status: 'truncated', n: 10, truncated: true },
  { tag: 'loop_no_answer', response: 'Let me think again. '.repeat(14), pred: null, status: 'truncated', n: 4, truncated: true },
  { tag: 'option_list_loop', response: 'A. 10\nB. 20\nC. 30\nD. 40\nA. 10\nB. 20\nC. 30\nD. 40\nA. 10\nB. 20\nC.', pred: null, status: 'truncated', n: 4, truncated: true },
  { tag: 'conclusion_then_none_of_above', response: "Therefore, let's check each one. (A) is incorrect because the rate doubles, not triples. (B) is incorrect since the temperature is held fixed. (C) is also incorrect: a catalyst does not change the equilibrium constant. (D) is incorrect for the same reason. So the answer is none of the above.", pred: null, status: NONE, choices: ['The rate triples', 'The temperature rises', 'The equilibrium constant increases', 'The equilibrium constant decreases'] },
  { tag: 'closest_withdrawn', response: 'My result, 2.9 J, is not among the choices. The closest option is (F) 3.0 J. But wait, 3.0 J is what you get when friction is ignored, and this problem includes friction, so F can\'t be right either. None of the listed values fit.', pred: null, status: NONE, n: 10 },
  { tag: 'none_correct_no_letter', response: 'None of these options are correct; the photon energy is actually 7.2 eV.', pred: null, status: NONE, n: 10 },
  { tag: 'could_be_two', response: "The answer could be (A) or (C), depending on whether we assume the market is perfectly competitive. Without more information, I can't narrow it down further.", pred: null, status: NONE, n: 4 },
  { tag: 'both_correct_single_answer_question', response: 'Both B and D are correct statements about enzymes.', pred: null, status: NONE, n: 4 },
  { tag: 'two_letters_joined', response: 'The answer is (B) and (E).', pred: null, status: NONE, n: 10 },
  { tag: 'a_or_b', response: 'A or B', pred: null, status: NONE, n: 4 },
  { tag: 'hedge_needs_context', response: "It's hard to say. A could be right if the author meant the literal sense, and C if the figurative one. I'd need more context to decide.", pred: null, status: NONE, n: 4 },
  // MMLU-Pro's instruction template copied verbatim: X is not one of the letters A-J.
  { tag: 'template_placeholder_x', response: 'The answer is (X).', pred: null, status: NONE, n: 10 },
  { tag: 'refusal', response: "I'm sorry, but I can't help with questions about synthesizing controlled substances.", pred: null, status: 'refused', n: 4 },
  { tag: 'insufficient_info', response: "I don't have enough information to answer this question. Could you provide the full passage the question refers to?", pred: null, status: ['no_answer', 'refused'], n: 4 },
  { tag: 'empty_reply', response: '', pred: null, status: 'no_answer', n: 10 },
  // A base model that only repeats the question and stops at "Answer:": nothing committed; it may be read as cut off.
  { tag: 'base_echo_question_only', response: 'Question: Which of the following best describes the function of the enzyme amylase?\nOptions:\nA. Breaks down proteins\nB. Breaks down starch\nC. Breaks down fats\nD. Builds DNA\nAnswer:', pred: null, status: ['no_answer', 'truncated'], n: 4 },
];

export const HOLDOUT_MATH_11: HoldoutMathCase[] = [
  // Ordinary answers.
  { tag: 'gsm_hash_line', response: 'Natalia sold 48 clips in April and half as many, 24, in May. 48 + 24 = 72.\n#### 72', reference: '72', correct: true, status: 'answered' },
  { tag: 'answer_is_plain', response: 'Each box holds 6 eggs, so 9 boxes hold 9 × 6 = 54 eggs. The answer is 54.', reference: '54', correct: true, status: 'answered' },
  { tag: 'boxed_frac', response: r`The probability of not drawing a red marble is $1 - \frac{1}{4} = \frac{3}{4}$. So the answer is $\boxed{\frac{3}{4}}$.`, reference: r`\frac{3}{4}`, correct: true, status: 'answered' },
  { tag: 'boxed_units_text', response: r`The hypotenuse is $\sqrt{9^2 + 12^2} = \sqrt{225} = 15$. \boxed{15\text{ cm}}`, reference: '15', correct: true, status: 'answered' },
  { tag: 'currency_commas', response: 'His new salary is $1,000 + 25% of $1,000 = $1,250 per month.\n\nThe answer is $1,250.', reference: '1250', correct: true, status: 'answered' },
  { tag: 'percent_asked', response: 'The discount is $15 off $60, which is 15/60 = 0.25, i.e. 25%.\n\nThe answer is 25%.', reference: '25', correct: true, status: 'answered' },
  { tag: 'boxed_decimal_for_fraction', response: r`Half of the coins are heads on average, so the expected fraction is \boxed{0.5}.`, reference: r`\frac{1}{2}`, correct: true, status: 'answered' },
  { tag: 'boxed_negative', response: r`Subtracting 5 from both sides gives $2x = -6$, so $x = -3$.

\boxed{-3}`, reference: '-3', correct: true, status: 'answered' },
  { tag: 'sci_notation_boxed', response: r`$N = 3.2 \times 10^{4}$ bacteria after 5 hours, so \boxed{3.2 \times 10^{4}}`, reference: '32000', correct: true, status: 'answered' },
  { tag: 'number_word_final', response: 'Tom starts with 20 marbles, loses 5, and gives 3 to his sister, leaving 12.\n\nFinal answer: twelve', reference: '12', correct: true, status: 'answered' },
  { tag: 'ordered_pair_boxed', response: r`Adding the equations gives $3x = 6$, so $x = 2$ and $y = -1$. The solution is \boxed{(2, -1)}.`, reference: '(2,-1)', correct: true, status: 'answered' },
  { tag: 'equation_boxed', response: r`The slope is 2 and the line passes through (0, 3), so the equation is \boxed{y = 2x + 3}.`, reference: 'y=2x+3', correct: true, status: 'answered' },
  { tag: 'boxed_x_equals', response: r`Dividing both sides by 4: \boxed{x = 5}`, reference: '5', correct: true, status: 'answered' },
  { tag: 'boxed_degrees', response: r`The triangle is isosceles with a right angle, so each base angle is $\frac{180^\circ - 90^\circ}{2} = \boxed{45^\circ}$.`, reference: '45', correct: true, status: 'answered' },
  { tag: 'boxed_sqrt_unsimplified', response: r`The diagonal is $\sqrt{2^2 + (\sqrt{8})^2} = \boxed{\sqrt{12}}$.`, reference: r`2\sqrt{3}`, correct: true, status: 'answered' },
  { tag: 'boxed_interval', response: r`Solving $3 - x \ge 1$ gives $x \le 2$, so the domain is \boxed{(-\infty, 2]}.`, reference: r`(-\infty,2]`, correct: true, status: 'answered' },
  { tag: 'boxed_dfrac', response: r`The average is $\dfrac{2 + 3}{2} = \boxed{\dfrac{5}{2}}$.`, reference: '2.5', correct: true, status: 'answered' },
  { tag: 'boxed_unsimplified_fraction', response: r`There are 6 favourable outcomes out of 8, so the probability is \boxed{\frac{6}{8}}.`, reference: r`\frac{3}{4}`, correct: true, status: 'answered' },
  { tag: 'percent_latex', response: r`The fraction that is red is $\frac{5}{40} = 0.125$, so the percentage is $12.5\%$.`, reference: '12.5', correct: true, status: 'answered' },
  { tag: 'cents_currency', response: 'Four tickets cost $50, so each ticket costs $50 / 4 = $12.50. The answer is $12.50.', reference: '12.5', correct: true, status: 'answered' },
  { tag: 'bold_label_units', response: 'She works 35 hours over 5 days, so 35 / 5 = 7.\n\n**Answer:** 7 hours', reference: '7', correct: true, status: 'answered' },
  { tag: 'bold_value_in_sentence', response: 'Distance = speed × time = 80 mph × 3 h = 240 miles.\n\n**Answer:** The train travels **240 miles**.', reference: '240', correct: true, status: 'answered' },
  { tag: 'answer_is_with_noun', response: 'Sam bakes 24 cookies and shares them equally among 3 friends: 24 / 3 = 8. So, the answer is 8 cookies.', reference: '8', correct: true, status: 'answered' },
  { tag: 'final_line_equation_units', response: 'The car travels at 60 km/h for 2.5 hours.\nTotal distance = 60 × 2.5 = 150 km', reference: '150', correct: true, status: 'answered' },
  { tag: 'json_answer', response: '{"steps": ["8 apples + 9 apples = 17 apples"], "answer": 17}', reference: '17', correct: true, status: 'answered' },
  { tag: 'llama_final_answer_hope', response: r`There are $5! = 120$ ways to arrange the five books. Therefore, the final answer is: $\boxed{120}$. I hope it is correct.`, reference: '120', correct: true, status: 'answered' },
  { tag: 'bare_number', response: '42', reference: '42', correct: true, status: 'answered' },
  { tag: 'thousands_commas_hash', response: 'The town grows by a factor of 10 each decade: 10,000 → 100,000 → 1,000,000.\n\n#### 1,000,000', reference: '1000000', correct: true, status: 'answered' },
  { tag: 'fraction_plain_slash', response: 'Three of the eight slices are left. The answer is: 3/8', reference: '0.375', correct: true, status: 'answered' },
  { tag: 'e_notation', response: 'Multiplying 1 mole by Avogadro\'s number: N ≈ 6.02e23 molecules. The answer is 6.02e23.', reference: r`6.02\times10^{23}`, correct: true, status: 'answered' },
  { tag: 'mixed_number', response: 'At 40 miles per hour, 100 miles takes 100 / 40 = 2.5 hours. So the trip takes 2 1/2 hours.', reference: '2.5', correct: true, status: 'answered' },
  { tag: 'display_math_chain_last', response: r`The vertex is at
$$x = \frac{-b}{2a} = \frac{-6}{2} = -3$$`, reference: '-3', correct: true, status: 'answered' },
  { tag: 'aside_after_answer', response: 'The rectangle is 6 by 8, so the area is 48 square units. (Note: the perimeter would be 28 units.)', reference: '48', correct: true, status: 'answered' },
  { tag: 'r1_think_final_answer_boxed', response: r`<think>
Alright, so the train goes 50 km in the first hour, then 100 km in the next two hours. Wait, is that 50 per hour for the second leg too? No, the problem says it speeds up to 50 km/h... so 50 × 2 = 100. Total 50 + 100 = 150.
</think>

The train covers 50 km in the first hour and 100 km in the next two hours, for a total of 150 km.

**Final Answer**
\boxed{150}`, reference: '150', correct: true, status: 'answered' },
  { tag: 'think_then_bold_dollars', response: '<think>\n3 notebooks at $4 is $12, 2 pens at $1.50 is $3, plus a $15 backpack: 12 + 3 + 15 = 30.\n</think>\n\nThe total cost is **$30**.', reference: '30', correct: true, status: 'answered' },
  { tag: 'spanish_answer', response: 'Cada caja tiene 9 lápices y hay 5 cajas: 9 × 5 = 45. Por lo tanto, la respuesta es 45.', reference: '45', correct: true, status: 'answered' },
  { tag: 'chinese_boxed', response: r`每天读 4 页，5 天共读 4 × 5 = 20 页。所以答案是 \boxed{20}。`, reference: '20', correct: true, status: 'answered' },
  // German decimal comma: in a German reply "3,5 Liter" is three and a half litres.
  { tag: 'german_decimal_comma', response: 'Die Kanne enthält anfangs 5 Liter; 1,5 Liter werden ausgegossen.\n\nAntwort: 3,5 Liter', reference: '3.5', correct: true, status: 'answered' },
  // French thousands separator (a space): "1 250 €" is one thousand two hundred fifty euros.
  { tag: 'french_space_thousands', response: 'Le salaire augmente de 25 % : 1 000 € × 1,25 = 1 250 €. La réponse est 1 250 €.', reference: '1250', correct: true, status: 'answered' },
  { tag: 'stutter_quantized', response: 'Thethe total total is is 36 36.\n\n#### 36', reference: '36', correct: true, status: 'answered' },
  { tag: 'stutter_repeated_number', response: 'The answer is 56 56 56. 56. 56', reference: '56', correct: true, status: 'answered', truncated: true },
  { tag: 'hedged_about', response: 'Roughly 4 boxes of 5 apples each, so I think the answer is about 20, but I\'m not completely sure.', reference: '20', correct: true, status: 'answered' },
  { tag: 'two_boxed_solutions', response: r`$x^2 = 9$ gives $x = 3$ or $x = -3$, so the solutions are \boxed{3} and \boxed{-3}.`, reference: '3, -3', correct: true, status: 'answered' },
  { tag: 'polynomial_expanded_equivalent', response: r`Expanding, we get \boxed{x^2 + 2x + 1}.`, reference: '(x+1)^2', correct: true, status: 'answered' },
  // Known hard patterns: base subscripts, last-sentence answers, "answer:" inside the box.
  { tag: 'base_subscript_missing', response: r`Converting 11 to binary: 11 = 8 + 2 + 1, so the digits are 1, 0, 1, 1.

\boxed{1011}`, reference: '1011_2', correct: true, status: 'answered' },
  // 2·16 + 1·4 + 3 = 39.
  { tag: 'base_in_words', response: '39 ÷ 4 = 9 remainder 3, 9 ÷ 4 = 2 remainder 1, 2 ÷ 4 = 0 remainder 2. Reading the remainders upward, 39 in base 4 is 213.\n\nThe answer is 213 (base 4).', reference: '213_4', correct: true, status: 'answered' },
  { tag: 'base_subscript_kept', response: r`So $86_{10} = \boxed{321_5}$.`, reference: '321_5', correct: true, status: 'answered' },
  { tag: 'polynomial_last_sentence', response: 'We multiply (2x + 1)(3x − 2): 6x^2 − 4x + 3x − 2. Combining the like terms −4x and 3x, the product is 6x^2 - x - 2.', reference: '6x^2-x-2', correct: true, status: 'answered' },
  // 40 = 5·7 + 5, and Saturday + 5 days is Thursday.
  { tag: 'bold_word_last_line', response: 'Counting forward 40 days from a Saturday: 40 = 5 · 7 + 5, so we move 5 days forward.\n\n**Thursday**', reference: r`\text{Thursday}`, correct: true, status: 'answered' },
  { tag: 'boxed_answer_colon', response: r`Four rows of six chairs: $4 \times 6 = 24$. \boxed{answer: 24}`, reference: '24', correct: true, status: 'answered' },
  { tag: 'boxed_text_answer_colon', response: r`$\boxed{\text{Answer: } 7}$`, reference: '7', correct: true, status: 'answered' },
  { tag: 'bold_final_answer_boxed', response: r`$2^6 = 64$.

**Final Answer: \boxed{64}**`, reference: '64', correct: true, status: 'answered' },
  // Several answers: loops, follow-ups, corrections.
  { tag: 'loop_after_boxed', response: r`\boxed{9}

Wait, let me double-check: 3 × 3 = 9. Yes. \boxed{9} Wait, let me double-check: 3 × 3 = 9. Yes. \boxed{9} Wait, let me double-check:`, reference: '9', correct: true, status: 'answered', truncated: true },
  { tag: 'invented_followup_question', response: 'Maria has 5 bags of 7 oranges, so 5 × 7 = 35. The answer is 35.\n\nQuestion: A train travels 60 miles per hour for 2 hours. How far does it travel?\nAnswer: 60 × 2 = 120. The answer is 120.', reference: '35', correct: true, status: 'answered' },
  { tag: 'invented_human_turn', response: 'Six packs of 7 is 6 × 7 = 42. The answer is 42.\n\nHuman: What about 7 × 8?\nAssistant: 7 × 8 = 56.', reference: '42', correct: true, status: 'answered' },
  { tag: 'base_qa_continuation', response: 'Ann starts with 5, gets 3 more: 5 + 3 = 8, then eats 3: 8 - 3 = 5. The answer is 5.\n\nQ: A farmer has 12 cows and buys 4 more. How many cows does he have?\nA: 12 + 4 = 16. The answer is 16.', reference: '5', correct: true, status: 'answered' },
  { tag: 'correction_before_box', response: r`3x = 21, so x = 7. Wait, I made an arithmetic error: 3x = 24, not 21, so x = 8.

\boxed{8}`, reference: '8', correct: true, status: 'answered' },
  // The model withdraws its boxed 12 and states 14 as the corrected total.
  { tag: 'correction_after_box', response: r`Adding them up: 5 + 4 + 3 = 12, so \boxed{12}.

Hmm, actually I miscounted: I left out the two apples in the basket, so the correct total is 14.`, reference: '14', correct: true, status: 'answered' },
  { tag: 'boxed_then_verify_cut', response: r`Each of the 3 shelves holds 6 books, so \boxed{18}.

Now let's verify: 6 × 3 =`, reference: '18', correct: true, status: 'answered', truncated: true },
  // Wrong answers.
  { tag: 'arithmetic_slip', response: 'She buys 3 packs of 8 pencils, which is 24 pencils, and gives 6 away, so she has 24 - 6 = 16 pencils left. The answer is 16.', reference: '18', correct: false, status: 'answered' },
  { tag: 'sign_error', response: 'Solving 2x + 9 = 3 gives 2x = 6, so x = 3.', reference: '-3', correct: false, status: 'answered' },
  { tag: 'base_wrong_digits', response: r`11 in binary is \boxed{1101_2}.`, reference: '1011_2', correct: false, status: 'answered' },
  { tag: 'think_and_final_disagree', response: r`<think>
4 dogs with 4 legs each: 4 × 4 = 16, and 6 chickens with 2 legs: 12. 16 + 12 = 28.
</think>

Counting 4 legs for each of the 8 animals, there are \boxed{32} legs.`, reference: '28', correct: false, status: 'answered' },
  { tag: 'pi_wrong_factor', response: r`The area is $\pi r^2 = \pi \cdot 2 \cdot 4 = \boxed{8\pi}$.`, reference: r`16\pi`, correct: false, status: 'answered' },
  { tag: 'interval_open_vs_closed', response: r`So $x < 2$, and the solution set is \boxed{(-\infty, 2)}.`, reference: r`(-\infty,2]`, correct: false, status: 'answered' },
  { tag: 'hash_digits_swapped', response: 'Total revenue is 62 × 20 = 1,240 dollars.\n#### 1,240', reference: '1420', correct: false, status: 'answered' },
  // Rounded to one decimal place: 3.8 is not 3.75.
  { tag: 'rounded_answer', response: r`15 / 4 = 3.75, which rounds to \boxed{3.8}.`, reference: '3.75', correct: false, status: 'answered' },
  { tag: 'reciprocal_fraction', response: r`The ratio of width to length is \boxed{\frac{4}{3}}.`, reference: r`\frac{3}{4}`, correct: false, status: 'answered' },
  { tag: 'swapped_pair', response: r`Substituting back, $y = 2$ when $x = -1$, so the intersection point is \boxed{(-1, 2)}.`, reference: '(2,-1)', correct: false, status: 'answered' },
  { tag: 'number_word_wrong', response: 'After giving away a third of 27 stickers she has 27 - 9 = 17 left.\n\nFinal answer: seventeen', reference: '18', correct: false, status: 'answered' },
  { tag: 'verified_but_wrong', response: 'There are 6 rows of 9 seats: 5 × 9 = 45.\nVerification: 5 × 9 = 45 ✓. The answer is 45.', reference: '54', correct: false, status: 'answered' },
  { tag: 'llama_final_answer_hope_wrong', response: r`Three bags of 23 marbles: 3 × 23 = 69 marbles in total. Therefore, the final answer is: $\boxed{96}$. I hope it is correct.`, reference: '69', correct: false, status: 'answered' },
  { tag: 'answer_line_wrong', response: 'Step 1: 4 × 6 = 24\nStep 2: 24 + 3 = 27\n\nAnswer: 27', reference: '24', correct: false, status: 'answered' },
  { tag: 'polynomial_last_sentence_wrong', response: 'Dividing x^3 + 4x^2 + 4x + 1 by x + 1 by synthetic division gives coefficients 1, 3, -1. Therefore the quotient is x^2 + 3x - 1.', reference: 'x^2+3x+1', correct: false, status: 'answered' },
  { tag: 'bold_word_wrong', response: 'Checking f(-x): the sign of the cubic term flips, so f(-x) = -f(x). The function is **odd**.', reference: r`\text{even}`, correct: false, status: 'answered' },
  { tag: 'bare_number_wrong', response: '41', reference: '42', correct: false, status: 'answered' },
  { tag: 'either_or', response: 'The answer is either 4 or 6, depending on how you count the endpoints.', reference: '4', correct: false, status: NONE },
  // No answer.
  { tag: 'cut_mid_arithmetic', response: "Let's compute: 3 × 14 = 42, then 42 + 17 =", reference: '59', correct: false, status: 'truncated', truncated: true },
  { tag: 'think_cut', response: '<think>\nOkay, the total is 48 apples, and she gives a third away, so 16... that leaves 32, then she buys 10 more, 32 + 10 = 42. Hmm, but wait, did she give away a third of the original or', reference: '42', correct: false, status: 'truncated', truncated: true },
  { tag: 'cut_inside_boxed', response: r`The probability is \boxed{\frac{3}{`, reference: r`\frac{3}{4}`, correct: false, status: 'truncated', truncated: true },
  { tag: 'loop_no_answer', response: 'Let me recompute the total. '.repeat(12), reference: '56', correct: false, status: 'truncated', truncated: true },
  { tag: 'alternating_loop', response: 'The answer is 15. No wait, 18. No, 15. No wait, 18. No, 15. No wait, 18. No', reference: '15', correct: false, status: ['ambiguous', 'truncated'], truncated: true },
  { tag: 'refusal', response: "I'm sorry, but I can't help with that request.", reference: '10', correct: false, status: 'refused' },
  { tag: 'homework_refusal_hint', response: 'As an AI, I cannot do your homework for you, but here is a hint: start by finding how many pages she reads each day.', reference: '12', correct: false, status: 'refused' },
  { tag: 'needs_more_info', response: 'This problem cannot be solved without knowing the rate at which the tank drains.', reference: '30', correct: false, status: ['no_answer', 'refused'] },
  { tag: 'empty_reply', response: '', reference: '5', correct: false, status: 'no_answer' },
];
