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

/** Ctrl-C stops after the current query is abandoned; every completed query is already on disk. */
export function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => {
    process.stderr.write('\nipw: interrupted; completed queries are saved. Continue with --resume.\n');
    controller.abort();
  });
  return controller.signal;
}
