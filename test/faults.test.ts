// What real use throws at a run: Ctrl-C, SIGTERM and SIGKILL at seeded points of a real CLI run, and a model file
// swapped before a resume. Invariants after each case: every query at most once, none completed lost, results.parquet
// and a manifest for a stopped run, every row's window inside the power trace it names, and resume completes the run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPowerTrace } from '../lib/energy/index.ts';
import type { PreparedFixture } from '../lib/profile/index.ts';
import { startLlamaServer, type LlamaServerHandle } from '../lib/run/index.ts';
import { readManifest, readResults, type QueryResult } from '../lib/store/index.ts';
import { IPW_BIN, PROJECT_ROOT, sampleFixture, tempDir } from './helpers/fixture.ts';

let fixture: PreparedFixture;
let queriesFile: string;
beforeAll(async () => {
  fixture = await sampleFixture();
  queriesFile = join(tempDir(), 'queries.jsonl');
  fs.writeFileSync(queriesFile, fixture.queries.slice(0, 30).map((q) => JSON.stringify(q)).join('\n') + '\n');
});

function profileArgs(out: string, model = fixture.modelPath): string[] {
  return [IPW_BIN, 'profile', '--model', model, '--queries', queriesFile, '--out', out, '--max-tokens', '16', '--threads', '1', '--gpu', 'false', '--energy', 'estimated', '--baseline-s', '0', '--warmup', '0'];
}

function journalIds(runDir: string): string[] {
  try {
    return fs
      .readFileSync(join(runDir, 'journal.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.endsWith('}'))
      .map((line) => (JSON.parse(line) as { queryId: string }).queryId);
  } catch {
    return [];
  }
}

/** Starts the real CLI, waits for `afterQueries` journal lines, sends the signals; returns how it exited and its output. */
async function interrupt(out: string, afterQueries: number, signals: NodeJS.Signals[], model?: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, profileArgs(out, model), { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  // Both streams: the resume hint is printed with the results.
  child.stdout!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  const deadline = Date.now() + 120_000;
  while (!done && journalIds(out).length < afterQueries && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  if (done) throw new Error(`the run ended before ${afterQueries} queries were journaled: ${stderr}`);
  for (const [i, signal] of signals.entries()) {
    // Two identical signals sent back to back can merge into one before the handler runs.
    if (i > 0) await new Promise((r) => setTimeout(r, 200));
    child.kill(signal);
  }
  return { ...(await exited), stderr };
}

function resume(out: string, model?: string) {
  return spawnSync(process.execPath, [...profileArgs(out, model), '--resume'], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 240_000 });
}

/** Every row's [start, end] lies inside the samples of the trace it names. */
function expectWindowsInsideTraces(out: string, rows: QueryResult[]): void {
  const spans = new Map<string, [number, number]>();
  for (const row of rows) {
    const base = row.traceFile!;
    if (!spans.has(base)) {
      const t = readPowerTrace(out, `${base}.json`).columns.timeMs!;
      spans.set(base, [t[0]!, t[t.length - 1]!]);
    }
    const [first, last] = spans.get(base)!;
    expect(row.clockStartMs, `${row.queryId} in ${base}`).toBeGreaterThanOrEqual(first);
    expect(row.clockEndMs, `${row.queryId} in ${base}`).toBeLessThanOrEqual(last);
  }
}

async function expectCompletedAfterResume(out: string, before: string[], model?: string): Promise<void> {
  const resumed = resume(out, model);
  expect(resumed.status, resumed.stderr).toBe(0);
  const after = journalIds(out);
  expect(after.slice(0, before.length)).toEqual(before);
  expect(new Set(after).size).toBe(after.length);
  expect(after).toHaveLength(30);
  const rows = await readResults(out);
  expect(rows).toHaveLength(30);
  expectWindowsInsideTraces(out, rows);
  expect(readManifest(out).complete).toBe(true);
}

// Points drawn once with a seeded generator (seed 7): how many queries complete before each signal.
const CASES = [
  { signal: 'SIGINT', point: 3 },
  { signal: 'SIGTERM', point: 11 },
] as const;
const KILL_POINTS = [5, 12];

describe('a run stopped by a signal loses nothing and resumes', () => {
  for (const { signal, point } of CASES) {
    it(`${signal} after ${point} queries: exit 130, results.parquet and a manifest of the partial run, then resume`, async () => {
      const out = join(tempDir(), 'run');
      const stopped = await interrupt(out, point, [signal]);
      expect(stopped.signal, stopped.stderr).toBeNull();
      expect(stopped.code, stopped.stderr).toBe(130);
      expect(stopped.stderr).toMatch(new RegExp(`${signal}: stopping after the current query`));
      expect(stopped.stderr).toMatch(/continue with --resume --out/);
      const before = journalIds(out);
      expect(before.length).toBeGreaterThanOrEqual(point);
      expect(before.length).toBeLessThan(30);
      const manifest = readManifest(out);
      expect(manifest.complete).toBe(false);
      expect(manifest.counts).toEqual({ queries: 30, completed: before.length });
      const rows = await readResults(out);
      expect(rows.map((r) => r.queryId)).toEqual(before);
      expectWindowsInsideTraces(out, rows);
      await expectCompletedAfterResume(out, before);
    });
  }

  it('a second Ctrl-C exits at once; the journal stays intact', async () => {
    const out = join(tempDir(), 'run');
    const stopped = await interrupt(out, 2, ['SIGINT', 'SIGINT']);
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toMatch(/SIGINT again: exiting now/);
    await expectCompletedAfterResume(out, journalIds(out));
  });

  for (const point of KILL_POINTS) {
    it(`SIGKILL after ${point} queries: the killed invocation's trace is recovered and holds its rows`, async () => {
      const out = join(tempDir(), 'run');
      const killed = await interrupt(out, point, ['SIGKILL']);
      expect(killed.signal).toBe('SIGKILL');
      expect(fs.existsSync(join(out, 'trace.rows.bin'))).toBe(true);
      const before = journalIds(out);
      await expectCompletedAfterResume(out, before);
      const rows = await readResults(out);
      expect(new Set(rows.slice(0, before.length).map((r) => r.traceFile))).toEqual(new Set(['trace']));
      expect(readPowerTrace(out, 'trace.json').metadata.recovered).toBeTruthy();
      expect(fs.existsSync(join(out, 'trace.rows.bin'))).toBe(false);
    });
  }
});

describe('resume proves identity', () => {
  it('refuses another model file placed at the same path, naming the difference', async () => {
    const dir = tempDir();
    const model = join(dir, 'model.gguf');
    fs.copyFileSync(fixture.modelPath, model);
    const out = join(dir, 'run');
    const child = spawn(process.execPath, profileArgs(out, model), { cwd: PROJECT_ROOT, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    while (journalIds(out).length < 2) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await exited;
    // Same size, one byte different: another model as far as results go.
    const bytes = fs.readFileSync(model);
    bytes[bytes.length - 1] ^= 0xff;
    fs.writeFileSync(model, bytes);
    const refused = resume(out, model);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/Cannot resume .*\n.*model\.sha256/);
  });
});

describe('an openai: run stopped by a signal', () => {
  let server: LlamaServerHandle | undefined;
  beforeAll(async () => {
    server = await startLlamaServer({ modelPath: fixture.modelPath, alias: 'fixture-knowledge', threads: 1, contextSize: 4096 });
  }, 20 * 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('SIGINT abandons the request in flight, writes results.parquet and a manifest, and resumes', async () => {
    const model = `openai:${server!.url}#fixture-knowledge`;
    const out = join(tempDir(), 'run');
    const stopped = await interrupt(out, 4, ['SIGINT'], model);
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).not.toMatch(/cannot reach/);
    const before = journalIds(out);
    expect(readManifest(out)).toMatchObject({ complete: false, counts: { queries: 30, completed: before.length } });
    expect((await readResults(out)).map((r) => r.queryId)).toEqual(before);
    await expectCompletedAfterResume(out, before, model);
  });
});
