/**
 * Normalizing a final math answer before comparison: everything a CAS does not handle itself.
 * Presentation (delimiters, spacing, \dfrac), decoration (\text{}, units, dollar signs), and notation
 * that carries a flag rather than a value (percent, degrees).
 */

export interface NormalizedAnswer {
  /** LaTeX with presentation, units and markers removed. */
  latex: string;
  percent: boolean;
  degrees: boolean;
}

/** Units that combine with "/" or "per": "km/h", "m/s^2", "L/min", "$ per hour". */
const UNIT = String.raw`(?:km|m|cm|mm|mi|miles?|ft|feet|in|yd|kg|g|mg|lbs?|L|l|mL|ml|N|J|W|kW|kWh|s|sec|seconds?|h|hr|hrs|hours?|min|minutes?|days?|weeks?|months?|years?|\\?\$|dollars?|cents?|units?|people|persons?|items?|gallons?|litres?|liters?)`;
const COMPOUND_UNIT = new RegExp(String.raw`(?<=\d)\s*${UNIT}(?:\s*(?:\/|\bper\b)\s*${UNIT})+(?:\s*\^\s*\{?\d\}?|[²³])?\s*$`);

/**
 * Words that are units or counted nouns after a number; dropped so "4200 ways" compares as 4200 and "45 km/h" as 45.
 * Words in any script but Greek, whose letters are math ("7.5 kilomètres", "120 円です", "36 个"; not "2π").
 */
function stripTrailingWords(input: string): string {
  // "54 g", "12 m", "9 V": a one-letter SI unit after a number and a space (not a variable: "3 x", "2h" stay).
  const s = input.replace(COMPOUND_UNIT, '').replace(/(?<=\d)\s+(?:g|m|s|L|N|J|W|V|K|h)\.?$/, '').trim();
  const stripped = s.replace(/(?:\s*(?<![\\\p{L}])(?:(?:(?!\p{Script=Greek})\p{L}){2,}|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+)(?:\s*\^\s*\{?\d\}?)?\.?)+\s*$/u, '').trim();
  return /[\d\\]/.test(stripped) && stripped.length > 0 ? stripped : s;
}

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const NUMBER_WORD = String.raw`(?:${[...UNITS, ...TENS.filter((t) => t), 'hundred', 'thousand', 'million', 'and'].join('|')})`;

/** "twelve", "twenty-five", "three hundred and six": the value of a number written in words, or null. */
function numberFromWords(phrase: string): number | null {
  const words = phrase.toLowerCase().split(/[\s-]+/).filter((w) => w.length > 0 && w !== 'and');
  if (words.length === 0) return null;
  let total = 0;
  let group = 0;
  // "one two" or "twenty thirty" is a list of numbers, not one number.
  let last: 'unit' | 'ten' | 'scale' = 'scale';
  for (const w of words) {
    const unit = UNITS.indexOf(w);
    const ten = TENS.indexOf(w);
    if (unit >= 0 && last !== 'unit' && !(last === 'ten' && unit >= 10)) {
      group += unit;
      last = 'unit';
    } else if (ten >= 2 && last === 'scale') {
      group += ten * 10;
      last = 'ten';
    } else if (unit >= 0 || ten >= 2) return null;
    else if (w === 'hundred') {
      group = (group || 1) * 100;
      last = 'scale';
    } else if (w === 'thousand' || w === 'million') {
      total += (group || 1) * (w === 'thousand' ? 1000 : 1_000_000);
      group = 0;
      last = 'scale';
    } else return null;
  }
  return total + group;
}

/** "half", "thirds", "quarter", "fifths": the denominator a fraction word names. */
const DENOMINATORS: Record<string, number> = { half: 2, halves: 2, third: 3, quarter: 4, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
/** A fraction word after a count: " thirds", "-quarters", " half". */
const FRACTION_WORD = /^[\s-]+(halves|half|(?:third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)s?)\b/i;

function denominator(word: string): number {
  return DENOMINATORS[word.toLowerCase()] ?? DENOMINATORS[word.toLowerCase().replace(/s$/, '')]!;
}

/** "twelve apples", "Twenty-five", "two thirds", "a half": a number in words leading an answer, as digits. */
function wordsToDigits(s: string): string {
  const half = /^(?:a|one)[\s-]+half\b/i.exec(s);
  if (half) return `\\frac{1}{2}${s.slice(half[0].length)}`;
  const m = new RegExp(String.raw`^(${NUMBER_WORD}(?:[\s-]+${NUMBER_WORD})*)(?=[\s-]+[A-Za-z]|$)`, 'i').exec(s);
  if (!m || /^and\b|\band$/i.test(m[1]!)) return s;
  const value = numberFromWords(m[1]!);
  if (value === null) return s;
  // "two thirds", "three-quarters": a fraction.
  const fraction = FRACTION_WORD.exec(s.slice(m[0].length));
  if (fraction) return `\\frac{${value}}{${denominator(fraction[1]!)}}${s.slice(m[0].length + fraction[0].length)}`;
  return `${value}${s.slice(m[0].length)}`;
}

/** "twelve", "twenty-one", "seven apples": a number in words, followed by at most two words (a unit, a noun). */
export function isNumberInWords(text: string): boolean {
  const s = text.trim();
  const digits = wordsToDigits(s);
  return digits !== s && /^\d+(?:\s+[A-Za-z]+){0,2}$/.test(digits);
}

/**
 * Numbers written in words in `text` ("thirty-six", "minus twelve"), with offsets. A lone "one" or "zero" is a
 * pronoun or a word, and a count after a determiner ("the two parts") names things: neither is counted.
 */
export function numbersInWords(text: string): Array<{ start: number; end: number; value: number }> {
  const re = new RegExp(String.raw`\b(?:(negative|minus)\s+)?(${NUMBER_WORD}(?:[\s-]+${NUMBER_WORD})*)\b`, 'gi');
  const out: Array<{ start: number; end: number; value: number }> = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const phrase = m[2]!.replace(/(?:[\s-]+and)+$/i, '');
    // "two thirds", "one quarter": a fraction, read with its denominator.
    const fraction = FRACTION_WORD.exec(text.slice(m.index + m[0].length - m[2]!.length + phrase.length));
    if (fraction && numberFromWords(phrase) !== null) {
      const end = m.index + m[0].length - m[2]!.length + phrase.length + fraction[0].length;
      out.push({ start: m.index, end, value: ((m[1] ? -1 : 1) * numberFromWords(phrase)!) / denominator(fraction[1]!) });
      continue;
    }
    if (/^and\b/i.test(phrase) || /^(?:one|zero|and)$/i.test(phrase)) continue;
    // "the two parts", "these three sides": a count that names things, not a stated result.
    if (!m[1] && /\b(?:the|these|those|its|their|his|her|our|your|my|both|all|each|every|any|which|what|first|last|other)\s+$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const value = numberFromWords(phrase);
    if (value !== null) out.push({ start: m.index, end: m.index + m[0].length - m[2]!.length + phrase.length, value: m[1] ? -value : value });
  }
  return out;
}

/** "2 1/2" (a whole number and a proper fraction): the mixed number as one fraction. */
function mixedToFraction(s: string): string {
  return s.replace(/(?<![\d.\/\\}^_])(-?)(\d+)\s+(\d+)\s*\/\s*(\d+)(?![\d.\/])/g, (all, sign: string, whole: string, num: string, den: string) =>
    Number(num) < Number(den) && Number(den) > 0 ? `${sign}\\frac{${Number(whole) * Number(den) + Number(num)}}{${den}}` : all,
  );
}

/** Replaces `\command{content}` (one level of nesting inside) by what `keep` returns. */
function unwrap(s: string, commands: string, keep: (content: string) => string): string {
  const re = new RegExp(String.raw`\\(?:${commands})\s*\{((?:[^{}]|\{[^{}]*\})*)\}`, 'g');
  let prev: string;
  let out = s;
  do {
    prev = out;
    out = out.replace(re, (_, content: string) => keep(content));
  } while (out !== prev);
  return out;
}

/** Unicode superscript digits and signs, as the exponent they write. */
const SUPERSCRIPTS: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-', '⁺': '+' };

/** "10⁻³", "cm²", "2¹⁰": a run of superscript characters is an exponent (NFKC would flatten "10⁻³" to "10−3"). */
function superscriptsToExponents(s: string): string {
  return s.replace(/[⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (run) => `^{${[...run].map((c) => SUPERSCRIPTS[c]).join('')}}`);
}

/** "1.2 million", "3 thousand", "2.5 billion": digits with a scale word, as one number. */
function scaleWords(s: string): string {
  return s.replace(/(?<![\d.])(\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion)\b/gi, (all, num: string, word: string) => {
    const exponent = { thousand: 3, million: 6, billion: 9, trillion: 12 }[word.toLowerCase()]!;
    const [whole, frac = ''] = num.split('.');
    if (frac.length > exponent) return all;
    return `${whole}${frac.padEnd(exponent, '0')}`.replace(/^0+(?=\d)/, '');
  });
}

export function normalizeMath(input: string): NormalizedAnswer {
  let s = superscriptsToExponents(input).normalize('NFKC').trim();
  s = scaleWords(s);
  // Outer math delimiters and markdown.
  s = s.replace(/^\*\*|\*\*$/g, '').trim();
  s = s.replace(/^\$+|\$+$/g, '').replace(/^\\\(|\\\)$/g, '').replace(/^\\\[|\\\]$/g, '').trim();
  s = s.replace(/[.;。]+$/, '').trim();
  // "17 ✓": a tick after the value marks it checked; "42 apples 🍎": an emoji decorates it.
  s = s.replace(/\s*[✓✔✅]+\s*$/, '').trim();
  s = s.replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]+/gu, ' ').replace(/[.;]+\s*$/, '').trim();
  s = s.replace(/\\(?:displaystyle|textstyle)\b/g, '');
  s = s.replace(/\\(?:left|right|bigl|bigr|Bigl|Bigr|big|Big)\b\s*(\\[{}|]|[()[\]|.])?/g, (_, d: string | undefined) => (d === '.' || d === undefined ? '' : d));
  s = s.replace(/(\d)[eE]([-+]?\d+)(?![\w])/g, '$1\\times10^{$2}');
  s = s.replace(/\\[dtc]frac(?![A-Za-z])/g, '\\frac');
  s = s.replace(/−/g, '-').replace(/×/g, '\\times ').replace(/·/g, '\\cdot ').replace(/√/g, '\\sqrt').replace(/π/g, '\\pi ').replace(/∞/g, '\\infty ');
  // "negative 4", "minus twelve", "negative one-half".
  const negative = /^(?:negative|minus)\s+(.+)$/i.exec(s);
  if (negative) {
    const rest = wordsToDigits(negative[1]!);
    if (/^(?:\d|\\frac\{)/.test(rest)) s = `-${rest}`;
  }
  s = mixedToFraction(wordsToDigits(s));
  // Thousands separators: "2{,}000", "2\,000", "2,000".
  s = s.replace(/(\d)\{,\}(?=\d{3})/g, '$1').replace(/(\d)\\[,!;: ](?=\d{3}(?!\d))/g, '$1');
  s = s.replace(/(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])/g, (m) => m.replace(/,/g, ''));
  const degrees = /\^\s*\{?\s*\\circ\s*\}?|°|\\degree\b|\bdegrees?\b/.test(s);
  // "-7°C", "20^\circ\text{F}": the scale letter goes with the degree sign.
  s = s.replace(/(?:\^\s*\{?\s*\\circ\s*\}?|°|\\degree\b)(?:\s*(?:\\(?:text|mathrm)\{\s*[CFK]\s*\}|[CFK](?![A-Za-z])))?|\\text\{\s*degrees?\s*\}|\bdegrees?\b/g, '');
  const percent = /\\?%|\bpercent\b/.test(s);
  s = s.replace(/\\?%|\\text\{\s*percent\s*\}|\bpercent\b/g, '');
  s = s.replace(/\\\$|\$/g, '');
  // "£36", "12.50 €", "USD 20", "¥500": currency signs and codes, like "$".
  s = s.replace(/[£€¥₹₩]|\\(?:pounds|euro|yen)\b/g, '').replace(/^(?:USD|EUR|GBP|JPY|INR|CAD|AUD|Rs\.?)\s*(?=[-\d])/, '').trim();
  // "48\text{ m}^2", "30\,\mathrm{cm}^{3}": a unit in a text command, squared or cubed, is still a unit.
  s = s.replace(/(?<=\d)\s*(?:\\[,;: ]\s*)?\\(?:text|mathrm)\{\s*(?:m|cm|mm|km)\s*\}\s*\^\s*\{?[23]\}?\s*$/, '');
  s = unwrap(s, 'text|textbf|textrm|mathrm|mbox|mathbf|textit|emph|hbox', (c) => ` ${c} `);
  s = s.replace(/(?<!\\)\\[,!;: ]|~/g, ' ');
  s = s.replace(/\\(?:quad|qquad)\b/g, ' ');
  s = s.replace(/\s+/g, ' ').trim();
  // "\text{seven}", "\textbf{twenty-four} apples": a number in words inside a text command.
  s = wordsToDigits(s);
  // "a total of 48", "approximately 12": words before the value that only frame it.
  s = s.replace(/^(?:(?:a\s+)?total\s+of|approximately|approx\.|about|around|roughly|nearly|exactly|only|just)\s+(?=[-\d\\])/i, '');
  // "253 in base 7", "1011 (base 2)": the base in words is the subscript it stands for.
  s = s.replace(/^([0-9A-Za-z]+)\s*\(?\s*(?:in\s+)?base[\s-]*(\d+)\s*\)?$/i, '$1_{$2}');
  s = stripTrailingWords(s);
  // "1 in 6", "3 out of 8": odds as a fraction.
  s = s.replace(/^(\d+)\s+(?:in|out\s+of)\s+(\d+)$/i, '\\frac{$1}{$2}');
  // "x = 5", "a=\frac12": the value, not the variable it was assigned to.
  s = s.replace(/^(?:[A-Za-z]|\\[A-Za-z]+)(?:_\{?\w+\}?)?\s*=\s*(?=[^=]+$)/, '');
  s = s.replace(/^\\?[A-Za-z]+\s*\([A-Za-z]\)\s*=\s*(?=[^=]+$)/, '');
  s = s.replace(/[.;]+$/, '').trim();
  return { latex: s, percent, degrees };
}

/** Splits on `sep` at brace/bracket depth 0. */
export function splitTopLevel(s: string, sep: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\\' && (s[i + 1] === '{' || s[i + 1] === '}')) {
      depth += s[i + 1] === '{' ? 1 : -1;
      i++;
      continue;
    }
    if ('{([' .includes(ch)) depth++;
    else if ('})]'.includes(ch)) depth--;
    else if (depth === 0) {
      const m = sep.exec(s.slice(i));
      if (m && m.index === 0) {
        parts.push(s.slice(last, i));
        last = i + m[0].length;
        i = last - 1;
      }
    }
  }
  parts.push(s.slice(last));
  return parts.map((p) => p.trim());
}

export type MathShape =
  | { kind: 'set'; items: string[] }
  | { kind: 'list'; items: string[] }
  | { kind: 'bracketed'; open: string; close: string; items: string[] }
  | { kind: 'union'; parts: string[] }
  | { kind: 'expr'; text: string };

/** The answer's structure: a set, an unordered list, a tuple or interval, a union of intervals, or one expression. */
export function shapeOf(latex: string): MathShape {
  const s = latex.trim();
  const interval = inequalityInterval(s);
  if (interval) return shapeOf(interval);
  // "x < -2 or x > 3": the union of the intervals.
  const either = splitTopLevel(s, /^(?:\s+or\s+|\\text\{\s*or\s*\}|\\(?:quad|qquad)?\s*\\text\{\s*or\s*\})/);
  if (either.length > 1 && either.every((x) => inequalityInterval(x) !== null)) return { kind: 'union', parts: either.map((x) => inequalityInterval(x)!) };
  const assigned = assignments(s);
  if (assigned) return { kind: 'bracketed', open: '(', close: ')', items: assigned };
  const pm = plusMinus(s);
  if (pm) return { kind: 'list', items: pm.map((x) => normalizeMath(x).latex) };
  const union = splitTopLevel(s, /^\\cup\b|^∪/);
  if (union.length > 1) return { kind: 'union', parts: union };
  const set = /^\\\{(.*)\\\}$/s.exec(s);
  if (set && splitTopLevel(set[1]!, /^,/).length >= 1 && balanced(set[1]!)) {
    return { kind: 'set', items: splitTopLevel(set[1]!, /^,/).filter((x) => x.length > 0) };
  }
  const bracket = /^([([])(.*)([)\]])$/s.exec(s);
  if (bracket && balanced(bracket[2]!)) {
    const items = splitTopLevel(bracket[2]!, /^,/);
    if (items.length > 1) return { kind: 'bracketed', open: bracket[1]!, close: bracket[3]!, items };
  }
  const list = splitTopLevel(s, /^(?:,|;|\s+(?:and|or)\s+|\\text\{\s*(?:and|or)\s*\})/);
  if (list.length > 1 && list.every((x) => x.length > 0)) return { kind: 'list', items: list.map((x) => normalizeMath(x).latex) };
  return { kind: 'expr', text: s };
}

const LESS = String.raw`<|\\lt\b|\\le(?:q|qslant)?\b|≤`;
const GREATER = String.raw`>|\\gt\b|\\ge(?:q|qslant)?\b|≥`;
type Relation = 'lt' | 'le' | 'gt' | 'ge';
const FLIPPED: Record<Relation, Relation> = { lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' };

function relation(op: string): Relation {
  const strict = /^(?:<|>|\\lt|\\gt)$/.test(op);
  return new RegExp(`^(?:${LESS})$`).test(op) ? (strict ? 'lt' : 'le') : strict ? 'gt' : 'ge';
}

/**
 * "x \le 3", "x > -2", "3 \ge x", "-1 < x \leq 4": a one-variable inequality as the interval it describes
 * ("(-\infty, 3]", "(-1, 4]"), or null. The variable is a single letter and the bounds hold no letter but commands.
 */
export function inequalityInterval(s: string): string | null {
  const parts = s.split(new RegExp(`(${LESS}|${GREATER})`)).map((p) => p.trim());
  const isVar = (p: string): boolean => /^[a-zA-Z]$/.test(p);
  const isBound = (p: string): boolean => p.length > 0 && !/[a-zA-Z]/.test(p.replace(/\\[a-zA-Z]+/g, '')) && balanced(p);
  if (parts.length === 5 && isVar(parts[2]!) && isBound(parts[0]!) && isBound(parts[4]!)) {
    const [lo, hi] = [relation(parts[1]!), relation(parts[3]!)];
    if (!['lt', 'le'].includes(lo) || !['lt', 'le'].includes(hi)) return null;
    return `${lo === 'lt' ? '(' : '['}${parts[0]}, ${parts[4]}${hi === 'lt' ? ')' : ']'}`;
  }
  if (parts.length !== 3) return null;
  const one = isVar(parts[0]!) && isBound(parts[2]!) ? { op: relation(parts[1]!), bound: parts[2]! } : isVar(parts[2]!) && isBound(parts[0]!) ? { op: FLIPPED[relation(parts[1]!)], bound: parts[0]! } : null;
  if (!one) return null;
  if (one.op === 'lt' || one.op === 'le') return `(-\\infty, ${one.bound}${one.op === 'lt' ? ')' : ']'}`;
  return `${one.op === 'gt' ? '(' : '['}${one.bound}, \\infty)`;
}

/** "x = 2, y = -1" (normalized from "x = 2 and y = -1"): one value for each of several unknowns, in order, or null. */
function assignments(s: string): string[] | null {
  const items = splitTopLevel(s, /^(?:,|;|\s+and\s+)/);
  if (items.length < 2) return null;
  const pairs = items.map((x) => /^([a-zA-Z])\s*=\s*([^=]+)$/.exec(x));
  if (pairs.some((p) => p === null)) return null;
  const names = pairs.map((p) => p![1]!);
  return new Set(names).size === names.length ? pairs.map((p) => p![2]!.trim()) : null;
}

/** "\pm 3", "2 \pm \sqrt{5}", "±4": the two values a plus-minus sign stands for, or null. */
function plusMinus(s: string): string[] | null {
  const parts = s.split(/\\pm\b|±/);
  if (parts.length !== 2 || !balanced(parts[0]!) || !balanced(parts[1]!) || parts[1]!.trim().length === 0) return null;
  const [before, after] = [parts[0]!.trim(), parts[1]!.trim()];
  if (/[=,]/.test(before) || /[=,]/.test(after)) return null;
  return before.length === 0 ? [after, `-${after}`] : [`${before} + ${after}`, `${before} - ${after}`];
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if ('{(['.includes(ch)) depth++;
    else if ('})]'.includes(ch) && --depth < 0) return false;
  }
  return depth === 0;
}
