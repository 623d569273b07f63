/**
 * Min/max decimation, the one way plots thin a long series. Consecutive indices with the same `bucketOf(i)` form a
 * bucket; each bucket keeps its first, lowest, highest and last index, in index order, so short spikes survive where
 * plain striding would drop them. Returns the kept indices.
 */
export function minMaxIndices(length: number, valueOf: (i: number) => number, bucketOf: (i: number) => number): number[] {
  const keep: number[] = [];
  let start = 0;
  while (start < length) {
    const bucket = bucketOf(start);
    let end = start + 1;
    let min = start;
    let max = start;
    for (; end < length && bucketOf(end) === bucket; end++) {
      if (valueOf(end) < valueOf(min)) min = end;
      if (valueOf(end) > valueOf(max)) max = end;
    }
    for (const i of [...new Set([start, min, max, end - 1])].sort((a, b) => a - b)) keep.push(i);
    start = end;
  }
  return keep;
}
