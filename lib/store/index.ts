/**
 * lib/store: run folders on disk. A run is `run.json` (settings, written first), `journal.jsonl`
 * (one durable line per finished query), and at the end `results.parquet` and `manifest.json`.
 */
export type {
  AgentTaskRow, AgentToolCallRow, AgentTurnRow, HardwareInfo, NewRunSpec, QueryResult, RunIdentity, RunListing, RunManifest, RunManifestInput,
  RunSpec, SoftwareInfo,
} from './types.ts';
export {
  AGENT_JOURNAL_FILE, AGENT_TASKS_FILE, AGENT_TOOL_CALLS_FILE, AGENT_TURNS_FILE, MANIFEST_FILE, PARQUET_FILE, RUN_FILE,
} from './files.ts';
export {
  AgentJournal, finalizeAgentTables, hasAgentTables, readAgentJournal, readAgentTables,
  type AgentJournalContents, type AgentTables, type AgentTablesOutcome, type AgentTaskRecord,
} from './agent-tables.ts';
export { RunJournal } from './journal.ts';
export { loadRunSpec, loadRunSummary, resumeRun, startRun, type RunHandle, type RunSummary } from './run.ts';
export { finalizeRun, readResults, type FinalizeOutcome } from './results.ts';
export { hashFile, readManifest, writeManifest } from './manifest.ts';
export { collectHardware } from './hardware.ts';
export { collectSoftware } from './software.ts';
export { listLoadRuns, listRuns } from './list.ts';
export { writePartitionedParquet, writeResultsPartitioned } from './partitioned.ts';
export { quoteIdent, quoteString, quoteStringList } from './sql-quote.ts';
export {
  LOAD_INTERVALS_FILE, LOAD_JOURNAL_FILE, LOAD_PARQUET_FILE, LOAD_REQUESTS_FILE, LOAD_SPEC_FILE, LOAD_SUMMARY_FILE,
  LoadJournal, finishLoadRun, readLoadRun, startLoadRun, toJsonKeepingNaN, type LoadRequestRow, type LoadRunContents, type LoadRunSpec,
} from './load-run.ts';
