// Energy domains: every available source is sampled in every window, the primary domain follows where the model
// runs, and a server on this machine is measured as its own process. Sources are injected (RAPL stand-in root, fake
// NVML library, an empty hwmon root), never taken from what this machine happens to have.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EnergySession, findListeningPid, planDomains } from '../lib/energy/index.ts';
import { listeningSockets } from '../lib/energy/loopback.ts';
import { ProcessCpuCounter } from '../lib/energy/process-cpu.ts';
import { summarize } from '../lib/metrics/index.ts';
import { energyPlanFor } from '../lib/profile/energy-plan.ts';
import { profile, type PreparedFixture } from '../lib/profile/index.ts';
import type { ModelRunner } from '../lib/run/index.ts';
import { readResults } from '../lib/store/index.ts';
import { fakeNvml, startRaplStandin, type FakeGpu, type RaplZoneSpec } from '../support/energy-standins.ts';
import { noHardwareEnergy, sampleFixture, tempDir } from './helpers/fixture.ts';

const GPU: FakeGpu = { uuid: 'GPU-0a1b2c3d-2222-4000-8000-000000000000', name: 'FakeL4', hasEnergyCounter: true, profile: [[200, 40], [200, 70]] };
const ZONES: RaplZoneSpec[] = [
  { id: 'intel-rapl:0', name: 'package-0', rangeUj: 262_143_328_850, offsetUj: 0, profile: [[300, 20], [300, 35]] },
  { id: 'intel-rapl:1', name: 'dram', rangeUj: 65_712_999_613, offsetUj: 0, profile: [[500, 3], [500, 4]] },
];

const isolated = noHardwareEnergy;

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  delete process.env.FAKE_NVML_SCRIPT;
});

describe('planDomains: the primary domain follows where the model runs', () => {
  it('a CPU run uses RAPL and records a present GPU as a separate domain', async () => {
    const standin = await startRaplStandin(ZONES);
    try {
      const { libraryPath } = fakeNvml([GPU]);
      const plan = planDomains({ accelerator: 'cpu' }, isolated({ raplRoot: standin.root, nvmlLibrary: libraryPath }));
      expect(plan.sources).toEqual(['rapl', 'nvml']);
      expect(plan.primary).toEqual(['rapl']);
      expect(plan.notes.join('\n')).toMatch(/nvml is recorded as separate domains; it does not enter IPW/);
    } finally {
      await standin.stop();
    }
  });

  it('a CPU run without RAPL falls back to the estimate, says why, and still records the GPU', () => {
    const { libraryPath } = fakeNvml([GPU]);
    const plan = planDomains({ accelerator: 'cpu' }, isolated({ nvmlLibrary: libraryPath }));
    expect(plan.sources).toEqual(['estimated', 'nvml']);
    expect(plan.primary).toEqual(['estimated']);
    expect(plan.notes[0]).toMatch(/auto chose the estimate for a cpu run, not a measurement.*rapl: no intel-rapl/);
  });

  it('a CUDA run uses the GPU, with the CPU package beside it', async () => {
    const standin = await startRaplStandin(ZONES);
    try {
      const { libraryPath } = fakeNvml([GPU]);
      const plan = planDomains({ accelerator: 'cuda' }, isolated({ raplRoot: standin.root, nvmlLibrary: libraryPath }));
      expect(plan.sources).toEqual(['nvml', 'rapl']);
      expect(plan.primary).toEqual(['nvml']);
    } finally {
      await standin.stop();
    }
  });

  it('energyDomains overrides the primary domains', () => {
    const { libraryPath } = fakeNvml([GPU]);
    const plan = planDomains({ accelerator: 'cpu', domains: ['nvml'] }, isolated({ nvmlLibrary: libraryPath }));
    expect(plan.primary).toEqual(['nvml']);
  });

  it('a model served by another machine with no exporter is not measured: NaN joules and no IPW', async () => {
    const runner = { description: { accelerator: 'remote' } } as unknown as ModelRunner;
    const { plan, sourceOptions } = energyPlanFor({ kind: 'openai', baseUrl: 'http://192.0.2.10:8080', model: 'm' }, runner, { energyOptions: isolated() });
    expect(plan.sources).toEqual(['none']);
    expect(plan.notes[0]).toMatch(/not measured: the model is served by another machine/);
    const session = await EnergySession.start({ ...sourceOptions, plan, baselineS: 0, sampleMs: 5 });
    const startMs = await session.markSettled();
    await new Promise((r) => setTimeout(r, 30));
    const endMs = session.mark();
    const q = await session.query(startMs, undefined, endMs);
    const report = await session.finish(undefined);
    expect(report.source).toBe('none');
    expect(report.method).toMatch(/^not measured: /);
    expect(q.total.energyJ).toBeNaN();
    expect(q.total.meanPowerW).toBeNaN();
    const metricRow = { queryId: 'q', model: 'm', accelerator: 'remote', domain: 'd', correct: true, energyJ: q.total.energyJ, meanPowerW: q.total.meanPowerW };
    const [row] = summarize([{ ...metricRow, energySource: 'none', energyMethod: report.method, energyIsEstimate: false }], { groupBy: ['model'] });
    expect(row!.ipw).toBeNaN();
    expect(row!.ipj).toBeNaN();
  });
});

describe('a model server on this machine', () => {
  it('parses LISTEN sockets from /proc/net/tcp text', () => {
    const text = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 123456 1 0000000000000000 100 0 0 10 0',
      '   1: 0100007F:1F91 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 654321 1 0000000000000000 20 4 30 10 -1',
    ].join('\n');
    expect(listeningSockets(text)).toEqual([{ port: 8080, inode: '123456' }]);
  });

  it('finds the PID listening on a port, and counts that process CPU time, not ours', async () => {
    const child = spawn(process.execPath, ['-e', "const s=require('http').createServer();s.listen(0,'127.0.0.1',()=>console.log(s.address().port));process.on('message',()=>{const e=Date.now()+300;while(Date.now()<e);process.send('done')})"], {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    children.push(child);
    const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
    expect(findListeningPid(port)).toBe(child.pid);
    expect(findListeningPid(1)).toBeUndefined();
    const counter = new ProcessCpuCounter(child.pid!);
    const beforeS = counter.readS();
    const statTicks = () => fs.readFileSync(`/proc/${child.pid}/stat`, 'latin1').split(') ')[1]!.split(' ').slice(11, 13).reduce((s, v) => s + Number(v), 0);
    const ticksBefore = statTicks();
    child.send('spin');
    await new Promise((resolve) => child.once('message', resolve));
    const usedS = counter.readS() - beforeS;
    // The kernel's own tick-based account of the same process (USER_HZ = 100) agrees within a few ticks.
    const ticksUsedS = (statTicks() - ticksBefore) / 100;
    expect(usedS).toBeGreaterThan(0.02);
    expect(Math.abs(usedS - ticksUsedS)).toBeLessThan(0.05);
  });
});

let fixture: PreparedFixture;
beforeAll(async () => {
  fixture = await sampleFixture();
});

describe('profile: every domain per query', () => {
  it('a CPU run with a GPU present: IPW from RAPL, the GPU recorded separately, and the whole system summed', async () => {
    const standin = await startRaplStandin(ZONES);
    const { libraryPath } = fakeNvml([GPU]);
    const outDir = join(tempDir(), 'run');
    let result;
    try {
      result = await profile({
        model: fixture.modelPath,
        queries: fixture.queries.slice(0, 3),
        outDir,
        maxTokens: 8,
        threads: 1,
        gpu: false,
        energyOptions: isolated({ raplRoot: standin.root, nvmlLibrary: libraryPath }),
        sampleMs: 10,
        baselineS: 0.3,
        warmupQueries: 0,
      });
    } finally {
      await standin.stop();
    }
    expect(result.complete).toBe(true);
    expect(result.energy.primaryDomains).toEqual(['rapl:package-0', 'rapl:dram']);
    expect(result.energy.channels).toEqual(['rapl:package-0', 'rapl:dram', `nvml:${GPU.uuid}`]);
    expect(result.warnings.join('\n')).toMatch(/nvml is recorded as separate domains/);
    const rows = await readResults(outDir);
    for (const row of rows) {
      expect(row.energySource).toBe('rapl');
      expect(row.energyDomain).toBe('rapl:package-0+rapl:dram');
      const d = row.energyByDomainJ;
      expect(Object.keys(d).sort()).toEqual(['nvml:' + GPU.uuid, 'rapl:dram', 'rapl:package-0'].sort());
      expect(d[`nvml:${GPU.uuid}`]!).toBeGreaterThan(0);
      // IPW's figure is the CPU's alone; the GPU's joules are beside it, and in the whole-system sum.
      expect(row.energyJ).toBeCloseTo(d['rapl:package-0']! + d['rapl:dram']!, 9);
      expect(row.systemEnergyJ).toBeCloseTo(row.energyJ + d[`nvml:${GPU.uuid}`]!, 9);
      expect(row.netEnergyByDomainJ['rapl:package-0']).toBeLessThan(d['rapl:package-0']!);
    }
  });
});
