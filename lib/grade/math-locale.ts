/**
 * Math answers written the way other languages write them: answer labels ("Ответ: 15", "Die Antwort ist 3,5",
 * "La réponse est", "答えは 120 円です"), decimal commas ("7,5 km") and thousands grouped by spaces or dots ("12 500",
 * "1 000 000", "1.250,50"). Chinese labels ("答案是") are read with the English ones in math-extract.ts.
 */

/**
 * Answer labels of languages that write "3,5" for three and a half: "Ответ:", "Die Antwort ist", "Réponse :", "La
 * respuesta final es", "A resposta é", "La risposta è", "Het antwoord is", "Odpowiedź:", "Cevap:", "Jawaban:".
 */
const DECIMAL_COMMA_LABELS = [
  String.raw`ответ\s*(?::|—|-|=)`,
  String.raw`(?:die\s+)?(?:endgültige\s+)?antwort\s*(?:ist|lautet|:|=)|ergebnis\s*(?:ist|lautet|:|=)|lösung\s*:`,
  String.raw`(?:la\s+)?réponse(?:\s+finale)?\s*(?:est|:|=)|résultat\s*(?:est|:|=)`,
  String.raw`(?:la\s+)?respuesta(?:\s+final)?\s*(?:es|:|=)|resultado\s*(?:es|:|=)`,
  String.raw`(?:a\s+)?resposta(?:\s+final)?\s*(?:é|:|=)`,
  String.raw`(?:la\s+)?risposta(?:\s+finale)?\s*(?:è|:|=)`,
  String.raw`(?:het\s+)?(?:eind)?antwoord\s*(?:is|:|=)`,
  String.raw`odpowiedź\s*(?::|=|to)`,
  String.raw`cevap\s*(?::|=)`,
  String.raw`jawaban(?:nya)?\s*(?:adalah|:|=)`,
].map((label) => String.raw`(?<!\p{L})(?:${label})`);

/** Answer labels of languages that write "3.5": "答えは" (Japanese), "정답은" (Korean), "Đáp án:" (Vietnamese), "उत्तर:" (Hindi). */
const DECIMAL_POINT_LABELS = [String.raw`(?:答え|解答)\s*(?:は|:|=)`, String.raw`(?:정답|답)\s*(?:은|는|:|=)`, String.raw`(?<!\p{L})đáp\s+án\s*(?::|=|là)`, String.raw`उत्तर\s*(?::|=|है)`];

/** A label in another language that introduces the final answer, like "the answer is". Case-insensitive, Unicode-aware. */
export const FOREIGN_ANSWER_LABEL = new RegExp([...DECIMAL_COMMA_LABELS, ...DECIMAL_POINT_LABELS].join('|'), 'giu');
const DECIMAL_COMMA_LABEL = new RegExp(DECIMAL_COMMA_LABELS.join('|'), 'iu');

/** Letters of languages that write "3,5" for three and a half (German, French, Spanish, Portuguese, Italian, Polish, Czech, Turkish; Cyrillic). */
const DECIMAL_COMMA_CUE = /[äöüßàâçéèêëîïôûùáíóúñãõìąćęłńśźżčřšžůğış]|\p{Script=Cyrillic}/iu;
const DECIMAL_COMMA_WORDS = /(?<!\p{L})(?:und|ist|der|die|das|also|est|les|une|donc|alors|el|los|las|es|entonces|luego|são|não|então|sono|quindi|beträgt|ergibt|insgesamt|het|een|dus|jest|adalah|jadi|total|totale)(?!\p{L})/giu;

/**
 * Whether `text` is written in a language that uses the decimal comma: Cyrillic, the accented letters of such
 * languages, one of their answer labels, or two of their common words in a text without English ones.
 */
function usesDecimalComma(text: string): boolean {
  if (DECIMAL_COMMA_CUE.test(text) || DECIMAL_COMMA_LABEL.test(text)) return true;
  const words = new Set((text.match(DECIMAL_COMMA_WORDS) ?? []).map((w) => w.toLowerCase()));
  return words.size >= 2 && !/\b(?:the|and|is|of)\b/i.test(text);
}

/** A separator between digit groups that typesetting puts in on purpose: no-break, narrow no-break, thin space. */
const TYPOGRAPHIC_SPACE = '[\u00a0\u202f\u2009]';

/**
 * The text with numbers written the local way rewritten the English way, one character for one so every offset
 * still points into the original:
 * - "12 500", "1 000 000" (and with no-break or thin spaces): the spaces between thousands groups become commas.
 *   An ordinary space groups thousands only in a decimal-comma language or in a chain of two or more groups, so
 *   "2 500 ml bottles" in English stays two numbers.
 * - in a decimal-comma language, "3,5" and "12,50" become "3.5" and "12.50"; "1,000" (three digits after the comma)
 *   is left as it is, and "(2,5)" inside brackets stays a pair; "1.000.000" and "1.250,50" group thousands with dots.
 */
export function localizeNumbers(text: string): string {
  const local = usesDecimalComma(text);
  const grouped = text.replace(new RegExp(String.raw`(?<![\d.,]|\d[ \u00a0\u202f\u2009])\d{1,3}(?:(?:${TYPOGRAPHIC_SPACE}| )\d{3})+(?![\d]|[ \u00a0\u202f\u2009]\d|\s*\/)`, 'g'), (chain) => {
    const groups = chain.split(/[ \u00a0\u202f\u2009]/);
    // "120 120 120": a stuttered value, not one number.
    if (groups.every((g) => g === groups[0])) return chain;
    const typographic = new RegExp(TYPOGRAPHIC_SPACE).test(chain);
    return typographic || local || groups.length >= 3 ? chain.replace(/[ \u00a0\u202f\u2009]/g, ',') : chain;
  });
  if (!local) return grouped;
  // "1.000.000", "1.250,50": dots that group thousands. A lone "1.250" is left alone: models write English decimals in any language.
  const dotted = grouped
    .replace(/(?<![\d.,])[1-9]\d{0,2}(?:\.\d{3})+,\d+(?![\d,])/g, (n) => n.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')))
    .replace(/(?<![\d.,])[1-9]\d{0,2}(?:\.\d{3}){2,}(?![\d.,])/g, (n) => n.replace(/\./g, ','));
  return dotted.replace(/(?<![\d.,])(\d+),(\d{1,2}|\d{4,})(?![\d,])/g, (all, whole: string, frac: string, at: number) => {
    const before = dotted.slice(Math.max(0, at - 2), at);
    const after = dotted.slice(at + all.length, at + all.length + 2);
    // "(2,5)" is a pair; "3,5, 7" a list.
    if (/[([{]\s*$/.test(before) && /^\s*[)\]}]/.test(after)) return all;
    if (/^\s*,?\s*\d/.test(after)) return all;
    return `${whole}.${frac}`;
  });
}
