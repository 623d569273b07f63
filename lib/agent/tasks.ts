import { readFile } from 'node:fs/promises';
import { jsonlObjects } from './jsonl.ts';
import { fileURLToPath } from 'node:url';
import { gradeResponse, type Grade } from '../grade/index.ts';
import { GRADER_NAMES, type GraderName, type Query } from '../queries/index.ts';
import { runAgent, type AgentLoopOptions, type AgentRun } from './loop.ts';
import { loadSearchIndex, searchTool, type SearchIndex } from './search.ts';
import { calculatorTool, workspaceTools, type AgentTool } from './tools.ts';
import { Workspace } from './workspace.ts';

/**
 * The bundled agent task set (data/agent-tasks.jsonl): arithmetic that needs the calculator, lookups that need the
 * search tool over AGENT_DOCS_PATH, and file tasks judged by the folder's end state.
 */
export const AGENT_TASKS_PATH: string = fileURLToPath(new URL('../../data/agent-tasks.jsonl', import.meta.url));
/** The bundled document collection (data/agent-docs) the `search` tool reads: a fictional country, so no model knows the answers. */
export const AGENT_DOCS_PATH: string = fileURLToPath(new URL('../../data/agent-docs', import.meta.url));

/** The built-in tools a task may name in its `tools` field. */
export const BUILTIN_TOOL_NAMES = ['calculator', 'search', 'list_files', 'read_file', 'write_file'] as const;
export type BuiltinToolName = (typeof BUILTIN_TOOL_NAMES)[number];
/** The built-in tools of a task without a `tools` field: the calculator and the workspace tools (no search). */
export const DEFAULT_TASK_TOOLS: readonly BuiltinToolName[] = ['calculator', 'list_files', 'read_file', 'write_file'];

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
  /** The built-in tools the task gets, in this order (names from BUILTIN_TOOL_NAMES). Default DEFAULT_TASK_TOOLS. */
  tools?: BuiltinToolName[];
  /**
   * Relative tolerance of the `numeric` grader for this task, with no absolute tolerance beside it; default the
   * grader's (1e-6 relative, 1e-9 absolute). 0 asks for the exact value: exact for fractions and for integers up to
   * 2^53, past which the grader compares doubles.
   */
  relTol?: number;
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
  for (const { row, where } of jsonlObjects(text, file, '{id, domain, prompt, answer, grader, ...}')) {
    for (const field of ['id', 'domain', 'prompt', 'answer', 'grader'] as const) {
      if (typeof row[field] !== 'string' || row[field] === '') throw new Error(`${where}: field '${field}' must be a non-empty string`);
    }
    const grader = row.grader as GraderName;
    if (!GRADER_NAMES.includes(grader) || grader === 'judge') throw new Error(`${where}: field 'grader' must be one of numeric, exact, mc (got '${grader}')`);
    const id = row.id as string;
    if (seen.has(id)) throw new Error(`${where}: id '${id}' is used twice; ids must be unique`);
    seen.add(id);
    if (row.tools !== undefined) {
      const tools = row.tools;
      const known = BUILTIN_TOOL_NAMES as readonly unknown[];
      if (!Array.isArray(tools) || tools.length === 0 || tools.some((t) => !known.includes(t)) || new Set(tools).size !== tools.length) {
        throw new Error(`${where}: field 'tools' must be a non-empty list of distinct tool names from ${BUILTIN_TOOL_NAMES.join(', ')} (got ${JSON.stringify(tools)})`);
      }
    }
    if (row.relTol !== undefined) {
      if (typeof row.relTol !== 'number' || !(row.relTol >= 0)) throw new Error(`${where}: field 'relTol' must be a number >= 0 (got ${JSON.stringify(row.relTol)})`);
      if (grader !== 'numeric') throw new Error(`${where}: field 'relTol' applies only to the numeric grader; remove it or set grader to numeric`);
    }
    tasks.push({
      id,
      domain: row.domain as string,
      prompt: row.prompt as string,
      answer: row.answer as string,
      grader,
      ...(row.files !== undefined ? { files: stringRecord(row.files, `${where}: field 'files'`) } : {}),
      ...(row.expectFiles !== undefined ? { expectFiles: stringRecord(row.expectFiles, `${where}: field 'expectFiles'`) } : {}),
      ...(row.tools !== undefined ? { tools: row.tools as BuiltinToolName[] } : {}),
      ...(row.relTol !== undefined ? { relTol: row.relTol as number } : {}),
    });
  }
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
  /** Tools beside the task's built-in ones (its `tools` field, default calculator, list_files, read_file, write_file). */
  tools?: readonly AgentTool[];
  /** The collection the `search` tool reads, for tasks that name it. Default: the bundled one (AGENT_DOCS_PATH), loaded once per process. */
  documents?: SearchIndex;
}

/**
 * A task's built-in tools (`task.tools`, default DEFAULT_TASK_TOOLS), in its order, over one workspace and, for
 * `search`, one document collection. Throws when the task names `search` and no collection is given.
 */
export function taskTools(task: AgentTask, workspace: Workspace, documents?: SearchIndex): AgentTool[] {
  const files = workspaceTools(workspace);
  return (task.tools ?? DEFAULT_TASK_TOOLS).map((name) => {
    if (name === 'calculator') return calculatorTool;
    if (name === 'search') {
      if (documents === undefined) throw new Error(`task ${task.id} uses the search tool; give a document collection (documents)`);
      return searchTool(documents);
    }
    return files.find((t) => t.name === name)!;
  });
}

/** A task's grade: the Final Answer (null grades as the empty answer) and the workspace's files against `expectFiles`. */
export async function gradeAgentTask(task: AgentTask, answer: string | null, files: Record<string, string>): Promise<Pick<AgentTaskResult, 'grade' | 'fileMismatches' | 'correct'>> {
  const query: Query = { id: task.id, prompt: task.prompt, domain: task.domain, answer: task.answer, grader: task.grader };
  const grade = await gradeResponse(query, answer ?? '', task.relTol === undefined ? {} : { relTol: task.relTol, absTol: 0 });
  const fileMismatches = task.expectFiles ? compareFiles(files, task.expectFiles) : [];
  return { grade, fileMismatches, correct: grade.correct && fileMismatches.length === 0 };
}

let bundledDocuments: Promise<SearchIndex> | undefined;

/** The bundled collection's index, built on first use and kept for the process. */
export function bundledSearchIndex(): Promise<SearchIndex> {
  bundledDocuments ??= loadSearchIndex(AGENT_DOCS_PATH).catch((error: unknown) => {
    bundledDocuments = undefined;
    throw error;
  });
  return bundledDocuments;
}

/** Runs one task in a fresh workspace with its built-in tools (and `tools`), grades it and removes the workspace. */
export async function runAgentTask(task: AgentTask, options: AgentTaskOptions): Promise<AgentTaskResult> {
  const documents = task.tools?.includes('search') ? (options.documents ?? (await bundledSearchIndex())) : options.documents;
  const workspace = await Workspace.create({ files: task.files });
  try {
    const tools = [...taskTools(task, workspace, documents), ...(options.tools ?? [])];
    const { documents: _documents, ...loopOptions } = options;
    const run = await runAgent(task.prompt, { ...loopOptions, tools });
    const graded = await gradeAgentTask(task, run.answer, task.expectFiles ? await workspace.snapshot() : {});
    return { ...run, taskId: task.id, domain: task.domain, ...graded };
  } finally {
    await workspace.dispose();
  }
}
