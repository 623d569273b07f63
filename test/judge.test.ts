import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeKnowledgeModel } from '../lib/fixtures/index.ts';
import { JudgeCache, gradeResponse } from '../lib/grade/index.ts';
import { judgeQuestion, renderJudgePrompt } from '../lib/grade/judge.ts';
import { judgeFromRunner } from '../lib/profile/index.ts';
import type { Query } from '../lib/queries/index.ts';
import { DEFAULT_SYSTEM_PROMPT, type ModelRunner } from '../lib/run/index.ts';
import { openLlamaRunner } from '../lib/run/llama.ts';
import { tempDir } from './helpers/fixture.ts';

const cases: Array<{ query: Query; response: string; verdict: 'CORRECT' | 'INCORRECT' }> = [
  { query: { id: 'j1', prompt: 'Which planet is the largest in the solar system?', domain: 'astronomy', answer: 'Jupiter', grader: 'judge' }, response: 'It is Jupiter, the gas giant.', verdict: 'CORRECT' },
  { query: { id: 'j2', prompt: 'Who wrote the play Hamlet?', domain: 'literature', answer: 'William Shakespeare', grader: 'judge' }, response: 'Christopher Marlowe wrote it.', verdict: 'INCORRECT' },
  { query: { id: 'j3', prompt: 'What gas do plants absorb for photosynthesis?', domain: 'biology', answer: 'carbon dioxide', grader: 'judge' }, response: 'They take in CO2 (carbon dioxide).', verdict: 'CORRECT' },
];

let runner: ModelRunner;
let calls = 0;
beforeAll(async () => {
  // A real GGUF judge whose verdict for each (question, reference, response) prompt is known in advance.
  const modelPath = join(tempDir(), 'judge.gguf');
  const facts = cases.map((c) => ({
    prompt: renderJudgePrompt({ question: judgeQuestion(c.query), reference: c.query.answer, response: c.response }),
    output: c.verdict,
  }));
  await writeKnowledgeModel(modelPath, facts, { avoidTexts: [DEFAULT_SYSTEM_PROMPT] });
  runner = await openLlamaRunner(modelPath, { threads: 1, gpu: false });
});
afterAll(async () => {
  await runner?.close();
});

describe('LLM judge through a local model', () => {
  it('grades with the verdicts the judge model gives, and caches them on disk', async () => {
    const judge = judgeFromRunner(runner);
    const counting = { name: judge.name, complete: (prompt: string) => (calls++, judge.complete(prompt)) };
    const cachePath = join(tempDir(), 'judge-cache.jsonl');
    const cache = await JudgeCache.open(cachePath);
    for (const c of cases) {
      const grade = await gradeResponse(c.query, c.response, { judge: counting, judgeCache: cache });
      expect(grade.grader).toBe('judge');
      expect(grade.verdict.trim()).toBe(c.verdict);
      expect(grade.correct).toBe(c.verdict === 'CORRECT');
    }
    expect(calls).toBe(cases.length);

    const reopened = await JudgeCache.open(cachePath);
    for (const c of cases) {
      const grade = await gradeResponse(c.query, c.response, { judge: counting, judgeCache: reopened });
      expect(grade.correct).toBe(c.verdict === 'CORRECT');
    }
    expect(calls).toBe(cases.length);
    expect(readFileSync(cachePath, 'utf8').trim().split('\n')).toHaveLength(cases.length);
  });
});
