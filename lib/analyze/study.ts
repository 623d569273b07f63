import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { LOAD_PARQUET_FILE, quoteStringList, readLoadRun, writePartitionedParquet } from '../store/index.ts';
import { defineAgentViews } from './agent.ts';
import { checkConflicts } from './conflicts.ts';
import { discoverRuns } from './discover.ts';
import { queryTable, type SqlValues } from './sql.ts';
import { parquetOf, tagRun } from './tags.ts';
import type { LoadRunTag, RunTag, StudyOptions, Table } from './types.ts';

/**
 * Many runs merged into one DuckDB database:
 * - `runs`: one row per run with its tags (model, quantization, accelerator, host, energy source, ...);
 * - `results`: a view over every run's results.parquet (read in place: DuckDB scans Parquet faster, and in
 *   a fraction of the memory, than a loaded copy), with `quantization` and `host` joined in as `tagged_results`;
 * - `queries`: one row per query id with its domain, grader and reference, plus `queryHash`, the MD5 prefix
 *   that places the query in its bootstrap bucket (lib/metrics `BOOTSTRAP`);
 * - `load_runs` and `requests`: load runs (lib/load) with their tags, and a view over every finished one's
 *   requests.parquet (one row per request: arrival, send, first-token and end times, per-token times, tokens,
 *   attributed energy and its weights);
 * - `agent_tasks`, `agent_turns`, `agent_tool_calls` and `agent_runs`: agent runs' tables (lib/store agent-tables), each
 *   row keyed by runId and queryId (the task's row in `results`), and each agent run's reasoning setting.
 */
export class Study {
  constructor(
    readonly connection: DuckDBConnection,
    private readonly instance: DuckDBInstance,
    readonly runs: readonly RunTag[],
    /** Things that were tolerated: runs skipped, sources that may not match. */
    readonly warnings: readonly string[],
    /** Load runs found beside the profile runs (see `requests`). */
    readonly loadRuns: readonly LoadRunTag[] = [],
  ) {}

  /**
   * (Re)defines the `results` view: the runs' Parquet files, with grades from `judge_grades` (written by
   * `judgeStudy`) in place of the recorded ones when that table exists.
   */
  async defineResultsView(): Promise<void> {
    // A view cannot hold parameters, so the file list is quoted into it.
    const source = `read_parquet(${quoteStringList(this.runs.map((t) => parquetOf(t.runDir)))}, union_by_name = true)`;
    const graded = await this.connection.runAndReadAll(
      "SELECT 1 FROM duckdb_tables() WHERE table_name = 'judge_grades' AND NOT temporary",
    );
    const sql =
      graded.currentRowCount === 0
        ? `SELECT * FROM ${source}`
        : `SELECT p.* REPLACE (coalesce(g.correct, p.correct) AS correct, coalesce(g.pred, p.pred) AS pred,
             coalesce(g.gradeStatus, p.gradeStatus) AS gradeStatus, coalesce(g.gradeRule, p.gradeRule) AS gradeRule,
             coalesce(g.verdict, p.verdict) AS verdict)
           FROM ${source} p LEFT JOIN judge_grades g ON g.runId = p.runId AND g.queryId = p.queryId`;
    await this.connection.run(`CREATE OR REPLACE VIEW results AS ${sql}`);
    await this.connection.run(
      `CREATE OR REPLACE VIEW tagged_results AS SELECT r.*, t.quantization, t.host FROM results r JOIN runs t USING (runId)`,
    );
  }

  /** Runs any SQL against the study's tables and returns it as a table; `values` are bound to its parameters. */
  query(sql: string, values?: SqlValues): Promise<Table> {
    return queryTable(this.connection, sql, values);
  }

  /** Writes every result row, tagged, as Parquet partitioned by model and accelerator (hive layout). */
  async exportPartitioned(outDir: string): Promise<void> {
    await writePartitionedParquet(this.connection, 'SELECT * FROM tagged_results', outDir);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

interface FileFacts {
  file: string;
  runIds: string[];
  model: string;
  accelerator: string;
}

async function readFileFacts(connection: DuckDBConnection, files: readonly string[]): Promise<Map<string, FileFacts>> {
  const reader = await connection.runAndReadAll(
    `SELECT filename AS file, list(DISTINCT runId ORDER BY runId) AS runIds, any_value(model) AS model,
            any_value(accelerator) AS accelerator
     FROM read_parquet($1::VARCHAR[], filename = true, union_by_name = true) GROUP BY filename`,
    [listValue([...files])],
  );
  const facts = new Map<string, FileFacts>();
  for (const row of reader.getRowObjectsJS()) {
    facts.set(String(row.file), {
      file: String(row.file),
      runIds: (row.runIds as unknown[]).map(String),
      model: String(row.model),
      accelerator: String(row.accelerator),
    });
  }
  return facts;
}

async function createRunsTable(connection: DuckDBConnection, tags: readonly RunTag[]): Promise<void> {
  await connection.run(
    `CREATE OR REPLACE TABLE runs (runId VARCHAR PRIMARY KEY, runDir VARCHAR, model VARCHAR, quantization VARCHAR,
      accelerator VARCHAR, host VARCHAR, energySource VARCHAR, queriesSource VARCHAR, createdAt VARCHAR,
      complete BOOLEAN, queries INTEGER)`,
  );
  for (const t of tags) {
    await connection.run('INSERT INTO runs VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)', [
      t.runId, t.runDir, t.model, t.quantization, t.accelerator, t.host, t.energySource, t.queriesSource, t.createdAt, t.complete, t.queries,
    ]);
  }
}

/**
 * Tags the load runs, fills `load_runs`, and defines `requests` over the finished runs' requests.parquet. An
 * unfinished load run is listed with a warning; its journal holds no attributed energy, so it adds no requests.
 */
async function createLoadRunsTables(connection: DuckDBConnection, dirs: readonly string[], warnings: string[]): Promise<LoadRunTag[]> {
  const tags = dirs.map((dir): LoadRunTag => {
    const run = readLoadRun(dir);
    const summary = run.summary as { model?: { accelerator?: string } } | null;
    return {
      runId: run.spec.runId,
      runDir: path.resolve(dir),
      model: run.spec.model.name,
      accelerator: summary?.model?.accelerator ?? null,
      arrivals: (run.spec.settings.arrivals as Record<string, unknown> | undefined) ?? {},
      finished: run.finished,
    };
  });
  const seen = new Map<string, string>();
  for (const tag of tags) {
    const other = seen.get(tag.runId);
    if (other) throw new Error(`load run ${tag.runId} appears twice: ${other} and ${tag.runDir}. Keep one copy.`);
    seen.set(tag.runId, tag.runDir);
    if (!tag.finished) warnings.push(`${tag.runDir}: load run not finished (no summary.json), its requests are left out`);
  }
  await connection.run(
    'CREATE OR REPLACE TABLE load_runs (runId VARCHAR PRIMARY KEY, runDir VARCHAR, model VARCHAR, accelerator VARCHAR, arrivals VARCHAR, finished BOOLEAN)',
  );
  for (const t of tags) {
    await connection.run('INSERT INTO load_runs VALUES ($1, $2, $3, $4, $5, $6)', [t.runId, t.runDir, t.model, t.accelerator, JSON.stringify(t.arrivals), t.finished]);
  }
  const finished = tags.filter((t) => t.finished).map((t) => path.join(t.runDir, LOAD_PARQUET_FILE));
  // A view cannot hold parameters, so the file list is quoted into it.
  if (finished.length > 0) await connection.run(`CREATE OR REPLACE VIEW requests AS SELECT * FROM read_parquet(${quoteStringList(finished)}, union_by_name = true)`);
  return tags;
}

/** Runs sharing query ids should come from the same query set; different sources are worth a look. */
function sourceWarnings(tags: readonly RunTag[]): string[] {
  const sources = new Set(tags.map((t) => path.basename(t.queriesSource)));
  return sources.size > 1 ? [`runs come from different query sources (${[...sources].join(', ')}); shared query ids are checked for equal domain, grader and reference only`] : [];
}

/**
 * Opens a study over run folders, folders of runs, or globs (`runs/*`, `machines/** /run-*`). Every run
 * needs run.json and results.parquet; manifest.json supplies the tags and is optional. Throws when two
 * runs define the same query differently (see `checkConflicts`) or one run appears twice.
 */
export async function openStudy(paths: string | readonly string[], options: StudyOptions = {}): Promise<Study> {
  const config: Record<string, string> = {};
  if (options.threads !== undefined) config.threads = String(options.threads);
  if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;
  if (options.db) fs.mkdirSync(path.dirname(path.resolve(options.db)), { recursive: true });
  const instance = await DuckDBInstance.create(options.db ?? ':memory:', config);
  const connection = await instance.connect();
  try {
    const found = await discoverRuns(connection, typeof paths === 'string' ? [paths] : paths);
    const warnings: string[] = [];
    const loadRuns = await createLoadRunsTables(connection, found.loadRuns, warnings);
    const withParquet = found.runs.filter((dir) => {
      if (fs.existsSync(parquetOf(dir))) return true;
      warnings.push(`${dir}: no results.parquet yet (unfinished run?), skipped`);
      return false;
    });
    if (withParquet.length === 0 && loadRuns.length === 0) throw new Error(`none of the ${found.runs.length} run folders has a results.parquet`);
    const files = withParquet.map((dir) => path.resolve(parquetOf(dir)));
    const facts = files.length === 0 ? new Map<string, FileFacts>() : await readFileFacts(connection, files);
    const tags: RunTag[] = [];
    const byRunId = new Map<string, string>();
    withParquet.forEach((dir, i) => {
      const fileFacts = facts.get(files[i] as string);
      if (!fileFacts) {
        warnings.push(`${dir}: results.parquet has no rows, skipped`);
        return;
      }
      const tag = tagRun(path.resolve(dir), fileFacts.model, fileFacts.accelerator);
      if (fileFacts.runIds.length !== 1 || fileFacts.runIds[0] !== tag.runId) {
        throw new Error(`${files[i]} holds rows of run(s) ${fileFacts.runIds.join(', ')}, but run.json says ${tag.runId}`);
      }
      const other = byRunId.get(tag.runId);
      if (other) throw new Error(`run ${tag.runId} appears twice: ${other} and ${dir}. Keep one copy.`);
      byRunId.set(tag.runId, dir);
      tags.push(tag);
    });
    await createRunsTable(connection, tags);
    await defineAgentViews(connection, tags);
    warnings.push(...sourceWarnings(tags));
    const study = new Study(connection, instance, tags, warnings, loadRuns);
    // A study of load runs alone has no `results` view: the IPW tables need profile runs.
    if (tags.length > 0) {
      await study.defineResultsView();
      await checkConflicts(connection);
    }
    return study;
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    throw error;
  }
}
