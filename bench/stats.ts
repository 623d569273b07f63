export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Distribution-free interval for the median: the k-th smallest and k-th largest values, with k the largest rank whose
 * coverage, 1 - 2 P(Binomial(n, 1/2) < k), still reaches `confidence`. Below 6 values no pair reaches 95%, and the
 * range is returned with the coverage it has. With the 10-20 repetitions a benchmark affords, it shows whether a
 * ratio's distance from its target is larger than the run-to-run noise.
 */
export function medianInterval(values: number[], confidence = 0.95): { low: number; high: number; coverage: number } {
  const n = values.length;
  if (n === 0) return { low: NaN, high: NaN, coverage: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  let term = 0.5 ** n; // P(B = k - 1)
  let below = term; // P(B < k)
  let k = 1;
  while (k + 1 <= (n + 1) / 2) {
    const nextTerm = (term * (n - k + 1)) / k; // C(n, k) = C(n, k - 1) (n - k + 1) / k
    if (1 - 2 * (below + nextTerm) < confidence) break;
    term = nextTerm;
    below += nextTerm;
    k++;
  }
  return { low: sorted[k - 1]!, high: sorted[n - k]!, coverage: 1 - 2 * below };
}
