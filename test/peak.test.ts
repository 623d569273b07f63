// `ipw peak` for real: llama-bench of the native llama.cpp build on the generated probe models and the C streaming
// kernel, with short settings, through the CLI; its per-host cache reused; and its peaks used for the MFU/MBU of a
// real CPU profile run and sweep cell, recorded as measured, with their methods.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBytes, queryFlops, readModelArchitecture } from '../lib/efficiency/index.ts';
import { choosePeaks, readPeakCache, specSheetFor, type MeasuredPeak } from '../lib/peak/index.ts';
import type { PreparedFixture } from '../lib/profile/index.ts';
import { ensureLlamaTools } from '../lib/run/llama-tools.ts';
import { readManifest, readResults } from '../lib/store/index.ts';
import { parseGguf } from './helpers/gguf-reader.ts';
import { IPW_BIN, PROJECT_ROOT, sampleFixture, tempDir } from './helpers/fixture.ts';

const SHORT = ['--prompt-tokens', '64', '--repetitions', '2', '--array-mib', '16'];

function ipw(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [IPW_BIN, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 300_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

let fixture: PreparedFixture;
const dir = tempDir('ipw-peak-');
const cacheFile = join(dir, 'peak.json');
let measured: MeasuredPeak;

beforeAll(async () => {
  await ensureLlamaTools();
  fixture = await sampleFixture();
}, 900_000);

/** The probe's FLOPs by hand from the tests' own GGUF parser: what llama.cpp computes for llama-bench's pp<n>. */
function handPromptFlops(file: string, n: number): number {
  const parsed = parseGguf(new Uint8Array(readFileSync(file)));
  const meta = (key: string) => Number(parsed.metadata.get(`llama.${key}`));
  const size = (name: string) => parsed.tensors.find((t) => t.name === name)!.shape.reduce((a, b) => a * b, 1);
  const [d, layers, heads] = [meta('embedding_length'), meta('block_count'), meta('attention.head_count')];
  const attention = ['attn_q', 'attn_k', 'attn_v', 'attn_output'].reduce((sum, name) => sum + size(`blk.0.${name}.weight`), 0);
  const ffn = ['ffn_gate', 'ffn_up', 'ffn_down'].reduce((sum, name) => sum + size(`blk.0.${name}.weight`), 0);
  const output = size('token_embd.weight'); // tied embeddings: the table is the output projection
  // Every token: every layer's attention projections and every feed-forward but the last. The last token only: the
  // last feed-forward and the logits. Causal attention: 2 x layers x heads x (2 x head width) x positions 1..n.
  return 2 * (n * (layers * attention + (layers - 1) * ffn) + ffn + output) + 2 * layers * heads * (2 * (d / heads)) * ((n * (n + 1)) / 2);
}

describe('ipw peak (CLI, real probes)', () => {
  it('measures positive, finite peaks with their methods, caches them for this host and reuses the cache', () => {
    const first = ipw('peak', '--json', '--cache', cacheFile, ...SHORT);
    expect(first.status, first.stderr).toBe(0);
    const record = JSON.parse(first.stdout) as MeasuredPeak & { cacheFile: string; reused: boolean };
    expect(record).toMatchObject({ reused: false, cacheFile, host: os.hostname(), logicalCpus: os.availableParallelism(), threads: os.availableParallelism() });
    expect(record.matmul.map((m) => m.type)).toEqual(['F16', 'Q8_0']);
    for (const probe of record.matmul) {
      expect(probe.promptTokens).toBe(64);
      expect(probe.flopsPerPrompt).toBe(handPromptFlops(probe.modelFile, 64));
      expect(probe.bestS).toBeGreaterThan(0);
      expect(probe.flopsPerS).toBeCloseTo(probe.flopsPerPrompt / probe.bestS, 3);
    }
    expect(Number.isFinite(record.peakFlopsPerS) && record.peakFlopsPerS > 0).toBe(true);
    expect(record.peakFlopsPerS).toBe(Math.max(...record.matmul.map((m) => m.flopsPerS)));
    expect(record.flopsMethod).toMatch(/^measured: llama-bench pp64 \(the native llama\.cpp build, \d+ threads, best of 2\) on a generated llama GGUF/);
    expect(Number.isFinite(record.peakBytesPerS) && record.peakBytesPerS > 0).toBe(true);
    expect(record.peakBytesPerS).toBe(Math.max(record.stream.readBytesPerS, record.stream.triadBytesPerS));
    expect(record.stream).toMatchObject({ arrayBytes: 16 * 1024 * 1024, repetitions: 2 });
    expect(record.bandwidthMethod).toMatch(/^measured: stream\.c \(cc -O3 -march=native -fopenmp, \d+ threads, 3 arrays of 16 MiB, best of 2\)/);
    const { cacheFile: _file, reused: _reused, ...stored } = record;
    expect(JSON.parse(readFileSync(cacheFile, 'utf8'))).toEqual(stored);
    measured = stored;

    // Asked again, the cache answers: the same record, no new measurement.
    const again = ipw('peak', '--cache', cacheFile);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(`measured ${record.measuredAt}`);
    expect(again.stdout).toContain(`cached in ${cacheFile} (measure again with --refresh)`);
    expect(again.stdout).toMatch(/compute +\d+\.\d GFLOP\/s +\(F16 [\d.]+, Q8_0 [\d.]+\)/);
    expect(readPeakCache(cacheFile)).toEqual(stored);
  }, 300_000);

  it('measures again with --refresh, or when the cache describes another host', () => {
    const other = join(dir, 'other-host.json');
    writeFileSync(other, JSON.stringify({ ...measured, host: 'some-other-host' }));
    expect(readPeakCache(other)).toBeUndefined();
    const run = ipw('peak', '--json', '--cache', other, '--types', 'Q8_0', ...SHORT);
    expect(run.status, run.stderr).toBe(0);
    const record = JSON.parse(run.stdout) as MeasuredPeak & { reused: boolean };
    expect(record).toMatchObject({ reused: false, host: os.hostname() });
    expect(record.matmul.map((m) => m.type)).toEqual(['Q8_0']);
    const refreshed = JSON.parse(ipw('peak', '--json', '--refresh', '--cache', other, '--types', 'Q8_0', ...SHORT).stdout) as MeasuredPeak & { reused: boolean };
    expect(refreshed.reused).toBe(false);
    expect(refreshed.measuredAt > record.measuredAt).toBe(true);
  }, 300_000);

  it('refuses bad settings naming the flag', () => {
    expect(ipw('peak', '--threads', '0', '--cache', join(dir, 'x.json'), '--refresh').stderr).toBe('ipw: --threads must be a whole number, 1 or more; got 0\n');
    const types = ipw('peak', '--types', 'F32', '--cache', join(dir, 'x.json'), '--refresh');
    expect(types.status).toBe(2);
    expect(types.stderr).toBe('ipw: --types takes one or more of F16, Q8_0; got ["F32"]\n');
  });
});

describe('MFU and MBU from the measured peak', () => {
  const profileArgs = (out: string, queries: string, ...extra: string[]) => {
    const empty = tempDir('ipw-empty-');
    return [
      'profile', '--model', fixture.modelPath, '--queries', queries, '--out', out, '--max-tokens', '16', '--threads', '1', '--gpu', 'false',
      '--energy', 'estimated', '--baseline-s', '0', '--warmup', '0', '--preflight', 'off',
      '--rapl-root', empty, '--hwmon-root', empty, '--nvml-library', join(empty, 'none.so'), ...extra,
    ];
  };

  it('a CPU run takes the cached peaks, records them as measured with their methods, and its MFU/MBU are at most 1', async () => {
    const queries = join(dir, 'queries.jsonl');
    writeFileSync(queries, fixture.queries.slice(0, 3).map((q) => JSON.stringify(q)).join('\n') + '\n');
    const out = join(dir, 'run');
    const run = ipw(...profileArgs(out, queries, '--peak-cache', cacheFile));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/MFU\/MBU \(ESTIMATES\) .* on cpu: prefill MFU [\d.]+%, decode MFU [\d.]+%, decode MBU [\d.]+%/);
    expect(run.stdout).toContain(`peaks: measured by ipw peak on ${os.hostname()} at ${measured.measuredAt}`);
    const derived = readManifest(out).derived as unknown as {
      peaks: { peakFlopsPerS: number; peakBytesPerS: number; peakFlopsSource: string; peakBytesSource: string; measured: { host: string; measuredAt: string } };
      groups: Array<Record<'prefillMfu' | 'decodeMfu' | 'decodeMbu', { value: number; method: string }>>;
    };
    expect(derived.peaks).toMatchObject({ peakFlopsPerS: measured.peakFlopsPerS, peakBytesPerS: measured.peakBytesPerS, measured: { host: os.hostname(), measuredAt: measured.measuredAt } });
    expect(derived.peaks.peakFlopsSource).toBe(`ipw peak on ${measured.host} at ${measured.measuredAt}, ${measured.flopsMethod}`);
    const [group] = derived.groups;
    for (const u of [group!.prefillMfu, group!.decodeMfu, group!.decodeMbu]) {
      expect(u.value).toBeGreaterThan(0);
      expect(u.value).toBeLessThanOrEqual(1);
    }
    expect(group!.prefillMfu.method).toContain(`peak FLOP/s from ipw peak on ${measured.host} at ${measured.measuredAt}, measured: llama-bench`);
    expect(group!.decodeMbu.method).toContain('peak bytes/s from ipw peak on');
    expect(group!.decodeMbu.method).toContain('measured: stream.c');
    // By hand from the stored rows: achieved FLOP/s and bytes/s over the measured peaks.
    const rows = await readResults(out);
    const arch = await readModelArchitecture(fixture.modelPath);
    const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
    const prefillS = sum((r) => r.prefillMs) / 1000;
    const decodeS = sum((r) => r.decodeMs) / 1000;
    expect(group!.prefillMfu.value).toBeCloseTo(sum((r) => queryFlops(arch, r.promptTokens, r.completionTokens).prefillFlops) / prefillS / measured.peakFlopsPerS, 12);
    expect(group!.decodeMbu.value).toBeCloseTo(sum((r) => decodeBytes(arch, r.promptTokens, r.completionTokens)) / decodeS / measured.peakBytesPerS, 12);

    // A peak given wins over the cache (the other still comes from it); 'none' uses no cache at all.
    const given = join(dir, 'run-given');
    expect(ipw(...profileArgs(given, queries, '--peak-cache', cacheFile, '--peak-tflops', '1000', '--peak-source', 'a spec sheet')).status).toBe(0);
    const mixed = readManifest(given).derived as unknown as { peaks: Record<string, unknown> };
    expect(mixed.peaks).toMatchObject({ peakFlopsPerS: 1e15, peakSource: 'a spec sheet', peakBytesPerS: measured.peakBytesPerS });
    expect(mixed.peaks.peakFlopsSource).toBeUndefined();
    const none = join(dir, 'run-none');
    expect(ipw(...profileArgs(none, queries, '--peak-cache', 'none')).status).toBe(0);
    const bare = readManifest(none).derived as unknown as { peaks: { measured: unknown }; groups: Array<{ prefillMfu: { value: number | null; reason: string } }> };
    expect(bare.peaks.measured).toBeNull();
    expect(bare.groups[0]!.prefillMfu).toMatchObject({ value: null, reason: 'no peak FLOP/s given' });
  }, 300_000);

  it('a sweep\'s CPU cells take the cached peaks too, in the table and in each cell\'s manifest', () => {
    const sweepDir = join(dir, 'sweep');
    const spec = join(dir, 'grid.json');
    const empty = tempDir('ipw-empty-');
    writeFileSync(join(dir, 'q2.jsonl'), fixture.queries.slice(0, 2).map((q) => JSON.stringify(q)).join('\n') + '\n');
    writeFileSync(spec, JSON.stringify({
      queries: 'q2.jsonl',
      axes: { model: [fixture.modelPath], threads: [1] },
      options: { maxTokens: 16, gpu: false, energy: 'estimated', energyOptions: { raplRoot: empty, hwmonRoot: empty, nvmlLibrary: join(empty, 'none.so') }, baselineS: 0, warmupQueries: 0, preflight: 'off' },
      out: 'sweep',
    }));
    const run = ipw('sweep', spec, '--peak-cache', cacheFile);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Derived figures \(ESTIMATES, not measurements\):/);
    expect(run.stdout).toContain(`prefill MFU: peak FLOP/s from ipw peak on ${measured.host} at ${measured.measuredAt}, measured: llama-bench`);
    expect(run.stdout).toContain('decode MBU: peak bytes/s from ipw peak on');
    const cell = readManifest(join(sweepDir, `${fixture.modelPath.split('/').pop()!.replace(/\.gguf$/, '')}__threads=1__rep=1`));
    expect((cell.derived as { peaks: { measured: { measuredAt: string } } }).peaks.measured.measuredAt).toBe(measured.measuredAt);
  }, 300_000);
});

describe('choosing peaks and the spec-sheet table', () => {
  it('fills only missing peaks, only for CPU runs, only from this host\'s record, and says why not', () => {
    const given = { peakFlopsPerS: 5e12, peakSource: 'spec sheet' };
    const choice = choosePeaks(given, 'cpu', cacheFile);
    expect(choice.peaks).toMatchObject({ peakFlopsPerS: 5e12, peakSource: 'spec sheet', peakBytesPerS: measured.peakBytesPerS });
    expect(choice.measured?.measuredAt).toBe(measured.measuredAt);
    expect(choosePeaks({ peakFlopsPerS: 1, peakBytesPerS: 2 }, 'cpu', cacheFile)).toEqual({ peaks: { peakFlopsPerS: 1, peakBytesPerS: 2 } });
    expect(choosePeaks({}, 'cpu', false)).toEqual({ peaks: {} });
    expect(choosePeaks({}, 'cuda', cacheFile)).toMatchObject({ peaks: {}, note: expect.stringContaining('the run used cuda, and ipw peak measured this host\'s CPU') });
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"peakVersion": 1');
    expect(choosePeaks({}, 'cpu', corrupt)).toMatchObject({ peaks: {}, note: expect.stringContaining(`${corrupt} is not a peak record`) });
    expect(choosePeaks({}, 'cpu', join(dir, 'absent.json'))).toEqual({ peaks: {} });
  });

  it('knows a few chips\' published figures, and guesses none', () => {
    const epyc = specSheetFor('AMD EPYC 7763 64-Core Processor');
    expect(epyc).toMatchObject({ kind: 'cpu', peakBytesPerS: 204.8e9 });
    expect(epyc).not.toHaveProperty('peakFlopsPerS'); // AMD publishes no FLOP/s figure for it: none is made up
    expect(specSheetFor('NVIDIA H100 80GB HBM3')).toMatchObject({ name: 'NVIDIA H100 SXM', peakFlopsPerS: 989e12, peakBytesPerS: 3.35e12 });
    expect(specSheetFor('NVIDIA H100 PCIe')).toMatchObject({ peakFlopsPerS: 756e12, peakBytesPerS: 2.0e12 });
    expect(specSheetFor('NVIDIA A100-SXM4-80GB')?.peakBytesPerS).toBe(2.039e12);
    expect(specSheetFor('NVIDIA A100 80GB PCIe')?.peakBytesPerS).toBe(1.935e12);
    expect(specSheetFor('NVIDIA A100-SXM4-40GB')?.peakBytesPerS).toBe(1.555e12);
    expect(specSheetFor('AMD EPYC')).toBeNull();
    expect(specSheetFor('NVIDIA H200 NVL')).toBeNull();
  });
});
