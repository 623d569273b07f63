import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnergySampler, RAPL_PERMISSION_FIX, counterDelta, planZones } from '../lib/energy/index.ts';
import { IPW_BIN, PROJECT_ROOT, sampleFixture, tempDir } from './helpers/fixture.ts';
import { profileEnergyJ, sinceOriginMs, startRaplStandin, type RaplZoneSpec } from '../support/energy-standins.ts';
import { expectWindowsWithinHalfPercent } from './helpers/energy-windows.ts';

// Two sockets; package 0 starts 1 J below its 20 J range so it wraps within the first half second, then every ~0.4 s.
// Power ramps in 20 ms between levels (fast changes, but continuous: see support/c/profile.h).
const ZONES: RaplZoneSpec[] = [
  { id: 'intel-rapl:0', name: 'package-0', rangeUj: 20_000_000, offsetUj: 19_000_000, profile: [[280, 40], [20, 40], [180, 90], [20, 90], [480, 25], [20, 25]] },
  { id: 'intel-rapl:0:0', name: 'core', rangeUj: 262_143_328_850, offsetUj: 5e6, profile: [[280, 30], [20, 30], [680, 12], [20, 12]] },
  { id: 'intel-rapl:0:1', name: 'dram', rangeUj: 65_712_999_613, offsetUj: 0, profile: [[390, 6], [10, 6], [390, 9], [10, 9]] },
  { id: 'intel-rapl:1', name: 'package-1', rangeUj: 262_143_328_850, offsetUj: 123_456_789, profile: [[680, 35], [20, 35], [280, 70], [20, 70]] },
  { id: 'intel-rapl:2', name: 'psys', rangeUj: 262_143_328_850, offsetUj: 0, profile: [[1000, 150]] },
];
const COUNTED = ['package-0', 'package-0/dram', 'package-1'];

function truthJ(zones: RaplZoneSpec[], labels: string[], fromMs: number, toMs: number): number {
  const planned = planZones(zones.map((z) => ({ id: z.id, domain: z.name, path: '', rangeUj: z.rangeUj })));
  return zones.reduce((sum, z, i) => (labels.includes(planned[i]!.label) ? sum + profileEnergyJ(z.profile, toMs) - profileEnergyJ(z.profile, fromMs) : sum), 0);
}

describe('RAPL counter arithmetic', () => {
  it('unwraps a counter that passed max_energy_range_uj once', () => {
    expect(counterDelta(100, 250, 1000)).toBe(150);
    expect(counterDelta(900, 50, 1000)).toBe(151);
  });

  it('counts packages and DRAM, not core, uncore or psys (they overlap the package)', () => {
    const zones = planZones(ZONES.map((z) => ({ id: z.id, domain: z.name, path: '', rangeUj: z.rangeUj })));
    expect(zones.filter((z) => z.counted).map((z) => z.label)).toEqual(COUNTED);
    expect(zones.map((z) => z.label)).toContain('package-0/core');
  });
});

describe('RAPL source on a sysfs stand-in served at a known power profile', () => {
  it('matches ground truth within 0.5% for windows of 100 ms and longer, across wraparounds, and flags short windows', async () => {
    const standin = await startRaplStandin(ZONES);
    const sampler = await EnergySampler.start({ source: 'rapl', raplRoot: standin.root, sampleMs: 10 });
    try {
      expect(sampler.info).toMatchObject({ name: 'rapl', measure: 'energy-counter', isEstimate: false });
      expect(sampler.info.channels).toEqual(['rapl:package-0', 'rapl:package-0/core', 'rapl:package-0/dram', 'rapl:package-1', 'rapl:psys']);
      // The stand-in serves each zone from a FIFO that its writer process must answer, so one sample's five reads
      // spread over about a millisecond, more when that process is descheduled (real sysfs reads take microseconds).
      await expectWindowsWithinHalfPercent(sampler, {
        plannedMs: [100, 250, 1000, 100, 400, 150],
        truthJ: (startMs, endMs) => truthJ(ZONES, COUNTED, sinceOriginMs(startMs, standin.originNs), sinceOriginMs(endMs, standin.originNs)),
        maxPowerW: ZONES.filter((z) => ['package-0', 'dram', 'package-1'].includes(z.name)).reduce((w, z) => w + Math.max(...z.profile.map(([, p]) => p)), 0),
      });
      // A window shorter than RAPL's ~1 ms update period (edges chosen, not timed, so load cannot stretch it).
      const shortStart = sampler.mark();
      const shortEnd = shortStart + 0.4;
      await sampler.settle(shortEnd);

      const short = sampler.window(shortStart, shortEnd);
      expect(short.flags).toContain('shorter-than-update-period');

      // Package 0 wrapped several times; its channel still follows ground truth.
      const trace = sampler.trace;
      const last = trace.length - 1;
      const pkg0 = trace.channelJ[0]!;
      const pkg0Truth =
        profileEnergyJ(ZONES[0]!.profile, sinceOriginMs(trace.timeMs[last]!, standin.originNs)) - profileEnergyJ(ZONES[0]!.profile, sinceOriginMs(trace.timeMs[0]!, standin.originNs));
      expect(pkg0Truth).toBeGreaterThan(3 * 20);
      expect(Math.abs(pkg0[last]! - pkg0[0]! - pkg0Truth) / pkg0Truth).toBeLessThan(0.005);
    } finally {
      // Sampler first: its last read opens a FIFO that only a live stand-in answers.
      let served: [number, bigint, number][] = [];
      try {
        await sampler.stop();
      } finally {
        served = await standin.stop();
      }
      // The shared clock: every sample's stamp lies within its read bracket of the time the stand-in served it.
      const trace = sampler.trace;
      const servedZone0 = served.filter(([zone]) => zone === 0).map(([, ns]) => Number(ns) / 1e6);
      let matched = 0;
      for (let i = 0; i < trace.length; i++) {
        const monoMs = trace.timeMs[i]! + sampler.clockOffsetMs;
        const halfMs = trace.readMs[i]! / 2;
        if (servedZone0.some((t) => t >= monoMs - halfMs - 0.001 && t <= monoMs + halfMs + 0.001)) matched++;
      }
      expect(matched).toBe(trace.length);
    }
  });

  it('explains a root-only energy_uj with the exact fix, for an unprivileged user (doctor and profile)', async () => {
    const modelPath = (await sampleFixture()).modelPath;
    // Tests run as root, which reads mode-0400 files regardless; so the probe runs as uid 65534 and gets a real EACCES.
    const root = tempDir('ipw-rapl-denied-');
    fs.chmodSync(root, 0o755);
    const zone = join(root, 'intel-rapl:0');
    fs.mkdirSync(zone, { mode: 0o755 });
    fs.writeFileSync(join(zone, 'name'), 'package-0\n', { mode: 0o444 });
    fs.writeFileSync(join(zone, 'max_energy_range_uj'), '262143328850\n', { mode: 0o444 });
    const isRoot = process.getuid?.() === 0;
    // As root: a root-owned 0400 file read by uid 65534. Not root: our own file with no read bit denies us too.
    fs.writeFileSync(join(zone, 'energy_uj'), '123456\n', { mode: isRoot ? 0o400 : 0o000 });
    const asNobody = (args: string[]) =>
      spawnSync(process.execPath, [IPW_BIN, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', ...(isRoot ? { uid: 65534, gid: 65534 } : {}), env: { ...process.env, HOME: '/tmp' } });
    const doctor = asNobody(['doctor', '--rapl-root', root]);
    expect(doctor.status, doctor.stderr).toBe(0);
    expect(doctor.stdout).toMatch(/no\s+rapl\s+permission denied reading .*energy_uj/);
    expect(doctor.stdout).toContain('CVE-2020-8694');
    expect(doctor.stdout).toContain('chmod o+r');
    expect(doctor.stdout).toMatch(/ok\s+estimated/);
    expect(RAPL_PERMISSION_FIX).toContain('udev');
    // A real model: the source is checked before the model loads, so the run fails at once and names the fix.
    const outParent = tempDir();
    fs.chmodSync(outParent, 0o777);
    const profile = asNobody(['profile', '--model', modelPath, '--queries', 'sample', '--energy', 'rapl', '--rapl-root', root, '--out', join(outParent, 'run')]);
    expect(profile.status).toBe(2);
    expect(profile.stderr).toMatch(/energy source "rapl" is unavailable: permission denied.*chmod o\+r.*--energy estimated/);
  });

  it('says plainly when there is no RAPL tree at all', async () => {
    await expect(EnergySampler.start({ source: 'rapl', raplRoot: tempDir('ipw-empty-') })).rejects.toThrow(/no intel-rapl:\* zones under .*modprobe/);
  });
});
