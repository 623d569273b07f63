// Agent runs (profile's `workload: 'agent'`): per task, one durable line in agent-journal.jsonl holding the task's row,
// its turns and its tool calls; at the end three Parquet tables beside results.parquet, holding the tasks whose result
// is in journal.jsonl. The line is written before the task's result, so a crash between the two leaves a line without
// a result: a resumed run re-runs that task, appends a second line for it, and the last line counts.
import fs from 'node:fs';
import path from 'node:path';
import { DurableAppendFile } from './append-file.ts';
import { AGENT_JOURNAL_FILE, AGENT_TASKS_FILE, AGENT_TOOL_CALLS_FILE, AGENT_TURNS_FILE } from './files.ts';
import { commitTemp, tempPathFor } from './fsutil.ts';
import { decodeLine, scanJsonLines, type LineScan } from './journal-read.ts';
import { toJsonKeepingNaN } from './load-run.ts';
import { appendValue, withConnection } from './parquet.ts';
import { loadRunSummary } from './run.ts';
import { SQL_TYPES, decodeNumber, kindProblem, type ColumnKind } from './schema.ts';
import { quoteIdent } from './sql-quote.ts';
import type { AgentTaskRow, AgentToolCallRow, AgentTurnRow } from './types.ts';

/** Every stored field and its column kind; a field added to a row type without a kind is a compile error. */
type Kinds<T> = { [K in keyof T]-?: ColumnKind };

const TASK_KINDS: Kinds<AgentTaskRow> = {
  runId: 'string',
  queryId: 'string',
  domain: 'string',
  outcome: 'string',
  turns: 'int',
  toolCalls: 'int',
  fileMismatches: 'string',
  kvCache: 'string',
  protocol: 'string',
  energyJ: 'double',
  turnsEnergyJ: 'double',
  toolsEnergyJ: 'double',
  gapsEnergyJ: 'double',
  gapsMs: 'double',
  clockStartMs: 'double',
  clockEndMs: 'double',
};

const TURN_KINDS: Kinds<AgentTurnRow> = {
  runId: 'string',
  queryId: 'string',
  turn: 'int',
  parsed: 'string',
  stopReason: 'string',
  promptTokens: 'int',
  prefilledTokens: 'int',
  completionTokens: 'int',
  reasoningTokens: 'int',
  clockStartMs: 'double',
  clockFirstTokenMs: 'double',
  clockEndMs: 'double',
  prefillMs: 'double',
  decodeMs: 'double',
  energyJ: 'double',
  prefillEnergyJ: 'double',
  decodeEnergyJ: 'double',
};

const TOOL_CALL_KINDS: Kinds<AgentToolCallRow> = {
  runId: 'string',
  queryId: 'string',
  turn: 'int',
  tool: 'string',
  input: 'string',
  ok: 'boolean',
  failure: 'nullableString',
  observationChars: 'int',
  wallMs: 'double',
  cpuMs: 'double',
  clockStartMs: 'double',
  clockEndMs: 'double',
  energyJ: 'double',
};

interface TableSpec {
  /** The table's name inside DuckDB, and the row kind in messages. */
  name: string;
  file: string;
  kinds: Record<string, ColumnKind>;
}

const TABLES = {
  tasks: { name: 'agent_tasks', file: AGENT_TASKS_FILE, kinds: TASK_KINDS },
  turns: { name: 'agent_turns', file: AGENT_TURNS_FILE, kinds: TURN_KINDS },
  toolCalls: { name: 'agent_tool_calls', file: AGENT_TOOL_CALLS_FILE, kinds: TOOL_CALL_KINDS },
} as const satisfies Record<string, TableSpec>;

/** One task of an agent run, as one line of agent-journal.jsonl holds it. */
export interface AgentTaskRecord {
  task: AgentTaskRow;
  /** In turn order. */
  turns: AgentTurnRow[];
  /** In call order. */
  toolCalls: AgentToolCallRow[];
}

function rowProblem(kinds: Record<string, ColumnKind>, value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const row = value as Record<string, unknown>;
  for (const [name, kind] of Object.entries(kinds)) {
    if (!(name in row)) return `missing field "${name}"`;
    const problem = kindProblem(kind, row[name]);
    if (problem) return `field "${name}": ${problem}, got ${JSON.stringify(row[name]) ?? typeof row[name]}`;
  }
  return null;
}

/** What is wrong with a record (shapes, and every turn and tool call belonging to the task's run and id), or null. */
function recordProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const record = value as Record<string, unknown>;
  const taskProblem = rowProblem(TASK_KINDS, record.task);
  if (taskProblem) return `task: ${taskProblem}`;
  const task = record.task as AgentTaskRow;
  for (const [key, spec] of [['turns', TABLES.turns], ['toolCalls', TABLES.toolCalls]] as const) {
    const rows = record[key];
    if (!Array.isArray(rows)) return `${key}: expected an array`;
    for (const [i, row] of rows.entries()) {
      const problem = rowProblem(spec.kinds, row);
      if (problem) return `${key}[${i}]: ${problem}`;
      const { runId, queryId } = row as { runId: string; queryId: string };
      if (runId !== task.runId || queryId !== task.queryId) {
        return `${key}[${i}] belongs to run ${runId} task ${queryId}, not to the line's task (run ${task.runId}, task ${task.queryId})`;
      }
    }
  }
  return null;
}

/** NaN and infinities travel as strings in JSON (`toJsonKeepingNaN`); numeric fields get them back, text fields stay text. */
function decodeNumbers(row: unknown, kinds: Record<string, ColumnKind>): void {
  if (typeof row !== 'object' || row === null) return;
  const record = row as Record<string, unknown>;
  for (const [name, kind] of Object.entries(kinds)) {
    if ((kind === 'double' || kind === 'nullableDouble') && name in record) record[name] = decodeNumber(record[name]);
  }
}

/** Parses one line; throws on bad JSON, returns the problem for a bad shape. */
function decodeRecord(line: string): AgentTaskRecord | string {
  const parsed: unknown = JSON.parse(line);
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
    const record = parsed as Record<string, unknown>;
    decodeNumbers(record.task, TASK_KINDS);
    if (Array.isArray(record.turns)) for (const turn of record.turns) decodeNumbers(turn, TURN_KINDS);
    if (Array.isArray(record.toolCalls)) for (const call of record.toolCalls) decodeNumbers(call, TOOL_CALL_KINDS);
  }
  return recordProblem(parsed) ?? (parsed as AgentTaskRecord);
}

/** What an agent journal holds: the last line of each task, in the order of those lines. */
export interface AgentJournalContents extends LineScan {
  records: AgentTaskRecord[];
  /** Tasks with more than one line (re-run after a resume); their last line counts. */
  rerunIds: string[];
}

/**
 * Reads `runDir/agent-journal.jsonl` without modifying it; a missing file reads as empty, a torn last line is left
 * out (see `tornBytes`), and a corrupt complete line throws `JournalCorruptError` naming it.
 */
export function readAgentJournal(runDir: string): AgentJournalContents {
  const file = path.join(runDir, AGENT_JOURNAL_FILE);
  const byId = new Map<string, AgentTaskRecord>();
  const rerun = new Set<string>();
  const scan = scanJsonLines(file, (text, lineNumber) => {
    const decoded = decodeLine(file, lineNumber, text, decodeRecord);
    const id = decoded.task.queryId;
    if (byId.delete(id)) rerun.add(id);
    byId.set(id, decoded);
  });
  return { records: [...byId.values()], rerunIds: [...rerun], ...scan };
}

/**
 * The agent rows of a run as tasks finish, one JSON line per task, durable once `append` returns (fsynced, as
 * `RunJournal` writes). Append a task here before its result goes to `RunJournal`: after a crash a task then has both
 * lines or only this one, and `finalizeAgentTables` keeps only tasks with a result. NaN survives (as "NaN" in the text).
 */
export class AgentJournal {
  readonly file: string;
  /** What was repaired or tolerated on open: a torn last line cut off, tasks with more than one line. */
  readonly warnings: readonly string[];
  readonly #lines: DurableAppendFile;

  private constructor(file: string, lines: DurableAppendFile, warnings: string[]) {
    this.file = file;
    this.#lines = lines;
    this.warnings = warnings;
  }

  /** Opens (creating if needed) `runDir/agent-journal.jsonl` for appending; a torn last line left by a killed writer is cut off. */
  static open(runDir: string): AgentJournal {
    const file = path.join(runDir, AGENT_JOURNAL_FILE);
    const contents = readAgentJournal(runDir);
    const { handle, warnings } = DurableAppendFile.open(file, contents);
    if (contents.rerunIds.length > 0) warnings.push(`${file}: tasks run more than once, the last line counts: ${contents.rerunIds.join(', ')}`);
    return new AgentJournal(file, handle, warnings);
  }

  /**
   * Writes one task's rows as one line and fsyncs before returning. A task already in the journal may be appended
   * again (a re-run after a resume); the last line counts. Refuses rows of the wrong shape, and turns or tool calls
   * of another task.
   */
  append(record: AgentTaskRecord): void {
    if (this.#lines.closed) throw new Error(`Agent journal ${this.file} is closed`);
    const problem = recordProblem(record);
    if (problem) throw new Error(`Refusing to journal agent task ${String(record?.task?.queryId)}: ${problem}`);
    this.#lines.appendLine(toJsonKeepingNaN({ task: record.task, turns: record.turns, toolCalls: record.toolCalls }));
  }

  close(): void {
    this.#lines.close();
  }
}

/** The three agent tables of a run. */
export interface AgentTables {
  tasks: AgentTaskRow[];
  turns: AgentTurnRow[];
  toolCalls: AgentToolCallRow[];
}

export interface AgentTablesOutcome {
  /** Paths of agent_tasks.parquet, agent_turns.parquet and agent_tool_calls.parquet. */
  files: { tasks: string; turns: string; toolCalls: string };
  /** Rows written to each. */
  counts: { tasks: number; turns: number; toolCalls: number };
  /** Tasks in the agent journal but not among the completed ids (a crash before their result was written): left out. */
  leftOut: string[];
  /** Problems tolerated: completed ids with no agent line, tasks run more than once. */
  warnings: string[];
}

function columnsSql(spec: TableSpec): string {
  return Object.entries(spec.kinds).map(([name, kind]) => `${quoteIdent(name)} ${SQL_TYPES[kind]}`).join(', ');
}

/**
 * Writes agent_tasks.parquet, agent_turns.parquet and agent_tool_calls.parquet from the agent journal, holding the
 * tasks whose id is in `completedQueryIds` (the queryIds of results.parquet; the last line of each task), each file
 * replaced atomically. NaN is stored as NaN, as in results.parquet. Safe to call again after a resume.
 */
export async function finalizeAgentTables(runDir: string, completedQueryIds: ReadonlySet<string>): Promise<AgentTablesOutcome> {
  const spec = loadRunSummary(runDir);
  const journal = readAgentJournal(runDir);
  const journalFile = path.join(runDir, AGENT_JOURNAL_FILE);
  const foreign = journal.records.find((r) => r.task.runId !== spec.runId);
  if (foreign) throw new Error(`${journalFile}: task ${foreign.task.queryId} belongs to run ${foreign.task.runId}, not ${spec.runId}`);
  const kept = journal.records.filter((r) => completedQueryIds.has(r.task.queryId));
  const leftOut = journal.records.filter((r) => !completedQueryIds.has(r.task.queryId)).map((r) => r.task.queryId);
  const journaled = new Set(journal.records.map((r) => r.task.queryId));
  const missing = [...completedQueryIds].filter((id) => !journaled.has(id));
  const warnings: string[] = [];
  if (missing.length > 0) warnings.push(`${journalFile}: no agent rows for completed tasks ${missing.join(', ')}; the agent tables leave them out`);
  if (journal.rerunIds.length > 0) warnings.push(`${journalFile}: tasks run more than once, the last line counts: ${journal.rerunIds.join(', ')}`);
  const rows: Record<keyof typeof TABLES, readonly object[]> = {
    tasks: kept.map((r) => r.task),
    turns: kept.flatMap((r) => r.turns),
    toolCalls: kept.flatMap((r) => r.toolCalls),
  };
  const keys = Object.keys(TABLES) as (keyof typeof TABLES)[];
  const files = Object.fromEntries(keys.map((key) => [key, path.join(runDir, TABLES[key].file)])) as AgentTablesOutcome['files'];
  const temps = keys.map((key) => tempPathFor(files[key]));
  try {
    await withConnection(async (connection) => {
      for (const [i, key] of keys.entries()) {
        const table: TableSpec = TABLES[key];
        await connection.run(`CREATE TABLE ${quoteIdent(table.name)} (${columnsSql(table)})`);
        const appender = await connection.createAppender(table.name);
        for (const row of rows[key]) {
          for (const [name, kind] of Object.entries(table.kinds)) appendValue(appender, kind, (row as Record<string, unknown>)[name]);
          appender.endRow();
        }
        appender.closeSync();
        await connection.run(`COPY ${quoteIdent(table.name)} TO $1 (FORMAT parquet)`, [temps[i]!]);
      }
    });
    // All three are written before any replaces its old file, so a failure leaves the old set whole.
    keys.forEach((key, i) => commitTemp(temps[i]!, files[key]));
  } catch (error) {
    for (const temp of temps) fs.rmSync(temp, { force: true });
    throw error;
  }
  return { files, counts: { tasks: rows.tasks.length, turns: rows.turns.length, toolCalls: rows.toolCalls.length }, leftOut, warnings };
}

/** True when the run folder holds all three agent tables. */
export function hasAgentTables(runDir: string): boolean {
  return Object.values(TABLES).every((table) => fs.existsSync(path.join(runDir, table.file)));
}

/** Reads a run's three agent tables back from Parquet, rows in the order written (tasks in completion order). */
export async function readAgentTables(runDir: string): Promise<AgentTables> {
  const missing = Object.values(TABLES).find((table) => !fs.existsSync(path.join(runDir, table.file)));
  if (missing) throw new Error(`${runDir} has no ${missing.file}; finalizeAgentTables(runDir, completedQueryIds) writes it from ${AGENT_JOURNAL_FILE}`);
  return withConnection(async (connection) => {
    const read = async (table: TableSpec): Promise<unknown[]> => {
      const file = path.join(runDir, table.file);
      const columns = Object.keys(table.kinds).map(quoteIdent).join(', ');
      const rows = (await connection.runAndReadAll(`SELECT ${columns} FROM read_parquet($1)`, [file])).getRowObjectsJS();
      rows.forEach((row, i) => {
        const problem = rowProblem(table.kinds, row);
        if (problem) throw new Error(`${file} row ${i + 1} is not a valid ${table.name} row: ${problem}`);
      });
      return rows;
    };
    return {
      tasks: (await read(TABLES.tasks)) as AgentTaskRow[],
      turns: (await read(TABLES.turns)) as AgentTurnRow[],
      toolCalls: (await read(TABLES.toolCalls)) as AgentToolCallRow[],
    };
  });
}
