// Finds the llama.cpp shared libraries the direct engine binds: the ones node-llama-cpp already loaded into this
// process (its prebuilt build; same copy, same backend registry), or the native build of `npm run build:llama-tools`.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface LlamaLibraryFiles {
  libraryDir: string;
  llama: string;
  ggml: string;
  ggmlBase: string;
}

/** Parses /proc/<pid>/maps text; null when libllama, libggml and libggml-base are not all mapped from one folder. */
export function llamaLibrariesInMaps(mapsText: string): LlamaLibraryFiles | null {
  const paths = new Set<string>();
  for (const line of mapsText.split('\n')) {
    const path = line.slice(line.indexOf('/'));
    if (line.includes('/') && /\/lib(llama|ggml)[^/]*\.so[^/]*$/.test(path)) paths.add(path);
  }
  const llamaPath = [...paths].find((p) => /^libllama(\.v[\d.]+)?\.so$/.test(basename(p)));
  if (llamaPath === undefined) return null;
  const libraryDir = dirname(llamaPath);
  const inDir = [...paths].filter((p) => dirname(p) === libraryDir).map((p) => basename(p));
  const ggml = inDir.find((f) => /^libggml(\.v[\d.]+)?\.so$/.test(f));
  const ggmlBase = inDir.find((f) => f === 'libggml-base.so' || /^libggml-base(\.v[\d.]+)?\.so$/.test(f));
  if (ggml === undefined || ggmlBase === undefined) return null;
  return { libraryDir, llama: basename(llamaPath), ggml, ggmlBase };
}

export function loadedLlamaLibraries(): LlamaLibraryFiles | null {
  try {
    return llamaLibrariesInMaps(readFileSync('/proc/self/maps', 'utf8'));
  } catch {
    return null; // not Linux: the caller falls back to node-llama-cpp's own generation
  }
}

/** The native build's libraries (named libipw-*.so.N, see lib/run/llama-tools.ts) in `dir`, or null when incomplete. */
export function nativeLlamaLibraries(dir: string, prefix: string): LlamaLibraryFiles | null {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return null;
  }
  const find = (lib: string) => names.find((n) => new RegExp(`^${prefix}${lib}\\.so\\.\\d+$`).test(n));
  const llama = find('llama');
  const ggml = find('ggml');
  const ggmlBase = find('ggml-base');
  return llama && ggml && ggmlBase ? { libraryDir: dir, llama, ggml, ggmlBase } : null;
}

/** The OpenMP runtime (GNU libgomp) mapped into this process, if a loaded llama.cpp build uses it; else null. */
export function loadedOpenMpRuntime(): string | null {
  try {
    const line = readFileSync('/proc/self/maps', 'utf8')
      .split('\n')
      .find((l) => /\/libgomp\.so[^/]*$/.test(l));
    return line === undefined ? null : line.slice(line.indexOf('/'));
  } catch {
    return null;
  }
}
