// Cost and carbon as labelled derived figures through the real CLI: a profile run's summary and manifest, the study
// table of `ipw analyze` (printed and written as CSV/Parquet) and a sweep's table, from the same rates, a grid region
// looked up in data/grid-carbon.csv, and hardware amortisation; each figure checked by hand from the stored rows.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { gridIntensity } from '../lib/efficiency/index.ts';
import { formatNumber } from '../lib/metrics/index.ts';
import type { DerivedGroup, PreparedFixture, RunDerived } from '../lib/profile/index.ts';
import { readManifest, readResults } from '../lib/store/index.ts';
import { IPW_BIN, PROJECT_ROOT, sampleFixture, tempDir } from './helpers/fixture.ts';

const SECONDS_PER_YEAR = 365.25 * 24 * 3600;
const RATES = ['--usd-per-kwh', '0.3', '--grid-region', 'fr', '--hardware-usd', '3000', '--hardware-life-years', '3', '--hardware-utilization', '0.5'];

function ipw(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [IPW_BIN, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 300_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

let fixture: PreparedFixture;
const dir = tempDir('ipw-derived-');
const runDir = join(dir, 'run');
let derived: RunDerived;

beforeAll(async () => {
  fixture = await sampleFixture();
  writeFileSync(join(dir, 'queries.jsonl'), fixture.queries.slice(0, 4).map((q) => JSON.stringify(q)).join('\n') + '\n');
});

const energyFlags = () => {
  const empty = tempDir('ipw-empty-');
  return ['--energy', 'estimated', '--rapl-root', empty, '--hwmon-root', empty, '--nvml-library', join(empty, 'none.so')];
};

describe('cost and carbon in the profile summary and manifest', () => {
  it('records the rates given, the grid region with its source and year, and the figures with their inputs', async () => {
    const run = ipw(
      'profile', '--model', fixture.modelPath, '--queries', join(dir, 'queries.jsonl'), '--out', runDir, '--max-tokens', '16', '--threads', '1',
      '--gpu', 'false', '--baseline-s', '0', '--warmup', '0', '--preflight', 'off', '--peak-cache', 'none', ...energyFlags(), ...RATES,
    );
    expect(run.status, run.stderr).toBe(0);
    const fr = gridIntensity('FR');
    derived = readManifest(runDir).derived as unknown as RunDerived;
    expect(derived.note).toMatch(/^Derived figures: ESTIMATES/);
    expect(derived.rates).toEqual({ usdPerKwh: 0.3, gco2PerKwh: fr.gco2PerKwh, grid: fr, hardwareUsd: 3000, hardwareLifeYears: 3, hardwareUtilization: 0.5 });
    expect(derived.groups).toHaveLength(1);
    const group = derived.groups[0] as DerivedGroup;

    // By hand, from the stored rows.
    const rows = await readResults(runDir);
    const meanJ = rows.reduce((s, r) => s + r.energyJ, 0) / rows.length;
    const meanS = rows.reduce((s, r) => s + r.durationMs, 0) / rows.length / 1000;
    const accuracy = rows.filter((r) => r.correct).length / rows.length;
    expect(group).toMatchObject({ queries: 4, energySource: 'estimated', energyIsEstimate: true });
    // J/query is lib/metrics' summary: sums in fixed point at 2^-30 J, so within 2^-30 J of the plain mean.
    expect(Math.abs(group.meanEnergyJ - meanJ)).toBeLessThanOrEqual(2 ** -30);
    expect(group.meanQueryS).toBeCloseTo(meanS, 12);
    const energyUsd = (group.meanEnergyJ / 3.6e6) * 0.3;
    const hardwareUsd = (3000 / (3 * SECONDS_PER_YEAR * 0.5)) * meanS;
    expect(group.cost.usdEnergyPerQuery).toBeCloseTo(energyUsd, 18);
    expect(group.cost.usdHardwarePerQuery).toBeCloseTo(hardwareUsd, 18);
    expect(group.cost.usdPerQuery).toBeCloseTo(energyUsd + hardwareUsd, 18);
    expect(group.cost.usdPerCorrect).toBeCloseTo((energyUsd + hardwareUsd) / accuracy, 18);
    expect(group.cost.gco2PerQuery).toBeCloseTo((group.meanEnergyJ / 3.6e6) * fr.gco2PerKwh, 18);
    expect(group.cost.grid).toEqual(fr);
    // The label: an estimate, from ESTIMATED energy (its label), x the rates, the grid's source and year.
    expect(group.cost.method).toMatch(/^estimate, derived from estimated \(process CPU time x [\d.]+ W per busy core\), domain estimated:process-cpu: ESTIMATED/);
    expect(group.cost.method).toContain(`0.3 USD/kWh and ${fr.gco2PerKwh} gCO2e/kWh (FR, France, ${fr.year}, lifecycle: as published in ${fr.source}, ${fr.url})`);
    expect(group.cost.method).toContain('hardware 3000 USD over 3 years at 50% utilisation x mean query seconds');

    // The summary printed under the IPW table shows the same figures with the same label.
    expect(run.stdout).toContain('Derived figures (ESTIMATES, not measurements; some from ESTIMATED energy): cost and carbon per query');
    expect(run.stdout).toMatch(new RegExp(`${group.model}\\s+cpu\\s+\\[1\\]\\s+${formatNumber(group.cost.usdPerQuery).replace('.', '\\.')}\\s+`));
    expect(run.stdout).toContain(`  [1] ${group.cost.method}`);
  }, 300_000);

  it('refuses a rate the library refuses, naming the flag, before anything loads', () => {
    const bad = ipw('profile', '--model', fixture.modelPath, '--queries', join(dir, 'queries.jsonl'), '--out', join(dir, 'never'), '--hardware-usd', '3000');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('ipw: --hardware-usd needs --hardware-life-years (above 0): the years over which the price is spread\n');
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});

describe('ipw analyze: the derived-figures table', () => {
  it('prints it per model x accelerator, labelled, and writes it beside the other tables as CSV and Parquet', () => {
    const out = join(dir, 'tables');
    const run = ipw('analyze', runDir, '--out', out, ...RATES);
    expect(run.status, run.stderr).toBe(0);
    const group = derived.groups[0]!;
    expect(run.stdout).toContain('Derived figures (ESTIMATES, not measurements; some from ESTIMATED energy): cost and carbon per query');
    expect(run.stdout).toContain(`  [1] ${group.cost.method}`);
    const csv = parse(readFileSync(join(out, 'derived.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(csv).toHaveLength(1);
    const row = csv[0]!;
    expect(row).toMatchObject({ model: group.model, accelerator: 'cpu', energySource: 'estimated', energyIsEstimate: 'true', queries: '4', gridRegion: 'FR', derivedFrom: group.cost.method });
    // The study's figures are the run's own: same energy, seconds and rates, same function.
    for (const [column, value] of [['usdPerQuery', group.cost.usdPerQuery], ['usdPerCorrect', group.cost.usdPerCorrect], ['usdHardwarePerQuery', group.cost.usdHardwarePerQuery], ['gco2ePerQuery', group.cost.gco2PerQuery]] as const) {
      expect(Number(row[column]) / value, column).toBeCloseTo(1, 9);
    }
    expect(existsSync(join(out, 'derived.parquet'))).toBe(true);
    expect(run.stdout).toMatch(/Wrote \d+ tables as CSV and Parquet/);

    // Without rates there is no derived table.
    const plain = ipw('analyze', runDir);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).not.toContain('Derived figures');
  }, 300_000);

  it('an unknown region is refused with the nearest ones, in flag terms', () => {
    const run = ipw('analyze', runDir, '--grid-region', 'Germny');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ipw: --grid-region "Germny" is not in .*grid-carbon\.csv; nearest: DE \(Germany\)\. Use one of its region codes \(WORLD, EU, .*\), or give --grid-gco2-per-kwh yourself\.\n$/);
  });
});

describe('ipw sweep: cost and carbon in the cell table and each cell manifest', () => {
  it('labels them with the region, intensity, source and year', () => {
    const empty = tempDir('ipw-empty-');
    writeFileSync(join(dir, 'grid.json'), JSON.stringify({
      queries: 'queries.jsonl',
      axes: { model: [fixture.modelPath], threads: [1] },
      options: { maxTokens: 16, gpu: false, energy: 'estimated', energyOptions: { raplRoot: empty, hwmonRoot: empty, nvmlLibrary: join(empty, 'none.so') }, baselineS: 0, warmupQueries: 0, preflight: 'off' },
      out: 'sweep',
    }));
    const run = ipw('sweep', join(dir, 'grid.json'), '--peak-cache', 'none', '--grid-region', 'DE', '--usd-per-kwh', '0.2');
    expect(run.status, run.stderr).toBe(0);
    const de = gridIntensity('DE');
    expect(run.stdout).toContain('Derived figures (ESTIMATES, not measurements):');
    expect(run.stdout).toContain(`cost and carbon: estimate, derived from estimated (process CPU time x`);
    expect(run.stdout).toContain(`0.2 USD/kWh and ${de.gco2PerKwh} gCO2e/kWh (DE, Germany, ${de.year}, lifecycle: as published in ${de.source}, ${de.url})`);
    const cellDir = join(dir, 'sweep', `${fixture.modelPath.split('/').pop()!.replace(/\.gguf$/, '')}__threads=1__rep=1`);
    const cell = readManifest(cellDir).derived as unknown as RunDerived;
    expect(cell.rates.grid).toEqual(de);
    expect(cell.groups[0]!.cost.gco2PerQuery).toBeCloseTo((cell.groups[0]!.meanEnergyJ / 3.6e6) * de.gco2PerKwh, 18);
    // A bad rate is refused in flag terms before any cell runs.
    const bad = ipw('sweep', join(dir, 'grid.json'), '--grid-region', 'DE', '--grid-gco2-per-kwh', '100');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('ipw: give --grid-gco2-per-kwh or --grid-region, not both\n');
  }, 300_000);
});
