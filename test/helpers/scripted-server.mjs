// A scripted OpenAI-compatible server, run as its own process by tests of lib/load: no model, replies of `tokens`
// tokens streamed one chunk each. It can slow down under load (each token waits tokenMs + slowdownMs x the other
// requests in flight) and drop requests (every dropEvery-th request's connection is destroyed after its first chunk).
// It keeps llama-server's token counters at /metrics for what it served in full.
// Usage: node scripted-server.mjs '{"tokens":8,"tokenMs":1,"slowdownMs":0}'; prints {"port":N}.
import { createServer } from 'node:http';

const script = { tokens: 8, tokenMs: 1, slowdownMs: 0, promptTokens: 10, ...JSON.parse(process.argv[2] ?? '{}') };
let inFlight = 0;
let promptTotal = 0;
let predictedTotal = 0;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/v1/models') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: [{ id: 'scripted', object: 'model' }] }));
    return;
  }
  if (req.method === 'GET' && req.url === '/metrics') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`# TYPE llamacpp:prompt_tokens_total counter\nllamacpp:prompt_tokens_total ${promptTotal}\n# TYPE llamacpp:tokens_predicted_total counter\nllamacpp:tokens_predicted_total ${predictedTotal}\n`);
    return;
  }
  if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
    res.writeHead(404).end();
    return;
  }
  let raw = '';
  req.on('data', (chunk) => (raw += chunk));
  req.on('end', async () => {
    const body = JSON.parse(raw);
    const n = Math.min(script.tokens, body.max_tokens);
    const drop = JSON.stringify(body.messages?.at(-1)?.content ?? '').includes('[drop]');
    inFlight++;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (let k = 0; k < n; k++) {
      await sleep(script.tokenMs + script.slowdownMs * (inFlight - 1));
      res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: ` t${k}` }, finish_reason: null }] })}\n\n`);
      if (drop) {
        inFlight--;
        res.socket.destroy();
        return;
      }
    }
    inFlight--;
    promptTotal += script.promptTokens;
    predictedTotal += n;
    res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: n < body.max_tokens ? 'stop' : 'length' }] })}\n\n`);
    res.write(`data: ${JSON.stringify({ choices: [], usage: { prompt_tokens: script.promptTokens, completion_tokens: n } })}\n\n`);
    res.end('data: [DONE]\n\n');
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
// Bounded lifetime: the test kills it, and it leaves by itself after two minutes or when its parent goes.
setTimeout(() => process.exit(0), 120_000).unref();
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
