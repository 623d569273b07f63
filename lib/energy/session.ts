import { OptionError } from '../errors/index.ts';
import { crossCheck, unattributedEnergyJ, type CrossCheck } from './attribution.ts';
import { EnergySampler, type SamplerOptions, type SamplerStats } from './sampler.ts';
import type { MeasuredWindow, WindowFlag } from './types.ts';

/** Idle seconds measured before the first query when `baselineS` is not given. */
export const DEFAULT_BASELINE_S = 2;

export interface EnergySessionOptions extends SamplerOptions {
  /** Idle seconds measured before the first query; 0 skips the baseline (net energy is then NaN). Default 2 (DEFAULT_BASELINE_S). */
  baselineS?: number;
}

/** One query's windows: the whole query, and its prefill and decode phases, on the same timestamps as its timings. */
export interface QueryEnergy {
  total: MeasuredWindow;
  prefill: MeasuredWindow;
  decode: MeasuredWindow;
  /** Reasoning models (`thinkingEndMs` given): decode split where thinking ended, into thinking and answering. */
  reasoning?: MeasuredWindow;
  answer?: MeasuredWindow;
  /** Union of the three windows' flags. */
  flags: WindowFlag[];
  /** The query window's gross joules in every domain sampled (`source:channel`). */
  byDomainJ: Record<string, number>;
  /** The same minus each domain's idle power x duration (NaN without a baseline). */
  netByDomainJ: Record<string, number>;
  /** Gross joules of all domains that add up to the whole system. */
  systemJ: number;
}

/** Idle power measured with the model loaded, in total and per domain, and when. */
export interface IdleBaseline {
  seconds: number;
  idlePowerW: number;
  energyJ: number;
  idlePowerByDomainW: Record<string, number>;
  /** ISO-8601 time the baseline ended. */
  takenAt: string;
}

/** What the run manifest records about energy, beyond the per-query rows. */
export interface EnergyReport {
  source: string;
  method: string;
  measure: string;
  isEstimate: boolean;
  updatePeriodMs: number;
  samplePeriodMs: number;
  /** Every domain sampled, the primary ones (IPW's figure), and those summed for the whole system. */
  channels: string[];
  primaryDomains: string[];
  systemDomains: string[];
  /** Why these sources and domains (see lib/energy/domains.ts planDomains). */
  notes: string[];
  details: Record<string, string | number>;
  baseline: IdleBaseline | null;
  /** Energy of the span from the first to the last query, split into queries, warm-up and the time between them. */
  span: { durationMs: number; energyJ: number; queriesJ: number; warmupJ: number; betweenQueriesJ: number };
  /** Warm-up generations, and the time from the first one's start to the last one's end. */
  warmup: { generations: number; durationMs: number };
  crossCheck: CrossCheck & { note: string };
  /** What each source found about itself (a remote exporter's clock offset and drift), by source name. */
  sourceReports: Record<string, unknown>;
  flaggedWindows: number;
  sampler: SamplerStats;
  trace: { binFile: string; jsonFile: string } | null;
}

/** Sampler, idle baseline and per-query attribution for one profiling run. */
export class EnergySession {
  idlePowerW = NaN;
  idlePowerByDomainW: Record<string, number> = {};
  #baseline: EnergyReport['baseline'] = null;
  readonly #queries: { startMs: number; endMs: number }[] = [];
  readonly #warmups: { startMs: number; endMs: number }[] = [];
  #flagged = 0;

  private constructor(
    readonly sampler: EnergySampler,
    readonly baselineS: number,
    readonly notes: string[],
  ) {}

  static async start(options: EnergySessionOptions = {}): Promise<EnergySession> {
    const baselineS = options.baselineS ?? DEFAULT_BASELINE_S;
    if (!(baselineS >= 0)) throw new OptionError('baselineS', 'invalid', `baselineS must be 0 or more, got ${baselineS}`);
    return new EnergySession(await EnergySampler.start(options), baselineS, options.plan?.notes ?? []);
  }

  get info() {
    return this.sampler.info;
  }

  /** Measures idle power over `baselineS` seconds of doing nothing; call after the model is loaded, before queries. */
  async measureBaseline(signal?: AbortSignal): Promise<void> {
    if (this.baselineS === 0) return;
    const startMs = this.sampler.mark();
    await new Promise<void>((resolve) => {
      // A signal aborted before the baseline began (a stop while the model loaded) fires no event: end at once.
      if (signal?.aborted) return resolve();
      const timer = setTimeout(resolve, this.baselineS * 1000);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    const endMs = this.sampler.mark();
    await this.sampler.settle(endMs);
    const w = this.sampler.window(startMs, endMs);
    this.idlePowerW = w.meanPowerW;
    this.idlePowerByDomainW = Object.fromEntries(Object.entries(this.sampler.domainWindows(startMs, endMs)).map(([d, dw]) => [d, dw.meanPowerW]));
    this.#baseline = { seconds: w.durationMs / 1000, idlePowerW: w.meanPowerW, energyJ: w.energyJ, idlePowerByDomainW: this.idlePowerByDomainW, takenAt: new Date().toISOString() };
  }

  /** The idle baseline measured (or adopted) by this session; null before one. */
  get baseline(): IdleBaseline | null {
    return this.#baseline;
  }

  /**
   * Uses an idle baseline measured earlier with the same domains (a model kept open between runs), instead of
   * measuring one again. Returns false, changing nothing, when its domains differ from this session's.
   */
  adoptBaseline(baseline: IdleBaseline): boolean {
    const domains = Object.keys(baseline.idlePowerByDomainW).sort().join(',');
    if (domains !== [...this.sampler.info.channels].sort().join(',')) return false;
    this.idlePowerW = baseline.idlePowerW;
    this.idlePowerByDomainW = { ...baseline.idlePowerByDomainW };
    this.#baseline = baseline;
    return true;
  }

  /** Asks for a sample now (at a phase edge, so the edge is tightly bracketed) without waiting for it. */
  mark(): number {
    return this.sampler.mark();
  }

  /**
   * Call right before a query starts: takes a sample and waits until it is in, so the sampler thread is back
   * asleep when the model starts. On a machine whose cores all compute, a sample taken during the first
   * milliseconds of prefill would take a core from it.
   */
  async markSettled(): Promise<number> {
    const timeMs = this.sampler.mark();
    await this.sampler.settle(timeMs);
    return timeMs;
  }

  /** Attributes [startMs, endMs] (split at firstTokenMs when there was a token) to one query. */
  async query(startMs: number, firstTokenMs: number | undefined, endMs: number, options: { warmup?: boolean; thinkingEndMs?: number } = {}): Promise<QueryEnergy> {
    await this.sampler.settle(endMs);
    const splitMs = firstTokenMs ?? endMs;
    const total = this.sampler.window(startMs, endMs, this.idlePowerW);
    const prefill = this.sampler.window(startMs, splitMs, this.idlePowerW);
    const decode = this.sampler.window(splitMs, endMs, this.idlePowerW);
    (options.warmup ? this.#warmups : this.#queries).push({ startMs, endMs });
    // Phase windows are flagged on their own; the query's total is what the row's flags describe.
    const flags = [...new Set([...total.flags, ...prefill.flags, ...decode.flags])];
    if (flags.length > 0 && !options.warmup) this.#flagged++;
    const domains = this.sampler.domainWindows(startMs, endMs, this.idlePowerByDomainW);
    const byDomainJ: Record<string, number> = {};
    const netByDomainJ: Record<string, number> = {};
    for (const [domain, w] of Object.entries(domains)) {
      byDomainJ[domain] = w.energyJ;
      netByDomainJ[domain] = w.netEnergyJ;
    }
    const systemJ = this.sampler.info.systemDomains.reduce((sum, d) => sum + (byDomainJ[d] ?? NaN), 0);
    const thinking = options.thinkingEndMs;
    const split = thinking === undefined ? {} : { reasoning: this.sampler.window(splitMs, thinking, this.idlePowerW), answer: this.sampler.window(thinking, endMs, this.idlePowerW) };
    return { total, prefill, decode, ...split, flags, byDomainJ, netByDomainJ, systemJ };
  }

  /** The trace's labels, as written beside its samples. */
  #traceMetadata(): Record<string, unknown> {
    const info = this.sampler.info;
    return {
      clock: 'timeMs is performance.now() of the profiling thread (the clock of token timestamps); add clockOffsetMs for CLOCK_MONOTONIC ms',
      clockOffsetMs: this.sampler.clockOffsetMs,
      source: info.name,
      method: info.method,
      measure: info.measure,
      isEstimate: info.isEstimate,
      primaryDomains: info.primaryDomains,
      systemDomains: info.systemDomains,
      samplePeriodMs: this.sampler.periodMs,
    };
  }

  /** Keeps the trace on disk as `<traceBase>` in `runDir` from now on; `flushTrace()` appends what was sampled since. */
  recordTrace(runDir: string, traceBase: string): void {
    this.sampler.drain();
    this.sampler.trace.record(runDir, traceBase, this.#traceMetadata());
  }

  /** Appends the samples taken so far to the recorded trace: call before journaling a query whose window they hold. */
  flushTrace(): void {
    this.sampler.trace.flush();
  }

  /** Stops sampling; writes the trace into `runDir` when given. */
  async finish(runDir: string | undefined, traceBase = 'trace'): Promise<EnergyReport> {
    const stats = await this.sampler.stop();
    const trace = this.sampler.trace;
    const all = [...this.#warmups, ...this.#queries].sort((a, b) => a.startMs - b.startMs);
    const spanStartMs = all[0]?.startMs ?? 0;
    const spanEndMs = all[all.length - 1]?.endMs ?? 0;
    const sumJ = (ws: { startMs: number; endMs: number }[]) => ws.reduce((s, w) => s + this.sampler.window(w.startMs, w.endMs).energyJ, 0);
    const canMeasure = trace.length > 0 && all.length > 0;
    const spanJ = canMeasure ? this.sampler.window(spanStartMs, spanEndMs).energyJ : 0;
    const check = crossCheck(trace);
    const info = this.sampler.info;
    const note =
      info.measure === 'energy-counter'
        ? check.integratedPowerJ === null
          ? 'the source reports no instantaneous power to check the counter against'
          : 'counter energy vs trapezoid integral of the power readings over the whole trace'
        : 'not a cross-check: this source has no independent energy counter';
    const report: EnergyReport = {
      source: info.name,
      method: info.method,
      measure: info.measure,
      isEstimate: info.isEstimate,
      updatePeriodMs: info.updatePeriodMs,
      samplePeriodMs: this.sampler.periodMs,
      channels: info.channels,
      primaryDomains: info.primaryDomains,
      systemDomains: info.systemDomains,
      notes: this.notes,
      details: info.details,
      baseline: this.#baseline,
      span: {
        durationMs: spanEndMs - spanStartMs,
        energyJ: spanJ,
        queriesJ: canMeasure ? sumJ(this.#queries) : 0,
        warmupJ: canMeasure ? sumJ(this.#warmups) : 0,
        betweenQueriesJ: canMeasure ? unattributedEnergyJ(trace, spanStartMs, spanEndMs, all) : 0,
      },
      warmup: {
        generations: this.#warmups.length,
        durationMs: this.#warmups.length === 0 ? 0 : this.#warmups[this.#warmups.length - 1]!.endMs - this.#warmups[0]!.startMs,
      },
      crossCheck: { ...check, note },
      sourceReports: this.sampler.sourceReports,
      flaggedWindows: this.#flagged,
      sampler: stats,
      trace: null,
    };
    if (runDir !== undefined) {
      report.trace = trace.write(runDir, traceBase, { ...this.#traceMetadata(), idlePowerByDomainW: this.idlePowerByDomainW });
    }
    return report;
  }
}
