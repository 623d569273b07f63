// A query that cannot run (here: a prompt longer than the context) comes back from the runner as a generation with
// stop reason 'error' that names the query, its token count and the option; the run records it as a row and goes on.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PreparedFixture } from '../lib/profile/index.ts';
import type { Query } from '../lib/queries/index.ts';
import { openLlamaRunner } from '../lib/run/llama.ts';
import { IPW_BIN, PROJECT_ROOT, sampleFixture, tempDir } from './helpers/fixture.ts';

let fixture: PreparedFixture;
beforeAll(async () => {
  fixture = await sampleFixture();
});

const CONTEXT = 256;
const LONG_PROMPT = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');

describe('a prompt longer than the context', () => {
  for (const engine of ['direct', 'node-llama-cpp'] as const) {
    it(`is an error generation on the ${engine} engine, and the next query still runs`, async () => {
      const runner = await openLlamaRunner(fixture.modelPath, { engine, gpu: false, threads: 1, contextSize: CONTEXT });
      try {
        expect(runner.description.details.contextSize).toBe(CONTEXT);
        const failed = await runner.generate({ prompt: LONG_PROMPT, maxTokens: 4, queryId: 'q-long' });
        expect(failed.stopReason).toBe('error');
        expect(failed.response).toBe('');
        expect(failed.promptTokens).toBeGreaterThan(CONTEXT);
        expect(failed.error).toBe(
          `query q-long: the prompt has ${failed.promptTokens} tokens and does not fit the context of ${CONTEXT} (contextSize). ` +
            `Raise contextSize above ${failed.promptTokens}, with room for the reply, or shorten the prompt.`,
        );
        const next = await runner.generate({ prompt: fixture.queries[0]!.prompt, maxTokens: 4, queryId: 'q-next' });
        expect(next.stopReason).not.toBe('error');
        expect(next.completionTokens).toBeGreaterThan(0);
      } finally {
        await runner.close();
      }
    });
  }

  it('becomes an error row through the CLI; the run completes and names --context', () => {
    const queries: Query[] = [fixture.queries[0]!, { id: 'q-long', prompt: LONG_PROMPT, domain: 'general', answer: 'x', grader: 'exact' }, fixture.queries[1]!];
    const dir = tempDir();
    const file = join(dir, 'queries.jsonl');
    writeFileSync(file, queries.map((q) => JSON.stringify(q)).join('\n') + '\n');
    const out = join(dir, 'run');
    const args = ['profile', '--model', fixture.modelPath, '--queries', file, '--out', out, '--context', String(CONTEXT), '--max-tokens', '8'];
    const run = spawnSync(process.execPath, [IPW_BIN, ...args, '--threads', '1', '--gpu', 'false', '--warmup', '0', '--baseline-s', '0', '--energy', 'estimated'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(run.stderr).toMatch(/ipw: query q-long: the prompt has \d+ tokens and does not fit the context of 256 \(--context\)\. Raise --context above \d+/);
    expect(run.status).toBe(0);
    const rows = readFileSync(join(out, 'journal.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.map((r) => r.queryId)).toEqual(queries.map((q) => q.id));
    expect(rows[1]).toMatchObject({ stopReason: 'error', gradeStatus: 'error', correct: false, response: '' });
    expect(rows[1]!.verdict).toMatch(/^query q-long: the prompt has \d+ tokens and does not fit the context of 256 \(contextSize\)/);
    expect(rows[0]!.gradeStatus).not.toBe('error');
    expect(rows[2]!.gradeStatus).not.toBe('error');
  });
});
