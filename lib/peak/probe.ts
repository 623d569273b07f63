// `ipw peak`: a short measured probe of this machine's peak compute (matmuls through the native llama.cpp build, on a
// generated GGUF whose FLOPs are known) and memory bandwidth (a streaming kernel), cached per host.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { queryFlops, readModelArchitecture, type ModelArchitecture, type PeakFigures } from '../efficiency/index.ts';
import { Preflight } from '../energy/index.ts';
import { OptionError } from '../errors/index.ts';
import { ensureFixtureModel } from '../fixtures/index.ts';
import { cachedLlamaTools, ipwCacheDir } from '../run/index.ts';
import { buildStreamKernel, runStreamKernel, type StreamResult } from './bandwidth.ts';
import { specSheetFor, type SpecSheet } from './spec-sheets.ts';

const run = promisify(execFile);

/** Weight types whose matmuls the compute probe times. */
export type MatmulType = 'F16' | 'Q8_0';

/** The `promptTokens` option's default: one llama.cpp micro-batch. */
export const DEFAULT_PEAK_PROMPT_TOKENS = 512;
/** The `repetitions` option's default (timed runs of each probe; the best is kept). */
export const DEFAULT_PEAK_REPETITIONS = 3;
/** The `arrayMiB` option's default: three arrays of this many MiB, well beyond the caches of current CPUs. */
export const DEFAULT_PEAK_ARRAY_MIB = 128;
/** The `matmulTypes` option's default. */
export const DEFAULT_PEAK_MATMUL_TYPES: readonly MatmulType[] = ['F16', 'Q8_0'];

export interface PeakProbeOptions {
  /** Threads of both probes. Default: every logical CPU (os.availableParallelism()). */
  threads?: number;
  /** Prompt tokens of each timed prompt-processing run (DEFAULT_PEAK_PROMPT_TOKENS). */
  promptTokens?: number;
  /** Timed repetitions of each probe, best kept (DEFAULT_PEAK_REPETITIONS). */
  repetitions?: number;
  /** Weight types whose matmuls are timed; the fastest gives the peak (DEFAULT_PEAK_MATMUL_TYPES). */
  matmulTypes?: readonly MatmulType[];
  /** MiB of each of the bandwidth kernel's three arrays (DEFAULT_PEAK_ARRAY_MIB). */
  arrayMiB?: number;
  /** The llama-bench binary. Default: the native build's (`npm run build:llama-tools`). */
  llamaBench?: string;
  /** Where the probe's generated models and compiled kernel are kept. Default: `<ipw-lab cache>/peak`. */
  workDir?: string;
  /** The CPU model for the spec-sheet lookup. Default: os.cpus()'s. */
  cpuModel?: string;
  /** GPU names for the spec-sheet lookup. Default: nvidia-smi's list (none when it is absent). */
  gpuNames?: readonly string[];
  /** Where /proc is, for the foreign-load checks before and after the probes (lib/energy's Preflight). Default /proc. */
  procRoot?: string;
}

/** One timed matmul probe: llama-bench's prompt processing of one weight type. */
export interface MatmulProbe {
  type: MatmulType;
  /** The generated GGUF timed (kept in `workDir`, reused by later probes). */
  modelFile: string;
  promptTokens: number;
  /** FLOPs of one prompt, counted as llama.cpp computes them (promptProcessingFlops). */
  flopsPerPrompt: number;
  /** The fastest timed run, seconds. */
  bestS: number;
  flopsPerS: number;
}

/** What `ipw peak` measured on one host, and how: the record cached per host. */
export interface MeasuredPeak {
  peakVersion: 1;
  host: string;
  cpuModel: string;
  logicalCpus: number;
  measuredAt: string;
  threads: number;
  /** Peak compute, FLOP/s: the fastest matmul probe. */
  peakFlopsPerS: number;
  flopsMethod: string;
  matmul: MatmulProbe[];
  /** Peak memory bandwidth, bytes/s: the faster of the triad and the read-only kernel. */
  peakBytesPerS: number;
  bandwidthMethod: string;
  stream: StreamResult;
  llamaCpp: { llamaBench: string; buildCommit: string | null };
  /** The CPU's published figures, when the spec-sheet table knows the model (shown beside, never used for MFU). */
  specSheet: SpecSheet | null;
  /** GPUs seen, with their published figures: the probe measures the CPU only (the native build is CPU-only). */
  gpus: Array<{ name: string; specSheet: SpecSheet | null }>;
  /** Foreign load found just before or after the probes (other processes' CPU): a busy machine gives low peaks. */
  warnings: string[];
  durationS: number;
}

function positiveInteger(value: number | undefined, name: string): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 1)) throw new OptionError(name, 'invalid', `${name} must be a whole number, 1 or more; got ${value}`);
}

/** nvidia-smi's GPU names; none where it is not installed or finds no GPU. */
async function nvidiaGpuNames(): Promise<string[]> {
  try {
    const { stdout } = await run('nvidia-smi', ['--query-gpu=name', '--format=csv,noheader'], { timeout: 10_000 });
    return stdout.split('\n').map((line) => line.trim()).filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * FLOPs of llama-bench's prompt processing of `n` tokens, as llama.cpp computes them: every layer's attention
 * projections for every token, every layer's feed-forward but the last for every token, and the last layer's
 * feed-forward and the output projection for the last token only (llama-bench asks for the last logits alone, and
 * llama.cpp drops the other rows before the last feed-forward), plus causal attention. Assumes identical layers, as
 * the probe's generated model has.
 */
export function promptProcessingFlops(arch: ModelArchitecture, n: number): number {
  const { embeddingLength: d, headCount: h, headCountKv: hKv, keyLength: dk, valueLength: dv, layers } = arch;
  const attentionParameters = d * h * dk + d * hKv * dk + d * hKv * dv + h * dv * d;
  const feedForwardParameters = (arch.matmulParameters - arch.outputParameters) / layers - attentionParameters;
  const everyToken = layers * attentionParameters + (layers - 1) * feedForwardParameters;
  const lastToken = feedForwardParameters + arch.outputParameters;
  // queryFlops' attention term: 2 x layers x heads x (key + value width) per attended position, positions 1..n.
  const attention = queryFlops({ ...arch, matmulParameters: 0, outputParameters: 0 }, n, 1).prefillFlops;
  return 2 * (n * everyToken + lastToken) + attention;
}

function llamaBenchPath(options: PeakProbeOptions): string {
  if (options.llamaBench) return options.llamaBench;
  const tools = cachedLlamaTools();
  if (!tools) {
    throw new OptionError(
      'llamaBench',
      'unavailable',
      'the peak probe times matmuls through the native llama.cpp build, which is not built yet: run `npm run build:llama-tools` (6-9 min on 2 cores), or pass llamaBench',
    );
  }
  return tools.llamaBench;
}

/** Times llama-bench's prompt processing of the probe model of one weight type; the best repetition counts. */
async function matmulProbe(llamaBench: string, modelDir: string, type: MatmulType, promptTokens: number, repetitions: number, threads: number): Promise<MatmulProbe & { buildCommit: string | null; arch: ModelArchitecture }> {
  const model = await ensureFixtureModel(modelDir, { kind: 'bench', preset: 'peak', type });
  const arch = await readModelArchitecture(model.path);
  const args = ['-m', model.path, '-p', String(promptTokens), '-n', '0', '-r', String(repetitions), '-t', String(threads), '-o', 'json'];
  let stdout: string;
  try {
    ({ stdout } = await run(llamaBench, args, { maxBuffer: 16 << 20, timeout: 600_000 }));
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim().split('\n').slice(-5).join('\n');
    throw new Error(`${llamaBench} ${args.join(' ')} failed: ${stderr || (error as Error).message}`);
  }
  const [result] = JSON.parse(stdout) as Array<{ samples_ns: number[]; n_prompt: number; build_commit?: string }>;
  if (!result || result.n_prompt !== promptTokens || result.samples_ns.length === 0) throw new Error(`${llamaBench}: no prompt-processing timing in its output`);
  const bestS = Math.min(...result.samples_ns) / 1e9;
  const flopsPerPrompt = promptProcessingFlops(arch, promptTokens);
  return { type, modelFile: model.path, promptTokens, flopsPerPrompt, bestS, flopsPerS: flopsPerPrompt / bestS, buildCommit: result.build_commit ?? null, arch };
}

/** Runs both probes now (a few seconds at the defaults) and returns what they measured; caches nothing. */
export async function measurePeak(options: PeakProbeOptions = {}): Promise<MeasuredPeak> {
  positiveInteger(options.threads, 'threads');
  positiveInteger(options.promptTokens, 'promptTokens');
  positiveInteger(options.repetitions, 'repetitions');
  positiveInteger(options.arrayMiB, 'arrayMiB');
  const types = options.matmulTypes ?? DEFAULT_PEAK_MATMUL_TYPES;
  if (types.length === 0 || types.some((t) => !DEFAULT_PEAK_MATMUL_TYPES.includes(t))) {
    throw new OptionError('matmulTypes', 'invalid', `matmulTypes takes one or more of ${DEFAULT_PEAK_MATMUL_TYPES.join(', ')}; got ${JSON.stringify(types)}`);
  }
  const started = performance.now();
  const threads = options.threads ?? os.availableParallelism();
  const promptTokens = options.promptTokens ?? DEFAULT_PEAK_PROMPT_TOKENS;
  const repetitions = options.repetitions ?? DEFAULT_PEAK_REPETITIONS;
  const arrayMiB = options.arrayMiB ?? DEFAULT_PEAK_ARRAY_MIB;
  const workDir = options.workDir ?? join(ipwCacheDir(), 'peak');
  const llamaBench = llamaBenchPath(options);
  const cpuModel = options.cpuModel ?? os.cpus()[0]?.model.trim() ?? 'unknown CPU';

  // Other processes' CPU over half a second before and after the probes: their load lowers what the probes reach.
  const preflight = new Preflight({ procRoot: options.procRoot });
  const warnings: string[] = [];
  const checkLoad = async (when: string) => {
    const reading = await preflight.check();
    if (!reading.quiet) warnings.push(`foreign load ${when} the probes (${reading.reasons.join('; ')}): the peaks are likely low; measure again on a quiet machine`);
  };
  await checkLoad('before');
  const matmul: Array<MatmulProbe & { buildCommit: string | null; arch: ModelArchitecture }> = [];
  for (const type of types) matmul.push(await matmulProbe(llamaBench, join(workDir, 'models'), type, promptTokens, repetitions, threads));
  const best = matmul.reduce((a, b) => (b.flopsPerS > a.flopsPerS ? b : a));
  const stream = runStreamKernel(buildStreamKernel(workDir), arrayMiB, repetitions, threads);
  preflight.mark();
  await checkLoad('after');
  const gpus = (options.gpuNames ?? (await nvidiaGpuNames())).map((name) => ({ name, specSheet: specSheetFor(name) }));
  const { arch } = best;
  const shape = `a generated llama GGUF (${arch.layers} layers, width ${arch.embeddingLength}, ${arch.matmulParameters} matmul weights)`;
  return {
    peakVersion: 1,
    host: os.hostname(),
    cpuModel,
    logicalCpus: os.availableParallelism(),
    measuredAt: new Date().toISOString(),
    threads,
    peakFlopsPerS: best.flopsPerS,
    flopsMethod:
      `measured: llama-bench pp${promptTokens} (the native llama.cpp build, ${threads} threads, best of ${repetitions}) on ${shape} in ` +
      `${types.join(' and ')}, the fastest (${best.type}); FLOPs counted as llama.cpp computes them (2 x weights per prompt token; ` +
      "the last layer's feed-forward and the output projection for the last token only) plus causal attention (masked work not counted)",
    matmul: matmul.map(({ buildCommit: _commit, arch: _arch, ...probe }) => probe),
    peakBytesPerS: Math.max(stream.triadBytesPerS, stream.readBytesPerS),
    bandwidthMethod:
      `measured: stream.c (cc -O3 -march=native -fopenmp, ${stream.threads} threads, 3 arrays of ${arrayMiB} MiB, best of ${repetitions}), ` +
      `the faster of a read-only sum (8 bytes per element) and STREAM's triad (24 bytes per element counted, write-allocate not)`,
    stream,
    llamaCpp: { llamaBench, buildCommit: matmul[0]?.buildCommit ?? null },
    specSheet: specSheetFor(cpuModel),
    gpus,
    warnings,
    durationS: (performance.now() - started) / 1000,
  };
}

/** The cache file of a host: `<ipw-lab cache>/peak-<hostname>.json`. */
export function peakCacheFile(host: string = os.hostname()): string {
  return join(ipwCacheDir(), `peak-${host.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}

/**
 * The peak cached in `file` when it was measured on this host (same host name, CPU model and logical CPU count);
 * undefined when there is none or it describes another machine. A file that is not a peak record throws, naming it.
 */
export function readPeakCache(file: string = peakCacheFile()): MeasuredPeak | undefined {
  if (!existsSync(file)) return undefined;
  let peak: Partial<MeasuredPeak>;
  try {
    peak = JSON.parse(readFileSync(file, 'utf8')) as Partial<MeasuredPeak>;
  } catch (error) {
    throw new Error(`${file} is not a peak record (${(error as Error).message}): delete it, or measure again with refresh`);
  }
  if (peak.peakVersion !== 1 || !(Number(peak.peakFlopsPerS) > 0) || !(Number(peak.peakBytesPerS) > 0)) {
    throw new Error(`${file} is not a version 1 peak record with positive peaks: delete it, or measure again with refresh`);
  }
  const here = { host: os.hostname(), cpuModel: os.cpus()[0]?.model.trim(), logicalCpus: os.availableParallelism() };
  if (peak.host !== here.host || peak.cpuModel !== here.cpuModel || peak.logicalCpus !== here.logicalCpus) return undefined;
  return peak as MeasuredPeak;
}

export interface PeakOptions extends PeakProbeOptions {
  /** The cache file. Default: peakCacheFile() for this host. */
  cacheFile?: string;
  /** Measure again even when the cache holds this host's peak. Default false. */
  refresh?: boolean;
}

/** This host's peak: the cached one unless `refresh`, else measured now and cached (atomically). */
export async function peak(options: PeakOptions = {}): Promise<{ peak: MeasuredPeak; reused: boolean; cacheFile: string }> {
  const cacheFile = options.cacheFile ?? peakCacheFile();
  if (!options.refresh) {
    const cached = readPeakCache(cacheFile);
    if (cached) return { peak: cached, reused: true, cacheFile };
  }
  const measured = await measurePeak(options);
  mkdirSync(dirname(cacheFile), { recursive: true });
  const temp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(measured, null, 2) + '\n');
  renameSync(temp, cacheFile);
  return { peak: measured, reused: false, cacheFile };
}

/** A measured peak as the options of MFU/MBU, each peak with its method (and that it was measured) as its source. */
export function peakFigures(measured: MeasuredPeak): Required<Pick<PeakFigures, 'peakFlopsPerS' | 'peakBytesPerS' | 'peakFlopsSource' | 'peakBytesSource'>> {
  const where = `ipw peak on ${measured.host} at ${measured.measuredAt}`;
  return {
    peakFlopsPerS: measured.peakFlopsPerS,
    peakBytesPerS: measured.peakBytesPerS,
    peakFlopsSource: `${where}, ${measured.flopsMethod}`,
    peakBytesSource: `${where}, ${measured.bandwidthMethod}`,
  };
}

/** The peaks a run's MFU/MBU use, and where they came from. */
export interface PeakChoice {
  peaks: PeakFigures;
  /** The cached measurement used, when one was. */
  measured?: MeasuredPeak;
  /** Why no measured peak was used, or why one was unusable (for the run's warnings); absent otherwise. */
  note?: string;
}

/**
 * The peaks given, each missing one filled in from this host's cached `ipw peak` when the run was on the CPU (the
 * probe measures the CPU; a GPU run's peaks must be given). `cacheFile` false: never use the cache.
 */
export function choosePeaks(options: PeakFigures, accelerator: string, cacheFile: string | false = peakCacheFile()): PeakChoice {
  // Only the peak fields: `options` may be a whole set of efficiency options.
  const given: PeakFigures = Object.fromEntries(
    (['peakFlopsPerS', 'peakBytesPerS', 'peakSource', 'peakFlopsSource', 'peakBytesSource'] as const).filter((key) => options[key] !== undefined).map((key) => [key, options[key]]),
  );
  const needs = given.peakFlopsPerS === undefined || given.peakBytesPerS === undefined;
  if (!needs || cacheFile === false) return { peaks: given };
  let measured: MeasuredPeak | undefined;
  try {
    measured = readPeakCache(cacheFile);
  } catch (error) {
    return { peaks: given, note: (error as Error).message };
  }
  if (!measured) return { peaks: given };
  if (accelerator !== 'cpu') return { peaks: given, note: `the run used ${accelerator}, and ipw peak measured this host's CPU: give that accelerator's peaks for its MFU/MBU` };
  const figures = peakFigures(measured);
  const peaks: PeakFigures = { ...given };
  if (given.peakFlopsPerS === undefined) Object.assign(peaks, { peakFlopsPerS: figures.peakFlopsPerS, peakFlopsSource: figures.peakFlopsSource });
  if (given.peakBytesPerS === undefined) Object.assign(peaks, { peakBytesPerS: figures.peakBytesPerS, peakBytesSource: figures.peakBytesSource });
  return { peaks, measured };
}
