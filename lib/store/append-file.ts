import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from './fsutil.ts';
import type { LineScan } from './journal-read.ts';

/**
 * An append-only file of lines (a run's journals) where a line is durable once `appendLine` returns, and a line cut
 * short by a kill or a full disk never glues onto the next one.
 */
export class DurableAppendFile {
  readonly file: string;
  #fd: number | null;
  /** File length after the last complete line. */
  #cleanBytes: number;

  private constructor(file: string, fd: number, cleanBytes: number) {
    this.file = file;
    this.#fd = fd;
    this.#cleanBytes = cleanBytes;
  }

  /**
   * Opens (creating if needed) `file` for appending. `scan` is what reading it found (`scanJsonLines`): a torn last
   * line after its complete lines is cut off, durably, and named in `warnings`.
   */
  static open(file: string, scan: LineScan): { handle: DurableAppendFile; warnings: string[] } {
    const existed = fs.existsSync(file);
    const warnings: string[] = [];
    const fd = fs.openSync(file, 'a');
    try {
      if (scan.tornBytes > 0) {
        fs.ftruncateSync(fd, scan.cleanBytes);
        fs.fsyncSync(fd);
        warnings.push(`${file}: removed a torn last line (${scan.tornBytes} bytes) left by an interrupted write`);
      }
      if (!existed) fsyncDir(path.dirname(file));
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
    return { handle: new DurableAppendFile(file, fd, scan.cleanBytes), warnings };
  }

  get closed(): boolean {
    return this.#fd === null;
  }

  /** Writes `text` and a newline as one buffer and fsyncs before returning; on failure cuts the file back to its last complete line. */
  appendLine(text: string): void {
    if (this.#fd === null) throw new Error(`${this.file} is closed`);
    // One buffer ending in the newline: a write cut short by a kill never looks like a complete line.
    const bytes = Buffer.from(text + '\n', 'utf8');
    try {
      let written = 0;
      while (written < bytes.length) written += fs.writeSync(this.#fd, bytes, written, bytes.length - written);
      fs.fsyncSync(this.#fd);
    } catch (error) {
      // A partial line left behind (e.g. disk full) would glue onto the next append and corrupt it.
      try {
        fs.ftruncateSync(this.#fd, this.#cleanBytes);
      } catch {
        // Reopening the file will still cut the torn tail.
      }
      throw error;
    }
    this.#cleanBytes += bytes.length;
  }

  close(): void {
    if (this.#fd === null) return;
    fs.closeSync(this.#fd);
    this.#fd = null;
  }
}
