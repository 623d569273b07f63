/**
 * Broad math tuning set (issue 18): 178 math replies in the styles small local models write (chat, base and
 * reasoning models, quantized output), written blind by an engineer before reading the grader (lib/grade), to widen
 * the math extractor's coverage of the reply patterns blind batches keep bringing: number formats, units, words,
 * LaTeX, corrections, invented follow-ups, echoes, loops, think blocks, cut-offs, refusals, other languages and
 * structured output. About a third are wrong answers (correct: false), so precision is tested too.
 *
 * This is a TUNING set, not a hold-out: its misses were fixed as classes after its first run. Every case must pass
 * (test/grade-broad.test.ts; docs/grading.md gives the misses' classes).
 *
 * First run, before any grader change (2-core AMD EPYC VM): 157/178 (88.2%), 0 wrong answers counted right.
 * While writing, its writer had read issue 18, lib/grade/types.ts, test/grade-holdout.test.ts and (by mistake, the
 * brief allowed only its first 50 lines) the whole of holdout.ts, i.e. the already-tuned batch 1-4 cases; nothing else
 * of the grader, the corpus or docs/grading.md.
 */
import type { GradeStatus } from '../../lib/grade/types.ts';
import type { HoldoutMathCase } from './holdout.ts';

const r = String.raw;
const ABSTAIN: GradeStatus[] = ['no_answer', 'ambiguous', 'refused'];

export const BROAD_MATH: HoldoutMathCase[] = [
  // Ordinary word-problem replies (GSM8K-like).
  { tag: 'gsm_hash', response: 'Tom buys 3 packs of 12 pencils, so he has 3 * 12 = 36 pencils. He gives away 9, leaving 36 - 9 = 27.\n#### 27', reference: '27', correct: true, status: 'answered' },
  { tag: 'gsm_hash', response: 'Tom buys 3 packs of 12 pencils, so he has 3 * 12 = 36 pencils. He gives away 9, leaving 36 - 9 = 25.\n#### 25', reference: '27', correct: false, status: 'answered' },
  { tag: 'answer_is', response: 'The bakery sells 48 muffins in the morning and 35 in the afternoon. 48 + 35 = 83. The answer is 83.', reference: '83', correct: true, status: 'answered' },
  { tag: 'final_sentence_unit', response: 'Each ticket costs $8, and 5 tickets cost 5 × $8 = $40. So Maria spends $40 on tickets.', reference: '40', correct: true, status: 'answered' },
  { tag: 'final_sentence_stray', response: 'Jake read 12 pages on Monday and twice as many, 24 pages, on Tuesday. Therefore, Jake read 36 pages altogether, 12 of them on Monday.', reference: '36', correct: true, status: 'answered' },
  { tag: 'bold_answer', response: '**Step 1:** 15 × 4 = 60 apples.\n**Step 2:** 60 − 18 = 42 apples remain.\n\n**Answer: 42**', reference: '42', correct: true, status: 'answered' },
  { tag: 'minerva', response: 'The two numbers add to 15.\nFinal Answer: The final answer is $15$. I hope it is correct.', reference: '15', correct: true, status: 'answered' },
  { tag: 'minerva', response: 'Final Answer: The final answer is $16$. I hope it is correct.', reference: '15', correct: false, status: 'answered' },
  { tag: 'terse', response: '56', reference: '56', correct: true, status: 'answered' },
  { tag: 'terse', response: '54', reference: '56', correct: false, status: 'answered' },
  { tag: 'answer_label_unit', response: 'Answer: 120 minutes', reference: '120', correct: true, status: 'answered' },
  { tag: 'final_sentence_unit', response: 'She earns $18 per hour, so for 6 hours she earns $108.', reference: '108', correct: true, status: 'answered' },
  { tag: 'equation_chain', response: 'The average is (82 + 90 + 77) / 3 = 249 / 3 = 83.', reference: '83', correct: true, status: 'answered' },
  { tag: 'equation_chain', response: 'Total = 4 × 25 + 3 × 10 = 100 + 30 = 130', reference: '130', correct: true, status: 'answered' },
  { tag: 'equation_chain', response: 'Total = 4 × 25 + 3 × 10 = 100 + 30 = 140', reference: '130', correct: false, status: 'answered' },
  // The gold value appears as an intermediate step, but the model's final answer is something else.
  { tag: 'reference_intermediate', response: 'She had 50 dollars. After buying the book for 12 dollars she had 38 dollars. Then she spent half of that on lunch: 38 / 2 = 19. So she has 19 dollars left.', reference: '38', correct: false, status: 'answered' },
  { tag: 'reference_intermediate', response: "The rectangle's area is 8 × 5 = 40 square meters. The perimeter is 2(8 + 5) = 26 meters. The answer is 26.", reference: '40', correct: false, status: 'answered' },
  { tag: 'reference_intermediate', response: 'The answer is 14. That is 6 fewer than the 20 she started with.', reference: '20', correct: false, status: 'answered' },
  { tag: 'percent', response: 'The discount is 30 / 120 = 0.25, which is 25%.', reference: '25', correct: true, status: 'answered' },
  { tag: 'percent', response: 'So the price went up by 20%.', reference: '20', correct: true, status: 'answered' },
  { tag: 'percent', response: 'The percentage of students who passed is 15%.', reference: '12', correct: false, status: 'answered' },
  { tag: 'percent', response: 'The interest rate works out to 0.25%.', reference: '25', correct: false, status: 'answered' },
  { tag: 'money', response: 'Adding everything up, the total comes to $23.75.', reference: '23.75', correct: true, status: 'answered' },
  { tag: 'money', response: 'He needs $4.50 more to buy the game.', reference: '4.5', correct: true, status: 'answered' },
  { tag: 'money', response: 'So the answer is $12.50.', reference: '125', correct: false, status: 'answered' },
  { tag: 'solve_for_x', response: 'x = 7', reference: '7', correct: true, status: 'answered' },
  { tag: 'solve_for_x', response: 'Solving 3x + 5 = 26 gives 3x = 21, so x = 7.', reference: '7', correct: true, status: 'answered' },
  { tag: 'solve_for_x', response: 'Moving terms across, 3x = -21, so x = -7.', reference: '7', correct: false, status: 'answered' },
  { tag: 'final_sentence_unit', response: 'Sarah is 14 years old now, so in 5 years she will be 19 years old.', reference: '19', correct: true, status: 'answered' },
  { tag: 'final_sentence_stray', response: 'In 5 years Sarah will be 19 years old. (Her brother will be 16 then.)', reference: '19', correct: true, status: 'answered' },
  { tag: 'rate_units', response: 'Speed = distance / time = 180 km / 3 h = 60 km/h.', reference: '60', correct: true, status: 'answered' },
  { tag: 'rate_units', response: 'The car travels at 45 mph.', reference: '54', correct: false, status: 'answered' },
  {
    tag: 'long_ordinary',
    response:
      'First, count the cows: the farmer has 35 cows.\n\nNext, the chickens: there are four times as many chickens as cows, so 4 × 35 = 140 chickens.\n\nThen the goats: there are 70 fewer goats than chickens, so 140 - 70 = 70 goats.\n\nAdding them up: 35 + 140 + 70 = 245.\n\nTherefore, the farmer has 245 animals in total.',
    reference: '245',
    correct: true,
    status: 'answered',
  },
  {
    tag: 'long_ordinary',
    response:
      'The farmer has 35 cows and 4 × 35 = 140 chickens. The goats number 140 - 70 = 70.\n\nSo in total: 35 + 140 + 79 = 254.\n\nTherefore, the farmer has 254 animals.',
    reference: '245',
    correct: false,
    status: 'answered',
  },
  { tag: 'answer_colon', response: 'The answer: 9', reference: '9', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'So the number of students who like neither sport is 6.', reference: '6', correct: true, status: 'answered' },
  { tag: 'equation_line', response: 'Minutes in a day:\n24 × 60\n= 1,440', reference: '1440', correct: true, status: 'answered' },
  { tag: 'word_echo', response: 'The answer is 5 (five) boxes.', reference: '5', correct: true, status: 'answered' },
  { tag: 'answer_first', response: 'The answer is 18. She started with 30 apples and gave 12 away.', reference: '18', correct: true, status: 'answered' },
  { tag: 'answer_first', response: '42. Each of the 6 rows has 7 chairs, and 6 × 7 = 42.', reference: '42', correct: true, status: 'answered' },
  { tag: 'final_sentence', response: 'She needs 5 more boxes.', reference: '6', correct: false, status: 'answered' },
  { tag: 'final_sentence', response: 'When 31 is divided by 7, the remainder is 3.', reference: '4', correct: false, status: 'answered' },
  { tag: 'steps_numbered', response: 'Step 1: 20 × 3 = 60\nStep 2: 60 − 12 = 48\nStep 3: Done.', reference: '48', correct: true, status: 'answered' },
  { tag: 'words_sentence', response: 'Altogether, eighteen students signed up for the trip.', reference: '18', correct: true, status: 'answered' },
  { tag: 'gsm_hash', response: 'The school ordered 12 boxes of 85 sheets: 12 × 85 = 1,020 sheets.\n#### 1,200', reference: '1020', correct: false, status: 'answered' },
  { tag: 'answer_label', response: 'Answer: 250', reference: '25', correct: false, status: 'answered' },

  // Number formats.
  { tag: 'thousands_comma', response: 'The company made $1,250,000 in revenue last year.', reference: '1250000', correct: true, status: 'answered' },
  { tag: 'thousands_space', response: 'La population de la ville est donc de 12 500 habitants.', reference: '12500', correct: true, status: 'answered' },
  { tag: 'thousands_latex', response: r`\boxed{10{,}000}`, reference: '10000', correct: true, status: 'answered' },
  { tag: 'thousands_latex', response: r`So the total is $\boxed{10\,000}$ dollars.`, reference: '10000', correct: true, status: 'answered' },
  { tag: 'number_words', response: 'She has twelve marbles left.', reference: '12', correct: true, status: 'answered' },
  { tag: 'number_words', response: 'The answer is forty-two.', reference: '42', correct: true, status: 'answered' },
  { tag: 'number_words', response: 'The answer is thirty-two.', reference: '42', correct: false, status: 'answered' },
  { tag: 'number_words', response: 'After the trade, Leo owns one hundred twenty stamps.', reference: '120', correct: true, status: 'answered' },
  { tag: 'fraction_slash', response: 'There are 3 favourable outcomes out of 8, so the probability is 3/8.', reference: r`\frac{3}{8}`, correct: true, status: 'answered' },
  { tag: 'fraction_decimal', response: 'The probability is 0.375.', reference: r`\frac{3}{8}`, correct: true, status: 'answered' },
  // A rounded decimal is not the exact fraction the problem asks for.
  { tag: 'fraction_rounded', response: 'The probability is about 0.38.', reference: r`\frac{3}{8}`, correct: false, status: 'answered' },
  { tag: 'fraction_slash', response: 'So the ratio is 3/4.', reference: r`\frac{4}{3}`, correct: false, status: 'answered' },
  { tag: 'fraction_exact_and_approx', response: 'The answer is 1/3 ≈ 0.333.', reference: r`\frac13`, correct: true, status: 'answered' },
  { tag: 'scientific', response: r`The distance is $3.2 \times 10^5$ km.`, reference: '320000', correct: true, status: 'answered' },
  { tag: 'scientific', response: 'Result: 4.5e-3', reference: '0.0045', correct: true, status: 'answered' },
  { tag: 'scientific', response: r`The population is about $6.0 \times 10^{4}$.`, reference: '600000', correct: false, status: 'answered' },
  { tag: 'negative_unicode', response: 'The final temperature is −8 °C.', reference: '-8', correct: true, status: 'answered' },
  { tag: 'negative_words', response: 'The answer is negative three.', reference: '-3', correct: true, status: 'answered' },
  { tag: 'negative_words', response: 'By midnight the temperature was 5 degrees below zero.', reference: '-5', correct: true, status: 'answered' },
  { tag: 'decimal_comma', response: 'Der Gesamtpreis beträgt also 12,50 €.', reference: '12.5', correct: true, status: 'answered' },
  { tag: 'currency', response: 'So the total is £36.', reference: '36', correct: true, status: 'answered' },
  { tag: 'currency', response: 'Total cost: USD 20', reference: '20', correct: true, status: 'answered' },
  { tag: 'scale_word', response: 'About 2.4 million people visited the museum that year.', reference: '2400000', correct: true, status: 'answered' },
  { tag: 'scale_word', response: 'The city spent 2.4 billion dollars.', reference: '2400000', correct: false, status: 'answered' },
  { tag: 'scale_word', response: 'They raised 15 thousand dollars in total.', reference: '15000', correct: true, status: 'answered' },
  { tag: 'mixed_number', response: r`The recipe needs $2\frac{1}{4}$ cups of flour.`, reference: r`\frac{9}{4}`, correct: true, status: 'answered' },
  { tag: 'mixed_number', response: 'Each piece is 1 1/2 feet long.', reference: '1.5', correct: true, status: 'answered' },
  { tag: 'trailing_zero', response: 'The answer is 7.50', reference: '7.5', correct: true, status: 'answered' },
  { tag: 'leading_dot', response: 'The probability is .25', reference: r`\frac14`, correct: true, status: 'answered' },
  { tag: 'degrees', response: 'Each interior angle of the regular pentagon is 108°.', reference: '108', correct: true, status: 'answered' },
  { tag: 'degrees', response: r`Therefore $\angle ABC = 45^\circ$.`, reference: '45', correct: true, status: 'answered' },
  { tag: 'ordinal', response: 'She finished the race in 3rd place.', reference: '3', correct: true, status: 'answered' },
  { tag: 'negative_fraction', response: r`\boxed{-\frac{2}{3}}`, reference: r`-\frac23`, correct: true, status: 'answered' },
  { tag: 'negative_fraction', response: r`\boxed{\frac{-2}{3}}`, reference: r`-\frac{2}{3}`, correct: true, status: 'answered' },
  { tag: 'negative_fraction', response: r`\boxed{\frac{2}{3}}`, reference: r`-\frac{2}{3}`, correct: false, status: 'answered' },

  // LaTeX and MATH-style answers.
  { tag: 'boxed_after_roots', response: r`The quadratic $x^2 - 5x + 6 = 0$ factors as $(x-2)(x-3)=0$, so the roots are $x = 2$ and $x = 3$. Their sum is $\boxed{5}$.`, reference: '5', correct: true, status: 'answered' },
  { tag: 'dfrac', response: r`$\sin 60^\circ = \boxed{\dfrac{\sqrt{3}}{2}}$`, reference: r`\frac{\sqrt3}{2}`, correct: true, status: 'answered' },
  { tag: 'sqrt', response: r`The distance is $\sqrt{50} = 5\sqrt{2}$.`, reference: r`5\sqrt2`, correct: true, status: 'answered' },
  { tag: 'sqrt', response: r`\boxed{\sqrt{50}}`, reference: r`5\sqrt{2}`, correct: true, status: 'answered' },
  { tag: 'sqrt', response: r`\boxed{5\sqrt{3}}`, reference: r`5\sqrt2`, correct: false, status: 'answered' },
  { tag: 'pi', response: r`The area is $\boxed{16\pi}$ square units.`, reference: r`16\pi`, correct: true, status: 'answered' },
  { tag: 'pi', response: r`\boxed{16\pi \text{ cm}^2}`, reference: r`16\pi`, correct: true, status: 'answered' },
  { tag: 'interval', response: r`The solution set is $\boxed{(-\infty, 3]}$.`, reference: r`(-\infty,3]`, correct: true, status: 'answered' },
  { tag: 'interval', response: r`\boxed{(-\infty, 3)}`, reference: r`(-\infty,3]`, correct: false, status: 'answered' },
  { tag: 'inequality_for_interval', response: r`Dividing by $-2$ flips the sign, so the solution is $x \le 3$.`, reference: r`(-\infty,3]`, correct: true, status: 'answered' },
  { tag: 'pair', response: r`The intersection point is $\boxed{(2, -1)}$.`, reference: '(2,-1)', correct: true, status: 'answered' },
  { tag: 'pair', response: r`\boxed{(-1, 2)}`, reference: '(2,-1)', correct: false, status: 'answered' },
  { tag: 'pair_as_equations', response: 'Substituting back, we get x = 2 and y = -1.', reference: '(2,-1)', correct: true, status: 'answered' },
  { tag: 'pair', response: r`\boxed{\left( \frac{1}{2}, 3 \right)}`, reference: r`\left(\frac12,3\right)`, correct: true, status: 'answered' },
  { tag: 'roots_list', response: r`Factoring gives $(x+4)(x-1)=0$, so the roots are $x = -4$ and $x = 1$.`, reference: '1,-4', correct: true, status: 'answered' },
  { tag: 'roots_list', response: r`\boxed{1}`, reference: '1,-4', correct: false, status: 'answered' },
  { tag: 'roots_pm', response: r`Taking square roots, $x = \pm 3$.`, reference: '-3,3', correct: true, status: 'answered' },
  { tag: 'roots_boxed_each', response: r`The solutions are $\boxed{3}$ and $\boxed{5}$.`, reference: '3,5', correct: true, status: 'answered' },
  { tag: 'set', response: r`The primes are $\boxed{\{2, 3, 5\}}$.`, reference: '2,3,5', correct: true, status: 'answered' },
  { tag: 'complex', response: r`Multiplying out, $\boxed{3 - 4i}$.`, reference: '3-4i', correct: true, status: 'answered' },
  { tag: 'complex', response: r`\boxed{3 + 4i}`, reference: '3-4i', correct: false, status: 'answered' },
  { tag: 'polynomial', response: r`Expanding, we get $\boxed{2x^2 + 7x - 4}$.`, reference: '2x^2+7x-4', correct: true, status: 'answered' },
  { tag: 'polynomial', response: r`\boxed{7x + 2x^2 - 4}`, reference: '2x^2+7x-4', correct: true, status: 'answered' },
  { tag: 'polynomial', response: r`So the square is $\boxed{x^2 - 2x + 1}$.`, reference: '(x+1)^2', correct: false, status: 'answered' },
  { tag: 'matrix', response: r`\boxed{\begin{pmatrix} 4 \\ -1 \end{pmatrix}}`, reference: r`\begin{pmatrix}4\\-1\end{pmatrix}`, correct: true, status: 'answered' },
  { tag: 'text_answer', response: r`Since $f(-x) = f(x)$ for all $x$, the function is $\boxed{\text{even}}$.`, reference: r`\text{even}`, correct: true, status: 'answered' },
  { tag: 'text_answer', response: 'Checking f(-x), it equals neither f(x) nor -f(x), so the function is neither even nor odd.', reference: r`\text{odd}`, correct: false, status: 'answered' },
  { tag: 'text_answer', response: 'Counting forward 40 days from a Sunday, it will be **Tuesday**.', reference: r`\text{Tuesday}`, correct: true, status: 'answered' },
  { tag: 'letter_answer', response: r`\boxed{\text{(C)}}`, reference: r`\text{(C)}`, correct: true, status: 'answered' },
  { tag: 'letter_answer', response: 'Only the last graph passes the vertical line test, so the answer is (E).', reference: r`\text{(C)}`, correct: false, status: 'answered' },
  { tag: 'degrees', response: r`\boxed{30^\circ}`, reference: '30', correct: true, status: 'answered' },
  { tag: 'currency_latex', response: r`\boxed{\$42}`, reference: '42', correct: true, status: 'answered' },
  { tag: 'tfrac', response: r`Thus the probability is $\tfrac{5}{6}$.`, reference: r`\frac56`, correct: true, status: 'answered' },
  { tag: 'display_math_last', response: r`Adding the two fractions over a common denominator:
$$\frac{1}{4} + \frac{1}{3} = \frac{3}{12} + \frac{4}{12}$$
$$\frac{7}{12}$$`, reference: r`\frac{7}{12}`, correct: true, status: 'answered' },
  { tag: 'frac_no_braces', response: r`\boxed{\frac34}`, reference: '0.75', correct: true, status: 'answered' },
  { tag: 'frac_no_braces', response: r`\boxed{\frac12}`, reference: '2', correct: false, status: 'answered' },
  { tag: 'equation_answer', response: r`The slope is $-2$ and the intercept is $5$, so the line is $y = -2x + 5$.`, reference: 'y=-2x+5', correct: true, status: 'answered' },
  { tag: 'power', response: r`\boxed{2^{10}}`, reference: '1024', correct: true, status: 'answered' },
  { tag: 'boxed_then_note', response: r`So there are $\boxed{12}$ ways.

Note: if the order mattered, the answer would be 24.`, reference: '12', correct: true, status: 'answered' },
  { tag: 'deepseek_final', response: r`So the number of diagonals is 36 - 9 = 27... no wait, n(n-3)/2 = 9·6/2 = 27.

**Final Answer**
\[
\boxed{27}
\]`, reference: '27', correct: true, status: 'answered' },

  // Several answers: corrections, invented follow-ups, echoes, loops, alternatives.
  { tag: 'correction', response: 'First I got 54 for the total. Wait, I forgot the $8 tip, so 54 + 8 = 62.\nThe answer is 62.', reference: '62', correct: true, status: 'answered' },
  { tag: 'correction', response: 'First I got 54 for the total. Wait, I forgot the $8 tip, so 54 + 8 = 62.\nThe answer is 62.', reference: '54', correct: false, status: 'answered' },
  { tag: 'correction', response: 'The answer is 35. Actually, I misread: there are 4 boxes, not 5, so 4 × 7 = 28. The answer is 28.', reference: '28', correct: true, status: 'answered' },
  { tag: 'correction_unlabelled', response: 'I first thought the answer was 20, but the bus makes one extra stop, so it is 24.', reference: '24', correct: true, status: 'answered' },
  { tag: 'recheck_confirms', response: 'Hmm, let me double-check: 6 × 9 = 54. Yes, 54 is right.', reference: '54', correct: true, status: 'answered' },
  { tag: 'answer_is_not', response: 'The answer is not 12; it is 21.', reference: '21', correct: true, status: 'answered' },
  { tag: 'answer_is_not', response: 'The answer is not 12; it is 21.', reference: '12', correct: false, status: 'answered' },
  { tag: 'invented_followup', response: 'The answer is 18.\n\nQuestion: A baker makes 24 rolls and sells 17. How many are left?\nAnswer: 7', reference: '18', correct: true, status: 'answered' },
  { tag: 'invented_followup', response: 'The answer is 18.\n\nQuestion: A baker makes 24 rolls and sells 17. How many are left?\nAnswer: 7', reference: '7', correct: false, status: 'answered' },
  {
    tag: 'invented_followup',
    response: 'She pays 3 × 4 = 12 dollars.\n#### 12\n\nQuestion: Ben has 5 toy cars and buys 6 more. How many does he have now?\nBen has 5 + 6 = 11 cars.\n#### 11',
    reference: '12',
    correct: true,
    status: 'answered',
  },
  { tag: 'invented_chat_turn', response: 'The answer is 30.\n\nUser: Can you solve another one? What is 15% of 80?\nAssistant: 15% of 80 is 12.', reference: '30', correct: true, status: 'answered' },
  { tag: 'invented_followup_boxed', response: r`The total is $\boxed{18}$.

**Problem 2.** How many edges does a cube have? A cube has $\boxed{12}$ edges.`, reference: '12', correct: false, status: 'answered' },
  { tag: 'echo', response: "#### 72\n#### 10\n\nLet's solve this problem. The train travels 60 × 2.5 = 150 miles.\n#### 150", reference: '150', correct: true, status: 'answered' },
  { tag: 'base_continuation', response: 'A: There are 4 + 3 = 7 birds on the fence. The answer is 7.\n\nQ: Sam has 10 stickers and gives away 4. How many does he have left?\nA: 10 - 4 = 6. The answer is 6.\n\nQ:', reference: '7', correct: true, status: 'answered' },
  { tag: 'base_continuation', response: 'A: There are 4 + 3 = 7 birds on the fence. The answer is 7.\n\nQ: Sam has 10 stickers and gives away 4. How many does he have left?\nA: 10 - 4 = 6. The answer is 6.\n\nQ:', reference: '6', correct: false, status: 'answered' },
  { tag: 'loop_same', response: 'The answer is 9.\nThe answer is 9.\nThe answer is 9.\nThe answer is 9.\nThe answer is 9.', reference: '9', correct: true, status: 'answered' },
  { tag: 'loop_after_answer', response: 'So the answer is 16.\nOr is it 18? No, 16.\nOr is it 18? No, 16.\nOr is it 18? No, 16.\nOr is it 18?', reference: '16', correct: true, status: 'answered' },
  { tag: 'loop_alternating', response: 'The answer is 16.\nThe answer is 18.\nThe answer is 16.\nThe answer is 18.\nThe answer is 16.\nThe answer is 18.', reference: '16', correct: false, status: ['ambiguous', 'no_answer', 'truncated'] },
  { tag: 'loop_arithmetic', response: '5 + 5 = 10\n10 + 5 = 15\n15 + 5 = 20\n20 + 5 = 25\n25 + 5 = 30\n30 + 5 = 35\n35 + 5 = 40\n40 + 5 = 45\n45 + 5 =', reference: '25', correct: false, status: 'truncated', truncated: true },
  { tag: 'two_answers', response: 'The answer is either 12 or 15, depending on whether the first day counts.', reference: '12', correct: false, status: ABSTAIN },
  { tag: 'check_line', response: 'Each box holds 30 crayons.\nCheck: 30 ÷ 5 = 6 rows of 5 ✓', reference: '30', correct: true, status: 'answered' },
  { tag: 'check_line', response: 'Answer: 45\nCheck: 45 × 2 = 90 ✓', reference: '90', correct: false, status: 'answered' },
  { tag: 'aside_other_value', response: 'The smallest possible value is 3 (the largest would be 11).', reference: '3', correct: true, status: 'answered' },
  { tag: 'aside_other_value', response: 'The smallest possible value is 3 (the largest would be 11).', reference: '11', correct: false, status: 'answered' },
  { tag: 'candidates', response: 'Possible values: 2, 4, 6. Testing each, the one that works is 4.', reference: '4', correct: true, status: 'answered' },

  // Reasoning models with think blocks.
  { tag: 'think', response: '<think>\nOkay, 7 shelves with 8 books each is 56 books. She removes 9. 56 - 9 = 47. Let me double check: 56-9=47. Yes.\n</think>\n\nShe has **47** books left.', reference: '47', correct: true, status: 'answered' },
  { tag: 'think', response: '<think>\n7 × 8 = 56, minus 9 is 47? Wait, she adds 9, not removes. 56 + 9 = 65.\n</think>\n\nThe answer is 65.', reference: '47', correct: false, status: 'answered' },
  { tag: 'think_cut', response: '<think>\nLet me compute 17 × 23. 17 × 20 = 340 and 17 × 3 = 51, so 391. Then the 15% discount means', reference: '391', correct: false, status: 'truncated', truncated: true },
  { tag: 'think', response: '<think>\nThe sum of interior angles of a hexagon is (6-2)·180 = 720.\n</think>\nThe sum is $\\boxed{720}$ degrees.', reference: '720', correct: true, status: 'answered' },
  { tag: 'think', response: '<think>\nIt is 8.\n</think>\n\nFinal answer: 9', reference: '8', correct: false, status: 'answered' },

  // Cut off, refused, hedged, nothing committed.
  { tag: 'cut_mid_calc', response: 'First, the apples cost 6 × $0.75 = $4.50. Next, the oranges cost 4 ×', reference: '7.5', correct: false, status: 'truncated', truncated: true },
  { tag: 'cut_after_answer', response: 'The answer is 42.\n\nExplanation: We multiply 6 by 7 because each of the', reference: '42', correct: true, status: 'answered', truncated: true },
  { tag: 'cut_visible', response: 'So the total number of legs is 4 × 12 + 2 ×', reference: '56', correct: false, status: 'truncated' },
  { tag: 'cut_at_answer', response: 'Therefore, the answer is 1', reference: '12', correct: false, status: ['truncated', 'answered'], truncated: true },
  { tag: 'refusal', response: "I'm sorry, but I can't help with that request.", reference: '10', correct: false, status: 'refused' },
  { tag: 'refusal', response: "I can't just give you the answer to your homework, but I can help you work through it. What have you tried so far?", reference: '10', correct: false, status: ['refused', 'no_answer'] },
  { tag: 'underdetermined', response: "The problem doesn't say how many students are in the class, so it can't be solved as stated.", reference: '30', correct: false, status: ['no_answer', 'refused'] },
  { tag: 'empty_box', response: r`\boxed{}`, reference: '5', correct: false, status: 'no_answer' },
  { tag: 'restated_only', response: 'We need to find how many marbles Jenny has left after giving some to her friends.', reference: '14', correct: false, status: ['no_answer', 'truncated'] },
  { tag: 'preamble_only', response: "Let's think step by step.", reference: '14', correct: false, status: ['no_answer', 'truncated'] },
  { tag: 'hedge', response: "I'm not completely sure, but I think the answer is 64.", reference: '64', correct: true, status: 'answered' },
  { tag: 'hedge', response: 'Probably around 64.', reference: '64', correct: true, status: 'answered' },

  // Other languages, structured output, tables, markdown, stutter.
  { tag: 'spanish', response: 'Juan tenía 15 canicas y ganó 8 más. Por lo tanto, Juan tiene 23 canicas.', reference: '23', correct: true, status: 'answered' },
  { tag: 'chinese', response: '每盒有 12 个，3 盒一共 36 个。所以，答案是 36。', reference: '36', correct: true, status: 'answered' },
  { tag: 'chinese', response: '答案：\\boxed{38}', reference: '36', correct: false, status: 'answered' },
  { tag: 'french', response: 'Il marche 2,5 km par jour pendant 3 jours. La réponse est 7,5 kilomètres.', reference: '7.5', correct: true, status: 'answered' },
  { tag: 'japanese', response: '1個40円のりんごを3個買うので、40 × 3 = 120。答えは 120 円です。', reference: '120', correct: true, status: 'answered' },
  { tag: 'russian', response: '5 + 10 = 15.\nОтвет: 15.', reference: '15', correct: true, status: 'answered' },
  { tag: 'json', response: '{"steps": ["3 * 4 = 12", "12 + 5 = 17"], "answer": 17}', reference: '17', correct: true, status: 'answered' },
  { tag: 'json', response: '```json\n{"final_answer": "17 apples"}\n```', reference: '17', correct: true, status: 'answered' },
  { tag: 'json', response: '{"reasoning": "17 reversed", "answer": 71}', reference: '17', correct: false, status: 'answered' },
  { tag: 'xml', response: '<reasoning>3 * 4 = 12; 12 + 5 = 17</reasoning>\n<answer>17</answer>', reference: '17', correct: true, status: 'answered' },
  { tag: 'table', response: '| Item | Cost |\n|---|---|\n| Pens | $6 |\n| Paper | $9 |\n| **Total** | **$15** |\n\nShe spends $15.', reference: '15', correct: true, status: 'answered' },
  { tag: 'table', response: '| Day | Miles |\n|---|---|\n| Mon | 3 |\n| Tue | 5 |\n| Total | 8 |', reference: '8', correct: true, status: 'answered' },
  { tag: 'markdown_sections', response: '### Solution\n1. Cost per shirt: $15\n2. Number of shirts: 4\n3. Total: 15 × 4 = $60\n\n### Final Answer\n$60', reference: '60', correct: true, status: 'answered' },
  { tag: 'stutter', response: 'The the total is is 45 45.\nAnswer: 45', reference: '45', correct: true, status: 'answered' },
  { tag: 'stutter', response: 'So so so the answer answer is is 3 3 3 3 3 3 3 3 3 3 3 3', reference: '3', correct: true, status: 'answered', truncated: true },
];
