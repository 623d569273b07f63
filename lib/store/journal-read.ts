import fs from 'node:fs';
import { decodeQueryResult } from './schema.ts';
import type { QueryResult } from './types.ts';

/** A complete (newline-terminated) journal line that is not a valid `QueryResult`. */
export class JournalCorruptError extends Error {
  constructor(
    readonly file: string,
    /** 1-based. */
    readonly line: number,
    readonly reason: string,
  ) {
    super(
      `Corrupt journal ${file} line ${line}: ${reason}. ` +
        'Only a torn last line is repaired automatically; fix or remove this line by hand, or start a fresh run in a new outDir.',
    );
    this.name = 'JournalCorruptError';
  }
}

export interface JournalContents {
  /** First occurrence of each queryId, in file order. */
  results: QueryResult[];
  /** queryIds seen more than once (later copies were dropped). */
  duplicateIds: string[];
  /** Bytes up to and including the last newline: everything after is a torn write. */
  cleanBytes: number;
  /** Bytes of an unterminated trailing line (0 when the file ends cleanly). */
  tornBytes: number;
}

const NEWLINE = 0x0a;
const CHUNK_BYTES = 1 << 20;

/**
 * Yields newline-terminated lines, reading in chunks so a journal larger than
 * Node's maximum string length still reads. Splitting on the 0x0A byte is safe for UTF-8:
 * it never occurs inside a multi-byte character.
 */
function* terminatedLines(fd: number): Generator<{ text: string; endByte: number }, number> {
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let position = 0;
  for (;;) {
    const read = fs.readSync(fd, chunk, 0, CHUNK_BYTES, position);
    if (read === 0) return pendingBytes;
    let start = 0;
    for (let i = chunk.indexOf(NEWLINE, 0); i !== -1 && i < read; i = chunk.indexOf(NEWLINE, i + 1)) {
      const piece = chunk.subarray(start, i);
      const line = pendingBytes > 0 ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      pendingBytes = 0;
      yield { text: line.toString('utf8'), endByte: position + i + 1 };
      start = i + 1;
    }
    if (start < read) {
      pending.push(Buffer.from(chunk.subarray(start, read)));
      pendingBytes += read - start;
    }
    position += read;
  }
}

/** Where a scanned file's complete lines end, and the bytes of a torn last line after them. */
export interface LineScan {
  /** Bytes up to and including the last newline: everything after is a torn write. */
  cleanBytes: number;
  /** Bytes of an unterminated trailing line (0 when the file ends cleanly). */
  tornBytes: number;
}

/**
 * Calls `onLine` with every complete (newline-terminated), non-blank line, trimmed, and its 1-based number; a torn last
 * line is left out and measured. A missing file reads as empty. Shared by every append-only JSON Lines file of a run.
 */
export function scanJsonLines(file: string, onLine: (text: string, lineNumber: number) => void): LineScan {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { cleanBytes: 0, tornBytes: 0 };
    throw error;
  }
  try {
    let cleanBytes = 0;
    let lineNumber = 0;
    const lines = terminatedLines(fd);
    let next = lines.next();
    for (; !next.done; next = lines.next()) {
      lineNumber += 1;
      cleanBytes = next.value.endByte;
      const text = next.value.text.trim();
      if (text !== '') onLine(text, lineNumber);
    }
    return { cleanBytes, tornBytes: next.value };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * One journal line decoded by `decode` (which throws on bad JSON and returns the problem for a bad shape), or a
 * `JournalCorruptError` naming the file and line.
 */
export function decodeLine<T>(file: string, lineNumber: number, text: string, decode: (line: string) => T | string): T {
  let decoded: T | string;
  try {
    decoded = decode(text);
  } catch (error) {
    throw new JournalCorruptError(file, lineNumber, `invalid JSON (${(error as Error).message})`);
  }
  if (typeof decoded === 'string') throw new JournalCorruptError(file, lineNumber, decoded);
  return decoded;
}

/** Reads a journal without modifying it; a missing file reads as empty. */
export function readJournal(file: string): JournalContents {
  const results: QueryResult[] = [];
  const seen = new Set<string>();
  const duplicateIds: string[] = [];
  const scan = scanJsonLines(file, (text, lineNumber) => {
    const decoded = decodeLine(file, lineNumber, text, decodeQueryResult);
    if (seen.has(decoded.queryId)) {
      duplicateIds.push(decoded.queryId);
      return;
    }
    seen.add(decoded.queryId);
    results.push(decoded);
  });
  return { results, duplicateIds, ...scan };
}
