import { OptionError } from '../errors/index.ts';
import { BUNDLED_DATASETS } from './bundled.ts';
import { parseColumnMap } from './columns.ts';
import { describeLocation, QueryValidationError, rowError, type RowLocation } from './errors.ts';
import { mapRow } from './map.ts';
import { normalizeDraft, type Conversion } from './normalize.ts';
import { readSource } from './readers/source.ts';
import type { RawSource } from './readers/types.ts';
import { loadBfcl } from './bfcl.ts';
import { BFCL_RECIPE, getRecipe } from './recipes/registry.ts';
import { sampleQueries } from './sample.ts';
import { GRADER_NAMES, type ColumnMap, type ConversionNotice, type DatasetSummary, type LoadOptions, type Query } from './types.ts';

/** A `load.map` typo would otherwise surface as "missing" on every row; name the column once instead. */
function checkMappedColumns(source: RawSource, map: ColumnMap): void {
  const columns = new Set(source.rows.flatMap((row) => Object.keys(row.values)));
  for (const [field, column] of Object.entries(map)) {
    if (columns.has(column)) continue;
    throw new QueryValidationError({
      file: source.file,
      field,
      problem: `is mapped to column "${column}", which no row has`,
      fix: `Check the spelling in load.map "${field}=${column}"; the columns are: ${[...columns].join(', ')}.`,
    });
  }
}

function where(location: RowLocation, file: string): string {
  return location.file === file ? describeLocation(location) : `${location.file} ${describeLocation(location)}`;
}

/** Sums conversions per column and kind, keeping the first file and example. */
class ConversionLog {
  readonly #byKey = new Map<string, Omit<ConversionNotice, 'message'>>();

  add(file: string, c: Conversion): void {
    const column = c.column ?? `${c.field} (built by the recipe)`;
    const key = JSON.stringify([column, c.field, c.conversion]);
    const seen = this.#byKey.get(key);
    if (seen) seen.rows++;
    else this.#byKey.set(key, { file, column, field: c.field, conversion: c.conversion, rule: c.rule, example: { from: c.from, to: c.to }, rows: 1 });
  }

  notices(): ConversionNotice[] {
    return [...this.#byKey.values()].map((n) => ({
      ...n,
      message:
        `${n.file}: column "${n.column}"${n.column === n.field ? '' : ` (the ${n.field})`}: ${n.rows} ${n.rows === 1 ? 'value' : 'values'} converted, ${n.conversion}, ` +
        `as ${n.rule}; e.g. ${JSON.stringify(n.example.from)} -> ${JSON.stringify(n.example.to)}.` +
        (n.conversion.endsWith('option letter') ? ' If the answers count from 1, subtract 1 or store letters.' : ''),
    }));
  }
}

/**
 * Loads a query set from a file (.jsonl, .json, .csv, .parquet, .arrow), a Hugging Face
 * `save_to_disk` folder, a folder of such files, or a bundled set by name ("sample").
 * Rows are mapped (recipe, `map`), validated, then optionally sampled and limited.
 */
export async function loadQueries(source: string, options: LoadOptions = {}): Promise<Query[]> {
  return (await loadQuerySet(source, options)).queries;
}

/** `loadQueries`, with a notice for each column whose values changed type on the way (see `ConversionNotice`). */
export async function loadQuerySet(source: string, options: LoadOptions = {}): Promise<{ queries: Query[]; notices: ConversionNotice[] }> {
  const map = options.map === undefined ? {} : parseColumnMap(options.map);
  const recipe = options.recipe === undefined || options.recipe === BFCL_RECIPE ? undefined : getRecipe(options.recipe);
  if (options.grader !== undefined && !GRADER_NAMES.includes(options.grader)) {
    throw new OptionError('load.grader', 'invalid', `load.grader "${String(options.grader)}" is not a grader. Use one of: ${GRADER_NAMES.join(', ')}.`);
  }
  if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 0)) {
    throw new OptionError('load.limit', 'invalid', `load.limit must be a non-negative integer, got ${options.limit}`);
  }
  const path = Object.hasOwn(BUNDLED_DATASETS, source) ? (BUNDLED_DATASETS[source]?.path ?? source) : source;
  const seed = options.seed ?? 0;
  if (options.recipe === BFCL_RECIPE) return { queries: sampleAndLimit(await loadBfcl(path), options), notices: [] };

  const queries: Query[] = [];
  const conversions = new ConversionLog();
  const firstSeen = new Map<string, RowLocation>();
  for (const raw of await readSource(path, options.split)) {
    checkMappedColumns(raw, map);
    for (const row of raw.rows) {
      const draft = mapRow(row.values, row.location, map, recipe, seed);
      const query = normalizeDraft(draft, {
        location: row.location,
        grader: options.grader,
        recipeGrader: recipe?.grader,
        defaultId: `${raw.idPrefix}-${row.location.index}`,
        onConversion: (c) => conversions.add(raw.file, c),
      });
      const earlier = firstSeen.get(query.id);
      if (earlier) {
        rowError(row.location, 'id', `repeats "${query.id}", already used at ${where(earlier, row.location.file)}`, 'Give every row a unique id, or drop the id column to number rows automatically.');
      }
      firstSeen.set(query.id, row.location);
      queries.push(query);
    }
  }
  if (queries.length === 0) {
    throw new QueryValidationError({ file: source, problem: 'has no rows', fix: 'Add at least one query.' });
  }
  return { queries: sampleAndLimit(queries, options), notices: conversions.notices() };
}

function sampleAndLimit(queries: Query[], options: LoadOptions): Query[] {
  const sampled = options.sample ? sampleQueries(queries, options.sample) : queries;
  return options.limit === undefined ? sampled : sampled.slice(0, options.limit);
}

/** The bundled query sets with their size and per-domain counts. */
export async function listDatasets(): Promise<DatasetSummary[]> {
  const summaries: DatasetSummary[] = [];
  for (const [name, { path, description }] of Object.entries(BUNDLED_DATASETS)) {
    const queries = await loadQueries(path);
    const domains: Record<string, number> = {};
    for (const query of queries) domains[query.domain] = (domains[query.domain] ?? 0) + 1;
    summaries.push({ name, path, description, queries: queries.length, domains });
  }
  return summaries;
}
