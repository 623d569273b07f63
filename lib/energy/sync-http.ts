import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/** One HTTP GET as seen from this machine: the status and body, bracketed by CLOCK_MONOTONIC send and receive times. */
export interface SyncResponse {
  status: number;
  body: string;
  /** CLOCK_MONOTONIC ms (clock.ts) just before the request left. */
  sentMs: number;
  /** CLOCK_MONOTONIC ms once the whole body had arrived. */
  receivedMs: number;
}

interface Answer {
  id: number;
  ok: boolean;
  status?: number;
  body?: string;
  message?: string;
  sentMs: number;
  receivedMs: number;
}

/** Slack on top of the request's own timeout for the fetch thread to report it. */
const ANSWER_GRACE_MS = 1000;

/**
 * Blocking HTTP GET for code that must stay synchronous (an energy source's `readInto` on the sampler thread).
 * A small fetch thread does the request; this thread waits on a shared Int32Array with `Atomics.wait` and takes the
 * answer with `receiveMessageOnPort`, so its own event loop is never needed.
 */
export class SyncHttpClient {
  readonly #worker: Worker;
  readonly #port: MessagePort;
  readonly #signal = new Int32Array(new SharedArrayBuffer(4));
  #nextId = 1;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.#port = port1;
    this.#worker = new Worker(new URL('./sync-http-worker.mjs', import.meta.url), {
      workerData: { port: port2, signal: this.#signal.buffer },
      transferList: [port2],
    });
    // The thread must not keep a process alive that has nothing else to do; close() ends it.
    this.#worker.unref();
  }

  /** GETs `url`; throws an Error saying why when it cannot be fetched within `timeoutMs`. Non-2xx statuses are returned. */
  get(url: string, timeoutMs: number): SyncResponse {
    const id = this.#nextId++;
    this.#port.postMessage({ id, url, timeoutMs });
    const deadline = performance.now() + timeoutMs + ANSWER_GRACE_MS;
    for (;;) {
      const seen = Atomics.load(this.#signal, 0);
      const answer = this.#take(id);
      if (answer) {
        if (!answer.ok) throw new Error(`GET ${url} failed: ${answer.message}`);
        return { status: answer.status!, body: answer.body!, sentMs: answer.sentMs, receivedMs: answer.receivedMs };
      }
      const leftMs = deadline - performance.now();
      if (leftMs <= 0) throw new Error(`GET ${url} failed: the fetch thread did not answer within ${timeoutMs + ANSWER_GRACE_MS} ms`);
      Atomics.wait(this.#signal, 0, seen, leftMs);
    }
  }

  /** The answer to request `id`, discarding late answers to earlier requests that timed out. */
  #take(id: number): Answer | undefined {
    for (;;) {
      const received = receiveMessageOnPort(this.#port);
      if (!received) return undefined;
      const answer = received.message as Answer;
      if (answer.id === id) return answer;
    }
  }

  async close(): Promise<void> {
    this.#port.close();
    await this.#worker.terminate();
  }
}
