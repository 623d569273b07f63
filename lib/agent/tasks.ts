import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gradeResponse, type Grade } from '../grade/index.ts';
import { GRADER_NAMES, type GraderName, type Query } from '../queries/index.ts';
import { runAgent, type AgentLoopOptions, type AgentRun } from './loop.ts';
import { calculatorTool, workspaceTools, type AgentTool } from './tools.ts';
import { Workspace } from './workspace.ts';

/** The bundled agent task set: arithmetic that needs the calculator, and file tasks judged by the folder's end state. */
export const AGENT_TASKS_PATH: string = fileURLToPath(new URL('./agent-tasks.jsonl', import.meta.url));

/** One agent task: a query (graded on the Final Answer) plus the workspace it starts from and must end in. */
export interface AgentTask {
  id: string;
  domain: string;
  prompt: string;
  /** Reference for the Final Answer, read by `grader` (lib/grade). */
  answer: string;
  grader: GraderName;
  /** The workspace's files at the start: relative path -> text. */
  files?: Record<string, string>;
  /** Files the workspace must hold at the end, with exactly this text (trailing whitespace ignored). */
  expectFiles?: Record<string, string>;
}

function stringRecord(value: unknown, where: string): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${where} must be an object of path -> text`);
  for (const [k, v] of Object.entries(value)) if (typeof v !== 'string') throw new Error(`${where}.${k} must be a string`);
  return value as Record<string, string>;
}

/** Parses JSONL agent tasks; throws naming the file, line and field on a bad row. */
export function parseAgentTasks(text: string, file = 'tasks'): AgentTask[] {
  const tasks: AgentTask[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file}:${i + 1}`;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${where}: not valid JSON (${(error as Error).message})`);
    }
    for (const field of ['id', 'domain', 'prompt', 'answer', 'grader'] as const) {
      if (typeof row[field] !== 'string' || row[field] === '') throw new Error(`${where}: field '${field}' must be a non-empty string`);
    }
    const grader = row.grader as GraderName;
    if (!GRADER_NAMES.includes(grader) || grader === 'judge') throw new Error(`${where}: field 'grader' must be one of numeric, exact, mc (got '${grader}')`);
    const id = row.id as string;
    if (seen.has(id)) throw new Error(`${where}: id '${id}' is used twice; ids must be unique`);
    seen.add(id);
    tasks.push({
      id,
      domain: row.domain as string,
      prompt: row.prompt as string,
      answer: row.answer as string,
      grader,
      ...(row.files !== undefined ? { files: stringRecord(row.files, `${where}: field 'files'`) } : {}),
      ...(row.expectFiles !== undefined ? { expectFiles: stringRecord(row.expectFiles, `${where}: field 'expectFiles'`) } : {}),
    });
  });
  return tasks;
}

/** Reads a JSONL file of agent tasks (default: the bundled set). */
export async function loadAgentTasks(path: string = AGENT_TASKS_PATH): Promise<AgentTask[]> {
  return parseAgentTasks(await readFile(path, 'utf8'), path);
}

/** A graded task: the loop's run, the answer's grade, and the workspace's end state against `expectFiles`. */
export interface AgentTaskResult extends AgentRun {
  taskId: string;
  domain: string;
  /** Grade of the Final Answer (lib/grade); a task without one is graded on the empty answer. */
  grade: Grade;
  /** Expected files that are missing or differ at the end, by path; empty when all match. */
  fileMismatches: string[];
  /** The answer graded correct and every expected file in place. */
  correct: boolean;
}

/** Whether the workspace's end state holds every expected file; the paths that differ. */
export function compareFiles(actual: Record<string, string>, expected: Record<string, string>): string[] {
  return Object.entries(expected)
    .filter(([path, text]) => actual[path]?.trimEnd() !== text.trimEnd())
    .map(([path]) => path);
}

export interface AgentTaskOptions extends Omit<AgentLoopOptions, 'tools'> {
  /** Tools beside the built-in calculator and workspace tools (list_files, read_file, write_file). */
  tools?: readonly AgentTool[];
}

/** Runs one task in a fresh workspace with the built-in tools (and `tools`), grades it and removes the workspace. */
export async function runAgentTask(task: AgentTask, options: AgentTaskOptions): Promise<AgentTaskResult> {
  const workspace = await Workspace.create({ files: task.files });
  try {
    const tools = [calculatorTool, ...workspaceTools(workspace), ...(options.tools ?? [])];
    const run = await runAgent(task.prompt, { ...options, tools });
    const query: Query = { id: task.id, prompt: task.prompt, domain: task.domain, answer: task.answer, grader: task.grader };
    const grade = await gradeResponse(query, run.answer ?? '');
    const fileMismatches = task.expectFiles ? compareFiles(await workspace.snapshot(), task.expectFiles) : [];
    return { ...run, taskId: task.id, domain: task.domain, grade, fileMismatches, correct: grade.correct && fileMismatches.length === 0 };
  } finally {
    await workspace.dispose();
  }
}
