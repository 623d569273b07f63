// The OpenAI-compatible client against llama.cpp's own llama-server, built from the llama.cpp node-llama-cpp binds.
// The first run on a machine builds the tools (6-9 min on 2 cores); later runs find them cached.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profile, type PreparedFixture } from '../lib/profile/index.ts';
import { readManifest } from '../lib/store/index.ts';
import { startLlamaServer, type LlamaServerHandle } from '../lib/run/llama-server.ts';
import { sampleFixture, tempDir } from './helpers/fixture.ts';

let fixture: PreparedFixture;
let server: LlamaServerHandle;
beforeAll(async () => {
  fixture = await sampleFixture();
  server = await startLlamaServer({ modelPath: fixture.modelPath, alias: 'fixture-knowledge', threads: 1, contextSize: 4096 });
}, 20 * 60_000);
afterAll(async () => {
  await server?.close();
});

describe('llama-server through the OpenAI-compatible client', () => {
  it('profiles streaming chat with the answers the model was built to give, and records server timings', async () => {
    const queries = fixture.queries.slice(0, 8);
    const outDir = join(tempDir(), 'run');
    const result = await profile({ model: `openai:${server.url}#fixture-knowledge`, queries, outDir, maxTokens: 16, baselineS: 0 });
    expect(result.complete).toBe(true);
    for (const row of result.results) {
      const expected = fixture.plan!.expected[row.queryId]!;
      expect(row.response.trim()).toBe(expected.output);
      expect(row.correct).toBe(expected.correct);
      expect(row.promptTokens).toBeGreaterThan(10);
      expect(row.completionTokens).toBeGreaterThan(0);
      expect(row.ttftMs).toBeGreaterThan(0);
    }
    const manifest = readManifest(outDir);
    const timings = manifest.model.serverTimings as Array<{ queryId: string; promptTokens: number; promptMs: number; predictedMs: number }>;
    expect(timings.map((t) => t.queryId)).toEqual(result.results.map((r) => r.queryId));
    for (const [i, t] of timings.entries()) {
      // The server saw the same prompt the client counted, and its own spans fit inside the client's.
      expect(t.promptTokens).toBe(result.results[i]!.promptTokens);
      expect(t.promptMs).toBeGreaterThan(0);
      expect(t.promptMs + t.predictedMs).toBeLessThanOrEqual(result.results[i]!.durationMs + 1);
    }
    expect(manifest.model.details).toMatchObject({ endpoint: 'chat/completions' });
  });

  it('profiles the raw completions endpoint with template raw', async () => {
    const queries = fixture.queries.slice(0, 3);
    const outDir = join(tempDir(), 'run');
    const result = await profile({ model: `openai:${server.url}#fixture-knowledge`, queries, outDir, maxTokens: 8, template: 'raw', baselineS: 0 });
    expect(result.complete).toBe(true);
    const manifest = readManifest(outDir);
    expect(manifest.model.details).toMatchObject({ endpoint: 'completions', systemPrompt: null });
    expect(manifest.model.chatTemplate).toBe('raw');
    const timings = manifest.model.serverTimings as Array<{ promptTokens: number; predictedTokens: number }>;
    for (const [i, row] of result.results.entries()) {
      // No chat template: the server's prompt is the query text alone, shorter than the chat form.
      expect(row.promptTokens).toBe(timings[i]!.promptTokens);
      expect(row.completionTokens).toBe(timings[i]!.predictedTokens);
      expect(row.completionTokens).toBeGreaterThan(0);
    }
    expect(manifest.cpu).toMatchObject({ generatedTokens: result.results.reduce((s, r) => s + r.completionTokens, 0) });
  });
});
