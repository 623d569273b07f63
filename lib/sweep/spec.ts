// A sweep spec: the axes of a grid of profile() runs, read from JSON, YAML or a TypeScript object, and expanded into
// cells with stable, readable folder names.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ProfileOptions } from '../profile/index.ts';
import type { LoadOptions, Query } from '../queries/index.ts';

/** A value of one axis: what the option of that name takes in profile(). */
export type AxisValue = string | number | boolean;

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
  contextSize?: number | number[];
  maxTokens?: number | number[];
  seed?: number | number[];
  template?: string | string[];
  engine?: ProfileOptions['engine'] | ProfileOptions['engine'][];
  library?: ProfileOptions['library'] | ProfileOptions['library'][];
  systemPrompt?: string | string[];
}

export type AxisName = keyof SweepAxes;

/** Options every cell shares: any profile() option that is not an axis and not one the sweep sets itself. */
export type SweepFixedOptions = Omit<ProfileOptions, 'model' | 'queries' | 'load' | 'outDir' | 'resume' | 'signal' | 'onProgress' | 'judge' | 'judgeCache' | 'apiKey'>;

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
export const AXIS_NAMES: readonly AxisName[] = ['model', 'threads', 'gpu', 'contextSize', 'maxTokens', 'seed', 'template', 'engine', 'library', 'systemPrompt'];

/** profile() options a spec's `options` may set (axes may also be fixed there when they do not vary). */
const FIXED_OPTION_NAMES = new Set<string>([
  ...AXIS_NAMES.filter((a) => a !== 'model'),
  'warmupQueries', 'warmupS', 'maxErrors', 'energy', 'energyDomains', 'energyFrom', 'preflight', 'wattsPerCore', 'energyOptions',
  'sampleMs', 'baselineS', 'apiKeyEnv', 'connectTimeoutS', 'firstTokenTimeoutS', 'idleTimeoutS', 'maxRetries', 'retryDelayMs',
]);

const SPEC_KEYS = new Set(['name', 'queries', 'load', 'axes', 'repetitions', 'options', 'out']);

const AXIS_TYPES: Record<AxisName, 'string' | 'integer' | 'gpu'> = {
  model: 'string', threads: 'integer', gpu: 'gpu', contextSize: 'integer', maxTokens: 'integer', seed: 'integer',
  template: 'string', engine: 'string', library: 'string', systemPrompt: 'string',
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
  return value as AxisValue;
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
  const { rep: _rep, ...axes } = cell.coordinates;
  return { ...spec.options, ...(axes as Partial<ProfileOptions>), model: String(cell.coordinates.model), queries: spec.queries, load: spec.load };
}
