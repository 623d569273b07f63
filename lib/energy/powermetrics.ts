import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlist, type PlistValue } from './plist.ts';
import { totalReader } from './source-read.ts';
import { SourceUnavailableError, type EnergySource, type SampleRow } from './types.ts';

/** One powermetrics sample: energy over its interval per unit, in joules. */
export interface PowermetricsSample {
  elapsedMs: number;
  cpuJ: number;
  gpuJ: number;
  aneJ: number;
  /** cpu + gpu + ane. */
  totalJ: number;
  /** combined_power over the interval, W (NaN when absent). */
  combinedPowerW: number;
}

function num(dict: { [key: string]: PlistValue } | undefined, key: string): number | undefined {
  const v = dict?.[key];
  return typeof v === 'number' ? v : undefined;
}

function asDict(v: PlistValue | undefined): { [key: string]: PlistValue } | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
}

/**
 * Reads one `powermetrics -f plist` document. Apple Silicon reports processor.cpu_energy / gpu_energy / ane_energy
 * in mJ over the interval and *_power in mW; older releases put gpu_energy under "gpu". Missing energies fall back
 * to power x elapsed. Pure.
 */
export function parsePowermetricsSample(xml: string): PowermetricsSample {
  const root = asDict(parsePlist(xml));
  if (!root) throw new SyntaxError('powermetrics: the plist is not a dict');
  const elapsedNs = num(root, 'elapsed_ns');
  if (elapsedNs === undefined) throw new SyntaxError('powermetrics: no elapsed_ns');
  const elapsedS = elapsedNs / 1e9;
  const processor = asDict(root.processor);
  const gpu = asDict(root.gpu);
  if (!processor) throw new SyntaxError('powermetrics: no processor dict (run `powermetrics --samplers cpu_power,gpu_power`)');
  const joules = (energyMj: number | undefined, powerMw: number | undefined): number =>
    energyMj !== undefined ? energyMj / 1000 : powerMw !== undefined ? (powerMw / 1000) * elapsedS : 0;
  const cpuJ = joules(num(processor, 'cpu_energy'), num(processor, 'cpu_power'));
  const gpuJ = joules(num(processor, 'gpu_energy') ?? num(gpu, 'gpu_energy'), num(processor, 'gpu_power') ?? num(gpu, 'gpu_power'));
  const aneJ = joules(num(processor, 'ane_energy'), num(processor, 'ane_power'));
  const combined = num(processor, 'combined_power');
  return { elapsedMs: elapsedNs / 1e6, cpuJ, gpuJ, aneJ, totalJ: cpuJ + gpuJ + aneJ, combinedPowerW: combined === undefined ? NaN : combined / 1000 };
}

/** Splits a growing powermetrics output into complete documents (NUL-separated) and the unfinished rest. Pure. */
export function splitPlistStream(text: string): { documents: string[]; rest: string } {
  const parts = text.split('\0');
  const rest = parts.pop() ?? '';
  return { documents: parts.filter((p) => p.trim() !== ''), rest };
}

export interface PowermetricsOptions {
  /** powermetrics' own sampling interval; it is also this source's update period. */
  powermetricsIntervalMs?: number;
  /** Read recorded output instead of starting powermetrics (tests, replays). */
  powermetricsFile?: string;
}

function checkPowermetrics(): void {
  if (process.platform !== 'darwin') {
    throw new SourceUnavailableError('powermetrics', `powermetrics is macOS-only (this is ${process.platform})`, '');
  }
  if (process.getuid?.() !== 0 && spawnSync('sudo', ['-n', 'powermetrics', '--help'], { stdio: 'ignore' }).status !== 0) {
    throw new SourceUnavailableError(
      'powermetrics',
      'powermetrics needs root and `sudo -n` asks for a password',
      'run ipw with sudo, or allow it without a password: `echo "$USER ALL=(root) NOPASSWD: /usr/bin/powermetrics" | sudo tee /etc/sudoers.d/ipw-powermetrics`',
    );
  }
}

/**
 * Apple Silicon power through `powermetrics` (plist, written to a file this source tails). IOReport over FFI,
 * which would avoid sudo, is not implemented: its energy-model channels are private API with no stable contract.
 */
export function openPowermetricsSource(options: PowermetricsOptions = {}): EnergySource {
  const intervalMs = options.powermetricsIntervalMs ?? 100;
  let file = options.powermetricsFile;
  let child: ChildProcess | undefined;
  if (file === undefined) {
    checkPowermetrics();
    file = join(fs.mkdtempSync(join(tmpdir(), 'ipw-powermetrics-')), 'out.plist');
    const args = ['powermetrics', '--samplers', 'cpu_power,gpu_power', '-i', String(intervalMs), '-f', 'plist', '-o', file];
    child = spawn(process.getuid?.() === 0 ? args[0]! : 'sudo', process.getuid?.() === 0 ? args.slice(1) : ['-n', ...args], { stdio: 'ignore' });
  }
  const fd = () => fs.openSync(file!, fs.constants.O_RDONLY | fs.constants.O_CREAT);
  const handle = fd();
  const chunk = Buffer.alloc(1 << 16);
  let offset = 0;
  let pending = '';
  let totalJ = 0;
  let cpuJ = 0;
  let gpuJ = 0;
  let aneJ = 0;
  let powerW = NaN;
  const readInto = (out: SampleRow): void => {
    for (;;) {
      const n = fs.readSync(handle, chunk, 0, chunk.length, offset);
      if (n <= 0) break;
      offset += n;
      pending += chunk.toString('utf8', 0, n);
    }
    const { documents, rest } = splitPlistStream(pending);
    pending = rest;
    for (const doc of documents) {
      const s = parsePowermetricsSample(doc);
      totalJ += s.totalJ;
      cpuJ += s.cpuJ;
      gpuJ += s.gpuJ;
      aneJ += s.aneJ;
      powerW = s.combinedPowerW;
    }
    out[0] = totalJ;
    out[1] = powerW;
    out[2] = cpuJ;
    out[3] = gpuJ;
    out[4] = aneJ;
  };
  return {
    name: 'powermetrics',
    measure: 'interval-energy',
    method: `interval-energy: powermetrics cpu_energy + gpu_energy + ane_energy every ${intervalMs} ms (each interval is credited when it ends)`,
    isEstimate: false,
    updatePeriodMs: intervalMs,
    channels: ['cpu', 'gpu', 'ane'],
    counters: ['cpu', 'gpu', 'ane'].map(() => ({
      resolutionJ: 1e-3,
      resolutionW: 1e-3,
      updatePeriodMs: intervalMs,
      wrapJ: null,
      note: 'powermetrics reports the energy of each interval in millijoules; summed here, so nothing wraps',
    })),
    details: { file: file! },
    readInto,
    read: totalReader(readInto, 3),
    async close() {
      fs.closeSync(handle);
      child?.kill('SIGTERM');
    },
  };
}
