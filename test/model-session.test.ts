// A model kept open across profile() runs, as a notebook does cell by cell: the second run reuses the model, its
// idle baseline and its warm state (read from the manifest, not from timings).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openModel, profile, type PreparedFixture } from '../lib/profile/index.ts';
import { readManifest } from '../lib/store/index.ts';
import { baselineIsFresh } from '../lib/profile/model-session.ts';
import { noHardwareEnergy, sampleFixture, tempDir } from './helpers/fixture.ts';

let fixture: PreparedFixture;
beforeAll(async () => {
  fixture = await sampleFixture();
});

describe('openModel: a model session for notebooks', () => {
  it('a second run on an open session reuses the baseline and the warm state, with the same answers', async () => {
    const session = await openModel(fixture.modelPath, { threads: 1, gpu: false });
    try {
      const common = { model: session, maxTokens: 16, energy: 'estimated' as const, energyOptions: noHardwareEnergy(), baselineS: 0.5, warmupS: 0.3, preflight: 'off' as const };
      const phases: string[][] = [[], []];
      const first = await profile({ ...common, queries: fixture.queries.slice(0, 4), outDir: join(tempDir(), 'first'), onPhase: (p) => phases[0]!.push(p) });
      const second = await profile({ ...common, queries: fixture.queries.slice(4, 8), outDir: join(tempDir(), 'second'), onPhase: (p) => phases[1]!.push(p) });
      // The session was loaded by openModel, so neither run loads; only the first measures idle power and warms up.
      expect(phases).toEqual([['baseline', 'warm-up', 'queries'], ['queries']]);
      const m1 = readManifest(first.runDir);
      const m2 = readManifest(second.runDir);
      expect(m1.settings.modelSession).toEqual({ baselineTakenAt: null, warm: false });
      expect(first.energy.warmup.generations).toBeGreaterThan(0);
      // No reload (the same runner served both), no new baseline, no warm-up.
      expect(second.energy.baseline).toEqual(first.energy.baseline);
      expect(m2.settings.modelSession).toEqual({ baselineTakenAt: first.energy.baseline!.takenAt, warm: true });
      expect(second.energy.warmup.generations).toBe(0);
      expect(m2.model.sha256).toBe(m1.model.sha256);
      for (const row of second.results) expect(row.response.trim()).toBe(fixture.plan!.expected[row.queryId]!.output);
      // The session outlives the runs: it is closed by its owner.
      expect(session.warm).toBe(true);
    } finally {
      await session.close();
    }
  });

  it('a baseline older than the limit is measured again', () => {
    const takenAt = new Date(Date.now() - 11 * 60_000).toISOString();
    const baseline = { seconds: 2, idlePowerW: 1, energyJ: 2, idlePowerByDomainW: {}, takenAt };
    expect(baselineIsFresh(baseline, 600)).toBe(false);
    expect(baselineIsFresh({ ...baseline, takenAt: new Date().toISOString() }, 600)).toBe(true);
    expect(baselineIsFresh(null, 600)).toBe(false);
  });
});
