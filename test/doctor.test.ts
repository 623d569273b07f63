import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capabilityReport, type CapabilityReport } from '../lib/energy/index.ts';
import { fakeNvml, type FakeGpu } from '../support/energy-standins.ts';
import { IPW_BIN, PROJECT_ROOT, tempDir } from './helpers/fixture.ts';

const GPUS: FakeGpu[] = [
  { uuid: 'GPU-d0c70000-0000-4000-8000-000000000000', name: 'FakeH100', hasEnergyCounter: true, profile: [[1000, 100]] },
  { uuid: 'GPU-d0c70000-1111-4000-8000-000000000000', name: 'FakeT4', hasEnergyCounter: false, profile: [[1000, 40]] },
];

/** A sysfs-shaped powercap tree: package-0 with a DRAM subzone, each with its own counter range. */
function raplTree(): string {
  const root = tempDir('ipw-doctor-rapl-');
  const zone = (id: string, name: string, rangeUj: number) => {
    fs.mkdirSync(join(root, id));
    fs.writeFileSync(join(root, id, 'name'), `${name}\n`);
    fs.writeFileSync(join(root, id, 'energy_uj'), '123456\n');
    fs.writeFileSync(join(root, id, 'max_energy_range_uj'), `${rangeUj}\n`);
  };
  zone('intel-rapl:0', 'package-0', 262_143_328_850);
  zone('intel-rapl:0:0', 'dram', 65_712_999_613);
  return root;
}

/** An hwmon tree with one amdgpu card that reports power only. */
function hwmonTree(): string {
  const root = tempDir('ipw-doctor-hwmon-');
  fs.mkdirSync(join(root, 'hwmon3'));
  fs.writeFileSync(join(root, 'hwmon3', 'name'), 'amdgpu\n');
  fs.writeFileSync(join(root, 'hwmon3', 'power1_average'), '35000000\n');
  return root;
}

function source(report: CapabilityReport, name: string) {
  const found = report.sources.find((s) => s.source === name);
  if (!found) throw new Error(`no ${name} in the report`);
  return found;
}

describe('capability report (ipw doctor --json)', () => {
  it('describes every source and domain from injected devices: resolution, update period, wraparound', async () => {
    const { libraryPath } = fakeNvml(GPUS);
    const plist = join(tempDir(), 'pm.plist');
    fs.writeFileSync(plist, '');
    const report = await capabilityReport({ raplRoot: raplTree(), nvmlLibrary: libraryPath, hwmonRoot: hwmonTree(), powermetricsFile: plist, wattsPerCore: 12 });
    expect(report.format).toBe('ipw-capabilities/1');
    expect(report.sources.map((s) => s.source)).toEqual(['nvml', 'amd-gpu', 'powermetrics', 'rapl', 'estimated']);
    expect(report.sources.every((s) => s.available)).toBe(true);

    const rapl = source(report, 'rapl');
    expect(rapl).toMatchObject({ measure: 'energy-counter', isEstimate: false, updatePeriodMs: 1 });
    expect(rapl.domains).toEqual([
      expect.objectContaining({ domain: 'rapl:package-0', resolutionJ: 1e-6, resolutionW: null, updatePeriodMs: 1, wrapJ: 262_143.32885 }),
      expect.objectContaining({ domain: 'rapl:package-0/dram', resolutionJ: 1e-6, wrapJ: 65_712.999613 }),
    ]);

    const nvml = source(report, 'nvml');
    expect(nvml.domains).toEqual([
      expect.objectContaining({ domain: `nvml:${GPUS[0]!.uuid}`, resolutionJ: 1e-3, resolutionW: 1e-3, wrapJ: null, note: expect.stringMatching(/64-bit millijoule/) }),
      expect.objectContaining({ domain: `nvml:${GPUS[1]!.uuid}`, resolutionJ: null, resolutionW: 1e-3, wrapJ: null, note: expect.stringMatching(/integrated/) }),
    ]);
    expect(source(report, 'amd-gpu').domains).toEqual([expect.objectContaining({ domain: 'amd-gpu:hwmon3', resolutionJ: null, resolutionW: 1e-6, updatePeriodMs: 1000 })]);
    expect(source(report, 'powermetrics').domains.map((d) => [d.domain, d.resolutionJ, d.updatePeriodMs])).toEqual([
      ['powermetrics:cpu', 1e-3, 100],
      ['powermetrics:gpu', 1e-3, 100],
      ['powermetrics:ane', 1e-3, 100],
    ]);
    const estimated = source(report, 'estimated');
    expect(estimated).toMatchObject({ isEstimate: true, measure: 'model' });
    expect(estimated.domains).toEqual([expect.objectContaining({ domain: 'estimated:process-cpu', resolutionJ: 12e-6, note: expect.stringMatching(/not a measurement/) })]);
  });

  it('says why a source is unavailable and how to fix it, with no domains and no figures', async () => {
    const report = await capabilityReport({ raplRoot: tempDir('ipw-empty-'), nvmlLibrary: '/nonexistent/libnvidia-ml.so.1', hwmonRoot: tempDir('ipw-empty-') });
    expect(source(report, 'rapl')).toEqual(
      expect.objectContaining({ available: false, reason: expect.stringMatching(/no intel-rapl:\* zones/), fix: expect.stringMatching(/modprobe intel_rapl/), domains: [], updatePeriodMs: null, method: null }),
    );
    expect(source(report, 'nvml')).toMatchObject({ available: false, reason: expect.stringMatching(/cannot load/), fix: expect.stringMatching(/NVIDIA driver/) });
    expect(source(report, 'amd-gpu')).toMatchObject({ available: false, reason: expect.stringMatching(/no amdgpu hwmon device/) });
  });

  it('prints the report as JSON from the CLI, for the devices given by flags', () => {
    const { libraryPath } = fakeNvml([GPUS[0]!]);
    const raplRoot = raplTree();
    const result = spawnSync(process.execPath, [IPW_BIN, 'doctor', '--json', '--rapl-root', raplRoot, '--nvml-library', libraryPath, '--hwmon-root', tempDir('ipw-empty-'), '--watts-per-core', '7'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: process.env,
    });
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as CapabilityReport;
    expect(source(report, 'rapl').domains.map((d) => d.domain)).toEqual(['rapl:package-0', 'rapl:package-0/dram']);
    expect(source(report, 'nvml').domains.map((d) => d.domain)).toEqual([`nvml:${GPUS[0]!.uuid}`]);
    expect(source(report, 'amd-gpu')).toMatchObject({ available: false, fix: expect.any(String) });
    expect(source(report, 'estimated').domains[0]!.resolutionJ).toBeCloseTo(7e-6, 12);

    const text = spawnSync(process.execPath, [IPW_BIN, 'doctor', '--rapl-root', raplRoot, '--nvml-library', libraryPath], { cwd: PROJECT_ROOT, encoding: 'utf8', env: process.env });
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/rapl:package-0\/dram: resolution 0.000001 J, updates every 1 ms, wraps at 65712.999613 J/);
    expect(text.stdout).toMatch(new RegExp(`nvml:${GPUS[0]!.uuid}: resolution 0.001 J, updates every 20 ms, no wraparound`));
  });
});
