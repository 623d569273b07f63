/**
 * A commitment that points back at the option its sentence (or, when it opens one, the sentence before) named:
 * "Only the third option names a hormone the liver does not make, so that is my answer.", "(B) survives every check;
 * that's my pick.", "Only option D fits. That is my answer." The text before the
 * pointer must name exactly one option (by letter or by position) and pass no verdict against it; otherwise nothing
 * is read.
 */
import { optionAtPosition, type OptionsContext } from './mc-read.ts';
import { allMatches } from './text.ts';

/** "that is my answer", "so this is my final choice", "that's the one I pick". */
const POINTER = /\b(?:that|this|it)(?:'s|’s|\s+is|\s+will\s+be|\s+would\s+be)\s+(?:my\s+(?:final\s+)?(?:answer|choice|pick)|the\s+(?:correct\s+|right\s+)?(?:answer|one\s+I\s+(?:pick|choose)))\b(?!\s+(?:to|for|of|in)\b)/gi;
/** A verdict against an option inside the sentence ("the third option is wrong"): then the pointer is not to it. */
const VERDICT_AGAINST = /\b(?:is|are|seems?|looks?)\s+(?:wrong|incorrect|false|ruled\s+out|eliminated|not\s+(?:right|correct|it))\b|\b(?:not|rather\s+than|instead\s+of|except)\s+(?:the\s+)?(?:option|choice|\()/i;

/** The option a closing pointer ("so that is my answer") refers back to, with the span read; null when none or unclear. */
export function pointedBackOption(text: string, ctx: OptionsContext): { letter: string; start: number; end: number } | null {
  const pointer = allMatches(text, POINTER).at(-1);
  if (!pointer) return null;
  const before = text.slice(0, pointer.index);
  const bounds = allMatches(before, /\n|[.!?](?=\s)/g);
  // "Only the third option fits. That is my answer.": a pointer opening its sentence points at the one before.
  const opensSentence = bounds.length > 0 && before.slice(bounds.at(-1)!.index + 1).trim().length === 0;
  const start = (bounds.at(opensSentence ? -2 : -1)?.index ?? -1) + 1;
  const sentence = before.slice(start);
  const letters = new Set<string>();
  for (const m of allMatches(sentence, new RegExp(String.raw`\b(?:option|choice)\s+([${ctx.letters}])\b|\(([${ctx.letters}])\)`, 'g'))) letters.add(m[1] ?? m[2]!);
  for (const m of allMatches(sentence, /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\s+(?:option|choice)\b/gi)) {
    const at = optionAtPosition(m[1]!, ctx);
    if (at) letters.add(at.letter);
  }
  if (letters.size !== 1 || VERDICT_AGAINST.test(sentence)) return null;
  return { letter: [...letters][0]!, start, end: pointer.index + pointer[0].length };
}
