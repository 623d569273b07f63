// Maps line numbers of a compiled cell back to the cell's TypeScript, for tracebacks. Node applies source maps
// to vm scripts only in some configurations, so the kernel decodes the (small) map itself.
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = BASE64.indexOf(ch);
    if (digit < 0) break;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** For each generated line (0-based), the original 0-based line of its first mapped segment, or -1. */
export function lineTable(sourceMapJson: string): number[] {
  const { mappings } = JSON.parse(sourceMapJson) as { mappings: string };
  const table: number[] = [];
  let originalLine = 0;
  for (const line of mappings.split(';')) {
    let first = -1;
    for (const segment of line.split(',')) {
      if (segment === '') continue;
      const v = decodeVlq(segment);
      if (v.length >= 4) {
        originalLine += v[2]!;
        if (first < 0) first = originalLine;
      }
    }
    table.push(first);
  }
  return table;
}
