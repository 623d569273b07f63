import type { DomainPlan } from './domains.ts';
import type { EnergyMeasure, EnergySourceName } from './types.ts';
import type { SourceOptions } from './sources.ts';

/** Slots of the shared Int32Array that the sampler thread and the main thread use to talk without messages. */
export const CONTROL = {
  /** Rows written so far (the ring index is this modulo capacity). */
  written: 0,
  /** Bumped by the main thread to ask for a sample now (window edges) or to wake the thread to stop. */
  request: 1,
  stop: 2,
  length: 4,
} as const;

export interface SamplerWorkerData {
  plan: DomainPlan;
  options: SourceOptions;
  periodMs: number;
  capacity: number;
  control: SharedArrayBuffer;
}

/** What the sampler thread reports once its source is open. */
export interface SourceInfo {
  name: EnergySourceName;
  method: string;
  measure: EnergyMeasure;
  isEstimate: boolean;
  updatePeriodMs: number;
  /** Every domain sampled (`source:channel`), in trace column order. */
  channels: string[];
  /** The domains summed into the trace's energyJ column: the figure IPW uses. */
  primaryDomains: string[];
  /** The domains that add up to the whole system without double counting. */
  systemDomains: string[];
  details: Record<string, string | number>;
}

export type WorkerMessage =
  | { type: 'ready'; info: SourceInfo; data: SharedArrayBuffer; columns: number; threadCpuMs: number }
  | { type: 'error'; message: string; reason?: string; fix?: string }
  | { type: 'stopped'; threadCpuMs: number; samples: number; sourceReports: Record<string, unknown> };
