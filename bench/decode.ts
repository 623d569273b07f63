/**
 * Decode speed of bare node-llama-cpp against `ipw profile` on the same generated bench model, same threads,
 * same prompts, interleaved rounds in one process. Prints tokens/s for each and their ratio (target >= 0.99).
 *
 *   npx tsx bench/decode.ts [--preset small|medium] [--type f16|q8_0] [--threads N] [--tokens N] [--rounds N]
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtempSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { getLlama, LlamaChatSession } from 'node-llama-cpp';
import { ensureFixtureModel } from '../lib/fixtures/index.ts';
import { median } from './stats.ts';
import { profile } from '../lib/profile/index.ts';
import { formatPrompt, type Query } from '../lib/queries/index.ts';
import { DEFAULT_SYSTEM_PROMPT } from '../lib/run/index.ts';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'medium' },
    type: { type: 'string', default: 'f16' },
    threads: { type: 'string', default: '1' },
    tokens: { type: 'string', default: '128' },
    rounds: { type: 'string', default: '3' },
  },
});
const threads = Number(values.threads);
const maxTokens = Number(values.tokens);
const rounds = Number(values.rounds);
const queries: Query[] = ['Describe the water cycle.', 'List some prime numbers.', 'Explain how a bicycle works.'].map(
  (prompt, i) => ({ id: `b${i}`, prompt, domain: 'bench', answer: 'x', grader: 'exact' }),
);
// Both sides send exactly the text ipw sends.
const prompts = queries.map(formatPrompt);

const model = await ensureFixtureModel(undefined, {
  kind: 'bench',
  preset: values.preset as 'small' | 'medium',
  type: values.type === 'q8_0' ? 'Q8_0' : 'F16',
});
console.log(`model: ${model.path} (${(model.fileBytes / 1e6).toFixed(1)} MB), threads ${threads}, ${maxTokens} tokens, ${rounds} rounds`);

/** Decode rate over the gaps between streamed tokens, as ipw defines it. */
function decodeRate(tokenTimesMs: number[]): number {
  return (tokenTimesMs.length - 1) / ((tokenTimesMs.at(-1)! - tokenTimesMs[0]!) / 1000);
}

async function bareRound(): Promise<number[]> {
  const llama = await getLlama({ gpu: false, maxThreads: threads, build: 'never' });
  const loaded = await llama.loadModel({ modelPath: model.path });
  const context = await loaded.createContext({ threads, contextSize: 4096 });
  const sequence = context.getSequence();
  const rates: number[] = [];
  for (const prompt of prompts) {
    await sequence.clearHistory();
    const session = new LlamaChatSession({ contextSequence: sequence, systemPrompt: DEFAULT_SYSTEM_PROMPT, autoDisposeSequence: false });
    const times: number[] = [];
    await session.prompt(prompt, { maxTokens, temperature: 0, onToken: (tokens) => tokens.forEach(() => times.push(performance.now())) });
    session.dispose({ disposeSequence: false });
    rates.push(decodeRate(times));
  }
  await context.dispose();
  await loaded.dispose();
  return rates;
}

async function ipwRound(): Promise<number[]> {
  const result = await profile({
    model: model.path,
    queries,
    outDir: join(mkdtempSync(join(tmpdir(), 'ipw-bench-')), 'run'),
    maxTokens,
    threads,
    gpu: false,
    warmupQueries: 0,
  });
  return result.results.map((r) => r.decodeTokensPerS);
}

await bareRound(); // warm-up: page cache, allocator, thread start-up
const bare: number[] = [];
const ipw: number[] = [];
for (let round = 0; round < rounds; round++) {
  bare.push(...(await bareRound()));
  ipw.push(...(await ipwRound()));
}
const bareMedian = median(bare);
const ipwMedian = median(ipw);
console.log(`bare node-llama-cpp decode: ${bareMedian.toFixed(1)} tok/s (median of ${bare.length})`);
console.log(`ipw profile decode:         ${ipwMedian.toFixed(1)} tok/s (median of ${ipw.length})`);
console.log(`ratio ipw/bare: ${(ipwMedian / bareMedian).toFixed(3)} (target >= 0.99)`);
