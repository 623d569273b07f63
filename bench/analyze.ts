/**
 * Study-scale bench: 1M queries x 20 models (20M result rows) as Parquet run folders. Times, each in its
 * own process: DuckDB opening the study, grouped means per model x accelerator x domain, and the IPW
 * table with 95% CIs from 1000 bootstrap resamples (lib/metrics' one bootstrap over cells summed in SQL;
 * plus peak RSS); then pandas (Debian's
 * /usr/bin/python3, from CSV with categorical keys) doing the same grouped means, timing only the group-by.
 * Usage: npx tsx bench/analyze.ts [dir] [queries] [models] [resamples]   (data is kept in dir and reused)
 * Targets: >= 10x pandas on grouped means, bootstrap table < 60 s, peak RSS < 2 GB.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BOOTSTRAP } from '../lib/metrics/index.ts';

const [dirArg, queries = '1000000', models = '20', resamples = String(BOOTSTRAP.resamples)] = process.argv.slice(2);
const dir = dirArg ?? path.join(os.tmpdir(), `ipw-bench-study-${queries}x${models}`);
const here = path.dirname(new URL(import.meta.url).pathname);
const tsx = (script: string, ...args: string[]): string =>
  execFileSync(process.execPath, ['--import', 'tsx', path.join(here, script), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });

if (!fs.existsSync(path.join(dir, 'grouped.csv'))) {
  const start = performance.now();
  process.stderr.write(`generating ${queries} queries x ${models} models in ${dir}\n`);
  tsx('analyze-gen.ts', dir, queries, models);
  process.stderr.write(`generated in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
}

const duck = JSON.parse(tsx('analyze-measure.ts', dir, resamples)) as {
  openS: number; groupedS: number[]; bootstrapS: number; rows: number; peakRssMiB: number; loadS: number; loadedGroupedS: number[];
};

const PANDAS = `
import json, sys, time
import pandas as pd
t = time.perf_counter()
df = pd.read_csv(sys.argv[1], dtype={'model': 'category', 'accelerator': 'category', 'domain': 'category'})
load = time.perf_counter() - t
times = []
for _ in range(3):
    t = time.perf_counter()
    g = df.groupby(['model', 'accelerator', 'domain'], observed=True)[['correct', 'energyJ', 'meanPowerW']].mean()
    times.append(time.perf_counter() - t)
print(json.dumps({'loadS': load, 'groupedS': times, 'groups': len(g), 'pandas': pd.__version__}))
`;
const pandas = JSON.parse(execFileSync('/usr/bin/python3', ['-c', PANDAS, path.join(dir, 'grouped.csv')], { encoding: 'utf8' })) as {
  loadS: number; groupedS: number[]; groups: number; pandas: string;
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const duckGrouped = median(duck.groupedS);
const duckLoaded = median(duck.loadedGroupedS);
const pandasGrouped = median(pandas.groupedS);
const lines = [
  `machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load avg ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  `study: ${queries} queries x ${models} models, ${duck.rows} model x domain rows`,
  `DuckDB open study (tags, conflict checks, query table): ${duck.openS.toFixed(2)} s`,
  `grouped means per model x accelerator x domain: DuckDB ${duckGrouped.toFixed(3)} s (median of 3, on Parquet), pandas ${pandas.pandas} ${pandasGrouped.toFixed(3)} s (median of 3, in memory; CSV load ${pandas.loadS.toFixed(1)} s)`,
  `  ratio pandas / DuckDB on Parquet: ${(pandasGrouped / duckGrouped).toFixed(1)}x`,
  `  DuckDB after loading (ENUM keys, like pandas categoricals; load ${duck.loadS.toFixed(1)} s): ${duckLoaded.toFixed(3)} s, ratio ${(pandasGrouped / duckLoaded).toFixed(1)}x (target >= 10x)`,
  `IPW table with 95% CIs, ${resamples} bootstrap resamples: ${duck.bootstrapS.toFixed(1)} s (target < 60 s)`,
  `peak RSS of the DuckDB process through the bootstrap table: ${duck.peakRssMiB.toFixed(0)} MiB (target < 2048)`,
];
process.stdout.write(`${lines.join('\n')}\n`);
