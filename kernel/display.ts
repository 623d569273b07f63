// Converts values to Jupyter MIME bundles: the provider protocol from display-api.ts, plain text via
// util.inspect, and an HTML table for arrays of plain row objects.
import { inspect } from 'node:util';
import { MIME_BUNDLE, isMimeBundle, type MimeBundle } from './display-api.ts';

const TABLE_ROWS = 200;

export function plainText(value: unknown): string {
  return typeof value === 'string' ? inspect(value) : inspect(value, { depth: 4, maxArrayLength: 100, breakLength: 100 });
}

type BundleMethod = () => MimeBundle | Promise<MimeBundle>;

function providerMethod(value: unknown): BundleMethod | undefined {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  const v = value as Record<PropertyKey, unknown>;
  const method = v[MIME_BUNDLE] ?? v['toMimeBundle'];
  return typeof method === 'function' ? (method as BundleMethod).bind(value) : undefined;
}

/**
 * The bundle for a value. `explicitBundle` lets `display({'text/html': ...})` send a literal bundle, while the
 * same object as a cell's last expression is shown as the object it is.
 */
export async function toBundle(value: unknown, explicitBundle: boolean): Promise<MimeBundle> {
  const method = providerMethod(value);
  if (method !== undefined) {
    const bundle = await method();
    return 'text/plain' in bundle ? bundle : { ...bundle, 'text/plain': plainText(value) };
  }
  if (explicitBundle && isMimeBundle(value)) return value;
  const bundle: MimeBundle = { 'text/plain': plainText(value) };
  const table = htmlTable(value);
  if (table !== undefined) bundle['text/html'] = table;
  return bundle;
}

function isPlainRow(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function cellText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  return inspect(v, { depth: 1, breakLength: Infinity });
}

/** An HTML table for a non-empty array of plain objects (query results, metric rows); undefined otherwise. */
export function htmlTable(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isPlainRow)) return undefined;
  const rows = value as Record<string, unknown>[];
  const columns = [...new Set(rows.slice(0, 1000).flatMap((r) => Object.keys(r)))];
  const head = `<tr><th></th>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = rows.slice(0, TABLE_ROWS).map((r, i) => {
    const cells = columns.map((c) => {
      const v = r[c];
      const align = typeof v === 'number' || typeof v === 'bigint' ? ' style="text-align:right"' : '';
      return `<td${align}>${escapeHtml(cellText(v))}</td>`;
    });
    return `<tr><th>${i}</th>${cells.join('')}</tr>`;
  });
  const more = rows.length > TABLE_ROWS ? `<p>${rows.length - TABLE_ROWS} more rows (${rows.length} in all)</p>` : '';
  return `<table class="ipw-table"><thead>${head}</thead><tbody>${body.join('')}</tbody></table>${more}`;
}
