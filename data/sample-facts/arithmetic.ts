import { seededRandom, type Random } from '../../lib/queries/random.ts';

export interface ArithmeticItem {
  prompt: string;
  answer: string;
  operation: string;
}

type Operation = 'addition' | 'subtraction' | 'multiplication' | 'division' | 'decimal-division';

const PLAN: readonly (readonly [Operation, number])[] = [
  ['addition', 10],
  ['subtraction', 10],
  ['multiplication', 10],
  ['division', 8],
  ['decimal-division', 7],
];

function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

function draw(operation: Operation, random: Random): { operands: number[]; prompt: string; answer: number } {
  switch (operation) {
    case 'addition': {
      const [a, b] = [between(random, 101, 989), between(random, 101, 989)];
      return { operands: [a, b], prompt: `What is ${a} plus ${b}?`, answer: a + b };
    }
    case 'subtraction': {
      const [a, b] = [between(random, 101, 989), between(random, 101, 989)];
      return { operands: [a, b], prompt: `What is ${a} minus ${b}?`, answer: a - b };
    }
    case 'multiplication': {
      const [a, b] = [between(random, 13, 97), between(random, 13, 97)];
      return { operands: [a, b], prompt: `What is ${a} multiplied by ${b}?`, answer: a * b };
    }
    case 'division': {
      const [quotient, divisor] = [between(random, 13, 97), between(random, 13, 49)];
      const dividend = quotient * divisor;
      return { operands: [dividend, divisor], prompt: `What is ${dividend} divided by ${divisor}?`, answer: quotient };
    }
    case 'decimal-division': {
      // Dividing by 4 or 8 gives short, exact decimals (x.25, x.125, ...), written without rounding.
      const divisor = random() < 0.5 ? 4 : 8;
      let dividend = between(random, 1001, 9999);
      if (dividend % divisor === 0) dividend += 1;
      return { operands: [dividend, divisor], prompt: `What is ${dividend} divided by ${divisor}?`, answer: dividend / divisor };
    }
  }
}

/**
 * Seeded arithmetic items whose operands (bar the divisors 4 and 8) and results appear in no other
 * prompt and are no other answer, so each prompt keeps a distinctive word. `taken` holds the
 * lower-cased numeric words and answers of the rest of the set and grows as items are drawn.
 */
export function arithmeticItems(taken: Set<string>, seed = 20240611): ArithmeticItem[] {
  const random = seededRandom(seed);
  const items: ArithmeticItem[] = [];
  const keys: string[] = [];
  for (const [operation, count] of PLAN) {
    for (let made = 0; made < count; ) {
      const { operands, prompt, answer } = draw(operation, random);
      // The small divisors 4 and 8 of decimal division repeat by design; every other operand must be new.
      const fresh = operation === 'decimal-division' ? operands.slice(0, 1) : operands;
      const answerText = String(answer);
      const key = String(Math.max(...fresh));
      const words = [...fresh.map(String), answerText];
      if (new Set(words).size !== words.length) continue;
      // The key must start no other word; no new word may extend an earlier key.
      if ([...taken].some((word) => word.startsWith(key))) continue;
      if (words.some((word) => keys.some((earlier) => word.startsWith(earlier)))) continue;
      keys.push(key);
      for (const word of words) taken.add(word);
      items.push({ prompt, answer: answerText, operation });
      made++;
    }
  }
  return items;
}
