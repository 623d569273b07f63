import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bindNvml } from '../lib/energy/nvml-binding.ts';
import {
  DEFAULT_BUSY_CORES,
  Preflight,
  cpuVerdict,
  foreignCpuLoad,
  gpuVerdict,
  idlePowerVerdict,
  openNvmlLoadProbe,
  parsePidStat,
  parseProcStat,
  type ProcProcess,
  type ProcSnapshot,
} from '../lib/energy/preflight.ts';
import { fakeNvml, type FakeGpu } from '../support/energy-standins.ts';
import { tempDir } from './helpers/fixture.ts';

const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) await kill(child);
});

/** A real process that keeps one core busy until killed. */
async function busyChild(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'process.stdout.write("go\\n"); for (;;) {}'], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise((resolve) => child.stdout!.once('data', resolve));
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** A procfs view holding only these processes: links to their real /proc entries, and no aggregate `stat`. */
function procView(pids: number[]): string {
  const root = tempDir('ipw-procview-');
  for (const pid of pids) fs.symlinkSync(`/proc/${pid}`, join(root, String(pid)));
  return root;
}

function snapshot(timeMs: number, busyTicks: number | null, processes: ProcProcess[]): ProcSnapshot {
  return { timeMs, busyTicks, cpus: busyTicks === null ? null : 4, processes: new Map(processes.map((p) => [p.pid, p])) };
}

describe('preflight: parsing /proc', () => {
  it('reads utime + stime and the start time from /proc/PID/stat, with a command name holding spaces and parentheses', () => {
    // Fields 3..22 after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime priority nice threads itrealvalue starttime
    const line = '4242 (my (odd) name) R 1 4242 4242 0 -1 4194560 100 0 0 0 1234 56 7 8 20 0 3 0 98765 1000000 200';
    expect(parsePidStat(line)).toEqual({ pid: 4242, comm: 'my (odd) name', ticks: 1290, startTicks: 98765 });
    expect(parsePidStat('garbage')).toBeNull();
  });

  it('adds user, nice, system, irq and softirq of /proc/stat (not idle, iowait or steal) and counts the CPUs', () => {
    const text = 'cpu  100 5 50 9000 30 2 3 40 0 0\ncpu0 50 2 25 4500 15 1 1 20 0 0\ncpu1 50 3 25 4500 15 1 2 20 0 0\nintr 123\n';
    expect(parseProcStat(text)).toEqual({ busyTicks: 160, cpus: 2 });
  });
});

describe('preflight: deciding quiet or busy (pure)', () => {
  const p = (pid: number, ticks: number, startTicks = 1, comm = `p${pid}`): ProcProcess => ({ pid, comm, ticks, startTicks });

  it('counts other processes over the interval, leaves out excluded ones, and tells a reused PID from the old process', () => {
    const before = snapshot(1000, null, [p(1, 100), p(2, 500), p(3, 900, 5)]);
    // 1 used 50 ticks, 2 is excluded, 3 is a new process reusing PID 3 (other start time), 4 started in the interval.
    const after = snapshot(2000, null, [p(1, 150), p(2, 600), p(3, 20, 77), p(4, 30)]);
    const load = foreignCpuLoad(before, after, new Set([2]));
    expect(load).toMatchObject({ intervalMs: 1000, basis: 'processes', busyCores: 1 });
    expect(load.top.map((t) => [t.pid, t.cores])).toEqual([[1, 0.5], [4, 0.3], [3, 0.2]]);
  });

  it('uses the all-CPU aggregate minus the excluded processes when it is larger (processes that came and went)', () => {
    const before = snapshot(0, 10_000, [p(1, 100), p(2, 100)]);
    const after = snapshot(500, 10_150, [p(1, 110), p(2, 200)]);
    // 150 busy ticks in all, 100 of them the excluded process's: 50 foreign ticks over 0.5 s is one core; processes seen: 10 ticks.
    const load = foreignCpuLoad(before, after, new Set([2]));
    expect(load).toMatchObject({ basis: 'aggregate', busyCores: 1, cpus: 4 });
    expect(() => foreignCpuLoad(after, before, new Set())).toThrow(/time order/);
  });

  it('is busy at the stated threshold of foreign cores, quiet below it, and names the processes', () => {
    const load = (busyCores: number) => ({ intervalMs: 500, busyCores, basis: 'processes' as const, cpus: 2, top: [{ pid: 9, comm: 'make', cores: busyCores }] });
    expect(DEFAULT_BUSY_CORES).toBe(0.25);
    expect(cpuVerdict(load(0.24))).toEqual({ quiet: true, reason: '' });
    expect(cpuVerdict(load(0.25))).toMatchObject({ quiet: false, reason: expect.stringMatching(/0\.25 cores busy .*threshold 0\.25.*make \(pid 9, 0\.25 cores\)/) });
    expect(cpuVerdict(load(0.6), 1).quiet).toBe(true);
  });

  it('flags another process using the GPU, ignores this one and idle contexts, and falls back to device utilisation', () => {
    const me = process.pid;
    const devices = [
      { uuid: 'GPU-a', utilizationPct: 90, processes: [{ pid: me, usedMemoryBytes: 1, smPct: 80 }, { pid: 77, usedMemoryBytes: 2, smPct: 3 }] },
      { uuid: 'GPU-b', utilizationPct: 40, processes: [{ pid: 88, usedMemoryBytes: null, smPct: 12 }] },
    ];
    const v = gpuVerdict(devices, new Set([me]));
    expect(v.quiet).toBe(false);
    expect(v.reason).toMatch(/GPU GPU-b .*pid 88 \(12% SM\)/);
    expect(v.reason).not.toMatch(/pid 77|GPU-a/);
    expect(v.foreign.map((f) => f.pid)).toEqual([77, 88]);
    expect(gpuVerdict(devices, new Set([me, 88])).quiet).toBe(true);
    // No per-process figure: a foreign process plus a busy device is busy; an idle device is not.
    const unknown = (utilizationPct: number) => [{ uuid: 'GPU-c', utilizationPct, processes: [{ pid: 99, usedMemoryBytes: 5, smPct: null }] }];
    expect(gpuVerdict(unknown(30), new Set()).reason).toMatch(/pid 99 \(device 30% busy\)/);
    expect(gpuVerdict(unknown(0), new Set()).quiet).toBe(true);
  });

  it('compares idle power with the baseline: more than 10% and 1 W above is busy; NaN is not checked', () => {
    expect(idlePowerVerdict(20, 21.9).quiet).toBe(true);
    expect(idlePowerVerdict(20, 22.5)).toMatchObject({ quiet: false, riseW: 2.5, reason: expect.stringMatching(/22\.50 W is 2\.50 W above the baseline 20\.00 W/) });
    // A near-zero baseline needs a rise of at least 1 W.
    expect(idlePowerVerdict(0.05, 0.9).quiet).toBe(true);
    expect(idlePowerVerdict(0.05, 1.2).quiet).toBe(false);
    expect(idlePowerVerdict(NaN, 30)).toMatchObject({ quiet: true, reason: expect.stringMatching(/not checked/) });
  });
});

describe('preflight against real processes', () => {
  it('sees a busy process started by the test in /proc, and the machine as busy', async () => {
    await busyChild();
    const reading = await new Preflight({ minIntervalMs: 500 }).check();
    // Whatever else runs here only adds to the figure: the child alone keeps a share of a core busy.
    expect(reading.quiet, JSON.stringify(reading.cpu)).toBe(false);
    expect(reading.reasons[0]).toMatch(/other processes kept .* cores busy/);
  });

  it('attributes the load to that process, leaves it out when excluded, and is quiet once it is gone', async () => {
    const child = await busyChild();
    const root = procView([child.pid!, process.pid]);
    // A low threshold: on a shared 2-core machine the child may get only a small share of a core; this test is
    // about what is counted and attributed (the threshold itself is tested above).
    const preflight = new Preflight({ procRoot: root, minIntervalMs: 500, busyCores: 0.02 });
    const busy = await preflight.check();
    expect(busy.cpu.basis).toBe('processes');
    expect(busy.quiet).toBe(false);
    expect(busy.cpu.top[0]).toMatchObject({ pid: child.pid, comm: 'node' });
    expect(busy.cpu.top.map((t) => t.pid)).not.toContain(process.pid);
    const excluded = await new Preflight({ procRoot: root, minIntervalMs: 500, busyCores: 0.02, excludePids: [child.pid!] }).check();
    expect(excluded).toMatchObject({ quiet: true, reasons: [], cpu: { busyCores: 0, top: [] } });
    await kill(child);
    preflight.mark();
    const quiet = await preflight.check();
    expect(quiet).toMatchObject({ quiet: true, cpu: { busyCores: 0 } });
  });

  it('in strict use, waits until the busy process is gone', async () => {
    const child = await busyChild();
    const preflight = new Preflight({ procRoot: procView([child.pid!]), minIntervalMs: 300, busyCores: 0.02 });
    expect((await preflight.check()).quiet).toBe(false);
    setTimeout(() => void kill(child), 600);
    const reading = await preflight.untilQuiet({ timeoutMs: 60_000 });
    expect(reading.quiet).toBe(true);
    expect(child.signalCode).toBe('SIGKILL');
  });
});

describe('preflight: other processes on the GPU (stand-in libnvidia-ml)', () => {
  const gpu = (processes: FakeGpu['processes'], utilization = { gpuPct: 35, memoryPct: 10 }): FakeGpu => ({
    uuid: 'GPU-5e5e5e5e-0000-4000-8000-000000000000',
    name: 'FakeA100',
    hasEnergyCounter: true,
    profile: [[1000, 60]],
    utilization,
    processes,
  });

  it('reads the process list, memory and per-process utilisation through the binding', () => {
    const { libraryPath } = fakeNvml([gpu([{ pid: 4321, usedMiB: 1536, smPct: 42 }])]);
    const binding = bindNvml(libraryPath);
    expect(binding.init()).toBe(0);
    const device = binding.handleByIndex(0);
    expect(binding.runningProcesses(device)).toEqual([{ pid: 4321, usedMemoryBytes: 1536 * 2 ** 20, kind: 'compute' }]);
    expect(binding.utilizationPct(device)).toEqual({ gpu: 35, memory: 10 });
    expect(binding.processUtilization(device, 0)).toEqual([{ pid: 4321, timeUs: expect.any(Number), smPct: 42, memoryPct: 0 }]);
    binding.shutdown();
  });

  it('flags a foreign GPU process during the run, not this process, and is quiet when it leaves', async () => {
    const me = { pid: process.pid, usedMiB: 2048, smPct: 97 };
    const other = { pid: 31337, usedMiB: 512, smPct: 60 };
    const nvml = fakeNvml([gpu([me, other])]);
    const probe = openNvmlLoadProbe({ nvmlLibrary: nvml.libraryPath });
    const preflight = new Preflight({ procRoot: procView([]), minIntervalMs: 50, gpu: probe });
    try {
      const busy = await preflight.check();
      expect(busy.quiet).toBe(false);
      expect(busy.gpu!.foreign).toEqual([{ pid: 31337, usedMemoryBytes: 512 * 2 ** 20, smPct: 60, uuid: gpu([]).uuid }]);
      expect(busy.reasons).toEqual([expect.stringMatching(/pid 31337 \(60% SM\)/)]);
      // Still holding a context but idle: listed, not busy.
      nvml.setLoad([gpu([me, { ...other, smPct: 0 }])]);
      expect(await preflight.check()).toMatchObject({ quiet: true, gpu: { foreign: [{ pid: 31337, smPct: 0 }] } });
      nvml.setLoad([gpu([me])]);
      expect(await preflight.check()).toMatchObject({ quiet: true, gpu: { foreign: [], devices: [{ utilizationPct: 35 }] } });
    } finally {
      preflight.close();
    }
  });
});
