// Cell compilation and execution semantics, in-process: what persists between cells and how re-runs behave.
import { beforeAll, describe, expect, it } from 'vitest';
import { compileCell } from '../kernel/compile.ts';
import { Executor, type Outcome } from '../kernel/executor.ts';
import { importForCell } from '../kernel/globals.ts';
import { complete, inspectAt, isComplete } from '../kernel/introspect.ts';
import { htmlTable, toBundle } from '../kernel/display.ts';
import { MIME_BUNDLE, isMimeBundle } from '../kernel/display-api.ts';

const executor = new Executor();
let cellNumber = 0;
async function run(code: string): Promise<Outcome> {
  return executor.run(code, ++cellNumber);
}
async function value(code: string): Promise<unknown> {
  const outcome = await run(code);
  if (outcome.status === 'error') throw new Error(`${outcome.ename}: ${outcome.evalue}\n${outcome.traceback.join('\n')}`);
  return outcome.hasValue ? outcome.value : undefined;
}

beforeAll(() => {
  Object.defineProperty(globalThis, '__ipw', { value: { import: importForCell }, configurable: true });
});

describe('cell compilation', () => {
  it('keeps variables across cells and lets a re-run cell redefine const, let, function and class', async () => {
    expect(await value('const kc_a: number = 1; let kc_b = 2; kc_a + kc_b')).toBe(3);
    expect(await value('kc_a * 10')).toBe(10);
    expect(await value('const kc_a = "again"; kc_a')).toBe('again');
    await value('function kc_f(x: number) { return x + 1 }\nclass KcK { v = 1 }');
    await value('function kc_f(x: number) { return x + 2 }\nclass KcK { v = 2 }');
    expect(await value('[kc_f(1), new KcK().v]')).toEqual([3, 2]);
  });

  it('shares a let between a closure and later cells', async () => {
    await value('let kc_n = 0; function kc_inc() { kc_n++ }');
    expect(await value('kc_inc(); kc_inc(); kc_n')).toBe(2);
  });

  it('hoists function declarations within a cell', async () => {
    expect(await value('const kc_h = kc_g()\nfunction kc_g() { return "hoisted" }\nkc_h')).toBe("hoisted");
  });

  it('turns destructuring declarations into assignments', async () => {
    await value('const { kc_p, kc_q: [kc_r = 5, ...kc_rest], ...kc_other } = { kc_p: 1, kc_q: [undefined, 7, 8], kc_z: 9 }');
    expect(await value('[kc_p, kc_r, kc_rest, kc_other]')).toEqual([1, 5, [7, 8], { kc_z: 9 }]);
  });

  it('strips types, keeps enums, and shows a braced cell as an object literal', async () => {
    expect(await value('interface KcI { a: number }\nenum KcE { A, B }\nconst kc_i: KcI = { a: KcE.B }; kc_i.a')).toBe(1);
    expect(await value('{ a: 1, b: "x" }')).toEqual({ a: 1, b: 'x' });
    expect(await value('1 + 1 // a trailing comment')).toBe(2);
    expect(await value('// only a comment')).toBeUndefined();
  });

  it('runs top-level await and awaits a promise that is the last expression', async () => {
    expect(await value('const kc_w = await Promise.resolve(4); kc_w')).toBe(4);
    expect(await value('Promise.resolve("later")')).toBe('later');
    expect(await value('const kc_none = 1')).toBeUndefined();
  });

  it('rewrites static imports, including ESM-only packages and the project lib', async () => {
    expect(await value('import { inspect as kc_inspect } from "node:util"; import * as kc_path from "node:path"; kc_path.basename(kc_inspect("a/b"))')).toBe("b'");
    expect(await value('import { getLlama } from "node-llama-cpp"; typeof getLlama')).toBe('function');
    expect(await value('import { summarize } from "ipw-lab/metrics"; typeof summarize')).toBe('function');
    expect(compileCell('import type { X } from "y"; 1').code).not.toContain('"y"');
  });

  it('reports syntax errors with the cell line, and runtime errors with cell line numbers', async () => {
    const syntax = await run('const ok = 1;\nconst = 2');
    expect(syntax).toMatchObject({ status: 'error', ename: 'SyntaxError' });
    expect(syntax.status === 'error' && syntax.evalue).toMatch(/line 2/);
    const thrown = await run('interface Unused { a: string }\n\nfunction kc_fail() {\n  throw new RangeError("bad")\n}\nkc_fail()');
    expect(thrown).toMatchObject({ status: 'error', ename: 'RangeError', evalue: 'bad' });
    const tb = thrown.status === 'error' ? thrown.traceback.join('\n') : '';
    expect(tb).toMatch(new RegExp(`at kc_fail \\(cell\\[${cellNumber}\\]:4:`));
    expect(tb).not.toContain('node:vm');
    expect(await run('throw "plain"')).toMatchObject({ status: 'error', ename: 'Thrown', evalue: "'plain'" });
  });
});

describe('introspection', () => {
  it('completes globals, cell names and members of live objects', async () => {
    await value('const kc_obj = { alpha: 1, alphabet: 2, beta: 3 }');
    expect(complete('kc_obj.al', 9)).toEqual({ matches: ['alpha', 'alphabet'], cursor_start: 7, cursor_end: 9, metadata: {} });
    expect(complete('kc_ob', 5).matches).toContain('kc_obj');
    expect(complete('const kc_fresh = 1; kc_fr', 25).matches).toEqual(['kc_fresh']);
    expect(complete('"é" + kc_obj.be', 15)).toMatchObject({ matches: ['beta'], cursor_start: 13 });
  });

  it('inspects the name under the cursor', () => {
    const reply = inspectAt('kc_obj.alpha + 1', 3, 0);
    expect(reply.found).toBe(true);
    expect(reply.data['text/plain']).toMatch(/^kc_obj: Object\n\{ alpha: 1/);
    expect(inspectAt('nothing_here', 3, 0).found).toBe(false);
  });

  it('tells complete, incomplete and invalid code apart', () => {
    expect(isComplete('const a = 1')).toEqual({ status: 'complete' });
    expect(isComplete('function f() {')).toMatchObject({ status: 'incomplete' });
    expect(isComplete('const x = ) 1')).toEqual({ status: 'invalid' });
  });
});

describe('display bundles', () => {
  it('uses a value\'s mime bundle method, falling back to text/plain', async () => {
    class Fig {
      [MIME_BUNDLE]() {
        return { 'image/svg+xml': '<svg/>' };
      }
    }
    expect(await toBundle(new Fig(), false)).toEqual({ 'image/svg+xml': '<svg/>', 'text/plain': 'Fig {}' });
    const viaMethod = { toMimeBundle: async () => ({ 'text/html': '<i>x</i>', 'text/plain': 'x' }) };
    expect(await toBundle(viaMethod, false)).toEqual({ 'text/html': '<i>x</i>', 'text/plain': 'x' });
  });

  it('sends a literal bundle only through display(), and tables arrays of plain rows', async () => {
    const bundle = { 'text/html': '<b>hi</b>' };
    expect(isMimeBundle(bundle)).toBe(true);
    expect(await toBundle(bundle, true)).toBe(bundle);
    expect(Object.keys(await toBundle(bundle, false))).toEqual(['text/plain']);
    const html = htmlTable([{ model: '<tiny>', ipw: 0.5 }, { model: 'b', extra: true }])!;
    expect(html).toContain('<th>model</th><th>ipw</th><th>extra</th>');
    expect(html).toContain('&lt;tiny&gt;');
    expect(htmlTable([1, 2])).toBeUndefined();
    expect(htmlTable([new Date()])).toBeUndefined();
  });
});
