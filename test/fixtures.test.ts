import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtureModel, planFixtureAnswers } from '../lib/fixtures/index.ts';
import { BENCH_PRESETS, benchModelFileBytes } from '../lib/fixtures/bench-model.ts';
import { defaultFixtureCacheDir } from '../lib/fixtures/cache.ts';
import { float32ToFloat16Bits, GgmlType } from '../lib/fixtures/gguf-encode.ts';
import { gguf, writeGguf } from '../lib/fixtures/gguf-writer.ts';
import { chooseKeywords, UnkeyableFactError } from '../lib/fixtures/keywords.ts';
import { buildKnowledgeModel } from '../lib/fixtures/knowledge-model.ts';
import { Prng } from '../lib/fixtures/prng.ts';
import { rowTensor } from '../lib/fixtures/tensors.ts';
import { buildSpmVocab, prefixClosure, tokenizeLikeSpm } from '../lib/fixtures/vocab.ts';
import { formatPrompt } from '../lib/queries/format.ts';
import type { Query } from '../lib/queries/types.ts';
import { decodeTensorValues, float16BitsToFloat32, parseGguf, readTensorValues } from './helpers/gguf-reader.ts';

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'ipw-fixtures-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('float16 and Q8_0 encoding', () => {
  it('converts known values with round-to-nearest-even', () => {
    const cases: Array<[number, number]> = [
      [1, 0x3c00], [-2, 0xc000], [0.1, 0x2e66], [65504, 0x7bff], [65520, 0x7c00], [Infinity, 0x7c00],
      [-0, 0x8000], [1e-8, 0], [6e-8, 0x0001], [2 ** -14, 0x0400],
      [1 + 2 ** -11, 0x3c00], [1 + 3 * 2 ** -11, 0x3c02], [2 ** -24 * 1.5, 0x0002],
    ];
    for (const [value, bits] of cases) expect(float32ToFloat16Bits(value), `${value}`).toBe(bits);
    expect(Number.isNaN(float16BitsToFloat32(float32ToFloat16Bits(NaN)))).toBe(true);
  });

  it('round-trips every finite half through float32', () => {
    for (let bits = 0; bits < 0x10000; bits++) {
      if ((bits & 0x7c00) === 0x7c00) continue;
      expect(float32ToFloat16Bits(float16BitsToFloat32(bits))).toBe(bits);
    }
  });

  it('writes a GGUF v3 header, aligned tensors, and decodable F32/F16/Q8_0 data', async () => {
    const prng = new Prng(7);
    const values = Float32Array.from({ length: 64 * 3 }, () => prng.normal());
    const fromValues = (name: string, type: GgmlType) => rowTensor(name, type, 64, 3, (row, out) => out.set(values.subarray(row * 64, row * 64 + 64)));
    const path = join(workDir, 'unit.gguf');
    const { fileBytes } = await writeGguf(path, {
      metadata: {
        'general.architecture': gguf.str('test'),
        'test.u32': gguf.u32(7), 'test.i32': gguf.i32(-3), 'test.f32': gguf.f32(0.5), 'test.bool': gguf.bool(true),
        'test.strs': gguf.strs(['a', '▁b']), 'test.f32s': gguf.f32s([1.5, -2]), 'test.i32s': gguf.i32s([4, -5]),
      },
      tensors: [
        rowTensor('odd', GgmlType.F32, 5, 1, (_r, out) => out.fill(2), [5]),
        fromValues('f32', GgmlType.F32), fromValues('f16', GgmlType.F16), fromValues('q8', GgmlType.Q8_0),
      ],
    });
    const bytes = new Uint8Array(await readFile(path));
    expect(bytes.byteLength).toBe(fileBytes);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(Buffer.from(bytes.subarray(0, 4)).toString('latin1')).toBe('GGUF');
    expect(view.getUint32(4, true)).toBe(3);
    expect(view.getBigUint64(8, true)).toBe(4n);
    expect(view.getBigUint64(16, true)).toBe(9n); // 8 keys plus the general.alignment the writer adds

    const parsed = parseGguf(bytes);
    expect(parsed.metadata.get('general.alignment')).toBe(32);
    expect(parsed.metadata.get('test.i32')).toBe(-3);
    expect(parsed.metadata.get('test.bool')).toBe(true);
    expect(parsed.metadata.get('test.strs')).toEqual(['a', '▁b']);
    expect(parsed.metadata.get('test.i32s')).toEqual([4, -5]);
    expect(parsed.dataStartBytes % 32).toBe(0);
    for (const t of parsed.tensors) expect(t.dataOffsetBytes % 32, t.name).toBe(0);
    expect(parsed.tensors.map((t) => [t.name, t.shape, t.type])).toEqual([
      ['odd', [5], 0], ['f32', [64, 3], 0], ['f16', [64, 3], 1], ['q8', [64, 3], 8],
    ]);

    expect(readTensorValues(bytes, parsed, 'f32')).toEqual(values);
    const f16 = readTensorValues(bytes, parsed, 'f16');
    values.forEach((v, i) => expect(f16[i]).toBe(float16BitsToFloat32(float32ToFloat16Bits(v))));
    const q8 = readTensorValues(bytes, parsed, 'q8');
    for (let block = 0; block < values.length / 32; block++) {
      const slice = values.subarray(block * 32, block * 32 + 32);
      const scale = Math.max(...slice.map(Math.abs)) / 127;
      slice.forEach((v, j) => expect(Math.abs(q8[block * 32 + j] - v)).toBeLessThanOrEqual(scale * (0.5 + 127 * 2 ** -10)));
    }
    // A Q8_0 block is an f16 scale then 32 int8s: check the first block by hand.
    const q8Info = parsed.tensors.find((t) => t.name === 'q8');
    const q8Start = parsed.dataStartBytes + (q8Info?.dataOffsetBytes ?? 0);
    const manual = decodeTensorValues(GgmlType.Q8_0, bytes.subarray(q8Start, q8Start + 34), 32);
    expect(manual).toEqual(q8.subarray(0, 32));
    expect(Math.max(...Array.from(bytes.subarray(q8Start + 2, q8Start + 34), (b) => Math.abs((b << 24) >> 24)))).toBe(127);
  });
});

describe('SPM simulation and keyword choice', () => {
  it('merges space-started words to their longest prefix-closed piece, else falls back to bytes', () => {
    const vocab = buildSpmVocab(['▁', ...prefixClosure('▁Paris')]);
    const ids = tokenizeLikeSpm('x Parisian é', vocab).map((id) => vocab.tokens[id]);
    expect(ids).toEqual(['▁', '<0x78>', '▁Paris', '<0x69>', '<0x61>', '<0x6E>', '▁', '<0xC3>', '<0xA9>']);
    expect(tokenizeLikeSpm('x', vocab, { addSpacePrefix: false }).map((id) => vocab.tokens[id])).toEqual(['<0x78>']);
  });

  it('never picks a keyword that another prompt tokenizes to, even through prefixes', () => {
    const plan = chooseKeywords([
      { prompt: 'Is Par big?', output: 'A' },
      { prompt: 'Is Parisian big?', output: 'B' },
    ]);
    // "Par" is usable only once "▁Parisian" is a piece; otherwise "Parisian" would tokenize as "▁Par" + bytes.
    expect(plan.keywords.map((k) => k.keyword)).toEqual(['Par', 'Parisian']);
    const vocab = buildSpmVocab(plan.pieces);
    const par = vocab.idOf.get('▁Par');
    expect(tokenizeLikeSpm('Is Par big?', vocab)).toContain(par);
    expect(tokenizeLikeSpm('Is Parisian big?', vocab)).not.toContain(par);
  });

  it('reports prompts without a unique word', () => {
    const call = () => chooseKeywords([
      { prompt: 'Is it big?', output: 'A' },
      { prompt: 'Is it big or small?', output: 'B' },
    ]);
    expect(call).toThrow(UnkeyableFactError);
    expect(call).toThrow(/Is it big\?/);
  });
});

const SYSTEM_PROMPT = 'You are a quiz model. Reply tersely.';
const ANIMALS = ['otter', 'falcon', 'lynx', 'heron', 'badger', 'walrus', 'gecko', 'marten', 'ibis', 'bison'];
const CITIES = ['Paris', 'Lima', 'Oslo', 'Cairo', 'Quito'];

/** Twenty-one benchmark-like queries: lettered options, numbers (negative, decimal) and one-word answers. */
function syntheticQueries(): Query[] {
  const queries: Query[] = [];
  ANIMALS.forEach((animal, i) => {
    const choices = ['a reptile', 'a bird', 'a mammal', 'an insect'].map((c, j) => `${c} (${animal} case ${i}${j})`);
    queries.push({
      id: `mc-${i}`, domain: 'biology', grader: 'mc', answer: 'ABCD'[i % 4],
      prompt: `Which class of animal best describes the ${animal} in scenario ${i}?`, choices,
    });
  });
  const numbers = ['42', '-3.5', '0.25', '-17', '1000'];
  numbers.forEach((answer, i) => {
    queries.push({
      id: `num-${i}`, domain: 'math', grader: 'numeric', answer,
      prompt: `Compute the ${['sum', 'difference', 'quotient', 'remainder', 'product'][i]} for problem number ${i + 1}.`,
    });
  });
  CITIES.forEach((city, i) => {
    queries.push({
      id: `ex-${i}`, domain: 'geography', grader: 'exact', answer: city,
      prompt: `Name the capital associated with clue ${['alpha', 'bravo', 'charlie', 'delta', 'echo'][i]} of the atlas.`,
    });
  });
  // Every word of this prompt occurs in another prompt, so no keyword can identify it.
  queries.push({ id: 'num-dup', domain: 'math', grader: 'numeric', answer: '7', prompt: 'Compute the sum for problem number 2.' });
  return queries;
}

describe('planFixtureAnswers', () => {
  it('marks exactly round(fraction * n) correct, deterministically, with wrong outputs that differ', () => {
    const queries = syntheticQueries();
    const plan = planFixtureAnswers(queries, { correctFraction: 0.65, seed: 3 });
    expect(plan.correctCount).toBe(14);
    expect(Object.values(plan.expected).filter((o) => o.correct)).toHaveLength(14);
    expect(plan.unanswerable).toContain('num-dup');
    expect(plan.expected['num-dup']).toEqual({ output: '', correct: false });
    expect(planFixtureAnswers(queries, { correctFraction: 0.65, seed: 3 })).toEqual(plan);
    for (const q of queries.filter((query) => !plan.unanswerable.includes(query.id))) {
      const outcome = plan.expected[q.id];
      expect(outcome.correct).toBe(outcome.output === q.answer);
      if (q.grader === 'mc') expect(outcome.output).toMatch(/^[ABCD]$/);
      if (q.grader === 'numeric') expect(Number.isFinite(Number(outcome.output))).toBe(true);
      if (q.grader === 'exact') expect(CITIES).toContain(outcome.output);
    }
    expect(plan.facts.map((f) => f.prompt)).toEqual(queries.map(formatPrompt));
  });
});

describe('ensureFixtureModel', () => {
  it('caches by spec under .cache/models by default, and concurrent writers leave one whole file', async () => {
    expect(defaultFixtureCacheDir()).toBe(fileURLToPath(new URL('../.cache/models/', import.meta.url)));
    const cacheDir = join(workDir, 'concurrent');
    const spec = { kind: 'knowledge', facts: [{ prompt: 'Is the moon made of cheese?', output: 'no' }] } as const;
    const [a, b] = await Promise.all([ensureFixtureModel(cacheDir, spec), ensureFixtureModel(cacheDir, spec)]);
    expect(a.path).toBe(b.path);
    expect(await readdir(cacheDir)).toEqual([basename(a.path)]);
    expect(parseGguf(new Uint8Array(await readFile(a.path))).metadata.get('ipw.fixture.kind')).toBe('knowledge');
    const other = await ensureFixtureModel(cacheDir, { ...spec, facts: [{ prompt: 'Is the sun made of cheese?', output: 'no' }] });
    expect(other.path).not.toBe(a.path);
  });
});

describe('models in node-llama-cpp', () => {
  it('knowledge model answers each prompt exactly, and unknown prompts with nothing', async () => {
    const queries = syntheticQueries();
    const avoidTexts = [SYSTEM_PROMPT];
    const plan = planFixtureAnswers(queries, { correctFraction: 0.7, seed: 11, avoidTexts });
    expect(plan.unanswerable.length).toBeGreaterThan(0);
    const cacheDir = join(workDir, 'cache');
    const file = await ensureFixtureModel(cacheDir, { kind: 'knowledge', facts: plan.facts, avoidTexts });
    expect(file.reused).toBe(false);
    expect((await ensureFixtureModel(cacheDir, { kind: 'knowledge', facts: plan.facts, avoidTexts })).reused).toBe(true);
    expect((await readdir(cacheDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const { vocab, report } = buildKnowledgeModel(plan.facts, { avoidTexts });

    const { getLlama, LlamaChatSession, ChatMLChatWrapper, resolveChatWrapper } = await import('node-llama-cpp');
    const llama = await getLlama({ gpu: false, maxThreads: 1 });
    try {
      const model = await llama.loadModel({ modelPath: file.path });
      expect(resolveChatWrapper(model)).toBeInstanceOf(ChatMLChatWrapper);
      for (const { prompt, keyword } of report.keywords) {
        const keywordId = vocab.idOf.get('\u2581' + keyword);
        expect(Array.from(model.tokenize(prompt))).toEqual(tokenizeLikeSpm(prompt, vocab));
        const chatTokens = Array.from(model.tokenize(prompt, false, 'trimLeadingSpace'));
        expect(chatTokens).toEqual(tokenizeLikeSpm(prompt, vocab, { addSpacePrefix: false }));
        expect(chatTokens).toContain(keywordId);
      }

      const context = await model.createContext({ threads: 1, contextSize: 2048 });
      const session = new LlamaChatSession({ contextSequence: context.getSequence(), systemPrompt: SYSTEM_PROMPT });
      expect(session.chatWrapper).toBeInstanceOf(ChatMLChatWrapper);
      const ask = async (prompt: string): Promise<string> => {
        session.resetChatHistory();
        return (await session.prompt(prompt, { temperature: 0, maxTokens: 8 })).trim();
      };
      for (const query of queries) expect(await ask(formatPrompt(query)), query.id).toBe(plan.expected[query.id].output);
      expect(await ask('What colour is the sky on a clear day?\n\nAnswer with a single word or phrase.')).toBe('');
      // A long prompt (~1,900 tokens: unknown words fall back to bytes) dilutes the keyword's share of the mean
      // attention; it must still win.
      const longPrompt = `${'Some padding words here. '.repeat(90)}${formatPrompt(queries[12])}`;
      expect(model.tokenize(longPrompt).length).toBeGreaterThan(1700);
      expect(await ask(longPrompt)).toBe(plan.expected[queries[12].id].output);
    } finally {
      await llama.dispose();
    }
  });

  it('bench models (small F16 and Q8_0) generate exactly maxTokens', async () => {
    const { getLlama, LlamaChatSession } = await import('node-llama-cpp');
    const llama = await getLlama({ gpu: false, maxThreads: 1 });
    try {
      for (const type of ['F16', 'Q8_0'] as const) {
        const file = await ensureFixtureModel(join(workDir, 'cache'), { kind: 'bench', preset: 'small', type });
        expect(file.fileBytes).toBe(benchModelFileBytes({ preset: 'small', type }));
        const targetBytes = type === 'F16' ? 20e6 : 10.6e6;
        expect(Math.abs(file.fileBytes - targetBytes) / targetBytes).toBeLessThan(0.1);
        const model = await llama.loadModel({ modelPath: file.path });
        expect(model.fileInfo.metadata.general.architecture).toBe('llama');
        expect(model.tokens.bos).not.toBeNull();
        const context = await model.createContext({ threads: 1, contextSize: 512 });
        const sequence = context.getSequence();
        const session = new LlamaChatSession({ contextSequence: sequence, systemPrompt: 'Be brief.' });
        const result = await session.promptWithMeta('Write a long story about the sea.', { temperature: 0, maxTokens: 64 });
        expect(result.stopReason).toBe('maxTokens');
        expect(sequence.tokenMeter.getState().usedOutputTokens).toBe(64);
        await model.dispose();
      }
      expect(BENCH_PRESETS.medium.embeddingLength % 32).toBe(0);
    } finally {
      await llama.dispose();
    }
  });
});
