// Runs compiled cells in the kernel's main context, so values cross freely between cells and imported
// packages (no second realm whose arrays fail `instanceof Array` in library code).
import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';
import { inspect } from 'node:util';
import vm from 'node:vm';
import { compileCell } from './compile.ts';
import { lineTable } from './sourcemap.ts';

export class KeyboardInterrupt extends Error {
  override name = 'KeyboardInterrupt';
  constructor() {
    super('execution interrupted');
  }
}

export type Outcome =
  | { status: 'ok'; hasValue: false }
  | { status: 'ok'; hasValue: true; value: unknown }
  | { status: 'error'; ename: string; evalue: string; traceback: string[] };

type Boxed = { value: unknown } | undefined;

const KERNEL_DIR = new URL('.', import.meta.url).pathname;

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return (typeof v === 'object' || typeof v === 'function') && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

export class Executor {
  #controller = new AbortController();
  /**
   * Each cell's async work carries that cell's signal, so a loop from an interrupted cell still sees its own
   * (aborted) signal after the next cell has started, even when it reads `ipw.signal` on every iteration.
   */
  readonly #cellSignal = new AsyncLocalStorage<AbortSignal>();
  #running = false;
  readonly #lines = new Map<string, { cell: string; table: number[]; wrapperLine: number }>();

  /** Aborted when the cell that reads it is interrupted; cells pass it to long loops (`ipw.signal`). */
  get signal(): AbortSignal {
    return this.#cellSignal.getStore() ?? this.#controller.signal;
  }

  get running(): boolean {
    return this.#running;
  }

  /**
   * Stops an awaiting cell. A cell spinning synchronously is stopped by SIGINT itself (`breakOnSigint`);
   * this handles the rest: the cell's promise loses a race, and `ipw.signal` tells the cell's work to stop.
   */
  interrupt(): boolean {
    // Also when idle: background work that the last cell started with `ipw.signal` stops too.
    this.#controller.abort(new KeyboardInterrupt());
    return this.#running;
  }

  async run(source: string, cellNumber: number): Promise<Outcome> {
    this.#controller = new AbortController();
    const cell = `cell[${cellNumber}]`;
    // The file name sits in the working directory so `import('./x.ts')` and bare packages resolve from the notebook's folder.
    const filename = join(process.cwd(), `${cell}.ts`);
    this.#running = true;
    try {
      const compiled = compileCell(source, filename);
      if (compiled.sourceMap !== undefined) {
        this.#lines.set(filename, { cell, table: lineTable(compiled.sourceMap), wrapperLine: compiled.code.split('\n').length });
      }
      const script = new vm.Script(compiled.code, { filename, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
      const signal = this.#controller.signal;
      const boxed = await this.#race(this.#cellSignal.run(signal, () => script.runInThisContext({ breakOnSigint: true }) as Promise<Boxed>));
      if (boxed === undefined) return { status: 'ok', hasValue: false };
      // A promise as the last expression is awaited, so `model.prompt(q)` shows the answer, not `Promise { <pending> }`.
      const value = isThenable(boxed.value) ? await this.#race(boxed.value) : boxed.value;
      return { status: 'ok', hasValue: true, value };
    } catch (error) {
      return this.errorOutcome(error);
    } finally {
      this.#running = false;
    }
  }

  #race<T>(work: PromiseLike<T>): Promise<T> {
    const signal = this.#controller.signal;
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason);
      if (signal.aborted) onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      Promise.resolve(work).then(
        (v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
        (e: unknown) => { signal.removeEventListener('abort', onAbort); reject(e); },
      );
    });
  }

  errorOutcome(error: unknown): Outcome & { status: 'error' } {
    if ((error as { code?: string } | null)?.code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED') error = new KeyboardInterrupt();
    if (!(error instanceof Error)) {
      const text = inspect(error);
      return { status: 'error', ename: 'Thrown', evalue: text, traceback: [`Uncaught ${text}`] };
    }
    const ename = error.name;
    const evalue = error.message;
    if (error instanceof KeyboardInterrupt) return { status: 'error', ename, evalue, traceback: [`${ename}: ${evalue}`] };
    return { status: 'error', ename, evalue, traceback: this.traceback(error) };
  }

  /** The stack with cell frames named `cell[N]:line:col` in the cell's own lines, and kernel frames dropped. */
  traceback(error: Error): string[] {
    const lines = (error.stack ?? `${error.name}: ${error.message}`).split('\n');
    const out: string[] = [];
    for (const line of lines) {
      if (/^\s+at /.test(line) && (line.includes('node:vm') || line.includes(KERNEL_DIR) || line.includes('node:internal'))) continue;
      const mapped = this.#mapFrame(line);
      if (mapped !== undefined) out.push(mapped);
    }
    return out;
  }

  /** undefined for the frame of the wrapper that calls the cell body, which is not the user's code. */
  #mapFrame(line: string): string | undefined {
    for (const [filename, { cell, table, wrapperLine }] of this.#lines) {
      if (!line.includes(filename)) continue;
      if (/^\s+at /.test(line) && line.includes(`${filename}:${wrapperLine}:`)) return undefined;
      return line.split(filename).join(cell).replace(new RegExp(`${cell.replace(/[[\]]/g, '\\$&')}:(\\d+)`, 'g'), (_m, n: string) => {
        const original = table[Number(n) - 1];
        return `${cell}:${original !== undefined && original >= 0 ? original + 1 : n}`;
      });
    }
    return line;
  }
}
