import { readFile } from 'node:fs/promises';
import { QueryValidationError } from '../errors.ts';
import type { RawValues } from '../values.ts';
import type { RawRow } from './types.ts';

function isObject(value: unknown): value is RawValues {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One JSON object per line; blank lines are skipped but still counted, so line numbers match an editor's. */
export async function readJsonl(path: string, file: string): Promise<RawRow[]> {
  const text = await readFile(path, 'utf8');
  return parseJsonLines(text, file);
}

export function parseJsonLines(text: string, file: string): RawRow[] {
  const rows: RawRow[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((lineText, i) => {
    if (lineText.trim() === '') return;
    const location = { file, line: i + 1, index: rows.length };
    let parsed: unknown;
    try {
      parsed = JSON.parse(lineText);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new QueryValidationError({
        file,
        location,
        problem: `is not valid JSON (${reason})`,
        fix: 'Fix the line so it holds exactly one JSON object, e.g. {"prompt": "...", "answer": "..."}.',
      });
    }
    if (!isObject(parsed)) {
      throw new QueryValidationError({
        file,
        location,
        problem: `holds ${Array.isArray(parsed) ? 'an array' : typeof parsed}, not a JSON object`,
        fix: 'Write one object per line, e.g. {"prompt": "...", "answer": "..."}.',
      });
    }
    rows.push({ values: parsed, location });
  });
  return rows;
}

/** A `.json` file: either a JSON array of objects, or JSON Lines under a .json name (common on the Hub). */
export async function readJson(path: string, file: string): Promise<RawRow[]> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  if (!text.trimStart().startsWith('[')) return parseJsonLines(text, file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new QueryValidationError({ file, problem: `is not valid JSON (${reason})`, fix: 'Fix the JSON, or write one object per line as .jsonl.' });
  }
  const items = parsed as unknown[];
  return items.map((item, index) => {
    const location = { file, index };
    if (!isObject(item)) {
      throw new QueryValidationError({ file, location, problem: 'is not a JSON object', fix: 'Make every array item an object with the query fields.' });
    }
    return { values: item, location };
  });
}
