import { openAmdGpuSource, type AmdGpuOptions } from './amd-gpu.ts';
import { openEstimatedSource, type EstimatedSourceOptions } from './estimated.ts';
import { openNvmlSource, type NvmlOptions } from './nvml.ts';
import { openPowermetricsSource, type PowermetricsOptions } from './powermetrics.ts';
import { openPrometheusSource, type PrometheusOptions } from './prometheus.ts';
import { openRaplSource, type RaplOptions } from './rapl.ts';
import { openUnmeasuredSource } from './unmeasured.ts';
import { SourceUnavailableError, type EnergySource, type EnergySourceName, type SourceStatus } from './types.ts';

/**
 * Everything needed to open a source, as plain data: a sampler worker receives this and opens its own copy,
 * because FFI handles and file descriptors belong to the thread that opened them.
 */
export interface SourceOptions extends EstimatedSourceOptions, RaplOptions, NvmlOptions, AmdGpuOptions, PowermetricsOptions, PrometheusOptions {}

export interface OpenSourceOptions extends SourceOptions {
  /** A source name, or "auto" for the first available in AUTO_ORDER. */
  source?: EnergySourceName | 'auto';
}

/** Names in the order "auto" tries them: accelerators first, where inference energy goes, then the CPU package. */
export const SOURCE_NAMES: readonly EnergySourceName[] = ['nvml', 'amd-gpu', 'powermetrics', 'rapl', 'estimated'];

/** Opens one named source or throws SourceUnavailableError with the reason and the fix. */
export function openNamedSource(name: EnergySourceName, options: SourceOptions = {}): EnergySource {
  switch (name) {
    case 'rapl':
      return openRaplSource(options);
    case 'nvml':
      return openNvmlSource(options);
    case 'amd-gpu':
      return openAmdGpuSource(options);
    case 'powermetrics':
      return openPowermetricsSource(options);
    case 'estimated':
      return openEstimatedSource(options);
    case 'none':
      return openUnmeasuredSource('no energy source was chosen');
    // Only when asked for (energyFrom): never in SOURCE_NAMES, so `auto` and the probes do not scrape anything.
    case 'prometheus':
      return openPrometheusSource(options);
  }
}

function statusOf(name: EnergySourceName, options: SourceOptions): { status: SourceStatus; source?: EnergySource } {
  try {
    const source = openNamedSource(name, options);
    const detail = `${source.method}${source.isEstimate ? ' (an estimate, never a measurement)' : ''}`;
    return { status: { name, available: true, detail, fix: '' }, source };
  } catch (error) {
    if (error instanceof SourceUnavailableError) return { status: { name, available: false, detail: error.reason, fix: error.fix } };
    return { status: { name, available: false, detail: (error as Error).message, fix: '' } };
  }
}

/** Every energy source this build knows, available or not, why, and the fix. Opens and closes each to be sure. */
export async function probeEnergySources(options: SourceOptions = {}): Promise<SourceStatus[]> {
  const statuses: SourceStatus[] = [];
  for (const name of SOURCE_NAMES) {
    const { status, source } = statusOf(name, options);
    await source?.close();
    statuses.push(status);
  }
  return statuses;
}

/**
 * Synchronous listing for callers that cannot await; sources opened to check them are closed in the background
 * (each close only releases a handle).
 */
export function listEnergySources(options: SourceOptions = {}): SourceStatus[] {
  return SOURCE_NAMES.map((name) => {
    const { status, source } = statusOf(name, options);
    void source?.close();
    return status;
  });
}

/** Resolves "auto" to the first available name. */
export function resolveSourceName(options: OpenSourceOptions = {}): EnergySourceName {
  const requested = options.source ?? 'auto';
  if (requested !== 'auto') return requested;
  for (const name of SOURCE_NAMES) {
    const { status, source } = statusOf(name, options);
    void source?.close();
    if (status.available) return name;
  }
  return 'estimated';
}

/** Opens the requested source ("auto": the best available). Errors name the reason, the fix, and the fallback. */
export function openEnergySource(options: OpenSourceOptions = {}): EnergySource {
  const name = resolveSourceName(options);
  try {
    return openNamedSource(name, options);
  } catch (error) {
    if (error instanceof SourceUnavailableError) {
      throw new SourceUnavailableError(error.source, error.reason, `${error.fix ? `${error.fix}. ` : ''}Or use the 'estimated' source (an estimate, not a measurement)`);
    }
    throw error;
  }
}
