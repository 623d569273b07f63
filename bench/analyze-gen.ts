/**
 * Writes the bench study: MODELS run folders of QUERIES rows each (results.parquet, run.json,
 * manifest.json), plus study.csv (query id, keys, correct, energy, power) for pandas and nodejs-polars.
 * Generated in SQL: building 20M QueryResult objects in JS would take longer than the analyses being timed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, queriesArg, modelsArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: analyze-gen.ts DIR [queries] [models]');
const QUERIES = Number(queriesArg ?? 1_000_000);
const MODELS = Number(modelsArg ?? 20);
const DOMAINS = 14;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
fs.mkdirSync(dir, { recursive: true });
const queryIds = Array.from({ length: QUERIES }, (_, i) => `q${String(i).padStart(7, '0')}`);
for (let m = 0; m < MODELS; m++) {
  const model = `model-${String(m).padStart(2, '0')}-q4_k_m`;
  const runId = `run-${m}`;
  const runDir = path.join(dir, runId);
  fs.mkdirSync(runDir, { recursive: true });
  // Accuracy rises with m, power falls: a study with a visible trend and distinct IPW per model.
  const pCorrect = 0.3 + 0.02 * m;
  await connection.run(
    `COPY (
    SELECT $runId AS runId, 'q' || lpad(i::VARCHAR, 7, '0') AS queryId, i::INTEGER AS "index",
      'domain-' || (i % $domains::INTEGER)::VARCHAR AS domain, $model AS model, 'cpu' AS accelerator, 'mc' AS grader,
      '2026-01-01T00:00:00.000Z' AS startedAt, 'The answer is A.' AS response, 'eos' AS stopReason,
      (50 + i % 200)::INTEGER AS promptTokens, (20 + hash(i, $m::INTEGER, 1) % 300)::INTEGER AS completionTokens,
      5.0 AS ttftMs, 5.0 AS prefillMs, 100.0 AS decodeMs, 50.0 AS decodeTokensPerS, []::DOUBLE[] AS interTokenMs,
      'A' AS reference, 'A' AS pred,
      (hash(i, $m::INTEGER) % 10000) < $correctPer10000::INTEGER AS correct, 'answered' AS gradeStatus, 'fixture' AS gradeRule, '' AS verdict,
      (1 + (hash(i, $m::INTEGER, 2) % 1000) / 100.0) AS energyJ, 0.0 AS prefillEnergyJ, 0.0 AS decodeEnergyJ,
      ($basePowerW::INTEGER + (hash(i, $m::INTEGER, 3) % 1000) / 100.0) AS meanPowerW, 500.0 AS durationMs,
      'estimated' AS energySource, 'bench' AS energyMethod, true AS energyIsEstimate
    FROM range($queries::BIGINT) t(i)) TO $file (FORMAT parquet)`,
    {
      runId, model, m, domains: DOMAINS, queries: QUERIES, correctPer10000: Math.round(pCorrect * 10000), basePowerW: 30 - m,
      file: path.join(runDir, 'results.parquet'),
    },
  );
  fs.writeFileSync(path.join(runDir, 'run.json'), JSON.stringify({
    runId, createdAt: '2026-01-01T00:00:00.000Z', model: { path: `/models/${model}.gguf` },
    queriesSource: 'bench', queryIds, settings: {},
  }));
  fs.writeFileSync(path.join(runDir, 'manifest.json'), JSON.stringify({
    manifestVersion: 1, writtenAt: '2026-01-01T00:00:00.000Z', runId,
    model: { sha256: null, name: model, accelerator: 'cpu' },
    hardware: { hostname: `host-${m % 4}` }, software: {}, settings: {},
    energy: { source: 'estimated', method: 'bench', isEstimate: true },
    counts: { queries: QUERIES, completed: QUERIES }, timings: {}, summary: null,
  }));
  process.stderr.write(`  wrote ${runDir}\n`);
}
await connection.run(
  `COPY (SELECT queryId, model, accelerator, domain, correct::INTEGER AS correct, energyJ, meanPowerW FROM read_parquet($runs))
   TO $csv (FORMAT csv, HEADER true)`,
  { runs: path.join(dir, '*', 'results.parquet'), csv: path.join(dir, 'study.csv') },
);
connection.closeSync();
instance.closeSync();
