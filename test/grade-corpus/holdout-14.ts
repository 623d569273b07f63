/**
 * Hold-out batch 14 for issue 18: written blind (without reading lib/grade, the tuning corpus, docs/grading.md or
 * the earlier batches' cases, and without running the grader on these cases), in the styles small local models
 * (1-8B GGUF; chat, base-model few-shot and reasoning models with <think> blocks; quantized down to Q2_K) write on
 * MMLU-Pro-style 10-option and 4-option questions and on GSM8K/MATH-style problems. Its sha256 was recorded in
 * holdout-14.sha256 before its first run. Do not tune the extractors against these cases: reproduce a miss as a
 * tuning case in other wording instead.
 *
 * Styles covered. Multiple choice: plain "answer is (X)" / "Answer: X" / bare letters / bold / boxed / JSON / XML /
 * markdown headings and tables; letters named in prose ("(option C)", "Option G", "is B. <text>", quoted with the
 * option text, "corresponds to (D)"); answers given only by option text; "not listed, but closest to"; NOT/EXCEPT
 * questions where "is not ..." names the answer; eliminations and option-by-option walk-throughs (finished, and cut
 * off); corrections and withdrawn choices; loops after a committed answer; invented follow-up questions and Human/
 * Assistant turns; few-shot echoes before the real answer; <think> blocks (agreeing, disagreeing, cut off, looping);
 * hedges that still commit, hedges that do not; several answers; refusals; empty and garbled Q2_K output; stutter;
 * Spanish, German, French and Chinese replies; Roman-numeral statement questions; pronoun "I" and article "A".
 * Math: "####", "The answer is", \boxed{} (fractions, roots, intervals, pairs, vectors, units, degrees, "answer:"
 * inside the box), Minerva "Final Answer" lines, base subscripts (present, missing, wrong), final answers in the last
 * sentence (numbers, polynomials, equations, words), stray numbers in the reasoning, number words, separators,
 * decimal commas, currency, percents, scientific notation, mixed numbers, unicode minus, hours-and-minutes,
 * corrections (to right and to wrong), conditional alternatives, loops after the answer, invented follow-up problems
 * (whose answer would match the gold), <think> blocks, JSON and tables, other languages, cut-offs, refusals and
 * replies that commit to nothing or to two answers. About a third of math cases are wrong or unanswered.
 */
import type { HoldoutMathCase, HoldoutMcCase } from './holdout.ts';
import type { GradeStatus } from '../../lib/grade/types.ts';

const r = String.raw;
const NONE: GradeStatus[] = ['no_answer', 'ambiguous'];

const ORGANELLE = ['Nucleus', 'Ribosome', 'Chloroplast', 'Golgi apparatus', 'Lysosome', 'Mitochondrion', 'Vacuole', 'Centriole', 'Peroxisome', 'Cell wall'];
const MONEY = [
  'It lowers the reserve requirement',
  'It raises the discount rate',
  'It sells government bonds',
  'It decreases the money supply',
  'It raises income taxes',
  'It increases the money supply',
  'It cuts government spending',
  'It fixes the exchange rate',
  'It has no effect on the money supply',
  'It raises the federal funds target',
];
const SPEED = ['1.5 m/s', '2.5 m/s', '3.0 m/s', '4.5 m/s', '5.0 m/s', '6.2 m/s', '7.1 m/s', '8.0 m/s', '9.4 m/s', '10.0 m/s'];
const LIVER = ['Bile production', 'Glycogen storage', 'Insulin secretion', 'Detoxification of drugs', 'Synthesis of albumin', 'Urea formation', 'Storage of vitamin A', 'Production of clotting factors', 'Breakdown of old red cells', 'Cholesterol synthesis'];
const PSYCH = ['Sigmund Freud', 'B. F. Skinner', 'Jean Piaget', 'Carl Rogers', 'Ivan Pavlov', 'Albert Bandura', 'Abraham Maslow', 'Erik Erikson', 'John Watson', 'Wilhelm Wundt'];
const STATEMENTS = ['I only', 'I and III only', 'II and III only', 'I, II and III'];
const FLU = ['Fever', 'Cough', 'Muscle aches', 'Hair loss'];
const AD = [
  'Decreased aggregate demand',
  'Higher unemployment',
  'Increased aggregate demand',
  'A leftward shift of aggregate supply',
  'Lower nominal wages',
  'A fall in the price level',
  'A budget surplus',
  'Deflation',
  'Reduced imports',
  'None of the above',
];
const PLANETS = ['Mercury', 'Venus', 'Earth', 'Mars', 'Jupiter', 'Saturn', 'Uranus', 'Neptune', 'Pluto', 'Ceres'];
const TORT = [
  'Negligence',
  'Battery',
  'Assault',
  'False imprisonment',
  'Trespass to land',
  'Conversion',
  'Defamation',
  'Strict liability',
  'Nuisance',
  'None of the above',
];
const HALFLIFE = ['5 years', '10 years', '15 years', '20 years', '25 years', '30 years', '40 years', '50 years', '60 years', '80 years'];

const OPP_COST = ['Sunk cost', 'Marginal cost', 'Opportunity cost', 'Fixed cost', 'Variable cost', 'Average cost', 'Explicit cost', 'Transaction cost', 'Implicit subsidy', 'Deadweight loss'];
const KANT = [
  'Act so as to maximize total happiness',
  'Follow the rules your society endorses',
  'Do whatever a virtuous person would do',
  'Act from self-interest in the long run',
  'Obey divine commands',
  'Avoid all harm to sentient beings',
  'Act on whatever desire is strongest',
  'Keep promises only when it is useful',
  'Seek the mean between two extremes',
  'Act only on maxims you can will as universal laws',
];
const NET_FORCE = ['It is increasing', 'It points forward', 'It equals the weight', 'It is zero', 'It equals the friction force', 'It points backward', 'It equals mass times speed', 'It is undefined', 'It doubles', 'It is negative'];
const DEMAND = ['需求量增加', '需求量减少', '供给减少', '需求曲线右移', '价格下降', '没有影响', '供给曲线左移', '均衡数量增加', '消费者剩余增加', '生产者剩余减少'];
const SEARCH = [
  'The evidence is excluded as fruit of the poisonous tree',
  'The search was invalid because no warrant was issued',
  'The defendant lacks standing to object',
  'The evidence is excluded under Miranda',
  'The search was valid as incident to arrest',
  'The search was invalid because consent was coerced',
  'The evidence is admissible under the plain view exception',
  'The search was valid under the automobile exception',
  'The evidence is admissible because of inevitable discovery',
  'The search was invalid under the Fifth Amendment',
];
const BIG_O = ['O(log n)', 'O(n)', 'O(n log n)', 'O(1)'];
const TARIFF = [
  'It lowers domestic prices',
  'It raises the quantity imported',
  'It increases consumer surplus',
  'It has no effect on prices',
  'It lowers government revenue',
  'It shifts domestic demand left',
  'It lowers domestic production',
  'It raises the world price',
  'It eliminates deadweight loss',
  'It raises the domestic price and lowers the quantity imported',
];
const POWER = ['6 W', '12 W', '18 W', '20 W', '24 W', '36 W', '48 W', '54 W', '72 W', '96 W'];
const MULTIPLIER = ['0.2', '0.8', '1.25', '2', '4', '5', '8', '10', '20', 'Infinite'];

export const HOLDOUT_MC_14: HoldoutMcCase[] = [
  // Ordinary replies.
  { tag: 'answer_is_paren', response: 'The answer is (B).', pred: 'B', status: 'answered', n: 10 },
  { tag: 'chat_bold_option_text', response: 'Photosynthesis takes place in a specific organelle of plant cells that contains chlorophyll. The light reactions occur in the thylakoid membranes and the Calvin cycle in the stroma.\n\nTherefore, the correct answer is **C. Chloroplast**.', pred: 'C', status: 'answered', choices: ORGANELLE },
  { tag: 'answer_colon', response: 'Answer: G', pred: 'G', status: 'answered', n: 10 },
  { tag: 'bare_letter', response: 'J', pred: 'J', status: 'answered', n: 10 },
  { tag: 'bare_paren_letter', response: '(E)', pred: 'E', status: 'answered', n: 10 },
  { tag: 'markdown_heading', response: '### Reasoning\nThe defendant intentionally caused harmful contact with the plaintiff, which is the definition of battery; no apprehension is required.\n\n### Final Answer\n**B**', pred: 'B', status: 'answered', choices: TORT },
  { tag: 'steps_then_answer', response: "Step 1: The half-life is the time for half of the sample to decay.\nStep 2: 100 g falls to 25 g, which is two half-lives.\nStep 3: Two half-lives took 40 years, so one half-life is 20 years.\n\nSo the answer is (D).", pred: 'D', status: 'answered', choices: HALFLIFE },
  { tag: 'letter_dot_text_explained', response: 'E. Because the firm maximizes profit where marginal revenue equals marginal cost, and in perfect competition marginal revenue equals price.', pred: 'E', status: 'answered', n: 10 },
  { tag: 'answer_is_colon_with_text', response: 'A 10-bit address space contains 2^10 locations.\n\nThe answer is: (I) 1024', pred: 'I', status: 'answered', n: 10 },
  { tag: 'bold_paren_sentence', response: '**(B)** is the correct choice, since raising the discount rate makes borrowing from the central bank more expensive.', pred: 'B', status: 'answered', choices: MONEY },
  { tag: 'arrow_answer', response: 'Key idea: sound travels faster in solids than in gases because of their higher stiffness.\nCorrect answer → H', pred: 'H', status: 'answered', n: 10 },
  { tag: 'bracket_caps', response: 'ANSWER: [D]', pred: 'D', status: 'answered', n: 10 },
  { tag: 'answer_is_option_paren', response: "Kant's categorical imperative says to act only on maxims you could will as universal laws. The answer is option (J).", pred: 'J', status: 'answered', choices: KANT },
  { tag: 'lowercase_final_line', response: 'the bond between the two carbons is a double bond so the molecule is planar\nanswer: h', pred: 'H', status: 'answered', n: 10 },
  { tag: 'letter_paren_only', response: 'E)', pred: 'E', status: 'answered', n: 10 },
  { tag: 'four_option_lower_paren', response: 'Answer: (b)', pred: 'B', status: 'answered', n: 4 },
  { tag: 'final_answer_after_long', response: "Let's look at each claim. The Treaty of Westphalia (1648) ended the Thirty Years' War, not the Hundred Years' War, so A and B mix up the wars. C dates it to 1748, which is the Treaty of Aix-la-Chapelle. D and E concern the Peace of Augsburg. F claims it created the Holy Roman Empire, which existed since 800. G says it established the principle of state sovereignty, which is the standard textbook view. H and I are about the Congress of Vienna.\n\nFinal answer: G", pred: 'G', status: 'answered', n: 10 },
  { tag: 'answer_then_signoff', response: 'The correct answer is (A) Sigmund Freud, who proposed the id, ego and superego.\n\nLet me know if you have any other questions!', pred: 'A', status: 'answered', choices: PSYCH },
  { tag: 'boxed_letter', response: r`The kinetic energy doubles when the speed grows by a factor of $\sqrt{2}$.

$\boxed{C}$`, pred: 'C', status: 'answered', n: 10 },
  { tag: 'boxed_text_paren', response: r`Thus the only consistent choice is $\boxed{\text{(G)}}$.`, pred: 'G', status: 'answered', n: 10 },
  { tag: 'repeats_option_list_then_answer', response: 'A) Mercury\nB) Venus\nC) Earth\nD) Mars\nE) Jupiter\nF) Saturn\nG) Uranus\nH) Neptune\nI) Pluto\nJ) Ceres\n\nVenus has a thick CO2 atmosphere and a runaway greenhouse effect, making it the hottest planet.\nAnswer: B', pred: 'B', status: 'answered', choices: PLANETS },
  { tag: 'pronoun_i_then_letter', response: 'I think the answer is D, because the contract was never accepted in writing.', pred: 'D', status: 'answered', n: 10 },
  { tag: 'option_i_pronoun_before', response: 'I believe the correct answer is (I).', pred: 'I', status: 'answered', n: 10 },
  { tag: 'article_a_then_letter', response: 'A careful look at the units shows the quantity is a pressure, so the answer is F.', pred: 'F', status: 'answered', n: 10 },
  { tag: 'not_question_plain', question: 'Which of the following is NOT a typical symptom of influenza?', response: 'Fever, cough and muscle aches are all classic flu symptoms. Hair loss is not associated with influenza.\n\nAnswer: (D) Hair loss', pred: 'D', status: 'answered', choices: FLU },
  { tag: 'roman_statements', question: 'Which of the statements I, II, III about enzymes are true?', response: 'Statement I is true: enzymes lower the activation energy. Statement II is false: enzymes are not consumed in the reaction. Statement III is true: most enzymes are proteins.\n\nStatements I and III are true, so the answer is (B).', pred: 'B', status: 'answered', choices: STATEMENTS },
  { tag: 'roman_statements_short', response: 'II and III only -> C', pred: 'C', status: 'answered', choices: STATEMENTS },

  // Letters inside prose.
  { tag: 'prose_option_paren', response: 'Giving up the evening shift to attend class means forgoing the wages she would have earned. That lost income is the true cost of her choice, which is exactly what economists call opportunity cost (option C).', pred: 'C', status: 'answered', choices: OPP_COST },
  { tag: 'prose_option_word', response: 'The ruling turned on whether the search was reasonable without a warrant. Since the officers had probable cause and the evidence was in plain view, the exception applies. Given all this, Option G best describes the outcome.', pred: 'G', status: 'answered', choices: SEARCH },
  { tag: 'prose_is_letter_text', response: 'The organelle that produces most of the ATP in a eukaryotic cell through oxidative phosphorylation is F. Mitochondrion, often called the powerhouse of the cell.', pred: 'F', status: 'answered', choices: ORGANELLE },
  { tag: 'quoted_with_text', response: 'When the Fed buys bonds on the open market it pays with newly created reserves. The best fit is "F) It increases the money supply".', pred: 'F', status: 'answered', choices: MONEY },
  { tag: 'id_go_with', response: "Honestly the wording is tricky, but I'd go with option H here since the other ones ignore friction entirely.", pred: 'H', status: 'answered', n: 10 },
  { tag: 'corresponds_to_letter', response: 'Using v = d / t = 90 m / 20 s gives v = 4.5 m/s, which corresponds to (D).', pred: 'D', status: 'answered', choices: SPEED },
  { tag: 'not_listed_closest', response: 'Using conservation of energy, v = sqrt(2gh) = sqrt(2 * 9.8 * 1.1) = 4.64 m/s. This exact value is not listed, but the closest is option D (4.5 m/s).', pred: 'D', status: 'answered', choices: SPEED },
  { tag: 'text_only_matches_option', response: 'The scientist who demonstrated classical conditioning by pairing a bell with food in dogs was Ivan Pavlov.', pred: 'E', status: 'answered', choices: PSYCH },
  { tag: 'bold_text_only_answer', response: '**Answer:** Increased aggregate demand\n\nA tax cut leaves households with more disposable income, so consumption rises and the AD curve shifts right.', pred: 'C', status: 'answered', choices: AD },
  { tag: 'not_question_is_not', question: 'Which of the following is NOT a function of the liver?', response: 'The liver produces bile, stores glycogen, detoxifies drugs, makes albumin and clotting factors, and forms urea. Insulin, however, comes from the beta cells of the pancreas, so option C is not a liver function.', pred: 'C', status: 'answered', choices: LIVER },
  { tag: 'except_question', question: 'All of the following are intentional torts EXCEPT:', response: 'Battery, assault, false imprisonment, trespass to land and conversion all require intent. Negligence is the failure to use reasonable care, which needs no intent. All of these are intentional torts except option A.', pred: 'A', status: 'answered', choices: TORT },
  { tag: 'not_abc_it_is_d', response: 'The correct answer is not A, B or C; it is D, because only D accounts for both the income and the substitution effect.', pred: 'D', status: 'answered', n: 10 },
  { tag: 'both_then_option', response: 'Both statements are correct, so the answer is both A and B, i.e. option C.', pred: 'C', status: 'answered', choices: ['Only statement A', 'Only statement B', 'Both A and B', 'Neither A nor B'] },
  { tag: 'none_of_above_option', response: 'A tax increase would shrink demand, and none of A through I matches a rise in government transfers. None of the above.', pred: 'J', status: 'answered', choices: AD },
  { tag: 'all_options_judged', response: 'Thus, (A) is incorrect, (B) is incorrect, (C) is correct, and (D) is incorrect.', pred: 'C', status: 'answered', n: 4 },

  // Several answers, corrections, loops, invented follow-ups, echoes.
  { tag: 'correction_later', response: 'The answer is (B).\n\nActually, I made an error: the current through the 6-ohm branch is 2 A, not 3 A, so the power is 24 W. That makes the answer (E).', pred: 'E', status: 'answered', choices: POWER },
  { tag: 'lean_then_commit', response: "It's between (D) and (G). The treaty was signed after the war ended, and only (G) places it in the right decade, so (G) fits better.\n\nAnswer: G", pred: 'G', status: 'answered', n: 10 },
  { tag: 'or_then_more_precisely', response: 'The answer is (A) or (B). More precisely, since the sample is paired, it is (B).', pred: 'B', status: 'answered', n: 10 },
  { tag: 'both_correct_choose_one', response: 'Both A and C describe valid defenses, but since only one answer is allowed, I will choose A because it is the complete defense.', pred: 'A', status: 'answered', n: 10 },
  { tag: 'self_consistency_majority', response: 'Attempt 1: B\nAttempt 2: B\nAttempt 3: D\nMajority vote: B', pred: 'B', status: 'answered', n: 10 },
  { tag: 'loop_same_answer', response: 'So the answer is (C). So the answer is (C). So the answer is (C). So the answer is (C). So the answer is (C). So the answer is (C). So the answer is (C). So the answer is (C). So the answer is', truncated: true, pred: 'C', status: 'answered', n: 10 },
  { tag: 'loop_doubt_after_answer', response: 'Based on the Keynesian multiplier, the answer is (F).\n\nBut is it (F)? Let me verify. The multiplier is 1/(1-0.8) = 5. So (F). But is it (F)? Let me verify. The multiplier is 1/(1-0.8) = 5. So (F). But is it (F)? Let me verify. The multiplier is 1/(1-0.8) = 5. So (F). But is it (F)? Let me verify. The multiplier is', truncated: true, pred: 'F', status: 'answered', choices: MULTIPLIER },
  { tag: 'invented_followup_question', response: 'Answer: D\n\nQuestion 2: Which of the following best describes the function of the Golgi apparatus?\nA. Protein synthesis\nB. Modifying and packaging proteins\nC. ATP production\nD. Lipid storage\nAnswer: B', pred: 'D', status: 'answered', n: 10 },
  { tag: 'base_invented_next_q', response: " Let's think step by step. A sonnet has fourteen lines, and the Shakespearean form ends with a rhymed couplet. The answer is (I).\n\nQuestion: The following are multiple choice questions (with answers) about world history. Which empire built Machu Picchu?\nOptions: A. Aztec B. Maya C. Inca D. Olmec\nAnswer: Let's think step by step. Machu Picchu was built in the 15th century by the Inca. The answer is (C).", pred: 'I', status: 'answered', n: 10 },
  { tag: 'human_assistant_turns', response: 'The answer is (C).\n\nHuman: Thanks! Next one: what is the SI unit of capacitance?\n\nAssistant: The SI unit of capacitance is the farad, so the answer is (A).', pred: 'C', status: 'answered', n: 10 },
  { tag: 'base_letter_then_question', response: ' (C)\n\nQuestion: What is the capital of Australia?\n(A) Sydney (B) Melbourne (C) Canberra (D) Perth\nAnswer: (C)\n\nQuestion: Which gas', truncated: true, pred: 'C', status: 'answered', n: 10 },
  { tag: 'fewshot_echo_then_answer', question: 'Which planet has the shortest orbital period?', response: 'Q: Which planet is known as the Red Planet?\nA: Mars is red because of iron oxide on its surface. The answer is (D).\n\nQ: Which planet has the shortest orbital period?\nA: The planet closest to the Sun moves fastest and has the shortest path, so Mercury has the shortest year. The answer is (A).', pred: 'A', status: 'answered', choices: PLANETS },
  { tag: 'think_agrees', response: '<think>\nThe question asks for the hottest planet. Mercury is closest, so maybe A. But Venus has a thick atmosphere that traps heat, so its surface is hotter than Mercury. So B.\n</think>\n\nThe answer is B.', pred: 'B', status: 'answered', choices: PLANETS },
  { tag: 'think_disagrees_final_wins', response: "<think>\nOkay, the reaction is exothermic, so raising temperature shifts equilibrium left. That sounds like D. Hmm, wait, the question asks about the rate, not the equilibrium position. Higher temperature increases the rate constant regardless. So it's actually H, not D.\n</think>\n\n**Answer: H**\n\nRaising the temperature always increases the rate of reaction, even for exothermic reactions.", pred: 'H', status: 'answered', n: 10 },
  { tag: 'think_final_after_long', response: "<think>\nLet me recall Piaget's stages: sensorimotor (0-2), preoperational (2-7), concrete operational (7-11), formal operational (12+). Conservation is mastered in the concrete operational stage. Which option names Piaget? C. The question asks who proposed the theory of cognitive development stages. Erikson proposed psychosocial stages, that's H, not it. So C.\n</think>\nJean Piaget proposed the four stages of cognitive development.\n\nThe answer is (C).", pred: 'C', status: 'answered', choices: PSYCH },
  { tag: 'stutter_quantized', response: 'The the answer answer is is (D) (D). The answer is (D)', pred: 'D', status: 'answered', n: 10 },
  { tag: 'stutter_letter_repeat', response: 'Answer: E E E E E E E E E E E E E E E E E E E E E E E E E', truncated: true, pred: 'E', status: 'answered', n: 10 },
  { tag: 'answer_then_cut', response: 'The answer is (G). To explain further, the reason the court rejected the argument is that the statute', truncated: true, pred: 'G', status: 'answered', n: 10 },
  { tag: 'hedged_commit', response: "I'm not completely sure about this one, but I think it's (H).", pred: 'H', status: 'answered', n: 10 },
  { tag: 'lean_toward', response: "I'd lean toward (C); (E) is plausible too, but it ignores the time value of money.", pred: 'C', status: 'answered', n: 10 },
  { tag: 'elimination', response: 'We can eliminate A and C because they describe fiscal policy, D and E because they ignore expectations, and B, F, H, I and J because they contradict the data in the table. That leaves G.', pred: 'G', status: 'answered', n: 10 },
  { tag: 'json_answer', response: '{"answer": "F", "confidence": 0.7, "reasoning": "Buying bonds adds reserves to banks."}', pred: 'F', status: 'answered', choices: MONEY },
  { tag: 'xml_answer', response: '<reasoning>Entropy of an isolated system never decreases.</reasoning>\n<answer>I</answer>', pred: 'I', status: 'answered', n: 10 },
  { tag: 'table_then_answer', response: '| Option | Correct? | Why |\n|---|---|---|\n| A | ✘ | Mercury has almost no atmosphere |\n| B | ✔ | Runaway greenhouse effect |\n| C | ✘ | Earth is temperate |\n| D | ✘ | Mars is cold |\n\n**Answer: B**', pred: 'B', status: 'answered', choices: PLANETS },
  { tag: 'table_only_yes', response: '| Option | Is it an intentional tort? |\n|---|---|\n| A | No |\n| B | Yes |\n| C | Yes |\n| D | Yes |\n\nOnly one option is not intentional: **A**.', question: 'Which of the following is NOT an intentional tort?', pred: 'A', status: 'answered', choices: TORT },
  { tag: 'spanish', response: 'La fuerza neta es cero porque la velocidad es constante. La respuesta correcta es la (D).', pred: 'D', status: 'answered', choices: NET_FORCE },
  { tag: 'chinese', response: '根据供求关系，价格上升会导致需求量减少。答案是 B。', pred: 'B', status: 'answered', choices: DEMAND },
  { tag: 'german', response: 'Die Halbwertszeit beträgt 20 Jahre, also ist die richtige Antwort D.', pred: 'D', status: 'answered', choices: HALFLIFE },
  { tag: 'french', response: 'Le rendement est maximal lorsque la température de la source froide est minimale.\n\nRéponse : (A)', pred: 'A', status: 'answered', n: 10 },

  { tag: 'conclusion_dash', response: 'Conclusion: the best answer is J — a tariff raises the domestic price and lowers the quantity imported.', pred: 'J', status: 'answered', choices: TARIFF },
  { tag: 'letter_first_then_reasoning', response: '**D**\n\nReasoning: the Bill of Rights originally restrained only the federal government; incorporation against the states came through the Fourteenth Amendment.', pred: 'D', status: 'answered', n: 10 },
  { tag: 'final_choice_word', response: 'A binary search halves the interval each step, so its running time is logarithmic.\n\nMy final choice: (A).', pred: 'A', status: 'answered', choices: BIG_O },
  { tag: 'visible_cut_no_flag', response: 'To find the equilibrium we set supply equal to demand: 40 - 2P = 10 + 4P, so 6P = 30 and P = 5. The key point here is that the', pred: null, status: 'truncated', n: 10 },
  // Committing to nothing.
  { tag: 'empty', response: '', pred: null, status: 'no_answer', n: 10 },
  { tag: 'consider_each_cut', response: "Let's consider each choice:\n(A) Mercury\n(B) Venus\n(C) Ea", truncated: true, pred: null, status: 'truncated', choices: PLANETS },
  { tag: 'correct_answer_colon_relist_cut', response: 'The correct answer:\n\nA. Lowers the reserve requirement\nB. Raises the discount rate\nC. Sells government', truncated: true, pred: null, status: 'truncated', choices: MONEY },
  { tag: 'walkthrough_cut', response: '(A) is false because the reaction is endothermic.\n(B) is false since the catalyst does not shift the equilibrium.\n(C) is false: pressure has no effect when moles of gas are equal.\n(D) is', truncated: true, pred: null, status: 'truncated', n: 10 },
  { tag: 'all_rejected_none', response: 'Therefore, (A) is incorrect because the statute was repealed. (B) is wrong because there was no consideration. (C) is also incorrect, as the offer lapsed. None of the options is correct.', pred: null, status: NONE, n: 4 },
  { tag: 'closest_withdrawn', response: 'None of the options equals 7.3 m/s exactly. The closest option is (F). But wait, F assumes constant pressure, which contradicts the setup, so F cannot be right either. I cannot find a matching option.', pred: null, status: 'no_answer', n: 10 },
  { tag: 'two_answers', response: 'It could be (B) or (D), depending on whether the court applies the objective or the subjective test.', pred: null, status: 'ambiguous', n: 10 },
  { tag: 'both_correct_no_choice', response: 'Both A and C are correct.', pred: null, status: 'ambiguous', n: 4 },
  { tag: 'multi_select', response: 'Answer: A, B', pred: null, status: 'ambiguous', n: 10 },
  { tag: 'only_negation', response: "It's definitely not (B); the other options would all need more information to decide.", pred: null, status: 'no_answer', n: 10 },
  { tag: 'refusal_safety', response: "I'm sorry, but I can't help with questions about synthesizing explosive compounds.", pred: null, status: 'refused', n: 10 },
  { tag: 'refusal_medical', response: 'As an AI language model, I cannot provide medical advice about dosing. Please consult a licensed physician or pharmacist.', pred: null, status: 'refused', n: 10 },
  { tag: 'needs_more_info', response: 'This question depends on facts about the specific contract that are not provided, so it cannot be answered as stated.', pred: null, status: 'no_answer', n: 10 },
  { tag: 'value_not_in_options', response: 'W = F * d = 6 N * 7 m = 42 J. The answer is 42 J.', pred: null, status: 'no_answer', choices: ['12 J', '24 J', '30 J', '36 J', '48 J', '54 J', '60 J', '72 J', '84 J', '96 J'] },
  { tag: 'cut_before_letter', response: 'After evaluating all of the options carefully, the answer is (', truncated: true, pred: null, status: 'truncated', n: 10 },
  { tag: 'garbage_loop', response: 'ournal ournal ournal ournal ournal ournal ournal ournal ournal ournal ournal ournal ournal ournal ournal ournal ournal ournal ournal ournal ournal ournal ournal ournal', truncated: true, pred: null, status: 'truncated', n: 10 },
  { tag: 'think_loop_no_answer', response: '<think>\nThe price elasticity is the percent change in quantity over percent change in price. Quantity fell 10%, price rose 5%, so elasticity is -2. Wait, let me recompute. Quantity fell 10%, price rose 5%, so elasticity is -2. Wait, let me recompute. Quantity fell 10%, price rose 5%, so elasticity is -2. Wait, let me recompute. Quantity fell 10%, price rose', truncated: true, pred: null, status: 'truncated', n: 10 },
  { tag: 'think_cut_off', response: '<think>\nOkay, so the question is about the Miranda warning. The suspect was not in custody when he made the statement, so Miranda might not apply. Option D says the statement is admissible because', truncated: true, pred: null, status: 'truncated', n: 10 },
  { tag: 'garbled_q2k_complete', response: 'mitochondrial the of yes function and 45 the is energy of', pred: null, status: 'no_answer', n: 10 },
  { tag: 'explains_no_commit', response: 'Opportunity cost is the value of the next best alternative forgone. Sunk costs, by contrast, are costs already incurred that cannot be recovered and should not affect future decisions. Marginal cost is the cost of one more unit.', pred: null, status: 'no_answer', choices: OPP_COST },
];

export const HOLDOUT_MATH_14: HoldoutMathCase[] = [
  // Ordinary, right.
  { tag: 'gsm_hashes', response: 'Each box holds 6 eggs and she buys 7 boxes, so she has 6 * 7 = 42 eggs.\n#### 42', reference: '42', correct: true, status: 'answered' },
  { tag: 'answer_is_sentence', response: 'Tom reads 6 pages a day for 3 days, which is 18 pages. The answer is 18.', reference: '18', correct: true, status: 'answered' },
  { tag: 'boxed_int', response: r`The number of handshakes among 9 people is $\binom{9}{2} = \frac{9 \cdot 8}{2} = 36$. Doubling for both directions gives $72$.

$\boxed{72}$`, reference: '72', correct: true, status: 'answered' },
  { tag: 'boxed_frac_vs_decimal_ref', response: r`The probability is $\frac{3}{6} \cdot \frac{3}{2} = \boxed{\frac{3}{4}}$.`, reference: '0.75', correct: true, status: 'answered' },
  { tag: 'decimal_vs_frac_ref', response: 'The probability of heads on a fair coin is 0.5.', reference: r`\frac{1}{2}`, correct: true, status: 'answered' },
  { tag: 'currency_separator', response: 'She earns $25 per hour for 50 hours, so she makes $1,250 in total.\n\nFinal answer: $1,250', reference: '1250', correct: true, status: 'answered' },
  { tag: 'dollars_word', response: 'After buying the pencils he has 7 dollars left.', reference: '7', correct: true, status: 'answered' },
  { tag: 'percent', response: 'The price rose from $40 to $46, an increase of 6/40 = 0.15, or 15%.\n\nThe answer is 15%.', reference: '15', correct: true, status: 'answered' },
  { tag: 'number_word', response: 'Half of the 48 students take the bus, and half of the rest walk, so twenty-four take the bus.\n\nAnswer: twenty-four', reference: '24', correct: true, status: 'answered' },
  { tag: 'sci_notation', response: r`The total is $3.2 \times 10^{4}$ bacteria after the fifth hour.`, reference: '32000', correct: true, status: 'answered' },
  { tag: 'negative_boxed', response: r`Solving $2x + 14 = 0$ gives $x = \boxed{-7}$.`, reference: '-7', correct: true, status: 'answered' },
  { tag: 'interval_boxed', response: r`The inequality $3 - x \ge 1$ gives $x \le 2$, so the solution set is $\boxed{(-\infty, 2]}$.`, reference: r`(-\infty,2]`, correct: true, status: 'answered' },
  { tag: 'pair_boxed', response: r`Adding the equations gives $2x = 6$, so $x = 3$ and $y = -1$. The intersection point is $\boxed{(3, -1)}$.`, reference: '(3,-1)', correct: true, status: 'answered' },
  { tag: 'root_boxed', response: r`The distance is $\sqrt{(4-0)^2 + (2-0)^2} = \sqrt{20} = \boxed{2\sqrt{5}}$.`, reference: r`2\sqrt5`, correct: true, status: 'answered' },
  { tag: 'degrees_boxed', response: r`Each interior angle of an equilateral triangle is $\frac{180^\circ}{3} = \boxed{60^\circ}$.`, reference: '60', correct: true, status: 'answered' },
  { tag: 'units_km', response: 'Distance = speed × time = 60 km/h × 2.5 h = 150 km.\n\nThe train travels 150 km.', reference: '150', correct: true, status: 'answered' },
  { tag: 'thousands_commas', response: 'One thousand boxes of one thousand paper clips each makes 1,000,000 paper clips.', reference: '1000000', correct: true, status: 'answered' },
  { tag: 'minerva_final', response: r`We have $f(2) = 2^2 + 1 = 5$.
Final Answer: The final answer is $5$. I hope it is correct.`, reference: '5', correct: true, status: 'answered' },
  { tag: 'dfrac', response: r`Dividing both sides by 2 we get $x = \dfrac{7}{2}$.`, reference: '3.5', correct: true, status: 'answered' },
  { tag: 'slash_fraction', response: 'There are 5 favorable outcomes out of 12, so the probability is 5/12.', reference: r`\frac{5}{12}`, correct: true, status: 'answered' },
  { tag: 'answer_first_bold', response: '**Answer: 96**\n\nExplanation: 8 rows of 12 chairs gives 8 × 12 = 96 chairs.', reference: '96', correct: true, status: 'answered' },
  { tag: 'money_cents', response: 'Three apples at $1.50 each cost $4.50.', reference: '4.5', correct: true, status: 'answered' },
  { tag: 'boxed_area_units', response: r`The area of the rectangle is $6 \cdot 8 = \boxed{48\text{ cm}^2}$.`, reference: '48', correct: true, status: 'answered' },
  { tag: 'boxed_dollar_sign', response: r`Adding the tip, the bill comes to $\boxed{\$18}$.`, reference: '18', correct: true, status: 'answered' },
  { tag: 'boxed_trailing_zeros', response: r`Each person pays $\frac{72}{4} = \boxed{18.00}$ dollars.`, reference: '18', correct: true, status: 'answered' },
  { tag: 'json_answer', response: '{"reasoning": "17 marbles remain after giving away 8 of 25", "answer": 17}', reference: '17', correct: true, status: 'answered' },
  { tag: 'base_model_a_line', response: ' 24\n\nQ: A baker makes 5 cakes per hour. How many cakes in 3 hours?\nA: 15', reference: '24', correct: true, status: 'answered' },
  { tag: 'power_expression', response: r`Each of the 10 switches has 2 states, so there are $2^{10}$ configurations.

Answer: $2^{10}$`, reference: '1024', correct: true, status: 'answered' },
  { tag: 'x_equals_period', response: 'Subtracting 3 from both sides gives 2x = 10, so x = 5.', reference: '5', correct: true, status: 'answered' },
  { tag: 'vector_pmatrix', response: r`Adding componentwise gives $\boxed{\begin{pmatrix} 1 \\ 2 \end{pmatrix}}$.`, reference: r`\begin{pmatrix}1\\2\end{pmatrix}`, correct: true, status: 'answered' },
  { tag: 'plus_minus_solutions', response: r`Since $x^2 = 9$, we get $x = \pm 3$.`, reference: '3, -3', correct: true, status: 'answered' },
  { tag: 'percent_probability', response: 'Exactly one of the four sectors is red, so there is a 25% chance of landing on red.', reference: r`\frac{1}{4}`, correct: true, status: 'answered' },
  { tag: 'hours_minutes', response: 'She works from 8:30 to 3:00, so she works 6 hours and 30 minutes.', reference: '6.5', correct: true, status: 'answered' },
  { tag: 'mixed_number', response: 'The recipe calls for 3/4 cup per batch, and she makes 3 and 1/3 batches... no, she makes 10/3 batches, so she needs 3/4 × 10/3 = 2 1/2 cups of flour.', reference: '2.5', correct: true, status: 'answered' },
  { tag: 'unicode_minus', response: 'The temperature dropped by 9 degrees from 5 °C, so it is now −4 °C.', reference: '-4', correct: true, status: 'answered' },

  // Issue patterns: base subscripts, final sentence without a box, "answer:" inside the box.
  { tag: 'base_subscript_missing', response: r`Converting $11_{10}$ to binary: $11 = 8 + 2 + 1$, so it is $1011$ in base 2.

$\boxed{1011}$`, reference: '1011_2', correct: true, status: 'answered' },
  { tag: 'base_words', response: r`$136 = 2 \cdot 49 + 5 \cdot 7 + 3$, so the base-7 digits are 2, 5, 3. The answer is 253 in base 7.`, reference: '253_7', correct: true, status: 'answered' },
  { tag: 'base_subscript_wrong_digits', response: r`$13 = 8 + 4 + 1$, so in binary it is $\boxed{1110_2}$.`, reference: '1101_2', correct: false, status: 'answered' },
  { tag: 'polynomial_final_sentence', response: r`Using FOIL: $(x+2)(x+3) = x^2 + 3x + 2x + 6$. Combining the middle terms, 3x + 2x = 5x.

Therefore, the expanded form is $x^2 + 5x + 6$.`, reference: 'x^2+5x+6', correct: true, status: 'answered' },
  { tag: 'polynomial_wrong_sign', response: r`Expanding, $(x+2)(x+3) = x^2 - 5x + 6$.`, reference: 'x^2+5x+6', correct: false, status: 'answered' },
  { tag: 'bold_word_final', response: r`We check $f(-x) = (-x)^3 - (-x) = -(x^3 - x) = -f(x)$ for every $x$, with $f(2) = 6$ and $f(-2) = -6$ as a check.

So the function is **odd**.`, reference: r`\text{odd}`, correct: true, status: 'answered' },
  { tag: 'answer_inside_box', response: r`Twice the number plus 6 is 54, so the number is 24.

$\boxed{\text{answer: } 24}$`, reference: '24', correct: true, status: 'answered' },
  { tag: 'final_in_prose_stray_numbers', response: 'She bakes 3 trays of 12 cookies, which is 36 cookies. Her 2 brothers eat 4 each, 8 in all, and she eats 1 herself. 36 - 8 - 1 = 27, so she has 27 cookies left for the 3 friends.', reference: '27', correct: true, status: 'answered' },
  { tag: 'equation_final', response: r`The slope is $\frac{7-3}{2-0} = 2$ and the intercept is 3, so the line is $y = 2x + 3$.`, reference: 'y=2x+3', correct: true, status: 'answered' },
  { tag: 'rational_expression', response: r`Factoring and cancelling $(x+2)$ leaves $\boxed{\frac{x+1}{x-1}}$.`, reference: r`\frac{x+1}{x-1}`, correct: true, status: 'answered' },

  // Corrections, loops, invented follow-ups, reasoning blocks, other languages.
  { tag: 'think_then_bold', response: '<think>\n15 students per bus, 3 buses... that is 45. Or did the question say 4 buses? No, 3 buses. 45 minus the 5 teachers? No, teachers are separate. So 45 students.\n</think>\n\nThe answer is **45**.', reference: '45', correct: true, status: 'answered' },
  { tag: 'loop_after_hashes', response: 'He saves $3 a week for 4 weeks, which is $12.\n#### 12\n#### 12\n#### 12\n#### 12\n#### 12\n#### 12\n#### 12\n#### 12\n#### 12\n####', truncated: true, reference: '12', correct: true, status: 'answered' },
  { tag: 'invented_followup_right', response: 'Each row has 8 seats and there are 7 rows, so 56 seats.\nThe answer is 56.\n\nQuestion: Tom has 28 apples and gives half to his sister. How many does he keep?\nAnswer: 14', reference: '56', correct: true, status: 'answered' },
  { tag: 'correction_to_right', response: 'The shoes cost $30. Wait, I forgot the 8% sales tax: 30 × 1.08 = 32.40.\n\nFinal answer: $32.40', reference: '32.4', correct: true, status: 'answered' },
  { tag: 'conditional_alternative', response: 'With the 25% discount the jacket costs $60 - $15 = $45, and then the $30 coupon brings it to $15.\n\nThe answer is 15. (If the coupon were applied before the discount, it would be 22.50.)', reference: '15', correct: true, status: 'answered' },
  { tag: 'two_boxes_corrected', response: r`So the total is $\boxed{20}$.

Wait, I forgot the 5 pens already in the drawer. The total is $20 + 5 = \boxed{25}$.`, reference: '25', correct: true, status: 'answered' },
  { tag: 'stutter_quantized', response: 'The the answer is is 15 15.', reference: '15', correct: true, status: 'answered' },
  { tag: 'chinese', response: '每盒有8支笔，一共8盒，所以一共有 8 × 8 = 64 支笔。所以答案是 64。', reference: '64', correct: true, status: 'answered' },
  { tag: 'spanish_currency', response: 'Si cada entrada cuesta 15 euros y compra 8 entradas, paga 8 × 15 = 120. La respuesta es 120 euros.', reference: '120', correct: true, status: 'answered' },
  { tag: 'german_decimal_comma', response: 'Er füllt 7 Liter in 2 Kanister gleichmäßig auf. Jeder Kanister enthält 7 : 2 = 3,5 Liter.\n\nDie Antwort ist 3,5 Liter.', reference: '3.5', correct: true, status: 'answered' },
  { tag: 'answer_then_cut_followup', response: 'The farmer has 11 rows of 8 plants, so 88 plants.\n#### 88\n\nQuestion: A farmer has 4 fields and', truncated: true, reference: '88', correct: true, status: 'answered' },
  { tag: 'table_total', response: '| Item | Qty | Price | Cost |\n|---|---|---|---|\n| Notebook | 4 | $6 | $24 |\n| Pen | 10 | $3 | $30 |\n| Bag | 1 | $30 | $30 |\n| **Total** | | | **$84** |\n\nShe spends $84 in total.', reference: '84', correct: true, status: 'answered' },

  // Wrong answers.
  { tag: 'boxed_wrong', response: r`There are $6 \cdot 8 = 48$ legs in total. $\boxed{48}$`, reference: '46', correct: false, status: 'answered' },
  { tag: 'negative_sign_lost', response: r`Solving, $x = \boxed{7}$.`, reference: '-7', correct: false, status: 'answered' },
  { tag: 'gsm_wrong', response: 'He sells 34 cups a day for 10 days: 34 × 10 = 340.\n#### 340', reference: '430', correct: false, status: 'answered' },
  { tag: 'invented_followup_matches_gold', response: 'Each row has 8 seats and there are 7 rows, so 8 × 7 = 56 seats in total.\nThe answer is 56.\n\nQuestion: A box of 28 crayons is shared equally by 2 children. How many does each child get?\nAnswer: 14', reference: '14', correct: false, status: 'answered' },
  { tag: 'correction_to_wrong', response: 'The shoes cost $30 plus 8% tax, which is $32.40. Hmm, actually the tax does not apply to shoes in this state, so she pays $30.\n\nThe answer is 30.', reference: '32.4', correct: false, status: 'answered' },
  { tag: 'frac_wrong', response: r`The probability is $\boxed{\frac{2}{3}}$.`, reference: r`\frac{3}{4}`, correct: false, status: 'answered' },
  { tag: 'interval_wrong_bracket', response: r`The domain is $\boxed{[2, \infty)}$.`, reference: r`(2,\infty)`, correct: false, status: 'answered' },
  { tag: 'final_prose_wrong', response: 'She bakes 3 trays of 12 cookies, which is 36. Her brothers eat 4 each, so 36 - 8 = 28, and she eats 1, making 27... no wait, she eats 1 and her friend eats 1 too. So 29 cookies are left.', reference: '27', correct: false, status: 'answered' },
  { tag: 'boxed_off_by_one', response: r`Counting the integers from 1 to 13 inclusive gives $\boxed{12}$.`, reference: '13', correct: false, status: 'answered' },
  { tag: 'number_word_wrong', response: 'So the dog has eleven puppies.', reference: '12', correct: false, status: 'answered' },
  { tag: 'gold_in_reasoning_final_wrong', response: 'Step 1: 9 × 5 = 45.\nStep 2: Add the 9 from the first bag: 45 + 9 = 54.\n\nThe answer is 54.', reference: '45', correct: false, status: 'answered' },
  { tag: 'minerva_wrong', response: r`We have $g(3) = 3^2 - 2 = 7$.
Final Answer: The final answer is $7$. I hope it is correct.`, reference: '11', correct: false, status: 'answered' },
  { tag: 'think_wrong', response: '<think>\nA train at 80 km/h for 2.5 hours... 80 × 2.5 = 200. Hmm, or is it 80 × 2 = 160 plus 80 × 0.5 = 40, that is 200 again. OK.\n</think>\n\nThe train covers **200 km**.', reference: '220', correct: false, status: 'answered' },
  { tag: 'percent_wrong', response: 'The increase is 6 out of 46, about 13%.\n\nAnswer: 13%', reference: '15', correct: false, status: 'answered' },
  { tag: 'currency_wrong', response: 'Total cost: 12 × $4.25 = $51.50', reference: '51', correct: false, status: 'answered' },
  { tag: 'sci_notation_wrong', response: r`The population is $3.2 \times 10^{5}$.`, reference: '32000', correct: false, status: 'answered' },
  { tag: 'hedged_wrong', response: "I'm not totally sure, but I think it's about 40, so my answer is 40.", reference: '42', correct: false, status: 'answered' },

  // No answer.
  { tag: 'two_answers', response: 'Depending on whether the 4 broken ones are counted, the answer is either 8 or 12.', reference: '12', correct: false, status: 'ambiguous' },
  { tag: 'two_boxes_or', response: r`The possible values are $\boxed{20}$ or $\boxed{25}$; the problem does not say which.`, reference: '25', correct: false, status: 'ambiguous' },
  { tag: 'refusal', response: "I'm sorry, but I can't help with that request.", reference: '9', correct: false, status: 'refused' },
  { tag: 'needs_info', response: 'To solve this we would need to know the rate at which the second pipe fills the tank. Without that information, the time cannot be determined.', reference: '6', correct: false, status: 'no_answer' },
  { tag: 'cut_mid_expression', response: r`First compute the total: $3 \cdot 4 + `, truncated: true, reference: '20', correct: false, status: 'truncated' },
  { tag: 'cut_inside_box', response: r`Therefore the ratio is $\boxed{\frac{3}{`, truncated: true, reference: r`\frac{3}{4}`, correct: false, status: 'truncated' },
  { tag: 'think_cut_off', response: '<think>\nLet me set up the equation. Let the number of chickens be c and cows be w. Then c + w = 30 and 2c + 4w = 84. From the first, c = 30 - w. Substituting, 2(30 - w) + 4w = 84, so 60 + 2w = 84, so w', truncated: true, reference: '12', correct: false, status: 'truncated' },
  { tag: 'loop_no_answer', response: 'Let x be the number of apples. Then x + 3 = 2x - 5. Let x be the number of apples. Then x + 3 = 2x - 5. Let x be the number of apples. Then x + 3 = 2x - 5. Let x be the number of apples. Then x + 3 = 2x - 5. Let x be the number of apples. Then x + 3 = 2x - 5. Let x be the number', reference: '8', correct: false, status: 'truncated' },
  { tag: 'empty', response: '', reference: '5', correct: false, status: 'no_answer' },
  { tag: 'setup_only_complete', response: 'We can model this with the equation 12t = 5t + 35, where t is the time in hours after the second car leaves.', reference: '5', correct: false, status: 'no_answer' },
];
