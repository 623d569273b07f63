/**
 * Minimal reproduction for an upstream node-llama-cpp report: 2-thread decode on a 2-core machine collapses
 * because every llama_decode creates and joins its ggml worker threads (no persistent threadpool is attached),
 * and new threads often land on their parent's core. Compare:
 *
 *   npx tsx bench/repro-thread-collapse.ts            # libuv's default pool (4 threads)
 *   UV_THREADPOOL_SIZE=1 npx tsx bench/repro-thread-collapse.ts
 *
 * Prints decode tok/s at 1 and 2 threads on a generated ~100 MB Q8_0 model (no download).
 */
import { getLlama } from 'node-llama-cpp';
import { ensureFixtureModel } from '../lib/fixtures/index.ts';

const model = await ensureFixtureModel(undefined, { kind: 'bench', preset: 'medium', type: 'Q8_0' });
const llama = await getLlama({ gpu: false, maxThreads: 2, build: 'never' });
const loaded = await llama.loadModel({ modelPath: model.path });
const prompt = loaded.tokenize('The quick brown fox jumps over the lazy dog.');
for (const threads of [1, 2, 1, 2]) {
  const context = await loaded.createContext({ threads, contextSize: 512 });
  const times: number[] = [];
  for await (const _token of context.getSequence().evaluate(prompt, { temperature: 0 })) {
    times.push(performance.now());
    if (times.length > 128) break;
  }
  await context.dispose();
  const rate = (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
  console.log(`threads ${threads}: ${rate.toFixed(1)} tok/s (UV_THREADPOOL_SIZE=${process.env.UV_THREADPOOL_SIZE ?? 'unset'})`);
}
await loaded.dispose();
