// The native argmax (argmax.c) is compiled with the native llama.cpp build, for the same CPU, and used by the direct
// engine when it runs on those libraries. Its file name carries a hash of the source, so an edit compiles a new one.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = fileURLToPath(new URL('./argmax.c', import.meta.url));

/** Where the compiled argmax for this source lives in `libraryDir`. */
export function nativeArgmaxPath(libraryDir: string): string {
  const hash = createHash('sha256').update(readFileSync(SOURCE)).digest('hex').slice(0, 12);
  return join(libraryDir, `libipw-argmax-${hash}.so`);
}

/** The compiled argmax in `libraryDir`, or undefined when it has not been built there. */
export function builtNativeArgmax(libraryDir: string): string | undefined {
  const path = nativeArgmaxPath(libraryDir);
  return existsSync(path) ? path : undefined;
}

/** Compiles argmax.c into `libraryDir` unless it is there; returns its path. Throws with the compiler's output. */
export function buildNativeArgmax(libraryDir: string): string {
  const built = builtNativeArgmax(libraryDir);
  if (built !== undefined) return built;
  const path = nativeArgmaxPath(libraryDir);
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    // -march=native like the llama.cpp build beside it (GGML_NATIVE): both only ever run on this host.
    execFileSync('cc', ['-O3', '-march=native', '-shared', '-fPIC', '-o', tmp, SOURCE], { stdio: 'pipe' });
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`could not compile ${SOURCE}: ${stderr || (error as Error).message}`);
  }
  return path;
}
