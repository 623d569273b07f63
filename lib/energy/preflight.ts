/**
 * Preflight: is something other than the model loading the machine? Other processes' CPU time from /proc, other
 * processes on the GPU from NVML, and the idle power against the run's baseline. Pure functions decide "quiet" or
 * "busy" against stated thresholds; the /proc reader and the NVML probe are thin edges behind small interfaces.
 */
import fs from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_NVML_LIBRARY } from './nvml.ts';
import { NVML_SUCCESS, bindNvml, type NvmlBinding } from './nvml-binding.ts';
import { SourceUnavailableError } from './types.ts';

/** Foreign CPU load at or above this many busy cores (averaged over the interval) is "busy". */
export const DEFAULT_BUSY_CORES = 0.25;
/** A foreign GPU process at or above this SM utilisation (percent) is "busy". */
export const DEFAULT_GPU_BUSY_PCT = 5;
/** Idle power more than this fraction above the baseline, and by at least DEFAULT_IDLE_RISE_W, is "busy". */
export const DEFAULT_IDLE_RISE_FRACTION = 0.1;
export const DEFAULT_IDLE_RISE_W = 1;
/**
 * USER_HZ, the unit of /proc's CPU times: 100 on every mainstream Linux architecture (x86, arm64, riscv, ppc, s390);
 * it is part of the kernel's ABI, unlike the scheduler's HZ.
 */
export const PROC_TICKS_PER_S = 100;

// ---------------------------------------------------------------- CPU: pure parts

/** One process from `/proc/PID/stat`. */
export interface ProcProcess {
  pid: number;
  /** The command name (field 2, without the parentheses). */
  comm: string;
  /** utime + stime of all its threads, in ticks. */
  ticks: number;
  /** Start time after boot, in ticks: tells a reused PID from the process seen before. */
  startTicks: number;
}

/** Parses `/proc/PID/stat`. The command name may hold spaces and parentheses, so fields are counted from the last ')'. Pure. */
export function parsePidStat(text: string): ProcProcess | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const rest = text.slice(close + 2).trim().split(/\s+/);
  // rest[0] is field 3 (state): utime is field 14, stime 15, starttime 22.
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  const start = Number(rest[19]);
  const pid = Number(text.slice(0, open).trim());
  if (![pid, utime, stime, start].every(Number.isFinite)) return null;
  return { pid, comm: text.slice(open + 1, close), ticks: utime + stime, startTicks: start };
}

/** Busy ticks of all CPUs (user + nice + system + irq + softirq; not idle, iowait or steal) and the CPU count, from `/proc/stat`. Pure. */
export function parseProcStat(text: string): { busyTicks: number; cpus: number } | null {
  const lines = text.split('\n');
  const total = lines.find((l) => l.startsWith('cpu '));
  if (total === undefined) return null;
  const [user, nice, system, , , irq, softirq] = total.trim().split(/\s+/).slice(1).map(Number);
  const busyTicks = [user, nice, system, irq, softirq].reduce<number>((s, v) => s + (v ?? 0), 0);
  const cpus = lines.filter((l) => /^cpu\d+\s/.test(l)).length;
  return Number.isFinite(busyTicks) ? { busyTicks, cpus } : null;
}

/** CPU time of every process at one instant. */
export interface ProcSnapshot {
  /** When it was read (performance.now(), ms). */
  timeMs: number;
  /** From `<root>/stat`; null when the root has none. */
  busyTicks: number | null;
  cpus: number | null;
  processes: Map<number, ProcProcess>;
}

export interface ForeignCpuLoad {
  intervalMs: number;
  /** Other processes' CPU, in cores busy on average over the interval. */
  busyCores: number;
  /** `aggregate`: all CPUs' busy time minus the excluded processes' (catches processes that came and went); `processes`: the sum over processes seen (when the root has no `stat`). */
  basis: 'aggregate' | 'processes';
  cpus: number | null;
  /** The busiest other processes, most first (at most 5), in cores. */
  top: { pid: number; comm: string; cores: number }[];
}

/**
 * Other processes' CPU load between two snapshots. Processes in `excludePids` (this one, a local model server) are
 * left out. A process absent from `before` started during the interval, so all its time counts. The figure is the
 * larger of the all-CPU aggregate minus the excluded processes and the sum over the processes seen. Pure.
 */
export function foreignCpuLoad(before: ProcSnapshot, after: ProcSnapshot, excludePids: ReadonlySet<number>, ticksPerS = PROC_TICKS_PER_S): ForeignCpuLoad {
  const intervalMs = after.timeMs - before.timeMs;
  if (!(intervalMs > 0)) throw new RangeError(`snapshots must be in time order (interval ${intervalMs} ms)`);
  const toCores = (ticks: number) => ticks / ticksPerS / (intervalMs / 1000);
  const deltaOf = (p: ProcProcess): number => {
    const old = before.processes.get(p.pid);
    return old !== undefined && old.startTicks === p.startTicks ? Math.max(0, p.ticks - old.ticks) : p.ticks;
  };
  let foreignTicks = 0;
  let excludedTicks = 0;
  const perProcess: { pid: number; comm: string; ticks: number }[] = [];
  for (const p of after.processes.values()) {
    const delta = deltaOf(p);
    if (excludePids.has(p.pid)) excludedTicks += delta;
    else if (delta > 0) {
      foreignTicks += delta;
      perProcess.push({ pid: p.pid, comm: p.comm, ticks: delta });
    }
  }
  const top = perProcess
    .sort((a, b) => b.ticks - a.ticks)
    .slice(0, 5)
    .map((p) => ({ pid: p.pid, comm: p.comm, cores: toCores(p.ticks) }));
  if (before.busyTicks !== null && after.busyTicks !== null) {
    const aggregate = Math.max(0, after.busyTicks - before.busyTicks - excludedTicks);
    if (aggregate >= foreignTicks) return { intervalMs, busyCores: toCores(aggregate), basis: 'aggregate', cpus: after.cpus, top };
  }
  return { intervalMs, busyCores: toCores(foreignTicks), basis: 'processes', cpus: after.cpus, top };
}

export interface Verdict {
  quiet: boolean;
  /** Why it is busy, in words; empty when quiet. */
  reason: string;
}

/** Busy when other processes kept `busyCores` cores or more busy on average. Pure. */
export function cpuVerdict(load: ForeignCpuLoad, busyCores = DEFAULT_BUSY_CORES): Verdict {
  if (load.busyCores < busyCores) return { quiet: true, reason: '' };
  const who = load.top.map((p) => `${p.comm} (pid ${p.pid}, ${p.cores.toFixed(2)} cores)`).join(', ');
  return {
    quiet: false,
    reason: `other processes kept ${load.busyCores.toFixed(2)} cores busy over ${(load.intervalMs / 1000).toFixed(2)} s (threshold ${busyCores})${who ? `: ${who}` : ''}`,
  };
}

// ---------------------------------------------------------------- CPU: the /proc edge

const statBuffer = Buffer.alloc(64 * 1024);

/** One procfs file through a reused buffer: readFileSync's stat-then-grow path costs about 7x more on procfs. */
function readProcFile(path: string): string {
  const fd = fs.openSync(path, 'r');
  try {
    return statBuffer.toString('latin1', 0, fs.readSync(fd, statBuffer, 0, statBuffer.length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads `<root>/stat` and every `<root>/PID/stat`; processes that exit while it reads are skipped. 3-12 ms for
 * 115-125 processes on the 2-core build VM (the slow end at a load average of 10).
 */
export function readProcSnapshot(root = '/proc'): ProcSnapshot {
  const timeMs = performance.now();
  let aggregate: ReturnType<typeof parseProcStat> = null;
  try {
    aggregate = parseProcStat(readProcFile(join(root, 'stat')));
  } catch {
    // a root without `stat` (a view of chosen processes): per-process figures only
  }
  const processes = new Map<number, ProcProcess>();
  let entries: string[];
  try {
    entries = fs.readdirSync(root);
  } catch (error) {
    throw new Error(`cannot list ${root}: ${(error as Error).message}; procRoot must be a procfs mount (default /proc)`);
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const p = parsePidStat(readProcFile(join(root, entry, 'stat')));
      if (p !== null) processes.set(p.pid, p);
    } catch {
      // exited between the listing and the read
    }
  }
  return { timeMs, busyTicks: aggregate?.busyTicks ?? null, cpus: aggregate?.cpus ?? null, processes };
}

// ---------------------------------------------------------------- GPU

export interface GpuProcessLoad {
  pid: number;
  usedMemoryBytes: number | null;
  /** Highest SM utilisation sampled for it since the previous read, percent; null where NVML cannot tell. */
  smPct: number | null;
}

export interface GpuLoad {
  uuid: string;
  /** Device utilisation over NVML's last sample period (all processes, this one included), percent; null where unsupported. */
  utilizationPct: number | null;
  /** Processes with a context on the GPU; null where the driver cannot list them. */
  processes: GpuProcessLoad[] | null;
}

/** Reads every GPU's load; the preflight's GPU edge. */
export interface GpuLoadProbe {
  read(): GpuLoad[];
  close(): void;
}

/**
 * Busy when another process on a GPU used `busyPct` or more of its SMs since the last read; where NVML gives no
 * per-process figure, when another process is present and the device's utilisation is at or above `busyPct`. PIDs are
 * those NVML reports: inside a container they are the host's, and this process may then look foreign (exclude it
 * by its host PID). Pure.
 */
export function gpuVerdict(devices: readonly GpuLoad[], excludePids: ReadonlySet<number>, busyPct = DEFAULT_GPU_BUSY_PCT): Verdict & { foreign: (GpuProcessLoad & { uuid: string })[] } {
  const foreign = devices.flatMap((d) => (d.processes ?? []).filter((p) => !excludePids.has(p.pid)).map((p) => ({ ...p, uuid: d.uuid })));
  const reasons: string[] = [];
  for (const d of devices) {
    const others = foreign.filter((p) => p.uuid === d.uuid);
    const busy = others.filter((p) => (p.smPct !== null ? p.smPct >= busyPct : d.utilizationPct !== null && d.utilizationPct >= busyPct));
    if (busy.length > 0) {
      const what = busy.map((p) => `pid ${p.pid} (${p.smPct === null ? `device ${d.utilizationPct}% busy` : `${p.smPct}% SM`})`).join(', ');
      reasons.push(`other processes use GPU ${d.uuid} (threshold ${busyPct}%): ${what}`);
    }
  }
  return { quiet: reasons.length === 0, reason: reasons.join('; '), foreign };
}

/** NVML's process lists and utilisation as a GpuLoadProbe; throws SourceUnavailableError when NVML cannot be used. */
export function openNvmlLoadProbe(options: { nvmlLibrary?: string } = {}): GpuLoadProbe {
  const library = options.nvmlLibrary ?? DEFAULT_NVML_LIBRARY;
  let binding: NvmlBinding;
  try {
    binding = bindNvml(library);
  } catch (error) {
    throw new SourceUnavailableError('nvml', `cannot load ${library}: ${(error as Error).message.split('\n')[0]}`, 'install the NVIDIA driver, or pass nvmlLibrary');
  }
  const code = binding.init();
  if (code !== NVML_SUCCESS) throw new SourceUnavailableError('nvml', `nvmlInit_v2 failed: ${binding.errorString(code)} (NVML error ${code})`, 'check the driver with `nvidia-smi`');
  const devices = Array.from({ length: binding.deviceCount() }, (_, i) => {
    const handle = binding.handleByIndex(i);
    return { handle, uuid: binding.uuid(handle) };
  });
  // NVML stamps utilisation samples in microseconds of the wall clock; ask for those newer than the last read.
  let sinceUs = Date.now() * 1000;
  return {
    read() {
      const nowUs = Date.now() * 1000;
      const loads = devices.map(({ handle, uuid }): GpuLoad => {
        const listed = binding.runningProcesses(handle);
        const samples = binding.processUtilization(handle, sinceUs);
        const smByPid = new Map<number, number>();
        for (const s of samples ?? []) smByPid.set(s.pid, Math.max(smByPid.get(s.pid) ?? 0, s.smPct));
        return {
          uuid,
          utilizationPct: binding.utilizationPct(handle)?.gpu ?? null,
          processes:
            listed === null
              ? null
              : listed.map((p) => ({ pid: p.pid, usedMemoryBytes: p.usedMemoryBytes, smPct: samples === null ? null : (smByPid.get(p.pid) ?? 0) })),
        };
      });
      sinceUs = nowUs;
      return loads;
    },
    close() {
      binding.shutdown();
    },
  };
}

// ---------------------------------------------------------------- idle power

export interface IdlePowerCheck extends Verdict {
  baselineW: number;
  observedW: number;
  riseW: number;
}

/**
 * Compares idle power seen now (e.g. between queries) with the run's baseline: busy when it is more than
 * `riseFraction` above the baseline and by at least `minRiseW` watts (so a near-zero baseline does not trip on
 * noise). NaN on either side (no baseline, nothing measured) is quiet, with the reason saying it was not checked. Pure.
 */
export function idlePowerVerdict(baselineW: number, observedW: number, riseFraction = DEFAULT_IDLE_RISE_FRACTION, minRiseW = DEFAULT_IDLE_RISE_W): IdlePowerCheck {
  const riseW = observedW - baselineW;
  if (Number.isNaN(riseW)) return { quiet: true, reason: 'not checked: no idle baseline or no power reading', baselineW, observedW, riseW };
  const limitW = Math.max(minRiseW, riseFraction * Math.abs(baselineW));
  if (riseW <= limitW) return { quiet: true, reason: '', baselineW, observedW, riseW };
  return {
    quiet: false,
    reason: `idle power ${observedW.toFixed(2)} W is ${riseW.toFixed(2)} W above the baseline ${baselineW.toFixed(2)} W (threshold: more than ${(riseFraction * 100).toFixed(0)}% and ${minRiseW} W)`,
    baselineW,
    observedW,
    riseW,
  };
}

// ---------------------------------------------------------------- the check

export interface PreflightOptions {
  /** Where procfs is; a folder holding only chosen `PID` entries (links into /proc) in tests. Default `/proc`. */
  procRoot?: string;
  /** Processes whose load is not foreign, beyond this one (always excluded): a local model server, for example. */
  excludePids?: readonly number[];
  /** Default DEFAULT_BUSY_CORES (0.25). */
  busyCores?: number;
  /** Default DEFAULT_GPU_BUSY_PCT (5). */
  gpuBusyPct?: number;
  /** The interval the first `check()` measures over, and the shortest any check measures over (ms); default 500. /proc counts in 10 ms ticks, so shorter intervals are noisy. */
  minIntervalMs?: number;
  /** GPU load; none: the GPU is not checked. See openNvmlLoadProbe. */
  gpu?: GpuLoadProbe;
}

export interface PreflightReading {
  /** ISO-8601 time of the reading. */
  at: string;
  quiet: boolean;
  /** Why it is busy, one entry per cause; empty when quiet. */
  reasons: string[];
  cpu: ForeignCpuLoad & Verdict;
  gpu: { quiet: boolean; reason: string; devices: GpuLoad[]; foreign: (GpuProcessLoad & { uuid: string })[] } | null;
}

/**
 * Checks for foreign load over the time since the previous check (or `mark()`): call it before a run, and between
 * queries to catch load that appears during the run. The first check waits `minIntervalMs` to have an interval.
 */
export class Preflight {
  readonly #root: string;
  readonly #exclude: Set<number>;
  readonly #busyCores: number;
  readonly #gpuBusyPct: number;
  readonly #minIntervalMs: number;
  readonly #gpu: GpuLoadProbe | undefined;
  #previous: ProcSnapshot | undefined;

  constructor(options: PreflightOptions = {}) {
    this.#root = options.procRoot ?? '/proc';
    this.#exclude = new Set([process.pid, ...(options.excludePids ?? [])]);
    this.#busyCores = options.busyCores ?? DEFAULT_BUSY_CORES;
    this.#gpuBusyPct = options.gpuBusyPct ?? DEFAULT_GPU_BUSY_PCT;
    this.#minIntervalMs = options.minIntervalMs ?? 500;
    this.#gpu = options.gpu;
    if (!(this.#busyCores > 0)) throw new RangeError(`busyCores must be a positive number of cores, got ${this.#busyCores}`);
    if (!(this.#minIntervalMs > 0)) throw new RangeError(`minIntervalMs must be positive, got ${this.#minIntervalMs}`);
  }

  /** Starts the interval the next check measures (e.g. at a query's start). */
  mark(): void {
    this.#previous = readProcSnapshot(this.#root);
    this.#gpu?.read();
  }

  /** True when `minIntervalMs` has passed since the previous check or mark, so a check now would not wait. */
  due(): boolean {
    return this.#previous === undefined || performance.now() - this.#previous.timeMs >= this.#minIntervalMs;
  }

  /** Foreign load since the previous check or mark (waiting until `minIntervalMs` has passed), with the verdict. */
  async check(signal?: AbortSignal): Promise<PreflightReading> {
    this.#previous ??= readProcSnapshot(this.#root);
    const waitMs = this.#minIntervalMs - (performance.now() - this.#previous.timeMs);
    if (waitMs > 0) await sleep(waitMs, signal);
    const now = readProcSnapshot(this.#root);
    const load = foreignCpuLoad(this.#previous, now, this.#exclude);
    this.#previous = now;
    const cpu = { ...load, ...cpuVerdict(load, this.#busyCores) };
    let gpu: PreflightReading['gpu'] = null;
    if (this.#gpu !== undefined) {
      const devices = this.#gpu.read();
      gpu = { ...gpuVerdict(devices, this.#exclude, this.#gpuBusyPct), devices };
    }
    const reasons = [cpu.reason, gpu?.reason ?? ''].filter((r) => r !== '');
    return { at: new Date().toISOString(), quiet: reasons.length === 0, reasons, cpu, gpu };
  }

  /**
   * Checks until quiet or `timeoutMs` (default 60 s) has passed; for strict mode, which pauses until the machine is
   * quiet. Returns the last reading (not quiet when it timed out or was aborted).
   */
  async untilQuiet(options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<PreflightReading> {
    const deadline = performance.now() + (options.timeoutMs ?? 60_000);
    for (;;) {
      const reading = await this.check(options.signal);
      if (reading.quiet || performance.now() >= deadline || options.signal?.aborted) return reading;
    }
  }

  close(): void {
    this.#gpu?.close();
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
