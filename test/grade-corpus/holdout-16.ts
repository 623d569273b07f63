/**
 * Hold-out batch 16 for issue 18: written blind (without reading lib/grade, the tuning corpus, docs/grading.md or
 * the earlier batches' cases, and without running the grader on these cases), in the styles small local models
 * (1-8B GGUF chat, base-model few-shot and <think> reasoning models, quantized down to Q2_K) write on MMLU-Pro-like
 * 10-option and 4-option questions and GSM8K/MATH-like problems. Its sha256 was recorded in holdout-16.sha256 before
 * its first run. Do not tune the extractors against these cases: reproduce a miss as a tuning case in other wording
 * instead.
 *
 * Styles covered: ordinary "the answer is (X)" replies in many wordings (bold, markdown headings, JSON, XML-ish tags,
 * "Option G" and "(option C)" in closing prose, letter followed by option text, option text quoted alone), NOT/EXCEPT
 * questions, "not listed but closest to", withdrawn closest options, loops after a clear answer, invented follow-up
 * questions, echoed few-shot answers, option-by-option walk-throughs (finished and cut off), re-listed option lists cut
 * off, corrections ("wait, actually"), <think> blocks (closed and unclosed), hedges between two options, refusals,
 * other languages, stuttering quantized output, and for math: \boxed{} (nested, with "answer:" inside, with units),
 * final lines without a box, bold answers, words, fractions, percents, currency, separators, scientific notation,
 * negatives, intervals, pairs, polynomials, base subscripts, cut-off work, loops, and wrong answers of every shape.
 */
import type { HoldoutMcCase, HoldoutMathCase } from './holdout.ts';
import type { GradeStatus } from '../../lib/grade/types.ts';

const r = String.raw;
const ABSTAIN: GradeStatus[] = ['no_answer', 'ambiguous'];

const SPEED = ['2 m/s', '4 m/s', '6 m/s', '8 m/s', '10 m/s', '12 m/s', '14 m/s', '16 m/s', '18 m/s', '20 m/s'];
const ORGANELLE = ['Mitochondrion', 'Ribosome', 'Golgi apparatus', 'Lysosome'];
const MONEY = [
  'Interest rates rise', 'Interest rates fall', 'The money supply shrinks', 'Bond prices fall', 'Reserves fall',
  'The discount rate rises', 'Inflation falls immediately', 'Output falls', 'The currency appreciates', 'None of the above',
];
const TORT = [
  'Negligence', 'Battery', 'Assault', 'False imprisonment', 'Trespass to land', 'Conversion', 'Defamation',
  'Strict liability', 'Nuisance', 'Intentional infliction of emotional distress',
];
const PH = ['1', '2', '3', '4', '5', '7', '9', '10', '11', '13'];
const PHIL = [
  'Utilitarianism', 'Deontology', 'Virtue ethics', 'Contractualism', 'Egoism', 'Relativism', 'Divine command theory',
  'Care ethics', 'Nihilism', 'Pragmatism',
];
const CAPITALS = ['Sydney', 'Melbourne', 'Canberra', 'Perth'];
const HIST = ['1776', '1789', '1812', '1848', '1861', '1871', '1914', '1917', '1939', '1945'];
const PSY = [
  'Classical conditioning', 'Operant conditioning', 'Observational learning', 'Habituation', 'Sensitization',
  'Insight learning', 'Latent learning', 'Imprinting', 'Extinction', 'Spontaneous recovery',
];
const CS = ['O(1)', 'O(log n)', 'O(n)', 'O(n log n)', 'O(n^2)', 'O(n^3)', 'O(2^n)', 'O(n!)', 'O(sqrt n)', 'O(n log log n)'];

export const HOLDOUT_MC_16: HoldoutMcCase[] = [
  // Ordinary replies.
  { tag: 'answer_is_paren', response: 'The ball falls for 1 s from rest, so v = g t ≈ 9.8 m/s, which rounds to 10 m/s. The answer is (E).', pred: 'E', status: 'answered', choices: SPEED },
  { tag: 'bare_letter', response: 'C', pred: 'C', status: 'answered', n: 4 },
  { tag: 'bare_letter_paren', response: '(H)', pred: 'H', status: 'answered', n: 10 },
  { tag: 'letter_dot_text', response: 'B. Ribosome', pred: 'B', status: 'answered', choices: ORGANELLE },
  { tag: 'answer_colon', response: 'Answer: J', pred: 'J', status: 'answered', n: 10 },
  { tag: 'bold_answer', response: 'Open-market sales of bonds drain reserves from banks, which pushes the federal funds rate up.\n\n**Answer: (A) Interest rates rise**', pred: 'A', status: 'answered', choices: MONEY },
  { tag: 'heading_final', response: '### Step 1\nThe strong acid at 0.001 M gives [H+] = 10^-3.\n\n### Step 2\npH = -log(10^-3) = 3.\n\n### Final Answer\nC', pred: 'C', status: 'answered', choices: PH },
  { tag: 'correct_option_is', response: 'Binary search halves the interval each step, so the number of comparisons grows logarithmically. The correct option is B.', pred: 'B', status: 'answered', choices: CS },
  { tag: 'therefore_letter', response: 'Kant grounds morality in duty and the categorical imperative rather than consequences. Therefore, B.', pred: 'B', status: 'answered', choices: PHIL },
  { tag: 'i_choose', response: 'I would choose option D.', pred: 'D', status: 'answered', n: 10 },
  { tag: 'lowercase_letter', response: 'the answer is (g)', pred: 'G', status: 'answered', n: 10 },
  { tag: 'answer_letter_bracket', response: 'Canberra was purpose-built as a compromise between Sydney and Melbourne.\nAnswer: [C]', pred: 'C', status: 'answered', choices: CAPITALS },
  { tag: 'long_reasoning_ordinary', response: 'To decide, recall that the French Revolution began with the storming of the Bastille. The Estates-General had been summoned that spring, and the National Assembly formed in June. The storming of the Bastille happened on 14 July of the same year. The American Declaration was 1776, which is earlier, and the 1848 revolutions were much later.\n\nSo the year is 1789, option B.', pred: 'B', status: 'answered', choices: HIST },
  { tag: 'final_answer_is_text', response: 'A dog that salivates at a bell after pairings with food is showing a learned association between two stimuli.\nThe final answer is (A) Classical conditioning.', pred: 'A', status: 'answered', choices: PSY },
  { tag: 'json_output', response: '{"reasoning": "Punching someone is a harmful intentional contact.", "answer": "B"}', pred: 'B', status: 'answered', choices: TORT },
  { tag: 'xml_tag', response: '<reasoning>Lysosomes contain hydrolytic enzymes.</reasoning>\n<answer>D</answer>', pred: 'D', status: 'answered', choices: ORGANELLE },
  { tag: 'markdown_bold_letter', response: 'The correct answer is **F**.', pred: 'F', status: 'answered', n: 10 },
  { tag: 'answer_with_period', response: 'Answer: (I).', pred: 'I', status: 'answered', n: 10 },
  { tag: 'single_word_text', response: 'Mitochondrion', pred: 'A', status: 'answered', choices: ORGANELLE },
  { tag: 'quoted_option_text', response: 'The best description is "Operant conditioning", because the behaviour is shaped by its consequences.', pred: 'B', status: 'answered', choices: PSY },

  // Letters inside prose.
  { tag: 'option_word_in_closing', response: 'With a = 3.5 m/s² for 4 s from rest, the final speed works out to 14 m/s. This matches Option G.', pred: 'G', status: 'answered', choices: SPEED },
  { tag: 'paren_option_word', response: 'Since the man intended only to frighten and the victim reasonably feared an imminent touch, the tort here is assault (option C).', pred: 'C', status: 'answered', choices: TORT },
  { tag: 'is_letter_then_text', response: 'Taking the car without permission and selling it is a serious interference with the owner\'s rights. The best fit is F. Conversion', pred: 'F', status: 'answered', choices: TORT },
  { tag: 'letter_with_quoted_text', response: 'I would go with (I) "Nuisance" since the smoke interferes with use and enjoyment of the land.', pred: 'I', status: 'answered', choices: TORT },
  { tag: 'choice_letter_mid_sentence', response: 'Looking at the options, choice E best matches a worker who learns by watching a colleague... wait, no, that is observational learning, which is choice C. So I pick C.', pred: 'C', status: 'answered', choices: PSY },
  { tag: 'goes_with', response: 'Going with D here.', pred: 'D', status: 'answered', n: 4 },
  { tag: 'letter_is_right', response: 'Quicksort on average splits the array evenly, giving n log n work. D is right.', pred: 'D', status: 'answered', choices: CS },
  { tag: 'closest_not_listed', response: 'My calculation gives about 7 m/s, which is not listed exactly, but the closest option is D (8 m/s).', pred: 'D', status: 'answered', choices: SPEED },
  { tag: 'closest_not_listed_2', response: 'The computed pH is 2.7. None of the choices equal 2.7 exactly; the nearest is C.', pred: 'C', status: 'answered', choices: PH },
  { tag: 'not_question_option_not', response: 'Ribosomes make proteins, the Golgi packages them and lysosomes digest them. Mitochondria are not part of the secretory pathway, so option A is not involved.', pred: 'A', status: 'answered', choices: ORGANELLE, question: 'Which of the following organelles is NOT involved in the secretory pathway?\nA. Mitochondrion\nB. Ribosome\nC. Golgi apparatus\nD. Lysosome' },
  { tag: 'except_question', response: 'All of these are intentional torts except negligence, which turns on a lack of reasonable care. So the exception is (A).', pred: 'A', status: 'answered', choices: TORT, question: 'All of the following are intentional torts EXCEPT:' },

  // Several committed answers: loops, invented follow-ups, echoes.
  { tag: 'loop_after_answer', response: 'The answer is (E).\n\nThe answer is (E).\n\nThe answer is (E).\n\nThe answer is (E).\n\nThe answer is (E).\n\nThe answer is (E).\n\nThe answer is (E).\n\nThe answer is', pred: 'E', status: 'answered', n: 10, truncated: true },
  { tag: 'invented_followup', response: 'The capital is Canberra, so the answer is C.\n\nQuestion: Which planet is known as the Red Planet?\nA. Venus\nB. Mars\nC. Jupiter\nD. Saturn\nAnswer: B\n\nQuestion: What is the largest ocean?\nA. Atlantic\nB. Indian\nC. Arctic\nD. Pacific\nAnswer: D', pred: 'C', status: 'answered', choices: CAPITALS },
  { tag: 'invented_followup_10', response: 'Answer: (H)\n\nQ: A 2 kg mass on a spring with k = 50 N/m oscillates. What is its period?\n(A) 0.4 s (B) 1.26 s (C) 2 s (D) 3.14 s (E) 4 s (F) 5 s (G) 6 s (H) 7 s (I) 8 s (J) 9 s\nA: Let\'s think step by step. T = 2π√(m/k) = 2π(0.2) ≈ 1.26 s. The answer is (B).', pred: 'H', status: 'answered', n: 10 },
  { tag: 'echo_fewshot_then_answer', response: 'The answer is (A).\nThe answer is (C).\nThe answer is (J).\n\nNow for this question: the enzyme that unwinds DNA is helicase. The answer is (D).', pred: 'D', status: 'answered', n: 10, question: 'Q: ...example...\nA: ... The answer is (A).\n\nQ: ...example...\nA: ... The answer is (C).\n\nQ: ...example...\nA: ... The answer is (J).\n\nQ: Which enzyme unwinds the DNA double helix during replication?\n(A) Ligase (B) Primase (C) Polymerase III (D) Helicase (E) Topoisomerase (F) Telomerase (G) Nuclease (H) Polymerase I (I) Gyrase (J) Reverse transcriptase\nA:' },
  { tag: 'loop_self_question', response: 'So the speed is 6 m/s: answer (C).\nIs that right? Yes, (C).\nIs that right? Yes, (C).\nIs that right? Yes, (C).\nIs that right? Yes,', pred: 'C', status: 'answered', choices: SPEED, truncated: true },
  { tag: 'answer_then_unrelated_chatter', response: 'The answer is (B).\n\nI hope this helps! If you have any other questions about economics, feel free to ask. For example, you might want to know whether (D) bond prices fall in this case too — they do, but that is a consequence, not the main effect.', pred: 'B', status: 'answered', choices: MONEY, question: 'If the central bank cuts the reserve requirement, what is the most direct effect?' },

  // Walk-throughs and eliminations.
  { tag: 'walkthrough_finished', response: '(A) Sydney - largest city, not the capital.\n(B) Melbourne - was the temporary seat, not the capital now.\n(C) Canberra - correct, the capital since 1913.\n(D) Perth - no.\n\nSo the answer is C.', pred: 'C', status: 'answered', choices: CAPITALS },
  { tag: 'walkthrough_cut_off', response: 'Let us evaluate each option:\n(A) Utilitarianism judges acts by consequences, so it is not the duty-based view.\n(B) Deontology focuses on duties and rules.\n(C) Virtue ethics focuses on character, not on', pred: null, status: 'truncated', choices: PHIL, truncated: true },
  { tag: 'elimination_remaining', response: 'A is wrong because lysosomes digest. B is wrong, ribosomes make protein. D is wrong. That leaves C, the Golgi apparatus, which modifies and packages proteins.', pred: 'C', status: 'answered', choices: ['Lysosome', 'Ribosome', 'Golgi apparatus', 'Nucleolus'] },
  { tag: 'walkthrough_all_incorrect', response: '(A) is incorrect.\n(B) is incorrect.\n(C) is also incorrect.\n(D) is incorrect as well.\nNone of the options is right.', pred: null, status: ABSTAIN, n: 4 },
  { tag: 'relisted_options_cut', response: 'The correct answer:\n(A) 1776\n(B) 1789\n(C) 1812\n(D) 1848\n(E) 18', pred: null, status: 'truncated', choices: HIST, truncated: true },
  { tag: 'consider_each_cut', response: 'Consider each choice:\nA. O(1) - constant\nB. O(log n) -', pred: null, status: 'truncated', choices: CS, truncated: true },
  { tag: 'table_answer', response: '| Option | Fits? |\n|---|---|\n| A | No |\n| B | No |\n| C | Yes |\n| D | No |\n\nAnswer: C', pred: 'C', status: 'answered', n: 4 },

  // Corrections and withdrawals.
  { tag: 'wait_actually', response: 'The answer is (B). Wait, actually, a cut in the reserve requirement lets banks lend more, so rates fall — that is B. Yes, B is correct.', pred: 'B', status: 'answered', choices: MONEY },
  { tag: 'correction_to_other', response: 'At first glance this looks like battery, (B). But no contact actually occurred, only the threat of it, so the correct answer is (C) assault.', pred: 'C', status: 'answered', choices: TORT },
  { tag: 'closest_withdrawn', response: 'I get 7.1. The closest option is (F) 7... but 7 would be neutral and this is clearly acidic, so that cannot be right either. I am not able to match any option.', pred: null, status: ABSTAIN, choices: PH },
  { tag: 'initially_then_final', response: 'Initially I thought (I), but on reflection the contract element matters less than the harm to reputation. Final answer: (G).', pred: 'G', status: 'answered', choices: TORT },
  { tag: 'strikethrough_then_final', response: '~~Answer: A~~\nCorrection: Answer: D', pred: 'D', status: 'answered', n: 4 },

  // Reasoning models.
  { tag: 'think_then_answer', response: '<think>\nThe question asks for the first year of the First World War. Archduke Franz Ferdinand was shot in June 1914, and war followed in August. So 1914, which is G. But wait, could it be 1917 when the US joined? No, the war began in 1914.\n</think>\n\nThe First World War began in 1914.\n\n**Answer: G**', pred: 'G', status: 'answered', choices: HIST },
  { tag: 'think_different_from_final', response: '<think>\nMaybe (E) exports rise... but the question is about the direct effect on rates. It should be (B).\n</think>\nThe answer is (B).', pred: 'B', status: 'answered', choices: MONEY },
  { tag: 'think_unclosed_cut', response: '<think>\nOkay, so I need to find the complexity of merge sort. Merge sort splits the array in half each time, that gives log n levels. At each level we merge n elements. So that is n log n? Or n^2 in the worst case? Let me double-check the merge step. Merging two sorted halves of size n/2 takes', pred: null, status: 'truncated', choices: CS, truncated: true },
  { tag: 'think_closed_no_final', response: '<think>\nThe gas is ideal, so PV = nRT... I am not sure which option matches. Could be C or D.\n</think>', pred: null, status: ABSTAIN, n: 10 },
  { tag: 'think_answer_in_boxed', response: '<think>Strong acid, 0.1 M, pH = 1.</think>\n\nThe pH is 1.\n\n$\\boxed{A}$', pred: 'A', status: 'answered', choices: PH },

  // Hedges, several answers, refusals, nothing.
  { tag: 'hedge_two', response: 'It could be either (B) or (D); both seem plausible depending on how one reads the facts.', pred: null, status: ABSTAIN, choices: TORT },
  { tag: 'hedge_then_pick', response: 'It is between B and D. Both are reasonable, but D fits the timeline better, so D.', pred: 'D', status: 'answered', n: 4 },
  { tag: 'multiple_letters', response: 'The answers are A and C.', pred: null, status: ABSTAIN, n: 4 },
  { tag: 'refusal_medical', response: 'I\'m sorry, but I can\'t provide medical advice. Please consult a qualified healthcare professional.', pred: null, status: 'refused', n: 10 },
  { tag: 'refusal_unsure', response: 'I don\'t have enough information to answer this question reliably, so I will not choose an option.', pred: null, status: ['refused', 'no_answer'], n: 10 },
  { tag: 'empty', response: '', pred: null, status: 'no_answer', n: 10 },
  { tag: 'whitespace_only', response: '\n\n   \n', pred: null, status: 'no_answer', n: 4 },
  { tag: 'restates_question', response: 'Which of the following best describes the effect of a rise in the discount rate? Let\'s think step by step.', pred: null, status: ['no_answer', 'truncated'], choices: MONEY },
  { tag: 'reasoning_no_commit', response: 'Utilitarianism weighs outcomes, deontology weighs duties, and virtue ethics weighs character. Each of these theories has something to say about lying, and philosophers disagree about which is most persuasive.', pred: null, status: 'no_answer', choices: PHIL },
  { tag: 'none_of_the_above_no_option', response: 'Based on my calculation, none of the given options is correct.', pred: null, status: 'no_answer', n: 4 },
  { tag: 'none_of_above_is_option', response: 'Reserves actually rise and none of the listed effects follows directly, so the answer is (J) None of the above.', pred: 'J', status: 'answered', choices: MONEY },
  { tag: 'cut_mid_sentence', response: 'Step 1: The car accelerates uniformly at 2 m/s² for 3 s from rest.\nStep 2: v = at = 2 ×', pred: null, status: 'truncated', choices: SPEED, truncated: true },
  { tag: 'pure_loop_no_answer', response: 'Let me think. Let me think. Let me think. Let me think. Let me think. Let me think. Let me think. Let me think. Let me think. Let me think. Let me think. Let me think. Let me think. Let me think.', pred: null, status: 'truncated', n: 10, truncated: true },

  // Other languages and quantized output.
  { tag: 'spanish', response: 'La respuesta correcta es la (C), porque Canberra es la capital de Australia.', pred: 'C', status: 'answered', choices: CAPITALS },
  { tag: 'chinese', response: '根据题意，答案是 B。', pred: 'B', status: 'answered', n: 4 },
  { tag: 'german', response: 'Die richtige Antwort ist (E).', pred: 'E', status: 'answered', n: 10 },
  { tag: 'stutter_q2k', response: 'The the answer answer is is (D) (D).', pred: 'D', status: 'answered', n: 10 },
  { tag: 'garbled_then_answer', response: 'ssss the the mitoch mitochondria ondria produce ATP ATP ATP.\nAnswer: A', pred: 'A', status: 'answered', choices: ORGANELLE },
  { tag: 'garbled_no_answer', response: 'ribo ribo ribo ribo somesome ### ### ###', pred: null, status: ['no_answer', 'truncated'], choices: ORGANELLE },

  // Base-model continuations.
  { tag: 'base_continuation_letter', response: ' (F)\n\nQuestion:', pred: 'F', status: 'answered', n: 10 },
  { tag: 'base_lets_think', response: ' Let\'s think step by step. The psychologist rewards the rat with food each time it presses the lever; behaviour followed by a reward is strengthened. The answer is (B).\n\nQuestion: Which of the following', pred: 'B', status: 'answered', choices: PSY },
  { tag: 'base_text_only', response: ' Canberra\n\nQuestion: What is the capital of Canada?', pred: 'C', status: 'answered', choices: CAPITALS },

  // More ordinary, varied wording.
  { tag: 'so_the_answer_would_be', response: 'A 10 kg block pulled at 20 N on a frictionless floor accelerates at 2 m/s², so after 4 s it moves at 8 m/s. So the answer would be D.', pred: 'D', status: 'answered', choices: SPEED },
  { tag: 'best_answer_colon_text', response: 'Best answer: Virtue ethics', pred: 'C', status: 'answered', choices: PHIL },
  { tag: 'option_letter_paren_text', response: 'The correct choice is (J) Pragmatism, since the position judges ideas by their practical consequences for inquiry.', pred: 'J', status: 'answered', choices: PHIL },
  { tag: 'answer_last_line_letter', response: 'Hashing gives constant average lookup time.\n\nA', pred: 'A', status: 'answered', choices: CS },
  { tag: 'letter_in_sentence_start', response: 'H is the one: imprinting happens in a critical period shortly after hatching.', pred: 'H', status: 'answered', choices: PSY },
  { tag: 'answer_number_map', response: 'The Soviet revolution took place in 1917. The answer is 1917 (H).', pred: 'H', status: 'answered', choices: HIST },
  { tag: 'answer_text_only_mid', response: 'Since the defendant acted with no fault at all but kept a wild animal, the relevant doctrine is strict liability.', pred: 'H', status: 'answered', choices: TORT },
  { tag: 'short_correct_is', response: 'Correct: I', pred: 'I', status: 'answered', n: 10 },
  { tag: 'four_opt_long', response: 'Enzymes in the lysosome work best at acidic pH, around 4.5 to 5. The organelle described, which breaks down worn-out organelles by autophagy, is therefore the lysosome. Among the four options, that is D.', pred: 'D', status: 'answered', choices: ORGANELLE },
  { tag: 'answer_is_with_both_text', response: 'The answer is B: O(log n).', pred: 'B', status: 'answered', choices: CS },
  { tag: 'letter_and_wrong_text', response: 'The answer is (C) 1812.', pred: 'C', status: 'answered', choices: HIST },
  { tag: 'self_consistency_vote', response: 'Attempt 1: D\nAttempt 2: D\nAttempt 3: B\nMajority: D', pred: 'D', status: 'answered', n: 4 },
  { tag: 'emoji_check', response: '✅ Answer: (E) 10 m/s', pred: 'E', status: 'answered', choices: SPEED },
  { tag: 'two_answers_unresolved', response: 'The answer is (A). Alternatively, the answer is (D).', pred: null, status: ABSTAIN, n: 4 },
  { tag: 'final_answer_latex_text', response: r`The period doubles when the length quadruples, since $T \propto \sqrt{L}$. Final answer: $\text{(B)}$`, pred: 'B', status: 'answered', n: 10 },
  { tag: 'invented_followup_answer_only', response: 'D\n\nExplanation: Perth is on the west coast.\n\nWait, the question asked for the capital. The capital is Canberra. C.', pred: 'C', status: 'answered', choices: CAPITALS },
];

export const HOLDOUT_MATH_16: HoldoutMathCase[] = [
  // Ordinary, correct.
  { tag: 'gsm_hash_answer', response: 'Janet has 16 eggs. She eats 3 and bakes with 4, leaving 9. She sells them at $2 each: 9 × 2 = 18.\n#### 18', reference: '18', correct: true, status: 'answered' },
  { tag: 'boxed_integer', response: r`Adding the two rates: $\frac{1}{3} + \frac{1}{6} = \frac{1}{2}$, so together they take 2 hours. $\boxed{2}$`, reference: '2', correct: true, status: 'answered' },
  { tag: 'answer_is_number', response: 'The train travels 60 miles per hour for 2.5 hours, so it covers 150 miles. The answer is 150.', reference: '150', correct: true, status: 'answered' },
  { tag: 'boxed_fraction', response: r`The probability is $\boxed{\dfrac{3}{8}}$.`, reference: '3/8', correct: true, status: 'answered' },
  { tag: 'decimal_equals_fraction', response: 'So the probability is 0.375.', reference: '3/8', correct: true, status: 'answered' },
  { tag: 'currency_answer', response: 'Total cost = 4 × $12.50 = $50.00\nFinal answer: $50', reference: '50', correct: true, status: 'answered' },
  { tag: 'thousands_separator', response: 'The population after growth is 12,500 people.\nAnswer: 12,500', reference: '12500', correct: true, status: 'answered' },
  { tag: 'percent_answer', response: 'The discount is 30/120 = 0.25, i.e. 25%.\n\nAnswer: 25%', reference: '25', correct: true, status: 'answered' },
  { tag: 'units_in_answer', response: 'Distance = speed × time = 45 km/h × 4 h = 180 km.\n**Final answer: 180 km**', reference: '180', correct: true, status: 'answered' },
  { tag: 'negative_boxed', response: r`Solving $2x + 14 = 4$ gives $x = -5$. $\boxed{-5}$`, reference: '-5', correct: true, status: 'answered' },
  { tag: 'boxed_sqrt', response: r`The distance is $\sqrt{3^2 + 4^2 + 1} = \sqrt{26}$, so $\boxed{\sqrt{26}}$.`, reference: r`\sqrt{26}`, correct: true, status: 'answered' },
  { tag: 'boxed_pi', response: r`Area $= \pi r^2 = 9\pi$. $\boxed{9\pi}$`, reference: r`9\pi`, correct: true, status: 'answered' },
  { tag: 'interval', response: r`The solution set is $\boxed{(-\infty, 3]}$.`, reference: r`(-\infty,3]`, correct: true, status: 'answered' },
  { tag: 'ordered_pair', response: r`The intersection point is $\boxed{(2, -1)}$.`, reference: '(2,-1)', correct: true, status: 'answered' },
  { tag: 'word_number', response: 'She has twelve apples left.', reference: '12', correct: true, status: 'answered' },
  { tag: 'scientific_notation', response: 'The number of seconds is 3.6 × 10^3.\nAnswer: 3.6e3', reference: '3600', correct: true, status: 'answered' },
  { tag: 'mixed_number', response: 'Each person gets 2 1/2 pizzas.\nThe answer is 2 1/2.', reference: '5/2', correct: true, status: 'answered' },
  { tag: 'polynomial_last_sentence', response: r`Expanding, $(x+2)(x-3) = x^2 - 3x + 2x - 6$. Collecting like terms, the product is $x^2 - x - 6$.`, reference: 'x^2-x-6', correct: true, status: 'answered' },
  { tag: 'bold_word_answer', response: 'Checking the parity of each term, every term is even, so the sum is **even**.', reference: 'even', correct: true, status: 'answered' },
  { tag: 'base_subscript_gold', response: r`Converting 23 to base 4: 23 = 1·16 + 1·4 + 3, so the digits are 113. $\boxed{113}$`, reference: '113_4', correct: true, status: 'answered' },
  { tag: 'base_subscript_both', response: r`So the sum in base 2 is $\boxed{10110_2}$.`, reference: '10110_2', correct: true, status: 'answered' },
  { tag: 'answer_colon_in_box', response: r`$\boxed{\text{answer: } 42}$`, reference: '42', correct: true, status: 'answered' },
  { tag: 'answer_colon_in_box_2', response: r`Therefore \boxed{Answer: 7}`, reference: '7', correct: true, status: 'answered' },
  { tag: 'nested_box_frac', response: r`$\boxed{\frac{\sqrt{2}}{2}}$`, reference: r`\frac{\sqrt{2}}{2}`, correct: true, status: 'answered' },
  { tag: 'boxed_with_units', response: r`The area of the garden is $\boxed{48\text{ m}^2}$.`, reference: '48', correct: true, status: 'answered' },
  { tag: 'boxed_dollar', response: r`He spent $\boxed{\$1{,}250}$ in total.`, reference: '1250', correct: true, status: 'answered' },
  { tag: 'think_then_box', response: '<think>\n5 boxes of 24 pencils = 120. Minus 37 given away = 83.\nLet me double-check: 120 - 37 = 83. Yes.\n</think>\n\nShe has 83 pencils left.\n\n$\\boxed{83}$', reference: '83', correct: true, status: 'answered' },
  { tag: 'loop_after_answer', response: 'The answer is 64.\nThe answer is 64.\nThe answer is 64.\nThe answer is 64.\nThe answer is 64.\nThe answer is', reference: '64', correct: true, status: 'answered', truncated: true },
  { tag: 'followup_invented', response: 'So he needs 7 more cards.\n#### 7\n\nQuestion: Maria has 15 marbles and loses 4. How many does she have?\nAnswer: 15 - 4 = 11\n#### 11', reference: '7', correct: true, status: 'answered' },
  { tag: 'correction_final', response: 'So the total is 42. Wait, I forgot the tax: 42 × 1.05 = 44.10. The final total is $44.10.', reference: '44.1', correct: true, status: 'answered' },
  { tag: 'base_model_fewshot', response: ' Tom starts with 5 and buys 3 more packs of 4, so 5 + 12 = 17. The answer is 17.\n\nQ: A baker', reference: '17', correct: true, status: 'answered' },
  { tag: 'spanish_math', response: 'Primero, 8 × 7 = 56. Luego restamos 6: 56 − 6 = 50. La respuesta es 50.', reference: '50', correct: true, status: 'answered' },
  { tag: 'expression_equal', response: r`Simplifying gives $\boxed{2\sqrt{3}}$.`, reference: r`\sqrt{12}`, correct: true, status: 'answered' },
  { tag: 'set_of_roots', response: r`The roots are $x = 2$ and $x = -3$, so the solutions are $\boxed{-3, 2}$.`, reference: '-3,2', correct: true, status: 'answered' },
  { tag: 'degrees', response: r`The interior angle of a regular hexagon is $\boxed{120^\circ}$.`, reference: '120', correct: true, status: 'answered' },
  { tag: 'time_answer_minutes', response: 'It takes her 45 minutes.\nAnswer: 45', reference: '45', correct: true, status: 'answered' },
  { tag: 'long_gsm_ordinary', response: 'Let\'s break this down.\n1. The store sells 120 shirts on Monday.\n2. On Tuesday it sells half as many as Monday: 60.\n3. On Wednesday it sells 20 more than Tuesday: 80.\n4. Total = 120 + 60 + 80 = 260.\n\nSo the store sold 260 shirts over the three days.', reference: '260', correct: true, status: 'answered' },
  { tag: 'trailing_zero_decimal', response: 'The average is 7.50.\n#### 7.50', reference: '7.5', correct: true, status: 'answered' },
  { tag: 'stutter_quant', response: 'So so the the total total is is 96 96.\n#### 96', reference: '96', correct: true, status: 'answered' },
  { tag: 'json_math', response: '{"steps": ["3*4=12", "12+5=17"], "final_answer": 17}', reference: '17', correct: true, status: 'answered' },
  { tag: 'bold_number_end', response: 'After paying rent of $800 from $2,000, she has **$1,200** left.', reference: '1200', correct: true, status: 'answered' },
  { tag: 'percent_as_decimal_asked_percent', response: 'The growth rate is 0.08, that is, 8 percent.', reference: '8', correct: true, status: 'answered' },
  { tag: 'matrix_det', response: r`$\det = 2\cdot 5 - 3 \cdot 1 = 7$. Hence $\boxed{7}$.`, reference: '7', correct: true, status: 'answered' },
  { tag: 'dfrac_negative', response: r`The slope is $\boxed{-\dfrac{4}{3}}$.`, reference: '-4/3', correct: true, status: 'answered' },

  // Wrong answers (correct: false).
  { tag: 'wrong_boxed', response: r`$3 \times 14 = 42$, minus 5 is $\boxed{36}$.`, reference: '37', correct: false, status: 'answered' },
  { tag: 'wrong_hash', response: 'He earns 15 × 8 = 120 per day and works 5 days: 600.\n#### 600', reference: '660', correct: false, status: 'answered' },
  { tag: 'wrong_fraction', response: r`The probability is $\boxed{\frac{1}{3}}$.`, reference: '1/4', correct: false, status: 'answered' },
  { tag: 'wrong_sign', response: r`So $x = \boxed{5}$.`, reference: '-5', correct: false, status: 'answered' },
  { tag: 'right_in_reasoning_wrong_final', response: 'The first method gives 24. Using the second method I get 28, which I trust more. The answer is 28.', reference: '24', correct: false, status: 'answered' },
  { tag: 'wrong_percent', response: 'The increase is 20 over 80, which is 20%.', reference: '25', correct: false, status: 'answered' },
  { tag: 'base_subscript_wrong_digits', response: r`So $23 = \boxed{131_4}$.`, reference: '113_4', correct: false, status: 'answered' },
  { tag: 'wrong_polynomial', response: r`Therefore the product is $x^2 + x - 6$.`, reference: 'x^2-x-6', correct: false, status: 'answered' },
  { tag: 'wrong_pair_order', response: r`The point is $\boxed{(-1, 2)}$.`, reference: '(2,-1)', correct: false, status: 'answered' },
  { tag: 'wrong_after_correction', response: 'I get 45. Hmm, actually I double-counted the first day; subtracting it gives 38. Final answer: 38', reference: '45', correct: false, status: 'answered' },
  { tag: 'wrong_followup_has_gold', response: 'The answer is 12.\n\nQuestion: How many legs do 5 spiders have?\nAnswer: 40', reference: '40', correct: false, status: 'answered' },
  { tag: 'wrong_think_box', response: '<think>\n17 × 6 = 102... or 112? I will go with 112.\n</think>\n\n$\\boxed{112}$', reference: '102', correct: false, status: 'answered' },
  { tag: 'wrong_interval_open', response: r`$\boxed{(-\infty, 3)}$`, reference: r`(-\infty,3]`, correct: false, status: 'answered' },
  { tag: 'wrong_currency', response: 'She pays $34.75 in total.', reference: '37.25', correct: false, status: 'answered' },
  { tag: 'wrong_large_number', response: 'Answer: 1,250,000', reference: '125000', correct: false, status: 'answered' },
  { tag: 'wrong_bold', response: 'So there are **14** students who play neither sport.', reference: '16', correct: false, status: 'answered' },
  { tag: 'wrong_last_sentence_no_box', response: 'Adding 17 and 28 gives 45, then dividing among 5 friends, each gets 8.', reference: '9', correct: false, status: 'answered' },
  { tag: 'wrong_sqrt', response: r`$\boxed{\sqrt{24}}$`, reference: r`\sqrt{26}`, correct: false, status: 'answered' },
  { tag: 'wrong_word', response: 'The sum is **odd**.', reference: 'even', correct: false, status: 'answered' },
  { tag: 'wrong_loop_answer', response: 'The answer is 9.\nThe answer is 9.\nThe answer is 9.\nThe answer is 9.\nThe answer', reference: '8', correct: false, status: 'answered', truncated: true },
  { tag: 'wrong_chinese', response: '所以答案是 56。', reference: '54', correct: false, status: 'answered' },
  { tag: 'wrong_negative', response: r`Thus $\boxed{-2}$.`, reference: '2', correct: false, status: 'answered' },
  { tag: 'wrong_base_model', response: ' 3 + 4 × 2 = 14. The answer is 14.\n\nQ:', reference: '11', correct: false, status: 'answered' },
  { tag: 'wrong_answer_in_box_colon', response: r`\boxed{\text{Answer: } 19}`, reference: '21', correct: false, status: 'answered' },

  { tag: 'wrong_hedged_final', response: 'It is probably about 30, though I might be off. Answer: 30', reference: '32', correct: false, status: 'answered' },
  { tag: 'wrong_negative_hash', response: 'Net change = 12 - 15 = -3\n#### -3', reference: '3', correct: false, status: 'answered' },
  { tag: 'bare_equation_line', response: 'x = 4', reference: '4', correct: true, status: 'answered' },
  { tag: 'boxed_twice_same', response: r`\boxed{15} \boxed{15}`, reference: '15', correct: true, status: 'answered' },

  // No answer.
  { tag: 'cut_off_mid_expression', response: r`First compute $\int_0^1 x^2\,dx = \frac{1}{3}$. Then multiply by $6$ to get $6 \cdot \frac{1}{`, reference: '2', correct: false, status: 'truncated', truncated: true },
  { tag: 'cut_off_mid_sentence_no_flag', response: 'The first bus leaves at 8:15 and takes 40 minutes, so it arrives at 8:55. The second bus leaves at 8:30 and', reference: '25', correct: false, status: 'truncated' },
  { tag: 'pure_loop', response: 'Let x be the number. Then 3x + 2 = 17. Let x be the number. Then 3x + 2 = 17. Let x be the number. Then 3x + 2 = 17. Let x be the number. Then 3x + 2 = 17. Let x be the number. Then', reference: '5', correct: false, status: 'truncated', truncated: true },
  { tag: 'refusal_math', response: 'I cannot help with this request.', reference: '12', correct: false, status: 'refused' },
  { tag: 'empty_math', response: '', reference: '7', correct: false, status: 'no_answer' },
  { tag: 'think_unclosed', response: '<think>\nWe need the number of ways to choose 3 from 8. That is 8!/(3!5!) = 56. But wait, the problem says order matters, so it is 8 × 7 × 6 =', reference: '336', correct: false, status: 'truncated', truncated: true },
  { tag: 'restate_only', response: 'We need to find how many minutes it takes to fill the tank if both pipes are open. Let\'s set up the rates.', reference: '12', correct: false, status: ['no_answer', 'truncated'] },
  { tag: 'two_answers_unresolved', response: 'The answer is either 15 or 20, depending on whether the first day counts.', reference: '15', correct: false, status: ABSTAIN },
  { tag: 'cannot_determine', response: 'There is not enough information to determine the number of boys in the class.', reference: '14', correct: false, status: ['no_answer', 'refused'] },
];
