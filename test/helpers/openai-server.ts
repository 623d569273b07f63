import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A minimal OpenAI-compatible chat server (the subset llama-server, Ollama and vLLM share: GET /v1/models,
 * POST /v1/chat/completions with SSE streaming and include_usage) backed by a real GGUF in node-llama-cpp.
 */
export async function startOpenAIServer(modelPath: string, servedName: string): Promise<{ url: string; close(): Promise<void> }> {
  const { getLlama, LlamaChatSession } = await import('node-llama-cpp');
  const llama = await getLlama({ gpu: false, maxThreads: 1, build: 'never' });
  const model = await llama.loadModel({ modelPath });
  const context = await model.createContext({ threads: 1, contextSize: 2048 });
  const sequence = context.getSequence();
  let queue = Promise.resolve();

  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/v1/models') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [{ id: servedName, object: 'model' }] }));
      return;
    }
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404).end();
      return;
    }
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      // One sequence, so requests take turns, as in a single-slot llama-server.
      queue = queue.then(async () => {
        const body = JSON.parse(raw) as { model: string; messages: Array<{ role: string; content: string }>; max_tokens: number };
        if (body.model !== servedName) {
          res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'model not found' } }));
          return;
        }
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const send = (payload: unknown) => res.write(`data: ${JSON.stringify(payload)}\n\n`);
        await sequence.clearHistory();
        const before = sequence.tokenMeter.getState();
        const system = body.messages.find((m) => m.role === 'system')?.content;
        const user = body.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
        const session = new LlamaChatSession({ contextSequence: sequence, systemPrompt: system, autoDisposeSequence: false });
        const result = await session.promptWithMeta(user, {
          maxTokens: body.max_tokens,
          temperature: 0,
          onTextChunk: (text) => send({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: text }, finish_reason: null }] }),
        });
        session.dispose({ disposeSequence: false });
        const usage = sequence.tokenMeter.diff(before);
        send({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: result.stopReason === 'maxTokens' ? 'length' : 'stop' }] });
        send({ object: 'chat.completion.chunk', choices: [], usage: { prompt_tokens: usage.usedInputTokens, completion_tokens: usage.usedOutputTokens } });
        res.end('data: [DONE]\n\n');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await context.dispose();
      await model.dispose();
    },
  };
}
