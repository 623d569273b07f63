// Splits the process's CPU time into the main JS thread (the harness: sampling callbacks, token bookkeeping, energy
// sampler, grading) and every other thread (llama.cpp's compute threads, libuv and V8 helpers), so a reader can see
// how much of an estimated or measured joule figure the harness itself burned.
import { readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_S = 100; // USER_HZ on Linux; /proc reports utime/stime in these ticks.

export interface CpuSample {
  /** Whole process, all threads including ones that already exited (getrusage). */
  processS: number;
  /** The main JS thread only; NaN where /proc is unavailable. */
  mainThreadS: number;
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

export function sampleCpu(): CpuSample {
  const usage = process.cpuUsage();
  return { processS: (usage.user + usage.system) / 1e6, mainThreadS: mainThreadCpuS() };
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
}

export function emptyCpuAccount(): CpuAccount {
  return { mainThreadS: 0, otherThreadsS: 0, processS: 0, decodeProcessS: 0, decodeMainThreadS: 0, generatedTokens: 0, decodeTokens: 0, directLoopS: 0 };
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
  if (first !== undefined && tokens > 1) {
    account.decodeProcessS += end.processS - first.processS;
    account.decodeMainThreadS += end.mainThreadS - first.mainThreadS;
    account.decodeTokens += tokens - 1;
  }
}

/** The manifest's view: totals plus per-token figures and the harness's share. */
export function summarizeCpu(account: CpuAccount): Record<string, number | null> {
  const per = (s: number, n: number): number | null => (n > 0 ? s / n : null);
  return {
    ...account,
    processSPerToken: per(account.processS, account.generatedTokens),
    decodeProcessSPerToken: per(account.decodeProcessS, account.decodeTokens),
    decodeMainThreadSPerToken: per(account.decodeMainThreadS, account.decodeTokens),
    directLoopSPerToken: per(account.directLoopS, account.decodeTokens),
    harnessShare: account.processS > 0 ? account.mainThreadS / account.processS : null,
  };
}
