// One streamed request to an OpenAI-compatible server over node:http(s). fetch() cannot tell connecting from waiting,
// so this does it by hand: a connect timeout, a first-token timeout, and a limit on silence between tokens.
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface StreamLimits {
  connectMs: number;
  firstTokenMs: number;
  idleMs: number;
}

/** What a `data:` payload was: reply text, the end of the stream, or neither (role chunks, usage, timings). */
export type PayloadKind = 'token' | 'done' | 'other';

/** How one request ended. `why` texts are fragments; the caller adds the server and the query. */
export type AttemptResult =
  | { kind: 'done'; status: number }
  | { kind: 'aborted'; status: number | null }
  /** No connection at all: refused, unknown host, or no connect within the limit. */
  | { kind: 'unreachable'; why: string }
  /** A kept-alive socket the server had already closed; safe to send again at once. */
  | { kind: 'stale'; why: string }
  /** A non-2xx answer, with the start of its body. */
  | { kind: 'status'; status: number; statusText: string; body: string; retryAfterMs?: number }
  | { kind: 'failed'; status: number | null; why: string };

export interface StreamRequest {
  url: URL;
  body: string;
  headers: Record<string, string>;
  agent: HttpAgent;
  limits: StreamLimits;
  signal?: AbortSignal;
  /** Called with each `data:` payload; throws on a malformed one (its message says why). */
  onPayload(payload: string): PayloadKind;
  /** True once the stream said it was finished (a finish_reason), so a close without [DONE] is not a drop. */
  finished(): boolean;
}

/** Bytes of an error or non-stream body kept for the message. */
const BODY_BYTES = 2000;
/** Characters of an offending line shown in a message. */
const SHOWN_CHARS = 200;
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/** A keep-alive agent for `url`'s scheme: one per runner, destroyed when it closes. */
export function agentFor(url: URL): HttpAgent {
  return url.protocol === 'https:' ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
}

/** Text from a server, quoted and cut short, so a message shows exactly what arrived. Pure. */
export function shown(text: string): string {
  return text.length > SHOWN_CHARS ? `${JSON.stringify(text.slice(0, SHOWN_CHARS))}... (${text.length} characters)` : JSON.stringify(text);
}

/** Retry-After as milliseconds: delay-seconds or an HTTP date. Pure apart from the clock default. */
export function retryAfterMs(header: string | undefined, nowMs = Date.now()): number | undefined {
  if (header === undefined) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(header)) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function plural(tokens: number): string {
  return `${tokens} token${tokens === 1 ? '' : 's'}`;
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

/** Sends one request and reads its event stream until it finishes, fails, times out or is aborted. Never rejects. */
export function streamRequest(r: StreamRequest): Promise<AttemptResult> {
  return new Promise((resolve) => {
    const send = r.url.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    let connected = false;
    let tokens = 0;
    let status: number | null = null;
    let req: ClientRequest;
    let idleTimer: NodeJS.Timeout | undefined;
    const connectTimer = setTimeout(() => finish({ kind: 'unreachable', why: `no connection within ${seconds(r.limits.connectMs)} (connectTimeoutS)` }), r.limits.connectMs);
    const firstTokenTimer = setTimeout(
      () => finish({ kind: 'failed', status, why: `no first token within ${seconds(r.limits.firstTokenMs)} (firstTokenTimeoutS)${status === null ? ', not even a status line' : ''}` }),
      r.limits.firstTokenMs,
    );
    const onAbort = () => finish({ kind: 'aborted', status });

    function finish(result: AttemptResult, keepSocket = false): void {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(firstTokenTimer);
      clearTimeout(idleTimer);
      r.signal?.removeEventListener('abort', onAbort);
      if (!keepSocket) req.destroy();
      resolve(result);
    }

    function armIdle(): void {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => finish({ kind: 'failed', status, why: `went silent for ${seconds(r.limits.idleMs)} after token ${tokens} (idleTimeoutS)` }), r.limits.idleMs);
    }

    function onConnected(): void {
      connected = true;
      clearTimeout(connectTimer);
    }

    /** Collects the start of a body that is not an event stream, then reports it. */
    function readBody(res: IncomingMessage, done: (body: string) => AttemptResult): void {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        body += text;
        if (body.length >= BODY_BYTES) finish(done(body.slice(0, BODY_BYTES)));
      });
      res.on('end', () => finish(done(body)));
      res.on('error', () => finish(done(body)));
    }

    function onResponse(res: IncomingMessage): void {
      status = res.statusCode ?? 0;
      if (status < 200 || status > 299) {
        const after = retryAfterMs(res.headers['retry-after']);
        readBody(res, (body) => ({ kind: 'status', status: status!, statusText: res.statusMessage ?? '', body, ...(after === undefined ? {} : { retryAfterMs: after }) }));
        return;
      }
      const type = String(res.headers['content-type'] ?? '');
      if (/html|json/i.test(type)) {
        readBody(res, (body) => ({ kind: 'failed', status, why: `answered ${status} with ${type.split(';')[0]}, not an event stream: ${shown(body)}` }));
        return;
      }
      const decoder = new TextDecoder();
      let buffer = '';
      const onLine = (line: string): boolean => {
        if (line === '' || line.startsWith(':') || /^(event|id|retry):/.test(line)) return false;
        if (!line.startsWith('data:')) {
          finish({ kind: 'failed', status, why: `sent a line that is not a server-sent event: ${shown(line)}` });
          return true;
        }
        const payload = line.slice(5).trim();
        let kind: PayloadKind;
        try {
          kind = r.onPayload(payload);
        } catch (error) {
          finish({ kind: 'failed', status, why: `sent a malformed event: ${shown(payload)} (${(error as Error).message})` });
          return true;
        }
        if (kind === 'done') {
          res.resume(); // drain the rest so the kept-alive socket can serve the next query
          finish({ kind: 'done', status: status! }, true);
          return true;
        }
        if (kind === 'token' && tokens++ === 0) clearTimeout(firstTokenTimer);
        return false;
      };
      res.on('data', (bytes: Buffer) => {
        if (settled) return;
        buffer += decoder.decode(bytes, { stream: true });
        let newline: number;
        while (!settled && (newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline).replace(/\r$/, '');
          buffer = buffer.slice(newline + 1);
          if (onLine(line)) return;
        }
        if (tokens > 0 && !settled) armIdle();
      });
      res.on('end', () => {
        if (settled) return;
        buffer += decoder.decode();
        if (buffer.trim() !== '' && onLine(buffer.replace(/\r?\n?$/, ''))) return;
        if (r.finished()) finish({ kind: 'done', status: status! }, true);
        else finish({ kind: 'failed', status, why: `ended the stream after ${plural(tokens)} without finishing it (no finish_reason, no [DONE])` });
      });
      res.on('error', (error: NodeJS.ErrnoException) => finish({ kind: 'failed', status, why: `dropped the connection after ${plural(tokens)} (${error.code ?? error.message})` }));
      res.on('close', () => finish({ kind: 'failed', status, why: `dropped the connection after ${plural(tokens)}` }));
    }

    req = send(r.url, { method: 'POST', headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) }, agent: r.agent });
    req.on('socket', (socket) => {
      if (!socket.connecting) onConnected();
      else socket.once('connect', onConnected);
    });
    req.on('response', onResponse);
    req.on('error', (error: NodeJS.ErrnoException) => {
      const why = error.code ?? error.message;
      if (!connected || UNREACHABLE_CODES.has(error.code ?? '')) finish({ kind: 'unreachable', why });
      else if (req.reusedSocket && status === null && error.code === 'ECONNRESET') finish({ kind: 'stale', why: `a kept-alive connection was closed by the server (${why})` });
      else finish({ kind: 'failed', status, why: `dropped the connection before answering (${why})` });
    });
    if (r.signal?.aborted) return finish({ kind: 'aborted', status });
    r.signal?.addEventListener('abort', onAbort, { once: true });
    req.end(r.body);
  });
}

/** GET `url` as JSON within the limits (for /models); never rejects. */
export function getJson(url: URL, headers: Record<string, string>, agent: HttpAgent, limits: StreamLimits): Promise<{ status: number; statusText: string; body: string } | { unreachable: string }> {
  return new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const finish = (value: { status: number; statusText: string; body: string } | { unreachable: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(answerTimer);
      resolve(value);
    };
    const req = send(url, { method: 'GET', headers, agent });
    const connectTimer = setTimeout(() => {
      req.destroy();
      finish({ unreachable: `no connection within ${seconds(limits.connectMs)} (connectTimeoutS)` });
    }, limits.connectMs);
    const answerTimer = setTimeout(() => {
      req.destroy();
      finish({ unreachable: `no answer within ${seconds(limits.firstTokenMs)} (firstTokenTimeoutS)` });
    }, limits.firstTokenMs);
    req.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer);
      else socket.once('connect', () => clearTimeout(connectTimer));
    });
    req.on('error', (error: NodeJS.ErrnoException) => finish({ unreachable: error.code ?? error.message }));
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (text: string) => (body += text));
      res.on('end', () => finish({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', body }));
      res.on('error', (error: NodeJS.ErrnoException) => finish({ unreachable: error.code ?? error.message }));
    });
    req.end();
  });
}
