// A rate sweep, as GuideLLM runs one: the light-load rate (one request at a time), the saturation rate (many at
// once), then Poisson loads at rates evenly between the two. Each level is a load run of its own.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModelSpec, startLlamaServer } from '../run/index.ts';
import { toJsonKeepingNaN } from '../store/index.ts';
import { DEFAULT_PARALLEL, loadTest, type LoadSummary, type LoadTestOptions } from './load.ts';

/** Poisson levels between light load and saturation. */
export const DEFAULT_SWEEP_STEPS = 4;
/** Requests in flight at once while finding saturation. */
export const DEFAULT_SATURATION_CONCURRENCY = 16;

export interface RateSweepOptions extends Omit<LoadTestOptions, 'arrivals' | 'onProgress'> {
  /** Poisson levels between the light-load and the saturation rate. Default 4 (DEFAULT_SWEEP_STEPS). */
  steps?: number;
  /** Closed-loop concurrency that finds saturation. Default 16 (DEFAULT_SATURATION_CONCURRENCY). */
  saturationConcurrency?: number;
  onLevel?: (level: { label: string; summary: LoadSummary }) => void;
}

export interface RateSweepResult {
  /** Light load, saturation, then the Poisson levels in rising rate; each one's run folder is `outDir/<label>`. */
  levels: { label: string; runDir: string; summary: LoadSummary }[];
  lightRatePerS: number;
  saturationRatePerS: number;
  /** Set when saturation was not above light load (the server gained nothing from concurrency): what the sweep did instead. */
  warning?: string;
}

/** `steps` rates strictly between `low` and `high`, evenly spaced (GuideLLM's sweep). Pure. */
export function sweepRates(low: number, high: number, steps: number): number[] {
  if (!(Number.isInteger(steps) && steps >= 1)) throw new RangeError(`steps must be a whole number, 1 or more; got ${steps}`);
  if (!(low > 0 && high > low)) throw new RangeError(`a rate sweep needs a saturation rate above the light-load rate; measured ${low.toFixed(3)} and ${high.toFixed(3)} requests/s`);
  return Array.from({ length: steps }, (_, k) => low + ((high - low) * (k + 1)) / (steps + 1));
}

/**
 * Runs the sweep into `outDir` (one folder per level, and `sweep.json` listing them). A GGUF model is served by one
 * llama-server (`parallel` slots) for every level. Every level has the same bounds (`requests`, `durationS`).
 */
export async function rateSweep(options: RateSweepOptions): Promise<RateSweepResult> {
  const steps = options.steps ?? DEFAULT_SWEEP_STEPS;
  const saturationConcurrency = options.saturationConcurrency ?? DEFAULT_SATURATION_CONCURRENCY;
  if (!(Number.isInteger(saturationConcurrency) && saturationConcurrency >= 2)) throw new RangeError(`saturationConcurrency must be a whole number, 2 or more; got ${saturationConcurrency}`);
  const spec = parseModelSpec(options.model);
  const alias = spec.kind === 'gguf' ? spec.path.split(/[\\/]/).pop()!.replace(/\.gguf$/i, '') : '';
  const server = spec.kind === 'gguf'
    ? await startLlamaServer({ modelPath: spec.path, alias, threads: options.threads, contextSize: options.contextSize, parallel: options.parallel ?? DEFAULT_PARALLEL, metrics: true })
    : undefined;
  try {
    const model = server ? `openai:${server.url}#${alias}` : options.model;
    const levels: RateSweepResult['levels'] = [];
    const level = async (label: string, arrivals: LoadTestOptions['arrivals']): Promise<LoadSummary> => {
      const runDir = join(options.outDir, label);
      const { summary } = await loadTest({ ...options, model, arrivals, outDir: runDir });
      levels.push({ label, runDir, summary });
      options.onLevel?.({ label, summary });
      return summary;
    };
    const light = (await level('1-light', { mode: 'closed', concurrency: 1 })).metrics.requestThroughputPerS;
    const saturation = (await level('2-saturation', { mode: 'closed', concurrency: saturationConcurrency })).metrics.requestThroughputPerS;
    // A server that gains nothing from concurrency (one slot, or a machine already busy) has no range between the two;
    // the Poisson levels then climb evenly to the higher rate, and the result says so.
    const gained = saturation > light;
    const top = Math.max(light, saturation);
    const rates = gained ? sweepRates(light, saturation, steps) : Array.from({ length: steps }, (_, k) => (top * (k + 1)) / steps);
    const warning = gained
      ? undefined
      : `the saturation rate (${saturation.toFixed(3)} requests/s) was not above the light-load rate (${light.toFixed(3)}): the server gained nothing from concurrency here, so the Poisson levels climb evenly to ${top.toFixed(3)} requests/s`;
    for (const [k, ratePerS] of rates.entries()) await level(`${k + 3}-poisson-${ratePerS.toFixed(3)}`, { mode: 'poisson', ratePerS, seed: options.seed ?? 0 });
    const result: RateSweepResult = { levels, lightRatePerS: light, saturationRatePerS: saturation, ...(warning ? { warning } : {}) };
    writeFileSync(join(options.outDir, 'sweep.json'), toJsonKeepingNaN({ lightRatePerS: light, saturationRatePerS: saturation, warning, levels: levels.map((l) => ({ label: l.label, runDir: l.runDir })) }, 2) + '\n');
    return result;
  } finally {
    await server?.close();
  }
}
