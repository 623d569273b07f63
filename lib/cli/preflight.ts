// Checks that need no model, no server and no query file, run before any of them loads: a typo should cost
// milliseconds, not a model load. Messages use the library's option names; main() turns them into flags.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { assertGgufFile, checkRunnerOptions, parseModelSpec, type RunnerOptions } from '../run/index.ts';

/** The nearest folder on `path`'s way up that exists (the one a new folder would be made in), or the first non-folder met. */
async function nearestExisting(path: string): Promise<{ path: string; isDirectory: boolean }> {
  let current = resolve(path);
  for (;;) {
    const info = await stat(current).catch(() => undefined);
    if (info !== undefined) return { path: current, isDirectory: info.isDirectory() };
    const parent = dirname(current);
    if (parent === current) return { path: current, isDirectory: false };
    current = parent;
  }
}

/**
 * Fails, naming outDir and the fix, when the run folder could not be created or written. Creates nothing. A resumed
 * run's folder must exist.
 */
export async function assertWritableOutDir(outDir: string, resume = false): Promise<void> {
  const target = resolve(outDir);
  const found = await nearestExisting(target);
  if (resume && found.path !== target) throw new Error(`outDir ${outDir} does not exist, so there is no run to resume. Pass the folder of the interrupted run.`);
  if (!found.isDirectory) {
    throw new Error(`outDir ${outDir} cannot be a run folder: ${found.path} is a file. Choose another outDir.`);
  }
  try {
    await access(found.path, constants.W_OK | constants.X_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const fix = code === 'EROFS' ? 'it is on a read-only file system' : `this user may not write there; fix its permissions (chmod u+w ${found.path})`;
    throw new Error(`outDir ${outDir} is not writable (${code} on ${found.path}): ${fix}, or choose another outDir, e.g. runs/NAME.`);
  }
}

/** The checks a profile run can make before loading anything: runner options, the model file, the run folder. */
export async function preflightProfile(model: string, options: RunnerOptions, outDir: string, resume = false): Promise<void> {
  checkRunnerOptions(options);
  const spec = parseModelSpec(model);
  if (spec.kind === 'gguf') await assertGgufFile(spec.path);
  await assertWritableOutDir(outDir, resume);
}
