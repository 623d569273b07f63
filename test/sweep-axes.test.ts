// The gpuLayers and loadLevel axes of a sweep. gpuLayers: the option is checked before anything loads, and on the CPU
// (this machine, and any run with gpu: false) the axis collapses: the sweep says so and every cell records 0 layers
// offloaded. loadLevel: each cell is a real load test (the fixture model served in-process), one load run folder per
// level, which `ipw analyze` lays out as load levels; a finished load cell is skipped on resume, an unfinished one is
// moved aside and run again from the start.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OptionError } from '../lib/errors/index.ts';
import type { PreparedFixture } from '../lib/profile/index.ts';
import { checkRunnerOptions } from '../lib/run/index.ts';
import { readManifest } from '../lib/store/index.ts';
import { expandCells, normalizeSpec, planSweep, sweep, SWEEP_FILE, UNFINISHED_DIR, type CellEvent, type SweepCellRow, type SweepSpec } from '../lib/sweep/index.ts';
import { offloadWarnings } from '../lib/sweep/sweep.ts';
import { IPW_BIN, PROJECT_ROOT, noHardwareEnergy, sampleFixture, tempDir } from './helpers/fixture.ts';

let fixture: PreparedFixture;
beforeAll(async () => {
  fixture = await sampleFixture();
}, 10 * 60_000);

const ipw = (args: string[]) => spawnSync(process.execPath, [IPW_BIN, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 180_000 });

/** A folder with the fixture model as tiny.gguf and its first `n` queries as queries.jsonl. */
function workspace(n: number): string {
  const dir = tempDir();
  copyFileSync(fixture.modelPath, join(dir, 'tiny.gguf'));
  writeFileSync(join(dir, 'queries.jsonl'), fixture.queries.slice(0, n).map((q) => JSON.stringify(q)).join('\n') + '\n');
  return dir;
}

const ESTIMATED = { energy: 'estimated', energyOptions: noHardwareEnergy(), baselineS: 0 };

describe('gpuLayers', () => {
  it('is checked before anything loads, naming gpuLayers in the library and --gpu-layers in the CLI', () => {
    for (const ok of [0, 12, 'max', 'auto'] as const) expect(() => checkRunnerOptions({ gpuLayers: ok })).not.toThrow();
    for (const bad of [-1, 1.5, 1e6, 'all', Number.NaN]) {
      let error: unknown;
      try {
        checkRunnerOptions({ gpuLayers: bad as never });
      } catch (e) {
        error = e;
      }
      expect(error, String(bad)).toBeInstanceOf(OptionError);
      expect((error as OptionError).option).toBe('gpuLayers');
      expect((error as Error).message).toMatch(/^gpuLayers must be a whole number from 0 to 10000, 'max' or 'auto'; got /);
    }
    const dir = workspace(1);
    const tooMany = ipw(['profile', '--model', join(dir, 'tiny.gguf'), '--queries', join(dir, 'queries.jsonl'), '--out', join(dir, 'run'), '--gpu-layers', '20000']);
    expect(tooMany.status).not.toBe(0);
    expect(tooMany.stderr).toMatch(/--gpu-layers must be a whole number from 0 to 10000, 'max' or 'auto'; got 20000/);
    const word = ipw(['profile', '--model', join(dir, 'tiny.gguf'), '--queries', join(dir, 'queries.jsonl'), '--out', join(dir, 'run'), '--gpu-layers', 'all']);
    expect(word.status).not.toBe(0);
    expect(word.stderr).toMatch(/--gpu-layers expects a whole number, max or auto, got "all"/);
    // Nothing was started.
    expect(existsSync(join(dir, 'run'))).toBe(false);
  });

  it('is an axis: a coordinate and a folder name part; bad values are refused naming the axis', () => {
    const spec = normalizeSpec({ queries: 'sample', axes: { model: ['/m/tiny.gguf'], gpuLayers: [0, 'max', 'auto', 33] } });
    expect(expandCells(spec).map((c) => c.name)).toEqual(['tiny__gpuLayers=0__rep=1', 'tiny__gpuLayers=max__rep=1', 'tiny__gpuLayers=auto__rep=1', 'tiny__gpuLayers=33__rep=1']);
    expect(expandCells(spec)[1]!.coordinates).toEqual({ model: '/m/tiny.gguf', gpuLayers: 'max', rep: 1 });
    expect(() => normalizeSpec({ queries: 'sample', axes: { model: ['x.gguf'], gpuLayers: [-2] } } as SweepSpec, 'g.yaml')).toThrow(/g\.yaml: axes\.gpuLayers takes whole numbers from 0, max or auto; got -2/);
    expect(() => normalizeSpec({ queries: 'sample', axes: { model: ['x.gguf'], gpuLayers: ['all'] } } as unknown as SweepSpec)).toThrow(/axes\.gpuLayers takes/);
  });

  it('collapses on the CPU: the sweep warns naming the axis, and each cell records the layers asked for and 0 offloaded (CLI)', () => {
    const dir = workspace(1);
    const spec = {
      queries: 'queries.jsonl',
      axes: { model: ['tiny.gguf'], gpuLayers: [0, 'max'] },
      options: { gpu: false, threads: 1, maxTokens: 4, warmupQueries: 0, preflight: 'off', ...ESTIMATED },
      out: 'sweep',
    };
    writeFileSync(join(dir, 'grid.json'), JSON.stringify(spec));
    const dry = ipw(['sweep', join(dir, 'grid.json'), '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stderr).toMatch(/warning: axes\.gpuLayers has no effect: every cell runs with gpu: false \(on the CPU\).*0, "max" label identical configurations/);
    const run = ipw(['sweep', join(dir, 'grid.json')]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr.match(/axes\.gpuLayers has no effect/g)).toHaveLength(1);
    for (const [cell, asked] of [['tiny__gpuLayers=0__rep=1', 0], ['tiny__gpuLayers=max__rep=1', 'max']] as const) {
      const manifest = readManifest(join(dir, 'sweep', cell));
      expect(manifest.model.accelerator).toBe('cpu');
      expect(manifest.model.details).toMatchObject({ gpuLayersRequested: asked, gpuLayers: 0 });
    }
    // The cell that asked for every layer says, in its own manifest, that it got none.
    expect(readManifest(join(dir, 'sweep', 'tiny__gpuLayers=max__rep=1')).warnings).toContainEqual(expect.stringMatching(/gpuLayers: "max" was asked for, but the model ran on the CPU with 0 layers offloaded/));
    expect(readManifest(join(dir, 'sweep', 'tiny__gpuLayers=0__rep=1')).warnings?.join('\n') ?? '').not.toMatch(/gpuLayers/);
  }, 240_000);

  it('warns from the results when cells differing only in gpuLayers offloaded the same (e.g. gpu: auto with no GPU)', () => {
    const row = (gpuLayers: string | number, rep: number, gpuLayersOffloaded: number | null) =>
      ({ cell: `m__gpuLayers=${gpuLayers}__rep=${rep}`, coordinates: { model: '/m/m.gguf', gpuLayers, rep }, gpuLayersOffloaded }) as SweepCellRow;
    expect(offloadWarnings([row(0, 1, 0), row('max', 1, 0)])).toEqual([
      'axes.gpuLayers had no effect on m__rep=1: cells asking 0, "max" all offloaded 0 layers; they measure one configuration',
    ]);
    // Offloads that differ are what the axis is for; unknown offloads (a served model) are not claimed equal.
    expect(offloadWarnings([row(0, 1, 0), row('max', 1, 33)])).toEqual([]);
    expect(offloadWarnings([row(0, 1, null), row('max', 1, null)])).toEqual([]);
  });
});

describe('loadLevel', () => {
  it('names cells from the level, and refuses bad levels and options of the other kind of run', () => {
    const spec = normalizeSpec({ queries: 'sample', axes: { model: ['/m/tiny.gguf'], loadLevel: [{ concurrency: 4 }, { ratePerS: 0.5 }] }, options: { requests: 8, serve: 'in-process' } });
    expect(expandCells(spec).map((c) => c.name)).toEqual(['tiny__loadLevel=concurrency-4__rep=1', 'tiny__loadLevel=rate-0.5__rep=1']);
    const bad = (spec: unknown) => () => normalizeSpec(spec as SweepSpec, 'g.yaml');
    const axes = { model: ['x.gguf'], loadLevel: [{ concurrency: 1 }] };
    expect(bad({ queries: 'sample', axes: { ...axes, loadLevel: [{ concurrency: 0 }] } })).toThrow(/axes\.loadLevel concurrency must be a whole number, 1 or more; got 0/);
    expect(bad({ queries: 'sample', axes: { ...axes, loadLevel: [{ ratePerS: -1 }] } })).toThrow(/axes\.loadLevel ratePerS must be a number above 0; got -1/);
    expect(bad({ queries: 'sample', axes: { ...axes, loadLevel: [{ concurrency: 1, ratePerS: 2 }] } })).toThrow(/axes\.loadLevel takes objects with one field/);
    expect(bad({ queries: 'sample', axes: { ...axes, loadLevel: [4] } })).toThrow(/axes\.loadLevel takes objects with one field; give \{ concurrency: N \}/);
    expect(bad({ queries: 'sample', axes, options: { warmupQueries: 1 } })).toThrow(/options\.warmupQueries is a profile run's option; the cells of a sweep with axes\.loadLevel are load tests/);
    expect(bad({ queries: 'sample', axes: { model: ['x.gguf'] }, options: { requests: 4 } })).toThrow(/options\.requests is a load test's option; add axes\.loadLevel/);
  });

  it('runs one load test per level into its own run folder, skips finished ones on resume, reruns an unfinished one from scratch, and analyze reads the levels', async () => {
    const dir = workspace(2);
    const spec = {
      name: 'serving',
      queries: 'queries.jsonl',
      axes: { model: ['tiny.gguf'], loadLevel: [{ concurrency: 1 }, { concurrency: 2 }] },
      options: { serve: 'in-process', parallel: 2, requests: 2, calibrationRequests: 1, threads: 1, maxTokens: 8, sampleMs: 10, ...ESTIMATED },
      out: 'sweep',
    };
    const specFile = join(dir, 'serving.json');
    writeFileSync(specFile, JSON.stringify(spec));
    const sweepDir = join(dir, 'sweep');
    const cells = ['tiny__loadLevel=concurrency-1__rep=1', 'tiny__loadLevel=concurrency-2__rep=1'];

    // Through the CLI: two load run folders, listed in sweep.json, and a row each in the table.
    const first = ipw(['sweep', specFile]);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(sweepDir, SWEEP_FILE), 'utf8')).cells.map((c: { name: string; coordinates: unknown }) => [c.name, c.coordinates])).toEqual([
      [cells[0], { model: join(dir, 'tiny.gguf'), loadLevel: { concurrency: 1 }, rep: 1 }],
      [cells[1], { model: join(dir, 'tiny.gguf'), loadLevel: { concurrency: 2 }, rep: 1 }],
    ]);
    const settingsOf = (cell: string) => JSON.parse(readFileSync(join(sweepDir, cell, 'load.json'), 'utf8')).settings;
    expect(settingsOf(cells[0]!)).toMatchObject({ serve: 'in-process', parallel: 2, requests: 2, arrivals: { mode: 'closed', concurrency: 1 } });
    expect(settingsOf(cells[1]!)).toMatchObject({ arrivals: { mode: 'closed', concurrency: 2 } });
    const summaryOf = (cell: string) => JSON.parse(readFileSync(join(sweepDir, cell, 'summary.json'), 'utf8'));
    for (const cell of cells) {
      expect(summaryOf(cell)).toMatchObject({ complete: true, metrics: { requests: 2, completed: 2 } });
      expect(first.stdout).toMatch(new RegExp(`${cell.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+complete\\s+2\\s`));
    }
    expect(first.stdout).toContain('ESTIMATED in every row');
    expect(first.stdout).toMatch(/load cells \(loadLevel\): J\/query per graded request, attributed from the load window; p99 ms: E2EL/);
    const firstRunIds = cells.map((cell) => summaryOf(cell).runId);

    // ipw analyze on the sweep folder: the load-level table, one row per cell.
    const analyzed = ipw(['analyze', sweepDir]);
    expect(analyzed.status, analyzed.stderr).toBe(0);
    expect(analyzed.stdout).toMatch(/Serving under load \(2 load runs\)/);
    expect(analyzed.stdout).toMatch(/closed x1\s+2\s+0[^\n]*\n\s*closed x2\s+2\s+0/);

    // A second run skips both finished cells.
    const events: CellEvent['state'][] = [];
    const again = await sweep({ spec: specFile, onCell: (e) => events.push(e.state) });
    expect(events).toEqual(['skipped', 'skipped']);
    expect(again.complete).toBe(true);
    expect(again.table.map((r) => [r.cell, r.queries, r.gpuLayersOffloaded])).toEqual([[cells[0], 2, 0], [cells[1], 2, 0]]);

    // A cell killed before it finished (no summary.json) is partial; the plan says it runs again from the start.
    rmSync(join(sweepDir, cells[1]!, 'summary.json'));
    const plan = await planSweep({ spec: specFile });
    expect(plan.cells.map((c) => [c.status, c.completed, c.total])).toEqual([['complete', 2, 2], ['partial', 0, 2]]);
    expect(plan.cells[1]!.estimatedS).toBeGreaterThan(0);
    expect(plan.cells[1]!.estimateBasis).toMatch(/cells sharing 1 of 2 coordinates \(1\); unfinished load test, runs again from the start/);

    const moved: string[] = [];
    const resumed = await sweep({ spec: specFile, onCell: (e) => (e.state === 'restart' ? moved.push(e.movedTo!) : undefined) });
    expect(resumed.complete).toBe(true);
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatch(new RegExp(`/sweep/${UNFINISHED_DIR}/${cells[1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`));
    // The unfinished attempt is kept, aside; the cell ran afresh (a new run id); the finished cell was not touched.
    expect(JSON.parse(readFileSync(join(moved[0]!, 'load.json'), 'utf8')).runId).toBe(firstRunIds[1]);
    expect(summaryOf(cells[1]!)).toMatchObject({ complete: true, metrics: { requests: 2, completed: 2 } });
    expect(summaryOf(cells[1]!).runId).not.toBe(firstRunIds[1]);
    expect(summaryOf(cells[0]!).runId).toBe(firstRunIds[0]);
    expect(readdirSync(sweepDir).filter((name) => !name.startsWith('.')).sort()).toEqual([...cells, SWEEP_FILE].sort());

    // analyze still sees exactly two load levels: the attempt set aside is not read.
    const reanalyzed = ipw(['analyze', sweepDir]);
    expect(reanalyzed.status, reanalyzed.stderr).toBe(0);
    expect(reanalyzed.stdout).toMatch(/Serving under load \(2 load runs\)/);
    expect(reanalyzed.stderr).not.toMatch(/not finished/);
  }, 480_000);
});
