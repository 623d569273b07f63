import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { QueryValidationError } from '../errors.ts';
import { appendArrowRows, readHuggingFace } from './huggingface.ts';
import { readCsv } from './csv.ts';
import { readJson, readJsonl } from './jsonl.ts';
import { readParquet } from './parquet.ts';
import type { RawRow, RawSource } from './types.ts';

type FileReader = (path: string, file: string) => Promise<RawRow[]>;

async function readArrow(path: string, file: string): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  appendArrowRows(await readFile(path), file, file, rows);
  return rows;
}

const READERS: Record<string, FileReader> = {
  '.jsonl': readJsonl,
  '.ndjson': readJsonl,
  '.json': readJson,
  '.csv': readCsv,
  '.parquet': readParquet,
  '.arrow': readArrow,
};

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(READERS);

const SUPPORTED_HINT = `Use ${SUPPORTED_EXTENSIONS.join(', ')}, or a Hugging Face save_to_disk folder.`;

async function readFileSource(path: string, file: string): Promise<RawSource> {
  const extension = extname(path).toLowerCase();
  const reader = READERS[extension];
  if (!reader) {
    throw new QueryValidationError({ file, problem: `has an unsupported file type "${extension || '(none)'}"`, fix: SUPPORTED_HINT });
  }
  return { file, idPrefix: basename(path, extname(path)), rows: await reader(path, file) };
}

/**
 * Reads a file, a `save_to_disk` folder, or a plain folder of query files (each read in name
 * order) into raw rows. `file` in errors is the path exactly as the user gave it.
 */
export async function readSource(path: string, split: string | undefined): Promise<RawSource[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) {
    throw new QueryValidationError({ file: path, problem: 'does not exist', fix: 'Check the path, or use "sample" for the bundled query set.' });
  }
  if (!info.isDirectory()) return [await readFileSource(path, path)];

  const entries = await readdir(path);
  if (entries.includes('dataset_dict.json') || entries.includes('state.json')) {
    return [await readHuggingFace(path, path, split, entries)];
  }
  const files = entries.filter((name) => READERS[extname(name).toLowerCase()] !== undefined).sort();
  if (files.length === 0) {
    throw new QueryValidationError({ file: path, problem: 'is a folder with no query files and no dataset_dict.json or state.json', fix: SUPPORTED_HINT });
  }
  const sources: RawSource[] = [];
  for (const name of files) sources.push(await readFileSource(join(path, name), join(path, name)));
  return sources;
}
