/**
 * Times IPW Lab's analyses on a generated study (see analyze.ts); prints one JSON line. Runs in its own process for a
 * clean peak RSS. End to end: what `ipw analyze --reference REF` computes (open the study, the IPW tables overall and
 * by domain with bootstrap CIs, coverage, oracle routing and its shares). Then each study question alone, median of 3.
 */
import path from 'node:path';
import { coverage, ipwTable, openStudy, oracleRouting, routingShares } from '../lib/analyze/index.ts';
import { BOOTSTRAP } from '../lib/metrics/index.ts';
import { median } from './stats.ts';

const [dir, reference, resamplesArg] = process.argv.slice(2);
if (!dir || !reference) throw new Error('usage: analyze-measure.ts DIR REFERENCE_MODEL [resamples]');
const bootstrap = { resamples: Number(resamplesArg ?? BOOTSTRAP.resamples), seed: 1 };

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, (performance.now() - start) / 1000];
}

const [study, openS] = await timed(() => openStudy(path.join(dir, 'run-*')));
const [, endToEndS] = await timed(async () => {
  await ipwTable(study, { byDomain: false, bootstrap });
  await ipwTable(study, { byDomain: true, bootstrap });
  await coverage(study, { exclude: [reference] });
  await oracleRouting(study, { reference });
  await routingShares(study, { reference });
});
const peakRssMiB = process.resourceUsage().maxRSS / 1024;

async function medianOf3(work: () => Promise<unknown>): Promise<number> {
  const seconds: number[] = [];
  for (let i = 0; i < 3; i++) seconds.push((await timed(work))[1]);
  return median(seconds);
}
const questions = {
  groupedMeans: await medianOf3(() =>
    study.query(`SELECT model, accelerator, domain, avg(correct::INTEGER) AS accuracy, avg(energyJ) AS meanEnergyJ,
      avg(meanPowerW) AS meanPowerW FROM results GROUP BY ALL`),
  ),
  coverage: await medianOf3(() => coverage(study, { exclude: [reference] })),
  routing: await medianOf3(() => oracleRouting(study, { reference })),
};
study.close();
process.stdout.write(`${JSON.stringify({ openS, endToEndS: openS + endToEndS, peakRssMiB, questions })}\n`);
