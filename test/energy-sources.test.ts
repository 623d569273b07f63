import fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureWindow, openNamedSource, parsePlist, parsePowermetricsSample, probeEnergySources, splitPlistStream, unattributedEnergyJ, type TraceColumns } from '../lib/energy/index.ts';
import { tempDir } from './helpers/fixture.ts';

/** A powermetrics plist sample as macOS 14 writes it on an M2 with `--samplers cpu_power,gpu_power -f plist`. */
function powermetricsSample(elapsedNs: number, cpuMj: number, gpuMj: number, aneMj: number): string {
  const ms = elapsedNs / 1e6;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
<key>is_delta</key><true/>
<key>elapsed_ns</key><integer>${elapsedNs}</integer>
<key>hw_model</key><string>Mac14,2</string>
<key>kern_osversion</key><string>23E224</string>
<key>timestamp</key><date>2026-11-25T10:00:00Z</date>
<key>processor</key>
<dict>
<key>clusters</key>
<array>
<dict><key>name</key><string>E-Cluster</string><key>freq_hz</key><real>1212.5</real><key>idle_ratio</key><real>0.71</real></dict>
<dict><key>name</key><string>P-Cluster</string><key>freq_hz</key><real>3204</real><key>idle_ratio</key><real>0.12</real></dict>
</array>
<key>ane_energy</key><integer>${aneMj}</integer>
<key>ane_power</key><real>${(aneMj / ms) * 1000}</real>
<key>cpu_energy</key><integer>${cpuMj}</integer>
<key>cpu_power</key><real>${(cpuMj / ms) * 1000}</real>
<key>gpu_energy</key><integer>${gpuMj}</integer>
<key>gpu_power</key><real>${(gpuMj / ms) * 1000}</real>
<key>combined_power</key><real>${((cpuMj + gpuMj + aneMj) / ms) * 1000}</real>
</dict>
<key>gpu</key>
<dict><key>freq_hz</key><real>1398</real><key>idle_ratio</key><real>0.35</real><key>gpu_energy</key><integer>${gpuMj}</integer></dict>
<key>thermal_pressure</key><string>Nominal</string>
</dict>
</plist>
`;
}

describe('powermetrics (recorded plist samples)', () => {
  it('parses per-unit energies and combined power from one sample', () => {
    const s = parsePowermetricsSample(powermetricsSample(100_000_000, 1234, 567, 8));
    expect(s).toEqual({ elapsedMs: 100, cpuJ: 1.234, gpuJ: 0.567, aneJ: 0.008, totalJ: 1.809, combinedPowerW: expect.closeTo(18.09, 9) });
    expect(parsePlist('<plist><dict><key>a</key><array><integer>1</integer><false/></array><key>b</key><string>x &amp; y</string></dict></plist>')).toEqual({ a: [1, false], b: 'x & y' });
  });

  it('falls back to power x elapsed when a release omits the energy keys', () => {
    const xml = '<plist><dict><key>elapsed_ns</key><integer>200000000</integer><key>processor</key><dict><key>cpu_power</key><real>5000</real></dict></dict></plist>';
    expect(parsePowermetricsSample(xml).cpuJ).toBeCloseTo(1, 12);
  });

  it('tails a growing NUL-separated output file, crediting only complete samples', async () => {
    const file = join(tempDir(), 'out.plist');
    const docs = [powermetricsSample(100e6, 1000, 500, 0), powermetricsSample(100e6, 2000, 250, 10)];
    fs.writeFileSync(file, `${docs[0]}\0${docs[1]!.slice(0, 200)}`);
    const source = openNamedSource('powermetrics', { powermetricsFile: file, powermetricsIntervalMs: 100 });
    expect(source).toMatchObject({ measure: 'interval-energy', isEstimate: false, updatePeriodMs: 100 });
    expect(source.read().energyJ).toBeCloseTo(1.5, 12);
    fs.appendFileSync(file, `${docs[1]!.slice(200)}\0`);
    expect(source.read().energyJ).toBeCloseTo(1.5 + 2.26, 12);
    expect(splitPlistStream('a\0b\0c')).toEqual({ documents: ['a', 'b'], rest: 'c' });
    await source.close();
  });

  it('is reported unavailable off macOS, with the reason', async () => {
    const status = (await probeEnergySources()).find((s) => s.name === 'powermetrics')!;
    if (process.platform !== 'darwin') expect(status).toMatchObject({ available: false, detail: expect.stringMatching(/macOS-only/) });
  });
});

describe('amd-gpu (hwmon stand-in)', () => {
  function card(root: string, hwmon: string, files: Record<string, string>) {
    fs.mkdirSync(join(root, hwmon), { recursive: true });
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(join(root, hwmon, name), `${text}\n`);
  }

  it('uses energy1_input where present and integrates power1_average elsewhere, saying which', async () => {
    const root = tempDir('ipw-hwmon-');
    card(root, 'hwmon0', { name: 'k10temp', temp1_input: '45000' });
    card(root, 'hwmon1', { name: 'amdgpu', energy1_input: '1000000', power1_average: '150000000' });
    const source = openNamedSource('amd-gpu', { hwmonRoot: root });
    expect(source).toMatchObject({ name: 'amd-gpu', measure: 'energy-counter', channels: ['hwmon1'] });
    fs.writeFileSync(join(root, 'hwmon1', 'energy1_input'), '3500000\n');
    expect(source.read().energyJ).toBeCloseTo(2.5, 12);
    card(root, 'hwmon2', { name: 'amdgpu', power1_average: '100000000' });
    const mixed = openNamedSource('amd-gpu', { hwmonRoot: root });
    expect(mixed.measure).toBe('power-integral');
    expect(mixed.method).toContain('hwmon2: power1_average integrated');
    expect(() => openNamedSource('amd-gpu', { hwmonRoot: tempDir() })).toThrow(/no amdgpu hwmon device.*amdgpu kernel driver/);
  });
});

describe('window attribution (pure)', () => {
  const trace = (times: number[], joules: number[]): TraceColumns => ({
    timeMs: Float64Array.from(times),
    energyJ: Float64Array.from(joules),
    powerW: new Float64Array(times.length).fill(NaN),
    length: times.length,
  });
  const context = { source: 'rapl' as const, method: 'test', isEstimate: false, updatePeriodMs: 1, samplePeriodMs: 10, idlePowerW: 20 };

  it('interpolates the counter at exact window edges and subtracts idle power for net energy', () => {
    const t = trace([0, 10, 20, 30], [0, 1, 3, 6]);
    const w = measureWindow(t, 5, 25, context);
    expect(w.energyJ).toBeCloseTo(4.5 - 0.5, 12);
    expect(w.netEnergyJ).toBeCloseTo(4 - 20 * 0.02, 12);
    expect(w.meanPowerW).toBeCloseTo(200, 9);
    expect(w.flags).toEqual([]);
    expect(measureWindow(t, 25, 40, context).flags).toContain('extrapolated-edge');
    expect(measureWindow(t, 5, 5.5, context).flags).toContain('shorter-than-update-period');
    expect(measureWindow(trace([0, 100], [0, 1]), 10, 20, context).flags).toContain('sparse-samples');
  });

  it('reports energy between queries separately from the queries themselves', () => {
    const t = trace([0, 10, 20, 30, 40], [0, 1, 2, 3, 4]);
    expect(unattributedEnergyJ(t, 0, 40, [{ startMs: 0, endMs: 10 }, { startMs: 25, endMs: 40 }])).toBeCloseTo(1.5, 12);
  });
});
