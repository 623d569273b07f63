// Splits the process's CPU time into the main JS thread (the harness: callbacks, token bookkeeping, grading) and every
// other thread, and by thread role (llama.cpp's compute threads, the energy sampler, main, V8 and libuv helpers), so a
// reader can see how much of an estimated or measured joule figure the harness itself burned.
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { THREAD_NAMES } from '../energy/index.ts';

const CLOCK_TICKS_PER_S = 100; // USER_HZ on Linux; /proc reports utime/stime in these ticks.

export interface CpuSample {
  /** Whole process, all threads including ones that already exited (getrusage). */
  processS: number;
  /** The main JS thread only; NaN where /proc is unavailable. */
  mainThreadS: number;
  /** Run time of each live thread by id, with its role; only when asked for (it reads a file per thread). */
  threads?: Map<string, { role: ThreadRole; s: number }>;
}

/**
 * `llama`: the direct engine's worker and the llama.cpp threads it started (named by lib/energy's nameThisThread);
 * `sampler`: the energy sampler; `main`: the main JS thread; `other`: V8 and libuv helpers, and node-llama-cpp's
 * threads when its own loop runs.
 */
export type ThreadRole = 'llama' | 'sampler' | 'main' | 'other';
export const THREAD_ROLES: readonly ThreadRole[] = ['llama', 'sampler', 'main', 'other'];

/** A thread of this process by its id and name (/proc's comm). */
export function roleOf(tid: string, name: string): ThreadRole {
  if (tid === String(process.pid)) return 'main';
  if (name === THREAD_NAMES.llama) return 'llama';
  if (name === THREAD_NAMES.sampler) return 'sampler';
  return 'other';
}

/**
 * Each live thread's schedstat file, kept open and re-read from offset 0, and its role, read once from its name. This
 * runs between queries, where every millisecond is idle time before the next prefill: opening and reading two files
 * per thread each time took 0.6-0.9 ms with 25 threads. Threads are named before they do any work (the engine's and
 * the sampler's at their start; llama.cpp's inherit the name at creation), so the name read on first sight holds.
 */
const taskFiles = new Map<string, { fd: number; role: ThreadRole }>();
const schedstatBytes = Buffer.alloc(128);

/** Per-thread run time from the scheduler (ns precision, unlike stat's 10 ms ticks); undefined without /proc. */
function threadTimes(): Map<string, { role: ThreadRole; s: number }> | undefined {
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return undefined;
  }
  const times = new Map<string, { role: ThreadRole; s: number }>();
  for (const tid of tids) {
    try {
      let file = taskFiles.get(tid);
      if (file === undefined) {
        const name = readFileSync(`/proc/self/task/${tid}/comm`, 'latin1').trim();
        file = { fd: openSync(`/proc/self/task/${tid}/schedstat`, 'r'), role: roleOf(tid, name) };
        taskFiles.set(tid, file);
      }
      const n = readSync(file.fd, schedstatBytes, 0, schedstatBytes.length, 0);
      const runNs = Number(schedstatBytes.toString('latin1', 0, n).split(' ')[0]);
      times.set(tid, { role: file.role, s: runNs / 1e9 });
    } catch {
      // The thread exited between the listing and the read.
    }
  }
  for (const [tid, file] of taskFiles) {
    if (!times.has(tid)) {
      closeSync(file.fd);
      taskFiles.delete(tid);
    }
  }
  return times;
}

function mainThreadCpuS(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the full line.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / CLOCK_TICKS_PER_S;
  } catch {
    return Number.NaN;
  }
}

export function sampleCpu(options: { threads?: boolean } = {}): CpuSample {
  const usage = process.cpuUsage();
  const sample: CpuSample = { processS: (usage.user + usage.system) / 1e6, mainThreadS: mainThreadCpuS() };
  if (options.threads) sample.threads = threadTimes();
  return sample;
}

export interface CpuAccount {
  /** CPU seconds of the main JS thread inside generation windows. */
  mainThreadS: number;
  /** CPU seconds of all other threads inside generation windows. */
  otherThreadsS: number;
  processS: number;
  /** Same, restricted to the decode windows (first token to end). */
  decodeProcessS: number;
  decodeMainThreadS: number;
  generatedTokens: number;
  decodeTokens: number;
  /** Direct engine: decode-phase time its loop spent outside llama_decode (harness work on a compute thread). */
  directLoopS: number;
  /** CPU seconds inside generation windows by thread role (threads alive at the window's end); zeros without /proc. */
  byRoleS: Record<ThreadRole, number>;
}

export function emptyCpuAccount(): CpuAccount {
  return {
    mainThreadS: 0,
    otherThreadsS: 0,
    processS: 0,
    decodeProcessS: 0,
    decodeMainThreadS: 0,
    generatedTokens: 0,
    decodeTokens: 0,
    directLoopS: 0,
    byRoleS: { llama: 0, sampler: 0, main: 0, other: 0 },
  };
}

/** Adds one generation's samples (at start, first token, end) to the running account. */
export function addGeneration(account: CpuAccount, start: CpuSample, first: CpuSample | undefined, end: CpuSample, tokens: number, outsideDecodeMs = 0): void {
  account.directLoopS += outsideDecodeMs / 1000;
  const processS = end.processS - start.processS;
  const mainS = end.mainThreadS - start.mainThreadS;
  account.processS += processS;
  account.mainThreadS += mainS;
  account.otherThreadsS += processS - mainS;
  account.generatedTokens += tokens;
  if (start.threads !== undefined && end.threads !== undefined) {
    // A thread born inside the window (llama.cpp's first OpenMP team) ran all its time there.
    for (const [tid, now] of end.threads) account.byRoleS[now.role] += now.s - (start.threads.get(tid)?.s ?? 0);
  }
  if (first !== undefined && tokens > 1) {
    account.decodeProcessS += end.processS - first.processS;
    account.decodeMainThreadS += end.mainThreadS - first.mainThreadS;
    account.decodeTokens += tokens - 1;
  }
}

/** The manifest's view: totals plus per-token figures and the harness's share. */
export function summarizeCpu(account: CpuAccount): Record<string, number | null | Record<ThreadRole, number>> {
  const per = (s: number, n: number): number | null => (n > 0 ? s / n : null);
  const byRoleTotalS = THREAD_ROLES.reduce((sum, role) => sum + account.byRoleS[role], 0);
  return {
    ...account,
    processSPerToken: per(account.processS, account.generatedTokens),
    decodeProcessSPerToken: per(account.decodeProcessS, account.decodeTokens),
    decodeMainThreadSPerToken: per(account.decodeMainThreadS, account.decodeTokens),
    directLoopSPerToken: per(account.directLoopS, account.decodeTokens),
    harnessShare: account.processS > 0 ? account.mainThreadS / account.processS : null,
    llamaThreadsSPerToken: per(account.byRoleS.llama, account.generatedTokens),
    llamaThreadsShare: byRoleTotalS > 0 ? account.byRoleS.llama / byRoleTotalS : null,
  };
}
