/**
 * Values in units that differ only by a metric prefix: "1.5 kJ" is "1,500 J", "5,000 m" is "5 km", "250 mg" is
 * "0.25 g". Used when a reply's value and an option's are written in different units of the same kind. Units come
 * lower-cased (mc-values.ts), so "m" is milli (a megawatt written "MW" is not read as such: it matches nothing).
 */

/** Units a prefix may stand before. */
const BASE = /^(?:j|w|m|g|s|l|n|v|a|hz|pa|wh|m\/s|ev|mol|b|cal)$/;
const PREFIX: Readonly<Record<string, number>> = { k: 1e3, c: 1e-2, m: 1e-3, µ: 1e-6, μ: 1e-6 };

/** How many of `to` one `from` is, when `from` is `to` with a metric prefix (or the reverse); null otherwise. */
function scaleBetween(from: string, to: string): number | null {
  const prefixed = (unit: string, base: string): number | null => {
    const factor = PREFIX[unit.slice(0, 1)];
    return factor !== undefined && unit.slice(1) === base && BASE.test(base) ? factor : null;
  };
  const up = prefixed(from, to);
  if (up !== null) return up;
  const down = prefixed(to, from);
  return down === null ? null : 1 / down;
}

/** Whether `a` in unit `aUnit` and `b` in unit `bUnit` are the same quantity once a metric prefix is undone. */
export function samePrefixedValue(a: number, aUnit: string, b: number, bUnit: string): boolean {
  const scale = scaleBetween(aUnit, bUnit);
  if (scale === null) return false;
  const x = a * scale;
  return Math.abs(x - b) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(b));
}

/** Unit names written out, longest first, with the symbol an option writes. */
const UNIT_NAMES: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:metres|meters|metre|meter)\s+per\s+second\b/gi, 'm/s'],
  [/\b(?:kilometres|kilometers|kilometre|kilometer)\s+per\s+hour\b/gi, 'km/h'],
  [/\b(?:kilometres|kilometers|kilometre|kilometer)\b/gi, 'km'],
  [/\b(?:metres|meters|metre|meter)\b/gi, 'm'],
  [/\b(?:kilojoules?)\b/gi, 'kJ'],
  [/\bjoules?\b/gi, 'J'],
  [/\b(?:kilograms?)\b/gi, 'kg'],
  [/\bgrams?\b/gi, 'g'],
  [/\bseconds?\b/gi, 's'],
  [/\bper\s*cent\b|\bpercent\b/gi, '%'],
];

/**
 * The sentence with its numbers in words as digits and its unit names as symbols ("eighteen metres per second" is
 * "18 m/s"), for reading it as a value; null when it writes no number in words.
 */
export function spelledOutValues(sentence: string, inWords: ReadonlyArray<{ start: number; end: number; value: number }>): string | null {
  if (inWords.length === 0) return null;
  let out = sentence;
  for (const w of [...inWords].reverse()) out = `${out.slice(0, w.start)}${w.value}${out.slice(w.end)}`;
  for (const [name, symbol] of UNIT_NAMES) out = out.replace(name, symbol);
  return out.replace(/(\d)\s+%/g, '$1%');
}
