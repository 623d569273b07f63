// A small Jupyter client over ZeroMQ for tests and benchmarks: starts a kernel from a kernel.json-style argv,
// signs requests, and gathers each request's reply plus its IOPub messages up to the matching idle status.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dealer, Request, Subscriber } from 'zeromq';
import { type ConnectionInfo, type JsonObject, type Message, SendQueue, Signer, decode, encode, endpoint, newHeader } from '../kernel/wire.ts';

export type Channel = 'shell' | 'control' | 'stdin';

export interface Exchange {
  reply: Message;
  iopub: Message[];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function newConnectionInfo(): Promise<ConnectionInfo> {
  const ports: number[] = [];
  while (ports.length < 5) {
    const p = await freePort();
    if (!ports.includes(p)) ports.push(p);
  }
  const [shell_port, iopub_port, stdin_port, control_port, hb_port] = ports as [number, number, number, number, number];
  return { transport: 'tcp', ip: '127.0.0.1', shell_port, iopub_port, stdin_port, control_port, hb_port, key: randomBytes(16).toString('hex'), signature_scheme: 'hmac-sha256', kernel_name: 'test' };
}

export class JupyterClient {
  readonly session = `client-${randomBytes(4).toString('hex')}`;
  readonly signer: Signer;
  // Shell and stdin share one routing id, as jupyter_client's do: the kernel sends input_request to the shell's identity.
  readonly #sockets: Record<Channel, Dealer> = {
    shell: new Dealer({ routingId: this.session }),
    control: new Dealer(),
    stdin: new Dealer({ routingId: this.session }),
  };
  readonly #queues: Record<Channel, SendQueue>;
  readonly #iopub = new Subscriber();
  readonly #replies = new Map<string, (m: Message) => void>();
  readonly #early = new Map<string, Message>();
  readonly #published = new Map<string, Message[]>();
  readonly #idleWaiters = new Map<string, () => void>();
  /** Every IOPub message seen, in order, for tests that look at broadcasts with no parent. */
  readonly allIopub: Message[] = [];
  /** Every input_request the kernel sent on stdin, in order. */
  readonly inputRequests: Message[] = [];
  /**
   * Answers each input_request with the value it returns (an input_reply on stdin); undefined leaves it unanswered.
   * Requests also need `allow_stdin: true` in execute's extra content.
   */
  onInputRequest: ((request: Message) => string | undefined) | undefined;
  #closed = false;

  constructor(readonly info: ConnectionInfo) {
    this.signer = new Signer(info.key);
    this.#queues = { shell: new SendQueue(this.#sockets.shell), control: new SendQueue(this.#sockets.control), stdin: new SendQueue(this.#sockets.stdin) };
  }

  connect(): void {
    const { info } = this;
    this.#sockets.shell.connect(endpoint(info, info.shell_port));
    this.#sockets.control.connect(endpoint(info, info.control_port));
    this.#sockets.stdin.connect(endpoint(info, info.stdin_port));
    this.#iopub.connect(endpoint(info, info.iopub_port));
    this.#iopub.subscribe();
    for (const channel of ['shell', 'control', 'stdin'] as const) void this.#receive(channel);
    void this.#receiveIopub();
  }

  async #receive(channel: Channel): Promise<void> {
    try {
      for await (const frames of this.#sockets[channel]) {
        const d = decode(frames, this.signer);
        if (!d.ok) throw new Error(`kernel sent a message that fails verification on ${channel}: ${d.reason}`);
        if (channel === 'stdin' && d.message.header.msg_type === 'input_request') {
          this.#answerInput(d.message);
          continue;
        }
        const parentId = (d.message.parent_header as { msg_id?: string }).msg_id ?? '';
        const waiter = this.#replies.get(parentId);
        if (waiter) waiter(d.message);
        else this.#early.set(parentId, d.message);
      }
    } catch (error) {
      if (!this.#closed) throw error;
    }
  }

  async #receiveIopub(): Promise<void> {
    try {
      for await (const frames of this.#iopub) {
        const d = decode(frames, this.signer);
        if (!d.ok) throw new Error(`kernel sent an IOPub message that fails verification: ${d.reason}`);
        const m = d.message;
        this.allIopub.push(m);
        const parentId = (m.parent_header as { msg_id?: string }).msg_id ?? '';
        const list = this.#published.get(parentId) ?? [];
        list.push(m);
        this.#published.set(parentId, list);
        if (m.header.msg_type === 'status' && m.content['execution_state'] === 'idle') this.#idleWaiters.get(parentId)?.();
      }
    } catch (error) {
      if (!this.#closed) throw error;
    }
  }

  #answerInput(request: Message): void {
    this.inputRequests.push(request);
    const value = this.onInputRequest?.(request);
    if (value === undefined) return;
    const reply = { ...this.message('input_reply', { value }), parent_header: request.header };
    void this.#queues.stdin.send(encode(reply, this.signer));
  }

  message(msgType: string, content: JsonObject): Message {
    return { identities: [], header: newHeader(msgType, this.session, 'test'), parent_header: {}, metadata: {}, content, buffers: [] };
  }

  /** Sends frames as they are (for example with a forged signature). */
  sendFrames(channel: Channel, frames: Buffer[]): Promise<void> {
    return this.#queues[channel].send(frames);
  }

  /** Resolves with the reply and every IOPub message up to the idle status for this request. */
  async request(channel: Channel, msgType: string, content: JsonObject, expectIdle = true): Promise<Exchange> {
    const msg = this.message(msgType, content);
    const id = msg.header.msg_id;
    const reply = new Promise<Message>((resolve) => {
      this.#replies.set(id, resolve);
      const early = this.#early.get(id);
      if (early) resolve(early);
    });
    const idle = expectIdle ? new Promise<void>((resolve) => this.#idleWaiters.set(id, resolve)) : Promise.resolve();
    await this.#queues[channel].send(encode(msg, this.signer));
    const [r] = await Promise.all([reply, idle]);
    this.#replies.delete(id);
    this.#idleWaiters.delete(id);
    const iopub = this.#published.get(id) ?? [];
    this.#published.delete(id);
    return { reply: r, iopub };
  }

  execute(code: string, extra: JsonObject = {}): Promise<Exchange> {
    return this.request('shell', 'execute_request', { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true, ...extra });
  }

  /** Retries kernel_info until a reply and its IOPub idle status arrive: IOPub subscriptions connect late. */
  async waitForReady(timeoutMs = 60_000): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const attempt = this.request('shell', 'kernel_info_request', {});
      const winner = await Promise.race([attempt, new Promise<undefined>((r) => setTimeout(() => r(undefined), 1000))]);
      if (winner !== undefined) return winner.reply;
    }
    throw new Error('kernel did not answer kernel_info_request');
  }

  async heartbeat(timeoutMs = 5000): Promise<boolean> {
    const req = new Request({ receiveTimeout: timeoutMs, linger: 0 });
    req.connect(endpoint(this.info, this.info.hb_port));
    try {
      await req.send('ping');
      const [echo] = await req.receive();
      return echo?.toString() === 'ping';
    } catch {
      return false;
    } finally {
      req.close();
    }
  }

  close(): void {
    this.#closed = true;
    for (const s of Object.values(this.#sockets)) s.close();
    this.#iopub.close();
  }
}

export interface RunningKernel {
  client: JupyterClient;
  child: ChildProcess;
  /** Kernel stderr so far (its own log), for assertions and failure messages. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts a kernel from a kernel.json argv (with `{connection_file}`) and connects a client to it. */
export async function launchKernel(argv: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunningKernel> {
  const dir = mkdtempSync(join(tmpdir(), 'ipw-kernel-'));
  const info = await newConnectionInfo();
  const file = join(dir, 'connection.json');
  writeFileSync(file, JSON.stringify(info));
  const [command, ...args] = argv.map((a) => a.replace('{connection_file}', file));
  const child = spawn(command!, args, { cwd: options.cwd ?? dir, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout!.on('data', (d: Buffer) => (stderr += d.toString()));
  const client = new JupyterClient(info);
  client.connect();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await Promise.race([
    client.waitForReady(),
    exited.then(() => { throw new Error(`kernel exited during start-up:\n${stderr}`); }),
  ]);
  return {
    client,
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function outputsOf(exchange: Exchange, msgType: string): JsonObject[] {
  return exchange.iopub.filter((m) => m.header.msg_type === msgType).map((m) => m.content);
}

export function streamText(exchange: Exchange, name: 'stdout' | 'stderr' = 'stdout'): string {
  return outputsOf(exchange, 'stream').filter((c) => c['name'] === name).map((c) => String(c['text'])).join('');
}
