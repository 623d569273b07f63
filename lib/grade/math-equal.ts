import { ComputeEngine } from '@cortex-js/compute-engine';
import { normalizeMath, shapeOf, type MathShape } from './math-normalize.ts';
import type { NumericOptions } from './types.ts';

export const DEFAULT_REL_TOL = 1e-6;
export const DEFAULT_ABS_TOL = 1e-9;

type BoxedExpression = ReturnType<ComputeEngine['parse']>;

/** One engine for the process: creating one costs tens of milliseconds, parsing with it does not. */
let engine: ComputeEngine | null = null;
function ce(): ComputeEngine {
  engine ??= new ComputeEngine();
  return engine;
}

/** Points at which expressions with free variables are compared; irrational-ish so coincidences are unlikely. */
const SAMPLE_POINTS = [0.5772, 1.3247, 2.6651];
/** Longer answers are compared as text only: a CAS on a paragraph is slow and meaningless. */
const MAX_CAS_LENGTH = 300;

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/** What the CAS cannot parse but is common in answers: integer binomials. */
function casReady(latex: string): string {
  return latex.replace(/\\binom\s*\{\s*(\d+)\s*\}\s*\{\s*(\d+)\s*\}/g, (_, n: string, k: string) => String(binomial(Number(n), Number(k))));
}

function parse(latex: string): BoxedExpression | null {
  if (latex.length === 0 || latex.length > MAX_CAS_LENGTH) return null;
  try {
    const expr = ce().parse(casReady(latex));
    return expr.isValid ? expr : null;
  } catch {
    return null;
  }
}

export function withinTolerance(a: number, b: number, options: NumericOptions = {}): boolean {
  const relTol = options.relTol ?? DEFAULT_REL_TOL;
  const absTol = options.absTol ?? DEFAULT_ABS_TOL;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= Math.max(relTol * Math.abs(b), absTol);
}

/** Real and imaginary parts, or null when the expression has no numeric value. */
function numericValue(expr: BoxedExpression): [number, number] | null {
  try {
    const n = expr.N();
    const re = n.re;
    const im = n.im;
    if (Number.isNaN(re) || Number.isNaN(im)) return null;
    return [re, im];
  } catch {
    return null;
  }
}

function valuesMatch(a: [number, number], b: [number, number], options: NumericOptions): boolean {
  return withinTolerance(a[0], b[0], options) && withinTolerance(a[1], b[1], options);
}

/** Two expressions are equal if the CAS says so, or their values agree within tolerance (at sample points when they have variables). */
function expressionsEqual(a: string, b: string, options: NumericOptions): boolean {
  if (compact(a) === compact(b)) return true;
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return false;
  const va = numericValue(pa);
  const vb = numericValue(pb);
  if (va && vb) return valuesMatch(va, vb, options);
  const vars = [...new Set([...pa.unknowns, ...pb.unknowns])];
  if (vars.length === 0 || vars.length > 3) return safeIsEqual(pa, pb);
  for (let p = 0; p < SAMPLE_POINTS.length; p++) {
    const sub = Object.fromEntries(vars.map((v, i) => [v, ce().number(SAMPLE_POINTS[(p + i) % SAMPLE_POINTS.length]! + i)]));
    const sa = numericValue(pa.subs(sub));
    const sb = numericValue(pb.subs(sub));
    if (!sa || !sb || !valuesMatch(sa, sb, options)) return safeIsEqual(pa, pb);
  }
  return true;
}

function safeIsEqual(a: BoxedExpression, b: BoxedExpression): boolean {
  try {
    return a.isEqual(b) === true;
  } catch {
    return false;
  }
}

/** Text comparison form: no spaces, no braces around single tokens, case-folded for words. */
function compact(s: string): string {
  return s.replace(/\s+/g, '').replace(/\\text\{([^{}]*)\}/g, '$1').toLowerCase();
}

/** Each item of `a` pairs with a distinct equal item of `b`. */
function sameMultiset(a: readonly string[], b: readonly string[], options: NumericOptions): boolean {
  if (a.length !== b.length) return false;
  const used = new Set<number>();
  return a.every((x) => {
    const j = b.findIndex((y, k) => !used.has(k) && itemsEqual(x, y, options));
    if (j < 0) return false;
    used.add(j);
    return true;
  });
}

function itemsEqual(a: string, b: string, options: NumericOptions): boolean {
  return shapesEqual(shapeOf(normalizeMath(a).latex), shapeOf(normalizeMath(b).latex), options);
}

function shapesEqual(a: MathShape, b: MathShape, options: NumericOptions): boolean {
  const unordered = (s: MathShape): string[] | null => (s.kind === 'set' || s.kind === 'list' ? s.items : null);
  const ua = unordered(a);
  const ub = unordered(b);
  if (ua && ub) return sameMultiset(ua, ub, options);
  if (a.kind === 'bracketed' && b.kind === 'bracketed') {
    return a.open === b.open && a.close === b.close && a.items.length === b.items.length && a.items.every((x, i) => itemsEqual(x, b.items[i]!, options));
  }
  if (a.kind === 'union' && b.kind === 'union') return sameMultiset(a.parts, b.parts, options);
  if (a.kind === 'expr' && b.kind === 'expr') return expressionsEqual(a.text, b.text, options);
  // A one-element set or list against a single value: "\{3\}" and "3".
  if (ua?.length === 1 && b.kind === 'expr') return itemsEqual(ua[0]!, b.text, options);
  if (ub?.length === 1 && a.kind === 'expr') return itemsEqual(a.text, ub[0]!, options);
  return false;
}

/** The readings of an answer: a percentage may mean its literal number or its fraction ("10\%" as 10 or 0.1). */
function readings(raw: string): string[] {
  const n = normalizeMath(raw);
  return n.percent ? [n.latex, `\\frac{${n.latex}}{100}`] : [n.latex];
}

/** "1101_2", "41_{6}", "1A_{16}": a numeral with its base; null unless every digit is valid in that base. */
export function baseNumeral(latex: string, impliedBase?: number): { digits: string; base: number | null } | null {
  const m = /^([0-9A-Za-z]+)(?:_\{?\s*(\d{1,2})\s*\}?)?$/.exec(latex.trim());
  if (!m) return null;
  const digits = m[1]!.toUpperCase();
  const base = m[2] === undefined ? null : Number(m[2]);
  if (base !== null && (base < 2 || base > 36)) return null;
  // Without a subscript, the digits are read in the base the other side names ("1A" against "1A_{16}").
  const limit = base ?? impliedBase ?? 10;
  if (![...digits].every((d) => Number.parseInt(d, 36) < limit)) return null;
  return { digits, base };
}

/**
 * A numeral written in a base against the same digits without the subscript ("1101" for "1101_2"): the
 * question already named the base. Both with subscripts: the same base and digits. Anything else (a value
 * converted to decimal, "13" for "1101_2") is not this comparison's to accept.
 */
function baseNumeralsEqual(a: string, b: string): boolean | null {
  const na = baseNumeral(a, baseNumeral(b, 36)?.base ?? undefined);
  const nb = baseNumeral(b, baseNumeral(a, 36)?.base ?? undefined);
  if (!na || !nb || (na.base === null && nb.base === null)) return null;
  if (na.base !== null && nb.base !== null && na.base !== nb.base) return false;
  return na.digits.replace(/^0+(?=.)/, '') === nb.digits.replace(/^0+(?=.)/, '');
}

/**
 * Whether two final answers are the same mathematical object: equal values (exactly by CAS, or within
 * the tolerance), the same tuple or interval, the same set or list in any order. Thousands separators,
 * \text{}, units, \dfrac, degree signs and percent signs do not matter. A numeral with a base subscript
 * equals the same digits without it (see `baseNumeralsEqual`).
 */
export function mathEqual(pred: string, reference: string, options: NumericOptions = {}): boolean {
  const byBase = baseNumeralsEqual(normalizeMath(pred).latex, normalizeMath(reference).latex);
  if (byBase !== null) return byBase;
  // "9:25" against "\frac{9}{25}": a ratio is its quotient; against another ratio, the same terms ("4:6" is not "2:3").
  const [ra, rb] = [ratioTerms(pred), ratioTerms(reference)];
  if (ra && rb) return ra.every((t, i) => Number(t) === Number(rb[i]));
  if (ra || rb) return ra ? mathEqual(`\\frac{${ra[0]}}{${ra[1]}}`, reference, options) : mathEqual(pred, `\\frac{${rb![0]}}{${rb![1]}}`, options);
  for (const a of readings(pred)) {
    for (const b of readings(reference)) {
      if (a.length > 0 && b.length > 0 && shapesEqual(shapeOf(a), shapeOf(b), options)) return true;
    }
  }
  return false;
}

/** "2:3", "9 : 25": the two terms of a ratio of numbers, or null. */
function ratioTerms(answer: string): [string, string] | null {
  const m = /^(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)$/.exec(normalizeMath(answer).latex);
  return m ? [m[1]!, m[2]!] : null;
}

/** Whether a reference answer has something to compare against (a value, an expression, or a short text). */
export function isMathAnswer(text: string): boolean {
  return normalizeMath(text).latex.length > 0;
}
