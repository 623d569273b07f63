// A disk that fills during a real `ipw profile` run: the test mounts a small tmpfs as the run's disk (root and mount
// needed; skipped with the reason otherwise), lets a few queries complete, then fills the disk. Invariants: the run
// stops cleanly with a message naming --out, the full disk and the fix; the journal keeps every query completed before,
// each once, no torn line; once space is freed, --resume completes the run and every row's window lies in its trace.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PowerTrace, readPowerTrace, recoverPowerTraces } from '../lib/energy/index.ts';
import type { PreparedFixture } from '../lib/profile/index.ts';
import { readManifest, readResults } from '../lib/store/index.ts';
import { IPW_BIN, PROJECT_ROOT, sampleFixture, tempDir } from './helpers/fixture.ts';

const QUERY_COUNT = 12;
/** Queries journaled before the test fills the disk. */
const FILL_AFTER = 3;

function mountSkipReason(): string | null {
  if (process.getuid?.() !== 0) return 'not running as root, so the test cannot mount a small tmpfs to fill';
  if (spawnSync('mount', ['--version']).status !== 0) return 'the mount command is not available';
  return null;
}
const skipReason = mountSkipReason();
if (skipReason) console.warn(`faults-disk: skipped: ${skipReason}`);

let fixture: PreparedFixture;
let queriesFile: string;
let mountPoint: string | undefined;

beforeAll(async () => {
  if (skipReason) return;
  fixture = await sampleFixture();
  queriesFile = join(tempDir(), 'queries.jsonl');
  fs.writeFileSync(queriesFile, fixture.queries.slice(0, QUERY_COUNT).map((q) => JSON.stringify(q)).join('\n') + '\n');
  const dir = tempDir('ipw-full-disk-');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) throw new Error(`mount -t tmpfs failed: ${mounted.stderr}`);
  mountPoint = dir;
});

afterAll(() => {
  if (mountPoint === undefined) return;
  // Lazy: a process the test started and lost track of must not keep the mount alive.
  spawnSync('umount', ['-l', mountPoint]);
  fs.rmSync(mountPoint, { recursive: true, force: true });
});

function profileArgs(out: string): string[] {
  return [IPW_BIN, 'profile', '--model', fixture.modelPath, '--queries', queriesFile, '--out', out, '--max-tokens', '16', '--threads', '1', '--gpu', 'false', '--energy', 'estimated', '--baseline-s', '0', '--warmup', '0'];
}

/** Journal lines as written: every one must be a whole, parseable row. */
function journalLines(runDir: string): { ids: string[]; text: string } {
  let text = '';
  try {
    text = fs.readFileSync(join(runDir, 'journal.jsonl'), 'utf8');
  } catch {
    return { ids: [], text };
  }
  const lines = text.split('\n');
  lines.pop();
  return { ids: lines.map((line) => (JSON.parse(line) as { queryId: string }).queryId), text };
}

/** Writes zeros into `file` until the disk refuses; returns the bytes written. */
function fillDisk(file: string): number {
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  let total = 0;
  try {
    for (;;) total += fs.writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
  return total;
}

describe.skipIf(skipReason !== null)(`a disk that fills during a run${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('stops cleanly naming --out, the full disk and the fix, keeps every completed query, and resumes once space is freed', async () => {
    const out = join(mountPoint!, 'run');
    const filler = join(mountPoint!, 'filler.bin');
    const child = spawn(process.execPath, profileArgs(out), { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    let exited = false;
    const exit = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        exited = true;
        resolve(code);
      }),
    );
    const deadline = Date.now() + 120_000;
    while (!exited && journalLines(out).ids.length < FILL_AFTER && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(exited, `the run ended before ${FILL_AFTER} queries: ${output}`).toBe(false);
    expect(fillDisk(filler)).toBeGreaterThan(0);
    const beforeFull = journalLines(out).ids;
    const code = await exit;

    expect(code, output).toBe(2);
    expect(output).toContain(`ipw: --out ${out}: the disk is full (ENOSPC: no space left on device`);
    expect(output).toContain(`Every query completed before that is in ${join(out, 'journal.jsonl')}`);
    expect(output).toMatch(/Free space on that disk \(or copy the run folder to a disk with room\), then continue with --resume and that folder as --out\./);
    const { ids: afterFull, text } = journalLines(out);
    expect(text.endsWith('\n'), 'no torn last line').toBe(true);
    expect(afterFull.slice(0, beforeFull.length)).toEqual(beforeFull);
    expect(new Set(afterFull).size).toBe(afterFull.length);
    expect(afterFull.length).toBeLessThan(QUERY_COUNT);

    fs.rmSync(filler);
    const resumed = spawnSync(process.execPath, [...profileArgs(out), '--resume'], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 240_000 });
    expect(resumed.status, resumed.stderr).toBe(0);
    const final = journalLines(out).ids;
    expect(final.slice(0, afterFull.length)).toEqual(afterFull);
    expect(new Set(final).size).toBe(QUERY_COUNT);
    expect(final).toHaveLength(QUERY_COUNT);
    const rows = await readResults(out);
    expect(rows).toHaveLength(QUERY_COUNT);
    expect(readManifest(out).complete).toBe(true);
    // Every row's window lies inside the samples of the trace it names (the filled-up invocation's, recovered, or the resume's).
    for (const row of rows) {
      const t = readPowerTrace(out, `${row.traceFile}.json`).columns.timeMs!;
      expect(row.clockStartMs, row.queryId).toBeGreaterThanOrEqual(t[0]!);
      expect(row.clockEndMs, row.queryId).toBeLessThanOrEqual(t[t.length - 1]!);
    }
    expect(new Set(rows.slice(0, 1).map((r) => r.traceFile))).toEqual(new Set(['trace']));
    expect(fs.readdirSync(mountPoint!).sort()).toEqual(['run']);
  });

  it('a trace flush that meets the full disk keeps whole rows only, so later flushes and recovery line up', () => {
    const dir = join(mountPoint!, 'trace-case');
    fs.mkdirSync(dir);
    // One channel: 5 float64 columns, 40-byte rows, so the space left in the file's last 4 KiB page ends mid-row.
    const trace = new PowerTrace(['rapl:package-0']);
    const push = (i: number): void => trace.push(Float64Array.of(i, 0.01, i * 2, 5, i * 3), 0, 0);
    trace.record(dir, 'trace', {});
    push(0);
    trace.flush();
    const filler = join(mountPoint!, 'trace-filler.bin');
    fillDisk(filler);
    for (let i = 1; i <= 200; i++) push(i);
    expect(() => trace.flush()).toThrow(/ENOSPC/);
    expect(fs.statSync(join(dir, 'trace.rows.bin')).size).toBe(40);
    fs.rmSync(filler);
    push(201);
    trace.flush();
    expect(recoverPowerTraces(dir)).toEqual(['trace']);
    expect([...readPowerTrace(dir, 'trace.json').columns.timeMs!]).toEqual(Array.from({ length: 202 }, (_, i) => i));
    fs.rmSync(dir, { recursive: true });
  });
});
