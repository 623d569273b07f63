import type { EnergyMeasure } from './types.ts';
import type { PromDocument, PromSample } from './prometheus-text.ts';

/** The exporters whose energy counters the `prometheus` source knows. */
export type ExporterKind = 'ipw' | 'node-rapl' | 'dcgm' | 'kepler';

/** One counter series that becomes one channel. */
export interface EnergySeries {
  /** Short stable channel name: package-0, dram-0, gpu-0, or the channel of `ipw energy serve`. */
  channel: string;
  exporter: ExporterKind;
  /** Finds the series again in later scrapes: the metric name and its identifying labels (not pod labels etc.). */
  key: string;
  /** The labels `key` is made of. */
  keyLabels: readonly string[];
  /** Exposed unit to joules: 1, or 1e-3 for DCGM's millijoules. */
  toJ: number;
  /** The series as the exporter writes it, for the method and the manifest. */
  text: string;
}

/** What a scrape offers: the series to count, and the facts that label them. Pure data. */
export interface SeriesPlan {
  series: EnergySeries[];
  /** Recognised series left out of the total, each with why (zones inside a package, a duplicate GPU, ...). */
  skipped: string[];
  exporters: ExporterKind[];
  /** How often the exporter's values change, ms, and where that figure comes from. */
  updatePeriodMs: number;
  updatePeriodBasis: string;
  measure: EnergyMeasure;
  isEstimate: boolean;
  /** `ipw energy serve`: the source it samples and that source's method. */
  remote?: { source: string; method: string };
}

/**
 * Update periods of the exporters, when nothing better is known (`prometheusUpdatePeriodMs` overrides):
 * - node_exporter's rapl collector reads energy_uj during each scrape, and RAPL itself updates at about 1 kHz;
 * - dcgm-exporter collects every `--collect-interval` (`-c`), 30 000 ms by default, and serves the last collection;
 * - Kepler 0.10+ (`kepler_node_cpu_joules_total`) recomputes on a scrape once its data is older than
 *   `monitor.staleness`, 1 s by default; Kepler up to 0.7 (`kepler_node_package_joules_total`) every
 *   SAMPLE_PERIOD_SEC, 3 s by default;
 * - `ipw energy serve` samples at each scrape and states its source's period in `ipw_energy_update_period_seconds`.
 */
export const EXPORTER_UPDATE_PERIOD_MS = { 'node-rapl': 1, dcgm: 30_000, kepler: 1000, 'kepler-0.7': 3000 } as const;

const NODE_RAPL = /^node_rapl_([a-z0-9_]+)_joules_total$/;
const KEPLER_OLD = /^kepler_node_(package|dram|core|uncore|gpu|platform|other)_joules_total$/;
const DCGM_ENERGY = 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION';
export const IPW_ENERGY = 'ipw_energy_joules_total';
export const IPW_SAMPLE_TIME = 'ipw_energy_sample_monotonic_seconds';
export const IPW_SAMPLE_READ = 'ipw_energy_sample_read_seconds';
export const IPW_UPDATE_PERIOD = 'ipw_energy_update_period_seconds';
export const IPW_SOURCE_INFO = 'ipw_energy_source_info';

/** `name{a="1",b="2"}` over the given labels, in the given order (missing ones left out). Pure. */
export function seriesKey(sample: PromSample, labelNames: readonly string[]): string {
  const parts = labelNames.filter((l) => sample.labels[l] !== undefined).map((l) => `${l}=${JSON.stringify(sample.labels[l])}`);
  return `${sample.name}{${parts.join(',')}}`;
}

function text(sample: PromSample): string {
  return `${sample.name}{${Object.entries(sample.labels)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(',')}}`;
}

/** The socket of a powercap path (`.../intel-rapl:1` or `.../intel-rapl:1:0` -> "1"), if any. */
function socketOf(path: string | undefined): string | undefined {
  return path?.match(/intel-rapl:(\d+)/)?.[1];
}

interface Candidate {
  sample: PromSample;
  exporter: ExporterKind;
  /** Domain without index: package, dram, core, uncore, psys, platform, other, gpu. */
  zone: string;
  index: string;
  /** Kepler 0.7's dynamic/idle split. */
  mode?: string;
  keyLabels: readonly string[];
  toJ: number;
}

function candidates(doc: PromDocument): Candidate[] {
  const out: Candidate[] = [];
  let order = 0;
  for (const s of doc.samples) {
    const l = s.labels;
    let m: RegExpMatchArray | null;
    if ((m = s.name.match(NODE_RAPL)) || (s.name === 'node_rapl_joules_total' && l.rapl_zone !== undefined)) {
      // node_exporter names a zone after its sysfs name without the "-N" ("package-0" -> package, index 0).
      const zone = (m ? m[1]! : l.rapl_zone!).replace(/-\d+$/, '');
      out.push({ sample: s, exporter: 'node-rapl', zone, index: l.index ?? socketOf(l.path) ?? '0', keyLabels: ['rapl_zone', 'index', 'path'], toJ: 1 });
    } else if (s.name === 'kepler_node_cpu_joules_total' && l.zone !== undefined) {
      const zone = l.zone.replace(/-\d+$/, '');
      const index = l.zone.match(/-(\d+)$/)?.[1] ?? socketOf(l.path) ?? String(order++);
      out.push({ sample: s, exporter: 'kepler', zone, index, keyLabels: ['zone', 'path'], toJ: 1 });
    } else if ((m = s.name.match(KEPLER_OLD))) {
      out.push({ sample: s, exporter: 'kepler', zone: m[1]!, index: l.package ?? l.index ?? l.gpu ?? '0', mode: l.mode, keyLabels: ['package', 'index', 'gpu', 'mode'], toJ: 1 });
    } else if (s.name === 'kepler_node_gpu_joules_total') {
      out.push({ sample: s, exporter: 'kepler', zone: 'gpu', index: l.gpu ?? l.index ?? l.device ?? '0', keyLabels: ['gpu', 'index', 'device'], toJ: 1 });
    } else if (s.name === DCGM_ENERGY) {
      out.push({ sample: s, exporter: 'dcgm', zone: 'gpu', index: l.gpu ?? l.device ?? '0', keyLabels: ['gpu', 'UUID'], toJ: 1e-3 });
    }
  }
  return out;
}

/** Picks the CPU zones that add up without double counting: packages and DRAM, psys only when nothing else. */
function countCpu(zones: Candidate[], skipped: string[]): Candidate[] {
  const hasPackage = zones.some((c) => c.zone === 'package');
  return zones.filter((c) => {
    const counted = c.zone === 'package' || c.zone === 'dram' || ((c.zone === 'psys' || c.zone === 'platform') && !hasPackage);
    if (!counted) {
      const why = c.zone === 'core' || c.zone === 'uncore' ? 'inside the package figure' : c.zone === 'other' ? 'derived by Kepler, not measured' : 'overlaps the package figure';
      skipped.push(`${text(c.sample)}: ${why}`);
    }
    return counted;
  });
}

/** One GPU once: dcgm-exporter repeats a GPU's device-level counter per MIG instance or pod. */
function countGpus(gpus: Candidate[], skipped: string[]): Candidate[] {
  const seen = new Set<string>();
  return gpus.filter((c) => {
    const id = c.sample.labels.UUID ?? c.index;
    if (seen.has(id)) {
      skipped.push(`${text(c.sample)}: the same GPU's counter again`);
      return false;
    }
    seen.add(id);
    return true;
  });
}

const ZONE_ORDER = ['package', 'dram', 'psys', 'platform', 'gpu'];

/** Stable channel order whatever order the exporter writes: socket by socket (package, then DRAM), then the GPUs. */
function byDevice(a: Candidate, b: Candidate): number {
  const gpu = Number(a.zone === 'gpu') - Number(b.zone === 'gpu');
  const index = Number(a.index) - Number(b.index) || a.index.localeCompare(b.index);
  return gpu || index || ZONE_ORDER.indexOf(a.zone) - ZONE_ORDER.indexOf(b.zone) || (a.mode ?? '').localeCompare(b.mode ?? '');
}

function uniqueChannels(names: string[]): string[] {
  const used = new Map<string, number>();
  return names.map((n) => {
    const k = (used.get(n) ?? 0) + 1;
    used.set(n, k);
    return k === 1 ? n : `${n}#${k}`;
  });
}

const IPW_KEY = ['source', 'channel'] as const;

function ipwPlan(doc: PromDocument): SeriesPlan {
  const skipped: string[] = [];
  const energy = doc.samples.filter((s) => s.name === IPW_ENERGY);
  const info = doc.samples.find((s) => s.name === IPW_SOURCE_INFO);
  const periods = doc.samples.filter((s) => s.name === IPW_UPDATE_PERIOD).map((s) => s.value * 1000);
  // The server labels each domain `source:channel`; with one source the prefix says nothing.
  const oneSource = new Set(energy.map((s) => s.labels.source)).size === 1;
  const ipwChannel = (s: PromSample): string => {
    const channel = s.labels.channel ?? 'total';
    const prefix = `${s.labels.source}:`;
    return oneSource && channel.startsWith(prefix) ? channel.slice(prefix.length) : channel;
  };
  const series = energy
    .filter((s) => {
      if (s.labels.in_total === 'false') skipped.push(`${text(s)}: not in the serving source's own total`);
      return s.labels.in_total !== 'false';
    })
    .map((s) => ({ channel: ipwChannel(s), exporter: 'ipw' as const, key: seriesKey(s, IPW_KEY), keyLabels: IPW_KEY, toJ: 1, text: text(s) }));
  const measure = (info?.labels.measure ?? 'energy-counter') as EnergyMeasure;
  return {
    series,
    skipped,
    exporters: ['ipw'],
    updatePeriodMs: periods.length > 0 ? Math.max(...periods) : NaN,
    updatePeriodBasis: `${IPW_UPDATE_PERIOD} served by ipw energy serve (its source's own period; it samples at each scrape)`,
    measure,
    isEstimate: info?.labels.estimate === 'true' || measure === 'model',
    remote: { source: info?.labels.source ?? energy[0]?.labels.source ?? 'unknown', method: info?.labels.method ?? '' },
  };
}

/**
 * Chooses the energy series of a scrape. `ipw energy serve` output is taken alone. Otherwise the CPU comes from
 * node_exporter's rapl collector, else Kepler's node counters, and the GPUs from dcgm-exporter, else Kepler; process,
 * container and pod counters are never used (they are shares of the node's). Returns no series when none is known. Pure.
 */
export function planSeries(doc: PromDocument): SeriesPlan {
  if (doc.samples.some((s) => s.name === IPW_ENERGY)) return ipwPlan(doc);
  const skipped: string[] = [];
  const all = candidates(doc);
  const nodeCpu = all.filter((c) => c.exporter === 'node-rapl');
  const keplerCpu = all.filter((c) => c.exporter === 'kepler' && c.zone !== 'gpu');
  const dcgm = all.filter((c) => c.exporter === 'dcgm');
  const keplerGpu = all.filter((c) => c.exporter === 'kepler' && c.zone === 'gpu');
  if (nodeCpu.length > 0 && keplerCpu.length > 0) skipped.push(`Kepler's node CPU counters: node_exporter's RAPL counters measure the same zones`);
  if (dcgm.length > 0 && keplerGpu.length > 0) skipped.push(`Kepler's GPU counters: dcgm-exporter measures the same GPUs`);
  const chosen = [...countCpu(nodeCpu.length > 0 ? nodeCpu : keplerCpu, skipped), ...countGpus(dcgm.length > 0 ? dcgm : keplerGpu, skipped)].sort(byDevice);
  const names = uniqueChannels(chosen.map((c) => `${c.zone}-${c.index}${c.mode ? `-${c.mode}` : ''}`));
  const series = chosen.map((c, i) => ({ channel: names[i]!, exporter: c.exporter, key: seriesKey(c.sample, c.keyLabels), keyLabels: c.keyLabels, toJ: c.toJ, text: text(c.sample) }));
  const exporters = [...new Set(chosen.map((c) => c.exporter))];
  const keplerOld = chosen.some((c) => c.exporter === 'kepler' && c.sample.name !== 'kepler_node_cpu_joules_total' && c.sample.name !== 'kepler_node_gpu_joules_total');
  const periods = exporters.map((e) => (e === 'ipw' ? NaN : e === 'kepler' && keplerOld ? EXPORTER_UPDATE_PERIOD_MS['kepler-0.7'] : EXPORTER_UPDATE_PERIOD_MS[e]));
  // Kepler labels node energy it could not read from RAPL as coming from a model.
  const modelled = chosen.some((c) => c.exporter === 'kepler' && /model|estimat/i.test(c.sample.labels.source ?? ''));
  return {
    series,
    skipped,
    exporters,
    updatePeriodMs: periods.length > 0 ? Math.max(...periods) : NaN,
    updatePeriodBasis: `the documented default of ${exporters.join(' + ')} (see EXPORTER_UPDATE_PERIOD_MS)`,
    measure: modelled ? 'model' : 'energy-counter',
    isEstimate: modelled,
  };
}
