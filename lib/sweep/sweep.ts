// sweep(): a grid of profile() runs, one run folder per cell under one sweep folder, resumable cell by cell and
// within cells, and shardable across the machines of a scheduler's array job.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { profile, type ProfileProgress, type ProfileResult } from '../profile/index.ts';
import { readModelArchitecture, resolveRates, type ModelArchitecture } from '../efficiency/index.ts';
import { DEFAULT_SERVE, checkArrivals, loadTest, type LoadProgress, type LoadSummary, type LoadTestResult } from '../load/index.ts';
import { choosePeaks } from '../peak/index.ts';
import { loadQuerySet } from '../queries/index.ts';
import { assertGgufFile, checkRunnerOptions, parseModelSpec } from '../run/index.ts';
import { LOAD_SPEC_FILE, LOAD_SUMMARY_FILE, MANIFEST_FILE, RUN_FILE, listRuns, readLoadRun, readManifest, readResults, type QueryResult } from '../store/index.ts';
import { estimateCell, type MeasuredCell } from './estimate.ts';
import { describeShard, inShard, resolveShard, type Shard } from './shard.ts';
import { cellLoadOptions, cellName, cellProfileOptions, expandCells, normalizeSpec, readSpecFile, type Cell, type NormalizedSpec, type SweepSpec } from './spec.ts';
import { cellEfficiency, cellRows, loadCellRow, type EfficiencyOptions, type SweepCellRow } from './table.ts';

export const SWEEP_FILE = 'sweep.json';
/** Where an unfinished load cell is moved before it runs again (hidden: analyze does not read it). */
export const UNFINISHED_DIR = '.unfinished';

export interface SweepOptions {
  /** The spec, or the path of a `.json`, `.yaml` or `.yml` file holding it. */
  spec: SweepSpec | string;
  /** The sweep folder: sweep.json and one run folder per cell. Default: the spec's `out`, else `sweeps/<name>`. */
  outDir?: string;
  /**
   * Run only this shard's cells: `K/N` (shard K of N, from 1) or `{ index, count }` (index from 0). Default: the
   * scheduler's array task (SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, or Kubernetes' JOB_COMPLETION_INDEX with
   * IPW_SHARD_COUNT) when set, else every cell.
   */
  shard?: Shard | string;
  /** Where scheduler variables are read; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Plan only: list the cells, their state and estimated durations; run nothing and write nothing. Default false. */
  dryRun?: boolean;
  /** Stops after the query in flight (see profile's `signal`); the cell and the sweep resume where they stopped. */
  signal?: AbortSignal;
  /** A cell starts, ends, fails, or is skipped as already complete. */
  onCell?: (event: CellEvent) => void;
  /** Each query of the cell in progress. */
  onProgress?: (cell: Cell, progress: ProfileProgress) => void;
  /** Each request of the load cell in progress (sweeps with a loadLevel axis). */
  onLoadProgress?: (cell: Cell, progress: LoadProgress) => void;
  /** A warning about the grid (an axis that has no effect), as soon as it is known; also in the result's `warnings`. */
  onWarning?: (message: string) => void;
  /**
   * Peaks (MFU/MBU) and rates (cost, carbon) for the derived figures of the cell table and of each cell's manifest;
   * none by default. Peaks not given come from this host's `ipw peak` cache for CPU cells (see `peakCacheFile`).
   */
  efficiency?: EfficiencyOptions;
  /** The `ipw peak` record for missing peaks; false: never. Default: this host's cache (lib/peak's peakCacheFile()). */
  peakCacheFile?: string | false;
}

export interface CellEvent {
  cell: Cell;
  /** 1-based position among this shard's cells, and their number. */
  position: number;
  of: number;
  /** `restart`: an unfinished load cell was moved to `movedTo` and runs again from the start (load tests do not resume). */
  state: 'start' | 'resume' | 'restart' | 'done' | 'interrupted' | 'failed' | 'skipped';
  /** For `failed`: why. */
  error?: string;
  result?: ProfileResult;
  /** A load cell's result. */
  load?: LoadTestResult;
  /** For `restart`: where the unfinished attempt now is. */
  movedTo?: string;
}

export interface CellPlan {
  cell: Cell;
  runDir: string;
  inShard: boolean;
  status: 'complete' | 'partial' | 'pending' | 'unreadable';
  completed: number;
  /** Queries in the cell (the query set's size); for a load cell, the requests it sends. */
  total: number;
  /** Seconds of generation left, from the measured cells most like this one; null when none is measured. */
  estimatedS: number | null;
  estimateBasis: string;
}

export interface SweepPlan {
  name: string;
  outDir: string;
  shard: Shard;
  /** "shard 2/4 (from slurm)" or "all cells". */
  shardText: string;
  cells: CellPlan[];
  /** Estimated seconds left for this shard's cells; null when any of them has no estimate. */
  estimatedS: number | null;
  /** What the grid cannot show as written (an axis with no effect), known before anything runs. */
  warnings: string[];
}

export interface SweepResult {
  plan: SweepPlan;
  /** True when every cell of this shard is complete. */
  complete: boolean;
  /** Cells of this shard that failed, with the reason; the other cells still ran. */
  failed: Array<{ cell: string; error: string }>;
  /** One row per cell with results, across the whole sweep (every shard's cells found in the folder). */
  table: SweepCellRow[];
  /** The plan's warnings, and those found in the results (cells that differ in gpuLayers but offloaded the same). */
  warnings: string[];
}

/** What sweep.json records: the normalized spec and every cell, so any shard, a later resume and `analyze` agree. */
interface SweepFile {
  sweepVersion: 1;
  name: string;
  createdAt: string;
  identity: SweepIdentity;
  cells: Array<{ index: number; name: string; coordinates: Cell['coordinates'] }>;
}

/** The parts of a spec that change results: a sweep folder holds one identity. */
interface SweepIdentity {
  queries: string | { inMemorySha256: string; count: number };
  load: unknown;
  axes: unknown;
  repetitions: number;
  options: unknown;
}

function identityOf(spec: NormalizedSpec): SweepIdentity {
  const queries = typeof spec.queries === 'string'
    ? spec.queries
    : { inMemorySha256: createHash('sha256').update(JSON.stringify(spec.queries)).digest('hex'), count: spec.queries.length };
  return JSON.parse(JSON.stringify({ queries, load: spec.load, axes: spec.axes, repetitions: spec.repetitions, options: spec.options })) as SweepIdentity;
}

function loadSpec(option: SweepSpec | string): NormalizedSpec {
  return typeof option === 'string' ? normalizeSpec(readSpecFile(option), option) : normalizeSpec(option);
}

/**
 * Writes sweep.json when the folder has none (atomically and exclusively, so shards starting together agree), or
 * checks that the one there describes the same sweep.
 */
function claimSweepFolder(outDir: string, spec: NormalizedSpec, cells: readonly Cell[]): void {
  const file = path.join(outDir, SWEEP_FILE);
  const identity = identityOf(spec);
  fs.mkdirSync(outDir, { recursive: true });
  if (!fs.existsSync(file)) {
    const content: SweepFile = { sweepVersion: 1, name: spec.name, createdAt: new Date().toISOString(), identity, cells: cells.map(({ index, name, coordinates }) => ({ index, name, coordinates })) };
    const temp = path.join(outDir, `.${SWEEP_FILE}.${process.pid}.tmp`);
    fs.writeFileSync(temp, JSON.stringify(content, null, 2) + '\n');
    try {
      fs.linkSync(temp, file);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }
  const recorded = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SweepFile>;
  const before = recorded.identity as unknown as Record<string, unknown> | undefined;
  const differing = (Object.keys(identity) as Array<keyof SweepIdentity>).filter((key) => JSON.stringify(before?.[key]) !== JSON.stringify(identity[key]));
  if (differing.length > 0) {
    throw new Error(
      `${file} records another sweep: ${differing.map((key) => `${key} was ${JSON.stringify(before?.[key])}, now ${JSON.stringify(identity[key])}`).join('; ')}. ` +
        'Continue it with the spec it was started with, or choose a new outDir for the new sweep.',
    );
  }
}

/** True for the cells of a sweep with a loadLevel axis: load tests, not profile runs. */
function isLoadCell(cell: Cell): boolean {
  return cell.coordinates.loadLevel !== undefined;
}

/** A finished load run's summary; null when the folder holds none (not started, or stopped before it finished). */
function loadSummaryOf(runDir: string): LoadSummary | null {
  if (!fs.existsSync(path.join(runDir, LOAD_SUMMARY_FILE))) return null;
  const run = readLoadRun(runDir);
  return run.finished ? (run.summary as LoadSummary) : null;
}

/**
 * A load cell's state: complete once its summary says the test ran to the end; partial when it started (load.json)
 * but did not finish, or was stopped early: nothing of it carries over, it runs again from the start.
 */
function loadCellState(runDir: string): { status: CellPlan['status']; completed: number } {
  const summary = loadSummaryOf(runDir);
  if (summary?.complete) return { status: 'complete', completed: summary.metrics.requests };
  return { status: summary !== null || fs.existsSync(path.join(runDir, LOAD_SPEC_FILE)) ? 'partial' : 'pending', completed: 0 };
}

/** The state of a cell's run folder: what listRuns (or, for a load cell, its summary) reports; pending when it holds no run yet. */
function cellState(runDir: string, load = false): { status: CellPlan['status']; completed: number } {
  if (load) return loadCellState(runDir);
  if (!fs.existsSync(path.join(runDir, RUN_FILE))) return { status: 'pending', completed: 0 };
  const listing = listRuns(runDir, { maxDepth: 0 })[0];
  if (!listing) return { status: 'pending', completed: 0 };
  return { status: listing.status, completed: listing.completed };
}

/** A cell's rows so far; none for a folder without results yet. */
async function cellResults(runDir: string): Promise<QueryResult[]> {
  return readResults(runDir).catch(() => []);
}

function resolveOutDir(options: SweepOptions, spec: NormalizedSpec): string {
  return options.outDir ?? spec.out ?? path.join('sweeps', spec.name);
}

/** Lists the cells with their state and estimated durations. Reads the sweep folder; writes nothing. */
export async function planSweep(options: SweepOptions): Promise<SweepPlan> {
  const spec = loadSpec(options.spec);
  return planOf(spec, expandCells(spec), resolveOutDir(options, spec), resolveShard(options.shard, options.env ?? process.env));
}

async function planOf(spec: NormalizedSpec, cells: readonly Cell[], outDir: string, shard: Shard): Promise<SweepPlan> {
  const queryCount = typeof spec.queries === 'string' ? (await loadQuerySet(spec.queries, spec.load)).queries.length : spec.queries.length;
  // A load cell sends `requests` (default: one per query); a profile cell runs every query.
  const totalOf = (cell: Cell) => (isLoadCell(cell) ? (spec.options.requests ?? queryCount) : queryCount);
  const states = cells.map((cell) => ({ cell, runDir: path.join(outDir, cell.name), ...cellState(path.join(outDir, cell.name), isLoadCell(cell)) }));
  const measured: MeasuredCell[] = [];
  for (const state of states) {
    if (state.completed === 0) continue;
    if (isLoadCell(state.cell)) {
      // Seconds of load window per request: what another cell at a like level will take.
      const summary = loadSummaryOf(state.runDir)!;
      measured.push({ coordinates: state.cell.coordinates, secondsPerQuery: summary.metrics.durationS / summary.metrics.requests });
      continue;
    }
    const rows = await cellResults(state.runDir);
    if (rows.length > 0) measured.push({ coordinates: state.cell.coordinates, secondsPerQuery: rows.reduce((s, r) => s + r.durationMs, 0) / rows.length / 1000 });
  }
  const plans: CellPlan[] = states.map((state) => {
    const total = totalOf(state.cell);
    const estimate = estimateCell(state.cell.coordinates, state.status === 'complete' ? 0 : Math.max(0, total - state.completed), measured);
    const basis = state.status === 'partial' && isLoadCell(state.cell) ? `${estimate.basis}; unfinished load test, runs again from the start` : estimate.basis;
    return { ...state, inShard: inShard(state.cell.index, shard), total, estimatedS: estimate.estimatedS, estimateBasis: basis };
  });
  const mine = plans.filter((p) => p.inShard);
  const estimatedS = mine.some((p) => p.estimatedS === null) ? null : mine.reduce((s, p) => s + (p.estimatedS ?? 0), 0);
  return { name: spec.name, outDir, shard, shardText: describeShard(shard), cells: plans, estimatedS, warnings: gridWarnings(spec, cells) };
}

/** The gpu option a cell runs with: its coordinate, else the spec's options, else undefined (the runner's default). */
function cellGpu(spec: NormalizedSpec, cell: Cell): unknown {
  return cell.coordinates.gpu ?? spec.options.gpu;
}

/**
 * Warnings known from the spec alone: a gpuLayers axis whose cells all run with gpu: false, where no layer is
 * offloaded, so its values label identical configurations.
 */
function gridWarnings(spec: NormalizedSpec, cells: readonly Cell[]): string[] {
  const layers = spec.axes.gpuLayers;
  if (!layers || layers.length < 2 || !cells.every((cell) => cellGpu(spec, cell) === false)) return [];
  return [
    `axes.gpuLayers has no effect: every cell runs with gpu: false (on the CPU), where no layer is offloaded, so its values ` +
      `${layers.map((v) => JSON.stringify(v)).join(', ')} label identical configurations; each cell's manifest records gpuLayers: 0 offloaded. ` +
      'Run the axis with gpu: auto (or cuda, vulkan, metal) on a machine with a GPU, or drop it.',
  ];
}

/**
 * Warnings found in the results: cells that differ only in gpuLayers (same configuration and repetition otherwise)
 * yet offloaded the same number of layers, e.g. gpu: auto on a machine with no GPU. One line per configuration.
 */
export function offloadWarnings(table: readonly SweepCellRow[]): string[] {
  const groups = new Map<string, SweepCellRow[]>();
  for (const row of table) {
    if (row.coordinates.gpuLayers === undefined) continue;
    const { gpuLayers: _asked, ...rest } = row.coordinates;
    const key = cellName(rest);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const warnings: string[] = [];
  for (const [key, rows] of groups) {
    const asked = new Set(rows.map((r) => JSON.stringify(r.coordinates.gpuLayers)));
    const offloaded = new Set(rows.map((r) => r.gpuLayersOffloaded));
    if (asked.size < 2 || offloaded.size !== 1) continue;
    const [layers] = offloaded;
    if (layers === null || layers === undefined) continue;
    warnings.push(`axes.gpuLayers had no effect on ${key}: cells asking ${[...asked].join(', ')} all offloaded ${layers} layers; they measure one configuration`);
  }
  return warnings;
}

/** Layers a profile cell's model offloaded, from its manifest; null when not recorded. */
function offloadedLayers(runDir: string): number | null {
  if (!fs.existsSync(path.join(runDir, MANIFEST_FILE))) return null;
  try {
    const details = (readManifest(runDir).model as { details?: { gpuLayers?: unknown } }).details;
    return typeof details?.gpuLayers === 'number' ? details.gpuLayers : null;
  } catch {
    return null;
  }
}

/** Checks every cell of the shard that can be checked without loading a model: runner options and model files. */
async function preflightCells(spec: NormalizedSpec, cells: readonly Cell[]): Promise<void> {
  const models = new Set<string>();
  for (const cell of cells) {
    const options = isLoadCell(cell) ? cellLoadOptions(spec, cell) : cellProfileOptions(spec, cell);
    try {
      checkRunnerOptions(options);
      if ('arrivals' in options) {
        checkArrivals(options.arrivals, { requests: options.requests ?? 1 });
        const serve = options.serve ?? DEFAULT_SERVE;
        if (serve !== 'llama-server' && serve !== 'in-process') throw new Error(`options.serve must be llama-server or in-process; got ${JSON.stringify(serve)}`);
        if (options.parallel !== undefined && !(Number.isInteger(options.parallel) && options.parallel >= 1)) throw new Error(`options.parallel must be a whole number, 1 or more; got ${options.parallel}`);
        if (options.gpuLayers !== undefined && serve === 'llama-server' && parseModelSpec(options.model).kind === 'gguf') {
          throw new Error(`gpuLayers is not passed to llama-server (serve: 'llama-server', the default); use options.serve: in-process to run the load test in-process, where it applies`);
        }
      }
    } catch (error) {
      throw new Error(`cell ${cell.name}: ${(error as Error).message}`);
    }
    models.add(options.model);
  }
  for (const model of models) {
    const parsed = parseModelSpec(model);
    if (parsed.kind === 'gguf') await assertGgufFile(parsed.path);
  }
}

/** A model's architecture, or why there is none (a served model, an unreadable file). */
async function architectureFor(model: string): Promise<ModelArchitecture | { unavailable: string }> {
  const parsed = parseModelSpec(model);
  if (parsed.kind !== 'gguf') return { unavailable: 'a served model: no GGUF architecture to count FLOPs from' };
  return readModelArchitecture(parsed.path).catch((error: Error) => ({ unavailable: error.message }));
}

/**
 * One summary row per cell with results, in run order, with its derived figures (FLOPs from the GGUF; MFU/MBU, cost
 * and carbon where `efficiency` gives peaks and rates).
 */
export async function sweepTable(plan: SweepPlan, efficiency: EfficiencyOptions = {}, peakCacheFile?: string | false): Promise<SweepCellRow[]> {
  const rates = { ...efficiency, ...resolveRates(efficiency) };
  const table: SweepCellRow[] = [];
  const architectures = new Map<string, Promise<ModelArchitecture | { unavailable: string }>>();
  for (const cell of plan.cells) {
    const state = cellState(cell.runDir, isLoadCell(cell.cell));
    if (state.status === 'pending' || state.status === 'unreadable') continue;
    if (isLoadCell(cell.cell)) {
      // Only a finished test has figures; a partial load cell runs again from the start.
      const summary = state.status === 'complete' ? loadSummaryOf(cell.runDir) : null;
      if (summary !== null) table.push(loadCellRow(cell.cell.name, cell.cell.coordinates, state.status, summary));
      continue;
    }
    const rows = await cellResults(cell.runDir);
    if (rows.length === 0) continue;
    const model = String(cell.cell.coordinates.model);
    if (!architectures.has(model)) architectures.set(model, architectureFor(model));
    const arch = await architectures.get(model)!;
    // Peaks not given: this host's measured ones, for cells that ran on the CPU.
    const { peaks } = choosePeaks(efficiency, rows[0]!.accelerator, peakCacheFile);
    const gpuLayersOffloaded = offloadedLayers(cell.runDir);
    for (const row of cellRows(cell.cell.name, cell.cell.coordinates, state.status, rows)) {
      table.push({ ...row, gpuLayersOffloaded, efficiency: cellEfficiency(row, rows, arch, { ...rates, ...peaks }) });
    }
  }
  return table;
}

/**
 * Runs a grid of profile() runs. Each cell is one run folder under `outDir`, named from its coordinates; sweep.json
 * records the spec and the cells. Run again with the same spec, the sweep skips complete cells and resumes a partial
 * one from its journal. Cells run repetition-major, so repetitions interleave across configurations; a cell that
 * fails is reported and the next one runs. With `dryRun`, returns the plan and runs nothing.
 */
export async function sweep(options: SweepOptions): Promise<SweepResult> {
  const spec = loadSpec(options.spec);
  const cells = expandCells(spec);
  const outDir = resolveOutDir(options, spec);
  const shard = resolveShard(options.shard, options.env ?? process.env);
  if (options.dryRun) {
    const plan = await planOf(spec, cells, outDir, shard);
    return { plan, complete: plan.cells.every((c) => !c.inShard || c.status === 'complete'), failed: [], table: [], warnings: plan.warnings };
  }
  const mine = cells.filter((cell) => inShard(cell.index, shard));
  resolveRates(options.efficiency ?? {});
  await preflightCells(spec, mine);
  claimSweepFolder(outDir, spec, cells);
  const early = gridWarnings(spec, cells);
  for (const warning of early) options.onWarning?.(warning);
  const failed: SweepResult['failed'] = [];
  let interrupted = false;
  for (const [i, cell] of mine.entries()) {
    const runDir = path.join(outDir, cell.name);
    const event = { cell, position: i + 1, of: mine.length };
    if (options.signal?.aborted) {
      interrupted = true;
      break;
    }
    const state = cellState(runDir, isLoadCell(cell));
    if (state.status === 'complete') {
      options.onCell?.({ ...event, state: 'skipped' });
      continue;
    }
    if (isLoadCell(cell)) {
      const stopped = await runLoadCell(spec, cell, runDir, outDir, state.status === 'partial', event, options, failed);
      if (stopped) {
        interrupted = true;
        break;
      }
      continue;
    }
    const resume = state.status !== 'pending';
    options.onCell?.({ ...event, state: resume ? 'resume' : 'start' });
    try {
      const result = await profile({
        ...cellProfileOptions(spec, cell),
        outDir: runDir,
        resume,
        signal: options.signal,
        efficiency: options.efficiency,
        peakCacheFile: options.peakCacheFile,
        onProgress: options.onProgress ? (progress) => options.onProgress!(cell, progress) : undefined,
      });
      options.onCell?.({ ...event, state: result.complete ? 'done' : 'interrupted', result });
      if (!result.complete) {
        interrupted = true;
        break;
      }
    } catch (error) {
      const message = (error as Error).message;
      failed.push({ cell: cell.name, error: message });
      options.onCell?.({ ...event, state: 'failed', error: message });
    }
  }
  const plan = await planOf(spec, cells, outDir, shard);
  const complete = !interrupted && failed.length === 0 && plan.cells.every((c) => !c.inShard || c.status === 'complete');
  const table = await sweepTable(plan, options.efficiency, options.peakCacheFile);
  // With the axis already flagged from the spec, the results only repeat it.
  const late = early.length > 0 ? [] : offloadWarnings(table);
  for (const warning of late) options.onWarning?.(warning);
  return { plan, complete, failed, table, warnings: [...early, ...late] };
}

/**
 * Runs one load cell from the start: an unfinished attempt (load tests do not resume within) is first moved under
 * `.unfinished/`, where neither the sweep nor analyze reads it. Resolves true when the test was stopped (signal).
 */
async function runLoadCell(
  spec: NormalizedSpec,
  cell: Cell,
  runDir: string,
  outDir: string,
  unfinished: boolean,
  event: Omit<CellEvent, 'state'>,
  options: SweepOptions,
  failed: SweepResult['failed'],
): Promise<boolean> {
  try {
    if (unfinished) {
      const movedTo = path.join(outDir, UNFINISHED_DIR, `${cell.name}.${new Date().toISOString().replace(/[:.]/g, '-')}`);
      fs.mkdirSync(path.dirname(movedTo), { recursive: true });
      fs.renameSync(runDir, movedTo);
      options.onCell?.({ ...event, state: 'restart', movedTo });
    } else {
      options.onCell?.({ ...event, state: 'start' });
    }
    const result = await loadTest({
      ...cellLoadOptions(spec, cell),
      outDir: runDir,
      signal: options.signal,
      onProgress: options.onLoadProgress ? (progress) => options.onLoadProgress!(cell, progress) : undefined,
    });
    options.onCell?.({ ...event, state: result.summary.complete ? 'done' : 'interrupted', load: result });
    return !result.summary.complete;
  } catch (error) {
    const message = (error as Error).message;
    failed.push({ cell: cell.name, error: message });
    options.onCell?.({ ...event, state: 'failed', error: message });
    return false;
  }
}
