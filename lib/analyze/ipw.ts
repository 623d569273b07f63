import { resampleSums, resolveBootstrap, tails, type ResampleTables, type VariantKey } from './bootstrap-sql.ts';
import { ident } from './sql.ts';
import type { Study } from './study.ts';
import type { BootstrapSqlOptions, Table } from './types.ts';

export interface IpwTableOptions {
  /** Variant columns; default model and accelerator. */
  by?: readonly VariantKey[];
  /** One row per domain as well as per variant; default true. */
  byDomain?: boolean;
  bootstrap?: BootstrapSqlOptions;
}

/** The statistics every row carries, each with `Lo`/`Hi` interval columns. */
export const IPW_STATS = ['accuracy', 'meanEnergyJ', 'meanPowerW', 'ipw', 'ipj'] as const;

/** SQL for the five statistics from sums n (rows), c (correct), p (power W), e (energy J). */
function statsSql(n: string, c: string, p: string, e: string): string {
  const acc = `${c} / NULLIF(${n}, 0)`;
  const power = `${p} / NULLIF(${n}, 0)`;
  const energy = `${e} / NULLIF(${n}, 0)`;
  // Zero or negative mean power means energy was not measured, not infinite efficiency: NULL, as lib/metrics gives NaN.
  return `${acc} AS accuracy, ${energy} AS meanEnergyJ, ${power} AS meanPowerW,
    CASE WHEN ${power} > 0 THEN (${acc}) / (${power}) END AS ipw,
    CASE WHEN ${energy} > 0 THEN (${acc}) / (${energy}) END AS ipj`;
}

/**
 * Accuracy, mean J/query, mean W, IPW (accuracy / mean W) and IPJ (accuracy / mean J) per variant
 * (and domain), with percentile intervals from the SQL Poisson bootstrap. Point estimates are the plain
 * row means, identical to lib/metrics `summarize`.
 */
export async function ipwTable(study: Study, options: IpwTableOptions = {}): Promise<Table> {
  const keys = options.by ?? ['model', 'accelerator'];
  const byDomain = options.byDomain ?? true;
  const boot = resolveBootstrap(options.bootstrap);
  const tables = await resampleSums(study.connection, { keys }, boot);
  try {
    return await study.query(ipwSql(tables, keys, byDomain, boot.confidence));
  } finally {
    await tables.drop();
  }
}

function ipwSql(t: ResampleTables, keys: readonly VariantKey[], byDomain: boolean, confidence: number): string {
  const [lo, hi] = tails(confidence);
  const group = byDomain ? 'd, v' : 'v';
  const intervals = IPW_STATS.map(
    (s) => `quantile_cont(${s}, ${lo}) AS ${s}Lo, quantile_cont(${s}, ${hi}) AS ${s}Hi`,
  ).join(', ');
  const columns = IPW_STATS.map((s) => `p.${s}, ci.${s}Lo, ci.${s}Hi`).join(', ');
  return `
    WITH pts AS (
      SELECT ${group}, sum(n) AS n, sum(na) AS na, ${statsSql('sum(n)', 'sum(c)', 'sum(p)', 'sum(e)')}
      FROM ${t.points} GROUP BY ${group}),
    draws AS (
      SELECT ${group}, ${statsSql('sum(n)', 'sum(c)', 'sum(p)', 'sum(e)')}
      FROM ${t.resampled} GROUP BY b, ${group}),
    ci AS (SELECT ${group}, ${intervals} FROM draws GROUP BY ${group})
    SELECT ${keys.map((k) => `vt.${ident(k)}`).join(', ')}, ${byDomain ? 'dm.domain, ' : ''}
      p.n::INTEGER AS queries, ${columns}, p.na / p.n AS noAnswerRate
    FROM pts p JOIN ci USING (${group}) JOIN ${t.variants} vt USING (v)
      ${byDomain ? `JOIN ${t.domains} dm USING (d)` : ''}
    ORDER BY ${[...keys.map((k) => `vt.${ident(k)}`), ...(byDomain ? ['dm.domain'] : [])].join(', ')}`;
}

export interface AcceleratorComparisonOptions {
  /** Models to compare; default every model that ran on both accelerators. */
  models?: readonly string[];
  /** The accelerator under study, e.g. "cpu". */
  local: string;
  /** The one it is compared against, e.g. "cuda". */
  reference: string;
  bootstrap?: BootstrapSqlOptions;
}

/**
 * The same model on two accelerators: IPW and IPJ of each, and their ratios local / reference with
 * paired-bootstrap intervals, over the queries both ran (so neither gets an easier query mix).
 */
export async function compareAccelerators(study: Study, options: AcceleratorComparisonOptions): Promise<Table> {
  const boot = resolveBootstrap(options.bootstrap);
  const { local, reference } = options;
  const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;
  const modelFilter = options.models ? `AND r.model IN (${options.models.map(lit).join(', ') || 'NULL'})` : '';
  // A query counts when the model answered it on both accelerators; the pair is (model, queryId).
  const where = `r.accelerator IN (${lit(local)}, ${lit(reference)}) ${modelFilter} AND (r.model, r.queryId) IN (
      SELECT (model, queryId) FROM results WHERE accelerator = ${lit(local)}
      INTERSECT SELECT (model, queryId) FROM results WHERE accelerator = ${lit(reference)})`;
  const t = await resampleSums(study.connection, { keys: ['model', 'accelerator'], where }, boot);
  const [lo, hi] = tails(boot.confidence);
  try {
    return await study.query(`
      WITH pts AS (SELECT v, ${statsSql('sum(n)', 'sum(c)', 'sum(p)', 'sum(e)')}, sum(n) AS n FROM ${t.points} GROUP BY v),
      draws AS (SELECT b, v, ${statsSql('sum(n)', 'sum(c)', 'sum(p)', 'sum(e)')} FROM ${t.resampled} GROUP BY b, v),
      pairs AS (
        SELECT vl.model, l.b, l.ipw / NULLIF(r.ipw, 0) AS ipwRatio, l.ipj / NULLIF(r.ipj, 0) AS ipjRatio
        FROM draws l JOIN ${t.variants} vl ON l.v = vl.v AND vl.accelerator = ${lit(local)}
          JOIN ${t.variants} vr ON vr.model = vl.model AND vr.accelerator = ${lit(reference)}
          JOIN draws r ON r.v = vr.v AND r.b = l.b),
      ci AS (SELECT model, quantile_cont(ipwRatio, ${lo}) AS ipwRatioLo, quantile_cont(ipwRatio, ${hi}) AS ipwRatioHi,
          quantile_cont(ipjRatio, ${lo}) AS ipjRatioLo, quantile_cont(ipjRatio, ${hi}) AS ipjRatioHi FROM pairs GROUP BY model)
      SELECT vl.model, ${lit(local)} AS localAccelerator, ${lit(reference)} AS referenceAccelerator, pl.n::INTEGER AS queries,
        pl.accuracy AS localAccuracy, pr.accuracy AS referenceAccuracy, pl.ipw AS localIpw, pr.ipw AS referenceIpw,
        pl.ipw / NULLIF(pr.ipw, 0) AS ipwRatio, ci.ipwRatioLo, ci.ipwRatioHi,
        pl.ipj / NULLIF(pr.ipj, 0) AS ipjRatio, ci.ipjRatioLo, ci.ipjRatioHi
      FROM ${t.variants} vl JOIN pts pl ON pl.v = vl.v AND vl.accelerator = ${lit(local)}
        JOIN ${t.variants} vr ON vr.model = vl.model AND vr.accelerator = ${lit(reference)}
        JOIN pts pr ON pr.v = vr.v
        JOIN ci ON ci.model = vl.model
      ORDER BY vl.model`);
  } finally {
    await t.drop();
  }
}
