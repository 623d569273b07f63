// Sweep specs, cells, shards, estimates and frontiers: the pure parts of lib/sweep and lib/plots' frontier.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { paretoPlot, paretoSplit, type FrontierPoint } from '../lib/plots/index.ts';
import {
  cellFrontier, estimateCell, expandCells, formatRepetitionTable, inShard, normalizeSpec, parseShard, planSweep, readSpecFile, repetitionRows,
  resolveShard, shardFromEnv, spreadOf,
  type SweepCellRow, type SweepSpec,
} from '../lib/sweep/index.ts';
import { IPW_BIN, PROJECT_ROOT, tempDir } from './helpers/fixture.ts';

const EXAMPLES = join(PROJECT_ROOT, 'examples/sweep');

describe('sweep spec -> cells', () => {
  it('expands the product of the axes repetition-major, names folders from coordinates, anchors paths at the spec file', () => {
    const dir = tempDir();
    const file = join(dir, 'grid.yaml');
    writeFileSync(file, ['queries: sample', 'repetitions: 2', 'axes:', '  model: [m/a-q4.gguf, m/a-q8.gguf]', '  threads: [1, 2]', '  gpu: false', 'options: { maxTokens: 8 }', ''].join('\n'));
    const spec = normalizeSpec(readSpecFile(file), file);
    expect(spec.axes.model).toEqual([join(dir, 'm/a-q4.gguf'), join(dir, 'm/a-q8.gguf')]);
    expect(spec.name).toBe('grid');
    const cells = expandCells(spec);
    expect(cells.map((c) => c.name)).toEqual([
      'a-q4__threads=1__gpu=false__rep=1', 'a-q4__threads=2__gpu=false__rep=1', 'a-q8__threads=1__gpu=false__rep=1', 'a-q8__threads=2__gpu=false__rep=1',
      'a-q4__threads=1__gpu=false__rep=2', 'a-q4__threads=2__gpu=false__rep=2', 'a-q8__threads=1__gpu=false__rep=2', 'a-q8__threads=2__gpu=false__rep=2',
    ]);
    expect(cells[5]!.coordinates).toEqual({ model: join(dir, 'm/a-q4.gguf'), threads: 2, gpu: false, rep: 2 });
    // The same spec as JSON gives the same cells.
    const json = join(dir, 'grid.json');
    writeFileSync(json, JSON.stringify(parseYaml(readFileSync(file, 'utf8'))));
    expect(expandCells(normalizeSpec(readSpecFile(json), json)).map((c) => c.name)).toEqual(cells.map((c) => c.name));
  });

  it('rejects bad specs naming the field and the fix', () => {
    const base: SweepSpec = { queries: 'sample', axes: { model: ['x.gguf'] } };
    const bad = (spec: unknown) => () => normalizeSpec(spec as SweepSpec, 'g.yaml');
    expect(bad({ ...base, axes: { models: ['x.gguf'] } })).toThrow(/g\.yaml: axes\.models is not an axis \(the axis is called model\)/);
    expect(bad({ ...base, axes: { model: ['x.gguf'], threads: [1.5] } })).toThrow(/axes\.threads takes whole numbers; got 1\.5/);
    expect(bad({ ...base, axes: { model: ['x.gguf'], gpu: ['yes'] } })).toThrow(/axes\.gpu takes false, auto/);
    expect(bad({ ...base, axes: { model: [] } })).toThrow(/axes\.model is empty/);
    expect(bad({ queries: 'sample', axes: {} })).toThrow(/axes\.model is missing/);
    expect(bad({ ...base, repetitions: 0 })).toThrow(/repetitions must be a whole number, 1 or more/);
    expect(bad({ ...base, options: { apiKey: 'sk-secret' } })).toThrow(/apiKeyEnv/);
    expect(bad({ ...base, options: { treads: 2 } })).toThrow(/options\.treads is not an option/);
    expect(bad({ ...base, axes: { model: ['x.gguf'], threads: [1, 2] }, options: { threads: 1 } })).toThrow(/threads is both an axis and in options/);
    expect(bad({ ...base, extra: 1 })).toThrow(/unknown field extra/);
    // Two files with one name would share a run folder.
    expect(() => expandCells(normalizeSpec({ queries: 'sample', axes: { model: ['a/m.gguf', 'b/m.gguf'] } }))).toThrow(/two cells would share the run folder m__rep=1/);
  });
});

describe('shards', () => {
  it('parses K/N and the schedulers\' variables, and refuses inconsistent ones', () => {
    expect(parseShard('2/4')).toEqual({ index: 1, count: 4, from: 'option' });
    expect(() => parseShard('0/4')).toThrow(/1 <= K <= N/);
    expect(() => parseShard('5/4')).toThrow(/1 <= K <= N/);
    expect(shardFromEnv({})).toBeUndefined();
    // sbatch --array=1-4 numbers tasks from 1; --array=0-15:4 steps by 4.
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_MIN: '1' })).toEqual({ index: 2, count: 4, from: 'slurm' });
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '8', SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_STEP: '4' })).toEqual({ index: 2, count: 4, from: 'slurm' });
    expect(() => shardFromEnv({ SLURM_ARRAY_TASK_ID: '3' })).toThrow(/SLURM_ARRAY_TASK_COUNT/);
    expect(() => shardFromEnv({ SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_MIN: '0' })).toThrow(/contiguous --array/);
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '0', IPW_SHARD_COUNT: '3' })).toEqual({ index: 0, count: 3, from: 'kubernetes' });
    expect(() => shardFromEnv({ JOB_COMPLETION_INDEX: '0' })).toThrow(/IPW_SHARD_COUNT/);
    expect(() => shardFromEnv({ JOB_COMPLETION_INDEX: '3', IPW_SHARD_COUNT: '3' })).toThrow(/not below/);
    // An explicit shard wins over the environment.
    expect(resolveShard('1/2', { JOB_COMPLETION_INDEX: '1', IPW_SHARD_COUNT: '2' })).toMatchObject({ index: 0, from: 'option' });
  });

  it('partitions the cells exactly for every shard count', () => {
    for (let count = 1; count <= 7; count++) {
      const owners = Array.from({ length: 30 }, (_, position) => Array.from({ length: count }, (_, index) => index).filter((index) => inShard(position, { index, count, from: 'option' })));
      expect(owners.every((o) => o.length === 1)).toBe(true);
    }
  });

  it('the shipped sbatch array script, run as Slurm would run each task, partitions the example grid (through the CLI)', async () => {
    const script = readFileSync(join(EXAMPLES, 'sweep.sbatch'), 'utf8');
    const [, first, last] = /#SBATCH --array=(\d+)-(\d+)/.exec(script)!;
    const tasks = Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => Number(first) + i);
    const out = tempDir();
    const runTask = (id: number) =>
      new Promise<string>((resolve, reject) => {
        const env = { ...process.env, SLURM_ARRAY_TASK_ID: String(id), SLURM_ARRAY_TASK_COUNT: String(tasks.length), SLURM_ARRAY_TASK_MIN: first, IPW: `${process.execPath} ${IPW_BIN}` };
        const child = spawn('bash', [join(EXAMPLES, 'sweep.sbatch'), '--dry-run', '--out', out], { cwd: PROJECT_ROOT, env });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`task ${id} exited ${code}: ${stderr}`))));
      });
    const outputs = await Promise.all(tasks.map(runTask));
    const spec = normalizeSpec(readSpecFile(join(EXAMPLES, 'grid.yaml')), join(EXAMPLES, 'grid.yaml'));
    const all = expandCells(spec).map((c) => c.name);
    expect(all).toHaveLength(24);
    const mine = outputs.map((stdout) => stdout.split('\n').filter((line) => line.startsWith('*')).map((line) => line.split(/\s+/)[1]!));
    outputs.forEach((stdout, i) => expect(stdout).toContain(`shard ${i + 1}/${tasks.length} (from slurm)`));
    expect(mine.flat().sort()).toEqual([...all].sort());
    expect(mine.every((cells) => cells.length === all.length / tasks.length)).toBe(true);
  });

  it('the shipped Kubernetes Indexed Job gives each pod a share, and the shares partition the grid', async () => {
    const job = parseYaml(readFileSync(join(EXAMPLES, 'sweep-job.yaml'), 'utf8'));
    expect(job).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job', spec: { completionMode: 'Indexed' } });
    const container = job.spec.template.spec.containers[0];
    const count = Number(container.env.find((e: { name: string }) => e.name === 'IPW_SHARD_COUNT').value);
    expect(count).toBe(job.spec.completions);
    const args: string[] = container.command;
    const specFile = join(PROJECT_ROOT, args[args.indexOf('sweep') + 1]!);
    const shares = [];
    for (let index = 0; index < count; index++) {
      const plan = await planSweep({ spec: specFile, outDir: tempDir(), env: { JOB_COMPLETION_INDEX: String(index), IPW_SHARD_COUNT: String(count) } });
      expect(plan.shard).toEqual({ index, count, from: 'kubernetes' });
      shares.push(plan.cells.filter((c) => c.inShard).map((c) => c.cell.name));
    }
    const all = shares.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(24);
  });
});

describe('dry-run estimates', () => {
  const coords = (model: string, threads: number, rep: number) => ({ model, threads, rep });
  it('uses other repetitions of the same configuration first, then the nearest cells, and says so', () => {
    const measured = [
      { coordinates: coords('a', 1, 1), secondsPerQuery: 2 },
      { coordinates: coords('a', 2, 1), secondsPerQuery: 1 },
      { coordinates: coords('b', 2, 1), secondsPerQuery: 0.5 },
    ];
    expect(estimateCell(coords('a', 1, 2), 10, measured)).toEqual({ estimatedS: 20, basis: 'same configuration (1)' });
    expect(estimateCell(coords('b', 1, 1), 4, measured)).toEqual({ estimatedS: 4 * ((2 + 0.5) / 2), basis: 'cells sharing 1 of 2 coordinates (2)' });
    expect(estimateCell(coords('c', 2, 1), 2, measured)).toEqual({ estimatedS: 2 * 0.75, basis: 'cells sharing 1 of 2 coordinates (2)' });
    expect(estimateCell(coords('c', 3, 1), 3, measured).basis).toBe('all measured cells (3)');
    expect(estimateCell(coords('a', 1, 1), 5, []).estimatedS).toBeNull();
  });
});

describe('Pareto frontier over cells', () => {
  const label = { energySource: 'rapl', energyMethod: 'energy-counter', energyIsEstimate: false, energyDomain: 'rapl:package-0' };
  const row = (cell: string, accuracy: number, meanEnergyJ: number, p99LatencyMs: number, extra: Partial<SweepCellRow> = {}): SweepCellRow =>
    ({ cell, accuracy, meanEnergyJ, p99LatencyMs, ...label, ...extra }) as SweepCellRow;

  it('keeps the cells no other cell beats on accuracy and cost, per energy label', () => {
    const rows = [row('a', 0.5, 10, 100), row('b', 0.7, 20, 50), row('c', 0.6, 30, 300), row('d', 0.9, 40, 400), row('e', 0.4, Number.NaN, 10)];
    expect(cellFrontier(rows, 'energy').map((r) => r.cell)).toEqual(['a', 'b', 'd']);
    expect(cellFrontier(rows, 'latency').map((r) => r.cell)).toEqual(['e', 'b', 'd']);
    // An estimated cell is never compared with measured ones: it is on its own label's frontier.
    const estimated = row('f', 0.95, 1, 1, { energySource: 'estimated', energyMethod: 'model', energyIsEstimate: true, energyDomain: 'estimated:process-cpu' });
    expect(cellFrontier([...rows, estimated], 'energy').map((r) => r.cell)).toEqual(['a', 'b', 'd', 'f']);
    const split = paretoSplit(rows, { cost: (r) => r.meanEnergyJ, value: (r) => r.accuracy });
    expect(split.dominated.map((r) => r.cell)).toEqual(['c']);
    expect(split.unplaced.map((r) => r.cell)).toEqual(['e']);
  });

  it('plots the frontier coloured and labelled, dominated cells grey, with the energy label in the axis and note', () => {
    const points: FrontierPoint[] = [
      { label: 'q4', accuracy: 0.5, meanEnergyJ: 10, p99LatencyMs: 100, ...label, energySource: 'estimated', energyMethod: 'process CPU time x 10 W', energyIsEstimate: true, energyDomain: 'estimated:process-cpu' },
      { label: 'q8', accuracy: 0.7, meanEnergyJ: 20, p99LatencyMs: 300, ...label, energySource: 'estimated', energyMethod: 'process CPU time x 10 W', energyIsEstimate: true, energyDomain: 'estimated:process-cpu' },
      { label: 'f16', accuracy: 0.6, meanEnergyJ: 30, p99LatencyMs: 400, ...label, energySource: 'estimated', energyMethod: 'process CPU time x 10 W', energyIsEstimate: true, energyDomain: 'estimated:process-cpu' },
    ];
    const energy = paretoPlot(points).toJSON();
    const dominated = energy.data.find((t) => t.name === 'dominated')!;
    expect(dominated).toMatchObject({ x: [30], y: [0.6], text: ['f16'], marker: { color: '#b8b8b8' } });
    const frontier = energy.data.find((t) => t.name === 'Pareto frontier')!;
    expect(frontier).toMatchObject({ x: [10, 20], text: ['q4', 'q8'] });
    expect(energy.layout.xaxis?.title?.text).toBe('Energy per query (J, estimated)');
    expect(energy.layout.title?.subtitle?.text).toContain('estimated (process CPU time x 10 W), domain estimated:process-cpu');
    const latency = paretoPlot(points, { against: 'latency' }).toJSON();
    expect(latency.data.find((t) => t.name === 'Pareto frontier')).toMatchObject({ x: [100, 300], text: ['q4', 'q8'] });
    expect(latency.layout.xaxis?.title?.text).toBe('p99 latency per query (ms)');
    expect(paretoPlot(points).toSVG()).toContain('q8');
  });
});

describe('repetitions', () => {
  it('gives mean, sample sd, a 95% t-interval and the cv, by hand', () => {
    const spread = spreadOf([1, 2, 3]);
    expect(spread.mean).toBe(2);
    expect(spread.sd).toBe(1);
    expect(spread.cv).toBe(0.5);
    expect(spread.ci[0]).toBeCloseTo(2 - 4.303 / Math.sqrt(3), 12);
    expect(spread.ci[1]).toBeCloseTo(2 + 4.303 / Math.sqrt(3), 12);
    expect(spreadOf([5]).sd).toBeNaN();
  });

  it('groups cells by configuration across repetitions and flags the noisy ones', () => {
    const label = { energySource: 'rapl', energyMethod: 'energy-counter', energyIsEstimate: false };
    const cell = (threads: number, rep: number, meanEnergyJ: number): SweepCellRow =>
      ({ cell: `m__threads=${threads}__rep=${rep}`, coordinates: { model: '/x/m.gguf', threads, rep }, accuracy: 0.5, meanEnergyJ, ipw: 0.1, throughputTokensPerS: 10, p99LatencyMs: 100, ...label }) as SweepCellRow;
    const rows = repetitionRows([cell(1, 1, 10), cell(2, 1, 5), cell(1, 2, 10.1), cell(2, 2, 8), cell(1, 3, 9.9), cell(2, 3, 5)]);
    expect(rows.map((r) => [r.configuration, r.repetitions, r.noisy])).toEqual([
      ['m__threads=1', 3, []],
      ['m__threads=2', 3, ['meanEnergyJ']],
    ]);
    expect(rows[1]!.spread.meanEnergyJ.mean).toBe(6);
    expect(formatRepetitionTable(rows)).toMatch(/m__threads=2\s+3 .*NOISY: meanEnergyJ/);
    expect(formatRepetitionTable(repetitionRows([cell(1, 1, 10)]))).toBe('');
  });
});
