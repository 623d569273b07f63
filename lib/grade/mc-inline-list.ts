/**
 * The options re-listed on one line, as a base model restating the question writes them: "(A) Mitochondrion
 * (B) Nucleus (C) Ribosome (D) Lysosome". Each letter there labels an option; none of them is an answer.
 */
import { allMatches, linesWithOffsets } from './text.ts';

/** Offsets of the letters in every line that lists three or more options in order from A: "(A) ... (B) ... (C) ...". */
export function inlineListedLetters(text: string): number[] {
  const out: number[] = [];
  for (const line of linesWithOffsets(text)) {
    const marks = allMatches(line.text, /(?<![A-Za-z0-9])[(\[]([A-J])[)\]](?=\s+\S)/g);
    if (marks.length < 3 || !marks.every((m, i) => m[1] === 'ABCDEFGHIJ'[i])) continue;
    out.push(...marks.map((m) => line.start + m.index + 1));
  }
  return out;
}
