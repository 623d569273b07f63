import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Makes a rename or file creation in `dir` durable; without it a power cut can forget the new name. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some filesystems (and Windows) refuse to fsync a directory; the data itself is already synced.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A temp name next to `target`, so the final rename stays within one filesystem (and thus atomic). */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Readers see either the old file or the complete new one, never a half-written one. */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const temp = tempPathFor(target);
  try {
    fs.writeFileSync(temp, data, { flag: 'wx' });
    commitTemp(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** Renames a finished, already-written temp file over `target`. */
export function commitTemp(temp: string, target: string): void {
  const fd = fs.openSync(temp, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, target);
  fsyncDir(path.dirname(target));
}

export function readJsonFile(file: string): unknown {
  const text = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}
