import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EnergySampler, SourceUnavailableError, monotonicMs, openPrometheusSource, parsePrometheusText, planZones, PrometheusParseError } from '../lib/energy/index.ts';
import { wallMinusMonotonicMs } from '../lib/energy/prometheus.ts';
import { bestOffset, judgeClock, roundOffset } from '../lib/energy/prometheus-clock.ts';
import { EXPORTER_UPDATE_PERIOD_MS, planSeries } from '../lib/energy/prometheus-series.ts';
import { formatPrometheusText } from '../lib/energy/prometheus-text.ts';
import { profile } from '../lib/profile/index.ts';
import { IPW_BIN, PROJECT_ROOT, noHardwareEnergy, sampleFixture, tempDir } from './helpers/fixture.ts';
import { profileEnergyJ, sinceOriginMs, sleepMs, startRaplStandin, type RaplStandin, type RaplZoneSpec } from '../support/energy-standins.ts';
import { expectWindowsWithinHalfPercent } from './helpers/energy-windows.ts';

// One socket's package and DRAM plus a second package, with ramps between power levels; core lies inside package-0 and
// must not be counted. Ranges are large: node_exporter does not unwrap RAPL counters (a wrap reads as a reset).
const ZONES: RaplZoneSpec[] = [
  { id: 'intel-rapl:0', name: 'package-0', rangeUj: 262_143_328_850, offsetUj: 1_000_000, profile: [[380, 40], [20, 40], [280, 85], [20, 85]] },
  { id: 'intel-rapl:0:0', name: 'core', rangeUj: 262_143_328_850, offsetUj: 0, profile: [[700, 25], [10, 25]] },
  { id: 'intel-rapl:0:1', name: 'dram', rangeUj: 65_712_999_613, offsetUj: 0, profile: [[390, 6], [10, 6], [390, 9], [10, 9]] },
  { id: 'intel-rapl:1', name: 'package-1', rangeUj: 262_143_328_850, offsetUj: 123_456_789, profile: [[580, 35], [20, 35], [280, 60], [20, 60]] },
];
const COUNTED = ['package-0', 'package-0/dram', 'package-1'];
const MAX_POWER_W = 85 + 9 + 60;

function truthJ(fromMs: number, toMs: number): number {
  const planned = planZones(ZONES.map((z) => ({ id: z.id, domain: z.name, path: '', rangeUj: z.rangeUj })));
  return ZONES.reduce((sum, z, i) => (COUNTED.includes(planned[i]!.label) ? sum + profileEnergyJ(z.profile, toMs) - profileEnergyJ(z.profile, fromMs) : sum), 0);
}

/** Processes started here; each is also bounded by `timeout`, so none outlives a crashed test run. */
const children: ChildProcess[] = [];
afterAll(() => {
  // `timeout` passes SIGTERM on to its command, and SIGKILLs it 5 s later if it is still running.
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
});

function startBounded(command: string, args: string[]): ChildProcess {
  // --foreground: a signal sent to `timeout` goes to the command alone, which then exits as it would unwrapped.
  const child = spawn('timeout', ['--foreground', '--kill-after=5', '300', command, ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Waits until `url` answers 200 with a body containing `marker`; throws with the process's stderr otherwise. */
async function waitForMetrics(url: string, marker: string, child: ChildProcess): Promise<void> {
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`the exporter exited with ${child.exitCode}: ${stderr}`);
    try {
      const response = await fetch(url);
      if (response.status === 200 && (await response.text()).includes(marker)) return;
    } catch {
      // not listening yet
    }
    await sleepMs(100);
  }
  throw new Error(`${url} never served ${marker}: ${stderr}`);
}

/** Debian's prometheus-node-exporter, with only its rapl collector, over a sysfs tree whose powercap is `raplRoot`. */
async function startNodeExporter(raplRoot: string, collectors = ['--collector.rapl']): Promise<{ url: string; child: ChildProcess }> {
  const sysfs = tempDir('ipw-sysfs-');
  fs.mkdirSync(join(sysfs, 'class'));
  fs.symlinkSync(raplRoot, join(sysfs, 'class', 'powercap'));
  const port = await freePort();
  const child = startBounded('prometheus-node-exporter', [`--path.sysfs=${sysfs}`, `--web.listen-address=127.0.0.1:${port}`, '--collector.disable-defaults', ...collectors]);
  const url = `http://127.0.0.1:${port}/metrics`;
  await waitForMetrics(url, collectors.includes('--collector.rapl') ? 'node_rapl_package_joules_total' : 'node_', child);
  return { url, child };
}

/** `ipw energy serve` as its own process (the real CLI); resolves with the URL it prints. */
async function startIpwServe(raplRoot: string, extra: string[] = []): Promise<{ url: string; child: ChildProcess; stderr: () => string }> {
  const child = startBounded(process.execPath, [IPW_BIN, 'energy', 'serve', '--port', '0', '--energy', 'rapl', '--rapl-root', raplRoot, ...extra]);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = stdout.match(/http:\/\/\S+\/metrics/);
      if (m) resolve(m[0]);
    });
    child.once('exit', (code) => reject(new Error(`ipw energy serve exited with ${code}: ${stderr}`)));
  });
  return { url, child, stderr: () => stderr };
}

/** Windows through a sampler on the `prometheus` source, against the stand-in's exact joules. */
function checkWindows(sampler: EnergySampler, standin: RaplStandin): Promise<void> {
  return expectWindowsWithinHalfPercent(sampler, {
    plannedMs: [500, 1000, 700],
    truthJ: (startMs, endMs) => truthJ(sinceOriginMs(startMs, standin.originNs), sinceOriginMs(endMs, standin.originNs)),
    maxPowerW: MAX_POWER_W,
  });
}

describe('Prometheus exposition parser', () => {
  it('reads escaped label values, comments, HELP/TYPE, NaN and infinities, timestamps and what newer exporters write', () => {
    const text = [
      '# A plain comment, with "quotes" and a \\ backslash',
      '# HELP node_rapl_package_joules_total Current RAPL package value\\nin joules \\\\ total',
      '# TYPE node_rapl_package_joules_total counter',
      'node_rapl_package_joules_total{index="0",path="/sys/class/powercap/intel-rapl:0"} 1234.5',
      '  \tweird_metric{a="x\\"y",b="back\\\\slash",c="line\\nbreak",__proto__="p",} NaN 1712345678901',
      'inf_metric +Inf',
      'ninf_metric{} -Inf -5',
      'exp_metric{u="ünï😀 = \\"}"} 1.5e3\r',
      '',
      'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu="0", UUID="GPU-1", device="nvidia0"} 31035686671',
      '{"metric.with.dots", "label.dot"="v"} 7',
      '# TYPE untyped_later gauge',
      '# EOF',
      'after_eof this is not parsed',
    ].join('\n');
    const doc = parsePrometheusText(text);
    expect(doc.samples.map((s) => s.name)).toEqual([
      'node_rapl_package_joules_total',
      'weird_metric',
      'inf_metric',
      'ninf_metric',
      'exp_metric',
      'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION',
      'metric.with.dots',
    ]);
    const [rapl, weird, inf, ninf, exp, dcgm, dotted] = doc.samples;
    expect(rapl!.value).toBe(1234.5);
    expect(rapl!.timestampMs).toBeNull();
    expect(Object.entries(weird!.labels)).toEqual([
      ['a', 'x"y'],
      ['b', 'back\\slash'],
      ['c', 'line\nbreak'],
      ['__proto__', 'p'],
    ]);
    expect(Object.getPrototypeOf(weird!.labels)).toBeNull();
    expect(weird!.value).toBeNaN();
    expect(weird!.timestampMs).toBe(1712345678901);
    expect(weird!.line).toBe(5);
    expect(inf!.value).toBe(Infinity);
    expect(ninf!.value).toBe(-Infinity);
    expect(ninf!.timestampMs).toBe(-5);
    expect(exp!.value).toBe(1500);
    expect(exp!.labels.u).toBe('ünï😀 = "}');
    expect({ ...dcgm!.labels }).toEqual({ gpu: '0', UUID: 'GPU-1', device: 'nvidia0' });
    expect({ ...dotted!.labels }).toEqual({ 'label.dot': 'v' });
    expect(doc.families.get('node_rapl_package_joules_total')).toEqual({ type: 'counter', help: 'Current RAPL package value\nin joules \\ total' });
    expect(doc.families.get('untyped_later')?.type).toBe('gauge');
  });

  it('rejects broken text with the line, the column and what was expected', () => {
    const cases: [string, RegExp][] = [
      ['ok 1\nbad{a="unterminated} 1', /line 2 column 7: unterminated quoted string/],
      ['bad{a="x\\q"} 1', /line 1 column 9: invalid escape "\\q"/],
      ['bad 12a', /line 1 column 5: bad: "12a" is not a number/],
      ['bad{a} 1', /line 1 column 6: expected "=" after label a/],
      ['bad{a="1",a="2"} 1', /line 1 column 11: label a appears twice/],
      ['bad 1 2 3', /line 1 column 9: bad: unexpected text after the timestamp/],
      ['bad 1 1.5', /timestamp "1.5" is not an integer/],
      ['bad{a="1"}1', /expected a blank before the value of bad/],
      ['9bad 1', /line 1 column 1: expected a metric name/],
    ];
    for (const [text, message] of cases) {
      expect(() => parsePrometheusText(text), text).toThrow(PrometheusParseError);
      expect(() => parsePrometheusText(text), text).toThrow(message);
    }
  });

  it('reads back what it writes, escapes and special values included', () => {
    const text = formatPrometheusText([
      { name: 'm_total', type: 'counter', help: 'two\nlines \\ here', samples: [{ labels: { v: 'a"b\\c\nd' }, value: 0.1 + 0.2, timestampMs: 42 }, { value: NaN }, { value: -Infinity }] },
    ]);
    const doc = parsePrometheusText(text);
    expect(doc.families.get('m_total')).toEqual({ type: 'counter', help: 'two\nlines \\ here' });
    expect(doc.samples[0]).toMatchObject({ value: 0.1 + 0.2, timestampMs: 42 });
    expect(doc.samples[0]!.labels.v).toBe('a"b\\c\nd');
    expect(doc.samples[1]!.value).toBeNaN();
    expect(doc.samples[2]!.value).toBe(-Infinity);
  });
});

describe('energy series of known exporters', () => {
  it('dcgm-exporter: one channel per GPU in joules, repeated GPUs (MIG, pods) once, its 30 s collect interval', () => {
    const plan = planSeries(
      parsePrometheusText(
        [
          '# TYPE DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION counter',
          'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu="0",UUID="GPU-a",device="nvidia0",pod="p1"} 251885217371',
          'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu="0",UUID="GPU-a",device="nvidia0",GPU_I_ID="1"} 251885217371',
          'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu="1",UUID="GPU-b",device="nvidia1"} 260537897279',
          'DCGM_FI_DEV_POWER_USAGE{gpu="0",UUID="GPU-a"} 245',
        ].join('\n'),
      ),
    );
    expect(plan.series.map((s) => [s.channel, s.toJ])).toEqual([
      ['gpu-0', 1e-3],
      ['gpu-1', 1e-3],
    ]);
    expect(plan.skipped).toHaveLength(1);
    expect(plan.updatePeriodMs).toBe(EXPORTER_UPDATE_PERIOD_MS.dcgm);
    expect(plan).toMatchObject({ measure: 'energy-counter', isEstimate: false, exporters: ['dcgm'] });
  });

  it('Kepler: node CPU zones without core and uncore, never container or process counters; old Kepler by mode', () => {
    const kepler = planSeries(
      parsePrometheusText(
        [
          'kepler_node_cpu_joules_total{zone="package",path="/sys/class/powercap/intel-rapl:0",node_name="n"} 100',
          'kepler_node_cpu_joules_total{zone="core",path="/sys/class/powercap/intel-rapl:0:0",node_name="n"} 50',
          'kepler_node_cpu_joules_total{zone="dram",path="/sys/class/powercap/intel-rapl:0:1",node_name="n"} 10',
          'kepler_node_cpu_joules_total{zone="package",path="/sys/class/powercap/intel-rapl:1",node_name="n"} 90',
          'kepler_node_cpu_active_joules_total{zone="package",path="/sys/class/powercap/intel-rapl:0"} 60',
          'kepler_container_cpu_joules_total{container_id="c",zone="package"} 5',
        ].join('\n'),
      ),
    );
    expect(kepler.series.map((s) => s.channel)).toEqual(['package-0', 'dram-0', 'package-1']);
    expect(kepler.updatePeriodMs).toBe(EXPORTER_UPDATE_PERIOD_MS.kepler);
    const old = planSeries(
      parsePrometheusText(
        [
          'kepler_node_package_joules_total{package="0",mode="dynamic",source="trained_power_model"} 5',
          'kepler_node_package_joules_total{package="0",mode="idle",source="trained_power_model"} 7',
          'kepler_node_platform_joules_total{mode="dynamic"} 30',
        ].join('\n'),
      ),
    );
    expect(old.series.map((s) => s.channel)).toEqual(['package-0-dynamic', 'package-0-idle']);
    expect(old.updatePeriodMs).toBe(EXPORTER_UPDATE_PERIOD_MS['kepler-0.7']);
    expect(old).toMatchObject({ measure: 'model', isEstimate: true });
  });

  it('knows nothing else: no series from a scrape without energy counters', () => {
    expect(planSeries(parsePrometheusText('node_load1 0.5\nprocess_cpu_seconds_total 3\n')).series).toEqual([]);
  });
});

describe('clock offset arithmetic', () => {
  it('keeps the round trip with the smallest delay and flags drift beyond tolerance plus measurement error', () => {
    // Server clock = ours + 5000 ms; the second round trip was queued on the way out (asymmetric, long).
    const rounds = [
      { sentMs: 100, serverReceiveMs: 5101, serverTransmitMs: 5101.2, receivedMs: 102.2 },
      { sentMs: 200, serverReceiveMs: 5230, serverTransmitMs: 5230.1, receivedMs: 231.1 },
    ];
    expect(roundOffset(rounds[1]!).delayMs).toBeCloseTo(31, 9);
    const start = bestOffset(rounds);
    expect(start).toMatchObject({ rounds: 2 });
    expect(start.offsetMs).toBeCloseTo(5000, 9);
    expect(start.delayMs).toBeCloseTo(2, 9);
    const steady = judgeClock(start, { offsetMs: 5001.5, delayMs: 2, atMs: 60_101, rounds: 8 }, 0.5, 5);
    expect(steady.bad).toBe(false);
    const drifted = judgeClock(start, { offsetMs: 5012, delayMs: 2, atMs: 60_101.1, rounds: 8 }, 0.5, 5);
    expect(drifted).toMatchObject({ bad: true, driftMs: 12 });
    expect(drifted.driftPpm).toBeCloseTo(200, 6);
    expect(judgeClock(start, undefined, 9, 5)).toMatchObject({ bad: true, driftMs: NaN });
  });
});

/** python3's http.server over a folder whose `metrics` file the test rewrites: an exporter whose output is scripted. */
async function startStaticExporter(): Promise<{ url: string; write(text: string): void; child: ChildProcess }> {
  const dir = tempDir('ipw-static-exporter-');
  const write = (text: string): void => {
    fs.writeFileSync(join(dir, 'metrics.tmp'), text);
    fs.renameSync(join(dir, 'metrics.tmp'), join(dir, 'metrics'));
  };
  write('# nothing yet\n');
  const port = await freePort();
  const child = startBounded('python3', ['-m', 'http.server', '--bind', '127.0.0.1', '--directory', dir, String(port)]);
  const url = `http://127.0.0.1:${port}/metrics`;
  await waitForMetrics(url, 'nothing yet', child);
  return { url, write, child };
}

describe('prometheus source over scripted exposition (python3 http.server)', () => {
  it('dcgm-exporter text in millijoules; a counter that goes down is continued from zero and reported', { timeout: 60_000 }, async () => {
    const exporter = await startStaticExporter();
    try {
      const dcgm = (gpu0Mj: number, gpu1Mj: number): string =>
        [
          '# HELP DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION Total energy consumption since boot (in mJ).',
          '# TYPE DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION counter',
          `DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu="0",UUID="GPU-a",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",Hostname="h"} ${gpu0Mj}`,
          `DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu="1",UUID="GPU-b",device="nvidia1",modelName="NVIDIA H100 80GB HBM3",Hostname="h"} ${gpu1Mj}`,
        ].join('\n');
      exporter.write(dcgm(1_000_000, 2_000_000));
      const source = openPrometheusSource({ prometheusUrl: exporter.url });
      try {
        expect(source).toMatchObject({ name: 'prometheus', channels: ['gpu-0', 'gpu-1'], updatePeriodMs: 30_000, isEstimate: false });
        expect(source.details.placement).toBe('request-midpoint');
        const row = new Float64Array(4);
        exporter.write(dcgm(1_500_000, 2_250_000));
        source.readInto(row);
        expect([...row]).toEqual([750, NaN, 500, 250]);
        // GPU 1's counter restarts (driver reload): Prometheus's rule, an increase from zero.
        exporter.write(dcgm(1_600_000, 40_000));
        source.readInto(row);
        expect([...row]).toEqual([890, NaN, 600, 290]);
        expect(source.report()).toMatchObject({ counterResets: 1, scrapes: 2 });
        expect(source.report().problems.join('\n')).toMatch(/counter gpu-1 went down/);
        // A series that disappears, or turns NaN, is an error, never the last value again.
        exporter.write(dcgm(1_700_000, NaN));
        expect(() => source.readInto(row)).toThrow(/serves DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION\{gpu="1",UUID="GPU-b"\} = NaN/);
        exporter.write(dcgm(1_700_000, 50_000).split('\n').slice(0, 3).join('\n'));
        expect(() => source.readInto(row)).toThrow(/no longer serves DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION\{gpu="1",UUID="GPU-b"\} \(channel gpu-1\)/);
        exporter.write('garbage{ 1');
        expect(() => source.readInto(row)).toThrow(/Prometheus text, line 1/);
      } finally {
        await source.close();
      }
    } finally {
      exporter.child.kill('SIGTERM');
    }
  });

  it("exposition timestamps place samples by the exporter's clock, and one in our future is a bad clock", { timeout: 60_000 }, async () => {
    const exporter = await startStaticExporter();
    try {
      const text = (j: number, tsMs: number): string => `node_rapl_package_joules_total{index="0",path="/sys/class/powercap/intel-rapl:0"} ${j} ${Math.round(tsMs)}\n`;
      const pastMs = Date.now() - 10_000;
      exporter.write(text(10, pastMs));
      const source = openPrometheusSource({ prometheusUrl: exporter.url });
      try {
        expect(source.details.placement).toBe('exporter-timestamp');
        const row = new Float64Array(3);
        exporter.write(text(12, pastMs + 1000));
        source.readInto(row);
        expect(row[0]).toBe(2);
        // Placed 9 s in the past of this machine's clock, where the exporter says the value was read.
        const placedMs = (source.valueBracketMs![0]! + source.valueBracketMs![1]!) / 2;
        // (Both sides read the wall clock to the millisecond.)
        expect(Math.abs(placedMs - (pastMs + 1000 - wallMinusMonotonicMs()))).toBeLessThan(2);
        exporter.write(text(13, Date.now() + 60_000));
        expect(() => source.readInto(row)).toThrow(/bad clock: .*'s timestamp lies \d+\.\d+ ms outside the request/);
      } finally {
        await source.close();
      }
    } finally {
      exporter.child.kill('SIGTERM');
    }
  });
});

describe('prometheus source over real exporters on 127.0.0.1', () => {
  it("Debian's node_exporter over the RAPL stand-in: window energy within 0.5% of the stand-in's joules", { timeout: 120_000 }, async () => {
    const standin = await startRaplStandin(ZONES);
    try {
      const exporter = await startNodeExporter(standin.root);
      const sampler = await EnergySampler.start({ source: 'prometheus', prometheusUrl: exporter.url });
      try {
        expect(sampler.info).toMatchObject({ name: 'prometheus', measure: 'energy-counter', isEstimate: false, updatePeriodMs: EXPORTER_UPDATE_PERIOD_MS['node-rapl'] });
        expect(sampler.info.channels).toEqual(['prometheus:package-0', 'prometheus:dram-0', 'prometheus:package-1']);
        expect(sampler.info.details).toMatchObject({ 'prometheus:placement': 'request-midpoint', 'prometheus:exporters': 'node-rapl' });
        expect(String(sampler.info.details['prometheus:skipped'])).toMatch(/node_rapl_core_joules_total.*inside the package/);
        await checkWindows(sampler, standin);
      } finally {
        await sampler.stop();
        exporter.child.kill('SIGTERM');
      }
    } finally {
      await standin.stop();
    }
  });

  it('ipw energy serve in its own process, with an injected clock offset that is measured and corrected', { timeout: 120_000 }, async () => {
    const standin = await startRaplStandin(ZONES);
    const offsetMs = 5000;
    try {
      const server = await startIpwServe(standin.root, ['--inject-clock-offset-ms', String(offsetMs)]);
      // Read directly: the server samples while it answers, so the values' time, once corrected, overlaps the call
      // (uncorrected it would lie 5 s in the future).
      const direct = openPrometheusSource({ prometheusUrl: server.url });
      const row = new Float64Array(2 + direct.channels.length);
      for (let i = 0; i < 5; i++) {
        const beforeMs = monotonicMs();
        direct.readInto(row);
        const afterMs = monotonicMs();
        expect(direct.valueBracketMs![0]).toBeLessThanOrEqual(afterMs);
        expect(direct.valueBracketMs![1]).toBeGreaterThanOrEqual(beforeMs);
      }
      await direct.close();
      expect(direct.report()).toMatchObject({ placement: 'server-clock', scrapes: 5, problems: [], clock: { bad: false } });
      expect(Math.abs(direct.report().clockEnd!.offsetMs - offsetMs)).toBeLessThanOrEqual(direct.report().clockEnd!.delayMs / 2);
      const sampler = await EnergySampler.start({ source: 'prometheus', prometheusUrl: server.url });
      try {
        const details = sampler.info.details;
        expect(details['prometheus:placement']).toBe('server-clock');
        expect(sampler.info.channels).toEqual(['prometheus:package-0', 'prometheus:package-0/dram', 'prometheus:package-1']);
        // NTP's bound: the estimate is within half the round trip's delay of the true offset.
        expect(Math.abs(Number(details['prometheus:clockOffsetMs']) - offsetMs)).toBeLessThanOrEqual(Number(details['prometheus:clockDelayMs']) / 2);
        expect(sampler.info.updatePeriodMs).toBe(1);
        expect(sampler.info.method).toMatch(/ipw energy serve \(remote rapl: energy-counter: RAPL energy_uj/);
        await checkWindows(sampler, standin);
      } finally {
        await sampler.stop();
      }
      const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(server.stderr()).toMatch(/ipw energy serve: stopped/);
    } finally {
      for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
      await standin.stop();
    }
  });

  it('ipw energy serve refuses to start without a port, and names the flag', { timeout: 60_000 }, async () => {
    const child = startBounded(process.execPath, [IPW_BIN, 'energy', 'serve', '--energy', 'estimated']);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/ipw energy serve needs --port N/);
  });

  it('a clock that drifts between start and end is detected mid-run and reported', { timeout: 120_000 }, async () => {
    const standin = await startRaplStandin(ZONES);
    try {
      // 20% fast: 300 ms after the offset was measured, the server's stamps are 60 ms ahead of where it puts them.
      const server = await startIpwServe(standin.root, ['--inject-clock-drift-ppm', '200000']);
      const source = openPrometheusSource({ prometheusUrl: server.url });
      await sleepMs(300);
      const row = new Float64Array(2 + source.channels.length);
      expect(() => source.readInto(row)).toThrow(/bad clock: .* lies \d+\.\d+ ms outside the request that fetched it/);
      const report = source.checkClock();
      expect(report.placement).toBe('server-clock');
      expect(report.clock).toMatchObject({ bad: true, toleranceMs: 5 });
      expect(report.clock!.driftMs).toBeGreaterThan(report.clock!.uncertaintyMs + 5);
      expect(report.clock!.driftPpm).toBeGreaterThan(0);
      expect(report.problems.join('\n')).toMatch(/bad clock: the serving machine's clock moved .* ppm/);
      expect(report.problems.join('\n')).toMatch(/bad clock: a sample placed with the start offset fell/);
      await source.close();

      // The same through the sampler: the run stops with a sampling error instead of placing samples wrongly.
      // On a loaded machine the drift can already show in the sampler's first sample, so start may be what fails.
      const failure = await (async () => {
        const sampler = await EnergySampler.start({ source: 'prometheus', prometheusUrl: server.url });
        await sleepMs(300);
        try {
          await sampler.settle(sampler.mark());
        } finally {
          await sampler.stop().catch(() => undefined);
        }
      })().then(
        () => null,
        (e: Error) => e,
      );
      expect(failure?.message).toMatch(/bad clock/);
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
    } finally {
      await standin.stop();
    }
  });

  it('a dead exporter: a clear error naming the URL and the fix; an exporter that dies mid-run: a sampling error', { timeout: 120_000 }, async () => {
    const deadUrl = `http://127.0.0.1:${await freePort()}/metrics`;
    let error: unknown;
    try {
      openPrometheusSource({ prometheusUrl: deadUrl });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as SourceUnavailableError).reason).toMatch(new RegExp(`cannot scrape ${deadUrl}: GET ${deadUrl} failed: .*ECONNREFUSED`));
    expect((error as SourceUnavailableError).fix).toMatch(/start the exporter on the serving machine .*prometheusUrl/);
    await expect(EnergySampler.start({ source: 'prometheus', prometheusUrl: deadUrl })).rejects.toThrow(SourceUnavailableError);
    expect(() => openPrometheusSource({})).toThrow(/no exporter URL was given/);

    const standin = await startRaplStandin(ZONES);
    try {
      // A real exporter that serves metrics, but no energy counter.
      const loadOnly = await startNodeExporter(standin.root, ['--collector.loadavg']);
      expect(() => openPrometheusSource({ prometheusUrl: loadOnly.url })).toThrow(/serves no energy counter IPW Lab knows/);
      loadOnly.child.kill('SIGTERM');

      const exporter = await startNodeExporter(standin.root);
      const sampler = await EnergySampler.start({ source: 'prometheus', prometheusUrl: exporter.url });
      try {
        await sampler.settle(sampler.mark());
        const exited = new Promise((resolve) => exporter.child.once('exit', resolve));
        exporter.child.kill('SIGTERM');
        await exited;
        await expect(sampler.settle(sampler.mark())).rejects.toThrow(new RegExp(`sampling prometheus failed: scraping ${exporter.url} failed: GET .*(ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET)`));
      } finally {
        await sampler.stop().catch(() => undefined);
      }
    } finally {
      await standin.stop();
    }
  });
});

describe('profile() with energyFrom', () => {
  it('books the exporter\'s joules as the primary domain, labelled prometheus, and none of this machine\'s sensors', { timeout: 180_000 }, async () => {
    const fixture = await sampleFixture();
    const standin = await startRaplStandin(ZONES);
    try {
      const exporter = await startNodeExporter(standin.root);
      try {
        const result = await profile({
          model: fixture.modelPath,
          queries: fixture.queries.slice(0, 3),
          outDir: join(tempDir(), 'run'),
          maxTokens: 8,
          threads: 1,
          gpu: false,
          energyFrom: `prometheus:${exporter.url}`,
          energyOptions: noHardwareEnergy(),
          baselineS: 0.3,
          warmupQueries: 0,
          preflight: 'off',
        });
        expect(result.energy.source).toBe('prometheus');
        expect(result.energy.channels.every((c) => c.startsWith('prometheus:'))).toBe(true);
        expect(result.warnings.join('\n')).toContain(`energy read from the exporter at ${exporter.url}`);
        for (const row of result.results) {
          expect(row.energySource).toBe('prometheus');
          expect(row.energyIsEstimate).toBe(false);
          expect(row.energyJ).toBeGreaterThan(0);
          expect(row.energyDomain).toMatch(/^prometheus:package-0/);
        }
      } finally {
        exporter.child.kill('SIGTERM');
      }
    } finally {
      await standin.stop();
    }
  });
});
