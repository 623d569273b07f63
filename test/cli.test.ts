import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PreparedFixture } from '../lib/profile/index.ts';
import { readManifest } from '../lib/store/index.ts';
import { IPW_BIN, PROJECT_ROOT, sampleFixture, tempDir } from './helpers/fixture.ts';

let fixture: PreparedFixture;
let queriesFile: string;
beforeAll(async () => {
  fixture = await sampleFixture();
  queriesFile = join(tempDir(), 'slice.jsonl');
  writeFileSync(queriesFile, fixture.queries.map((q) => JSON.stringify(q)).join('\n') + '\n');
});

function ipw(args: string[]) {
  const result = spawnSync(process.execPath, [IPW_BIN, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 240_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function journalIds(runDir: string): string[] {
  try {
    return readFileSync(join(runDir, 'journal.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { queryId: string }).queryId);
  } catch {
    return [];
  }
}

describe('ipw profile (CLI)', () => {
  it('profiles the fixture model and prints the IPW table with the built accuracy', () => {
    const out = join(tempDir(), 'run');
    const run = ipw(['profile', '--model', fixture.modelPath, '--queries', queriesFile, '--out', out, '--max-tokens', '16', '--threads', '1', '--gpu', 'false']);
    expect(run.stderr).toContain(`${fixture.queries.length}/${fixture.queries.length}`);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/IPW/);
    const analyzed = ipw(['analyze', out]);
    expect(analyzed.code).toBe(0);
    const accuracy = (fixture.expectedCorrect / fixture.queries.length).toFixed(3);
    expect(analyzed.stdout).toContain(accuracy);
  });

  it('resumes a SIGKILLed run: every query exactly once, none lost', async () => {
    const out = join(tempDir(), 'run');
    const args = [IPW_BIN, 'profile', '--model', fixture.modelPath, '--queries', 'sample', '--out', out, '--max-tokens', '16', '--threads', '1', '--gpu', 'false'];
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 120_000;
    while (journalIds(out).length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await exited;
    const before = journalIds(out);
    expect(before.length).toBeGreaterThanOrEqual(5);

    const resumed = ipw(['profile', '--model', fixture.modelPath, '--queries', 'sample', '--out', out, '--max-tokens', '16', '--threads', '1', '--gpu', 'false', '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const after = journalIds(out);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(new Set(after).size).toBe(after.length);
    const total = fixture.plan!.facts.length;
    expect(after).toHaveLength(total);
    const correct = fixture.plan!.correctCount;
    const rows = readFileSync(join(out, 'journal.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { correct: boolean });
    expect(rows.filter((r) => r.correct)).toHaveLength(correct);
  });

  it('runs either engine on request, records it, and names the choices for a wrong one', () => {
    const out = join(tempDir(), 'run');
    const run = ipw(['profile', '--model', fixture.modelPath, '--queries', queriesFile, '--out', out, '--max-tokens', '8', '--threads', '1', '--gpu', 'false', '--engine', 'node-llama-cpp', '--baseline-s', '0']);
    expect(run.code, run.stderr).toBe(0);
    expect(readManifest(out).model.details).toMatchObject({ engine: 'node-llama-cpp' });
    const wrong = ipw(['profile', '--model', fixture.modelPath, '--queries', queriesFile, '--engine', 'fast']);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('--engine expects auto, direct, node-llama-cpp; got "fast"');
  });

  it('lists datasets, recipes, graders and energy sources', () => {
    const list = ipw(['list']);
    expect(list.code).toBe(0);
    for (const word of ['sample', 'mmlu-pro', 'gpqa', 'math-500', 'judge', 'estimated', 'nvml']) expect(list.stdout).toContain(word);
  });
});

describe('bad inputs give clear errors', () => {
  it('names the file and line of a malformed JSONL row', () => {
    const file = join(tempDir(), 'bad.jsonl');
    writeFileSync(file, '{"id":"a","prompt":"Q?","answer":"1","domain":"x"}\n{"id":"b", "prompt": \n');
    const run = ipw(['profile', '--model', fixture.modelPath, '--queries', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bad.jsonl');
    expect(run.stderr).toMatch(/line 2/);
  });

  it('names a missing column and the --map fix', () => {
    const file = join(tempDir(), 'nocol.csv');
    writeFileSync(file, 'id,question,domain\n1,What?,x\n');
    const run = ipw(['profile', '--model', fixture.modelPath, '--queries', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nocol\.csv/);
    expect(run.stderr).toMatch(/--map/);
  });

  it('rejects a file that is not GGUF, before creating a run folder', () => {
    const dir = tempDir();
    const file = join(dir, 'model.gguf');
    writeFileSync(file, 'this is not a model');
    const run = ipw(['profile', '--model', file, '--queries', queriesFile, '--gpu', 'false', '--out', join(dir, 'run')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not a GGUF file/);
    expect(existsSync(join(dir, 'run'))).toBe(false);
  });

  it('rejects a truncated GGUF', () => {
    const file = join(tempDir(), 'truncated.gguf');
    const bytes = readFileSync(fixture.modelPath);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const run = ipw(['profile', '--model', file, '--queries', queriesFile, '--gpu', 'false']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/truncated/);
  });

  it('explains an unreachable endpoint', async () => {
    // A port that was just free: nothing listens there.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const run = ipw(['profile', '--model', `openai:http://127.0.0.1:${port}#nothing`, '--queries', queriesFile]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`cannot reach the OpenAI-compatible server at http://127.0.0.1:${port}/v1 (ECONNREFUSED)`);
  });
});
