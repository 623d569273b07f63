/**
 * A profiled model's decode and prefill with an LLM judge running on a second direct engine in the same process,
 * against the same run with a stub judge; interleaved rounds, ratios paired per round. Before the engines handed their
 * OpenMP threads back (lib/run/direct/engine.ts), the 20M model decoded at half speed beside a GGUF judge.
 *
 *   npx tsx bench/judge-beside.ts [-- --rounds 4 --threads 2]
 */
import { mkdtempSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { JudgeModel } from '../lib/grade/index.ts';
import { ensureFixtureModel } from '../lib/fixtures/index.ts';
import { openJudge, profile } from '../lib/profile/index.ts';
import { benchModelPath, benchPrompt, medianWithInterval, STUB_JUDGE } from './fixtures.ts';
import { median } from './stats.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '4' }, threads: { type: 'string', default: String(availableParallelism()) } } });
const rounds = Number(values.rounds);
const threads = Number(values.threads);
const model = await benchModelPath('small-f16');
const judgeModel = (await ensureFixtureModel(undefined, { kind: 'bench', preset: 'small', type: 'Q8_0' })).path;
const prompt = benchPrompt();
// Grader "judge": every reply goes to the judge, which generates between the model's queries as in a real run.
const queries = Array.from({ length: 12 }, (_, i) => ({ id: `q${i}`, prompt, domain: 'bench', answer: 'x', grader: 'judge' as const }));

async function run(judge: JudgeModel) {
  const outDir = join(mkdtempSync(join(tmpdir(), 'ipw-judge-beside-')), 'run');
  const result = await profile({ model, queries, outDir, maxTokens: 128, threads, gpu: false, template: 'raw', engine: 'direct', library: 'native', judge });
  return {
    decode: median(result.results.map((r) => r.decodeTokensPerS)),
    prefill: median(result.results.map((r) => r.promptTokens / (r.ttftMs / 1000))),
  };
}

const ratios = { decode: [] as number[], prefill: [] as number[] };
const alone: Array<{ decode: number; prefill: number }> = [];
const beside: typeof alone = [];
for (let round = 0; round < rounds; round++) {
  const stub = await run(STUB_JUDGE);
  const gguf = await openJudge(judgeModel, { threads, gpu: false });
  const judged = await run(gguf.judge).finally(() => gguf.runner.close());
  alone.push(stub);
  beside.push(judged);
  ratios.decode.push(judged.decode / stub.decode);
  ratios.prefill.push(judged.prefill / stub.prefill);
}

const fmt = (x: number, d = 2) => x.toFixed(d);
console.log(`small F16 model, ${threads} threads, small Q8_0 judge (direct engine, native library); ${rounds} rounds; host ${cpus()[0]?.model}`);
console.log('| | decode tok/s | prefill tok/s |');
console.log('|---|---|---|');
console.log(`| stub judge | ${fmt(median(alone.map((r) => r.decode)), 0)} | ${fmt(median(alone.map((r) => r.prefill)), 0)} |`);
console.log(`| GGUF judge on a second engine | ${fmt(median(beside.map((r) => r.decode)), 0)} | ${fmt(median(beside.map((r) => r.prefill)), 0)} |`);
console.log(`| ratio, paired per round [interval of the median] | ${medianWithInterval(ratios.decode)} | ${medianWithInterval(ratios.prefill)} |`);
