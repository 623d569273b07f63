// A sweep spec: the axes of a grid of profile() runs, read from JSON, YAML or a TypeScript object, and expanded into
// cells with stable, readable folder names.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ArrivalMode, LoadTestOptions } from '../load/index.ts';
import type { ProfileOptions } from '../profile/index.ts';
import type { LoadOptions, Query } from '../queries/index.ts';
import type { GpuLayersChoice, ReasoningMode } from '../run/index.ts';

/**
 * A load level: each cell with one runs a load test (lib/load's loadTest) instead of a profile run. `concurrency`: a
 * closed loop with that many requests in flight; `ratePerS`: Poisson arrivals at that rate.
 */
export type LoadLevel = { concurrency: number } | { ratePerS: number };

/** A value of one axis: what the option of that name takes in profile(), or a load level. */
export type AxisValue = string | number | boolean | LoadLevel;

/**
 * The axes of a grid, named as profile()'s options. Each holds one value or a list; the grid is their product.
 * `model` is required (GGUF paths, relative to the spec file when read from one, or `openai:URL#model`); a
 * quantization axis is a list of the quantized files.
 */
export interface SweepAxes {
  model: string | string[];
  threads?: number | number[];
  /** `false` (the CPU), `auto`, `cuda`, `vulkan` or `metal`. */
  gpu?: ProfileOptions['gpu'] | ProfileOptions['gpu'][];
  /** Layers offloaded to the GPU: a count, `max` or `auto`. On the CPU every value means 0 (the sweep warns). */
  gpuLayers?: GpuLayersChoice | GpuLayersChoice[];
  contextSize?: number | number[];
  maxTokens?: number | number[];
  seed?: number | number[];
  template?: string | string[];
  engine?: ProfileOptions['engine'] | ProfileOptions['engine'][];
  library?: ProfileOptions['library'] | ProfileOptions['library'][];
  systemPrompt?: string | string[];
  /** Thinking of reasoning models: `on`, `off`, `budget:N` (lib/run's ReasoningMode); on and off of one model are two cells. */
  reasoning?: ReasoningMode | ReasoningMode[];
  /** With this axis every cell is a load test at that level (`{ concurrency: 4 }`, `{ ratePerS: 2 }`), not a profile run. */
  loadLevel?: LoadLevel | LoadLevel[];
}

export type AxisName = keyof SweepAxes;

/** Options every cell shares: any profile() option that is not an axis and not one the sweep sets itself. */
export type SweepFixedOptions = Omit<ProfileOptions, 'model' | 'queries' | 'load' | 'outDir' | 'resume' | 'signal' | 'onProgress' | 'judge' | 'judgeCache' | 'apiKey'> &
  Partial<Pick<LoadTestOptions, LoadOptionName>>;

/** loadTest() options a spec's `options` may set when it has a `loadLevel` axis (and only then). */
export const LOAD_OPTION_NAMES = ['serve', 'parallel', 'requests', 'calibrationRequests', 'prefillWeight'] as const;
type LoadOptionName = (typeof LOAD_OPTION_NAMES)[number];

/** profile() options a load test has no use for: refused in a spec with a `loadLevel` axis. */
const PROFILE_ONLY_OPTION_NAMES = ['warmupQueries', 'warmupS', 'maxErrors', 'preflight'];

export interface SweepSpec {
  /** Shown in listings and sweep.json. Default: the spec file's name, or `sweep`. */
  name?: string;
  /** A query file or folder (relative to the spec file when read from one), `sample`, or queries already loaded. */
  queries: string | Query[];
  load?: LoadOptions;
  axes: SweepAxes;
  /** Runs of every combination of the axes, each its own cell (`rep=1`, `rep=2`, ...). Default 1. */
  repetitions?: number;
  /** The same for every cell (energy source, baselineS, warm-up, ...). */
  options?: SweepFixedOptions;
  /** The sweep folder, relative to the spec file when read from one; the sweep's `outDir` option wins. */
  out?: string;
}

/** A cell's place in the grid: one value per axis the spec names, plus the repetition (from 1). */
export type Coordinates = Partial<Record<AxisName, AxisValue>> & { rep: number };

export interface Cell {
  /** Position in the sweep's run order (repetition-major, so repetitions interleave across cells). */
  index: number;
  /** The run folder's name under the sweep folder, made from the coordinates. */
  name: string;
  coordinates: Coordinates;
}

/** A spec with defaults applied, paths resolved and every axis a list: what sweep.json records. */
export interface NormalizedSpec {
  name: string;
  queries: string | Query[];
  load: LoadOptions;
  axes: Partial<Record<AxisName, AxisValue[]>>;
  repetitions: number;
  options: SweepFixedOptions;
  out: string | undefined;
}

/** Axes in the order they appear in cell names. */
export const AXIS_NAMES: readonly AxisName[] = ['model', 'threads', 'gpu', 'gpuLayers', 'contextSize', 'maxTokens', 'seed', 'template', 'engine', 'library', 'systemPrompt', 'reasoning', 'loadLevel'];

/** profile() options a spec's `options` may set (axes may also be fixed there when they do not vary). */
const FIXED_OPTION_NAMES = new Set<string>([
  ...AXIS_NAMES.filter((a) => a !== 'model' && a !== 'loadLevel'),
  ...LOAD_OPTION_NAMES,
  'warmupQueries', 'warmupS', 'maxErrors', 'energy', 'energyDomains', 'energyFrom', 'preflight', 'wattsPerCore', 'energyOptions',
  'sampleMs', 'baselineS', 'workload', 'agent', 'apiKeyEnv', 'connectTimeoutS', 'firstTokenTimeoutS', 'idleTimeoutS', 'maxRetries', 'retryDelayMs',
]);

const SPEC_KEYS = new Set(['name', 'queries', 'load', 'axes', 'repetitions', 'options', 'out']);

const AXIS_TYPES: Record<AxisName, 'string' | 'integer' | 'gpu' | 'gpuLayers' | 'reasoning' | 'loadLevel'> = {
  model: 'string', threads: 'integer', gpu: 'gpu', gpuLayers: 'gpuLayers', contextSize: 'integer', maxTokens: 'integer', seed: 'integer',
  template: 'string', engine: 'string', library: 'string', systemPrompt: 'string', reasoning: 'reasoning', loadLevel: 'loadLevel',
};

const GPU_CHOICES: readonly AxisValue[] = [false, 'auto', 'cuda', 'vulkan', 'metal'];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a spec from a `.json`, `.yaml` or `.yml` file; errors name the file. */
export function readSpecFile(file: string): SweepSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`sweep spec ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Pass the path of a .json or .yaml spec.`);
  }
  const ext = extname(file).toLowerCase();
  let value: unknown;
  try {
    value = ext === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new Error(`sweep spec ${file} is not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message}`);
  }
  if (!isPlainObject(value)) throw new Error(`sweep spec ${file}: expected an object with queries and axes at the top`);
  return value as unknown as SweepSpec;
}

function checkAxisValue(axis: AxisName, value: unknown, where: string): AxisValue {
  const kind = AXIS_TYPES[axis];
  if (kind === 'integer' && !(typeof value === 'number' && Number.isInteger(value))) {
    throw new Error(`${where}: axes.${axis} takes whole numbers; got ${JSON.stringify(value)}`);
  }
  if (kind === 'string' && !(typeof value === 'string' && value !== '')) {
    throw new Error(`${where}: axes.${axis} takes non-empty strings; got ${JSON.stringify(value)}`);
  }
  if (kind === 'gpu' && !GPU_CHOICES.includes(value as AxisValue)) {
    throw new Error(`${where}: axes.gpu takes false, auto, cuda, vulkan or metal; got ${JSON.stringify(value)}`);
  }
  if (kind === 'gpuLayers' && !(value === 'max' || value === 'auto' || (typeof value === 'number' && Number.isInteger(value) && value >= 0))) {
    throw new Error(`${where}: axes.gpuLayers takes whole numbers from 0, max or auto; got ${JSON.stringify(value)}`);
  }
  if (kind === 'reasoning' && !(typeof value === 'string' && /^(on|off|budget:[1-9]\d*)$/.test(value))) {
    throw new Error(`${where}: axes.reasoning takes on, off or budget:N (N thinking tokens, at least 1); got ${JSON.stringify(value)}`);
  }
  if (kind === 'loadLevel') return checkLoadLevel(value, where);
  return value as AxisValue;
}

/** A load level as written in sweep.json: exactly one of `concurrency` (a whole number, 1 or more) or `ratePerS` (above 0). */
function checkLoadLevel(value: unknown, where: string): LoadLevel {
  const fix = 'give { concurrency: N } (a closed loop, N in flight) or { ratePerS: R } (Poisson arrivals)';
  if (!isPlainObject(value) || Object.keys(value).length !== 1) throw new Error(`${where}: axes.loadLevel takes objects with one field; ${fix}; got ${JSON.stringify(value)}`);
  if ('concurrency' in value) {
    const n = value.concurrency;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 1) return { concurrency: n };
    throw new Error(`${where}: axes.loadLevel concurrency must be a whole number, 1 or more; got ${JSON.stringify(n)}`);
  }
  if ('ratePerS' in value) {
    const r = value.ratePerS;
    if (typeof r === 'number' && Number.isFinite(r) && r > 0) return { ratePerS: r };
    throw new Error(`${where}: axes.loadLevel ratePerS must be a number above 0; got ${JSON.stringify(r)}`);
  }
  throw new Error(`${where}: axes.loadLevel: ${fix}; got ${JSON.stringify(value)}`);
}

/** True when the sweep's cells are load tests (it has a loadLevel axis), not profile runs. */
export function isLoadSweep(spec: Pick<NormalizedSpec, 'axes'>): boolean {
  return spec.axes.loadLevel !== undefined;
}

/**
 * Checks a spec and fills in defaults. `specFile`, when the spec came from a file, names it in errors and anchors
 * relative model, query and out paths. Errors name the field and the fix.
 */
export function normalizeSpec(spec: SweepSpec, specFile?: string): NormalizedSpec {
  const where = specFile ?? 'sweep spec';
  if (!isPlainObject(spec)) throw new Error(`${where}: expected an object with queries and axes`);
  for (const key of Object.keys(spec)) {
    if (!SPEC_KEYS.has(key)) throw new Error(`${where}: unknown field ${key}; a spec has ${[...SPEC_KEYS].join(', ')}`);
  }
  const base = specFile ? dirname(resolve(specFile)) : process.cwd();
  const anchor = (path: string) => (isAbsolute(path) ? path : resolve(base, path));
  if (!isPlainObject(spec.axes)) throw new Error(`${where}: axes is missing; give at least axes.model, a list of GGUF files or openai:URL#model endpoints`);
  const axes: Partial<Record<AxisName, AxisValue[]>> = {};
  for (const [key, raw] of Object.entries(spec.axes)) {
    if (!(AXIS_NAMES as readonly string[]).includes(key)) {
      const hint = key === 'models' ? ' (the axis is called model)' : key === 'context' ? ' (the axis is called contextSize)' : '';
      throw new Error(`${where}: axes.${key} is not an axis${hint}; axes are ${AXIS_NAMES.join(', ')}`);
    }
    const axis = key as AxisName;
    const list = Array.isArray(raw) ? raw : [raw];
    if (list.length === 0) throw new Error(`${where}: axes.${axis} is empty; give it at least one value, or leave it out`);
    const values = list.map((v) => checkAxisValue(axis, v, where));
    const seen = new Set(values.map((v) => JSON.stringify(v)));
    if (seen.size !== values.length) throw new Error(`${where}: axes.${axis} lists a value twice`);
    axes[axis] = axis === 'model' ? (values as string[]).map((m) => (m.startsWith('openai:') ? m : anchor(m))) : values;
  }
  if (!axes.model) throw new Error(`${where}: axes.model is missing; list the GGUF files or openai:URL#model endpoints to run`);
  const repetitions = spec.repetitions ?? 1;
  if (!Number.isInteger(repetitions) || repetitions < 1) throw new Error(`${where}: repetitions must be a whole number, 1 or more; got ${JSON.stringify(spec.repetitions)}`);
  const options = spec.options ?? {};
  if (!isPlainObject(options)) throw new Error(`${where}: options must be an object of profile() options`);
  for (const key of Object.keys(options)) {
    if (key === 'apiKey') throw new Error(`${where}: options.apiKey would be written to sweep.json; name the environment variable that holds it with options.apiKeyEnv`);
    if (!FIXED_OPTION_NAMES.has(key)) throw new Error(`${where}: options.${key} is not an option a sweep passes on; options are ${[...FIXED_OPTION_NAMES].join(', ')}`);
    if (key in axes) throw new Error(`${where}: ${key} is both an axis and in options; keep it in one place`);
    if (axes.loadLevel && PROFILE_ONLY_OPTION_NAMES.includes(key)) throw new Error(`${where}: options.${key} is a profile run's option; the cells of a sweep with axes.loadLevel are load tests, which have none`);
    if (!axes.loadLevel && (LOAD_OPTION_NAMES as readonly string[]).includes(key)) throw new Error(`${where}: options.${key} is a load test's option; add axes.loadLevel (e.g. [{ concurrency: 1 }, { concurrency: 4 }]) to run load tests`);
  }
  if (spec.queries === undefined) throw new Error(`${where}: queries is missing; give a query file or folder, or sample`);
  if (typeof spec.queries !== 'string' && !Array.isArray(spec.queries)) throw new Error(`${where}: queries must be a path, sample, or a list of loaded queries`);
  // A path next to the spec file wins; anything else (a bundled set's name, such as sample) passes as given.
  const queries = typeof spec.queries === 'string' && existsSync(anchor(spec.queries)) ? anchor(spec.queries) : spec.queries;
  const name = spec.name ?? (specFile ? basename(specFile, extname(specFile)) : 'sweep');
  if (typeof name !== 'string' || name === '') throw new Error(`${where}: name must be a non-empty string`);
  return { name, queries, load: spec.load ?? {}, axes, repetitions, options: options as SweepFixedOptions, out: spec.out === undefined ? undefined : anchor(spec.out) };
}

/** A model's short name: the GGUF file name without `.gguf`, or the served model's name. */
export function modelLabel(model: string): string {
  if (model.startsWith('openai:')) return model.slice(model.lastIndexOf('#') + 1);
  return basename(model).replace(/\.gguf$/i, '');
}

/** One coordinate as it appears in a folder name: only letters, digits and `.+-`. */
function nameValue(axis: AxisName, value: AxisValue): string {
  let text: string;
  if (axis === 'model') text = modelLabel(String(value));
  else if (axis === 'loadLevel') text = 'concurrency' in (value as LoadLevel) ? `concurrency-${(value as { concurrency: number }).concurrency}` : `rate-${(value as { ratePerS: number }).ratePerS}`;
  else if (axis === 'systemPrompt') text = createHash('sha256').update(String(value)).digest('hex').slice(0, 8);
  else text = String(value);
  return text.replace(/[^A-Za-z0-9.+-]+/g, '-');
}

/**
 * The run folder name of a cell: the model, then `axis=value` for every other axis the spec names (even with one
 * value, so adding a value later keeps the existing names), then `rep=N`; joined by `__`.
 */
export function cellName(coordinates: Coordinates): string {
  const parts: string[] = [];
  for (const axis of AXIS_NAMES) {
    const value = coordinates[axis];
    if (value === undefined) continue;
    parts.push(axis === 'model' ? nameValue(axis, value) : `${axis}=${nameValue(axis, value)}`);
  }
  parts.push(`rep=${coordinates.rep}`);
  return parts.join('__');
}

/**
 * Every cell of the grid, in run order: repetition-major (all configurations of repetition 1, then of 2, ...), so
 * drift over a long sweep does not favour one configuration; within a repetition, the product of the axes in
 * `AXIS_NAMES` order. Fails when two cells would share a folder name (e.g. two models with one file name).
 */
export function expandCells(spec: NormalizedSpec): Cell[] {
  let configs: Array<Partial<Record<AxisName, AxisValue>>> = [{}];
  for (const axis of AXIS_NAMES) {
    const values = spec.axes[axis];
    if (!values) continue;
    configs = configs.flatMap((config) => values.map((value) => ({ ...config, [axis]: value })));
  }
  const cells: Cell[] = [];
  const byName = new Map<string, Coordinates>();
  for (let rep = 1; rep <= spec.repetitions; rep++) {
    for (const config of configs) {
      const coordinates: Coordinates = { ...config, rep };
      const name = cellName(coordinates);
      const other = byName.get(name);
      if (other) {
        throw new Error(
          `two cells would share the run folder ${name}: ${JSON.stringify(other)} and ${JSON.stringify(coordinates)}. ` +
            'Give the model files distinct names (the folder name uses the file name without its directory).',
        );
      }
      byName.set(name, coordinates);
      cells.push({ index: cells.length, name, coordinates });
    }
  }
  return cells;
}

/** The profile() options of a cell: the fixed options, then the cell's coordinates (the repetition is not an option). */
export function cellProfileOptions(spec: NormalizedSpec, cell: Cell): Omit<ProfileOptions, 'outDir'> & { model: string } {
  const { rep: _rep, loadLevel: _level, ...axes } = cell.coordinates;
  return { ...spec.options, ...(axes as Partial<ProfileOptions>), model: String(cell.coordinates.model), queries: spec.queries, load: spec.load };
}

/**
 * The loadTest() options of a load cell: the fixed options, the cell's coordinates, its load level as the arrivals
 * (a closed loop of `concurrency`, or Poisson at `ratePerS`, seeded by the `seed` option). Requests default to the
 * number of queries (loadTest's default).
 */
export function cellLoadOptions(spec: NormalizedSpec, cell: Cell): Omit<LoadTestOptions, 'outDir'> & { arrivals: ArrivalMode } {
  const { rep: _rep, loadLevel, ...axes } = cell.coordinates;
  const level = loadLevel as LoadLevel | undefined;
  if (level === undefined) throw new Error(`cell ${cell.name} has no loadLevel: it is a profile run`);
  const { warmupQueries: _w, warmupS: _ws, maxErrors: _m, preflight: _p, efficiency: _e, peakCacheFile: _c, onPhase: _ph, ...options } = spec.options;
  const merged = { ...options, ...(axes as Omit<Partial<ProfileOptions>, 'onProgress'>) };
  const arrivals = 'concurrency' in level ? { mode: 'closed' as const, concurrency: level.concurrency } : { mode: 'poisson' as const, ratePerS: level.ratePerS, seed: merged.seed ?? 0 };
  return { ...merged, model: String(cell.coordinates.model), queries: spec.queries, queryOptions: spec.load, arrivals };
}
