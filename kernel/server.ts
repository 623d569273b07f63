// The kernel process: binds the Jupyter sockets, runs shell requests one at a time, publishes on IOPub.
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { inspect } from 'node:util';
import { Worker } from 'node:worker_threads';
import { Publisher, Router } from 'zeromq';
import type { ChannelsData, FromChannels, ToChannels } from './channels.ts';
import { toBundle } from './display.ts';
import { Executor } from './executor.ts';
import { DisplayService, installGlobals, libModules, type Preload } from './globals.ts';
import { History, completeReply, inspectReply, isCompleteReply, kernelInfo } from './handlers.ts';
import { IoPub, captureProcessOutput } from './iopub.ts';
import { Stdin } from './stdin.ts';
import { TypeService } from './types.ts';
import { evaluateUserExpressions } from './user-expressions.ts';
import { type ConnectionInfo, type JsonObject, type Message, ReplayGuard, SendQueue, Signer, decode, encode, endpoint, readConnectionFile, reply } from './wire.ts';

const log = (text: string): void => void writeSync(2, `ipw kernel: ${text}\n`);

/** At shutdown, how long runs in flight get to finish their query and write their files before the kernel exits anyway. */
const RUN_STOP_GRACE_MS = 30_000;

interface ExecuteContent {
  code?: string;
  silent?: boolean;
  store_history?: boolean;
  user_expressions?: Record<string, string>;
  stop_on_error?: boolean;
}

export class Kernel {
  readonly session = randomUUID();
  readonly #signer: Signer;
  readonly #shell = new Router();
  readonly #stdin = new Router();
  readonly #iopubSocket = new Publisher();
  readonly #shellQueue = new SendQueue(this.#shell);
  readonly #io: IoPub;
  readonly #executor = new Executor();
  readonly #display: DisplayService;
  readonly #history = new History();
  readonly #stdin_: Stdin;
  /** Types for completion and inspection: built on the first such request, so kernels that never ask pay nothing. */
  readonly #types = new TypeService(libModules());
  readonly #queue: Message[] = [];
  readonly #aborted = new WeakSet<Message>();
  #wake: (() => void) | undefined;
  #channels: Worker | undefined;
  #preload: Preload | undefined;
  #count = 0;
  #closing = false;

  constructor(private readonly info: ConnectionInfo) {
    this.#signer = new Signer(info.key);
    this.#io = new IoPub(this.#iopubSocket, this.#signer, this.session);
    this.#display = new DisplayService(this.#io, this.session);
    this.#stdin_ = new Stdin(this.#stdin, this.#signer, this.session, () => this.#io.parent, log);
  }

  async start(): Promise<void> {
    const { info } = this;
    await this.#iopubSocket.bind(endpoint(info, info.iopub_port));
    await this.#shell.bind(endpoint(info, info.shell_port));
    await this.#stdin.bind(endpoint(info, info.stdin_port));
    await this.#startChannels();
    captureProcessOutput(this.#io);
    this.#preload = installGlobals(this.#executor, this.#display, this.#stdin_, log);
    void this.#stdin_.receive();
    // Without a listener, SIGINT would end the process; with one, it interrupts an awaiting cell, and Node's
    // breakOnSigint still stops a cell that spins synchronously. Both listeners stay for the life of the process: a
    // dependency (signal-exit, pulled in by node-llama-cpp) re-raises a signal once no other listener is left.
    process.on('SIGINT', () => this.#executor.interrupt());
    // SIGTERM (a scheduler, or Jupyter after its shutdown grace) shuts down as shutdown_request does.
    process.on('SIGTERM', () => void this.#stop('SIGTERM'));
    // Cells' warnings belong in the notebook; the one about the loader the kernel itself uses does not.
    process.removeAllListeners('warning');
    process.on('warning', (w) => {
      if (w.name === 'ExperimentalWarning' && w.message.includes('USE_MAIN_CONTEXT_DEFAULT_LOADER')) return;
      this.#io.stream('stderr', `${w.name}: ${w.message}\n`);
    });
    process.on('unhandledRejection', (reason) => this.#io.stream('stderr', `Unhandled promise rejection: ${describe(reason)}\n`));
    process.on('uncaughtException', (error) => this.#io.stream('stderr', `Uncaught exception: ${describe(error)}\n`));
    void this.#io.status('starting', undefined);
    void this.#receiveShell();
    void this.#runShell();
  }

  async #startChannels(): Promise<void> {
    const data: ChannelsData = { info: this.info, session: this.session };
    const worker = new Worker(new URL('./channels-worker.js', import.meta.url), { workerData: data });
    this.#channels = worker;
    await new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.on('message', (m: FromChannels) => {
        if (m.type === 'ready') resolve();
        else if (m.type === 'control' || m.type === 'interrupt') void this.#onControl(m);
      });
    });
    worker.unref();
  }

  async #receiveShell(): Promise<void> {
    const replay = new ReplayGuard();
    try {
      for await (const frames of this.#shell) {
        const decoded = decode(frames, this.#signer, replay);
        if (!decoded.ok) {
          log(`rejected shell message: ${decoded.reason}`);
          continue;
        }
        this.#queue.push(decoded.message);
        this.#wake?.();
      }
    } catch (error) {
      if (!this.#closing) log(`shell socket failed: ${(error as Error).message}`);
    }
  }

  async #runShell(): Promise<void> {
    while (!this.#closing) {
      const msg = this.#queue.shift();
      if (msg === undefined) {
        await new Promise<void>((resolve) => (this.#wake = resolve));
        continue;
      }
      this.#io.parent = msg;
      await this.#io.status('busy', msg);
      try {
        await this.#handleShell(msg);
      } catch (error) {
        log(`${msg.header.msg_type} failed: ${describe(error)}`);
      }
      this.#io.flush();
      await this.#io.status('idle', msg);
    }
  }

  #sendShell(parent: Message, msgType: string, content: JsonObject): Promise<void> {
    return this.#shellQueue.send(encode(reply(parent, msgType, content, this.session), this.#signer));
  }

  async #handleShell(msg: Message): Promise<void> {
    const c = msg.content;
    switch (msg.header.msg_type) {
      case 'execute_request': return this.#execute(msg);
      case 'kernel_info_request': return this.#sendShell(msg, 'kernel_info_reply', kernelInfo());
      case 'complete_request': return this.#sendShell(msg, 'complete_reply', completeReply(c, this.#types, log));
      case 'inspect_request': return this.#sendShell(msg, 'inspect_reply', inspectReply(c, this.#types, log));
      case 'is_complete_request': return this.#sendShell(msg, 'is_complete_reply', isCompleteReply(c));
      case 'history_request': return this.#sendShell(msg, 'history_reply', this.#history.reply(c));
      case 'comm_info_request': return this.#sendShell(msg, 'comm_info_reply', { status: 'ok', comms: {} });
      case 'shutdown_request': return this.#shutdown(msg, (m, t, content) => this.#sendShell(m, t, content));
      case 'comm_open': case 'comm_msg': case 'comm_close': return; // no comm targets: ignored, as the spec allows
      default: log(`unhandled shell message ${msg.header.msg_type}`);
    }
  }

  async #execute(msg: Message): Promise<void> {
    const c = msg.content as ExecuteContent;
    const code = c.code ?? '';
    const silent = c.silent === true;
    const store = !silent && c.store_history !== false;
    if (this.#aborted.has(msg)) {
      await this.#sendShell(msg, 'execute_reply', { status: 'aborted', execution_count: this.#count });
      return;
    }
    if (store) this.#count++;
    const count = this.#count;
    if (!silent) await this.#io.send('execute_input', { code, execution_count: count }, msg);
    if (store) this.#history.add(count, code);
    await this.#preload?.ready;
    let outcome = await this.#executor.run(code, count);
    this.#types.addCell(code);
    await this.#display.settle();
    if (outcome.status === 'ok' && outcome.hasValue && outcome.value !== undefined && !silent) {
      try {
        const data = await toBundle(outcome.value, false);
        await this.#io.send('execute_result', { execution_count: count, data, metadata: {} }, msg);
        if (store && typeof data['text/plain'] === 'string') this.#history.setOutput(count, data['text/plain']);
      } catch (error) {
        outcome = this.#executor.errorOutcome(error);
      }
    }
    const user_expressions = evaluateUserExpressions(c.user_expressions ?? {});
    if (outcome.status === 'error') {
      const { ename, evalue, traceback } = outcome;
      if (!silent) await this.#io.send('error', { ename, evalue, traceback }, msg);
      await this.#sendShell(msg, 'execute_reply', { status: 'error', execution_count: count, ename, evalue, traceback, user_expressions });
      // Cells queued behind a failing one are skipped, as ipykernel does for "run all".
      if (c.stop_on_error !== false) for (const m of this.#queue) if (m.header.msg_type === 'execute_request') this.#aborted.add(m);
      return;
    }
    await this.#sendShell(msg, 'execute_reply', { status: 'ok', execution_count: count, user_expressions, payload: [] });
  }

  async #onControl(m: FromChannels & { frames: Uint8Array[] }): Promise<void> {
    const frames = m.frames.map((f) => Buffer.from(f.buffer, f.byteOffset, f.byteLength));
    const decoded = decode(frames, this.#signer);
    if (!decoded.ok) return;
    const msg = decoded.message;
    const send = async (parent: Message, msgType: string, content: JsonObject): Promise<void> => {
      this.#channels?.postMessage({ type: 'send', frames: encode(reply(parent, msgType, content, this.session), this.#signer) } satisfies ToChannels);
    };
    await this.#io.status('busy', msg);
    switch (msg.header.msg_type) {
      case 'interrupt_request': break; // replied to by the channels worker, which raised SIGINT: the interrupt itself
      case 'kernel_info_request': await send(msg, 'kernel_info_reply', kernelInfo()); break;
      case 'shutdown_request': await this.#shutdown(msg, send); break;
      default: log(`unhandled control message ${msg.header.msg_type}`);
    }
    await this.#io.status('idle', msg);
  }

  async #shutdown(msg: Message, send: (m: Message, t: string, c: JsonObject) => Promise<void>): Promise<void> {
    const restart = msg.content['restart'] === true;
    await send(msg, 'shutdown_reply', { status: 'ok', restart });
    await this.#stop('shutdown');
  }

  /**
   * Shutdown (shutdown_request, SIGTERM): stops the running cell and every profile() run in flight (each finishes its
   * query and writes results.parquet and its manifest), closes the model sessions cells opened, then exits. A second
   * SIGTERM exits at once.
   */
  async #stop(why: string): Promise<void> {
    if (this.#closing) {
      if (why === 'SIGTERM') {
        log('SIGTERM again: exiting now');
        await this.#close();
      }
      return;
    }
    this.#closing = true;
    const runs = await this.#executor.stopRuns(RUN_STOP_GRACE_MS);
    if (runs > 0) log(`${why}: stopped ${runs} profile run${runs === 1 ? '' : 's'}`);
    for (const { model, error } of (await this.#preload?.closeModels().catch((e: Error) => [{ model: '(all)', error: e.message }])) ?? []) {
      log(error === undefined ? `${why}: closed the model session of ${model}` : `${why}: could not close the model session of ${model}: ${error}`);
    }
    // A short grace period lets the reply and the idle status leave before the sockets close.
    setTimeout(() => void this.#close(), 100);
  }

  /** Closes the worker's sockets before the process exits: exiting under open zeromq sockets aborts the process. */
  async #close(): Promise<void> {
    const worker = this.#channels;
    if (worker !== undefined) {
      const closed = new Promise<void>((resolve) => worker.on('message', (m: FromChannels) => m.type === 'closed' && resolve()));
      worker.postMessage({ type: 'close' } satisfies ToChannels);
      await Promise.race([closed, new Promise((r) => setTimeout(r, 1000))]);
      await worker.terminate();
    }
    for (const s of [this.#shell, this.#stdin, this.#iopubSocket]) s.close();
    process.exit(0);
  }
}

function describe(value: unknown): string {
  return value instanceof Error ? (value.stack ?? value.message) : inspect(value);
}

export async function startKernel(connectionFile: string | undefined): Promise<Kernel> {
  if (connectionFile === undefined) throw new Error('usage: node kernel/main.js <connection_file>');
  const kernel = new Kernel(readConnectionFile(connectionFile));
  await kernel.start();
  return kernel;
}
