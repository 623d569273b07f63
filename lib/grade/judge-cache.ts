import { createHash } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What a verdict depends on. The judge name stands in for the judge model and its settings. */
export interface JudgeCacheKeyParts {
  question: string;
  reference: string;
  response: string;
  judge: string;
}

interface CacheLine {
  key: string;
  judge: string;
  verdict: string;
  createdAt: string;
}

/** sha256 (hex) of the canonical JSON of the four parts: fixed key order, so equal inputs always hash alike. */
export function judgeCacheKey(parts: JudgeCacheKeyParts): string {
  const canonical = JSON.stringify([
    ['judge', parts.judge],
    ['question', parts.question],
    ['reference', parts.reference],
    ['response', parts.response],
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

function isCacheLine(value: unknown): value is CacheLine {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.key === 'string' && typeof v.verdict === 'string';
}

/**
 * Persistent judge verdicts, one JSON object per line. Append-only so that a crash mid-run loses at most
 * the line being written, and a torn last line is skipped on the next open rather than failing the load.
 * Judge calls cost minutes of compute (and watts), so re-grading a finished run must not repeat them.
 */
export class JudgeCache {
  readonly path: string;
  private readonly verdicts: Map<string, string>;
  private readonly pending = new Map<string, Promise<string>>();
  /** Lines that could not be parsed when the file was opened. */
  readonly skippedLines: number;

  private constructor(path: string, verdicts: Map<string, string>, skippedLines: number) {
    this.path = path;
    this.verdicts = verdicts;
    this.skippedLines = skippedLines;
  }

  /** Loads the cache file, or starts an empty one if it does not exist yet. */
  static async open(path: string): Promise<JudgeCache> {
    let content = '';
    try {
      content = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const verdicts = new Map<string, string>();
    let skipped = 0;
    for (const line of content.split('\n')) {
      if (line.trim().length === 0) continue;
      try {
        const parsed: unknown = JSON.parse(line);
        if (isCacheLine(parsed)) verdicts.set(parsed.key, parsed.verdict);
        else skipped++;
      } catch {
        skipped++;
      }
    }
    return new JudgeCache(path, verdicts, skipped);
  }

  get size(): number {
    return this.verdicts.size;
  }

  get(key: string): string | undefined {
    return this.verdicts.get(key);
  }

  /** Records a verdict: appended and synced to disk before the promise resolves. */
  async set(key: string, judge: string, verdict: string): Promise<void> {
    this.verdicts.set(key, verdict);
    const line: CacheLine = { key, judge, verdict, createdAt: new Date().toISOString() };
    await mkdir(dirname(this.path), { recursive: true });
    const handle = await open(this.path, 'a');
    try {
      await handle.write(`${JSON.stringify(line)}\n`);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  /**
   * The cached verdict, or `compute()`'s result, stored. Concurrent requests for the same key share one
   * computation, so a parallel grader does not ask the judge twice.
   */
  async getOrCompute(key: string, judge: string, compute: () => Promise<string>): Promise<string> {
    const cached = this.verdicts.get(key);
    if (cached !== undefined) return cached;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const work = (async () => {
      const verdict = await compute();
      await this.set(key, judge, verdict);
      return verdict;
    })();
    this.pending.set(key, work);
    try {
      return await work;
    } finally {
      this.pending.delete(key);
    }
  }
}
