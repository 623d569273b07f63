/**
 * A tuning set for issue 18, written blind (before reading the grader, the corpus or the hold-out batches) by a
 * third engineer so the grader is tuned on more than one writer's style. First-run figures are recorded in the
 * tests that use it. Every case must pass.
 *
 * Organised subject by subject: 10-option MMLU-Pro-like multiple choice (law, psychology, chemistry, physics,
 * biology, economics, history, engineering, health, philosophy, business, computer science; option texts in most
 * cases) and math (arithmetic word problems, algebra, geometry, counting and probability, number theory,
 * precalculus, intermediate algebra). Each reply imitates a small local model (1-8B, chat/base/reasoning,
 * quantized): the answer is often stated only through option text or a computed value, sits mid-reply before a
 * justification that names other options or numbers, is revised, or is cut off. About a third are ordinary.
 * Multiple choice: 5 labels widened after the first run (each with a comment); 3 cases are known misses, listed
 * with why in test/grade-broad.test.ts.
 */
import type { GradeStatus } from '../../lib/grade/types.ts';
import type { HoldoutMathCase, HoldoutMcCase } from './holdout.ts';

const r = String.raw;
const ABSTAIN: GradeStatus[] = ['no_answer', 'ambiguous'];

// ---------------------------------------------------------------------------------------------------------------
// Option lists shared by several replies (each list is one question, answered differently by different models).

/** A donor's promise to a charity that relied on it: best theory of recovery. Key: B. */
const LAW_PROMISE = ['Breach of contract', 'Promissory estoppel', 'Unjust enrichment', 'Quantum meruit', 'Fraudulent misrepresentation', 'Mutual mistake', 'Frustration of purpose', 'Impossibility of performance', 'Duress', 'Unconscionability'];
/** A stabbed victim who believes he is dying names his attacker: the statement is... Key: B. */
const LAW_HEARSAY = ['Inadmissible hearsay', 'Admissible as a dying declaration', 'Admissible as a present sense impression', 'Admissible as an excited utterance', 'Admissible as a statement against interest', 'Inadmissible because the declarant is unavailable', 'Admissible as a prior identification', 'Inadmissible character evidence', 'Admissible only to impeach', 'Admissible as a business record'];
const Q_NEGLIGENCE_NOT = 'Which of the following is NOT an element a plaintiff must prove in a negligence claim?';
/** Key: E. */
const LAW_NEGLIGENCE = ['Duty', 'Breach', 'Causation', 'Damages', 'Intent to harm', 'Proximate cause', 'Standard of care', 'Foreseeability', 'Actual injury', 'Cause in fact'];
/** A dog salivates at the sound of a can opener. Key: C. */
const PSY_CONDITIONING = ['Operant conditioning', 'Observational learning', 'Classical conditioning', 'Negative reinforcement', 'Habituation', 'Insight learning', 'Shaping', 'Latent learning', 'Sensitization', 'Extinction'];
/** Precipitate from NaCl(aq) + AgNO3(aq). Key: B. */
const CHEM_PRECIP = ['NaNO3', 'AgCl', 'NaCl', 'AgNO3', 'Na2O', 'Ag2O', 'Cl2', 'HNO3', 'NaAg', 'No precipitate forms'];
/** pH of 0.10 M acetic acid / 0.10 M acetate (Ka = 1.8e-5). Key: C. */
const CHEM_BUFFER = ['2.87', '3.74', '4.74', '5.74', '7.00', '9.26', '4.00', '2.37', '8.26', '1.00'];
/** Grams of NaCl in 0.250 L of 0.600 M solution (8.77 g; no option matches). */
const CHEM_MASS = ['5.85 g', '8.50 g', '9.00 g', '14.6 g', '2.19 g', '35.1 g', '0.150 g', '17.5 g', '4.38 g', '11.7 g'];
/** Speed of a ball dropped from 7.35 m (g = 9.8 m/s^2). Key: D. */
const PHYS_DROP = ['6.0 m/s', '8.5 m/s', '10.0 m/s', '12.0 m/s', '14.7 m/s', '72 m/s', '3.5 m/s', '24.0 m/s', '9.8 m/s', '144 m/s'];
const Q_LIVER_EXCEPT = 'All of the following are functions of the liver EXCEPT:';
/** Key: D. */
const BIO_LIVER = ['Bile production', 'Glycogen storage', 'Detoxification of drugs', 'Insulin secretion', 'Synthesis of albumin', 'Urea formation', 'Storage of vitamin A', 'Production of clotting factors', 'Gluconeogenesis', 'Breakdown of old red blood cells'];
/** Where photosynthesis takes place. Key: E. */
const BIO_ORGANELLE = ['Nucleus', 'Mitochondrion', 'Ribosome', 'Vacuole', 'Chloroplast', 'Cell wall', 'Lysosome', 'Cytoplasm', 'Endoplasmic reticulum', 'Peroxisome'];
/** Midpoint price elasticity, price $10 -> $12, quantity 100 -> 80. Key: D (about 1.22). */
const ECON_ELASTICITY = ['0.50', '0.82', '1.00', '1.22', '1.50', '2.00', '0.20', '1.10', '0.91', '2.50'];
/** Profit with total revenue $5,000 and total cost $3,750. Key: A. */
const ECON_PROFIT = ['$1,250', '$8,750', '$1,000', '$3,750', '$5,000', '-$1,250', '$2,500', '$750', '$125', '$12,500'];
/** Year of the Peace of Westphalia. Key: A. */
const HIST_WESTPHALIA = ['1648', '1618', '1713', '1555', '1815', '1589', '1701', '1660', '1688', '1598'];
/** What set off the First World War. Key: B. */
const HIST_WW1 = ['The sinking of the Lusitania', 'The assassination of Archduke Franz Ferdinand', 'The invasion of Poland', 'The Zimmermann Telegram', 'The Treaty of Versailles', 'The Battle of the Marne', 'The Russian Revolution', 'The Boxer Rebellion', 'The Franco-Prussian War', 'The annexation of Bosnia'];
/** Minimum diameter of a steel rod carrying 50 kN at 100 MPa allowable stress. Key: C. */
const ENG_ROD = ['12.6 mm', '20.0 mm', '25.2 mm', '35.7 mm', '50.0 mm', '8.0 mm', '17.8 mm', '22.4 mm', '31.6 mm', '40.0 mm'];
/** Vitamin whose deficiency causes scurvy. Key: D. */
const HEALTH_SCURVY = ['Vitamin A', 'Vitamin B1', 'Vitamin B12', 'Vitamin C', 'Vitamin D', 'Vitamin E', 'Vitamin K', 'Folate', 'Niacin', 'Riboflavin'];
/** Kant: an action has moral worth when it is done... Key: C. */
const PHIL_KANT = ['From inclination', 'In accordance with duty but from self-interest', 'From duty', 'To maximize happiness', 'From sympathy', 'To achieve eudaimonia', 'Out of fear of punishment', 'Because God commands it', 'By social convention', 'To satisfy desire'];
/** Ansoff matrix: existing products in existing markets. Key: D. */
const BUS_ANSOFF = ['Market development', 'Product development', 'Diversification', 'Market penetration', 'Vertical integration', 'Horizontal integration', 'Retrenchment', 'Harvesting', 'Concentric diversification', 'Divestiture'];
/** NPV of paying $1,000 now for $1,100 in a year at 10%. Key: B. */
const BUS_NPV = ['$100', '$0', '$10', '-$100', '$1,100', '$90.91', '-$9.09', '$1,000', '$110', '$9.09'];
/** Worst-case time complexity of quicksort. Key: C. */
const CS_QUICKSORT = ['O(n)', 'O(n log n)', 'O(n^2)', 'O(log n)', 'O(1)', 'O(2^n)', 'O(n^3)', 'O(n!)', 'O(sqrt n)', 'O(n log^2 n)'];

export const BROAD3_MC: HoldoutMcCase[] = [
  // ---------------- Law ----------------
  { tag: 'law_ordinary', response: 'The answer is (B).', pred: 'B', status: 'answered', choices: LAW_PROMISE },
  { tag: 'law_option_text_only', response: `A promise to make a gift is not a contract because there is no bargained-for consideration. However, the charity relied on the promise to its detriment by starting construction, and that reliance was foreseeable. Its best theory of recovery is therefore promissory estoppel.`, pred: 'B', status: 'answered', choices: LAW_PROMISE },
  { tag: 'law_answer_then_other_options', response: `Answer: (B)\n\nExplanation: There was no consideration, so breach of contract (A) fails. Unjust enrichment (C) requires a benefit conferred on the donor, which did not happen here, and quantum meruit (D) is for services rendered. Frustration of purpose (G) and impossibility (H) are defenses, not theories of recovery.`, pred: 'B', status: 'answered', choices: LAW_PROMISE },
  { tag: 'law_revision', response: `My first instinct is (D), an excited utterance, since he had just been stabbed. However, the key fact is that he believed his death was imminent, and the statement concerns the cause of his death. That is exactly the dying declaration exception.\n\nFinal answer: (B)`, pred: 'B', status: 'answered', choices: LAW_HEARSAY },
  // Two exceptions offered as equally good; the reply never picks one.
  { tag: 'law_two_answers_no_pick', response: `This statement could come in as a dying declaration (B) or as an excited utterance (D). Both exceptions fit these facts, and courts have admitted similar statements under either one.`, pred: null, status: ['ambiguous', 'no_answer'], choices: LAW_HEARSAY },
  { tag: 'law_not_question_option_not_required', question: Q_NEGLIGENCE_NOT, response: `Negligence requires a duty, a breach of that duty, causation (both cause in fact and proximate cause) and damages. Option E is not required: intent to harm is what separates intentional torts from negligence.`, pred: 'E', status: 'answered', choices: LAW_NEGLIGENCE },
  { tag: 'law_not_question_text', question: Q_NEGLIGENCE_NOT, response: `Everything listed is part of the negligence analysis except intent to harm. So E.`, pred: 'E', status: 'answered', choices: LAW_NEGLIGENCE },
  { tag: 'law_walkthrough_cut', truncated: true, response: `Let's go through each option.\n(A) Adverse possession requires open and notorious use; here the use was secret, so A is wrong.\n(B) An easement by necessity arises only when land is landlocked, and this parcel has road access, so B fails.\n(C) A prescriptive easement requires use that is continuous for the statutory period, and the neighbor used the path for 12 years, which`, pred: null, status: 'truncated', n: 10 },
  { tag: 'law_option_in_prose', response: `The Fourth Amendment's exclusionary rule does not apply when officers reasonably rely on a warrant that is later found defective. This is the good-faith exception from United States v. Leon, which is (option F) in the list. The evidence therefore comes in.`, pred: 'F', status: 'answered', n: 10 },

  // ---------------- Psychology ----------------
  { tag: 'psy_is_letter_text', response: `The can opener's sound is a neutral stimulus that has been paired with food, an unconditioned stimulus, until the sound alone produces salivation. The answer is C. Classical conditioning`, pred: 'C', status: 'answered', choices: PSY_CONDITIONING },
  { tag: 'psy_quoted_with_text', response: `The best answer is "C. Classical conditioning", because the response is elicited by a stimulus rather than shaped by its consequences as in operant conditioning.`, pred: 'C', status: 'answered', choices: PSY_CONDITIONING },
  { tag: 'psy_base_continuation_invented', response: `Answer: C\n\nQuestion: Who proposed the theory of psychosocial development?\nA. Freud\nB. Erikson\nC. Piaget\nD. Kohlberg\nAnswer: B\n\nQuestion: Which part of the brain regulates hunger?\nA. Hippocampus\nB. Amygdala\nC. Hypothalamus\nD. Cerebellum\nAnswer: C\n\nQuestion:`, pred: 'C', status: 'answered', choices: PSY_CONDITIONING },
  { tag: 'psy_option_word_closing', response: `Maslow arranged needs in a pyramid: physiological needs at the base, then safety, then love and belonging, then esteem, and finally self-actualization at the top. The student described here has food, shelter and friends and now wants recognition from her peers, which is the esteem level. Taking all of that into account, I'd pick Option G.`, pred: 'G', status: 'answered', n: 10 },
  { tag: 'psy_think_then_answer', response: `<think>\nOkay, the question is about why nobody helped. Is it pluralistic ignorance, (A)? That is when everyone looks at others to decide whether it's an emergency. But the question says each person felt less personally responsible because others were present. That's diffusion of responsibility, which is (F).\n</think>\n\nThe answer is (F).`, pred: 'F', status: 'answered', n: 10 },
  { tag: 'psy_think_cut', truncated: true, response: `<think>\nHmm, (A) or (F)? Pluralistic ignorance is about interpreting the situation, diffusion of responsibility is about feeling responsible. Let me recall what Darley and Latané actually found in the seizure study. They found that`, pred: null, status: 'truncated', n: 10 },
  { tag: 'psy_ordinary_step', response: `Let's think step by step. Piaget's preoperational stage (about ages 2-7) is marked by egocentrism and a lack of conservation. A child who insists the taller glass holds more water has not yet mastered conservation. The answer is (A).`, pred: 'A', status: 'answered', n: 10 },
  { tag: 'psy_hedge_between_two', response: `I'm torn between (B) and (H). Both describe ways of coping with stress, and the vignette doesn't give enough detail to tell problem-focused from emotion-focused coping.`, pred: null, status: ABSTAIN, n: 10 },

  // ---------------- Chemistry ----------------
  { tag: 'chem_formula_only', response: `Na+ and NO3- stay in solution as spectator ions. The silver and chloride ions combine into insoluble AgCl, which is the white solid that forms.`, pred: 'B', status: 'answered', choices: CHEM_PRECIP },
  { tag: 'chem_formula_wrong', response: `The products are NaNO3 and AgCl. Hmm, sodium salts are soluble, but this looks like it should crystallize out. I think the precipitate is NaNO3.`, pred: 'A', status: 'answered', choices: CHEM_PRECIP },
  { tag: 'chem_value_only', response: `Use Henderson–Hasselbalch: pH = pKa + log([A-]/[HA]). pKa = -log(1.8 × 10^-5) = 4.74, and the ratio is 1, so log(1) = 0.\n\npH = 4.74`, pred: 'C', status: 'answered', choices: CHEM_BUFFER },
  { tag: 'chem_value_then_distractors', response: `pH = 4.74 (C). Note that 2.87 is the pH you would get for the acid alone with no acetate, and 9.26 comes from mixing up Ka with Kb, so (A) and (F) are traps.`, pred: 'C', status: 'answered', choices: CHEM_BUFFER },
  { tag: 'chem_closest_not_listed', response: `Moles of NaCl = 0.600 mol/L × 0.250 L = 0.150 mol. Mass = 0.150 mol × 58.44 g/mol = 8.77 g.\n\n8.77 g is not listed exactly, but the closest option is (C) 9.00 g.`, pred: 'C', status: 'answered', choices: CHEM_MASS },
  // Status widened to also accept 'refused' after the first run (pred unchanged): the project reports "none of the
  // options fits" as refused (test/grade-corpus/mc.ts 'refusal', 'none_of_above', 'withdrawn'; broad-2 likewise).
  { tag: 'chem_closest_withdrawn', response: `Moles = 0.600 × 0.250 = 0.150 mol, and mass = 0.150 × 58.44 = 8.77 g. The closest option is (C) 9.00 g. Hmm, but that is further off than rounding can explain, and (B) 8.50 g is nearly as close, so I don't think either is the intended answer. The question may contain a typo; I can't pick an option with confidence.`, pred: null, status: [...ABSTAIN, 'refused'], choices: CHEM_MASS },
  { tag: 'chem_consider_each_cut', truncated: true, response: `Consider each choice:\n(A) NaNO3\n(B) AgCl\n(C) NaCl\n(D) AgNO3\n(E)`, pred: null, status: 'truncated', choices: CHEM_PRECIP },
  { tag: 'chem_loop_same_answer', truncated: true, response: `The answer is (C).\n\nThe answer is (C).\n\nThe answer is (C).\n\nThe answer is (C).\n\nThe answer is (C).\n\nThe answer is (C).\n\nThe answer is (C).\n\nThe answer is`, pred: 'C', status: 'answered', choices: CHEM_BUFFER },
  { tag: 'chem_ordinary_short', response: 'B', pred: 'B', status: 'answered', choices: CHEM_PRECIP },
  { tag: 'chem_gas_law_value', response: `PV = nRT, so V = nRT/P = (2.00 mol)(0.0821 L·atm/mol·K)(300 K)/(1.00 atm) = 49.3 L. That corresponds to option I.`, pred: 'I', status: 'answered', n: 10 },

  // ---------------- Physics ----------------
  // 144 (option J) is only the intermediate v^2.
  { tag: 'phys_value_after_intermediate', response: `Energy conservation: mgh = ½mv², so v = √(2gh) = √(2 × 9.8 × 7.35) = √144 = 12 m/s.`, pred: 'D', status: 'answered', choices: PHYS_DROP },
  { tag: 'phys_wrong_forgot_root', response: `v² = 2gh = 2(9.8)(7.35) = 144.06, so v = 144 m/s. The answer is (J).`, pred: 'J', status: 'answered', choices: PHYS_DROP },
  { tag: 'phys_bold_letter', response: '**D**', pred: 'D', status: 'answered', choices: PHYS_DROP },
  { tag: 'phys_json', response: `{"reasoning": "v = sqrt(2*g*h) = sqrt(144.06) = 12.0 m/s", "answer": "D"}`, pred: 'D', status: 'answered', choices: PHYS_DROP },
  { tag: 'phys_cut_mid_calc', truncated: true, response: `First, energy conservation gives mgh = ½mv². The mass cancels, so v = √(2gh). Plugging in, 2 × 9.8 = 19.6, and 19.6 × 7.35 =`, pred: null, status: 'truncated', choices: PHYS_DROP },
  { tag: 'phys_comparison', response: `(D) has mass 2 kg at 3 m/s, so KE = ½(2)(9) = 9 J. (B) has 1 kg at 5 m/s, KE = 12.5 J. (G) has 4 kg at 2 m/s, KE = 8 J. The others are smaller still. So (B) beats (D) and (G).\n\nAnswer: B`, pred: 'B', status: 'answered', n: 10 },
  { tag: 'phys_option_paren_prose', response: `Inside a conductor in electrostatic equilibrium the free charges rearrange until they cancel any internal field, so the correct answer should be (option H), zero field everywhere inside.`, pred: 'H', status: 'answered', n: 10 },
  { tag: 'phys_vector_value', question: 'Forces of (3, -2) N and (1, 5) N act on a body. What is the magnitude of the resultant force?', response: `Adding components: x = 3 + 1 = 4 N, y = -2 + 5 = 3 N. The resultant is (4, 3) N with magnitude √(16 + 9) = 5 N.`, pred: 'F', status: 'answered', choices: ['1 N', '3 N', '4 N', '7 N', '25 N', '5 N', '9 N', '12 N', '2 N', '6 N'] },
  { tag: 'phys_ordinary_final', response: `The period of a pendulum is T = 2π√(L/g), which does not depend on mass. Doubling the mass leaves the period unchanged.\n\nFinal Answer: A`, pred: 'A', status: 'answered', n: 10 },

  // ---------------- Biology ----------------
  { tag: 'bio_except_negation', question: Q_LIVER_EXCEPT, response: `The liver does nearly all of these. Insulin secretion is not a liver function; insulin comes from the beta cells of the pancreatic islets. So (D).`, pred: 'D', status: 'answered', choices: BIO_LIVER },
  { tag: 'bio_except_option_text', question: Q_LIVER_EXCEPT, response: `The exception is insulin secretion.`, pred: 'D', status: 'answered', choices: BIO_LIVER },
  { tag: 'bio_table', question: Q_LIVER_EXCEPT, response: `| Option | Liver function? |\n|---|---|\n| A | Yes |\n| B | Yes |\n| C | Yes |\n| D | No (pancreas) |\n| E | Yes |\n| F | Yes |\n| G | Yes |\n| H | Yes |\n| I | Yes |\n| J | Yes |\n\nThe only "No" is D, so the answer is **D**.`, pred: 'D', status: 'answered', choices: BIO_LIVER },
  // The reply first re-answers the few-shot example (B), then the real question.
  {
    tag: 'bio_echo_fewshot',
    question: `Q: Which organelle produces most of a cell's ATP?\n(A) ribosome (B) mitochondrion (C) nucleus (D) Golgi apparatus\nA: Let's think step by step. ATP is made mainly by cellular respiration in the mitochondrion. The answer is (B).\n\nQ: Where does photosynthesis take place in a plant cell?\n(A) Nucleus (B) Mitochondrion (C) Ribosome (D) Vacuole (E) Chloroplast (F) Cell wall (G) Lysosome (H) Cytoplasm (I) Endoplasmic reticulum (J) Peroxisome\nA: Let's think step by step.`,
    response: `ATP is made mainly by cellular respiration in the mitochondrion. The answer is (B).\n\nPhotosynthesis takes place in the chloroplast, where chlorophyll in the thylakoid membranes captures light energy. The answer is (E).`,
    pred: 'E',
    status: 'answered',
    choices: BIO_ORGANELLE,
  },
  { tag: 'bio_text_with_distractor_mention', response: `Not the mitochondrion, which does respiration. Photosynthesis happens in the chloroplast.`, pred: 'E', status: 'answered', choices: BIO_ORGANELLE },
  { tag: 'bio_all_of_above', response: `Enzymes lower the activation energy, they are regenerated unchanged after each reaction, and heat can denature them. Every statement listed is true, so all of the above.`, pred: 'D', status: 'answered', choices: ['They lower the activation energy', 'They are not consumed by the reactions they catalyze', 'They can be denatured by high temperature', 'All of the above'] },
  { tag: 'bio_ordinary_colon', response: 'Answer: (E) Chloroplast', pred: 'E', status: 'answered', choices: BIO_ORGANELLE },
  { tag: 'bio_genetics_ratio', response: `Crossing two heterozygotes (Aa × Aa) gives 1 AA : 2 Aa : 1 aa, so the phenotypic ratio is 3 dominant : 1 recessive. The 1:2:1 figure is the genotypic ratio, which is option A, but the question asks about phenotypes, so the answer is (C).`, pred: 'C', status: 'answered', n: 10 },
  { tag: 'bio_stutter_quantized', response: `The the cell cell membrane membrane is is made made of of a a phospholipid bilayer bilayer. The answer is (G) (G) (G).`, pred: 'G', status: 'answered', n: 10 },

  // ---------------- Economics ----------------
  { tag: 'econ_value_then_distractor', response: `Using the midpoint formula, %ΔQ = 20/90 ≈ 22.2% and %ΔP = 2/11 ≈ 18.2%, so |E| ≈ 1.22, meaning demand is elastic. With the simple percentage method you would get 20%/20% = 1.00, which is why (C) is a tempting distractor.`, pred: 'D', status: 'answered', choices: ECON_ELASTICITY },
  { tag: 'econ_partial_credit', response: `(B) is partially right in spirit, since short-run demand tends to be inelastic, but the question asks for the midpoint elasticity between these two points. (D) is the best answer; (H) is close but comes from rounding too early.`, pred: 'D', status: 'answered', choices: ECON_ELASTICITY },
  { tag: 'econ_currency_value', response: `Profit = Total revenue − Total cost = $5,000 − $3,750 = $1,250.`, pred: 'A', status: 'answered', choices: ECON_PROFIT },
  { tag: 'econ_negative_currency_wrong', response: `Profit = $3,750 − $5,000 = -$1,250, so the firm is making a loss. (F)`, pred: 'F', status: 'answered', choices: ECON_PROFIT },
  { tag: 'econ_both_then_pick', response: `Both (B) and (E) describe effects of an expansionary monetary policy, but if I have to choose one, the most direct effect is the fall in short-term interest rates, which is (E).`, pred: 'E', status: 'answered', n: 10 },
  { tag: 'econ_percent_value', response: `Real interest rate ≈ nominal rate − inflation = 7% − 3% = 4%, which is option (G).`, pred: 'G', status: 'answered', n: 10 },
  { tag: 'econ_ordinary', response: `A price ceiling set below the equilibrium price causes quantity demanded to exceed quantity supplied, creating a shortage. The answer is (I).`, pred: 'I', status: 'answered', n: 10 },
  // Status widened to also accept 'refused' after the first run (pred unchanged): the project reports "none of the
  // options fits" as refused (test/grade-corpus/mc.ts 'refusal', 'none_of_above', 'withdrawn'; broad-2 likewise).
  { tag: 'econ_none_of_options', response: `The deadweight loss is ½ × 4 × 10 = 20. None of the options shows 20, so none of the above is correct.`, pred: null, status: ['no_answer', 'refused'], choices: ['$10', '$40', '$5', '$80', '$30', '$15', '$60', '$25', '$100', '$50'] },

  // ---------------- History ----------------
  // Both dates are options; the sentence says which one answers the question.
  { tag: 'hist_date_two_years', response: `The Thirty Years' War began in 1618 with the Defenestration of Prague and ended in 1648 with the Peace of Westphalia.`, pred: 'A', status: 'answered', choices: HIST_WESTPHALIA },
  { tag: 'hist_spanish', response: `La respuesta correcta es la (A): 1648, con la Paz de Westfalia.`, pred: 'A', status: 'answered', choices: HIST_WESTPHALIA },
  { tag: 'hist_wrong_confident', response: `The Peace of Westphalia was signed in 1618.\n\nAnswer: B`, pred: 'B', status: 'answered', choices: HIST_WESTPHALIA },
  { tag: 'hist_correct_answer_relisted_cut', truncated: true, response: `Reviewing the dates once more, the correct answer:\n(A) 1648\n(B) 1618\n(C)`, pred: null, status: 'truncated', choices: HIST_WESTPHALIA },
  { tag: 'hist_paraphrased_option', response: `It was the killing of the Austro-Hungarian heir by Gavrilo Princip in Sarajevo in June 1914 that set off the July Crisis and, within weeks, the war.`, pred: 'B', status: 'answered', choices: HIST_WW1 },
  { tag: 'hist_answer_mid_then_others', response: `The trigger was the assassination of Archduke Franz Ferdinand (B). The sinking of the Lusitania (A) and the Zimmermann Telegram (D) came later and brought the United States in, while the invasion of Poland (C) started the Second World War.`, pred: 'B', status: 'answered', choices: HIST_WW1 },
  // Status widened to also accept 'refused' after the first run (pred unchanged): the project reports "none of the
  // options fits" as refused (test/grade-corpus/mc.ts 'refusal', 'none_of_above', 'withdrawn'; broad-2 likewise).
  { tag: 'hist_therefore_none', response: `Therefore, looking at the remaining choices: (C) is also incorrect, since the Magna Carta dates from 1215, not 1066. (F) is incorrect as well, because that charter was issued by a different king. None of the options given is correct.`, pred: null, status: ['no_answer', 'refused'], n: 10 },
  { tag: 'hist_chinese', response: `答案是 (C)。`, pred: 'C', status: 'answered', n: 10 },
  { tag: 'hist_ordinary', response: `The Meiji Restoration began in 1868, when imperial rule was restored in Japan. The answer is (H).`, pred: 'H', status: 'answered', n: 10 },

  // ---------------- Engineering ----------------
  { tag: 'eng_value_units', response: `A = F/σ = 50,000 N / 100 N/mm² = 500 mm². Then d = √(4A/π) = √(636.6) ≈ 25.2 mm. So the minimum diameter is 25.2 mm.`, pred: 'C', status: 'answered', choices: ENG_ROD },
  { tag: 'eng_select_then_other', response: `Select (C) 25.2 mm. A 20 mm rod (B) would be stressed to about 159 MPa, well over the allowable 100 MPa.`, pred: 'C', status: 'answered', choices: ENG_ROD },
  { tag: 'eng_cut_mid_expression', truncated: true, response: `A = 50,000 / 100 = 500 mm². Then d = √(4 × 500 / π) = √(636.6) =`, pred: null, status: 'truncated', choices: ENG_ROD },
  { tag: 'eng_xml', response: `<reasoning>By the Nyquist criterion the sampling rate must be at least twice the highest frequency: 2 × 4 kHz = 8 kHz.</reasoning>\n<answer>H</answer>`, pred: 'H', status: 'answered', n: 10 },
  { tag: 'eng_stutter', response: `The the the answer is (F) (F) is the correct correct answer answer.`, pred: 'F', status: 'answered', n: 10 },
  { tag: 'eng_ordinary', response: `For resistors in parallel, 1/R = 1/6 + 1/3 = 1/2, so R = 2 Ω. The answer is (E).`, pred: 'E', status: 'answered', n: 10 },
  { tag: 'eng_radius_confusion_revised', response: `d = √(4A/π) = √(636.6) = 25.2 mm... wait, I want the radius? No, the question asks for the diameter, so 25.2 mm stands. The radius, 12.6 mm, is (A), but that isn't what's asked.`, pred: 'C', status: 'answered', choices: ENG_ROD },

  // ---------------- Health ----------------
  { tag: 'health_refusal', response: `I'm not a medical professional and can't provide diagnoses. Please consult a qualified healthcare provider about these symptoms.`, pred: null, status: 'refused', n: 10 },
  { tag: 'health_hedged_single', response: `It's most likely (B), iron-deficiency anemia, given the low MCV and the heavy menstrual bleeding, although a ferritin level would confirm it.`, pred: 'B', status: 'answered', n: 10 },
  { tag: 'health_text_with_other_vitamins', response: `Scurvy results from a lack of ascorbic acid, that is vitamin C, which is needed for collagen synthesis. Vitamin D deficiency causes rickets, vitamin K deficiency causes bleeding problems, and B1 deficiency causes beriberi.`, pred: 'D', status: 'answered', choices: HEALTH_SCURVY },
  { tag: 'health_disclaimer_then_answer', response: `I can't give personal medical advice, but for the purposes of this exam question the answer is (D).`, pred: 'D', status: 'answered', choices: HEALTH_SCURVY },
  { tag: 'health_ordinary', response: 'The correct option is D) Vitamin C.', pred: 'D', status: 'answered', choices: HEALTH_SCURVY },
  { tag: 'health_dose_value', response: `Dose = 15 mg/kg × 20 kg = 300 mg every 6 hours.`, pred: 'G', status: 'answered', choices: ['150 mg', '200 mg', '250 mg', '20 mg', '600 mg', '750 mg', '300 mg', '30 mg', '1,200 mg', '15 mg'] },

  // ---------------- Philosophy ----------------
  { tag: 'phil_elimination', response: `Eliminate A, B and C, since they describe consequentialist views. E through J describe virtue ethics or social contract theory. That leaves D.`, pred: 'D', status: 'answered', n: 10 },
  { tag: 'phil_text_with_contrast', response: `For Kant, moral worth belongs only to actions done from duty, not merely in accordance with duty. The shopkeeper who gives correct change out of self-interest acts in accordance with duty but not from it, so that kind of action has no moral worth.`, pred: 'C', status: 'answered', choices: PHIL_KANT },
  { tag: 'phil_only_rejections', response: `It is not (A), since it is Hume, not Kant, who grounds morality in sentiment. It is also not (D), which is Mill's view.`, pred: null, status: 'no_answer', choices: PHIL_KANT },
  { tag: 'phil_invented_followup', response: `The answer is (C).\n\nFollow-up question: Which philosopher wrote Leviathan?\n(A) Locke (B) Rousseau (C) Hume (D) Hobbes\nThe answer is (D).`, pred: 'C', status: 'answered', choices: PHIL_KANT },
  { tag: 'phil_ordinary', response: `Descartes' "cogito, ergo sum" is his foundation for knowledge that survives radical doubt. The answer is (J).`, pred: 'J', status: 'answered', n: 10 },
  { tag: 'phil_letter_long_prose', response: `Utilitarianism judges actions by their consequences for overall happiness, while deontology judges them by whether they conform to a moral rule regardless of outcome. The trolley case is constructed precisely so the two come apart: pulling the lever saves five at the cost of one. A utilitarian pulls the lever, so for this question I'd go with B.`, pred: 'B', status: 'answered', n: 10 },

  // ---------------- Business ----------------
  { tag: 'bus_option_paren_closing', response: `Selling more of the existing product line to existing customers is Ansoff's market penetration strategy (option D).`, pred: 'D', status: 'answered', choices: BUS_ANSOFF },
  { tag: 'bus_quoted_letter_text', response: `The right choice is "D. Market penetration".`, pred: 'D', status: 'answered', choices: BUS_ANSOFF },
  { tag: 'bus_npv_zero', response: `NPV = -1,000 + 1,100/1.10 = -1,000 + 1,000 = $0. The project exactly breaks even at a 10% discount rate.`, pred: 'B', status: 'answered', choices: BUS_NPV },
  { tag: 'bus_npv_wrong', response: `NPV = 1,100 − 1,000 = $100, so (A).`, pred: 'A', status: 'answered', choices: BUS_NPV },
  { tag: 'bus_npv_revise_cut', truncated: true, response: `NPV = 1,100 − 1,000 = $100 (A). Hmm, wait, that ignores discounting. Discounting the $1,100 at 10% gives 1,100/1.1 =`, pred: null, status: 'truncated', choices: BUS_NPV },
  { tag: 'bus_ordinary_markdown', response: `**Answer: (F)**\n\nA horizontal merger combines firms at the same stage of production in the same industry.`, pred: 'F', status: 'answered', n: 10 },
  { tag: 'bus_answer_middle_then_caveat', response: `The company should report the inventory at the lower of cost and net realizable value, which is $42,000, choice (E). Some students pick (B) $45,000 because that is the original cost, and (I) $38,000 if they subtract the selling costs twice.`, pred: 'E', status: 'answered', n: 10 },

  // ---------------- Computer science ----------------
  { tag: 'cs_value_then_others', response: `The worst case is O(n^2), which happens when the pivot is always the smallest or largest element. The average case is O(n log n), which is why people confuse the two; merge sort guarantees O(n log n) even in the worst case.`, pred: 'C', status: 'answered', choices: CS_QUICKSORT },
  { tag: 'cs_code_block', response: "```python\n# worst case: already-sorted input, first element as pivot\n# comparisons = n(n-1)/2\n```\nSo the answer is C.", pred: 'C', status: 'answered', choices: CS_QUICKSORT },
  { tag: 'cs_revised', response: `Answer: B. Actually no, that's the average case. The worst case is quadratic.\n\nAnswer: C`, pred: 'C', status: 'answered', choices: CS_QUICKSORT },
  { tag: 'cs_cut_recurrence', truncated: true, response: `Quicksort partitions around a pivot. In the worst case each partition peels off only one element, so the recurrence is T(n) = T(n-1) + O(n), which solves to`, pred: null, status: 'truncated', choices: CS_QUICKSORT },
  { tag: 'cs_bare_letter_end_long', response: `A hash table gives expected O(1) lookups, but the question asks for guaranteed ordered traversal as well as logarithmic insertion and deletion. A balanced binary search tree such as a red-black tree provides all three, whereas a heap only gives fast access to the minimum. So F.`, pred: 'F', status: 'answered', n: 10 },
  { tag: 'cs_ordinary', response: `A stack is last-in, first-out. The answer is (A).`, pred: 'A', status: 'answered', n: 10 },
  { tag: 'cs_wrong_value', response: `Quicksort is a divide and conquer algorithm, so its worst case is O(n log n).`, pred: 'B', status: 'answered', choices: CS_QUICKSORT },
  { tag: 'cs_binary_value', response: `In two's complement with 8 bits, -5 is written by inverting 00000101 to 11111010 and adding 1: 11111011.`, pred: 'I', status: 'answered', choices: ['00000101', '10000101', '11111010', '11110101', '01111011', '10000011', '11111100', '00000100', '11111011', '11011111'] },

  // ---------------- The known patterns, across subjects ----------------
  { tag: 'loop_after_commit_chem', truncated: true, response: `Since the reaction releases heat, ΔH is negative, so the answer is (E).\n\nIs it (E)? Or (A)? Is it (E)? Or (A)? Is it (E)? Or (A)? Is it (E)? Or (A)? Is it (E)? Or (A)? Is it (E)? Or`, pred: 'E', status: 'answered', n: 10 },
  { tag: 'invented_questions_after_commit', response: `The answer is (E).\n\nQuestion 2: What is the SI unit of electric charge?\nAnswer: (A)\n\nQuestion 3: What is the speed of light in vacuum?\nAnswer: (J)`, pred: 'E', status: 'answered', n: 10 },
  { tag: 'walkthrough_statement_cut', truncated: true, response: `Option by option:\n- A: false, the Senate confirms judges but does not appoint them.\n- B: false, that power belongs to Congress as a whole.\n- C: this one needs care, because the Constitution`, pred: null, status: 'truncated', n: 10 },
  { tag: 'closing_option_word_psy', response: `The experiment manipulated the amount of reward and measured later attitude change, and the smaller reward produced more liking for the dull task. That is the classic cognitive dissonance result, Option G.`, pred: 'G', status: 'answered', n: 10 },
  // Status widened to also accept 'refused' after the first run (pred unchanged): the project reports "none of the
  // options fits" as refused (test/grade-corpus/mc.ts 'refusal', 'none_of_above', 'withdrawn'; broad-2 likewise).
  { tag: 'conclusion_then_also_incorrect_none', response: `In conclusion, (C) is also incorrect, because a monopolist sets marginal revenue equal to marginal cost, not price equal to marginal cost. Since every option misstates the rule, the answer is none of the above.`, pred: null, status: ['no_answer', 'refused'], n: 10 },
  // Status widened to also accept 'refused' after the first run (pred unchanged): the project reports "none of the
  // options fits" as refused (test/grade-corpus/mc.ts 'refusal', 'none_of_above', 'withdrawn'; broad-2 likewise).
  { tag: 'closest_withdrawn_physics', response: `I get a wavelength of 486 nm. The closest option is (F) 500 nm. But 500 nm would correspond to a different transition, so it can't be right either. None of the listed values fits.`, pred: null, status: ['no_answer', 'refused'], n: 10 },
  { tag: 'not_listed_closest_engineering', response: `The efficiency works out to 1 − 300/800 = 0.625, i.e. 62.5%. That value isn't among the choices, but it is closest to option C.`, pred: 'C', status: 'answered', n: 10 },
  { tag: 'hedged_majority', response: `I'm not completely sure, but I'd lean toward (I), since the other options all describe prokaryotes.`, pred: 'I', status: 'answered', n: 10 },
  { tag: 'refusal_history', response: `I'm sorry, but I can't help with that request.`, pred: null, status: 'refused', n: 10 },
  { tag: 'nothing_committed_complete', response: `This question is about supply-side economics. The options describe various fiscal policies, and each has merits and drawbacks depending on the state of the economy.`, pred: null, status: 'no_answer', n: 10 },
  { tag: 'ordinary_answer_is_plain', response: 'The answer is (J).', pred: 'J', status: 'answered', n: 10 },
  { tag: 'ordinary_bare_paren', response: '(G)', pred: 'G', status: 'answered', n: 10 },
  { tag: 'ordinary_letter_colon_text', response: 'A: Operant conditioning', pred: 'A', status: 'answered', choices: PSY_CONDITIONING },
  { tag: 'ordinary_final_answer_box', response: r`The Krebs cycle takes place in the mitochondrial matrix.

Final answer: $\boxed{B}$`, pred: 'B', status: 'answered', n: 10 },
  { tag: 'ordinary_correct_option', response: `The correct option is (H). Oxidation is a loss of electrons, and the iron atom goes from +2 to +3.`, pred: 'H', status: 'answered', n: 10 },
  { tag: 'ordinary_lowercase', response: `the answer is (d)`, pred: 'D', status: 'answered', n: 10 },
  { tag: 'answer_then_explains_all_others', response: `Answer: (A) Operant conditioning is NOT right here. The answer is (C), because no reinforcement follows the behaviour; (A), (D) and (G) all involve consequences.`, pred: 'C', status: 'answered', choices: PSY_CONDITIONING },
  { tag: 'cut_answer_is_open_paren', truncated: true, response: `Going through the dates, the war that ended with the Treaty of Paris in 1783 was the American Revolutionary War. The answer is (`, pred: null, status: 'truncated', n: 10 },
  { tag: 'revision_to_letter_with_text', response: `(B) 1618. No wait, 1618 is when the war started, not when it ended. It ended in 1648, which is (A). So A.`, pred: 'A', status: 'answered', choices: HIST_WESTPHALIA },
  { tag: 'several_answers_no_final', response: `Answer: (B)\nAnswer: (E)\nAnswer: (H)`, pred: null, status: 'ambiguous', n: 10 },
  { tag: 'think_answer_differs_final', response: `<think>\nThe product of a strong acid and strong base titration at equivalence is neutral, pH 7, that's (E). Hmm, but this is a weak acid with a strong base, so the equivalence point is basic, above 7. That's (I).\n</think>\n\nAt the equivalence point only acetate remains, and it hydrolyzes to make the solution basic. **Answer: (I)**`, pred: 'I', status: 'answered', n: 10 },
  { tag: 'answer_letter_lowercase_option_prose', response: `Of the listed devices, only a transistor can amplify a signal, so I'm going with option e.`, pred: 'E', status: 'answered', n: 10 },
];

export const BROAD3_MATH: HoldoutMathCase[] = [
  // ---------------- Arithmetic word problems ----------------
  { tag: 'arith_ordinary_hashes', response: `Jenna starts with 30 stickers, gives away 12, so she has 30 - 12 = 18 left.\n#### 18`, reference: '18', correct: true, status: 'answered' },
  { tag: 'arith_currency_separator', response: `Total cost = 250 × $5 = $1,250.\n\nThe answer is $1,250.`, reference: '1250', correct: true, status: 'answered' },
  { tag: 'arith_currency_cents', response: `Each notebook costs $2.50, and she buys 5, so she pays 5 × 2.50 = $12.50 in total.`, reference: '12.5', correct: true, status: 'answered' },
  { tag: 'arith_answer_then_aside_number', response: `Tom had 32 marbles and gave 8 to his sister, so Tom has 32 - 8 = 24 marbles left.\n\nNote: if he had given away 6 instead, he would have 26.`, reference: '24', correct: true, status: 'answered' },
  { tag: 'arith_number_word', response: `The baker needs twelve trays.\n\nAnswer: twelve`, reference: '12', correct: true, status: 'answered' },
  { tag: 'arith_wrong_hashes', response: `He reads 9 pages a day for 5 days: 9 + 5 = 14... no, 9 × 5 = 45 pages.\n#### 45`, reference: '54', correct: false, status: 'answered' },
  // Right, then "corrected" to a wrong value: the reader takes the correction.
  { tag: 'arith_revised_to_wrong', response: `There are 3 boxes with 15 cookies each, so 3 × 15 = 45 cookies. Wait, let me recheck: 3 × 15 = 35. So there are 35 cookies.`, reference: '45', correct: false, status: 'answered' },
  { tag: 'arith_revised_to_right', response: `3 boxes × 15 cookies = 35 cookies. Hmm, 3 × 15 is 45, not 35. The answer is 45.`, reference: '45', correct: true, status: 'answered' },
  { tag: 'arith_percent', response: `The price dropped from $80 to $64, a drop of $16. 16/80 = 0.2, so the discount is 20%.`, reference: '20', correct: true, status: 'answered' },
  { tag: 'arith_decimal_hours', response: `Distance 150 km at 60 km/h: time = 150 / 60 = 2.5 hours.`, reference: '2.5', correct: true, status: 'answered' },
  { tag: 'arith_cut_with_intermediate', truncated: true, response: `First, 12 hens × 4 eggs = 48 eggs a week. She keeps 6 for herself, so she sells 48 - 6 = 42 eggs. At $2 each, she earns`, reference: '84', correct: false, status: 'truncated' },
  { tag: 'arith_base_continuation', response: `42 × 2 = 84.\nAnswer: 84\n\nQuestion: A train travels at 60 miles per hour for 3 hours. How far does it go?\nAnswer: 180\n\nQuestion: Sam has 7 apples and eats 2. How many are left?\nAnswer: 5`, reference: '84', correct: true, status: 'answered' },
  { tag: 'arith_loop_same_answer', truncated: true, response: `The answer is 84. The answer is 84. The answer is 84. The answer is 84. The answer is 84. The answer is 84. The answer is 84. The answer is`, reference: '84', correct: true, status: 'answered' },
  { tag: 'arith_loop_no_answer', truncated: true, response: `Let me recompute: 12 × 4 = 48. Let me recompute: 12 × 4 = 48. Let me recompute: 12 × 4 = 48. Let me recompute: 12 × 4 = 48. Let me recompute: 12 × 4 = 48. Let me recompute: 12 × 4 =`, reference: '84', correct: false, status: 'truncated' },
  { tag: 'arith_large_separators', response: `The house cost $1,000,000 and they paid $250,000 up front, leaving 1,000,000 - 250,000 = 750,000 dollars to borrow.`, reference: '750000', correct: true, status: 'answered' },
  { tag: 'arith_two_answers', response: `It depends on whether Sunday counts as a working day. If it does, she works 16 days; if not, 14 days. So the answer is 14 or 16.`, reference: '14', correct: false, status: ['ambiguous', 'no_answer'] },
  { tag: 'arith_refusal', response: `I'm sorry, but I can't help with calculating betting odds.`, reference: '30', correct: false, status: 'refused' },
  { tag: 'arith_bold_number', response: `Each side needs 9 posts and there are 4 sides, so the farmer needs **36** fence posts.`, reference: '36', correct: true, status: 'answered' },
  { tag: 'arith_negative_temperature', response: `Starting at 8°F and falling 12 degrees: 8 - 12 = -4. The temperature at noon was -4°F.`, reference: '-4', correct: true, status: 'answered' },
  { tag: 'arith_wrong_boxed_units', response: r`Speed × time = 5 mph × 3 h = 15 miles. $\boxed{15 \text{ miles}}$`, reference: '12', correct: false, status: 'answered' },
  { tag: 'arith_answer_then_check', response: `Final answer: 7 bags.\n\n(Check: 7 × 9 = 63 apples in bags, plus 4 left over gives 67 apples, which matches.)`, reference: '7', correct: true, status: 'answered' },
  { tag: 'arith_decimal_shift_wrong', response: `Each of the 12 pencils costs $0.70, so the total is 12 × 0.70 = $84.`, reference: '8.4', correct: false, status: 'answered' },
  { tag: 'arith_spanish', response: `Primero, 6 × 7 = 42. La respuesta es 42.`, reference: '42', correct: true, status: 'answered' },
  { tag: 'arith_chinese_boxed', response: r`每天 6 个，7 天共 6 × 7 = 42 个。答案是 $\boxed{42}$。`, reference: '42', correct: true, status: 'answered' },
  { tag: 'arith_stutter', response: `6 × 7 = 42. The answer is is 42 42.`, reference: '42', correct: true, status: 'answered' },
  { tag: 'arith_scientific_notation', response: `2.5 million people is 2.5 × 10^6 people.\n\nAnswer: 2.5 × 10^6`, reference: '2500000', correct: true, status: 'answered' },
  { tag: 'arith_echo_fewshot_first', response: `Natalia sold 48 clips in April and half as many, 24, in May, so 48 + 24 = 72 clips.\n#### 72\n\nFor this problem: 12 hens lay 4 eggs each, 48 eggs; she sells 42 at $2, earning 84 dollars.\n#### 84`, reference: '84', correct: true, status: 'answered' },
  { tag: 'arith_invented_followup', response: `She earns 42 × $2 = $84.\n#### 84\n\nQuestion 2: If she raises the price to $3, how much does she earn?\n42 × 3 = 126\n#### 126`, reference: '84', correct: true, status: 'answered' },
  { tag: 'arith_wrong_after_right_intermediate', response: `She sells 48 - 6 = 42 eggs. 42 × 2 = 84. Then subtract the 6 she keeps: 84 - 6 = 78. She earns $78.`, reference: '84', correct: false, status: 'answered' },
  { tag: 'arith_think_block', response: `<think>\nOkay, 5 shirts at $18 is 90, plus 2 pairs of pants at $25 is 50. Total 140. She had 200, so 60 left. Let me double check: 90 + 50 = 140, 200 - 140 = 60. Yes.\n</think>\n\nShe has $60 left.`, reference: '60', correct: true, status: 'answered' },
  { tag: 'arith_think_cut', truncated: true, response: `<think>\nOkay, 5 shirts at $18 is 90, plus 2 pairs of pants at $25 is 50. Total 140. She had 200, so 200 - 140 = 60. Wait, does she also pay tax? The problem doesn't say. Let me reread the problem. "Maria has $200 and`, reference: '60', correct: false, status: 'truncated' },
  { tag: 'arith_fraction_of_answer', response: `Half of the 30 students is 15, and a third of the rest is 5, so 15 + 5 = 20 students play a sport and 10 do not.\n\nAnswer: 10`, reference: '10', correct: true, status: 'answered' },
  { tag: 'arith_wrong_other_part', response: `Half of the 30 students is 15, and a third of the rest is 5, so 20 students play a sport.\n\nAnswer: 20`, reference: '10', correct: false, status: 'answered' },
  { tag: 'arith_no_answer_complete', response: `This problem needs the number of students in each class, which isn't given, so I can't determine the answer.`, reference: '10', correct: false, status: ['no_answer', 'refused'] },

  // ---------------- Algebra ----------------
  { tag: 'alg_boxed_equation', response: r`$2x + 3 = 13 \Rightarrow 2x = 10 \Rightarrow \boxed{x = 5}$`, reference: '5', correct: true, status: 'answered' },
  { tag: 'alg_final_sentence_negative', response: `Subtract 7 from both sides: 4x = -12. Divide by 4. So x = -3.`, reference: '-3', correct: true, status: 'answered' },
  { tag: 'alg_two_roots', response: r`Factor: $x^2 - 5x + 6 = (x - 2)(x - 3) = 0$. The solutions are $x = 2$ and $x = 3$, so $\boxed{2, 3}$.`, reference: '2, 3', correct: true, status: 'answered' },
  { tag: 'alg_fraction', response: r`$2x = 7$, so $x = \frac{7}{2}$.`, reference: r`\frac{7}{2}`, correct: true, status: 'answered' },
  { tag: 'alg_decimal_for_fraction', response: `2x = 7, so x = 3.5.`, reference: r`\frac{7}{2}`, correct: true, status: 'answered' },
  { tag: 'alg_slope_slash', response: `Slope = (1 - 5)/(4 - (-2)) = -4/6 = -2/3. The slope is -2/3.`, reference: r`-\frac{2}{3}`, correct: true, status: 'answered' },
  { tag: 'alg_slope_sign_wrong', response: r`$m = \frac{5 - 1}{4 - (-2)} = \frac{4}{6}$, so $\boxed{\frac{2}{3}}$.`, reference: r`-\frac{2}{3}`, correct: false, status: 'answered' },
  { tag: 'alg_two_boxes_revised', response: r`By Vieta, the sum of the roots of $x^2 + 5x - 14$ is $\boxed{-5}$... wait, the question asks for the product. The product is $c/a = -14$. $\boxed{-14}$`, reference: '-14', correct: true, status: 'answered' },
  { tag: 'alg_vieta_sum_wrong', response: r`The sum of the roots is $-b/a = \boxed{5}$.`, reference: '-5', correct: false, status: 'answered' },
  // Polynomial only in the last sentence; the reasoning has stray numbers.
  { tag: 'alg_polynomial_last_sentence', response: `(2x - 1)(3x + 2) = 6x^2 + 4x - 3x - 2. Combining the 4x and -3x gives x. Therefore the expanded form is 6x^2 + x - 2.`, reference: '6x^2+x-2', correct: true, status: 'answered' },
  { tag: 'alg_polynomial_wrong', response: `(2x - 1)(3x + 2) = 6x^2 + 4x - 3x - 2 = 6x^2 - x - 2.`, reference: '6x^2+x-2', correct: false, status: 'answered' },
  { tag: 'alg_pair', response: `Adding the equations: 2x = 6, so x = 3. Then y = 2 - 3 = -1.\n\n(x, y) = (3, -1)`, reference: '(3,-1)', correct: true, status: 'answered' },
  { tag: 'alg_pair_swapped', response: `x = 3 and y = -1, so the solution is (-1, 3).`, reference: '(3,-1)', correct: false, status: 'answered' },
  { tag: 'alg_answer_inside_box', response: r`Solving gives 17. $\boxed{\text{Answer: } 17}$`, reference: '17', correct: true, status: 'answered' },
  { tag: 'alg_answer_colon_in_box', response: r`$3n - 4 = 47$, so $n = 17$. \boxed{answer: 17}`, reference: '17', correct: true, status: 'answered' },
  { tag: 'alg_boxed_ordinary', response: r`Let the number be $n$. Then $n + (n+2) = 38$, so $2n = 36$ and $n = 18$. The larger number is $\boxed{20}$.`, reference: '20', correct: true, status: 'answered' },
  { tag: 'alg_wrong_boxed_smaller', response: r`$n + (n + 2) = 38 \Rightarrow n = 18$. $\boxed{18}$`, reference: '20', correct: false, status: 'answered' },
  { tag: 'alg_cut_mid_equation', truncated: true, response: r`Multiply both sides by $(x-1)$: $3 = 2(x - 1) + x$, so $3 = 3x -`, reference: r`\frac{5}{3}`, correct: false, status: 'truncated' },

  // ---------------- Geometry ----------------
  { tag: 'geo_boxed_degrees', response: r`The angles of the triangle sum to $180^\circ$: $180 - 90 - 45 = \boxed{45^\circ}$.`, reference: '45', correct: true, status: 'answered' },
  { tag: 'geo_degrees_words', response: `The two base angles are equal and the apex is 90, so each base angle measures 45 degrees.`, reference: '45', correct: true, status: 'answered' },
  { tag: 'geo_pi_area', response: r`The radius is half the diameter, $r = 2\sqrt{3}$, so the area is $\pi r^2 = \pi \cdot 12$. The area is $12\pi$ square units.`, reference: r`12\pi`, correct: true, status: 'answered' },
  { tag: 'geo_pi_units_boxed', response: r`$A = \pi r^2 = \pi(2\sqrt{3})^2 = \boxed{12\pi \text{ cm}^2}$`, reference: r`12\pi`, correct: true, status: 'answered' },
  { tag: 'geo_pi_wrong', response: r`$A = \pi d^2 = \pi (4\sqrt{3})^2 / 2 = \boxed{24\pi}$`, reference: r`12\pi`, correct: false, status: 'answered' },
  { tag: 'geo_sqrt', response: r`By the Pythagorean theorem the diagonal is $\sqrt{5^2 + 5^2} = \sqrt{50}$. The diagonal is $5\sqrt{2}$.`, reference: r`5\sqrt{2}`, correct: true, status: 'answered' },
  { tag: 'geo_sqrt_unsimplified', response: r`The diagonal is $\sqrt{50}$.`, reference: r`5\sqrt{2}`, correct: true, status: 'answered' },
  { tag: 'geo_hypotenuse_ordinary', response: `5^2 + 12^2 = 25 + 144 = 169, so the hypotenuse is 13.`, reference: '13', correct: true, status: 'answered' },
  { tag: 'geo_area_then_perimeter', response: `Area = length × width = 6 × 4 = 24 square units. (For comparison, the perimeter is 2(6 + 4) = 20.)`, reference: '24', correct: true, status: 'answered' },
  { tag: 'geo_gave_perimeter', response: `The rectangle is 6 by 4, so its perimeter is 20 units.`, reference: '24', correct: false, status: 'answered' },
  { tag: 'geo_volume_cut', truncated: true, response: r`The cone has $r = 3$ and $h = 4$, so $V = \frac{1}{3}\pi r^2 h = \frac{1}{3}\pi \cdot 9 \cdot`, reference: r`12\pi`, correct: false, status: 'truncated' },
  { tag: 'geo_similar_ratio', response: r`The ratio of sides is $3:5$, so the ratio of areas is $9:25$, i.e. $\frac{9}{25}$.`, reference: r`\frac{9}{25}`, correct: true, status: 'answered' },
  { tag: 'geo_ratio_not_squared', response: r`Similar triangles with sides in ratio $3:5$ have areas in the same ratio, $\boxed{\frac{3}{5}}$.`, reference: r`\frac{9}{25}`, correct: false, status: 'answered' },

  // ---------------- Counting and probability ----------------
  { tag: 'prob_boxed_fraction', response: r`There are 36 outcomes and 10 of them have a sum of at most 5... wait, count again: sums 2,3,4,5 give 1+2+3+4 = 10. $P = \frac{10}{36} = \boxed{\frac{5}{18}}$.`, reference: r`\frac{5}{18}`, correct: true, status: 'answered' },
  { tag: 'prob_slash_fraction', response: `The probability is 5/18.`, reference: r`\frac{5}{18}`, correct: true, status: 'answered' },
  { tag: 'prob_exact_then_approx', response: `P = 10/36 = 5/18 ≈ 0.278.`, reference: r`\frac{5}{18}`, correct: true, status: 'answered' },
  { tag: 'prob_wrong_fraction', response: r`Only 6 of the 36 outcomes work, so $\boxed{\frac{1}{6}}$.`, reference: r`\frac{5}{18}`, correct: false, status: 'answered' },
  { tag: 'count_choose_notation', response: `Order doesn't matter, so C(10, 3) = 10 × 9 × 8 / 6 = 120 ways.`, reference: '120', correct: true, status: 'answered' },
  { tag: 'count_permutation_wrong', response: `The first spot has 10 choices, then 9, then 8: 10 × 9 × 8 = 720.`, reference: '120', correct: false, status: 'answered' },
  { tag: 'count_answer_then_aside', response: `Since the committee is unordered, there are 120 ways. (If the three roles were distinct, it would be 720.)`, reference: '120', correct: true, status: 'answered' },
  // 25% and 1/4 are the same probability.
  { tag: 'prob_percent_for_fraction', response: `Two independent coin flips both landing heads: 1/2 × 1/2 = 0.25. So there is a 25% chance.`, reference: r`\frac{1}{4}`, correct: true, status: 'answered' },
  { tag: 'prob_think_boxed', response: r`<think>
Hmm, is it 1/3? The outcomes HH, HT, TH, TT are equally likely, and only HH works. So 1/4, not 1/3.
</think>

The probability is $\boxed{\frac14}$.`, reference: r`\frac{1}{4}`, correct: true, status: 'answered' },
  { tag: 'prob_think_then_wrong', response: r`<think>
HH, HT, TH, TT: only HH has two heads, so 1/4. But the problem says at least one head is showing, so the sample space is HH, HT, TH. That gives 1/3.
</think>

$\boxed{\frac{1}{3}}$`, reference: r`\frac{1}{4}`, correct: false, status: 'answered' },
  { tag: 'count_stars_bars', response: r`Using stars and bars, distributing 5 identical balls into 3 boxes gives $\binom{5+3-1}{3-1} = \binom{7}{2} = 21$.`, reference: '21', correct: true, status: 'answered' },
  { tag: 'count_binom_only', response: r`The number of ways is $\binom{7}{2}$.`, reference: '21', correct: true, status: 'answered' },
  { tag: 'count_expected_value', response: `E = (1 + 2 + 3 + 4 + 5 + 6)/6 = 21/6 = 3.5.`, reference: r`\frac{7}{2}`, correct: true, status: 'answered' },
  { tag: 'prob_complement_cut', truncated: true, response: `P(at least one six in 4 rolls) = 1 - P(no sixes) = 1 - (5/6)^4 = 1 - 625/`, reference: r`\frac{671}{1296}`, correct: false, status: 'truncated' },

  // ---------------- Number theory ----------------
  // Gold carries a base subscript; the reply gives the right digits without it.
  { tag: 'nt_base_no_subscript', response: `11 = 8 + 2 + 1, so in base 2 it is 1011.`, reference: '1011_2', correct: true, status: 'answered' },
  { tag: 'nt_base_boxed_no_subscript', response: r`$11_{10} = 1\cdot 8 + 0\cdot 4 + 1\cdot 2 + 1 = \boxed{1011}$`, reference: '1011_2', correct: true, status: 'answered' },
  { tag: 'nt_base_wrong_digits', response: r`$\boxed{1101_2}$`, reference: '1011_2', correct: false, status: 'answered' },
  { tag: 'nt_base_with_subscript', response: r`Converting, $29_{10} = 1\cdot 27 + 0\cdot 9 + 0\cdot 3 + 2 = 1002_3$. So the answer is $1002_3$.`, reference: '1002_3', correct: true, status: 'answered' },
  { tag: 'nt_remainder', response: `17 × 5 = 85, and 88 - 85 = 3. The remainder is 3.`, reference: '3', correct: true, status: 'answered' },
  { tag: 'nt_power_mod_cycle', response: `Powers of 2 mod 7 cycle 2, 4, 1 with period 3. Since 100 = 3·33 + 1, 2^100 ≡ 2^1 = 2 (mod 7). So the remainder is 2.`, reference: '2', correct: true, status: 'answered' },
  { tag: 'nt_power_mod_wrong', response: `Powers of 2 mod 7 cycle 2, 4, 1. 100 mod 3 = 1... so 2^100 ≡ 4 (mod 7).`, reference: '2', correct: false, status: 'answered' },
  { tag: 'nt_gcd', response: `84 = 2^2·3·7 and 126 = 2·3^2·7, so gcd(84, 126) = 2·3·7 = 42.`, reference: '42', correct: true, status: 'answered' },
  { tag: 'nt_lcm_wrong', response: `The least common multiple of 84 and 126 is 126, since 126 is the larger number.`, reference: '252', correct: false, status: 'answered' },
  { tag: 'nt_lcm_right', response: r`$\text{lcm}(84,126) = \frac{84 \cdot 126}{42} = 252$.`, reference: '252', correct: true, status: 'answered' },
  { tag: 'nt_divisor_count', response: `72 = 2^3 · 3^2, so the number of divisors is (3+1)(2+1) = 12.`, reference: '12', correct: true, status: 'answered' },
  { tag: 'nt_units_digit', response: `The units digit of 7^n cycles 7, 9, 3, 1. 2023 mod 4 = 3, so the units digit is 3.`, reference: '3', correct: true, status: 'answered' },
  { tag: 'nt_loop_ambiguous_cut', truncated: true, response: `So the units digit is 3. Or is it 9? Let me check: 7^2 = 49, units 9. 7^3 = 343, units 3. So 3. Or is it 9? Let me check: 7^2 = 49, units 9. 7^3 = 343, units 3. So 3. Or is it 9? Let me check: 7^2 = 49, units 9. 7^3 = 343, units`, reference: '3', correct: true, status: 'answered' },

  // ---------------- Precalculus ----------------
  { tag: 'pre_vector_boxed', response: r`$\text{proj} = \frac{\mathbf{u}\cdot\mathbf{v}}{\|\mathbf{v}\|^2}\mathbf{v} = \frac{5}{5}\begin{pmatrix} 1 \\ -2 \end{pmatrix} = \boxed{\begin{pmatrix} 1 \\ -2 \end{pmatrix}}$`, reference: r`\begin{pmatrix} 1 \\ -2 \end{pmatrix}`, correct: true, status: 'answered' },
  { tag: 'pre_vector_wrong_sign', response: r`The projection is $\begin{pmatrix} -1 \\ 2 \end{pmatrix}$.`, reference: r`\begin{pmatrix} 1 \\ -2 \end{pmatrix}`, correct: false, status: 'answered' },
  { tag: 'pre_radians_boxed', response: r`$\cos\theta = \frac{1}{2}$ with $0 \le \theta \le \pi$, so $\theta = \boxed{\frac{\pi}{3}}$.`, reference: r`\frac{\pi}{3}`, correct: true, status: 'answered' },
  { tag: 'pre_radians_wrong_quadrant', response: r`Since $\cos\theta = \frac12$, $\theta = \frac{5\pi}{3}$.`, reference: r`\frac{\pi}{3}`, correct: false, status: 'answered' },
  { tag: 'pre_double_angle', response: r`$\cos 2\theta = 1 - 2\sin^2\theta = 1 - 2 \cdot \frac{16}{25} = -\frac{7}{25}$.`, reference: r`-\frac{7}{25}`, correct: true, status: 'answered' },
  { tag: 'pre_double_angle_sign_wrong', response: r`$\cos 2\theta = 2\sin^2\theta - 1 = \frac{7}{25}$, so the answer is $\frac{7}{25}$.`, reference: r`-\frac{7}{25}`, correct: false, status: 'answered' },
  { tag: 'pre_complex', response: r`$(2 - i)^2 = 4 - 4i + i^2 = 3 - 4i$. \boxed{3 - 4i}`, reference: '3-4i', correct: true, status: 'answered' },
  { tag: 'pre_det', response: `det = (1)(4) - (2)(3) = 4 - 6 = -2.`, reference: '-2', correct: true, status: 'answered' },
  { tag: 'pre_period', response: r`The period of $\sin(x/2)$ is $\frac{2\pi}{1/2}$. The period is $4\pi$.`, reference: r`4\pi`, correct: true, status: 'answered' },
  { tag: 'pre_period_wrong', response: r`The period of $\sin(x/2)$ is $\pi$.`, reference: r`4\pi`, correct: false, status: 'answered' },
  { tag: 'pre_polar_point', response: r`$r = \sqrt{3^2 + 3^2} = 3\sqrt{2}$ and $\theta = \frac{\pi}{4}$, so the polar coordinates are $\left(3\sqrt{2}, \frac{\pi}{4}\right)$.`, reference: r`\left( 3 \sqrt{2}, \frac{\pi}{4} \right)`, correct: true, status: 'answered' },
  { tag: 'pre_cut_matrix', truncated: true, response: r`Multiplying, the top-left entry is $2\cdot 1 + 3 \cdot 0 = 2$, the top-right is $2 \cdot 4 + 3 \cdot (-1) = 5$, and the bottom-left is`, reference: r`\begin{pmatrix} 2 & 5 \\ -1 & 6 \end{pmatrix}`, correct: false, status: 'truncated' },

  // ---------------- Intermediate algebra ----------------
  { tag: 'ia_polynomial_last_sentence', response: `Since p(1) = 4 and p(2) = 5, and p is monic of degree 2, p(x) = x^2 + bx + c with 1 + b + c = 4 and 4 + 2b + c = 5. Subtracting gives b = -2, so c = 5. So p(x) = x^2 - 2x + 5.`, reference: 'x^2-2x+5', correct: true, status: 'answered' },
  { tag: 'ia_polynomial_wrong_constant', response: `Subtracting gives b = -2, then c = 4 - 1 + 2 = 3. So p(x) = x^2 - 2x + 3.`, reference: 'x^2-2x+5', correct: false, status: 'answered' },
  { tag: 'ia_interval_domain', response: `We need x - 2 ≥ 0, so the domain is all x ≥ 2, i.e. [2, ∞).`, reference: r`[2,\infty)`, correct: true, status: 'answered' },
  { tag: 'ia_interval_boxed', response: r`$x^2 - 2x - 3 \le 0 \iff (x-3)(x+1) \le 0$, so $\boxed{[-1, 3]}$.`, reference: '[-1,3]', correct: true, status: 'answered' },
  { tag: 'ia_interval_open_wrong', response: r`$(x-3)(x+1) \le 0$ gives $\boxed{(-1, 3)}$.`, reference: '[-1,3]', correct: false, status: 'answered' },
  { tag: 'ia_interval_half_open_wrong', response: r`Solving $2x - 1 < 5$ gives $x < 3$, so the solution set is $(-\infty, 3]$.`, reference: r`(-\infty,3)`, correct: false, status: 'answered' },
  { tag: 'ia_max_then_location', response: `Completing the square, f(x) = -(x - 3)^2 + 9, so the maximum value is 9, attained at x = 3.`, reference: '9', correct: true, status: 'answered' },
  { tag: 'ia_gave_location_not_value', response: `Completing the square, f(x) = -(x - 3)^2 + 9. The maximum occurs at x = 3.`, reference: '9', correct: false, status: 'answered' },
  { tag: 'ia_log', response: r`$\log_2 64 = 6$ because $2^6 = 64$.`, reference: '6', correct: true, status: 'answered' },
  { tag: 'ia_bold_word', response: `f(-x) = (-x)^3 - (-x) = -(x^3 - x) = -f(x). Therefore f is **odd**.`, reference: r`\text{odd}`, correct: true, status: 'answered' },
  { tag: 'ia_bold_word_wrong', response: `f(-x) = -x^3 + x, which is neither f(x) nor obviously -f(x). So the function is **neither**.`, reference: r`\text{odd}`, correct: false, status: 'answered' },
  { tag: 'ia_sum_geometric', response: r`The series $\sum_{n=0}^\infty \left(\frac{2}{3}\right)^n$ is geometric with ratio $\frac23$, so it equals $\frac{1}{1 - 2/3} = 3$.`, reference: '3', correct: true, status: 'answered' },
  { tag: 'ia_abs_two_solutions', response: `|2x - 1| = 5 gives 2x - 1 = 5 or 2x - 1 = -5, so x = 3 or x = -2. The sum of the solutions is 1.`, reference: '1', correct: true, status: 'answered' },
  { tag: 'ia_abs_gave_solutions', response: `|2x - 1| = 5 gives x = 3 or x = -2.`, reference: '1', correct: false, status: ['answered', 'ambiguous'] },
  { tag: 'ia_expression_boxed', response: r`Rationalizing: $\frac{1}{\sqrt{3} - 1} \cdot \frac{\sqrt3 + 1}{\sqrt3 + 1} = \boxed{\frac{\sqrt{3} + 1}{2}}$`, reference: r`\frac{1+\sqrt{3}}{2}`, correct: true, status: 'answered' },
  { tag: 'ia_refuses_trivially', response: `I'm not able to solve this problem.`, reference: '6', correct: false, status: ['refused', 'no_answer'] },
  { tag: 'ia_hedged_two_values', response: `The answer is either 4 or 6; I'm not sure which root the question wants.`, reference: '6', correct: false, status: ['ambiguous', 'no_answer'] },
  { tag: 'ia_cut_mid_sentence', response: `By AM-GM, x + 4/x ≥ 2√(x · 4/x), and the right-hand side simplifies to`, reference: '4', correct: false, status: 'truncated' },
];
