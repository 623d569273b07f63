/** Names of the files inside a run folder. */
export const RUN_FILE = 'run.json';
export const JOURNAL_FILE = 'journal.jsonl';
export const PARQUET_FILE = 'results.parquet';
export const MANIFEST_FILE = 'manifest.json';
/** Agent runs: one durable line per task (its task, turn and tool-call rows), and the three tables written from it. */
export const AGENT_JOURNAL_FILE = 'agent-journal.jsonl';
export const AGENT_TASKS_FILE = 'agent_tasks.parquet';
export const AGENT_TURNS_FILE = 'agent_turns.parquet';
export const AGENT_TOOL_CALLS_FILE = 'agent_tool_calls.parquet';
