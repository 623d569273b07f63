import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { RunJournal, type QueryResult } from '../lib/store/index.ts';
import { readJournal } from '../lib/store/journal-read.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const STORE_URL = pathToFileURL(path.join(PROJECT_ROOT, 'lib/store/index.ts')).href;

// The child appends forever, printing each id only after append() has returned. On Linux a
// SIGKILL never splits a single write() to a regular file, so to exercise a torn tail the child
// can be told (argv[3]) to write half a line by hand after that many appends and wait to be killed.
const WRITER_SCRIPT = `
import fs from 'node:fs';
import path from 'node:path';
import { RunJournal } from ${JSON.stringify(STORE_URL)};
const journal = RunJournal.open(process.argv[2]);
const tearAfter = Number(process.argv[3] ?? Infinity);
const first = journal.size;
for (let i = first; ; i++) {
  if (i - first >= tearAfter) {
    fs.appendFileSync(path.join(process.argv[2], 'journal.jsonl'), '{"runId":"crash","queryId":"q' + i + '","ind');
    process.stdout.write('torn\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  }
  journal.append({
    runId: 'crash', queryId: 'q' + i, index: i, domain: 'd', model: 'm', accelerator: 'cpu',
    grader: 'exact', startedAt: new Date().toISOString(), response: 'x'.repeat((i * 7919) % 262144),
    stopReason: 'eos', promptTokens: 1, completionTokens: 1, ttftMs: 1, prefillMs: 1, decodeMs: 1,
    decodeTokensPerS: 1, interTokenMs: [1], reference: 'r', pred: null, correct: false,
    gradeStatus: 'no_answer', gradeRule: 'none', verdict: '', energyJ: 1, prefillEnergyJ: 0.5,
    decodeEnergyJ: 0.5, meanPowerW: 1, durationMs: 1, energySource: 'estimated', energyMethod: 'test',
    energyIsEstimate: true, netEnergyJ: 1, prefillNetEnergyJ: 0.5, decodeNetEnergyJ: 0.5, idlePowerW: 0,
    energyMeasure: 'model', energyFlags: '',
    promptSha256: 'f'.repeat(64), clockStartMs: 1, clockEndMs: 2, traceFile: null,
    gradeSpanStart: null, gradeSpanEnd: null, gradeSpanText: null, judgedVerdict: null, attempts: null, reasoningTokens: null, reasoningEnergyJ: null, answerEnergyJ: null,
    energyDomain: 'estimated:process-cpu', energyByDomainJ: {}, netEnergyByDomainJ: {}, systemEnergyJ: 0,
  });
  process.stdout.write('appended q' + i + '\\n');
}
`;

let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ipw-store-crash-'));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** Runs the writer until it has reported `killAfter` appends, SIGKILLs it, and returns every id it reported. */
function runAndKill(script: string, runDir: string, killAfter: number, tearAfter?: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', script, runDir, ...(tearAfter === undefined ? [] : [String(tearAfter)])];
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      stdout += text;
      if (!killed && (stdout.split('\n').length > killAfter || stdout.includes('torn\n'))) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (text: Buffer) => (stderr += text.toString()));
    child.on('error', reject);
    // 'close' waits for stdout to drain, so ids written just before the kill are not lost.
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited without being killed: ${stderr}`));
      const ids = stdout
        .split('\n')
        .filter((line) => line.startsWith('appended '))
        .map((line) => line.slice('appended '.length));
      resolve(ids);
    });
  });
}

function rawQueryIds(file: string): { ids: string[]; endsClean: boolean } {
  const text = fs.readFileSync(file, 'utf8');
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  const ids = complete
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as QueryResult).queryId);
  return { ids, endsClean: text.endsWith('\n') || text === '' };
}

it('loses no acknowledged append when the writer is SIGKILLed, and resumes cleanly', async () => {
  const script = path.join(root, 'writer.mts');
  fs.writeFileSync(script, WRITER_SCRIPT);
  const runDir = path.join(root, 'run');
  fs.mkdirSync(runDir);
  const file = path.join(runDir, 'journal.jsonl');

  const reported: string[] = [];
  const expectAcknowledgedPresent = (): void => {
    const { ids } = rawQueryIds(file);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of reported) expect(ids).toContain(id);
  };

  // Crash 1: killed with half a line on disk.
  reported.push(...(await runAndKill(script, runDir, 1000, 20)));
  expect(reported).toHaveLength(20);
  expect(readJournal(file).tornBytes).toBeGreaterThan(0);
  expectAcknowledgedPresent();

  // Crash 2: the next writer repairs the tail, appends, and is killed mid-loop.
  reported.push(...(await runAndKill(script, runDir, 15)));
  expect(reported.length).toBeGreaterThanOrEqual(35);
  expectAcknowledgedPresent();

  const journal = RunJournal.open(runDir);
  const { ids, endsClean } = rawQueryIds(file);
  expect(endsClean).toBe(true);
  expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => `q${i}`));
  expect(journal.size).toBe(ids.length);

  const next = journal.results().at(-1);
  if (!next) throw new Error('journal is empty');
  journal.append({ ...next, queryId: 'after-crash', index: next.index + 1 });
  journal.close();
  const after = readJournal(file);
  expect(after.tornBytes).toBe(0);
  expect(after.duplicateIds).toEqual([]);
  expect(after.results.map((r) => r.queryId)).toEqual([...ids, 'after-crash']);
}, 60_000);
