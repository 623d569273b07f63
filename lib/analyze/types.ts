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

/** Poisson bootstrap over queries, computed in SQL. */
export interface BootstrapSqlOptions {
  /** Number of resamples; default 1000. */
  resamples?: number;
  /** Same seed, same intervals, on any thread count. Default 0. */
  seed?: number;
  /** Coverage of the percentile interval; default 0.95. */
  confidence?: number;
  /**
   * Queries per domain are spread over at most this many resampling buckets (default 1000). A domain with
   * no more queries than this resamples single queries exactly; a larger one resamples random buckets of
   * queries, which keeps the cost independent of the query count. 0 means one bucket per query.
   */
  bucketsPerDomain?: number;
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
