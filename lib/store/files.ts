/** Names of the files inside a run folder. */
export const RUN_FILE = 'run.json';
export const JOURNAL_FILE = 'journal.jsonl';
export const PARQUET_FILE = 'results.parquet';
export const MANIFEST_FILE = 'manifest.json';
