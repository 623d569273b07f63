import { ensureFixtureModel, planFixtureAnswers, writeBenchModel, writeKnowledgeModel, type FixtureAnswerPlan } from '../fixtures/index.ts';
import { loadQueries, sampleQueries, type Query } from '../queries/index.ts';
import { DEFAULT_SYSTEM_PROMPT } from '../run/index.ts';

/** Queries in the demo slice: enough for every domain and a CI, small enough to finish in seconds. */
export const DEMO_QUERY_COUNT = 60;
export const FIXTURE_CORRECT_FRACTION = 0.6;
export const FIXTURE_SEED = 1;

export interface FixtureRequest {
  /** Write the model here instead of the shared cache. */
  outPath?: string;
  /** Query set the knowledge model is built for; default the bundled sample. */
  queries?: string;
  correctFraction?: number;
  seed?: number;
  /** Write a random-weight benchmark model instead. */
  bench?: 'small' | 'medium';
  /** Weight type: a bench model's `f16` (default) or `q8_0`; a knowledge model's `f32` (default) or `f16`. */
  type?: 'f32' | 'f16' | 'q8_0';
}

export interface PreparedFixture {
  modelPath: string;
  /** The demo slice (a seeded, domain-stratified sample) of the query set. */
  queries: Query[];
  /** The whole set's answer plan: which queries the model answers correctly, and with what. */
  plan: FixtureAnswerPlan | null;
  /** How many of `queries` the model was built to answer correctly. */
  expectedCorrect: number;
}

/**
 * Builds the project's own test model: a knowledge model over a whole query set that answers a seeded
 * share of it correctly (or a random-weight bench model), cached by content so repeated runs reuse it.
 */
export async function prepareFixtureModel(request: FixtureRequest): Promise<PreparedFixture> {
  if (request.bench) {
    if (request.type === 'f32') throw new Error("a bench model's type is f16 or q8_0");
    const type = request.type === 'q8_0' ? 'Q8_0' : 'F16';
    if (request.outPath) {
      await writeBenchModel(request.outPath, { preset: request.bench, type });
      return { modelPath: request.outPath, queries: [], plan: null, expectedCorrect: 0 };
    }
    const file = await ensureFixtureModel(undefined, { kind: 'bench', preset: request.bench, type });
    return { modelPath: file.path, queries: [], plan: null, expectedCorrect: 0 };
  }
  const all = await loadQueries(request.queries ?? 'sample');
  const avoidTexts = [DEFAULT_SYSTEM_PROMPT];
  const plan = planFixtureAnswers(all, {
    correctFraction: request.correctFraction ?? FIXTURE_CORRECT_FRACTION,
    seed: request.seed ?? FIXTURE_SEED,
    avoidTexts,
  });
  if (request.type === 'q8_0') throw new Error("a knowledge model's type is f32 or f16");
  const weights = request.type === 'f16' ? ('F16' as const) : undefined;
  const spec = { facts: plan.facts, avoidTexts, ...(weights ? { weights } : {}) };
  let modelPath: string;
  if (request.outPath) {
    await writeKnowledgeModel(request.outPath, spec.facts, { avoidTexts: spec.avoidTexts, weights });
    modelPath = request.outPath;
  } else {
    modelPath = (await ensureFixtureModel(undefined, { kind: 'knowledge', ...spec })).path;
  }
  const queries = sampleQueries(all, { n: Math.min(DEMO_QUERY_COUNT, all.length), seed: request.seed ?? FIXTURE_SEED, stratify: true });
  const expectedCorrect = queries.filter((q) => plan.expected[q.id]?.correct).length;
  return { modelPath, queries, plan, expectedCorrect };
}
