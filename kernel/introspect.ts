// complete, inspect and is_complete. Completion and inspection ask the TypeScript language service over the cells so
// far (types.ts: signatures, doc comments, members after an index such as `run.results[0].`), and add what live values
// show (globals a cell created at run time, members of untyped values); with no type service, live values alone.
import ts from 'typescript';
import { inspect } from 'node:util';
import type { TypeService } from './types.ts';

const KEYWORDS = ['async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'default', 'delete', 'do', 'else',
  'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'interface', 'let',
  'new', 'null', 'return', 'switch', 'this', 'throw', 'true', 'try', 'type', 'typeof', 'undefined', 'var', 'void', 'while', 'yield'];

/** Jupyter counts cursor positions in Unicode code points; JavaScript strings index UTF-16 units. */
export function codePointToIndex(text: string, cursor: number): number {
  let index = 0;
  for (let cp = 0; cp < cursor && index < text.length; cp++) index += text.codePointAt(index)! > 0xffff ? 2 : 1;
  return index;
}

export function indexToCodePoint(text: string, index: number): number {
  return [...text.slice(0, index)].length;
}

/** Follows `a.b.c` from the global scope; undefined when any step is missing. Getters run, as in a REPL. */
function resolvePath(path: string[]): { found: boolean; value: unknown } {
  let value: unknown = globalThis;
  for (const key of path) {
    if (value === null || value === undefined) return { found: false, value: undefined };
    try {
      const holder = Object(value) as Record<string, unknown>;
      if (!(key in holder)) return { found: false, value: undefined };
      value = holder[key];
    } catch {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value };
}

function memberNames(value: unknown): string[] {
  const names = new Set<string>();
  for (let o: unknown = Object(value); o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const n of Object.getOwnPropertyNames(o)) if (!/^\d+$/.test(n) && n !== 'constructor') names.add(n);
  }
  return [...names];
}

/** Names declared in the cell being typed, which do not exist as globals until it runs. */
function declaredIn(code: string): string[] {
  const names: string[] = [];
  for (const m of code.matchAll(/\b(?:const|let|var|function\*?|class|enum|interface|type)\s+([A-Za-z_$][\w$]*)/g)) names.push(m[1]!);
  for (const m of code.matchAll(/\bimport\s+(?:type\s+)?([^'"]+?)\s+from\b/g)) names.push(...m[1]!.split(/[\s,{}*]+|\bas\b/).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n)));
  return names;
}

export interface CompleteReply {
  matches: string[];
  cursor_start: number;
  cursor_end: number;
  /** JupyterLab shows each match's kind from here. */
  metadata: { _jupyter_types_experimental?: { start: number; end: number; text: string; type: string }[] };
}

/** Runs a type-service call; a failure there (a bug, a file it cannot read) leaves completion to live values. */
function typed<T>(call: () => T | undefined, log?: (text: string) => void): T | undefined {
  try {
    return call();
  } catch (error) {
    log?.(`type service failed: ${(error as Error)?.stack ?? String(error)}`);
    return undefined;
  }
}

export function complete(code: string, cursorPos: number, types?: TypeService, log?: (text: string) => void): CompleteReply {
  const cursor = codePointToIndex(code, cursorPos);
  const before = code.slice(0, cursor);
  const prefix = /[A-Za-z_$][\w$]*$/.exec(before)?.[0] ?? '';
  const fromTypes = types === undefined ? undefined : typed(() => types.completions(code, cursor), log);
  // After `.` or `?.` (also behind an index or a call: `run.results[0].`), complete members only.
  const afterDot = /\??\.\s*$/.test(before.slice(0, cursor - prefix.length)) && !/\d\.$/.test(before.slice(0, cursor - prefix.length));
  const member = /([A-Za-z_$][\w$]*(?:\s*\??\.\s*[A-Za-z_$][\w$]*)*)\s*\??\.\s*([\w$]*)$/.exec(before);
  const candidates: string[] = [...(fromTypes?.names ?? [])];
  if (afterDot || fromTypes?.isMember === true) {
    if (member) {
      const target = resolvePath(member[1]!.split(/\s*\??\.\s*/));
      if (target.found) candidates.push(...memberNames(target.value));
    }
  } else {
    candidates.push(...Object.getOwnPropertyNames(globalThis), ...KEYWORDS, ...declaredIn(code));
  }
  const matches = [...new Set(candidates.filter((n) => n.startsWith(prefix) && !n.startsWith('__ipw')))].sort((a, b) => {
    const hiddenA = a.startsWith('_') ? 1 : 0;
    const hiddenB = b.startsWith('_') ? 1 : 0;
    return hiddenA - hiddenB || a.localeCompare(b);
  });
  const start = indexToCodePoint(code, cursor - prefix.length);
  const metadata: CompleteReply['metadata'] = {};
  if (fromTypes !== undefined) {
    metadata._jupyter_types_experimental = matches.map((text) => ({ start, end: cursorPos, text, type: fromTypes.kinds.get(text) ?? '' }));
  }
  return { matches, cursor_start: start, cursor_end: cursorPos, metadata };
}

export interface InspectReply {
  found: boolean;
  data: Record<string, string>;
  metadata: Record<string, never>;
}

/** The dotted name under or just before the cursor, e.g. `ipw.profile.profile` for `ipw.prof|ile.profile(`. */
function nameAt(code: string, cursor: number): string {
  const left = /[\w$.]*$/.exec(code.slice(0, cursor))![0];
  const right = /^[\w$]*/.exec(code.slice(cursor))![0];
  let name = (left + right).replace(/^\.+|\.+$/g, '');
  if (name === '' && code.slice(0, cursor).endsWith('(')) name = /[\w$.]*$/.exec(code.slice(0, cursor - 1))![0];
  return name;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'function') return /^class\b/.test(Function.prototype.toString.call(value)) ? 'class' : 'function';
  if (typeof value === 'object') return (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name ?? 'object';
  return typeof value;
}

/**
 * The TypeScript signature and doc comment of the name at the cursor (library functions, the user's own cells), then,
 * for a live value that is not a function, the value itself; with no type information, the live value alone (a
 * function's source at detail level 1).
 */
export function inspectAt(code: string, cursorPos: number, detailLevel: number, types?: TypeService, log?: (text: string) => void): InspectReply {
  const cursor = codePointToIndex(code, cursorPos);
  const name = nameAt(code, cursor);
  const target = name === '' ? { found: false, value: undefined } : resolvePath(name.split('.'));
  const info = types === undefined ? undefined : typed(() => types.info(code, cursor), log);
  if (info !== undefined && info.signature !== '') {
    const sections = [info.signature, info.documentation];
    if (target.found && typeof target.value !== 'function') {
      sections.push(`value: ${inspect(target.value, { depth: detailLevel > 0 ? 4 : 1, maxArrayLength: 20, breakLength: 100 })}`);
    }
    const text = sections.filter((s) => s !== '').join('\n\n');
    const markdown = [`\`\`\`ts\n${info.signature}\n\`\`\``, ...sections.slice(1).filter((s) => s !== '')].join('\n\n');
    return { found: true, data: { 'text/plain': text, 'text/markdown': markdown }, metadata: {} };
  }
  if (!target.found) return { found: false, data: {}, metadata: {} };
  const value = target.value;
  let text = `${name}: ${typeName(value)}\n`;
  if (typeof value === 'function') {
    const source = Function.prototype.toString.call(value);
    text += detailLevel > 0 ? source : source.split('\n')[0]!.slice(0, 400);
  } else {
    text += inspect(value, { depth: detailLevel > 0 ? 4 : 1, maxArrayLength: 20, breakLength: 100 });
  }
  return { found: true, data: { 'text/plain': text }, metadata: {} };
}

/** 'incomplete' when the code stops mid-construct (an open brace, a dangling operator), so a console waits for more. */
export function isComplete(code: string): { status: 'complete' | 'incomplete' | 'invalid'; indent?: string } {
  if (code.trim() === '') return { status: 'complete' };
  const result = ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext }, reportDiagnostics: true });
  const errors = (result.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length === 0) return { status: 'complete' };
  const end = code.trimEnd().length;
  if (errors.some((d) => (d.start ?? 0) >= end)) return { status: 'incomplete', indent: '  ' };
  return { status: 'invalid' };
}
