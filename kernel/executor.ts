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
  /** `detail`: what the interrupt stopped, e.g. how to continue a profile() run. */
  constructor(detail?: string) {
    super(detail === undefined ? 'execution interrupted' : `execution interrupted: ${detail}`);
  }
}

/** One cell's execution: its interrupt and the library runs (profile()) it started that have not ended. */
interface CellRun {
  readonly controller: AbortController;
  /** Runs started by the cell that have not written their files yet (lib/profile's RunHost.track). */
  readonly runs: Set<Promise<void>>;
  /** What runs stopped by the interrupt said: where their files are and how to continue them. */
  readonly notes: string[];
  /** Settles when the user interrupts again while the cell waits for its runs to stop. */
  readonly forced: Promise<void>;
  force(): void;
}

function newCellRun(): CellRun {
  let force!: () => void;
  const forced = new Promise<void>((resolve) => (force = resolve));
  return { controller: new AbortController(), runs: new Set(), notes: [], forced, force };
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
  #cell: CellRun = newCellRun();
  /**
   * Each cell's async work carries that cell's run, so a loop from an interrupted cell still sees its own
   * (aborted) signal after the next cell has started, even when it reads `ipw.signal` on every iteration.
   */
  readonly #cellRun = new AsyncLocalStorage<CellRun>();
  /** Cells with library runs in flight, for shutdown. */
  readonly #withRuns = new Set<CellRun>();
  #running = false;
  readonly #lines = new Map<string, { cell: string; table: number[]; wrapperLine: number }>();

  /** Aborted when the cell that reads it is interrupted; cells pass it to long loops (`ipw.signal`). */
  get signal(): AbortSignal {
    return (this.#cellRun.getStore() ?? this.#cell).controller.signal;
  }

  /**
   * A library run (profile()) started by the running cell: if the cell is interrupted, it ends only once `ended`
   * settles (the run stopped after its query in flight and wrote its files), with the run's note in its error.
   */
  track(ended: Promise<string | undefined>): void {
    const cell = this.#cellRun.getStore() ?? this.#cell;
    const settled: Promise<void> = ended
      .then((note) => {
        if (note !== undefined && cell.controller.signal.aborted) cell.notes.push(note);
      }, () => undefined)
      .finally(() => {
        cell.runs.delete(settled);
        if (cell.runs.size === 0) this.#withRuns.delete(cell);
      });
    cell.runs.add(settled);
    this.#withRuns.add(cell);
  }

  /**
   * Interrupts the running cell and stops every library run still in flight, whichever cell started it (shutdown,
   * SIGTERM); resolves once each run has written its files, or after `timeoutMs`, to how many runs it waited for.
   */
  async stopRuns(timeoutMs: number): Promise<number> {
    const cells = [...new Set([this.#cell, ...this.#withRuns])];
    for (const cell of cells) if (!cell.controller.signal.aborted) cell.controller.abort(new KeyboardInterrupt());
    const runs = cells.flatMap((cell) => [...cell.runs]);
    if (runs.length === 0) return 0;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled(runs), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    return runs.length;
  }

  get running(): boolean {
    return this.#running;
  }

  /**
   * Stops an awaiting cell. A cell spinning synchronously is stopped by SIGINT itself (`breakOnSigint`);
   * this handles the rest: `ipw.signal` tells the cell's work to stop, and the cell ends with KeyboardInterrupt once
   * the library runs it started have stopped and written their files (at once when it started none). A second
   * interrupt ends the cell without waiting for them; they still finish writing in the background.
   */
  interrupt(): boolean {
    // Also when idle: background work that the last cell started with `ipw.signal` stops too.
    const cell = this.#cell;
    if (cell.controller.signal.aborted) cell.force();
    else cell.controller.abort(new KeyboardInterrupt());
    return this.#running;
  }

  async run(source: string, cellNumber: number): Promise<Outcome> {
    const run = newCellRun();
    this.#cell = run;
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
      const boxed = await this.#race(this.#cellRun.run(run, () => script.runInThisContext({ breakOnSigint: true }) as Promise<Boxed>), run);
      if (boxed === undefined) return { status: 'ok', hasValue: false };
      // A promise as the last expression is awaited, so `model.prompt(q)` shows the answer, not `Promise { <pending> }`.
      const value = isThenable(boxed.value) ? await this.#race(boxed.value, run) : boxed.value;
      return { status: 'ok', hasValue: true, value };
    } catch (error) {
      return this.errorOutcome(error);
    } finally {
      this.#running = false;
    }
  }

  /** The cell's work, or, once the cell is interrupted, KeyboardInterrupt after the runs it started have stopped. */
  #race<T>(work: PromiseLike<T>, cell: CellRun): Promise<T> {
    const signal = cell.controller.signal;
    return new Promise<T>((resolve, reject) => {
      let interrupted = false;
      const onAbort = (): void => {
        interrupted = true;
        void this.#afterRuns(cell).then(reject);
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      // Once interrupted, the cell ends with the interrupt, whatever its work does next.
      Promise.resolve(work).then(
        (v) => { if (!interrupted) { signal.removeEventListener('abort', onAbort); resolve(v); } },
        (e: unknown) => { if (!interrupted) { signal.removeEventListener('abort', onAbort); reject(e); } },
      );
    });
  }

  /** Waits until the cell's runs have stopped (or the user interrupts again); the error names what they left and how to continue. */
  async #afterRuns(cell: CellRun): Promise<KeyboardInterrupt> {
    let forced = false;
    void cell.forced.then(() => (forced = true));
    while (cell.runs.size > 0 && !forced) await Promise.race([Promise.allSettled([...cell.runs]), cell.forced]);
    const notes = [...cell.notes];
    if (cell.runs.size > 0) notes.push(`interrupted again before ${cell.runs.size === 1 ? 'a run' : `${cell.runs.size} runs`} had stopped; each writes its files in the background.`);
    return notes.length === 0 ? new KeyboardInterrupt() : new KeyboardInterrupt(notes.join(' '));
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
