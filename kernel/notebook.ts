// Runs a notebook through Jupyter's own client with this kernel, for tests of notebooks/*.ipynb.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installKernel } from './install.ts';

const SCRIPT = fileURLToPath(new URL('./execute-notebook.py', import.meta.url));
/** Debian's Python, which has Jupyter; `python3` on PATH may be another one (FACTS.md). */
export const JUPYTER_PYTHON = '/usr/bin/python3';

export interface NotebookOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
}

export interface ExecutedNotebook {
  cells: { cell_type: string; source: string | string[]; outputs?: NotebookOutput[] }[];
}

export interface ExecuteNotebookOptions {
  /** Seconds allowed per cell (default 600). */
  timeoutS?: number;
  /** Kernel working directory (default: the notebook's folder). */
  cwd?: string;
}

/**
 * Executes `notebook` with a kernelspec installed in a temporary prefix (the user's Jupyter set-up is untouched)
 * and resolves with the executed notebook. Rejects on any cell error, with the failing cell and traceback.
 */
export async function executeNotebook(notebook: string, options: ExecuteNotebookOptions = {}): Promise<ExecutedNotebook> {
  const temp = mkdtempSync(join(tmpdir(), 'ipw-nb-'));
  try {
    installKernel({ prefix: temp });
    const output = join(temp, 'executed.ipynb');
    const args = [SCRIPT, resolve(notebook), '--output', output, '--timeout', String(options.timeoutS ?? 600), '--cwd', options.cwd ?? dirname(resolve(notebook))];
    const env = { ...process.env, JUPYTER_PATH: join(temp, 'share', 'jupyter'), JUPYTER_RUNTIME_DIR: join(temp, 'runtime'), PYDEVD_DISABLE_FILE_VALIDATION: '1' };
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done, fail) => {
      const child = spawn(JUPYTER_PYTHON, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.once('error', fail);
      child.once('exit', (c) => done({ code: c, stderr: err }));
    });
    if (code !== 0) throw new Error(`executing ${notebook} failed (exit ${code}):\n${stderr}`);
    return joinLines(JSON.parse(readFileSync(output, 'utf8')) as ExecutedNotebook);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** nbformat stores multi-line text as lists of lines; tests want plain strings. */
function joinLines(nb: ExecutedNotebook): ExecutedNotebook {
  const text = (v: unknown): unknown => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join('') : v);
  for (const cell of nb.cells) {
    cell.source = text(cell.source) as string;
    for (const o of cell.outputs ?? []) {
      if (o.text !== undefined) o.text = text(o.text) as string;
      if (o.data !== undefined) for (const k of Object.keys(o.data)) if (!k.includes('json')) o.data[k] = text(o.data[k]);
    }
  }
  return nb;
}

/** The text of a cell's outputs: streams, plus text/plain of results and displays. */
export function outputText(outputs: readonly NotebookOutput[] = []): string {
  const join = (t: unknown): string => (Array.isArray(t) ? t.join('') : String(t ?? ''));
  return outputs.map((o) => (o.output_type === 'stream' ? join(o.text) : join(o.data?.['text/plain']))).join('\n');
}
