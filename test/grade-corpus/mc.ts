/**
 * Multiple-choice responses in the styles real models write, each with what a careful reader takes as
 * the model's final answer. `pred` null means no answer; `status` says why.
 */
import type { GradeStatus } from '../../lib/grade/types.ts';

export interface McCase {
  /** The pattern the case exercises. */
  tag: string;
  response: string;
  pred: string | null;
  status: GradeStatus;
  /** Option texts; without them `n` options are assumed. */
  choices?: string[];
  n?: number;
  truncated?: boolean;
  /** The question as asked, when the reading depends on it (NOT questions, echoed few-shot examples). */
  question?: string;
}

const CAPITALS = ['Paris', 'London', 'Berlin', 'Madrid'];
const THERM = ['stenotherm', 'eurytherm', 'poikilotherm', 'homeotherm'];
const WAYS = ['2100 ways', '4200 ways', '8400 ways', '1050 ways'];
const DETERMINED = ['5', '7', 'Cannot be determined', '12'];
const TEN = ['1/2', '1/4', '2/3', '3/4', '1/6', '5/6', '1/8', '3/8', '1/3', '2/5'];

export const MC_CASES: McCase[] = [
  // Explicit commitments.
  { tag: 'answer_is', response: 'The answer is (C).', pred: 'C', status: 'answered' },
  { tag: 'answer_is', response: 'The correct answer is C.', pred: 'C', status: 'answered' },
  { tag: 'answer_is', response: 'Berlin has been the capital since reunification, so the answer is C.', pred: 'C', status: 'answered', choices: CAPITALS },
  { tag: 'answer_is', response: 'the answer is c', pred: 'C', status: 'answered' },
  { tag: 'answer_is', response: 'The best answer is D because the other options contradict the passage.', pred: 'D', status: 'answered' },
  { tag: 'answer_is', response: 'The answer is: option B', pred: 'B', status: 'answered' },
  { tag: 'answer_is', response: 'The answer is therefore (A), since only it satisfies both constraints.', pred: 'A', status: 'answered' },
  { tag: 'answer_is', response: 'The correct option is [D].', pred: 'D', status: 'answered' },
  { tag: 'answer_is', response: 'My answer would be B.', pred: 'B', status: 'answered' },
  { tag: 'answer_is', response: 'So the answer must be (E).', pred: 'E', status: 'answered', n: 5 },
  { tag: 'answer_label', response: 'Answer: B', pred: 'B', status: 'answered' },
  { tag: 'answer_label', response: '**Answer:** (B)', pred: 'B', status: 'answered' },
  { tag: 'answer_label', response: 'Reasoning: The enzyme is denatured above 60 °C.\nAnswer: D', pred: 'D', status: 'answered' },
  { tag: 'answer_label', response: '### Answer: **C**', pred: 'C', status: 'answered' },
  { tag: 'answer_label', response: 'ANSWER: A', pred: 'A', status: 'answered' },
  { tag: 'answer_label', response: 'Correct answer: (J)', pred: 'J', status: 'answered', n: 10 },
  { tag: 'answer_label', response: 'Answer: A. The mitochondria produce ATP through oxidative phosphorylation.', pred: 'A', status: 'answered' },
  { tag: 'final_answer', response: 'Final Answer: The final answer is $\\boxed{B}$. I hope it is correct.', pred: 'B', status: 'answered' },
  { tag: 'final_answer', response: 'After checking each step, my final answer is D.', pred: 'D', status: 'answered' },
  { tag: 'final_answer', response: 'Final answer: (G)', pred: 'G', status: 'answered', n: 10 },
  { tag: 'boxed', response: 'Thus $\\boxed{C}$', pred: 'C', status: 'answered' },
  { tag: 'boxed', response: '\\boxed{\\text{B}}', pred: 'B', status: 'answered' },
  { tag: 'boxed', response: 'The option that fits is \\boxed{(A)}.', pred: 'A', status: 'answered' },
  { tag: 'boxed', response: 'So we select \\boxed{H}', pred: 'H', status: 'answered', n: 10 },
  { tag: 'i_choose', response: 'I choose C.', pred: 'C', status: 'answered' },
  { tag: 'i_choose', response: "I'll go with option B because the others are outdated.", pred: 'B', status: 'answered' },
  { tag: 'i_choose', response: 'I would select (D).', pred: 'D', status: 'answered' },
  { tag: 'letter_is_correct', response: 'Option C is correct because Berlin is the capital of Germany.', pred: 'C', status: 'answered', choices: CAPITALS },
  { tag: 'letter_is_correct', response: '(B) is the best answer here.', pred: 'B', status: 'answered' },
  { tag: 'letter_is_correct', response: 'Looking at the data, D is the most likely explanation.', pred: 'D', status: 'answered' },
  { tag: 'conclusion', response: 'Both forces cancel out in the vertical direction.\nTherefore, (B).', pred: 'B', status: 'answered' },
  { tag: 'conclusion', response: 'Only the third option keeps the ratio constant. Thus, the answer is C.', pred: 'C', status: 'answered' },
  { tag: 'json', response: '{"reasoning": "Berlin is the capital of Germany.", "answer": "C"}', pred: 'C', status: 'answered', choices: CAPITALS },
  { tag: 'json', response: '```json\n{\n  "answer": "D",\n  "confidence": 0.8\n}\n```', pred: 'D', status: 'answered' },
  // Letter alone or leading a line.
  { tag: 'lone_letter', response: 'C', pred: 'C', status: 'answered' },
  { tag: 'lone_letter', response: 'c', pred: 'C', status: 'answered' },
  { tag: 'lone_letter', response: '(C)', pred: 'C', status: 'answered' },
  { tag: 'lone_letter', response: '**C**', pred: 'C', status: 'answered' },
  { tag: 'lone_letter', response: 'B.', pred: 'B', status: 'answered' },
  { tag: 'lone_letter', response: 'Let me think about the capitals.\n\nC', pred: 'C', status: 'answered', choices: CAPITALS },
  { tag: 'lone_letter', response: 'I', pred: 'I', status: 'answered', n: 10 },
  { tag: 'lone_letter', response: 'A', pred: 'A', status: 'answered' },
  { tag: 'letter_line', response: 'C. Berlin', pred: 'C', status: 'answered', choices: CAPITALS },
  { tag: 'letter_line', response: 'B) 4200 ways\n\nWe arrange the 7 books and divide by the symmetries.', pred: 'B', status: 'answered', choices: WAYS },
  { tag: 'letter_line', response: '(I) 2/5\n\nThe probability follows from counting favourable pairs.', pred: 'I', status: 'answered', choices: TEN },
  // Pronouns, articles and variables are not letters.
  { tag: 'pronoun', response: 'I cannot answer this question.', pred: null, status: 'refused', n: 10 },
  { tag: 'pronoun', response: 'I think this question is ambiguous and I need more context.', pred: null, status: 'no_answer', n: 10 },
  { tag: 'pronoun', response: 'I believe the reaction is exothermic, so the correct answer is B.', pred: 'B', status: 'answered', n: 10 },
  { tag: 'pronoun', response: 'I am not sure about this one.', pred: null, status: 'no_answer', n: 10 },
  { tag: 'pronoun', response: "I'd say the answer is (F).", pred: 'F', status: 'answered', n: 10 },
  { tag: 'article', response: 'A detailed calculation shows that the probability is 1/3.', pred: null, status: 'no_answer' },
  { tag: 'article', response: 'A detailed calculation shows the value is about 12.\nAnswer: D', pred: 'D', status: 'answered' },
  { tag: 'article', response: 'A cat is a mammal.', pred: null, status: 'no_answer' },
  { tag: 'article', response: 'Answer: A detailed analysis is needed before choosing.', pred: null, status: 'no_answer' },
  { tag: 'article', response: 'The answer is a bit unclear', pred: null, status: 'no_answer' },
  { tag: 'article', response: 'A is the one.', pred: 'A', status: 'answered' },
  { tag: 'article', response: 'The answer is A because the others are wrong.', pred: 'A', status: 'answered' },
  { tag: 'variable', response: 'The number of ways is C(2,2) = 1.', pred: null, status: 'no_answer' },
  { tag: 'variable', response: 'Using P(A) = 0.3 and P(B) = 0.5 we get P(A and B) = 0.15.', pred: null, status: 'no_answer' },
  { tag: 'variable', response: "Let B' be the complement. Then the count is 4.", pred: null, status: 'no_answer' },
  { tag: 'variable', response: 'We have C(5,2) = 10 pairs, which matches option (C).', pred: 'C', status: 'answered' },
  { tag: 'variable', response: 'The CPU and the GPU share memory.', pred: null, status: 'no_answer' },
  { tag: 'out_of_range', response: 'E', pred: null, status: 'no_answer' },
  { tag: 'out_of_range', response: 'The answer is F.', pred: null, status: 'no_answer' },
  // "Cannot be determined" is not C.
  { tag: 'cannot', response: 'Answer: Cannot be determined', pred: null, status: 'refused' },
  { tag: 'cannot', response: 'Answer: Cannot be determined', pred: 'C', status: 'answered', choices: DETERMINED },
  { tag: 'cannot', response: 'Without the mass we cannot be sure. The answer is Cannot be determined.', pred: 'C', status: 'answered', choices: DETERMINED },
  { tag: 'cannot', response: 'Could be any of them; it cannot be determined from the data given.', pred: null, status: 'refused' },
  // Revisions: the later correction wins.
  { tag: 'revision', response: '(I) 1/3, but this is incorrect. The correct answer is (B)', pred: 'B', status: 'answered', n: 10 },
  { tag: 'revision', response: 'The answer is B. Wait, no: the answer is C.', pred: 'C', status: 'answered' },
  { tag: 'revision', response: 'I think B... actually the answer is D', pred: 'D', status: 'answered' },
  { tag: 'revision', response: 'Answer: A\n\nHmm, wait. I made an error in the second step: the exponent is 3, not 2. The correct answer is B.', pred: 'B', status: 'answered' },
  { tag: 'revision', response: 'At first glance (A) looks right. However, A ignores friction. Therefore the answer is (D).', pred: 'D', status: 'answered' },
  { tag: 'revision', response: 'The answer is (C). Let me double-check: 3 × 4 = 12, yes. The answer is (C).', pred: 'C', status: 'answered' },
  { tag: 'revision', response: 'Initially I chose A, but on second thought the answer is B.', pred: 'B', status: 'answered' },
  // Answer first, explanation after: the explanation's mentions do not override.
  { tag: 'answer_first', response: 'Answer: A\n\nExplanation: Paris is the capital of France; option C would be Germany.', pred: 'A', status: 'answered', choices: CAPITALS },
  { tag: 'answer_first', response: 'Answer: B\n\nA is incorrect because it reverses cause and effect. C is incorrect because it is too broad. D is incorrect because the passage never mentions it.', pred: 'B', status: 'answered' },
  { tag: 'answer_first', response: '**B**\n\nOption A confuses mass with weight, and (C) assumes no air resistance.', pred: 'B', status: 'answered' },
  // Elimination prose.
  { tag: 'elimination', response: 'The answer is (A) is incorrect. The answer is (B) is incorrect. The answer is (C) is correct. The answer is (D) is incorrect.', pred: 'C', status: 'answered' },
  { tag: 'elimination', response: 'The answer is (A) is incorrect. The answer is (B) is incorrect. The answer is (C) is incorrect. The answer is (D) is incorrect.', pred: null, status: 'no_answer' },
  { tag: 'elimination', response: 'A) Paris - incorrect\nB) London - incorrect\nC) Berlin - correct\nD) Madrid - incorrect', pred: 'C', status: 'answered', choices: CAPITALS },
  { tag: 'elimination', response: 'Option A is incorrect because Paris is in France.\nOption B is incorrect because London is in England.\nOption D is incorrect because Madrid is in Spain.\nSo the answer is C.', pred: 'C', status: 'answered', choices: CAPITALS },
  { tag: 'elimination', response: 'We can rule out (A) and (B) immediately. (D) is wrong since it double-counts. That leaves (C).', pred: 'C', status: 'answered' },
  { tag: 'elimination', response: "It's not (A), which ignores the tax. The answer is not B either. Option D is wrong. The answer is C.", pred: 'C', status: 'answered' },
  { tag: 'elimination', response: 'A. Incorrect — the rate doubles.\nB. Incorrect — the rate halves.\nC. Correct — the rate is unchanged.\nD. Incorrect — the rate triples.', pred: 'C', status: 'answered' },
  // Few-shot continuations: invented questions after the answer are not read.
  { tag: 'continuation', response: 'The answer is (B).\n\nQuestion: What is 2+2?\nA. 3\nB. 4\nC. 5\nD. 6\nAnswer: B\n\nQuestion: What is 3+3?\nA. 6\nB. 7\nAnswer: A', pred: 'B', status: 'answered' },
  { tag: 'continuation', response: 'Answer: D\n\nQuestion: Which gas is most abundant in air?\n(A) Oxygen (B) Nitrogen (C) Argon (D) CO2\nAnswer: B', pred: 'D', status: 'answered' },
  { tag: 'continuation', response: 'C\n\nQ: Which planet is largest?\nA. Mars\nB. Jupiter\nAnswer: B', pred: 'C', status: 'answered' },
  { tag: 'continuation', response: 'The correct answer is A.<|im_end|>\n<|im_start|>user\nWhat about B?<|im_end|>\n<|im_start|>assistant\nThe answer is B.', pred: 'A', status: 'answered' },
  { tag: 'continuation', response: 'The answer is (D).\n\nProblem 2: A train leaves at 3 pm...\nThe answer is (A).\n\nProblem 3: ...\nThe answer is (C).', pred: 'D', status: 'answered' },
  { tag: 'continuation', response: 'Question: What is the capital of Germany?\nLet me recall: Berlin became the capital in 1990.\nAnswer: C', pred: 'C', status: 'answered', choices: CAPITALS },
  { tag: 'continuation', response: 'Answer: B</s>Answer: C', pred: 'B', status: 'answered' },
  // Loops and truncation.
  { tag: 'loop', response: 'The answer is B. Let me verify. The answer is B. Let me verify. The answer is B. Let me verify. The answer is B. Let me verify. The answer is B. Let me', pred: 'B', status: 'answered' },
  { tag: 'loop', response: 'Let me reconsider the options. The answer is A. Wait, it is B. Hmm, the answer is A. Wait, it is B. Hmm, the answer is A. Wait, it is B. Hmm, the answer is A. Wait, it is B. Hmm,', pred: null, status: 'ambiguous' },
  { tag: 'loop', response: 'We need to compute the total. We need to compute the total. We need to compute the total. We need to compute the total. We need to', pred: null, status: 'truncated' },
  { tag: 'loop', response: 'Step 1: expand.\nStep 2: simplify.\nStep 1: expand.\nStep 2: simplify.\nStep 1: expand.\nStep 2: simplify.\nStep 1: expand.\nStep 2: simp', pred: null, status: 'truncated' },
  { tag: 'truncated', response: "Let's analyze each option carefully. Option A suggests that the rate increases, which", pred: null, status: 'truncated', truncated: true },
  { tag: 'truncated', response: 'The answer is D. To double-check, consider the second law: the entropy of', pred: 'D', status: 'answered', truncated: true },
  { tag: 'truncated', response: '<think>Option A is about Paris. Option B is London. Option C is', pred: null, status: 'truncated', choices: CAPITALS, truncated: true },
  { tag: 'truncated', response: "Let's analyze each option carefully. Option A suggests that the rate increases, which", pred: null, status: 'no_answer' },
  // Option text without a letter.
  { tag: 'option_text', response: 'The answer is eurytherm.', pred: 'B', status: 'answered', choices: THERM },
  { tag: 'option_text', response: 'Organisms that tolerate a wide range of temperatures are called eurytherms... so: eurytherm', pred: 'B', status: 'answered', choices: THERM },
  { tag: 'option_text', response: 'There are 4200 ways.', pred: 'B', status: 'answered', choices: WAYS },
  { tag: 'option_text', response: 'The answer is 4,200 ways.', pred: 'B', status: 'answered', choices: WAYS },
  { tag: 'option_text', response: 'Berlin', pred: 'C', status: 'answered', choices: CAPITALS },
  { tag: 'option_text', response: 'The capital of Germany is Berlin.', pred: 'C', status: 'answered', choices: CAPITALS },
  { tag: 'option_text', response: 'Final answer: Madrid', pred: 'D', status: 'answered', choices: CAPITALS },
  { tag: 'option_text', response: 'Paris or Berlin', pred: null, status: 'ambiguous', choices: CAPITALS },
  { tag: 'option_text', response: 'The answer is 2/5.', pred: 'J', status: 'answered', choices: TEN },
  { tag: 'option_text', response: 'The answer is either stenotherm or eurytherm.', pred: null, status: 'ambiguous', choices: THERM },
  // Hedging and several answers.
  { tag: 'hedge', response: 'B or C', pred: null, status: 'ambiguous' },
  { tag: 'hedge', response: 'The answer is B or C', pred: null, status: 'ambiguous' },
  { tag: 'hedge', response: 'The answer is A and D.', pred: null, status: 'ambiguous' },
  { tag: 'hedge', response: 'Both (A) and (C) look plausible to me.', pred: null, status: 'ambiguous' },
  { tag: 'hedge', response: 'A. Paris\nB. London\nC. Berlin\nD. Madrid', pred: null, status: 'ambiguous', choices: CAPITALS },
  // Refusals.
  { tag: 'refusal', response: "I'm sorry, but I can't help with that.", pred: null, status: 'refused' },
  { tag: 'refusal', response: 'As an AI language model, I cannot provide medical advice. Please consult a doctor.', pred: null, status: 'refused' },
  { tag: 'refusal', response: 'None of the options is correct: the true value is 17.', pred: null, status: 'refused' },
  { tag: 'refusal', response: 'There is not enough information to decide.', pred: null, status: 'refused' },
  { tag: 'refusal', response: "I'm not entirely certain, but the answer is probably B.", pred: 'B', status: 'answered' },
  // Reasoning blocks.
  { tag: 'thinking', response: '<think>A or B? Maybe D. The answer is D.</think>\n\nThe answer is C.', pred: 'C', status: 'answered' },
  { tag: 'thinking', response: '<think>maybe A</think>\n\nC', pred: 'C', status: 'answered' },
  { tag: 'thinking', response: 'Berlin vs Paris... the answer is A?</think>\nAnswer: C', pred: 'C', status: 'answered', choices: CAPITALS },
  { tag: 'thinking', response: '<think>The answer is B.</think>', pred: null, status: 'no_answer' },
  { tag: 'question', response: 'Is the answer B? Let me check the units first.', pred: null, status: 'no_answer' },
  // Bold or marked letters in prose.
  { tag: 'marked', response: 'Of the options, I would say **C** here.', pred: 'C', status: 'answered' },
  { tag: 'marked', response: 'Probably (C), since the others are not capitals of Germany.', pred: 'C', status: 'answered', choices: CAPITALS },
  { tag: 'marked', response: 'I think C', pred: 'C', status: 'answered' },
  { tag: 'empty', response: '', pred: null, status: 'no_answer' },
  { tag: 'empty', response: '   \n ', pred: null, status: 'no_answer' },
  { tag: 'empty', response: '', pred: null, status: 'truncated', truncated: true },
  // Many options.
  { tag: 'many_options', response: 'The answer is (J).', pred: 'J', status: 'answered', n: 10 },
  { tag: 'many_options', response: 'Answer: I', pred: 'I', status: 'answered', n: 10 },
  { tag: 'many_options', response: 'Answer: I. The others fail the boundary condition.', pred: 'I', status: 'answered', n: 10 },
  { tag: 'many_options', response: 'The answer is (L).', pred: 'L', status: 'answered', n: 12 },
  { tag: 'many_options', response: 'The answer is H because the derivative vanishes there.', pred: 'H', status: 'answered', n: 10 },
  // Issue 18. Several committed answers: the one a reader underlines, not the loop's, the echo's or the invented question's.
  { tag: 'loop_after_answer', response: 'The net force is zero, so the answer is (B).\n\nBut what about (D)? The answer is (B). But what about (D)? The answer is (B). But what about (D)? The answer is (B). But what about (D)?', pred: 'B', status: 'answered' },
  { tag: 'loop_after_answer', response: 'Answer: C\n\nActually the answer is A. No wait, the answer is C. Actually the answer is A. No wait, the answer is C. Actually the answer is A. No wait, the answer is C. Actually the answer is A.', pred: 'C', status: 'answered' },
  { tag: 'followup', response: "The answer is (C).\n\nNow let's try another question. Which of these is a prime number?\n(A) 4 (B) 6 (C) 9 (D) 7\nThe answer is (D).", pred: 'C', status: 'answered' },
  { tag: 'followup', response: 'Answer: B\n\nFollow-up question: What happens if the mass doubles?\nAnswer: D', pred: 'B', status: 'answered' },
  { tag: 'followup', response: 'Thus the answer is (A).\n\n### Problem 2\nA car accelerates uniformly from rest. The answer is (C).', pred: 'A', status: 'answered' },
  { tag: 'echo', response: "Answer: B\nAnswer: D\n\nLet's think step by step. Water boils at a lower temperature at altitude because the pressure is lower. The answer is (A).", pred: 'A', status: 'answered' },
  {
    tag: 'echo',
    question: 'What is the chemical symbol for gold?',
    response: 'The answer is (C).\n\nQuestion: What is the chemical symbol for iron?\nAnswer: Iron is Fe. The answer is (B).\n\nQuestion: What is the chemical symbol for gold?\nAnswer: Gold comes from the Latin aurum, so Au. The answer is (A).',
    pred: 'A',
    status: 'answered',
  },
  { tag: 'walkthrough_cut', response: 'Evaluate each option:\n(A) is incorrect because the current doubles.\n(B) is incorrect because resistance is fixed.\n(C) says the voltage across the', pred: null, status: 'truncated', truncated: true },
  { tag: 'walkthrough_cut', response: 'Option A: wrong, the slope is negative.\nOption B: wrong, the intercept is 3.\nOption C: this one has slope', pred: null, status: 'no_answer' },
  { tag: 'walkthrough_cut', response: 'A is false since the sum is odd. C is false as well. B describes a set whose', pred: null, status: 'no_answer' },
  // Letters inside prose.
  { tag: 'option_paren', response: 'The only salt here that dissolves completely is silver nitrate (option B).', pred: 'B', status: 'answered' },
  { tag: 'option_paren', response: 'If the mass doubled (option A), the period would stay the same, and if the length doubled (option B), it would grow.', pred: null, status: 'ambiguous' },
  { tag: 'option_named', response: 'This matches Option H.', pred: 'H', status: 'answered', n: 10 },
  { tag: 'option_named', response: 'Everything considered, it corresponds to choice (E).', pred: 'E', status: 'answered', n: 5 },
  { tag: 'option_named', response: 'The measured slope does not match option C, so the answer is D.', pred: 'D', status: 'answered' },
  { tag: 'letter_then_text', response: 'The statement that holds is C. Energy is conserved.', pred: 'C', status: 'answered', choices: ['Momentum is lost', 'Mass increases', 'Energy is conserved', 'Charge disappears'] },
  { tag: 'quoted', response: 'The answer is "A. 3 × 10^8 m/s".', pred: 'A', status: 'answered', choices: ['3 × 10^8 m/s', '3 × 10^6 m/s', '340 m/s', '1500 m/s'] },
  { tag: 'quoted', response: "Final choice: 'B'", pred: 'B', status: 'answered' },
  {
    tag: 'long_prose_letter',
    response: 'Heating the gas at constant volume raises its pressure in proportion to the absolute temperature. Going from 300 K to 600 K doubles the absolute temperature, and nothing else changes in the container, so the pressure doubles too. That leaves B.',
    pred: 'B',
    status: 'answered',
  },
  {
    tag: 'long_prose_letter',
    response: 'The first two options describe mitosis, and the last one describes binary fission in bacteria. Only the remaining option mentions the pairing of homologous chromosomes, which is what happens in the first division of meiosis.\n\nC it is.',
    pred: 'C',
    status: 'answered',
  },
  { tag: 'long_prose_letter', response: 'In summary, vitamin B deficiency explains the fatigue, the numbness and the pale skin that the patient reports, and it is common in strict vegetarian diets such as the one described in the case.', pred: null, status: 'no_answer' },
  { tag: 'closest', response: 'Not listed, but closest to option C.', pred: 'C', status: 'answered' },
  { tag: 'closest', response: 'My estimate is 3.3 kJ; the closest match among the options is (D).', pred: 'D', status: 'answered' },
  { tag: 'closest', response: 'The closest option is (F).', pred: 'F', status: 'answered', n: 10 },
  {
    tag: 'not_question',
    question: 'Which of the following is NOT required for photosynthesis?',
    response: 'Light, water and carbon dioxide are all needed. Option C is not required.',
    pred: 'C',
    status: 'answered',
    choices: ['Light', 'Water', 'Oxygen', 'Carbon dioxide'],
  },
  { tag: 'not_question', response: 'The question asks which element is not a metal. Sulfur (B) is not a metal.', pred: 'B', status: 'answered', choices: ['Iron', 'Sulfur', 'Copper', 'Zinc'] },
  {
    tag: 'not_question',
    question: 'Which of these is NOT a vector quantity?',
    response: '(A) velocity is a vector.\n(B) force is a vector.\n(C) mass is not a vector.\n(D) displacement is a vector.',
    pred: 'C',
    status: 'answered',
    choices: ['velocity', 'force', 'mass', 'displacement'],
  },
  { tag: 'not_question', question: 'Which number is NOT prime?', response: '(A) is incorrect since 7 is prime. (B) 15 is not prime, so B.', pred: 'B', status: 'answered', choices: ['7', '15', '11', '13'] },
  // Without the question, "is not required" rejects C; the options named in passing commit to none.
  { tag: 'not_question', response: 'Light, water and carbon dioxide are all needed. Option C is not required.', pred: null, status: 'ambiguous', choices: ['Light', 'Water', 'Oxygen', 'Carbon dioxide'] },
  // Committing to nothing.
  { tag: 'relisted', response: 'Consider each choice:\n(A) The rate doubles, which', pred: null, status: 'truncated', truncated: true },
  { tag: 'relisted', response: 'The correct answer:\nA) Paris\nB) London\nC) Ber', pred: null, status: 'no_answer' },
  { tag: 'vitamin', response: 'Her symptoms point to a lack of vitamin B in the diet.', pred: null, status: 'no_answer' },
  { tag: 'none_of_above', response: 'Therefore, (C) is also incorrect. The answer is none of the above.', pred: null, status: 'refused' },
  { tag: 'none_of_above', response: 'So (A) is also false, and the correct choice is none of the above.', pred: null, status: 'refused' },
  { tag: 'none_of_above', response: 'The answer is none of the above.', pred: 'E', status: 'answered', choices: ['1', '2', '3', '4', 'None of the above'] },
  { tag: 'withdrawn', response: "The closest option is (F). But (F) is 12, not 15, so it doesn't match either; none of the options fits.", pred: null, status: 'refused', n: 10 },
  { tag: 'withdrawn', response: 'It could be (C). No, scratch that, (C) is wrong because the sign is off.', pred: null, status: 'no_answer' },
  { tag: 'withdrawn', response: 'The answer is (B). Checking again, (B) is incorrect; the answer is (D).', pred: 'D', status: 'answered' },
  // Found through the second hold-out batch's misses, reproduced here in other wording.
  { tag: 'walkthrough_cut', response: 'Examine the claims.\nClaim A is false: the data contradict it.\nClaim B is false: the sample is too small.\nClaim D rightly says that the', pred: null, status: 'truncated', truncated: true },
  { tag: 'walkthrough_cut', response: 'Assertion B is wrong since the series diverges. Assertion A properly captures that the', pred: null, status: 'no_answer' },
  {
    tag: 'long_prose_letter',
    response: "The field points inward everywhere inside the shell, and its magnitude grows linearly with the radius, as Gauss's law for a uniform sphere shows when you take the enclosed charge into account for each radius, which is choice D.",
    pred: 'D',
    status: 'answered',
  },
  {
    tag: 'long_prose_letter',
    response: 'The first process is isothermal and the second adiabatic, so the work done differs between the two even though the initial and final volumes agree; the heat exchanged differs as well, which leaves the entropy change as the only shared quantity.\n\nChoice C.',
    pred: 'C',
    status: 'answered',
  },
  { tag: 'option_named', response: 'Everything here agrees with option B.', pred: 'B', status: 'answered' },
  // Found through the third hold-out batch's misses, reproduced here in other wording.
  { tag: 'walkthrough_cut', response: 'Taking it choice by choice:\n- A: wrong, the charge is not conserved.\n- B: wrong, mass is lost.\n- C: this one suggests that the', pred: null, status: 'truncated', truncated: true },
  { tag: 'elimination', response: 'A - false. B - false. The answer is D.', pred: 'D', status: 'answered' },
  { tag: 'withdrawn', response: 'The nearest one is (B). Still, (B) is too small by half, so it cannot be correct.', pred: null, status: 'no_answer' },
  // Found through the fourth hold-out batch's misses, reproduced here in other wording.
  { tag: 'relisted', response: 'Here are the options again:\nA) red\nB) blue\nC)', pred: null, status: 'truncated', truncated: true },
  { tag: 'loop_after_answer', response: 'The charge is conserved throughout. The answer is (A).\nHmm, the answer is (C).\nNo, the answer is (A).\nHmm, the answer is (C).\nNo, the answer is (A).\nHmm, the answer is (C).\nNo, the answer is (A).\nHmm,', pred: 'A', status: 'answered' },
  {
    tag: 'long_prose_letter',
    response: 'Only the last option accounts for both the lag between the two signals and the drop in amplitude that grows with frequency, and the first three each explain at most one of these, leaving D the only reasonable choice here.',
    pred: 'D',
    status: 'answered',
  },
  { tag: 'loop_no_answer', response: 'Let me check again. The answer is (A).\nNo, the answer is (C).\nNo, the answer is (A).\nNo, the answer is (C).\nNo, the answer is (A).\nNo, the answer is (C).\nNo, the answer is (A).\nNo, the answer is (C).', pred: null, status: 'ambiguous' },
  // Controls.
  { tag: 'control', response: 'The correct option is (A). (A) is not the usual textbook example, but it follows from the data.', pred: 'A', status: 'answered' },
  { tag: 'loop_revision', response: 'So the answer must be C. Hmm, no, it is (B). Hmm, no, it is (B). Hmm, no, it is (B). Hmm, no, it is (B).', pred: 'B', status: 'answered' },
  { tag: 'control', response: 'Answer: B\n\nB is not the textbook definition, but it matches the data best.', pred: 'B', status: 'answered' },
  { tag: 'control', response: 'Consider each option: A) 2 is too small; B) 4 is right; C) 6 is too big. So B.', pred: 'B', status: 'answered' },
];
