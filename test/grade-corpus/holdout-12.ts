/**
 * Hold-out batch 12 for issue 18: written blind (without reading lib/grade, the tuning corpus, docs/grading.md or
 * the earlier batches' cases, and without running the grader on these cases), in the styles small local models
 * (1-8B GGUF: chat, base and reasoning models, heavily quantized ones) write. Its sha256 was recorded in
 * holdout-12.sha256 before its first run. Do not tune the extractors against these cases: reproduce a miss as a
 * tuning case in other wording instead.
 *
 * Styles covered, subject by subject (law, psychology, chemistry, economics, history, engineering, health,
 * philosophy, computer science; arithmetic word problems, algebra, geometry, counting and probability, number
 * theory, precalculus):
 * - ordinary replies (about a third): "The answer is (X).", "Answer: X", bold, headings, \boxed{X}, JSON, XML-ish
 *   tags, a lone letter, the option text alone, "X) text", Spanish, German, French and Chinese, GSM8K "####",
 *   Minerva "Final Answer: The final answer is ... I hope it is correct.";
 * - several committed answers: a commitment followed by a loop, a re-reading loop, invented follow-up questions,
 *   an invented user/assistant turn, base-model continuations, echoed few-shot answers (question given);
 * - letters inside prose: "(option C)", "Option G gives", "is B. <text>", a quoted "C. text", "I'll go with D" in a
 *   long reply, "option (b)", the article "A" and the pronoun "I" next to real letters;
 * - NOT/EXCEPT questions ("option C is not required", "(C) is the exception"), "not listed, but closest to C",
 *   a closest option kept and one withdrawn, a conclusion that rejects every option, eliminations, "least wrong";
 * - committing to nothing: re-listed option lists cut off, walk-throughs cut off, loops without an answer, hedges
 *   between two options, several answers, refusals, a clarification request, an empty reply;
 * - <think> blocks: closed with a final answer after them, and left open at the token limit;
 * - math: base subscripts dropped or kept, a polynomial or bold word in the last sentence with stray numbers before
 *   it, "answer:" inside \boxed{}, \boxed{x = 5}, units, percents, degrees, currency, separators, words, mixed
 *   numbers, Unicode minus, scientific notation, pairs, intervals, solution sets, vectors, complex numbers,
 *   self-corrections both ways, an intermediate box overruled by a final sentence, visible cut-offs without the
 *   runner's flag, and wrong answers in every format (about a third of the math cases).
 */
import type { GradeStatus } from '../../lib/grade/types.ts';
import type { HoldoutMathCase, HoldoutMcCase } from './holdout.ts';

const r = String.raw;
const ABSTAIN: GradeStatus[] = ['no_answer', 'ambiguous'];

export const HOLDOUT_MC_12: HoldoutMcCase[] = [
  // --- Ordinary replies ---
  {
    tag: 'plain_answer_is',
    response: "Under the mailbox rule, an acceptance is effective when it is dispatched, not when it is received. The offeree mailed the acceptance before the revocation reached him, so a contract was formed. The answer is (B).",
    pred: 'B', status: 'answered',
    choices: ['No contract, because the revocation was sent first', 'A contract, because the acceptance was effective on dispatch', 'No contract, because the acceptance arrived late', 'A contract, but only if the offeror consents'],
  },
  {
    tag: 'bold_answer_first',
    response: '**Answer: C**\n\nClassical conditioning pairs a neutral stimulus with an unconditioned stimulus; after repeated pairings the bell alone elicits salivation, so the bell has become a conditioned stimulus.',
    pred: 'C', status: 'answered',
    choices: ['Unconditioned stimulus', 'Unconditioned response', 'Conditioned stimulus', 'Neutral stimulus'],
  },
  {
    tag: 'long_cot_answer_is',
    response: 'Step 1: moles of NaOH = 0.250 L × 0.40 M = 0.100 mol.\nStep 2: moles of HCl = 0.150 L × 0.50 M = 0.075 mol.\nStep 3: NaOH is in excess by 0.100 − 0.075 = 0.025 mol, in a total volume of 0.400 L, so [OH⁻] = 0.0625 M.\nStep 4: pOH = −log(0.0625) ≈ 1.20, so pH = 14 − 1.20 ≈ 12.80.\n\nLooking at the options, 12.80 matches.\n\nThe answer is (G).',
    pred: 'G', status: 'answered',
    choices: ['1.20', '2.40', '7.00', '11.60', '12.00', '12.40', '12.80', '13.00', '13.20', '13.60'],
  },
  { tag: 'lone_letter', response: 'D', pred: 'D', status: 'answered', n: 4 },
  { tag: 'lone_letter_parens', response: '(B)', pred: 'B', status: 'answered', n: 4 },
  {
    tag: 'answer_colon_with_text',
    response: 'Answer: (A) The Treaty of Versailles',
    pred: 'A', status: 'answered',
    choices: ['The Treaty of Versailles', 'The Treaty of Utrecht', 'The Congress of Vienna', 'The Peace of Westphalia'],
  },
  {
    tag: 'calc_correct_option',
    response: 'P = V²/R = 120²/48 = 14400/48 = 300 W.\n\nThe correct option is (F).',
    pred: 'F', status: 'answered', n: 10,
  },
  {
    tag: 'best_answer_colon_text',
    response: 'The best answer is B: vitamin K deficiency. Newborns have a sterile gut and low hepatic stores of vitamin K, which is why they receive a prophylactic injection at birth.',
    pred: 'B', status: 'answered',
    choices: ['Vitamin D deficiency', 'Vitamin K deficiency', 'Iron deficiency', 'Vitamin B12 deficiency'],
  },
  {
    tag: 'markdown_heading_final',
    response: "Kant's categorical imperative requires that we act only on maxims we could will to become universal laws. A lying promise cannot be universalised: if everyone made one, promising itself would collapse.\n\n## Final Answer\nJ",
    pred: 'J', status: 'answered', n: 10,
  },
  {
    tag: 'code_block_then_answer',
    response: '```python\ndef f(n):\n    return n if n < 2 else f(n - 1) + f(n - 2)\n```\nThis naive recursion recomputes the same subproblems again and again, so the number of calls grows exponentially, roughly like φ^n.\n\nAnswer: E',
    pred: 'E', status: 'answered', n: 10,
  },
  {
    tag: 'boxed_letter',
    response: r`The determinant of the coefficient matrix is $2\cdot 5 - 3\cdot 1 = 7 \neq 0$, so the system has exactly one solution.

$\boxed{C}$`,
    pred: 'C', status: 'answered', n: 4,
  },
  { tag: 'i_choose_option', response: 'After comparing the two elasticities, I choose option H.', pred: 'H', status: 'answered', n: 10 },
  {
    tag: 'json_reply',
    response: '{"reasoning": "A monopolist sets marginal revenue equal to marginal cost and charges a price above marginal cost.", "answer": "D"}',
    pred: 'D', status: 'answered',
    choices: ['Price equal to marginal cost', 'Price below average variable cost', 'Output where demand is unit elastic', 'Price above marginal cost'],
  },
  {
    tag: 'xml_tags',
    response: '<reasoning>The Magna Carta (1215) was forced on King John by his barons and limited royal power over them.</reasoning>\n<answer>B</answer>',
    pred: 'B', status: 'answered',
    choices: ['The Declaration of Independence', 'The Magna Carta', 'The Bill of Rights of 1689', 'The Edict of Nantes'],
  },
  {
    tag: 'lowercase_letter',
    response: 'the kidney reabsorbs most of the filtered sodium in the proximal convoluted tubule, so the answer is (c)',
    pred: 'C', status: 'answered',
    choices: ['Loop of Henle', 'Collecting duct', 'Proximal convoluted tubule', 'Distal convoluted tubule'],
  },
  {
    tag: 'option_text_only',
    response: 'The organelle that produces most of the cell\'s ATP through oxidative phosphorylation is the mitochondrion.\n\nFinal answer: Mitochondria',
    pred: 'C', status: 'answered',
    choices: ['Ribosome', 'Golgi apparatus', 'Mitochondria', 'Lysosome'],
  },
  {
    tag: 'spanish',
    response: 'Si la velocidad es constante, la aceleración es cero y por lo tanto la fuerza neta también es cero. La respuesta correcta es la (B).',
    pred: 'B', status: 'answered',
    choices: ['La velocidad aumenta', 'La fuerza neta es cero', 'La aceleración es constante y distinta de cero', 'La masa disminuye'],
  },
  {
    tag: 'german',
    response: 'Die Preiselastizität beträgt −1,8; ihr Betrag ist größer als 1, also ist die Nachfrage elastisch. Die richtige Antwort ist C.',
    pred: 'C', status: 'answered',
    choices: ['Die Nachfrage ist unelastisch', 'Die Nachfrage ist vollkommen unelastisch', 'Die Nachfrage ist elastisch', 'Die Nachfrage ist einheitselastisch'],
  },
  {
    tag: 'chinese',
    response: '根据牛顿第二定律，F = ma = 2 kg × 3 m/s² = 6 N。答案是 D。',
    pred: 'D', status: 'answered',
    choices: ['2 N', '3 N', '5 N', '6 N'],
  },
  { tag: 'french_reponse', response: 'Réponse : (E)', pred: 'E', status: 'answered', n: 10 },
  {
    tag: 'think_then_answer',
    response: "<think>\nThe question is about the right to counsel. Maybe A? No, A is about searches and seizures, that's the Fourth Amendment. Self-incrimination is the Fifth, so not B. The right to counsel is the Sixth Amendment, which is C.\n</think>\n\nThe answer is C.",
    pred: 'C', status: 'answered',
    choices: ['Freedom from unreasonable searches', 'Protection against self-incrimination', 'Right to the assistance of counsel', 'Right to a jury in civil cases'],
  },
  {
    tag: 'think_changes_mind',
    response: '<think>Light reactions happen in the thylakoid membranes... so B? Wait, the question asks where the Calvin cycle happens, not the light reactions. The Calvin cycle is in the stroma, so not B.</think>\nThe Calvin cycle takes place in the stroma of the chloroplast.\n\n**Answer: D**',
    pred: 'D', status: 'answered',
    choices: ['Outer membrane', 'Thylakoid membrane', 'Intermembrane space', 'Stroma'],
  },
  {
    tag: 'verdict_table',
    response: '| Option | Verdict |\n|---|---|\n| A | ✗ violates conservation of momentum |\n| B | ✗ wrong sign for the recoil velocity |\n| C | ✓ consistent with both conservation laws |\n| D | ✗ ignores the friction impulse |\n\n**Answer: C**',
    pred: 'C', status: 'answered', n: 4,
  },
  {
    tag: 'answer_letter_then_explanation',
    response: '**C** — the citric acid cycle produces the NADH and FADH₂ that feed the electron transport chain. A describes glycolysis, B describes fermentation and D describes the light reactions.',
    pred: 'C', status: 'answered',
    choices: ['Glycolysis', 'Lactic acid fermentation', 'The citric acid cycle', 'The light reactions'],
  },
  {
    tag: 'letter_paren_text',
    response: 'E) Photosynthesis',
    pred: 'E', status: 'answered', n: 10,
  },
  {
    tag: 'final_bold_parens',
    response: 'Bayes: P(D|+) = (0.01 × 0.90) / (0.01 × 0.90 + 0.99 × 0.05) = 0.009 / 0.0585 ≈ 0.154.\n\nFinal: **(E)**',
    pred: 'E', status: 'answered',
    choices: ['0.009', '0.050', '0.090', '0.100', '0.154', '0.450', '0.500', '0.846', '0.900', '0.950'],
  },
  {
    tag: 'hence_letter',
    response: 'Doubling [A] doubles the rate and doubling [B] quadruples it, so the rate law is rate = k[A][B]². Hence (J).',
    pred: 'J', status: 'answered', n: 10,
  },
  {
    tag: 'bullets_then_correct_option',
    response: '- Price elasticity of demand: −1.5 (elastic)\n- With elastic demand, a price cut raises total revenue\n- So the firm should lower its price\n\n**Correct option:** (A) Lower the price',
    pred: 'A', status: 'answered',
    choices: ['Lower the price', 'Raise the price', 'Keep the price unchanged', 'Stop production'],
  },
  { tag: 'my_final_choice', response: 'Both shifts happen together, so equilibrium quantity rises while the price effect is indeterminate. My final choice: F.', pred: 'F', status: 'answered', n: 10 },
  {
    tag: 'relisted_options_then_answer',
    response: 'A. 12\nB. 15\nC. 18\nD. 21\nAnswer: B',
    pred: 'B', status: 'answered', n: 4,
  },
  {
    tag: 'double_check_confirmed',
    response: 'The answer is (G). Double-checking: 7 × 8 = 56 and 56 − 9 = 47, which is what option G says. Confirmed: (G).',
    pred: 'G', status: 'answered', n: 10,
  },
  {
    tag: 'hedged_single_commit',
    response: "I'm not completely sure about this one, but I think the answer is A.",
    pred: 'A', status: 'answered', n: 4,
  },

  // --- Several committed answers: loops, invented follow-ups, echoes ---
  {
    tag: 'commit_then_loop',
    response: 'Integrating by parts twice gives the expression in option (E). The answer is (E).\n\nBut wait, could it be (B)? Let me reconsider. The answer is (E).\n\nBut wait, could it be (B)? Let me reconsider. The answer is (E).\n\nBut wait, could it be (B)? Let me reconsider. The answer is (E).\n\nBut wait, could it be (B)? Let me reconsider.',
    pred: 'E', status: 'answered', n: 10, truncated: true,
  },
  {
    tag: 'commit_then_question_loop',
    response: 'Only Congress can formally declare war under Article I. The answer is (A).\n\nThe question asks which branch can declare war. The question asks which branch can declare war. The question asks which branch can declare war. The question asks which branch can declare war. The question asks which branch',
    pred: 'A', status: 'answered', truncated: true,
    choices: ['Congress', 'The President', 'The Supreme Court', 'The Cabinet'],
  },
  {
    tag: 'invented_followup_questions',
    response: 'Opportunity cost is the value of the next best alternative given up. The answer is (C).\n\nQuestion 2: What is the marginal propensity to consume if the spending multiplier is 5?\nThe multiplier is 1/(1 − MPC) = 5, so MPC = 0.8. The answer is (A).\n\nQuestion 3: Which curve shows the short-run trade-off between inflation and unemployment?\nThe Phillips curve. The answer is (D).',
    pred: 'C', status: 'answered',
    choices: ['The total cost of production', 'The price actually paid', 'The value of the next best alternative given up', 'A cost that cannot be recovered'],
  },
  {
    tag: 'invented_exercise',
    response: 'Answer: G\n\nExercise: now try a similar problem. A 2 kg mass hangs on a spring with k = 200 N/m. Find its period.\nT = 2π√(m/k) = 2π√(0.01) ≈ 0.63 s, so the answer to this exercise would be (B).',
    pred: 'G', status: 'answered', n: 10,
  },
  {
    tag: 'invented_dialogue_turn',
    response: 'The answer is (A).\n\nUser: Thanks! Can you also explain (C)?\nAssistant: Sure. (C) would be correct if the firm were a price taker in a perfectly competitive market, so under that assumption the answer is (C).',
    pred: 'A', status: 'answered', n: 4,
  },
  {
    tag: 'base_model_continuation',
    response: 'Answer: B\n\nQuestion: Which of the following is a renewable resource?\nA. Coal\nB. Natural gas\nC. Wind\nD. Oil\nAnswer: C\n\nQuestion: Which of the following',
    pred: 'B', status: 'answered', n: 4, truncated: true,
  },
  {
    tag: 'fewshot_echo_worked',
    question: "Q: Which gas makes up most of Earth's atmosphere? (A) Oxygen (B) Argon (C) Nitrogen (D) Carbon dioxide\nA: Let's think step by step. Nitrogen is about 78% of the atmosphere. The answer is (C).\n\nQ: Which philosopher wrote 'Leviathan'? (A) Locke (B) Hobbes (C) Rousseau (D) Hume\nA: Let's think step by step.",
    response: "Q: Which gas makes up most of Earth's atmosphere? A: Let's think step by step. Nitrogen is about 78% of the atmosphere. The answer is (C).\n\nQ: Which philosopher wrote 'Leviathan'? A: Let's think step by step. Leviathan (1651) was written by Thomas Hobbes. The answer is (B).",
    pred: 'B', status: 'answered',
    choices: ['Locke', 'Hobbes', 'Rousseau', 'Hume'],
  },
  {
    tag: 'fewshot_echo_answers_first',
    question: 'Q: Which organ produces insulin? (A) Liver (B) Kidney (C) Spleen (D) Pancreas\nA: The answer is (D).\n\nQ: What is the SI unit of force? (A) Newton (B) Joule (C) Watt (D) Pascal\nA: The answer is (A).\n\nQ: Who painted the Mona Lisa? (A) Michelangelo (B) Raphael (C) Leonardo da Vinci (D) Donatello\nA: The answer is (C).\n\nQ: A trespasser is injured by an obvious natural hazard on rural land. Is the landowner liable in negligence? (A) Yes, owners owe everyone reasonable care (B) No, no duty is owed for this hazard to an undiscovered trespasser (C) Yes, strict liability applies (D) Yes, because the injury was foreseeable\nA:',
    response: 'The answer is (D).\nThe answer is (A).\nThe answer is (C).\n\nNow for this question: negligence needs duty, breach, causation and damages. A landowner owes an undiscovered trespasser no duty to make natural conditions safe, so the claim fails at duty. The answer is (B).',
    pred: 'B', status: 'answered', n: 4,
  },

  // --- Cut-off walk-throughs and re-listed option lists ---
  {
    tag: 'walkthrough_cut_off',
    response: "Let's go through each option.\n(A) is false: the Federal Reserve, not Congress, sets the discount rate.\n(B) is false: open-market operations buy and sell government bonds, not stocks.\n(C) is",
    pred: null, status: 'truncated', truncated: true,
    choices: ['Congress sets the discount rate', 'Open-market operations trade corporate stocks', 'The Fed can change reserve requirements', 'The Treasury sets the federal funds rate'],
  },
  {
    tag: 'walkthrough_cut_midword',
    response: 'Option by option:\n- A: incorrect, mitosis produces two identical diploid cells.\n- B: incorrect, crossing over happens in prophase I, not anaphase II.\n- C: incorrect, meiosis halves the chromosome number.\n- D: this one is partly right because homologous chromosomes sep',
    pred: null, status: 'truncated', n: 10, truncated: true,
  },
  {
    tag: 'walkthrough_complete_then_pick',
    response: "(A) Wrong — a bailment requires delivery of possession, which happened here.\n(B) Wrong — consideration is not needed for a gratuitous bailment.\n(C) Right — a bailee in a bailment for the bailor's sole benefit is liable only for gross negligence.\n(D) Wrong — strict liability does not apply to bailees.\n\nSo C.",
    pred: 'C', status: 'answered', n: 4,
  },
  {
    tag: 'consider_each_relist_cut',
    response: 'Consider each choice:\n(A) An increase in the money supply\n(B) A decrease in income taxes\n(C) An increase in government spending\n(D)',
    pred: null, status: 'truncated', truncated: true,
    choices: ['An increase in the money supply', 'A decrease in income taxes', 'An increase in government spending', 'A rise in interest rates'],
  },
  {
    tag: 'correct_answer_colon_relist_cut',
    response: 'The correct answer:\nA. 0.5 m/s\nB. 1.0 m/s\nC. 1.5 m/s\nD. 2.0 m/s\nE. 2.5',
    pred: null, status: 'truncated', n: 10, truncated: true,
  },
  {
    tag: 'open_think_cut',
    response: '<think>\nOkay, this is about Marbury v. Madison. The case established judicial review. Let me check each option. Option A talks about federalism, no. Option B is about the commerce clause, not that either. Hmm, wait, let me re-read the question. It asks which principle the case established. Judicial review, so that would be',
    pred: null, status: 'truncated', n: 4, truncated: true,
  },
  {
    tag: 'cut_before_answer',
    response: 'To find the equilibrium, set supply equal to demand: 100 − 2P = 20 + 3P, so 80 = 5P and P = 16. Substituting back, Q = 100 − 2(16) = ',
    pred: null, status: 'truncated', truncated: true,
    choices: ['52', '68', '76', '84'],
  },
  {
    tag: 'commit_then_cut_elaboration',
    response: 'The answer is (H).\n\nTo elaborate: H is the only option that accounts for both the income effect and the substitution effect, because when the price of a Giffen good',
    pred: 'H', status: 'answered', n: 10, truncated: true,
  },
  {
    tag: 'loop_without_answer',
    response: 'Let me think about this. The key is the resistor in parallel. Let me think about this. The key is the resistor in parallel. Let me think about this. The key is the resistor in parallel. Let me think about this. The key is the resistor in parallel. Let me think about this.',
    pred: null, status: 'truncated', n: 4, truncated: true,
  },

  // --- Letters inside prose ---
  {
    tag: 'option_letter_parenthetical',
    response: 'Crediting your successes to your own ability while blaming your failures on outside circumstances is the textbook definition of the self-serving bias (option C).',
    pred: 'C', status: 'answered',
    choices: ['Confirmation bias', 'Availability heuristic', 'Self-serving bias', 'Anchoring'],
  },
  {
    tag: 'option_letter_gives',
    response: 'With a half-life of 5,730 years and 25% of the original carbon-14 left, two half-lives have passed: 2 × 5,730 = 11,460 years. That figure is what Option G gives.',
    pred: 'G', status: 'answered',
    choices: ['2,865 years', '5,730 years', '7,640 years', '8,595 years', '9,200 years', '10,000 years', '11,460 years', '14,325 years', '17,190 years', '22,920 years'],
  },
  {
    tag: 'is_letter_dot_text',
    response: 'Expansionary fiscal policy shifts aggregate demand to the right, which raises both output and the price level in the short run. The right one is B. An increase in real GDP and the price level.',
    pred: 'B', status: 'answered',
    choices: ['A decrease in real GDP and the price level', 'An increase in real GDP and the price level', 'An increase in real GDP and a decrease in the price level', 'No change in real GDP'],
  },
  {
    tag: 'quoted_letter_text',
    response: "The doctrine that lower courts must follow the precedents of higher courts is \"C. Stare decisis\", so I'd select that one.",
    pred: 'C', status: 'answered',
    choices: ['Res judicata', 'Habeas corpus', 'Stare decisis', 'Mens rea'],
  },
  {
    tag: 'go_with_letter_long',
    response: "A stack is last-in, first-out, so the most recently pushed element is the first to be popped. The sequence described pushes 1, 2 and 3, pops once, pushes 4 and then pops twice. After the first pop we remove 3; the stack holds 1 and 2; pushing 4 gives 1, 2, 4; the next two pops remove 4 and then 2. So the popped order is 3, 4, 2, and the element left on the stack is 1. Taking all of that into account, I'll go with D.",
    pred: 'D', status: 'answered', n: 10,
  },
  {
    tag: 'option_lowercase_in_prose',
    response: "Raising the reserve requirement means banks can lend out less of each deposit, so the money multiplier falls and the money supply contracts. Lowering the discount rate or buying bonds would do the opposite, which means the only consistent choice here is option (b).",
    pred: 'B', status: 'answered', n: 4,
  },
  {
    tag: 'article_a_before_letter',
    response: "A careful reading of the statute shows that the landlord's duty to repair arises only after notice. A tenant who never complained cannot recover for the injury. The correct choice is therefore D.",
    pred: 'D', status: 'answered', n: 4,
  },
  {
    tag: 'pronoun_i_and_option_i',
    response: 'I considered (A) and (D) first, but both ignore the effect of higher wages on labor supply. I think the answer is (I).',
    pred: 'I', status: 'answered', n: 10,
  },
  {
    tag: 'not_option_but_other',
    response: 'The answer is (C), not (B) as one might think, since Dalton\'s model had no nucleus at all.',
    pred: 'C', status: 'answered', n: 4,
  },
  {
    tag: 'some_might_pick',
    response: "Some might pick (A), since it sounds like something Freud would say, but channelling unacceptable impulses into socially valued activity is sublimation. I'd say (D).",
    pred: 'D', status: 'answered',
    choices: ['Repression', 'Projection', 'Displacement', 'Sublimation'],
  },
  {
    tag: 'negations_then_must_be',
    response: 'It is not (A), because that ignores inflation, and it is not (B) either, since the quoted rate is nominal. It must be (J).',
    pred: 'J', status: 'answered', n: 10,
  },
  {
    tag: 'range_rejected_then_letter',
    response: 'Options B through D each misstate who carries the burden of proof. Only A puts it on the prosecution, beyond a reasonable doubt, so A.',
    pred: 'A', status: 'answered',
    choices: ['The prosecution, beyond a reasonable doubt', 'The defendant, by a preponderance of the evidence', 'The judge, by clear and convincing evidence', 'The jury, on the balance of probabilities'],
  },
  {
    tag: 'both_but_best',
    response: 'Both A and C describe real effects of a minimum wage set above equilibrium, but the question asks for the most direct consequence, and that is a surplus of labor. The best answer is C.',
    pred: 'C', status: 'answered',
    choices: ['Higher wages for some workers', 'A shortage of labor', 'Unemployment (a surplus of labor)', 'Lower consumer prices'],
  },
  {
    tag: 'all_of_the_above_text',
    response: 'All of the above.',
    pred: 'D', status: 'answered',
    choices: ['It lowers resting blood pressure', 'It improves mood', 'It increases insulin sensitivity', 'All of the above'],
  },
  {
    tag: 'elimination_leaves',
    response: 'Eliminate A: far too early. Eliminate B: wrong continent. Eliminate D: that treaty ended a different war. That leaves C.',
    pred: 'C', status: 'answered',
    choices: ['The Treaty of Tordesillas', 'The Treaty of Nanking', 'The Treaty of Paris (1783)', 'The Treaty of Ghent'],
  },
  {
    tag: 'stutter_quantized',
    response: 'The the the answer is is (F) (F) (F).',
    pred: 'F', status: 'answered', n: 10,
  },
  {
    tag: 'self_correct_misread',
    response: 'Sodium is the most reactive of these, so the answer is (A).\n\nWait, I misread the question — it asks for the LEAST reactive metal, not the most. Among sodium, iron, copper and gold, gold is the least reactive. The answer is (D).',
    pred: 'D', status: 'answered',
    choices: ['Sodium', 'Iron', 'Copper', 'Gold'],
  },
  {
    tag: 'initially_then_on_reflection',
    response: 'Initially I thought D, but on reflection the Marshall Plan was about rebuilding Western Europe after the war, not about containing Japan, so C is correct.',
    pred: 'C', status: 'answered',
    choices: ['Containing Soviet influence in Asia', 'Rebuilding Japan after 1945', 'Rebuilding Western Europe after the war', 'Containing Japan in the Pacific'],
  },

  // --- NOT / EXCEPT questions and closest options ---
  {
    tag: 'not_question_is_not_required',
    question: 'Which of the following is NOT required for a valid contract?',
    response: 'A valid contract needs an offer, an acceptance and consideration. Most contracts can be made orally, so option C is not required.',
    pred: 'C', status: 'answered',
    choices: ['Offer', 'Acceptance', 'A written document', 'Consideration'],
  },
  {
    tag: 'except_question_exception',
    question: 'All of the following are symptoms of hypothyroidism EXCEPT:',
    response: 'Weight gain, cold intolerance and fatigue all reflect a slowed metabolism. Heat intolerance belongs to hyperthyroidism, not hypothyroidism, so (C) is the exception.',
    pred: 'C', status: 'answered',
    choices: ['Weight gain', 'Cold intolerance', 'Heat intolerance', 'Fatigue'],
  },
  {
    tag: 'not_listed_closest',
    response: "With 8% tax: 45 × 1.08 = $48.60. None of the options shows exactly $48.60; it isn't listed, but the closest is option C ($48.50).",
    pred: 'C', status: 'answered',
    choices: ['$44.00', '$46.20', '$48.50', '$52.10'],
  },
  {
    tag: 'closest_kept',
    response: "My estimate is about 2.3 × 10^5 Pa, which isn't exactly among the choices. The closest option is (D), so I'll go with D.",
    pred: 'D', status: 'answered', n: 10,
  },
  {
    tag: 'closest_withdrawn',
    response: "The calculated work is 3.7 J. The closest option is (F), 4.0 J. But F assumes the gas expands isothermally, and this process is adiabatic, so F can't be right either. None of the given options matches.",
    pred: null, status: ABSTAIN, n: 10,
  },
  {
    tag: 'conclusion_rejects_all',
    response: 'Therefore, (A) is incorrect because the Senate, not the House, ratifies treaties. (B) is incorrect because the President cannot declare war alone. (C) is also incorrect; the Supreme Court plays no part in ratification. (D) is incorrect as well. None of the above is right as stated.',
    pred: null, status: ABSTAIN,
    choices: ['The House ratifies treaties', 'The President may declare war alone', 'The Supreme Court approves treaties', 'States may conclude treaties with foreign nations'],
  },
  {
    // "If I have to pick ... I'll answer B" is a commitment, however reluctant.
    tag: 'least_wrong_pick',
    response: "Honestly, none of these fits perfectly. If I have to pick, B is the least wrong, so I'll answer B.",
    pred: 'B', status: 'answered', n: 4,
  },
  {
    // A single option is favoured and no other is put forward as the answer; "A is also defensible" concedes, not picks.
    tag: 'lean_toward',
    response: "Utilitarianism judges the act by its consequences, and here the outcome clearly maximises overall welfare. I'd lean toward B, though A is also defensible.",
    pred: 'B', status: 'answered', n: 4,
  },

  // --- Committing to nothing ---
  {
    tag: 'hedge_between_two',
    response: "It could be B or D; both seem plausible to me, and I don't have enough information to decide between them.",
    pred: null, status: ABSTAIN,
    choices: ['Negligence', 'Strict liability', 'Battery', 'Nuisance'],
  },
  { tag: 'two_letters_answer', response: 'The answers are A and C.', pred: null, status: ABSTAIN, choices: ['Mercury', 'Venus', 'Earth', 'Mars'] },
  { tag: 'answer_colon_two_letters', response: 'Answer: (B) and (D)', pred: null, status: ABSTAIN, n: 4 },
  {
    tag: 'wavering_no_final',
    response: "The answer is (B). Actually, maybe (C). Or possibly (A) — it's hard to say.",
    pred: null, status: ABSTAIN, n: 4,
  },
  {
    tag: 'refusal_security',
    question: 'Which of the following inputs would exploit a SQL injection flaw in the login form?',
    response: "I'm sorry, but I can't help with exploiting security vulnerabilities.",
    pred: null, status: 'refused',
    choices: ["' OR '1'='1", 'admin', 'password123', '<script>alert(1)</script>'],
  },
  {
    tag: 'refusal_medical',
    response: 'I am not a medical professional and cannot give a diagnosis. Please consult a qualified doctor about these symptoms.',
    pred: null, status: 'refused', n: 4,
  },
  {
    tag: 'asks_clarification',
    response: 'Could you clarify whether the question refers to the short run or the long run? The answer depends on that.',
    pred: null, status: 'no_answer', n: 4,
  },
  { tag: 'empty_reply', response: '', pred: null, status: 'no_answer', n: 4 },
];

export const HOLDOUT_MATH_12: HoldoutMathCase[] = [
  // --- Ordinary replies ---
  {
    tag: 'gsm_hashes',
    response: 'Janet starts with 16 eggs. She eats 3 and bakes with 4, so 16 - 3 - 4 = 9 eggs are left.\nShe sells each for $2, so she makes 9 * 2 = 18 dollars.\n#### 18',
    reference: '18', correct: true, status: 'answered',
  },
  {
    tag: 'answer_is_sentence',
    response: 'Each box holds 12 pencils and there are 7 boxes, so there are 12 × 7 = 84 pencils. Giving away 20 leaves 84 − 20 = 64.\nThe answer is 64.',
    reference: '64', correct: true, status: 'answered',
  },
  {
    tag: 'boxed_integer',
    response: r`The perimeter of the rectangle is $2(15 + 21) = 2 \cdot 36 = 72$.

\boxed{72}`,
    reference: '72', correct: true, status: 'answered',
  },
  {
    tag: 'boxed_fraction',
    response: r`There are 3 favourable outcomes out of 4 equally likely ones, so $P = \frac{3}{4}$, i.e. $\boxed{\frac{3}{4}}$.`,
    reference: r`\frac{3}{4}`, correct: true, status: 'answered',
  },
  {
    tag: 'boxed_wrong',
    response: r`Each of the 4 friends gets 3 stickers and 3 are left over, so there were $4 \times 3 + 3 = 15$ stickers. \boxed{15}`,
    reference: '16', correct: false, status: 'answered',
  },
  { tag: 'terse_number', response: '42', reference: '42', correct: true, status: 'answered' },
  { tag: 'terse_number_wrong', response: '17', reference: '19', correct: false, status: 'answered' },
  {
    tag: 'currency_separator',
    response: 'The original price is $1,500 and the discount is 1/6 of it, $250. So the final price is $1,250.',
    reference: '1250', correct: true, status: 'answered',
  },
  {
    tag: 'percent_final',
    response: 'The price rose from $20 to $25, an increase of $5. As a share of the original: 5/20 = 0.25, so it is a 25% increase.',
    reference: '25', correct: true, status: 'answered',
  },
  {
    tag: 'number_in_words',
    response: 'She starts with twenty marbles, gives away five and loses three, so she has twelve marbles left.',
    reference: '12', correct: true, status: 'answered',
  },
  {
    tag: 'number_in_words_wrong',
    response: 'Half of the 30 students take the bus, that is 15, and one of them walked today, so the answer is fourteen.',
    reference: '15', correct: false, status: 'answered',
  },
  {
    tag: 'boxed_negative',
    response: r`Solving $2x + 9 = 3$: $2x = -6$, so $x = -3$.

\boxed{-3}`,
    reference: '-3', correct: true, status: 'answered',
  },
  {
    tag: 'scientific_notation',
    response: r`There are 400 colonies and each holds 80 bacteria, so the total is $400 \times 80 = 3.2 \times 10^4$.`,
    reference: '32000', correct: true, status: 'answered',
  },
  {
    tag: 'decimal_vs_fraction',
    response: 'Of the 6 faces, 3 are even, so the probability is 3/6 = 0.5.',
    reference: r`\frac{1}{2}`, correct: true, status: 'answered',
  },
  {
    tag: 'money_cents',
    response: 'Two notebooks at $3.75 and one pen at $5.00: 2 × 3.75 + 5.00 = 12.50. She pays $12.50 in total.',
    reference: '12.5', correct: true, status: 'answered',
  },
  {
    tag: 'money_cents_wrong',
    response: 'Three sandwiches at $4.35 each: 3 × 4.35 = 12.05. The total is $12.05.',
    reference: '12.5', correct: false, status: 'answered',
  },
  {
    tag: 'thousands_separators',
    response: 'A thousand bags of a thousand grains each is 1,000 × 1,000 = 1,000,000 grains.',
    reference: '1000000', correct: true, status: 'answered',
  },
  {
    // "2 1/2 cups" is a mixed number to any reader of a recipe problem.
    tag: 'mixed_number',
    response: 'The recipe needs 1 1/4 cups per batch and she makes 2 batches, so she needs 2 1/2 cups of flour.',
    reference: '5/2', correct: true, status: 'answered',
  },
  {
    tag: 'unicode_minus',
    response: 'The temperature drops 10 degrees from 6 °C, so it ends at 6 − 10 = −4. The answer is −4.',
    reference: '-4', correct: true, status: 'answered',
  },
  {
    tag: 'bold_answer_label',
    response: 'Week 1: 14 pages a day × 4 days = 56 pages.\n\n**Answer:** 56',
    reference: '56', correct: true, status: 'answered',
  },
  {
    tag: 'heading_display_math',
    response: r`Adding the two fractions over the common denominator 12: $\frac{1}{3} + \frac{1}{4} = \frac{4}{12} + \frac{3}{12}$.

## Final Answer
$$
\frac{7}{12}
$$`,
    reference: r`\frac{7}{12}`, correct: true, status: 'answered',
  },
  {
    tag: 'chinese_answer',
    response: '小明有 8 个苹果，又买了 7 个，一共有 8 + 7 = 15 个。所以答案是 15。',
    reference: '15', correct: true, status: 'answered',
  },
  {
    tag: 'french_answer_wrong',
    response: 'Il y a 3 rangées de 3 chaises, moins une chaise cassée : 3 × 3 − 1 = 8. Donc la réponse est 8.',
    reference: '9', correct: false, status: 'answered',
  },
  {
    tag: 'bullets_bold_final_units',
    response: '- Step 1: each glass holds 250 mL\n- Step 2: the jug fills exactly 4 glasses, so it holds 1000 mL\n- Step 3: a quarter of the jug is one glass\n- **Final answer: 250 mL**',
    reference: '250', correct: true, status: 'answered',
  },
  {
    tag: 'table_then_total',
    response: '| Day | Pages |\n|---|---|\n| Mon | 40 |\n| Tue | 35 |\n| Wed | 45 |\n| Thu | 30 |\n\nTotal: 150',
    reference: '150', correct: true, status: 'answered',
  },
  {
    tag: 'code_then_sentence',
    response: '```python\nprint(sum(range(1, 101)))\n```\nOutput: 5050\n\nThe sum of the first 100 positive integers is 5050.',
    reference: '5050', correct: true, status: 'answered',
  },
  {
    tag: 'hedged_commit',
    response: "I'm not fully sure about the second step, but I believe the answer is 27.",
    reference: '27', correct: true, status: 'answered',
  },

  // --- Base subscripts ---
  {
    tag: 'base_subscript_dropped',
    response: r`Converting 11 to binary: $11 = 8 + 2 + 1$, which is $1011$ in base 2.

\boxed{1011}`,
    reference: '1011_2', correct: true, status: 'answered',
  },
  {
    tag: 'base_subscript_kept_wrong_digits',
    response: r`Dividing 11 by 2 repeatedly gives remainders 1, 1, 0, 1. Reading them in order: $\boxed{1101_2}$.`,
    reference: '1011_2', correct: false, status: 'answered',
  },
  {
    tag: 'base5_subscript_dropped',
    response: r`$89 = 3 \cdot 25 + 2 \cdot 5 + 4$, so in base 5 the digits are 3, 2, 4. The answer is $\boxed{324}$.`,
    reference: '324_5', correct: true, status: 'answered',
  },
  {
    tag: 'base_subscript_kept',
    response: r`$58 = 2\cdot 27 + 0 \cdot 9 + 1\cdot 3 + 1$, so $58 = \boxed{2011_3}$.`,
    reference: '2011_3', correct: true, status: 'answered',
  },

  // --- Final answer in the last sentence, without a box ---
  {
    tag: 'polynomial_last_sentence',
    response: r`Since $p(-2) = 0$ and $p(-3) = 0$, both $x + 2$ and $x + 3$ are factors. The polynomial is monic of degree 2, and checking $p(0) = 6$ is consistent with $2 \cdot 3 = 6$. Thus the polynomial is $x^2 + 5x + 6$.`,
    reference: 'x^2+5x+6', correct: true, status: 'answered',
  },
  {
    tag: 'polynomial_last_sentence_wrong',
    response: r`The double root at $x = 2$ means $p(x) = (x-2)^2$ up to a constant, and $p(0) = 4$ fixes the constant at 1. Expanding, $p(x) = x^2 - 4x - 4$.`,
    reference: 'x^2-4x+4', correct: false, status: 'answered',
  },
  {
    tag: 'bold_word_last_sentence',
    response: r`We check $f(-x)$: $f(-x) = (-x)^3 - 2(-x) = -x^3 + 2x = -f(x)$. Testing $x = 2$ gives $f(2) = 4$ and $f(-2) = -4$, and $x = 3$ gives 21 and -21. So $f$ is **odd**.`,
    reference: r`\text{odd}`, correct: true, status: 'answered',
  },
  {
    tag: 'last_sentence_stray_numbers',
    response: 'She picked 15 apples on Monday and 27 on Tuesday, 42 in total. She gave 2 apples to each of her 3 neighbours, which is 6 apples, so she has 36 apples left.',
    reference: '36', correct: true, status: 'answered',
  },
  {
    tag: 'right_number_midway_wrong_final',
    response: 'The garden is 9 m by 4 m, so its area is 36 square metres. Adding the 2 square metre shed on top, the total area is 38 square metres. So the answer is 38.',
    reference: '36', correct: false, status: 'answered',
  },
  {
    tag: 'x_equals_last',
    response: r`Subtract 7 from both sides: $3x = 15$. Divide by 3:
x = 5`,
    reference: '5', correct: true, status: 'answered',
  },
  {
    tag: 'equation_of_line',
    response: 'The slope is (8 − 2)/(2 − 0) = 3 and the y-intercept is 2, so the line is y = 3x + 2',
    reference: 'y=3x+2', correct: true, status: 'answered',
  },
  {
    tag: 'complex_last_sentence',
    response: r`Multiplying out, $(2 + i)^2 = 4 + 4i + i^2 = 3 + 4i$. Therefore $z = 3 + 4i$.`,
    reference: '3+4i', correct: true, status: 'answered',
  },
  {
    tag: 'degrees_sentence',
    response: 'The three angles sum to 180°, and two of them are 50° and 70°, so the third angle measures 60°.',
    reference: '60', correct: true, status: 'answered',
  },
  {
    tag: 'probability_slash',
    response: 'There are 8 equally likely outcomes for three coins and 3 of them have exactly two heads. The probability is 3/8.',
    reference: r`\frac{3}{8}`, correct: true, status: 'answered',
  },
  {
    tag: 'probability_slash_wrong',
    response: 'Out of 8 outcomes, those with at least... no, exactly two heads: HHT, HTH, THH, HHH, TTH. That is 5, so the probability is 5/8.',
    reference: r`\frac{3}{8}`, correct: false, status: 'answered',
  },
  {
    tag: 'remainder_sentence',
    response: r`$17 \equiv 2 \pmod 5$, so $17^4 \equiv 2^4 = 16 \equiv 1 \pmod 5$. The remainder is 1.`,
    reference: '1', correct: true, status: 'answered',
  },
  {
    tag: 'gcd_wrong',
    response: 'Using the Euclidean algorithm: 126 = 1 × 84 + 42, then 84 = 2 × 42 + 0... I will divide once more to be safe, 42 / 2 = 21. So gcd(84, 126) = 21.',
    reference: '42', correct: false, status: 'answered',
  },
  {
    tag: 'counting_wrong',
    response: 'Six people around a round table... each seat is different, so 6! = 720 arrangements.',
    reference: '120', correct: false, status: 'answered',
  },
  {
    tag: 'off_by_one_wrong',
    response: 'Multiples of 7 from 1 to 100: 100 / 7 ≈ 14.28, and we round up to include the last one, so there are 15 multiples.',
    reference: '14', correct: false, status: 'answered',
  },

  // --- Box contents in other shapes ---
  {
    tag: 'boxed_answer_label_text',
    response: r`Each of the 6 rows has 4 seats, so $6 \times 4 = 24$.

$\boxed{\text{Answer: } 24}$`,
    reference: '24', correct: true, status: 'answered',
  },
  {
    tag: 'boxed_answer_label_wrong',
    response: r`The number of diagonals of a pentagon is $\frac{5 \cdot 2}{2}$... so $\boxed{answer: 9}$`,
    reference: '5', correct: false, status: 'answered',
  },
  {
    tag: 'boxed_equation',
    response: r`$4x - 7 = 13 \Rightarrow 4x = 20 \Rightarrow \boxed{x = 5}$`,
    reference: '5', correct: true, status: 'answered',
  },
  {
    tag: 'boxed_with_unit',
    response: r`By the Pythagorean theorem the other leg is $\sqrt{13^2 - 12^2} = \sqrt{25} = 5$. \boxed{5 \text{ cm}}`,
    reference: '5', correct: true, status: 'answered',
  },
  {
    tag: 'boxed_percent',
    response: r`The interest is $\frac{40}{800} = 0.05$ of the principal, so the rate is $\boxed{5\%}$.`,
    reference: '5', correct: true, status: 'answered',
  },
  {
    tag: 'boxed_pair',
    response: r`Adding the equations gives $2x = 4$, so $x = 2$ and $y = x - 5 = -3$. The intersection point is $\boxed{(2, -3)}$.`,
    reference: '(2,-3)', correct: true, status: 'answered',
  },
  {
    tag: 'boxed_two_roots',
    response: r`Factoring, $(x-2)(x-5) = 0$, so $x = 2$ or $x = 5$.

\boxed{2, 5}`,
    reference: '2,5', correct: true, status: 'answered',
  },
  {
    tag: 'boxed_interval',
    response: r`The inequality holds for $-2 \le x$ and $x < 3$, so the solution set is $\boxed{[-2, 3)}$.`,
    reference: '[-2,3)', correct: true, status: 'answered',
  },
  {
    tag: 'boxed_sqrt',
    response: r`The diagonal of a square with side $\sqrt{6}$ is $\sqrt{6}\cdot\sqrt{2} = \sqrt{12} = \boxed{2\sqrt{3}}$.`,
    reference: r`2\sqrt{3}`, correct: true, status: 'answered',
  },
  {
    // Unsimplified, but equal to the reference.
    tag: 'boxed_sqrt_unsimplified',
    response: r`The distance is $\sqrt{(3-1)^2 + (4-2)^2 + (2-0)^2} = \boxed{\sqrt{12}}$.`,
    reference: r`2\sqrt{3}`, correct: true, status: 'answered',
  },
  {
    tag: 'boxed_left_right_pair',
    response: r`The midpoint is $\left(\frac{0+1}{2}, \frac{2+4}{2}\right) = \boxed{\left(\frac{1}{2}, 3\right)}$.`,
    reference: r`\left(\frac{1}{2},3\right)`, correct: true, status: 'answered',
  },
  {
    tag: 'boxed_vector',
    response: r`Subtracting, $\mathbf{b} - \mathbf{a} = \begin{pmatrix} 4 - 3 \\ 7 - 5 \end{pmatrix} = \boxed{\begin{pmatrix} 1 \\ 2 \end{pmatrix}}$.`,
    reference: r`\begin{pmatrix} 1 \\ 2 \end{pmatrix}`, correct: true, status: 'answered',
  },
  {
    tag: 'boxed_trig',
    response: r`Since $\theta = \frac{\pi}{3}$, $\sin\theta = \boxed{\frac{\sqrt{3}}{2}}$.`,
    reference: r`\frac{\sqrt{3}}{2}`, correct: true, status: 'answered',
  },
  {
    tag: 'boxed_trig_wrong',
    response: r`At $\theta = \frac{\pi}{3}$ we have $\sin\theta = \cos\frac{\pi}{3}$... so $\sin\theta = \boxed{\frac{1}{2}}$.`,
    reference: r`\frac{\sqrt{3}}{2}`, correct: false, status: 'answered',
  },
  {
    tag: 'boxed_sign_wrong',
    response: r`Moving terms: $3x - 21 = 0$ gives $3x = -21$, so $x = \boxed{-7}$.`,
    reference: '7', correct: false, status: 'answered',
  },
  {
    tag: 'boxed_rounded_wrong',
    response: r`The mean is $\frac{2 + 3 + 4 + 5}{4} = 3.5$, which rounds to $\boxed{4}$.`,
    reference: '3.5', correct: false, status: 'answered',
  },
  {
    tag: 'minerva_style',
    response: r`The two consecutive terms give the ratio $\frac{5}{2}$.
Final Answer: The final answer is $\frac{5}{2}$. I hope it is correct.`,
    reference: r`\frac{5}{2}`, correct: true, status: 'answered',
  },
  {
    tag: 'minerva_style_wrong',
    response: r`Counting the lattice points on the segment gives 7.
Final Answer: The final answer is $7$. I hope it is correct.`,
    reference: '8', correct: false, status: 'answered',
  },

  // --- Corrections and several answers ---
  {
    tag: 'self_correct_to_right',
    response: r`$3x = 12$, so $x = 4$. Wait, I dropped the $+2$: the equation is $3x + 2 = 20$, so $3x = 18$ and $x = 6$.

\boxed{6}`,
    reference: '6', correct: true, status: 'answered',
  },
  {
    tag: 'self_correct_to_wrong',
    response: r`There are 2 adults and 4 children, so $\boxed{6}$ people. Hmm, actually I think I should count the teacher too, so the answer is 7.`,
    reference: '6', correct: false, status: 'answered',
  },
  {
    tag: 'two_boxes_second_wins',
    response: r`First attempt: \boxed{5}.
Correction: I double counted the corner seat. The correct count is \boxed{4}.`,
    reference: '4', correct: true, status: 'answered',
  },
  {
    tag: 'intermediate_box_overruled',
    response: r`Pairing the guests, there are $\boxed{4}$ pairs. But the question asks for the number of people at the table: each pair is 2 people, plus the host, so the answer is 9.`,
    reference: '9', correct: true, status: 'answered',
  },
  {
    tag: 'restated_final',
    response: 'The answer is 10.\n\nHmm, rereading: the question asks for the total including the original 2 birds, so 12 is the final answer.',
    reference: '12', correct: true, status: 'answered',
  },
  {
    tag: 'invented_followup_math',
    response: 'Sam had 12 cards and his brother gave him 18, so 12 + 18 = 30.\n#### 30\n\nQuestion: Tom has 15 apples and buys 30 more. How many apples does he have?\nAnswer: 15 + 30 = 45\n#### 45',
    reference: '30', correct: true, status: 'answered',
  },
  {
    tag: 'base_model_continuation',
    response: ' 8\n\nQ: A baker makes 3 trays of 12 cookies. How many cookies does he make?\nA: 36\n\nQ: Lisa has',
    reference: '8', correct: true, status: 'answered', truncated: true,
  },
  {
    tag: 'answer_then_verification_loop',
    response: 'There are 3 rows of 4 tiles, so the answer is 12.\n\nLet me double check: 3 × 4 = 12. Yes.\nLet me double check: 3 × 4 = 12. Yes.\nLet me double check: 3 × 4 = 12. Yes.\nLet me double check: 3 × 4 = 12. Yes.\nLet me double check:',
    reference: '12', correct: true, status: 'answered', truncated: true,
  },
  {
    tag: 'box_then_cut_verification',
    response: r`There are 9 rows of 5 chairs, so $\boxed{45}$.

Let me also verify another way: $45 = 9 \times 5$, and each of the nine rows has`,
    reference: '45', correct: true, status: 'answered', truncated: true,
  },
  {
    tag: 'think_then_boxed',
    response: r`<think>
She reads 6 pages on weekdays, that is 5 × 6 = 30, and 12 pages on each weekend day... wait, is it 12 in total or per day? Per day, so 24 for the weekend... no, the problem says 12 pages over the weekend, total. Hmm, re-reading: "12 pages on each weekend day". OK, 24. But the question asks only for the weekend, so 24.
</think>

The answer is \boxed{24}.`,
    reference: '24', correct: true, status: 'answered',
  },

  // --- No final answer ---
  {
    tag: 'either_or_hedge',
    response: 'The answer is either 4 or 6, depending on whether we count the endpoints.',
    reference: '4', correct: false, status: ABSTAIN,
  },
  {
    tag: 'cut_mid_equation_flagged',
    response: 'Let the width be w. Then the length is 2w + 3, and the perimeter gives 2(w + 2w + 3) = 54, so 6w + 6 = 54, 6w = 48, w = ',
    reference: '8', correct: false, status: 'truncated', truncated: true,
  },
  {
    tag: 'cut_mid_expression_unflagged',
    response: 'Four boxes of 15 and six boxes of 9: Total = 4 × 15 + 6 × 9 = 60 + 54 =',
    reference: '114', correct: false, status: 'truncated',
  },
  {
    tag: 'open_think_cut',
    response: '<think>\nWe need the number of 3-person committees from 8 people. That is C(8,3) = 8·7·6 / (3·2·1) = ',
    reference: '56', correct: false, status: 'truncated', truncated: true,
  },
  {
    tag: 'loop_no_answer',
    response: 'We need to find the value of n. We need to find the value of n. We need to find the value of n. We need to find the value of n. We need to find the value of n. We need to find the value of n. We need to find the',
    reference: '10', correct: false, status: 'truncated', truncated: true,
  },
  {
    tag: 'refusal',
    response: "I'm sorry, but I can't help with that request.",
    reference: '42', correct: false, status: 'refused',
  },
  {
    tag: 'missing_information',
    response: 'This problem cannot be solved without knowing the radius of the circle. Please provide the radius.',
    reference: r`16\pi`, correct: false, status: ['no_answer', 'refused'],
  },
];
