import fs from 'node:fs';

const scratch = Buffer.alloc(256);

/**
 * Reads a small sysfs attribute once with open/read/close (for one-off reads; counters read in a loop use
 * SysfsCounterFile). The fixed buffer keeps it allocation-free.
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

/**
 * A counter attribute read many times a second. sysfs regenerates an attribute's text on every read at offset 0,
 * so a kept descriptor and pread(0) give a fresh value with one system call instead of three. A FIFO (the
 * test stand-ins serve one value per open) is reopened per read.
 */
export class SysfsCounterFile {
  #fd: number | null = null;
  #reopen = false;

  constructor(readonly path: string) {}

  read(): number {
    if (this.#reopen) return readSysfsInteger(this.path);
    if (this.#fd === null) {
      this.#fd = fs.openSync(this.path, 'r');
      if (fs.fstatSync(this.#fd).isFIFO()) {
        this.close();
        this.#reopen = true;
        return readSysfsInteger(this.path);
      }
    }
    const n = fs.readSync(this.#fd, scratch, 0, scratch.length, 0);
    const value = Number.parseInt(scratch.toString('latin1', 0, n), 10);
    if (!Number.isFinite(value)) throw new Error(`${this.path}: expected an integer`);
    return value;
  }

  close(): void {
    if (this.#fd !== null) fs.closeSync(this.#fd);
    this.#fd = null;
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
