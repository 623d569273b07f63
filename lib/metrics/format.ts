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

/** What a row says about its energy: enough to tell apart rows that must not be pooled. */
export type EnergyLabelled = Pick<SummaryRow, 'energySource' | 'energyMethod' | 'energyIsEstimate' | 'energyDomain'>;

/** True when the row's energy was not measured at all (source `none`): its energy figures are NaN by design. */
export function energyNotMeasured(row: Partial<EnergyLabelled>): boolean {
  return row.energySource === 'none';
}

/** The distinct energy labels of the rows, in first-seen order; `labelIndex` gives each row's position in it. */
export function energyLabels(rows: readonly Partial<EnergyLabelled>[]): { labels: Partial<EnergyLabelled>[]; labelIndex: number[] } {
  const labels: Partial<EnergyLabelled>[] = [];
  const ids: string[] = [];
  const labelIndex = rows.map((row) => {
    const id = JSON.stringify([row.energySource, row.energyMethod, row.energyIsEstimate, row.energyDomain]);
    let index = ids.indexOf(id);
    if (index < 0) {
      index = ids.push(id) - 1;
      labels.push({ energySource: row.energySource, energyMethod: row.energyMethod, energyIsEstimate: row.energyIsEstimate, energyDomain: row.energyDomain });
    }
    return index;
  });
  return { labels, labelIndex };
}

/** One label in words: "[1] rapl (energy-counter), domain rapl:package-0: measured". */
export function describeEnergyLabel(label: Partial<EnergyLabelled>, index: number): string {
  const ref = `[${index + 1}]`;
  if (energyNotMeasured(label)) return `${ref} not measured: ${(label.energyMethod ?? '').replace(/^not measured:\s*/, '') || 'no energy source'}`;
  const domain = label.energyDomain ? `, domain ${label.energyDomain}` : '';
  const kind = label.energyIsEstimate ? 'ESTIMATED (a model, not a measurement)' : label.energyIsEstimate === false ? 'measured' : 'provenance unknown';
  return `${ref} ${label.energySource ?? 'unknown source'} (${label.energyMethod ?? 'method unknown'})${domain}: ${kind}`;
}

/**
 * The header line of any table of energy figures: whether they were measured, estimated (and in how many
 * rows), or not measured, so an estimate is never read as a measurement.
 */
export function energyHeadline(rows: readonly Partial<EnergyLabelled>[]): string {
  const estimated = rows.filter((row) => row.energyIsEstimate === true && !energyNotMeasured(row)).length;
  const unmeasured = rows.filter(energyNotMeasured).length;
  const measured = rows.filter((row) => row.energyIsEstimate === false && !energyNotMeasured(row)).length;
  const parts: string[] = [];
  if (estimated > 0) {
    parts.push(estimated === rows.length ? 'ESTIMATED in every row (a model, not a measurement)' : `ESTIMATED in ${estimated} of ${rows.length} rows (a model, not a measurement)`);
  }
  if (measured > 0) parts.push(measured === rows.length ? 'measured' : `measured in ${measured} of ${rows.length} rows`);
  if (unmeasured > 0) parts.push(unmeasured === rows.length ? 'not measured' : `not measured in ${unmeasured} of ${rows.length} rows`);
  const unknown = rows.length - estimated - unmeasured - measured;
  if (unknown > 0) parts.push(`of unknown provenance in ${unknown} of ${rows.length} rows`);
  return `Energy: ${parts.join('; ') || 'no rows'}. Sources:`;
}

interface Column {
  header: string;
  alignRight: boolean;
  cell: (row: SummaryRow, label: number) => string;
}

/** An energy figure, or why there is none. */
function energyCell(row: SummaryRow, value: number, derived: boolean): string {
  if (energyNotMeasured(row)) return derived ? 'n/a' : 'not measured';
  return formatNumber(value);
}

/**
 * A plain-text table with aligned columns, for the terminal. It opens with the energy headline and one line
 * per energy label (source, method, domain; the reason where energy was not measured), and each row names
 * its label. Key columns appear only when some row has that key. Accuracy carries its confidence interval
 * when the rows were bootstrapped.
 */
export function formatTable(rows: readonly SummaryRow[]): string {
  const { labels, labelIndex } = energyLabels(rows);
  const columns: Column[] = [
    ...KEY_COLUMNS.filter((key) => rows.some((row) => row[key] !== undefined)).map((key) => ({
      header: key,
      alignRight: false,
      cell: (row: SummaryRow) => row[key] ?? '',
    })),
    { header: 'energy', alignRight: false, cell: (row, label) => `${row.energySource} [${label + 1}]` },
    { header: 'n', alignRight: true, cell: (row) => String(row.queries) },
    {
      header: 'accuracy',
      alignRight: true,
      cell: (row) => row.accuracy.toFixed(3) + (row.ci ? ` ${formatInterval(row.ci.accuracy)}` : ''),
    },
    { header: 'J/query', alignRight: true, cell: (row) => energyCell(row, row.meanEnergyJ, false) },
    { header: 'W', alignRight: true, cell: (row) => energyCell(row, row.meanPowerW, false) },
    { header: 'IPW', alignRight: true, cell: (row) => energyCell(row, row.ipw, true) },
    { header: 'IPJ', alignRight: true, cell: (row) => energyCell(row, row.ipj, true) },
    { header: 'no-answer %', alignRight: true, cell: (row) => (row.noAnswerRate * 100).toFixed(1) },
    // Shown only where some query could not run, so that an error is never read as a wrong answer.
    ...(rows.some((row) => row.errorRate > 0)
      ? [{ header: 'error %', alignRight: true, cell: (row: SummaryRow) => (row.errorRate * 100).toFixed(1) }]
      : []),
  ];
  const cells = rows.map((row, r) => columns.map((column) => column.cell(row, labelIndex[r] as number)));
  const widths = columns.map((column, c) => Math.max(column.header.length, ...cells.map((line) => line[c]?.length ?? 0)));
  const render = (values: readonly string[]): string =>
    values
      .map((value, c) => (columns[c]?.alignRight ? value.padStart(widths[c] ?? 0) : value.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const lines = [
    energyHeadline(rows),
    ...labels.map((label, i) => `  ${describeEnergyLabel(label, i)}`),
    render(columns.map((column) => column.header)),
    widths.map((w) => '-'.repeat(w)).join('  '),
  ];
  for (const line of cells) lines.push(render(line));
  return lines.join('\n');
}
