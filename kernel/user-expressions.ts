// execute_request.user_expressions: small expressions a front-end evaluates after a cell (e.g. for a status bar).
import ts from 'typescript';
import { inspect } from 'node:util';
import vm from 'node:vm';
import { plainText } from './display.ts';

export function evaluateUserExpressions(expressions: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, expr] of Object.entries(expressions)) {
    try {
      const js = ts.transpile(`(${expr})`, { target: ts.ScriptTarget.ES2022 });
      const value: unknown = vm.runInThisContext(js);
      out[key] = { status: 'ok', data: { 'text/plain': plainText(value) }, metadata: {} };
    } catch (error) {
      const e = error instanceof Error ? error : new Error(inspect(error));
      out[key] = { status: 'error', ename: e.name, evalue: e.message, traceback: [`${e.name}: ${e.message}`] };
    }
  }
  return out;
}
