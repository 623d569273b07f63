// A load test: many requests at once against an OpenAI-compatible server (one that batches them, e.g. llama-server
// --parallel N), every token timed, the server's energy measured over the load window and attributed to requests.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { EnergySession, type EnergyReport } from '../energy/index.ts';
import { gradeResponse, type GradeStatus } from '../grade/index.ts';
import { summarize, type SummaryRow } from '../metrics/index.ts';
import { DEFAULT_MAX_TOKENS, energyPlanFor, type EnergyChoice } from '../profile/index.ts';
import { formatPrompt, loadQuerySet, type LoadOptions as QuerySetOptions, type Query } from '../queries/index.ts';
import { openRunner, parseModelSpec, pause, startLlamaServer, type Generation, type ModelRunner, type ModelSpec, type RunnerOptions } from '../run/index.ts';
import { LoadJournal, finishLoadRun, startLoadRun, type LoadRequestRow } from '../store/index.ts';
import { parseArrivals, scheduleArrivals, type ArrivalMode, type ScheduledArrival } from './arrivals.ts';
import { ATTRIBUTION_RULE, attributeEnergy, prefillWeightOf, type Attribution, type WorkRequest } from './attribution.ts';
import { compareBooks, readServerCounters, type ServerBooks, type ServerCounters } from './server-counters.ts';
import { distribution, requestLatency, servingMetrics, type Distribution, type ServingMetrics, type Slo } from './serving-metrics.ts';

/** Solo requests sent one at a time before the load (a warm-up, and the prefill weight's calibration). */
export const DEFAULT_CALIBRATION_REQUESTS = 2;
/** Requests a GGUF model decodes together (llama-server slots, or in-process sequences). */
export const DEFAULT_PARALLEL = 4;
/** How a GGUF model is served under load. */
export const DEFAULT_SERVE = 'llama-server';
/** Retries of a request answered 429 or 5xx: none, so a server that sheds load shows failures (vLLM does not retry either). */
export const DEFAULT_LOAD_MAX_RETRIES = 0;
/** Above this fraction of one core, or above DISPATCH_LAG_WARN_MS of lag at p99, the load generator may be the bottleneck. */
const CLIENT_CPU_WARN_FRACTION = 0.5;
const DISPATCH_LAG_WARN_MS = 10;

export interface LoadTestOptions extends RunnerOptions, EnergyChoice {
  /**
   * `openai:URL#model` (any OpenAI-compatible server), or a GGUF path: then it is served for the length of the test as
   * `serve` says, with `parallel` requests decoded together.
   */
  model: string;
  /**
   * How a GGUF model is served. 'llama-server': the project's llama-server on 127.0.0.1 with `parallel` slots and
   * continuous batching; 'in-process': node-llama-cpp in this process, `parallel` sequences of one context evaluated
   * in one batch, so no server is needed. Default 'llama-server' (DEFAULT_SERVE).
   */
  serve?: 'llama-server' | 'in-process';
  /** A query file or folder, `sample`, or queries already loaded; request k asks query k mod n (replay may name one). */
  queries: string | Query[];
  /** How the query file is read (map, recipe, limit, ...). */
  queryOptions?: QuerySetOptions;
  /** Run folder: load.json, journal.jsonl, requests.jsonl/.parquet, summary.json, intervals.json, trace.*. */
  outDir: string;
  /** How requests arrive; `replayFile` reads replay arrivals from JSONL instead. */
  arrivals: ArrivalMode | { mode: 'replay'; replayFile: string };
  /** At most this many requests. Default: the number of queries, when durationS is not given either. */
  requests?: number;
  /** No request is sent after this many seconds; those in flight finish. */
  durationS?: number;
  /** Most tokens generated per request. Default 256 (lib/profile DEFAULT_MAX_TOKENS). */
  maxTokens?: number;
  /** Objectives for goodput, ms (`parseSlo('ttft=500ms,tpot=50ms')`). Default none: no goodput. */
  slo?: Slo;
  /** Percentiles reported for TTFT, TPOT, ITL and E2EL. Default 50, 90, 95, 99. */
  percentiles?: number[];
  /** Solo requests before the load (warm-up and calibration of prefillWeight). Default 2 (DEFAULT_CALIBRATION_REQUESTS). */
  calibrationRequests?: number;
  /** Cost of one prompt token relative to one output token in the attribution. Default: calibrated from the solo requests. */
  prefillWeight?: number;
  /** Requests a GGUF model decodes together: llama-server slots, or in-process sequences. Default 4 (DEFAULT_PARALLEL). */
  parallel?: number;
  /** Sampling period of the energy sampler, ms (lib/energy's DEFAULT_SAMPLE_MS). */
  sampleMs?: number;
  /** Idle seconds measured before the load, for net energy (lib/energy's DEFAULT_BASELINE_S; 0 skips: net figures NaN). */
  baselineS?: number;
  /** Stops sending; requests in flight are abandoned (rows with stop reason 'abort', left out of the metrics). */
  signal?: AbortSignal;
  onProgress?: (progress: LoadProgress) => void;
}

export interface LoadProgress {
  /** Requests ended so far, of those planned (NaN for a closed loop bounded by duration only). */
  ended: number;
  planned: number;
  failed: number;
  elapsedMs: number;
}

/** Energy of the load window, attributed and model-free, with its labels. */
export interface LoadEnergy {
  source: string;
  method: string;
  measure: string;
  isEstimate: boolean;
  /** The primary domains, joined with '+': what totalJ covers. */
  domain: string;
  windowMs: number;
  totalJ: number;
  attributedJ: number;
  idleJ: number;
  gapJ: number;
  idlePowerW: number;
  /** Gross joules of the window in every domain sampled, and net of each domain's idle power. */
  byDomainJ: Record<string, number>;
  netByDomainJ: Record<string, number>;
  /** Mean attributed joules per completed request, gross and net. */
  meanRequestJ: number;
  meanRequestNetJ: number;
  /** Model-free: total energy / completed requests, and the same net of idle power x window. */
  perCompletedJ: number;
  perCompletedNetJ: number;
  /** Output tokens of completed requests per joule of the window. */
  outputTokensPerJ: number;
  rule: string;
  prefillWeight: number;
  prefillWeightFrom: string;
}

export interface LoadSummary {
  runId: string;
  /** False when the test was stopped early (signal). */
  complete: boolean;
  model: { name: string; location: string; accelerator: string; servedBy: string };
  arrivals: Record<string, unknown>;
  settings: Record<string, unknown>;
  metrics: ServingMetrics;
  /** Graded completed requests: accuracy, IPW and IPJ by lib/metrics `summarize`, as for a profile run. */
  accuracy: SummaryRow[];
  energy: LoadEnergy;
  /** The server's Prometheus counters over the window beside the client's, or why they could not be read. */
  serverBooks: ServerBooks | { unavailable: string };
  client: {
    /** CPU time of this process over the load window (the generator; the energy sampler thread too), and per wall ms. */
    cpuMs: number;
    wallMs: number;
    cpuFraction: number;
    /** Sent minus due, open loop: how late the generator sent. */
    dispatchLagMs: Distribution;
  };
  calibration: { requests: number; prefillWeight: number; from: string };
  energyReport: EnergyReport;
  warnings: string[];
}

export interface LoadTestResult {
  runDir: string;
  rows: LoadRequestRow[];
  summary: LoadSummary;
  attribution: Attribution;
}

/** One request as sent: which query, when due, and what came back. */
interface Sent {
  index: number;
  query: Query;
  scheduledMs: number;
  generation: Generation;
}

/** Resources released in reverse order, whatever happens. */
class Cleanup {
  readonly #steps: Array<() => Promise<unknown> | unknown> = [];
  add(step: () => Promise<unknown> | unknown): void {
    this.#steps.push(step);
  }
  async run(): Promise<void> {
    for (const step of this.#steps.splice(0).reverse()) await Promise.resolve().then(step).catch(() => undefined);
  }
}


/** Resolves replay arrivals from a file; checks the query ids they name. */
async function resolveArrivals(options: LoadTestOptions, queries: readonly Query[]): Promise<ArrivalMode> {
  const a = options.arrivals;
  const mode: ArrivalMode = 'replayFile' in a ? { mode: 'replay', arrivals: parseArrivals(await readFile(a.replayFile, 'utf8'), a.replayFile) } : a;
  if (mode.mode === 'replay') {
    const ids = new Set(queries.map((q) => q.id));
    const unknown = mode.arrivals.find((r) => r.queryId !== undefined && !ids.has(r.queryId));
    if (unknown) throw new Error(`replay names query "${unknown.queryId}", which is not in the query set (${queries.length} queries)`);
  }
  return mode;
}

/**
 * Sends requests as the mode says and resolves when every one has ended. `send` is called with the request's index
 * and when it was due; open loops send on schedule whether or not earlier requests ended.
 */
async function dispatch(
  mode: ArrivalMode,
  schedule: ScheduledArrival[] | undefined,
  bounds: { requests?: number; durationS?: number },
  send: (index: number, scheduledMs: number, queryId: string | undefined) => Promise<void>,
  signal: AbortSignal | undefined,
): Promise<number> {
  const t0 = performance.now();
  if (mode.mode === 'closed') {
    const maxN = bounds.requests ?? Infinity;
    const deadline = bounds.durationS === undefined ? Infinity : t0 + bounds.durationS * 1000;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < maxN && !signal?.aborted) {
        const due = performance.now();
        if (due >= deadline) return;
        await send(next++, due, undefined);
      }
    };
    await Promise.all(Array.from({ length: mode.concurrency }, worker));
    return t0;
  }
  const inFlight = new Set<Promise<void>>();
  for (const [k, arrival] of schedule!.entries()) {
    const due = t0 + arrival.atMs;
    // Timers fire on whole milliseconds, sometimes a fraction early: never send before the request is due.
    for (let wait = due - performance.now(); wait > 0 && !signal?.aborted; wait = due - performance.now()) await pause(wait, signal);
    if (signal?.aborted) break;
    const p: Promise<void> = send(k, due, arrival.queryId).finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  return t0;
}

/** The request as attribution sees it. */
function workOf(g: Generation): WorkRequest & { serverDecodeMs?: number; serverDecodeTokens?: number } {
  return {
    sentMs: g.startMs,
    tokenTimesMs: g.tokenTimesMs,
    endMs: g.endMs,
    promptTokens: g.promptTokens,
    outputTokens: g.completionTokens,
    ...(g.serverTimings ? { serverPromptMs: g.serverTimings.promptMs, serverDecodeMs: g.serverTimings.predictedMs, serverDecodeTokens: g.serverTimings.predictedTokens } : {}),
  };
}

/** `http://host:port/v1` -> `http://host:port/metrics`, where llama-server and vLLM serve their counters. */
function metricsUrlOf(baseUrl: string): string {
  return new URL('/metrics', new URL(baseUrl)).href;
}

/**
 * Runs a load test and stores it in `outDir`. Order: open the model (starting llama-server for a GGUF), start
 * sampling the server's energy (`energyPlanFor`: its process on this machine, its RAPL, or an exporter), idle baseline,
 * solo calibration requests, then the load window: every request streamed with each chunk's arrival time and
 * journaled as it ends. After the window: attribution of its energy to requests (`ATTRIBUTION_RULE`), grading,
 * vLLM's serving metrics, the server's counters beside the client's, and the run's files.
 */
export async function loadTest(options: LoadTestOptions): Promise<LoadTestResult> {
  const loaded = typeof options.queries === 'string' ? await loadQuerySet(options.queries, options.queryOptions) : { queries: options.queries, notices: [] };
  const queries = loaded.queries;
  if (queries.length === 0) throw new Error('the query set is empty');
  const judged = queries.filter((q) => q.grader === 'judge').length;
  if (judged > 0) throw new Error(`${judged} of ${queries.length} queries are graded by an LLM judge, which a load test does not run: load them with other graders (queryOptions.grader)`);
  const mode = await resolveArrivals(options, queries);
  const bounds = { requests: options.requests ?? (options.durationS === undefined && mode.mode !== 'replay' ? queries.length : undefined), durationS: options.durationS };
  const schedule = scheduleArrivals(mode, bounds);
  const maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
  const calibrationRequests = options.calibrationRequests ?? DEFAULT_CALIBRATION_REQUESTS;
  if (!(Number.isInteger(calibrationRequests) && calibrationRequests >= 0)) throw new RangeError(`calibrationRequests must be a whole number, 0 or more; got ${calibrationRequests}`);
  if (options.prefillWeight !== undefined && !(options.prefillWeight >= 0)) throw new RangeError(`prefillWeight must be 0 or more, got ${options.prefillWeight}`);
  if (calibrationRequests === 0 && options.prefillWeight === undefined) throw new RangeError('with calibrationRequests 0, give prefillWeight: there is nothing to calibrate it from');
  const parallel = options.parallel ?? DEFAULT_PARALLEL;
  if (!(Number.isInteger(parallel) && parallel >= 1)) throw new RangeError(`parallel must be a whole number, 1 or more; got ${parallel}`);

  const cleanup = new Cleanup();
  const warnings: string[] = loaded.notices.map((n) => n.message);
  try {
    const asked: ModelSpec = parseModelSpec(options.model);
    const serve = options.serve ?? DEFAULT_SERVE;
    if (serve !== 'llama-server' && serve !== 'in-process') throw new RangeError(`serve must be 'llama-server' or 'in-process'; got ${String(serve)}`);
    // What runs the requests, what is measured, and where the server's own counters are (none in-process).
    let spec: ModelSpec;
    let servedBy: string;
    let metricsUrl: string | null;
    if (asked.kind === 'gguf' && serve === 'in-process') {
      spec = asked;
      servedBy = `in-process: node-llama-cpp, ${parallel} sequences of one context evaluated in one batch`;
      metricsUrl = null;
    } else if (asked.kind === 'gguf') {
      const alias = asked.path.split(/[\\/]/).pop()!.replace(/\.gguf$/i, '');
      const server = await startLlamaServer({ modelPath: asked.path, alias, threads: options.threads, contextSize: options.contextSize, parallel, metrics: true });
      cleanup.add(() => server.close());
      spec = { kind: 'openai', baseUrl: server.url, model: alias };
      servedBy = `llama-server --parallel ${parallel} --metrics (continuous batching), started for this test on ${server.url}; pid ${server.pid}`;
      metricsUrl = metricsUrlOf(spec.baseUrl);
    } else {
      spec = asked;
      servedBy = `the OpenAI-compatible server at ${spec.baseUrl}`;
      metricsUrl = metricsUrlOf(spec.baseUrl);
    }
    const runnerOptions = { ...options, maxRetries: options.maxRetries ?? DEFAULT_LOAD_MAX_RETRIES, ...(spec.kind === 'gguf' ? { sequences: parallel } : {}) };
    const runner: ModelRunner = await openRunner(spec, runnerOptions);
    cleanup.add(() => runner.close());
    const { plan, sourceOptions } = energyPlanFor(spec, runner, options);
    const energy = await EnergySession.start({ ...sourceOptions, plan, sampleMs: options.sampleMs, baselineS: options.baselineS });
    let energyReport: EnergyReport | undefined;
    // The trace goes into the run folder only once this test has created it: never into another run's folder.
    let traceDir: string | undefined;
    cleanup.add(async () => (energyReport ??= await energy.finish(traceDir)));
    warnings.push(...energy.notes);
    const info = energy.info;
    const runId = randomUUID();
    const settings = {
      maxTokens,
      requests: bounds.requests ?? null,
      durationS: bounds.durationS ?? null,
      calibrationRequests,
      prefillWeight: options.prefillWeight ?? null,
      parallel: asked.kind === 'gguf' ? parallel : null,
      serve: asked.kind === 'gguf' ? serve : null,
      seed: options.seed ?? 0,
      maxRetries: options.maxRetries ?? DEFAULT_LOAD_MAX_RETRIES,
      slo: options.slo ?? null,
      energySource: info.name,
      energyMethod: info.method,
      energyDomain: info.primaryDomains.join('+'),
      sampleMs: energy.sampler.periodMs,
      baselineS: energy.baselineS,
    };
    const arrivalsSetting = mode.mode === 'replay' ? { mode: 'replay', arrivals: mode.arrivals.length, file: 'replayFile' in options.arrivals ? options.arrivals.replayFile : null } : { ...mode };
    startLoadRun(options.outDir, {
      runId,
      createdAt: new Date().toISOString(),
      model: asked.kind === 'openai' ? { url: asked.baseUrl, name: asked.model } : { path: asked.path, name: runner.description.name },
      queriesSource: typeof options.queries === 'string' ? options.queries : '(in memory)',
      settings: { ...settings, arrivals: arrivalsSetting },
    });
    traceDir = options.outDir;
    energy.recordTrace(options.outDir, 'trace');
    const journal = new LoadJournal(options.outDir);
    cleanup.add(() => journal.close());

    // Idle with the model loaded, then solo requests: a warm-up, and the prefill/decode cost ratio.
    await energy.measureBaseline(options.signal);
    const solo: Generation[] = [];
    for (let k = 0; k < calibrationRequests && !options.signal?.aborted; k++) {
      const q = queries[k % queries.length]!;
      solo.push(await runner.generate({ prompt: formatPrompt(q), maxTokens, queryId: q.id, signal: options.signal }));
    }
    const calibrated = prefillWeightOf(solo.filter((g) => g.stopReason !== 'error' && g.stopReason !== 'abort').map(workOf));
    let prefillWeight: number;
    let prefillWeightFrom: string;
    if (options.prefillWeight !== undefined) {
      prefillWeight = options.prefillWeight;
      prefillWeightFrom = 'the prefillWeight option';
    } else if (Number.isFinite(calibrated)) {
      prefillWeight = calibrated;
      prefillWeightFrom = solo.some((g) => g.serverTimings) ? `${solo.length} solo requests, by the server's timings (prompt ms per token / decode ms per token, median)` : `${solo.length} solo requests, by the client's TTFT per prompt token over TPOT (median)`;
    } else {
      prefillWeight = 1;
      prefillWeightFrom = '1: the solo requests had no prefill and decode to compare (one output token or fewer)';
      warnings.push(`prefillWeight could not be calibrated (the solo requests gave one output token or fewer); prompt and output tokens weigh the same`);
    }

    const noServer = { unavailable: 'served in-process: there is no server to keep counters' };
    const before = metricsUrl === null ? noServer : await readServerCounters(metricsUrl);

    // The load window.
    const sent: Sent[] = [];
    const planned = schedule?.length ?? bounds.requests ?? NaN;
    let failed = 0;
    const byId = new Map(queries.map((q) => [q.id, q]));
    const cpu0 = process.cpuUsage();
    const startedMs = performance.now();
    const send = async (index: number, scheduledMs: number, queryId: string | undefined): Promise<void> => {
      const query = (queryId !== undefined ? byId.get(queryId) : undefined) ?? queries[index % queries.length]!;
      const generation = await runner.generate({ prompt: formatPrompt(query), maxTokens, queryId: query.id, signal: options.signal });
      const entry: Sent = { index, query, scheduledMs, generation };
      sent.push(entry);
      if (generation.stopReason === 'error') failed++;
      journal.append(rowOf(entry, runId, runner, info, null, null));
      options.onProgress?.({ ended: sent.length, planned, failed, elapsedMs: performance.now() - startedMs });
    };
    const t0 = await dispatch(mode, schedule, bounds, send, options.signal);
    const cpu = process.cpuUsage(cpu0);
    const interrupted = options.signal?.aborted === true;
    sent.sort((a, b) => a.index - b.index);
    const windowStartMs = sent.reduce((m, s) => Math.min(m, s.generation.startMs), t0);
    const windowEndMs = sent.reduce((m, s) => Math.max(m, s.generation.endMs), windowStartMs + 1);
    const after = metricsUrl === null ? noServer : await readServerCounters(metricsUrl);

    // Energy of the window, split among the requests.
    await energy.sampler.settle(windowEndMs);
    const attribution = attributeEnergy(energy.sampler.trace, sent.map((s) => workOf(s.generation)), {
      startMs: windowStartMs,
      endMs: windowEndMs,
      idlePowerW: energy.idlePowerW,
      prefillWeight,
    });
    const domains = energy.sampler.domainWindows(windowStartMs, windowEndMs, energy.idlePowerByDomainW);

    // Grades, after the window, so grading never competes with the streams for the generator's thread.
    const rows: LoadRequestRow[] = [];
    for (const [i, s] of sent.entries()) {
      const g = s.generation;
      const grade = g.stopReason === 'error' || g.stopReason === 'abort' ? null : await gradeResponse(s.query, g.response, { truncated: g.stopReason === 'max_tokens' });
      rows.push(rowOf(s, runId, runner, info, grade, attribution.requests[i]!));
    }
    const measured = rows.filter((r) => r.stopReason !== 'abort');
    const metrics = servingMetrics(
      measured.map((r) => ({ sentMs: r.sentMs, tokenTimesMs: r.tokenTimesMs, endMs: r.endMs, promptTokens: r.promptTokens, outputTokens: r.completionTokens, ok: r.ok })),
      { slo: options.slo, percentiles: options.percentiles, durationS: (windowEndMs - t0) / 1000 },
    );
    const completed = measured.filter((r) => r.ok);
    const windowMs = windowEndMs - windowStartMs;
    const idleWindowJ = energy.idlePowerW * (windowMs / 1000);
    const loadEnergy: LoadEnergy = {
      source: info.name,
      method: info.method,
      measure: info.measure,
      isEstimate: info.isEstimate,
      domain: info.primaryDomains.join('+'),
      windowMs,
      totalJ: attribution.totalJ,
      attributedJ: attribution.attributedJ,
      idleJ: attribution.idleJ,
      gapJ: attribution.gapJ,
      idlePowerW: energy.idlePowerW,
      byDomainJ: Object.fromEntries(Object.entries(domains).map(([d, w]) => [d, w.energyJ])),
      netByDomainJ: Object.fromEntries(Object.entries(domains).map(([d, w]) => [d, w.netEnergyJ])),
      meanRequestJ: mean(completed.map((r) => r.energyJ)),
      meanRequestNetJ: mean(completed.map((r) => r.netEnergyJ)),
      perCompletedJ: completed.length === 0 ? NaN : attribution.totalJ / completed.length,
      perCompletedNetJ: completed.length === 0 ? NaN : (attribution.totalJ - idleWindowJ) / completed.length,
      outputTokensPerJ: metrics.totalOutputTokens / attribution.totalJ,
      rule: ATTRIBUTION_RULE,
      prefillWeight,
      prefillWeightFrom,
    };
    const client = {
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs: windowEndMs - t0,
      cpuFraction: (cpu.user + cpu.system) / 1000 / (windowEndMs - t0),
      dispatchLagMs: distribution(mode.mode === 'closed' ? [] : sent.map((s) => s.generation.startMs - s.scheduledMs), options.percentiles),
    };
    if (client.cpuFraction > CLIENT_CPU_WARN_FRACTION) warnings.push(`the load generator used ${(client.cpuFraction * 100).toFixed(0)}% of a core over the window: it may be part of the bottleneck`);
    if (client.dispatchLagMs.percentilesMs.p99 !== undefined && client.dispatchLagMs.percentilesMs.p99 > DISPATCH_LAG_WARN_MS) {
      warnings.push(`requests were sent up to ${client.dispatchLagMs.percentilesMs.p99.toFixed(1)} ms late (p99): the offered load was lower than asked`);
    }
    if (metrics.failed > 0) warnings.push(`${metrics.failed} of ${metrics.requests} requests failed; they are counted as failures, not in the latencies`);
    let serverBooks: LoadSummary['serverBooks'];
    if ('counters' in before && 'counters' in after) {
      // Every request that reached the server, failed ones included, as the server counts them.
      const reached = measured.filter((r) => r.promptTokens > 0);
      serverBooks = compareBooks(metricsUrl!, before.counters as ServerCounters, after.counters as ServerCounters, {
        requests: reached.length,
        promptTokens: reached.reduce((s, r) => s + r.promptTokens, 0),
        generatedTokens: reached.reduce((s, r) => s + r.completionTokens, 0),
      });
      if (!serverBooks.agree) warnings.push(`the server's counters differ from the client's: ${JSON.stringify({ server: serverBooks.server, client: serverBooks.client })}`);
    } else {
      serverBooks = { unavailable: 'unavailable' in before ? before.unavailable : (after as { unavailable: string }).unavailable };
    }
    energyReport = await energy.finish(options.outDir);
    // Failed requests stay in as wrong answers, as error rows do in a profile run; abandoned ones are left out.
    const accuracy = summarize(
      measured.map((r) => ({ ...r, gradeStatus: r.gradeStatus as GradeStatus })),
      { groupBy: ['model', 'accelerator'] },
    );
    const summary: LoadSummary = {
      runId,
      complete: !interrupted,
      model: { name: runner.description.name, location: runner.description.location, accelerator: runner.description.accelerator, servedBy },
      arrivals: arrivalsSetting,
      settings,
      metrics,
      accuracy,
      energy: loadEnergy,
      serverBooks,
      client,
      calibration: { requests: solo.length, prefillWeight, from: prefillWeightFrom },
      energyReport,
      warnings,
    };
    journal.close();
    await finishLoadRun(options.outDir, rows, summary, attribution.intervals);
    return { runDir: options.outDir, rows, summary, attribution };
  } finally {
    await cleanup.run();
  }
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((s, v) => s + v, 0) / values.length;
}

/** A stored row: timings, then the grade and the attributed energy once known (pending and NaN in the journal). */
function rowOf(
  s: Sent,
  runId: string,
  runner: ModelRunner,
  info: { name: string; method: string; isEstimate: boolean; primaryDomains: readonly string[]; measure: string },
  grade: Awaited<ReturnType<typeof gradeResponse>> | null,
  energy: Attribution['requests'][number] | null,
): LoadRequestRow {
  const g = s.generation;
  const ok = g.stopReason !== 'error' && g.stopReason !== 'abort';
  const latency = requestLatency({ sentMs: g.startMs, tokenTimesMs: g.tokenTimesMs, endMs: g.endMs, promptTokens: g.promptTokens, outputTokens: g.completionTokens, ok });
  const durationS = (g.endMs - g.startMs) / 1000;
  const energyJ = energy?.grossJ ?? NaN;
  return {
    runId,
    requestId: `r${String(s.index + 1).padStart(6, '0')}`,
    index: s.index,
    queryId: s.query.id,
    domain: s.query.domain,
    model: runner.description.name,
    accelerator: runner.description.accelerator,
    grader: s.query.grader,
    scheduledMs: s.scheduledMs,
    sentMs: g.startMs,
    firstTokenMs: g.tokenTimesMs[0] ?? NaN,
    endMs: g.endMs,
    tokenTimesMs: g.tokenTimesMs,
    promptTokens: g.promptTokens,
    completionTokens: g.completionTokens,
    stopReason: g.stopReason,
    ok,
    error: g.error ?? null,
    ttftMs: latency.ttftMs,
    tpotMs: latency.tpotMs,
    e2elMs: latency.e2elMs,
    serverPromptMs: g.serverTimings?.promptMs ?? NaN,
    serverDecodeMs: g.serverTimings?.predictedMs ?? NaN,
    response: g.response,
    pred: grade?.pred ?? null,
    correct: grade?.correct ?? false,
    gradeStatus: grade?.status ?? (ok ? 'pending' : 'error'),
    gradeRule: grade?.rule ?? (ok ? 'graded after the load' : 'not-run'),
    energyJ,
    netEnergyJ: energy?.netJ ?? NaN,
    meanPowerW: durationS > 0 ? energyJ / durationS : NaN,
    prefillUnits: energy?.prefillUnits ?? NaN,
    decodeUnits: energy?.decodeUnits ?? NaN,
    energySource: info.name,
    energyMethod: info.method,
    energyIsEstimate: info.isEstimate,
    energyDomain: info.primaryDomains.join('+'),
    energyMeasure: info.measure,
  };
}
