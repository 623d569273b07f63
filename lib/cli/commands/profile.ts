import { parseArgs } from 'node:util';
import { energyFlags, energyOptionSpecs } from '../energy-flags.ts';
import { formatTable } from '../../metrics/index.ts';
import { openJudge, profile, type ProfileOptions } from '../../profile/index.ts';
import type { GraderName } from '../../queries/index.ts';
import type { GpuChoice, LlamaEngineChoice, LlamaLibraryChoice } from '../../run/index.ts';
import { choiceFlag, interruptSignal, numberFlag, type Command } from '../command.ts';
import { preflightProfile } from '../preflight.ts';
import { progressReporter } from '../progress.ts';

function gpuFlag(value: string | undefined): GpuChoice | undefined {
  if (value === undefined) return undefined;
  if (value === 'false' || value === 'cpu') return false;
  if (value === 'auto' || value === 'cuda' || value === 'vulkan' || value === 'metal') return value;
  throw new Error(`--gpu expects auto, false, cuda, vulkan or metal, got "${value}"`);
}

async function run(args: string[]): Promise<number> {
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
      split: { type: 'string' },
      grader: { type: 'string' },
      'max-tokens': { type: 'string' },
      warmup: { type: 'string' },
      'warmup-s': { type: 'string' },
      threads: { type: 'string' },
      gpu: { type: 'string' },
      template: { type: 'string' },
      engine: { type: 'string' },
      library: { type: 'string' },
      ...energyOptionSpecs,
      seed: { type: 'string' },
      'system-prompt': { type: 'string' },
      judge: { type: 'string' },
      'judge-fallback': { type: 'boolean' },
      context: { type: 'string' },
      'max-errors': { type: 'string' },
      'api-key-env': { type: 'string' },
      'connect-timeout-s': { type: 'string' },
      'first-token-timeout-s': { type: 'string' },
      'idle-timeout-s': { type: 'string' },
      retries: { type: 'string' },
    },
  });
  if (values['judge-fallback'] && !values.judge) throw new Error('--judge-fallback needs --judge <file.gguf | openai:URL#model>');
  if (!values.model) throw new Error('profile needs --model <file.gguf | openai:URL#model>');
  if (!values.queries) throw new Error('profile needs --queries <path | sample>');
  const seed = numberFlag(values.seed, 'seed') ?? 0;
  const sampleN = numberFlag(values.sample, 'sample');
  const modelName = values.model.split(/[\\/#]/).pop()!.replace(/\.gguf$/i, '');
  const outDir = values.out ?? `runs/${modelName}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  if (values.resume && !values.out) throw new Error('--resume needs --out <run folder> to know which run to continue');
  const options: ProfileOptions = {
    model: values.model,
    queries: values.queries,
    load: {
      map: values.map,
      recipe: values.recipe,
      split: values.split,
      grader: values.grader as GraderName | undefined,
      limit: numberFlag(values.limit, 'limit'),
      sample: sampleN === undefined ? undefined : { n: sampleN, seed, stratify: true },
    },
    outDir,
    resume: values.resume,
    maxTokens: numberFlag(values['max-tokens'], 'max-tokens'),
    warmupQueries: numberFlag(values.warmup, 'warmup'),
    warmupS: numberFlag(values['warmup-s'], 'warmup-s'),
    threads: numberFlag(values.threads, 'threads'),
    contextSize: numberFlag(values.context, 'context'),
    maxErrors: numberFlag(values['max-errors'], 'max-errors'),
    apiKeyEnv: values['api-key-env'],
    connectTimeoutS: numberFlag(values['connect-timeout-s'], 'connect-timeout-s'),
    firstTokenTimeoutS: numberFlag(values['first-token-timeout-s'], 'first-token-timeout-s'),
    idleTimeoutS: numberFlag(values['idle-timeout-s'], 'idle-timeout-s'),
    maxRetries: numberFlag(values.retries, 'retries'),
    gpu: gpuFlag(values.gpu),
    template: values.template,
    engine: choiceFlag<LlamaEngineChoice>(values.engine, 'engine', ['auto', 'direct', 'node-llama-cpp']),
    library: choiceFlag<LlamaLibraryChoice>(values.library, 'library', ['auto', 'native', 'prebuilt']),
    systemPrompt: values['system-prompt'],
    ...energyFlags(values),
    seed,
  };
  const serverOptions = {
    apiKeyEnv: options.apiKeyEnv,
    connectTimeoutS: options.connectTimeoutS,
    firstTokenTimeoutS: options.firstTokenTimeoutS,
    idleTimeoutS: options.idleTimeoutS,
    maxRetries: options.maxRetries,
  };
  // Bad flags, model paths and run folders fail here, before a model or a query file loads.
  if (options.maxErrors !== undefined && (!Number.isInteger(options.maxErrors) || options.maxErrors < 0)) throw new Error(`maxErrors must be a whole number, 0 or more; got ${options.maxErrors}`);
  await preflightProfile(values.model, options, outDir, values.resume);
  if (values.judge) await preflightProfile(values.judge, serverOptions, outDir, values.resume);
  options.signal = interruptSignal();
  options.onProgress = progressReporter();
  const judge = values.judge ? await openJudge(values.judge, { threads: options.threads, gpu: options.gpu, seed, ...serverOptions }) : undefined;
  let result;
  try {
    result = await profile({ ...options, judge: judge?.judge, judgeFallback: values['judge-fallback'] });
  } finally {
    await judge?.runner.close();
  }
  for (const warning of result.warnings) process.stderr.write(`ipw: ${warning}\n`);
  process.stdout.write(`${formatTable(result.summary)}\n`);
  process.stdout.write(result.complete ? `results: ${result.runDir}\n` : `partial run in ${result.runDir}; continue with --resume --out ${result.runDir}\n`);
  return result.complete ? 0 : 130;
}

export const profileCommand: Command = {
  usage: `  ipw profile --model <file.gguf | openai:URL#model> --queries <path | sample> [options]
      --out runs/NAME        run folder (default runs/<model>-<time>)
      --resume               continue the run in --out without redoing finished queries
      --limit N              first N queries (after --sample)
      --sample N             seeded sample of N queries, stratified by domain
      --map a=b,c=d          map query fields to source columns (prompt=problem,...)
      --recipe NAME          a named layout (see ipw list)
      --split NAME           split of a Hugging Face DatasetDict folder (default test, or the only one)
      --grader mc|numeric|exact|judge   grade every query this way
      --max-tokens N         generation limit per query (default 256)
      --warmup N             warm-up queries excluded from results (default 1; 0: no warm-up)
      --warmup-s S           with a warm-up, repeat it until S seconds have passed (default 2)
      --threads N            CPU threads, 1 to this machine's logical CPUs (default: probed at load)
      --context N            context size in tokens; a longer prompt is an error row (default 4096)
      --max-errors N         queries that may fail (error rows) before the run stops (default 5% of the queries)
      --gpu auto|false|cuda|vulkan|metal --template auto|chatML|...|raw
      --engine auto|direct|node-llama-cpp   who runs the generation loop (default auto: direct on the CPU)
      --library auto|native|prebuilt   llama.cpp build for the direct engine (native: npm run build:llama-tools)
      --energy auto|rapl|nvml|amd-gpu|powermetrics|estimated   source of the primary domain (see ipw doctor;
                             auto: from where the model runs; every other sensor is recorded beside it)
      --energy-domains LIST  primary domains for IPW instead (rapl, nvml, rapl:package-0, ...)
      --energy-from prometheus:URL   the serving machine's energy from a Prometheus exporter (openai: models)
      --preflight warn|strict|off   foreign load before and during the run: flag it (warn, default), wait for
                             quiet or refuse (strict), or skip the check
      --sample-ms N          energy sampling period (default 50; window edges are sampled on demand)
      --baseline-s S         idle seconds measured first, for net energy (default 2; 0 skips)
      --gpu-index N | --gpu-uuid GPU-...   one NVIDIA GPU (default: all)
      --rapl-root DIR --nvml-library PATH --hwmon-root DIR   where the sources live
      --watts-per-core W  --seed N
      --api-key-env NAME     environment variable holding the server's API key (default OPENAI_API_KEY)
      --connect-timeout-s S --first-token-timeout-s S --idle-timeout-s S   openai: limits (default 10, 300, 60)
      --retries N            retries of a request answered 429 or 5xx before its first token (default 2)
      --judge <file.gguf | openai:URL#model>   LLM judge for queries graded "judge"
      --judge-fallback       also ask the judge to read answers the rules find none or several of`,
  run,
};
