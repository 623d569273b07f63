/**
 * Judge agreement through the real CLI (`ipw grade --judges`, `--judge-repeats`), with two generated GGUF judges
 * whose reading of each unresolved response is known in advance, so kappa and the swings have exact values.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeKnowledgeModel } from '../lib/fixtures/index.ts';
import { renderExtractPrompt } from '../lib/grade/fallback.ts';
import { asQuery, parseGradeRecords, type GradeRecord } from '../lib/grade/records.ts';
import { DEFAULT_SYSTEM_PROMPT } from '../lib/run/index.ts';
import { IPW_BIN, PROJECT_ROOT, tempDir } from './helpers/fixture.ts';

const RECORDS = [
  { id: 'r1', response: 'The answer is (D).', n_choices: 4, answer: 'D' },
  { id: 'r2', response: 'Adding both parts gives \\boxed{4}.', answer: '4' },
  // The rules find several answers or none in these three; the judges read them.
  { id: 'u1', response: 'It is either B or C, I cannot narrow it down further.', n_choices: 4, answer: 'B' },
  { id: 'u2', response: 'Let me think about the options carefully before choosing', n_choices: 4, answer: 'A' },
  { id: 'u3', response: 'We need the sum of the two parts, which the table gives', answer: '7', grader: 'numeric' },
];
const JSONL = RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** What each judge replies to the extraction prompt of each unresolved response. */
const READINGS: Record<string, Record<string, string>> = {
  'judge-one': { u1: 'B', u2: 'A', u3: '7' },
  'judge-two': { u1: 'C', u2: 'A', u3: 'NONE' },
};

let dir: string;
let input: string;
const judgePath = (name: string): string => join(dir, `${name}.gguf`);

function ipw(args: string[], stdin?: string) {
  const result = spawnSync(process.execPath, [IPW_BIN, 'grade', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', input: stdin, timeout: 240_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Stored {
  type: string;
  [key: string]: unknown;
}

function stored(path: string): Stored[] {
  return readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Stored);
}

beforeAll(async () => {
  dir = tempDir('ipw-judges-');
  input = join(dir, 'outputs.jsonl');
  writeFileSync(input, JSONL);
  const records: GradeRecord[] = parseGradeRecords(JSONL, 'test');
  for (const [name, replies] of Object.entries(READINGS)) {
    const facts = Object.entries(replies).map(([id, output]) => {
      const record = records.find((r) => r.id === id)!;
      return { prompt: renderExtractPrompt(asQuery(record), record.response), output };
    });
    await writeKnowledgeModel(judgePath(name), facts, { avoidTexts: [DEFAULT_SYSTEM_PROMPT] });
  }
}, 120_000);

describe('ipw grade --judges (CLI)', () => {
  it('has two judges read the unresolved responses, prints kappa and the accuracy swing, and stores every reading', () => {
    const out = join(dir, 'agreement.jsonl');
    const run = ipw([input, '--judges', `${judgePath('judge-one')},${judgePath('judge-two')}`, '--threads', '1', '--gpu', 'false', '--judge-out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Rules: r1 and r2 right, the three unresolved wrong. judge-one reads all three right (5/5); judge-two only u2 (3/5).
    expect(run.stdout).toContain('accuracy: 40.0% (2/5); with judges 60.0% to 100.0% (swing 40.0 points)');
    expect(run.stdout).toContain('2 judge(s) read 3 response(s) (scope unresolved), 1 time(s) each');
    // Labels: one [B, A, =reference], two [C, A, NONE]: agreement 1/3, chance 1/9, kappa (1/3 - 1/9) / (8/9) = 0.25.
    expect(run.stdout).toMatch(/gguf:judge-one vs gguf:judge-two: kappa 0\.25, agree 33\.3%/);
    // The rules read no answer in any of the three: one rater is constant, so kappa with them is 0, and the output says why.
    expect(run.stdout).toMatch(/gguf:judge-two vs rules: kappa 0\.00, agree 33\.3% \(the rules read no answer in these responses, so kappa is 0 by construction/);

    const lines = stored(out);
    const readings = lines.filter((l) => l.type === 'reading');
    expect(readings).toHaveLength(6);
    expect(readings.map((r) => [r.id, String(r.judge).replace(/^gguf:/, ''), r.pred, r.correct])).toEqual([
      ['u1', 'judge-one', 'B', true],
      ['u1', 'judge-two', 'C', false],
      ['u2', 'judge-one', 'A', true],
      ['u2', 'judge-two', 'A', true],
      ['u3', 'judge-one', '7', true],
      ['u3', 'judge-two', null, false],
    ]);
    const summary = lines.at(-1)!;
    expect(summary.type).toBe('summary');
    expect(summary.accuracySwing).toBeCloseTo(0.4, 10);
    expect((summary.betweenJudges as Array<{ kappa: number }>)[0]!.kappa).toBeCloseTo(0.25, 10);
  }, 240_000);

  it('repeats one judge and reports the share of readings that changed (none, at temperature 0)', () => {
    const out = join(dir, 'repeats.jsonl');
    // Options before the input, the input from stdin without "-".
    const run = ipw(['--judge', judgePath('judge-two'), '--judge-repeats', '3', '--threads', '1', '--gpu', 'false', '--judge-out', out, '--jsonl'], JSONL);
    expect(run.code).toBe(0);
    // stdout stays verdict JSONL; the agreement report goes to stderr.
    expect(run.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['r1', 'r2', 'u1', 'u2', 'u3']);
    expect(run.stderr).toContain('1 judge(s) read 3 response(s) (scope unresolved), 3 time(s) each');
    expect(run.stderr).toMatch(/Across repeats: 0\.0% of readings changed; accuracy swing gguf:judge-two 0\.0 points/);
    const lines = stored(out);
    expect(lines.filter((l) => l.type === 'reading').map((r) => r.repeat)).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2]);
    expect(lines.at(-1)).toMatchObject({ type: 'summary', repeats: 3, repeatChangeRate: 0 });
  }, 240_000);
});
