import { parseArgs } from 'node:util';
import {
  DEFAULT_PEAK_ARRAY_MIB, DEFAULT_PEAK_MATMUL_TYPES, DEFAULT_PEAK_PROMPT_TOKENS, DEFAULT_PEAK_REPETITIONS, peak,
  type MatmulType, type MeasuredPeak, type SpecSheet,
} from '../../peak/index.ts';
import { numberFlag, type Command } from '../command.ts';
import { flagHelp, parseSpecs, type FlagSpec } from '../flags.ts';

/** Every flag of `ipw peak`, parsed and documented from this table (defaults: lib/peak's constants). */
export const PEAK_COMMAND_FLAGS = {
  json: { boolean: true, help: 'print the record as JSON' },
  refresh: { boolean: true, help: 'measure again even when this host has a cached record' },
  cache: { value: 'FILE', help: 'the cache file; unset: ~/.cache/ipw-lab/peak-<hostname>.json' },
  threads: { value: 'N', help: "threads of both probes; unset: every logical CPU" },
  'prompt-tokens': { value: 'N', help: 'prompt tokens of each timed llama-bench run', default: DEFAULT_PEAK_PROMPT_TOKENS },
  repetitions: { value: 'N', help: 'timed runs of each probe, the best kept', default: DEFAULT_PEAK_REPETITIONS },
  'array-mib': { value: 'N', help: "MiB of each of the bandwidth kernel's three arrays", default: DEFAULT_PEAK_ARRAY_MIB },
  types: { value: 'F16,Q8_0', help: 'weight types whose matmuls are timed; the fastest is the peak', default: DEFAULT_PEAK_MATMUL_TYPES.join(',') },
  'llama-bench': { value: 'PATH', help: 'the llama-bench binary; unset: the native build (npm run build:llama-tools)' },
} as const satisfies Record<string, FlagSpec>;

const giga = (value: number): string => (value / 1e9).toFixed(1);

function specLine(sheet: SpecSheet): string {
  const figures = [
    sheet.peakFlopsPerS === undefined ? undefined : `${(sheet.peakFlopsPerS / 1e12).toPrecision(4)} TFLOP/s (${sheet.precision})`,
    sheet.peakBytesPerS === undefined ? undefined : `${giga(sheet.peakBytesPerS)} GB/s`,
  ].filter(Boolean);
  return `${sheet.name}: ${figures.join(', ')}; ${sheet.scope}; ${sheet.source}`;
}

/** The record in words: the peaks with their methods, and the vendor's figures beside them. */
export function formatPeak(record: MeasuredPeak, where: string): string {
  const lines = [
    `Peak of ${record.host} (${record.cpuModel}, ${record.logicalCpus} logical CPUs), measured ${record.measuredAt} with ${record.threads} threads; ${where}`,
    `  compute    ${giga(record.peakFlopsPerS)} GFLOP/s   (${record.matmul.map((m) => `${m.type} ${giga(m.flopsPerS)}`).join(', ')})`,
    `             ${record.flopsMethod}`,
    `  bandwidth  ${giga(record.peakBytesPerS)} GB/s   (read ${giga(record.stream.readBytesPerS)}, triad ${giga(record.stream.triadBytesPerS)})`,
    `             ${record.bandwidthMethod}`,
    `  spec sheet ${record.specSheet ? specLine(record.specSheet) : `not known for "${record.cpuModel}" (lib/peak/spec-sheets.ts)`}`,
    ...record.gpus.map((gpu) => `  GPU        ${gpu.name}: not measured (the probe runs on the CPU build); ${gpu.specSheet ? `spec sheet ${specLine(gpu.specSheet)}` : 'no spec sheet known'}`),
    ...record.warnings.map((warning) => `  WARNING    ${warning}`),
    'ipw profile and ipw sweep use these peaks for the MFU/MBU of CPU runs unless --peak-tflops/--peak-gbps are given.',
  ];
  return lines.join('\n');
}

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: parseSpecs(PEAK_COMMAND_FLAGS) });
  const types = values.types?.split(',').map((t) => t.trim().toUpperCase()) as MatmulType[] | undefined;
  const result = await peak({
    cacheFile: values.cache,
    refresh: values.refresh,
    threads: numberFlag(values.threads, 'threads'),
    promptTokens: numberFlag(values['prompt-tokens'], 'prompt-tokens'),
    repetitions: numberFlag(values.repetitions, 'repetitions'),
    arrayMiB: numberFlag(values['array-mib'], 'array-mib'),
    matmulTypes: types,
    llamaBench: values['llama-bench'],
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...result.peak, cacheFile: result.cacheFile, reused: result.reused }, null, 2)}\n`);
    return 0;
  }
  const where = result.reused
    ? `cached in ${result.cacheFile} (measure again with --refresh)`
    : `measured now in ${result.peak.durationS.toFixed(1)} s and cached in ${result.cacheFile}`;
  process.stdout.write(`${formatPeak(result.peak, where)}\n`);
  return 0;
}

export const peakCommand: Command = {
  usage: `  ipw peak [options]
      a short measured probe of this machine's peak compute (llama-bench's prompt processing, through the native
      llama.cpp build, of a generated GGUF of known FLOPs) and memory bandwidth (a streaming kernel compiled here),
      cached per host with its method; the vendor's spec-sheet figures beside it where known (docs/sweeps.md)
${flagHelp(PEAK_COMMAND_FLAGS)}`,
  run,
};
