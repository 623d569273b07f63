/**
 * How a pause before a prompt slows its prefill: the direct engine's prefill after pauses of 0, 1, 3 and 10 ms,
 * against back-to-back prefills and llama-bench's pp (which runs its repetitions back to back) in the same run, and
 * the pause `ipw profile` itself leaves between queries (energy window edges, CPU accounting, grading, the journal).
 *
 *   npm run bench:prefill-gap [-- --model small-f16|medium-f16|medium-q8_0 --threads 2 --rounds 10]
 *
 * Each prompt is followed by one decoded token, as a query's prefill follows the previous query's decodes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { profile } from '../lib/profile/index.ts';
import { openLlamaRunner } from '../lib/run/index.ts';
import { ensureLlamaTools } from '../lib/run/llama-tools.ts';
import { benchModelPath, benchPrompt, medianWithInterval, STUB_JUDGE } from './fixtures.ts';
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

const pausedFor = new Int32Array(new SharedArrayBuffer(4));
const PER_PAUSE = 5;
const runner = await openLlamaRunner(modelPath, { threads, gpu: false, template: 'raw', engine: 'direct', library: 'native' });
// Per round: llama-bench's figure, and for each pause the median of PER_PAUSE prefills, so ratios pair within a
// round and this VM's minute-to-minute drift stays out of them.
const measured: Array<{ llamaBench: number; byPause: Map<number, { tokPerS: number; gapMs: number }> }> = [];
let promptTokens = 0;
let previousEndMs = Number.NaN;
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
    // Round 0 warms up.
    if (round > 0) measured.push({ llamaBench: llamaBenchPrefill(promptTokens), byPause });
  }
} finally {
  await runner.close();
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
