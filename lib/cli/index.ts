import { parseArgs } from 'node:util';
import { listEnergySources, type EnergySourceName } from '../energy/index.ts';
import { GRADERS } from '../grade/index.ts';
import { formatTable, summarize } from '../metrics/index.ts';
import { DEMO_QUERY_COUNT, openJudge, prepareFixtureModel, profile, type ProfileOptions } from '../profile/index.ts';
import { RECIPES, listDatasets } from '../queries/index.ts';
import type { GpuChoice } from '../run/index.ts';
import { readResults } from '../store/index.ts';
import { progressReporter } from './progress.ts';

const USAGE = `ipw: measure intelligence per watt of local language models

Usage:
  ipw profile --model <file.gguf | openai:URL#model> --queries <path | sample> [options]
      --out runs/NAME        run folder (default runs/<model>-<time>)
      --resume               continue the run in --out without redoing finished queries
      --limit N              first N queries (after --sample)
      --sample N             seeded sample of N queries, stratified by domain
      --map a=b,c=d          map query fields to source columns (prompt=problem,...)
      --recipe NAME          a named layout (see ipw list)
      --max-tokens N         generation limit per query (default 256)
      --warmup N             warm-up queries excluded from results (default 1)
      --threads N --gpu auto|false|cuda|vulkan|metal --template auto|chatML|...|raw
      --energy auto|estimated  --watts-per-core W  --seed N
      --judge <file.gguf | openai:URL#model>   LLM judge for queries graded "judge"
  ipw analyze <run folder...>     print accuracy, J/query, W, IPW and IPJ with 95% CIs
  ipw list                        datasets, recipes, graders and energy sources
  ipw fixture-model [--out file.gguf] [--queries sample] [--correct 0.6] [--seed 1]
                    [--bench small|medium --type f16|q8_0]
                                  write a generated GGUF model (no download)
  ipw demo                        profile the generated tiny model on the sample set
`;

function fail(message: string): number {
  process.stderr.write(`ipw: ${message}\n`);
  return 2;
}

function numberFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name} expects a number, got "${value}"`);
  return n;
}

function gpuFlag(value: string | undefined): GpuChoice | undefined {
  if (value === undefined) return undefined;
  if (value === 'false' || value === 'cpu') return false;
  if (value === 'auto' || value === 'cuda' || value === 'vulkan' || value === 'metal') return value;
  throw new Error(`--gpu expects auto, false, cuda, vulkan or metal, got "${value}"`);
}

/** Ctrl-C stops after the current query is abandoned; every completed query is already on disk. */
function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => {
    process.stderr.write('\nipw: interrupted; completed queries are saved. Continue with --resume.\n');
    controller.abort();
  });
  return controller.signal;
}

async function runProfile(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      model: { type: 'string' },
      queries: { type: 'string' },
      out: { type: 'string' },
      resume: { type: 'boolean' },
      limit: { type: 'string' },
      sample: { type: 'string' },
      map: { type: 'string' },
      recipe: { type: 'string' },
      'max-tokens': { type: 'string' },
      warmup: { type: 'string' },
      threads: { type: 'string' },
      gpu: { type: 'string' },
      template: { type: 'string' },
      energy: { type: 'string' },
      'watts-per-core': { type: 'string' },
      seed: { type: 'string' },
      'system-prompt': { type: 'string' },
      judge: { type: 'string' },
    },
  });
  if (!values.model) return fail('profile needs --model <file.gguf | openai:URL#model>');
  if (!values.queries) return fail('profile needs --queries <path | sample>');
  const seed = numberFlag(values.seed, 'seed') ?? 0;
  const sampleN = numberFlag(values.sample, 'sample');
  const modelName = values.model.split(/[\\/#]/).pop()!.replace(/\.gguf$/i, '');
  const outDir = values.out ?? `runs/${modelName}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  if (values.resume && !values.out) return fail('--resume needs --out <run folder> to know which run to continue');
  const options: ProfileOptions = {
    model: values.model,
    queries: values.queries,
    load: {
      map: values.map,
      recipe: values.recipe,
      limit: numberFlag(values.limit, 'limit'),
      sample: sampleN === undefined ? undefined : { n: sampleN, seed, stratify: true },
    },
    outDir,
    resume: values.resume,
    maxTokens: numberFlag(values['max-tokens'], 'max-tokens'),
    warmupQueries: numberFlag(values.warmup, 'warmup'),
    threads: numberFlag(values.threads, 'threads'),
    gpu: gpuFlag(values.gpu),
    template: values.template,
    systemPrompt: values['system-prompt'],
    energy: values.energy as EnergySourceName | 'auto' | undefined,
    wattsPerCore: numberFlag(values['watts-per-core'], 'watts-per-core'),
    seed,
    signal: interruptSignal(),
    onProgress: progressReporter(),
  };
  const judge = values.judge ? await openJudge(values.judge, { threads: options.threads, gpu: options.gpu, seed }) : undefined;
  let result;
  try {
    result = await profile({ ...options, judge: judge?.judge });
  } finally {
    await judge?.runner.close();
  }
  process.stdout.write(`${formatTable(result.summary)}\n`);
  process.stdout.write(result.complete ? `results: ${result.runDir}\n` : `partial run in ${result.runDir}; continue with --resume --out ${result.runDir}\n`);
  return result.complete ? 0 : 130;
}

async function runAnalyze(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { seed: { type: 'string' } } });
  if (positionals.length === 0) return fail('analyze needs one or more run folders');
  const rows = (await Promise.all(positionals.map((dir) => readResults(dir)))).flat();
  const bootstrap = { resamples: 1000, seed: numberFlag(values.seed, 'seed') ?? 0, confidence: 0.95 };
  process.stdout.write(`${formatTable(summarize(rows, { groupBy: ['model', 'accelerator'], bootstrap }))}\n\n`);
  process.stdout.write(`${formatTable(summarize(rows, { groupBy: ['model', 'accelerator', 'domain'], bootstrap }))}\n`);
  return 0;
}

async function runList(): Promise<number> {
  const out: string[] = ['Datasets:'];
  for (const d of await listDatasets()) out.push(`  ${d.name.padEnd(12)} ${d.queries} queries  ${JSON.stringify(d.domains)}`);
  out.push('', 'Recipes (--recipe):');
  for (const [name, description] of Object.entries(RECIPES)) out.push(`  ${name.padEnd(18)} ${description}`);
  out.push('', 'Graders:');
  for (const [name, description] of Object.entries(GRADERS)) out.push(`  ${name.padEnd(8)} ${description}`);
  out.push('', 'Energy sources (--energy):');
  for (const s of listEnergySources()) out.push(`  ${s.name.padEnd(13)} ${s.available ? 'available  ' : 'unavailable'} ${s.detail}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

async function runFixtureModel(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      queries: { type: 'string' },
      correct: { type: 'string' },
      seed: { type: 'string' },
      bench: { type: 'string' },
      type: { type: 'string' },
    },
  });
  const fixture = await prepareFixtureModel({
    outPath: values.out,
    queries: values.queries,
    correctFraction: numberFlag(values.correct, 'correct'),
    seed: numberFlag(values.seed, 'seed'),
    bench: values.bench as 'small' | 'medium' | undefined,
    type: values.type as 'f16' | 'q8_0' | undefined,
  });
  process.stdout.write(`${fixture.modelPath}\n`);
  return 0;
}

async function runDemo(): Promise<number> {
  process.stderr.write(`ipw demo: generating the tiny fixture model and profiling it on ${DEMO_QUERY_COUNT} sample queries\n`);
  const fixture = await prepareFixtureModel({});
  const result = await profile({
    model: fixture.modelPath,
    queries: fixture.queries,
    outDir: `runs/demo-${new Date().toISOString().replace(/[:.]/g, '-')}`,
    maxTokens: 16,
    threads: 1,
    gpu: false,
    signal: interruptSignal(),
    onProgress: progressReporter(),
  });
  process.stdout.write(`\n${formatTable(summarize(result.results, { groupBy: ['model', 'accelerator'], bootstrap: { resamples: 1000, seed: 0, confidence: 0.95 } }))}\n\n`);
  process.stdout.write(`${formatTable(result.summary)}\n`);
  process.stdout.write(`\nThe fixture model was built to answer ${fixture.expectedCorrect} of ${fixture.queries.length} queries correctly.\n`);
  process.stdout.write(`Energy here is an estimate (process CPU time x watts per core). Results: ${result.runDir}\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'profile':
        return await runProfile(args);
      case 'analyze':
        return await runAnalyze(args);
      case 'list':
        return await runList();
      case 'fixture-model':
        return await runFixtureModel(args);
      case 'demo':
        return await runDemo();
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        return fail(`unknown command "${command}"\n\n${USAGE}`);
    }
  } catch (error) {
    return fail((error as Error).message);
  }
}
