import { parseArgs } from 'node:util';
import {
  DEFAULT_CALIBRATION_REQUESTS,
  DEFAULT_LOAD_MAX_RETRIES,
  DEFAULT_PARALLEL,
  DEFAULT_SERVE,
  DEFAULT_PERCENTILES,
  DEFAULT_SATURATION_CONCURRENCY,
  DEFAULT_SWEEP_STEPS,
  formatLoadReport,
  formatLoadTable,
  loadTest,
  parseSlo,
  rateSweep,
  type LoadTestOptions,
} from '../../load/index.ts';
import { DEFAULT_MAX_TOKENS } from '../../profile/index.ts';
import { GRADER_NAMES, type GraderName } from '../../queries/index.ts';
import {
  DEFAULT_CONTEXT_SIZE,
  DEFAULT_SEED,
  DEFAULT_SYSTEM_PROMPT,
  DEFAULT_TEMPLATE,
} from '../../run/index.ts';
import { interruptSignal, numberFlag, type Command } from '../command.ts';
import { ENERGY_FLAGS, energyFlags } from '../energy-flags.ts';
import { SERVER_FLAGS, serverFlags } from '../server-flags.ts';
import { inFlagTerms } from '../flag-terms.ts';
import { flagHelp, MODEL_VALUE, QUERIES_VALUE, parseSpecs, pickFlags, type FlagSpec } from '../flags.ts';

/** Exactly one of --rate, --concurrency, --burst, --replay, --rate-sweep; undefined for the sweep. */
function arrivalsOf(values: { rate?: string; concurrency?: string; burst?: boolean; replay?: string; seed?: string; 'rate-sweep'?: boolean }): LoadTestOptions['arrivals'] | undefined {
  const given = [
    values.rate !== undefined && '--rate',
    values.concurrency !== undefined && '--concurrency',
    values.burst && '--burst',
    values.replay !== undefined && '--replay',
    values['rate-sweep'] && '--rate-sweep',
  ].filter(Boolean);
  if (given.length !== 1) {
    throw new Error(
      `load needs exactly one arrival mode: --rate R (open loop, Poisson), --concurrency N (closed loop), --burst, --replay FILE, or --rate-sweep${given.length > 1 ? `; got ${given.join(', ')}` : ''}`,
    );
  }
  if (values['rate-sweep']) return undefined;
  if (values.rate !== undefined) return { mode: 'poisson', ratePerS: numberFlag(values.rate, 'rate')!, seed: numberFlag(values.seed, 'seed') ?? 0 };
  if (values.concurrency !== undefined) return { mode: 'closed', concurrency: numberFlag(values.concurrency, 'concurrency')! };
  if (values.burst) return { mode: 'burst' };
  return { mode: 'replay', replayFile: values.replay! };
}

/** Every flag of `ipw load`, in help order: parsed and documented from this table (defaults: the library's constants). */
export const LOAD_FLAGS = {
  model: { value: MODEL_VALUE, help: 'a model on an OpenAI-compatible server, or a GGUF served for the test as --serve says' },
  queries: { value: QUERIES_VALUE, help: 'a query file or folder, or the bundled sample; request k asks query k mod n' },
  rate: { value: 'R', help: 'mode: open loop, Poisson arrivals at R requests/s (seeded by --seed)' },
  concurrency: { value: 'N', help: 'mode: closed loop, N requests in flight at all times' },
  burst: { boolean: true, help: 'mode: every request at once (needs --requests)' },
  replay: { value: 'FILE', help: 'mode: open loop at the times in FILE, JSONL lines {"atMs": 250, "queryId": "q1"}' },
  'rate-sweep': { boolean: true, help: 'mode: one request at a time, then --saturation-concurrency at once, then --steps Poisson rates between the two; a run folder per level' },
  steps: { value: 'N', help: 'Poisson levels of a rate sweep', default: DEFAULT_SWEEP_STEPS },
  'saturation-concurrency': { value: 'N', help: 'requests in flight while a rate sweep finds saturation', default: DEFAULT_SATURATION_CONCURRENCY },
  requests: { value: 'N', help: 'at most N requests; unset: one per query unless --duration-s is given' },
  'duration-s': { value: 'S', help: 'send no request after S seconds; those in flight finish' },
  slo: { value: 'ttft=500ms,tpot=50ms', help: 'objectives for goodput (ttft, tpot, e2el; ms or s)' },
  percentiles: { value: 'LIST', help: 'latency percentiles reported', default: DEFAULT_PERCENTILES.join(',') },
  'max-tokens': { value: 'N', help: 'generation limit per request', default: DEFAULT_MAX_TOKENS },
  calibration: { value: 'N', help: 'solo requests first: the warm-up, and the prefill weight', default: DEFAULT_CALIBRATION_REQUESTS },
  'prefill-weight': { value: 'W', help: 'cost of a prompt token relative to an output token in the energy attribution; unset: calibrated' },
  serve: { value: 'llama-server|in-process', help: "how a GGUF is served: the project's llama-server, or node-llama-cpp in this process", default: DEFAULT_SERVE },
  parallel: { value: 'N', help: 'requests a GGUF decodes together: llama-server slots (continuous batching) or in-process sequences (one batch)', default: DEFAULT_PARALLEL },
  threads: { value: 'N', help: 'CPU threads for a GGUF; unset: 1 for llama-server, a short probe in-process' },
  context: { value: 'N', help: 'context size of the llama-server started for a GGUF, shared by its slots', default: DEFAULT_CONTEXT_SIZE },
  template: { value: 'auto|raw', help: "raw: the completions endpoint, the prompt as is; else the server's chat template", default: DEFAULT_TEMPLATE },
  'system-prompt': { value: 'TEXT', help: 'system message before each query', default: JSON.stringify(DEFAULT_SYSTEM_PROMPT) },
  seed: { value: 'N', help: 'seed of --sample, of Poisson arrivals and of generation', default: DEFAULT_SEED },
  out: { value: 'DIR', help: 'run folder; unset: runs/load-<model>-<time>' },
  limit: { value: 'N', help: 'first N queries (after --sample)' },
  sample: { value: 'N', help: 'seeded sample of N queries, stratified by domain' },
  map: { value: 'a=b,c=d', help: 'map query fields to source columns (prompt=problem,...)' },
  recipe: { value: 'NAME', help: 'a named layout (see ipw list)' },
  split: { value: 'NAME', help: 'split of a Hugging Face DatasetDict folder; unset: test, or the only one' },
  grader: { value: GRADER_NAMES.filter((g) => g !== 'judge').join('|'), help: 'grade every query this way (no judge under load)' },
  ...pickFlags(ENERGY_FLAGS, ['energy', 'energy-domains', 'energy-from', 'sample-ms', 'baseline-s', 'gpu-index', 'gpu-uuid', 'rapl-root', 'nvml-library', 'hwmon-root', 'watts-per-core']),
  ...SERVER_FLAGS,
  retries: { value: 'N', help: 'retries of a request answered 429 or 5xx; 0 shows a server that sheds load as failures', default: DEFAULT_LOAD_MAX_RETRIES },
} as const satisfies Record<string, FlagSpec>;

function serveFlag(value: string | undefined): LoadTestOptions['serve'] {
  if (value === undefined || value === 'llama-server' || value === 'in-process') return value;
  throw new Error(`--serve takes llama-server or in-process; got ${value}`);
}

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: parseSpecs(LOAD_FLAGS) });
  if (!values.model) throw new Error(`load needs --model ${MODEL_VALUE}`);
  if (!values.queries) throw new Error(`load needs --queries ${QUERIES_VALUE}`);
  const seed = numberFlag(values.seed, 'seed') ?? DEFAULT_SEED;
  const sampleN = numberFlag(values.sample, 'sample');
  const modelName = values.model.split(/[\\/#]/).pop()!.replace(/\.gguf$/i, '');
  const { preflight: _preflight, ...energy } = energyFlags(values);
  const arrivals = arrivalsOf(values);
  const options: LoadTestOptions = {
    model: values.model,
    queries: values.queries,
    queryOptions: {
      map: values.map,
      recipe: values.recipe,
      split: values.split,
      grader: values.grader as GraderName | undefined,
      limit: numberFlag(values.limit, 'limit'),
      sample: sampleN === undefined ? undefined : { n: sampleN, seed, stratify: true },
    },
    outDir: values.out ?? `runs/load-${modelName}-${new Date().toISOString().replace(/[:.]/g, '-')}`,
    arrivals: arrivals ?? { mode: 'burst' },
    requests: numberFlag(values.requests, 'requests'),
    durationS: numberFlag(values['duration-s'], 'duration-s'),
    maxTokens: numberFlag(values['max-tokens'], 'max-tokens'),
    slo: values.slo === undefined ? undefined : parseSlo(values.slo),
    percentiles: values.percentiles?.split(',').map((p) => numberFlag(p.trim(), 'percentiles')!),
    calibrationRequests: numberFlag(values.calibration, 'calibration'),
    prefillWeight: numberFlag(values['prefill-weight'], 'prefill-weight'),
    serve: serveFlag(values.serve),
    parallel: numberFlag(values.parallel, 'parallel'),
    threads: numberFlag(values.threads, 'threads'),
    contextSize: numberFlag(values.context, 'context'),
    template: values.template,
    seed,
    systemPrompt: values['system-prompt'],
    ...serverFlags(values),
    ...energy,
  };
  options.signal = interruptSignal();
  let lastDecile = -1;
  options.onProgress = (p) => {
    const decile = Number.isFinite(p.planned) ? Math.floor((p.ended / p.planned) * 10) : Math.floor(p.elapsedMs / 10_000);
    if (decile === lastDecile) return;
    lastDecile = decile;
    process.stderr.write(`${p.ended}${Number.isFinite(p.planned) ? `/${p.planned}` : ''} requests ended, ${p.failed} failed, ${(p.elapsedMs / 1000).toFixed(1)} s\n`);
  };
  if (arrivals === undefined) {
    const sweep = await rateSweep({
      ...options,
      steps: numberFlag(values.steps, 'steps'),
      saturationConcurrency: numberFlag(values['saturation-concurrency'], 'saturation-concurrency'),
      onLevel: ({ label, summary }) => process.stderr.write(`level ${label}: ${summary.metrics.completed} requests, ${summary.metrics.requestThroughputPerS.toFixed(3)} req/s\n`),
    });
    for (const level of sweep.levels) for (const warning of level.summary.warnings) process.stderr.write(`ipw: ${level.label}: ${inFlagTerms(warning)}\n`);
    if (sweep.warning) process.stderr.write(`ipw: ${sweep.warning}\n`);
    process.stdout.write(`${formatLoadTable(sweep.levels.map((l) => l.summary))}\nresults: ${options.outDir} (one folder per level)\n`);
    return sweep.levels.every((l) => l.summary.complete) ? 0 : 130;
  }
  const result = await loadTest(options);
  for (const warning of result.summary.warnings) process.stderr.write(`ipw: ${inFlagTerms(warning)}\n`);
  process.stdout.write(`${formatLoadReport(result.summary)}\n`);
  process.stdout.write(result.summary.complete ? `results: ${result.runDir}\n` : `stopped early; what ran is in ${result.runDir}\n`);
  return result.summary.complete ? 0 : 130;
}

export const loadCommand: Command = {
  usage: `  ipw load --model ${MODEL_VALUE} --queries ${QUERIES_VALUE} --rate R | --concurrency N | --burst | --replay FILE | --rate-sweep [options]   (docs/serving.md)\n${flagHelp(LOAD_FLAGS)}`,
  run,
};
