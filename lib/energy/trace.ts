import fs from 'node:fs';
import { join } from 'node:path';
import type { TraceColumns } from './attribution.ts';

const TRACE_FORMAT = 'ipw-power-trace/1';
const ROWS_SUFFIX = '.rows.bin';

/** Column layout of one sampler row in shared memory and on disk. */
export const FIXED_COLUMNS = ['timeMs', 'readMs', 'energyJ', 'powerW'] as const;

function grow(array: Float64Array, minLength: number): Float64Array {
  if (array.length >= minLength) return array;
  const next = new Float64Array(Math.max(minLength, array.length * 2));
  next.set(array);
  return next;
}

/**
 * A run's whole power trace in growable Float64Arrays, one per column: timeMs (runner's clock), readMs (how long
 * the read took, i.e. the timestamp's uncertainty), cumulative energyJ, powerW, then cumulative joules per channel.
 */
export class PowerTrace implements TraceColumns {
  length = 0;
  timeMs: Float64Array = new Float64Array(1024);
  readMs: Float64Array = new Float64Array(1024);
  energyJ: Float64Array = new Float64Array(1024);
  powerW: Float64Array = new Float64Array(1024);
  channelJ: Float64Array[];
  /** While recording to disk: the open rows file and how many rows it holds. */
  #recording: { fd: number; flushedRows: number } | undefined;

  constructor(readonly channels: readonly string[]) {
    this.channelJ = channels.map(() => new Float64Array(1024));
  }

  /** Appends one row laid out as FIXED_COLUMNS + channels, with time shifted by `-offsetMs`. */
  push(row: Float64Array, rowStart: number, offsetMs: number): void {
    const i = this.length;
    if (i >= this.timeMs.length) {
      const n = i + 1;
      this.timeMs = grow(this.timeMs, n);
      this.readMs = grow(this.readMs, n);
      this.energyJ = grow(this.energyJ, n);
      this.powerW = grow(this.powerW, n);
      this.channelJ = this.channelJ.map((c) => grow(c, n));
    }
    this.timeMs[i] = row[rowStart]! - offsetMs;
    this.readMs[i] = row[rowStart + 1]!;
    this.energyJ[i] = row[rowStart + 2]!;
    this.powerW[i] = row[rowStart + 3]!;
    for (let c = 0; c < this.channelJ.length; c++) this.channelJ[c]![i] = row[rowStart + 4 + c]!;
    this.length = i + 1;
  }

  /**
   * Starts keeping the trace on disk as the run goes, so a SIGKILL loses at most the rows since the last `flush()`:
   * `<base>.json` (state `recording`) and `<base>.rows.bin` (row-major float64, appended). `write()` replaces both
   * with the finished trace; `recoverPowerTraces` finishes one whose process died.
   */
  record(dir: string, base: string, metadata: Record<string, unknown>): void {
    const rowsFile = `${base}${ROWS_SUFFIX}`;
    const header = { format: TRACE_FORMAT, state: 'recording', encoding: 'float64 little-endian, row-major', columns: this.columnNames(), rowsFile, ...metadata };
    fs.writeFileSync(join(dir, `${base}.json`), `${JSON.stringify(header, null, 2)}\n`);
    this.#recording = { fd: fs.openSync(join(dir, rowsFile), 'w'), flushedRows: 0 };
    this.flush();
  }

  /**
   * Appends the rows taken since the last flush to the rows file (a plain write: it survives the process dying). A
   * write that fails part-way (a full disk) is cut back to the last whole flush before the error is thrown, so no
   * torn row is left for later rows to be appended after.
   */
  flush(): void {
    const recording = this.#recording;
    if (!recording || recording.flushedRows >= this.length) return;
    const columns = this.#columns();
    const rows = this.length - recording.flushedRows;
    const bytes = Buffer.alloc(rows * columns.length * 8);
    for (let r = 0; r < rows; r++) columns.forEach((c, k) => bytes.writeDoubleLE(c[recording.flushedRows + r]!, (r * columns.length + k) * 8));
    const start = recording.flushedRows * columns.length * 8;
    try {
      let written = 0;
      while (written < bytes.length) written += fs.writeSync(recording.fd, bytes, written, bytes.length - written, start + written);
    } catch (error) {
      try {
        fs.ftruncateSync(recording.fd, start);
      } catch {
        // recoverPowerTraces drops a torn last row anyway.
      }
      throw error;
    }
    recording.flushedRows = this.length;
  }

  #columns(): Float64Array[] {
    return [this.timeMs, this.readMs, this.energyJ, this.powerW, ...this.channelJ];
  }

  columnNames(): string[] {
    return [...FIXED_COLUMNS, ...this.channels.map((c) => `channelJ:${c}`)];
  }

  /**
   * Writes `<base>.bin` (each column as little-endian float64, column after column) and `<base>.json` (layout and
   * labels). Returns the two file names.
   */
  write(dir: string, base: string, metadata: Record<string, unknown>): { binFile: string; jsonFile: string } {
    if (this.#recording) {
      fs.closeSync(this.#recording.fd);
      this.#recording = undefined;
    }
    const written = writeColumnMajor(dir, base, this.#columns().map((c) => c.subarray(0, this.length)), this.columnNames(), metadata);
    fs.rmSync(join(dir, `${base}${ROWS_SUFFIX}`), { force: true });
    return written;
  }
}

function writeColumnMajor(dir: string, base: string, columns: Float64Array[], names: string[], metadata: Record<string, unknown>): { binFile: string; jsonFile: string } {
  const rows = columns[0]?.length ?? 0;
  const bytes = Buffer.alloc(columns.length * rows * 8);
  columns.forEach((column, k) => {
    for (let i = 0; i < rows; i++) bytes.writeDoubleLE(column[i]!, (k * rows + i) * 8);
  });
  const binFile = `${base}.bin`;
  const jsonFile = `${base}.json`;
  fs.writeFileSync(join(dir, binFile), bytes);
  const layout = { format: TRACE_FORMAT, encoding: 'float64 little-endian, column-major', rows, columns: names, binFile };
  fs.writeFileSync(join(dir, jsonFile), `${JSON.stringify({ ...metadata, ...layout }, null, 2)}\n`);
  return { binFile, jsonFile };
}

/**
 * Finishes every trace in `dir` whose process died while recording (`<base>.json` in state `recording`): its flushed
 * rows become an ordinary column-major trace, marked `recovered`. A torn last row is dropped. Returns the base names.
 */
export function recoverPowerTraces(dir: string): string[] {
  const recovered: string[] = [];
  for (const file of fs.readdirSync(dir)) {
    if (!file.endsWith('.json')) continue;
    let header: { format?: string; state?: string; columns?: string[]; rowsFile?: string; [key: string]: unknown };
    try {
      header = JSON.parse(fs.readFileSync(join(dir, file), 'utf8'));
    } catch {
      continue;
    }
    if (header.format !== TRACE_FORMAT || header.state !== 'recording' || !header.columns || !header.rowsFile) continue;
    const base = file.slice(0, -'.json'.length);
    const rowsPath = join(dir, header.rowsFile);
    const bytes = fs.existsSync(rowsPath) ? fs.readFileSync(rowsPath) : Buffer.alloc(0);
    const width = header.columns.length;
    const rows = Math.floor(bytes.length / (8 * width));
    const columns = header.columns.map((_, k) => {
      const column = new Float64Array(rows);
      for (let r = 0; r < rows; r++) column[r] = bytes.readDoubleLE((r * width + k) * 8);
      return column;
    });
    const { state: _state, rowsFile: _rowsFile, encoding: _encoding, columns: names, ...metadata } = header;
    writeColumnMajor(dir, base, columns, names, { ...metadata, recovered: 'the process ended without finishing this trace; these are the rows flushed before it did' });
    fs.rmSync(rowsPath, { force: true });
    recovered.push(base);
  }
  return recovered;
}

/** Reads a trace written by `PowerTrace.write`. */
export function readPowerTrace(dir: string, jsonFile: string): { columns: Record<string, Float64Array>; metadata: Record<string, unknown> } {
  const metadata = JSON.parse(fs.readFileSync(join(dir, jsonFile), 'utf8')) as { rows: number; columns: string[]; binFile: string };
  const bytes = fs.readFileSync(join(dir, metadata.binFile));
  const columns: Record<string, Float64Array> = {};
  metadata.columns.forEach((name, k) => {
    const column = new Float64Array(metadata.rows);
    for (let i = 0; i < metadata.rows; i++) column[i] = bytes.readDoubleLE((k * metadata.rows + i) * 8);
    columns[name] = column;
  });
  return { columns, metadata: metadata as unknown as Record<string, unknown> };
}
