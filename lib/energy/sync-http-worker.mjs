// The asynchronous half of sync-http.ts: fetches one URL per request and answers on the port, then wakes the caller
// through the shared Int32Array. Plain JavaScript, so the thread starts without a TypeScript loader.
// Times are CLOCK_MONOTONIC ms (process.hrtime, as lib/energy/clock.ts reads it), taken here, next to the socket, so
// the caller's wake-up latency does not widen the request bracket.
import { workerData } from 'node:worker_threads';

const { port, signal: signalBuffer } = workerData;
const signal = new Int32Array(signalBuffer);
const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6;

port.on('message', async ({ id, url, timeoutMs }) => {
  let answer;
  const sentMs = monotonicMs();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'text/plain;version=0.0.4' } });
    const body = await response.text();
    answer = { id, ok: true, status: response.status, body, sentMs, receivedMs: monotonicMs() };
  } catch (error) {
    const cause = error?.cause?.code ?? error?.cause?.message;
    const message = error?.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `${error?.message ?? error}${cause ? ` (${cause})` : ''}`;
    answer = { id, ok: false, message, sentMs, receivedMs: monotonicMs() };
  }
  port.postMessage(answer);
  Atomics.store(signal, 0, id);
  Atomics.notify(signal, 0);
});
