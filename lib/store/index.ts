/**
 * lib/store: run folders on disk. A run is `run.json` (settings, written first), `journal.jsonl`
 * (one durable line per finished query), and at the end `results.parquet` and `manifest.json`.
 */
export type {
  CpuInfo,
  EnergySourceInfo,
  GpuInfo,
  GradeStatus,
  HardwareInfo,
  JsonObject,
  JsonValue,
  ModelRef,
  NewRunSpec,
  QueryResult,
  RunIdentity,
  RunListing,
  RunManifest,
  RunManifestInput,
  RunSpec,
  RunStatus,
  SoftwareInfo,
  StopReason,
} from './types.ts';
export { JOURNAL_FILE, MANIFEST_FILE, PARQUET_FILE, RUN_FILE } from './files.ts';
export { RunJournal } from './journal.ts';
export { JournalCorruptError, readJournal, type JournalContents } from './journal-read.ts';
export { loadRunSpec, resumeRun, runIdentityDifferences, startRun, type RunHandle } from './run.ts';
export { finalizeRun, readResults, type FinalizeOutcome } from './results.ts';
export { readResultsParquet, writeResultsParquet } from './parquet.ts';
export { hashFile, readManifest, writeManifest } from './manifest.ts';
export { collectHardware } from './hardware.ts';
export { collectSoftware } from './software.ts';
export { listRuns } from './list.ts';
export { PARTITION_COLUMNS, writePartitionedParquet, writeResultsPartitioned } from './partitioned.ts';
