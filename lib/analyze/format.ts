import { formatNumber, formatTable, type SummaryRow } from '../metrics/index.ts';
import type { Table, TableValue } from './types.ts';

function cell(value: TableValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatNumber(value);
  if (Array.isArray(value)) return `[${value.map((v) => formatNumber(v)).join(', ')}]`;
  return String(value);
}

/**
 * Any analysis table as aligned plain text, numbers to about four significant digits. Columns of numbers are
 * right-aligned, and so are the columns named in `rightAligned` (numbers mixed with words such as "not measured").
 */
export function formatTextTable(table: Table, rightAligned: readonly string[] = []): string {
  const cells = table.rows.map((row) => table.columns.map((c) => cell(row[c] ?? null)));
  const numeric = table.columns.map((c) => rightAligned.includes(c) || table.rows.every((row) => row[c] === null || typeof row[c] === 'number'));
  const widths = table.columns.map((c, i) => Math.max(c.length, ...cells.map((line) => line[i]?.length ?? 0)));
  const render = (values: readonly string[]): string =>
    values.map((v, i) => (numeric[i] ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [render(table.columns), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(render)].join('\n');
}

const num = (value: TableValue | undefined): number => (typeof value === 'number' ? value : NaN);

/** An `ipwTable` result as lib/metrics summary rows, so the terminal shows the same table as before. */
export function toSummaryRows(table: Table): SummaryRow[] {
  return table.rows.map((row) => {
    const pair = (stat: string): [number, number] => [num(row[`${stat}Lo`]), num(row[`${stat}Hi`])];
    const summary: SummaryRow = {
      energySource: typeof row.energySource === 'string' ? row.energySource : 'unknown',
      energyMethod: typeof row.energyMethod === 'string' ? row.energyMethod : 'unknown',
      energyIsEstimate: row.energyIsEstimate === true,
      queries: num(row.queries),
      accuracy: num(row.accuracy),
      meanEnergyJ: num(row.meanEnergyJ),
      meanPowerW: num(row.meanPowerW),
      ipw: num(row.ipw),
      ipj: num(row.ipj),
      noAnswerRate: num(row.noAnswerRate),
      errorRate: num(row.errorRate),
      ci: { accuracy: pair('accuracy'), ipw: pair('ipw'), ipj: pair('ipj'), meanEnergyJ: pair('meanEnergyJ'), meanPowerW: pair('meanPowerW') },
    };
    for (const key of ['model', 'accelerator', 'domain', 'energyDomain'] as const) {
      const value = row[key];
      if (typeof value === 'string') summary[key] = value;
    }
    return summary;
  });
}

/** The IPW table in the layout `ipw analyze` has always printed. */
export function formatIpwTable(table: Table): string {
  return formatTable(toSummaryRows(table));
}
