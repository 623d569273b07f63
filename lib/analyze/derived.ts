// Cost and carbon per query and per correct answer, per model x accelerator x energy label: derived figures
// (energy x the user's rates), labelled as estimates with what they were derived from.
import { costAndCarbon, resolveRates, type EnergyRates } from '../efficiency/index.ts';
import { describeEnergyLabel, formatNumber } from '../metrics/index.ts';
import { quoteIdent } from '../store/index.ts';
import type { Study } from './study.ts';
import type { Table, TableValue } from './types.ts';

/** The inputs of one row: a model x accelerator x energy label, its accuracy, energy and seconds per query. */
export interface DerivedInput {
  model: string;
  accelerator: string;
  energySource: string;
  energyMethod: string;
  energyIsEstimate: boolean;
  energyDomain: string | null;
  queries: number;
  accuracy: number;
  /** Mean joules per query of the primary domain, gross (the IPW table's figure). */
  meanEnergyJ: number;
  /** Mean wall seconds per query, for hardware amortisation. */
  meanQueryS: number;
}

const KEYS = ['model', 'accelerator', 'energySource', 'energyMethod', 'energyIsEstimate', 'energyDomain'] as const;
const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['model', 'VARCHAR'], ['accelerator', 'VARCHAR'], ['energySource', 'VARCHAR'], ['energyMethod', 'VARCHAR'], ['energyIsEstimate', 'BOOLEAN'],
  ['energyDomain', 'VARCHAR'], ['queries', 'INTEGER'], ['accuracy', 'DOUBLE'], ['meanEnergyJ', 'DOUBLE'], ['meanQueryS', 'DOUBLE'],
  ['usdPerQuery', 'DOUBLE'], ['usdPerCorrect', 'DOUBLE'], ['usdEnergyPerQuery', 'DOUBLE'], ['usdHardwarePerQuery', 'DOUBLE'],
  ['gco2ePerQuery', 'DOUBLE'], ['gco2ePerCorrect', 'DOUBLE'],
  ['usdPerKwh', 'DOUBLE'], ['gco2ePerKwh', 'DOUBLE'], ['gridRegion', 'VARCHAR'], ['gridYear', 'INTEGER'], ['gridSource', 'VARCHAR'], ['gridUrl', 'VARCHAR'],
  ['hardwareUsd', 'DOUBLE'], ['hardwareLifeYears', 'DOUBLE'], ['hardwareUtilization', 'DOUBLE'],
  ['derivedFrom', 'VARCHAR'],
];

const orNull = (value: number | undefined): number | null => (value === undefined || Number.isNaN(value) ? null : value);

/**
 * The derived-figures table of `inputs` at `rates` (lib/efficiency's costAndCarbon for each row): cost per query and
 * per correct answer (electricity plus any hardware amortisation, each part apart too), gCO2e per query and per correct
 * answer, the rates and grid source used, and `derivedFrom`, the figure's label. Undefined figures are null.
 */
export function derivedFiguresTable(inputs: readonly DerivedInput[], rates: EnergyRates): Table {
  const resolved = resolveRates(rates);
  const rows = inputs.map((input): Record<string, TableValue> => {
    const energyLabel = describeEnergyLabel({ ...input, energyDomain: input.energyDomain ?? undefined }, 0).replace(/^\[1\] /, '');
    const cost = costAndCarbon(input.meanEnergyJ, input.accuracy, resolved, { energyIsEstimate: input.energyIsEstimate, energyLabel, meanQueryS: input.meanQueryS });
    return {
      ...Object.fromEntries(KEYS.map((key) => [key, input[key]])),
      queries: input.queries,
      accuracy: orNull(input.accuracy),
      meanEnergyJ: orNull(input.meanEnergyJ),
      meanQueryS: orNull(input.meanQueryS),
      usdPerQuery: orNull(cost.usdPerQuery),
      usdPerCorrect: orNull(cost.usdPerCorrect),
      usdEnergyPerQuery: orNull(cost.usdEnergyPerQuery),
      usdHardwarePerQuery: orNull(cost.usdHardwarePerQuery),
      gco2ePerQuery: orNull(cost.gco2PerQuery),
      gco2ePerCorrect: orNull(cost.gco2PerCorrect),
      usdPerKwh: orNull(resolved.usdPerKwh),
      gco2ePerKwh: orNull(resolved.gco2PerKwh),
      gridRegion: resolved.grid?.region ?? null,
      gridYear: resolved.grid?.year ?? null,
      gridSource: resolved.grid?.source ?? null,
      gridUrl: resolved.grid?.url ?? null,
      hardwareUsd: orNull(resolved.hardwareUsd),
      hardwareLifeYears: orNull(resolved.hardwareLifeYears),
      hardwareUtilization: orNull(resolved.hardwareUtilization),
      derivedFrom: cost.method,
    };
  });
  return { columns: COLUMNS.map(([name]) => name), columnTypes: COLUMNS.map(([, type]) => type), rows };
}

/**
 * The derived figures of a study: one row per row of its IPW table over all domains (`ipwTable(study, { byDomain:
 * false })`, so accuracy and J/query are that table's own), with the mean seconds per query read from the results.
 */
export async function derivedTable(study: Study, ipw: Table, rates: EnergyRates): Promise<Table> {
  if (ipw.columns.includes('domain')) throw new Error('derivedTable needs the IPW table over all domains: ipwTable(study, { byDomain: false })');
  const keys = ipw.columns.slice(0, ipw.columns.indexOf('queries'));
  const durations = await study.query(
    `SELECT ${keys.map(quoteIdent).join(', ')}, avg(durationMs) / 1000 AS meanQueryS FROM results GROUP BY ALL`,
  );
  const id = (row: Record<string, TableValue>) => JSON.stringify(keys.map((key) => row[key] ?? null));
  const seconds = new Map(durations.rows.map((row) => [id(row), Number(row.meanQueryS)]));
  const inputs = ipw.rows.map((row): DerivedInput => ({
    model: String(row.model ?? ''),
    accelerator: String(row.accelerator ?? ''),
    energySource: String(row.energySource ?? ''),
    energyMethod: String(row.energyMethod ?? ''),
    energyIsEstimate: row.energyIsEstimate === true,
    energyDomain: row.energyDomain === undefined || row.energyDomain === null ? null : String(row.energyDomain),
    queries: Number(row.queries),
    accuracy: row.accuracy === null ? NaN : Number(row.accuracy),
    meanEnergyJ: row.meanEnergyJ === null ? NaN : Number(row.meanEnergyJ),
    meanQueryS: seconds.get(id(row)) ?? NaN,
  }));
  return derivedFiguresTable(inputs, rates);
}

function columns(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

const figure = (value: TableValue | undefined): string => (typeof value === 'number' ? formatNumber(value) : '-');

/**
 * The derived-figures table for a terminal: USD and gCO2e per query and per correct answer, each row referring to
 * what its figures were derived from (the energy label x the rates, with the grid's source and year), listed below.
 */
export function formatDerivedTable(table: Table): string {
  if (table.rows.length === 0) return 'Derived figures: no rows';
  const labels: string[] = [];
  const body = table.rows.map((row) => {
    const label = String(row.derivedFrom);
    const index = labels.includes(label) ? labels.indexOf(label) : labels.push(label) - 1;
    return [
      String(row.model), String(row.accelerator), `[${index + 1}]`,
      figure(row.usdPerQuery), figure(row.usdPerCorrect), figure(row.gco2ePerQuery), figure(row.gco2ePerCorrect),
    ];
  });
  const estimated = table.rows.some((row) => row.energyIsEstimate === true);
  return [
    `Derived figures (ESTIMATES, not measurements${estimated ? '; some from ESTIMATED energy' : ''}): cost and carbon per query`,
    columns(['model', 'accelerator', 'from', 'USD/query', 'USD/correct', 'gCO2e/query', 'gCO2e/correct'], body),
    ...labels.map((label, i) => `  [${i + 1}] ${label}`),
  ].join('\n');
}
