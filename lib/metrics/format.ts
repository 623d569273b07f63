import type { GroupKey, Interval, SummaryRow } from './types.ts';

const KEY_COLUMNS: readonly GroupKey[] = ['model', 'accelerator', 'domain'];

/**
 * About four significant digits without exponent notation in the usual range: energies span
 * millijoules to kilojoules and IPW values are often around 0.01, so fixed decimals would not do.
 */
export function formatNumber(value: number, significant = 4): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return '0';
  if (Math.abs(value) >= 10 ** significant) return Math.round(value).toString();
  return Number(value.toPrecision(significant)).toString();
}

function formatInterval([lo, hi]: Interval): string {
  return `[${lo.toFixed(3)}, ${hi.toFixed(3)}]`;
}

interface Column {
  header: string;
  alignRight: boolean;
  cell: (row: SummaryRow) => string;
}

/**
 * A plain-text table with aligned columns, for the terminal. Key columns appear only when some row has
 * that key. Accuracy carries its confidence interval when the rows were bootstrapped.
 */
export function formatTable(rows: readonly SummaryRow[]): string {
  const columns: Column[] = [
    ...KEY_COLUMNS.filter((key) => rows.some((row) => row[key] !== undefined)).map((key) => ({
      header: key,
      alignRight: false,
      cell: (row: SummaryRow) => row[key] ?? '',
    })),
    { header: 'n', alignRight: true, cell: (row) => String(row.queries) },
    {
      header: 'accuracy',
      alignRight: true,
      cell: (row) => row.accuracy.toFixed(3) + (row.ci ? ` ${formatInterval(row.ci.accuracy)}` : ''),
    },
    { header: 'J/query', alignRight: true, cell: (row) => formatNumber(row.meanEnergyJ) },
    { header: 'W', alignRight: true, cell: (row) => formatNumber(row.meanPowerW) },
    { header: 'IPW', alignRight: true, cell: (row) => formatNumber(row.ipw) },
    { header: 'IPJ', alignRight: true, cell: (row) => formatNumber(row.ipj) },
    { header: 'no-answer %', alignRight: true, cell: (row) => (row.noAnswerRate * 100).toFixed(1) },
  ];
  const cells = rows.map((row) => columns.map((column) => column.cell(row)));
  const widths = columns.map((column, c) => Math.max(column.header.length, ...cells.map((line) => line[c]?.length ?? 0)));
  const render = (values: readonly string[]): string =>
    values
      .map((value, c) => (columns[c]?.alignRight ? value.padStart(widths[c] ?? 0) : value.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const lines = [render(columns.map((column) => column.header)), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const line of cells) lines.push(render(line));
  return lines.join('\n');
}
