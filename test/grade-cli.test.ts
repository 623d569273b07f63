import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunJournal, startRun, type QueryResult } from '../lib/store/index.ts';
import { COLUMNS, type ColumnKind } from '../lib/store/schema.ts';
import { IPW_BIN, PROJECT_ROOT, tempDir } from './helpers/fixture.ts';

function ipw(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [IPW_BIN, 'grade', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', input, timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const RECORDS = [
  { id: 'q1', response: 'The answer is (B).', n_choices: 4, answer: 'B' },
  { id: 'q2', response: 'I cannot answer this question.', n_choices: 10, answer: 'I' },
  { id: 'q3', response: 'The answer is eurytherm.', choices: ['stenotherm', 'eurytherm', 'poikilotherm', 'homeotherm'], answer: 'B' },
  { id: 'm1', response: '{"answer": "\\frac{1}{2}"}', answer: '0.5' },
  { id: 'm2', response: 'Hence **6\\sqrt{2}**.', answer: '6', grader: 'numeric' },
  { id: 'x1', response: 'Let me think step by step about the', n_choices: 4 },
];
const JSONL = RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('ipw grade (CLI)', () => {
  it('reads JSONL on stdin and writes one verdict per record with --jsonl', () => {
    const run = ipw(['--jsonl', '-'], JSONL);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const verdicts = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(verdicts.map((v) => [v.id, v.pred, v.correct, v.status])).toEqual([
      ['q1', 'B', true, 'answered'],
      ['q2', null, false, 'refused'],
      ['q3', 'B', true, 'answered'],
      ['m1', '\\frac{1}{2}', true, 'answered'],
      ['m2', '6\\sqrt{2}', false, 'answered'],
      // No answer given: extraction only, so no `correct`.
      ['x1', null, undefined, 'no_answer'],
    ]);
    expect(verdicts[0]?.rule).toBe('answer_is');
  });

  it('prints counts by status and accuracy over the records that have answers', () => {
    const file = join(tempDir(), 'outputs.jsonl');
    writeFileSync(file, JSONL);
    const run = ipw([file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/answered\s+4/);
    expect(run.stdout).toMatch(/refused\s+1/);
    expect(run.stdout).toMatch(/no_answer\s+1/);
    expect(run.stdout).toContain('accuracy: 60.0% (3/5)');
  });

  it('compares the rules with the naive last-letter baseline and lists the disagreements', () => {
    const run = ipw(['--compare', 'default', 'naive-last-letter', '-'], JSONL);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/default vs naive-last-letter: agree on \d+\/6/);
    // The naive chain reads the refusal as option I.
    expect(run.stdout).toMatch(/q2: default ∅ \(refused, refusal\)\s+\|\s+naive-last-letter I \(answered/);
    expect(run.stdout).not.toMatch(/^\s+q1:/m);
  });

  it('names the file, line and field of a bad record', () => {
    const file = join(tempDir(), 'bad.jsonl');
    writeFileSync(file, `${JSON.stringify(RECORDS[0])}\n\n{"id": "z", "response": 42}\n`);
    const run = ipw(['--jsonl', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:3: field "response" must be a string`);
    expect(ipw(['-'], '{"id": "a", "response": "B", "choices": ["x", "y"], "answer": "Q"}\n').stderr).toMatch(/<stdin>:1: field "answer"/);
    expect(ipw(['-'], '{"id": "a", "response": "B"\n').stderr).toMatch(/<stdin>:1: not valid JSON/);
    expect(ipw(['-'], '{"id": "a", "response": "B", "grader": "judge"}\n').stderr).toMatch(/<stdin>:1: field "grader"/);
  });

  it('reads stdin when no input is named, and takes options in any order', () => {
    const piped = ipw(['--jsonl'], JSONL);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(ipw(['--jsonl', '-'], JSONL).stdout);
    expect(piped.stdout.trim().split('\n')).toHaveLength(RECORDS.length);

    const file = join(tempDir(), 'outputs.jsonl');
    writeFileSync(file, JSONL);
    // The input before --compare used to be taken as a rule set.
    const after = ipw([file, '--compare', 'default', 'naive-last-letter']);
    expect(after.stderr).toBe('');
    expect(after.stdout).toMatch(/default vs naive-last-letter: agree on \d+\/6/);
    expect(ipw(['--compare=default,naive-last-letter', file]).stdout).toBe(after.stdout);
    expect(ipw([file, '--jsonl']).stdout).toBe(piped.stdout);
    const missing = ipw([file, '--compare', 'default']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--compare needs two rule sets/);
  });

  it('prints its help with --help, wherever it stands', () => {
    const help = ipw(['--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--jsonl', '--compare A B', '--judges A,B', '--judge-repeats N', '--judge-out FILE']) expect(help.stdout).toContain(flag);
    expect(ipw(['outputs.jsonl', '--jsonl', '--help']).stdout).toBe(help.stdout);
  });

  it('exits quietly when its reader closes stdout early', () => {
    const file = join(tempDir(), 'many.jsonl');
    // Far more than a pipe buffer (64 KiB) of verdicts, so writes are still pending when head exits.
    writeFileSync(file, Array.from({ length: 4000 }, (_, i) => JSON.stringify({ id: `q${i}`, response: 'The answer is (B).', n_choices: 4, answer: 'B' })).join('\n'));
    const script = `"${process.execPath}" "${IPW_BIN}" grade --jsonl "${file}" 2>"${file}.err" | head -n 1; echo "exit=\${PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', script], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 });
    const [first, status] = result.stdout.trim().split('\n');
    expect(JSON.parse(first!)).toMatchObject({ id: 'q0', pred: 'B' });
    expect(status).toBe('exit=0');
    expect(readFileSync(`${file}.err`, 'utf8')).toBe('');
  });

  it('reports each malformed line, grades the other rows, and exits non-zero', () => {
    const file = join(tempDir(), 'mixed.jsonl');
    const lines = [JSON.stringify(RECORDS[0]), '{"id": "broken", "response": ', JSON.stringify(RECORDS[2]), '{"id": "z", "response": 42}', JSON.stringify(RECORDS[3])];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const run = ipw(['--jsonl', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:2: not valid JSON`);
    expect(run.stderr).toContain(`${file}:4: field "response" must be a string`);
    expect(run.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['q1', 'q3', 'm1']);
  });

  it('regrades a run folder from its journal', () => {
    const dir = join(tempDir(), 'run');
    startRun(dir, { runId: 'r1', model: { path: 'm.gguf' }, queriesSource: 'test', queryIds: ['a', 'b'], settings: {} });
    const journal = RunJournal.open(dir);
    // Every stored column gets a neutral value, so this test does not break when the store gains fields.
    const defaults: Record<ColumnKind, unknown> = { string: '', nullableString: null, int: 0, nullableInt: null, double: 0, nullableDouble: null, boolean: false, doubleList: [], numberMap: {}, attemptList: null };
    const filler = Object.fromEntries(COLUMNS.map((c) => [c.name, defaults[c.kind]]));
    const base = { ...filler, runId: 'r1', grader: 'mc', gradeStatus: 'no_answer', energySource: 'estimated' } as unknown as QueryResult;
    journal.append({ ...base, queryId: 'a', index: 0, response: 'Answer: C', reference: 'C', stopReason: 'eos' });
    journal.append({ ...base, queryId: 'b', index: 1, response: 'Option A is incorrect, and B', reference: 'B', stopReason: 'max_tokens' });
    const run = ipw(['--jsonl', dir]);
    expect(run.stderr).toBe('');
    const verdicts = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    // b stopped at its token limit (the journal's stopReason) while starting the walk-through's next item: no answer yet.
    expect(verdicts.map((v) => [v.id, v.pred, v.correct, v.status])).toEqual([['a', 'C', true, 'answered'], ['b', null, false, 'truncated']]);
  });
});
