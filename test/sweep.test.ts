// A real 2x2 sweep through the real CLI on the generated fixture model: SIGKILLed at a random point, planned with
// estimates, then resumed to completion with every query exactly once.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PreparedFixture } from '../lib/profile/index.ts';
import { readManifest } from '../lib/store/index.ts';
import { planSweep, SWEEP_FILE } from '../lib/sweep/index.ts';
import { IPW_BIN, PROJECT_ROOT, noHardwareEnergy, sampleFixture, tempDir } from './helpers/fixture.ts';

const QUERIES_PER_CELL = 2;

let fixture: PreparedFixture;
beforeAll(async () => {
  fixture = await sampleFixture();
});

/** Query ids of a cell's journal, as written (duplicates kept: the journal's reader would hide them). */
function journalIds(runDir: string): string[] {
  const file = join(runDir, 'journal.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().startsWith('{') && line.trim().endsWith('}'))
    .map((line) => (JSON.parse(line) as { queryId: string }).queryId);
}

function allJournals(sweepDir: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  if (!existsSync(sweepDir)) return found;
  for (const entry of readdirSync(sweepDir, { withFileTypes: true })) {
    if (entry.isDirectory()) found.set(entry.name, journalIds(join(sweepDir, entry.name)));
  }
  return found;
}

describe('ipw sweep (CLI, real runs)', () => {
  it('runs a 2x2 grid, survives a SIGKILL at a random query, and resumes with every cell complete and no query twice', async () => {
    const dir = tempDir();
    // Two quantizations of one model stand in as two files: the fixture under two names.
    copyFileSync(fixture.modelPath, join(dir, 'tiny-a.gguf'));
    copyFileSync(fixture.modelPath, join(dir, 'tiny-b.gguf'));
    const queries = fixture.queries.slice(0, QUERIES_PER_CELL);
    writeFileSync(join(dir, 'queries.jsonl'), queries.map((q) => JSON.stringify(q)).join('\n') + '\n');
    const spec = {
      name: 'tiny',
      queries: 'queries.jsonl',
      axes: { model: ['tiny-a.gguf', 'tiny-b.gguf'], threads: [1, 2] },
      options: { maxTokens: 16, gpu: false, energy: 'estimated', energyOptions: noHardwareEnergy(), baselineS: 0, warmupQueries: 0, preflight: 'off' },
      out: 'sweep',
    };
    const specFile = join(dir, 'tiny.json');
    writeFileSync(specFile, JSON.stringify(spec, null, 2));
    const sweepDir = join(dir, 'sweep');
    const cells = ['tiny-a__threads=1__rep=1', 'tiny-a__threads=2__rep=1', 'tiny-b__threads=1__rep=1', 'tiny-b__threads=2__rep=1'];
    const totalRows = cells.length * QUERIES_PER_CELL;

    // Kill once a random number of queries (at least one, never all) is journaled: in some cell, between queries.
    const killAfter = 1 + Math.floor(Math.random() * (totalRows - 1));
    const why = `killed after ${killAfter} of ${totalRows} queries`;
    const child = spawn(process.execPath, [IPW_BIN, 'sweep', specFile], { cwd: PROJECT_ROOT, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 120_000;
    const rows = () => [...allJournals(sweepDir).values()].reduce((n, ids) => n + ids.length, 0);
    while (rows() < killAfter && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await exited;
    const before = allJournals(sweepDir);
    expect(rows(), why).toBeGreaterThanOrEqual(killAfter);
    expect(rows(), why).toBeLessThan(totalRows);
    expect(JSON.parse(readFileSync(join(sweepDir, SWEEP_FILE), 'utf8')).cells.map((c: { name: string }) => c.name)).toEqual(cells);

    // The dry run sees what is done and estimates the rest from the measured queries.
    const plan = await planSweep({ spec: specFile });
    expect(plan.cells.map((c) => c.cell.name)).toEqual(cells);
    const open = plan.cells.filter((c) => c.status !== 'complete');
    expect(open.length, why).toBeGreaterThan(0);
    for (const cell of open) {
      expect(cell.completed).toBe(before.get(cell.cell.name)?.length ?? 0);
      // A cell killed after its last query but before its manifest has nothing left to generate.
      if (cell.completed < QUERIES_PER_CELL) expect(cell.estimatedS, cell.cell.name).toBeGreaterThan(0);
      else expect(cell.estimatedS, cell.cell.name).toBe(0);
    }

    const resumed = spawnSync(process.execPath, [IPW_BIN, 'sweep', specFile], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 180_000 });
    expect(resumed.status, resumed.stderr).toBe(0);
    const after = allJournals(sweepDir);
    expect([...after.keys()].sort()).toEqual(cells);
    for (const cell of cells) {
      const ids = after.get(cell)!;
      // Each query exactly once, and what was journaled before the kill kept as it was.
      expect([...ids].sort(), `${cell}, ${why}`).toEqual(queries.map((q) => q.id).sort());
      expect(ids.slice(0, before.get(cell)?.length ?? 0)).toEqual(before.get(cell) ?? []);
      const manifest = readManifest(join(sweepDir, cell));
      expect(manifest.complete).toBe(true);
      expect(manifest.counts).toEqual({ queries: QUERIES_PER_CELL, completed: QUERIES_PER_CELL });
    }
    // Every cell of the fixture answers as it was built to; the table carries the estimate label.
    const expectedAccuracy = (queries.filter((q) => fixture.plan!.expected[q.id]!.correct).length / QUERIES_PER_CELL).toFixed(3);
    for (const cell of cells) expect(resumed.stdout).toMatch(new RegExp(`${cell.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+complete\\s+${QUERIES_PER_CELL}\\s+${expectedAccuracy}`));
    expect(resumed.stdout).toContain('ESTIMATED in every row');
    // Cells finished before the kill are skipped; a kill in the first cell leaves none finished.
    if (plan.cells.some((c) => c.status === 'complete')) expect(resumed.stderr).toMatch(/complete, skipped/);
    else expect(resumed.stderr).not.toMatch(/complete, skipped/);

    // A different grid in the same folder is refused, naming what changed.
    writeFileSync(specFile, JSON.stringify({ ...spec, axes: { ...spec.axes, threads: [1] } }));
    const changed = spawnSync(process.execPath, [IPW_BIN, 'sweep', specFile], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(changed.status).toBe(2);
    expect(changed.stderr).toMatch(/records another sweep: axes was/);
  });
});
