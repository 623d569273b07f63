// What the llama.cpp benchmarks share: the generated bench models, a local judge, a prompt, how ratios print, and
// llama.cpp's own prefill in a query loop's situations.
import { execFileSync } from 'node:child_process';
import type { JudgeModel } from '../lib/grade/index.ts';
import { ensureFixtureModel } from '../lib/fixtures/index.ts';
import { median, medianInterval } from './stats.ts';

export const BENCH_MODELS: Record<string, { preset: 'small' | 'medium'; type: 'F16' | 'Q8_0' }> = {
  'small-f16': { preset: 'small', type: 'F16' },
  'medium-f16': { preset: 'medium', type: 'F16' },
  'medium-q8_0': { preset: 'medium', type: 'Q8_0' },
};

/** The generated GGUF for a BENCH_MODELS name (written on first use). */
export async function benchModelPath(name: string): Promise<string> {
  const model = BENCH_MODELS[name];
  if (model === undefined) throw new Error(`unknown bench model ${name}; use one of ${Object.keys(BENCH_MODELS).join(', ')}`);
  return (await ensureFixtureModel(undefined, { kind: 'bench', ...model })).path;
}

/** Random-weight output is graded wrong anyway; a local stub keeps grading from loading a second model. */
export const STUB_JUDGE: JudgeModel = { name: 'bench-stub', complete: async () => 'INCORRECT' };

/** `words` two-letter words; 63 of them make a 64-token prompt with BOS for the bench models' tokenizer. */
export function benchPrompt(words = 63): string {
  return Array.from({ length: words }, (_, i) => ['ab', 'cd', 'ef', 'gh'][i % 4]).join(' ');
}

/** "median [low, high]" of ratios, the interval being medianInterval's. */
export function medianWithInterval(ratios: number[]): string {
  const { low, high } = medianInterval(ratios);
  return `${median(ratios).toFixed(2)} [${low.toFixed(2)}, ${high.toFixed(2)}]`;
}

/** llama.cpp alone (bench/llama-alone.ts, in a child process): prefill tok/s by situation. */
export function llamaAlonePrefill(modelPath: string, threads: number, perSituation = 7): Record<string, number> {
  const script = new URL('./llama-alone.ts', import.meta.url).pathname;
  const args = ['--import', 'tsx', script, '--model', modelPath, '--threads', String(threads), '--per-situation', String(perSituation)];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as Record<string, number>;
}
