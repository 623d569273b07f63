// The OpenAI-compatible client against servers that misbehave: real node http servers on 127.0.0.1, started and
// closed by each test, answering 500, 429, garbage SSE, HTML, hanging before the first token and mid-stream, and
// dropping the connection. The client must time out, retry only what may be retried, record every attempt, and name
// the server, the query and the offending bytes.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { profile } from '../lib/profile/index.ts';
import type { Query } from '../lib/queries/index.ts';
import { parseModelSpec } from '../lib/run/index.ts';
import { openOpenAIRunner, type OpenAIRunnerOptions } from '../lib/run/openai.ts';
import { noHardwareEnergy, PROJECT_ROOT, tempDir } from './helpers/fixture.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>, call: number) => void;

interface Fake {
  url: string;
  root: string;
  /** Chat requests received so far. */
  calls: number;
  /** Authorization headers seen, in order. */
  authorizations: Array<string | undefined>;
  close(): Promise<void>;
}

const servers: Fake[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A fake server: GET /v1/models lists "m"; POST /v1/chat/completions goes to `handler`. Closed after each test. */
async function fakeServer(handler: Handler, models: (res: ServerResponse, req: IncomingMessage) => void = (res) => res.end(JSON.stringify({ data: [{ id: 'm' }] }))): Promise<Fake> {
  const fake = { calls: 0, authorizations: [] as Array<string | undefined> } as Fake;
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/v1/models') return models(res, req);
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      fake.authorizations.push(req.headers.authorization);
      handler(req, res, JSON.parse(raw) as Record<string, unknown>, fake.calls++);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}`;
  fake.root = `${fake.url}/v1`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  servers.push(fake);
  return fake;
}

const chunk = (content: string) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
const FINISH = `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { prompt_tokens: 7, completion_tokens: 2 } })}\n\ndata: [DONE]\n\n`;

/** Streams `words` as a well-formed reply. */
function reply(res: ServerResponse, words: string[] = ['Hel', 'lo']): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const w of words) res.write(chunk(w));
  res.end(FINISH);
}

/** Limits small enough that a test never waits long; retries without real backoff. */
const FAST: OpenAIRunnerOptions = { connectTimeoutS: 2, firstTokenTimeoutS: 0.4, idleTimeoutS: 0.4, retryDelayMs: 1 };

async function generate(fake: Fake, options: OpenAIRunnerOptions = {}, signal?: AbortSignal) {
  const runner = await openOpenAIRunner(fake.url, 'm', { ...FAST, ...options });
  let firstTokens = 0;
  try {
    const g = await runner.generate({ prompt: 'Say hello', maxTokens: 8, queryId: 'q-17', signal }, { onFirstToken: () => firstTokens++ });
    return { g, firstTokens };
  } finally {
    await runner.close();
  }
}

describe('OpenAI client: retries', () => {
  it('retries 500 before the first token, records every attempt, and succeeds', async () => {
    const fake = await fakeServer((_req, res, _body, call) => (call < 2 ? res.writeHead(500, 'Internal Server Error').end('overloaded') : reply(res)));
    const { g } = await generate(fake);
    expect(g.stopReason).toBe('eos');
    expect(g.response).toBe('Hello');
    expect(g.attempts!.map((a) => a.status)).toEqual([500, 500, 200]);
    expect(g.attempts!.map((a) => a.outcome)).toEqual(['500 Internal Server Error', '500 Internal Server Error', 'ok']);
    // Backoff doubles from retryDelayMs; the successful attempt is the generation's window.
    expect(g.attempts!.map((a) => a.retryAfterMs)).toEqual([1, 2, undefined]);
    expect(g.startMs).toBe(g.attempts![2]!.startMs);
  });

  it('honours Retry-After on 429', async () => {
    const fake = await fakeServer((_req, res, _body, call) => (call === 0 ? res.writeHead(429, { 'retry-after': '0.05' }).end('slow down') : reply(res)));
    const { g } = await generate(fake);
    expect(g.response).toBe('Hello');
    expect(g.attempts!.map((a) => a.status)).toEqual([429, 200]);
    expect(g.attempts![0]!.retryAfterMs).toBe(50);
  });

  it('gives up after maxRetries with an error that lists every attempt, hiding none', async () => {
    const fake = await fakeServer((_req, res) => res.writeHead(503, 'Service Unavailable').end('model loading'));
    const { g } = await generate(fake, { maxRetries: 3 });
    expect(fake.calls).toBe(4);
    expect(g.stopReason).toBe('error');
    expect(g.attempts).toHaveLength(4);
    expect(g.error).toContain('query q-17');
    expect(g.error).toContain(fake.root);
    expect(g.error).toContain('"model loading"');
    expect(g.error).toContain('4 attempts: 503, 503, 503, 503');
  });

  it('does not retry a 4xx: the request itself was refused', async () => {
    const fake = await fakeServer((_req, res) => res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"message":"the request exceeds the available context size"}}'));
    const { g } = await generate(fake);
    expect(fake.calls).toBe(1);
    expect(g.stopReason).toBe('error');
    expect(g.error).toMatch(/^query q-17: the server at http:\/\/127\.0\.0\.1:\d+\/v1 answered 400 Bad Request: .*exceeds the available context size/);
  });
});

describe('OpenAI client: broken streams name the server, the query and the bytes', () => {
  it('garbage SSE after a token', async () => {
    const fake = await fakeServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(chunk('Hi'));
      res.end('data: {"choices":[{"delta":\x01oops\n\n');
    });
    const { g, firstTokens } = await generate(fake);
    expect(firstTokens).toBe(1);
    expect(g.stopReason).toBe('error');
    expect(g.response).toBe('Hi');
    expect(g.error).toContain(`query q-17: the server at ${fake.root} sent a malformed event: "{\\"choices\\":[{\\"delta\\":\\u0001oops"`);
    expect(g.attempts).toHaveLength(1);
  });

  it('a line that is not an event at all', async () => {
    const fake = await fakeServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end('HTTP/1.1 garbage\n');
    });
    const { g } = await generate(fake);
    expect(g.error).toContain('sent a line that is not a server-sent event: "HTTP/1.1 garbage"');
  });

  it('an HTML page instead of a stream', async () => {
    const fake = await fakeServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body>Welcome to nginx!</body></html>'));
    const { g } = await generate(fake);
    expect(g.stopReason).toBe('error');
    expect(g.error).toContain(`query q-17: the server at ${fake.root} answered 200 with text/html, not an event stream: "<html><body>Welcome to nginx!`);
    expect(g.error).toMatch(/API root/);
  });

  it('an error event in the stream', async () => {
    const fake = await fakeServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end('data: {"error":{"message":"slot unavailable"}}\n\n');
    });
    const { g } = await generate(fake);
    expect(g.error).toContain('the server reported an error: slot unavailable');
  });
});

describe('OpenAI client: timeouts and drops', () => {
  it('a server that never answers: the first-token timeout', async () => {
    const fake = await fakeServer(() => undefined);
    const { g } = await generate(fake);
    expect(g.stopReason).toBe('error');
    expect(g.error).toContain('no first token within 0.4 s (firstTokenTimeoutS), not even a status line');
    expect(g.attempts).toEqual([expect.objectContaining({ status: null })]);
  });

  it('headers and a role chunk, then nothing: still the first-token timeout', async () => {
    const fake = await fakeServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${JSON.stringify({ choices: [{ delta: { role: 'assistant' } }] })}\n\n`);
    });
    const { g } = await generate(fake);
    expect(g.error).toMatch(/no first token within 0\.4 s \(firstTokenTimeoutS\)\. Raise firstTokenTimeoutS/);
    expect(g.attempts![0]!.status).toBe(200);
  });

  it('a server that hangs mid-stream: the idle timeout, with the reply so far', async () => {
    const fake = await fakeServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(chunk('Hel'));
    });
    const { g, firstTokens } = await generate(fake);
    expect(firstTokens).toBe(1);
    expect(g.stopReason).toBe('error');
    expect(g.response).toBe('Hel');
    expect(g.tokenTimesMs).toHaveLength(1);
    expect(g.error).toContain('went silent for 0.4 s after token 1 (idleTimeoutS)');
  });

  it('a connection dropped before any answer (sent once more, on a fresh connection, as for a stale kept-alive one)', async () => {
    const fake = await fakeServer((req) => req.socket.destroy());
    const { g } = await generate(fake);
    // The first request went over the socket kept alive from GET /models: Node's documented race, so one resend.
    expect(fake.calls).toBe(2);
    expect(g.attempts!.map((a) => a.outcome)).toEqual([expect.stringContaining('a kept-alive connection was closed by the server'), expect.stringContaining('dropped the connection before answering')]);
    expect(g.stopReason).toBe('error');
    expect(g.error).toMatch(/query q-17: the server at .* dropped the connection before answering \(ECONNRESET\)/);
  });

  it('a connection dropped mid-stream', async () => {
    const fake = await fakeServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(chunk('Hel'), () => setTimeout(() => res.socket?.destroy(), 20));
    });
    const { g } = await generate(fake);
    expect(g.response).toBe('Hel');
    expect(g.error).toMatch(/dropped the connection after 1 token\b/);
  });

  it('a stream that ends without finishing', async () => {
    const fake = await fakeServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(chunk('Hel'));
    });
    const { g } = await generate(fake);
    expect(g.error).toContain('ended the stream after 1 token without finishing it');
  });

  it('an abort while the server hangs is an abort, not an error', async () => {
    const fake = await fakeServer(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const { g } = await generate(fake, { firstTokenTimeoutS: 30 }, controller.signal);
    expect(g.stopReason).toBe('abort');
    expect(g.error).toBeUndefined();
  });

  it('a server that cannot be reached throws (a setup problem, not a query problem)', async () => {
    const fake = await fakeServer((_req, res) => reply(res));
    const runner = await openOpenAIRunner(fake.url, 'm', FAST);
    await fake.close();
    await expect(runner.generate({ prompt: 'x', maxTokens: 4, queryId: 'q-1' })).rejects.toThrow(/cannot reach the OpenAI-compatible server at .* \(ECONNREFUSED\)/);
    await runner.close();
    await expect(openOpenAIRunner(fake.url, 'm', FAST)).rejects.toThrow(/cannot reach.*ECONNREFUSED/);
  });
});

describe('OpenAI client: credentials', () => {
  it('refuses a URL that carries credentials without echoing them', () => {
    for (const spec of ['openai:http://alice:hunter2-secret@127.0.0.1:8080#m', 'openai:http://127.0.0.1:8080/v1?api_key=hunter2-secret#m', 'openai:http://hunter2-secret@h:1']) {
      let message = '';
      try {
        parseModelSpec(spec);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/carries credentials/);
      expect(message).not.toContain('hunter2');
    }
    expect(parseModelSpec('openai:http://127.0.0.1:8080#org/model@v2')).toMatchObject({ model: 'org/model@v2' });
  });

  it('sends the key from the variable apiKeyEnv names (default OPENAI_API_KEY), and records only the name', async () => {
    const fake = await fakeServer((_req, res) => reply(res));
    const key = `sk-test-${randomBytes(8).toString('hex')}`;
    process.env.IPW_FAULTS_KEY = key;
    const saved = process.env.OPENAI_API_KEY;
    process.env.OPENAI_API_KEY = `${key}-default`;
    try {
      const named = await openOpenAIRunner(fake.url, 'm', { apiKeyEnv: 'IPW_FAULTS_KEY' });
      await named.generate({ prompt: 'x', maxTokens: 4 });
      expect(named.description.details.auth).toBe('bearer ($IPW_FAULTS_KEY)');
      expect(JSON.stringify(named.description)).not.toContain(key);
      await named.close();
      const byDefault = await openOpenAIRunner(fake.url, 'm');
      await byDefault.generate({ prompt: 'x', maxTokens: 4 });
      await byDefault.close();
      expect(fake.authorizations).toEqual([`Bearer ${key}`, `Bearer ${key}-default`]);
    } finally {
      delete process.env.IPW_FAULTS_KEY;
      if (saved === undefined) delete process.env.OPENAI_API_KEY;
      else process.env.OPENAI_API_KEY = saved;
    }
    await expect(openOpenAIRunner(fake.url, 'm', { apiKeyEnv: 'IPW_FAULTS_UNSET' })).rejects.toThrow(/apiKeyEnv names the environment variable IPW_FAULTS_UNSET, which is not set/);
  });

  it('a refused key on /models fails at open, with the fix', async () => {
    const fake = await fakeServer(
      (_req, res) => reply(res),
      (res) => res.writeHead(401, 'Unauthorized').end('{"error":"invalid key"}'),
    );
    await expect(openOpenAIRunner(fake.url, 'm', FAST)).rejects.toThrow(/refused a request without an API key \(401 Unauthorized\)\. Put its key in the environment variable apiKeyEnv names/);
  });
});

/** Every regular file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    const info = statSync(path);
    return info.isDirectory() ? filesUnder(path) : info.isFile() ? [path] : [];
  });
}

describe('OpenAI client inside a run', () => {
  const queries: Query[] = ['a', 'b', 'c', 'd'].map((id) => ({ id: `q-${id}`, prompt: `Say ${id}`, domain: 'test', answer: id, grader: 'exact' }));
  const quiet = { energyOptions: noHardwareEnergy(), energy: 'estimated' as const, baselineS: 0, warmupQueries: 0, maxTokens: 8, ...FAST };

  it('a query the server refuses is an error row, the run goes on, and no key reaches the disk', async () => {
    const key = `sk-never-on-disk-${randomBytes(12).toString('hex')}`;
    // The server echoes the key in its error, as some do: the row must carry the error with the key redacted.
    const fake = await fakeServer((req, res, body) => {
      const prompt = JSON.stringify(body.messages);
      if (prompt.includes('Say b')) return res.writeHead(400, 'Bad Request').end(`bad request from ${req.headers.authorization}`);
      reply(res, [prompt.match(/Say (\w)/)![1]!]);
    });
    process.env.IPW_FAULTS_RUN_KEY = key;
    const outDir = join(tempDir(), 'run');
    try {
      const result = await profile({ ...quiet, model: `openai:${fake.url}#m`, queries, outDir, apiKeyEnv: 'IPW_FAULTS_RUN_KEY' });
      expect(result.complete).toBe(true);
      const byId = Object.fromEntries(result.results.map((r) => [r.queryId, r]));
      expect(Object.keys(byId).sort()).toEqual(['q-a', 'q-b', 'q-c', 'q-d']);
      expect(byId['q-b']).toMatchObject({ stopReason: 'error', gradeStatus: 'error', correct: false });
      expect(byId['q-b']!.verdict).toContain('query q-b: the server at');
      expect(byId['q-b']!.verdict).toContain('bad request from Bearer [redacted]');
      expect(byId['q-c']).toMatchObject({ gradeStatus: 'answered', correct: true });
    } finally {
      delete process.env.IPW_FAULTS_RUN_KEY;
    }
    const files = [...filesUnder(outDir), ...filesUnder(join(PROJECT_ROOT, '.cache'))];
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) expect(readFileSync(file).includes(key), file).toBe(false);
    expect(fake.authorizations.every((a) => a === `Bearer ${key}`)).toBe(true);
  });

  it('more failures than maxErrors stop the run, keeping the rows already written', async () => {
    const fake = await fakeServer((_req, res) => res.writeHead(404, 'Not Found').end('no such route'));
    const outDir = join(tempDir(), 'run');
    await expect(profile({ ...quiet, model: `openai:${fake.url}#m`, queries, outDir, maxErrors: 1 })).rejects.toThrow(
      /stopped after 2 queries could not run \(more than maxErrors, 1\).*query q-b: the server at .* answered 404 Not Found/,
    );
    const journal = readFileSync(join(outDir, 'journal.jsonl'), 'utf8').trim().split('\n');
    expect(journal.map((line) => (JSON.parse(line) as { queryId: string }).queryId)).toEqual(['q-a', 'q-b']);
  });
});
