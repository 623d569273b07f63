import { describe, expect, it } from 'vitest';
import { sampleQueries, type Query } from '../lib/queries/index.ts';
import { allocate } from '../lib/queries/sample.ts';

/** Domains dealt out round-robin, so no domain forms one contiguous block. */
function makeQueries(sizes: Record<string, number>): Query[] {
  const out: Query[] = [];
  const longest = Math.max(...Object.values(sizes));
  for (let i = 0; i < longest; i++) {
    for (const [domain, size] of Object.entries(sizes)) {
      if (i < size) out.push({ id: `${domain}-${i}`, prompt: `${domain} ${i}?`, domain, answer: 'x', grader: 'exact' });
    }
  }
  return out;
}

function domainCounts(queries: readonly Query[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const q of queries) counts[q.domain] = (counts[q.domain] ?? 0) + 1;
  return counts;
}

describe('sampleQueries', () => {
  const queries = makeQueries({ a: 60, b: 30, c: 10 });

  it('is deterministic for a seed and differs across seeds', () => {
    const first = sampleQueries(queries, { n: 20, seed: 42 });
    expect(sampleQueries(queries, { n: 20, seed: 42 })).toEqual(first);
    expect(sampleQueries(queries, { n: 20, seed: 43 })).not.toEqual(first);
    expect(new Set(first.map((q) => q.id)).size).toBe(20);
  });

  it('allocates proportionally per domain', () => {
    expect(domainCounts(sampleQueries(queries, { n: 10, seed: 1 }))).toEqual({ a: 6, b: 3, c: 1 });
    expect(domainCounts(sampleQueries(queries, { n: 50, seed: 2 }))).toEqual({ a: 30, b: 15, c: 5 });
  });

  it('keeps at least one per domain when n allows', () => {
    const skewed = makeQueries({ big: 96, small1: 2, small2: 2 });
    expect(domainCounts(sampleQueries(skewed, { n: 3, seed: 5 }))).toEqual({ big: 1, small1: 1, small2: 1 });
    expect(domainCounts(sampleQueries(skewed, { n: 10, seed: 5 }))).toEqual({ big: 8, small1: 1, small2: 1 });
  });

  it('uses largest-remainder rounding', () => {
    expect(allocate([5, 3, 2], 5)).toEqual([3, 1, 1]);
    expect(allocate([1, 1, 1], 2)).toEqual([1, 1, 0]);
    expect(allocate([7, 7, 7], 10)).toEqual([4, 3, 3]);
    expect(allocate([50, 30, 20], 7)).toEqual([4, 2, 1]);
  });

  it('preserves the input order', () => {
    const sample = sampleQueries(queries, { n: 25, seed: 9 });
    const positions = sample.map((q) => queries.indexOf(q));
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
  });

  it('returns everything when n covers the set, and can skip stratification', () => {
    expect(sampleQueries(queries, { n: 500, seed: 1 })).toEqual(queries);
    const plain = sampleQueries(queries, { n: 30, seed: 3, stratify: false });
    expect(plain).toHaveLength(30);
    expect(sampleQueries(queries, { n: 30, seed: 3, stratify: false })).toEqual(plain);
    expect(() => sampleQueries(queries, { n: -1, seed: 1 })).toThrow(RangeError);
  });

  it('a domain’s picks do not depend on the other domains', () => {
    const more = [...queries, ...makeQueries({ d: 40 })];
    const pick = (set: Query[], n: number) => sampleQueries(set, { n, seed: 11 }).filter((q) => q.domain === 'c');
    // c gets 1 of 10 in both cases (10/100 * 10 and 10/140 * 14); the same seed picks the same query.
    expect(pick(queries, 10)).toEqual(pick(more, 14));
  });
});
