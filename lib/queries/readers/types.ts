import type { RowLocation } from '../errors.ts';
import type { RawValues } from '../values.ts';

export interface RawRow {
  values: RawValues;
  location: RowLocation;
}

/** Rows of one file (or one dataset split), before column mapping. */
export interface RawSource {
  /** The path used in error messages. */
  file: string;
  /** Prefix for generated ids, so ids stay unique when several files are loaded together. */
  idPrefix: string;
  rows: RawRow[];
}
