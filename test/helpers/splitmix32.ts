/**
 * splitmix32: a tiny seeded generator of uniform 32-bit integers, for random test data that is the same on every
 * run and platform. (The library's own seeded draws are lib/queries' `seededRandom`.)
 */
export function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}
