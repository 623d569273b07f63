/**
 * Hold-out split for issue 18, in batches. Each batch was written before the work it measures and run once,
 * blind; its misses were then reproduced as new tuning cases in other wording (mc.ts, math.ts) and fixed there,
 * so after its first run a batch is no longer blind. The test (test/grade-holdout.test.ts) prints the share
 * passed, requires 95% and requires that no wrong answer is counted right.
 *
 * First (blind) runs, 2-core AMD EPYC VM:
 * - batch 1, written before any extraction change: 49/51 (96.1%); 1 wrong answer counted right (a loop of
 *   "Wait, it is (D)." read as A), 1 abstention on a right answer;
 * - batch 2: 39/43 (90.7%); 1 counted right ("Statement C correctly notes that", cut off, read as C);
 * - batch 3: 36/40 (90.0%); 2 counted right ("- A: incorrect" after "option by option:", and a closest option
 *   withdrawn by "so it can't be right either");
 * - batch 4: 35/39 (89.7%); 1 counted right (a re-listed option list cut off at a bare "(D)" line). After its
 *   fixes one miss is left on purpose: "making B the most plausible option" abstains.
 * All batches' first runs together: 159/173 (91.9%), 5 wrong answers counted right (each since fixed).
 * Do not tune the extractors against these cases; add new tuning cases instead, and a new batch to measure.
 */
import type { GradeStatus } from '../../lib/grade/types.ts';

export interface HoldoutMcCase {
  tag: string;
  response: string;
  /** The option a careful reader takes, or null when the response commits to none. */
  pred: string | null;
  /** Acceptable statuses (an abstention may fairly be called no_answer or ambiguous). */
  status: GradeStatus | GradeStatus[];
  choices?: string[];
  n?: number;
  truncated?: boolean;
  /** The question as asked, when the reading depends on it. */
  question?: string;
}

export interface HoldoutMathCase {
  tag: string;
  response: string;
  reference: string;
  correct: boolean;
  status: GradeStatus | GradeStatus[];
  truncated?: boolean;
}

const ABSTAIN: GradeStatus[] = ['no_answer', 'ambiguous', 'refused'];

export const HOLDOUT_MC: HoldoutMcCase[] = [
  // Several committed answers: loops, invented follow-ups, echoes, cut-off walk-throughs.
  { tag: 'loop_after_answer', response: 'Comparing the two rates, the reaction in flask 2 is faster, so the answer is (C).\n\nHmm, should it be (B)? No, (C). Hmm, should it be (B)? No, (C). Hmm, should it be (B)? No, (C). Hmm, should it be (B)?', pred: 'C', status: 'answered' },
  { tag: 'loop_after_answer', response: 'Therefore the correct option is D.\n\nLet me recheck. Is it A? Or D? Let me recheck. Is it A? Or D? Let me recheck. Is it A? Or D? Let me recheck. Is it A?', pred: 'D', status: 'answered' },
  { tag: 'loop_after_answer', response: 'After weighing both effects, the answer is (A).\nWait, maybe the answer is (B).\nNo, the answer is (A).\nWait, maybe the answer is (B).\nNo, the answer is (A).\nWait, maybe the answer is (B).\nNo, the answer is (A).\nWait, maybe the answer is (B).', pred: 'A', status: 'answered' },
  { tag: 'loop_revision', response: 'The answer is (A). Wait, it is (D). Wait, it is (D). Wait, it is (D). Wait, it is (D).', pred: 'D', status: 'answered' },
  { tag: 'invented_followup', response: 'The answer is (B).\n\nHere is another question for practice: Which organelle makes ATP?\n(A) ribosome (B) nucleus (C) mitochondrion (D) vacuole\nThe answer is (C).', pred: 'B', status: 'answered' },
  { tag: 'invented_followup', response: 'Answer: (D)\n\nNext question: What is the boiling point of water at sea level in Fahrenheit?\nA) 100 B) 180 C) 212 D) 273\nAnswer: (C)', pred: 'D', status: 'answered' },
  { tag: 'invented_followup', response: 'So the final answer is (A).\n\n**Question 3:** Which metal is liquid at room temperature?\n**Answer:** (B) mercury', pred: 'A', status: 'answered' },
  { tag: 'echo', response: 'Answer: C\nAnswer: A\nAnswer: D\n\nNow for this question. The enzyme works best near body temperature, so the activity peaks at 37 °C. The answer is (B).', pred: 'B', status: 'answered' },
  {
    tag: 'echo',
    question: "Which gas makes up most of Earth's atmosphere?",
    response: "The answer is (D).\n\nQuestion: Which planet is known as the red planet?\nA: Mars is red because of iron oxide. The answer is (A).\n\nQuestion: Which gas makes up most of Earth's atmosphere?\nA: Nitrogen is about 78% of air. The answer is (B).",
    pred: 'B',
    status: 'answered',
  },
  { tag: 'walkthrough_cut', response: "Let's go through the options.\n(A) is false: heat flows from hot to cold.\n(B) is false: entropy of an isolated system never decreases.\n(C) states that the work done by the gas", pred: null, status: 'truncated', truncated: true },
  { tag: 'walkthrough_cut', response: 'Checking each: A is wrong because the sign flips. B is wrong since it ignores friction. D describes a case where the', pred: null, status: ABSTAIN },
  // Letters inside prose.
  { tag: 'option_paren', response: 'Since the volume halves while temperature is fixed, the pressure doubles (option C).', pred: 'C', status: 'answered' },
  { tag: 'option_named', response: 'Putting it all together, the description that fits best is Option G.', pred: 'G', status: 'answered', n: 10 },
  {
    tag: 'letter_then_text',
    response: 'Only one statement survives all three checks. That statement is B. Mitochondria have their own DNA.',
    pred: 'B',
    status: 'answered',
    choices: ['Ribosomes have membranes', 'Mitochondria have their own DNA', 'Lysosomes make proteins', 'The nucleus lacks DNA'],
  },
  { tag: 'quoted', response: 'After comparing the values, I am going with "C. 12 moles" as my response.', pred: 'C', status: 'answered', choices: ['3 moles', '6 moles', '12 moles', '24 moles'] },
  { tag: 'quoted', response: 'The correct response is “(D) Madrid”.', pred: 'D', status: 'answered', choices: ['Lisbon', 'Rome', 'Vienna', 'Madrid'] },
  {
    tag: 'long_prose_letter',
    response: 'The graph rises steeply at first and then levels off, which rules out a linear model and an exponential model. A logarithmic curve would keep rising, however slowly, while the data show a hard ceiling at 50 units. A logistic curve has exactly such a ceiling, so everything points to D.',
    pred: 'D',
    status: 'answered',
  },
  { tag: 'long_prose_letter', response: 'Both samples were heated for the same time, but the second one has twice the mass, so its temperature rises half as much. The specific heat is a property of the material, which is the same in both. The change in internal energy is equal since the same heat went in.\n\nMy pick: B.', pred: 'B', status: 'answered' },
  { tag: 'closest', response: 'None of the listed speeds equals 47 m/s exactly; the nearest is option C.', pred: 'C', status: 'answered' },
  { tag: 'closest', response: 'The computed value, 0.62, is not among the choices. It is closest to choice (B) 0.6.', pred: 'B', status: 'answered', choices: ['0.4', '0.6', '0.8', '1.0'] },
  {
    tag: 'not_question',
    question: 'Which of the following is NOT a function of the liver?',
    response: 'The liver detoxifies blood, stores glycogen and makes bile. Option D, pumping blood, is not a function of the liver.',
    pred: 'D',
    status: 'answered',
    choices: ['Detoxifying blood', 'Storing glycogen', 'Producing bile', 'Pumping blood'],
  },
  { tag: 'not_question', response: 'We need the option that is NOT a noble gas. Helium, neon and argon are noble gases; (C) nitrogen is not a noble gas.', pred: 'C', status: 'answered', choices: ['Helium', 'Neon', 'Nitrogen', 'Argon'] },
  { tag: 'not_question', question: 'All of the following are prime numbers EXCEPT:', response: '2, 3 and 5 are prime. Choice B, 9, is not prime.', pred: 'B', status: 'answered', choices: ['2', '9', '3', '5'] },
  {
    tag: 'not_question',
    question: 'Which animal is NOT a mammal?',
    response: 'Option A (whale) is not the answer, since whales are mammals. Option C, the shark, is not a mammal.',
    pred: 'C',
    status: 'answered',
    choices: ['Whale', 'Bat', 'Shark', 'Dolphin'],
  },
  // Committing to nothing.
  { tag: 'relisted', response: 'Let us examine every choice:\n(A) Sodium chloride dissolves in water\n(B) Sugar', pred: null, status: 'truncated', truncated: true },
  { tag: 'relisted', response: 'Here is the correct answer:\nA. It increases\nB. It decreases\nC. It stays', pred: null, status: ABSTAIN },
  { tag: 'none_of_above', response: 'Thus, (C) is likewise incorrect, and (D) fails too. So the answer is none of the above.', pred: null, status: ABSTAIN },
  { tag: 'none_of_above', response: 'Hence (B) is also wrong. None of the options given is right.', pred: null, status: ABSTAIN },
  { tag: 'withdrawn', response: 'The result is 15 N. The closest option is (F) 14 N. Actually, (F) does not match either, since 14 is too far from 15. None of the choices is correct.', pred: null, status: ABSTAIN, n: 10 },
  { tag: 'withdrawn', response: "I'd lean towards (B). Hmm, no — (B) can't be right, because it ignores the drag. I can't decide among the rest.", pred: null, status: ABSTAIN },
  { tag: 'all_rejected', response: 'Option A is incorrect. Option B is incorrect. Option C is incorrect.', pred: null, status: ABSTAIN },
  // Controls: what must keep working.
  { tag: 'control', response: 'The answer is (B). (B) is not the most obvious pick, but it is the only one consistent with the data.', pred: 'B', status: 'answered' },
  { tag: 'control', response: 'Consider each choice:\nA. 2 — too small\nB. 4 — correct\nC. 6 — too large\nD. 8 — too large\nSo the answer is B.', pred: 'B', status: 'answered' },
];

export const HOLDOUT_MATH: HoldoutMathCase[] = [
  // Base subscripts in the gold answer.
  { tag: 'base', response: 'Converting 13 to binary gives \\boxed{1101}.', reference: '1101_2', correct: true, status: 'answered' },
  { tag: 'base', response: 'The answer is $2012$.', reference: '2012_3', correct: true, status: 'answered' },
  { tag: 'base', response: '\\boxed{132_4}', reference: '123_{4}', correct: false, status: 'answered' },
  { tag: 'base', response: 'Therefore the number in base 6 is \\boxed{41_{6}}.', reference: '41_6', correct: true, status: 'answered' },
  { tag: 'base', response: '\\boxed{13}', reference: '1101_2', correct: false, status: 'answered' },
  { tag: 'base', response: '\\boxed{1A}', reference: '1A_{16}', correct: true, status: 'answered' },
  { tag: 'base', response: 'the answer is 2', reference: '10_2', correct: false, status: 'answered' },
  // A final answer in the last sentence without \boxed.
  { tag: 'final_sentence', response: 'Expanding (x+1)(x-3) gives x^2 - 3x + x - 3. Collecting like terms, the product is $x^2 - 2x - 3$.', reference: 'x^2-2x-3', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'We factor out 2 and combine the 3 terms. Therefore f(x) = 2x^3 + 5x.', reference: '2x^3+5x', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'Comparing the three totals, 18, 21 and 17, the person with the most points is **Marcus**.', reference: '\\text{Marcus}', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'Solving gives two roots, 2 and 5, and the larger root is $5$.', reference: '5', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'Thus the simplified expression is $\\frac{x+1}{x-1}$ for all x except 1.', reference: '\\frac{x+1}{x-1}', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'Dividing step by step, the remainder vanishes, so the quotient is $x^2 + x + 1$.', reference: 'x^2+x-1', correct: false, status: 'answered' },
  { tag: 'final_sentence', response: 'So the missing word is **photosynthesis**.', reference: '\\text{photosynthesis}', correct: true, status: 'answered' },
  // "answer: N" inside a box.
  { tag: 'boxed_label', response: '\\boxed{\\text{Answer: } 24}', reference: '24', correct: true, status: 'answered' },
  { tag: 'boxed_label', response: 'Adding the two parts, \\boxed{answer: 7}', reference: '7', correct: true, status: 'answered' },
  { tag: 'boxed_label', response: 'Final: $\\boxed{\\text{answer}: 15}$.', reference: '15', correct: true, status: 'answered' },
  { tag: 'boxed_label', response: '\\boxed{answer: 8}', reference: '9', correct: false, status: 'answered' },
];

/** Batch 2, written after batch 1's first run. */
export const HOLDOUT_MC_2: HoldoutMcCase[] = [
  { tag: 'loop_after_answer', response: 'Looking at the energy levels, the correct option is (E).\nIs it (A)? Hmm, is it (A)? Hmm, is it (A)? Hmm, is it (A)? Hmm, is it (A)?', pred: 'E', status: 'answered', n: 5 },
  { tag: 'loop_no_answer', response: 'The answer is (A).\nThe answer is (C).\nThe answer is (A).\nThe answer is (C).\nThe answer is (A).\nThe answer is (C).\nThe answer is (A).', pred: null, status: ABSTAIN },
  { tag: 'loop_same', response: 'Final answer: (C)\nFinal answer: (C)\nFinal answer: (C)\nFinal answer: (C)', pred: 'C', status: 'answered' },
  { tag: 'invented_followup', response: "The answer is (B).\n\nLet's solve another problem. A ball is thrown upward at 20 m/s; how high does it go?\nThe answer is (A).", pred: 'B', status: 'answered' },
  { tag: 'invented_followup', response: 'Answer: A\n\nQ2. Which organ filters blood?\nAnswer: C', pred: 'A', status: 'answered' },
  { tag: 'invented_followup', response: 'So the answer is (D).<|eot_id|>The answer is (B).', pred: 'D', status: 'answered' },
  { tag: 'echo', response: 'Answer: B\nAnswer: A\nAnswer: C\nAnswer: D\n\nTurning to this problem: friction converts the kinetic energy into heat, so the answer is (C).', pred: 'C', status: 'answered' },
  { tag: 'walkthrough_cut', response: "Let's analyze each statement.\nStatement A is false because the moon has no atmosphere.\nStatement B is false because tides depend on the sun too.\nStatement C correctly notes that", pred: null, status: 'truncated', truncated: true },
  { tag: 'walkthrough', response: '(A) is wrong. (B) is wrong. (C) is right. (D) is wrong.', pred: 'C', status: 'answered' },
  { tag: 'option_named', response: 'The decay follows first-order kinetics, consistent with option D.', pred: 'D', status: 'answered' },
  { tag: 'option_named', response: 'The description lines up with choice F.', pred: 'F', status: 'answered', n: 6 },
  { tag: 'short_prose', response: "Of the four, I'd say D.", pred: 'D', status: 'answered' },
  { tag: 'quoted', response: 'The right pick here is "(B) 2.5 mol".', pred: 'B', status: 'answered', choices: ['1.0 mol', '2.5 mol', '5.0 mol', '10 mol'] },
  { tag: 'letter_then_text', response: 'I would answer with C: Photosynthesis.', pred: 'C', status: 'answered', choices: ['Respiration', 'Fermentation', 'Photosynthesis', 'Digestion'] },
  {
    tag: 'long_prose_letter',
    response: 'Both metals conduct, but only one of them is magnetic at room temperature, and that one is iron; cobalt and nickel would also qualify, yet they are not among the options listed in this question at all, so the choice comes down to iron, which is option A.',
    pred: 'A',
    status: 'answered',
  },
  { tag: 'long_prose_letter', response: 'The reaction releases heat, the entropy of the surroundings rises, and the total entropy change is positive, which makes the process spontaneous at every temperature we were given in the problem statement.\n\nOption B.', pred: 'B', status: 'answered' },
  { tag: 'closest', response: 'Rounded, 0.37 is nearest to (C) 0.4.', pred: 'C', status: 'answered', choices: ['0.1', '0.2', '0.4', '0.8'] },
  { tag: 'withdrawn', response: 'The nearest option is B, but B is 20% off, so it is wrong too. No option is right.', pred: null, status: ABSTAIN },
  {
    tag: 'not_question',
    question: 'Which of the following is NOT a renewable resource?',
    response: 'Wind, solar and hydro power all renew. Coal (B) does not renew on human timescales.',
    pred: 'B',
    status: 'answered',
    choices: ['Wind', 'Coal', 'Solar', 'Hydro'],
  },
  { tag: 'not_question', question: 'All of these are mammals EXCEPT:', response: 'Choice C, the penguin, is not a mammal; it is a bird.', pred: 'C', status: 'answered', choices: ['Dog', 'Whale', 'Penguin', 'Bat'] },
  { tag: 'not_question', question: 'Which is NOT a prime number?', response: '(A) 9 is not prime. (D) 15 is not prime either.', pred: null, status: ABSTAIN, choices: ['9', '7', '11', '15'] },
  { tag: 'not_question', question: 'Which nutrient is required for bone growth?', response: 'Option A is not required. Calcium, option C, is essential, so C.', pred: 'C', status: 'answered', choices: ['Vitamin C', 'Iron', 'Calcium', 'Sodium'] },
  { tag: 'relisted', response: 'Reviewing all the answer choices:\n(A) Mercury\n(B) Venus\n(C) Ea', pred: null, status: 'truncated', truncated: true },
  { tag: 'none_of_above', response: 'Thus (D) is incorrect as well, so none of the given options is right.', pred: null, status: ABSTAIN },
  { tag: 'withdrawn', response: 'Hmm, (A) seems close. Actually no, (A) is incorrect since it ignores the charge. I am not sure.', pred: null, status: ABSTAIN },
  { tag: 'relisted', response: 'The best answer:\n(A) increases\n(B) decreases', pred: null, status: ABSTAIN },
  { tag: 'control', response: 'The answer is (C). Note that (C) is not the same as (D), which double-counts.', pred: 'C', status: 'answered' },
  { tag: 'control', response: 'Answer: D. A and B are incorrect and C is incomplete.', pred: 'D', status: 'answered' },
  { tag: 'control', response: 'B', pred: 'B', status: 'answered' },
  { tag: 'control', response: 'The answer is 42, which is option (B).', pred: 'B', status: 'answered' },
];

export const HOLDOUT_MATH_2: HoldoutMathCase[] = [
  { tag: 'base', response: '\\boxed{110_{2}}', reference: '110_2', correct: true, status: 'answered' },
  { tag: 'base', response: 'In base 8 the number is 17.', reference: '17_8', correct: true, status: 'answered' },
  { tag: 'base', response: '\\boxed{71}', reference: '17_8', correct: false, status: 'answered' },
  { tag: 'base', response: 'The answer is 1010_2', reference: '1010', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'Grouping like terms, we end up with $3x^2 + 2$.', reference: '3x^2+2', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'Hence the factorization is (x - 2)(x + 5).', reference: '(x-2)(x+5)', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'After 3 iterations, the best candidate is **Lena**.', reference: '\\text{Lena}', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'So the general term is $a_n = 2^n + 1$.', reference: '2^n+1', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'The total area is $12\\pi$ square units, found by adding 3 regions.', reference: '12\\pi', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'Squaring gives 16 and halving gives 8, so the result is 8.', reference: '8', correct: true, status: 'answered' },
  { tag: 'boxed_label', response: '\\boxed{\\textbf{Answer: } 64}', reference: '64', correct: true, status: 'answered' },
  { tag: 'boxed_label', response: '$\\boxed{\\text{Answer}: -3}$', reference: '-3', correct: true, status: 'answered' },
  { tag: 'boxed_label', response: '\\boxed{Answer: 12}', reference: '21', correct: false, status: 'answered' },
];

/** Batch 3, written after batch 2's misses were fixed. */
export const HOLDOUT_MC_3: HoldoutMcCase[] = [
  { tag: 'loop_after_answer', response: 'Let me weigh it once more. The correct option is (B).\nOr (C)? No, (B). Or (C)? No, (B). Or (C)? No, (B). Or (C)?', pred: 'B', status: 'answered' },
  { tag: 'invented_followup', response: 'Answer: (A)\n\n---\n\nQuestion 2: Which is the largest ocean?\n(A) Atlantic (B) Pacific\nAnswer: (B)', pred: 'A', status: 'answered' },
  { tag: 'invented_followup', response: 'The answer is C.\n\nHuman: thanks! What about the next one?\nAssistant: The answer is A.', pred: 'C', status: 'answered' },
  { tag: 'echo', response: 'Answer: D\nAnswer: B\n\nWe compare the half-lives: the isotope with the shortest half-life decays fastest. The answer is (A).', pred: 'A', status: 'answered' },
  { tag: 'walkthrough_cut', response: 'Going option by option:\n- A: incorrect, violates conservation of mass.\n- B: incorrect, the units do not match.\n- C: this option describes a reaction in which', pred: null, status: 'truncated', truncated: true },
  { tag: 'walkthrough', response: '(A) False. (B) False. (C) True. (D) False.', pred: 'C', status: 'answered' },
  { tag: 'option_named', response: 'Hence the best fit is choice (D).', pred: 'D', status: 'answered' },
  { tag: 'option_named', response: 'The trend in the table corresponds to option E.', pred: 'E', status: 'answered', n: 5 },
  { tag: 'quoted', response: "So I'll answer B – 'the sample was too small'.", pred: 'B', status: 'answered' },
  {
    tag: 'letter_then_text',
    response: "The correct statement is 'B. Water expands when it freezes.'",
    pred: 'B',
    status: 'answered',
    choices: ['Water contracts when it freezes', 'Water expands when it freezes', 'Ice is denser than water', 'Water freezes at 10 °C'],
  },
  {
    tag: 'long_prose_letter',
    response: 'The spectrum shows a strong peak at 1700 per centimetre, which points to a carbonyl group, and the broad band near 3000 per centimetre suggests a carboxylic acid rather than a ketone or an aldehyde, since neither of those shows such a band. That makes (D) the only consistent choice.',
    pred: 'D',
    status: 'answered',
  },
  { tag: 'closest', response: 'None of the values matches 3.7 exactly, but option B (3.5) comes closest.', pred: 'B', status: 'answered' },
  { tag: 'closest', response: 'The exact value is not among the options; the closest is (A).', pred: 'A', status: 'answered' },
  {
    tag: 'not_question',
    question: 'Which of the following is NOT a symptom of dehydration?',
    response: 'Thirst, dizziness and dark urine are symptoms. (D) Excess sweating is not a symptom of dehydration.',
    pred: 'D',
    status: 'answered',
    choices: ['Thirst', 'Dizziness', 'Dark urine', 'Excess sweating'],
  },
  {
    tag: 'not_question',
    question: 'Which planet does NOT have rings?',
    response: 'Saturn, Jupiter and Uranus all have ring systems. Mars, option B, does not have rings.',
    pred: 'B',
    status: 'answered',
    choices: ['Saturn', 'Mars', 'Jupiter', 'Uranus'],
  },
  {
    tag: 'not_question',
    question: 'Which metal is the best conductor?',
    response: 'Iron (A) is not a good conductor compared with the others. Silver (C) is the best conductor.',
    pred: 'C',
    status: 'answered',
    choices: ['Iron', 'Copper', 'Silver', 'Aluminium'],
  },
  { tag: 'relisted', response: "Let's review the answer options:\nA) 12 m\nB) 24 m\nC) 36 m\nD) 48", pred: null, status: 'truncated', truncated: true },
  { tag: 'none_of_above', response: '(B) is also not correct, and (C) fails for the same reason; none of the choices works.', pred: null, status: ABSTAIN },
  { tag: 'withdrawn', response: "I was going to pick (D), but (D) is wrong because the sign is reversed. I'm not sure which is right then.", pred: null, status: ABSTAIN },
  { tag: 'withdrawn', response: "Closest is option (C). Hmm, but (C) is also off by a factor of two, so it can't be right either.", pred: null, status: ABSTAIN },
  { tag: 'control', response: 'The answer is not (A); it is (C).', pred: 'C', status: 'answered' },
  { tag: 'control', response: 'If we chose (A), the energy would not be conserved, so the answer is (B).', pred: 'B', status: 'answered' },
  { tag: 'control', response: 'B and D are both wrong, and A contradicts the data. So C.', pred: 'C', status: 'answered' },
  { tag: 'control', response: 'E', pred: 'E', status: 'answered', n: 5 },
  { tag: 'loop_no_answer', response: 'Let me compute. Let me compute. Let me compute. Let me compute. Let me compute.', pred: null, status: ['truncated', 'no_answer'] },
  { tag: 'control', response: 'Answer: B\n\nExplanation: option B is not always true in general, but it holds here.', pred: 'B', status: 'answered' },
  { tag: 'quoted', response: "My final choice is 'c'.", pred: 'C', status: 'answered' },
  { tag: 'control', response: '**Answer: (C)**', pred: 'C', status: 'answered' },
];

export const HOLDOUT_MATH_3: HoldoutMathCase[] = [
  { tag: 'base', response: '\\boxed{1111}', reference: '1111_2', correct: true, status: 'answered' },
  { tag: 'base', response: 'The base-5 representation is 243.', reference: '243_5', correct: true, status: 'answered' },
  { tag: 'base', response: '\\boxed{243_6}', reference: '243_5', correct: false, status: 'answered' },
  { tag: 'final_sentence', response: 'Simplifying, the expression becomes $\\frac{2}{x+1}$.', reference: '\\frac{2}{x+1}', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'Therefore, the polynomial is x^3 - x.', reference: 'x^3-x', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'The longest river in the list is the **Nile**.', reference: '\\text{Nile}', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'Plugging in 4 values, the mean comes out to $6.5$.', reference: '6.5', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'So the remainder is $x + 3$.', reference: 'x-3', correct: false, status: 'answered' },
  { tag: 'final_sentence', response: 'The final count is 12 after removing 3 duplicates.', reference: '12', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'Thus the solution set is $\\{1, 4\\}$.', reference: '\\{4,1\\}', correct: true, status: 'answered' },
  { tag: 'boxed_label', response: '\\boxed{\\text{answer: } \\frac{3}{4}}', reference: '0.75', correct: true, status: 'answered' },
  { tag: 'boxed_label', response: '$$\\boxed{Answer: 100}$$', reference: '100', correct: true, status: 'answered' },
];

/** Batch 4, written after batch 3's misses were fixed. */
export const HOLDOUT_MC_4: HoldoutMcCase[] = [
  { tag: 'loop_same', response: 'Step 1: the current through the resistor is V/R = 2 A.\nStep 2: the power is I^2 R = 20 W.\nThe answer is (C).\nThe answer is (C).\nThe answer is (C).\nThe answer is (C).', pred: 'C', status: 'answered' },
  { tag: 'loop_after_answer', response: 'The mass cancels, so the period depends only on length. The answer is (B).\nWait, the answer is (D).\nNo, the answer is (B).\nWait, the answer is (D).\nNo, the answer is (B).\nWait, the answer is (D).\nNo, the answer is (B).\nWait,', pred: 'B', status: 'answered' },
  { tag: 'invented_followup', response: 'A: The answer is (A).\n\nQ: What is the SI unit of force?\n(A) joule (B) newton (C) watt (D) pascal\nA: The answer is (B).', pred: 'A', status: 'answered' },
  { tag: 'invented_followup', response: 'So the answer is (C).\n\nExercise 2: Find the derivative of x^2.\nThe answer is (A).', pred: 'C', status: 'answered' },
  { tag: 'echo', response: "The answer is (B). The answer is (A). The answer is (D).\n\nLet's think step by step. Photosynthesis produces oxygen as a by-product, so the answer is (C).", pred: 'C', status: 'answered' },
  { tag: 'walkthrough_cut', response: 'Option A refers to the Krebs cycle, which is not anaerobic. Option B refers to glycolysis, which', pred: null, status: 'truncated', truncated: true },
  { tag: 'walkthrough', response: 'A) Incorrect: the ratio is 1:3.\nB) Incorrect: the ratio is 3:1.\nC) Correct: the ratio is 1:1.\nD) Incorrect: the ratio is 2:1.', pred: 'C', status: 'answered' },
  { tag: 'option_named', response: 'This corresponds exactly to (B).', pred: 'B', status: 'answered' },
  { tag: 'option_named', response: 'Based on the calculation, we select option D.', pred: 'D', status: 'answered' },
  { tag: 'option_named', response: 'The answer to this question is therefore option (A), the mitochondrion.', pred: 'A', status: 'answered' },
  {
    tag: 'letter_then_text',
    response: 'The most accurate statement is D) Sound travels faster in water than in air.',
    pred: 'D',
    status: 'answered',
    choices: ['Sound needs no medium', 'Sound is a transverse wave', 'Sound travels fastest in a vacuum', 'Sound travels faster in water than in air'],
  },
  { tag: 'quoted', response: 'Final: "C"', pred: 'C', status: 'answered' },
  {
    tag: 'long_prose_letter',
    response: 'The patient has a fever, a stiff neck and sensitivity to light, and the spinal fluid shows many white cells with low glucose, which together point strongly towards a bacterial infection of the meninges rather than a viral one, making B the most plausible option.',
    pred: 'B',
    status: 'answered',
  },
  { tag: 'closest', response: 'Neither 10 nor 12 is listed, but 11 is closest, which is option C.', pred: 'C', status: 'answered' },
  {
    tag: 'not_question',
    question: 'Which of the following is NOT a characteristic of viruses?',
    response: 'Viruses need a host and contain genetic material, and they can mutate. They do not have cells, so option B, having a cellular structure, is not a characteristic of viruses.',
    pred: 'B',
    status: 'answered',
    choices: ['Need a host', 'Have a cellular structure', 'Contain genetic material', 'Can mutate'],
  },
  {
    tag: 'not_question',
    question: 'All of the following increase reaction rate EXCEPT',
    response: 'Temperature, concentration and catalysts all speed reactions up. Lowering the surface area (D) does not increase the rate.',
    pred: 'D',
    status: 'answered',
    choices: ['Higher temperature', 'Higher concentration', 'A catalyst', 'Lower surface area'],
  },
  { tag: 'relisted', response: 'The correct answer:\n(A) 5\n(B) 10\n(C) 15\n(D)', pred: null, status: 'truncated', truncated: true },
  { tag: 'none_of_above', response: "So (C) doesn't work either. None of the answers given is correct.", pred: null, status: ABSTAIN },
  { tag: 'withdrawn', response: 'My first instinct was (A), but (A) ignores air resistance, so it is not right. Hmm.', pred: null, status: ABSTAIN },
  { tag: 'withdrawn', response: 'It is closest to (D). But actually (D) is incorrect too since the units differ.', pred: null, status: ABSTAIN },
  { tag: 'control', response: 'Answer: A\n\nB is wrong because it reverses the sign.', pred: 'A', status: 'answered' },
  { tag: 'control', response: "I'm fairly sure the answer is (C).", pred: 'C', status: 'answered' },
  { tag: 'control', response: 'The answer is (C), not (D).', pred: 'C', status: 'answered' },
  { tag: 'control', response: '(D)', pred: 'D', status: 'answered' },
  { tag: 'control', response: 'Option B is correct.', pred: 'B', status: 'answered' },
  { tag: 'control', response: 'Both B and C mention heat, but only C mentions work. The answer is C.', pred: 'C', status: 'answered' },
  { tag: 'control', response: 'Answer: E', pred: null, status: ABSTAIN },
  { tag: 'control', response: 'The answer is \\boxed{B}.', pred: 'B', status: 'answered' },
];

export const HOLDOUT_MATH_4: HoldoutMathCase[] = [
  { tag: 'base', response: '\\boxed{10110}', reference: '10110_2', correct: true, status: 'answered' },
  { tag: 'base', response: 'The number written in base 7 is \\boxed{256_7}.', reference: '256_7', correct: true, status: 'answered' },
  { tag: 'base', response: '\\boxed{265}', reference: '256_7', correct: false, status: 'answered' },
  { tag: 'final_sentence', response: 'Hence, the quadratic is $2x^2 - 3x + 1$.', reference: '2x^2-3x+1', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'The correct name for this shape is a **rhombus**.', reference: '\\text{rhombus}', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'Adding 5 to both sides, we find that x equals 9.', reference: '9', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'Adding 5 to both sides gives x = 9, which checks out when we substitute 2 values.', reference: '9', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'The expected value is therefore $3.5$.', reference: '3.5', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'So the inverse function is f^{-1}(x) = (x - 1)/2.', reference: '\\frac{x-1}{2}', correct: true, status: 'answered' },
  { tag: 'boxed_label', response: '\\boxed{\\text{Answer: }\\sqrt{2}}', reference: '\\sqrt2', correct: true, status: 'answered' },
  { tag: 'boxed_label', response: '\\boxed{answer = 5}', reference: '5', correct: true, status: 'answered' },
];
