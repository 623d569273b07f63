/**
 * Options named in the closing sentence through an abbreviation: by the option's initials ("a VER" for "A voluntary
 * export restraint") or with the option's own abbreviation written out ("the rough endoplasmic reticulum" for "Rough
 * ER"). Read only when exactly one option is named so and the sentence does not deny it.
 */
import type { OptionsContext } from './mc-read.ts';
import { allMatches } from './text.ts';

const SMALL = /^(?:a|an|the|of|and|or|in|on|to|for|by|with)$/i;
const DENIAL = /\b(?:not|no|never|isn['’]t|aren['’]t|wasn['’]t|rather\s+than|instead\s+of|unlike|except)\b/i;

/** The option's content words ("voluntary", "export", "restraint"), hyphenated parts split. */
function words(option: string): string[] {
  return option.split(/[\s-]+/).filter((w) => /^[A-Za-z]+$/.test(w) && !SMALL.test(w));
}

/** A pattern for the option as written out: each all-capital token (2-5 letters) replaced by words with those initials. */
function expanded(option: string): RegExp | null {
  const parts = option.split(/\s+/).filter((w) => !SMALL.test(w));
  if (!parts.some((w) => /^[A-Z]{2,5}$/.test(w))) return null;
  const pattern = parts
    .map((w) => (/^[A-Z]{2,5}$/.test(w) ? [...w].map((c) => String.raw`${c}[a-z]{2,}`).join(String.raw`[\s-]+`) : w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join(String.raw`\s+`);
  return new RegExp(String.raw`\b${pattern}\b`, 'i');
}

/** The letters whose option `sentence` names by initials or by its abbreviation written out, with where. */
export function abbreviatedOptions(sentence: string, ctx: OptionsContext): Map<string, { start: number; end: number }> {
  const out = new Map<string, { start: number; end: number }>();
  if (DENIAL.test(sentence)) return out;
  const raw = ctx.raw ?? [];
  raw.forEach((option, i) => {
    const letter = ctx.letters[i];
    if (letter === undefined) return;
    const content = words(option);
    const initials = content.length >= 2 ? content.map((w) => w[0]!.toUpperCase()).join('') : '';
    const byInitials = initials.length >= 2 ? allMatches(sentence, new RegExp(String.raw`(?<![A-Za-z])${initials}s?(?![A-Za-z])`, 'g'))[0] : undefined;
    const long = expanded(option)?.exec(sentence) ?? undefined;
    const m = byInitials ?? long;
    if (m) out.set(letter, { start: m.index, end: m.index + m[0].length });
  });
  return out;
}

/** The same letters with their spans moved by `offset` (for a sentence read out of a longer text). */
export function shifted(found: Map<string, { start: number; end: number }>, offset: number): Map<string, { start: number; end: number }> {
  return new Map([...found].map(([letter, at]) => [letter, { start: at.start + offset, end: at.end + offset }]));
}
