import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { QueryValidationError } from '../errors.ts';
import type { RawValues } from '../values.ts';
import type { RawRow } from './types.ts';

interface CsvRecord {
  record: Record<string, string>;
  raw: string;
  info: { bytes: number };
}

const NEWLINE = 10;

/**
 * A CSV file with a header row. Empty cells are dropped, so they count as missing rather than as
 * empty text. Line numbers are where each record starts (a quoted cell may span several lines).
 */
export async function readCsv(path: string, file: string): Promise<RawRow[]> {
  const buffer = await readFile(path);
  let records: CsvRecord[];
  try {
    records = parse(buffer, { columns: true, info: true, raw: true, bom: true, skip_empty_lines: true, trim: false }) as CsvRecord[];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new QueryValidationError({
      file,
      problem: `could not be parsed as CSV (${reason})`,
      fix: 'Check that every row has as many cells as the header and that quotes are closed; cells with commas need double quotes.',
    });
  }
  let scanned = 0;
  let line = 1;
  return records.map((entry, index) => {
    // csv-parse reports byte offsets; counting newlines up to the record's first character gives its line.
    const start = entry.info.bytes - Buffer.byteLength(entry.raw) + (entry.raw.length - entry.raw.trimStart().length);
    for (; scanned < start; scanned++) if (buffer[scanned] === NEWLINE) line++;
    const values: RawValues = {};
    for (const [column, cell] of Object.entries(entry.record)) if (cell !== '') values[column] = cell;
    return { values, location: { file, line, index } };
  });
}
