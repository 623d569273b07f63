import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profile, type PreparedFixture } from '../lib/profile/index.ts';
import { parseModelSpec } from '../lib/run/index.ts';
import { apiRoot, openOpenAIRunner } from '../lib/run/openai.ts';
import { sampleFixture, tempDir } from './helpers/fixture.ts';
import { startOpenAIServer } from './helpers/openai-server.ts';

let fixture: PreparedFixture;
let server: Awaited<ReturnType<typeof startOpenAIServer>>;
beforeAll(async () => {
  fixture = await sampleFixture();
  server = await startOpenAIServer(fixture.modelPath, 'fixture-knowledge');
});
afterAll(async () => {
  await server?.close();
});

describe('OpenAI-compatible endpoint', () => {
  it('parses model specs and API roots', () => {
    expect(parseModelSpec('openai:http://127.0.0.1:8080#qwen')).toEqual({ kind: 'openai', baseUrl: 'http://127.0.0.1:8080', model: 'qwen' });
    expect(parseModelSpec('models/x.gguf')).toEqual({ kind: 'gguf', path: 'models/x.gguf' });
    expect(() => parseModelSpec('openai:http://127.0.0.1:8080')).toThrow(/name the served model/);
    expect(apiRoot('http://h:1/v1/')).toBe('http://h:1/v1');
    expect(apiRoot('http://h:1')).toBe('http://h:1/v1');
  });

  it('refuses a model the server does not serve, naming the ones it does', async () => {
    await expect(openOpenAIRunner(server.url, 'other')).rejects.toThrow(/does not serve model "other".*fixture-knowledge/);
  });

  it('profiles through a streaming server with the same accuracy as in-process', async () => {
    const queries = fixture.queries.slice(0, 20);
    const result = await profile({
      model: `openai:${server.url}#fixture-knowledge`,
      queries,
      outDir: join(tempDir(), 'run'),
      maxTokens: 16,
    });
    expect(result.complete).toBe(true);
    for (const row of result.results) {
      const expected = fixture.plan!.expected[row.queryId]!;
      expect(row.response.trim()).toBe(expected.output);
      expect(row.correct).toBe(expected.correct);
      expect(row.accelerator).toBe('remote');
      expect(row.promptTokens).toBeGreaterThan(10);
      expect(row.ttftMs).toBeGreaterThan(0);
    }
  });
});
