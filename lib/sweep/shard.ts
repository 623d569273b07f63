// Which cells this process runs: a deterministic slice of the sweep, named on the command line or taken from the
// environment a scheduler's array job sets. No scheduler or work queue of our own.

/** Shard `index` (0-based) of `count`, and where that came from. */
export interface Shard {
  index: number;
  count: number;
  /** `all`, `option` (the shard option or --shard), `slurm` or `kubernetes`. */
  from: 'all' | 'option' | 'slurm' | 'kubernetes';
}

export const ALL_CELLS: Shard = { index: 0, count: 1, from: 'all' };

/** The environment variable a Kubernetes Indexed Job's manifest sets to its `completions`, which Kubernetes does not pass itself. */
export const SHARD_COUNT_ENV = 'IPW_SHARD_COUNT';

function wholeNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  return Number(text.trim());
}

/** Parses `K/N`: shard K (counted from 1) of N, as `--shard 2/4` and Jest's and Playwright's shards are written. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const k = match ? Number(match[1]) : NaN;
  const n = match ? Number(match[2]) : NaN;
  if (!match || n < 1 || k < 1 || k > n) {
    throw new Error(`shard expects K/N with 1 <= K <= N (shard K of N, counted from 1), e.g. 2/4; got "${text}"`);
  }
  return { index: k - 1, count: n, from: 'option' };
}

/**
 * The shard a scheduler's array job asks for, or undefined when none is set.
 * - Slurm job arrays: SLURM_ARRAY_TASK_ID among SLURM_ARRAY_TASK_COUNT tasks, counted from SLURM_ARRAY_TASK_MIN in
 *   steps of SLURM_ARRAY_TASK_STEP (so `--array=1-4` and `--array=0-3` both give shards 0..3).
 * - Kubernetes Indexed Jobs: JOB_COMPLETION_INDEX (from 0), with the count in IPW_SHARD_COUNT (set it to the Job's
 *   `completions`).
 * Inconsistent values throw, naming the variables: a wrong shard would silently skip or repeat cells.
 */
export function shardFromEnv(env: Readonly<Record<string, string | undefined>>): Shard | undefined {
  const slurmId = env.SLURM_ARRAY_TASK_ID;
  if (slurmId !== undefined && slurmId !== '') {
    const id = wholeNumber(slurmId);
    const count = wholeNumber(env.SLURM_ARRAY_TASK_COUNT);
    const min = wholeNumber(env.SLURM_ARRAY_TASK_MIN) ?? 0;
    const step = wholeNumber(env.SLURM_ARRAY_TASK_STEP) ?? 1;
    if (id === undefined || count === undefined || count < 1 || step < 1) {
      throw new Error(`SLURM_ARRAY_TASK_ID=${slurmId} needs a whole SLURM_ARRAY_TASK_COUNT (got ${JSON.stringify(env.SLURM_ARRAY_TASK_COUNT)}); run under sbatch --array, or pass the shard explicitly`);
    }
    const index = (id - min) / step;
    if (!Number.isInteger(index) || index < 0 || index >= count) {
      throw new Error(
        `SLURM_ARRAY_TASK_ID=${id} is not one of ${count} evenly spaced tasks from SLURM_ARRAY_TASK_MIN=${min} in steps of ${step}: ` +
          'use a contiguous --array range (e.g. --array=0-3), or pass the shard explicitly',
      );
    }
    return { index, count, from: 'slurm' };
  }
  const k8s = env.JOB_COMPLETION_INDEX;
  if (k8s !== undefined && k8s !== '') {
    const index = wholeNumber(k8s);
    const count = wholeNumber(env[SHARD_COUNT_ENV]);
    if (index === undefined || count === undefined || count < 1) {
      throw new Error(`JOB_COMPLETION_INDEX=${k8s} needs ${SHARD_COUNT_ENV} set to the Job's completions (a whole number); got ${JSON.stringify(env[SHARD_COUNT_ENV])}`);
    }
    if (index >= count) throw new Error(`JOB_COMPLETION_INDEX=${index} is not below ${SHARD_COUNT_ENV}=${count}; set ${SHARD_COUNT_ENV} to the Job's completions`);
    return { index, count, from: 'kubernetes' };
  }
  return undefined;
}

/** The shard option if given, else the scheduler's, else every cell. */
export function resolveShard(shard: Shard | string | undefined, env: Readonly<Record<string, string | undefined>>): Shard {
  if (typeof shard === 'string') return parseShard(shard);
  if (shard !== undefined) {
    if (!Number.isInteger(shard.count) || shard.count < 1 || !Number.isInteger(shard.index) || shard.index < 0 || shard.index >= shard.count) {
      throw new Error(`shard needs 0 <= index < count, whole numbers; got index ${shard.index}, count ${shard.count}`);
    }
    return shard;
  }
  return shardFromEnv(env) ?? ALL_CELLS;
}

/**
 * Whether the cell at `position` in run order belongs to `shard`: round-robin (position mod count), so every shard
 * gets a share of each repetition and the shards partition the cells exactly, on any machine, in any order.
 */
export function inShard(position: number, shard: Shard): boolean {
  return position % shard.count === shard.index;
}

/** "shard 2/4 (slurm)" or "all cells". */
export function describeShard(shard: Shard): string {
  return shard.from === 'all' ? 'all cells' : `shard ${shard.index + 1}/${shard.count} (${shard.from === 'option' ? 'chosen' : `from ${shard.from}`})`;
}
