import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from '../store/index.ts';
import { columnNames } from './sql.ts';

/**
 * What must agree for one query id across runs. `promptSha256` is checked when the rows carry it
 * (results written before that column existed do not), so runs over edited prompts are caught.
 */
const DEFINING_COLUMNS = ['grader', 'reference', 'domain', 'promptSha256'] as const;

const SHOWN_CONFLICTS = 5;

async function describeConflicts(connection: DuckDBConnection, column: string, queryIds: string[]): Promise<string> {
  const reader = await connection.runAndReadAll(
    `SELECT queryId, ${quoteIdent(column)}::VARCHAR AS value, list(DISTINCT runId ORDER BY runId) AS runIds
     FROM results WHERE list_contains($1::VARCHAR[], queryId) GROUP BY ALL ORDER BY queryId, value`,
    [listValue(queryIds)],
  );
  return reader
    .getRowObjectsJS()
    .map((row) => `  query ${String(row.queryId)}: ${column} ${JSON.stringify(row.value)} in run(s) ${(row.runIds as unknown[]).join(', ')}`)
    .join('\n');
}

/**
 * Builds the `queries` table (one row per query id) and throws when runs disagree on what a query is:
 * a different grader, reference answer, domain or prompt hash under the same id means the runs measured
 * different questions, and pooling them would compare unlike things.
 * `queryHash` is the first 48 bits of md5(queryId), the query's identity in the bootstrap: lib/metrics
 * `bucketOf` computes the same in JavaScript, so a query weighs the same in a study as in its run's summary.
 */
export async function checkConflicts(connection: DuckDBConnection): Promise<void> {
  const present = await columnNames(connection, 'results');
  const checked = DEFINING_COLUMNS.filter((column) => present.has(column));
  // min <> max finds a second value without the per-group hash sets count(DISTINCT) builds: 20M rows in one pass.
  const counts = checked.map((c) => `min(${quoteIdent(c)}) <> max(${quoteIdent(c)}) AS ${quoteIdent(`n_${c}`)}`).join(', ');
  await connection.run(
    `CREATE OR REPLACE TABLE queries AS
     WITH q AS (
       SELECT queryId, min(domain) AS domain, min(grader) AS grader, min(reference) AS reference, ${counts}
       FROM results GROUP BY queryId)
     SELECT queryId, domain, grader, reference,
       ('0x' || left(md5(queryId), 12))::UBIGINT AS queryHash,
       ${checked.map((c) => quoteIdent(`n_${c}`)).join(', ')}
     FROM q`,
  );
  for (const column of checked) {
    const reader = await connection.runAndReadAll(
      `SELECT queryId, count(*) OVER () AS total FROM queries WHERE ${quoteIdent(`n_${column}`)} ORDER BY queryId LIMIT $1`,
      [SHOWN_CONFLICTS],
    );
    const rows = reader.getRowObjectsJS();
    if (rows.length === 0) continue;
    const total = Number(rows[0]?.total);
    const detail = await describeConflicts(connection, column, rows.map((row) => String(row.queryId)));
    const more = total > rows.length ? `\n  ... and ${total - rows.length} more` : '';
    throw new Error(
      `Conflicting query definitions: ${total} query id(s) have more than one ${column} across runs, ` +
        `so these runs did not ask the same questions:\n${detail}${more}\n` +
        'Rename the queries of one set, or analyze the runs in separate studies.',
    );
  }
}
