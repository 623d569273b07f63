import { afterEach, describe, expect, it } from 'vitest';
import { EnergySampler, crossCheck, openNamedSource } from '../lib/energy/index.ts';
import { fakeNvml, profileEnergyJ, sinceOriginMs, sleepMs, type FakeGpu } from '../support/energy-standins.ts';

const GPUS: FakeGpu[] = [
  { uuid: 'GPU-0a1b2c3d-0000-4000-8000-000000000000', name: 'FakeH100', hasEnergyCounter: true, profile: [[230, 120], [20, 120], [130, 310], [20, 310]] },
  // An older GPU without nvmlDeviceGetTotalEnergyConsumption: energy must come from integrating power.
  { uuid: 'GPU-0a1b2c3d-1111-4000-8000-000000000000', name: 'FakeT4', hasEnergyCounter: false, profile: [[280, 30], [20, 30], [280, 65], [20, 65]] },
];

let sampler: EnergySampler | undefined;
afterEach(async () => {
  await sampler?.stop();
  sampler = undefined;
  delete process.env.FAKE_NVML_INIT_RESULT;
});

async function measureWindows(s: EnergySampler, plannedMs: number[]) {
  const windows: { startMs: number; endMs: number }[] = [];
  for (const ms of plannedMs) {
    const startMs = s.mark();
    await sleepMs(ms);
    windows.push({ startMs, endMs: s.mark() });
  }
  await s.settle(windows[windows.length - 1]!.endMs);
  return windows;
}

function truthJ(gpu: FakeGpu, originNs: bigint, startMs: number, endMs: number): number {
  return profileEnergyJ(gpu.profile, sinceOriginMs(endMs, originNs)) - profileEnergyJ(gpu.profile, sinceOriginMs(startMs, originNs));
}

describe('NVML source over FFI against a compiled stand-in libnvidia-ml', () => {
  it('reads the total-energy counter of the GPU chosen by UUID within 0.5% for windows of 100 ms and longer', async () => {
    const { libraryPath, originNs } = fakeNvml(GPUS);
    sampler = await EnergySampler.start({ source: 'nvml', nvmlLibrary: libraryPath, gpuUuid: GPUS[0]!.uuid, sampleMs: 5 });
    expect(sampler.info).toMatchObject({ name: 'nvml', measure: 'energy-counter', isEstimate: false, channels: [`nvml:${GPUS[0]!.uuid}`] });
    expect(sampler.info.method).toContain('nvmlDeviceGetTotalEnergyConsumption');
    expect(String(sampler.info.details[`nvml:${GPUS[0]!.uuid}`])).toMatch(/FakeH100.*47 C.*SM 1980 MHz/);
    const windows = await measureWindows(sampler, [100, 300, 120, 1000]);
    for (const w of windows) {
      const measured = sampler.window(w.startMs, w.endMs);
      const truth = truthJ(GPUS[0]!, originNs, w.startMs, w.endMs);
      expect(Math.abs((measured.energyJ - truth) / truth) * 100, `${measured.durationMs} ms`).toBeLessThan(0.5);
    }
    const shortStart = sampler.mark();
    const short = shortStart + 2;
    await sampler.settle(short);
    expect(sampler.window(shortStart, short).flags).toContain('shorter-than-update-period');
  });

  it('falls back to integrating power where the counter is unsupported, and labels the method', async () => {
    const { libraryPath, originNs } = fakeNvml(GPUS);
    sampler = await EnergySampler.start({ source: 'nvml', nvmlLibrary: libraryPath, gpuIndex: 1, sampleMs: 5 });
    expect(sampler.info.measure).toBe('power-integral');
    expect(sampler.info.method).toMatch(/nvmlDeviceGetPowerUsage integrated \(no energy counter/);
    const windows = await measureWindows(sampler, [150, 400, 1000]);
    for (const w of windows) {
      const truth = truthJ(GPUS[1]!, originNs, w.startMs, w.endMs);
      // Trapezoid integration of continuous power at 5 ms is near exact; 0.5% holds here too.
      expect(Math.abs((sampler.window(w.startMs, w.endMs).energyJ - truth) / truth) * 100).toBeLessThan(0.5);
    }
  });

  it('measures every GPU by default, and cross-checks the counter against integrated power', async () => {
    const { libraryPath, originNs } = fakeNvml([GPUS[0]!]);
    sampler = await EnergySampler.start({ source: 'nvml', nvmlLibrary: libraryPath, sampleMs: 5 });
    const [w] = await measureWindows(sampler, [1500]);
    const check = crossCheck(sampler.trace);
    expect(check.integratedPowerJ).not.toBeNull();
    expect(Math.abs(check.discrepancyPct!)).toBeLessThan(1);
    expect(sampler.window(w!.startMs, w!.endMs).energyJ).toBeCloseTo(truthJ(GPUS[0]!, originNs, w!.startMs, w!.endMs), 0);
  });

  it('reports an unloadable library, a driver that is not loaded, and an unknown GPU with their fixes', () => {
    expect(() => openNamedSource('nvml', { nvmlLibrary: '/nonexistent/libnvidia-ml.so.1' })).toThrow(/cannot load .*install the NVIDIA driver/);
    const { libraryPath } = fakeNvml(GPUS);
    process.env.FAKE_NVML_INIT_RESULT = '9';
    expect(() => openNamedSource('nvml', { nvmlLibrary: libraryPath })).toThrow(/Driver Not Loaded.*modprobe nvidia/);
    delete process.env.FAKE_NVML_INIT_RESULT;
    expect(() => openNamedSource('nvml', { nvmlLibrary: libraryPath, gpuUuid: 'GPU-nope' })).toThrow(/Not Found.*UUID/);
    expect(() => openNamedSource('nvml', { nvmlLibrary: libraryPath, gpuIndex: 5 })).toThrow(/no GPU with index 5.*gpuIndex to 0\.\.1/);
  });
});
