import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { noHardwareEnergy } from './helpers/fixture.ts';
import { EnergyMeter, EnergySampler, combineWindows, listEnergySources, openEnergySource, openEstimatedSource, windowBetween } from '../lib/energy/index.ts';

function spinMs(durationMs: number): void {
  const end = performance.now() + durationMs;
  while (performance.now() < end) Math.sqrt(Math.random());
}

describe('estimated energy source', () => {
  it('charges busy CPU time at the configured watts per core and labels itself an estimate', () => {
    const source = openEstimatedSource({ wattsPerCore: 20 });
    const meter = new EnergyMeter(source);
    const cpuBefore = process.cpuUsage();
    meter.begin('busy');
    spinMs(200);
    const busy = meter.end('busy');
    const cpu = process.cpuUsage(cpuBefore);
    expect(busy.source).toBe('estimated');
    expect(busy.isEstimate).toBe(true);
    expect(busy.method).toContain('20 W');
    // Whatever share of a core the spin got (other processes may hold the cores), the joules are that CPU time x 20 W;
    // the bracketing reads add at most a few ms.
    const cpuS = (cpu.user + cpu.system) / 1e6;
    expect(cpuS).toBeGreaterThan(0);
    expect(busy.energyJ).toBeLessThanOrEqual(cpuS * 20 + 1e-9);
    expect(busy.energyJ).toBeGreaterThan((cpuS - 0.005) * 20);
  });

  it('charges far less while the process sleeps', async () => {
    const meter = new EnergyMeter(openEstimatedSource({ wattsPerCore: 20 }));
    meter.begin('idle');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const idle = meter.end('idle');
    expect(idle.durationMs).toBeGreaterThanOrEqual(190);
    expect(idle.meanPowerW).toBeLessThan(5);
  });

  it('rejects a non-positive power figure', () => {
    expect(() => openEstimatedSource({ wattsPerCore: 0 })).toThrow(/positive/);
  });
});

describe('energy sampler thread', () => {
  it('answers a window edge at once, not at its next period or a timeout', async () => {
    // A 10 s period: any sample inside this test was asked for by mark(). settle() used to poll every 20 ms because
    // the sampler never notified it, which idled the machine 25-50 ms between queries.
    const sampler = await EnergySampler.start({ source: 'estimated', sampleMs: 10_000 });
    try {
      const before = sampler.trace.length;
      for (let i = 0; i < 20; i++) await sampler.settle(sampler.mark());
      // Each settle got its own sample: with a 10 s period, waiting for the next period would time out.
      expect(sampler.trace.length - before).toBeGreaterThanOrEqual(20);
      // Named, so per-thread CPU accounting (and top -H) tells it from the compute threads.
      const names = readdirSync('/proc/self/task').map((tid) => readFileSync(`/proc/self/task/${tid}/comm`, 'latin1').trim());
      expect(names).toContain('ipw-sampler');
    } finally {
      await sampler.stop();
    }
  });
});

describe('energy windows', () => {
  const source = openEstimatedSource();

  it('computes joules, duration and mean power between two readings', () => {
    const w = windowBetween({ timeMs: 1000, energyJ: 5 }, { timeMs: 3000, energyJ: 25 }, source);
    expect(w).toMatchObject({ energyJ: 20, durationMs: 2000, meanPowerW: 10, source: 'estimated' });
  });

  it('combines prefill and decode windows into one', () => {
    const prefill = windowBetween({ timeMs: 0, energyJ: 0 }, { timeMs: 500, energyJ: 10 }, source);
    const decode = windowBetween({ timeMs: 500, energyJ: 10 }, { timeMs: 2000, energyJ: 20 }, source);
    expect(combineWindows([prefill, decode])).toMatchObject({ energyJ: 20, durationMs: 2000, meanPowerW: 10 });
  });

  it('refuses to end a window that was never begun, or begin one twice', () => {
    const meter = new EnergyMeter(source);
    expect(() => meter.end('x')).toThrow(/never begun/);
    meter.begin('x');
    expect(() => meter.begin('x')).toThrow(/already open/);
  });
});

describe('source listing', () => {
  it('lists every source with a reason and refuses unavailable ones with the fix', () => {
    const none = noHardwareEnergy();
    const names = listEnergySources(none).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['rapl', 'nvml', 'amd-gpu', 'powermetrics', 'estimated']));
    expect(() => openEnergySource({ ...none, source: 'rapl' })).toThrow(/unavailable.*the 'estimated' source/);
    expect(openEnergySource({ ...none, source: 'auto' }).name).toBe('estimated');
  });
});

describe('sysfs counter files', () => {
  it('re-reads a kept regular file from offset 0, and reopens a FIFO per read', async () => {
    const { SysfsCounterFile } = await import('../lib/energy/sysfs.ts');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const path = join(mkdtempSync(join(tmpdir(), 'ipw-sysfs-')), 'energy_uj');
    writeFileSync(path, '123\n');
    const file = new SysfsCounterFile(path);
    expect(file.read()).toBe(123);
    writeFileSync(path, '456789\n');
    expect(file.read()).toBe(456789);
    writeFileSync(path, 'x\n');
    expect(() => file.read()).toThrow(/expected an integer/);
    file.close();
  });

  it('parses counter bytes in place exactly as parseInt parses their text', async () => {
    const { parseDecimalBytes } = await import('../lib/energy/sysfs.ts');
    const texts = ['123456789\n', '0\n', ' \t42\n', '-7', '+7', '-0', '999999999999999', '262143328850\n', '12345678901234567890\n', '', '\n', 'x\n', '-', '--5', '\u00a012', '7e3', '12abc'];
    for (const text of texts) {
      const bytes = Buffer.from(`${text}padding that must be ignored`, 'latin1');
      expect(Object.is(parseDecimalBytes(bytes, text.length), Number.parseInt(text, 10)), JSON.stringify(text)).toBe(true);
    }
  });
});
