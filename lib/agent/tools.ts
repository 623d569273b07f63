import { performance } from 'node:perf_hooks';
import { CalcError, evaluate, exactDecimal, formatRational } from './rational.ts';
import type { Workspace } from './workspace.ts';

/** A parameter of a tool: a JSON-schema-like type and what it means. */
export interface ToolParameter {
  type: 'string' | 'number' | 'integer' | 'boolean';
  description: string;
  /** Default true. */
  required?: boolean;
}

/**
 * A tool an agent may call: a typed function with a name and description the model reads. `run` gets the
 * arguments after they were checked against `parameters`, and returns the observation text. What it throws goes
 * back to the model as an error observation.
 */
export interface AgentTool<A extends Record<string, unknown> = Record<string, unknown>> {
  name: string;
  description: string;
  parameters: Record<keyof A & string, ToolParameter>;
  run(args: A, context: { signal: AbortSignal }): string | Promise<string>;
}

/** Type helper for a user tool: `defineTool<{ q: string }>({ name, description, parameters: { q: {...} }, run })`. */
export function defineTool<A extends Record<string, unknown>>(tool: AgentTool<A>): AgentTool {
  return tool as unknown as AgentTool;
}

/** A tool's input that does not fit its parameters; reported to the model. */
export class ToolInputError extends Error {
  override name = 'ToolInputError';
}

/**
 * Checks and coerces a call's input against the tool's parameters. A bare string (a ReAct `Action Input: 2+2`) is
 * given to the tool's only required string parameter; numeric strings become numbers for number parameters.
 */
export function bindArguments(tool: AgentTool, input: unknown): Record<string, unknown> {
  const params = Object.entries(tool.parameters) as [string, ToolParameter][];
  let args: Record<string, unknown>;
  if (typeof input === 'string' || typeof input === 'number') {
    const required = params.filter(([, p]) => p.required !== false);
    const target = required.length === 1 ? required[0] : params.length === 1 ? params[0] : undefined;
    if (target === undefined) throw new ToolInputError(`${tool.name} takes named arguments (${params.map(([n]) => n).join(', ')}); give them as a JSON object`);
    args = { [target[0]]: input };
  } else if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    args = { ...(input as Record<string, unknown>) };
  } else if (input === undefined || input === null) {
    args = {};
  } else {
    throw new ToolInputError(`${tool.name} takes a JSON object of arguments`);
  }
  for (const key of Object.keys(args)) {
    if (!(key in tool.parameters)) throw new ToolInputError(`${tool.name} has no argument '${key}' (it takes: ${params.map(([n]) => n).join(', ') || 'none'})`);
  }
  for (const [name, p] of params) {
    const value = args[name];
    if (value === undefined) {
      if (p.required !== false) throw new ToolInputError(`${tool.name} needs the argument '${name}' (${p.description})`);
      continue;
    }
    switch (p.type) {
      case 'string':
        if (typeof value === 'number' || typeof value === 'boolean') args[name] = String(value);
        else if (typeof value !== 'string') throw new ToolInputError(`${tool.name}: '${name}' must be a string`);
        break;
      case 'number':
      case 'integer': {
        const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
        if (typeof n !== 'number' || !Number.isFinite(n) || (p.type === 'integer' && !Number.isInteger(n))) {
          throw new ToolInputError(`${tool.name}: '${name}' must be ${p.type === 'integer' ? 'an integer' : 'a number'}, got ${JSON.stringify(value)}`);
        }
        args[name] = n;
        break;
      }
      case 'boolean':
        if (value === 'true' || value === 'false') args[name] = value === 'true';
        else if (typeof value !== 'boolean') throw new ToolInputError(`${tool.name}: '${name}' must be true or false`);
        break;
    }
  }
  return args;
}

/** Milliseconds a tool call may run before it is abandoned, when `toolTimeoutMs` is not given. Default 10000. */
export const DEFAULT_TOOL_TIMEOUT_MS = 10_000;

/** One tool call's outcome and cost. */
export interface ToolCallRecord {
  tool: string;
  /** The input as the model wrote it (parsed JSON, or the raw text). */
  input: unknown;
  ok: boolean;
  /** What the model sees next: the tool's output, or `Error: ...`. */
  observation: string;
  /** Why the call failed: 'unknown-tool', 'bad-input', 'error' (the tool threw) or 'timeout'; null on success. */
  failure: 'unknown-tool' | 'bad-input' | 'error' | 'timeout' | null;
  /** `performance.now()` ms around the call. */
  startMs: number;
  endMs: number;
  wallMs: number;
  /**
   * process.cpuUsage() user + system ms over the call: the whole process (every thread, the energy sampler's
   * included), not the tool alone.
   */
  cpuMs: number;
}

/**
 * Runs one tool call in-process and never throws: an unknown tool, bad input, an exception or a timeout becomes an
 * error observation. A timeout abandons the call (its promise keeps running; `signal` tells it to stop); a tool
 * that blocks the event loop cannot be interrupted in-process.
 */
export async function callTool(tools: readonly AgentTool[], name: string, input: unknown, options: { timeoutMs?: number } = {}): Promise<ToolCallRecord> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS;
  const cpuStart = process.cpuUsage();
  const startMs = performance.now();
  const done = (ok: boolean, observation: string, failure: ToolCallRecord['failure']): ToolCallRecord => {
    const endMs = performance.now();
    const cpu = process.cpuUsage(cpuStart);
    return { tool: name, input, ok, observation, failure, startMs, endMs, wallMs: endMs - startMs, cpuMs: (cpu.user + cpu.system) / 1000 };
  };
  const tool = tools.find((t) => t.name === name);
  if (tool === undefined) return done(false, `Error: unknown tool '${name}'. Available tools: ${tools.map((t) => t.name).join(', ')}`, 'unknown-tool');
  let args: Record<string, unknown>;
  try {
    args = bindArguments(tool, input);
  } catch (error) {
    return done(false, `Error: ${(error as Error).message}`, 'bad-input');
  }
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const TIMED_OUT = Symbol('timeout');
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  try {
    const result = await Promise.race([Promise.resolve().then(() => tool.run(args, { signal: controller.signal })), timeout]);
    if (result === TIMED_OUT) {
      controller.abort();
      return done(false, `Error: ${name} did not finish within ${timeoutMs} ms`, 'timeout');
    }
    return done(true, typeof result === 'string' ? result : JSON.stringify(result) ?? String(result), null);
  } catch (error) {
    return done(false, `Error: ${error instanceof Error ? error.message : String(error)}`, 'error');
  } finally {
    clearTimeout(timer);
  }
}

/** The calculator: exact rational arithmetic over + - * / ^ and parentheses. */
export const calculatorTool: AgentTool = defineTool<{ expression: string }>({
  name: 'calculator',
  description: 'Evaluates an arithmetic expression exactly (fractions, no rounding). Operators: + - * / ^ and parentheses. Example input: {"expression": "(3/4 + 2) * 10^3"}',
  parameters: { expression: { type: 'string', description: 'the expression, e.g. "12 * (7 - 3) / 5"' } },
  run: ({ expression }) => {
    const value = evaluate(expression);
    const decimal = exactDecimal(value);
    const fraction = formatRational(value);
    return decimal === null || decimal === fraction ? fraction : `${fraction} (= ${decimal})`;
  },
});

export { CalcError };

/** list_files, read_file and write_file over one workspace. */
export function workspaceTools(workspace: Workspace): AgentTool[] {
  return [
    defineTool<{ path?: string }>({
      name: 'list_files',
      description: 'Lists the files in the workspace (or in one folder of it), with their sizes in bytes.',
      parameters: { path: { type: 'string', description: 'a folder relative to the workspace root; default the root', required: false } },
      run: async ({ path }) => {
        const entries = await workspace.list(path ?? '.');
        if (entries.length === 0) return '(empty)';
        return entries.map((e) => (e.type === 'file' ? `${e.path} (${e.sizeBytes} bytes)` : `${e.path} (${e.type})`)).join('\n');
      },
    }),
    defineTool<{ path: string }>({
      name: 'read_file',
      description: 'Returns the text of a file in the workspace.',
      parameters: { path: { type: 'string', description: 'the file, relative to the workspace root' } },
      run: ({ path }) => workspace.read(path),
    }),
    defineTool<{ path: string; content: string }>({
      name: 'write_file',
      description: 'Writes text to a file in the workspace, replacing it if it exists. Example input: {"path": "out.txt", "content": "42"}',
      parameters: {
        path: { type: 'string', description: 'the file, relative to the workspace root' },
        content: { type: 'string', description: 'the full new text of the file' },
      },
      run: async ({ path, content }) => `wrote ${await workspace.write(path, content)} bytes to ${path}`,
    }),
  ];
}
