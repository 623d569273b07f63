// What the CLI says while a run starts and goes: a line per phase, and a status line whose ETA counts only the query
// phase, with live watts and the error count.
import { describe, expect, it } from 'vitest';
import { phaseReporter, progressLine } from '../lib/cli/progress.ts';
import type { ProfileProgress } from '../lib/profile/index.ts';
import type { QueryResult } from '../lib/store/index.ts';

const last = { meanPowerW: 12.5, energyIsEstimate: true, gradeStatus: 'answered' } as unknown as QueryResult;
const base: ProfileProgress = { done: 10, total: 40, doneNow: 10, elapsedMs: 20_000, correct: 5, energyJ: 30, errors: 0, last };

describe('progress', () => {
  it('estimates time from the query phase only, and shows live W, J/query and errors', () => {
    const line = progressLine(base);
    // 10 queries in 20 s of query phase: 30 more take 60 s.
    expect(line).toContain('10/40  ETA 1:00');
    expect(line).toContain('acc 50.0%');
    expect(line).toContain('3.000 J/query  12.5 W (estimated)');
    expect(line).not.toContain('error');
    expect(progressLine({ ...base, errors: 2 })).toMatch(/2 errors$/);
  });

  it('says "energy not measured" instead of a number when joules are NaN', () => {
    expect(progressLine({ ...base, energyJ: NaN })).toContain('energy not measured');
  });

  it('names each phase before the first query', () => {
    let text = '';
    const stream = { write: (s: string) => (text += s) } as unknown as NodeJS.WriteStream;
    const report = phaseReporter(stream);
    for (const phase of ['loading', 'baseline', 'warm-up', 'queries'] as const) report(phase);
    expect(text.trim().split('\n')).toEqual([
      'ipw: loading the model',
      'ipw: measuring idle power with the model loaded',
      'ipw: warming up (these generations are not recorded)',
      'ipw: running the queries',
    ]);
  });
});
