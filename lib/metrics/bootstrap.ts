/**
 * The one bootstrap of IPW Lab. Both a single run's summary (`summarize`) and a study (lib/analyze) reduce
 * their rows to the same cells and hand them to `bootstrapGroups`, so the same rows give the same intervals.
 *
 * Definition (docs/analysis.md): resample b gives every query a Poisson(1) weight, drawn from MurmurHash3 of
 * (seed, b, domain, bucket), where a query's bucket follows from the MD5 of its id. A weight depends on
 * nothing else: not on row order, the other groups, the other runs of a study, or the thread count. The
 * interval is the type-7 percentile interval of the statistic over the resamples where it is defined.
 */
import { createHash } from 'node:crypto';
import { percentileSorted, ratio } from './stats.ts';
import type { BootstrapOptions, Interval, SummaryCi } from './types.ts';

/** The bootstrap settings used everywhere unless a caller overrides a field. */
export const BOOTSTRAP: Readonly<BootstrapOptions> = Object.freeze({ resamples: 1000, seed: 0, confidence: 0.95, bucketsPerDomain: 1000 });

/** The settings with every field not given taken from `BOOTSTRAP`, checked. */
export function resolveBootstrap(options: Partial<BootstrapOptions> = {}): BootstrapOptions {
  const resolved: BootstrapOptions = {
    resamples: options.resamples ?? BOOTSTRAP.resamples,
    seed: options.seed ?? BOOTSTRAP.seed,
    confidence: options.confidence ?? BOOTSTRAP.confidence,
    bucketsPerDomain: options.bucketsPerDomain ?? BOOTSTRAP.bucketsPerDomain,
  };
  if (!Number.isInteger(resolved.resamples) || resolved.resamples < 1) {
    throw new RangeError(`bootstrap resamples must be a positive integer, got ${resolved.resamples}`);
  }
  if (!Number.isInteger(resolved.seed) || resolved.seed < 0 || resolved.seed > 0xffffffff) {
    throw new RangeError(`bootstrap seed must be an integer from 0 to 4294967295, got ${resolved.seed}`);
  }
  if (!(resolved.confidence > 0 && resolved.confidence < 1)) {
    throw new RangeError(`bootstrap confidence must be in (0, 1), got ${resolved.confidence}`);
  }
  if (!Number.isInteger(resolved.bucketsPerDomain) || resolved.bucketsPerDomain < 0) {
    throw new RangeError(`bootstrap bucketsPerDomain must be a non-negative integer, got ${resolved.bucketsPerDomain}`);
  }
  return resolved;
}

/** The first 48 bits of MD5 of the UTF-8 text, as an integer below 2^48 (lib/analyze computes the same in SQL). */
export function md5Prefix48(text: string): number {
  return createHash('md5').update(text, 'utf8').digest().readUIntBE(0, 6);
}

/** The resampling bucket of a query: its id's MD5 prefix, modulo the bucket count unless that is 0. */
export function bucketOf(queryId: string, bucketsPerDomain: number): number {
  const hash = md5Prefix48(queryId);
  return bucketsPerDomain > 0 ? hash % bucketsPerDomain : hash;
}

/** Weights above this are cut off; P(Poisson(1) > 11) is about 1e-9. */
const MAX_POISSON_WEIGHT = 11;

/** floor(2^32 P(X <= k)) for X ~ Poisson(1), k = 0..10: a weight is the number of these a uniform 32-bit draw reaches. */
export const POISSON_THRESHOLDS: readonly number[] = (() => {
  const thresholds: number[] = [];
  let probability = Math.exp(-1);
  let cumulative = 0;
  for (let k = 0; k < MAX_POISSON_WEIGHT; k++) {
    cumulative += probability;
    thresholds.push(Math.floor(cumulative * 2 ** 32));
    probability /= k + 1;
  }
  return thresholds;
})();

function murmurRound(hash: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  const h = hash ^ k;
  return (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
}

/** MurmurHash3_x86_32 of four 32-bit words (16 bytes, little-endian) with a seed. */
export function murmur3Words4(seed: number, a: number, b: number, c: number, d: number): number {
  let h = murmurRound(murmurRound(murmurRound(murmurRound(seed | 0, a), b), c), d) ^ 16;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The Poisson(1) weight of a uniform 32-bit draw, through the inverse CDF. */
export function poissonWeight(uniform32: number): number {
  let weight = 0;
  while (weight < MAX_POISSON_WEIGHT && uniform32 >= (POISSON_THRESHOLDS[weight] as number)) weight++;
  return weight;
}

/** The weights of one (domain, bucket) in resamples 0..resamples-1. */
export function bucketWeights(domain: string, bucket: number, options: Pick<BootstrapOptions, 'seed' | 'resamples'>): Uint8Array {
  const domainHash = Math.floor(md5Prefix48(domain) / 65536);
  const high = Math.floor(bucket / 2 ** 32);
  const low = bucket >>> 0;
  const weights = new Uint8Array(options.resamples);
  for (let b = 0; b < options.resamples; b++) weights[b] = poissonWeight(murmur3Words4(options.seed, b, domainHash, high, low));
  return weights;
}

/**
 * Power and energy are summed in cells as exact integers of this many units per watt or joule (2^30, about
 * 1 nJ resolution, far below any sensor's): integer sums do not depend on the order rows are added in, so a
 * cell is the same number whichever engine (JavaScript here, DuckDB in lib/analyze, on any thread count)
 * built it. Exact while a cell's sum stays below 2^23 J (8 MJ).
 */
export const FIXED_POINT_SCALE = 2 ** 30;

/**
 * The sums of one group's queries that share a (domain, bucket): what both engines reduce rows to. A sum
 * with any non-finite value (energy not measured) is NaN.
 */
export interface BootstrapCell {
  domain: string;
  bucket: number;
  queries: number;
  correct: number;
  powerSumW: number;
  energySumJ: number;
}

/** The five statistics of a group, from its sums. */
export interface GroupStats {
  queries: number;
  accuracy: number;
  meanEnergyJ: number;
  meanPowerW: number;
  ipw: number;
  ipj: number;
}

export const BOOTSTRAP_STATS = ['accuracy', 'meanEnergyJ', 'meanPowerW', 'ipw', 'ipj'] as const;
export type BootstrapStat = (typeof BOOTSTRAP_STATS)[number];

/** Every statistic in every resample, b = 0..resamples-1; NaN where a resample leaves it undefined. */
export type GroupDraws = Record<BootstrapStat, Float64Array>;

export interface GroupEstimate {
  /** The statistics over the group's rows (every weight 1). */
  point: GroupStats;
  draws: GroupDraws;
  ci: SummaryCi;
}

class FixedPointSum {
  private units = 0n;
  private nonFinite = false;

  add(value: number): void {
    if (Number.isFinite(value)) this.units += BigInt(Math.floor(value * FIXED_POINT_SCALE));
    else this.nonFinite = true;
  }

  total(): number {
    return this.nonFinite ? NaN : Number(this.units) / FIXED_POINT_SCALE;
  }
}

/** Cells of one group, from values per query. */
export class CellBuilder {
  private readonly cells = new Map<string, { domain: string; bucket: number; queries: number; correct: number; powerW: FixedPointSum; energyJ: FixedPointSum }>();

  constructor(private readonly bucketsPerDomain: number) {}

  add(queryId: string, domain: string, correct: boolean, powerW: number, energyJ: number): void {
    const bucket = bucketOf(queryId, this.bucketsPerDomain);
    const key = `${domain}\u0000${bucket}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { domain, bucket, queries: 0, correct: 0, powerW: new FixedPointSum(), energyJ: new FixedPointSum() };
      this.cells.set(key, cell);
    }
    cell.queries++;
    if (correct) cell.correct++;
    cell.powerW.add(powerW);
    cell.energyJ.add(energyJ);
  }

  build(): BootstrapCell[] {
    return [...this.cells.values()].map((cell) => ({
      domain: cell.domain,
      bucket: cell.bucket,
      queries: cell.queries,
      correct: cell.correct,
      powerSumW: cell.powerW.total(),
      energySumJ: cell.energyJ.total(),
    }));
  }
}

/** Cells in one fixed order (domain by UTF-16 code units, then bucket), whatever order they came in. */
function canonical(cells: readonly BootstrapCell[]): BootstrapCell[] {
  return [...cells].sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : a.bucket - b.bucket));
}

export function statsOf(queries: number, correct: number, powerSumW: number, energySumJ: number): GroupStats {
  const accuracy = correct / queries;
  const meanPowerW = powerSumW / queries;
  const meanEnergyJ = energySumJ / queries;
  return { queries, accuracy, meanEnergyJ, meanPowerW, ipw: ratio(accuracy, meanPowerW), ipj: ratio(accuracy, meanEnergyJ) };
}

/** Percentile interval of draws; draws where the statistic is undefined (NaN) are left out. */
export function percentileInterval(draws: Float64Array, confidence: number): Interval {
  const sorted = Float64Array.from(draws).sort(); // numeric, NaN last
  let valid = sorted.length;
  while (valid > 0 && Number.isNaN(sorted[valid - 1])) valid--;
  const kept = sorted.subarray(0, valid);
  const tail = (1 - confidence) / 2;
  return [percentileSorted(kept, tail), percentileSorted(kept, 1 - tail)];
}

/**
 * Point estimates, resampled statistics and percentile intervals of each group of cells. Every group sees
 * the same weight for the same (domain, bucket): a paired bootstrap, so differences and ratios between
 * groups over shared queries get honest intervals. A resample costs one pass over the cells, never the rows.
 */
export function bootstrapGroups(groups: readonly (readonly BootstrapCell[])[], options: BootstrapOptions): GroupEstimate[] {
  const resamples = options.resamples;
  const weightCache = new Map<string, Uint8Array>();
  const weightsOf = (cell: BootstrapCell): Uint8Array => {
    const key = `${cell.domain}\u0000${cell.bucket}`;
    let weights = weightCache.get(key);
    if (!weights) {
      weights = bucketWeights(cell.domain, cell.bucket, options);
      weightCache.set(key, weights);
    }
    return weights;
  };
  return groups.map((group) => {
    const cells = canonical(group);
    const n = new Float64Array(resamples);
    const c = new Float64Array(resamples);
    const p = new Float64Array(resamples);
    const e = new Float64Array(resamples);
    let queries = 0;
    let correct = 0;
    let powerSumW = 0;
    let energySumJ = 0;
    for (const cell of cells) {
      const { queries: cn, correct: cc, powerSumW: cp, energySumJ: ce } = cell;
      queries += cn;
      correct += cc;
      powerSumW += cp;
      energySumJ += ce;
      const weights = weightsOf(cell);
      if (Number.isFinite(cp) && Number.isFinite(ce)) {
        // Adding w x 0.0 for an undrawn cell changes no sum, so the hot loop needs no branch.
        for (let b = 0; b < resamples; b++) {
          const w = weights[b] as number;
          n[b] += w * cn;
          c[b] += w * cc;
          p[b] += w * cp;
          e[b] += w * ce;
        }
      } else {
        for (let b = 0; b < resamples; b++) {
          const w = weights[b] as number;
          // A query not drawn adds nothing, not even its NaN.
          if (w === 0) continue;
          n[b] += w * cn;
          c[b] += w * cc;
          p[b] += w * cp;
          e[b] += w * ce;
        }
      }
    }
    const draws: GroupDraws = {
      accuracy: new Float64Array(resamples),
      meanEnergyJ: new Float64Array(resamples),
      meanPowerW: new Float64Array(resamples),
      ipw: new Float64Array(resamples),
      ipj: new Float64Array(resamples),
    };
    for (let b = 0; b < resamples; b++) {
      const stats = statsOf(n[b] as number, c[b] as number, p[b] as number, e[b] as number);
      for (const stat of BOOTSTRAP_STATS) draws[stat][b] = stats[stat];
    }
    const ci = Object.fromEntries(BOOTSTRAP_STATS.map((stat) => [stat, percentileInterval(draws[stat], options.confidence)])) as unknown as SummaryCi;
    return { point: statsOf(queries, correct, powerSumW, energySumJ), draws, ci };
  });
}

/** Point estimates of each group of cells, summed in the same order as `bootstrapGroups` sums them. */
export function pointStats(cells: readonly BootstrapCell[]): GroupStats {
  let queries = 0;
  let correct = 0;
  let powerSumW = 0;
  let energySumJ = 0;
  for (const cell of canonical(cells)) {
    queries += cell.queries;
    correct += cell.correct;
    powerSumW += cell.powerSumW;
    energySumJ += cell.energySumJ;
  }
  return statsOf(queries, correct, powerSumW, energySumJ);
}
