import { OptionError } from '../errors/index.ts';

/**
 * The library's option names and the CLI flags that set them: one table, so a library error ("baselineS must be 0 or
 * more") reaches a CLI user in the words they typed ("--baseline-s must be 0 or more"). Notebook users (and the
 * kernel) see the library's own words.
 *
 * A key is an option name (`baselineS`, `load.map`) or a phrase library messages use for an option with a value
 * (`engine: 'node-llama-cpp'`). `null`: an option no flag sets. Keys that are plain words (`model`, `threads`) are
 * replaced only as the subject of their own OptionError ("threads must be ..."), since in running text they are
 * English ("all threads"); every other key is replaced wherever it stands.
 */
export const FLAG_FOR_OPTION: Readonly<Record<string, string | null>> = {
  baselineS: '--baseline-s',
  sampleMs: '--sample-ms',
  wattsPerCore: '--watts-per-core',
  energyDomains: '--energy-domains',
  energyFrom: '--energy-from',
  maxTokens: '--max-tokens',
  ratePerS: '--rate',
  concurrency: '--concurrency',
  durationS: '--duration-s',
  calibrationRequests: '--calibration',
  prefillWeight: '--prefill-weight',
  replayFile: '--replay',
  saturationConcurrency: '--saturation-concurrency',
  warmupQueries: '--warmup',
  warmupS: '--warmup-s',
  judgeFallback: '--judge-fallback',
  outDir: '--out',
  threads: '--threads',
  contextSize: '--context',
  maxErrors: '--max-errors',
  apiKeyEnv: '--api-key-env',
  connectTimeoutS: '--connect-timeout-s',
  firstTokenTimeoutS: '--first-token-timeout-s',
  idleTimeoutS: '--idle-timeout-s',
  maxRetries: '--retries',
  gpuIndex: '--gpu-index',
  gpuUuid: '--gpu-uuid',
  raplRoot: '--rapl-root',
  nvmlLibrary: '--nvml-library',
  hwmonRoot: '--hwmon-root',
  "the 'estimated' source": '--energy estimated',
  'the judge option': '--judge <file.gguf | openai:URL#model>',
  'load.map': '--map',
  'load.grader': '--grader',
  'load.split': '--split',
  'load.limit': '--limit',
  'load.recipe': '--recipe',
  "load.grader: 'exact'": '--grader exact',
  model: '--model',
  'the model option': '--model',
  queries: '--queries',
  resume: '--resume',
  'the resume option': '--resume',
  judge: '--judge',
  gpu: '--gpu',
  gpuLayers: '--gpu-layers',
  reasoning: '--reasoning',
  'gpu: false': '--gpu false',
  engine: '--engine',
  "engine: 'direct'": '--engine direct',
  "engine: 'node-llama-cpp'": '--engine node-llama-cpp',
  library: '--library',
  "library: 'native'": '--library native',
  "library: 'prebuilt'": '--library prebuilt',
  template: '--template',
  systemPrompt: '--system-prompt',
  seed: '--seed',
  energy: '--energy',
  preflight: '--preflight',
  "preflight 'warn'": '--preflight warn',
  prometheusUrl: '--energy-from',
  injectClockOffsetMs: '--inject-clock-offset-ms',
  injectClockDriftPpm: '--inject-clock-drift-ppm',
  retryDelayMs: null,
  apiKey: null,
  usdPerKwh: '--usd-per-kwh',
  gco2PerKwh: '--grid-gco2-per-kwh',
  gridRegion: '--grid-region',
  hardwareUsd: '--hardware-usd',
  hardwareLifeYears: '--hardware-life-years',
  hardwareUtilization: '--hardware-utilization',
  promptTokens: '--prompt-tokens',
  repetitions: '--repetitions',
  arrayMiB: '--array-mib',
  llamaBench: '--llama-bench',
  matmulTypes: '--types',
};

/** A plain word is English in running text; such an option becomes its flag only as its own error's subject. */
const isPlainWord = (key: string): boolean => /^[a-z]+$/.test(key);

const PATTERN = new RegExp(
  Object.keys(FLAG_FOR_OPTION)
    .filter((k) => FLAG_FOR_OPTION[k] !== null && !isPlainWord(k))
    .sort((a, b) => b.length - a.length)
    .map((k) => `(?<![\\w.-])${k.replace(/[.*+?^${}()|[\]\\']/g, '\\$&')}(?![\\w-])`)
    .join('|'),
  'g',
);

/** The flag that sets `option`, or undefined when none does. */
export function flagFor(option: string): string | undefined {
  return Object.hasOwn(FLAG_FOR_OPTION, option) ? (FLAG_FOR_OPTION[option] ?? undefined) : undefined;
}

/**
 * A library message with each option name replaced by its flag; `option`, the option an OptionError concerns, is
 * replaced also where it is a plain word that opens the message. Pure.
 */
export function inFlagTerms(message: string, option?: string): string {
  const text = message.replace(PATTERN, (key) => FLAG_FOR_OPTION[key] ?? key);
  const flag = option === undefined ? undefined : flagFor(option);
  if (flag === undefined || !text.startsWith(option!) || /[\w.:-]/.test(text.charAt(option!.length))) return text;
  return flag + text.slice(option!.length);
}

/** What the CLI prints for an error: its message in flag terms. */
export function errorInFlagTerms(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return inFlagTerms(message, error instanceof OptionError ? error.option : undefined);
}
