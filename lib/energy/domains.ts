import { performance } from 'node:perf_hooks';
import { OptionError } from '../errors/index.ts';
import { listEnergySources, openNamedSource, type SourceOptions } from './sources.ts';
import { openUnmeasuredSource } from './unmeasured.ts';
import type { EnergyMeasure, EnergyReading, EnergySource, EnergySourceName, SampleRow } from './types.ts';

/** Hardware sources measured beside the primary one, so every domain on the host is in every window (as Zeus does). */
const HARDWARE_SOURCES: readonly EnergySourceName[] = ['rapl', 'nvml', 'amd-gpu', 'powermetrics'];

/** Which sources a run opens and which of their domains make the figure IPW uses. Plain data (crosses to the sampler thread). */
export interface DomainPlan {
  /** Sources to open, the primary one first. */
  sources: EnergySourceName[];
  /** The primary domains: `source:channel` names, or a source name for all the domains that source counts. */
  primary: string[];
  /** Why the plan is what it is (an estimate where a sensor might be expected, a GPU recorded aside, ...). */
  notes: string[];
  /** With source `none`: why energy is not measured. */
  unmeasuredReason?: string;
}

/** Where the model runs and what the user asked for; the input of `planDomains`. */
export interface DomainRequest {
  /** The runner's accelerator: `cpu`, `cuda`, `vulkan`, `metal`, `rocm`/`hip`, or `remote` for an `openai:` server. */
  accelerator: string;
  /** A source for the primary domain, or `auto` (default) to choose it from the accelerator. */
  source?: EnergySourceName | 'auto';
  /** Primary domains chosen by the user (`rapl:package-0`, `nvml`, ...); default: chosen from the accelerator. */
  domains?: string[];
  /** A remote model: the PID of its server when it listens on this machine, else undefined. */
  serverPid?: number;
  /** True when the model is served by another machine (an `openai:` URL that is not a loopback address). */
  remote?: boolean;
}

/** The sources that measure where each accelerator spends its energy, best first. */
function primaryCandidates(accelerator: string): EnergySourceName[] {
  switch (accelerator) {
    case 'cuda':
      return ['nvml'];
    case 'rocm':
    case 'hip':
      return ['amd-gpu'];
    case 'vulkan':
      return ['nvml', 'amd-gpu'];
    case 'metal':
      return ['powermetrics'];
    default:
      return ['rapl'];
  }
}

/**
 * Chooses the primary source from where the model runs, and every other hardware source available here as extra
 * domains. Opens each candidate once to see whether it works (`listEnergySources`).
 */
export function planDomains(request: DomainRequest, options: SourceOptions = {}): DomainPlan {
  const notes: string[] = [];
  if (request.remote) {
    const reason = 'the model is served by another machine and no energy exporter was given (energyFrom)';
    return { sources: ['none'], primary: ['none'], notes: [`energy is not measured: ${reason}`], unmeasuredReason: reason };
  }
  const statuses = listEnergySources(options);
  const available = new Set(statuses.filter((s) => s.available).map((s) => s.name));
  const where = request.serverPid !== undefined ? 'the model server on this machine' : `a ${request.accelerator} run`;
  let primary: EnergySourceName;
  if (request.source !== undefined && request.source !== 'auto') {
    primary = request.source;
  } else {
    const candidates = primaryCandidates(request.accelerator);
    const found = candidates.find((name) => available.has(name));
    if (found) primary = found;
    else {
      primary = 'estimated';
      const why = candidates.map((name) => `${name}: ${statuses.find((s) => s.name === name)?.detail ?? 'unknown'}`).join('; ');
      notes.push(`auto chose the estimate for ${where}, not a measurement, because no sensor for it is available (${why})`);
      if (request.accelerator !== 'cpu' && request.accelerator !== 'remote') notes.push(`the estimate counts CPU time only: the ${request.accelerator} device's energy is not in it`);
    }
  }
  const extra = HARDWARE_SOURCES.filter((name) => name !== primary && available.has(name));
  for (const name of extra) notes.push(`${name} is recorded as separate domains; it does not enter IPW (energyDomains changes that)`);
  return { sources: [primary, ...extra], primary: request.domains ?? [primary], notes };
}

/** A source over several sources, whose channels are `source:channel` domains and whose total is the primary domains'. */
export interface DomainSource extends EnergySource {
  /** The domains summed into the total (what IPW uses). */
  readonly primaryDomains: readonly string[];
  /** The domains that add up to the whole system without counting anything twice (RAPL subzones left out). */
  readonly systemDomains: readonly string[];
  /** Each source's own report (`EnergySource.report`), by source name, for those that have one. */
  reports(): Record<string, unknown>;
}

/** The channels a source counts in its own total (RAPL lists its subzones as channels too, but counts only packages and DRAM). */
function countedChannels(source: EnergySource): string[] {
  const counted = source.details.counted;
  return typeof counted === 'string' && counted !== '' ? counted.split(',') : [...source.channels];
}

/** Opens every source of `plan` and reads them together; throws (after closing what was opened) when one fails. */
export function openDomainSource(plan: DomainPlan, options: SourceOptions = {}): DomainSource {
  const sources: EnergySource[] = [];
  try {
    for (const name of plan.sources) sources.push(name === 'none' ? openUnmeasuredSource(plan.unmeasuredReason ?? 'no source') : openNamedSource(name, options));
  } catch (error) {
    for (const s of sources) void s.close();
    throw error;
  }
  const channels = sources.flatMap((s) => s.channels.map((c) => `${s.name}:${c}`));
  const systemDomains = sources.flatMap((s) => countedChannels(s).map((c) => `${s.name}:${c}`));
  const primaryDomains = plan.primary.flatMap((p) => {
    if (channels.includes(p)) return [p];
    const source = sources.find((s) => s.name === p);
    if (source) return countedChannels(source).map((c) => `${p}:${c}`);
    for (const s of sources) void s.close();
    throw new OptionError('energyDomains', 'unavailable', `energyDomains: "${p}" is not a domain or source measured here; measured: ${channels.join(', ')}`);
  });
  const primaryIndex = primaryDomains.map((d) => channels.indexOf(d));
  const primarySources = sources.filter((s) => primaryDomains.some((d) => d.startsWith(`${s.name}:`)));
  // Power readings can stand for the total only when the total is exactly one source's own total.
  const powerFrom = primarySources.length === 1 && countedChannels(primarySources[0]!).length === primaryDomains.length ? primarySources[0] : undefined;
  const rows = sources.map((s) => new Float64Array(2 + s.channels.length));
  const row = new Float64Array(2 + channels.length);
  const readInto = (out: SampleRow): void => {
    let k = 2;
    for (let i = 0; i < sources.length; i++) {
      const sub = rows[i]!;
      sources[i]!.readInto(sub);
      for (let c = 2; c < sub.length; c++) out[k++] = sub[c]!;
      if (sources[i] === powerFrom) out[1] = sub[1]!;
    }
    if (!powerFrom) out[1] = NaN;
    let totalJ = 0;
    for (const i of primaryIndex) totalJ += out[2 + i]!;
    out[0] = totalJ;
  };
  const first = primarySources[0] ?? sources[0]!;
  const measures = new Set(primarySources.map((s) => s.measure));
  return {
    name: first.name,
    measure: (measures.size === 1 ? first.measure : 'energy-counter') as EnergyMeasure,
    method: primarySources.map((s) => s.method).join(' + '),
    isEstimate: primarySources.some((s) => s.isEstimate),
    updatePeriodMs: Math.max(...primarySources.map((s) => s.updatePeriodMs), 0),
    channels,
    details: Object.fromEntries(sources.flatMap((s) => [[`${s.name}:method`, s.method], ...Object.entries(s.details).map(([k, v]) => [`${s.name}:${k}`, v])])),
    primaryDomains,
    systemDomains,
    counters: sources.flatMap((s) => s.counters ?? s.channels.map(() => ({ resolutionJ: null, resolutionW: null, updatePeriodMs: s.updatePeriodMs, wrapJ: null, note: 'not stated by the source' }))),
    reports: () => Object.fromEntries(sources.filter((s) => s.report).map((s) => [s.name, s.report!()])),
    readInto,
    // A remote source (prometheus) stamps its own rows; that holds only while it is the one source read.
    valueBracketMs: sources.length === 1 ? sources[0]!.valueBracketMs : undefined,
    read(): EnergyReading {
      readInto(row);
      return { timeMs: performance.now(), energyJ: row[0]! };
    },
    async close() {
      await Promise.all(sources.map((s) => s.close()));
    },
  };
}
