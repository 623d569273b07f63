// The direct engine's C helpers, argmax.c (greedy sampling) and quiet-log.c (llama.cpp's log filter), compiled into one
// library with the native llama.cpp build, for the same CPU, and used when the engine runs on those libraries. Its
// file name carries a hash of the sources, so an edit compiles a new one.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCES = ['./argmax.c', './quiet-log.c'].map((name) => fileURLToPath(new URL(name, import.meta.url)));

/** Where the helpers compiled from these sources live in `libraryDir`. */
export function nativeHelpersPath(libraryDir: string): string {
  const hash = createHash('sha256');
  for (const source of SOURCES) hash.update(readFileSync(source));
  return join(libraryDir, `libipw-helpers-${hash.digest('hex').slice(0, 12)}.so`);
}

/** The compiled helpers in `libraryDir`, or undefined when they have not been built there. */
export function builtNativeHelpers(libraryDir: string): string | undefined {
  const path = nativeHelpersPath(libraryDir);
  return existsSync(path) ? path : undefined;
}

/** Compiles the helpers into `libraryDir` unless they are there; returns the path. Throws with the compiler's output. */
export function buildNativeHelpers(libraryDir: string): string {
  const built = builtNativeHelpers(libraryDir);
  if (built !== undefined) return built;
  const path = nativeHelpersPath(libraryDir);
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    // -march=native like the llama.cpp build beside it (GGML_NATIVE): both only ever run on this host.
    execFileSync('cc', ['-O3', '-march=native', '-shared', '-fPIC', '-o', tmp, ...SOURCES, '-ldl'], { stdio: 'pipe' });
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`could not compile ${SOURCES.join(' and ')}: ${stderr || (error as Error).message}`);
  }
  return path;
}
