import { parseArgs } from 'node:util';
import { ENERGY_FLAGS, energyFlags } from '../energy-flags.ts';
import { SERVER_FLAGS, serverFlags } from '../server-flags.ts';
import { derivedFiguresTable, formatDerivedTable } from '../../analyze/index.ts';
import { hasRates, type Utilization } from '../../efficiency/index.ts';
import { formatTable } from '../../metrics/index.ts';
import {
  DEFAULT_MAX_ERROR_FRACTION,
  DEFAULT_MAX_TOKENS,
  DEFAULT_WARMUP_QUERIES,
  DEFAULT_WARMUP_S,
  DEFAULT_WORKLOAD,
  openJudge,
  profile,
  type ProfileOptions,
  type Workload,
} from '../../profile/index.ts';
import { GRADER_NAMES, type GraderName } from '../../queries/index.ts';
import {
  DEFAULT_CONTEXT_SIZE,
  DEFAULT_ENGINE,
  DEFAULT_GPU,
  DEFAULT_GPU_LAYERS,
  DEFAULT_LIBRARY,
  DEFAULT_SEED,
  DEFAULT_SYSTEM_PROMPT,
  DEFAULT_TEMPLATE,
  type GpuChoice,
  type GpuLayersChoice,
  type LlamaEngineChoice,
  type LlamaLibraryChoice,
} from '../../run/index.ts';
import { AGENT_LOOP_FLAGS, agentLoopFlags, REASONING_FLAG, reasoningFlag } from '../agent-flags.ts';
import { choiceFlag, interruptSignal, numberFlag, type Command } from '../command.ts';
import { inFlagTerms } from '../flag-terms.ts';
import { flagHelp, MODEL_VALUE, QUERIES_VALUE, parseSpecs, type FlagSpec } from '../flags.ts';
import { preflightProfile } from '../preflight.ts';
import { phaseReporter, progressReporter } from '../progress.ts';
import { PEAK_FLAGS, RATE_FLAGS, peakFlags, rateFlags } from '../rate-flags.ts';

function gpuFlag(value: string | undefined): GpuChoice | undefined {
  if (value === undefined) return undefined;
  if (value === 'false' || value === 'cpu') return false;
  if (value === 'auto' || value === 'cuda' || value === 'vulkan' || value === 'metal') return value;
  throw new Error(`--gpu expects auto, false, cuda, vulkan or metal, got "${value}"`);
}

/** `--gpu-layers N|max|auto`: a count is checked by the library (its error names gpuLayers, shown as this flag). */
function gpuLayersFlag(value: string | undefined): GpuLayersChoice | undefined {
  if (value === undefined || value === 'max' || value === 'auto') return value;
  if (!/^\d+$/.test(value)) throw new Error(`--gpu-layers expects a whole number, max or auto, got "${value}"`);
  return Number(value);
}

/** Every flag of `ipw profile`, in help order: parsed and documented from this table (defaults: the library's constants). */
export const PROFILE_FLAGS = {
  model: { value: MODEL_VALUE, help: 'a GGUF file, run in-process, or a model on an OpenAI-compatible server' },
  queries: { value: QUERIES_VALUE, help: 'a query file or folder (JSONL, CSV, Parquet, Hugging Face), or the bundled sample; with --workload agent, an agent task file (data/agent-tasks.jsonl)' },
  workload: { value: 'queries|agent', help: 'queries: one generation each; agent: each item is a task solved over turns with tools (docs/agents.md)', default: DEFAULT_WORKLOAD },
  ...AGENT_LOOP_FLAGS,
  ...REASONING_FLAG,
  out: { value: 'runs/NAME', help: 'run folder; unset: runs/<model>-<time>' },
  resume: { boolean: true, help: 'continue the run in --out without redoing finished queries' },
  limit: { value: 'N', help: 'first N queries (after --sample)' },
  sample: { value: 'N', help: 'seeded sample of N queries, stratified by domain' },
  map: { value: 'a=b,c=d', help: 'map query fields to source columns (prompt=problem,...)' },
  recipe: { value: 'NAME', help: 'a named layout (see ipw list)' },
  split: { value: 'NAME', help: 'split of a Hugging Face DatasetDict folder; unset: test, or the only one' },
  grader: { value: GRADER_NAMES.join('|'), help: 'grade every query this way' },
  'max-tokens': { value: 'N', help: 'generation limit per query', default: DEFAULT_MAX_TOKENS },
  warmup: { value: 'N', help: 'warm-up queries, excluded from results; 0: no warm-up', default: DEFAULT_WARMUP_QUERIES },
  'warmup-s': { value: 'S', help: 'with a warm-up, repeat it until S seconds have passed', default: DEFAULT_WARMUP_S },
  threads: { value: 'N', help: "CPU threads, 1 to this machine's logical CPUs; unset: probed at load" },
  context: { value: 'N', help: 'context size in tokens; a longer prompt is an error row', default: DEFAULT_CONTEXT_SIZE },
  'max-errors': { value: 'N', help: `queries that may fail (error rows) before the run stops; unset: ${DEFAULT_MAX_ERROR_FRACTION * 100}% of the queries` },
  gpu: { value: 'auto|false|cuda|vulkan|metal', help: 'GPU backend; false: the CPU only', default: DEFAULT_GPU },
  'gpu-layers': { value: 'N|max|auto', help: "layers offloaded to the GPU; auto: node-llama-cpp's choice; 0 on the CPU", default: DEFAULT_GPU_LAYERS },
  template: { value: 'auto|chatML|...|raw', help: "chat template; auto: the GGUF's own; raw: plain completion", default: DEFAULT_TEMPLATE },
  engine: { value: 'auto|direct|node-llama-cpp', help: 'who runs the generation loop; auto: direct on the CPU', default: DEFAULT_ENGINE },
  library: { value: 'auto|native|prebuilt', help: 'llama.cpp build for the direct engine (native: npm run build:llama-tools)', default: DEFAULT_LIBRARY },
  'system-prompt': { value: 'TEXT', help: 'system message before each query', default: JSON.stringify(DEFAULT_SYSTEM_PROMPT) },
  seed: { value: 'N', help: 'seed of --sample and of generation', default: DEFAULT_SEED },
  ...ENERGY_FLAGS,
  judge: { value: MODEL_VALUE, help: 'LLM judge for queries graded "judge"' },
  'judge-fallback': { boolean: true, help: 'also ask the judge to read answers the rules find none or several of' },
  ...SERVER_FLAGS,
  ...RATE_FLAGS,
  ...PEAK_FLAGS,
} as const satisfies Record<string, FlagSpec>;

const share = (u: Utilization): string => (Number.isFinite(u.value) ? `${(u.value * 100).toPrecision(3)}%` : `- (${u.reason})`);

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: parseSpecs(PROFILE_FLAGS) });
  if (values['judge-fallback'] && !values.judge) throw new Error('--judge-fallback needs --judge <file.gguf | openai:URL#model>');
  if (!values.model) throw new Error(`profile needs --model ${MODEL_VALUE}`);
  if (!values.queries) throw new Error('profile needs --queries <path | sample>');
  const seed = numberFlag(values.seed, 'seed') ?? DEFAULT_SEED;
  const sampleN = numberFlag(values.sample, 'sample');
  const modelName = values.model.split(/[\\/#]/).pop()!.replace(/\.gguf$/i, '');
  const outDir = values.out ?? `runs/${modelName}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  if (values.resume && !values.out) throw new Error('--resume needs --out <run folder> to know which run to continue');
  const workload = choiceFlag<Workload>(values.workload, 'workload', ['queries', 'agent']);
  const stray = Object.keys(AGENT_LOOP_FLAGS).find((flag) => values[flag as keyof typeof AGENT_LOOP_FLAGS] !== undefined);
  if (workload !== 'agent' && stray !== undefined) throw new Error(`--${stray} applies to --workload agent (agent tasks), not to single queries`);
  const options: ProfileOptions = {
    model: values.model,
    queries: values.queries,
    workload,
    ...(workload === 'agent' ? { agent: agentLoopFlags(values) } : {}),
    reasoning: reasoningFlag(values.reasoning),
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
    ...serverFlags(values),
    gpu: gpuFlag(values.gpu),
    gpuLayers: gpuLayersFlag(values['gpu-layers']),
    template: values.template,
    engine: choiceFlag<LlamaEngineChoice>(values.engine, 'engine', ['auto', 'direct', 'node-llama-cpp']),
    library: choiceFlag<LlamaLibraryChoice>(values.library, 'library', ['auto', 'native', 'prebuilt']),
    systemPrompt: values['system-prompt'],
    ...energyFlags(values),
    seed,
  };
  const rates = rateFlags(values);
  const { peaks, peakCacheFile } = peakFlags(values);
  options.efficiency = { ...peaks, ...rates };
  options.peakCacheFile = peakCacheFile;
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
  options.onPhase = phaseReporter();
  options.onProgress = progressReporter();
  const judge = values.judge ? await openJudge(values.judge, { threads: options.threads, gpu: options.gpu, seed, ...serverOptions }) : undefined;
  let result;
  try {
    result = await profile({ ...options, judge: judge?.judge, judgeFallback: values['judge-fallback'] });
  } finally {
    await judge?.runner.close();
  }
  for (const warning of result.warnings) process.stderr.write(`ipw: ${inFlagTerms(warning)}\n`);
  process.stdout.write(`${formatTable(result.summary)}\n`);
  // Derived figures, as the manifest records them: cost and carbon at the rates given, MFU/MBU at the peaks used.
  if (hasRates(rates)) process.stdout.write(`\n${formatDerivedTable(derivedFiguresTable(result.derived.groups, rates))}\n`);
  const { peaks: used } = result.derived;
  if (used.peakFlopsPerS !== undefined || used.peakBytesPerS !== undefined) {
    for (const g of result.derived.groups) {
      process.stdout.write(`\nMFU/MBU (ESTIMATES) ${g.model} on ${g.accelerator}: prefill MFU ${share(g.prefillMfu)}, decode MFU ${share(g.decodeMfu)}, decode MBU ${share(g.decodeMbu)}\n`);
    }
    process.stdout.write(`  peaks: ${used.measured ? `measured by ipw peak on ${used.measured.host} at ${used.measured.measuredAt}` : (used.peakSource ?? 'given, source not stated')}; see the manifest's derived.peaks for each method\n`);
  }
  process.stdout.write(result.complete ? `results: ${result.runDir}\n` : `partial run in ${result.runDir}; continue with --resume --out ${result.runDir}\n`);
  return result.complete ? 0 : 130;
}

export const profileCommand: Command = {
  usage: `  ipw profile --model ${MODEL_VALUE} --queries ${QUERIES_VALUE} [options]\n${flagHelp(PROFILE_FLAGS)}`,
  run,
};
