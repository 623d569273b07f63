/**
 * llama.cpp's own prefill speed in the situations a query loop puts it in, with no harness: FFI calls on this thread
 * into the native build, the same context settings as the direct engine, nothing else running in the process.
 *
 *   back-to-back  a prefill right after the previous one, as llama-bench times its pp repetitions;
 *   after-gen     right after a 128-token generation, as a query loop's next prompt follows the previous reply;
 *   after-gen+work  the same plus 2 ms of other work on this thread (a harness's grading, journal and accounting);
 *   after-gen+idle  the same plus 2 ms of sleep.
 *
 * Run as a child process (one OpenMP pool in the process, like llama-bench's):
 *   npx tsx bench/llama-alone.ts --model M.gguf --threads 2 --per-situation 7   -> one JSON line of tok/s medians
 */
import { parseArgs } from 'node:util';
import { bindLlamaLibrary, nativeLlamaLibraries } from '../lib/run/direct/index.ts';
import { cachedLlamaTools, LIBRARY_PREFIX } from '../lib/run/llama-tools.ts';
import { median } from './stats.ts';

const SITUATIONS = ['back-to-back', 'after-gen', 'after-gen+work', 'after-gen+idle'] as const;
type Situation = (typeof SITUATIONS)[number];

const GGML_LOG_LEVEL_ERROR = 4;
const GEN_TOKENS = 128;
const GAP_MS = 2;
const PROMPT_TOKENS = 64;

const { values } = parseArgs({
  options: { model: { type: 'string' }, threads: { type: 'string', default: '2' }, 'per-situation': { type: 'string', default: '7' } },
});
const tools = cachedLlamaTools();
const files = tools === undefined ? null : nativeLlamaLibraries(tools.libraryDir, LIBRARY_PREFIX);
if (values.model === undefined || files === null) throw new Error('usage: --model M.gguf, after `npm run build:llama-tools`');
const threads = Number(values.threads);

const lib = bindLlamaLibrary(files.libraryDir, files);
lib.filterLogs(GGML_LOG_LEVEL_ERROR);
if (!lib.backendRegistered('CPU')) lib.loadBackends();
const modelParams = lib.modelDefaultParams();
modelParams.n_gpu_layers = 0;
const model = lib.loadModel(values.model, modelParams);
if (model === null) throw new Error(`llama.cpp could not load ${values.model}`);
const contextParams = lib.contextDefaultParams();
Object.assign(contextParams, { n_ctx: 4096, n_batch: 512, n_ubatch: 512, n_threads: threads, n_threads_batch: threads, no_perf: true });
const context = lib.initContext(model, contextParams);
lib.attachThreadpool(context, lib.newThreadpool(threads));

// Token ids cycle through a few ordinary words' ids, as a text prompt would; llama-bench draws random ones.
const prompt = Int32Array.from({ length: PROMPT_TOKENS }, (_, i) => (i === 0 ? 1 : 1000 * (1 + (i % 4))));
const one = Int32Array.of(1000);
const batch = { n_tokens: 0, token: prompt, embd: null, pos: null, n_seq_id: null, seq_id: null, logits: null };
const sleeper = new Int32Array(new SharedArrayBuffer(4));

function decode(tokens: typeof prompt): void {
  batch.n_tokens = tokens.length;
  batch.token = tokens;
  if (lib.decode(context, batch) !== 0) throw new Error('llama_decode failed');
}

/** Other work on this thread: short-lived objects and JSON, as a harness makes between queries. */
function work(ms: number): void {
  const untilMs = performance.now() + ms;
  let kept: unknown[] = [];
  while (performance.now() < untilMs) {
    kept.push(JSON.parse(JSON.stringify({ id: kept.length, text: 'x'.repeat(200), scores: [1, 2, 3] })));
    if (kept.length > 500) kept = [];
  }
}

const before: Record<Situation, () => void> = {
  'back-to-back': () => undefined,
  'after-gen': () => {
    for (let i = 0; i < GEN_TOKENS; i++) decode(one);
  },
  'after-gen+work': () => {
    before['after-gen']();
    work(GAP_MS);
  },
  'after-gen+idle': () => {
    before['after-gen']();
    Atomics.wait(sleeper, 0, 0, GAP_MS);
  },
};

const perSituation = Number(values['per-situation']);
const tokPerS: Partial<Record<Situation, number>> = {};
decode(prompt); // warm-up, as llama-bench's
for (const situation of SITUATIONS) {
  const rates: number[] = [];
  for (let i = 0; i <= perSituation; i++) {
    before[situation]();
    lib.clearMemory(context);
    const startMs = performance.now();
    decode(prompt);
    // The first prefill of a situation follows the previous situation's, not its own.
    if (i > 0) rates.push(PROMPT_TOKENS / ((performance.now() - startMs) / 1000));
  }
  tokPerS[situation] = median(rates);
}
console.log(JSON.stringify(tokPerS));
