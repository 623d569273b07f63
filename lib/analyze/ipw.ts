import { listValue, type DuckDBMaterializedResult, type DuckDBValue } from '@duckdb/node-api';
import {
  BOOTSTRAP_STATS, bootstrapGroups, compareText, FIXED_POINT_SCALE, percentileInterval, ratio, resolveBootstrap,
  type BootstrapCell, type BootstrapOptions, type GroupEstimate,
} from '../metrics/index.ts';
import { quoteIdent } from '../store/index.ts';
import { bindTypes, columnNames, type SqlValues } from './sql.ts';
import type { Study } from './study.ts';
import type { Table, TableValue } from './types.ts';

/** Columns a variant (one bar of a chart, one row of a table) can be keyed by. */
export type VariantKey =
  | 'model' | 'accelerator' | 'quantization' | 'host' | 'energySource' | 'energyMethod' | 'energyIsEstimate' | 'energyDomain';

/**
 * Always part of a variant, whatever `by` says: a row never pools energy from two sources, methods or
 * domains. `energyDomain` joins in when the results carry it.
 */
export const ENERGY_LABEL_KEYS = ['energySource', 'energyMethod', 'energyIsEstimate', 'energyDomain'] as const satisfies readonly VariantKey[];

const TAG_KEYS: ReadonlySet<VariantKey> = new Set(['quantization', 'host']);

export interface IpwTableOptions {
  /** Variant columns; default model and accelerator. The energy label columns are always added. */
  by?: readonly VariantKey[];
  /** One row per domain as well as per variant; default true. */
  byDomain?: boolean;
  /** Any fields not given come from lib/metrics `BOOTSTRAP`. */
  bootstrap?: Partial<BootstrapOptions>;
}

/** The statistics every row carries, each with `Lo`/`Hi` interval columns. */
export const IPW_STATS = BOOTSTRAP_STATS;

type KeyValue = string | boolean | null;

/** One variant's cells, per domain, as the study's rows reduce to them. */
interface Variant {
  keys: KeyValue[];
  cells: Map<string, BootstrapCell[]>;
  /** Per domain: queries left unanswered, and queries that could not run. */
  outcomes: Map<string, Outcomes>;
}

interface Outcomes {
  noAnswers: number;
  errors: number;
}

const addOutcomes = (a: Outcomes, b: Outcomes): Outcomes => ({ noAnswers: a.noAnswers + b.noAnswers, errors: a.errors + b.errors });
const NO_OUTCOMES: Outcomes = { noAnswers: 0, errors: 0 };

interface CellQuery {
  keys: readonly VariantKey[];
  /** Extra SQL condition on result rows (alias `r`), with its parameters bound by name. */
  where?: string;
  values?: Record<string, DuckDBValue>;
  bucketsPerDomain: number;
}

/** The variant keys asked for plus the energy label keys present in the results, without repeats. */
async function variantKeys(study: Study, by: readonly VariantKey[]): Promise<VariantKey[]> {
  const present = await columnNames(study.connection, 'results');
  const labels = ENERGY_LABEL_KEYS.filter((key) => present.has(key));
  return [...new Set([...by, ...labels])];
}

let cellTableCounter = 0;

const withTypes = (values: Record<string, DuckDBValue>): [SqlValues, ReturnType<typeof bindTypes>] => [values, bindTypes(values)];

/** A column of a materialized result, read straight from DuckDB's vectors (numbers only; null as NaN). */
function numberColumn(result: DuckDBMaterializedResult, column: number): Float64Array {
  const out = new Float64Array(result.rowCount);
  let row = 0;
  for (let chunkIndex = 0; chunkIndex < result.chunkCount; chunkIndex++) {
    const chunk = result.getChunk(chunkIndex);
    const vector = chunk.getColumnVector(column);
    for (let i = 0; i < chunk.rowCount; i++) out[row++] = (vector.getItem(i) as number | null) ?? NaN;
  }
  return out;
}

/**
 * The study's rows reduced to bootstrap cells per variant and domain, in SQL: the same cells lib/metrics
 * `summarize` builds from rows in JavaScript (power and energy summed as exact fixed-point integers, so both
 * engines reach the same numbers whatever order they add rows in).
 */
async function readVariants(study: Study, query: CellQuery): Promise<Variant[]> {
  const connection = study.connection;
  const source = query.keys.some((key) => TAG_KEYS.has(key)) ? 'tagged_results' : 'results';
  const keyList = query.keys.map((key) => `r.${quoteIdent(key)}`);
  // Rows are grouped by a hash of their variant keys and domain: much faster than grouping by several text
  // columns. The map below ties each hash back to its keys, and refuses a (never yet seen) collision.
  const groupHash = `hash(${[...keyList, 'r.domain'].join(', ')})`;
  const where = query.where ? `WHERE ${query.where}` : '';
  const fixedSum = (column: string): string =>
    `coalesce(sum(CASE WHEN isfinite(r.${column}) THEN floor(r.${column} * $scale)::BIGINT END), 0)::DOUBLE / $scale AS ${column},
     (count(*) FILTER (WHERE NOT coalesce(isfinite(r.${column}), false)))::DOUBLE AS ${column}Bad`;
  const id = ++cellTableCounter;
  const cellsTable = quoteIdent(`_ipw_cells${id}`);
  const groupsTable = quoteIdent(`_ipw_groups${id}`);
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${cellsTable} AS
     SELECT ${groupHash} AS g, (CASE WHEN $buckets::UBIGINT = 0 THEN q.queryHash ELSE q.queryHash % $buckets::UBIGINT END)::DOUBLE AS bucket,
       count(*)::DOUBLE AS n, (count(*) FILTER (WHERE r.correct))::DOUBLE AS c,
       ${fixedSum('meanPowerW')}, ${fixedSum('energyJ')},
       (count(*) FILTER (WHERE r.gradeStatus = 'no_answer'))::DOUBLE AS na,
       (count(*) FILTER (WHERE r.gradeStatus = 'error'))::DOUBLE AS err
     FROM ${source} r JOIN queries q USING (queryId) ${where}
     GROUP BY ALL`,
    ...withTypes({ ...query.values, buckets: query.bucketsPerDomain, scale: FIXED_POINT_SCALE }),
  );
  try {
    // One row per (variant, domain); its columns are named after the keys, so the same hash expression applies.
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${groupsTable} AS
       SELECT (row_number() OVER () - 1)::DOUBLE AS i, ${groupHash} AS g, r.* FROM (
         SELECT DISTINCT ${keyList.map((k, i) => `${k} AS ${quoteIdent(query.keys[i] as string)}`).join(', ')}, r.domain AS domain FROM ${source} r ${where}) r`,
      ...withTypes(query.values ?? {}),
    );
    const groups = (await connection.runAndReadAll(`SELECT * EXCLUDE (g) FROM ${groupsTable} ORDER BY i`)).getRowObjectsJS();
    const distinctHashes = Number((await connection.runAndReadAll(`SELECT count(DISTINCT g) AS n FROM ${groupsTable}`)).getRowObjectsJS()[0]?.n);
    if (distinctHashes !== groups.length) throw new Error('ipwTable: two variants share a group hash; rename one of them (a hash collision)');
    const variants = new Map<string, Variant>();
    const groupOf = groups.map((row) => {
      const keys = query.keys.map((key) => (row[key] ?? null) as KeyValue);
      const id = JSON.stringify(keys);
      let variant = variants.get(id);
      if (!variant) {
        variant = { keys, cells: new Map(), outcomes: new Map() };
        variants.set(id, variant);
      }
      const domain = String(row.domain);
      const cells: BootstrapCell[] = [];
      variant.cells.set(domain, cells);
      variant.outcomes.set(domain, NO_OUTCOMES);
      return { variant, domain, cells };
    });
    const result = await connection.run(
      `SELECT m.i, c.bucket, c.n, c.c, c.meanPowerW, c.meanPowerWBad, c.energyJ, c.energyJBad, c.na, c.err
       FROM ${cellsTable} c JOIN ${groupsTable} m USING (g)`,
    );
    const cellCount = Number((await connection.runAndReadAll(`SELECT count(*) AS n FROM ${cellsTable}`)).getRowObjectsJS()[0]?.n);
    if (result.rowCount !== cellCount) throw new Error(`ipwTable: ${cellCount - result.rowCount} cells matched no variant (internal error)`);
    const [i, bucket, n, c, p, pBad, e, eBad, na, err] = Array.from({ length: 10 }, (_, column) => numberColumn(result, column)) as [
      Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array,
    ];
    for (let row = 0; row < i.length; row++) {
      const group = groupOf[i[row] as number]!;
      group.cells.push({
        domain: group.domain,
        bucket: bucket[row] as number,
        queries: n[row] as number,
        correct: c[row] as number,
        powerSumW: (pBad[row] as number) > 0 ? NaN : (p[row] as number),
        energySumJ: (eBad[row] as number) > 0 ? NaN : (e[row] as number),
      });
      const outcomes = group.variant.outcomes.get(group.domain) ?? NO_OUTCOMES;
      group.variant.outcomes.set(group.domain, addOutcomes(outcomes, { noAnswers: na[row] as number, errors: err[row] as number }));
    }
    return [...variants.values()];
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${cellsTable}`);
    await connection.run(`DROP TABLE IF EXISTS ${groupsTable}`);
  }
}

function compareKeys(a: readonly KeyValue[], b: readonly KeyValue[]): number {
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i], b[i]];
    if (x === y) continue;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    const order = compareText(String(x), String(y));
    if (order !== 0) return order;
  }
  return 0;
}

/** Undefined figures (no energy measured, no draws) are null in tables, never 0. */
const nullIfNaN = (value: number): number | null => (Number.isNaN(value) ? null : value);

function statColumns(estimate: GroupEstimate): Record<string, TableValue> {
  const out: Record<string, TableValue> = {};
  for (const stat of IPW_STATS) {
    out[stat] = nullIfNaN(estimate.point[stat]);
    out[`${stat}Lo`] = nullIfNaN(estimate.ci[stat][0]);
    out[`${stat}Hi`] = nullIfNaN(estimate.ci[stat][1]);
  }
  return out;
}

const keyType = (key: VariantKey): string => (key === 'energyIsEstimate' ? 'BOOLEAN' : 'VARCHAR');

/**
 * Accuracy, mean J/query, mean W, IPW (accuracy / mean W) and IPJ (accuracy / mean J) per variant (and
 * domain), with the percentile intervals of lib/metrics' bootstrap: the same numbers `summarize` gives for
 * the same rows. Variants always include the energy source, method, estimate flag and domain, so measured
 * and estimated rows are never averaged together. Undefined figures (energy not measured) are null.
 */
export async function ipwTable(study: Study, options: IpwTableOptions = {}): Promise<Table> {
  const keys = await variantKeys(study, options.by ?? ['model', 'accelerator']);
  const byDomain = options.byDomain ?? true;
  const boot = resolveBootstrap(options.bootstrap);
  const variants = (await readVariants(study, { keys, bucketsPerDomain: boot.bucketsPerDomain })).sort((a, b) => compareKeys(a.keys, b.keys));
  interface Group { variant: Variant; domain: string | undefined; cells: BootstrapCell[]; outcomes: Outcomes }
  const groups = variants.flatMap((variant): Group[] => {
    const domains = [...variant.cells.keys()].sort(compareText);
    return byDomain
      ? domains.map((domain) => ({ variant, domain, cells: variant.cells.get(domain) ?? [], outcomes: variant.outcomes.get(domain) ?? NO_OUTCOMES }))
      : [{
          variant,
          domain: undefined,
          cells: domains.flatMap((domain) => variant.cells.get(domain) ?? []),
          outcomes: domains.reduce((sum, domain) => addOutcomes(sum, variant.outcomes.get(domain) ?? NO_OUTCOMES), NO_OUTCOMES),
        }];
  });
  const estimates = bootstrapGroups(groups.map((group) => group.cells), boot);
  const columns = [...keys, ...(byDomain ? ['domain'] : []), 'queries', ...IPW_STATS.flatMap((s) => [s, `${s}Lo`, `${s}Hi`]), 'noAnswerRate', 'errorRate'];
  const columnTypes = [...keys.map(keyType), ...(byDomain ? ['VARCHAR'] : []), 'INTEGER', ...IPW_STATS.flatMap(() => ['DOUBLE', 'DOUBLE', 'DOUBLE']), 'DOUBLE', 'DOUBLE'];
  const rows = groups.map((group, g) => {
    const estimate = estimates[g] as GroupEstimate;
    const row: Record<string, TableValue> = {};
    keys.forEach((key, i) => {
      row[key] = group.variant.keys[i] ?? null;
    });
    if (byDomain) row.domain = group.domain ?? null;
    row.queries = estimate.point.queries;
    Object.assign(row, statColumns(estimate));
    row.noAnswerRate = group.outcomes.noAnswers / estimate.point.queries;
    row.errorRate = group.outcomes.errors / estimate.point.queries;
    return row;
  });
  return { columns, columnTypes, rows };
}

export interface AcceleratorComparisonOptions {
  /** Models to compare; default every model that ran on both accelerators. */
  models?: readonly string[];
  /** The accelerator under study, e.g. "cpu". */
  local: string;
  /** The one it is compared against, e.g. "cuda". */
  reference: string;
  /** Any fields not given come from lib/metrics `BOOTSTRAP`. */
  bootstrap?: Partial<BootstrapOptions>;
}

/**
 * The same model on two accelerators: IPW and IPJ of each, and their ratios local / reference with
 * paired-bootstrap intervals, over the queries both ran (so neither gets an easier query mix). A side whose
 * runs used different energy sources gives one row per pair of sources, each side labelled.
 */
export async function compareAccelerators(study: Study, options: AcceleratorComparisonOptions): Promise<Table> {
  const boot = resolveBootstrap(options.bootstrap);
  const labels = (await variantKeys(study, [])).filter((key) => key !== 'model' && key !== 'accelerator');
  const keys: VariantKey[] = ['model', 'accelerator', ...labels];
  // A query counts when the model answered it on both accelerators; the pair is (model, queryId).
  const where = `r.accelerator IN ($local, $reference)
    AND ($models::VARCHAR[] IS NULL OR list_contains($models::VARCHAR[], r.model))
    AND (r.model, r.queryId) IN (
      SELECT (model, queryId) FROM results WHERE accelerator = $local
      INTERSECT SELECT (model, queryId) FROM results WHERE accelerator = $reference)`;
  const values = { local: options.local, reference: options.reference, models: options.models ? listValue([...options.models]) : null };
  const variants = (await readVariants(study, { keys, where, values, bucketsPerDomain: boot.bucketsPerDomain })).sort((a, b) =>
    compareKeys(a.keys, b.keys),
  );
  const estimates = bootstrapGroups(variants.map((variant) => [...variant.cells.values()].flat()), boot);
  const sides = variants.map((variant, i) => ({ variant, estimate: estimates[i] as GroupEstimate }));
  const labelColumns = (side: 'local' | 'reference') => labels.map((key) => `${side}${key[0]?.toUpperCase()}${key.slice(1)}`);
  const rows: Array<Record<string, TableValue>> = [];
  for (const local of sides.filter((s) => s.variant.keys[1] === options.local)) {
    for (const reference of sides.filter((s) => s.variant.keys[1] === options.reference && s.variant.keys[0] === local.variant.keys[0])) {
      const ratioDraws = (stat: 'ipw' | 'ipj'): Float64Array =>
        local.estimate.draws[stat].map((value, b) => ratio(value, reference.estimate.draws[stat][b] as number));
      const pointRatio = (stat: 'ipw' | 'ipj'): number => ratio(local.estimate.point[stat], reference.estimate.point[stat]);
      const ipwInterval = percentileInterval(ratioDraws('ipw'), boot.confidence);
      const ipjInterval = percentileInterval(ratioDraws('ipj'), boot.confidence);
      const row: Record<string, TableValue> = { model: local.variant.keys[0] ?? null, localAccelerator: options.local, referenceAccelerator: options.reference };
      labelColumns('local').forEach((column, i) => {
        row[column] = local.variant.keys[i + 2] ?? null;
      });
      labelColumns('reference').forEach((column, i) => {
        row[column] = reference.variant.keys[i + 2] ?? null;
      });
      Object.assign(row, {
        queries: local.estimate.point.queries,
        localAccuracy: nullIfNaN(local.estimate.point.accuracy),
        referenceAccuracy: nullIfNaN(reference.estimate.point.accuracy),
        localIpw: nullIfNaN(local.estimate.point.ipw),
        referenceIpw: nullIfNaN(reference.estimate.point.ipw),
        ipwRatio: nullIfNaN(pointRatio('ipw')),
        ipwRatioLo: nullIfNaN(ipwInterval[0]),
        ipwRatioHi: nullIfNaN(ipwInterval[1]),
        ipjRatio: nullIfNaN(pointRatio('ipj')),
        ipjRatioLo: nullIfNaN(ipjInterval[0]),
        ipjRatioHi: nullIfNaN(ipjInterval[1]),
      });
      rows.push(row);
    }
  }
  const columns = [
    'model', 'localAccelerator', 'referenceAccelerator', ...labelColumns('local'), ...labelColumns('reference'), 'queries',
    'localAccuracy', 'referenceAccuracy', 'localIpw', 'referenceIpw', 'ipwRatio', 'ipwRatioLo', 'ipwRatioHi', 'ipjRatio', 'ipjRatioLo', 'ipjRatioHi',
  ];
  const columnTypes = [
    'VARCHAR', 'VARCHAR', 'VARCHAR', ...labels.map(keyType), ...labels.map(keyType), 'INTEGER',
    ...Array.from({ length: 10 }, () => 'DOUBLE'),
  ];
  return { columns, columnTypes, rows };
}
