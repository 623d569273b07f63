// The kernel under Jupyter's own client (nbclient), installed with `ipw kernel install` into a temporary prefix.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DISPLAY_NAME } from '../kernel/install.ts';
import { executeNotebook, outputText } from '../kernel/notebook.ts';

const dir = mkdtempSync(join(tmpdir(), 'ipw-kernel-nb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function notebook(name: string, cells: string[]): string {
  const path = join(dir, name);
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'ipw', display_name: DISPLAY_NAME, language: 'typescript' } },
    cells: cells.map((source, i) => ({ id: `c${i}`, cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source })),
  };
  writeFileSync(path, JSON.stringify(nb));
  return path;
}

const ipw = (...args: string[]): string => execFileSync(process.execPath, ['bin/ipw.js', 'kernel', ...args], { encoding: 'utf8' });

describe('ipw kernel install', () => {
  it('writes a kernelspec that Jupyter lists, and removes it again', () => {
    const prefix = join(dir, 'prefix');
    expect(ipw('install', '--prefix', prefix)).toContain('IPW Lab (TypeScript)');
    const specPath = join(prefix, 'share', 'jupyter', 'kernels', 'ipw', 'kernel.json');
    const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { argv: string[]; display_name: string; language: string };
    expect(spec.display_name).toBe('IPW Lab (TypeScript)');
    expect(spec.argv).toEqual([process.execPath, join(process.cwd(), 'kernel', 'main.js'), '{connection_file}']);
    const listed = execFileSync('/usr/bin/jupyter', ['kernelspec', 'list', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, JUPYTER_PATH: join(prefix, 'share', 'jupyter'), PYDEVD_DISABLE_FILE_VALIDATION: '1' },
    });
    expect((JSON.parse(listed) as { kernelspecs: Record<string, { resource_dir: string }> }).kernelspecs['ipw']?.resource_dir).toBe(join(prefix, 'share', 'jupyter', 'kernels', 'ipw'));
    ipw('uninstall', '--prefix', prefix);
    expect(existsSync(specPath)).toBe(false);
  });
});

describe('notebooks through nbclient', () => {
  it('executes cells in order with results, streams, rich output and persistent variables', async () => {
    const path = notebook('smoke.ipynb', [
      'const n: number = 20;\nconsole.log("hello from", "ipw");\nn + 1',
      'import { getLlama } from "node-llama-cpp";\ntypeof getLlama',
      'display({ "text/html": "<b>bold</b>", "text/plain": "bold" });\n[{ model: "tiny", ipw: n / 4 }]',
    ]);
    const executed = await executeNotebook(path, { timeoutS: 120 });
    const [first, second, third] = executed.cells.map((c) => c.outputs ?? []);
    expect(first!.map((o) => o.output_type)).toEqual(['stream', 'execute_result']);
    expect(outputText(first)).toBe('hello from ipw\n\n21');
    expect(outputText(second)).toBe("'function'");
    expect(third!.map((o) => o.output_type)).toEqual(['display_data', 'execute_result']);
    expect(third![0]!.data).toEqual({ 'text/html': '<b>bold</b>', 'text/plain': 'bold' });
    expect(String(third![1]!.data?.['text/html'])).toContain('<td>tiny</td>');
  });

  it('fails with the cell error when a cell throws', async () => {
    const path = notebook('broken.ipynb', ['const ok = 1', 'throw new Error("cell exploded")', 'ok']);
    await expect(executeNotebook(path, { timeoutS: 120 })).rejects.toThrow(/cell exploded/);
  });
});
