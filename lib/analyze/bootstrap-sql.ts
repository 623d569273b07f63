import type { DuckDBConnection } from '@duckdb/node-api';
import { ident } from './sql.ts';
import type { BootstrapSqlOptions } from './types.ts';

/** Columns a variant (one bar of a chart, one row of a table) can be keyed by. */
export type VariantKey = 'model' | 'accelerator' | 'quantization' | 'host' | 'energySource';

export interface ResolvedBootstrap {
  resamples: number;
  seed: number;
  confidence: number;
  bucketsPerDomain: number;
}

export function resolveBootstrap(options: BootstrapSqlOptions = {}): ResolvedBootstrap {
  const resolved = {
    resamples: options.resamples ?? 1000,
    seed: options.seed ?? 0,
    confidence: options.confidence ?? 0.95,
    bucketsPerDomain: options.bucketsPerDomain ?? 1000,
  };
  if (!Number.isInteger(resolved.resamples) || resolved.resamples < 1) throw new RangeError(`resamples must be a positive integer, got ${resolved.resamples}`);
  if (!Number.isInteger(resolved.seed) || resolved.seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${resolved.seed}`);
  if (!(resolved.confidence > 0 && resolved.confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${resolved.confidence}`);
  if (!Number.isInteger(resolved.bucketsPerDomain) || resolved.bucketsPerDomain < 0) {
    throw new RangeError(`bucketsPerDomain must be a non-negative integer, got ${resolved.bucketsPerDomain}`);
  }
  return resolved;
}

/** Weights above this are cut off; P(Poisson(1) > 11) is about 1e-9. */
const MAX_POISSON_WEIGHT = 11;

/**
 * floor(2^32 * P(X <= k)) for X ~ Poisson(1), k = 0..MAX-1. A weight is the number of thresholds a
 * uniform 32-bit draw reaches: the inverse CDF, as integer comparisons SQL evaluates exactly.
 */
export const POISSON_THRESHOLDS: readonly number[] = (() => {
  const thresholds: number[] = [];
  let probability = Math.exp(-1);
  let cumulative = 0;
  for (let k = 0; k < MAX_POISSON_WEIGHT; k++) {
    cumulative += probability;
    thresholds.push(Math.floor(cumulative * 2 ** 32));
    probability /= k + 1;
  }
  return thresholds;
})();

/**
 * The Poisson(1) weight of bucket (k, d) in resample b: the upper 32 bits of DuckDB's
 * hash(b, k, d, seed), all BIGINT, through the inverse CDF. Unlike random() after setseed(), a hash
 * gives the same draw on any number of threads, so intervals repeat exactly.
 */
export function poissonWeightSql(b: string, k: string, d: string, seed: number): string {
  const u = `(hash(${b}::BIGINT, ${k}::BIGINT, ${d}::BIGINT, ${seed}::BIGINT) >> 32)`;
  return `(${POISSON_THRESHOLDS.map((t) => `(u >= ${t})::INTEGER`).join(' + ')})`.replaceAll('u >=', `${u} >=`);
}

export interface ResampleSpec {
  /** Variant columns; each distinct combination is one variant. */
  keys: readonly VariantKey[];
  /** SQL condition on result rows (`r.` prefix), e.g. to keep two variants' common queries. */
  where?: string;
}

/** Names of the temporary tables one resampling pass leaves behind, for the analysis to read. */
export interface ResampleTables {
  /** v plus the key columns. */
  variants: string;
  /** d, domain. */
  domains: string;
  /** Unweighted sums per domain, bucket and variant: d, k, v, n, c, p, e, na (no-answer count). */
  points: string;
  /** Resampled sums: b, d, v, n, c, p, e. */
  resampled: string;
  drop(): Promise<void>;
}

const TAG_KEYS: ReadonlySet<VariantKey> = new Set(['quantization', 'host']);
let passCounter = 0;

/**
 * The Poisson bootstrap of per-variant sums, all in SQL:
 * 1. rows are summed per (domain, bucket, variant), where a bucket is a query when the domain has at most
 *    `bucketsPerDomain` queries, else `ord % bucketsPerDomain` (ord is a fixed pseudo-random order);
 * 2. those sums are pivoted to one row per bucket with a column group per variant;
 * 3. each resample b weighs every bucket by a hash-derived Poisson(1) count, and sums per domain.
 * Step 3 touches buckets x resamples rows, never result rows, which is what makes 1000 resamples of
 * millions of queries affordable. Every variant sees the same weights (a paired bootstrap), so ratios
 * between variants get intervals that account for their shared queries.
 */
export async function resampleSums(
  connection: DuckDBConnection,
  spec: ResampleSpec,
  options: ResolvedBootstrap,
): Promise<ResampleTables> {
  const prefix = `_boot${++passCounter}`;
  const t = {
    variants: `${prefix}_variants`,
    domains: `${prefix}_domains`,
    points: `${prefix}_points`,
    wide: `${prefix}_wide`,
    resampled: `${prefix}_resampled`,
    sums: `${prefix}_sums`,
  };
  const source = spec.keys.some((key) => TAG_KEYS.has(key)) ? 'tagged_results' : 'results';
  const where = spec.where ? `WHERE ${spec.where}` : '';
  const keyList = spec.keys.map(ident);
  const buckets = options.bucketsPerDomain;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${t.variants} AS
     SELECT (row_number() OVER (ORDER BY ${keyList.join(', ')}) - 1)::INTEGER AS v, *
     FROM (SELECT DISTINCT ${keyList.map((k) => `r.${k}`).join(', ')} FROM ${source} r ${where})`,
  );
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${t.domains} AS SELECT DISTINCT domainIdx AS d, domain FROM queries`,
  );
  const bucketSql = buckets === 0 ? 'q.ord' : `q.ord % ${buckets}`;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${t.points} AS
     SELECT q.domainIdx AS d, (${bucketSql})::INTEGER AS k, v.v,
       count(*)::DOUBLE AS n, sum(r.correct::INTEGER)::DOUBLE AS c, sum(r.meanPowerW) AS p, sum(r.energyJ) AS e,
       sum((r.gradeStatus = 'no_answer')::INTEGER)::DOUBLE AS na
     FROM ${source} r JOIN queries q ON q.queryId = r.queryId
       JOIN ${t.variants} v ON ${spec.keys.map((k) => `v.${ident(k)} IS NOT DISTINCT FROM r.${ident(k)}`).join(' AND ')}
     ${where}
     GROUP BY ALL`,
  );
  const variantCount = Number((await connection.runAndReadAll(`SELECT count(*) AS n FROM ${t.variants}`)).getRowObjectsJS()[0]?.n);
  const indices = Array.from({ length: variantCount }, (_, i) => i);
  const stats = ['n', 'c', 'p', 'e'];
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${t.wide} AS SELECT d, k, ${indices
      .flatMap((i) => stats.map((s) => `coalesce(sum(${s}) FILTER (WHERE v = ${i}), 0) AS ${s}${i}`))
      .join(', ')}
     FROM ${t.points} GROUP BY d, k`,
  );
  const weight = poissonWeightSql('b', 'k', 'd', options.seed);
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${t.sums} AS
     SELECT b::INTEGER AS b, d, ${indices.flatMap((i) => stats.map((s) => `sum(w * ${s}${i}) AS ${s}${i}`)).join(', ')}
     FROM (SELECT b, d, ${weight}::DOUBLE AS w, * EXCLUDE (d, k) FROM ${t.wide}, range(${options.resamples}) AS r(b))
     GROUP BY b, d`,
  );
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${t.resampled} AS ${
      indices.length === 0
        ? 'SELECT 0 AS b, 0 AS d, 0 AS v, 0.0 AS n, 0.0 AS c, 0.0 AS p, 0.0 AS e WHERE false'
        : indices.map((i) => `SELECT b, d, ${i} AS v, n${i} AS n, c${i} AS c, p${i} AS p, e${i} AS e FROM ${t.sums}`).join(' UNION ALL ')
    }`,
  );
  await connection.run(`DROP TABLE ${t.wide}`);
  await connection.run(`DROP TABLE ${t.sums}`);
  return {
    variants: t.variants,
    domains: t.domains,
    points: t.points,
    resampled: t.resampled,
    drop: async () => {
      for (const name of [t.variants, t.domains, t.points, t.resampled]) await connection.run(`DROP TABLE IF EXISTS ${name}`);
    },
  };
}

/** `lo` and `hi` percentile fractions of the interval. */
export function tails(confidence: number): [lo: number, hi: number] {
  const tail = (1 - confidence) / 2;
  return [tail, 1 - tail];
}
