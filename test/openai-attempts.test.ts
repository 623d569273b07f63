// Every HTTP request made for a query is kept with its row: a retried request shows each attempt in the journal and in
// results.parquet, with secrets redacted. A real node http server on 127.0.0.1 answers 503, then 200.
import { randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { profile } from '../lib/profile/index.ts';
import type { Query } from '../lib/queries/index.ts';
import { RunJournal, finalizeRun, readResults, startRun, type QueryResult } from '../lib/store/index.ts';
import { readResultsParquet } from '../lib/store/parquet.ts';
import { noHardwareEnergy, tempDir } from './helpers/fixture.ts';
import { ROW_TRACE_AND_SPAN } from './helpers/result-row.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

/** Lists model "m"; answers the first chat request for each prompt 503 (its status text echoing the key), the next one with a reply. */
async function flakyServer(): Promise<{ url: string; calls: string[] }> {
  const calls: string[] = [];
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/v1/models') return res.end(JSON.stringify({ data: [{ id: 'm' }] }));
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const prompt = JSON.stringify((JSON.parse(raw) as { messages: unknown }).messages);
      const id = prompt.match(/Say (\w)/)![1]!;
      const seen = calls.filter((c) => c === id).length;
      calls.push(id);
      if (seen === 0) return res.writeHead(503, `Busy for ${req.headers.authorization}`).end('loading');
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: id }, finish_reason: null }] })}\n\n`);
      res.end(`data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { prompt_tokens: 5, completion_tokens: 1 } })}\n\ndata: [DONE]\n\n`);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}

describe('request attempts in the stored rows', () => {
  it('a query retried after a 503 lists both attempts in the journal and in results.parquet, with the key redacted', async () => {
    const server = await flakyServer();
    const key = `sk-attempts-${randomBytes(10).toString('hex')}`;
    process.env.IPW_ATTEMPTS_KEY = key;
    const queries: Query[] = ['a', 'b'].map((id) => ({ id: `q-${id}`, prompt: `Say ${id}`, domain: 'test', answer: id, grader: 'exact' }));
    const outDir = join(tempDir(), 'run');
    try {
      const result = await profile({
        model: `openai:${server.url}#m`,
        queries,
        outDir,
        apiKeyEnv: 'IPW_ATTEMPTS_KEY',
        retryDelayMs: 1,
        energyOptions: noHardwareEnergy(),
        energy: 'estimated',
        baselineS: 0,
        warmupQueries: 0,
        maxTokens: 4,
      });
      expect(result.complete).toBe(true);
    } finally {
      delete process.env.IPW_ATTEMPTS_KEY;
    }
    expect(server.calls).toEqual(['a', 'a', 'b', 'b']);

    const expectAttempts = (row: QueryResult, where: string): void => {
      expect(row.attempts, where).toHaveLength(2);
      const [failed, ok] = row.attempts!;
      expect(failed, where).toMatchObject({ status: 503, outcome: '503 Busy for Bearer [redacted]', retryAfterMs: 1 });
      expect(ok, where).toMatchObject({ status: 200, outcome: 'ok' });
      expect(ok!.retryAfterMs, where).toBeUndefined();
      expect(failed!.startMs, where).toBeLessThanOrEqual(failed!.endMs);
      expect(failed!.endMs, where).toBeLessThanOrEqual(ok!.startMs);
      // The row's window is the successful request's.
      expect(row.clockStartMs, where).toBe(ok!.startMs);
      expect(row).toMatchObject({ stopReason: 'eos', correct: true });
    };

    const journalText = readFileSync(join(outDir, 'journal.jsonl'), 'utf8');
    const journalRows = journalText.trim().split('\n').map((line) => JSON.parse(line) as QueryResult);
    expect(journalRows.map((r) => r.queryId)).toEqual(['q-a', 'q-b']);
    for (const row of journalRows) expectAttempts(row, `journal ${row.queryId}`);

    const parquetRows = await readResultsParquet(join(outDir, 'results.parquet'));
    expect(parquetRows.map((r) => r.queryId)).toEqual(['q-a', 'q-b']);
    for (const row of parquetRows) expectAttempts(row, `parquet ${row.queryId}`);
    expect(parquetRows.map((r) => r.attempts)).toEqual(journalRows.map((r) => r.attempts));

    for (const file of ['journal.jsonl', 'results.parquet', 'run.json', 'manifest.json']) {
      expect(readFileSync(join(outDir, file)).includes(key), file).toBe(false);
    }
  });

  it('rows written before the column existed read as attempts: null, from the journal and from Parquet', async () => {
    const runDir = join(tempDir(), 'old-run');
    startRun(runDir, { runId: 'old', model: { path: 'm.gguf' }, queriesSource: 'test', queryIds: ['q0', 'q1'], settings: {} });
    const row = (i: number): QueryResult => ({
      runId: 'old', queryId: `q${i}`, index: i, domain: 'd', model: 'm', accelerator: 'cpu', grader: 'exact', startedAt: '2025-01-01T00:00:00Z',
      response: 'x', stopReason: 'eos', promptTokens: 1, completionTokens: 1, ttftMs: 1, prefillMs: 1, decodeMs: 1, decodeTokensPerS: 1,
      interTokenMs: [], reference: 'x', pred: 'x', correct: true, gradeStatus: 'answered', gradeRule: 'exact', verdict: '', energyJ: 1,
      prefillEnergyJ: 0.5, decodeEnergyJ: 0.5, meanPowerW: 1, durationMs: 1, energySource: 'estimated', energyMethod: 'test', energyIsEstimate: true,
      netEnergyJ: NaN, prefillNetEnergyJ: NaN, decodeNetEnergyJ: NaN, idlePowerW: NaN, energyMeasure: 'model', energyFlags: '',
      ...ROW_TRACE_AND_SPAN,
    });
    // An older journal line: no attempts field at all.
    const { attempts: _dropped, ...old } = row(0);
    appendFileSync(join(runDir, 'journal.jsonl'), JSON.stringify({ ...old, netEnergyJ: 'NaN', prefillNetEnergyJ: 'NaN', decodeNetEnergyJ: 'NaN', idlePowerW: 'NaN' }) + '\n');
    const reopened = RunJournal.open(runDir);
    reopened.append(row(1));
    reopened.close();
    expect((await readResults(runDir)).map((r) => [r.queryId, r.attempts])).toEqual([['q0', null], ['q1', null]]);

    // An older results.parquet: the same rows without the column.
    const { parquetPath } = await finalizeRun(runDir);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const oldParquet = join(runDir, 'old-results.parquet');
    try {
      await connection.run('COPY (SELECT * EXCLUDE (attempts) FROM read_parquet($1)) TO $2 (FORMAT parquet)', [parquetPath, oldParquet]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    expect((await readResultsParquet(oldParquet)).map((r) => [r.queryId, r.attempts])).toEqual([['q0', null], ['q1', null]]);
  });
});
