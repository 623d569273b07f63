// Chooses a CPU thread count by measuring, because no static rule holds here: node-llama-cpp's default (4 on
// 2 vCPUs) collapses decode, and whether 2 threads beat 1 depends on the model size and on UV_THREADPOOL_SIZE.
import { createHash } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, readSync, closeSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { availableParallelism, cpus, hostname } from 'node:os';
import { join } from 'node:path';
import { ipwCacheDir } from './llama-tools.ts';

export interface ThreadProbe {
  threads: number;
  decodeTokensPerS: number;
}

export interface ThreadChoice {
  threads: number;
  source: 'explicit' | 'probe' | 'cache' | 'gpu-default';
  probes: ThreadProbe[];
  probeTokens?: number;
  cacheFile?: string;
}

export const PROBE_DECODE_TOKENS = 16;
const PROBE_REPEATS = 2;

/** Size plus the first and last MiB: cheap, and changes whenever the file does in practice. */
function modelFingerprint(modelPath: string): string {
  const { size } = statSync(modelPath);
  const hash = createHash('sha256').update(String(size));
  const fd = openSync(modelPath, 'r');
  try {
    const chunk = Buffer.alloc(Math.min(size, 1 << 20));
    readSync(fd, chunk, 0, chunk.length, 0);
    hash.update(chunk);
    readSync(fd, chunk, 0, chunk.length, Math.max(0, size - chunk.length));
    hash.update(chunk);
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The host part of the cache key: a probe result only transfers to the same CPU, core count and pool setting. */
function hostKey(): string {
  const cpu = cpus()[0]?.model ?? 'unknown-cpu';
  return `${hostname()}|${cpu}|${availableParallelism()}|uv=${process.env.UV_THREADPOOL_SIZE ?? 'default'}`;
}

/** The choice is per engine too: the direct engine and node-llama-cpp's own loop scale differently with threads. */
export function threadCacheFile(modelPath: string, engine: string): string {
  const key = createHash('sha256').update(`${modelFingerprint(modelPath)}|${hostKey()}|${engine}`).digest('hex').slice(0, 20);
  return join(ipwCacheDir(), 'threads', `${key}.json`);
}

/** Best decode rate wins; a lower count wins ties within 2%, since it leaves a core for the harness and draws less power. */
export function pickThreads(probes: readonly ThreadProbe[]): number {
  let best = probes[0];
  if (best === undefined) throw new Error('no thread probes');
  for (const p of probes) if (p.decodeTokensPerS > best.decodeTokensPerS) best = p;
  const floor = best.decodeTokensPerS * 0.98;
  return probes.filter((p) => p.decodeTokensPerS >= floor).reduce((a, b) => (b.threads < a.threads ? b : a)).threads;
}

/** Decodes `tokens` tokens after a short prompt with `threads` threads; returns the decode rate in tokens/s. */
export type DecodeProbe = (threads: number, tokens: number) => Promise<number>;

/** Decodes a few tokens at each count from 1 to the core count; the best of PROBE_REPEATS per count. */
export async function probeThreads(probe: DecodeProbe, maxThreads = availableParallelism(), tokens = PROBE_DECODE_TOKENS): Promise<ThreadProbe[]> {
  await probe(1, 4); // warm-up: page-in of weights, allocator
  const probes: ThreadProbe[] = [];
  for (let t = 1; t <= maxThreads; t++) probes.push({ threads: t, decodeTokensPerS: 0 });
  for (let r = 0; r < PROBE_REPEATS; r++) {
    for (const p of probes) p.decodeTokensPerS = Math.max(p.decodeTokensPerS, await probe(p.threads, tokens));
  }
  return probes;
}

/** Rate over the gaps after the first token (which carries the prompt's prefill), as ipw reports decode. */
export function decodeRate(tokenTimesMs: readonly number[]): number {
  const first = tokenTimesMs[0];
  const last = tokenTimesMs[tokenTimesMs.length - 1];
  if (first === undefined || last === undefined || last <= first) return 0;
  return (tokenTimesMs.length - 1) / ((last - first) / 1000);
}

/** The cached choice for this model and host, or null when there is none (or it does not fit this host). */
export function cachedThreads(modelPath: string, engine: string): ThreadChoice | null {
  const cacheFile = threadCacheFile(modelPath, engine);
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as ThreadChoice;
    if (Number.isInteger(cached.threads) && cached.threads >= 1 && cached.threads <= availableParallelism()) {
      return { ...cached, source: 'cache', cacheFile };
    }
  } catch {
    // No cache yet, or an unreadable one.
  }
  return null;
}

/** The cached choice for this model and host, or a fresh probe written to the cache. */
export async function chooseThreads(modelPath: string, engine: string, probe: DecodeProbe): Promise<ThreadChoice> {
  const cached = cachedThreads(modelPath, engine);
  if (cached !== null) return cached;
  const cacheFile = threadCacheFile(modelPath, engine);
  const probes = await probeThreads(probe);
  const choice: ThreadChoice = { threads: pickThreads(probes), source: 'probe', probes, probeTokens: PROBE_DECODE_TOKENS, cacheFile };
  try {
    mkdirSync(join(cacheFile, '..'), { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ ...choice, host: hostKey(), probedAt: new Date().toISOString() }, null, 2));
    renameSync(tmp, cacheFile);
  } catch {
    // A read-only cache only costs a probe next time.
  }
  return choice;
}
