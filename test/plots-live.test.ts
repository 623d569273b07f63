// The live run panel through a run's phases: it names each start-up phase instead of "0/N, ? W", and its time
// estimate comes from the query phase alone. liveRun is driven by a scripted clock and phase/progress sequence
// (the calls profile() makes), then by a real profile() of the fixture model.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIVE_PHASE_LABELS, liveRun, liveRunView, liveStats, type LiveProgress, type LiveRunView } from '../lib/plots/index.ts';
import { profile, type PreparedFixture } from '../lib/profile/index.ts';
import { noHardwareEnergy, sampleFixture, tempDir } from './helpers/fixture.ts';

/** A display stand-in that keeps every panel sent, with its id and whether it replaced the one before. */
function recorder() {
  const shown: { view: LiveRunView; displayId: string; update: boolean }[] = [];
  return { shown, show: (view: LiveRunView, o: { displayId: string; update: boolean }) => void shown.push({ view, ...o }) };
}

const plain = (v: LiveRunView) => String(v);
const progress = (done: number, total: number, elapsedMs: number, extra: Partial<LiveProgress> = {}): LiveProgress => ({
  done, total, doneNow: done, elapsedMs, correct: done, energyJ: done * 2, last: { meanPowerW: 20, model: 'tiny' }, ...extra,
});

describe('liveRunView phases', () => {
  it('names each start-up phase in place of the counts, with no watts and no time estimate', () => {
    for (const phase of ['starting', 'loading', 'baseline', 'warm-up'] as const) {
      const view = liveRunView({ done: 0, total: 20, elapsedMs: 0, correct: 0, energyJ: 0, phase, startupMs: 3_000 });
      const html = view.toHTML();
      expect(html).toContain(`data-phase="${phase}"`);
      expect(html).toContain(LIVE_PHASE_LABELS[phase]);
      expect(html).toContain('start-up so far');
      expect(html).not.toContain('? W');
      expect(html).not.toContain('remaining');
      expect(plain(view)).toBe(`${LIVE_PHASE_LABELS[phase]} | 0/20 queries | start-up 3s`);
      expect(Number.isNaN(liveStats(view.progress).remainingMs)).toBe(true);
    }
    expect(LIVE_PHASE_LABELS.loading).toBe('loading the model…');
    expect(LIVE_PHASE_LABELS.baseline).toMatch(/idle power/);
    expect(LIVE_PHASE_LABELS['warm-up']).toMatch(/warming up/);
  });

  it('estimates the time left from the query phase only: a long start-up does not change it', () => {
    const quick = liveStats(progress(5, 20, 10_000, { phase: 'queries', startupMs: 0 }));
    const slowStart = liveStats(progress(5, 20, 10_000, { phase: 'queries', startupMs: 600_000 }));
    // 10 s for 5 queries: 2 s each, 15 left.
    expect(quick.remainingMs).toBe(30_000);
    expect(slowStart.remainingMs).toBe(30_000);
    const view = liveRunView(progress(5, 20, 10_000, { phase: 'queries', startupMs: 600_000 }));
    expect(view.toHTML()).toContain('~30s');
    expect(view.toHTML()).toContain('10m 00s'); // the start-up, shown apart
    expect(plain(view)).toMatch(/^5\/20 queries \| .* \| elapsed 10s \| ~30s left \| start-up 10m 00s$/);
  });
});

describe('liveRun: one panel wired to profile()\'s onPhase and onProgress', () => {
  it('shows the panel at once, then replaces it under the same id through each phase and query', () => {
    let now = 1_000;
    const { shown, show } = recorder();
    const live = liveRun(show, { total: 4, nowMs: () => now });
    expect(shown).toHaveLength(1);
    expect(shown[0]!.update).toBe(false);
    expect(plain(shown[0]!.view)).toBe('starting… | 0/4 queries');

    now += 4_000;
    live.onPhase('loading');
    now += 8_000;
    live.onPhase('baseline');
    now += 12_000;
    live.onPhase('warm-up');
    expect(shown.map((s) => s.view.progress.phase)).toEqual(['starting', 'loading', 'baseline', 'warm-up']);
    expect(plain(shown[2]!.view)).toBe(`${LIVE_PHASE_LABELS.baseline} | 0/4 queries | start-up 12s`);

    now += 2_000;
    live.onPhase('queries'); // 26 s of start-up
    now += 60_000;
    // profile()'s elapsedMs counts the query phase only: 2 queries in 4 s.
    live.onProgress(progress(2, 4, 4_000));
    const last = shown.at(-1)!.view;
    expect(last.progress.phase).toBe('queries');
    expect(last.progress.startupMs).toBe(26_000);
    expect(liveStats(last.progress).remainingMs).toBe(4_000);
    expect(plain(last)).toMatch(/^2\/4 queries \| 20 W now \| .* \| ~4s left \| start-up 26s$/);

    expect(new Set(shown.map((s) => s.displayId)).size).toBe(1);
    expect(shown.slice(1).every((s) => s.update)).toBe(true);
  });

  it('keeps the last watts for the sparkline, and says nothing of start-up when the run had none (a warm session)', () => {
    const { shown, show } = recorder();
    const live = liveRun(show, { total: 3, historyLength: 2 });
    live.onPhase('queries');
    for (let k = 1; k <= 3; k++) live.onProgress(progress(k, 3, k * 100, { last: { meanPowerW: 10 * k } }));
    const last = shown.at(-1)!.view;
    expect(last.options.powerHistoryW).toEqual([20, 30]);
    expect(last.progress.startupMs).toBeUndefined();
    expect(plain(last)).not.toContain('start-up');
  });
});

describe('liveRun on a real profile() run', () => {
  let fixture: PreparedFixture;
  beforeAll(async () => {
    fixture = await sampleFixture();
  });

  it('goes starting -> loading -> baseline -> warm-up -> queries, and ends on every query done', async () => {
    const { shown, show } = recorder();
    const queries = fixture.queries.slice(0, 4);
    const run = await profile({
      model: fixture.modelPath, queries, outDir: join(tempDir(), 'run'), threads: 1, gpu: false, maxTokens: 16,
      energy: 'estimated', energyOptions: noHardwareEnergy(), baselineS: 0.2, warmupS: 0.1, preflight: 'off',
      ...liveRun(show, { total: queries.length }),
    });
    expect(run.complete).toBe(true);
    const phases = shown.map((s) => s.view.progress.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(['starting', 'loading', 'baseline', 'warm-up', 'queries']);
    const last = shown.at(-1)!.view;
    expect(plain(last)).toMatch(/^4\/4 queries/);
    expect(last.progress.startupMs).toBeGreaterThan(0);
    // One query-phase update per query, after the phase change.
    expect(shown.filter((s) => s.view.progress.done > 0)).toHaveLength(4);
  }, 120_000);
});
