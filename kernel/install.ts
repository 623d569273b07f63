// Writes the `ipw` kernelspec straight into a Jupyter data directory, so installing needs no Python.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const KERNEL_NAME = 'ipw';
export const DISPLAY_NAME = 'IPW Lab (TypeScript)';
export const KERNEL_ENTRY = fileURLToPath(new URL('./main.js', import.meta.url));

export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
  interrupt_mode: 'signal' | 'message';
  env: Record<string, string>;
  metadata: Record<string, unknown>;
}

export interface InstallOptions {
  /** `<prefix>/share/jupyter/kernels/` (a virtualenv, conda env or test directory). */
  prefix?: string;
  /** The per-user directory; the default unless `prefix` is given. */
  user?: boolean;
  name?: string;
}

export function kernelSpec(): KernelSpec {
  return {
    // The absolute node binary: Jupyter may start kernels with a PATH that has no node, or another version.
    argv: [process.execPath, KERNEL_ENTRY, '{connection_file}'],
    display_name: DISPLAY_NAME,
    language: 'typescript',
    // Jupyter sends SIGINT; the kernel also accepts interrupt_request on the control channel.
    interrupt_mode: 'signal',
    // node-llama-cpp decodes much faster when libuv's pool does not share cores with ggml's threads (FACTS.md);
    // it must be set before Node starts, which only the kernelspec can do.
    env: { UV_THREADPOOL_SIZE: '1' },
    metadata: { debugger: false },
  };
}

/** jupyter_core's rules: JUPYTER_DATA_DIR, else $XDG_DATA_HOME/jupyter, else ~/.local/share/jupyter. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['JUPYTER_DATA_DIR']) return env['JUPYTER_DATA_DIR'];
  return join(env['XDG_DATA_HOME'] || join(homedir(), '.local', 'share'), 'jupyter');
}

export function kernelDir(options: InstallOptions = {}): string {
  const root = options.prefix !== undefined ? join(options.prefix, 'share', 'jupyter') : userDataDir();
  return join(root, 'kernels', options.name ?? KERNEL_NAME);
}

/** Returns the kernelspec directory written. */
export function installKernel(options: InstallOptions = {}): string {
  const dir = kernelDir(options);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'kernel.json'), `${JSON.stringify(kernelSpec(), null, 2)}\n`);
  return dir;
}

/** Returns the directory removed, or undefined when none was installed there. */
export function uninstallKernel(options: InstallOptions = {}): string | undefined {
  const dir = kernelDir(options);
  if (!existsSync(join(dir, 'kernel.json'))) return undefined;
  rmSync(dir, { recursive: true, force: true });
  return dir;
}
