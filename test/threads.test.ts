// Automatic thread choice and the CLI's thread-pool setting; what makes decode fast or collapse on small machines.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtureModel } from '../lib/fixtures/index.ts';
import { type PreparedFixture } from '../lib/profile/index.ts';
import { pickThreads, type ThreadChoice } from '../lib/run/auto-threads.ts';
import { openLlamaRunner } from '../lib/run/llama.ts';
import { readManifest } from '../lib/store/index.ts';
import { IPW_BIN, PROJECT_ROOT, sampleFixture, tempDir } from './helpers/fixture.ts';

const savedCache = process.env.XDG_CACHE_HOME;
let fixture: PreparedFixture;
beforeAll(async () => {
  fixture = await sampleFixture();
  // A private cache, so the probe runs here rather than reading a choice another run left behind.
  process.env.XDG_CACHE_HOME = tempDir('ipw-cache-');
});
afterAll(() => {
  if (savedCache === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = savedCache;
});

describe('automatic threads', () => {
  it('picks the fastest count, and the fewer threads when within 2%', () => {
    expect(pickThreads([{ threads: 1, decodeTokensPerS: 100 }, { threads: 2, decodeTokensPerS: 180 }])).toBe(2);
    expect(pickThreads([{ threads: 1, decodeTokensPerS: 100 }, { threads: 2, decodeTokensPerS: 101 }])).toBe(1);
    expect(pickThreads([{ threads: 1, decodeTokensPerS: 500 }, { threads: 2, decodeTokensPerS: 60 }])).toBe(1);
  });

  it('probes each count from 1 to the cores at load, records it, and reuses the cached choice', async () => {
    const model = await ensureFixtureModel(undefined, { kind: 'bench', preset: 'small', type: 'F16' });
    const first = await openLlamaRunner(model.path, { gpu: false, template: 'raw' });
    const choice = first.description.details.threadChoice as ThreadChoice;
    await first.close();
    expect(choice.source).toBe('probe');
    expect(choice.probes.map((p) => p.threads)).toEqual(Array.from({ length: availableParallelism() }, (_, i) => i + 1));
    for (const p of choice.probes) expect(p.decodeTokensPerS).toBeGreaterThan(0);
    expect(first.description.details.threads).toBe(choice.threads);
    expect(choice.threads).toBe(pickThreads(choice.probes));

    // A planted cache entry wins over probing: the choice is per model file and host, made once.
    const file = choice.cacheFile!;
    const planted = { ...JSON.parse(readFileSync(file, 'utf8')), threads: 1 };
    writeFileSync(file, JSON.stringify(planted));
    const second = await openLlamaRunner(model.path, { gpu: false, template: 'raw' });
    await second.close();
    expect(second.description.details.threadChoice).toMatchObject({ source: 'cache', threads: 1 });
    expect(second.description.details.threads).toBe(1);
  });

  it('keeps an explicit thread count without probing', async () => {
    const model = await ensureFixtureModel(undefined, { kind: 'bench', preset: 'small', type: 'F16' });
    const runner = await openLlamaRunner(model.path, { gpu: false, threads: 1, template: 'raw' });
    await runner.close();
    expect(runner.description.details.threadChoice).toEqual({ threads: 1, source: 'explicit', probes: [] });
  });
});

describe('ipw CLI thread pool', () => {
  it('runs with UV_THREADPOOL_SIZE=1 when the caller did not set it, and a manifest says so', () => {
    const env = { ...process.env };
    delete env.UV_THREADPOOL_SIZE;
    const queriesFile = join(tempDir(), 'q.jsonl');
    writeFileSync(queriesFile, fixture.queries.slice(0, 2).map((q) => JSON.stringify(q)).join('\n') + '\n');
    const out = join(tempDir(), 'run');
    const args = ['profile', '--model', fixture.modelPath, '--queries', queriesFile, '--out', out, '--max-tokens', '8', '--threads', '1', '--gpu', 'false'];
    const run = spawnSync(process.execPath, [IPW_BIN, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env, timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const manifest = readManifest(out);
    expect(manifest.model.details).toMatchObject({ uvThreadpoolSize: '1', threads: 1 });
    expect(manifest.settings).toMatchObject({ threadsUsed: 1 });
    expect(manifest.cpu).toMatchObject({ generatedTokens: expect.any(Number), directLoopS: expect.any(Number) });
    const cpu = manifest.cpu as { mainThreadS: number; otherThreadsS: number; processS: number };
    expect(cpu.mainThreadS + cpu.otherThreadsS).toBeCloseTo(cpu.processS, 6);
  });
});
