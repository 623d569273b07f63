/**
 * The hook a host sets when it runs profile() on a user's behalf: the Jupyter kernel (kernel/globals.ts) sets one,
 * the CLI and plain scripts have none. lib/ never imports the kernel; the kernel calls setRunHost() instead.
 */

/** What a host lends the runs started inside it. */
export interface RunHost {
  /**
   * A signal that stops runs besides their own `signal` option: in the kernel, the running cell's interrupt (Ctrl-C,
   * interrupt_request, shutdown). A run stopped by it ends the way the `signal` option's does: after the query in
   * flight, with results.parquet and a manifest of the partial run written.
   */
  signal(): AbortSignal | undefined;
  /**
   * Told of each run as it starts. `ended` settles once the run has written its files: to a line that says how to
   * continue the run when it was stopped, or to undefined when it completed. The kernel waits for it before it ends an
   * interrupted cell, and puts the line in the cell's KeyboardInterrupt.
   */
  track(ended: Promise<string | undefined>): void;
}

let host: RunHost | undefined;

/** Installs the host that profile() runs under (undefined removes it). Called by the Jupyter kernel at start-up. */
export function setRunHost(next: RunHost | undefined): void {
  host = next;
}

/** The host installed with setRunHost(), or undefined (the CLI, scripts, tests). */
export function runHost(): RunHost | undefined {
  return host;
}
