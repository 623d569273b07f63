// `prompt()` and `input()` in cells: an input_request on Jupyter's stdin channel, answered by the front end's
// input_reply. Only while the front end allows it (the running execute_request's `allow_stdin`); headless runners
// such as nbclient do not, and the call then throws StdinNotImplementedError, as ipykernel's input() does.
import type { Router } from 'zeromq';
import { type Message, ReplayGuard, SendQueue, type Signer, decode, encode, reply } from './wire.ts';

export class StdinNotImplementedError extends Error {
  override name = 'StdinNotImplementedError';
}

export interface InputOptions {
  /** Hide what is typed (the front end shows a password field). Default false. */
  password?: boolean;
}

export class Stdin {
  readonly #queue: SendQueue;
  /** The one input_request waiting for its reply; front ends answer one at a time. */
  #waiting: { id: string; resolve: (value: string) => void } | undefined;
  #turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly socket: Router,
    private readonly signer: Signer,
    private readonly session: string,
    /** The request being handled: its identities reach the front end, its `allow_stdin` says whether to ask. */
    private readonly parent: () => Message | undefined,
    private readonly log: (text: string) => void,
  ) {
    this.#queue = new SendQueue(socket);
  }

  /** Reads input_reply messages until the socket closes. */
  async receive(): Promise<void> {
    const replay = new ReplayGuard();
    try {
      for await (const frames of this.socket) {
        const decoded = decode(frames, this.signer, replay);
        if (!decoded.ok) {
          this.log(`rejected stdin message: ${decoded.reason}`);
          continue;
        }
        const msg = decoded.message;
        const parentId = (msg.parent_header as { msg_id?: string }).msg_id;
        if (msg.header.msg_type !== 'input_reply' || this.#waiting === undefined || parentId !== this.#waiting.id) {
          this.log(`ignored stdin message ${msg.header.msg_type} (no input_request of that id is waiting)`);
          continue;
        }
        const { resolve } = this.#waiting;
        this.#waiting = undefined;
        resolve(String(msg.content['value'] ?? ''));
      }
    } catch {
      // The socket closed at shutdown.
    }
  }

  /**
   * Asks the front end for one line of text. Rejects with StdinNotImplementedError when the running request does not
   * allow stdin, and with the signal's reason (KeyboardInterrupt) when the cell is interrupted while waiting.
   */
  ask(prompt: string, options: InputOptions, signal: AbortSignal): Promise<string> {
    const parent = this.parent();
    if (parent?.header.msg_type !== 'execute_request' || parent.content['allow_stdin'] !== true) {
      return Promise.reject(new StdinNotImplementedError('this front end does not accept input (its execute_request has allow_stdin false): prompt() and input() need an interactive notebook or console'));
    }
    const turn = this.#turn.then(() => this.#askNow(parent, prompt, options, signal));
    this.#turn = turn.catch(() => undefined);
    return turn;
  }

  #askNow(parent: Message, prompt: string, options: InputOptions, signal: AbortSignal): Promise<string> {
    if (signal.aborted) return Promise.reject(signal.reason);
    const request = reply(parent, 'input_request', { prompt, password: options.password === true }, this.session);
    return new Promise<string>((resolve, reject) => {
      const onAbort = (): void => {
        if (this.#waiting?.id === request.header.msg_id) this.#waiting = undefined;
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#waiting = {
        id: request.header.msg_id,
        resolve: (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
      };
      this.#queue.send(encode(request, this.signer)).catch((error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        this.#waiting = undefined;
        reject(error);
      });
    });
  }
}
