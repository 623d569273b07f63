import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareAccelerators, coverage, coverageGrowth, ipwTable, ipwTrend, oracleRouting, openStudy, routingShares, tokenRegressions,
  writeTableFiles, type Study,
} from '../lib/analyze/index.ts';
import { loadQueries } from '../lib/queries/index.ts';
import { quoteIdent, quoteString, quoteStringList, writeResultsPartitioned, type QueryResult } from '../lib/store/index.ts';
import { readResultsParquet } from '../lib/store/parquet.ts';
import { resultRow, VARIANTS, writeRows } from './analyze-fixture.ts';

/**
 * Names chosen to break SQL built by pasting: quotes of both kinds, backslashes, unicode (CJK, emoji,
 * combining marks, right-to-left), whitespace, and a statement terminator with a comment.
 */
const HOSTILE = [
  `it's "quoted"`,
  'back\\slash\\',
  'ユニコード ✓ e\u0301 مرحبا 🦆',
  'spaces  and\ttab',
  `x'); DROP TABLE runs; --`,
];

let connection: DuckDBConnection;
let instance: DuckDBInstance;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});

afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
});

describe('quoting what DuckDB cannot bind', () => {
  it('round-trips any string literal and list literal', async () => {
    for (const text of HOSTILE) {
      const reader = await connection.runAndReadAll(`SELECT ${quoteString(text)} AS v, ${quoteStringList([text, 'plain', text])} AS l`);
      expect(reader.getRowObjectsJS()[0]).toEqual({ v: text, l: [text, 'plain', text] });
    }
  });

  it('round-trips any identifier, as a table and a column name', async () => {
    for (const [i, name] of HOSTILE.entries()) {
      const table = quoteIdent(`${name} table ${i}`);
      await connection.run(`CREATE TABLE ${table} (${quoteIdent(name)} INTEGER)`);
      await connection.run(`INSERT INTO ${table} VALUES (${i})`);
      const reader = await connection.runAndReadAll(`SELECT ${quoteIdent(name)} FROM ${table}`);
      expect(reader.columnNames()).toEqual([name]);
      expect(reader.getRowObjectsJS()).toEqual([{ [name]: i }]);
    }
  });

  it('refuses a NUL character rather than cutting the name short', () => {
    expect(() => quoteIdent('a\u0000b')).toThrow(/NUL/);
    expect(() => quoteString('a\u0000b')).toThrow(/NUL/);
  });
});

describe('a full study whose model names, domains, query ids and paths are hostile', () => {
  let root: string;
  let study: Study;
  const models = HOSTILE.slice(0, 3);
  const domains = [HOSTILE[3]!, HOSTILE[1]!];
  const queryIds = HOSTILE.flatMap((name, i) => [`${name} #${i}a`, `${name} #${i}b`]);
  const reference = HOSTILE[4]!;
  const domainOf = (queryId: string): string => domains[queryIds.indexOf(queryId) % 2]!;

  function rows(runId: string, model: string, accelerator: string, correctEvery: number, host: string): QueryResult[] {
    return queryIds.map((queryId, index) => ({
      ...resultRow(runId, VARIANTS[0]!, queryId, index),
      model,
      accelerator,
      domain: domainOf(queryId),
      reference: `answer ${queryId}`,
      correct: index % correctEvery === 0,
      energyJ: 1 + index / 8,
      meanPowerW: 10 + (index % 3),
      durationMs: 100 + index,
      energyMethod: `method ${host}`,
    }));
  }

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), `ipw ${HOSTILE[0]} ${HOSTILE[1]} ${HOSTILE[2]}-`));
    for (const [i, model] of models.entries()) {
      const runId = `${HOSTILE[(i + 1) % HOSTILE.length]} run ${i}`;
      await writeRows(root, runId, rows(runId, model, 'cpu', i + 2, HOSTILE[i]!), HOSTILE[i]!);
    }
    await writeRows(root, `gpu ${HOSTILE[0]}`, rows(`gpu ${HOSTILE[0]}`, models[0]!, `cu'da\\`, 2, 'gpu'), 'gpu');
    await writeRows(root, `${reference} cloud`, rows(`${reference} cloud`, reference, 'remote', 1, 'api'), 'api');
    study = await openStudy(root);
  });

  afterAll(() => {
    study?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('opens, with every run, model and host as written', async () => {
    expect(study.runs).toHaveLength(5);
    const tagged = await study.query('SELECT DISTINCT model FROM results ORDER BY model');
    expect(tagged.rows.map((r) => r.model)).toEqual([...models, reference].sort());
    expect((await study.query('SELECT host FROM runs WHERE model = $1 ORDER BY host', [models[0]!])).rows.map((r) => r.host)).toEqual(
      ['gpu', HOSTILE[0]].sort(),
    );
  });

  it('analyses it: IPW tables, coverage, routing, accelerator ratios, regressions, trend', async () => {
    const table = await ipwTable(study, { by: ['model', 'accelerator', 'host'], bootstrap: { resamples: 50 } });
    expect(new Set(table.rows.map((r) => r.model))).toEqual(new Set([...models, reference]));
    expect(new Set(table.rows.map((r) => r.domain))).toEqual(new Set(domains));
    const local = await coverage(study, { exclude: [reference] });
    expect(local.rows.map((r) => r.domain)).toEqual(['(all)', ...[...domains].sort()]);
    const growth = await coverageGrowth(study, { exclude: [reference], releaseDates: new Map([[models[1]!, '2024-01-01']]) });
    expect(growth.rows[0]).toMatchObject({ step: 1, model: models[1], releaseDate: '2024-01-01' });
    const routed = await oracleRouting(study, { reference });
    expect(routed.rows[0]).toMatchObject({ domain: '(all)', queries: queryIds.length });
    const shares = await routingShares(study, { reference });
    expect(shares.rows.reduce((sum: number, r) => sum + (r.queries as number), 0)).toBe(queryIds.length);
    const ratios = await compareAccelerators(study, { local: 'cpu', reference: `cu'da\\`, models: [models[0]!], bootstrap: { resamples: 50 } });
    expect(ratios.rows).toHaveLength(1);
    expect(ratios.rows[0]).toMatchObject({ model: models[0], referenceAccelerator: `cu'da\\`, queries: queryIds.length });
    expect((await tokenRegressions(study)).rows.length).toBeGreaterThan(0);
    expect((await ipwTrend(study, { releaseDates: new Map([[models[2]!, '2025-02-03']]), bootstrap: { resamples: 20 } })).rows[0]).toMatchObject({ model: models[2] });
  });

  it('exports tables (twice, over the first files) and the partitioned dataset to hostile paths', async () => {
    const out = path.join(root, `out ${HOSTILE[1]} ${HOSTILE[0]}`);
    const table = await ipwTable(study, { bootstrap: { resamples: 20 } });
    for (let i = 0; i < 2; i++) {
      const files = await writeTableFiles(study.connection, table, out, `ipw ${HOSTILE[2]}`);
      const reader = await connection.runAndReadAll('SELECT count(*)::INTEGER AS n, list(DISTINCT model ORDER BY model) AS models FROM read_parquet($1)', [files[1]!]);
      expect(reader.getRowObjectsJS()[0]).toEqual({ n: table.rows.length, models: [...models, reference].sort() });
    }
    const partitioned = path.join(root, `parts ${HOSTILE[0]}`);
    await study.exportPartitioned(partitioned);
    const merged = path.join(root, `merged ${HOSTILE[1]}`);
    await writeResultsPartitioned(study.runs.map((run) => run.runDir), merged);
    for (const dir of [partitioned, merged]) {
      // Listed here rather than globbed: a backslash in a glob pattern is an escape to DuckDB.
      const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.parquet')).map((f) => path.join(dir, f));
      const reader = await connection.runAndReadAll(
        'SELECT count(*)::INTEGER AS n, list(DISTINCT model ORDER BY model) AS models FROM read_parquet($1::VARCHAR[], hive_partitioning = true)',
        [listValue(files)],
      );
      expect(reader.getRowObjectsJS()[0]).toEqual({ n: 5 * queryIds.length, models: [...models, reference].sort() });
    }
  });

  it('reads results and query sets back from Parquet files with hostile names', async () => {
    const run = study.runs[0]!;
    const results = await readResultsParquet(path.join(run.runDir, 'results.parquet'));
    expect(results.map((r) => r.queryId)).toEqual(queryIds);
    const file = path.join(root, `queries ${HOSTILE[0]} ${HOSTILE[1]}.parquet`);
    await connection.run(`COPY (SELECT unnest($1::VARCHAR[]) AS id, 'What is 2+2?' AS prompt, '4' AS answer) TO $2 (FORMAT parquet)`, [listValue(queryIds), file]);
    const queries = await loadQueries(file, { grader: 'numeric' });
    expect(queries.map((q) => q.id)).toEqual(queryIds);
  });

  it('names hostile query ids in a conflict without breaking the query that finds them', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'ipw-hostile-conflict-'));
    try {
      const runId = `conflict ${HOSTILE[0]}`;
      await writeRows(other, runId, rows(runId, 'other', 'cpu', 2, 'x').map((r) => ({ ...r, reference: `changed ${HOSTILE[4]}` })), 'x');
      await expect(openStudy([root, other])).rejects.toThrow(new RegExp(`query ${escapeRegExp(queryIds[0]!)}: reference`));
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
