// IOPub broadcasting, plus capture of process.stdout/stderr (and so console.*) into `stream` messages.
// Output is attributed to the request being handled, or to the last one when a timer prints after its cell ended.
import { type JsonObject, type Message, SendQueue, type Signer, encode, reply } from './wire.ts';

const MAX_BUFFERED = 4 * 1024 * 1024;
type StreamName = 'stdout' | 'stderr';

export class IoPub {
  parent: Message | undefined;
  readonly #queue: SendQueue;
  readonly #pending: Record<StreamName, string> = { stdout: '', stderr: '' };
  #order: StreamName[] = [];
  #flushScheduled = false;
  #dropped = 0;

  constructor(socket: { send(frames: Buffer[]): Promise<void> }, private readonly signer: Signer, private readonly session: string) {
    this.#queue = new SendQueue(socket);
  }

  /** Sends a broadcast; pending stream text goes first so output keeps the order in which the cell produced it. */
  send(msgType: string, content: JsonObject, parent: Message | undefined = this.parent): Promise<void> {
    this.flush();
    return this.#raw(msgType, content, parent);
  }

  status(state: 'busy' | 'idle' | 'starting', parent: Message | undefined): Promise<void> {
    return this.send('status', { execution_state: state }, parent);
  }

  #raw(msgType: string, content: JsonObject, parent: Message | undefined): Promise<void> {
    const msg = reply(parent, msgType, content, this.session, [Buffer.from(msgType)]);
    return this.#queue.send(encode(msg, this.signer)).catch(() => undefined);
  }

  /** Buffers text so a loop of console.log calls becomes a few messages, not thousands. */
  stream(name: StreamName, text: string): void {
    if (this.#pending.stdout.length + this.#pending.stderr.length > MAX_BUFFERED) {
      this.#dropped += text.length;
      return;
    }
    if (this.#order[this.#order.length - 1] !== name) this.#order.push(name);
    this.#pending[name] += text;
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.#flushScheduled = false;
    if (this.#dropped > 0) {
      this.#pending.stderr += `\n[${this.#dropped} characters of output dropped: more than ${MAX_BUFFERED} were buffered]\n`;
      if (!this.#order.includes('stderr')) this.#order.push('stderr');
      this.#dropped = 0;
    }
    // Interleaving between stdout and stderr within one flush is coarse: each stream's text goes in one message.
    for (const name of this.#order) {
      const text = this.#pending[name];
      if (text === '') continue;
      this.#pending[name] = '';
      void this.#raw('stream', { name, text }, this.parent);
    }
    this.#order = [];
  }
}

/** Routes writes to process.stdout/stderr into `io`; returns the original stderr writer for the kernel's own log. */
export function captureProcessOutput(io: IoPub): (text: string) => void {
  const originalErr = process.stderr.write.bind(process.stderr);
  for (const name of ['stdout', 'stderr'] as const) {
    const stream = process[name];
    stream.write = ((chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString(typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      io.stream(name, text);
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
      return true;
    }) as typeof stream.write;
  }
  return (text: string) => void originalErr(text);
}
