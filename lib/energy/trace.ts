import fs from 'node:fs';
import { join } from 'node:path';
import type { TraceColumns } from './attribution.ts';

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
  timeMs = new Float64Array(1024);
  readMs = new Float64Array(1024);
  energyJ = new Float64Array(1024);
  powerW = new Float64Array(1024);
  channelJ: Float64Array[];

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

  columnNames(): string[] {
    return [...FIXED_COLUMNS, ...this.channels.map((c) => `channelJ:${c}`)];
  }

  /**
   * Writes `<base>.bin` (each column as little-endian float64, column after column) and `<base>.json` (layout and
   * labels). Returns the two file names.
   */
  write(dir: string, base: string, metadata: Record<string, unknown>): { binFile: string; jsonFile: string } {
    const columns = [this.timeMs, this.readMs, this.energyJ, this.powerW, ...this.channelJ].map((c) => c.subarray(0, this.length));
    const bytes = Buffer.alloc(columns.length * this.length * 8);
    columns.forEach((column, k) => {
      for (let i = 0; i < this.length; i++) bytes.writeDoubleLE(column[i]!, (k * this.length + i) * 8);
    });
    const binFile = `${base}.bin`;
    const jsonFile = `${base}.json`;
    fs.writeFileSync(join(dir, binFile), bytes);
    const layout = { format: 'ipw-power-trace/1', encoding: 'float64 little-endian, column-major', rows: this.length, columns: this.columnNames(), binFile };
    fs.writeFileSync(join(dir, jsonFile), `${JSON.stringify({ ...layout, ...metadata }, null, 2)}\n`);
    return { binFile, jsonFile };
  }
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
