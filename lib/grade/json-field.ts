/**
 * Reading an answer field out of JSON a model wrote, without JSON.parse. Models put raw LaTeX in JSON
 * strings: `"\frac{1}{2}"` is, to a JSON parser, a form feed followed by "rac{1}{2}". Here a backslash
 * escape is decoded only when it cannot be the start of a LaTeX command.
 */

export interface JsonField {
  value: string;
  /** Offset of the key's opening quote. */
  start: number;
  /** Offset just past the value. */
  end: number;
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/' };
/** JSON escapes that are also the first letter of common LaTeX commands (\frac, \neq, \times, \right, \beta). */
const LETTER_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/** Decodes a JSON string body leniently; returns the value and the offset of the closing quote. */
function readString(text: string, at: number): { value: string; close: number } | null {
  let value = '';
  for (let i = at; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') return { value, close: i };
    if (ch !== '\\') {
      value += ch;
      continue;
    }
    const next = text[i + 1] ?? '';
    const after = text[i + 2] ?? '';
    if (next in SIMPLE_ESCAPES) {
      value += SIMPLE_ESCAPES[next];
      i++;
    } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
      value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
      i += 5;
    } else if (next in LETTER_ESCAPES && !/[A-Za-z]/.test(after)) {
      value += LETTER_ESCAPES[next];
      i++;
    } else {
      // A LaTeX command such as \frac or \sqrt, written without doubling the backslash.
      value += '\\';
    }
  }
  return null;
}

/** The value of the last `"key": ...` among `keys` (a string, number, or bare token), or null. */
export function lastJsonField(text: string, keys: readonly string[]): JsonField | null {
  const re = new RegExp(String.raw`"(${keys.join('|')})"\s*:\s*`, 'gi');
  let found: JsonField | null = null;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const at = m.index + m[0].length;
    if (text[at] === '"') {
      const s = readString(text, at + 1);
      if (s) found = { value: s.value, start: m.index, end: s.close + 1 };
    } else {
      const bare = /^[^,}\n\]]+/.exec(text.slice(at));
      if (bare) found = { value: bare[0].trim(), start: m.index, end: at + bare[0].length };
    }
  }
  return found;
}
