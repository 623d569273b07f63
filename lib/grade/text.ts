/**
 * Drops closed <think>...</think> blocks. Reasoning models deliberate over every option inside them,
 * so letters and numbers there are not commitments. An unclosed block is left alone: it is all the
 * text there is, and the extractors then usually report it as ambiguous or unanswered.
 */
export function stripThinking(text: string): string {
  return text.replace(/<think>[\s\S]*?<\/think>/gi, ' ');
}

/** Removes markdown emphasis and code markers, which models sprinkle around answers. */
export function stripMarkdown(text: string): string {
  return text.replace(/\*\*|__|`+/g, '').replace(/(^|\s)[*_]+|[*_]+(?=\s|$)/g, '$1');
}

/** Non-empty trimmed lines, in order. */
export function nonEmptyLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Lower-case, punctuation-free, single-spaced form used to compare free text (option texts, exact answers). */
export function looseNormalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The content of the last \boxed{...}, with nested braces balanced, or null. */
export function lastBoxed(text: string): string | null {
  const start = text.lastIndexOf('\\boxed{');
  if (start < 0) return null;
  let depth = 0;
  const open = start + '\\boxed'.length;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  return null;
}
