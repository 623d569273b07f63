// Builds llama.cpp's own llama-bench and llama-server from the exact source node-llama-cpp binds (the git bundle in
// its npm tarball), offline, into a per-user cache outside the repo clone, so reference numbers and the server
// integration test compare against the same llama.cpp the in-process runner uses. The build is shared: the tools
// and the direct engine (lib/run/direct) load the very same libipw-*.so files, so a native in-process run executes
// exactly llama-bench's kernels.
import { createHash } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, copyFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildNativeHelpers } from './direct/index.ts';

export interface LlamaTools {
  release: string;
  dir: string;
  llamaBench: string;
  llamaServer: string;
  /** The shared libraries, named by SONAME (libipw-llama.so.0, ...), for the direct engine. */
  libraryDir: string;
  cmakeFlags: string[];
}

export interface EnsureLlamaToolsOptions {
  /** Progress lines (build output goes to the log file in the build dir). */
  log?: (line: string) => void;
  /** How long to wait for another process's build before giving up. */
  lockWaitMs?: number;
  jobs?: number;
}

/** node-llama-cpp's package folder, wherever npm put it: this clone's node_modules, or beside ipw-lab in a user's. */
export const nodeLlamaCppDir = packageDir('node-llama-cpp');

function packageDir(name: string): string {
  // Its entry point, then up to the folder whose package.json names it (node-llama-cpp does not export package.json).
  for (let dir = dirname(createRequire(import.meta.url).resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === name) return dir;
  }
  throw new Error(`cannot find the package folder of ${name}`);
}

// AMX off: GCC 12's AMX matmul path segfaults on the first Q8_0 batch (upstream #20824), and this CPU kind has no
// AMX anyway. Native otherwise, so the reference uses every ISA extension the host offers.
// UI/curl off: the build must not touch the network.
// Shared libraries with their own "libipw-" prefix (set by LIBRARY_PREFIX_CMAKE): node-llama-cpp's libraries in the
// same process include a libggml-base.so, and the dynamic linker would hand that one to any library asking for the
// same name. $ORIGIN run paths let the tools find their libraries after the build folder is moved into the cache.
export const llamaToolsCmakeFlags: readonly string[] = [
  '-DCMAKE_BUILD_TYPE=Release',
  '-DBUILD_SHARED_LIBS=ON',
  '-DCMAKE_BUILD_RPATH_USE_ORIGIN=ON',
  '-DGGML_NATIVE=ON',
  '-DGGML_AMX_TILE=OFF',
  '-DGGML_AMX_INT8=OFF',
  '-DGGML_AMX_BF16=OFF',
  '-DGGML_OPENMP=ON',
  '-DLLAMA_CURL=OFF',
  '-DLLAMA_OPENSSL=OFF',
  '-DLLAMA_BUILD_UI=OFF',
  '-DLLAMA_USE_PREBUILT_UI=OFF',
  '-DLLAMA_BUILD_TESTS=OFF',
  '-DLLAMA_BUILD_EXAMPLES=OFF',
  '-DLLAMA_BUILD_TOOLS=ON',
  '-DLLAMA_BUILD_SERVER=ON',
];

export const LIBRARY_PREFIX = 'libipw-';
// Included at the end of every project() call (CMAKE_PROJECT_INCLUDE), so it applies to ggml's targets too.
const LIBRARY_PREFIX_CMAKE = `set(CMAKE_SHARED_LIBRARY_PREFIX "${LIBRARY_PREFIX}")\n`;

export function ipwCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'ipw-lab');
}

export function boundLlamaCppRelease(): string {
  const info = JSON.parse(readFileSync(join(nodeLlamaCppDir, 'llama', 'llama.cpp.info.json'), 'utf8')) as { tag: string };
  return info.tag;
}

function patchFiles(): string[] {
  const dir = join(nodeLlamaCppDir, 'llama', 'patches');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.diff') || f.endsWith('.patch')).sort().map((f) => join(dir, f));
}

function compilerId(): string {
  try {
    return execFileSync('g++', ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? '';
  } catch {
    return 'no-g++';
  }
}

/** The cache folder for this release, patch set, flag set and compiler; one build per distinct combination. */
export function llamaToolsDir(): string {
  const release = boundLlamaCppRelease();
  const hash = createHash('sha256');
  hash.update(readFileSync(join(nodeLlamaCppDir, 'llama', 'gitRelease.bundle')).subarray(0, 4096));
  for (const p of patchFiles()) hash.update(readFileSync(p));
  hash.update(llamaToolsCmakeFlags.join(' '));
  hash.update(LIBRARY_PREFIX_CMAKE);
  hash.update(compilerId());
  return join(ipwCacheDir(), 'llama-tools', `${release}-${hash.digest('hex').slice(0, 12)}`);
}

function toolsAt(dir: string): LlamaTools {
  return {
    release: boundLlamaCppRelease(),
    dir,
    llamaBench: join(dir, 'bin', 'llama-bench'),
    llamaServer: join(dir, 'bin', 'llama-server'),
    libraryDir: join(dir, 'bin'),
    cmakeFlags: [...llamaToolsCmakeFlags],
  };
}

/** The cached tools, or undefined when they have not been built yet. */
export function cachedLlamaTools(): LlamaTools | undefined {
  const tools = toolsAt(llamaToolsDir());
  return existsSync(tools.llamaBench) && existsSync(tools.llamaServer) ? tools : undefined;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// mkdir is atomic, so a lock directory holding the owner's pid serialises builds across processes; a lock whose
// owner died is taken over rather than waited on forever.
async function withLock<T>(lockDir: string, waitMs: number, log: (l: string) => void, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + waitMs;
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
      } catch {
        // The owner may not have written its pid yet.
      }
      if (Number.isFinite(owner) && owner > 0 && !pidAlive(owner)) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the llama tools build lock ${lockDir}`);
      if (!announced) log(`waiting for another llama tools build (lock ${lockDir})`);
      announced = true;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], cwd: string, logFile: string): Promise<void> {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    child.stderr.on('data', (b: Buffer) => chunks.push(b));
    child.on('error', rej);
    child.on('close', (code) => {
      const out = Buffer.concat(chunks).toString('utf8');
      writeFileSync(logFile, `$ ${cmd} ${args.join(' ')}\n${out}\n`, { flag: 'a' });
      if (code === 0) res();
      else rej(new Error(`${cmd} ${args.slice(0, 3).join(' ')} exited ${code}; see ${logFile}\n${out.slice(-2000)}`));
    });
  });
}

function gitApplies(src: string, patch: string, reverse: boolean): boolean {
  try {
    execFileSync('git', ['apply', '--check', '--ignore-whitespace', ...(reverse ? ['-R'] : []), patch], { cwd: src, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function build(finalDir: string, jobs: number, log: (l: string) => void): Promise<void> {
  const tmp = `${finalDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const logFile = join(tmp, 'build.log');
  const src = join(tmp, 'src');
  const buildDir = join(tmp, 'build');
  const started = Date.now();
  log(`building llama-bench and llama-server (${boundLlamaCppRelease()}) in ${tmp}; takes 6-9 min on 2 cores`);
  await run('git', ['clone', '--quiet', join(nodeLlamaCppDir, 'llama', 'gitRelease.bundle'), src], tmp, logFile);
  const applied: string[] = [];
  for (const patch of patchFiles()) {
    // node-llama-cpp skips a patch already in the source; a reverse-applicable patch means the same here.
    if (gitApplies(src, patch, true)) continue;
    await run('git', ['apply', '--ignore-whitespace', patch], src, logFile);
    applied.push(patch);
  }
  const prefixFile = join(tmp, 'library-prefix.cmake');
  writeFileSync(prefixFile, LIBRARY_PREFIX_CMAKE);
  await run('cmake', ['-S', src, '-B', buildDir, ...llamaToolsCmakeFlags, `-DCMAKE_PROJECT_INCLUDE=${prefixFile}`], tmp, logFile);
  await run('cmake', ['--build', buildDir, '--target', 'llama-bench', 'llama-server', '-j', String(jobs)], tmp, logFile);
  const out = join(tmp, 'out');
  mkdirSync(join(out, 'bin'), { recursive: true });
  for (const name of ['llama-bench', 'llama-server']) {
    copyFileSync(join(buildDir, 'bin', name), join(out, 'bin', name));
    chmodSync(join(out, 'bin', name), 0o755);
  }
  // Each library once, under the name the tools ask for and the engine loads: its SONAME (libipw-llama.so.0), or the
  // plain file name of the unversioned tool libraries (libipw-llama-bench-impl.so).
  const built = readdirSync(join(buildDir, 'bin')).filter((name) => name.startsWith(LIBRARY_PREFIX));
  for (const name of built) {
    const soname = /\.so\.\d+$/.test(name);
    const unversioned = name.endsWith('.so') && !built.some((other) => other.startsWith(`${name}.`));
    if (soname || unversioned) copyFileSync(join(buildDir, 'bin', name), join(out, 'bin', name));
  }
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: src, encoding: 'utf8' }).trim();
  writeFileSync(
    join(out, 'build.json'),
    JSON.stringify(
      {
        release: boundLlamaCppRelease(),
        commit,
        patchesApplied: applied.map((p) => p.split('/').pop()),
        cmakeFlags: llamaToolsCmakeFlags,
        compiler: compilerId(),
        buildSeconds: Math.round((Date.now() - started) / 1000),
      },
      null,
      2,
    ),
  );
  copyFileSync(logFile, join(out, 'build.log'));
  // Rename is atomic: a reader sees either no tools or complete ones.
  renameSync(out, finalDir);
  rmSync(tmp, { recursive: true, force: true });
  log(`built llama tools in ${Math.round((Date.now() - started) / 1000)} s -> ${finalDir}`);
}

/** Returns llama-bench and llama-server, building them once (under a cross-process lock) when not cached. */
export async function ensureLlamaTools(opts: EnsureLlamaToolsOptions = {}): Promise<LlamaTools> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const cached = cachedLlamaTools();
  if (cached) return withNativeHelpers(cached, log);
  const finalDir = llamaToolsDir();
  mkdirSync(dirname(finalDir), { recursive: true });
  await withLock(`${finalDir}.lock`, opts.lockWaitMs ?? 20 * 60_000, log, async () => {
    if (cachedLlamaTools()) return;
    await build(finalDir, opts.jobs ?? 2, log);
  });
  const tools = cachedLlamaTools();
  if (!tools) throw new Error(`llama tools build finished but ${finalDir} lacks the binaries`);
  return withNativeHelpers(tools, log);
}

/** Adds the direct engine's C helpers beside the libraries (seconds; also for tools cached before they existed). */
function withNativeHelpers(tools: LlamaTools, log: (l: string) => void): LlamaTools {
  try {
    buildNativeHelpers(tools.libraryDir);
  } catch (error) {
    log(`${(error as Error).message}; the direct engine uses its WebAssembly argmax and a JavaScript log filter instead`);
  }
  return tools;
}
