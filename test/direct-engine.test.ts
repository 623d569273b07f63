// The direct engine: llama.cpp over FFI in a worker thread. Checked against the C compiler's view of llama.h and
// against node-llama-cpp's own generation loop on the same models.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import koffi from 'koffi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THREAD_NAMES } from '../lib/energy/index.ts';
import { ensureFixtureModel } from '../lib/fixtures/index.ts';
import { type PreparedFixture } from '../lib/profile/index.ts';
import { createArgmax } from '../lib/run/direct/argmax.ts';
import { buildNativeHelpers, builtNativeHelpers, DirectEngine, llamaLibrariesInMaps, loadedLlamaLibraries, nativeHelpersPath, nativeLlamaLibraries, structLayouts } from '../lib/run/direct/index.ts';
import type { ModelRunner } from '../lib/run/index.ts';
import { openLlamaRunner } from '../lib/run/llama.ts';
import { ensureLlamaTools, LIBRARY_PREFIX, nodeLlamaCppDir, type LlamaTools } from '../lib/run/llama-tools.ts';
import { formatPrompt } from '../lib/queries/index.ts';
import { readManifest } from '../lib/store/index.ts';
import { IPW_BIN, PROJECT_ROOT, sampleFixture, tempDir } from './helpers/fixture.ts';

describe('struct layouts', () => {
  it('match what gcc compiles from the llama.h of the release node-llama-cpp binds', () => {
    const src = tempDir('ipw-llama-h-');
    execFileSync('git', ['clone', '--quiet', '--no-checkout', join(nodeLlamaCppDir, 'llama', 'gitRelease.bundle'), src]);
    execFileSync('git', ['-C', src, 'checkout', '--quiet', 'HEAD', '--', 'include', 'ggml/include']);
    const layouts = structLayouts();
    const lines = Object.entries(layouts).flatMap(([struct, layout]) => [
      `printf("${struct} size %zu\\n", sizeof(struct ${struct}));`,
      ...Object.keys(layout.offsets).map((field) => `printf("${struct} ${field} %zu\\n", offsetof(struct ${struct}, ${field}));`),
    ]);
    const program = join(src, 'layout.c');
    writeFileSync(program, `#include <stddef.h>\n#include <stdio.h>\n#include "llama.h"\nint main(void) {\n${lines.join('\n')}\nreturn 0;\n}\n`);
    execFileSync('gcc', ['-I', join(src, 'include'), '-I', join(src, 'ggml', 'include'), '-o', join(src, 'layout'), program]);
    const compiled = execFileSync(join(src, 'layout'), { encoding: 'utf8' }).trim().split('\n');
    const ours = Object.entries(layouts).flatMap(([struct, layout]) => [
      `${struct} size ${layout.size}`,
      ...Object.entries(layout.offsets).map(([field, offset]) => `${struct} ${field} ${offset}`),
    ]);
    expect(ours).toEqual(compiled);
    // Every field of the C structs is declared (a field missing at the end would not move any offset).
    expect(layouts.llama_context_params.size).toBeGreaterThan(Math.max(...Object.values(layouts.llama_context_params.offsets)));
  }, 60_000);
});

describe('greedy argmax', () => {
  const reference = (values: Float32Array) => values.reduce((best, v, i) => (v > values[best]! ? i : best), 0);
  function expectLikeReference(argmax: (values: Float32Array) => number): void {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    // Short and long vectors, every length mod 32, many ties (small integers), negative values, a 32k vocabulary.
    for (const n of [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 100, 257, 32000, 32001]) {
      for (let trial = 0; trial < 20; trial++) {
        const values = Float32Array.from({ length: n }, () => Math.round(random() * 12) - 10);
        expect(argmax(values), `n=${n}`).toBe(reference(values));
      }
    }
    expect(argmax(Float32Array.from([-Infinity, -5, -Infinity]))).toBe(1);
    expect(argmax(Float32Array.from({ length: 64 }, () => -Infinity))).toBe(0);
  }

  it('WebAssembly SIMD: returns the first largest value\'s index, like llama.cpp\'s greedy sampler', () => {
    expectLikeReference(createArgmax());
  });

  it('native (argmax.c, compiled once per source): the same answers', () => {
    const dir = tempDir('ipw-argmax-');
    const path = buildNativeHelpers(dir);
    expect(path).toBe(nativeHelpersPath(dir));
    const builtAt = statSync(path).mtimeMs;
    expect(buildNativeHelpers(dir)).toBe(path);
    expect(statSync(path).mtimeMs).toBe(builtAt);
    const argmax = koffi.load(path).func('int32 ipw_argmax_f32(const float *, int32)');
    expectLikeReference((values) => argmax(values, values.length) as number);
  }, 60_000);
});

describe('locating the loaded libraries', () => {
  it('finds libllama, libggml and libggml-base mapped from one folder, and nothing when one is missing', () => {
    const dir = '/x/node_modules/@node-llama-cpp/linux-x64/bins/linux-x64';
    const line = (file: string) => `7f00-7f10 r-xp 00000000 08:01 123  ${dir}/${file}`;
    const maps = [line('libggml-base.so'), line('libllama.v0.5.0.so'), line('libggml.v0.5.0.so'), line('libggml-cpu-zen4.so'), '7f20-7f30 rw-p 0 0:0 0 [heap]'].join('\n');
    expect(llamaLibrariesInMaps(maps)).toEqual({ libraryDir: dir, llama: 'libllama.v0.5.0.so', ggml: 'libggml.v0.5.0.so', ggmlBase: 'libggml-base.so' });
    expect(llamaLibrariesInMaps([line('libllama.v0.5.0.so'), line('libggml-base.so')].join('\n'))).toBeNull();
  });
});

describe('direct engine vs node-llama-cpp', () => {
  let fixture: PreparedFixture;
  beforeAll(async () => {
    fixture = await sampleFixture();
  });

  async function answers(runner: ModelRunner, prompts: string[], maxTokens: number) {
    const out = [];
    for (const prompt of prompts) {
      const g = await runner.generate({ prompt, maxTokens });
      out.push({ response: g.response, stopReason: g.stopReason, promptTokens: g.promptTokens, completionTokens: g.completionTokens, timed: g.tokenTimesMs.length });
    }
    await runner.close();
    return out;
  }

  it('gives the same replies and token counts through the chat template', async () => {
    const prompts = fixture.queries.slice(0, 12).map((q) => formatPrompt(q));
    const direct = await openLlamaRunner(fixture.modelPath, { gpu: false, threads: 1, engine: 'direct', library: 'prebuilt' });
    expect(direct.description.details).toMatchObject({ engine: 'direct', llamaLibrary: 'prebuilt', threadpool: 'persistent' });
    const session = await openLlamaRunner(fixture.modelPath, { gpu: false, threads: 1, engine: 'node-llama-cpp' });
    // The model facts in the manifest are the same whichever engine loaded the weights.
    for (const fact of ['typeDescription', 'sizeBytes', 'trainContextSize', 'architecture']) {
      expect(direct.description.details[fact], fact).toEqual(session.description.details[fact]);
    }
    expect(direct.description.details.trainContextSize).toBeGreaterThan(0);
    await session.close();
    const viaDirect = await answers(direct, prompts, 16);
    const viaSession = await answers(await openLlamaRunner(fixture.modelPath, { gpu: false, threads: 1, engine: 'node-llama-cpp' }), prompts, 16);
    // Both count the prompt's tokens as the template renders them.
    expect(viaDirect).toEqual(viaSession);
    expect(viaDirect.every((a) => a.stopReason === 'eos' && a.response.length > 0)).toBe(true);
  }, 120_000);

  it('gives the same raw completion on a bench model, at 1 and 2 threads', async () => {
    const model = await ensureFixtureModel(undefined, { kind: 'bench', preset: 'small', type: 'F16' });
    const prompts = ['ab cd ef gh ab cd', 'the quick brown fox'];
    const session = await answers(await openLlamaRunner(model.path, { gpu: false, threads: 1, template: 'raw', engine: 'node-llama-cpp' }), prompts, 24);
    for (const threads of [1, 2]) {
      const direct = await answers(await openLlamaRunner(model.path, { gpu: false, threads, template: 'raw', engine: 'direct', library: 'prebuilt' }), prompts, 24);
      // Both count BOS plus the prompt's tokens (checked in the next test).
      expect(direct).toEqual(session);
    }
    expect(session.every((a) => a.stopReason === 'max_tokens' && a.completionTokens === 24 && a.timed === 24)).toBe(true);
  }, 120_000);

  it('counts BOS plus the prompt\'s own tokens as prompt tokens', async () => {
    const model = await ensureFixtureModel(undefined, { kind: 'bench', preset: 'small', type: 'F16' });
    const { getLlama } = await import('node-llama-cpp');
    const vocab = await (await getLlama({ gpu: false, build: 'never' })).loadModel({ modelPath: model.path, vocabOnly: true });
    const expected = 1 + vocab.tokenize('ab cd ef gh ab cd', false, 'trimLeadingSpace').length;
    await vocab.dispose();
    const runner = await openLlamaRunner(model.path, { gpu: false, threads: 1, template: 'raw', engine: 'direct', library: 'prebuilt' });
    const g = await runner.generate({ prompt: 'ab cd ef gh ab cd', maxTokens: 2 });
    await runner.close();
    expect(g.promptTokens).toBe(expected);
  });
});

describe('direct engine', () => {
  let engine: DirectEngine;
  let prompt: number[];
  let benchModel: string;
  beforeAll(async () => {
    const model = await ensureFixtureModel(undefined, { kind: 'bench', preset: 'small', type: 'F16' });
    benchModel = model.path;
    // Loading any model through node-llama-cpp maps its libraries, which the engine then binds.
    const runner = await openLlamaRunner(model.path, { gpu: false, threads: 1, template: 'raw' });
    await runner.close();
    const files = loadedLlamaLibraries();
    if (files === null) throw new Error('node-llama-cpp libraries not mapped');
    engine = await DirectEngine.start({ files, modelPath: model.path, threads: 1, contextSize: 128 });
    prompt = [1, ...Array.from({ length: 20 }, (_, i) => 300 + i)];
  });
  afterAll(() => engine.close());

  it('times every token on the caller clock, inside the call', async () => {
    let firstAt: number | undefined;
    const before = performance.now();
    const g = await engine.generate(prompt, { maxTokens: 12, onFirstToken: (ms) => (firstAt = ms) });
    const after = performance.now();
    expect(g.tokens).toHaveLength(12);
    const times = [g.startMs, ...g.tokenTimesMs, g.endMs];
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    expect(g.startMs).toBeGreaterThanOrEqual(before);
    expect(g.endMs).toBeLessThanOrEqual(after);
    expect(firstAt).toBe(g.tokenTimesMs[0]);
    // The loop's own time is part of the decode phase, and most of that phase is llama_decode.
    expect(g.outsideDecodeMs).toBeGreaterThan(0);
    expect(g.outsideDecodeMs).toBeLessThan((g.endMs - g.tokenTimesMs[0]!) / 2);
  });

  it('stops right after the token that completes a stop text', async () => {
    const free = await engine.generate(prompt, { maxTokens: 24 });
    const { getLlama } = await import('node-llama-cpp');
    const vocab = await (await getLlama({ gpu: false, build: 'never' })).loadModel({ modelPath: benchModel, vocabOnly: true });
    // The reply as text after each token (node-llama-cpp drops the first token's leading space; the stop avoids it).
    const texts = free.tokens.map((_, i) => vocab.detokenize(free.tokens.slice(0, i + 1) as never[], true));
    await vocab.dispose();
    // A stop text spanning the end of token k and the start of token k + 1, so both must arrive before it matches.
    const k = 4;
    const stop = texts[k]!.slice(-2) + texts[k + 1]!.slice(texts[k]!.length, texts[k]!.length + 2);
    const firstEnd = texts.findIndex((text) => text.includes(stop));
    expect(firstEnd).toBeGreaterThan(0);
    const stopped = await engine.generate(prompt, { maxTokens: 24, stopTexts: ['never-matches', stop] });
    expect(stopped.stopReason).toBe('stop_text');
    expect(stopped.stopText).toBe(stop);
    expect(stopped.tokens).toEqual(free.tokens.slice(0, firstEnd + 1));
  });

  it('stops on abort after the token in flight', async () => {
    const controller = new AbortController();
    const g = await engine.generate(prompt, { maxTokens: 100, signal: controller.signal, onFirstToken: () => controller.abort() });
    expect(g.stopReason).toBe('abort');
    expect(g.tokens.length).toBeGreaterThanOrEqual(1);
    expect(g.tokens.length).toBeLessThan(100);
  });

  it('stops when the context is full, and rejects a prompt that cannot fit', async () => {
    const g = await engine.generate(prompt, { maxTokens: 1000 });
    expect(g.stopReason).toBe('context_full');
    expect(prompt.length + g.tokens.length).toBe(engine.contextSize + 1);
    const tooLong = engine.contextSize + 5;
    await expect(engine.generate(Array.from({ length: tooLong }, () => 300), { maxTokens: 4 })).rejects.toThrow(
      new RegExp(`${tooLong} tokens and does not fit the context of ${engine.contextSize}`),
    );
    // The engine still works after a rejected request.
    expect((await engine.generate(prompt, { maxTokens: 3 })).tokens).toHaveLength(3);
  });

  it('reopens its context with another thread count and generates the same tokens', async () => {
    const one = await engine.generate(prompt, { maxTokens: 16 });
    await engine.setThreads(2);
    expect(engine.threads).toBe(2);
    const two = await engine.generate(prompt, { maxTokens: 16 });
    expect(two.tokens).toEqual(one.tokens);
    await engine.setThreads(1);
  });
});

describe('native library', () => {
  let tools: LlamaTools;
  beforeAll(async () => {
    tools = await ensureLlamaTools(); // the first run on a machine builds it: 6-9 min on 2 cores
  }, 20 * 60_000);

  it('runs the build llama-bench uses, in the same process as node-llama-cpp\'s, with the same replies', async () => {
    const fixture = await sampleFixture();
    const prompts = fixture.queries.slice(0, 12).map((q) => formatPrompt(q));
    const replies = async (library: 'native' | 'prebuilt') => {
      // 2 threads: a multi-threaded run on one build followed by a run on the other once crashed the process.
      const runner = await openLlamaRunner(fixture.modelPath, { gpu: false, threads: 2, engine: 'direct', library });
      const details = runner.description.details;
      const out = [];
      for (const prompt of prompts) out.push((await runner.generate({ prompt, maxTokens: 16 })).response);
      await runner.close();
      return { details, out };
    };
    const native = await replies('native');
    // ensureLlamaTools compiled the native argmax beside the libraries; the engine samples with it.
    expect(native.details).toMatchObject({ engine: 'direct', llamaLibrary: 'native', libraryDir: tools.libraryDir, argmax: 'native' });
    const prebuilt = await replies('prebuilt');
    expect(prebuilt.details).toMatchObject({ llamaLibrary: 'prebuilt', argmax: 'wasm' });
    expect(prebuilt.details.libraryDir).not.toBe(tools.libraryDir);
    expect(native.out).toEqual(prebuilt.out);
    // And the library the tools themselves run: llama-bench and llama-server load these libipw-* files, found next to them.
    for (const tool of [tools.llamaBench, tools.llamaServer]) {
      const needed = execFileSync('ldd', [tool], { encoding: 'utf8' });
      expect(needed).toContain(join(tools.libraryDir, nativeLlamaLibraries(tools.libraryDir, LIBRARY_PREFIX)!.llama));
      expect(needed).not.toContain('not found');
    }
  }, 120_000);

  it('hands its OpenMP threads back after each generation while another engine is open', async () => {
    const model = await ensureFixtureModel(undefined, { kind: 'bench', preset: 'small', type: 'F16' });
    const files = nativeLlamaLibraries(tools.libraryDir, LIBRARY_PREFIX)!;
    // As openLlamaRunner starts it on the native build: llama.cpp's logs filtered by the C helper.
    const helpersLibrary = builtNativeHelpers(tools.libraryDir);
    expect(helpersLibrary).toBeDefined();
    const start = () => DirectEngine.start({ files, modelPath: model.path, threads: 2, contextSize: 128, ownLogging: true, helpersLibrary });
    // The engine's worker and the OpenMP team threads llama.cpp starts from it carry the worker's name.
    const llamaThreads = () =>
      readdirSync('/proc/self/task').filter((tid) => {
        try {
          return readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim() === THREAD_NAMES.llama;
        } catch {
          return false; // exited meanwhile
        }
      }).length;
    // A released team thread exits just after the reply; wait for the count to settle, then read it.
    const settledAt = async (expected: number) => {
      for (let i = 0; i < 200 && llamaThreads() !== expected; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      return llamaThreads();
    };
    const prompt = [1, 100, 101, 102, 103];
    const before = llamaThreads();
    const a = await start();
    const alone = await a.generate(prompt, { maxTokens: 4 });
    // Alone, an engine keeps its team thread for the next generation.
    expect(await settledAt(before + 2)).toBe(before + 2);
    const b = await start();
    const beside = await b.generate(prompt, { maxTokens: 4 });
    // Two engines: b's team thread ends with b's generation; a's stays until a generates.
    expect(await settledAt(before + 3)).toBe(before + 3);
    await a.generate(prompt, { maxTokens: 4 });
    expect(await settledAt(before + 2)).toBe(before + 2);
    // Closing b used to leave llama.cpp logging through b's dead JavaScript callback: a's close then aborted.
    await b.close();
    await a.generate(prompt, { maxTokens: 4 });
    expect(await settledAt(before + 2)).toBe(before + 2);
    await a.close();
    expect(beside.tokens).toEqual(alone.tokens);
  }, 60_000);

  it('runs `ipw profile` with a GGUF judge on a second engine to a clean exit', async () => {
    // Before the C log filter, closing the second engine called the first worker's dead log callback: exit 134.
    const dir = tempDir('ipw-judge-cli-');
    const queries = join(dir, 'queries.jsonl');
    writeFileSync(queries, ['capital of France?', 'colour of the sky?'].map((prompt, i) => JSON.stringify({ id: `q${i}`, prompt, answer: 'x', grader: 'judge' })).join('\n'));
    const model = (await ensureFixtureModel(undefined, { kind: 'bench', preset: 'small', type: 'F16' })).path;
    const judge = (await ensureFixtureModel(undefined, { kind: 'bench', preset: 'small', type: 'Q8_0' })).path;
    const args = ['profile', '--model', model, '--judge', judge, '--queries', queries, '--out', join(dir, 'run'), '--max-tokens', '8', '--threads', '2', '--gpu', 'false', '--library', 'native'];
    const result = spawnSync(process.execPath, [IPW_BIN, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(result.stderr).not.toMatch(/abort/i);
    expect(result.status).toBe(0);
    expect(readManifest(join(dir, 'run')).model.details).toMatchObject({ engine: 'direct', llamaLibrary: 'native' });
  }, 120_000);
});

describe('engine choice', () => {
  it('uses node-llama-cpp\'s own loop on request, and says so', async () => {
    const model = await ensureFixtureModel(undefined, { kind: 'bench', preset: 'small', type: 'F16' });
    const runner = await openLlamaRunner(model.path, { gpu: false, threads: 1, template: 'raw', engine: 'node-llama-cpp' });
    expect(runner.description.details).toMatchObject({ engine: 'node-llama-cpp' });
    expect(runner.description.details).not.toHaveProperty('threadpool');
    await runner.close();
  });
});
