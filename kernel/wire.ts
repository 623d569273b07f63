// Jupyter messaging 5.3 wire format: identities, delimiter, HMAC signature, four JSON frames, buffers.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const PROTOCOL_VERSION = '5.3';
const DELIMITER = '<IDS|MSG>';

export interface ConnectionInfo {
  transport: string;
  ip: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
  key: string;
  signature_scheme: string;
  kernel_name?: string;
}

export function readConnectionFile(path: string): ConnectionInfo {
  const info = JSON.parse(readFileSync(path, 'utf8')) as ConnectionInfo;
  if (info.signature_scheme !== undefined && info.signature_scheme !== 'hmac-sha256' && info.key !== '') {
    throw new Error(`unsupported signature_scheme ${info.signature_scheme}; only hmac-sha256 is implemented`);
  }
  return info;
}

export function endpoint(info: ConnectionInfo, port: number): string {
  return info.transport === 'ipc' ? `ipc://${info.ip}-${port}` : `${info.transport}://${info.ip}:${port}`;
}

export interface Header {
  msg_id: string;
  session: string;
  username: string;
  date: string;
  msg_type: string;
  version: string;
}

export type JsonObject = Record<string, unknown>;

export interface Message<C extends JsonObject = JsonObject> {
  identities: Buffer[];
  header: Header;
  /** Empty object when the message answers nothing. */
  parent_header: Header | Record<string, never>;
  metadata: JsonObject;
  content: C;
  buffers: Buffer[];
}

export class Signer {
  readonly #key: string;
  constructor(key: string) {
    this.#key = key;
  }

  sign(parts: readonly (string | Buffer)[]): string {
    if (this.#key === '') return '';
    const hmac = createHmac('sha256', this.#key);
    for (const p of parts) hmac.update(p);
    return hmac.digest('hex');
  }

  verify(signature: string, parts: readonly Buffer[]): boolean {
    if (this.#key === '') return true;
    const expected = Buffer.from(this.sign(parts), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

export type DecodeResult = { ok: true; message: Message } | { ok: false; reason: string };

/**
 * Replayed messages are rejected as ipykernel does: a captured signed request must not run twice.
 * The memory is bounded so a long session does not grow without limit.
 */
export class ReplayGuard {
  readonly #seen = new Set<string>();
  constructor(private readonly limit = 4096) {}
  firstTime(signature: string): boolean {
    if (signature === '') return true;
    if (this.#seen.has(signature)) return false;
    this.#seen.add(signature);
    if (this.#seen.size > this.limit) this.#seen.delete(this.#seen.values().next().value as string);
    return true;
  }
}

export function decode(frames: readonly Buffer[], signer: Signer, replay?: ReplayGuard): DecodeResult {
  const at = frames.findIndex((f) => f.length === DELIMITER.length && f.toString('latin1') === DELIMITER);
  if (at < 0 || frames.length < at + 6) return { ok: false, reason: 'malformed message (no delimiter or missing frames)' };
  const signature = frames[at + 1]!.toString('utf8');
  const signed = frames.slice(at + 2, at + 6);
  if (!signer.verify(signature, signed)) return { ok: false, reason: 'invalid signature' };
  if (replay !== undefined && !replay.firstTime(signature)) return { ok: false, reason: 'duplicate signature (replayed message)' };
  try {
    const [header, parent, metadata, content] = signed.map((f) => JSON.parse(f.toString('utf8')) as JsonObject);
    return {
      ok: true,
      message: {
        identities: frames.slice(0, at),
        header: header as unknown as Header,
        parent_header: (parent ?? {}) as unknown as Header,
        metadata: metadata ?? {},
        content: content ?? {},
        buffers: frames.slice(at + 6),
      },
    };
  } catch (error) {
    return { ok: false, reason: `unparsable JSON: ${(error as Error).message}` };
  }
}

export function encode(message: Message, signer: Signer): Buffer[] {
  const parts = [message.header, message.parent_header, message.metadata, message.content].map((p) => Buffer.from(JSON.stringify(p), 'utf8'));
  return [...message.identities, Buffer.from(DELIMITER), Buffer.from(signer.sign(parts)), ...parts, ...message.buffers];
}

export function newHeader(msgType: string, session: string, username = 'kernel'): Header {
  return { msg_id: randomUUID(), session, username, date: new Date().toISOString(), msg_type: msgType, version: PROTOCOL_VERSION };
}

/** A message answering `parent` (same routing identities), or a broadcast when `identities` is empty. */
export function reply<C extends JsonObject>(parent: Message | undefined, msgType: string, content: C, session: string, identities?: Buffer[]): Message<C> {
  return {
    identities: identities ?? parent?.identities ?? [],
    header: newHeader(msgType, session),
    parent_header: parent?.header ?? {},
    metadata: {},
    content,
    buffers: [],
  };
}

/** zeromq.js allows one pending send per socket; this queues the rest in order. */
export class SendQueue {
  #tail: Promise<void> = Promise.resolve();
  constructor(private readonly socket: { send(frames: Buffer[]): Promise<void> }) {}
  send(frames: Buffer[]): Promise<void> {
    const next = this.#tail.then(() => this.socket.send(frames));
    this.#tail = next.catch(() => undefined);
    return next;
  }
}
