import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRows, auditRun, formatAudit, integrateCounterJ, type AuditRow, type AuditTrace } from '../lib/analyze/index.ts';
import { energyAt } from '../lib/energy/attribution.ts';
import { profile, type PreparedFixture } from '../lib/profile/index.ts';
import { PARQUET_FILE, readResults } from '../lib/store/index.ts';
import { JOURNAL_FILE } from '../lib/store/files.ts';
import { writeResultsParquet } from '../lib/store/parquet.ts';
import { startRaplStandin, type RaplZoneSpec } from '../support/energy-standins.ts';
import { IPW_BIN, PROJECT_ROOT, sampleFixture, tempDir } from './helpers/fixture.ts';

// A package with a DRAM subzone, so the run has two domains; the package's counter wraps early in the run.
const ZONES: RaplZoneSpec[] = [
  { id: 'intel-rapl:0', name: 'package-0', rangeUj: 40_000_000, offsetUj: 39_500_000, profile: [[700, 25], [500, 55]] },
  { id: 'intel-rapl:0:0', name: 'dram', rangeUj: 65_000_000, offsetUj: 0, profile: [[900, 3], [300, 6]] },
];

let fixture: PreparedFixture;
let runDir: string;

function copyRun(): string {
  const dir = join(tempDir('ipw-audit-copy-'), 'run');
  fs.cpSync(runDir, dir, { recursive: true });
  return dir;
}

function ipw(args: string[]) {
  return spawnSync(process.execPath, [IPW_BIN, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
}

describe('integrateCounterJ (piecewise power from counter differences)', () => {
  it('integrates exactly by hand, steps at equal timestamps included, and extends the edge intervals outside the trace', () => {
    const t = Float64Array.from([0, 1000, 2000, 2000, 4000]);
    // 1 W, then 3 W, a 5 J step at 2000 ms, then 0.5 W.
    const e = Float64Array.from([0, 1, 4, 9, 10]);
    expect(integrateCounterJ(t, e, 500, 1500)).toBeCloseTo(0.5 + 1.5, 12);
    expect(integrateCounterJ(t, e, 1500, 2000)).toBeCloseTo(1.5 + 5, 12);
    expect(integrateCounterJ(t, e, 2000, 3000)).toBeCloseTo(0.5, 12);
    expect(integrateCounterJ(t, e, -1000, 0)).toBeCloseTo(1, 12);
    expect(integrateCounterJ(t, e, 4000, 6000)).toBeCloseTo(1, 12);
    expect(() => integrateCounterJ(t, e, 10, 5)).toThrow(/ends .* before it starts/);
  });

  it('agrees with lib/energy attribution (counter interpolation) on random windows of an irregular trace', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const n = 400;
    const timeMs = new Float64Array(n);
    const energyJ = new Float64Array(n);
    for (let i = 1; i < n; i++) {
      timeMs[i] = timeMs[i - 1]! + 1 + random() * 40;
      energyJ[i] = energyJ[i - 1]! + random() * 2;
    }
    const trace = { timeMs, energyJ, powerW: new Float64Array(n).fill(NaN), length: n };
    for (let k = 0; k < 200; k++) {
      const a = -50 + random() * (timeMs[n - 1]! + 100);
      const b = a + random() * 500;
      const reference = energyAt(trace, b).energyJ - energyAt(trace, a).energyJ;
      expect(Math.abs(integrateCounterJ(timeMs, energyJ, a, b) - reference)).toBeLessThan(1e-9);
    }
  });
});

describe('auditRows on a synthetic trace (per-domain net energy, missing columns)', () => {
  // Two domains at a constant 10 W and 2 W, sampled every 100 ms for 2 s; the primary is the first.
  const timeMs = Float64Array.from({ length: 21 }, (_, i) => i * 100);
  const cpu = timeMs.map((t) => t * 0.01);
  const dram = timeMs.map((t) => t * 0.002);
  const trace = (idle: Record<string, number> | null): AuditTrace => ({
    base: 'trace',
    rows: 21,
    timeMs,
    energyJ: cpu,
    channelJ: new Map([['rapl:package-0', cpu], ['rapl:dram-0', dram]]),
    primaryDomains: ['rapl:package-0'],
    systemDomains: ['rapl:package-0', 'rapl:dram-0'],
    idlePowerByDomainW: idle,
    source: 'rapl',
  });
  // A 1 s query from 500 ms, prefill 200 ms; idle 4 W on the package, 1 W on DRAM.
  const row: AuditRow = {
    queryId: 'q1', index: 0, energySource: 'rapl', energyDomain: 'rapl:package-0', traceFile: 'trace',
    clockStartMs: 500, clockEndMs: 1500, prefillMs: 200, idlePowerW: 4,
    energyJ: 10, prefillEnergyJ: 2, decodeEnergyJ: 8, netEnergyJ: 6, prefillNetEnergyJ: 1.2, decodeNetEnergyJ: 4.8,
    energyByDomainJ: { 'rapl:package-0': 10, 'rapl:dram-0': 2 }, netEnergyByDomainJ: JSON.stringify({ 'rapl:package-0': 6, 'rapl:dram-0': 1 }), systemEnergyJ: 12,
  };
  const idle = { 'rapl:package-0': 4, 'rapl:dram-0': 1 };

  it('checks net energy per domain against the idle power the trace records, and says when it cannot', () => {
    const good = auditRows('run', [row], () => trace(idle));
    expect(good.ok, formatAudit(good)).toBe(true);
    expect(good.domains.find((d) => d.domain === 'rapl:dram-0')!.checks).toBe(2);
    expect(good.notAudited).toEqual([]);
    const bad = auditRows('run', [{ ...row, netEnergyByDomainJ: { 'rapl:package-0': 6, 'rapl:dram-0': 1.5 } }], () => trace(idle));
    expect(bad.failures.map((f) => [f.domain, f.figure, f.storedJ, f.recomputedJ])).toEqual([['rapl:dram-0', 'netEnergyByDomainJ', 1.5, expect.closeTo(1, 12)]]);
    const unknown = auditRows('run', [row], () => trace(null));
    expect(unknown.ok).toBe(true);
    expect(formatAudit(unknown)).toContain('Not audited: netEnergyByDomainJ: trace "trace" does not record the idle power per domain');
  });

  it('fails a domain whose column the trace lacks, and a measured row that names no trace', () => {
    const report = auditRows('run', [{ ...row, energyByDomainJ: { ...(row.energyByDomainJ as object), 'nvml:GPU-x': 3 } }, { ...row, queryId: 'q2', index: 1, traceFile: null }], () => trace(idle));
    expect(report.failures.map((f) => [f.queryId, f.domain, f.problem])).toEqual([
      ['q1', 'nvml:GPU-x', 'trace "trace" has no column channelJ:nvml:GPU-x'],
      ['q2', 'primary (rapl:package-0)', 'the row names no trace file (traceFile is null)'],
    ]);
    expect(formatAudit(report)).toContain('query q1 (row 0), domain nvml:GPU-x, energyByDomainJ: trace "trace" has no column channelJ:nvml:GPU-x');
  });
});

describe('ipw audit on a stand-in RAPL run', () => {
  beforeAll(async () => {
    fixture = await sampleFixture();
    runDir = join(tempDir('ipw-audit-'), 'run');
    const standin = await startRaplStandin(ZONES);
    try {
      const base = {
        model: fixture.modelPath,
        queries: fixture.queries.slice(0, 5),
        outDir: runDir,
        maxTokens: 12,
        threads: 1,
        gpu: false as const,
        energy: 'rapl' as const,
        energyOptions: { raplRoot: standin.root },
        sampleMs: 10,
        baselineS: 0.3,
        warmupQueries: 0,
      };
      // Interrupted after two queries and resumed, so the rows lie in two traces (trace, trace-2).
      const controller = new AbortController();
      await profile({ ...base, signal: controller.signal, onProgress: (p) => p.done >= 2 && controller.abort() });
      await profile({ ...base, resume: true });
    } finally {
      await standin.stop();
    }
  }, 240_000);

  it('re-integrates every query of a resumed run from both traces, per domain, within the stated tolerance', async () => {
    expect(fs.existsSync(join(runDir, 'trace-2.bin'))).toBe(true);
    const report = await auditRun(runDir);
    expect(report.ok, formatAudit(report)).toBe(true);
    expect(report.queries).toBe(5);
    expect(report.audited).toBe(5);
    expect(report.traces.map((t) => t.base).sort()).toEqual(['trace', 'trace-2']);
    const domains = report.domains.map((d) => d.domain);
    expect(domains).toEqual(expect.arrayContaining(['primary (rapl:package-0+rapl:package-0/dram)', 'rapl:package-0', 'rapl:package-0/dram']));
    // Every query: gross and net for the query, prefill and decode, plus each domain.
    expect(report.domains.find((d) => d.domain.startsWith('primary'))!.checks).toBe(5 * 6);
    expect(report.domains.find((d) => d.domain === 'rapl:package-0/dram')!.checks).toBeGreaterThanOrEqual(5);
    for (const d of report.domains) expect(d.maxAbs!.absDiffJ).toBeLessThan(1e-9);
    const text = formatAudit(report);
    expect(text).toMatch(/Tolerance: \|recomputed - stored\| <= 0.000001 J \+ 0.000001 x \|stored\|/);
    expect(text).toContain('OK: every stored figure matches its trace');

    const cli = ipw(['audit', runDir]);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/rapl:package-0\/dram\s+\d+\s+0\s/);
  });

  it('reads the journal when results.parquet is absent', async () => {
    const dir = copyRun();
    fs.rmSync(join(dir, PARQUET_FILE));
    const report = await auditRun(dir);
    expect(report).toMatchObject({ ok: true, audited: 5 });
  });

  it('fails on a tampered stored figure, naming the query and the domain, and the CLI exits 1', async () => {
    const dir = copyRun();
    const rows = await readResults(dir);
    const victim = rows[3]!;
    victim.energyByDomainJ = { ...victim.energyByDomainJ, 'rapl:package-0/dram': victim.energyByDomainJ['rapl:package-0/dram']! * 1.01 };
    victim.decodeEnergyJ += 1e-3;
    await writeResultsParquet(join(dir, PARQUET_FILE), rows);
    fs.rmSync(join(dir, JOURNAL_FILE));
    const report = await auditRun(dir);
    expect(report.ok).toBe(false);
    expect(report.failures.map((f) => [f.queryId, f.domain, f.figure])).toEqual(
      expect.arrayContaining([
        [victim.queryId, 'rapl:package-0/dram', 'energyByDomainJ'],
        [victim.queryId, 'primary (rapl:package-0+rapl:package-0/dram)', 'decodeEnergyJ'],
      ]),
    );
    expect(report.failures.every((f) => f.queryId === victim.queryId)).toBe(true);
    const dram = report.domains.find((d) => d.domain === 'rapl:package-0/dram')!;
    expect(dram.maxRel!.relDiff).toBeCloseTo(0.01 / 1.01, 6);
    const cli = ipw(['audit', dir]);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`query ${victim.queryId} (row ${victim.index}), domain rapl:package-0/dram, energyByDomainJ: stored`);
    expect(cli.stdout).toMatch(/FAILED: \d+ stored figure/);
  });

  it('reports rows with NaN energy as not measured, not as failures', async () => {
    const dir = copyRun();
    const rows = await readResults(dir);
    const row = rows[1]!;
    Object.assign(row, { energyJ: NaN, prefillEnergyJ: NaN, decodeEnergyJ: NaN, netEnergyJ: NaN, prefillNetEnergyJ: NaN, decodeNetEnergyJ: NaN });
    await writeResultsParquet(join(dir, PARQUET_FILE), rows);
    fs.rmSync(join(dir, JOURNAL_FILE));
    const report = await auditRun(dir);
    expect(report).toMatchObject({ ok: true, audited: 4, notMeasured: [{ queryId: row.queryId, index: row.index }] });
    expect(formatAudit(report)).toContain(`1 not measured (energy NaN): ${row.queryId}`);
  });

  it('gives a clear error for a missing or truncated trace file', async () => {
    const dir = copyRun();
    fs.rmSync(join(dir, 'trace-2.bin'));
    await expect(auditRun(dir)).rejects.toThrow(/trace-2\.bin is missing .*trace "trace-2" cannot be audited/);
    fs.rmSync(join(dir, 'trace-2.json'));
    await expect(auditRun(dir)).rejects.toThrow(/trace-2\.json is missing, so the queries that lie in trace "trace-2" cannot be audited/);
    const cli = ipw(['audit', dir]);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/trace-2\.json is missing/);
    const truncated = copyRun();
    fs.truncateSync(join(truncated, 'trace.bin'), 800);
    await expect(auditRun(truncated)).rejects.toThrow(/trace\.bin holds 800 bytes, but .*trace\.json describes \d+ rows x \d+ float64 columns/);
  });
});
