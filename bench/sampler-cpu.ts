/**
 * CPU cost of the energy sampler, as a fraction of one core, at 20 Hz and 100 Hz.
 * Usage: tsx bench/sampler-cpu.ts [seconds per run, default 10]
 *
 * "thread" is the sampler thread's own run time (/proc/thread-self/schedstat, ns resolution);
 * "process" is the whole process's CPU (sampler + main-thread draining + GC) minus an idle run of equal length.
 * Sources: a sysfs-shaped RAPL tree of regular files (read as real sysfs is: one kept descriptor per zone, pread at 0),
 * the compiled stand-in libnvidia-ml over FFI, and the estimator. No real RAPL or GPU on the machine that wrote this.
 */
import fs from 'node:fs';
import { join } from 'node:path';
import { EnergySampler, type OpenSourceOptions } from '../lib/energy/index.ts';
import { fakeNvml } from '../support/energy-standins.ts';
import { tempDir } from '../support/temp-dir.ts';

const seconds = Number(process.argv[2] ?? 10);

function raplTree(): string {
  const root = tempDir('ipw-bench-rapl-');
  for (const [id, name] of [['intel-rapl:0', 'package-0'], ['intel-rapl:0:0', 'core'], ['intel-rapl:0:1', 'dram'], ['intel-rapl:1', 'package-1'], ['intel-rapl:2', 'psys']] as const) {
    fs.mkdirSync(join(root, id));
    fs.writeFileSync(join(root, id, 'name'), `${name}\n`);
    fs.writeFileSync(join(root, id, 'max_energy_range_uj'), '262143328850\n');
    fs.writeFileSync(join(root, id, 'energy_uj'), '123456789\n');
  }
  return root;
}

function processCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function idle(ms: number): Promise<number> {
  const before = processCpuMs();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return processCpuMs() - before;
}

async function run(label: string, options: OpenSourceOptions, hz: number, idleCpuMs: number): Promise<void> {
  const sampler = await EnergySampler.start({ ...options, sampleMs: 1000 / hz });
  const before = processCpuMs();
  const startMs = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const wallMs = performance.now() - startMs;
  const afterCpu = processCpuMs();
  const stats = await sampler.stop();
  const threadPct = (stats.threadCpuMs / wallMs) * 100;
  const processPct = ((afterCpu - before - idleCpuMs) / wallMs) * 100;
  console.log(
    `${label.padEnd(10)} ${String(hz).padStart(3)} Hz  samples ${String(stats.samples).padStart(5)}  thread ${threadPct.toFixed(3)}% of a core  process (minus idle) ${processPct.toFixed(3)}%  lost ${stats.lostSamples}`,
  );
}

const idleCpuMs = await idle(seconds * 1000);
console.log(`idle process over ${seconds} s: ${idleCpuMs.toFixed(1)} ms CPU`);
const { libraryPath } = fakeNvml([{ uuid: 'GPU-bench', name: 'FakeGPU', hasEnergyCounter: true, profile: [[1000, 100]] }]);
for (const hz of [20, 100]) {
  await run('rapl', { source: 'rapl', raplRoot: raplTree() }, hz, idleCpuMs);
  await run('nvml', { source: 'nvml', nvmlLibrary: libraryPath }, hz, idleCpuMs);
  await run('estimated', { source: 'estimated' }, hz, idleCpuMs);
}
