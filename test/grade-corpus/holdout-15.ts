/**
 * Hold-out batch 15 for issue 18: written blind (without reading lib/grade, the tuning corpus, docs/grading.md or
 * the earlier batches' cases, and without running the grader on these cases), in the styles that small local models
 * (1-8B GGUF chat, base-model few-shot and <think> reasoning models, quantized down to Q2_K) write on MMLU-Pro-style
 * 10-option and 4-option questions and GSM8K/MATH-style problems. Its sha256 was recorded in holdout-15.sha256
 * before its first run. Do not tune the extractors against these cases: reproduce a miss as a tuning case in other
 * wording instead.
 *
 * Styles covered. Multiple choice: plain "the answer is (X)", bare letters, bold/boxed/JSON/XML/code-fenced answers,
 * option texts with and without letters, answers at the start followed by explanation, hedged single answers,
 * corrections, loops and invented follow-up questions after a commitment, few-shot echoes before the real answer,
 * option-by-option walk-throughs (finished and cut off), eliminations, letters in closing prose ("(option C)",
 * "Option G", "is B. Osmosis", quoted option text), closest-option picks (kept and withdrawn), NOT/EXCEPT questions,
 * re-listed option lists cut off, "none of the above", several answers, refusals, empty and cut-off replies, other
 * languages (Spanish, German, French, Chinese, Japanese), stuttering quantized output, pronoun/article "I"/"A" traps.
 * Math: GSM8K "####" and <<calc>> annotations, \boxed{} (with "answer:" inside), Minerva "Final Answer" lines, bold
 * final words, final answers in the last sentence (polynomials, expressions), base subscripts, fractions/decimals/
 * mixed numbers/percents/scientific notation/currency/thousands separators/number words, negatives, pairs,
 * intervals, solution sets, radicals, pi, complex numbers, units, <think> blocks, corrections, loops, invented
 * follow-ups, other languages, stutter, cut-off replies, refusals and complete replies with no answer; about a third
 * of the math cases are wrong answers (including a wrong final answer after a right number in the reasoning and a
 * right number only in an invented follow-up).
 */
import type { GradeStatus } from '../../lib/grade/types.ts';
import type { HoldoutMathCase, HoldoutMcCase } from './holdout.ts';

const r = String.raw;
const ABSTAIN: GradeStatus[] = ['no_answer', 'ambiguous'];

const ECON = ['Sunk cost', 'Marginal cost', 'Fixed cost', 'Opportunity cost', 'Average total cost', 'Variable cost', 'Implicit interest', 'Economic rent', 'Deadweight loss', 'Transaction cost'];
const TRANSPORT = ['Active transport', 'Osmosis', 'Facilitated diffusion', 'Endocytosis', 'Exocytosis', 'Simple diffusion', 'Pinocytosis', 'Phagocytosis', 'Sodium-potassium pumping', 'Bulk flow'];
const TREATIES = ['The Treaty of Paris', 'The Congress of Vienna', 'The Treaty of Brest-Litovsk', 'The Peace of Westphalia', 'The Treaty of Ghent', 'The Treaty of Utrecht', 'The Treaty of Tordesillas', 'The Treaty of Nanking', 'The Treaty of Trianon', 'The Treaty of Versailles'];
const SPEEDS = ['3.2 m/s', '4.1 m/s', '5.0 m/s', '5.6 m/s', '6.3 m/s', '7.0 m/s', '2.5 m/s', '8.8 m/s', '9.4 m/s', '10.2 m/s'];
const PATHWAYS = ['Glycolysis', 'Electron transport chain', 'Calvin cycle', 'Fermentation', 'Beta oxidation', 'Urea cycle', 'Krebs cycle', 'Gluconeogenesis', 'Pentose phosphate pathway', 'Photorespiration'];
const CONCENTRATIONS = ['1.2 × 10^-3 M', '1.8 × 10^-3 M', '2.0 × 10^-3 M', '2.2 × 10^-3 M', '3.6 × 10^-3 M', '4.8 × 10^-4 M', '6.0 × 10^-4 M', '9.1 × 10^-4 M', '2.4 × 10^-3 M', '3.0 × 10^-3 M'];
const HEART = ['Decreased preload', 'Increased sympathetic outflow', 'Hyperkalemia', 'Reduced baroreceptor firing', 'Increased circulating catecholamines', 'Increased vagal tone', 'Fever', 'Hypovolemia', 'Thyrotoxicosis', 'Anemia'];
const DISTANCES = ['3.8 × 10^5 km', '1.5 × 10^7 km', '1.5 × 10^8 km', '7.8 × 10^8 km', '1.4 × 10^9 km', '4.5 × 10^9 km', '3.0 × 10^8 km', '1.0 × 10^8 km', '5.9 × 10^9 km', '2.3 × 10^8 km'];
const ODD_NUMBERS = ['3', '5', '7', '9'];

export const HOLDOUT_MC_15: HoldoutMcCase[] = [
  // Ordinary commitments.
  { tag: 'answer_is_paren', response: `Let's think step by step. In the Northern Hemisphere the Coriolis effect deflects moving air to the right of its direction of travel, which is why cyclones there rotate counterclockwise. The answer is (B).`, pred: 'B', status: 'answered', choices: ['To the left', 'To the right', 'Toward the equator', 'Toward the poles', 'Straight up', 'No deflection', 'Eastward only', 'Westward only', 'Downward', 'Randomly'] },
  { tag: 'bold_answer_colon', response: '**Answer: F**', pred: 'F', status: 'answered', n: 10 },
  { tag: 'bare_letter', response: 'G', pred: 'G', status: 'answered', n: 10 },
  { tag: 'paren_letter_with_text', response: '(D) Opportunity cost — the value of the next best alternative that is given up when a choice is made.', pred: 'D', status: 'answered', choices: ECON },
  { tag: 'answer_first_then_explanation', response: 'B\n\nExplanation: A rise in input prices shifts the supply curve left, so price rises and quantity falls. Options A and C describe demand shifts, which is not what happens here.', pred: 'B', status: 'answered', n: 4 },
  { tag: 'correct_answer_is_bold', response: `The Sarbanes-Oxley Act requires the CEO and CFO to personally certify the accuracy of financial statements (Section 302), and it created the PCAOB to oversee auditors.\n\nThe correct answer is **H**.`, pred: 'H', status: 'answered', choices: ['It abolished the SEC', 'It required quarterly audits by the IRS', 'It banned executive stock options', 'It created FINRA', 'It required independent directors on all boards', 'It capped executive pay', 'It repealed Glass-Steagall', 'It required CEO and CFO certification of financial statements and created the PCAOB', 'It mandated IFRS reporting', 'It deregulated auditing'] },
  { tag: 'final_answer_line', response: `Work done by a constant force is W = F·d·cosθ = 20 N × 5 m × cos 60° = 50 J.\n\nFinal answer: (A)`, pred: 'A', status: 'answered', choices: ['50 J', '100 J', '86.6 J', '25 J', '70.7 J', '20 J', '5 J', '0 J', '173 J', '43.3 J'] },
  { tag: 'lowercase_letter', response: 'answer: c', pred: 'C', status: 'answered', n: 4 },
  { tag: 'lowercase_paren', response: 'Since the court applied strict scrutiny, the law must be narrowly tailored to a compelling interest. correct answer: (d)', pred: 'D', status: 'answered', choices: ['Rationally related to a legitimate interest', 'Substantially related to an important interest', 'Supported by any conceivable basis', 'Narrowly tailored to a compelling interest', 'Reasonable in light of local custom', 'Approved by a supermajority', 'Consistent with the Commerce Clause', 'Enacted before the challenge', 'Neutral and generally applicable', 'Limited by a sunset clause'] },
  { tag: 'letter_dot_option_text', response: 'C. 1.5 × 10^8 km\n\nThat distance is one astronomical unit, the mean distance between Earth and the Sun.', pred: 'C', status: 'answered', choices: DISTANCES },
  { tag: 'answer_bold_with_text', response: 'The equilibrium concentration comes out to 2.4 × 10^-3 M after solving the quadratic.\n\nThe answer is: **(I) 2.4 × 10^-3 M**', pred: 'I', status: 'answered', choices: CONCENTRATIONS },
  { tag: 'answer_letter_dot_text_4', response: 'Answer: B. The Heisenberg uncertainty principle', pred: 'B', status: 'answered', choices: ['Pauli exclusion principle', 'Heisenberg uncertainty principle', 'Aufbau principle', "Hund's rule"] },
  { tag: 'ill_go_with', response: `Hmm, the patient's symptoms — polyuria, polydipsia, and a low urine osmolality that doesn't rise with water deprivation but does rise after desmopressin — point to central diabetes insipidus. I'll go with H.`, pred: 'H', status: 'answered', choices: ['Primary polydipsia', 'Nephrogenic diabetes insipidus', 'SIADH', 'Type 2 diabetes mellitus', 'Type 1 diabetes mellitus', 'Hypercalcemia', 'Cushing syndrome', 'Central diabetes insipidus', 'Conn syndrome', 'Addison disease'] },
  { tag: 'arrow_choice', response: 'Key idea: the price floor is above equilibrium, so quantity supplied exceeds quantity demanded.\nCorrect choice → E', pred: 'E', status: 'answered', choices: ['A shortage', 'Equilibrium', 'No effect on the market', 'Lower prices', 'A surplus', 'Higher demand', 'A black market', 'Lower supply', 'A price ceiling', 'Excess demand'] },
  { tag: 'long_reasoning_then_thus', response: `To decide this we need to recall how each philosopher treated moral knowledge.\n\nKant held that the moral law is known a priori through reason; this is what (A) and (D) gesture at, but both confuse the categorical imperative with a hypothetical one. Hume argued that reason alone cannot motivate action, and that moral distinctions come from sentiment; (B) attributes this to Mill, which is wrong. Mill's utilitarianism grounds morality in the greatest happiness principle, and (F) mislabels this as rule consequentialism in a way Mill never stated. Aristotle's virtue ethics locates moral knowledge in practical wisdom (phronesis), developed by habituation — this is what (J) describes correctly.\n\nThus, the correct choice is (J).`, pred: 'J', status: 'answered', n: 10 },
  { tag: 'json_answer', response: '{"reasoning": "Profit is maximised where marginal revenue equals marginal cost.", "answer": "E"}', pred: 'E', status: 'answered', choices: ['Where total revenue is maximised', 'Where price equals average cost', 'Where average cost is minimised', 'Where marginal cost is minimised', 'Where marginal revenue equals marginal cost', 'Where price is highest', 'Where demand is elastic', 'Where output is largest', 'Where fixed cost is zero', 'Where profit per unit is highest'] },
  { tag: 'xml_answer', response: '<answer>I</answer>', pred: 'I', status: 'answered', n: 10 },
  { tag: 'code_fence_answer', response: 'The gene is X-linked recessive, so affected fathers cannot pass it to sons.\n\n```\nAnswer: H\n```', pred: 'H', status: 'answered', n: 10 },
  { tag: 'boxed_letter', response: r`The determinant is $2\cdot 5 - 3\cdot 4 = -2$, which matches option F.

$\boxed{F}$`, pred: 'F', status: 'answered', choices: ['-14', '-7', '2', '7', '0', '-2', '14', '22', '-22', '1'] },
  { tag: 'boxed_text_letter', response: r`Since the series is geometric with ratio $\tfrac{1}{3}$, it converges to $\tfrac{3}{2}$. $\boxed{\text{(B)}}$`, pred: 'B', status: 'answered', choices: ['1/3', '3/2', '2', '3'] },
  { tag: 'minerva_final_answer', response: 'Final Answer: The final answer is $E$. I hope it is correct.', pred: 'E', status: 'answered', n: 10 },
  { tag: 'markdown_table', response: '| Option | Verdict |\n|---|---|\n| A | ✗ violates conservation of charge |\n| B | ✓ |\n| C | ✗ wrong direction |\n| D | ✗ units do not match |\n\n**Final answer: B**', pred: 'B', status: 'answered', n: 4 },
  { tag: 'confidence_suffix', response: 'Answer: G (confidence: 70%)', pred: 'G', status: 'answered', n: 10 },
  { tag: 'hedged_single', response: `I'm not completely sure, since the passage never states the author's view directly, but I think it's probably (G).`, pred: 'G', status: 'answered', n: 10 },
  { tag: 'forced_choice', response: 'Neither option fits perfectly, because the question mixes nominal and real rates. If forced to choose, (E).', pred: 'E', status: 'answered', n: 10 },
  { tag: 'echoed_question_then_answer', response: 'Which of the following is a renewable resource?\nA) Coal\nB) Natural gas\nC) Petroleum\nD) Solar energy\nAnswer: D', pred: 'D', status: 'answered', choices: ['Coal', 'Natural gas', 'Petroleum', 'Solar energy'] },
  { tag: 'numeric_option_text_only', response: 'Solving 2x + 1 = 15 gives x = 7.', pred: 'C', status: 'answered', choices: ODD_NUMBERS },
  { tag: 'option_text_only', response: 'Acetyl-CoA combines with oxaloacetate to form citrate, the first step of the pathway that produces most of the NADH for the electron transport chain. The answer is the Krebs cycle.', pred: 'G', status: 'answered', choices: PATHWAYS },
  { tag: 'quoted_option_text_no_letter', response: 'A tax drives a wedge between what buyers pay and what sellers receive, and the trades that no longer happen are lost surplus. The correct choice is "Deadweight loss".', pred: 'I', status: 'answered', choices: ECON },
  { tag: 'ordinal_option', response: 'An atom with 11 protons is sodium, so the fourth option, Sodium, is correct.', pred: 'D', status: 'answered', choices: ['Lithium', 'Potassium', 'Rubidium', 'Sodium'] },

  // Letters inside prose.
  { tag: 'prose_option_paren', response: 'A competitive inhibitor binds the active site, so enough substrate can outcompete it: Km rises while Vmax is unchanged, which is exactly what is described in (option C).', pred: 'C', status: 'answered', choices: ['Km and Vmax both decrease', 'Km decreases, Vmax unchanged', 'Km increases, Vmax unchanged', 'Km unchanged, Vmax decreases', 'Km and Vmax both increase', 'Km unchanged, Vmax increases', 'Km increases, Vmax decreases', 'Km decreases, Vmax increases', 'Neither changes', 'Vmax doubles'] },
  { tag: 'prose_Option_closing', response: `The lease transfers ownership at the end of its term, so under ASC 842 it is a finance lease and the lessee records both a right-of-use asset and a lease liability. Given all this, I would go with Option G.`, pred: 'G', status: 'answered', n: 10 },
  { tag: 'prose_is_letter_text', response: 'Water moves from the dilute solution into the concentrated one through a semipermeable membrane without any energy input, so the process described is B. Osmosis, not facilitated diffusion.', pred: 'B', status: 'answered', choices: TRANSPORT },
  { tag: 'prose_quoted_with_text', response: 'I choose "J: The Treaty of Versailles" because it was the 1919 settlement with Germany that imposed reparations and the war-guilt clause.', pred: 'J', status: 'answered', choices: TREATIES },
  { tag: 'prose_option_dash_quote', response: `After the Valsalva release, blood pressure overshoots and the baroreflex slows the heart. Option (F) — 'increased vagal tone' — is the one that explains the bradycardia.`, pred: 'F', status: 'answered', choices: HEART },
  { tag: 'prose_corresponds_to', response: '</think>\n\nThe substrate is a tertiary halide in a polar protic solvent, so the carbocation pathway dominates and the reaction is SN1, which corresponds to option B.', pred: 'B', status: 'answered', choices: ['SN2', 'SN1', 'E2', 'E1'] },
  { tag: 'prose_third_one', response: 'Only the third statement survives the counterexample with n = 4, so the best option here is the third one, (C).', pred: 'C', status: 'answered', n: 4 },
  { tag: 'prose_should_be_not', response: 'Using the half-life of 5730 years, two half-lives give 11,460 years, so the answer should be E, not D.', pred: 'E', status: 'answered', choices: ['2,865 years', '5,730 years', '8,595 years', '17,190 years', '11,460 years', '22,920 years', '1,910 years', '4,300 years', '14,325 years', '28,650 years'] },
  { tag: 'prose_wrong_and_right', response: 'I believe (A) is wrong, since it ignores the time value of money, and (B) is right.', pred: 'B', status: 'answered', n: 4 },
  { tag: 'prose_closest_approx', response: 'The exact value is about 0.46, and option (E) is the closest approximation among the choices.', pred: 'E', status: 'answered', choices: ['0.12', '0.25', '0.33', '0.40', '0.50', '0.58', '0.66', '0.75', '0.81', '0.90'] },
  { tag: 'prose_both_but_only', response: 'Options A and C both describe negative feedback, but only C accounts for the fall in TSH after thyroxine is given, so C.', pred: 'C', status: 'answered', n: 4 },
  { tag: 'article_A_trap', response: 'A careful look at the dates shows that only (C) was signed before the war began.', pred: 'C', status: 'answered', n: 4 },
  { tag: 'pronoun_I_trap', response: 'I believe I would pick (E), as the other options all assume perfect competition.', pred: 'E', status: 'answered', n: 10 },
  { tag: 'letter_A_is_answer', response: 'A is the answer, because the buffer resists change only near its pKa.', pred: 'A', status: 'answered', n: 4 },
  { tag: 'closest_not_listed', response: 'Using v = sqrt(2gh) with h = 1.2 m gives v ≈ 4.85 m/s. That is not among the options exactly, but the closest is option C (5.0 m/s).', pred: 'C', status: 'answered', choices: SPEEDS },
  { tag: 'closest_text_only', response: 'I get v ≈ 4.9 m/s. None of the options match exactly; 5.0 m/s is the closest.', pred: 'C', status: 'answered', choices: SPEEDS },
  { tag: 'not_question_negation', question: 'Which of the following is NOT required for photosynthesis?', response: 'Light provides the energy, water supplies electrons and carbon dioxide is fixed into sugar. Oxygen is released, not consumed, so option C is not required for the process.', pred: 'C', status: 'answered', choices: ['Light', 'Water', 'Oxygen', 'Carbon dioxide'] },
  { tag: 'except_question', question: 'All of the following are typical findings in hypothyroidism EXCEPT:', response: 'Weight gain, cold intolerance and fatigue all fit a low metabolic rate. Heat intolerance does not — that is a feature of hyperthyroidism. So the exception is (B).', pred: 'B', status: 'answered', choices: ['Weight gain', 'Heat intolerance', 'Cold intolerance', 'Fatigue'] },
  { tag: 'not_question_is_not', question: 'Which of these numbers is not prime?', response: '3, 5 and 7 are prime. 9 = 3 × 3, so option D is not a prime number.', pred: 'D', status: 'answered', choices: ['3', '5', '7', '9'] },

  // Several committed answers: corrections, loops, follow-ups, echoes, walk-throughs.
  { tag: 'correction_later', response: 'The answer is (B). Wait — I mixed up the sign of the charge. Redoing it, the electron is pushed toward the positive plate, so the answer is (H).', pred: 'H', status: 'answered', n: 10 },
  { tag: 'correction_initially', response: 'I initially thought (D), but after checking the units the rate constant must be in s^-1, so the correct answer is (A).', pred: 'A', status: 'answered', n: 10 },
  { tag: 'correction_reverted', response: `The answer is (C) — wait, no, that's the inverse relationship. Let me redo it: P1V1 = P2V2 means halving the volume doubles the pressure. It's (C) after all.`, pred: 'C', status: 'answered', n: 10 },
  { tag: 'loop_after_commit', response: `So the answer is (E).\n\nI think the answer is (E) because the marginal propensity to consume is 0.8, so the multiplier is 5. But let me reconsider option (I). I think the answer is (E) because the marginal propensity to consume is 0.8, so the multiplier is 5. But let me reconsider option (I). I think the answer is (E) because the marginal propensity to consume is 0.8, so the multiplier is 5. But let me reconsider option (I). I think the answer is (E) because`, pred: 'E', status: 'answered', choices: ['0.8', '1.25', '2', '4', '5', '8', '10', '0.2', 'Infinity', '1'], truncated: true },
  { tag: 'loop_final_answer_questions', response: 'Final answer: (D)\n\nExplanation: Mitochondria have their own circular DNA, inherited maternally.\n\nQuestion 2: Which organelle packages proteins for secretion?\nFinal answer: (A)\n\nQuestion 3: Which organelle contains hydrolytic enzymes?\nFinal answer: (C)\n\nQuestion 4:', pred: 'D', status: 'answered', n: 10 },
  { tag: 'invented_followup_qa', response: 'The answer is (J).\n\nQ: What is the SI unit of force?\nA: The newton, defined as kg·m/s². The answer is (B).\n\nQ: What is the SI unit of power?\nA: The answer is (D).', pred: 'J', status: 'answered', n: 10 },
  { tag: 'base_continuation_next_question', response: ` Let's think step by step. A monopolist sets output where MR = MC and charges the price read off the demand curve, which is above MC. The answer is (H).\n\nQuestion:\nWhich of the following best describes a Giffen good?\nOptions:\nA. A good whose demand rises as income rises\nB. An inferior good whose demand rises when its price rises\nC. A luxury good\nD. A public good\nAnswer: Let's think step by step. A Giffen good is an inferior good with a strong income effect. The answer is (B).`, pred: 'H', status: 'answered', n: 10 },
  { tag: 'base_answer_then_question', response: 'Answer: (C)\n\nQuestion: The following are multiple choice questions (with answers) about high school chemistry.', pred: 'C', status: 'answered', n: 10 },
  { tag: 'echo_fewshot_then_real', question: 'Which planet has the shortest orbital period?\nOptions:\nA. Venus\nB. Mercury\nC. Mars\nD. Earth', response: `Question: Which gas makes up most of Earth's atmosphere?\nOptions:\nA. Oxygen\nB. Argon\nC. Nitrogen\nD. Carbon dioxide\nAnswer: Let's think step by step. Nitrogen is about 78% of dry air. The answer is (C).\n\nQuestion: Which planet has the shortest orbital period?\nOptions:\nA. Venus\nB. Mercury\nC. Mars\nD. Earth\nAnswer: Let's think step by step. Mercury is the planet closest to the Sun, so it completes an orbit fastest, in about 88 days. The answer is (B).`, pred: 'B', status: 'answered', choices: ['Venus', 'Mercury', 'Mars', 'Earth'] },
  { tag: 'walkthrough_complete', response: `Let's check each statement.\n(A) is false: enzymes lower activation energy but do not change ΔG.\n(B) is false: they are not consumed by the reaction.\n(C) is true: each enzyme's active site fits a particular substrate.\n(D) is false: many enzymes work outside cells, for example in digestion.\n\nTherefore the answer is (C).`, pred: 'C', status: 'answered', choices: ['Enzymes change the ΔG of a reaction', 'Enzymes are consumed by the reaction', 'Enzymes are specific to their substrates', 'Enzymes only work inside cells'] },
  { tag: 'walkthrough_cutoff', response: `Let's evaluate each option:\n(A) is false, because the Fed does not set the prime rate directly.\n(B) is false, because open-market purchases increase reserves.\n(C) is false, because raising the discount rate discourages borrowing.\n(D) is false, since reserve requirements were cut to zero in 2020.\n(E) is`, pred: null, status: 'truncated', n: 10, truncated: true },
  { tag: 'walkthrough_cutoff_mid_item', response: `Going through the choices one at a time:\n\nA — Incorrect. Meiosis, not mitosis, produces gametes.\nB — Incorrect. Crossing over happens in prophase I.\nC — This one looks plausible at first because sister chromatids separate in anaphase, but the statement says`, pred: null, status: 'truncated', n: 10, truncated: true },
  { tag: 'elimination_leaves', response: 'Eliminate A (too small by a factor of ten), B (wrong units) and D (sign error). That leaves C.', pred: 'C', status: 'answered', n: 4 },
  { tag: 'refusal_then_answer', response: `I can't give personal medical advice, but for the purposes of this exam question: first-line treatment for uncomplicated hypertension in this patient is a thiazide diuretic, so the answer is (C).`, pred: 'C', status: 'answered', choices: ['Beta blocker', 'Loop diuretic', 'Thiazide diuretic', 'Alpha blocker', 'Hydralazine', 'Clonidine', 'Minoxidil', 'Spironolactone', 'Nitroglycerin', 'Methyldopa'] },
  { tag: 'truncated_after_commit', response: 'The answer is (F). To explain further, the price elasticity of demand is the percentage change in quantity demanded divided by the', pred: 'F', status: 'answered', n: 10, truncated: true },
  { tag: 'think_then_final', response: `<think>\nOkay, the question asks which bond is strongest. Maybe B, the C–C single bond? No — triple bonds are stronger than double or single bonds between the same atoms. So it's D, the C≡C bond.\n</think>\n\nThe correct answer is **D**.`, pred: 'D', status: 'answered', choices: ['C–H', 'C–C', 'C=C', 'C≡C', 'C–O', 'O–H', 'N–H', 'C–Cl', 'H–H', 'C–N'] },
  { tag: 'think_differs_from_final', response: `<think>\nThe accounts receivable turnover is sales over average receivables: 600/80 = 7.5. That's B. Hmm, but the question says credit sales of 480, so 480/80 = 6. That's C.\n</think>\nAnswer: C`, pred: 'C', status: 'answered', choices: ['5', '7.5', '6', '8', '4.8', '10', '12', '6.5', '9', '3'] },
  { tag: 'stutter_quantized', response: 'The the answer is is (I) (I) (I)', pred: 'I', status: 'answered', n: 10 },
  { tag: 'stutter_garbled_then_answer', response: 'Thethe enzymeenzyme is is denatured denatured at high high temperaturetemperature.. Answer Answer: : F F', pred: 'F', status: 'answered', n: 10 },

  // Other languages.
  { tag: 'spanish', response: 'La respuesta correcta es la (D), porque la mitosis produce dos células hijas genéticamente idénticas.', pred: 'D', status: 'answered', n: 10 },
  { tag: 'chinese', response: '根据题意，电阻并联后总电阻减小，因此选项 F 正确。\n答案：F', pred: 'F', status: 'answered', n: 10 },
  { tag: 'chinese_fullwidth', response: '答案是（B）', pred: 'B', status: 'answered', n: 4 },
  { tag: 'german', response: 'Die Inflation verringert die Kaufkraft des Geldes. Die richtige Antwort ist C.', pred: 'C', status: 'answered', n: 10 },
  { tag: 'french', response: 'Réponse : (A)', pred: 'A', status: 'answered', n: 4 },
  { tag: 'japanese', response: '光合成は葉緑体で行われるので、正解は C です。', pred: 'C', status: 'answered', n: 10 },

  // Committing to nothing.
  { tag: 'consider_each_cutoff', response: 'To find the ionic compound, consider each choice:\n(A) Sodium chloride — metal and nonmetal\n(B) Methane — two nonmetals\n(C) Magnesium oxide —', pred: null, status: 'truncated', n: 10, truncated: true },
  { tag: 'correct_answer_colon_relist_cutoff', response: `Based on the definition of a fiduciary duty, the correct answer:\n(A) A duty of loyalty owed to shareholders\n(B) A duty to maximise short-term profit\n(C)`, pred: null, status: 'truncated', n: 10, truncated: true },
  { tag: 'relist_bare_letter_cutoff', response: 'The options again are:\n\nA) 12 N\nB) 24 N\nC) 36 N\n(D)', pred: null, status: 'truncated', choices: ['12 N', '24 N', '36 N', '48 N'], truncated: true },
  { tag: 'also_incorrect_none_above', response: 'Thus, (A) double-counts the kinetic energy, (B) drops the friction term, (C) is also incorrect because it uses the wrong mass, and (D) has the wrong sign. The answer is none of the above.', pred: null, status: ABSTAIN, choices: ['12.5 J', '25 J', '50 J', '-12.5 J'] },
  { tag: 'closest_withdrawn', response: `The closest option is (F) 320 K. But wait, F assumes the gas expands at constant pressure, which the problem rules out, so it can't be right either. I'm not able to match my result to any of the options.`, pred: null, status: ABSTAIN, choices: ['280 K', '290 K', '300 K', '305 K', '310 K', '320 K', '330 K', '340 K', '350 K', '360 K'] },
  { tag: 'none_correct', response: 'None of the options are correct; the actual half-life is 8 days.', pred: null, status: ABSTAIN, n: 10 },
  { tag: 'numeric_not_in_options', response: 'Solving 3x − 4 = 29 gives x = 11.', pred: null, status: ABSTAIN, choices: ODD_NUMBERS },
  { tag: 'hedge_two_options', response: `It's either B or D; I can't decide between them without knowing whether the firm is in the short run or the long run.`, pred: null, status: ABSTAIN, n: 10 },
  { tag: 'two_answers_or', response: 'The answer is (C) or (F).', pred: null, status: 'ambiguous', n: 10 },
  { tag: 'both_correct', response: 'Both A and C are correct, since each describes a valid way to reduce moral hazard.', pred: null, status: 'ambiguous', n: 4 },
  { tag: 'flip_flop_unresolved', response: `Hmm. I'd say A. Actually no — B, because the elasticity is above one. Hmm, A again? I keep going back and forth, so I'll leave it there.`, pred: null, status: ABSTAIN, n: 4 },
  { tag: 'loop_no_commit', response: 'Is it (A)? Or is it (B)? Is it (A)? Or is it (B)? Is it (A)? Or is it (B)? Is it (A)? Or is it (B)? Is it (A)? Or is it', pred: null, status: ['truncated', 'ambiguous'], n: 10, truncated: true },
  { tag: 'degenerate_repeat', response: 'The cell membrane is made of the membrane the membrane the membrane the membrane the membrane the membrane the membrane the membrane the membrane the membrane the membrane the membrane', pred: null, status: 'truncated', n: 10, truncated: true },
  { tag: 'cutoff_mid_calculation', response: 'To solve this, first compute the present value of the annuity: PV = 500 × [1 − (1.05)^−10] / 0.05 = 500 × 7.7217 = 3,86', pred: null, status: 'truncated', choices: ['$3,500', '$3,861', '$4,000', '$4,250', '$5,000', '$3,200', '$3,750', '$4,500', '$2,900', '$6,100'], truncated: true },
  { tag: 'think_cutoff', response: `<think>\nLet me work through this. Option A says the Senate ratifies treaties by simple majority, which is wrong, it's two-thirds. Option C seems right at first, but the House doesn't have a role in ratification. Hmm, what about`, pred: null, status: 'truncated', n: 10, truncated: true },
  { tag: 'answer_label_empty', response: 'Answer:', pred: null, status: ['no_answer', 'truncated'], n: 10 },
  { tag: 'empty_reply', response: '', pred: null, status: 'no_answer', n: 10 },
  { tag: 'refusal_medical', response: `As an AI, I don't provide medical diagnoses. Please consult a qualified doctor about these symptoms.`, pred: null, status: 'refused', n: 10 },
  { tag: 'refusal_weapons', response: `I'm sorry, but I can't help with questions about making explosives.`, pred: null, status: 'refused', n: 4 },
  { tag: 'discussion_no_pick', response: `This is a classic debate in moral philosophy. Consequentialists would say the outcome matters most, while deontologists focus on duties and rights. Virtue ethicists would ask what a good person would do. Each of these perspectives captures something important about the case.`, pred: null, status: 'no_answer', n: 10 },
];

export const HOLDOUT_MATH_15: HoldoutMathCase[] = [
  // Ordinary, right.
  { tag: 'gsm_hash', response: 'The bakery sells 48 muffins in the morning and twice as many, 96, in the afternoon. 48 + 96 = 144. They had 12 left over from yesterday that were thrown away, which does not change today\'s sales.\n#### 144', reference: '144', correct: true, status: 'answered' },
  { tag: 'gsm_calc_annotations', response: 'He works 12 hours at $5 per hour, so he earns 12*5=<<12*5=60>>60 dollars.\nHe spends 60/4=<<60/4=15>>15 dollars on lunch.\nHe keeps 60-15=<<60-15=45>>45 dollars.\n#### 45', reference: '45', correct: true, status: 'answered' },
  { tag: 'answer_is_plain', response: 'Each of the 5 shelves holds 15 books, so 5 × 15 = 75. The answer is 75.', reference: '75', correct: true, status: 'answered' },
  { tag: 'boxed_frac', response: r`There are 6 favourable outcomes out of 8, so the probability is $\frac{6}{8} = \frac{3}{4}$.

$\boxed{\frac{3}{4}}$`, reference: r`\frac{3}{4}`, correct: true, status: 'answered' },
  { tag: 'decimal_vs_frac', response: 'Three of the four marbles are not red, so the probability is 0.75.', reference: r`\frac{3}{4}`, correct: true, status: 'answered' },
  { tag: 'unsimplified_frac_boxed', response: r`$P = \boxed{\frac{6}{8}}$`, reference: r`\frac{3}{4}`, correct: true, status: 'answered' },
  { tag: 'currency_separator', response: 'Rent is $950 and utilities are $290, so she pays $950 + $290 = $1,240 per month.\n\nTotal: $1,240', reference: '1240', correct: true, status: 'answered' },
  { tag: 'dollars_word', response: 'After buying the notebook for 5 dollars and the pen for 3 dollars, Maya has 15 − 8 = 7 dollars left.', reference: '7', correct: true, status: 'answered' },
  { tag: 'cents', response: 'Two tickets at $7.25 each cost $14.50, plus $4.00 for popcorn: $18.50 in all.', reference: '18.5', correct: true, status: 'answered' },
  { tag: 'percent', response: 'The price dropped from $80 to $68, a decrease of $12. 12/80 = 0.15, so the discount is 15%.', reference: '15', correct: true, status: 'answered' },
  { tag: 'percent_vs_decimal', response: 'Exactly one of the four outcomes is two heads, so the probability is 25%.', reference: '0.25', correct: true, status: 'answered' },
  { tag: 'scientific_times', response: 'Answer: 3.2 × 10^4', reference: '32000', correct: true, status: 'answered' },
  { tag: 'e_notation', response: 'Multiplying the moles by Avogadro\'s number: 1.00 mol × 6.02e23 = 6.02e23 molecules.', reference: r`6.02 \times 10^{23}`, correct: true, status: 'answered' },
  { tag: 'boxed_negative', response: r`Subtracting 10 from both sides, $2x = -14$, so $x = \boxed{-7}$.`, reference: '-7', correct: true, status: 'answered' },
  { tag: 'number_word', response: 'Counting the triangles in each row: 1 + 3 + 5 + 3 = twelve. The answer is twelve.', reference: '12', correct: true, status: 'answered' },
  { tag: 'boxed_pair', response: r`Adding the equations gives $3x = 6$, so $x = 2$ and $y = -3$. The solution is $\boxed{(2, -3)}$.`, reference: '(2,-3)', correct: true, status: 'answered' },
  { tag: 'boxed_interval', response: r`The numerator $\sqrt{x+2}$ needs $x \ge -2$ and the denominator $\sqrt{5-x}$ needs $x < 5$, so the domain is $\boxed{[-2, 5)}$.`, reference: '[-2,5)', correct: true, status: 'answered' },
  { tag: 'infinite_interval', response: r`Solving $3 - x \ge 0$ gives $x \le 3$, i.e. $(-\infty, 3]$.`, reference: r`(-\infty,3]`, correct: true, status: 'answered' },
  { tag: 'solution_set_reordered', response: r`Factoring, $(x-2)(x+5) = 0$, so the solutions are $\boxed{2, -5}$.`, reference: '-5, 2', correct: true, status: 'answered' },
  { tag: 'plus_minus', response: r`$x^2 = 16$, so $x = \pm 4$.`, reference: '-4, 4', correct: true, status: 'answered' },
  { tag: 'polynomial_last_sentence', response: r`Using FOIL: $x \cdot x = x^2$, $x \cdot 3 + 2 \cdot x = 5x$, and $2 \cdot 3 = 6$. Expanding, the product is $x^2 + 5x + 6$.`, reference: 'x^2+5x+6', correct: true, status: 'answered' },
  { tag: 'expression_no_box', response: r`By the chain rule, the derivative of $\sin(3x)$ is $3\cos(3x)$ — the 3 comes from differentiating the inside, and evaluating at 0 would give 3, but the question asks for the derivative itself, which is $3\cos(3x)$.`, reference: r`3\cos(3x)`, correct: true, status: 'answered' },
  { tag: 'base_subscript_missing', response: 'Dividing 11 by 2 repeatedly: remainders 1, 1, 0, 1. Reading them upward, the binary representation is 1011.', reference: '1011_2', correct: true, status: 'answered' },
  { tag: 'base_subscript_boxed_missing', response: r`$59 = 2\cdot 27 + 0\cdot 9 + 1\cdot 3 + 2$, so in base 3 it is $\boxed{2012}$.`, reference: '2012_3', correct: true, status: 'answered' },
  { tag: 'answer_inside_box', response: r`The number of handshakes is $\binom{10}{2} = 45$.

$\boxed{answer: 45}$`, reference: '45', correct: true, status: 'answered' },
  { tag: 'answer_inside_box_text', response: r`\boxed{\text{Answer: } 24}`, reference: '24', correct: true, status: 'answered' },
  { tag: 'bold_word_final', response: r`Replacing $x$ with $-x$: $f(-x) = (-x)^3 - (-x) = -(x^3 - x) = -f(x)$. Therefore $f$ is **odd**.`, reference: 'odd', correct: true, status: 'answered' },
  { tag: 'radical_boxed', response: r`The distance is $\sqrt{(4-0)^2 + (2-0)^2} = \sqrt{20} = \boxed{2\sqrt{5}}$.`, reference: r`2\sqrt{5}`, correct: true, status: 'answered' },
  { tag: 'pi_in_sentence', response: r`The radius is 4, so the area is $\pi r^2 = 16\pi$ square units.`, reference: r`16\pi`, correct: true, status: 'answered' },
  { tag: 'pi_unicode', response: 'The reference angle with sine 1/2 in the first quadrant is π/6.', reference: r`\frac{\pi}{6}`, correct: true, status: 'answered' },
  { tag: 'complex_boxed', response: r`$(1 - i)(2 - i)... $ let me just multiply: $(2+i)(1-i) = 2 - 2i + i - i^2 = 3 - i$. Hmm, the problem asks for $\overline{3 + 2i}$, which is $\boxed{3 - 2i}$.`, reference: '3-2i', correct: true, status: 'answered' },
  { tag: 'degrees', response: 'A regular pentagon has exterior angles of 360/5 = 72 degrees each, so the angle measures 72°.', reference: '72', correct: true, status: 'answered' },
  { tag: 'units_km', response: 'She runs 2.5 km a day for 5 days, so she runs 12.5 km.', reference: '12.5', correct: true, status: 'answered' },
  { tag: 'mixed_number', response: 'Doubling the recipe means 2 × 1 3/4 = 3 1/2 cups of flour.', reference: r`\frac{7}{2}`, correct: true, status: 'answered' },
  { tag: 'dfrac_vs_decimal', response: r`$\dfrac{7}{2}$`, reference: '3.5', correct: true, status: 'answered' },
  { tag: 'minerva_final', response: r`There are $\binom{8}{3} = 56$ ways to choose the committee and 35 of them include at least one teacher, so the probability is $\frac{35}{56} = \frac{5}{8}$.

Final Answer: The final answer is $\frac{5}{8}$. I hope it is correct.`, reference: r`\frac{5}{8}`, correct: true, status: 'answered' },
  { tag: 'answer_colon_frac', response: 'Answer: 1/3', reference: r`\frac{1}{3}`, correct: true, status: 'answered' },
  { tag: 'compound_interest_prose', response: 'Using A = P(1 + r)^t = 1000 × 1.05^3 = 1000 × 1.157625, after 3 years the investment is worth $1,157.63.', reference: '1157.63', correct: true, status: 'answered' },
  { tag: 'answer_first_line', response: '42\n\nExplanation: the 6 teams each play the other 5 teams once at home and once away would give 60 games, but the question says each pair meets once... no wait, it asks for 7 teams playing 12 rounds of... the schedule lists 42 matches in total.', reference: '42', correct: true, status: 'answered' },
  { tag: 'json_number', response: '{"answer": 64}', reference: '64', correct: true, status: 'answered' },
  { tag: 'x_equals', response: 'Subtract 5 from both sides: 3x = 12. Divide by 3: x = 4', reference: '4', correct: true, status: 'answered' },
  { tag: 'latex_dollar_escape', response: r`The total cost is $3 \times \$12 + \$9 = \$45$. So the total cost is \$45.`, reference: '45', correct: true, status: 'answered' },
  { tag: 'hash_with_separator', response: 'The factory makes 250 widgets per day for 6 days: 250 × 6 = 1,500.\n#### 1,500', reference: '1500', correct: true, status: 'answered' },
  { tag: 'space_separator', response: 'Population after growth: 1 000 000 × 1.25 = 1 250 000 people.', reference: '1250000', correct: true, status: 'answered' },

  // Reasoning models, corrections, loops, follow-ups, languages, stutter (right).
  { tag: 'think_then_answer', response: '<think>\nThe garden is 7 by 4, so the area is 28. Wait, the path takes up... no, the question asks only for the garden itself. 7 × 4 = 28.\n</think>\n\nThe answer is 28.', reference: '28', correct: true, status: 'answered' },
  { tag: 'think_stray_numbers_bold_final', response: '<think>\nTotal degrees in a hexagon: (6 − 2) × 180 = 720. Each angle of the regular hexagon is 120. The question asks for the sum of exterior angles, which is always 360 regardless of n.\n</think>\n\n**Final answer:** 360', reference: '360', correct: true, status: 'answered' },
  { tag: 'correction_to_right', response: 'Tom has 20 apples, gives away 6, so 14. Wait, I forgot the 3 apples his sister returned: 14 + 3 = 17. The answer is 17.', reference: '17', correct: true, status: 'answered' },
  { tag: 'loop_same_answer', response: 'The answer is 56.\n\nThe answer is 56.\n\nThe answer is 56.\n\nThe answer is 56.\n\nThe answer is 56.\n\nThe answer is 56.\n\nThe answer is', reference: '56', correct: true, status: 'answered', truncated: true },
  { tag: 'invented_followup_hash', response: 'The car travels 80 km in 2 hours, so its speed is 40 km/h.\n#### 40\n\nQuestion: A train travels 300 km in 2 hours. What is its speed?\nAnswer: 300 / 2 = 150 km/h.\n#### 150', reference: '40', correct: true, status: 'answered' },
  { tag: 'loop_after_answer_varied', response: 'So the final answer is 9.\n\nLet me double-check: 81 = 9², yes. So the final answer is 9.\n\nLet me double-check: 81 = 9², yes. So the final answer is 9.\n\nLet me double-check: 81 = 9², yes. So the final', reference: '9', correct: true, status: 'answered', truncated: true },
  { tag: 'chinese', response: '每排有 9 个座位，共 5 排，所以一共有 9 × 5 = 45 个座位。\n所以答案是 45。', reference: '45', correct: true, status: 'answered' },
  { tag: 'spanish', response: 'Juan tenía 15 manzanas y regaló 7, así que le quedan 8.\nRespuesta: 8 manzanas', reference: '8', correct: true, status: 'answered' },
  { tag: 'stutter_quantized', response: 'The the total total is is 36 36 36.', reference: '36', correct: true, status: 'answered' },
  { tag: 'boxed_then_hope', response: r`So the sum of the digits is $1 + 2 + 9 = 12$.

\boxed{12}

I hope this helps! Let me know if you have any other questions.`, reference: '12', correct: true, status: 'answered' },

  // Wrong answers.
  { tag: 'wrong_hash', response: 'She reads 12 pages on Monday and 5 more on Tuesday, so 12 + 5 = 17 pages.\n#### 17', reference: '19', correct: false, status: 'answered' },
  { tag: 'wrong_boxed_frac', response: r`The probability is $\boxed{\frac{2}{3}}$.`, reference: r`\frac{3}{4}`, correct: false, status: 'answered' },
  { tag: 'wrong_base_digits', response: 'Converting 13 to binary: 13 = 8 + 2 + 1, which is 1011.', reference: '1101_2', correct: false, status: 'answered' },
  { tag: 'wrong_percent', response: 'The discount is 12/60 = 20%.', reference: '15', correct: false, status: 'answered' },
  { tag: 'wrong_sign_dropped', response: r`So $|x| = 7$ and the answer is $\boxed{7}$.`, reference: '-7', correct: false, status: 'answered' },
  { tag: 'wrong_after_correction', response: 'The answer is 24. Hmm, actually I should include the 6 extra chairs in the hall: 24 + 6 = 30. The answer is 30.', reference: '24', correct: false, status: 'answered' },
  { tag: 'wrong_followup_matches_reference', response: 'Each box holds 7 pens, so 5 boxes hold 35 pens. The answer is 35.\n\nQuestion: A shelf has 6 rows of 8 books. How many books are there?\nAnswer: 6 × 8 = 48. The answer is 48.', reference: '48', correct: false, status: 'answered' },
  { tag: 'wrong_reasoning_contains_reference', response: 'Three packs of 12 is 3 × 12 = 36 cans. She then buys 4 more cans, so the total is 40.', reference: '36', correct: false, status: 'answered' },
  { tag: 'wrong_pair_swapped', response: r`Solving, $x = 2$ and $y = 3$, so the point is $(2, 3)$.`, reference: '(3,2)', correct: false, status: 'answered' },
  { tag: 'wrong_polynomial', response: r`Multiplying out, $(x+1)(x+4) = x^2 + 5x + 4$. So the expanded form is $x^2 + 5x + 4$.`, reference: 'x^2+5x+6', correct: false, status: 'answered' },
  { tag: 'wrong_radical', response: r`$\sqrt{12} = \boxed{2\sqrt{3}}$`, reference: r`2\sqrt{5}`, correct: false, status: 'answered' },
  { tag: 'wrong_think_final', response: '<think>\nShe starts with 20 stickers and gives 8 away: 12. Hmm, no — she also gives 2 to her brother, so 10. Wait, the brother gave her 2. So 14.\n</think>\n\nThe answer is 14.', reference: '12', correct: false, status: 'answered' },
  { tag: 'wrong_chinese', response: '一共有 4 × 8 = 32 个苹果，吃掉 2 个，答案是 30。', reference: '32', correct: false, status: 'answered' },
  { tag: 'wrong_number_word', response: 'Adding them up gives eleven. The answer is eleven.', reference: '12', correct: false, status: 'answered' },
  { tag: 'wrong_bold_word', response: r`Since $f(-x) = x^2 + 1 = f(x)$, the function is **even**.`, reference: 'odd', correct: false, status: 'answered' },
  { tag: 'wrong_answer_inside_box', response: r`$\boxed{answer: 54}$`, reference: '45', correct: false, status: 'answered' },
  { tag: 'wrong_currency', response: 'Rent of $1,100 and utilities of $320 come to $1,420 per month.', reference: '1240', correct: false, status: 'answered' },
  { tag: 'wrong_scientific_exponent', response: r`The result is $3.2 \times 10^3$.`, reference: '32000', correct: false, status: 'answered' },
  { tag: 'wrong_interval_bracket', response: r`The domain is $\boxed{[-2, 5]}$.`, reference: '[-2,5)', correct: false, status: 'answered' },
  { tag: 'wrong_decimal_close', response: r`Half of 35 is $\boxed{17.5}$.`, reference: '17', correct: false, status: 'answered' },
  { tag: 'wrong_negative', response: 'x = -3', reference: '3', correct: false, status: 'answered' },
  { tag: 'wrong_minerva', response: 'Final Answer: The final answer is $\\frac{1}{6}$. I hope it is correct.', reference: r`\frac{1}{3}`, correct: false, status: 'answered' },

  // No answer.
  { tag: 'hedge_two_numbers', response: `It's either 12 or 14 depending on whether the first day counts, and the problem doesn't say.`, reference: '12', correct: false, status: ABSTAIN },
  { tag: 'refusal', response: `I'm sorry, but I can't assist with that request.`, reference: '20', correct: false, status: 'refused' },
  { tag: 'cutoff_mid_sentence', response: 'Let\'s compute: first, the area of the rectangle is 12 × 8 = 96. Then we subtract the triangle, which has area', reference: '72', correct: false, status: 'truncated', truncated: true },
  { tag: 'loop_setup', response: 'Let x be the number of apples. Then 2x + 3 is the number of oranges. Let x be the number of apples. Then 2x + 3 is the number of oranges. Let x be the number of apples. Then 2x + 3 is the number of oranges. Let x be the number of apples. Then', reference: '11', correct: false, status: 'truncated', truncated: true },
  { tag: 'think_cutoff', response: '<think>\nOkay, so the first bus leaves at 8:15 and the second at 8:40. The difference is 25 minutes. Then the third bus', reference: '50', correct: false, status: 'truncated', truncated: true },
  { tag: 'offer_no_answer', response: 'This problem requires integrating by parts twice. Let me know if you would like me to walk through the steps!', reference: r`\frac{\pi}{4}`, correct: false, status: 'no_answer' },
  { tag: 'cutoff_mid_latex', response: r`Using the quadratic formula, $x = \frac{-4 \pm \sqrt{16 - 4\cdot 1 \cdot (-5)}}{2} = \frac{-4 \pm \sqrt{36}}{`, reference: '1, -5', correct: false, status: 'truncated', truncated: true },
];
