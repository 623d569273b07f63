/** Shared reading of plot input rows: labels, CIs as error bars, and whether energy was estimated. */
import type { Interval, SummaryRow } from '../metrics/index.ts';
import type { ErrorBars } from './types.ts';

/**
 * Where a row's energy came from. Query results and lib/metrics summary rows carry all of it; rows built by
 * hand may leave it out (the plot then says "unknown", or takes `energyIsEstimate` from its options).
 */
export interface EnergyProvenance {
  energyIsEstimate?: boolean;
  energySource?: string;
  energyMethod?: string;
  energyDomain?: string;
}

/** A summary row as plots take it: lib/metrics' `SummaryRow`, with the energy label optional. */
export type PlotSummaryRow = Omit<SummaryRow, keyof EnergyProvenance> & EnergyProvenance;

export type EnergyLabel = 'measured' | 'estimated' | 'partly estimated' | 'unknown';

/** An explicit flag wins; otherwise rows decide. Rows that say nothing leave the label 'unknown' (no claim either way). */
export function energyLabel(rows: readonly EnergyProvenance[], explicit?: boolean): EnergyLabel {
  if (explicit !== undefined) return explicit ? 'estimated' : 'measured';
  let estimated = 0;
  let measured = 0;
  for (const row of rows) {
    const flag = row.energyIsEstimate ?? (row.energySource === undefined ? undefined : row.energySource === 'estimated');
    if (flag === true) estimated++;
    else if (flag === false) measured++;
  }
  if (estimated === 0) return measured > 0 ? 'measured' : 'unknown';
  return measured > 0 ? 'partly estimated' : 'estimated';
}

export function isEstimateLabel(label: EnergyLabel): boolean {
  return label === 'estimated' || label === 'partly estimated';
}

/** "Energy per query (J)" -> "Energy per query (J, estimated)"; measured and unknown stay as they are. */
export function withEstimateNote(title: string, label: EnergyLabel): string {
  if (!isEstimateLabel(label)) return title;
  return title.endsWith(')') ? `${title.slice(0, -1)}, ${label})` : `${title} (${label})`;
}

/** The caveat shown under the title, because axis titles are easy to overlook in a slide. */
export function estimateNote(label: EnergyLabel, what = 'Energy'): string | undefined {
  if (!isEstimateLabel(label)) return undefined;
  return label === 'estimated'
    ? `${what} is estimated from a model of the hardware, not measured`
    : `${what} is partly estimated: some rows were not measured`;
}

/** "rapl (energy-counter: ...), domain rapl:package-0", or why energy was not measured. */
function sourceText(row: EnergyProvenance): string {
  if (row.energySource === 'none') return (row.energyMethod ?? 'not measured').replace(/^(not measured:\s*)?/, 'not measured: ');
  const method = row.energyMethod ? ` (${row.energyMethod})` : '';
  const domain = row.energyDomain ? `, domain ${row.energyDomain}` : '';
  return `${row.energySource}${method}${domain}`;
}

/**
 * The figure's provenance line: the estimate caveat when any energy is estimated, then every energy source
 * with its method and domain, so an exported figure says how its joules were obtained.
 */
export function provenanceNote(rows: readonly EnergyProvenance[], label: EnergyLabel, what = 'Energy'): string | undefined {
  const sources = [...new Set(rows.filter((row) => row.energySource !== undefined).map(sourceText))];
  const caveat = estimateNote(label, what);
  if (sources.length === 0) return caveat;
  return caveat ? `${caveat}: ${sources.join('; ')}` : `${what}: ${sources.join('; ')}`;
}

/**
 * Series names: the accelerator, plus the energy source when rows differ in it, so one series never mixes
 * measured and estimated (or differently measured) energy.
 */
export function seriesKeyOf(rows: readonly (EnergyProvenance & { accelerator?: string })[]): (row: EnergyProvenance & { accelerator?: string }) => string {
  const splitBySource = new Set(rows.map((row) => `${row.energySource}|${row.energyMethod}|${row.energyIsEstimate}|${row.energyDomain}`)).size > 1;
  return (row) => {
    const accelerator = row.accelerator ?? '';
    if (!splitBySource) return accelerator;
    const where = row.energyDomain || row.energySource || 'unknown source';
    const source = row.energyIsEstimate && !where.startsWith('estimated') ? `${where}, estimated` : where;
    return accelerator ? `${accelerator} · ${source}` : source;
  };
}

/** "model / accelerator / domain" for the keys a summary row was grouped by. */
export function rowLabel(row: Pick<SummaryRow, 'model' | 'accelerator' | 'domain'>, keys: readonly ('model' | 'accelerator' | 'domain')[] = ['model', 'accelerator', 'domain']): string {
  return keys
    .map((key) => row[key])
    .filter((value): value is string => value !== undefined && value !== '')
    .join(' / ');
}

/** Keys whose value differs between rows: labels show only what tells rows apart. */
export function varyingKeys(rows: readonly Pick<SummaryRow, 'model' | 'accelerator' | 'domain'>[], keys: readonly ('model' | 'accelerator' | 'domain')[]): ('model' | 'accelerator' | 'domain')[] {
  return keys.filter((key) => new Set(rows.map((row) => row[key])).size > 1);
}

export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * Plotly error bars from percentile intervals. A bootstrap percentile interval need not contain the point
 * estimate, so lengths are clamped at zero rather than drawn inverted.
 */
export function intervalErrorBars(values: readonly number[], intervals: readonly (Interval | undefined)[], color?: string): ErrorBars | undefined {
  if (intervals.every((interval) => interval === undefined)) return undefined;
  const array: (number | null)[] = [];
  const arrayminus: (number | null)[] = [];
  values.forEach((value, i) => {
    const interval = intervals[i];
    const usable = interval && Number.isFinite(value) && Number.isFinite(interval[0]) && Number.isFinite(interval[1]);
    array.push(usable ? Math.max(0, interval[1] - value) : null);
    arrayminus.push(usable ? Math.max(0, value - interval[0]) : null);
  });
  return { type: 'data', symmetric: false, array, arrayminus, visible: true, thickness: 1.5, width: 4, ...(color ? { color } : {}) };
}

/** Group rows by a key, keeping first-seen order so legends follow the caller's row order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
