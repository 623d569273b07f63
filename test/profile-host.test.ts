// lib/profile's hooks for a host such as the Jupyter kernel: the registry of open model sessions that the host closes
// on exit, and the run host whose signal stops profile() runs and which hears when each stopped run has written its
// files (with the line that says how to resume). The kernel's own use of both is tested in kernel-runs.test.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeModelSessions, openModel, openModelSessions, profile, setRunHost, type PreparedFixture } from '../lib/profile/index.ts';
import { readManifest } from '../lib/store/index.ts';
import { noHardwareEnergy, sampleFixture, tempDir } from './helpers/fixture.ts';

let fixture: PreparedFixture;
beforeAll(async () => {
  fixture = await sampleFixture();
}, 120_000);
afterEach(() => setRunHost(undefined));

const quick = () => ({ maxTokens: 16, energy: 'estimated' as const, energyOptions: noHardwareEnergy(), baselineS: 0.2, warmupS: 0.1, preflight: 'off' as const });

describe('open model sessions', () => {
  it('openModel registers a session, close() removes it, and closeModelSessions closes the rest through their close()', async () => {
    const before = openModelSessions().length;
    const a = await openModel(fixture.modelPath, { threads: 1, gpu: false });
    const b = await openModel(fixture.modelPath, { threads: 1, gpu: false });
    expect(openModelSessions().slice(before)).toEqual([a, b]);
    await a.close();
    expect(openModelSessions()).not.toContain(a);
    // A wrapped close() (as a notebook might add a hook) is the one called.
    const calls: string[] = [];
    const close = b.close;
    b.close = async () => { calls.push('b'); await close(); };
    const closed = await closeModelSessions();
    expect(closed).toEqual([{ model: fixture.modelPath }]);
    expect(calls).toEqual(['b']);
    expect(openModelSessions()).toEqual([]);
    // Closing twice is harmless.
    await b.close();
  }, 120_000);

  it('reports a session whose close() fails, and still drops it', async () => {
    const s = await openModel(fixture.modelPath, { threads: 1, gpu: false });
    const close = s.close;
    s.close = async () => { await close(); throw new Error('hook failed'); };
    expect(await closeModelSessions()).toEqual([{ model: fixture.modelPath, error: 'hook failed' }]);
    expect(openModelSessions()).toEqual([]);
  }, 120_000);
});

describe('the run host (setRunHost)', () => {
  it("stops a run on the host's signal, with no signal option: a partial run on disk, and a note that says how to resume", async () => {
    const controller = new AbortController();
    const ended: Promise<string | undefined>[] = [];
    setRunHost({ signal: () => controller.signal, track: (e) => void ended.push(e) });
    const outDir = join(tempDir(), 'run');
    const queries = fixture.queries.slice(0, 30);
    const run = await profile({
      model: fixture.modelPath, queries, outDir, threads: 1, gpu: false, ...quick(),
      onProgress: (p) => { if (p.done === 2) controller.abort(); },
    });
    expect(run.complete).toBe(false);
    expect(run.results).toHaveLength(2);
    expect(readManifest(outDir)).toMatchObject({ complete: false, counts: { queries: 30, completed: 2 } });
    expect(ended).toHaveLength(1);
    const note = await ended[0]!;
    expect(note).toBe(`profile() stopped after 2 of 30 queries and wrote results.parquet and manifest.json (complete: false) in ${outDir}; continue it with profile({ ...the same options, resume: true }).`);
    // Resumed under a host not stopped (the kernel's next cell), the run completes and the host hears nothing to say.
    setRunHost({ signal: () => new AbortController().signal, track: (e) => void ended.push(e) });
    const resumed = await profile({ model: fixture.modelPath, queries, outDir, threads: 1, gpu: false, ...quick(), resume: true });
    expect(resumed.complete).toBe(true);
    expect(await ended[1]!).toBeUndefined();
  }, 120_000);

  it('stops on either signal when given its own too, and does not start once the host has stopped', async () => {
    const host = new AbortController();
    const own = new AbortController();
    setRunHost({ signal: () => host.signal, track: () => undefined });
    const outDir = join(tempDir(), 'own');
    const run = await profile({
      model: fixture.modelPath, queries: fixture.queries.slice(0, 30), outDir, threads: 1, gpu: false, ...quick(), signal: own.signal,
      onProgress: (p) => { if (p.done === 1) own.abort(); },
    });
    expect(run.results).toHaveLength(1);
    host.abort(new Error('interrupted before the call'));
    const never = join(tempDir(), 'never');
    await expect(profile({ model: fixture.modelPath, queries: fixture.queries.slice(0, 3), outDir: never, ...quick() })).rejects.toThrow('interrupted before the call');
    expect(existsSync(never)).toBe(false);
  }, 120_000);

  it('a session stopped during its idle baseline keeps no baseline and no warm state for the next run', async () => {
    const controller = new AbortController();
    setRunHost({ signal: () => controller.signal, track: () => undefined });
    const session = await openModel(fixture.modelPath, { threads: 1, gpu: false });
    try {
      const run = await profile({
        // Stopped as the baseline starts: it ends at once (not after its 600 s), and is not kept.
        model: session, queries: fixture.queries.slice(0, 3), outDir: join(tempDir(), 'cut'), ...quick(), baselineS: 600,
        onPhase: (phase) => { if (phase === 'baseline') controller.abort(); },
      });
      expect(run.complete).toBe(false);
      expect(session.baseline).toBeNull();
      expect(session.warm).toBe(false);
    } finally {
      await session.close();
    }
  }, 120_000);
});
