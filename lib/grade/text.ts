/**
 * Drops closed <think>...</think> blocks. Reasoning models deliberate over every option inside them,
 * so letters and numbers there are not commitments. An unclosed block is left alone here; the
 * offset-preserving `maskThinking` below is what the extractors use.
 */
export function stripThinking(text: string): string {
  return text.replace(/<think>[\s\S]*?<\/think>/gi, ' ');
}

/** Replaces [start, end) with spaces, keeping newlines, so every later offset still points into the original. */
export function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);
}

/**
 * Hides reasoning from the extractors without moving any character: closed blocks, everything before a
 * stray `</think>` (chat templates often eat the opening tag), and an unclosed block to the end (a
 * model that never left its reasoning never committed to an answer).
 */
export function maskThinking(text: string): string {
  let out = text;
  for (const m of allMatches(text, /<think>[\s\S]*?<\/think>/gi)) out = blank(out, m.index, m.index + m[0].length);
  const strayClose = /<\/think>/i.exec(out);
  if (strayClose) out = blank(out, 0, strayClose.index + strayClose[0].length);
  const unclosed = /<think>/i.exec(out);
  if (unclosed) out = blank(out, unclosed.index, out.length);
  return out;
}

/** Blanks markdown emphasis and code markers, which models sprinkle around answers, keeping offsets. */
export function maskMarkdown(text: string): string {
  return text.replace(/\*\*|__|`+|(?<=^|\s)[*_]+|[*_]+(?=\s|$|[.,;:!?)])/g, (m) => ' '.repeat(m.length));
}

/** Non-empty trimmed lines, in order. */
export function nonEmptyLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export interface Line {
  text: string;
  /** Offset of the first non-blank character. */
  start: number;
  end: number;
}

/** Non-blank lines with their offsets, trimmed. */
export function linesWithOffsets(text: string): Line[] {
  const out: Line[] = [];
  for (const m of allMatches(text, /[^\n]+/g)) {
    const lead = m[0].length - m[0].trimStart().length;
    const trimmed = m[0].trim();
    if (trimmed.length === 0) continue;
    out.push({ text: trimmed, start: m.index + lead, end: m.index + lead + trimmed.length });
  }
  return out;
}

/** Lower-case, punctuation-free, single-spaced form used to compare free text (option texts, exact answers). */
export function looseNormalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface BracedGroup {
  /** Offset of the command, e.g. of `\boxed`. */
  start: number;
  /** Offset just past the closing brace. */
  end: number;
  content: string;
  contentStart: number;
}

/** Every `\command{...}` group (e.g. `\boxed`), with nested braces balanced; unclosed ones are skipped. */
export function bracedGroups(text: string, command: string): BracedGroup[] {
  const out: BracedGroup[] = [];
  const re = new RegExp(String.raw`\\${command}\s*\{`, 'g');
  for (const m of allMatches(text, re)) {
    const open = m.index + m[0].length - 1;
    let depth = 0;
    for (let i = open; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\\') {
        i++;
        continue;
      }
      if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) {
        out.push({ start: m.index, end: i + 1, content: text.slice(open + 1, i), contentStart: open + 1 });
        break;
      }
    }
  }
  return out;
}

/** The content of the last \boxed{...}, with nested braces balanced, or null. */
export function lastBoxed(text: string): string | null {
  return bracedGroups(text, 'boxed').at(-1)?.content ?? null;
}

/** Every match of a global regular expression, each with a defined `index`. */
export function allMatches(text: string, re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (let m = global.exec(text); m !== null; m = global.exec(text)) {
    out.push(m);
    if (m[0].length === 0) global.lastIndex++;
  }
  return out;
}

/**
 * The JSON value whose text starts at `start` (a '[' or '{') and ends at its balanced closing bracket, or undefined
 * when that text is not JSON. Brackets inside strings do not count. Pure.
 */
export function jsonValueAt(text: string, start: number): unknown {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && --depth === 0) {
      try {
        return JSON.parse(text.slice(start, i + 1));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

