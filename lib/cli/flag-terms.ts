/**
 * The library's option names and the CLI flags that set them: one table, so a library error ("baselineS must be 0 or
 * more") reaches a CLI user in the words they typed ("--baseline-s must be 0 or more"). Notebook users see the
 * library's own words.
 */
export const FLAG_FOR_OPTION: Readonly<Record<string, string>> = {
  baselineS: '--baseline-s',
  sampleMs: '--sample-ms',
  wattsPerCore: '--watts-per-core',
  energyDomains: '--energy-domains',
  energyFrom: '--energy-from',
  maxTokens: '--max-tokens',
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
};

const PATTERN = new RegExp(
  Object.keys(FLAG_FOR_OPTION)
    .sort((a, b) => b.length - a.length)
    .map((k) => `(?<![\\w.-])${k.replace(/[.*+?^${}()|[\]\\']/g, '\\$&')}(?![\\w-])`)
    .join('|'),
  'g',
);

/** A library message with each option name replaced by its flag. Pure. */
export function inFlagTerms(message: string): string {
  return message.replace(PATTERN, (option) => FLAG_FOR_OPTION[option] ?? option);
}
