/**
 * Speed of the load generator itself (lib/load), against bench/instant-server.mjs on 127.0.0.1: a server in its own
 * process that streams each reply of 64 chunks at once and keeps when it sent each reply's first and last chunk.
 * Measures, in one run and against the same server: `loadTest` (closed loop, every request graded, journaled and
 * attributed) and a plain Node `fetch` loop at the same concurrency that only reads the streams. Prints requests/s for
 * each and their ratio, and how late each client saw the first and last chunk after the server wrote it (p50/p99).
 * Targets (issue 20): loadTest >= 2000 requests/s on a 2-core machine, its timestamps within 1 ms of the server's.
 *
 *   npx tsx bench/load-generator.ts [--requests N] [--concurrency N] [--tokens N]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadTest, percentile } from '../lib/load/index.ts';
import type { Query } from '../lib/queries/index.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '32' },
    tokens: { type: 'string', default: '64' },
  },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const tokens = Number(values.tokens);

const server = spawn(process.execPath, [new URL('./instant-server.mjs', import.meta.url).pathname, String(tokens)], { stdio: ['pipe', 'pipe', 'inherit'] });
const line = await new Promise<string>((resolve) => createInterface({ input: server.stdout! }).once('line', resolve));
const base = `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`;
const sendTimes = async (): Promise<[number, number][]> => (await (await fetch(`${base}/send-times`)).json()) as [number, number][];
const seqOf = (text: string): number => Number(/#(\d+)/.exec(text)?.[1] ?? NaN);

/** Client arrival minus server send, ms, for the first and the last chunk of each request. */
function lateness(seen: { seq: number; firstWallMs: number; lastWallMs: number }[], sent: [number, number][]): { first: number[]; last: number[] } {
  const first: number[] = [];
  const last: number[] = [];
  for (const s of seen) {
    const times = sent[s.seq];
    if (!times) continue;
    first.push(s.firstWallMs - times[0]);
    last.push(s.lastWallMs - times[1]);
  }
  return { first, last };
}

const queries: Query[] = Array.from({ length: 8 }, (_, i) => ({ id: `q${i}`, prompt: `Say something (${i})`, answer: 'x', domain: 'bench', grader: 'exact' }));
const out = mkdtempSync(join(tmpdir(), 'ipw-bench-load-'));

// loadTest: the full generator, writing its run folder as a user's run would.
const result = await loadTest({
  model: `openai:${base}/v1#instant`,
  queries,
  outDir: join(out, 'run'),
  arrivals: { mode: 'closed', concurrency },
  requests,
  maxTokens: tokens,
  energy: 'estimated',
  baselineS: 0,
  calibrationRequests: 1,
});
const oursPerS = result.summary.metrics.requestThroughputPerS;
const ours = lateness(
  result.rows.filter((r) => r.ok && r.tokenTimesMs.length > 0).map((r) => ({
    seq: seqOf(r.response),
    firstWallMs: performance.timeOrigin + r.tokenTimesMs[0]!,
    lastWallMs: performance.timeOrigin + r.tokenTimesMs.at(-1)!,
  })),
  await sendTimes(),
);

// A plain fetch loop: the same requests at the same concurrency, streams read and timed, nothing else.
const body = JSON.stringify({ model: 'instant', messages: [{ role: 'user', content: 'Say something' }], max_tokens: tokens, stream: true });
const seen: { seq: number; firstWallMs: number; lastWallMs: number }[] = [];
let next = 0;
const startedMs = performance.now();
await Promise.all(Array.from({ length: concurrency }, async () => {
  const decoder = new TextDecoder();
  while (next++ < requests) {
    const response = await fetch(`${base}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    let text = '';
    let firstWallMs = NaN;
    let lastWallMs = NaN;
    const reader = response.body!.getReader();
    for (let piece = await reader.read(); !piece.done; piece = await reader.read()) {
      const nowMs = performance.timeOrigin + performance.now();
      text += decoder.decode(piece.value, { stream: true });
      if (Number.isNaN(firstWallMs)) firstWallMs = nowMs;
      if (text.includes(` t${tokens - 1}"`) && Number.isNaN(lastWallMs)) lastWallMs = nowMs;
    }
    seen.push({ seq: seqOf(text), firstWallMs, lastWallMs });
  }
}));
const plainPerS = requests / ((performance.now() - startedMs) / 1000);
const plain = lateness(seen, await sendTimes());
server.kill('SIGKILL');
rmSync(out, { recursive: true, force: true });

const ms = (v: number[]) => `p50 ${percentile(v, 50).toFixed(3)} ms, p99 ${percentile(v, 99).toFixed(3)} ms`;
process.stdout.write(
  [
    `${requests} requests of ${tokens} streamed chunks, closed loop x${concurrency}, the server on 127.0.0.1 in its own process`,
    `loadTest:   ${oursPerS.toFixed(0)} requests/s; first chunk seen after the server wrote it: ${ms(ours.first)}; last chunk: ${ms(ours.last)}`,
    `fetch loop: ${plainPerS.toFixed(0)} requests/s; first chunk: ${ms(plain.first)}; last chunk: ${ms(plain.last)}`,
    `ratio loadTest / fetch loop: ${(oursPerS / plainPerS).toFixed(2)}   (targets: loadTest >= 2000 requests/s, p99 within 1 ms)`,
    `load generator CPU: ${result.summary.client.cpuFraction.toFixed(2)} of a core`,
  ].join('\n') + '\n',
);
