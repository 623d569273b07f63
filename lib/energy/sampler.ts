import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { OptionError } from '../errors/index.ts';
import { measureWindow, type TraceColumns } from './attribution.ts';
import { monotonicOffsetMs } from './clock.ts';
import { CONTROL, type SamplerWorkerData, type SourceInfo, type WorkerMessage } from './sampler-protocol.ts';
import type { DomainPlan } from './domains.ts';
import { resolveSourceName, type OpenSourceOptions } from './sources.ts';
import { PowerTrace } from './trace.ts';
import { SourceUnavailableError, type MeasuredWindow } from './types.ts';

/** Sampling period, ms, when `sampleMs` is not given. */
export const DEFAULT_SAMPLE_MS = 50;
const RING_CAPACITY = 1 << 16;
// The ring holds 65536 rows (65 s at 1 kHz), so draining once a second never loses rows and costs little.
const DRAIN_EVERY_MS = 1000;
const SETTLE_TIMEOUT_MS = 5000;

export interface SamplerOptions extends OpenSourceOptions {
  /** Sampling period, ms. Default 50 (DEFAULT_SAMPLE_MS). Window edges are sampled on demand in addition. */
  sampleMs?: number;
  /** Which sources and domains to sample; default: the one source `source` names (or `auto` finds), all its domains primary. */
  plan?: DomainPlan;
}

export interface SamplerStats {
  samples: number;
  /** Rows overwritten in the ring before the main thread copied them (should be 0). */
  lostSamples: number;
  /** CPU time of the sampler thread itself since it started, ms (from /proc/thread-self/schedstat; NaN elsewhere). */
  threadCpuMs: number;
}

function defaultPlan(options: OpenSourceOptions): DomainPlan {
  const name = resolveSourceName(options);
  return { sources: [name], primary: [name], notes: [] };
}

/**
 * Samples one energy source on its own thread, so inference on the main thread is not disturbed, into a shared
 * ring that the main thread copies into a growable `PowerTrace`. Times are on the main thread's
 * `performance.now()` clock, the one runners stamp tokens with.
 */
export class EnergySampler {
  readonly trace: PowerTrace;
  #lost = 0;
  #read = 0;
  #threadCpuMs = NaN;
  /** Each source's own report at the end of sampling (a remote exporter's clock checks), by source name. */
  sourceReports: Record<string, unknown> = {};
  #failure: Error | undefined;
  #stopped: Promise<void>;
  readonly #drainTimer: NodeJS.Timeout;

  private constructor(
    readonly info: SourceInfo,
    readonly periodMs: number,
    readonly clockOffsetMs: number,
    private readonly worker: Worker,
    private readonly control: Int32Array,
    private readonly ring: Float64Array,
    private readonly columns: number,
    stopped: Promise<void>,
  ) {
    this.trace = new PowerTrace(info.channels);
    this.#stopped = stopped;
    this.#drainTimer = setInterval(() => this.drain(), DRAIN_EVERY_MS);
    this.#drainTimer.unref();
  }

  /** Opens the source on a new thread and starts sampling; rejects with SourceUnavailableError when it cannot. */
  static async start(options: SamplerOptions = {}): Promise<EnergySampler> {
    const periodMs = options.sampleMs ?? DEFAULT_SAMPLE_MS;
    if (!(periodMs >= 1)) throw new OptionError('sampleMs', 'invalid', `sampleMs must be at least 1, got ${periodMs}`);
    const plan = options.plan ?? defaultPlan(options);
    const name = plan.sources[0]!;
    const control = new SharedArrayBuffer(CONTROL.length * 4);
    const { source: _source, plan: _plan, ...sourceOptions } = options;
    const workerData: SamplerWorkerData = { plan, options: sourceOptions, periodMs, capacity: RING_CAPACITY, control };
    const worker = new Worker(new URL('./sampler-boot.mjs', import.meta.url), { workerData });
    const clockOffsetMs = monotonicOffsetMs();
    let sampler: EnergySampler | undefined;
    let resolveStopped!: () => void;
    const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
    return new Promise<EnergySampler>((resolve, reject) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') {
          sampler = new EnergySampler(message.info, periodMs, clockOffsetMs, worker, new Int32Array(control), new Float64Array(message.data), message.columns, stopped);
          resolve(sampler);
        } else if (message.type === 'error') {
          const fallback = name === 'estimated' ? '' : "Or use the 'estimated' source (an estimate, not a measurement)";
          const fix = [message.fix, fallback].filter((s) => s).join('. ');
          const error = message.reason !== undefined ? new SourceUnavailableError(name, message.reason, fix) : new Error(message.message);
          if (sampler) sampler.#failure = error;
          else reject(error);
        } else if (sampler) {
          sampler.#threadCpuMs = message.threadCpuMs;
          if (message.type === 'stopped') sampler.sourceReports = message.sourceReports;
        }
      });
      worker.on('error', (error) => {
        if (sampler) sampler.#failure = error;
        else reject(error);
      });
      worker.on('exit', () => {
        resolveStopped();
        if (!sampler) reject(new Error(`the energy sampler thread for ${name} exited before it was ready`));
      });
    });
  }

  /** Now on the runner's clock, and a request for a sample right away so window edges are bracketed tightly. */
  mark(): number {
    Atomics.add(this.control, CONTROL.request, 1);
    Atomics.notify(this.control, CONTROL.request);
    return performance.now();
  }

  /** Copies new rows from the shared ring into the trace. */
  drain(): void {
    const written = Atomics.load(this.control, CONTROL.written);
    if (written - this.#read > RING_CAPACITY) {
      this.#lost += written - this.#read - RING_CAPACITY;
      this.#read = written - RING_CAPACITY;
    }
    for (; this.#read < written; this.#read++) {
      this.trace.push(this.ring, (this.#read % RING_CAPACITY) * this.columns, this.clockOffsetMs);
    }
  }

  #lastTimeMs(): number {
    return this.trace.length === 0 ? -Infinity : this.trace.timeMs[this.trace.length - 1]!;
  }

  /** Waits until the trace holds a sample taken after `timeMs`, asking for one; throws if sampling failed. */
  async settle(timeMs: number): Promise<void> {
    const deadline = performance.now() + SETTLE_TIMEOUT_MS;
    this.drain();
    while (this.#lastTimeMs() < timeMs) {
      if (this.#failure) throw this.#failure;
      if (performance.now() > deadline) throw new Error(`the ${this.info.name} sampler produced no sample for ${SETTLE_TIMEOUT_MS} ms`);
      const written = Atomics.load(this.control, CONTROL.written);
      this.mark();
      const wait = Atomics.waitAsync(this.control, CONTROL.written, written, 20);
      if (wait.async) await wait.value;
      this.drain();
    }
    if (this.#failure) throw this.#failure;
  }

  /** Gross and net energy of [startMs, endMs]; call `settle(endMs)` first. */
  window(startMs: number, endMs: number, idlePowerW = NaN): MeasuredWindow {
    return measureWindow(this.trace as TraceColumns, startMs, endMs, {
      source: this.info.name,
      method: this.info.method,
      isEstimate: this.info.isEstimate,
      updatePeriodMs: this.info.updatePeriodMs,
      samplePeriodMs: this.periodMs,
      idlePowerW,
    });
  }

  /** Gross and net energy of [startMs, endMs] in each domain (`source:channel`); call `settle(endMs)` first. */
  domainWindows(startMs: number, endMs: number, idlePowerByDomainW: Readonly<Record<string, number>> = {}): Record<string, MeasuredWindow> {
    const windows: Record<string, MeasuredWindow> = {};
    this.info.channels.forEach((domain, c) => {
      const columns: TraceColumns = { timeMs: this.trace.timeMs, energyJ: this.trace.channelJ[c]!, powerW: this.trace.powerW, length: this.trace.length };
      windows[domain] = measureWindow(columns, startMs, endMs, {
        source: this.info.name,
        method: this.info.method,
        isEstimate: this.info.isEstimate,
        updatePeriodMs: this.info.updatePeriodMs,
        samplePeriodMs: this.periodMs,
        idlePowerW: idlePowerByDomainW[domain] ?? NaN,
      });
    });
    return windows;
  }

  stats(): SamplerStats {
    return { samples: this.trace.length, lostSamples: this.#lost, threadCpuMs: this.#threadCpuMs };
  }

  /** Stops the thread after one last sample and copies everything; safe to call twice. */
  async stop(): Promise<SamplerStats> {
    clearInterval(this.#drainTimer);
    Atomics.store(this.control, CONTROL.stop, 1);
    Atomics.add(this.control, CONTROL.request, 1);
    Atomics.notify(this.control, CONTROL.request);
    await this.#stopped;
    this.drain();
    if (this.#failure) throw this.#failure;
    return this.stats();
  }
}
