import fs from 'node:fs';

const scratch = Buffer.alloc(256);

/**
 * Reads a small sysfs attribute with open/read/close. Reopening per read (rather than pread on a kept fd) is what
 * sysfs expects for a fresh value, and costs a few microseconds; the fixed buffer keeps the hot path allocation-free.
 */
export function readSysfsText(path: string): string {
  const fd = fs.openSync(path, 'r');
  try {
    const n = fs.readSync(fd, scratch, 0, scratch.length, null);
    return scratch.toString('latin1', 0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** An integer sysfs attribute; throws on a missing or malformed value. */
export function readSysfsInteger(path: string): number {
  const text = readSysfsText(path);
  const value = Number.parseInt(text, 10);
  if (!Number.isFinite(value)) throw new Error(`${path}: expected an integer, read ${JSON.stringify(text.slice(0, 40))}`);
  return value;
}

export function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

export function listDir(path: string): string[] {
  try {
    return fs.readdirSync(path);
  } catch {
    return [];
  }
}
