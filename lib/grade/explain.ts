import type { GradeSpan, GradeStatus } from './types.ts';

/** A graded response, as stored by a run or produced by `gradeRecords`. */
export interface ExplainRow {
  id: string;
  response: string;
  pred: string | null;
  status: GradeStatus;
  rule: string;
  span?: GradeSpan | null;
  correct?: boolean;
  reference?: string;
}

export interface ExplainFilter {
  /** Only rows with this status (or one of these). */
  status?: GradeStatus | readonly GradeStatus[];
  /** id -> another grader's pred: only rows whose pred differs from it (ids not in the map are left out). */
  disagreeWith?: ReadonlyMap<string, string | null> | Readonly<Record<string, string | null>>;
}

export interface Explanation {
  /** One <section> per row, the span wrapped in <mark>. */
  html: string;
  /** The same, the span wrapped in [[ ]]. */
  text: string;
  /** How many rows were rendered. */
  count: number;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function otherPred(filter: ExplainFilter, id: string): { known: boolean; pred: string | null } {
  const source = filter.disagreeWith;
  if (source === undefined) return { known: false, pred: null };
  if (source instanceof Map) return { known: source.has(id), pred: source.get(id) ?? null };
  const record = source as Readonly<Record<string, string | null>>;
  return { known: Object.hasOwn(record, id), pred: record[id] ?? null };
}

function selected(row: ExplainRow, filter: ExplainFilter): boolean {
  if (filter.status !== undefined) {
    const wanted = typeof filter.status === 'string' ? [filter.status] : filter.status;
    if (!wanted.includes(row.status)) return false;
  }
  if (filter.disagreeWith !== undefined) {
    const other = otherPred(filter, row.id);
    if (!other.known || other.pred === row.pred) return false;
  }
  return true;
}

/** The span, if it still points at the same text of this response (a stale span is not highlighted). */
function validSpan(row: ExplainRow): GradeSpan | null {
  const s = row.span;
  if (!s || s.start < 0 || s.end > row.response.length || s.start > s.end) return null;
  return row.response.slice(s.start, s.end) === s.text ? s : null;
}

function header(row: ExplainRow, filter: ExplainFilter): string {
  const parts = [`${row.id}`, `pred=${row.pred ?? '∅'}`, `status=${row.status}`, `rule=${row.rule}`];
  if (row.reference !== undefined) parts.push(`reference=${row.reference}`);
  if (row.correct !== undefined) parts.push(row.correct ? 'correct' : 'wrong');
  const other = otherPred(filter, row.id);
  if (other.known) parts.push(`other=${other.pred ?? '∅'}`);
  return parts.join('  ');
}

/**
 * Renders graded responses for reading in a notebook: each with its verdict and the text the deciding
 * rule read highlighted, so a wrong extraction is visible at a glance. Pure: no I/O.
 */
export function explainGrades(rows: readonly ExplainRow[], filter: ExplainFilter = {}): Explanation {
  const html: string[] = [];
  const text: string[] = [];
  let count = 0;
  for (const row of rows) {
    if (!selected(row, filter)) continue;
    count++;
    const span = validSpan(row);
    const before = span ? row.response.slice(0, span.start) : row.response;
    const inside = span ? span.text : '';
    const after = span ? row.response.slice(span.end) : '';
    const h = header(row, filter);
    html.push(
      `<section class="ipw-grade"><header><code>${escapeHtml(h)}</code></header>` +
        `<pre style="white-space:pre-wrap">${escapeHtml(before)}${span ? `<mark>${escapeHtml(inside)}</mark>` : ''}${escapeHtml(after)}</pre></section>`,
    );
    text.push(`${h}\n${before}${span ? `[[${inside}]]` : ''}${after}`);
  }
  return { html: html.join('\n'), text: text.join('\n\n---\n\n'), count };
}
