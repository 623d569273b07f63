/**
 * Study-scale bench: 1M queries x 20 models (20M result rows) as Parquet run folders, analysed three ways on the same
 * data in the same run, each in its own process:
 * - IPW Lab end to end, as `ipw analyze --reference REF` computes it (open the study, IPW tables with 95% CIs from
 *   1000 bootstrap resamples overall and by domain, coverage, oracle routing): seconds and peak RSS;
 * - each study question alone (grouped means per model x accelerator x domain, local coverage, oracle routing), by
 *   IPW Lab on the Parquet files, by pandas (Debian's /usr/bin/python3) and by nodejs-polars, both on study.csv loaded
 *   into memory first (their load is not timed, IPW Lab's open is).
 * Targets (issue 21): end to end under 10 s with peak RSS under 2 GiB; each question at least 10x faster than pandas
 * and faster than nodejs-polars. Prints every figure and ratio; exits 1 on a miss.
 * Usage: npx tsx bench/analyze.ts [dir] [queries] [models] [resamples]   (data is kept in dir and reused)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BOOTSTRAP } from '../lib/metrics/index.ts';

const [dirArg, queries = '1000000', models = '20', resamples = String(BOOTSTRAP.resamples)] = process.argv.slice(2);
const dir = dirArg ?? path.join(os.tmpdir(), `ipw-bench-study-${queries}x${models}`);
const reference = `model-${String(Number(models) - 1).padStart(2, '0')}-q4_k_m`;
const here = path.dirname(new URL(import.meta.url).pathname);
const csv = path.join(dir, 'study.csv');
const tsx = (script: string, ...args: string[]): string =>
  execFileSync(process.execPath, ['--import', 'tsx', path.join(here, script), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });

if (!fs.existsSync(csv)) {
  const start = performance.now();
  process.stderr.write(`generating ${queries} queries x ${models} models in ${dir}\n`);
  fs.rmSync(dir, { recursive: true, force: true });
  tsx('analyze-gen.ts', dir, queries, models);
  process.stderr.write(`generated in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
}

type Questions = { groupedMeans: number; coverage: number; routing: number };
const ours = JSON.parse(tsx('analyze-measure.ts', dir, reference, resamples)) as { openS: number; endToEndS: number; peakRssMiB: number; questions: Questions };
const polars = JSON.parse(tsx('analyze-polars.ts', csv, reference)) as { loadS: number; questions: Questions };

const PANDAS = `
import json, sys, time, statistics
import pandas as pd
csv, ref = sys.argv[1], sys.argv[2]
t = time.perf_counter()
df = pd.read_csv(csv, dtype={'queryId': 'category', 'model': 'category', 'accelerator': 'category', 'domain': 'category'})
load = time.perf_counter() - t
def timed(work):
    times = []
    for _ in range(3):
        t = time.perf_counter(); work(); times.append(time.perf_counter() - t)
    return statistics.median(times)
def grouped():
    return df.groupby(['model', 'accelerator', 'domain'], observed=True)[['correct', 'energyJ', 'meanPowerW']].mean()
def coverage():
    local = df[df.model != ref]
    per_query = local.groupby('queryId', observed=True).agg(covered=('correct', 'max'), domain=('domain', 'first'))
    return per_query.groupby('domain', observed=True)['covered'].agg(['mean', 'count'])
def routing():
    local = df[(df.model != ref) & (df.correct == 1)]
    best = local.groupby('queryId', observed=True)['energyJ'].min()
    r = df[df.model == ref][['queryId', 'domain', 'energyJ']].set_index('queryId')
    r['routedJ'] = best.reindex(r.index).fillna(r['energyJ'])
    return r.groupby('domain', observed=True)[['energyJ', 'routedJ']].sum()
print(json.dumps({'loadS': load, 'pandas': pd.__version__, 'questions': {'groupedMeans': timed(grouped), 'coverage': timed(coverage), 'routing': timed(routing)}}))
`;
const pandas = JSON.parse(execFileSync('/usr/bin/python3', ['-c', PANDAS, csv, reference], { encoding: 'utf8', maxBuffer: 1 << 20 })) as {
  loadS: number; pandas: string; questions: Questions;
};

const misses: string[] = [];
const check = (ok: boolean, what: string): string => {
  if (!ok) misses.push(what);
  return ok ? 'ok' : 'MISS';
};
const lines = [
  `machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load avg ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  `study: ${queries} queries x ${models} models; reference ${reference}; ${resamples} bootstrap resamples`,
  `end to end (open ${ours.openS.toFixed(2)} s, IPW tables with CIs, coverage, routing): ${ours.endToEndS.toFixed(1)} s (target < 10 s: ${check(ours.endToEndS < 10, 'end to end under 10 s')}), peak RSS ${ours.peakRssMiB.toFixed(0)} MiB (target < 2048: ${check(ours.peakRssMiB < 2048, 'peak RSS under 2 GiB')})`,
  `per question, seconds (median of 3): IPW Lab on Parquet | pandas ${pandas.pandas} in memory (load ${pandas.loadS.toFixed(1)} s) | nodejs-polars in memory (load ${polars.loadS.toFixed(1)} s)`,
];
for (const q of ['groupedMeans', 'coverage', 'routing'] as const) {
  const vsPandas = pandas.questions[q] / ours.questions[q];
  const vsPolars = polars.questions[q] / ours.questions[q];
  lines.push(
    `  ${q.padEnd(12)} ${ours.questions[q].toFixed(3)} | ${pandas.questions[q].toFixed(3)} | ${polars.questions[q].toFixed(3)}   ` +
      `pandas/ours ${vsPandas.toFixed(1)}x (>= 10: ${check(vsPandas >= 10, `${q} 10x pandas`)}), polars/ours ${vsPolars.toFixed(2)}x (> 1: ${check(vsPolars > 1, `${q} faster than polars`)})`,
  );
}
lines.push(misses.length === 0 ? 'every target met' : `missed: ${misses.join('; ')}`);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = misses.length === 0 ? 0 : 1;
