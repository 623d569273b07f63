import { deriveSeed, seededRandom, shuffled } from './random.ts';
import type { Query, SampleOptions } from './types.ts';

/**
 * Largest-remainder apportionment of n over group sizes: floor of each exact share, then the
 * leftover units to the largest fractional parts (ties: bigger group, then earlier group).
 */
export function allocate(sizes: readonly number[], n: number): number[] {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const exact = sizes.map((size) => (n * size) / total);
  const quotas = exact.map(Math.floor);
  const leftover = n - quotas.reduce((sum, q) => sum + q, 0);
  const byRemainder = sizes
    .map((size, i) => ({ i, size, remainder: (exact[i] ?? 0) - (quotas[i] ?? 0) }))
    .sort((a, b) => b.remainder - a.remainder || b.size - a.size || a.i - b.i);
  for (const { i } of byRemainder.slice(0, leftover)) quotas[i] = (quotas[i] ?? 0) + 1;

  // Every domain should be measured at all when n allows it; take the unit from the group that is
  // most over its exact share, which distorts proportions least.
  if (n >= sizes.length) {
    for (let i = 0; i < quotas.length; i++) {
      if (quotas[i] !== 0) continue;
      let donor = -1;
      for (let j = 0; j < quotas.length; j++) {
        if ((quotas[j] ?? 0) < 2) continue;
        const surplus = (quotas[j] ?? 0) - (exact[j] ?? 0);
        if (donor < 0 || surplus > (quotas[donor] ?? 0) - (exact[donor] ?? 0)) donor = j;
      }
      quotas[donor] = (quotas[donor] ?? 0) - 1;
      quotas[i] = 1;
    }
  }
  return quotas;
}

/**
 * A seeded sample of n queries, by default stratified by domain (proportional, at least one per
 * domain when n >= the number of domains). The result keeps the input order, so a sample of a
 * sorted set stays sorted and runs are comparable row by row.
 */
export function sampleQueries(queries: readonly Query[], options: SampleOptions): Query[] {
  const { n, seed, stratify = true } = options;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`sample size must be a non-negative integer, got ${n}`);
  if (!Number.isFinite(seed)) throw new RangeError(`sample seed must be a finite number, got ${seed}`);
  if (n >= queries.length) return [...queries];

  const indices = queries.map((_, i) => i);
  let chosen: number[];
  if (!stratify) {
    chosen = shuffled(indices, seededRandom(deriveSeed(seed, ''))).slice(0, n);
  } else {
    const groups = new Map<string, number[]>();
    for (const i of indices) {
      const domain = queries[i]?.domain ?? '';
      const group = groups.get(domain);
      if (group) group.push(i);
      else groups.set(domain, [i]);
    }
    const entries = [...groups.entries()];
    const quotas = allocate(
      entries.map(([, members]) => members.length),
      n,
    );
    // Each domain draws from its own stream, so adding rows to one domain leaves the others' picks alone.
    chosen = entries.flatMap(([domain, members], g) => shuffled(members, seededRandom(deriveSeed(seed, domain))).slice(0, quotas[g] ?? 0));
  }
  return chosen.sort((a, b) => a - b).map((i) => queries[i] as Query);
}
