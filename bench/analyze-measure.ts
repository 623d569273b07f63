/** Times the analyses on a generated study (see analyze.ts); prints one JSON line. Runs in its own process for a clean peak RSS. */
import path from 'node:path';
import { ipwTable, openStudy } from '../lib/analyze/index.ts';
import { BOOTSTRAP } from '../lib/metrics/index.ts';

const [dir, resamplesArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: analyze-measure.ts DIR [resamples]');
const resamples = Number(resamplesArg ?? BOOTSTRAP.resamples);

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, (performance.now() - start) / 1000];
}

const [study, openS] = await timed(() => openStudy(path.join(dir, 'run-*')));
const groupedS: number[] = [];
for (let i = 0; i < 3; i++) {
  const [, seconds] = await timed(() =>
    study.query(`SELECT model, accelerator, domain, avg(correct::INTEGER) AS accuracy, avg(energyJ) AS meanEnergyJ,
      avg(meanPowerW) AS meanPowerW FROM results GROUP BY ALL`),
  );
  groupedS.push(seconds);
}
const [table, bootstrapS] = await timed(() => ipwTable(study, { byDomain: true, bootstrap: { resamples, seed: 1 } }));
const peakRssMiB = process.resourceUsage().maxRSS / 1024;
// Like for like with pandas, which groups an in-memory frame with categorical keys: the same six columns
// loaded into a DuckDB table with ENUM keys, timing only the group-by.
const [, loadS] = await timed(async () => {
  for (const key of ['model', 'accelerator', 'domain']) {
    await study.connection.run(`CREATE TYPE ${key}_t AS ENUM (SELECT DISTINCT ${key} FROM results WHERE ${key} IS NOT NULL)`);
  }
  await study.connection.run(`CREATE TEMP TABLE loaded AS SELECT model::model_t AS model, accelerator::accelerator_t AS accelerator,
    domain::domain_t AS domain, correct::INTEGER AS correct, energyJ, meanPowerW FROM results`);
});
const loadedGroupedS: number[] = [];
for (let i = 0; i < 3; i++) {
  const [, seconds] = await timed(() =>
    study.query(`SELECT model, accelerator, domain, avg(correct) AS accuracy, avg(energyJ) AS meanEnergyJ,
      avg(meanPowerW) AS meanPowerW FROM loaded GROUP BY ALL`),
  );
  loadedGroupedS.push(seconds);
}
study.close();
process.stdout.write(`${JSON.stringify({ openS, groupedS, bootstrapS, rows: table.rows.length, peakRssMiB, loadS, loadedGroupedS })}\n`);
