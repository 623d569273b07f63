// Carbon intensity of electricity by grid region, from the table shipped in data/grid-carbon.csv (or one the caller
// names). Reads the file once per path; the lookup is pure.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { OptionError } from '../errors/index.ts';

/** The bundled table: region, name, gco2ePerKwh, year, basis, source, url; one grid a line; `#` lines are notes. */
export const DEFAULT_GRID_CARBON_FILE = fileURLToPath(new URL('../../data/grid-carbon.csv', import.meta.url));

/** One grid region's intensity, with where it was published: every carbon figure derived from it carries this. */
export interface GridIntensity {
  /** The code `gridRegion` takes: an ISO 3166 country code, `EU`, `WORLD`, `US-EGRID`. */
  region: string;
  name: string;
  gco2PerKwh: number;
  /** The year the intensity describes. */
  year: number;
  /** `lifecycle` (combustion and supply chain, CO2e) or `combustion CO2`. */
  basis: string;
  /** The publication. */
  source: string;
  url: string;
}

const COLUMNS = ['region', 'name', 'gco2ePerKwh', 'year', 'basis', 'source', 'url'] as const;
const tables = new Map<string, GridIntensity[]>();

/** Every row of a grid-carbon table. Throws naming the file, the line and the field of a bad row. */
export function gridTable(file: string = DEFAULT_GRID_CARBON_FILE): GridIntensity[] {
  const cached = tables.get(file);
  if (cached) return cached;
  const records = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, comment: '#', info: true }) as Array<{
    record: Record<string, string>;
    info: { lines: number };
  }>;
  const rows = records.map(({ record, info }) => {
    const where = `${file} line ${info.lines}`;
    for (const column of COLUMNS) {
      if (!record[column]) throw new Error(`${where}: ${column} is empty; every row needs ${COLUMNS.join(', ')}`);
    }
    const gco2PerKwh = Number(record.gco2ePerKwh);
    const year = Number(record.year);
    if (!(gco2PerKwh >= 0)) throw new Error(`${where}: gco2ePerKwh must be a number of grams, 0 or more; got ${JSON.stringify(record.gco2ePerKwh)}`);
    if (!Number.isInteger(year) || year < 1990) throw new Error(`${where}: year must be a year like 2023; got ${JSON.stringify(record.year)}`);
    return { region: record.region!, name: record.name!, gco2PerKwh, year, basis: record.basis!, source: record.source!, url: record.url! };
  });
  tables.set(file, rows);
  return rows;
}

/** Edit distance between two strings (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The rows most like `name`: a code or name containing it (or contained in it), then the fewest edits away; at most 5. */
export function nearGridRegions(name: string, rows: readonly GridIntensity[]): GridIntensity[] {
  const wanted = name.trim().toLowerCase();
  const score = (row: GridIntensity): number => {
    const keys = [row.region.toLowerCase(), row.name.toLowerCase()];
    if (keys.some((key) => wanted.length >= 2 && (key.includes(wanted) || wanted.includes(key)))) return 0;
    return Math.min(...keys.map((key) => editDistance(wanted, key) / Math.max(wanted.length, key.length)));
  };
  return rows
    .map((row) => ({ row, score: score(row) }))
    .filter(({ score }) => score <= 0.5)
    .sort((a, b) => a.score - b.score)
    .slice(0, 5)
    .map(({ row }) => row);
}

/**
 * The grid region named by its code (`DE`, `us-egrid`) or full name (`Germany`), in any case. An unknown name throws
 * an OptionError on `gridRegion` listing the nearest entries and the fix.
 */
export function gridIntensity(name: string, file: string = DEFAULT_GRID_CARBON_FILE): GridIntensity {
  const rows = gridTable(file);
  const wanted = name.trim().toLowerCase();
  const found = rows.find((row) => row.region.toLowerCase() === wanted || row.name.toLowerCase() === wanted);
  if (found) return found;
  const near = nearGridRegions(name, rows);
  const suggestion = near.length > 0 ? `; nearest: ${near.map((row) => `${row.region} (${row.name})`).join(', ')}` : '';
  throw new OptionError(
    'gridRegion',
    'invalid',
    `gridRegion ${JSON.stringify(name)} is not in ${file}${suggestion}. Use one of its region codes (${rows.map((row) => row.region).join(', ')}), or give gco2PerKwh yourself.`,
  );
}

/** How a carbon figure names its intensity: "381 gCO2e/kWh (DE, Germany, 2023, lifecycle: Ember ..., https://...)". */
export function describeGrid(grid: GridIntensity): string {
  return `${grid.gco2PerKwh} gCO2e/kWh (${grid.region}, ${grid.name}, ${grid.year}, ${grid.basis}: as published in ${grid.source}, ${grid.url})`;
}
