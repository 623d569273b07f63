// profile() runs inside the kernel, through its protocol: an interrupt stops a run the way the CLI's first Ctrl-C
// does (the query in flight finishes, results.parquet and a partial manifest are written, the cell ends with a
// KeyboardInterrupt that says how to resume, the kernel goes on), and shutdown_request or SIGTERM closes every model
// session cells opened. The tiny fixture model, energy from the estimator with no hardware sources.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kernelSpec } from '../kernel/install.ts';
import { readManifest, readResults } from '../lib/store/index.ts';
import { type Exchange, type RunningKernel, launchKernel, outputsOf } from '../support/jupyter-client.ts';
import { noHardwareEnergy, sampleFixture, tempDir } from './helpers/fixture.ts';

const QUERIES = 120;
let folder: string;
let modelPath: string;
const result = (e: Exchange) => (outputsOf(e, 'execute_result')[0]?.['data'] as Record<string, unknown> | undefined)?.['text/plain'];
const ok = (e: Exchange) => expect(e.reply.content, JSON.stringify(outputsOf(e, 'error'))).toMatchObject({ status: 'ok' });

/** Resolves once the kernel has printed `text` on stdout (from a cell's onProgress). */
async function printed(kernel: RunningKernel, text: string): Promise<void> {
  const seen = () => kernel.client.allIopub.some((m) => m.header.msg_type === 'stream' && String(m.content['text']).includes(text));
  while (!seen()) {
    if (kernel.child.exitCode !== null) throw new Error(`kernel exited:\n${kernel.stderr()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A cell that opens a session on the fixture model whose close() also writes `marker` (proof that the kernel called
 * it), and the options every run below shares.
 */
function setupCell(marker: string, outDir: string): string {
  return [
    'import { writeFileSync } from "node:fs";',
    'import { loadQueries, openModel, profile } from "ipw-lab";',
    `const queries = (await loadQueries("sample")).slice(0, ${QUERIES});`,
    `const session = await openModel(${JSON.stringify(modelPath)}, { threads: 1, gpu: false });`,
    'const closeSession = session.close;',
    `session.close = async () => { await closeSession(); writeFileSync(${JSON.stringify(marker)}, "closed " + session.model); };`,
    `const common = { model: session, queries, outDir: ${JSON.stringify(outDir)}, maxTokens: 16, energy: "estimated" as const,`,
    `  energyOptions: ${JSON.stringify(noHardwareEnergy())}, baselineS: 0.2, warmupS: 0.1, preflight: "off" as const };`,
    // Says when three queries are done, so the test interrupts mid-run whatever the machine's speed.
    'const progress = { onProgress: (p) => { if (p.done === 3) console.log("three queries done"); } };',
  ].join('\n');
}

beforeAll(async () => {
  folder = tempDir('ipw-kernel-runs-');
  modelPath = (await sampleFixture()).modelPath;
}, 120_000);

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('interrupting profile() in a cell (interrupt_request; the kernelspec\'s SIGINT is the same path)', () => {
  let kernel: RunningKernel;
  const runDir = () => join(folder, 'interrupted');
  const marker = () => join(folder, 'closed-1');
  beforeAll(async () => {
    const spec = kernelSpec();
    kernel = await launchKernel(spec.argv, { env: spec.env, cwd: folder });
  });
  afterAll(async () => {
    await kernel?.stop();
  });

  it('stops after the query in flight, writes results.parquet and a partial manifest, and the cell says how to resume', async () => {
    ok(await kernel.client.execute(setupCell(marker(), runDir())));
    // No signal option: the kernel lends profile() the cell's interrupt.
    const running = kernel.client.execute('const run = await profile({ ...common, ...progress });');
    await printed(kernel, 'three queries done');
    const interrupt = await kernel.client.request('control', 'interrupt_request', {}, false);
    expect(interrupt.reply.content).toEqual({ status: 'ok' });
    const e = await running;
    expect(e.reply.content).toMatchObject({ status: 'error', ename: 'KeyboardInterrupt' });
    const evalue = String(e.reply.content['evalue']);
    expect(evalue).toMatch(new RegExp(`profile\\(\\) stopped after (\\d+) of ${QUERIES} queries`));
    expect(evalue).toContain(runDir());
    expect(evalue).toContain('resume: true');
    expect(outputsOf(e, 'error')[0]).toMatchObject({ ename: 'KeyboardInterrupt', evalue });

    // The cell ended only after the run had written its files.
    const manifest = readManifest(runDir());
    expect(manifest.complete).toBe(false);
    const completed = manifest.counts.completed;
    expect(completed).toBeGreaterThanOrEqual(3);
    expect(completed).toBeLessThan(QUERIES);
    expect(evalue).toContain(`stopped after ${completed} of ${QUERIES}`);
    expect(existsSync(join(runDir(), 'results.parquet'))).toBe(true);
    expect((await readResults(runDir())).map((r) => r.queryId)).toHaveLength(completed);
  }, 180_000);

  it('keeps the kernel, its variables and the session: the next cell runs, and resume: true completes the run', async () => {
    const next = await kernel.client.execute('[1 + 1, typeof session.close]');
    ok(next);
    expect(result(next)).toBe("[ 2, 'function' ]");
    const resumed = await kernel.client.execute('const again = await profile({ ...common, resume: true });\n[again.complete, again.results.length]');
    ok(resumed);
    expect(result(resumed)).toBe(`[ true, ${QUERIES} ]`);
    const manifest = readManifest(runDir());
    expect(manifest.complete).toBe(true);
    expect(manifest.counts).toEqual({ queries: QUERIES, completed: QUERIES });
    const ids = (await readResults(runDir())).map((r) => r.queryId);
    expect(new Set(ids).size).toBe(QUERIES);
  }, 180_000);

  it('closes the session the cells opened when it gets shutdown_request, then exits', async () => {
    expect(existsSync(marker())).toBe(false);
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => kernel.child.once('exit', (code, signal) => resolve({ code, signal })));
    const { reply } = await kernel.client.request('control', 'shutdown_request', { restart: false }, false);
    expect(reply.content).toEqual({ status: 'ok', restart: false });
    expect(await exited, kernel.stderr()).toEqual({ code: 0, signal: null });
    expect(readFileSync(marker(), 'utf8')).toBe(`closed ${modelPath}`);
    expect(kernel.stderr()).toContain(`shutdown: closed the model session of ${modelPath}`);
  }, 60_000);
});

describe('SIGTERM to the kernel while profile() runs', () => {
  it('stops the run as an interrupt does (files written, resumable), closes the session and exits 0', async () => {
    const spec = kernelSpec();
    const kernel = await launchKernel(spec.argv, { env: spec.env, cwd: folder });
    const runDir = join(folder, 'terminated');
    const marker = join(folder, 'closed-2');
    try {
      ok(await kernel.client.execute(setupCell(marker, runDir)));
      void kernel.client.execute('await profile({ ...common, ...progress })');
      await printed(kernel, 'three queries done');
      const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => kernel.child.once('exit', (code, signal) => resolve({ code, signal })));
      kernel.child.kill('SIGTERM');
      expect(await exited, kernel.stderr()).toEqual({ code: 0, signal: null });
      const manifest = readManifest(runDir);
      expect(manifest.complete).toBe(false);
      expect(manifest.counts.completed).toBeGreaterThanOrEqual(3);
      expect(manifest.counts.completed).toBeLessThan(QUERIES);
      expect(await readResults(runDir)).toHaveLength(manifest.counts.completed);
      expect(readFileSync(marker, 'utf8')).toBe(`closed ${modelPath}`);
      expect(kernel.stderr()).toContain('SIGTERM: stopped 1 profile run');
    } finally {
      await kernel.stop();
    }
  }, 180_000);
});
