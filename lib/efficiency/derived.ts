// The derived figures of a set of queries (a sweep cell, a run): FLOPs, MFU/MBU, cost and carbon. Pure.
import type { ModelArchitecture } from './architecture.ts';
import { costAndCarbon, type CostAndCarbon, type EnergyRates } from './cost.ts';
import { FLOPS_METHOD, decodeBytes, queryFlops, utilization, type PeakFigures, type Utilization } from './flops.ts';
import type { GridIntensity } from './grid.ts';

/** Options of the derived figures: peaks for MFU/MBU and rates for cost and carbon, all supplied by the user. */
export type EfficiencyOptions = PeakFigures & EnergyRates & {
  /** A grid region already looked up (resolveRates' `grid`); it wins over `gridRegion` and `gco2PerKwh`. */
  grid?: GridIntensity;
  /** Bytes per KV-cache element, for MBU. Default 2 (f16, llama.cpp's default cache type). */
  kvBytesPerElement?: number;
};

/** The fields of a result row the figures read (lib/store's QueryResult has them all). */
export interface PhaseRow {
  promptTokens: number;
  completionTokens: number;
  prefillMs: number;
  decodeMs: number;
  /** Wall time of the query, for hardware amortisation. */
  durationMs: number;
}

/** The energy the cost and carbon come from: the rows' summary and its label. */
export interface EnergySummary {
  meanEnergyJ: number;
  accuracy: number;
  energyIsEstimate: boolean;
  /** The energy label in words (source, method, domain), carried into the cost label. */
  energyLabel?: string;
}

/** Derived figures of a set of queries: every one an estimate, with its method. */
export interface DerivedFigures {
  /** Mean FLOPs per query, by phase; NaN for a served model (no GGUF to read). */
  flopsPerQuery: number;
  prefillFlopsPerQuery: number;
  decodeFlopsPerQuery: number;
  flopsMethod: string;
  /** Model FLOPs utilization in prefill and decode, memory bandwidth utilization in decode (0..1; NaN with a reason). */
  prefillMfu: Utilization;
  decodeMfu: Utilization;
  decodeMbu: Utilization;
  /** Mean wall seconds per query (the hardware amortisation's input). */
  meanQueryS: number;
  cost: CostAndCarbon;
}

/**
 * FLOPs, MFU/MBU, cost and carbon of `rows` (one energy label) from the model's architecture (or why there is none),
 * the energy summary of the same rows, and the user's peaks and rates. Phase seconds are the rows' prefillMs and
 * decodeMs.
 */
export function derivedFigures(
  rows: readonly PhaseRow[],
  energy: EnergySummary,
  arch: ModelArchitecture | { unavailable: string },
  options: EfficiencyOptions,
): DerivedFigures {
  const meanQueryS = rows.length === 0 ? NaN : rows.reduce((s, r) => s + r.durationMs, 0) / rows.length / 1000;
  const cost = costAndCarbon(energy.meanEnergyJ, energy.accuracy, options, { energyIsEstimate: energy.energyIsEstimate, energyLabel: energy.energyLabel, meanQueryS });
  if ('unavailable' in arch) {
    const none: Utilization = { value: NaN, reason: arch.unavailable, method: FLOPS_METHOD };
    return { flopsPerQuery: NaN, prefillFlopsPerQuery: NaN, decodeFlopsPerQuery: NaN, flopsMethod: FLOPS_METHOD, prefillMfu: none, decodeMfu: none, decodeMbu: none, meanQueryS, cost };
  }
  let prefill = 0;
  let decode = 0;
  let bytes = 0;
  let prefillS = 0;
  let decodeS = 0;
  for (const r of rows) {
    const flops = queryFlops(arch, r.promptTokens, r.completionTokens);
    prefill += flops.prefillFlops;
    decode += flops.decodeFlops;
    bytes += decodeBytes(arch, r.promptTokens, r.completionTokens, options.kvBytesPerElement ?? 2);
    prefillS += r.prefillMs / 1000;
    decodeS += r.decodeMs / 1000;
  }
  const n = rows.length;
  const flopsSource = options.peakFlopsSource ?? options.peakSource;
  const bytesSource = options.peakBytesSource ?? options.peakSource;
  return {
    flopsPerQuery: (prefill + decode) / n,
    prefillFlopsPerQuery: prefill / n,
    decodeFlopsPerQuery: decode / n,
    flopsMethod: FLOPS_METHOD,
    prefillMfu: utilization(prefill, prefillS, options.peakFlopsPerS, 'FLOP/s', flopsSource),
    decodeMfu: utilization(decode, decodeS, options.peakFlopsPerS, 'FLOP/s', flopsSource),
    decodeMbu: utilization(bytes, decodeS, options.peakBytesPerS, 'bytes/s', bytesSource),
    meanQueryS,
    cost,
  };
}
