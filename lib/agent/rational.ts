/**
 * Exact rational arithmetic on BigInt fractions, and a small expression parser for the calculator tool. No `eval`:
 * the grammar is numbers, + - * / ^, unary minus and parentheses.
 *
 *   expr   := term (('+' | '-') term)*
 *   term   := unary (('*' | '/') unary)*
 *   unary  := '-' unary | '+' unary | power
 *   power  := atom ('^' unary)?          (right-associative; -2^2 = -4)
 *   atom   := number | '(' expr ')'
 *   number := digits ('.' digits)? | '.' digits, optionally with e[+-]digits
 */

/** A fraction n/d in lowest terms with d > 0. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

/** Bad input or an undefined operation; the calculator reports its message to the model. */
export class CalcError extends Error {
  override name = 'CalcError';
}

/** Longest expression the calculator parses, in characters. */
export const MAX_EXPRESSION_CHARS = 2000;
/** Largest |exponent| of `^`, and of `e` in a number literal. */
export const MAX_EXPONENT = 10_000;
/** Largest size of any intermediate numerator or denominator, in bits (about 30,000 decimal digits). */
export const MAX_BITS = 100_000;

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : abs(x).toString(16).length * 4;
}

/** n/d in lowest terms; throws CalcError on a zero denominator or a value too large to keep exactly. */
export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new CalcError('division by zero');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  const r = g > 1n ? { n: n / g, d: d / g } : { n, d };
  if (bitLength(r.n) > MAX_BITS || bitLength(r.d) > MAX_BITS) throw new CalcError(`result too large (over ${MAX_BITS} bits)`);
  return r;
}

export const add = (a: Rational, b: Rational): Rational => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => {
  if (b.n === 0n) throw new CalcError('division by zero');
  return rational(a.n * b.d, a.d * b.n);
};

/** a^e for an integer exponent; 0^negative is a division by zero. */
export function pow(a: Rational, e: Rational): Rational {
  if (e.d !== 1n) throw new CalcError(`exponent must be an integer, got ${formatRational(e)}`);
  if (abs(e.n) > BigInt(MAX_EXPONENT)) throw new CalcError(`exponent too large (|exponent| at most ${MAX_EXPONENT})`);
  const k = e.n < 0n ? -e.n : e.n;
  // Check the size before computing: |a|^k has about k * bits(a) bits.
  if (Number(k) * Math.max(bitLength(a.n), bitLength(a.d)) > MAX_BITS * 4 + 64) throw new CalcError(`result too large (over ${MAX_BITS} bits)`);
  const r = rational(a.n ** k, a.d ** k);
  return e.n < 0n ? div(rational(1n), r) : r;
}

/** "n" for an integer, else "n/d". */
export function formatRational(r: Rational): string {
  return r.d === 1n ? r.n.toString() : `${r.n}/${r.d}`;
}

/** The exact decimal expansion when the denominator has no prime factors but 2 and 5 (e.g. "0.125"), else null. */
export function exactDecimal(r: Rational): string | null {
  let d = r.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  if (d !== 1n) return null;
  const places = Math.max(twos, fives);
  if (places === 0) return r.n.toString();
  const scaled = abs(r.n) * 10n ** BigInt(places) / r.d;
  const digits = scaled.toString().padStart(places + 1, '0');
  return `${r.n < 0n ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

type Token = { kind: 'num'; value: Rational; at: number } | { kind: 'op'; value: string; at: number };

function parseNumber(text: string): Rational {
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) throw new CalcError(`not a number: ${text}`);
  const whole = m[1] ?? '';
  const frac = m[2] ?? '';
  const exp = m[3] === undefined ? 0 : Number(m[3]);
  if (Math.abs(exp) > MAX_EXPONENT) throw new CalcError(`exponent too large in ${text} (at most ${MAX_EXPONENT})`);
  const base = rational(BigInt(whole + frac || '0'), 10n ** BigInt(frac.length));
  return exp === 0 ? base : mul(base, pow(rational(10n), rational(BigInt(exp))));
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const re = /(\d*\.?\d+(?:[eE][+-]?\d+)?)|(\*\*|[-+*/^()×÷])/y;
  let at = 0;
  for (;;) {
    while (at < source.length && /\s/.test(source[at]!)) at++;
    if (at >= source.length) return tokens;
    re.lastIndex = at;
    const m = re.exec(source);
    if (!m) throw new CalcError(`unexpected character '${source[at]}' at position ${at + 1}`);
    if (m[1] !== undefined) tokens.push({ kind: 'num', value: parseNumber(m[1]), at });
    else {
      const op = m[2] === '**' ? '^' : m[2] === '×' ? '*' : m[2] === '÷' ? '/' : m[2]!;
      tokens.push({ kind: 'op', value: op, at });
    }
    at = re.lastIndex;
  }
}

/** Parses and evaluates an arithmetic expression exactly. Throws CalcError for bad syntax, division by zero or overflow. */
export function evaluate(source: string): Rational {
  if (source.length > MAX_EXPRESSION_CHARS) throw new CalcError(`expression too long (${source.length} characters, at most ${MAX_EXPRESSION_CHARS})`);
  const tokens = tokenize(source);
  if (tokens.length === 0) throw new CalcError('empty expression');
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const isOp = (op: string): boolean => {
    const t = peek();
    return t?.kind === 'op' && t.value === op;
  };
  const where = (): string => {
    const t = peek();
    return t === undefined ? 'at the end' : `at position ${t.at + 1}`;
  };
  let depth = 0;

  const expr = (): Rational => {
    let left = term();
    while (isOp('+') || isOp('-')) {
      const op = tokens[i++]!.value;
      const right = term();
      left = op === '+' ? add(left, right) : sub(left, right);
    }
    return left;
  };
  const term = (): Rational => {
    let left = unary();
    while (isOp('*') || isOp('/')) {
      const op = tokens[i++]!.value;
      const right = unary();
      left = op === '*' ? mul(left, right) : div(left, right);
    }
    return left;
  };
  const unary = (): Rational => {
    if (isOp('-')) {
      i++;
      const v = unary();
      return rational(-v.n, v.d);
    }
    if (isOp('+')) {
      i++;
      return unary();
    }
    return power();
  };
  const power = (): Rational => {
    const base = atom();
    if (!isOp('^')) return base;
    i++;
    return pow(base, unary());
  };
  const atom = (): Rational => {
    const t = peek();
    if (t?.kind === 'num') {
      i++;
      return t.value;
    }
    if (isOp('(')) {
      if (++depth > 200) throw new CalcError('parentheses nested too deeply');
      i++;
      const v = expr();
      if (!isOp(')')) throw new CalcError(`expected ')' ${where()}`);
      i++;
      depth--;
      return v;
    }
    throw new CalcError(`expected a number or '(' ${where()}`);
  };

  const value = expr();
  if (i < tokens.length) throw new CalcError(`unexpected '${(tokens[i] as Token).kind === 'op' ? tokens[i]!.value : 'number'}' ${where()}`);
  return value;
}
