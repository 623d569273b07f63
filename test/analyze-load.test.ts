// Load runs in a study: openStudy finds them beside profile runs, `requests` holds every request, `loadLevels` and
// `ipw analyze` lay them out one row per load level. The runs are real load tests against a scripted server.
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStudy } from '../lib/analyze/index.ts';
import { loadLevels, loadTest, type LoadSummary } from '../lib/load/index.ts';
import type { Query } from '../lib/queries/index.ts';
import { writeStudy } from './analyze-fixture.ts';
import { IPW_BIN, noHardwareEnergy, tempDir } from './helpers/fixture.ts';
import { startScriptedServer } from './helpers/load.ts';

const QUERIES: Query[] = Array.from({ length: 3 }, (_, i) => ({ id: `q${i}`, prompt: `Count (${i})`, answer: 't0 t1 t2 t3 t4 t5', domain: 'test', grader: 'exact' }));

let server: ChildProcess;
let root: string;
const summaries: LoadSummary[] = [];

beforeAll(async () => {
  const started = await startScriptedServer({ tokens: 6, tokenMs: 1, slowdownMs: 4 });
  server = started.child;
  const url = started.url;
  root = tempDir();
  // Written in the opposite order to the one the table sorts them in.
  for (const concurrency of [4, 1]) {
    const result = await loadTest({
      model: `openai:${url}#scripted`,
      queries: QUERIES,
      outDir: path.join(root, 'serving', `closed-${concurrency}`),
      arrivals: { mode: 'closed', concurrency },
      requests: 8,
      maxTokens: 16,
      energy: 'estimated',
      energyOptions: noHardwareEnergy(),
      baselineS: 0,
      calibrationRequests: 1,
      sampleMs: 10,
    });
    summaries.push(result.summary);
  }
}, 120_000);

afterAll(() => {
  server?.kill('SIGKILL');
});

describe('load runs in a study', () => {
  it('opens a folder of load runs alone: load_runs, and a requests view with per-token times', async () => {
    const study = await openStudy(root);
    try {
      expect(study.runs).toEqual([]);
      expect(study.loadRuns.map((t) => [t.arrivals.concurrency, t.finished, t.model])).toEqual([[1, true, 'scripted'], [4, true, 'scripted']]);
      const counts = await study.query('SELECT runId, count(*)::INTEGER AS n, sum(len(tokenTimesMs))::INTEGER AS chunks FROM requests GROUP BY runId ORDER BY runId');
      expect(counts.rows.map((r) => [r.n, r.chunks])).toEqual([[8, 48], [8, 48]]);
      const joules = await study.query('SELECT sum(energyJ) AS j FROM requests r JOIN load_runs USING (runId) WHERE runDir LIKE $suffix', { suffix: '%closed-4' });
      expect(Number(joules.rows[0]?.j)).toBeCloseTo(summaries[0]!.energy.attributedJ, 6);
    } finally {
      study.close();
    }
  });

  it('lays out one row per load level, in order of offered load, with each summary\'s figures and energy label', async () => {
    const study = await openStudy(root);
    try {
      const table = loadLevels(study);
      expect(table.rows.map((r) => r.load)).toEqual(['closed x1', 'closed x4']);
      const [solo, crowded] = [summaries[1]!, summaries[0]!];
      for (const [row, summary] of [[table.rows[0]!, solo], [table.rows[1]!, crowded]] as const) {
        expect(row).toMatchObject({
          runId: summary.runId,
          concurrency: summary.arrivals.concurrency,
          ratePerS: null,
          completed: 8,
          failed: 0,
          requestThroughputPerS: summary.metrics.requestThroughputPerS,
          ttftP99Ms: summary.metrics.ttft.percentilesMs.p99,
          tpotP50Ms: summary.metrics.tpot.percentilesMs.p50,
          requestEnergyJ: summary.energy.meanRequestJ,
          energySource: 'estimated',
          energyIsEstimate: true,
          energyDomain: 'estimated:server-cpu',
        });
      }
      // The server slows as requests pile up: the table shows it.
      expect(Number(table.rows[1]!.tpotP50Ms)).toBeGreaterThan(Number(table.rows[0]!.tpotP50Ms));
      expect(table.columns).toHaveLength(table.columnTypes.length);
      // No SLO was given: goodput is unavailable, null rather than 0.
      expect(table.rows[0]!.requestGoodputPerS).toBeNull();
    } finally {
      study.close();
    }
  });

  it('ipw analyze prints profile and load runs together, exports load-levels, and leaves out an unfinished load run', async () => {
    const study = await writeStudy();
    fs.cpSync(path.join(root, 'serving'), path.join(study, 'serving'), { recursive: true });
    fs.cpSync(path.join(root, 'serving', 'closed-1'), path.join(study, 'serving', 'cut-short'), { recursive: true });
    // Another run id, and no summary: as a load run killed before it finished.
    const spec = path.join(study, 'serving', 'cut-short', 'load.json');
    fs.writeFileSync(spec, fs.readFileSync(spec, 'utf8').replace(/"runId": "[^"]+"/, '"runId": "cut-short"'));
    fs.rmSync(path.join(study, 'serving', 'cut-short', 'summary.json'));
    const out = tempDir();
    const result = spawnSync(process.execPath, [IPW_BIN, 'analyze', study, '--out', out, '--resamples', '50'], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/alpha-q4_k_m\s+cpu\s+estimated \[1\]/);
    expect(result.stdout).toMatch(/Serving under load \(2 load runs\):\nenergy: estimated \(.*\), domain estimated:server-cpu: ESTIMATED/);
    expect(result.stdout).toMatch(/closed x1\s+8\s+0[^\n]*\n\s*closed x4\s+8\s+0/);
    expect(result.stderr).toMatch(/cut-short: load run not finished \(no summary\.json\), its requests are left out/);
    const csv = fs.readFileSync(path.join(out, 'load-levels.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[0]).toMatch(/^runId,model,accelerator,load,ratePerS,concurrency,/);
    fs.rmSync(study, { recursive: true, force: true });
  });
});
