import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatIpwTable, ipwTable, MixedEnergySourcesError, openStudy, oracleRouting, toSummaryRows, type Study, type Table,
} from '../lib/analyze/index.ts';
import { formatTable } from '../lib/metrics/index.ts';
import { accuracyVsEnergy, ipwBars } from '../lib/plots/index.ts';
import type { BarTrace } from '../lib/plots/types.ts';
import { profile, type ProfileResult } from '../lib/profile/index.ts';
import { readManifest } from '../lib/store/index.ts';
import { startRaplStandin, type RaplZoneSpec } from '../support/energy-standins.ts';
import { resultRow, VARIANTS, writeRows } from './analyze-fixture.ts';
import { IPW_BIN, sampleFixture, tempDir } from './helpers/fixture.ts';

/**
 * Labels that travel: one model profiled twice on the CPU, once measured (the RAPL stand-in, whose counters a
 * separate process advances) and once estimated. Every table and figure built from the two runs keeps them
 * apart and says which is which; anything holding an estimate says so in its header line.
 */
const ZONES: RaplZoneSpec[] = [{ id: 'intel-rapl:0', name: 'package-0', rangeUj: 50_000_000, offsetUj: 1_000_000, profile: [[1000, 40]] }];
const QUERIES = 5;

let measured: ProfileResult;
let estimated: ProfileResult;
let study: Study;
let pooled: Table;

function ipw(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [IPW_BIN, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  const fixture = await sampleFixture();
  const root = tempDir();
  const common = { model: fixture.modelPath, queries: fixture.queries.slice(0, QUERIES), maxTokens: 16, threads: 1, gpu: false, warmupQueries: 0, baselineS: 0.2 } as const;
  const standin = await startRaplStandin(ZONES);
  try {
    measured = await profile({ ...common, outDir: join(root, 'measured'), energy: 'rapl', energyOptions: { raplRoot: standin.root }, sampleMs: 10 });
  } finally {
    await standin.stop();
  }
  estimated = await profile({ ...common, outDir: join(root, 'estimated'), energy: 'estimated' });
  study = await openStudy([measured.runDir, estimated.runDir]);
  pooled = await ipwTable(study, { byDomain: false });
}, 120_000);

afterAll(() => {
  study?.close();
});

describe('a study that mixes a measured and an estimated run of one model', () => {
  it('labels each run\'s summary with its source, method and domain', () => {
    expect(measured.summary.every((row) => row.energySource === 'rapl' && !row.energyIsEstimate && row.energyMethod.includes('energy_uj'))).toBe(true);
    expect(estimated.summary.every((row) => row.energySource === 'estimated' && row.energyIsEstimate && row.energyMethod.includes('W per busy core'))).toBe(true);
    for (const row of [...measured.summary, ...estimated.summary]) expect(row.energyDomain).toMatch(/^(rapl|estimated):/);
    expect(formatTable(measured.summary).split('\n')[0]).toBe('Energy: measured. Sources:');
    expect(formatTable(estimated.summary).split('\n')[0]).toBe('Energy: ESTIMATED in every row (a model, not a measurement). Sources:');
  });

  it('splits the model into one row per energy source, never averaging the two', () => {
    expect(pooled.rows).toHaveLength(2);
    const [first, second] = pooled.rows as [Record<string, unknown>, Record<string, unknown>];
    expect([first.model, first.accelerator]).toEqual([second.model, second.accelerator]);
    expect(new Set(pooled.rows.map((row) => row.energySource))).toEqual(new Set(['rapl', 'estimated']));
    for (const row of pooled.rows) expect(row.queries).toBe(QUERIES);
  });

  it('gives each row exactly the figures and intervals its run\'s own summary has', () => {
    for (const run of [measured, estimated]) {
      const [own] = readManifest(run.runDir).summary as Array<Record<string, unknown>>;
      const row = toSummaryRows(pooled).find((r) => r.energySource === own!.energySource)!;
      expect(JSON.parse(JSON.stringify(row))).toEqual(own);
    }
  });

  it('says in the header line of the study table that some figures are estimated, and names both sources', () => {
    const lines = formatIpwTable(pooled).split('\n');
    expect(lines[0]).toBe('Energy: ESTIMATED in 1 of 2 rows (a model, not a measurement); measured in 1 of 2 rows. Sources:');
    expect(lines.some((line) => /\[\d\] rapl \(energy-counter: RAPL energy_uj.*\), domain rapl:package-0: measured$/.test(line))).toBe(true);
    expect(lines.some((line) => /\[\d\] estimated \(process CPU time x .* W per busy core\), domain estimated:.*: ESTIMATED/.test(line))).toBe(true);
  });

  it('refuses oracle routing, which would average the two sources, naming the runs', async () => {
    const model = String(pooled.rows[0]!.model);
    const refusal = oracleRouting(study, { reference: model });
    await expect(refusal).rejects.toThrow(MixedEnergySourcesError);
    const runs = [measured.runId, estimated.runId].sort().join(', ');
    await expect(refusal).rejects.toThrow(`${model} on cpu: estimated (${estimated.summary[0]!.energyMethod}), rapl (${measured.summary[0]!.energyMethod}) in runs ${runs}`);
  });

  it('prints the same labels from ipw analyze and ipw grade', () => {
    const model = String(pooled.rows[0]!.model);
    const analyzed = ipw(['analyze', measured.runDir, estimated.runDir, '--resamples', '50', '--reference', model]);
    expect(analyzed.code, analyzed.stderr).toBe(0);
    expect(analyzed.stderr).toMatch(/routing skipped: oracle routing would average energy from different sources/);
    expect(analyzed.stdout.split('\n')[0]).toMatch(/^Energy: ESTIMATED in 1 of 2 rows/);
    expect(analyzed.stdout).toMatch(/ rapl \[\d\] /);
    expect(analyzed.stdout).toMatch(/ estimated \[\d\] /);
    const graded = ipw(['grade', measured.runDir]);
    expect(graded.code, graded.stderr).toBe(0);
    expect(graded.stdout).toMatch(/Energy of this run \(not used in grading\):\n {2}\[1\] rapl \(energy-counter: RAPL energy_uj[^\n]*: measured/);
  });

  it('draws one series per source in figures, each named, with the estimate caveat and every method under the title', () => {
    const rows = toSummaryRows(pooled);
    const bars = ipwBars(rows);
    const names = bars.data.map((trace) => (trace as BarTrace).name);
    expect(names).toHaveLength(2);
    expect(names.some((name) => name?.includes('rapl'))).toBe(true);
    expect(names.some((name) => name?.includes('estimated'))).toBe(true);
    for (const figure of [bars, accuracyVsEnergy(rows)]) {
      const note = figure.layout.title?.subtitle?.text ?? '';
      expect(note).toMatch(/is partly estimated/);
      expect(note).toContain('rapl (energy-counter: RAPL energy_uj');
      expect(note).toMatch(/estimated \(process CPU time x .* W per busy core\)/);
      // The static SVG (also what untrusted notebooks show) carries the same line.
      expect(figure.toSVG()).toContain('partly estimated');
    }
  });
});

describe('a run whose energy was not measured, beside a measured one', () => {
  it('shows "not measured" with the reason, and IPW/IPJ as not computed (null, never 0), in tables and figures', async () => {
    const root = tempDir();
    const ids = ['m0', 'm1', 'm2', 's0', 's1'];
    const remote = ids.map((id, i) => ({
      ...resultRow('remote-run', VARIANTS[4]!, id, i),
      energySource: 'none' as const, energyMethod: 'not measured: remote server with no energyFrom', energyIsEstimate: false,
      energyDomain: 'none', energyJ: NaN, prefillEnergyJ: NaN, decodeEnergyJ: NaN, meanPowerW: NaN,
    }));
    const local = ids.map((id, i) => ({
      ...resultRow('local-run', VARIANTS[0]!, id, i),
      energySource: 'rapl' as const, energyMethod: 'energy-counter: RAPL stand-in', energyIsEstimate: false, energyDomain: 'rapl:package-0',
    }));
    await writeRows(root, 'remote-run', remote, 'api');
    await writeRows(root, 'local-run', local, 'laptop');
    const mixed = await openStudy(root);
    try {
      const table = await ipwTable(mixed, { byDomain: false, bootstrap: { resamples: 100 } });
      const unmeasured = table.rows.find((row) => row.energySource === 'none')!;
      for (const column of ['meanEnergyJ', 'meanPowerW', 'ipw', 'ipj', 'ipwLo', 'ipwHi', 'ipjLo', 'ipjHi']) expect(unmeasured[column], column).toBeNull();
      expect(unmeasured.accuracy).toBe(1);
      const text = formatIpwTable(table).split('\n');
      expect(text[0]).toBe('Energy: measured in 1 of 2 rows; not measured in 1 of 2 rows. Sources:');
      expect(text).toContain('  [2] not measured: remote server with no energyFrom');
      expect(text.find((line) => line.startsWith('cloud'))).toMatch(/none \[2\] .* not measured +not measured +n\/a +n\/a /);
      const bars = ipwBars(toSummaryRows(table));
      expect(bars.layout.title?.subtitle?.text).toContain('not measured: remote server with no energyFrom');
      const remoteBars = bars.data.find((trace) => (trace as BarTrace).name?.includes('none'))!;
      expect(remoteBars.y).toEqual([null]);
    } finally {
      mixed.close();
    }
  });
});
