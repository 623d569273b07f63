/** A uniform [0, 1) generator; the same seed always gives the same sequence. */
export type Random = () => number;

/** mulberry32: tiny, fast and good enough for sampling; Math.random cannot be seeded. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Derives a 32-bit seed from a base seed and a key (FNV-1a), so each domain or row gets its own
 * stream and its draws do not shift when other domains or rows change.
 */
export function deriveSeed(seed: number, key: string): number {
  let hash = 0x811c9dc5 ^ (Math.trunc(seed) >>> 0);
  hash = Math.imul(hash, 0x01000193) >>> 0;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // Fold in the high part of seeds beyond 32 bits so e.g. 1 and 2**32 + 1 differ.
  return (hash ^ Math.trunc(seed / 4294967296)) >>> 0;
}

/** Fisher-Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
