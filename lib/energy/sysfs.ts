import fs from 'node:fs';
import koffi from 'koffi';

const scratch = Buffer.alloc(256);

/** libc pread(2): bytes read, or -1 with errno set. */
type Pread = (fd: number, buffer: Buffer, length: number, offset: number) => number;

let boundPread: Pread | null | undefined;

/**
 * libc's pread, called through koffi, or null where it cannot be bound. A sampler wakes every few tens of ms with
 * cold caches, and there fs.readSync's path (argument checks, the C++ binding, libuv's request) costs about
 * 12 us per call against about 6 us for this direct call, which adds up over the five-odd RAPL zones read per
 * sample. Bound lazily, once per thread: koffi handles cannot cross threads, and module state is per thread.
 * Only on 64-bit Linux, where `long` is exactly ssize_t and off_t for glibc and musl alike (32-bit musl has a
 * 64-bit off_t, so a `long` offset would not match there).
 */
function libcPread(): Pread | null {
  if (boundPread !== undefined) return boundPread;
  boundPread = null;
  if (process.platform === 'linux' && koffi.sizeof('long') === 8) {
    try {
      // null: symbols of the running process, i.e. the libc node itself links (glibc or musl).
      boundPread = koffi.load(null).func('long pread(int fd, void *buf, size_t count, long offset)') as Pread;
    } catch {
      // No FFI here: fs.readSync does the same read, just with more code on the way.
    }
  }
  return boundPread;
}

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
 * test stand-ins serve one value per open) is reopened per read. A read creates no string or Buffer: the bytes
 * land in a shared buffer and are parsed in place.
 */
export class SysfsCounterFile {
  #fd: number | null = null;
  #reopen = false;
  readonly #pread = libcPread();

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
    // A failed pread (-1) is repeated through fs.readSync, which raises Node's usual error for it.
    let n = this.#pread !== null ? this.#pread(this.#fd, scratch, scratch.length, 0) : -1;
    if (n < 0) n = fs.readSync(this.#fd, scratch, 0, scratch.length, 0);
    const value = parseDecimalBytes(scratch, n);
    if (!Number.isFinite(value)) throw new Error(`${this.path}: expected an integer`);
    return value;
  }

  close(): void {
    if (this.#fd !== null) fs.closeSync(this.#fd);
    this.#fd = null;
  }
}

/** Digits a double holds exactly whatever they are (10^15 < 2^53): up to this many, v * 10 + d never rounds. */
const EXACT_DIGITS = 15;

/**
 * `Number.parseInt(bytes.toString('latin1', 0, n), 10)`, without the string. A sampler wakes every few tens of ms
 * with cold caches, and the string (a C++ call and an allocation) plus parseInt cost several microseconds per
 * counter there. The common shape, optional ASCII spaces, an optional sign and 1..15 digits, is parsed in place;
 * anything else (no digits, longer numbers, other leading bytes) goes through parseInt, so results are identical.
 */
export function parseDecimalBytes(bytes: Uint8Array, n: number): number {
  let i = 0;
  // Tab, newline, vertical tab, form feed, carriage return, space: the ASCII part of what parseInt skips.
  while (i < n && (bytes[i] === 0x20 || (bytes[i]! >= 0x09 && bytes[i]! <= 0x0d))) i++;
  const negative = i < n && bytes[i] === 0x2d;
  if (negative || (i < n && bytes[i] === 0x2b)) i++;
  const first = i;
  let value = 0;
  for (; i < n; i++) {
    const digit = bytes[i]! - 0x30;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  const digits = i - first;
  if (digits === 0 || digits > EXACT_DIGITS) return Number.parseInt(Buffer.from(bytes.buffer, bytes.byteOffset, n).toString('latin1'), 10);
  return negative ? -value : value;
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
