import { JudgeCache, gradeJudge, type Grade, type JudgeModel } from '../grade/index.ts';
import type { Query } from '../queries/index.ts';
import type { Study } from './study.ts';

export interface JudgePassOptions {
  /** Endpoints serving one judge (replicas): they must share a name, which keys the verdict cache. */
  judges: readonly JudgeModel[];
  /** Persistent verdicts: a second pass, or one resumed after a crash, asks only for what is missing. */
  cache: JudgeCache;
  /** The queries the runs asked, for the question text the judge needs (results rows do not carry it). */
  queries: readonly Query[];
  /** Requests in flight per endpoint; default 2. */
  concurrencyPerJudge?: number;
  /** Which rows to grade: those whose grader is "judge" (default), or every row. */
  rows?: 'judge' | 'all';
  onProgress?: (done: number, total: number) => void;
}

export interface JudgePassResult {
  /** Rows graded (from the cache or the judge). */
  graded: number;
  /** Verdicts requested from a judge in this pass. */
  judgeCalls: number;
  /** Rows graded with no new judge call: the verdict was cached, or shared with an equal row. */
  cached: number;
  /** Rows whose query id is not in `queries`. */
  missingQueries: string[];
}

interface Row {
  runId: string;
  queryId: string;
  response: string;
  reference: string;
  truncated: boolean;
}

/**
 * Grades a study's responses with an LLM judge, spread over several endpoints with a bounded number of
 * requests in flight on each, and stores the grades in the study's `judge_grades` table, which then
 * replaces the recorded grades in `results`. Verdicts go through the persistent `JudgeCache`, so an
 * interrupted pass resumes where it stopped and a finished one costs no judge calls when repeated.
 */
export async function judgeStudy(study: Study, options: JudgePassOptions): Promise<JudgePassResult> {
  const { judges, cache } = options;
  if (judges.length === 0) throw new Error('judgeStudy needs at least one judge endpoint');
  const name = judges[0]?.name as string;
  if (judges.some((j) => j.name !== name)) {
    throw new Error(`judge endpoints must serve the same judge (one name for the cache), got ${[...new Set(judges.map((j) => j.name))].join(', ')}`);
  }
  const perJudge = options.concurrencyPerJudge ?? 2;
  if (!Number.isInteger(perJudge) || perJudge < 1) throw new RangeError(`concurrencyPerJudge must be a positive integer, got ${perJudge}`);
  const byId = new Map(options.queries.map((q) => [q.id, q]));
  const filter = options.rows === 'all' ? '' : "WHERE grader = 'judge'";
  const table = await study.query(
    `SELECT runId, queryId, response, reference, stopReason = 'max_tokens' AS truncated FROM results ${filter} ORDER BY runId, queryId`,
  );
  const rows = table.rows as unknown as Row[];
  const missing = new Set<string>();
  const work = rows.filter((row) => byId.has(row.queryId) || (missing.add(row.queryId), false));
  const grades: Array<Grade | undefined> = new Array(work.length);
  let next = 0;
  let done = 0;
  let judgeCalls = 0;
  // After one failure the other workers stop taking rows; what they finished is already in the cache.
  let failed = false;
  const worker = async (judge: JudgeModel): Promise<void> => {
    for (let i = next++; i < work.length && !failed; i = next++) {
      const row = work[i] as Row;
      const query = { ...(byId.get(row.queryId) as Query), answer: row.reference };
      const counted: JudgeModel = {
        name,
        complete: (prompt) => {
          judgeCalls++;
          return judge.complete(prompt);
        },
      };
      try {
        grades[i] = await gradeJudge(query, row.response, { judge: counted, judgeCache: cache, truncated: row.truncated });
      } catch (error) {
        failed = true;
        throw error;
      }
      options.onProgress?.(++done, work.length);
    }
  };
  const outcomes = await Promise.allSettled(judges.flatMap((judge) => Array.from({ length: perJudge }, () => worker(judge))));
  const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (rejected) throw rejected.reason;
  await storeGrades(study, work, grades as Grade[]);
  return { graded: work.length, judgeCalls, cached: work.length - judgeCalls, missingQueries: [...missing].sort() };
}

async function storeGrades(study: Study, rows: readonly Row[], grades: readonly Grade[]): Promise<void> {
  const { connection } = study;
  const columns = `runId VARCHAR, queryId VARCHAR, correct BOOLEAN, pred VARCHAR, gradeStatus VARCHAR, gradeRule VARCHAR, verdict VARCHAR`;
  await connection.run(`CREATE TABLE IF NOT EXISTS judge_grades (${columns}, PRIMARY KEY (runId, queryId))`);
  await connection.run(`CREATE OR REPLACE TABLE _judge_new (${columns})`);
  const appender = await connection.createAppender('_judge_new');
  rows.forEach((row, i) => {
    const grade = grades[i] as Grade;
    appender.appendVarchar(row.runId);
    appender.appendVarchar(row.queryId);
    appender.appendBoolean(grade.correct);
    if (grade.pred === null) appender.appendNull();
    else appender.appendVarchar(grade.pred);
    appender.appendVarchar(grade.status);
    appender.appendVarchar(grade.rule);
    appender.appendVarchar(grade.verdict);
    appender.endRow();
  });
  appender.closeSync();
  await connection.run('INSERT OR REPLACE INTO judge_grades SELECT * FROM _judge_new');
  await connection.run('DROP TABLE _judge_new');
  await study.defineResultsView();
}
