import type { JudgeModel } from '../grade/index.ts';
import { openRunner, type ModelRunner, type RunnerOptions } from '../run/index.ts';

/** Verdicts are one word; a little room covers "CORRECT." plus an end token. */
const JUDGE_MAX_TOKENS = 16;

/** Any model the runner can drive, local GGUF or OpenAI-compatible, used as an LLM judge. */
export function judgeFromRunner(runner: ModelRunner, maxTokens = JUDGE_MAX_TOKENS): JudgeModel {
  return {
    name: `${runner.description.kind}:${runner.description.name}`,
    async complete(prompt: string): Promise<string> {
      const generation = await runner.generate({ prompt, maxTokens });
      // A judge that could not answer must not read as an empty verdict.
      if (generation.stopReason === 'error') throw new Error(`the judge ${runner.description.name} failed: ${generation.error}`);
      return generation.response;
    },
  };
}

/** Opens `spec` (a GGUF path or openai:URL#model) as a judge; close the runner when done. */
export async function openJudge(spec: string, options: RunnerOptions = {}): Promise<{ judge: JudgeModel; runner: ModelRunner }> {
  const runner = await openRunner(spec, options);
  return { judge: judgeFromRunner(runner), runner };
}
