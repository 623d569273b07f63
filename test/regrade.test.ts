// regrade(): `ipw grade` as a TypeScript call. Its text is checked against the real CLI's output on the same file.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGradeRecords, regrade, type RegradeRow } from '../lib/grade/index.ts';
import { tempDir } from '../support/temp-dir.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const LINES = [
  { id: 'q1', response: 'B. (A would be wrong)', choices: ['w', 'x', 'y', 'z'], answer: 'B' },
  { id: 'q2', response: 'Answer: C', n_choices: 4, answer: 'D' },
  { id: 'q3', response: '3 * 4 = 12, so \\boxed{12}. Check: 12 / 3 = 4', grader: 'numeric', answer: '12' },
  { id: 'q4', response: 'I cannot tell.', grader: 'numeric', answer: '7' },
];

/** The same responses as a run's stored rows (what readResults gives, and profile() returns in `results`). */
const ROWS: RegradeRow[] = [
  { queryId: 'q1', response: 'B. (A would be wrong)', grader: 'mc', reference: 'B', stopReason: 'eos' },
  { queryId: 'q3', response: '3 * 4 = 12, so \\boxed{12}. Check: 12 / 3 = 4', grader: 'numeric', reference: '12', stopReason: 'eos' },
  { queryId: 'q5', response: 'Let me think step by step about', grader: 'numeric', reference: '5', stopReason: 'max_tokens' },
  { queryId: 'q6', response: 'Paris', grader: 'judge', reference: 'Paris', stopReason: 'eos' },
];

function cli(args: string[]): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'ipw.js'), 'grade', ...args], { encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trimEnd();
}

describe('regrade()', () => {
  const jsonl = `${LINES.map((l) => JSON.stringify(l)).join('\n')}\n`;
  const records = parseGradeRecords(jsonl, 'inline');

  it('returns verdicts and the summary table ipw grade prints', () => {
    const r = regrade(records);
    expect(r.verdicts.map((v) => [v.id, v.pred, v.correct, v.status])).toEqual([
      ['q1', 'B', true, 'answered'], ['q2', 'C', false, 'answered'], ['q3', '12', true, 'answered'], ['q4', null, false, 'no_answer'],
    ]);
    expect(r.summary).toMatchObject({ total: 4, withAnswer: 4, correct: 2, accuracy: 0.5, noAnswerRate: 0.25 });
    const dir = tempDir('ipw-regrade-');
    try {
      writeFileSync(join(dir, 'out.jsonl'), jsonl);
      expect(r.text).toBe(cli([join(dir, 'out.jsonl')]));
      // With compare: the agreement table of `ipw grade --compare A B`, in either order of the options.
      const cmp = regrade(records, { rules: 'default', compare: 'naive-last-letter' });
      expect(cmp.comparison).toMatchObject({ a: 'default', b: 'naive-last-letter', total: 4 });
      expect(cmp.comparison!.disagreements.map((d) => d.id)).toEqual(['q1', 'q3']);
      expect(cmp.comparison!.verdictsB.find((v) => v.id === 'q1')?.pred).toBe('A');
      expect(cmp.comparison!.agreement).toBe(0.5);
      expect(cmp.text).toBe(cli(['--compare', 'default', 'naive-last-letter', join(dir, 'out.jsonl')]));
      expect(cmp.text.split('\n')[0]).toBe('default vs naive-last-letter: agree on 2/4 (50.0%)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("takes a run's rows or a profile() result: truncated rows read as truncated, judge rows are skipped with the reason", () => {
    const fromRows = regrade(ROWS);
    const fromRun = regrade({ results: ROWS });
    expect(fromRun.verdicts).toEqual(fromRows.verdicts);
    expect(fromRows.verdicts.map((v) => [v.id, v.status])).toEqual([['q1', 'answered'], ['q3', 'answered'], ['q5', 'truncated']]);
    expect(fromRows.skipped).toEqual([{ id: 'q6', reason: expect.stringMatching(/LLM judge/) }]);
    expect(fromRows.text).toMatch(/1 judge-graded row\(s\) not regraded$/);
    expect(fromRows.toMimeBundle()).toEqual({ 'text/plain': fromRows.text });
  });

  it('names the option and the choices for an unknown rule set, and refuses mixed input', () => {
    expect(() => regrade(records, { rules: 'strict' as never })).toThrow("regrade: rules is \"strict\"; use one of 'default', 'naive-last-letter'");
    expect(() => regrade(records, { compare: 'loose' as never })).toThrow(/compare is "loose"/);
    expect(() => regrade([...ROWS, ...records] as never)).toThrow(/mixed input/);
  });
});
