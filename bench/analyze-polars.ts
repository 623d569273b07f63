/**
 * The study questions of analyze.ts in nodejs-polars, on study.csv loaded into memory first (the load is not timed):
 * grouped means per model x accelerator x domain, local coverage per domain, and oracle routing's energy against the
 * reference. Prints one JSON line of seconds, median of 3 each.
 */
import pl from 'nodejs-polars';
import { median } from './stats.ts';

const [csv, reference] = process.argv.slice(2);
if (!csv || !reference) throw new Error('usage: analyze-polars.ts STUDY_CSV REFERENCE_MODEL');

let start = performance.now();
const df = pl.readCSV(csv).withColumns(pl.col('model').cast(pl.Categorical), pl.col('accelerator').cast(pl.Categorical), pl.col('domain').cast(pl.Categorical));
const loadS = (performance.now() - start) / 1000;

function medianOf3(work: () => unknown): number {
  const seconds: number[] = [];
  for (let i = 0; i < 3; i++) {
    start = performance.now();
    work();
    seconds.push((performance.now() - start) / 1000);
  }
  return median(seconds);
}

const local = () => df.filter(pl.col('model').cast(pl.Utf8).neq(pl.lit(reference)));
const questions = {
  groupedMeans: medianOf3(() => df.groupBy(['model', 'accelerator', 'domain']).agg(pl.col('correct').mean(), pl.col('energyJ').mean(), pl.col('meanPowerW').mean())),
  coverage: medianOf3(() =>
    local().groupBy('queryId').agg(pl.col('correct').max().alias('covered'), pl.col('domain').first())
      .groupBy('domain').agg(pl.col('covered').mean(), pl.col('covered').count().alias('queries'))),
  routing: medianOf3(() => {
    const best = local().filter(pl.col('correct').eq(1)).groupBy('queryId').agg(pl.col('energyJ').min().alias('bestJ'));
    const ref = df.filter(pl.col('model').cast(pl.Utf8).eq(pl.lit(reference))).select('queryId', 'domain', pl.col('energyJ').alias('refJ'), pl.col('correct').alias('refOk'));
    return ref.join(best, { on: 'queryId', how: 'left' })
      .withColumns(pl.col('bestJ').fillNull(pl.col('refJ')).alias('routedJ'))
      .groupBy('domain').agg(pl.col('refJ').sum(), pl.col('routedJ').sum());
  }),
};
process.stdout.write(`${JSON.stringify({ loadS, questions, polars: 'nodejs-polars' })}\n`);
