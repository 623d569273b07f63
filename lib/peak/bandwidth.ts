// The memory bandwidth probe: stream.c, compiled once per source and compiler for this CPU, run with every thread.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = fileURLToPath(new URL('./stream.c', import.meta.url));

/** What one run of the kernel measured: the best pass of each kernel. */
export interface StreamResult {
  threads: number;
  /** Bytes of each of the three arrays. */
  arrayBytes: number;
  repetitions: number;
  /** Triad a = b + s*c, 24 bytes counted per element (STREAM's convention), bytes/s. */
  triadBytesPerS: number;
  /** Read-only sum, 8 bytes per element, bytes/s. */
  readBytesPerS: number;
}

function compilerId(): string {
  try {
    return execFileSync('cc', ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? '';
  } catch {
    throw new Error('ipw peak compiles its bandwidth kernel with cc, which is not installed: install gcc (apt-get install gcc)');
  }
}

/** Compiles stream.c into `dir` unless a binary of this source and compiler is there; returns its path. */
export function buildStreamKernel(dir: string): string {
  const hash = createHash('sha256').update(readFileSync(SOURCE)).update(compilerId()).digest('hex').slice(0, 12);
  const binary = join(dir, `stream-${hash}`);
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  const temp = `${binary}.tmp-${process.pid}`;
  try {
    // -march=native: the kernel only ever runs on the host that compiled it, like the llama.cpp build it is set beside.
    execFileSync('cc', ['-O3', '-march=native', '-fopenmp', '-o', temp, SOURCE], { stdio: 'pipe' });
    renameSync(temp, binary);
  } catch (error) {
    rmSync(temp, { force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`could not compile ${SOURCE}: ${stderr || (error as Error).message}`);
  }
  return binary;
}

/** Runs the kernel over three arrays of `arrayMiB` MiB with `threads` OpenMP threads, best of `repetitions` passes. */
export function runStreamKernel(binary: string, arrayMiB: number, repetitions: number, threads: number): StreamResult {
  const text = execFileSync(binary, [String(arrayMiB), String(repetitions)], {
    encoding: 'utf8',
    env: { ...process.env, OMP_NUM_THREADS: String(threads), OMP_PROC_BIND: 'spread', OMP_PLACES: 'cores' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = JSON.parse(text) as { threads: number; elements: number; repetitions: number; triadS: number; triadBytes: number; readS: number; readBytes: number; valid: boolean };
  if (!out.valid) throw new Error(`${binary}: the kernel's checksum is wrong; its timings are not used`);
  return {
    threads: out.threads,
    arrayBytes: out.elements * 8,
    repetitions: out.repetitions,
    triadBytesPerS: out.triadBytes / out.triadS,
    readBytesPerS: out.readBytes / out.readS,
  };
}
