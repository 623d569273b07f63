import fs from 'node:fs';
import { join } from 'node:path';

/**
 * Cumulative CPU time of another process, all its threads, at scheduler (ns) precision: the sum of
 * `/proc/PID/task/TID/schedstat`'s first field. A thread that exits keeps the time last seen for it, so the total
 * never goes backwards (a thread's time after its last read and before it exits is lost: at most one sampling period).
 */
export class ProcessCpuCounter {
  readonly #lastNsByTid = new Map<string, number>();
  #retiredNs = 0;
  readonly #taskDir: string;

  constructor(
    readonly pid: number,
    procRoot = '/proc',
  ) {
    this.#taskDir = join(procRoot, String(pid), 'task');
  }

  /** CPU seconds since the process started (of the threads seen by this counter); throws when the process is gone. */
  readS(): number {
    let tids: string[];
    try {
      tids = fs.readdirSync(this.#taskDir);
    } catch (error) {
      throw new Error(`process ${this.pid} is gone (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    const seen = new Set<string>();
    let liveNs = 0;
    for (const tid of tids) {
      let ns: number;
      try {
        ns = Number(fs.readFileSync(join(this.#taskDir, tid, 'schedstat'), 'latin1').split(' ')[0]);
      } catch {
        continue; // exited between the listing and the read: it is retired below
      }
      if (!Number.isFinite(ns)) continue;
      seen.add(tid);
      this.#lastNsByTid.set(tid, ns);
      liveNs += ns;
    }
    for (const [tid, ns] of this.#lastNsByTid) {
      if (!seen.has(tid)) {
        this.#retiredNs += ns;
        this.#lastNsByTid.delete(tid);
      }
    }
    return (liveNs + this.#retiredNs) / 1e9;
  }
}
