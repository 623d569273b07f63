import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { coverage, judgeStudy, openStudy } from '../lib/analyze/index.ts';
import { JudgeCache, type JudgeModel } from '../lib/grade/index.ts';
import type { Query } from '../lib/queries/index.ts';
import { QUERY_IDS, VARIANTS, domainOf, writeRun } from './analyze-fixture.ts';

const QUERIES: Query[] = QUERY_IDS.map((id) => ({ id, prompt: `Question ${id}?`, domain: domainOf(id), answer: `answer ${id}`, grader: 'judge' }));

/** A judge endpoint in this process that counts requests in flight; CORRECT when the response holds the reference. */
class CountingJudge implements JudgeModel {
  readonly name = 'test-judge-v1';
  inFlight = 0;
  maxInFlight = 0;
  calls = 0;
  constructor(private readonly failAfter = Infinity) {}

  async complete(prompt: string): Promise<string> {
    this.calls++;
    if (this.calls > this.failAfter) throw new Error('endpoint went away');
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.inFlight--;
    const reference = /Reference answer:\n(.*)\n/.exec(prompt)?.[1] ?? '';
    const response = /Response:\n([\s\S]*)\n\nIs the response correct/.exec(prompt)?.[1] ?? '';
    return response.includes(reference) ? 'CORRECT' : 'INCORRECT';
  }
}

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

/** Four local variants whose answers are recorded but not yet graded (all marked incorrect). */
async function ungradedStudy(): Promise<string> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ipw-judge-'));
  roots.push(root);
  for (const [i, variant] of VARIANTS.slice(1, 4).entries()) {
    await writeRun(root, {
      runId: `run-${i}`, variant, queryIds: QUERY_IDS, host: 'h',
      overrides: () => ({ grader: 'judge', correct: false, gradeStatus: 'ambiguous', pred: null }),
    });
  }
  return root;
}

describe('judgeStudy', () => {
  it('grades over several endpoints with bounded concurrency, and the grades replace the recorded ones', async () => {
    const root = await ungradedStudy();
    const study = await openStudy(root);
    try {
      expect((await coverage(study)).rows[0]?.covered).toBe(0);
      const judges = [new CountingJudge(), new CountingJudge(), new CountingJudge()];
      const cache = await JudgeCache.open(path.join(root, 'judge-cache.jsonl'));
      const result = await judgeStudy(study, { judges, cache, queries: QUERIES, concurrencyPerJudge: 2 });
      // 30 rows but 16 distinct (question, response) pairs: equal responses share one verdict.
      expect(result).toEqual({ graded: 30, judgeCalls: 16, cached: 14, missingQueries: [] });
      for (const judge of judges) {
        expect(judge.maxInFlight).toBeLessThanOrEqual(2);
        expect(judge.calls).toBeGreaterThan(0);
      }
      expect(Math.max(...judges.map((j) => j.maxInFlight))).toBe(2);
      expect(judges.reduce((s, j) => s + j.calls, 0)).toBe(16);
      // alpha/cuda, beta and gamma together answer m0-m3, s0 and s1 correctly.
      expect((await coverage(study)).rows[0]).toMatchObject({ queries: 10, covered: 6 });
    } finally {
      study.close();
    }
  });

  it('resumes from its persistent cache after an endpoint fails, and a repeat asks nothing', async () => {
    const root = await ungradedStudy();
    const cacheFile = path.join(root, 'judge-cache.jsonl');
    const study = await openStudy(root);
    try {
      const flaky = new CountingJudge(7);
      await expect(judgeStudy(study, { judges: [flaky], cache: await JudgeCache.open(cacheFile), queries: QUERIES, concurrencyPerJudge: 1 })).rejects.toThrow(
        /endpoint went away/,
      );
      const resumed = await judgeStudy(study, { judges: [new CountingJudge()], cache: await JudgeCache.open(cacheFile), queries: QUERIES });
      expect(resumed.judgeCalls).toBe(16 - 7);
      expect(resumed.cached).toBeGreaterThanOrEqual(7);
      const repeat = await judgeStudy(study, { judges: [new CountingJudge()], cache: await JudgeCache.open(cacheFile), queries: QUERIES });
      expect(repeat).toMatchObject({ graded: 30, judgeCalls: 0, cached: 30 });
    } finally {
      study.close();
    }
  });

  it('refuses endpoints that are not the same judge', async () => {
    const root = await ungradedStudy();
    const study = await openStudy(root);
    try {
      const other: JudgeModel = { name: 'another', complete: async () => 'CORRECT' };
      await expect(
        judgeStudy(study, { judges: [new CountingJudge(), other], cache: await JudgeCache.open(path.join(root, 'c.jsonl')), queries: QUERIES }),
      ).rejects.toThrow(/same judge/);
    } finally {
      study.close();
    }
  });
});
