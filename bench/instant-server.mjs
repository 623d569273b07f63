// An OpenAI-compatible server that answers at once: every reply is `tokens` streamed chunks written back to back, the
// first naming the request's sequence number (" #17"). It keeps the wall-clock time (performance.timeOrigin + now, ms)
// of each reply's first and last chunk, served at GET /send-times, so a client's arrival times can be checked against
// them. For bench/load-generator.ts. Usage: node instant-server.mjs TOKENS; prints {"port":N}; binds 127.0.0.1.
import { createServer } from 'node:http';

const tokens = Number(process.argv[2] ?? 64);
const sendTimes = [];
const wallMs = () => performance.timeOrigin + performance.now();
const chunk = (content) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
const tail = [
  `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'length' }] })}\n\n`,
  `data: ${JSON.stringify({ choices: [], usage: { prompt_tokens: 10, completion_tokens: tokens } })}\n\n`,
  'data: [DONE]\n\n',
].join('');
const body = Array.from({ length: tokens - 1 }, (_, k) => chunk(` t${k + 1}`));

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/v1/models') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: [{ id: 'instant', object: 'model' }] }));
    return;
  }
  if (req.method === 'GET' && req.url === '/send-times') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(sendTimes));
    return;
  }
  if (req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  req.resume();
  req.on('end', () => {
    const seq = sendTimes.length;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(chunk(` #${seq}`));
    const firstMs = wallMs();
    for (const piece of body) res.write(piece);
    sendTimes.push([firstMs, wallMs()]);
    res.end(tail);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
// Bounded lifetime: the bench kills it; it also leaves after ten minutes or when its parent goes.
setTimeout(() => process.exit(0), 600_000).unref();
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
