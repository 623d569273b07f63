/** One `ipw` subcommand. Each lives in its own file under commands/ and is listed in index.ts. */
export interface Command {
  /** Usage lines shown by `ipw help`. */
  usage: string;
  run(args: string[]): Promise<number>;
}

export function numberFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name} expects a number, got "${value}"`);
  return n;
}

/** A flag that takes one of a fixed set of words. */
export function choiceFlag<T extends string>(value: string | undefined, name: string, choices: readonly T[]): T | undefined {
  if (value === undefined || (choices as readonly string[]).includes(value)) return value as T | undefined;
  throw new Error(`--${name} expects ${choices.join(', ')}; got "${value}"`);
}

/**
 * The first Ctrl-C or SIGTERM (what schedulers send) asks the run to stop: it finishes the query in flight (a server
 * request is abandoned), writes results.parquet and the manifest, and exits 130. A second one exits at once; the
 * journal already holds every completed query. The handlers stay installed for the life of the process: a dependency
 * (signal-exit, pulled in by node-llama-cpp) re-raises the signal on itself once no other listener is left, which
 * killed runs that used `process.once`.
 */
export function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      process.stderr.write(`\nipw: ${signal} again: exiting now. Every completed query is in the journal; continue with --resume.\n`);
      process.exit(130);
    }
    process.stderr.write(`\nipw: ${signal}: stopping after the current query, then writing results (${signal === 'SIGINT' ? 'Ctrl-C' : signal} again exits at once).\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return controller.signal;
}
