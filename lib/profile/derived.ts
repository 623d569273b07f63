// A run's derived figures (FLOPs, MFU/MBU, cost, carbon) per model x accelerator x energy label, for its manifest.
import {
  derivedFigures, readModelArchitecture, resolveRates,
  type DerivedFigures, type EfficiencyOptions, type ModelArchitecture, type PeakFigures, type ResolvedRates,
} from '../efficiency/index.ts';
import type { DerivedInput } from '../analyze/index.ts';
import { describeEnergyLabel, summarize } from '../metrics/index.ts';
import { choosePeaks, type MeasuredPeak } from '../peak/index.ts';
import type { ModelSpec } from '../run/index.ts';
import type { QueryResult } from '../store/index.ts';

/** One model x accelerator x energy label of a run, with the inputs of its derived figures and the figures. */
export type DerivedGroup = DerivedFigures & Omit<DerivedInput, 'meanQueryS'>;

/** What a run's manifest records under `derived`: the rates and peaks given (or measured) and the figures. */
export interface RunDerived {
  note: string;
  /** The rates as given, the grid region looked up (its source and year in `grid`). */
  rates: ResolvedRates;
  /** The peaks MFU/MBU used, with their sources; `measured` names the cached `ipw peak` record used, if any. */
  peaks: PeakFigures & { measured: Pick<MeasuredPeak, 'host' | 'measuredAt' | 'cpuModel' | 'threads'> | null; note?: string };
  groups: DerivedGroup[];
}

export const DERIVED_NOTE =
  'Derived figures: ESTIMATES computed from the energy per query (as labelled) and the rates and peaks below, not measurements. ' +
  'An estimated energy makes every figure derived from it an estimate of an estimate.';

/** The derived figures of a run whose figures could not be computed: none, and why. */
export function noDerived(why: string): RunDerived {
  return { note: `${DERIVED_NOTE} None were computed: ${why}`, rates: {}, peaks: { measured: null }, groups: [] };
}

/** Peaks and rates of a run, checked before it starts (a bad rate fails before the model loads). */
export function checkEfficiencyOptions(options: EfficiencyOptions | undefined): ResolvedRates {
  return resolveRates(options ?? {});
}

async function architectureOf(spec: ModelSpec): Promise<ModelArchitecture | { unavailable: string }> {
  if (spec.kind !== 'gguf') return { unavailable: 'a served model: no GGUF architecture to count FLOPs from' };
  return readModelArchitecture(spec.path).catch((error: Error) => ({ unavailable: error.message }));
}

/**
 * The derived figures of a run's rows, one group per model x accelerator x energy label. Peaks not in `options` come
 * from this host's cached `ipw peak` (CPU runs only; `peakCacheFile` false: never).
 */
export async function runDerived(
  rows: readonly QueryResult[],
  spec: ModelSpec,
  options: EfficiencyOptions | undefined,
  peakCacheFile: string | false | undefined,
): Promise<RunDerived> {
  const given = options ?? {};
  const rates = resolveRates(given);
  const arch = await architectureOf(spec);
  const summaries = summarize(rows, { groupBy: ['model', 'accelerator'] });
  const accelerator = summaries[0]?.accelerator ?? 'cpu';
  const choice = choosePeaks(given, accelerator, peakCacheFile);
  const groups = summaries.map((summary): DerivedGroup => {
    const group = rows.filter(
      (r) => r.model === summary.model && r.accelerator === summary.accelerator && r.energySource === summary.energySource &&
        r.energyMethod === summary.energyMethod && (r.energyDomain ?? '') === (summary.energyDomain ?? ''),
    );
    const energyLabel = describeEnergyLabel(summary, 0).replace(/^\[1\] /, '');
    const figures = derivedFigures(group, { meanEnergyJ: summary.meanEnergyJ, accuracy: summary.accuracy, energyIsEstimate: summary.energyIsEstimate, energyLabel }, arch, {
      ...given,
      ...rates,
      ...choice.peaks,
    });
    return {
      model: summary.model ?? '',
      accelerator: summary.accelerator ?? '',
      energySource: summary.energySource,
      energyMethod: summary.energyMethod,
      energyIsEstimate: summary.energyIsEstimate,
      energyDomain: summary.energyDomain ?? null,
      queries: summary.queries,
      accuracy: summary.accuracy,
      meanEnergyJ: summary.meanEnergyJ,
      ...figures,
    };
  });
  const measured = choice.measured;
  return {
    note: DERIVED_NOTE,
    rates,
    peaks: {
      ...choice.peaks,
      measured: measured ? { host: measured.host, measuredAt: measured.measuredAt, cpuModel: measured.cpuModel, threads: measured.threads } : null,
      ...(choice.note ? { note: choice.note } : {}),
    },
    groups,
  };
}
