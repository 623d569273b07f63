// The executor's interrupt with library runs in flight, driven directly (no kernel process): an interrupted cell ends
// only once the runs it started (lib/profile's RunHost.track) have stopped, with their notes in its KeyboardInterrupt;
// a second interrupt ends it at once. Each step waits on promises the test settles itself, so nothing depends on timing.
import { describe, expect, it } from 'vitest';
import { Executor, type Outcome } from '../kernel/executor.ts';

type Hooks = { track(ended: Promise<string | undefined>): void; finish?: (note: string | undefined) => void; started?: () => void };
const g = globalThis as unknown as { executorTest: Hooks };

/** Runs a cell that starts one tracked run (settled by `hooks.finish`) and then awaits forever. */
function cellWithRun(executor: Executor, count: number): { outcome: Promise<Outcome>; started: Promise<void> } {
  let started!: () => void;
  const ready = new Promise<void>((resolve) => (started = resolve));
  g.executorTest = { track: (ended) => executor.track(ended), started };
  const code = [
    'executorTest.track(new Promise((resolve) => { executorTest.finish = resolve; }));',
    'executorTest.started();',
    'await new Promise(() => {});',
  ].join('\n');
  return { outcome: executor.run(code, count), started: ready };
}

/** Settles after every pending microtask and timer callback queued so far. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('Executor.interrupt with a profile() run in flight', () => {
  it('waits for the run to stop, then ends the cell with KeyboardInterrupt carrying the run\'s note', async () => {
    const executor = new Executor();
    const { outcome, started } = cellWithRun(executor, 1);
    await started;
    let settled = false;
    void outcome.then(() => (settled = true));
    executor.interrupt();
    expect(executor.signal.aborted).toBe(true);
    await turn();
    await turn();
    // The run has not written its files yet: the cell is still running.
    expect(settled).toBe(false);
    g.executorTest.finish!('profile() stopped after 3 of 60 queries; continue it with profile({ ...the same options, resume: true }).');
    expect(await outcome).toEqual({
      status: 'error',
      ename: 'KeyboardInterrupt',
      evalue: 'execution interrupted: profile() stopped after 3 of 60 queries; continue it with profile({ ...the same options, resume: true }).',
      traceback: ['KeyboardInterrupt: execution interrupted: profile() stopped after 3 of 60 queries; continue it with profile({ ...the same options, resume: true }).'],
    });
  });

  it('a second interrupt ends the cell without waiting, and says the run goes on writing in the background', async () => {
    const executor = new Executor();
    const { outcome, started } = cellWithRun(executor, 2);
    await started;
    executor.interrupt();
    await turn();
    executor.interrupt();
    const result = await outcome;
    expect(result).toMatchObject({ status: 'error', ename: 'KeyboardInterrupt' });
    expect((result as { evalue: string }).evalue).toBe('execution interrupted: interrupted again before a run had stopped; each writes its files in the background.');
    g.executorTest.finish!(undefined);
  });

  it('a cell with no run in flight ends at once, as before', async () => {
    const executor = new Executor();
    const outcome = executor.run('await new Promise(() => {})', 3);
    await turn();
    executor.interrupt();
    expect(await outcome).toMatchObject({ status: 'error', ename: 'KeyboardInterrupt', evalue: 'execution interrupted' });
  });

  it('stopRuns aborts every cell with runs in flight and waits for them', async () => {
    const executor = new Executor();
    const { outcome, started } = cellWithRun(executor, 4);
    await started;
    const stopped = executor.stopRuns(60_000);
    let done = false;
    void stopped.then(() => (done = true));
    await turn();
    expect(done).toBe(false);
    g.executorTest.finish!('stopped note');
    expect(await stopped).toBe(1);
    expect(await outcome).toMatchObject({ ename: 'KeyboardInterrupt', evalue: 'execution interrupted: stopped note' });
  });
});
