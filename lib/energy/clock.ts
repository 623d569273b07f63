import { performance } from 'node:perf_hooks';

/**
 * One clock for every thread and process: CLOCK_MONOTONIC, which `process.hrtime` reads on Linux and which
 * a C stand-in reads with clock_gettime. `performance.timeOrigin + performance.now()` is not used across threads
 * because timeOrigin is a wall-clock stamp taken per thread, so two threads' sums can disagree by the wall clock's
 * drift and slew between their starts.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * CLOCK_MONOTONIC ms minus this thread's `performance.now()`. Both come from the same hrtime source in Node,
 * so the difference is constant; the tightest of a few back-to-back brackets removes preemption between reads.
 */
export function monotonicOffsetMs(): number {
  let tightestMs = Infinity;
  let offsetMs = 0;
  for (let i = 0; i < 16; i++) {
    const before = performance.now();
    const mono = monotonicMs();
    const after = performance.now();
    if (after - before < tightestMs) {
      tightestMs = after - before;
      offsetMs = mono - (before + after) / 2;
    }
  }
  return offsetMs;
}
