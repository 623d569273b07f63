// complete, inspect and is_complete. Completion reads live values (what cells have defined, and the members
// of objects reached by a dotted path), which needs no type information and is instant.
import ts from 'typescript';
import { inspect } from 'node:util';

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
}

export function complete(code: string, cursorPos: number): CompleteReply {
  const cursor = codePointToIndex(code, cursorPos);
  const before = code.slice(0, cursor);
  const member = /([A-Za-z_$][\w$]*(?:\s*\??\.\s*[A-Za-z_$][\w$]*)*)\s*\??\.\s*([\w$]*)$/.exec(before);
  let prefix: string;
  let candidates: string[];
  if (member) {
    prefix = member[2]!;
    const target = resolvePath(member[1]!.split(/\s*\??\.\s*/));
    candidates = target.found ? memberNames(target.value) : [];
  } else {
    prefix = /[A-Za-z_$][\w$]*$/.exec(before)?.[0] ?? '';
    candidates = [...Object.getOwnPropertyNames(globalThis), ...KEYWORDS, ...declaredIn(code)].filter((n) => !n.startsWith('__ipw'));
  }
  const matches = [...new Set(candidates.filter((n) => n.startsWith(prefix)))].sort((a, b) => {
    const hiddenA = a.startsWith('_') ? 1 : 0;
    const hiddenB = b.startsWith('_') ? 1 : 0;
    return hiddenA - hiddenB || a.localeCompare(b);
  });
  return { matches, cursor_start: indexToCodePoint(code, cursor - prefix.length), cursor_end: cursorPos };
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

export function inspectAt(code: string, cursorPos: number, detailLevel: number): InspectReply {
  const name = nameAt(code, codePointToIndex(code, cursorPos));
  const target = name === '' ? { found: false, value: undefined } : resolvePath(name.split('.'));
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
