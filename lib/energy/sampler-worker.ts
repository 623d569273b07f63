import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { monotonicMs } from './clock.ts';
import { CONTROL, type SamplerWorkerData, type WorkerMessage } from './sampler-protocol.ts';
import { openDomainSource, type DomainSource } from './domains.ts';
import { THREAD_NAMES, nameThisThread } from './thread-name.ts';
import { FIXED_COLUMNS } from './trace.ts';
import { SourceUnavailableError } from './types.ts';

/** CPU time this thread has run, from the scheduler (ns precision); NaN where /proc/thread-self is missing. */
function threadCpuMs(): number {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

nameThisThread(THREAD_NAMES.sampler);
const data = workerData as SamplerWorkerData;
const port = parentPort!;
const post = (message: WorkerMessage): void => port.postMessage(message);
const control = new Int32Array(data.control);

let source: DomainSource;
try {
  source = openDomainSource(data.plan, data.options);
} catch (error) {
  const e = error as Error;
  post(error instanceof SourceUnavailableError ? { type: 'error', message: e.message, reason: error.reason, fix: error.fix } : { type: 'error', message: e.message });
  process.exit(0);
}

const columns = FIXED_COLUMNS.length + source.channels.length;
const shared = new SharedArrayBuffer(data.capacity * columns * 8);
const ring = new Float64Array(shared);
const row = new Float64Array(2 + source.channels.length);
let written = 0;

/** A read slower than this (preempted mid-read) is taken again: a wide bracket blurs which instant the row describes. */
const MAX_READ_MS = 0.5;
const READ_ATTEMPTS = 3;

function sample(): void {
  let beforeMs = 0;
  let afterMs = Infinity;
  // Re-reading is harmless: counters are cumulative, and the power-integral sources just integrate a shorter step.
  for (let attempt = 0; attempt < READ_ATTEMPTS && afterMs - beforeMs > MAX_READ_MS; attempt++) {
    beforeMs = monotonicMs();
    source.readInto(row);
    afterMs = monotonicMs();
    // A remote source says when its values were true; reading it again would only repeat a network round trip.
    const bracket = source.valueBracketMs;
    if (bracket) {
      beforeMs = bracket[0]!;
      afterMs = bracket[1]!;
      break;
    }
  }
  const at = (written % data.capacity) * columns;
  ring[at] = (beforeMs + afterMs) / 2;
  ring[at + 1] = afterMs - beforeMs;
  ring.set(row, at + 2);
  written++;
  // The atomic store publishes the row: the reader loads `written` atomically before reading rows below it.
  Atomics.store(control, CONTROL.written, written);
  // Wakes a settle() waiting for this row; without it, every window edge waited out settle's 20 ms timeout.
  Atomics.notify(control, CONTROL.written);
}

const startCpuMs = threadCpuMs();
// The first row exists before 'ready', so any window the main thread opens afterwards has a sample before it.
sample();
post({
  type: 'ready',
  info: {
    name: source.name,
    method: source.method,
    measure: source.measure,
    isEstimate: source.isEstimate,
    updatePeriodMs: source.updatePeriodMs,
    channels: [...source.channels],
    primaryDomains: [...source.primaryDomains],
    systemDomains: [...source.systemDomains],
    details: { ...source.details },
  },
  data: shared,
  columns,
  threadCpuMs: startCpuMs,
});

// A blocking wait on a dedicated thread: woken at once by a request (window edge), otherwise every period.
let error: Error | undefined;
try {
  let seen = Atomics.load(control, CONTROL.request);
  let nextMs = monotonicMs() + data.periodMs;
  while (Atomics.load(control, CONTROL.stop) === 0) {
    const waitMs = nextMs - monotonicMs();
    if (waitMs > 0) Atomics.wait(control, CONTROL.request, seen, waitMs);
    const request = Atomics.load(control, CONTROL.request);
    const requested = request !== seen;
    seen = request;
    if (Atomics.load(control, CONTROL.stop) !== 0) break;
    const nowMs = monotonicMs();
    if (!requested && nowMs < nextMs) continue;
    sample();
    if (nowMs >= nextMs) {
      nextMs += data.periodMs;
      // After a stall, resume the grid from now instead of bursting to catch up.
      if (nextMs < nowMs) nextMs = nowMs + data.periodMs;
    }
  }
  sample();
} catch (e) {
  error = e as Error;
}
// Taken before closing: a remote source re-checks its clock here, and a failed check is a sampling error.
let sourceReports: Record<string, unknown> = {};
try {
  sourceReports = source.reports();
} catch (e) {
  error ??= e as Error;
}
await source.close();
if (error) post({ type: 'error', message: `sampling ${source.name} failed: ${error.message}` });
else post({ type: 'stopped', threadCpuMs: threadCpuMs() - startCpuMs, samples: written, sourceReports });
