import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { tableFromIPC, type Table } from 'apache-arrow';
import { QueryValidationError } from '../errors.ts';
import { toPlain, type RawValues } from '../values.ts';
import type { RawRow, RawSource } from './types.ts';

/** What `datasets.Dataset.save_to_disk` writes next to its Arrow files (the fields we use). */
interface DatasetState {
  _data_files?: { filename: string }[];
  _split?: string | null;
}

async function readJsonFile<T>(path: string, file: string): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new QueryValidationError({ file, problem: `could not be read (${reason})`, fix: 'Re-save the dataset with save_to_disk, or load its Parquet/JSONL export instead.' });
  }
}

/** Picks the DatasetDict split: the one asked for, else "test", else the only one. */
function chooseSplit(splits: string[], requested: string | undefined, file: string): string {
  if (requested !== undefined) {
    if (splits.includes(requested)) return requested;
    throw new QueryValidationError({ file, problem: `has no split "${requested}" (it has ${splits.join(', ')})`, fix: 'Choose one of those as load.split.' });
  }
  if (splits.includes('test')) return 'test';
  if (splits.length === 1 && splits[0] !== undefined) return splits[0];
  throw new QueryValidationError({ file, problem: `has several splits (${splits.join(', ')}) and none is called "test"`, fix: 'Choose one as load.split.' });
}

/**
 * A folder written by `save_to_disk`: either one Dataset (state.json + Arrow stream files) or a
 * DatasetDict (dataset_dict.json + one such folder per split).
 */
export async function readHuggingFace(dir: string, file: string, split: string | undefined, entries: string[]): Promise<RawSource> {
  if (entries.includes('dataset_dict.json')) {
    const dict = await readJsonFile<{ splits?: string[] }>(join(dir, 'dataset_dict.json'), `${file}/dataset_dict.json`);
    const chosen = chooseSplit(dict.splits ?? [], split, file);
    const splitDir = join(dir, chosen);
    const splitEntries = await readdir(splitDir).catch(() => [] as string[]);
    if (!splitEntries.includes('state.json')) {
      throw new QueryValidationError({ file, problem: `lists split "${chosen}" but ${chosen}/state.json is missing`, fix: 'Re-save the dataset with save_to_disk.' });
    }
    return readDatasetFolder(splitDir, `${file}/${chosen}`, chosen, splitEntries);
  }
  return readDatasetFolder(dir, file, undefined, entries);
}

async function readDatasetFolder(dir: string, file: string, splitName: string | undefined, entries: string[]): Promise<RawSource> {
  const state = await readJsonFile<DatasetState>(join(dir, 'state.json'), `${file}/state.json`);
  // state.json fixes the shard order; fall back to sorted names for hand-made folders without it.
  const shards = state._data_files?.map((entry) => entry.filename) ?? entries.filter((name) => name.endsWith('.arrow')).sort();
  const rows: RawRow[] = [];
  for (const shard of shards) {
    const bytes = await readFile(join(dir, shard)).catch(() => {
      throw new QueryValidationError({ file, problem: `lists data file "${shard}" in state.json, but it is missing`, fix: 'Re-save the dataset with save_to_disk, or copy the whole folder.' });
    });
    appendArrowRows(bytes, `${file}/${shard}`, file, rows);
  }
  return { file, idPrefix: splitName ?? state._split ?? basename(dir), rows };
}

/** Appends the rows of one Arrow IPC buffer (stream or file format) to `rows`. */
export function appendArrowRows(bytes: Uint8Array, shardLabel: string, file: string, rows: RawRow[]): void {
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new QueryValidationError({ file: shardLabel, problem: `is not an Arrow IPC file (${reason})`, fix: 'Re-save the dataset with save_to_disk.' });
  }
  const columns = table.schema.fields.map((field) => ({ name: field.name, vector: table.getChild(field.name) }));
  for (let i = 0; i < table.numRows; i++) {
    const values: RawValues = {};
    for (const { name, vector } of columns) values[name] = toPlain(vector?.get(i));
    // Row indices run across shards, matching `dataset[i]` in Python.
    rows.push({ values, location: { file, index: rows.length } });
  }
}
