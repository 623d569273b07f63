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

/** Words that are units or counted nouns after a number; dropped so "4200 ways" compares as 4200. */
function stripTrailingWords(s: string): string {
  const stripped = s.replace(/(?:\s*(?<![\\A-Za-z])[A-Za-z]{2,}(?:\s*\^\s*\{?\d\}?)?\.?)+\s*$/, '').trim();
  return /[\d\\]/.test(stripped) && stripped.length > 0 ? stripped : s;
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

export function normalizeMath(input: string): NormalizedAnswer {
  let s = input.normalize('NFKC').trim();
  // Outer math delimiters and markdown.
  s = s.replace(/^\*\*|\*\*$/g, '').trim();
  s = s.replace(/^\$+|\$+$/g, '').replace(/^\\\(|\\\)$/g, '').replace(/^\\\[|\\\]$/g, '').trim();
  s = s.replace(/[.;]+$/, '').trim();
  s = s.replace(/\\(?:displaystyle|textstyle)\b/g, '');
  s = s.replace(/\\(?:left|right|bigl|bigr|Bigl|Bigr|big|Big)\b\s*(\\[{}|]|[()[\]|.])?/g, (_, d: string | undefined) => (d === '.' || d === undefined ? '' : d));
  s = s.replace(/(\d)[eE]([-+]?\d+)(?![\w])/g, '$1\\times10^{$2}');
  s = s.replace(/\\[dtc]frac(?![A-Za-z])/g, '\\frac');
  s = s.replace(/−/g, '-').replace(/×/g, '\\times ').replace(/·/g, '\\cdot ').replace(/√/g, '\\sqrt');
  // Thousands separators: "2{,}000", "2\,000", "2,000".
  s = s.replace(/(\d)\{,\}(?=\d{3})/g, '$1').replace(/(\d)\\[,!;: ](?=\d{3}(?!\d))/g, '$1');
  s = s.replace(/(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])/g, (m) => m.replace(/,/g, ''));
  const degrees = /\^\s*\{?\s*\\circ\s*\}?|°|\\degree\b|\bdegrees?\b/.test(s);
  s = s.replace(/\^\s*\{?\s*\\circ\s*\}?|°|\\degree\b|\\text\{\s*degrees?\s*\}|\bdegrees?\b/g, '');
  const percent = /\\?%|\bpercent\b/.test(s);
  s = s.replace(/\\?%|\\text\{\s*percent\s*\}|\bpercent\b/g, '');
  s = s.replace(/\\\$|\$/g, '');
  s = unwrap(s, 'text|textbf|textrm|mathrm|mbox|mathbf|textit|emph|hbox', (c) => ` ${c} `);
  s = s.replace(/(?<!\\)\\[,!;: ]|~/g, ' ');
  s = s.replace(/\\(?:quad|qquad)\b/g, ' ');
  s = s.replace(/\s+/g, ' ').trim();
  s = stripTrailingWords(s);
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

function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if ('{(['.includes(ch)) depth++;
    else if ('})]'.includes(ch) && --depth < 0) return false;
  }
  return depth === 0;
}
