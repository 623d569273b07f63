import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPowerTrace } from '../lib/energy/index.ts';
import { profile, type PreparedFixture } from '../lib/profile/index.ts';
import { readManifest, readResults } from '../lib/store/index.ts';
import { profileEnergyJ, startRaplStandin, type RaplZoneSpec } from '../support/energy-standins.ts';
import { sampleFixture, tempDir } from './helpers/fixture.ts';

let fixture: PreparedFixture;
beforeAll(async () => {
  fixture = await sampleFixture();
});

// Constant 30 W idle plus a slow 30 W swell, so baseline and query windows see different power.
const ZONES: RaplZoneSpec[] = [{ id: 'intel-rapl:0', name: 'package-0', rangeUj: 50_000_000, offsetUj: 49_000_000, profile: [[1500, 30], [1500, 60]] }];

describe('ipw profile with a measured (stand-in RAPL) source', () => {
  it('records per-query gross and net energy, phases, source and method, and keeps the power trace', async () => {
    const standin = await startRaplStandin(ZONES);
    const outDir = join(tempDir(), 'run');
    let result;
    try {
      result = await profile({
        model: fixture.modelPath,
        queries: fixture.queries.slice(0, 4),
        outDir,
        maxTokens: 16,
        threads: 1,
        gpu: false,
        energy: 'rapl',
        energyOptions: { raplRoot: standin.root },
        sampleMs: 10,
        baselineS: 0.5,
      });
    } finally {
      await standin.stop();
    }
    expect(result.complete).toBe(true);
    const rows = await readResults(outDir);
    for (const row of rows) {
      expect(row).toMatchObject({ energySource: 'rapl', energyMeasure: 'energy-counter', energyIsEstimate: false });
      expect(row.energyMethod).toContain('energy_uj');
      expect(row.energyJ).toBeCloseTo(row.prefillEnergyJ + row.decodeEnergyJ, 9);
      // Power is 30..60 W whatever the model does, so the mean power of every query lies in that band.
      expect(row.meanPowerW).toBeGreaterThan(29.5);
      expect(row.meanPowerW).toBeLessThan(60.5);
      expect(row.netEnergyJ).toBeCloseTo(row.energyJ - row.idlePowerW * (row.durationMs / 1000), 9);
    }
    const report = result.energy;
    expect(report.baseline!.idlePowerW).toBeGreaterThan(29.5);
    expect(report.baseline!.idlePowerW).toBeLessThan(60.5);
    expect(report.span.energyJ).toBeCloseTo(report.span.queriesJ + report.span.warmupJ + report.span.betweenQueriesJ, 9);
    expect(report.span.betweenQueriesJ).toBeGreaterThan(0);
    expect(report.sampler.lostSamples).toBe(0);
    const manifest = readManifest(outDir);
    expect(manifest.energy).toMatchObject({ source: 'rapl', isEstimate: false, report: { measure: 'energy-counter', trace: { binFile: 'trace.bin' } } });

    // The written trace reproduces the run's energy: the counter over the span matches the profile's integral.
    const { columns, metadata } = readPowerTrace(outDir, 'trace.json');
    const n = columns.timeMs!.length;
    expect(n).toBeGreaterThan(50);
    const originMs = Number(standin.originNs) / 1e6;
    const offsetMs = metadata.clockOffsetMs as number;
    const truth = profileEnergyJ(ZONES[0]!.profile, columns.timeMs![n - 1]! + offsetMs - originMs) - profileEnergyJ(ZONES[0]!.profile, columns.timeMs![0]! + offsetMs - originMs);
    expect(Math.abs(columns.energyJ![n - 1]! - columns.energyJ![0]! - truth) / truth).toBeLessThan(0.005);
  });
});
