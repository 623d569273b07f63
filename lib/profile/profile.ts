import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EnergySession, type EnergyReport, type EnergySourceName, type QueryEnergy, type SourceOptions } from '../energy/index.ts';
import { JudgeCache, gradeResponse, type JudgeModel } from '../grade/index.ts';
import { summarize, type SummaryRow } from '../metrics/index.ts';
import { formatPrompt, loadQueries, type LoadOptions, type Query } from '../queries/index.ts';
import { addGeneration, assertGgufFile, emptyCpuAccount, openRunner, sampleCpu, summarizeCpu, type CpuAccount, type CpuSample, parseModelSpec, timingsOf, type Generation, type ModelRunner, type RunnerOptions } from '../run/index.ts';
import {
  RunJournal,
  collectHardware,
  collectSoftware,
  finalizeRun,
  hashFile,
  resumeRun,
  startRun,
  writeManifest,
  type QueryResult,
} from '../store/index.ts';

export interface ProfileOptions extends RunnerOptions {
  /** A GGUF path or `openai:URL#model`. */
  model: string;
  /** A query file or folder, `sample`, or queries already loaded. */
  queries: string | Query[];
  load?: LoadOptions;
  /** Run folder; it receives journal.jsonl, results.parquet and manifest.json. */
  outDir: string;
  /** Continue the run in `outDir`, skipping queries already in its journal. */
  resume?: boolean;
  maxTokens?: number;
  /** Queries run first and thrown away, so one-off costs (page faults, allocations) stay out of the results. */
  warmupQueries?: number;
  /** With warm-up queries, keep warming up (cycling through the queries) until this many seconds have passed (default 2). */
  warmupS?: number;
  energy?: EnergySourceName | 'auto';
  wattsPerCore?: number;
  /** Where and how to read the energy source (RAPL root, NVML library and GPU, ...). */
  energyOptions?: SourceOptions;
  /** Sampling period of the energy sampler, ms (default 50). */
  sampleMs?: number;
  /** Idle seconds measured before the queries, for net energy (default 2; 0 skips, net energy is then NaN). */
  baselineS?: number;
  judge?: JudgeModel;
  /** Verdict cache shared across runs; defaults to judge-cache.jsonl in the run folder. */
  judgeCache?: JudgeCache;
  /** Ask the judge to read the answer when the rules find none or several (needs `judge`). */
  judgeFallback?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: ProfileProgress) => void;
}

export interface ProfileProgress {
  done: number;
  total: number;
  /** Queries completed in this process (excludes those resumed from the journal). */
  doneNow: number;
  elapsedMs: number;
  correct: number;
  energyJ: number;
  last: QueryResult;
}

export interface ProfileResult {
  runDir: string;
  runId: string;
  results: QueryResult[];
  summary: SummaryRow[];
  /** False when the run was interrupted; it can be resumed. */
  complete: boolean;
  energy: EnergyReport;
}

export const DEFAULT_MAX_TOKENS = 256;

/** trace.bin/json for the first invocation of a run, trace-2, trace-3... for each resume, so none is overwritten. */
function traceBaseName(runDir: string): string {
  for (let k = 1; ; k++) {
    const base = k === 1 ? 'trace' : `trace-${k}`;
    if (!existsSync(join(runDir, `${base}.json`))) return base;
  }
}

/**
 * Runs one query. Energy windows use the generation's own timestamps (start, first token, end), so joules and
 * timings describe exactly the same intervals; the marks only ask the sampler for a sample at each edge.
 */
async function runOne(runner: ModelRunner, energy: EnergySession, query: Query, maxTokens: number, signal?: AbortSignal, warmup = false, cpu?: CpuAccount) {
  await energy.markSettled();
  const cpuStart = sampleCpu({ threads: true });
  let cpuFirst: CpuSample | undefined;
  const generation = await runner.generate(
    { prompt: formatPrompt(query), maxTokens, signal },
    {
      onFirstToken: () => {
        cpuFirst = sampleCpu();
        energy.mark();
      },
    },
  );
  const cpuEnd = sampleCpu({ threads: true });
  if (cpu) addGeneration(cpu, cpuStart, cpuFirst, cpuEnd, generation.completionTokens, generation.outsideDecodeMs);
  energy.mark();
  const windows: QueryEnergy = await energy.query(generation.startMs, generation.tokenTimesMs[0], generation.endMs, { warmup });
  return { generation, windows };
}

/**
 * Profiles one model over a query set: per query, a timed generation inside prefill and decode energy windows,
 * then a grade, appended durably to the run's journal before the next query starts.
 */
export async function profile(options: ProfileOptions): Promise<ProfileResult> {
  const queries = typeof options.queries === 'string' ? await loadQueries(options.queries, options.load) : options.queries;
  const judged = queries.filter((q) => q.grader === 'judge').length;
  if (judged > 0 && !options.judge) {
    throw new Error(`${judged} of ${queries.length} queries are graded by an LLM judge. Pass --judge <file.gguf | openai:URL#model>, or --limit/--map to other graders.`);
  }
  const modelSpec = parseModelSpec(options.model);
  const maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
  const energy = await EnergySession.start({
    ...options.energyOptions,
    source: options.energy,
    wattsPerCore: options.wattsPerCore,
    sampleMs: options.sampleMs,
    baselineS: options.baselineS,
  });
  const source = energy.info;
  // Before anything is written: a bad model path should not leave a run folder behind.
  if (modelSpec.kind === 'gguf') {
    await assertGgufFile(modelSpec.path).catch(async (error: unknown) => {
      await energy.finish(undefined).catch(() => undefined);
      throw error;
    });
  }
  const settings = {
    maxTokens,
    warmupQueries: options.warmupQueries ?? 1,
    warmupS: options.warmupS ?? 2,
    seed: options.seed ?? 0,
    threads: options.threads ?? null,
    gpu: options.gpu ?? 'auto',
    template: options.template ?? 'auto',
    engine: options.engine ?? 'auto',
    library: options.library ?? 'auto',
    systemPrompt: options.systemPrompt ?? null,
    energySource: source.name,
    energyMethod: source.method,
    sampleMs: energy.sampler.periodMs,
    baselineS: energy.baselineS,
    judge: options.judge?.name ?? null,
    judgeFallback: options.judgeFallback ?? false,
  };
  const runSpec = {
    runId: randomUUID(),
    model: modelSpec.kind === 'gguf' ? { path: modelSpec.path } : { url: modelSpec.baseUrl, name: modelSpec.model },
    queriesSource: typeof options.queries === 'string' ? options.queries : '(in memory)',
    queryIds: queries.map((q) => q.id),
    settings,
  };
  let run;
  try {
    run = options.resume ? resumeRun(options.outDir, runSpec) : startRun(options.outDir, runSpec);
  } catch (error) {
    await energy.finish(undefined).catch(() => undefined);
    throw error;
  }
  const journal = RunJournal.open(options.outDir);
  const doneIds = journal.completedIds();
  const pending = queries.map((query, index) => ({ query, index })).filter(({ query }) => !doneIds.has(query.id));

  const judgeCache = options.judge ? (options.judgeCache ?? (await JudgeCache.open(join(options.outDir, 'judge-cache.jsonl')))) : undefined;
  let runner: ModelRunner;
  try {
    runner = await openRunner(modelSpec, options);
  } catch (error) {
    journal.close();
    await energy.finish(undefined).catch(() => undefined);
    throw error;
  }
  const traceFile = traceBaseName(options.outDir);
  const startedMs = performance.now();
  const startedAtIso = new Date().toISOString();
  let doneNow = 0;
  let interrupted = false;
  const cpu = emptyCpuAccount();
  const serverTimings: Array<{ queryId: string } & NonNullable<Generation['serverTimings']>> = [];
  let energyReport: EnergyReport | undefined;
  try {
    // Idle with the model loaded: the state the queries start from.
    await energy.measureBaseline(options.signal);
    // After the idle baseline this VM needed 1-2 s of load to return to full speed: a 20M model's first queries decoded
    // up to 25% slower behind a one-query warm-up. So the warm-up lasts warmupS as well as warmupQueries queries.
    const warmupEndMs = performance.now() + settings.warmupS * 1000;
    for (let k = 0; settings.warmupQueries > 0 && pending.length > 0 && !options.signal?.aborted; k++) {
      if (k >= settings.warmupQueries && performance.now() >= warmupEndMs) break;
      await runOne(runner, energy, pending[k % pending.length]!.query, maxTokens, options.signal, true);
    }
    let correct = journal.results().filter((r) => r.correct).length;
    let energyJ = journal.results().reduce((sum, r) => sum + r.energyJ, 0);
    for (const { query, index } of pending) {
      if (options.signal?.aborted) {
        interrupted = true;
        break;
      }
      const startedAt = new Date().toISOString();
      const { generation, windows } = await runOne(runner, energy, query, maxTokens, options.signal, false, cpu);
      const { total, prefill, decode } = windows;
      if (generation.stopReason === 'abort') {
        interrupted = true;
        break;
      }
      const timings = timingsOf(generation);
      if (generation.serverTimings) serverTimings.push({ queryId: query.id, ...generation.serverTimings });
      const grade = await gradeResponse(query, generation.response, {
        judge: options.judge,
        judgeCache,
        judgeFallback: options.judgeFallback,
        truncated: generation.stopReason === 'max_tokens',
      });
      const prompt = formatPrompt(query);
      const result: QueryResult = {
        runId: run.runId,
        queryId: query.id,
        index,
        domain: query.domain,
        model: runner.description.name,
        accelerator: runner.description.accelerator,
        grader: query.grader,
        startedAt,
        response: generation.response,
        stopReason: generation.stopReason,
        promptTokens: generation.promptTokens,
        completionTokens: generation.completionTokens,
        ttftMs: timings.ttftMs,
        prefillMs: timings.prefillMs,
        decodeMs: timings.decodeMs,
        decodeTokensPerS: timings.decodeTokensPerS,
        interTokenMs: timings.interTokenMs,
        reference: query.answer,
        pred: grade.pred,
        correct: grade.correct,
        gradeStatus: grade.status,
        gradeRule: grade.rule,
        verdict: grade.verdict,
        energyJ: total.energyJ,
        prefillEnergyJ: prefill.energyJ,
        decodeEnergyJ: decode.energyJ,
        meanPowerW: total.meanPowerW,
        durationMs: timings.durationMs,
        energySource: total.source,
        energyMethod: total.method,
        energyIsEstimate: total.isEstimate,
        netEnergyJ: total.netEnergyJ,
        prefillNetEnergyJ: prefill.netEnergyJ,
        decodeNetEnergyJ: decode.netEnergyJ,
        idlePowerW: total.idlePowerW,
        energyMeasure: source.measure,
        energyFlags: windows.flags.join(','),
        promptSha256: createHash('sha256').update(prompt).digest('hex'),
        clockStartMs: generation.startMs,
        clockEndMs: generation.endMs,
        traceFile,
        gradeSpanStart: grade.span?.start ?? null,
        gradeSpanEnd: grade.span?.end ?? null,
        gradeSpanText: grade.span?.text ?? null,
        judgedVerdict: grade.judged?.raw ?? null,
      };
      journal.append(result);
      doneNow++;
      if (result.correct) correct++;
      energyJ += result.energyJ;
      options.onProgress?.({
        done: queries.length - pending.length + doneNow,
        total: queries.length,
        doneNow,
        elapsedMs: performance.now() - startedMs,
        correct,
        energyJ,
        last: result,
      });
    }
  } finally {
    await runner.close();
    journal.close();
    energyReport = await energy.finish(options.outDir, traceFile);
  }

  const rows = journal.results();
  const complete = !interrupted && rows.length === queries.length;
  const summary = summarize(rows, { groupBy: ['model', 'accelerator', 'domain'], bootstrap: { resamples: 1000, seed: settings.seed, confidence: 0.95 } });
  if (complete) {
    await finalizeRun(options.outDir);
    await writeManifest(options.outDir, {
      runId: run.runId,
      model: {
        ...runner.description,
        sha256: modelSpec.kind === 'gguf' ? await hashFile(modelSpec.path) : null,
        ...(serverTimings.length > 0 ? { serverTimings } : {}),
      },
      hardware: await collectHardware(),
      software: await collectSoftware(),
      // run.json keeps the settings as asked (resume compares them); the manifest adds what the runner resolved.
      settings: { ...settings, threadsUsed: runner.description.details.threads ?? null, threadChoice: runner.description.details.threadChoice ?? null },
      cpu: {
        note:
          'CPU seconds inside generation windows of this invocation: main JS thread (harness) vs all other threads (compute, libuv, V8). ' +
          'byRoleS: scheduler run time by thread: llama (the direct engine and the llama.cpp threads it started), sampler (energy), main, other (V8, libuv; node-llama-cpp\'s threads when its loop runs). ' +
          'directLoopS: time the direct engine\'s loop spent outside llama_decode while decoding (harness work on the first compute thread)',
        ...summarizeCpu(cpu),
      },
      energy: { source: source.name, method: source.method, isEstimate: source.isEstimate, report: { ...energyReport } },
      counts: { queries: queries.length, completed: rows.length },
      timings: { startedAt: startedAtIso, finishedAt: new Date().toISOString(), wallMs: performance.now() - startedMs },
      summary: summarize(rows, { groupBy: ['model', 'accelerator'], bootstrap: { resamples: 1000, seed: settings.seed, confidence: 0.95 } }),
    });
  }
  return { runDir: options.outDir, runId: run.runId, results: rows, summary, complete, energy: energyReport };
}
