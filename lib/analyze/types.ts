/** A cell of an analysis table: what a notebook or CSV can show without further conversion. */
export type TableValue = string | number | boolean | null | number[];

/**
 * The result of every analysis: plain row objects plus column names (and their DuckDB types, so that
 * an export keeps them). A notebook kernel renders it as HTML; `formatTextTable` renders it for a terminal.
 */
export interface Table {
  columns: string[];
  /** DuckDB type of each column, e.g. "DOUBLE", "VARCHAR", "DOUBLE[]". */
  columnTypes: string[];
  rows: Array<Record<string, TableValue>>;
}

export interface StudyOptions {
  /** A DuckDB database file to keep the study in; in memory by default. */
  db?: string;
  /** DuckDB worker threads; DuckDB's default (all cores) when absent. */
  threads?: number;
  /** DuckDB memory limit, e.g. "1GB". */
  memoryLimit?: string;
}

/** How one run is tagged in a study, from its run.json and manifest.json. */
export interface RunTag {
  runId: string;
  runDir: string;
  model: string;
  quantization: string | null;
  accelerator: string;
  host: string | null;
  energySource: string | null;
  queriesSource: string;
  createdAt: string;
  /** manifest.json present: the run finished. */
  complete: boolean;
  /** Queries listed in run.json. */
  queries: number;
}

/** How one load run (lib/load: requests under an arrival pattern) is tagged in a study, from load.json and summary.json. */
export interface LoadRunTag {
  runId: string;
  runDir: string;
  model: string;
  /** Where the served model ran, from the summary; null for an unfinished run. */
  accelerator: string | null;
  /** The arrival pattern's settings as load.json stores them, e.g. `{ mode: 'closed', concurrency: 4 }`. */
  arrivals: Record<string, unknown>;
  /** requests.parquet and summary.json were written (the run finished). */
  finished: boolean;
}

