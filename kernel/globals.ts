// What cells see besides their own variables: `display` (with display.html, .markdown, .svg, .png, .image, .json),
// `updateDisplay`, `clearOutput`, `require`, `prompt`/`input`, the `ipw` object (lib modules preloaded, `ipw.signal`),
// and the hidden `__ipw` helper that compiled imports call.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HELPER } from './compile.ts';
import { KERNEL_DISPLAY, type DisplayOptions, type KernelDisplay } from './display-api.ts';
import { displayHelpers } from './display-helpers.ts';
import { toBundle } from './display.ts';
import type { Executor } from './executor.ts';
import type { IoPub } from './iopub.ts';
import type { InputOptions, Stdin } from './stdin.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LIB = `${ROOT}lib/`;
/** lib folders that are not notebook helpers. */
const NOT_PRELOADED = new Set(['cli']);

export function libModules(): string[] {
  if (!existsSync(LIB)) return [];
  return readdirSync(LIB, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !NOT_PRELOADED.has(d.name) && existsSync(`${LIB}${d.name}/index.ts`))
    .map((d) => d.name)
    .sort();
}

/**
 * `ipw-lab/profile` -> this package's lib/profile/index.ts, through package.json's exports map (resolved from here, so a
 * cell gets the kernel's own copy of the library, the one `ipw.profile` holds, whatever the notebook's folder has).
 */
export function libUrl(spec: string): string {
  try {
    return import.meta.resolve(spec);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw error;
    throw new Error(`Cannot find "${spec}": use ipw-lab, or ipw-lab/<stage>, one of ${libModules().join(', ')}`);
  }
}

const isBare = (spec: string): boolean => !/^(\.{1,2}\/|\/|[a-z][a-z0-9+.-]*:)/i.test(spec);

/**
 * Imports for a cell. `load` is `(s) => import(s)` compiled inside the cell, so the notebook's folder is tried
 * first; a package it cannot find there comes from the project's own node_modules (node-llama-cpp and friends).
 */
export async function importForCell(spec: unknown, load: (s: string) => Promise<unknown>): Promise<unknown> {
  if (typeof spec !== 'string') return load(spec as string);
  if (spec === 'ipw-lab' || spec.startsWith('ipw-lab/')) return import(libUrl(spec));
  try {
    return await load(spec);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (isBare(spec) && (code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED')) return import(spec);
    throw error;
  }
}

export class DisplayService implements KernelDisplay {
  readonly #pending = new Set<Promise<unknown>>();
  #next = 0;
  constructor(private readonly io: IoPub, private readonly session: string) {}

  display(value: unknown, options: DisplayOptions = {}): Promise<string> {
    const parent = this.io.parent;
    const displayId = options.displayId ?? `${this.session}-${++this.#next}`;
    const sent = (async () => {
      const data = await toBundle(value, true);
      const content = { data, metadata: options.metadata ?? {}, transient: { display_id: displayId } };
      await this.io.send(options.update === true ? 'update_display_data' : 'display_data', content, parent);
      return displayId;
    })();
    this.#pending.add(sent);
    // Reported here because a cell that does not await display() would otherwise lose the error.
    sent.catch((error: unknown) => this.io.stream('stderr', `display failed: ${(error as Error)?.stack ?? String(error)}\n`))
      .finally(() => this.#pending.delete(sent));
    return sent;
  }

  updateDisplay(displayId: string, value: unknown): Promise<string> {
    return this.display(value, { displayId, update: true });
  }

  /** Clears the current cell's outputs (`wait`: when the next output arrives, to avoid flicker in progress displays). */
  clearOutput(wait = false): Promise<void> {
    return this.io.send('clear_output', { wait });
  }

  /** Waits for displays started by the cell, so they reach the front-end before its execute_reply. */
  async settle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }
}

export interface Preload {
  /** Settles when every lib module has loaded or failed; failures are reported when the name is used. */
  ready: Promise<void>;
  /** Closes every model session cells opened (lib/profile's openModel), for shutdown; what happened to each. */
  closeModels(): Promise<Array<{ model: string; error?: string }>>;
}

type ProfileStage = typeof import('../lib/profile/index.ts');

/**
 * `require` for cells, as in CommonJS: relative to the notebook's folder (the kernel's working directory); a bare
 * package missing there comes from the kernel's own node_modules, as imports do.
 */
export function cellRequire(): NodeJS.Require {
  const own = createRequire(import.meta.url);
  const local = (): NodeJS.Require => createRequire(join(process.cwd(), 'cell.js'));
  const fallback = <T>(id: string, viaLocal: () => T, viaOwn: () => T): T => {
    try {
      return viaLocal();
    } catch (error) {
      if ((error as { code?: string }).code === 'MODULE_NOT_FOUND' && isBare(id)) return viaOwn();
      throw error;
    }
  };
  const require = ((id: string) => fallback(id, () => local()(id), () => own(id))) as NodeJS.Require;
  const resolve = ((id: string, options?: { paths?: string[] }) => fallback(id, () => local().resolve(id, options), () => own.resolve(id, options))) as NodeJS.RequireResolve;
  resolve.paths = (id: string) => local().resolve.paths(id);
  return Object.assign(require, { resolve, cache: own.cache, extensions: own.extensions, main: undefined });
}

export function installGlobals(executor: Executor, display: DisplayService, stdin: Stdin | undefined, log: (text: string) => void): Preload {
  const g = globalThis as Record<PropertyKey, unknown>;
  const hidden = (key: PropertyKey, value: unknown): void => {
    Object.defineProperty(g, key, { value, configurable: true, writable: true, enumerable: false });
  };
  hidden(HELPER, { import: importForCell });
  hidden(KERNEL_DISPLAY, display);
  const show = display.display.bind(display);
  g['display'] = Object.assign(show, displayHelpers(show));
  g['require'] = cellRequire();
  const ask = (message: unknown, options: InputOptions): Promise<string> => {
    if (stdin === undefined) return Promise.reject(new Error('this kernel has no stdin channel'));
    return stdin.ask(message === undefined ? '' : String(message), options, executor.signal);
  };
  /** Browser-style: the typed line, or `defaultValue` when the line is empty. */
  g['prompt'] = async (message?: string, defaultValue?: string): Promise<string> => {
    const value = await ask(message, {});
    return value === '' && defaultValue !== undefined ? defaultValue : value;
  };
  g['input'] = (message?: string, options: InputOptions = {}): Promise<string> => ask(message, options);
  g['updateDisplay'] = display.updateDisplay.bind(display);
  g['clearOutput'] = display.clearOutput.bind(display);

  const ipw: Record<string, unknown> = {};
  Object.defineProperty(ipw, 'signal', { get: () => executor.signal, enumerable: true });
  ipw['display'] = g['display'];
  ipw['updateDisplay'] = g['updateDisplay'];
  ipw['clearOutput'] = g['clearOutput'];
  const loads = libModules().map(async (name) => {
    try {
      const ns = await import(libUrl(`ipw-lab/${name}`));
      Object.defineProperty(ipw, name, { value: ns, enumerable: true });
    } catch (error) {
      const message = (error as Error).message;
      log(`could not preload lib/${name}: ${message}`);
      Object.defineProperty(ipw, name, { get: () => { throw new Error(`lib/${name} failed to load: ${message}`); }, enumerable: false });
    }
  });
  g['ipw'] = ipw;
  // The library's own copy, the one cells import: undefined if lib/profile failed to load.
  const profileStage = (): ProfileStage | undefined => Object.getOwnPropertyDescriptor(ipw, 'profile')?.value as ProfileStage | undefined;
  const ready = Promise.all(loads).then(() => {
    // profile() runs stop on the running cell's interrupt, and the cell ends once they have written their files.
    profileStage()?.setRunHost({ signal: () => executor.signal, track: (ended) => executor.track(ended) });
  });
  return {
    ready,
    closeModels: async () => {
      await ready;
      return (await profileStage()?.closeModelSessions()) ?? [];
    },
  };
}
