/**
 * Options whose text is a value ("12.0 m/s", "$1,250", "50%", "300 mg"), read from the value a reply arrives at:
 * the last value of an equation or copula closing the reply ("= √144 = 12 m/s.", "the probability is 1/2.",
 * "...: 11111011."), the value a closing sentence ends on ("... ends up moving at 8 m/s."), a value followed by a
 * qualifier ("= 300 mg every 6 hours."), or the equation just before a closing remark with no value of its own
 * ("... = $0. The project exactly breaks even."). Values compare by number and unit: "12 m/s" is "12.0 m/s", "1/2" is
 * "50%", but "10%" is not "$10".
 */
import { normalizeOption, type OptionsContext } from './mc-read.ts';
import { samePrefixedValue } from './mc-units.ts';
import { allMatches } from './text.ts';

export interface Value {
  /** The number as written ("50" for "50%"). */
  written: number;
  /** The quantity: a percent as a fraction ("50%" is 0.5), anything else as written. */
  value: number;
  /** The unit, lower-cased and single-spaced ("m/s", "mg", "%", "$" for dollars); '' for none. */
  unit: string;
}

const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*\/\s*\d+(?:\.\d+)?)?|\.\d+`;
const VALUE = new RegExp(String.raw`^\s*([-−+])?\s*(\$)?\s*([-−])?\s*(${NUMBER})\s*(%|[A-Za-zµμΩ°][A-Za-z0-9µμΩ°/·^²³ ]{0,12})?\s*$`);

/** A value written as a number with an optional sign, currency, percent or unit; null for anything else. */
export function parseValue(text: string): Value | null {
  const m = VALUE.exec(text.replace(/\*\*/g, ''));
  if (!m) return null;
  const [num, den] = m[4]!.replace(/,/g, '').split('/').map((x) => Number(x.trim()));
  let written = den === undefined ? num! : num! / den;
  if (!Number.isFinite(written)) return null;
  if (m[1] === '-' || m[1] === '−' || m[3] === '-' || m[3] === '−') written = -written;
  let unit = (m[5] ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (m[2] === '$') unit = unit.length > 0 ? `$ ${unit}` : '$';
  return { written, value: unit === '%' ? written / 100 : written, unit };
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Two written values name the same quantity: the same number in the same unit ("12 m/s", "12.0 m/s"); a fraction
 * and a percent of the same size ("1/2", "50%"); or the same number where one side writes no unit ("50%" for the
 * option "50", "$5,000" for "5000"). Two different units never match ("10%" is not "$10").
 */
export function sameValue(a: Value, b: Value): boolean {
  if (a.unit === b.unit) return close(a.value, b.value);
  // "1.5 kJ" and "1,500 J": the same unit but for a metric prefix (mc-units.ts); other different units never match.
  if (a.unit !== '' && b.unit !== '') return samePrefixedValue(a.value, a.unit, b.value, b.unit);
  return close(a.written, b.written) || ((a.unit === '%' || b.unit === '%') && close(a.value, b.value));
}

/** The letters whose option text is `phrase`: as the same value when both are values, else as the same text. */
export function optionsEqualTo(phrase: string, ctx: OptionsContext): string[] {
  const v = parseValue(phrase);
  const norm = normalizeOption(phrase.replace(/^(?:the|an?)\s+/i, ''));
  return ctx.options.flatMap((o, i) => {
    const letter = ctx.letters[i];
    if (letter === undefined || o.length === 0) return [];
    const ov = parseValue(ctx.raw?.[i] ?? o);
    const same = v && ov ? sameValue(v, ov) : o === norm || o === normalizeOption(phrase);
    return same ? [letter] : [];
  });
}

/** Words after a value that qualify it without changing it: "300 mg every 6 hours", "45 km/h on average". */
const QUALIFIER = /^\s*(?:,\s*)?(?:every|each|in\s+(?:total|all)|in|for|at|after|over|on\s+average|daily|weekly|altogether|overall|total|exactly|approximately|roughly)\b/i;
/** A value that is not the result: "from 2 m/s", "more than 5", "not 12". */
const NOT_RESULT = /\b(?:from|than|not|instead\s+of|rather\s+than|unlike|except|besides|of|with)\s*$/i;
const STARTING = /\b(?:start\w*|begin\w*|began|initial\w*|given|original\w*|input)\b/i;
const REVISION = /\b(?:wait|actually|but|however|though|although|hmm|no|not|mistake|instead|rather|correction|wrong|incorrect|false|check\w*|recheck\w*)\b/i;

/** Where the sentences of `text` start: after each line break or sentence end followed by more text. */
function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const m of allMatches(text, /\n\s*(?=\S)|(?<!\d)[.!?](?=\s+\S)|(?<=\d)[.!?](?=\s+[A-Z])/g)) starts.push(m.index + m[0].length);
  return starts;
}

/** The options one sentence arrives at as a value; several when it arrives at more than one. */
function valueOptions(sentence: string, ctx: OptionsContext): string[] {
  const s = sentence.trimEnd().replace(/[.!]+$/, '');
  // "= √144 = 12 m/s", "the probability is 1/2", ": 11111011" (digit-group commas kept: "$1,250").
  const closing = /(?:\b(?:is|are|was|would\s+be|must\s+be|equals|comes\s+to|gives|yields)\s+|[=:]\s*)((?:[^,;:!?\n=]|,(?=\d{3}(?!\d)))+?)\s*$/i.exec(s);
  if (closing) {
    const found = optionsEqualTo(closing[1]!, ctx);
    if (found.length > 0) return found;
    // "= 300 mg every 6 hours": the value, then words that qualify it.
    const words = [...closing[1]!.matchAll(/\S+/g)];
    for (const w of words) {
      const head = closing[1]!.slice(0, w.index + w[0].length);
      if (QUALIFIER.test(closing[1]!.slice(head.length)) && parseValue(head)) {
        const byHead = optionsEqualTo(head, ctx);
        if (byHead.length > 0) return byHead;
      }
    }
  }
  // "..., the cart ends up moving at 8 m/s.": the value the sentence ends on, unless it is a starting point.
  const last = new RegExp(String.raw`(?:^|\s)((?:[-−]\s*)?\$?\s*(?:${NUMBER})\s*(?:%|[A-Za-zµμΩ°][A-Za-z0-9µμΩ°/·^²³]{0,8})?)$`).exec(s);
  // Not a starting point restated in the same clause: "The cart starts at 2 m/s."
  const clause = s.slice(0, last?.index ?? 0).split(/[,;:]/).at(-1) ?? '';
  if (last && !NOT_RESULT.test(s.slice(0, last.index)) && !REVISION.test(s) && !STARTING.test(clause)) return optionsEqualTo(last[1]!, ctx);
  return [];
}

/**
 * The option the reply's closing value names, or null: the closing sentence's value, else (when the closing
 * sentence is a remark with no value, no option and no revision) the one before it. Returns the letter and the span
 * of the sentence read.
 */
export function closingValueOption(text: string, ctx: OptionsContext): { letter: string; start: number; end: number } | null {
  if (ctx.options.length === 0) return null;
  const trimmed = text.trimEnd();
  const starts = sentenceStarts(trimmed);
  const sentences = starts.map((s, i) => ({ start: s, end: starts[i + 1] ?? trimmed.length }));
  const closing = sentences.at(-1)!;
  const read = (s: { start: number; end: number }): { letter: string; start: number; end: number } | null => {
    const found = valueOptions(trimmed.slice(s.start, s.end), ctx);
    return found.length === 1 ? { letter: found[0]!, start: s.start, end: s.end } : null;
  };
  const own = read(closing);
  if (own) return own;
  const remark = trimmed.slice(closing.start, closing.end);
  const before = sentences.at(-2);
  if (!before || REVISION.test(remark) || namesValue(remark, ctx)) return null;
  return read(before);
}

/** Whether the sentence writes a value equal to some option's ("10%" does not name "$10"). */
function namesValue(sentence: string, ctx: OptionsContext): boolean {
  return allMatches(sentence, new RegExp(String.raw`(?:[-−]\s*)?\$?\s*(?:${NUMBER})\s*(?:%|[A-Za-z/]{1,6}\b)?`, 'g')).some((m) => optionsEqualTo(m[0], ctx).length > 0);
}
