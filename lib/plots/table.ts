/** Rows as an HTML table for notebooks (and aligned plain text for terminals and logs). */
import { formatNumber } from '../metrics/index.ts';
import { MIME_BUNDLE, escapeHtml, type Displayable, type MimeBundle } from './mime.ts';

export interface TableColumn {
  /** Property of each row. */
  key: string;
  label?: string;
  /** Cell text; the default formats numbers to 4 significant digits and intervals as [lo, hi]. */
  format?: (value: unknown, row: Readonly<Record<string, unknown>>) => string;
}

export interface HtmlTableOptions {
  /** Keys or column specs, in order; default: every key seen in the rows except `ci`. */
  columns?: readonly (string | TableColumn)[];
  caption?: string;
  /** Rows shown before the rest are summarised as "... N more rows" (default 200). */
  maxRows?: number;
  /** Longer strings are cut with an ellipsis (default 120); the HTML keeps the full text in a tooltip. */
  maxTextChars?: number;
}

const DEFAULT_MAX_ROWS = 200;
const DEFAULT_MAX_TEXT = 120;

function isInterval(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number');
}

export function formatInterval([lo, hi]: readonly [number, number]): string {
  return `[${formatNumber(lo, 3)}, ${formatNumber(hi, 3)}]`;
}

/** Default cell text. Integers print in full (counts, token numbers); other numbers to 4 significant digits. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (isInterval(value)) return formatInterval(value);
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const length = (value as ArrayLike<unknown>).length;
    return `[${length} value${length === 1 ? '' : 's'}]`;
  }
  return JSON.stringify(value) ?? String(value);
}

function resolveColumns(rows: readonly Readonly<Record<string, unknown>>[], options: HtmlTableOptions): TableColumn[] {
  if (options.columns) return options.columns.map((column) => (typeof column === 'string' ? { key: column } : column));
  const keys: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (key !== 'ci' && !keys.includes(key)) keys.push(key);
  return keys.map((key) => ({ key }));
}

/** Summary rows keep intervals under `ci.<metric>`; show them next to the metric, as "0.62 [0.55, 0.69]". */
function cellText(column: TableColumn, row: Readonly<Record<string, unknown>>): string {
  const value = row[column.key];
  if (column.format) return column.format(value, row);
  const text = formatCell(value);
  const ci = row.ci as Record<string, unknown> | undefined;
  const interval = ci && typeof ci === 'object' ? ci[column.key] : undefined;
  return isInterval(interval) && typeof value === 'number' ? `${text} ${formatInterval(interval)}` : text;
}

function truncate(text: string, maxChars: number): string {
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

/** A table that displays itself: HTML in notebooks, aligned text elsewhere. */
export class Table implements Displayable {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly Readonly<Record<string, unknown>>[];
  readonly caption: string | undefined;
  private readonly maxRows: number;
  private readonly maxTextChars: number;

  constructor(rows: readonly object[], options: HtmlTableOptions = {}) {
    this.rows = rows as readonly Readonly<Record<string, unknown>>[];
    this.columns = resolveColumns(this.rows, options);
    this.caption = options.caption;
    this.maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
    this.maxTextChars = options.maxTextChars ?? DEFAULT_MAX_TEXT;
  }

  private shownRows(): readonly Readonly<Record<string, unknown>>[] {
    return this.rows.slice(0, this.maxRows);
  }

  private moreRowsNote(): string | undefined {
    const hidden = this.rows.length - this.maxRows;
    return hidden > 0 ? `... ${hidden} more row${hidden === 1 ? '' : 's'}` : undefined;
  }

  /** Numeric columns align right so digits line up. */
  private numericColumns(): boolean[] {
    return this.columns.map((column) => {
      const values = this.rows.map((row) => row[column.key]).filter((v) => v !== null && v !== undefined);
      return values.length > 0 && values.every((v) => typeof v === 'number');
    });
  }

  toHTML(): string {
    const numeric = this.numericColumns();
    const align = (c: number) => (numeric[c] ? ' style="text-align:right"' : ' style="text-align:left"');
    const head = this.columns.map((column, c) => `<th${align(c)}>${escapeHtml(column.label ?? column.key)}</th>`).join('');
    const body = this.shownRows()
      .map((row) => {
        const cells = this.columns.map((column, c) => {
          const full = cellText(column, row);
          const shown = truncate(full, this.maxTextChars);
          const title = shown === full ? '' : ` title="${escapeHtml(full)}"`;
          return `<td${align(c)}${title}>${escapeHtml(shown)}</td>`;
        });
        return `<tr>${cells.join('')}</tr>`;
      })
      .join('');
    const note = this.moreRowsNote();
    const foot = note ? `<tfoot><tr><td colspan="${this.columns.length}">${escapeHtml(note)}</td></tr></tfoot>` : '';
    const caption = this.caption ? `<caption>${escapeHtml(this.caption)}</caption>` : '';
    return `<table class="ipw-table">${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody>${foot}</table>`;
  }

  toString(): string {
    const numeric = this.numericColumns();
    const header = this.columns.map((column) => column.label ?? column.key);
    const cells = this.shownRows().map((row) => this.columns.map((column) => truncate(cellText(column, row), this.maxTextChars).replace(/\s+/g, ' ')));
    const widths = header.map((h, c) => Math.max(h.length, ...cells.map((line) => line[c]!.length)));
    const render = (values: readonly string[]) =>
      values.map((value, c) => (numeric[c] ? value.padStart(widths[c]!) : value.padEnd(widths[c]!))).join('  ').trimEnd();
    const lines = [render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(render)];
    if (this.caption) lines.unshift(this.caption);
    const note = this.moreRowsNote();
    if (note) lines.push(note);
    return lines.join('\n');
  }

  [MIME_BUNDLE](): MimeBundle {
    return { 'text/html': this.toHTML(), 'text/plain': this.toString() };
  }
}

/**
 * A table of row objects (results, summary rows, anything tabular) that displays itself: an HTML table in a notebook,
 * aligned text elsewhere. Confidence intervals (`[lo, hi]`) print as intervals; long text is cut (`maxTextChars`).
 */
export function htmlTable(rows: readonly object[], options: HtmlTableOptions = {}): Table {
  return new Table(rows, options);
}
