/**
 * The capability report (`ipw doctor --json`, and each run's manifest): for every energy source and every domain
 * it would measure, whether it works here, why not, the fix, and what its counter can resolve.
 */
import { arch, hostname, platform, release } from 'node:os';
import { SOURCE_NAMES, openNamedSource, type SourceOptions } from './sources.ts';
import { SourceUnavailableError, type ChannelCounter, type EnergyMeasure, type EnergySource, type EnergySourceName } from './types.ts';

export interface DomainCapability extends ChannelCounter {
  /** `source:channel`, the name rows and traces use (`rapl:package-0`, `nvml:GPU-...`). */
  domain: string;
  channel: string;
}

export interface SourceCapability {
  source: EnergySourceName;
  available: boolean;
  /** Why it is unavailable; empty when available. */
  reason: string;
  /** The step that makes it usable; empty when available or when nothing helps. */
  fix: string;
  /** The rest is null when unavailable. */
  method: string | null;
  measure: EnergyMeasure | null;
  isEstimate: boolean | null;
  updatePeriodMs: number | null;
  /** Every channel the source measures, as a domain with its counter's facts. */
  domains: DomainCapability[];
  details: Record<string, string | number>;
}

export interface CapabilityReport {
  format: 'ipw-capabilities/1';
  /** ISO-8601. */
  generatedAt: string;
  host: { hostname: string; platform: string; release: string; arch: string };
  sources: SourceCapability[];
}

const UNKNOWN_COUNTER: ChannelCounter = { resolutionJ: null, resolutionW: null, updatePeriodMs: NaN, wrapJ: null, note: 'this source does not describe its counter' };

/** What an opened source can do, as plain data. Pure. */
export function describeSource(source: EnergySource): SourceCapability {
  return {
    source: source.name,
    available: true,
    reason: '',
    fix: '',
    method: source.method,
    measure: source.measure,
    isEstimate: source.isEstimate,
    updatePeriodMs: source.updatePeriodMs,
    domains: source.channels.map((channel, i) => ({
      domain: `${source.name}:${channel}`,
      channel,
      ...(source.counters?.[i] ?? { ...UNKNOWN_COUNTER, updatePeriodMs: source.updatePeriodMs }),
    })),
    details: { ...source.details },
  };
}

function unavailable(name: EnergySourceName, error: unknown): SourceCapability {
  const known = error instanceof SourceUnavailableError;
  return {
    source: name,
    available: false,
    reason: known ? error.reason : (error as Error).message,
    fix: known ? error.fix : '',
    method: null,
    measure: null,
    isEstimate: null,
    updatePeriodMs: null,
    domains: [],
    details: {},
  };
}

/**
 * Opens every source this build knows (and `prometheus` when `prometheusUrl` is given), describes it, and closes it.
 * Inject what to look at through `options` (RAPL root, NVML library, hwmon root, ...); by default, this machine.
 */
export async function capabilityReport(options: SourceOptions = {}): Promise<CapabilityReport> {
  const names: EnergySourceName[] = [...SOURCE_NAMES, ...(options.prometheusUrl !== undefined ? (['prometheus'] as const) : [])];
  const sources: SourceCapability[] = [];
  for (const name of names) {
    let source: EnergySource | undefined;
    try {
      source = openNamedSource(name, options);
      sources.push(describeSource(source));
    } catch (error) {
      sources.push(unavailable(name, error));
    } finally {
      await source?.close();
    }
  }
  return {
    format: 'ipw-capabilities/1',
    generatedAt: new Date().toISOString(),
    host: { hostname: hostname(), platform: platform(), release: release(), arch: arch() },
    sources,
  };
}
