import type { IdleBaseline } from '../energy/index.ts';
import { assertGgufFile, openRunner, parseModelSpec, type ModelRunner, type ModelSpec, type RunnerOptions } from '../run/index.ts';
import { hashFile } from '../store/index.ts';

/**
 * A model loaded once and kept, for running `profile()` cell after cell: its thread choice, its idle baseline and its
 * warm state carry over, so a second run starts its first query at once. `close()` frees it.
 */
export interface ModelSession {
  /** The model as given: a GGUF path or `openai:URL#model`. */
  readonly model: string;
  readonly spec: ModelSpec;
  readonly runner: ModelRunner;
  /** SHA-256 of the GGUF file; null for a served model. */
  readonly modelSha256: string | null;
  /** The runner options it was opened with (threads, gpu, template, ...). */
  readonly options: RunnerOptions;
  /** The last idle baseline measured with this model loaded; reused while younger than `baselineMaxAgeS`. */
  baseline: IdleBaseline | null;
  /** True once a run has warmed the model up; later runs skip the warm-up. */
  warm: boolean;
  close(): Promise<void>;
}

/** How long an idle baseline stays valid for later runs on the same session, seconds. Default 600. */
export const DEFAULT_BASELINE_MAX_AGE_S = 600;

/** The sessions openModel() opened and nobody has closed yet, oldest first. */
const OPEN_SESSIONS = new Set<ModelSession>();

/** Loads a model (a GGUF file in-process, or an OpenAI-compatible server) once, for several `profile()` runs. */
export async function openModel(model: string, options: RunnerOptions = {}): Promise<ModelSession> {
  const spec = parseModelSpec(model);
  if (spec.kind === 'gguf') await assertGgufFile(spec.path);
  const modelSha256 = spec.kind === 'gguf' ? await hashFile(spec.path) : null;
  const runner = await openRunner(spec, options);
  let closed = false;
  const session: ModelSession = {
    model,
    spec,
    runner,
    modelSha256,
    options,
    baseline: null,
    warm: false,
    async close() {
      if (closed) return;
      closed = true;
      OPEN_SESSIONS.delete(session);
      await runner.close();
    },
  };
  OPEN_SESSIONS.add(session);
  return session;
}

/** The model sessions open in this process (opened by openModel(), not closed yet), oldest first. */
export function openModelSessions(): ModelSession[] {
  return [...OPEN_SESSIONS];
}

/**
 * Closes every open model session, newest first, through each one's `close()`, as a host does before it exits (the
 * Jupyter kernel on shutdown and on SIGTERM). Tries them all; resolves to what happened to each.
 */
export async function closeModelSessions(): Promise<Array<{ model: string; error?: string }>> {
  const closed: Array<{ model: string; error?: string }> = [];
  for (const session of openModelSessions().reverse()) {
    try {
      await session.close();
      closed.push({ model: session.model });
    } catch (error) {
      OPEN_SESSIONS.delete(session);
      closed.push({ model: session.model, error: (error as Error).message });
    }
  }
  return closed;
}

/** True when `baseline` is recent enough to stand for idle power now. Pure. */
export function baselineIsFresh(baseline: IdleBaseline | null, maxAgeS: number, nowMs = Date.now()): baseline is IdleBaseline {
  return baseline !== null && (nowMs - Date.parse(baseline.takenAt)) / 1000 <= maxAgeS;
}
