// Agent tables (lib/store agent-tables): the durable per-task journal line and the three Parquet tables written from it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AGENT_JOURNAL_FILE, AGENT_TASKS_FILE, AGENT_TOOL_CALLS_FILE, AGENT_TURNS_FILE, AgentJournal, finalizeAgentTables, readAgentJournal,
  readAgentTables, RunJournal, startRun,
} from '../lib/store/index.ts';
import { JournalCorruptError, readJournal } from '../lib/store/journal-read.ts';
import { AGENT_RUN_ID as RUN_ID, agentRecord } from './helpers/agent-rows.ts';
import { tempDir } from './helpers/fixture.ts';

/** A run folder with run.json, as profile starts one. */
function runFolder(queryIds: readonly string[]): string {
  const dir = path.join(tempDir('ipw-agent-tables-'), 'run');
  startRun(dir, { runId: RUN_ID, model: { path: '/models/m.gguf' }, queriesSource: 'tasks.jsonl', queryIds: [...queryIds], settings: {} });
  return dir;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function folder(queryIds: readonly string[]): string {
  const dir = runFolder(queryIds);
  dirs.push(path.dirname(dir));
  return dir;
}

describe('agent journal', () => {
  it('keeps NaN through the journal as a number, and text that reads "NaN" as text', () => {
    const dir = folder(['t1']);
    const record = agentRecord('t1');
    record.task.energyJ = NaN;
    record.turns[1]!.clockFirstTokenMs = NaN;
    record.toolCalls[0]!.input = 'NaN';
    record.toolCalls[0]!.energyJ = Infinity;
    const journal = AgentJournal.open(dir);
    journal.append(record);
    journal.close();
    const text = fs.readFileSync(path.join(dir, AGENT_JOURNAL_FILE), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(2);
    const [read] = readAgentJournal(dir).records;
    expect(read!.task.energyJ).toBeNaN();
    expect(read!.turns[1]!.clockFirstTokenMs).toBeNaN();
    expect(read!.toolCalls[0]!.energyJ).toBe(Infinity);
    expect(read!.toolCalls[0]!.input).toBe('NaN');
    expect(read).toEqual(record);
  });

  it('cuts a torn last line left by a killed writer, says so, and appends cleanly after it', () => {
    const dir = folder(['t1', 't2']);
    const journal = AgentJournal.open(dir);
    journal.append(agentRecord('t1'));
    journal.close();
    const file = path.join(dir, AGENT_JOURNAL_FILE);
    const clean = fs.statSync(file).size;
    // Half of a second line, as a kill mid-write leaves it.
    const second = JSON.stringify(agentRecord('t2'));
    fs.appendFileSync(file, second.slice(0, second.length >> 1));
    expect(readAgentJournal(dir)).toMatchObject({ cleanBytes: clean, tornBytes: second.length >> 1 });
    expect(readAgentJournal(dir).records.map((r) => r.task.queryId)).toEqual(['t1']);
    const reopened = AgentJournal.open(dir);
    expect(reopened.warnings.join('\n')).toMatch(/removed a torn last line \(\d+ bytes\)/);
    expect(fs.statSync(file).size).toBe(clean);
    reopened.append(agentRecord('t2'));
    reopened.close();
    expect(readAgentJournal(dir).records.map((r) => r.task.queryId)).toEqual(['t1', 't2']);
  });

  it('a task run again after a resume has two lines: the last one counts', () => {
    const dir = folder(['t1', 't2']);
    const journal = AgentJournal.open(dir);
    journal.append(agentRecord('t1', { turns: 3, energyJ: 9 }));
    journal.append(agentRecord('t2'));
    journal.append(agentRecord('t1', { turns: 2, energyJ: 4 }));
    journal.close();
    const contents = readAgentJournal(dir);
    expect(contents.rerunIds).toEqual(['t1']);
    expect(contents.records.map((r) => [r.task.queryId, r.task.energyJ, r.turns.length])).toEqual([['t2', 2, 2], ['t1', 4, 2]]);
    expect(AgentJournal.open(dir).warnings.join('\n')).toMatch(/tasks run more than once, the last line counts: t1/);
  });

  it('refuses rows of the wrong shape and turns of another task before writing anything', () => {
    const dir = folder(['t1']);
    const journal = AgentJournal.open(dir);
    const stray = agentRecord('t1');
    stray.turns[1]!.queryId = 't9';
    expect(() => journal.append(stray)).toThrow(/turns\[1\] belongs to run agent-run task t9, not to the line's task \(run agent-run, task t1\)/);
    const bad = agentRecord('t1');
    (bad.task as unknown as Record<string, unknown>).turns = 1.5;
    expect(() => journal.append(bad)).toThrow(/task: field "turns": expected a 32-bit integer, got 1.5/);
    journal.close();
    expect(fs.readFileSync(path.join(dir, AGENT_JOURNAL_FILE), 'utf8')).toBe('');
    expect(() => journal.append(agentRecord('t1'))).toThrow(/is closed/);
  });

  it('a corrupt complete line is an error naming the file and line, never skipped', () => {
    const dir = folder(['t1']);
    const file = path.join(dir, AGENT_JOURNAL_FILE);
    fs.writeFileSync(file, `${JSON.stringify(agentRecord('t1'))}\n{"task": {"runId": "agent-run"}}\n`);
    expect(() => AgentJournal.open(dir)).toThrow(JournalCorruptError);
    expect(() => readAgentJournal(dir)).toThrow(/agent-journal\.jsonl line 2: task: missing field "queryId"/);
  });
});

describe('agent tables', () => {
  it('holds only tasks with a result (the last line of each), with their turns and tool calls, and reads back the same', async () => {
    const dir = folder(['t1', 't2', 't3', 't4']);
    const journal = AgentJournal.open(dir);
    const t1 = agentRecord('t1', { turns: 3 });
    t1.turns[2]!.clockFirstTokenMs = NaN;
    t1.toolCalls[1]! = { ...t1.toolCalls[1]!, ok: false, failure: 'timeout', energyJ: NaN };
    journal.append(agentRecord('t1', { turns: 1 }));
    journal.append(agentRecord('t2'));
    journal.append(t1);
    journal.append(agentRecord('t3', { turns: 1 }));
    journal.close();
    // t2 crashed before its result was written; t4 has a result but (wrongly) no agent line.
    const outcome = await finalizeAgentTables(dir, new Set(['t1', 't3', 't4']));
    expect(outcome.counts).toEqual({ tasks: 2, turns: 4, toolCalls: 2 });
    expect(outcome.leftOut).toEqual(['t2']);
    expect(outcome.warnings.join('\n')).toMatch(/no agent rows for completed tasks t4/);
    expect(outcome.warnings.join('\n')).toMatch(/last line counts: t1/);
    expect(outcome.files.tasks).toBe(path.join(dir, AGENT_TASKS_FILE));
    const tables = await readAgentTables(dir);
    const t3 = agentRecord('t3', { turns: 1 });
    // Tasks in the order of their last line; NaN read back as NaN, a null failure as null.
    expect(tables).toEqual({ tasks: [t1.task, t3.task], turns: [...t1.turns, ...t3.turns], toolCalls: [...t1.toolCalls] });
    expect(tables.turns[2]!.clockFirstTokenMs).toBeNaN();
    expect(tables.toolCalls[0]!.failure).toBeNull();
  });

  it('writes Parquet that DuckDB reads with the declared column types, NaN stored as NaN (as in results.parquet)', async () => {
    const dir = folder(['t1']);
    const journal = AgentJournal.open(dir);
    const record = agentRecord('t1');
    record.task.energyJ = NaN;
    journal.append(record);
    journal.close();
    await finalizeAgentTables(dir, new Set(['t1']));
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const types = async (file: string) =>
        Object.fromEntries((await connection.runAndReadAll('DESCRIBE SELECT * FROM read_parquet($1)', [path.join(dir, file)])).getRowObjectsJS().map((r) => [r.column_name, r.column_type]));
      expect(await types(AGENT_TASKS_FILE)).toMatchObject({ runId: 'VARCHAR', turns: 'INTEGER', energyJ: 'DOUBLE', kvCache: 'VARCHAR', gapsMs: 'DOUBLE' });
      expect(await types(AGENT_TURNS_FILE)).toMatchObject({ turn: 'INTEGER', prefilledTokens: 'INTEGER', clockFirstTokenMs: 'DOUBLE', stopReason: 'VARCHAR' });
      expect(await types(AGENT_TOOL_CALLS_FILE)).toMatchObject({ ok: 'BOOLEAN', failure: 'VARCHAR', observationChars: 'INTEGER', cpuMs: 'DOUBLE' });
      const nan = await connection.runAndReadAll('SELECT isnan(energyJ) AS nan, energyJ IS NULL AS missing FROM read_parquet($1)', [path.join(dir, AGENT_TASKS_FILE)]);
      expect(nan.getRowObjectsJS()).toEqual([{ nan: true, missing: false }]);
      const nulls = await connection.runAndReadAll('SELECT count(*)::INTEGER AS n FROM read_parquet($1) WHERE failure IS NULL', [path.join(dir, AGENT_TOOL_CALLS_FILE)]);
      expect(nulls.getRowObjectsJS()).toEqual([{ n: 1 }]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('writes empty tables when no task finished, and refuses rows of another run', async () => {
    const dir = folder(['t1']);
    const outcome = await finalizeAgentTables(dir, new Set());
    expect(outcome.counts).toEqual({ tasks: 0, turns: 0, toolCalls: 0 });
    expect(await readAgentTables(dir)).toEqual({ tasks: [], turns: [], toolCalls: [] });
    const journal = AgentJournal.open(dir);
    journal.append(agentRecord('t1', { runId: 'other-run' }));
    journal.close();
    await expect(finalizeAgentTables(dir, new Set(['t1']))).rejects.toThrow(/task t1 belongs to run other-run, not agent-run/);
  });

  it('says which function writes the tables when they are missing', async () => {
    const dir = folder(['t1']);
    await expect(readAgentTables(dir)).rejects.toThrow(/has no agent_tasks\.parquet; finalizeAgentTables\(runDir, completedQueryIds\) writes it/);
  });
});

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const url = (file: string) => JSON.stringify(pathToFileURL(path.join(PROJECT_ROOT, file)).href);

// The protocol profile follows for each task: the agent line, then the result. The writer prints each step after it
// returned; told to (argv[4]), it stops after the agent line of that task and waits to be killed, as a crash between
// the two writes would leave it. argv[3] marks which run wrote a line (in the task's gapsMs).
const WRITER_SCRIPT = `
import { AgentJournal, RunJournal } from ${url('lib/store/index.ts')};
import { agentRecord, taskResult } from ${url('test/helpers/agent-rows.ts')};
const [dir, attempt, stopAt] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4] ?? Infinity)];
const agent = AgentJournal.open(dir);
const results = RunJournal.open(dir);
for (let i = results.size; ; i++) {
  const record = agentRecord('t' + i, { turns: 1 + (i % 3) });
  record.task.gapsMs = attempt;
  agent.append(record);
  process.stdout.write('agent t' + i + '\\n');
  if (i === stopAt) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  results.append(taskResult(record, i));
  process.stdout.write('result t' + i + '\\n');
}
`;

/** Runs the writer until it has printed `killAfter` lines (or stopped where told), SIGKILLs it, and returns what it printed. */
function runAndKill(script: string, dir: string, attempt: number, killAfter: number, stopAt?: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir, String(attempt), ...(stopAt === undefined ? [] : [String(stopAt)])], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      stdout += text;
      const lines = stdout.split('\n').filter((l) => l);
      if (lines.length >= killAfter || (stopAt !== undefined && stdout.includes(`agent t${stopAt}\n`))) child.kill('SIGKILL');
    });
    child.stderr.on('data', (text: Buffer) => (stderr += text.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => (signal === 'SIGKILL' ? resolve(stdout.split('\n').filter((l) => l)) : reject(new Error(`writer exited unkilled: ${stderr}`))));
  });
}

/** The tasks with a result, as a resumed profile reads them. */
function completedIds(dir: string): Set<string> {
  const journal = RunJournal.open(dir);
  journal.close();
  return journal.completedIds();
}

describe('agent journal under SIGKILL', () => {
  it('a task killed between its agent line and its result is left out, re-run on resume, and its last line kept', async () => {
    const dir = folder(Array.from({ length: 500 }, (_, i) => `t${i}`));
    const script = path.join(path.dirname(dir), 'writer.mts');
    fs.writeFileSync(script, WRITER_SCRIPT);
    // Run 1: killed after t4's agent line, before its result.
    const first = await runAndKill(script, dir, 1, Infinity, 4);
    expect(first.at(-1)).toBe('agent t4');
    expect(readJournal(path.join(dir, 'journal.jsonl')).results.map((r) => r.queryId)).toEqual(['t0', 't1', 't2', 't3']);
    const cut = await finalizeAgentTables(dir, completedIds(dir));
    expect(cut.leftOut).toEqual(['t4']);
    expect((await readAgentTables(dir)).tasks.map((t) => t.queryId)).toEqual(['t0', 't1', 't2', 't3']);
    // Run 2 (the resume): starts again at t4 and is killed anywhere.
    const second = await runAndKill(script, dir, 2, 9);
    expect(second[0]).toBe('agent t4');
    const completed = completedIds(dir);
    // Every task with a result has its agent line: the agent line is durable before the result is written.
    const journaled = new Set(readAgentJournal(dir).records.map((r) => r.task.queryId));
    for (const id of completed) expect(journaled.has(id)).toBe(true);
    const outcome = await finalizeAgentTables(dir, completed);
    expect(outcome.warnings.join('\n')).toMatch(/last line counts: t4/);
    expect(outcome.warnings.join('\n')).not.toMatch(/no agent rows/);
    const tables = await readAgentTables(dir);
    expect(new Set(tables.tasks.map((t) => t.queryId))).toEqual(completed);
    expect(tables.tasks.find((t) => t.queryId === 't4')?.gapsMs).toBe(2);
    expect(tables.turns.filter((t) => t.queryId === 't4')).toHaveLength(2);
    expect(tables.turns).toHaveLength(tables.tasks.reduce((sum, t) => sum + t.turns, 0));
  }, 60_000);
});
