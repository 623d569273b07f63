/**
 * Broad multiple-choice tuning set for issue 18: a tuning set written blind by an engineer before reading the
 * grader (without reading lib/grade beyond types.ts, the tuning corpus, docs/grading.md or the hold-out batches,
 * and without running the grader on these cases), to widen the grader's coverage of the reply patterns small local
 * models (1-8B GGUF; chat, base and reasoning models with <think> blocks; heavily quantized models) write on
 * MMLU-Pro-like 10-option and 4-option questions: ordinary commitments in many wordings, letters inside prose,
 * option texts without letters, loops, corrections, invented follow-up questions, echoed few-shot examples,
 * eliminations, tables, JSON/XML-ish output, markdown, LaTeX, other languages, cut-off replies, refusals, hedges,
 * base-model continuations and stuttering quantized output.
 *
 * Unlike a hold-out batch this is a tuning set: every case must pass (test/grade-broad.test.ts).
 *
 * First run, before any extraction change (2-core AMD EPYC VM): 159/169 (94.1%), 2 wrong answers counted right
 * (also in docs/grading.md).
 */
import type { GradeStatus } from '../../lib/grade/types.ts';
import type { HoldoutMcCase } from './holdout.ts';

const ABSTAIN: GradeStatus[] = ['no_answer', 'ambiguous', 'refused'];
const UNDECIDED: GradeStatus[] = ['ambiguous', 'no_answer'];
const CUT: GradeStatus[] = ['truncated', 'no_answer'];
const r = String.raw;

const GAS = ['Nitrogen', 'Oxygen', 'Argon', 'Carbon dioxide'];
const CAPITAL = ['Lyon', 'Marseille', 'Paris', 'Nice'];
const ORGANELLE = ['Ribosome', 'Mitochondrion', 'Golgi apparatus', 'Lysosome'];
const FORCE = ['12 N', '15 N', '18 N', '20 N', '24 N', '30 N', '36 N', '40 N', '45 N', '50 N'];
const ECON = [
  'Inflation rises',
  'Unemployment falls',
  'Interest rates rise',
  'The money supply contracts',
  'Exports fall',
  'Government spending rises',
  'Taxes are cut',
  'The exchange rate appreciates',
  'Savings increase',
  'Investment declines',
];
const NOBLE = ['Helium', 'Neon', 'Nitrogen', 'Argon'];
const LIVER = ['Producing bile', 'Storing glycogen', 'Producing insulin', 'Detoxifying drugs'];
const COUNT = ['2', '3', '4', '5'];
const WITH_NONE = ['7', '9', '11', 'None of the above'];
const WITH_ALL = ['It conducts heat', 'It conducts electricity', 'It is malleable', 'All of the above'];

const FEW_SHOT_QUESTION = [
  'The following are multiple choice questions about biology.',
  '',
  'Question: Which molecule carries genetic information?',
  '(A) Glucose (B) DNA (C) Cholesterol (D) Starch',
  'Answer: The answer is (B).',
  '',
  'Question: Which organelle breaks down waste with hydrolytic enzymes?',
  '(A) Ribosome (B) Mitochondrion (C) Golgi apparatus (D) Lysosome',
  'Answer:',
].join('\n');

export const BROAD_MC: HoldoutMcCase[] = [
  // Ordinary commitments, short and long, in many wordings.
  { tag: 'plain_answer_is', response: 'The answer is (C).', pred: 'C', status: 'answered' },
  { tag: 'plain_answer_colon', response: 'Answer: B', pred: 'B', status: 'answered' },
  { tag: 'bare_letter', response: 'B', pred: 'B', status: 'answered' },
  { tag: 'bold_letter', response: '**D**', pred: 'D', status: 'answered' },
  { tag: 'letter_with_text', response: 'C. Paris', pred: 'C', status: 'answered', choices: CAPITAL },
  { tag: 'short_cot', response: "Newton's second law gives F = ma = 3 kg × 5 m/s² = 15 N. The answer is (B).", pred: 'B', status: 'answered', choices: FORCE },
  { tag: 'final_answer_colon', n: 10, response: 'Final answer: H', pred: 'H', status: 'answered' },
  { tag: 'bold_letter_text', response: 'The correct answer is **J. Investment declines**', pred: 'J', status: 'answered', choices: ECON },
  { tag: 'step_by_step', response: "Let's think step by step. Mitochondria produce most of the cell's ATP through oxidative phosphorylation, which is why they are called the powerhouse of the cell. Therefore, the answer is B.", pred: 'B', status: 'answered', choices: ORGANELLE },
  { tag: 'answer_letter_text', response: 'Answer: (A) Nitrogen', pred: 'A', status: 'answered', choices: GAS },
  { tag: 'go_with', response: "I'd go with option D.", pred: 'D', status: 'answered' },
  { tag: 'correct_choice_is', n: 10, response: 'So the correct choice is E.', pred: 'E', status: 'answered' },
  { tag: 'answer_then_reason', n: 10, response: 'The answer is (G) because a cut in taxes raises disposable income, and consumption follows.', pred: 'G', status: 'answered' },
  { tag: 'bare_paren_letter', n: 10, response: '(F)', pred: 'F', status: 'answered' },
  { tag: 'lowercase_letter', response: 'Correct option: c', pred: 'C', status: 'answered' },
  { tag: 'best_answer_is', response: 'The best answer is A.', pred: 'A', status: 'answered' },
  { tag: 'letter_i_final', n: 10, response: 'First, the half-life is 5 years, so after 20 years four half-lives have passed.\n\nThe remaining fraction is (1/2)^4 = 1/16, and 1/16 of 800 g is 50 g.\n\nThus, the answer is (I).', pred: 'I', status: 'answered' },
  { tag: 'pronoun_i_then_letter', response: 'I think the answer is A.', pred: 'A', status: 'answered' },
  { tag: 'letter_text_then_reason', response: "A. Nitrogen\n\nNitrogen makes up about 78% of Earth's atmosphere by volume.", pred: 'A', status: 'answered', choices: GAS },
  { tag: 'answer_is_letter_colon_text', response: 'The answer is C: Paris.', pred: 'C', status: 'answered', choices: CAPITAL },
  { tag: 'option_is_correct', n: 10, response: 'Therefore, option (E) is correct.', pred: 'E', status: 'answered' },
  { tag: 'bold_label', n: 10, response: '**Answer:** F', pred: 'F', status: 'answered' },
  { tag: 'markdown_heading', response: '## Final Answer\nThe correct answer is **B**.', pred: 'B', status: 'answered' },
  { tag: 'numbered_steps', response: 'Step 1: The cell wall is made of cellulose in plants.\nStep 2: Fungi use chitin instead.\nStep 3: Only option D names chitin.\nAnswer: D', pred: 'D', status: 'answered' },
  { tag: 'answer_answer_is', n: 10, response: 'Answer: The answer is (H).', pred: 'H', status: 'answered' },
  { tag: 'latex_boxed', response: r`The answer is $\boxed{C}$.`, pred: 'C', status: 'answered' },
  { tag: 'latex_boxed_text', response: r`\boxed{\text{(B)}}`, pred: 'B', status: 'answered' },
  { tag: 'latex_display_boxed', n: 10, response: r`Combining both terms we get the required ratio.
\[ \boxed{J} \]`, pred: 'J', status: 'answered' },
  { tag: 'answer_is_colon', response: 'The answer is: A', pred: 'A', status: 'answered' },
  { tag: 'my_answer', response: 'My answer: (D)', pred: 'D', status: 'answered' },
  { tag: 'option_x_is_correct', response: 'Option B is correct.', pred: 'B', status: 'answered' },
  { tag: 'correct_response_is', response: 'The correct response is C.', pred: 'C', status: 'answered' },
  { tag: 'ans_abbrev', n: 10, response: 'Ans: G', pred: 'G', status: 'answered' },
  { tag: 'answer_dash', n: 10, response: 'Answer - E', pred: 'E', status: 'answered' },
  { tag: 'lowercase_paren', response: 'the answer is (b)', pred: 'B', status: 'answered' },
  { tag: 'long_econ_cot', response: 'A contractionary monetary policy means the central bank sells government bonds. This drains reserves from the banking system, so banks have less to lend. With a smaller supply of loanable funds, the price of borrowing goes up. Investment and consumption fall as a result, and inflation eventually slows, but the immediate, direct effect is on the cost of credit.\n\nThe answer is (C).', pred: 'C', status: 'answered', choices: ECON },
  { tag: 'long_law_cot', n: 10, response: "The defendant's strongest argument concerns the neighbor's testimony. The neighbor is repeating what the victim told her, and it is offered to prove that the defendant was at the scene. That is an out-of-court statement offered for its truth, and no exception (excited utterance, dying declaration, present sense impression) fits the facts, because the statement was made two days later.\n\nTherefore the strongest argument is that the testimony is inadmissible hearsay. The answer is (F).", pred: 'F', status: 'answered' },
  { tag: 'chem_cot', n: 10, response: 'Moles of NaOH = 0.100 mol/L × 0.025 L = 0.0025 mol. The acid is monoprotic, so moles of HCl = 0.0025 mol, and its concentration is 0.0025 / 0.050 = 0.050 M. The answer is (D).', pred: 'D', status: 'answered' },
  { tag: 'answer_paren_i', n: 10, response: 'Answer: (I)', pred: 'I', status: 'answered' },
  { tag: 'wrong_but_committed', response: 'The correct option is B: Oxygen', pred: 'B', status: 'answered', choices: GAS },
  { tag: 'text_then_letter', response: 'Correct answer: Paris (C)', pred: 'C', status: 'answered', choices: CAPITAL },
  { tag: 'ill_answer', response: "So I'll answer A.", pred: 'A', status: 'answered' },
  { tag: 'final_colon_short', n: 10, response: 'Final: J', pred: 'J', status: 'answered' },
  { tag: 'answer_is_option_text_reason', response: 'The answer is option D, Lysosome, because lysosomes contain hydrolytic enzymes.', pred: 'D', status: 'answered', choices: ORGANELLE },
  { tag: 'answer_then_other_letters', response: 'The answer is (A). Option B, oxygen, is only about 21% of the air, and option C, argon, is under 1%.', pred: 'A', status: 'answered', choices: GAS },
  { tag: 'answer_then_why_not', response: '**Answer: C**\n\nWhy not the others?\n- A: Lyon is the third-largest city, not the capital.\n- B: Marseille is a port city.\n- D: Nice is on the Riviera.', pred: 'C', status: 'answered', choices: CAPITAL },
  { tag: 'option_letter_only', response: 'Option C.', pred: 'C', status: 'answered' },
  { tag: 'letter_is_the_answer', response: 'C is the answer.', pred: 'C', status: 'answered' },
  { tag: 'quoted_letter', response: 'The answer is "B".', pred: 'B', status: 'answered' },
  { tag: 'answer_colon_paren_text', response: 'The correct answer is: (H) The exchange rate appreciates', pred: 'H', status: 'answered', choices: ECON },
  { tag: 'must_be_letter_paren', response: 'Therefore the answer must be D) 20 N.', pred: 'D', status: 'answered', choices: FORCE },
  { tag: 'i_chose', response: 'The other three options all confuse correlation with causation, and that is why I chose B.', pred: 'B', status: 'answered' },
  { tag: 'would_select', n: 10, response: 'I would select (G).', pred: 'G', status: 'answered' },
  { tag: 'letter_paren_text', response: 'Answer: B (Oxygen)', pred: 'B', status: 'answered', choices: GAS },
  { tag: 'article_a_start', response: 'A good way to see this is to balance the equation first: 2H2 + O2 → 2H2O. Then the answer is B.', pred: 'B', status: 'answered' },
  { tag: 'answer_is_i', n: 10, response: 'The answer is I.', pred: 'I', status: 'answered' },
  { tag: 'i_think_i', n: 10, response: 'Only the last two options mention savings, and savings rise when the rate goes up. I think I is correct.', pred: 'I', status: 'answered', choices: ECON },

  // Letters named inside prose rather than after "answer is".
  { tag: 'prose_option_best_describes', n: 10, response: 'A contractionary fiscal policy reduces aggregate demand. Looking at the options, option G best describes the opposite of that, so it cannot be the answer; option D best describes the policy asked about.', pred: 'D', status: 'answered' },
  { tag: 'prose_matches_choice', response: 'The net force is 4 kg × 6 m/s² = 24 N. The value matches choice (E), 24 N.', pred: 'E', status: 'answered', choices: FORCE },
  { tag: 'prose_corresponds_to', response: 'Both lines of reasoning point to the same thing, which corresponds to option C.', pred: 'C', status: 'answered' },
  { tag: 'prose_best_match_dash', response: 'So the best match here is D — Lysosome.', pred: 'D', status: 'answered', choices: ORGANELLE },
  { tag: 'prose_makes_the_pick', response: "That makes 'Paris' (C) the right pick.", pred: 'C', status: 'answered', choices: CAPITAL },
  { tag: 'prose_we_select', response: 'Since the force is 20 N, we select D.', pred: 'D', status: 'answered', choices: FORCE },
  { tag: 'prose_ordinal_option', response: 'The third option, Paris, is the capital of France.', pred: 'C', status: 'answered', choices: CAPITAL },
  { tag: 'option_text_only', question: 'What is the capital of France?', response: 'The capital of France is Paris.', pred: 'C', status: 'answered', choices: CAPITAL },
  { tag: 'option_text_only', question: 'Which organelle is known as the powerhouse of the cell?', response: 'The powerhouse of the cell is the mitochondrion.', pred: 'B', status: 'answered', choices: ORGANELLE },
  { tag: 'prose_going_with', response: "I'm going with B here.", pred: 'B', status: 'answered' },
  { tag: 'prose_my_pick', n: 10, response: 'My pick: option H.', pred: 'H', status: 'answered' },
  { tag: 'hence_letter_text', response: 'Hence (A) Nitrogen.', pred: 'A', status: 'answered', choices: GAS },
  { tag: 'correct_colon_letter_paren', response: 'Correct: D) Lysosome', pred: 'D', status: 'answered', choices: ORGANELLE },
  { tag: 'prose_only_x_fits', response: 'Among the choices, only B fits all the constraints.', pred: 'B', status: 'answered' },
  { tag: 'prose_statement_holds', n: 10, response: 'The statement in option F is the one that holds.', pred: 'F', status: 'answered' },
  { tag: 'prose_answer_lies_with', response: 'After comparing the boiling points, the answer lies with option (A).', pred: 'A', status: 'answered' },
  { tag: 'prose_letter_is_right', n: 10, response: 'Working through the numbers, the total comes to $4,200, which means J is right.', pred: 'J', status: 'answered' },

  // Several answers: loops after a commitment, invented follow-ups, echoed few-shot examples, corrections.
  { tag: 'same_answer_loop', response: 'The answer is (B).\nThe answer is (B).\nThe answer is (B).\nThe answer is (B).\nThe answer is (B).\nThe answer is (B).\nThe answer is (B).', pred: 'B', status: 'answered', truncated: true },
  { tag: 'invented_followup_question', response: 'Answer: C\n\nQuestion: What is the boiling point of water at sea level?\nA. 90 °C\nB. 100 °C\nC. 110 °C\nD. 120 °C\nAnswer: B\n\nQuestion: Which planet is closest to the sun?\nA. Venus\nB. Earth\nC. Mercury\nD. Mars\nAnswer: C', pred: 'C', status: 'answered' },
  { tag: 'invented_followup_qa', response: 'The answer is (D).\n\nQ: Which planet is the largest?\n(A) Earth (B) Jupiter (C) Mars (D) Venus\nA: The answer is (B).', pred: 'D', status: 'answered' },
  { tag: 'invented_user_turn', n: 10, response: 'The answer is (G).\n\nUser: Thanks! Another one: which gas is most abundant in the atmosphere?\nAssistant: The answer is (A).', pred: 'G', status: 'answered' },
  { tag: 'invented_question_heading', n: 10, response: '**Answer: E**\n\n### Question 2\nWhich of the following is a renewable resource?\n(A) Coal (B) Oil (C) Natural gas (D) Wind\n\n**Answer: D**', pred: 'E', status: 'answered' },
  { tag: 'echoed_few_shot', question: FEW_SHOT_QUESTION, response: 'Question: Which molecule carries genetic information?\n(A) Glucose (B) DNA (C) Cholesterol (D) Starch\nAnswer: The answer is (B).\n\nQuestion: Which organelle breaks down waste with hydrolytic enzymes?\nAnswer: Lysosomes hold digestive enzymes that break down worn-out parts of the cell. The answer is (D).', pred: 'D', status: 'answered', choices: ORGANELLE },
  { tag: 'echoed_few_shot_only', question: FEW_SHOT_QUESTION, response: 'Question: Which molecule carries genetic information?\n(A) Glucose (B) DNA (C) Cholesterol (D) Starch\nAnswer: The answer is (B).\n\nQuestion: Which molecule carries genetic information?\n(A) Glucose (B) DNA (C) Cholesterol (D) Starch\nAnswer: The answer is (B).\n\nQuestion: Which molecule carries', pred: null, status: CUT, truncated: true, choices: ORGANELLE },
  { tag: 'correction_wait', response: 'The answer is B. Wait, I made an error: the ratio is inverted, so the answer is D.', pred: 'D', status: 'answered' },
  { tag: 'correction_initially', response: 'Initially I thought (A), but reconsidering the sign convention, (C) is correct.', pred: 'C', status: 'answered' },
  { tag: 'correction_no_wait_final', n: 10, response: "The answer is (E)... no wait, that's the reverse reaction. The forward reaction gives (H).\n\nFinal answer: (H)", pred: 'H', status: 'answered' },
  { tag: 'correction_revise_final', response: "The answer is (A).\n\nHowever, on reflection, the sample is biased toward volunteers, so I'd revise that to (D).\n\nFinal answer: (D)", pred: 'D', status: 'answered' },
  { tag: 'correction_actually_no', n: 10, response: 'Answer: B\n\nActually no — B describes the short run. The question asks about the long run, where the answer is E.', pred: 'E', status: 'answered' },
  { tag: 'double_check_confirms', response: 'Final answer: The answer is (C).\n\nLet me double-check: 3 × 6 = 18, which is option C. Yes, C.', pred: 'C', status: 'answered', choices: ['12', '15', '18', '21'] },
  { tag: 'reconsider_loop_same', response: 'The answer is (B).\n\nWait, let me reconsider. The answer is (B).\n\nWait, let me reconsider. The answer is (B).\n\nWait, let me reconsider.', pred: 'B', status: 'answered', truncated: true },
  { tag: 'answer_loop_cut', response: 'The answer is (C).\nThe answer is (C).\nThe answer is (C).\nThe answer is (', pred: 'C', status: 'answered', truncated: true },
  { tag: 'answer_then_explanation_repeat', response: 'Answer: B\n\nExplanation: oxygen is the gas released by photosynthesis, so B.', pred: 'B', status: 'answered', choices: GAS },
  { tag: 'withdrawn_closest', n: 10, response: 'The closest option is (F). But F assumes a frictionless surface, which the problem rules out, so F cannot be right either. None of the options matches.', pred: null, status: ABSTAIN },
  { tag: 'alternating_loop_no_commit', response: 'Maybe A. Maybe C. Maybe A. Maybe C. Maybe A. Maybe C. Maybe A. Maybe C. Maybe A. Maybe C.', pred: null, status: ['truncated', 'ambiguous'], truncated: true },
  { tag: 'two_answers_conditional', response: 'The answer could be (A) or (D), depending on whether we assume constant pressure.', pred: null, status: UNDECIDED },
  { tag: 'both_correct', response: 'Both B and C are correct.', pred: null, status: UNDECIDED },
  { tag: 'answer_two_letters', response: 'Answer: A, C', pred: null, status: UNDECIDED },
  { tag: 'answers_are_two', response: 'The answers are A and D.', pred: null, status: UNDECIDED },
  { tag: 'cant_decide', response: "I can't decide between C and D.", pred: null, status: UNDECIDED },

  // Eliminations and option-by-option walk-throughs.
  { tag: 'elimination_leaves', response: 'A is wrong because it ignores air resistance. B is wrong because it double-counts the weight. D is wrong because the units do not match. That leaves C.', pred: 'C', status: 'answered' },
  { tag: 'elimination_between', response: 'Eliminate A and B, since both ignore friction. Between C and D, D double-counts the normal force. So C.', pred: 'C', status: 'answered' },
  { tag: 'verdict_list', response: '(A) incorrect\n(B) incorrect\n(C) correct\n(D) incorrect', pred: 'C', status: 'answered' },
  { tag: 'check_marks', response: '- A: ✗\n- B: ✗\n- C: ✗\n- D: ✓', pred: 'D', status: 'answered' },
  { tag: 'all_rejected', response: 'A: wrong. B: wrong. C: wrong. D: wrong. None of the options is correct.', pred: null, status: ABSTAIN },
  { tag: 'elimination_cut', response: "Let's rule out options. A is too small. B ignores the tax. C", pred: null, status: CUT, truncated: true },
  { tag: 'walkthrough_cut', response: "Let's evaluate each option:\n(A) seems unlikely, since the reaction is exothermic.\n(B) could work if the catalyst is present, but we need to check.\n(C) is", pred: null, status: CUT, truncated: true },
  { tag: 'walkthrough_then_conclusion', response: 'Option A: tariffs raise import prices — true, but not what is asked.\nOption B: tariffs lower domestic output — false.\nOption C: tariffs protect domestic producers from foreign competition — this is the purpose asked about.\nOption D: tariffs raise exports — false.\n\nConclusion: C', pred: 'C', status: 'answered' },
  { tag: 'incorrect_then_none', response: 'Therefore, A is incorrect. (B) is incorrect because the rate doubles. (C) is also incorrect since the order is two. The answer is none of the above.', pred: null, status: ABSTAIN },
  { tag: 'statement_correctly_cut', response: 'Statement A overstates the effect. Statement C correctly notes that', pred: null, status: CUT, truncated: true },

  // Structured output: JSON, XML-ish tags, tables, YAML.
  { tag: 'json_answer', response: '{"answer": "C"}', pred: 'C', status: 'answered' },
  { tag: 'json_fenced', response: '```json\n{"reasoning": "Argon is a noble gas, but it is less than 1% of the air; oxygen is about 21%.", "answer": "B"}\n```', pred: 'B', status: 'answered', choices: GAS },
  { tag: 'xml_answer', response: '<answer>D</answer>', pred: 'D', status: 'answered' },
  { tag: 'xml_reasoning_answer', n: 10, response: '<reasoning>The tax cut raises disposable income, but the question asks for the government budget, and spending is what rises.</reasoning>\n<answer>(F)</answer>', pred: 'F', status: 'answered' },
  { tag: 'table_then_answer', response: '| Option | Correct? |\n|---|---|\n| A | No |\n| B | No |\n| C | Yes |\n| D | No |\n\nSo the answer is C.', pred: 'C', status: 'answered' },
  { tag: 'table_only', response: '| Option | Verdict |\n|---|---|\n| A | ✗ |\n| B | ✓ |\n| C | ✗ |\n| D | ✗ |', pred: 'B', status: 'answered' },
  { tag: 'yaml_answer', n: 10, response: 'answer: H\nconfidence: 0.7', pred: 'H', status: 'answered' },
  { tag: 'json_two_answers', response: '{"answer": ["A", "C"]}', pred: null, status: UNDECIDED },

  // Markdown.
  { tag: 'blockquote_answer', n: 10, response: '**Step 1.** Find the total resistance: 4 Ω + 6 Ω = 10 Ω.\n**Step 2.** Find the current: 50 V / 10 Ω = 5 A.\n\n> **Answer: (J)**', pred: 'J', status: 'answered' },
  { tag: 'bullet_bold_answer', response: '- The answer: **(D) Lysosome**', pred: 'D', status: 'answered', choices: ORGANELLE },
  { tag: 'heading_then_letter', response: '# Answer\n\nB', pred: 'B', status: 'answered' },
  { tag: 'strikethrough_revision', response: 'The correct answer is ~~A~~ **C**.', pred: 'C', status: 'answered' },

  // Other languages.
  { tag: 'spanish', response: 'La respuesta correcta es la (B).', pred: 'B', status: 'answered' },
  { tag: 'german', response: 'Die richtige Antwort ist C.', pred: 'C', status: 'answered' },
  { tag: 'chinese', response: '答案是 D。', pred: 'D', status: 'answered' },
  { tag: 'french_with_text', response: "La bonne réponse est (A) : l'azote.", pred: 'A', status: 'answered', choices: GAS },
  { tag: 'portuguese', n: 10, response: 'Resposta: E', pred: 'E', status: 'answered' },
  { tag: 'chinese_colon', response: '正确答案：B', pred: 'B', status: 'answered' },
  { tag: 'russian_latin_letter', response: 'Ответ: C', pred: 'C', status: 'answered' },
  { tag: 'german_lautet', n: 10, response: 'Die Antwort lautet (G).', pred: 'G', status: 'answered' },

  // Cut-off replies.
  { tag: 'cut_mid_reasoning', response: 'To solve this, we first compute the momentum of the first cart, p = mv = 2 × 3 = 6 kg·m/s. Then for the second cart', pred: null, status: 'truncated', truncated: true },
  { tag: 'cut_inside_think', response: '<think>\nOkay, the question asks about the Golgi apparatus. Let me recall: proteins are modified in', pred: null, status: 'truncated', truncated: true, choices: ORGANELLE },
  { tag: 'cut_after_answer', response: 'The answer is (B). To explain: the mitochondrion makes ATP, while the lysosome', pred: 'B', status: 'answered', truncated: true, choices: ORGANELLE },
  { tag: 'visible_stop_unflagged', response: 'Let us consider each option. Option A states that the demand curve', pred: null, status: CUT },
  { tag: 'relisted_options_cut', response: 'The correct answer:\n(A) Nitrogen\n(B) Oxygen\n(C)', pred: null, status: CUT, truncated: true, choices: GAS },
  { tag: 'consider_each_choice_cut', n: 10, response: 'Consider each choice:\n(A) Inflation rises\n(B) Unemployment falls\n(C) Interest rates rise\n(D) The money', pred: null, status: CUT, truncated: true },
  { tag: 'cut_inside_think_tentative', response: '<think>\nHmm, maybe it is (B). Let me check by recomputing the torque: τ = r × F = 0.5 ×', pred: null, status: CUT, truncated: true },

  // Refusals.
  { tag: 'refusal_harm', response: "I'm sorry, but I can't help with questions about synthesizing explosives.", pred: null, status: 'refused' },
  { tag: 'refusal_legal', response: 'As an AI language model, I cannot provide legal advice. Please consult a qualified lawyer.', pred: null, status: 'refused' },
  { tag: 'refusal_medical', response: "I won't pick an option here, since this asks for a diagnosis that should come from a doctor.", pred: null, status: ['refused', 'no_answer'] },
  { tag: 'disclaimer_then_answer', response: "I can't give medical advice, but based on the textbook definition, the answer is (C).", pred: 'C', status: 'answered' },

  // Hedges.
  { tag: 'hedged_believe', response: "I'm not entirely sure, but I believe the answer is (D).", pred: 'D', status: 'answered' },
  { tag: 'hedged_probably', response: "It's probably B, though A is also plausible.", pred: 'B', status: 'answered' },
  { tag: 'hedged_three_way', response: "Without more context it's hard to say; it could be A, B or D.", pred: null, status: UNDECIDED },
  { tag: 'best_guess', n: 10, response: 'My best guess would be (F).', pred: 'F', status: 'answered' },
  { tag: 'cannot_choose_needs_info', response: 'The question is ambiguous as written; none of the options can be chosen without knowing the temperature.', pred: null, status: ABSTAIN },

  // Base-model continuations.
  { tag: 'base_continuation_next_question', response: ' B\n\nQuestion 12: Which of the following is a noble gas?\nA. Nitrogen\nB. Oxygen\nC. Argon\nD. Carbon dioxide\nAnswer: C', pred: 'B', status: 'answered' },
  { tag: 'base_continuation_relist', response: '(D) Lysosome\n\n(A) Ribosome\n(B) Mitochondrion\n(C) Golgi apparatus\n(D) Lysosome\n\nAnswer: (D)', pred: 'D', status: 'answered', choices: ORGANELLE },
  { tag: 'base_continuation_no_answer', response: '\n\nQuestion: Which of the following best describes the function of the Golgi apparatus?\nA. Protein synthesis\nB. Packaging and sorting proteins\nC. ATP production\nD. Breaking down waste\nAnswer:', pred: null, status: CUT, truncated: true },
  { tag: 'restated_question_only', response: 'Which of the following organelles breaks down waste?\nA. Ribosome\nB. Mitochondrion\nC. Golgi apparatus\nD. Lysosome\nAnswer:', pred: null, status: CUT, choices: ORGANELLE },

  // Stuttering quantized output.
  { tag: 'stutter_words', response: 'The the answer is is (B) (B) (B) (B) (B) (B)', pred: 'B', status: 'answered' },
  { tag: 'stutter_letters', response: 'answer answer answer: D D D. D. D.', pred: 'D', status: 'answered' },
  { tag: 'stutter_cut', n: 10, response: 'The correct answer is (E (E (E (E (E', pred: 'E', status: 'answered', truncated: true },

  // Reasoning models with <think> blocks.
  { tag: 'think_then_answer', response: '<think>\nA seems right at first... no, the formula gives 6 kg × 3 m/s² = 18 N, which is C.\n</think>\n\nThe answer is (C).', pred: 'C', status: 'answered', choices: FORCE },
  { tag: 'think_then_bold', response: "<think>\nOption A makes proteins. Option B makes ATP. That's the one. I'll go with B.\n</think>\n\n**B**", pred: 'B', status: 'answered', choices: ORGANELLE },
  { tag: 'think_revision_then_answer', response: '<think>Maybe (A)? Actually the standard result is (D).</think>\nAnswer: D', pred: 'D', status: 'answered' },
  { tag: 'think_differs_from_final', response: "<think>\nThe oxygen share is 21%, nitrogen's is 78%... so it's A.\n</think>\nThe answer is (B).", pred: 'B', status: 'answered', choices: GAS },
  { tag: 'think_only_conclusion', response: '<think>\nLet me work through the options. Ribosomes make proteins. The Golgi apparatus packages and ships them. So the answer is C.\n</think>', pred: 'C', status: 'answered', choices: ORGANELLE },

  // Questions asking which option is NOT / EXCEPT.
  { tag: 'not_question_answer_is', question: 'Which of the following is NOT a noble gas?', response: 'Helium, neon and argon are noble gases. Nitrogen is not a noble gas, so the answer is C.', pred: 'C', status: 'answered', choices: NOBLE },
  { tag: 'not_question_option_is_not', question: 'Which of the following is NOT a noble gas?', response: 'Option C is not a noble gas.', pred: 'C', status: 'answered', choices: NOBLE },
  { tag: 'except_question_walkthrough', question: 'All of the following are functions of the liver EXCEPT:', response: '(A) is a liver function. (B) is a liver function. (D) is a liver function. (C) is not: insulin comes from the pancreas.', pred: 'C', status: 'answered', choices: LIVER },
  { tag: 'not_question_answer_not_a', question: 'Which of the following is NOT a noble gas?', response: 'The answer is not A, since helium is a noble gas. It is C.', pred: 'C', status: 'answered', choices: NOBLE },

  // Not listed, closest, none/all of the above.
  { tag: 'closest_option', response: 'The computed force is 16 N. None of the options is exactly right, but the closest is (B) 15 N.', pred: 'B', status: 'answered', choices: FORCE },
  { tag: 'not_among_options', response: 'The computed value, 27 N, is not among the options.', pred: null, status: ABSTAIN, choices: FORCE },
  { tag: 'none_of_above_not_option', response: 'None of the above.', pred: null, status: ABSTAIN },
  { tag: 'none_of_above_is_option', response: 'The sum is 10, and none of 7, 9 or 11 equals it. None of the above.', pred: 'D', status: 'answered', choices: WITH_NONE },
  { tag: 'all_of_above_is_option', response: 'Metals conduct heat and electricity and can be hammered into sheets. All of the above are correct.', pred: 'D', status: 'answered', choices: WITH_ALL },

  // Option letters that do not exist; numbers that are option texts.
  { tag: 'letter_out_of_range', response: 'The answer is (E).', pred: null, status: UNDECIDED },
  { tag: 'number_is_option_text', question: 'How many prime numbers are there between 10 and 20?', response: 'The primes between 10 and 20 are 11, 13, 17 and 19. There are 4 such numbers.', pred: 'C', status: 'answered', choices: COUNT },

  // Empty and near-empty replies.
  { tag: 'empty', response: '', pred: null, status: 'no_answer' },
  { tag: 'whitespace', response: '   \n  ', pred: null, status: 'no_answer' },
  { tag: 'question_mark', response: '?', pred: null, status: 'no_answer' },
];
