/**
 * Judge agreement in `ipw analyze`, through the real CLI: two run folders are graded with `ipw grade --judges`
 * (two generated GGUF judges whose reading of each unresolved response is known in advance) and with one judge
 * repeated; `ipw analyze` then prints kappa, the accuracy swing and the repeat changes beside the accuracy, and
 * writes them as CSV and Parquet.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeAgreementRow, judgeAgreementTable, parseJudgeAgreement } from '../lib/analyze/index.ts';
import { writeKnowledgeModel } from '../lib/fixtures/index.ts';
import { renderExtractPrompt } from '../lib/grade/fallback.ts';
import { JUDGE_AGREEMENT_FILE } from '../lib/grade/index.ts';
import { asQuery, type GradeRecord } from '../lib/grade/records.ts';
import { DEFAULT_SYSTEM_PROMPT } from '../lib/run/index.ts';
import type { QueryResult } from '../lib/store/index.ts';
import { VARIANTS, writeRun } from './analyze-fixture.ts';
import { IPW_BIN, PROJECT_ROOT, tempDir } from './helpers/fixture.ts';

type Graded = Pick<QueryResult, 'grader' | 'response' | 'reference' | 'pred' | 'correct' | 'gradeStatus'>;

/** Each query's row as the profile graded it: two the rules settle, three they cannot (no number, either/or, no option). */
const ROWS: Record<string, Graded> = {
  m0: { grader: 'numeric', response: 'Adding both parts gives \\boxed{4}.', reference: '4', pred: '4', correct: true, gradeStatus: 'answered' },
  m1: { grader: 'numeric', response: 'So the answer is \\boxed{9}.', reference: '9', pred: '9', correct: true, gradeStatus: 'answered' },
  m2: { grader: 'numeric', response: 'We need the sum of the two parts, which the table gives', reference: '7', pred: null, correct: false, gradeStatus: 'no_answer' },
  s0: { grader: 'mc', response: 'It is either B or C, I cannot narrow it down further.', reference: 'B', pred: null, correct: false, gradeStatus: 'ambiguous' },
  s1: { grader: 'mc', response: 'Let me think about the options carefully before choosing', reference: 'A', pred: null, correct: false, gradeStatus: 'no_answer' },
};
const IDS = Object.keys(ROWS);

/** What each judge replies to the extraction prompt of each unresolved response. */
const READINGS: Record<string, Record<string, string>> = {
  'judge-one': { m2: '7', s0: 'B', s1: 'A' },
  'judge-two': { m2: 'NONE', s0: 'C', s1: 'A' },
};

let dir: string;
let twoJudges: string;
let repeated: string;
let unjudged: string;
const judgePath = (name: string): string => join(dir, `${name}.gguf`);

function ipw(args: string[]) {
  const result = spawnSync(process.execPath, [IPW_BIN, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 240_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The record `ipw grade <run folder>` builds from a result row (runs store no option texts or question). */
function recordOf(id: string): GradeRecord {
  const row = ROWS[id]!;
  return { id, response: row.response, grader: row.grader as GradeRecord['grader'], answer: row.reference };
}

async function run(runId: string, variant: number): Promise<string> {
  return writeRun(dir, {
    runId,
    variant: VARIANTS[variant]!,
    queryIds: IDS,
    host: 'h',
    overrides: (id) => ROWS[id]!,
  });
}

beforeAll(async () => {
  dir = tempDir('ipw-analyze-judges-');
  twoJudges = await run('two-judges', 0);
  repeated = await run('repeated', 2);
  unjudged = await run('unjudged', 3);
  for (const [name, replies] of Object.entries(READINGS)) {
    const facts = Object.entries(replies).map(([id, output]) => ({ prompt: renderExtractPrompt(asQuery(recordOf(id)), recordOf(id).response), output }));
    await writeKnowledgeModel(judgePath(name), facts, { avoidTexts: [DEFAULT_SYSTEM_PROMPT] });
  }
  const judged = ipw(['grade', twoJudges, '--judges', `${judgePath('judge-one')},${judgePath('judge-two')}`, '--threads', '1', '--gpu', 'false']);
  expect(judged.code, judged.stderr).toBe(0);
  const again = ipw(['grade', repeated, '--judge', judgePath('judge-two'), '--judge-repeats', '3', '--threads', '1', '--gpu', 'false']);
  expect(again.code, again.stderr).toBe(0);
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('ipw analyze with judge readings', () => {
  it('prints kappa, the accuracy swing and the repeat changes beside the accuracy, and writes them as CSV and Parquet', async () => {
    const out = join(dir, 'tables');
    const result = ipw(['analyze', twoJudges, repeated, unjudged, '--resamples', '20', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const text = result.stdout;
    const section = text.slice(text.indexOf('Judge agreement'), text.indexOf('Local coverage'));
    // After the IPW tables (whose accuracy is the rules', 0.4 here), before coverage.
    expect(text).toMatch(/alpha-q4_k_m\s+cpu\s+estimated \[1\]\s+5\s+0\.400 \[/);
    expect(text.indexOf('Judge agreement')).toBeGreaterThan(text.indexOf('IPW'));
    // Rules: m0 and m1 right (2/5). judge-one reads all three unresolved right (5/5), judge-two only s1 (3/5).
    // Labels: one [=reference, B, A], two [NONE, C, A]: agreement 1/3, chance 1/9, kappa (1/3 - 1/9) / (8/9) = 0.25.
    expect(section).toMatch(/two-judges\s+alpha-q4_k_m\s+cpu\s+gguf:judge-one, gguf:judge-two\s+3\s+1\s+40\.0%\s+60\.0% to 100\.0%\s+40\.0 pts\s+0\.25\s+-/);
    // One judge, three repeats at temperature 0: no reading changed; no second judge, so no kappa or swing between judges.
    expect(section).toMatch(/repeated\s+beta\s+cpu\s+gguf:judge-two\s+3\s+3\s+40\.0%\s+60\.0%\s+-\s+-\s+0\.0% \(swing 0\.0 pts\)/);
    // A run nobody judged has no row.
    expect(section).not.toContain('unjudged');

    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet($1) ORDER BY runId`, [join(out, 'judge-agreement.parquet')]);
      const rows = reader.getRowObjectsJson();
      expect(rows.map((r) => r.runId)).toEqual(['repeated', 'two-judges']);
      expect(rows[1]).toMatchObject({ judges: 'gguf:judge-one, gguf:judge-two', judged: 3, repeats: 1, readings: 6, scope: 'unresolved', stale: false });
      expect(rows[1]!.kappa).toBeCloseTo(0.25, 10);
      expect(rows[1]!.accuracySwing).toBeCloseTo(0.4, 10);
      expect(rows[1]!.rulesAccuracy).toBeCloseTo(0.4, 10);
      expect(rows[1]!.repeatChangeRate).toBeNull();
      expect(rows[0]).toMatchObject({ judges: 'gguf:judge-two', judged: 3, repeats: 3, readings: 9, repeatChangeRate: 0, repeatSwing: 0, kappa: null, accuracySwing: null });
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('prints no judge section when no run was judged', () => {
    const result = ipw(['analyze', unjudged, '--resamples', '20']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('Judge agreement');
  });

  it('leaves out an unreadable file and flags readings older than the results, naming the file', () => {
    const copy = tempDir('ipw-analyze-judges-bad-');
    try {
      const file = join(repeated, JUDGE_AGREEMENT_FILE);
      // Results rewritten after the judges read the run: kept, marked stale.
      const later = new Date(Date.now() + 60_000);
      utimesSync(join(repeated, 'results.parquet'), later, later);
      const tags = [{ runId: 'repeated', runDir: repeated, model: 'beta', accelerator: 'cpu' }];
      const stale = judgeAgreementTable({ runs: tags as never });
      expect(stale.table.rows[0]?.stale).toBe(true);
      expect(stale.warnings[0]).toContain(`${file}: `);
      // A file cut off before its summary line: left out, with the file and the fix named.
      writeFileSync(join(copy, JUDGE_AGREEMENT_FILE), '{"type":"reading","id":"s0"}\n');
      const broken = judgeAgreementTable({ runs: [{ runId: 'cut', runDir: copy, model: 'm', accelerator: 'cpu' }] as never });
      expect(broken.table.rows).toEqual([]);
      expect(broken.warnings[0]).toMatch(/judge agreement of run cut left out: .*judge-agreement\.jsonl: no summary line, so the judge pass did not finish; grade the run with its judges again/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('judge agreement rows (pure)', () => {
  it('takes the lowest kappa over three judges and shows undefined values as null', () => {
    const text = [
      '{"type":"reading","id":"a"}',
      JSON.stringify({
        type: 'summary', judged: 4, scope: 'all', repeats: 1, judges: ['x', 'y', 'z'],
        betweenJudges: [{ a: 'x', b: 'y', kappa: 0.5, agreement: 0.75 }, { a: 'x', b: 'z', kappa: -0.2, agreement: 0.25 }, { a: 'y', b: 'z', kappa: null, agreement: 0.5 }],
        withRules: [], accuracy: { rules: 0.5, byJudge: [{ judge: 'x', accuracy: 0.5 }, { judge: 'y', accuracy: 0.75 }, { judge: 'z', accuracy: null }] },
        accuracySwing: 0.25, repeatChangeRate: null, repeatSwing: [{ judge: 'x', swing: null }],
      }),
    ].join('\n');
    const row = judgeAgreementRow({ runId: 'r', model: 'm', accelerator: 'cpu' }, parseJudgeAgreement(text, 'f.jsonl'), false);
    expect(row).toMatchObject({ kappa: -0.2, agreement: 0.25, judgeAccuracyMin: 0.5, judgeAccuracyMax: 0.75, repeatChangeRate: null, repeatSwing: null, readings: 1 });
    expect(row.kappaPairs).toBe('x vs y: 0.50; x vs z: -0.20; y vs z: undefined');
  });

  it('names the file and line of a line that is not JSON', () => {
    expect(() => parseJudgeAgreement('{"type":"reading"}\n{oops', 'runs/r/judge-agreement.jsonl')).toThrow(/^runs\/r\/judge-agreement\.jsonl:2: not valid JSON/);
  });
});
