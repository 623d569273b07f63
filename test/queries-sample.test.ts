import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPrompt, listDatasets, loadQueries, type Query } from '../lib/queries/index.ts';
import { SAMPLE_PATH } from '../lib/queries/bundled.ts';
import { distinctiveWords } from '../lib/queries/distinct.ts';
import { buildSampleSet, sampleJsonl } from '../data/sample-facts/sample-set.ts';

const queries: Query[] = await loadQueries('sample');

/** The constraint as stated for scripted test models, checked independently of distinctiveWords. */
function hasUniqueWord(index: number, prompts: readonly string[], answers: ReadonlySet<string>): boolean {
  const own = prompts[index] ?? '';
  for (const match of own.matchAll(/ ([\p{L}\p{N}]+)/gu)) {
    const word = match[1] ?? '';
    if (answers.has(word)) continue;
    const pattern = new RegExp(` ${word}(?![\\p{L}\\p{N}])`, 'u');
    if (prompts.every((other, j) => j === index || !pattern.test(other))) return true;
  }
  return false;
}

describe('bundled sample set', () => {
  it('is what data/make-sample.ts generates', () => {
    expect(readFileSync(SAMPLE_PATH, 'utf8')).toBe(sampleJsonl(buildSampleSet()));
  });

  it('has about 300 queries over at least 6 domains', async () => {
    expect(queries.length).toBeGreaterThanOrEqual(280);
    const [summary] = await listDatasets();
    expect(summary?.name).toBe('sample');
    expect(summary?.queries).toBe(queries.length);
    expect(summary?.domains).toEqual({ geography: 59, chemistry: 50, biology: 45, history: 54, language: 53, numbers: 32, arithmetic: 45 });
  });

  it('answers are single whitespace-free tokens of the right kind', () => {
    for (const q of queries) {
      expect(q.answer, q.id).toMatch(/^\S+$/);
      if (q.grader === 'mc') expect(q.answer, q.id).toMatch(/^[A-D]$/);
      if (q.grader === 'numeric') expect(q.answer, q.id).toMatch(/^-?\d+(\.\d+)?$/);
      if (q.grader === 'exact') expect(q.answer, q.id).toMatch(/^[A-Za-z]+$/);
    }
    expect(new Set(queries.map((q) => q.grader))).toEqual(new Set(['mc', 'numeric', 'exact']));
  });

  it('mc queries have 4 distinct options with the correct letter spread over A-D', () => {
    const mc = queries.filter((q) => q.grader === 'mc');
    const letters: Record<string, number> = {};
    for (const q of mc) {
      expect(new Set(q.choices).size, q.id).toBe(4);
      letters[q.answer] = (letters[q.answer] ?? 0) + 1;
    }
    for (const letter of ['A', 'B', 'C', 'D']) expect(letters[letter]).toBeGreaterThanOrEqual(Math.floor(mc.length / 4));
  });

  it('every formatted prompt has a word found in no other prompt and in no answer', () => {
    const prompts = queries.map(formatPrompt);
    const answers = new Set(queries.map((q) => q.answer));
    const unkeyed = queries.filter((_, i) => !hasUniqueWord(i, prompts, answers)).map((q) => q.id);
    expect(unkeyed).toEqual([]);
    // The stricter, tokenizer-safe version (no other prompt even starts a word with it, any case).
    const keys = distinctiveWords(queries);
    expect(queries.filter((q) => keys.get(q.id)?.length === 0).map((q) => q.id)).toEqual([]);
  });

  it('is plain ASCII, with unique ids, and the first rows span every domain', () => {
    for (const q of queries) expect(formatPrompt(q), q.id).toMatch(/^[\x20-\x7e\n]+$/);
    expect(new Set(queries.map((q) => q.id)).size).toBe(queries.length);
    expect(new Set(queries.slice(0, 7).map((q) => q.domain)).size).toBe(7);
  });

  it('spot checks: facts match their answers', () => {
    const byPrompt = new Map(queries.map((q) => [q.prompt, q]));
    expect(byPrompt.get('What is the capital city of Australia?')?.answer).toBe('Canberra');
    expect(byPrompt.get('In what year was the Battle of Hastings fought?')?.answer).toBe('1066');
    const sodium = byPrompt.get('Which is the chemical symbol of sodium?');
    expect(sodium?.choices?.[(sodium.answer.charCodeAt(0) ?? 0) - 65]).toBe('Na');
    for (const q of queries.filter((x) => x.domain === 'arithmetic')) {
      const [, a, op, b] = /^What is (\d+) (plus|minus|multiplied by|divided by) (\d+)\?$/.exec(q.prompt) ?? [];
      const [x, y] = [Number(a), Number(b)];
      const expected = op === 'plus' ? x + y : op === 'minus' ? x - y : op === 'multiplied by' ? x * y : x / y;
      expect(Number(q.answer), q.prompt).toBe(expected);
    }
  });
});
