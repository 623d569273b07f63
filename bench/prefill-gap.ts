/**
 * Where a query loop's prefill loses against llama-bench's pp, which times its repetitions back to back. Per round,
 * paired with a llama-bench run in the same round:
 *  - llama.cpp alone (bench/llama-alone.ts, a child process, no harness): a prefill back to back, after a 128-token
 *    generation, and after that plus 2 ms of other work or of sleep, as a loop's next prompt meets it;
 *  - llama.cpp's own llama-server serving 128-token queries one after another (its timings.prompt_per_second);
 *  - the direct engine's prefill after pauses of 0, 1, 3 and 10 ms, each prompt followed by one decoded token.
 * Then the gap `ipw profile` itself leaves between queries (energy window edges, CPU accounting, grading, the journal).
 *
 *   npm run bench:prefill-gap [-- --model small-f16|medium-f16|medium-q8_0 --threads 2 --rounds 10]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { profile } from '../lib/profile/index.ts';
import { openLlamaRunner } from '../lib/run/llama.ts';
import { startLlamaServer } from '../lib/run/llama-server.ts';
import { ensureLlamaTools } from '../lib/run/llama-tools.ts';
import { benchModelPath, benchPrompt, llamaAlonePrefill, medianWithInterval, STUB_JUDGE } from './fixtures.ts';
import { median, medianInterval } from './stats.ts';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'small-f16' },
    threads: { type: 'string', default: String(availableParallelism()) },
    rounds: { type: 'string', default: '10' },
  },
});
const threads = Number(values.threads);
const rounds = Number(values.rounds);
const PAUSES_MS = [0, 1, 3, 10];
const PROMPT = benchPrompt();

const tools = await ensureLlamaTools();
const modelPath = await benchModelPath(values.model);

/** llama-bench's pp tok/s: the mean over its back-to-back repetitions (after its own warm-up run). */
function llamaBenchPrefill(promptTokens: number): number {
  const args = ['-m', modelPath, '-t', String(threads), '-p', String(promptTokens), '-n', '0', '-r', '5', '-o', 'json'];
  return (JSON.parse(execFileSync(tools.llamaBench, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Array<{ avg_ts: number }>)[0]!.avg_ts;
}

const SERVER_QUERIES = 6;
/** llama-server's prompt tok/s over a loop of 128-token queries, as its own timings report it (median; first dropped). */
async function serverPrefill(url: string, promptTokens: number): Promise<number> {
  const rates: number[] = [];
  for (let i = 0; i <= SERVER_QUERIES; i++) {
    const body = { prompt: PROMPT, n_predict: 128, ignore_eos: true, cache_prompt: false, top_k: 1 };
    const response = await fetch(`${url}/completion`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { timings } = (await response.json()) as { timings: { prompt_n: number; prompt_per_second: number } };
    if (timings.prompt_n !== promptTokens) throw new Error(`llama-server evaluated ${timings.prompt_n} prompt tokens, the runner ${promptTokens}`);
    if (i > 0) rates.push(timings.prompt_per_second);
  }
  return median(rates);
}

const pausedFor = new Int32Array(new SharedArrayBuffer(4));
const PER_PAUSE = 5;
const runner = await openLlamaRunner(modelPath, { threads, gpu: false, template: 'raw', engine: 'direct', library: 'native' });
// Per round: llama-bench's figure, and for each pause the median of PER_PAUSE prefills, so ratios pair within a
// round and this VM's minute-to-minute drift stays out of them.
const measured: Array<{ llamaBench: number; alone: Record<string, number>; server: number; byPause: Map<number, { tokPerS: number; gapMs: number }> }> = [];
let promptTokens = 0;
let previousEndMs = Number.NaN;
const server = await startLlamaServer({ modelPath, alias: 'bench', threads });
try {
  for (let round = 0; round <= rounds; round++) {
    const byPause = new Map<number, { tokPerS: number; gapMs: number }>();
    for (const pause of PAUSES_MS) {
      const tokPerS: number[] = [];
      const gapMs: number[] = [];
      for (let i = 0; i < PER_PAUSE; i++) {
        // Blocks the main thread for the pause, as the harness's synchronous work between queries does.
        if (pause > 0) Atomics.wait(pausedFor, 0, 0, pause);
        const g = await runner.generate({ prompt: PROMPT, maxTokens: 2 });
        promptTokens = g.promptTokens;
        tokPerS.push(g.promptTokens / ((g.tokenTimesMs[0]! - g.startMs) / 1000));
        gapMs.push(g.startMs - previousEndMs);
        previousEndMs = g.endMs;
      }
      byPause.set(pause, { tokPerS: median(tokPerS), gapMs: median(gapMs) });
    }
    const alone = llamaAlonePrefill(modelPath, threads);
    const served = await serverPrefill(server.url, promptTokens);
    // Round 0 warms up.
    if (round > 0) measured.push({ llamaBench: llamaBenchPrefill(promptTokens), alone, server: served, byPause });
  }
} finally {
  await runner.close();
  await server.close();
}

// The real pipeline between two llama-bench runs: the gap from one query's end to the next one's start, and prefill.
const queries = Array.from({ length: 20 }, (_, i) => ({ id: `g${i}`, prompt: PROMPT, domain: 'bench', answer: 'x', grader: 'judge' as const }));
const llamaBenchAround = [llamaBenchPrefill(promptTokens)];
const run = await profile({
  model: modelPath,
  queries,
  outDir: join(mkdtempSync(join(tmpdir(), 'ipw-gap-')), 'run'),
  maxTokens: 128,
  threads,
  gpu: false,
  template: 'raw',
  engine: 'direct',
  library: 'native',
  judge: STUB_JUDGE,
});
llamaBenchAround.push(llamaBenchPrefill(promptTokens));
const rows = [...run.results].sort((a, b) => a.clockStartMs - b.clockStartMs);
const profileGapsMs = rows.slice(1).map((r, i) => r.clockStartMs - rows[i]!.clockEndMs);
const profilePrefill = median(rows.map((r) => r.promptTokens / (r.ttftMs / 1000)));

const fmt = (x: number, d = 2) => x.toFixed(d);
const coverage = medianInterval(measured.map((_, i) => i)).coverage;
console.log(`${values.model}, ${threads} threads, ${promptTokens}-token prompt, ${rounds} rounds of ${PER_PAUSE} prefills per pause; host ${cpus()[0]?.model}`);
console.log(`llama-bench pp${promptTokens}, median over rounds: ${fmt(median(measured.map((r) => r.llamaBench)), 0)} tok/s`);
console.log(`ratios: median over rounds of the ratio within a round [distribution-free interval, coverage ${fmt(coverage * 100, 1)}%]`);
console.log('| llama.cpp without a harness | prefill tok/s | x back-to-back | x llama-bench |');
console.log('|---|---|---|---|');
const ratioCells = (tokPerS: (r: (typeof measured)[number]) => number) =>
  `${fmt(median(measured.map(tokPerS)), 0)} | ${medianWithInterval(measured.map((r) => tokPerS(r) / r.alone['back-to-back']!))} | ${medianWithInterval(measured.map((r) => tokPerS(r) / r.llamaBench))}`;
for (const situation of Object.keys(measured[0]!.alone)) console.log(`| alone, ${situation} | ${ratioCells((r) => r.alone[situation]!)} |`);
console.log(`| llama-server, 128-token queries in a loop | ${ratioCells((r) => r.server)} |`);
console.log('');
console.log('| pause before the prompt (ms) | gap from the previous end (ms) | prefill tok/s | x no pause | x llama-bench |');
console.log('|---|---|---|---|---|');
for (const pause of PAUSES_MS) {
  const at = (r: (typeof measured)[number]) => r.byPause.get(pause)!;
  console.log(
    `| ${pause} | ${fmt(median(measured.map((r) => at(r).gapMs)))} | ${fmt(median(measured.map((r) => at(r).tokPerS)), 0)} | ` +
      `${medianWithInterval(measured.map((r) => at(r).tokPerS / r.byPause.get(0)!.tokPerS))} | ${medianWithInterval(measured.map((r) => at(r).tokPerS / r.llamaBench))} |`,
  );
}
console.log(
  `ipw profile (20 queries of 128 tokens): gap between queries ${fmt(median(profileGapsMs))} ms (median; ${fmt(Math.min(...profileGapsMs))}-${fmt(Math.max(...profileGapsMs))}), ` +
    `prefill ${fmt(profilePrefill, 0)} tok/s, ${fmt(profilePrefill / median(llamaBenchAround))} x llama-bench run just before and after it`,
);
