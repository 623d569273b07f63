import { ALL_DOMAINS } from './coverage.ts';
import type { DuckDBValue } from '@duckdb/node-api';
import { excludeValue, localCondition, variantQuerySql } from './local.ts';
import type { Study } from './study.ts';
import type { Table } from './types.ts';

export interface RoutingOptions {
  /** The reference (cloud) model every query falls back to. */
  reference: string;
  /** Only this accelerator's runs of the reference; all of them (averaged) by default. */
  referenceAccelerator?: string;
  /** Further models that must not be routed to. */
  exclude?: readonly string[];
}

/** The parameters `routedSql` binds. */
function routedValues(options: RoutingOptions): Record<string, DuckDBValue> {
  return {
    reference: options.reference,
    referenceAccelerator: options.referenceAccelerator ?? null,
    exclude: excludeValue([options.reference, ...(options.exclude ?? [])]),
  };
}

// Ties in energy go to the alphabetically first variant (arg_min over (energy, model, accelerator): one pass, where a
// window over every local row took five times as long), so the routing is the same on every run.
const routedSql = (variantQueries: string): string => `WITH vq AS (${variantQueries}),
    ref AS (SELECT queryId, bool_and(ok) AS ok, avg(energyJ) AS energyJ FROM vq
      WHERE model = $reference AND ($referenceAccelerator::VARCHAR IS NULL OR accelerator = $referenceAccelerator) GROUP BY queryId),
    best AS (SELECT queryId, b.model, b.accelerator, b.energyJ FROM (
      SELECT queryId, arg_min({ model: model, accelerator: accelerator, energyJ: energyJ }, { e: energyJ, m: model, a: accelerator }) AS b
      FROM vq WHERE ok AND ${localCondition()} GROUP BY queryId)),
    routed AS (SELECT q.domain, q.queryId, ref.queryId IS NOT NULL AS hasReference, ref.ok AS referenceOk,
        ref.energyJ AS referenceEnergyJ, b.model IS NOT NULL AS local, b.model, b.accelerator,
        coalesce(b.energyJ, ref.energyJ) AS routedEnergyJ, (b.model IS NOT NULL OR ref.ok) AS routedOk
      FROM queries q LEFT JOIN ref USING (queryId) LEFT JOIN best b USING (queryId))`;

/**
 * Oracle routing: each query goes to the local model that answers it correctly with the least energy,
 * else to the reference model. Compared with always asking the reference: energy saved and accuracy
 * kept, over all domains and per domain. Queries the reference never ran are left out and counted.
 */
export async function oracleRouting(study: Study, options: RoutingOptions): Promise<Table> {
  await requireReference(study, options.reference);
  return study.query(`${routedSql(await variantQuerySql(study))}
    SELECT coalesce(domain, $allDomains) AS domain,
      count(*) FILTER (WHERE hasReference)::INTEGER AS queries,
      count(*) FILTER (WHERE NOT hasReference)::INTEGER AS queriesWithoutReference,
      avg(local::INTEGER) FILTER (WHERE hasReference) AS localShare,
      avg(referenceOk::INTEGER) FILTER (WHERE hasReference) AS referenceAccuracy,
      avg(routedOk::INTEGER) FILTER (WHERE hasReference) AS routedAccuracy,
      avg(routedOk::INTEGER) FILTER (WHERE hasReference) / NULLIF(avg(referenceOk::INTEGER) FILTER (WHERE hasReference), 0) AS accuracyKept,
      sum(referenceEnergyJ) FILTER (WHERE hasReference) AS referenceEnergyJ,
      sum(routedEnergyJ) FILTER (WHERE hasReference) AS routedEnergyJ,
      sum(referenceEnergyJ - routedEnergyJ) FILTER (WHERE hasReference) AS energySavedJ,
      1 - sum(routedEnergyJ) FILTER (WHERE hasReference) / NULLIF(sum(referenceEnergyJ) FILTER (WHERE hasReference), 0) AS energySavedShare
    FROM routed GROUP BY ROLLUP (domain) ORDER BY domain NULLS FIRST`, { ...routedValues(options), allDomains: ALL_DOMAINS });
}

/** Where oracle routing sends queries: one row per local variant, plus the reference fallback. */
export async function routingShares(study: Study, options: RoutingOptions): Promise<Table> {
  await requireReference(study, options.reference);
  return study.query(`${routedSql(await variantQuerySql(study))}
    SELECT coalesce(model, $reference) AS model, coalesce(accelerator, $referenceLabel) AS accelerator,
      count(*)::INTEGER AS queries, count(*) / sum(count(*)) OVER () AS share, sum(routedEnergyJ) AS energyJ
    FROM routed WHERE hasReference GROUP BY ALL ORDER BY queries DESC, model, accelerator`, { ...routedValues(options), referenceLabel: '(reference)' });
}

/**
 * Routing compares each variant's energy per query, averaged over its runs; a variant whose runs measured energy
 * differently would average unlike joules, so it is refused, naming the runs.
 */
async function requireOneEnergySourcePerVariant(study: Study): Promise<void> {
  // A cheap pass over every row first; the labelled listing below runs only when some variant mixes.
  const any = await study.query(
    'SELECT 1 FROM results GROUP BY model, accelerator HAVING count(DISTINCT energySource) > 1 OR count(DISTINCT energyMethod) > 1 LIMIT 1',
  );
  if (any.rows.length === 0) return;
  const mixed = await study.query(
    `WITH labelled AS (SELECT model, accelerator, runId, energySource || ' (' || energyMethod || ')' AS source FROM results)
     SELECT model, accelerator, string_agg(DISTINCT source, ', ' ORDER BY source) AS sources,
       string_agg(DISTINCT runId, ', ' ORDER BY runId) AS runIds
     FROM labelled GROUP BY model, accelerator HAVING count(DISTINCT source) > 1 ORDER BY model, accelerator`,
  );
  if (mixed.rows.length === 0) return;
  const lines = mixed.rows.map((r) => `  ${r.model} on ${r.accelerator}: ${r.sources} in runs ${r.runIds}`);
  throw new MixedEnergySourcesError(
    `oracle routing would average energy from different sources within one model and accelerator:\n${lines.join('\n')}\n` +
      'Route over runs that share an energy source (open a study of those runs), or re-measure the others.',
  );
}

/** A variant's runs measured energy differently, so an analysis that averages over them refuses. */
export class MixedEnergySourcesError extends Error {
  override readonly name = 'MixedEnergySourcesError';
}

async function requireReference(study: Study, reference: string): Promise<void> {
  await requireOneEnergySourcePerVariant(study);
  const found = await study.query('SELECT 1 FROM runs WHERE model = $1 LIMIT 1', [reference]);
  const fromRows = found.rows.length > 0 ? found : await study.query('SELECT 1 FROM results WHERE model = $1 LIMIT 1', [reference]);
  if (fromRows.rows.length === 0) throw new Error(`reference model "${reference}" is not in this study`);
}
