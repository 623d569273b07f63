import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monotonicOffsetMs } from '../lib/energy/index.ts';
import { tempDir } from './temp-dir.ts';

const C_DIR = new URL('./c/', import.meta.url).pathname;

/**
 * A cyclic, piecewise-linear power profile: segment i lasts [i][0] ms while power moves linearly from [i][1] W to
 * [i+1][1] W (wrapping). The C stand-ins read the same; see c/profile.h for why power is continuous.
 */
export type PowerProfile = readonly (readonly [number, number])[];

/** Exact joules of `profile` from its start to `tMs` after it. Mirrors profile_energy_j in c/profile.h. Pure. */
export function profileEnergyJ(profile: PowerProfile, tMs: number): number {
  if (tMs <= 0) return 0;
  const segments = profile.map(([ms, w0], i) => ({ ms, w0, w1: profile[(i + 1) % profile.length]![1] }));
  const cycleMs = segments.reduce((s, g) => s + g.ms, 0);
  const cycleJ = segments.reduce((s, g) => s + (g.ms / 1000) * ((g.w0 + g.w1) / 2), 0);
  const cycles = Math.floor(tMs / cycleMs);
  let rest = tMs - cycles * cycleMs;
  let joules = cycles * cycleJ;
  for (const g of segments) {
    if (rest <= 0) break;
    const d = Math.min(rest, g.ms);
    joules += (d / 1000) * ((g.w0 + (g.w0 + ((g.w1 - g.w0) * d) / g.ms)) / 2);
    rest -= d;
  }
  return joules;
}

function profileText(profile: PowerProfile): string {
  return profile.map(([ms, w]) => `${ms}:${w}`).join(' ');
}

/** Compiles a C stand-in once per content into a cache folder and returns the output path. */
export function compileC(source: string, shared: boolean): string {
  const files = [join(C_DIR, source), join(C_DIR, 'profile.h')];
  const hash = createHash('sha256');
  for (const f of files) hash.update(fs.readFileSync(f));
  hash.update(String(shared));
  const dir = join(tmpdir(), 'ipw-energy-standins', hash.digest('hex').slice(0, 16));
  const out = join(dir, shared ? source.replace(/\.c$/, '.so') : source.replace(/\.c$/, ''));
  if (fs.existsSync(out)) return out;
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  const args = shared ? ['-O2', '-shared', '-fPIC', '-o', tmp, files[0]!] : ['-O2', '-pthread', '-o', tmp, files[0]!];
  const result = spawnSync('gcc', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`gcc ${source} failed: ${result.stderr}`);
  fs.renameSync(tmp, out);
  return out;
}

/** Converts a main-thread performance.now() time to ms since a CLOCK_MONOTONIC origin (ns). */
export function sinceOriginMs(timeMs: number, originNs: bigint): number {
  return timeMs + monotonicOffsetMs() - Number(originNs) / 1e6;
}

export interface RaplZoneSpec {
  id: string;
  name: string;
  rangeUj: number;
  /** Counter value at t0, to place a wrap early in the test. */
  offsetUj: number;
  profile: PowerProfile;
}

export interface RaplStandin {
  root: string;
  originNs: bigint;
  /** Served reads as [zone index, CLOCK_MONOTONIC ns, value], after stop(). */
  stop(): Promise<[number, bigint, number][]>;
}

/**
 * A sysfs-shaped powercap tree whose energy_uj files are FIFOs served by c/rapl-writer.c: each read returns the
 * counter at that instant, an exact function of CLOCK_MONOTONIC.
 */
export async function startRaplStandin(zones: readonly RaplZoneSpec[]): Promise<RaplStandin> {
  const writer = compileC('rapl-writer.c', false);
  const root = tempDir('ipw-rapl-');
  const originNs = process.hrtime.bigint();
  const lines = [`t0 ${originNs}`];
  for (const z of zones) {
    const dir = join(root, z.id);
    fs.mkdirSync(dir);
    fs.writeFileSync(join(dir, 'name'), `${z.name}\n`);
    fs.writeFileSync(join(dir, 'max_energy_range_uj'), `${z.rangeUj}\n`);
    const mk = spawnSync('mkfifo', [join(dir, 'energy_uj')]);
    if (mk.status !== 0) throw new Error(`mkfifo failed: ${mk.stderr}`);
    lines.push(`zone ${join(dir, 'energy_uj')} ${z.rangeUj} ${z.offsetUj} ${profileText(z.profile)}`);
  }
  const script = join(root, 'script.txt');
  const log = join(root, 'served.log');
  fs.writeFileSync(script, `${lines.join('\n')}\n`);
  const child: ChildProcess = spawn(writer, [script, log], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`rapl-writer exited with ${code}`)));
  });
  return {
    root,
    originNs,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      return fs
        .readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(' '))
        .map(([z, t, v]) => [Number(z), BigInt(t!), Number(v)] as [number, bigint, number]);
    },
  };
}

export interface FakeGpu {
  uuid: string;
  name: string;
  hasEnergyCounter: boolean;
  profile: PowerProfile;
  /** What nvmlDeviceGetUtilizationRates reports (percent); absent: 0 and 0. */
  utilization?: { gpuPct: number; memoryPct: number };
  /** Compute processes NVML lists on this GPU, each with its SM utilisation (nvmlDeviceGetProcessUtilization). */
  processes?: readonly { pid: number; usedMiB: number; smPct: number }[];
}

function loadLines(gpus: readonly FakeGpu[]): string[] {
  return gpus.flatMap((g) => [
    ...(g.utilization ? [`util ${g.uuid} ${g.utilization.gpuPct} ${g.utilization.memoryPct}`] : []),
    ...(g.processes ?? []).map((p) => `proc ${g.uuid} ${p.pid} ${p.usedMiB} ${p.smPct}`),
  ]);
}

/**
 * Compiles c/fake-nvml.c and points it at a script of GPUs; returns the library path and the profiles' origin.
 * `setLoad` rewrites the GPUs' utilisation and processes, which the library re-reads on every call that reports them.
 */
export function fakeNvml(gpus: readonly FakeGpu[]): { libraryPath: string; originNs: bigint; setLoad(gpus: readonly FakeGpu[]): void } {
  const libraryPath = compileC('fake-nvml.c', true);
  const originNs = process.hrtime.bigint();
  const lines = [`t0 ${originNs}`, ...gpus.map((g) => `gpu ${g.uuid} ${g.name} ${g.hasEnergyCounter ? 1 : 0} ${profileText(g.profile)}`)];
  const script = join(tempDir('ipw-nvml-'), 'gpus.txt');
  const write = (load: readonly FakeGpu[]) => {
    // Written whole and renamed into place, so the library never reads half a file.
    fs.writeFileSync(`${script}.tmp`, `${[...lines, ...loadLines(load)].join('\n')}\n`);
    fs.renameSync(`${script}.tmp`, script);
  };
  write(gpus);
  // The library reads the real process environment, which Node's process.env writes through to.
  process.env.FAKE_NVML_SCRIPT = script;
  return { libraryPath, originNs, setLoad: write };
}

export function sleepMs(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function spinMs(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}
