import { OptionError } from '../errors/index.ts';
import { ProcessCpuCounter } from './process-cpu.ts';
import { totalReader } from './source-read.ts';
import { SourceUnavailableError, type EnergySource, type SampleRow } from './types.ts';

export interface EstimatedSourceOptions {
  /** Modelled power of one fully busy core, in watts. Default 10 (DEFAULT_WATTS_PER_CORE), a round figure, not a measurement. */
  wattsPerCore?: number;
  /**
   * Count the CPU time of this process (all threads) instead of ours: the server of an `openai:` model on this
   * machine. Default: this process.
   */
  serverPid?: number;
  /** Where /proc is (for tests). Default `/proc`. */
  procRoot?: string;
}

/** Watts per busy core of the `estimated` source when `wattsPerCore` is not given. */
export const DEFAULT_WATTS_PER_CORE = 10;

/**
 * Models energy as one process's CPU time (all threads, user + system) times a fixed power per busy core: this
 * process, or with `serverPid` a local model server. It sees nothing outside that process (GPU, other processes,
 * idle power), so every figure is an estimate.
 */
export function openEstimatedSource(options: EstimatedSourceOptions = {}): EnergySource {
  const wattsPerCore = options.wattsPerCore ?? DEFAULT_WATTS_PER_CORE;
  if (!(wattsPerCore > 0)) throw new OptionError('wattsPerCore', 'invalid', `wattsPerCore must be a positive number of watts, got ${wattsPerCore}`);
  const cpuS = options.serverPid === undefined ? ownCpuSeconds() : serverCpuSeconds(options.serverPid, options.procRoot);
  const readInto = (out: SampleRow): void => {
    out[0] = cpuS() * wattsPerCore;
    out[1] = NaN;
    out[2] = out[0];
  };
  return {
    name: 'estimated',
    measure: 'model',
    method:
      options.serverPid === undefined
        ? `process CPU time x ${wattsPerCore} W per busy core`
        : `CPU time of the model server process (all threads) x ${wattsPerCore} W per busy core`,
    isEstimate: true,
    // getrusage advances with the scheduler tick on many kernels.
    updatePeriodMs: 4,
    channels: [options.serverPid === undefined ? 'process-cpu' : 'server-cpu'],
    // A model, not a counter: one step is the CPU clock's unit (process.cpuUsage: us; schedstat: ns) times the watts.
    counters: [{ resolutionJ: wattsPerCore * (options.serverPid === undefined ? 1e-6 : 1e-9), resolutionW: null, updatePeriodMs: 4, wrapJ: null, note: 'modelled: CPU time x watts per busy core; not a measurement' }],
    details: options.serverPid === undefined ? { wattsPerCore } : { wattsPerCore, serverPid: options.serverPid },
    readInto,
    read: totalReader(readInto, 1),
    async close() {},
  };
}

function ownCpuSeconds(): () => number {
  const start = process.cpuUsage();
  return () => {
    const cpu = process.cpuUsage(start);
    return (cpu.user + cpu.system) / 1e6;
  };
}

function serverCpuSeconds(pid: number, procRoot: string | undefined): () => number {
  const counter = new ProcessCpuCounter(pid, procRoot);
  let startS: number;
  try {
    startS = counter.readS();
  } catch (error) {
    throw new SourceUnavailableError('estimated', `cannot read the model server's CPU time: ${(error as Error).message}`, 'check that the server is running on this machine and that this user may read its /proc entries');
  }
  return () => counter.readS() - startS;
}
