import type { BootstrapOptions } from '../metrics/index.ts';
import type { Table, TableValue } from './types.ts';
import { ENERGY_LABEL_KEYS, ipwTable } from './ipw.ts';
import { loadReleaseDates } from './release-dates.ts';
import type { Study } from './study.ts';

export interface TrendOptions {
  /** Model -> YYYY-MM-DD; default data/model-release-dates.csv. */
  releaseDates?: ReadonlyMap<string, string>;
  /** Any fields not given come from lib/metrics `BOOTSTRAP`. */
  bootstrap?: Partial<BootstrapOptions>;
}

const MS_PER_YEAR = 365.25 * 24 * 3600 * 1000;

/**
 * IPW (with interval) of each model x accelerator against its release date; undated models last, date null.
 * Rows keep `ipwTable`'s energy label columns: a model measured one way and estimated another gives two rows.
 */
export async function ipwTrend(study: Study, options: TrendOptions = {}): Promise<Table> {
  const dates = options.releaseDates ?? loadReleaseDates();
  const ipw = await ipwTable(study, { byDomain: false, bootstrap: options.bootstrap });
  const labels = ENERGY_LABEL_KEYS.filter((key) => ipw.columns.includes(key));
  const columns = ['model', 'accelerator', ...labels, 'releaseDate', 'queries', 'accuracy', 'ipw', 'ipwLo', 'ipwHi', 'ipj', 'meanPowerW'];
  const types = columns.map((c) => ipw.columnTypes[ipw.columns.indexOf(c)] ?? 'VARCHAR');
  const rows = ipw.rows
    .map((row) => {
      const out: Record<string, TableValue> = {};
      for (const c of columns) out[c] = c === 'releaseDate' ? (dates.get(String(row.model)) ?? null) : (row[c] ?? null);
      return out;
    })
    .sort((a, b) => {
      const da = a.releaseDate as string | null;
      const db = b.releaseDate as string | null;
      if (da !== db) return da === null ? 1 : db === null ? -1 : da < db ? -1 : 1;
      return String(a.model).localeCompare(String(b.model)) || String(a.accelerator).localeCompare(String(b.accelerator)) ||
        String(a.energySource).localeCompare(String(b.energySource));
    });
  return { columns, columnTypes: types, rows };
}

/**
 * Exponential trend of IPW over release date per accelerator and energy source (a fit never mixes measured
 * and estimated IPW): least squares of log2(IPW) on years, so the slope is doublings per year and its inverse
 * the doubling time. Points without a date or a positive IPW are left out.
 */
export function ipwTrendFit(trend: Table): Table {
  const groups = new Map<string, { accelerator: string; energySource: string | null; points: Array<[x: number, y: number]> }>();
  for (const row of trend.rows) {
    const ipw = row.ipw;
    if (typeof row.releaseDate !== 'string' || typeof ipw !== 'number' || !(ipw > 0)) continue;
    const accelerator = String(row.accelerator);
    const energySource = typeof row.energySource === 'string' ? row.energySource : null;
    const id = JSON.stringify([accelerator, energySource]);
    const group = groups.get(id) ?? { accelerator, energySource, points: [] };
    group.points.push([Date.parse(row.releaseDate) / MS_PER_YEAR + 1970, Math.log2(ipw)]);
    groups.set(id, group);
  }
  const rows = [...groups.values()]
    .sort((a, b) => a.accelerator.localeCompare(b.accelerator) || String(a.energySource).localeCompare(String(b.energySource)))
    .map(({ accelerator, energySource, points }) => ({ accelerator, energySource, ...fitLine(points) }));
  return {
    columns: ['accelerator', 'energySource', 'points', 'doublingsPerYear', 'doublingTimeYears', 'r2'],
    columnTypes: ['VARCHAR', 'VARCHAR', 'INTEGER', 'DOUBLE', 'DOUBLE', 'DOUBLE'],
    rows,
  };
}

function fitLine(points: ReadonlyArray<[number, number]>): Record<string, TableValue> {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
    syy += (y - my) ** 2;
  }
  // Fewer than two distinct dates give no slope; report that as null rather than a division by zero.
  const slope = sxx > 0 ? sxy / sxx : null;
  return {
    points: n,
    doublingsPerYear: slope,
    doublingTimeYears: slope !== null && slope !== 0 ? 1 / slope : null,
    r2: slope !== null && syy > 0 ? (sxy * sxy) / (sxx * syy) : null,
  };
}
