/**
 * A tuning set for issue 18 probing precision, written blind (before reading the grader, the corpus or the hold-out
 * batches), in the styles small local models write on 4- and 10-option multiple-choice questions. It is adversarial:
 * most replies mention letters or option texts the reader would not underline (in reasoning, rejected or conditional
 * options, comparisons, questions the model asks itself, invented follow-ups and echoed examples, quoted option lists,
 * tables of candidates, cut-off replies, hedges, concessions, withdrawn answers, partial-credit asides, option text used
 * to describe something else, letters that are words or symbols, letters that disagree with their option text), and
 * about 40% are clear answers phrased the same risky ways, so abstaining everywhere fails too. Each label is what a
 * careful human reader underlines, or null when the reply commits to no single option. First-run figures are recorded
 * in the test that uses it (test/grade-broad.test.ts). Every case must pass.
 */
import type { GradeStatus } from '../../lib/grade/types.ts';
import type { HoldoutMcCase } from './holdout.ts';

/** A complete reply that commits to no single option: a reader could call it either. */
const NONE: GradeStatus[] = ['no_answer', 'ambiguous'];
/** A reply that stops mid-sentence without the runner's flag. */
const CUT: GradeStatus[] = ['truncated', 'no_answer'];

const VITAMINS = ['Vitamin D', 'Vitamin C', 'Vitamin A', 'Vitamin K'];
const ORGANELLES = ['Mitochondria', 'Nucleus', 'Ribosome', 'Golgi apparatus'];
const TRANSPORT = ['Osmosis', 'Diffusion', 'Active transport', 'Endocytosis'];
const FORCES = ['12 N', '24 N', '36 N', '48 N'];
const NOTES = ['E', 'F', 'G', 'A'];
const BLOOD = ['AB positive', 'O negative', 'A negative', 'B positive'];
const ELEMENTS = ['Krypton', 'Potassium', 'Calcium', 'Carbon'];
const GRADES = ['Grade C', 'Grade A', 'Grade D', 'Grade B'];
const PROB = ['1/6', '1/2', '2/3', '1/3'];
const GIBBS = ['Never spontaneous', 'Spontaneous only at high temperature', 'Spontaneous only at low temperature', 'Spontaneous at all temperatures'];
const CURRENT10 = ['0.5 A', '1 A', '1.5 A', '2 A', '2.5 A', '3 A', '4 A', '6 A', '12 A', '72 A'];
const WORK10 = ['5 J', '10 J', '15 J', '25 J', '40 J', '50 J', '60 J', '75 J', '100 J', '500 J'];
const STATEMENTS10 = ['I only', 'II only', 'III only', 'I and II only', 'I and III only', 'II and III only', 'I, II and III', 'None of the statements', 'Only I is false', 'Only III is false'];
const BOTH10 = ['Only the first', 'Only the second', 'Only the third', 'The first and the second', 'Both A and C', 'Neither', 'All three', 'The second and the third', 'It depends on the sample', 'None of the above'];
const ECON = ['A rise in inflation', 'A fall in interest rates', 'A rise in the exchange rate', 'A rise in unemployment'];
const BOIL = ['100 °C', '90 °C', '80 °C', '110 °C'];
const CHESS = ['Qh7+', 'Qg8#', 'Rf8+', 'Bd3'];
const FORCE10 = ['2 N', '3 N', '6 N', '9 N', '12 N', '15 N', '18 N', '24 N', '30 N', '36 N'];
const LAG10 = ['Fiscal policy acts faster', 'Monetary policy has longer lags', 'Both have equal lags', 'Fiscal policy needs legislation', 'Monetary policy needs legislation', 'Neither has lags', 'Lags only affect trade policy', 'Fiscal lags are purely technical', 'Monetary lags are purely political', 'Lags cannot be measured'];

const GAS = ['The volume halves', 'The volume falls to slightly more than half', 'The volume doubles', 'The volume falls to slightly less than half'];
const FALL = ['Both balls land together', 'The heavier ball lands first', 'The lighter ball lands first', 'It depends on the height'];
const POLICY = ['Cutting taxes', 'Raising interest rates now', 'Forward guidance on future rates', 'Forward guidance combined with a rate cut'];
const RXN = ['A catalyst lowers ΔH', 'The reaction needs a catalyst', 'Raising the temperature speeds it up', 'ΔH is positive'];
const MARKET = ['Price equals marginal cost', 'Firms earn zero profit in the long run', 'Price exceeds marginal cost', 'Firms face a kinked demand curve'];
const UNITS = ['kg·m/s²', 'N·m', 'J/s', 'kg·m²/s²'];
const LAG4 = ['Fiscal policy acts at once', 'Monetary policy has no lag', 'Both act at once', 'Monetary policy acts with a lag'];
const SIGN = ['-2.0 m/s', '+4.0 m/s', '+2.0 m/s', '-4.0 m/s'];
const MASS = ['The mass changes', 'The weight is unchanged', 'The weight changes but the mass does not', 'Neither changes'];
const PASSAGE = ['The author doubts the plan', 'The author supports the plan', 'The plan succeeded', 'The plan was tested twice'];
const HEPATITIS = ['Hepatitis A', 'Hepatitis B', 'Hepatitis C', 'Hepatitis E'];

export const BROAD6_MC: HoldoutMcCase[] = [
  // --- Letters that are words or symbols ---
  { tag: 'vitamin_letter_clear', response: 'Scurvy comes from a shortage of vitamin C, which the body needs to make collagen. So the answer is (B).', pred: 'B', status: 'answered', choices: VITAMINS },
  { tag: 'vitamin_text_only', response: 'Scurvy comes from a shortage of vitamin C, which the body needs to build collagen. So the vitamin in question is vitamin C.', pred: 'B', status: 'answered', choices: VITAMINS },
  { tag: 'vitamin_mention_no_answer', response: 'Vitamin C and vitamin A are both antioxidants, but they act in different tissues. Without knowing the symptom described, it is hard to say more.', pred: null, status: NONE, choices: VITAMINS },
  // The letter says C (Vitamin A) and the text says Vitamin C (option B): the reader cannot tell which was meant.
  { tag: 'letter_text_disagree', response: 'Scurvy is caused by a lack of ascorbic acid.\n\nAnswer: (C) Vitamin C', pred: null, status: NONE, choices: VITAMINS },
  { tag: 'letter_text_agree', response: 'Scurvy is caused by a lack of ascorbic acid.\n\nAnswer: (B) Vitamin C', pred: 'B', status: 'answered', choices: VITAMINS },
  // The letter says D (Golgi apparatus) and the text says Ribosome (option C).
  { tag: 'letter_text_disagree', response: 'Proteins are assembled from amino acids on ribosomes.\nFinal answer: D. Ribosome', pred: null, status: NONE, choices: ORGANELLES },
  { tag: 'pronoun_i_ten_options', response: 'I need to know whether the container is insulated before I can pick an option; the question leaves that out.', pred: null, status: NONE, n: 10 },
  { tag: 'pronoun_i_then_answer', response: 'I checked each process against the first law. I am confident the process is adiabatic, so the answer is (E).', pred: 'E', status: 'answered', n: 10 },
  { tag: 'letter_i_clear', response: 'Only the last process keeps the internal energy constant.\n\nFinal answer: I', pred: 'I', status: 'answered', n: 10 },
  { tag: 'article_a', response: 'A careful reading of the passage shows the author doubts the survey results, but a stronger claim would need more evidence than the passage gives.', pred: null, status: NONE, n: 4 },
  { tag: 'article_a_then_answer', response: 'A careful reading of the passage shows the author doubts the survey. A reader would pick (D) for that reason.\n\nThe answer is (D).', pred: 'D', status: 'answered', n: 4 },
  { tag: 'answer_is_a_article', response: 'The answer is a matter of definition here: the problem never says whether the collision is elastic, so none of the options can be chosen.', pred: null, status: NONE, n: 4 },
  { tag: 'grade_letter_text', question: 'Under the scheme (90-100 A, 80-89 B, 70-79 C, below 70 D), which grade does a score of 85 receive?', response: 'A score of 85 falls in the 80-89 band, so the student gets a B.', pred: 'D', status: 'answered', choices: GRADES },
  { tag: 'grade_letter_clear', question: 'Under the scheme (90-100 A, 80-89 B, 70-79 C, below 70 D), which grade does a score of 85 receive?', response: 'A score of 85 is in the 80-89 band, which is a B. That is option (D).', pred: 'D', status: 'answered', choices: GRADES },
  { tag: 'blood_type_text', question: 'A patient with O negative blood may safely receive which type?', response: 'People with O negative blood carry anti-A and anti-B antibodies and no Rh antigen, so they can only receive O negative. Type A or B blood would cause a reaction.', pred: 'B', status: 'answered', choices: BLOOD },
  { tag: 'blood_type_no_answer', response: 'It depends on the recipient: type A blood suits an A positive patient, while B would trigger anti-B antibodies. AB patients can take either.', pred: null, status: NONE, choices: BLOOD },
  { tag: 'chemical_symbol_text', question: 'Which element has the symbol K?', response: 'K comes from kalium, the Latin name for potassium. C would be carbon and Ca is calcium.', pred: 'B', status: 'answered', choices: ELEMENTS },
  { tag: 'chemical_symbol_clear', question: 'Which element has the symbol K?', response: 'K comes from kalium, Latin for potassium (C is carbon, Ca is calcium). The answer is (B).', pred: 'B', status: 'answered', choices: ELEMENTS },
  { tag: 'variables_text', question: 'A fair die is rolled. What is the probability of a six given that the roll is even?', response: 'Let A be the event of rolling a six and B the event of rolling an even number. P(A and B) = 1/6 and P(B) = 1/2, so P(A|B) = (1/6)/(1/2) = 1/3.', pred: 'D', status: 'answered', choices: PROB },
  { tag: 'variables_clear', question: 'A fair die is rolled. What is the probability of a six given that the roll is even?', response: 'Let A = "six" and B = "even". P(A|B) = P(A)/P(B) = (1/6)/(1/2) = 1/3, which is option D.', pred: 'D', status: 'answered', choices: PROB },
  { tag: 'variables_value_not_listed', question: 'How many numbers from 1 to 30 are multiples of both 2 and 3?', response: 'Let A be the even numbers and B the multiples of 3. A ∩ B is the multiples of 6: 6, 12, 18, 24, 30. That is 5 numbers.', pred: null, status: NONE, choices: ['3', '4', '6', '10'] },
  { tag: 'musical_note_text', question: 'Which note is a perfect fourth above C?', response: 'Five semitones up from C: C#, D, D#, E, F. So the note is F.', pred: 'B', status: 'answered', choices: NOTES },
  { tag: 'musical_note_clear', question: 'Which note is a perfect fifth above C?', response: 'Counting seven semitones up from C lands on G, the dominant of C major. The answer is (C).', pred: 'C', status: 'answered', choices: NOTES },
  { tag: 'musical_note_no_answer', question: 'Which note is the leading tone of the key?', response: 'In C major the leading tone is B, in G major it is F#, and in D major it is C#. The question does not say which key is meant.', pred: null, status: NONE, choices: NOTES },
  { tag: 'chess_square_text', question: 'White to move. Which move mates?', response: 'Qh7+ fails because the king escapes to f8, and after Rf8+ Black simply takes with the rook on d8. Moving the queen to g8 covers every flight square, so Qg8 is mate.', pred: 'B', status: 'answered', choices: CHESS },
  { tag: 'chess_square_clear', question: 'White to move. Which move mates?', response: 'Bd3 is too slow and Qh7+ lets the king out via f8. Qg8 covers e8, f8 and h8 at once: checkmate. Answer: B', pred: 'B', status: 'answered', choices: CHESS },
  { tag: 'celsius_symbol', question: 'At an altitude of about 3000 m, water boils at roughly:', response: 'At sea level water boils at 100 C. Air pressure at 3000 m is about 70% of sea level, which lowers the boiling point to roughly 90 C.', pred: 'B', status: 'answered', choices: BOIL },
  { tag: 'ampere_and_current_symbol', question: 'A 12 V battery drives current through a 6 Ω resistor. What is the current?', response: 'By Ohm\'s law I = V/R = 12 V / 6 Ω = 2 A.', pred: 'D', status: 'answered', choices: CURRENT10 },
  { tag: 'ampere_and_current_clear', question: 'A 12 V battery drives current through a 6 Ω resistor. What is the current?', response: 'I = V/R = 12/6 = 2 A, so the current is 2 A: option (D).', pred: 'D', status: 'answered', choices: CURRENT10 },
  { tag: 'joule_symbol', question: 'A 10 N force pushes a box 5 m along the floor. How much work is done?', response: 'W = F · d = 10 N × 5 m = 50 J.', pred: 'F', status: 'answered', choices: WORK10 },
  { tag: 'force_symbol', question: 'What net force accelerates a 2 kg mass at 3 m/s²?', response: 'F = ma = 2 kg × 3 m/s² = 6 N.', pred: 'C', status: 'answered', choices: FORCE10 },
  { tag: 'energy_symbol_no_answer', question: 'What is the rest energy of a 1 g mass?', response: 'E = mc^2 applies, with m = 0.001 kg and c = 3 × 10^8 m/s. G, the gravitational constant, plays no role here. Plugging in gives', pred: null, status: 'truncated', truncated: true, n: 10 },
  { tag: 'list_markers_text', question: 'For a reaction with ΔH < 0 and ΔS > 0, the reaction is:', response: 'a) ΔH is negative, so the reaction is exothermic.\nb) ΔS is positive, so -TΔS is negative.\nc) ΔG = ΔH - TΔS is then negative at every temperature.\n\nSo the reaction is spontaneous at all temperatures.', pred: 'D', status: 'answered', choices: GIBBS },
  { tag: 'list_markers_no_answer', response: 'Plan:\na) convert the mass to moles\nb) use the mole ratio from the equation\nc) convert back to grams\n\nThe balanced equation is needed first, and the question does not give it.', pred: null, status: NONE, n: 4 },
  { tag: 'roman_statement_text', question: 'Which of the statements I, II, III are true?', response: 'Statement I holds because the function is continuous. Statement II fails at x = 0. Statement III holds by the mean value theorem. So the true ones are I and III.', pred: 'E', status: 'answered', choices: STATEMENTS10 },
  { tag: 'roman_statement_clear', question: 'Which of the statements I, II, III are true?', response: '(i) true, (ii) false, (iii) true. The answer is "I and III only", option E.', pred: 'E', status: 'answered', choices: STATEMENTS10 },
  { tag: 'roman_heading', response: 'I. Setting up\nThe block slides without friction, so mechanical energy is conserved.\n\nII. Conclusion\nThe speed at the bottom is sqrt(2gh), so the answer is (F).', pred: 'F', status: 'answered', n: 10 },
  { tag: 'roman_heading_cut', response: 'I. Setting up\nThe block slides without friction, so mechanical energy is conserved.\n\nII. Computing\nWith h = 5 m and g = 9.8 m/s², v = sqrt(2 × 9.8 ×', pred: null, status: 'truncated', truncated: true, n: 10 },
  { tag: 'both_a_and_c_text', response: 'The first and third conditions both hold, while the second does not. Since both A and C hold, the answer is "Both A and C".', pred: 'E', status: 'answered', choices: BOTH10 },
  { tag: 'speaker_label_a', response: 'A: Let\'s work it out. Proteins are built from amino acids joined by peptide bonds, and the site where this happens in the cytoplasm is', pred: null, status: 'truncated', truncated: true, choices: ORGANELLES },
  { tag: 'speaker_label_a_clear', response: 'A: Let\'s work it out. Proteins are built on ribosomes, which read the mRNA. The answer is (C).', pred: 'C', status: 'answered', choices: ORGANELLES },

  // --- Mentions in reasoning, rejected and conditional options ---
  { tag: 'distractor_named_then_answer', response: 'Option A is the classic distractor here: it confuses mass with weight. The correct choice is C.', pred: 'C', status: 'answered', choices: MASS },
  { tag: 'distractors_only', response: 'Option A is a distractor that confuses mass with weight. Option B ignores friction altogether.', pred: null, status: NONE, choices: MASS },
  { tag: 'rejected_only', response: '(B) is incorrect: the reaction is not catalysed. (D) is also incorrect, since it gets the sign of ΔH wrong.', pred: null, status: NONE, choices: RXN },
  { tag: 'conditional_then_actual', response: 'If the gas were ideal, the answer would be (A). At 200 atm it is far from ideal, so the answer is (D).', pred: 'D', status: 'answered', choices: GAS },
  { tag: 'conditional_only', response: 'If the gas were ideal, the answer would be (A), but the question does not say whether we may treat it as ideal.', pred: null, status: NONE, choices: GAS },
  // Widened after the first run: declining for want of data ("I cannot compute ... without the drag coefficient") is `refused` in this project (docs/grading.md).
  { tag: 'conditional_rejected', response: '(A) would be correct if we ignored air resistance, but the problem explicitly includes drag, so (A) cannot be right. I cannot compute the drag term without the drag coefficient.', pred: null, status: [...NONE, 'refused'], choices: FALL },
  { tag: 'conditional_intended', response: 'The problem says to ignore air resistance, and then (A) is correct: both balls land together.', pred: 'A', status: 'answered', choices: FALL },
  { tag: 'comparison_only', response: 'B is more defensible than C, though I haven\'t ruled out A or D yet.', pred: null, status: NONE, choices: POLICY },
  { tag: 'comparison_then_answer', response: '(B) is better than (C) because it accounts for the lag, but (D) is better than both since it also covers expectations. Answer: D', pred: 'D', status: 'answered', choices: POLICY },
  { tag: 'text_rejected_then_text', response: 'Diffusion cannot move glucose against its gradient, and osmosis only concerns water. Moving a solute uphill costs energy, which is active transport.', pred: 'C', status: 'answered', choices: TRANSPORT },
  { tag: 'text_either', response: 'Glucose enters by diffusion or by active transport, depending on the cell type and the gradient.', pred: null, status: NONE, choices: TRANSPORT },
  { tag: 'text_as_description', question: 'Which organelle synthesizes proteins?', response: 'Proteins are assembled from an mRNA copy of a gene; that copy is made in the nucleus and then exported.', pred: null, status: NONE, choices: ORGANELLES },
  { tag: 'text_as_description_then_answer', question: 'Which organelle synthesizes proteins?', response: 'The nucleus stores the DNA and the mitochondria supply the ATP, but the proteins themselves are made by the ribosome.', pred: 'C', status: 'answered', choices: ORGANELLES },
  { tag: 'not_the_answer', response: 'The answer is not (B): B assumes the market is perfectly competitive, which the question rules out.', pred: null, status: NONE, choices: MARKET },
  { tag: 'not_then_answer', response: 'The answer is not (B), because B assumes perfect competition. It is (D).', pred: 'D', status: 'answered', choices: MARKET },
  { tag: 'neither_nor', response: 'Neither (A) nor (B) accounts for the lag between the policy and its effect.', pred: null, status: NONE, choices: LAG4 },
  { tag: 'between_two_decided', response: 'It comes down to A or C. Between A and C, C is correct because it keeps the units consistent.', pred: 'C', status: 'answered', choices: UNITS },
  { tag: 'between_two_undecided', response: 'It comes down to A or C, and I can\'t decide between them: both keep the units consistent.', pred: null, status: NONE, choices: UNITS },
  { tag: 'justification_names_other', response: 'The answer is (D), because unlike (B) it accounts for friction, and unlike (A) it keeps the mass constant.', pred: 'D', status: 'answered', n: 4 },

  // --- Questions the model asks itself ---
  { tag: 'self_question_rejected', response: 'Is the answer (B)? B requires a catalyst, but the reaction described is uncatalysed. So no, not B.', pred: null, status: NONE, choices: RXN },
  { tag: 'self_question_resolved', response: 'Could it be (B)? No, B needs a catalyst. What about (D)? D fits every piece of data. So (D).', pred: 'D', status: 'answered', choices: RXN },
  { tag: 'self_question_only', response: 'Which is it then, (A) or (C)? Both describe a first-order process, so the rate constant decides.', pred: null, status: NONE, n: 4 },
  { tag: 'self_question_text', response: 'Is it osmosis? No, osmosis is for water. Is it diffusion? Not against a gradient. What remains that needs ATP?', pred: null, status: NONE, choices: TRANSPORT },
  { tag: 'self_question_text_answered', response: 'Is it osmosis? No, that is water. Diffusion? Not against a gradient. It has to be active transport, which spends ATP.', pred: 'C', status: 'answered', choices: TRANSPORT },

  // --- Invented follow-ups and echoed examples ---
  { tag: 'invented_followup_after_answer', response: 'The answer is (C).\n\nQuestion: Which of the following is a noble gas?\n(A) Neon (B) Nitrogen (C) Sodium (D) Chlorine\nAnswer: (A)', pred: 'C', status: 'answered', n: 4 },
  { tag: 'invented_followup_only', response: 'Let me think about the enzyme. It denatures at high temperature.\n\nQuestion: What is the optimal pH of pepsin?\nA. 2\nB. 7\nC. 9\nD. 12\nAnswer: A', pred: null, status: NONE, n: 4 },
  { tag: 'invented_followup_after_text', response: 'Proteins are made by the ribosome.\n\nQ: Which organelle makes ATP?\nA: The mitochondria, so (A).', pred: 'C', status: 'answered', choices: ORGANELLES },
  {
    tag: 'echoed_example_then_text',
    question: 'Q: What is 2+2? (A) 3 (B) 4 (C) 5 (D) 6\nA: The answer is (B).\n\nQ: Which planet is largest? (A) Mars (B) Earth (C) Jupiter (D) Venus\nA:',
    response: 'Q: What is 2+2? (A) 3 (B) 4 (C) 5 (D) 6\nA: The answer is (B).\n\nQ: Which planet is largest? (A) Mars (B) Earth (C) Jupiter (D) Venus\nA: Jupiter is the largest planet by both mass and volume.',
    pred: 'C',
    status: 'answered',
    choices: ['Mars', 'Earth', 'Jupiter', 'Venus'],
  },
  {
    tag: 'echoed_example_cut',
    question: 'Q: What is 2+2? (A) 3 (B) 4 (C) 5 (D) 6\nA: The answer is (B).\n\nQ: Which planet is largest? (A) Mars (B) Earth (C) Jupiter (D) Venus\nA:',
    response: 'Q: What is 2+2? (A) 3 (B) 4 (C) 5 (D) 6\nA: The answer is (B).\n\nQ: Which planet is largest? (A) Mars (B) Earth (C) Jupiter (D) Venus\nA: Let\'s think step by step. The largest',
    pred: null,
    status: 'truncated',
    truncated: true,
    choices: ['Mars', 'Earth', 'Jupiter', 'Venus'],
  },
  {
    tag: 'echoed_example_then_answer',
    question: 'Q: Which gas do plants absorb? (A) Oxygen (B) Nitrogen (C) Carbon dioxide (D) Helium\nA: The answer is (C).\n\nQ: What is the chemical symbol of sodium? (A) S (B) Na (C) So (D) N\nA:',
    response: 'Q: Which gas do plants absorb? (A) Oxygen (B) Nitrogen (C) Carbon dioxide (D) Helium\nA: The answer is (C).\n\nQ: What is the chemical symbol of sodium? (A) S (B) Na (C) So (D) N\nA: The answer is (B).',
    pred: 'B',
    status: 'answered',
    n: 4,
  },
  { tag: 'echoed_format_instruction', response: 'Remember to finish with "The answer is (X)", where X is the letter.\n\nThe reaction is second order in A, so doubling [A] quadruples the rate.', pred: null, status: NONE, choices: ['The rate doubles', 'The rate is unchanged', 'The rate halves', 'The rate triples'] },
  { tag: 'echoed_format_then_answer', response: 'I will finish with "the answer is (X)".\n\nDoubling [A] in a second-order reaction quadruples the rate. The answer is (C).', pred: 'C', status: 'answered', choices: ['The rate doubles', 'The rate is unchanged', 'The rate quadruples', 'The rate triples'] },
  // Widened after the first run, as conditional_rejected: "I can't choose, because the figure ... is missing" declines for want of data.
  { tag: 'example_answer_format', response: 'For example, a reply might say "the answer is (B)" if it chose B. Here I can\'t choose, because the figure the question refers to is missing.', pred: null, status: [...NONE, 'refused'], n: 4 },

  // --- Quoted option lists and tables of candidates ---
  { tag: 'quoted_options_then_answer', response: 'The options are:\n(A) 12 N\n(B) 24 N\n(C) 36 N\n(D) 48 N\n\nThe net force is ma = 4 kg × 6 m/s² = 24 N, so (B).', pred: 'B', status: 'answered', choices: FORCES },
  { tag: 'quoted_options_cut', response: 'Options:\nA) 12 N\nB) 24 N\nC) 36 N\nD) 48 N\n\nFirst compute the acceleration from the', pred: null, status: 'truncated', truncated: true, choices: FORCES },
  { tag: 'quoted_options_answer_label_cut', response: 'The correct answer:\n(A) 12 N\n(B) 24 N\n(C) 3', pred: null, status: CUT, choices: FORCES },
  { tag: 'table_with_conclusion', response: '| Option | Value | Matches? |\n|---|---|---|\n| A | 12 N | no |\n| B | 24 N | yes |\n| C | 36 N | no |\n| D | 48 N | no |\n\nSo the answer is B.', pred: 'B', status: 'answered', choices: FORCES },
  { tag: 'table_two_yes', response: '| Option | Satisfies both conditions? |\n|---|---|\n| A | no |\n| B | yes |\n| C | no |\n| D | yes |\n\nBoth B and D satisfy the conditions.', pred: null, status: NONE, n: 4 },
  { tag: 'table_cut', response: '| Option | Units OK | Magnitude OK |\n|---|---|---|\n| A | yes | no |\n| B | yes | yes |\n| C | no |', pred: null, status: 'truncated', truncated: true, n: 4 },
  { tag: 'table_candidates_only', response: 'Candidates:\n- (A) 12 N: too small\n- (C) 36 N: possible if the mass is 6 kg\n- (D) 48 N: possible if the acceleration is 8 m/s²\n\nThe question gives neither value, so I can\'t narrow it down.', pred: null, status: NONE, choices: FORCES },
  { tag: 'json_answer', response: '{"reasoning": "Ohm\'s law gives 2 A; options A (0.5 A) and I (12 A) are off by factors.", "answer": "D"}', pred: 'D', status: 'answered', choices: CURRENT10 },
  { tag: 'json_answer_null', response: '{"reasoning": "Options C and F both fit the stated range.", "answer": null}', pred: null, status: NONE, n: 10 },

  // --- Cut-off replies ---
  { tag: 'cut_open_paren', response: 'Weighing all of this, the answer is clearly (', pred: null, status: 'truncated', truncated: true, n: 4 },
  { tag: 'cut_option_mid_sentence', response: 'Looking at option (C), it says that the', pred: null, status: 'truncated', truncated: true, n: 4 },
  { tag: 'cut_final_label', response: 'After eliminating the impossible ones, the final answer is option', pred: null, status: 'truncated', truncated: true, n: 10 },
  { tag: 'cut_after_commit', response: 'The answer is (C). To explain: option C states that the enzyme\'s activity falls above 40 °C, which matches the', pred: 'C', status: 'answered', truncated: true, n: 4 },
  { tag: 'cut_walkthrough', response: '(A) is incorrect because the reaction is endothermic.\n(B) looks', pred: null, status: 'truncated', truncated: true, n: 4 },
  { tag: 'cut_loop', response: 'Is it (C)? Or (D)? (C)? (D)? (C)? (D)? (C)? (D)? (C)? (D)? (C)? (D)? (C)? (D)? (C)?', pred: null, status: 'truncated', truncated: true, n: 4 },
  { tag: 'cut_consider', response: 'Let\'s consider option G first. G claims that the price level is fixed in the short run, which', pred: null, status: 'truncated', truncated: true, n: 10 },

  // --- Hedges ---
  { tag: 'hedge_two', response: 'It could be (B) or (C); I\'m not sure which.', pred: null, status: NONE, n: 4 },
  { tag: 'hedge_three', response: 'It might be (B), but I can\'t rule out (A) or (D).', pred: null, status: NONE, n: 4 },
  { tag: 'best_guess', response: 'I can\'t verify the data, but my best guess is (C).', pred: 'C', status: 'answered', n: 4 },
  { tag: 'hedge_text', response: 'Perhaps a fall in interest rates, or perhaps a rise in the exchange rate; the passage supports both.', pred: null, status: NONE, choices: ECON },

  // --- Concessions ---
  { tag: 'concession_then_answer', response: 'B is tempting because it mentions inflation, but the question is about jobs. The answer is (D).', pred: 'D', status: 'answered', choices: ECON },
  { tag: 'concession_only', response: 'B is tempting because it mentions inflation, but the question is about prices falling, not rising.', pred: null, status: NONE, choices: ECON },
  { tag: 'one_might_choose', response: 'One might choose D here, but that ignores the time lag between the policy and its effect.', pred: null, status: NONE, choices: LAG4 },
  { tag: 'one_might_choose_affirmed', response: 'One might choose D here, and indeed D is correct: the lag is exactly what the question describes.', pred: 'D', status: 'answered', choices: LAG4 },
  { tag: 'many_students_pick', response: 'Many students pick (A) because it sounds familiar. It is wrong: the effect runs the other way, which is what (C) says. So (C).', pred: 'C', status: 'answered', n: 4 },
  { tag: 'many_students_pick_only', response: 'Many students pick (A) because it sounds familiar, and many textbooks repeat the mistake.', pred: null, status: NONE, n: 4 },
  { tag: 'commit_then_concession', response: 'La respuesta correcta es C, aunque D también parece razonable a primera vista.', pred: 'C', status: 'answered', n: 4 },

  // --- Withdrawn answers ---
  { tag: 'withdrawn_no_replacement', response: 'The answer is (A). Actually, no: A assumes constant velocity, which the problem rules out. I\'m not sure which of the remaining options is right.', pred: null, status: NONE, choices: ['30 m', '40 m', '45 m', '60 m'] },
  { tag: 'withdrawn_replaced', response: 'The answer is (A). Wait, A assumes constant velocity. Redoing it with the acceleration gives 45 m, which is (C).', pred: 'C', status: 'answered', choices: ['30 m', '40 m', '45 m', '60 m'] },
  { tag: 'withdrawn_text', response: 'It\'s 36 N. Hmm, no, I used the wrong mass; with 4 kg it isn\'t 36 N. I don\'t have the acceleration to redo it.', pred: null, status: NONE, choices: FORCES },
  { tag: 'withdrawn_bold', response: '**Answer: (B)**\n\nOn second thought, (B) double counts the tax, so I retract it. None of the options is consistent with the figures.', pred: null, status: [...NONE, 'refused'], n: 4 },
  { tag: 'key_disagreement', response: 'The answer key says (A), but that seems wrong to me: A ignores the discount rate.', pred: null, status: NONE, n: 4 },
  { tag: 'key_disagreement_with_own', response: 'The textbook lists (B), but working it through, the correct option is (C).', pred: 'C', status: 'answered', n: 4 },

  // --- Partial-credit asides ---
  { tag: 'partial_credit_then_answer', response: '(B) would earn partial credit, since it has the right magnitude but the wrong sign. The fully correct option is (D).', pred: 'D', status: 'answered', choices: SIGN },
  { tag: 'partial_credit_only', response: '(B) has the right magnitude but the wrong sign, so at best it is half right.', pred: null, status: NONE, choices: SIGN },
  { tag: 'partially_correct_text', response: '"Monetary policy has longer lags" is partially correct, but it leaves out the decision lag, so I would not call it the answer.', pred: null, status: NONE, choices: LAG10 },
  { tag: 'partially_correct_then_text', response: '"Monetary policy has longer lags" is only partly right. The real difference is that fiscal policy needs legislation, so that is my answer.', pred: 'D', status: 'answered', choices: LAG10 },

  // --- All of the above / none ---
  { tag: 'all_of_above_text', response: 'A, B and C are all correct, so the answer is all of the above.', pred: 'D', status: 'answered', choices: ['It lowers activation energy', 'It is not consumed', 'It speeds up both directions', 'All of the above'] },
  { tag: 'none_of_above_not_listed', response: 'A, B and C are each wrong in one detail. The right answer would be "none of the above", but that is not an option.', pred: null, status: [...NONE, 'refused'], choices: ['It raises activation energy', 'It is consumed', 'It speeds up only the forward reaction', 'It changes ΔG'] },

  // --- Other languages, where letters are also words ---
  { tag: 'french_a_preposition', response: 'A mon avis, la réponse est B, parce que la pression reste constante.', pred: 'B', status: 'answered', choices: ['Isochoric', 'Isobaric', 'Isothermal', 'Adiabatic'] },
  { tag: 'french_neither', response: 'Réponse : ni A ni B, et les autres options ne conviennent pas non plus.', pred: null, status: [...NONE, 'refused'], n: 4 },
  { tag: 'spanish_a_preposition', response: 'Voy a elegir la opción D, porque es la única que conserva la energía.', pred: 'D', status: 'answered', n: 4 },
  { tag: 'spanish_a_no_answer', response: 'Voy a revisar cada opción: a primera vista ninguna conserva la energía.', pred: null, status: [...NONE, 'refused'], n: 4 },
  { tag: 'german_clear', response: 'Die Reaktion ist exotherm. Die richtige Antwort ist (B).', pred: 'B', status: 'answered', choices: ['ΔH > 0', 'ΔH < 0', 'ΔH = 0', 'ΔS < 0'] },
  { tag: 'italian_e_verb', response: 'È la C, perché è l\'unica opzione con le unità giuste.', pred: 'C', status: 'answered', n: 4 },

  // --- Reasoning-model transcripts ---
  { tag: 'think_mentions_then_answer', response: '<think>A is wrong, the sign flips. B could work. Hmm, but B ignores the offset. C fits everything.</think>\n\nThe answer is (C).', pred: 'C', status: 'answered', n: 4 },
  { tag: 'think_cut', response: '<think>Option A is wrong because the sign flips. Option B could work if the offset is zero. Let me check option C: it says the', pred: null, status: 'truncated', truncated: true, n: 4 },
  { tag: 'think_answer_outside_none', response: '<think>The answer is B. Wait, no, B double counts.</think>\n\nI could not settle on a single option: two of them fit the data equally well.', pred: null, status: NONE, n: 4 },

  // --- More clear answers phrased riskily ---
  { tag: 'i_would_go_with', response: 'I would go with (D): it is the only option that keeps the budget balanced.', pred: 'D', status: 'answered', n: 4 },
  { tag: 'bold_final_letter', response: 'The slope of the demand curve is negative, and only one option keeps that sign.\n\n**C**', pred: 'C', status: 'answered', n: 4 },
  { tag: 'i_think_letter_i', response: 'I think the answer is (I), because only that option accounts for both the income and the substitution effect.', pred: 'I', status: 'answered', n: 10 },
  { tag: 'answer_h_after_i', response: 'I considered (I) first, but it ignores the substitution effect. So I\'d pick H.', pred: 'H', status: 'answered', n: 10 },
  { tag: 'option_word_in_prose', response: 'Putting it together, option G is the one that matches the description of a price floor.', pred: 'G', status: 'answered', n: 10 },
  { tag: 'letter_after_text', response: 'The current is 2 A, which is choice D.', pred: 'D', status: 'answered', choices: CURRENT10 },
  { tag: 'short_letter', response: 'J', pred: 'J', status: 'answered', n: 10 },
  { tag: 'correct_label', response: 'Correct: J. The others all assume a closed economy.', pred: 'J', status: 'answered', n: 10 },
  { tag: 'vitamin_answer_other_letter', question: 'Which vitamin is needed for blood clotting?', response: 'Blood clotting depends on vitamin K, which activates several clotting factors. Vitamin C plays no part in it. The answer is (D).', pred: 'D', status: 'answered', choices: VITAMINS },
  { tag: 'vitamin_answer_other_letter_text', question: 'Which vitamin is needed for blood clotting?', response: 'Clotting factors II, VII, IX and X need vitamin K to be activated; vitamin C and vitamin D have nothing to do with it. So: vitamin K.', pred: 'D', status: 'answered', choices: VITAMINS },
  { tag: 'option_text_then_letter_other_mention', response: 'Active transport (C) needs ATP, unlike diffusion (B). That is why glucose can move uphill: the answer is C.', pred: 'C', status: 'answered', choices: TRANSPORT },

  // --- More traps: loops, several answers, asides ---
  { tag: 'several_final_answers', response: 'Final answer: (B)\n\nFinal answer: (D)', pred: null, status: NONE, n: 4 },
  { tag: 'answer_for_other_part', response: 'For part (a) the answer is B; part (b), which is what this question asks, needs the discount rate, which is not given.', pred: null, status: NONE, n: 4 },
  { tag: 'example_within_explanation', response: 'For instance, if the price rose to $12, as in option (C), demand would fall by 20%. But the question asks about a fall in price, and the figures for that are missing.', pred: null, status: NONE, choices: ['$8', '$10', '$12', '$15'] },
  { tag: 'letter_in_quote', response: 'The passage\'s key line is "plan B was never tested." That supports the claim that the author doubts the plan, which is option (A).', pred: 'A', status: 'answered', choices: PASSAGE },
  { tag: 'letter_in_quote_only', response: 'The passage\'s key line is "plan B was never tested," and the author returns to it twice.', pred: null, status: NONE, choices: PASSAGE },
  { tag: 'vitamin_b12_mention', question: 'Which vitamin deficiency causes night blindness?', response: 'Night blindness is typically linked to a deficiency in the retinal pigments; vitamin B12 deficiency causes anaemia instead. The pigment rhodopsin needs', pred: null, status: 'truncated', truncated: true, choices: ['Vitamin B12', 'Vitamin C', 'Vitamin D', 'Vitamin A'] },
  { tag: 'hepatitis_names', response: 'Hepatitis B and D spread through blood, while A and E spread through contaminated food. The question does not say which route the patient was exposed to.', pred: null, status: NONE, choices: HEPATITIS },
  { tag: 'type_a_personality', response: 'Type A personalities are competitive and time-pressured. The case describes someone relaxed, so the answer is (B) Type B.', pred: 'B', status: 'answered', choices: ['Type A', 'Type B', 'Type C', 'Type D'] },
  { tag: 'type_a_personality_only', response: 'Type A personalities are competitive and time-pressured, whereas the case describes someone who is', pred: null, status: 'truncated', truncated: true, choices: ['Type A', 'Type B', 'Type C', 'Type D'] },
  { tag: 'plan_b_option_text', question: 'Setting a low price to win market share quickly is called:', response: 'If the first approach fails, the firm falls back on plan B, which is to cut prices. That fallback is exactly the "penetration pricing" strategy.', pred: 'C', status: 'answered', choices: ['Skimming', 'Premium pricing', 'Penetration pricing', 'Cost-plus pricing'] },
  { tag: 'grade_of_essay', response: 'The essay would earn a C from most markers: the argument is clear but the evidence is thin. As for the question, both interpretations are defensible.', pred: null, status: NONE, n: 4 },
  { tag: 'stutter_then_answer', response: 'The the the answer is is (B) (B).', pred: 'B', status: 'answered', n: 4 },
  { tag: 'stutter_cut', response: 'The the the answer answer is is the the the', pred: null, status: 'truncated', truncated: true, n: 4 },
  { tag: 'refusal_mentions', response: 'I can\'t help choose between (A) and (B) on a question about dosing a real patient; please ask a pharmacist.', pred: null, status: 'refused', n: 4 },
  { tag: 'answer_then_followup_question', response: 'So the answer is (A).\n\nWould you like me to explain why (C) is the most common wrong choice?', pred: 'A', status: 'answered', n: 4 },
  { tag: 'followup_question_only', response: 'Would you like me to compare (A) and (C) in more detail before you decide?', pred: null, status: NONE, n: 4 },
  { tag: 'sorry_correction', response: 'Answer: (B). Sorry, I mislabelled: the value I computed, 45 m, is option (C).', pred: 'C', status: 'answered', choices: ['30 m', '40 m', '45 m', '60 m'] },
  { tag: 'value_matches_two_options', response: 'The answer is 2 A.', pred: null, status: NONE, choices: ['2 A', '1 A', '2 A', '4 A'] },
  { tag: 'answer_letter_plus_wrong_text_10', response: 'The answer is (F) 25 J.', pred: null, status: NONE, choices: WORK10 },
  { tag: 'answer_letter_plus_right_text_10', response: 'W = 10 × 5 = 50 J. The answer is (F) 50 J.', pred: 'F', status: 'answered', choices: WORK10 },
  { tag: 'chemical_b_boron', question: 'Which of these is a Lewis acid?', response: 'B, boron, has three valence electrons, so BF3 is electron-deficient and acts as a Lewis acid. The answer is (A).', pred: 'A', status: 'answered', choices: ['BF3', 'NH3', 'CH4', 'H2O'] },
  { tag: 'chemical_b_boron_only', response: 'B, boron, has three valence electrons, so BF3 is electron-deficient and accepts a lone pair from NH3.', pred: null, status: NONE, n: 4 },
  { tag: 'vitamin_d_sunlight', question: 'Which option best describes the role of sunlight?', response: 'Sunlight lets the skin make vitamin D. Of the options, the one that says it triggers synthesis in the skin is (A).', pred: 'A', status: 'answered', n: 4 },
  { tag: 'matrix_letters', response: 'Let A and B be the two matrices. AB ≠ BA in general, and det(AB) = det(A)det(B). The trace is', pred: null, status: 'truncated', truncated: true, n: 10 },
  { tag: 'matrix_letters_answer', response: 'Let A and B be 2×2 matrices. det(AB) = det(A)det(B) always holds, so statement (E) is the one that is always true.', pred: 'E', status: 'answered', n: 10 },
  { tag: 'closest_withdrawn', response: 'My result, 52 J, is not listed. The closest is (F) 50 J, but that is 4% off, which is too much to be rounding, so none of these fit.', pred: null, status: [...NONE, 'refused'], choices: WORK10 },
  { tag: 'closest_kept', response: 'I get 49.8 J, which rounds to 50 J: option (F).', pred: 'F', status: 'answered', choices: WORK10 },
  { tag: 'multi_select_reply', response: 'The correct options are A and C.', pred: null, status: NONE, n: 4 },
  { tag: 'elimination_states_answer', response: 'A is wrong (sign), B is wrong (units), D is wrong (factor of 2). That leaves C, which is correct.', pred: 'C', status: 'answered', n: 4 },
];
