import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  EnergySession,
  Preflight,
  capabilityReport,
  openEnergySource,
  openNvmlLoadProbe,
  recoverPowerTraces,
  type EnergyReport,
  type EnergySourceName,
  type PreflightReading,
  type QueryEnergy,
  type SourceOptions,
} from '../energy/index.ts';
import { OptionError } from '../errors/index.ts';
import {
  DEFAULT_AGENT_KV,
  DEFAULT_AGENT_PROTOCOL,
  DEFAULT_MAX_TASK_TOKENS,
  DEFAULT_MAX_TURN_TOKENS,
  DEFAULT_MAX_TURNS,
  DEFAULT_TOOL_TIMEOUT_MS,
  loadAgentTasks,
  runAgentTask,
  type AgentTask,
} from '../agent/index.ts';
import { JudgeCache, gradeResponse, type Grade, type JudgeModel } from '../grade/index.ts';
import { BOOTSTRAP, summarize, type SummaryRow } from '../metrics/index.ts';
import { formatPrompt, loadQuerySet, type LoadOptions, type Query } from '../queries/index.ts';
import {
  DEFAULT_ENGINE,
  DEFAULT_GPU,
  DEFAULT_LIBRARY,
  DEFAULT_SEED,
  DEFAULT_TEMPLATE,
  addGeneration,
  emptyCpuAccount,
  sampleCpu,
  summarizeCpu,
  type CpuAccount,
  type CpuSample,
  type Generation,
  type ReasoningMode,
  type RunnerOptions,
} from '../run/index.ts';
import {
  AgentJournal,
  RunJournal,
  collectHardware,
  collectSoftware,
  finalizeAgentTables,
  finalizeRun,
  resumeRun,
  startRun,
  writeManifest,
  type AgentTaskRecord,
  type QueryResult,
} from '../store/index.ts';
import { agentRecord, DEFAULT_WORKLOAD, taskGeneration, taskGrade, taskQuery, type AgentWorkloadOptions, type Workload } from './agent-workload.ts';
import type { EfficiencyOptions } from '../efficiency/index.ts';
import { checkEfficiencyOptions, noDerived, runDerived, type RunDerived } from './derived.ts';
import { energyPlanFor } from './energy-plan.ts';
import { runHost } from './host.ts';
import { DEFAULT_BASELINE_MAX_AGE_S, baselineIsFresh, openModel, type ModelSession } from './model-session.ts';
import { queryRow } from './query-row.ts';

export interface ProfileOptions extends RunnerOptions {
  /**
   * A GGUF path or `openai:URL#model`, loaded for this run and closed after it; or a model kept open with
   * `openModel()`, whose idle baseline (while fresh) and warm state later runs reuse.
   */
  model: string | ModelSession;
  /**
   * A query file or folder, `sample`, or queries already loaded. With `workload: 'agent'`: an agent task file
   * (lib/agent's format, e.g. data/agent-tasks.jsonl) or tasks already loaded.
   */
  queries: string | Query[] | AgentTask[];
  /**
   * `queries`: one generation per query. `agent`: each item is an agent task run through lib/agent's loop (tools,
   * many turns); its row in results.parquet holds the Final Answer, its grade and the task window's energy, and
   * agent_tasks/agent_turns/agent_tool_calls.parquet hold its turns and tool calls. Default 'queries' (DEFAULT_WORKLOAD).
   */
  workload?: Workload;
  /** The agent loop's limits, KV mode and extra tools, with `workload: 'agent'`. */
  agent?: AgentWorkloadOptions;
  /** Thinking of reasoning models (lib/run's ReasoningMode), recorded in the manifest. Default: as the template does it. */
  reasoning?: ReasoningMode;
  load?: LoadOptions;
  /** Run folder; it receives journal.jsonl, results.parquet and manifest.json. */
  outDir: string;
  /** Continue the run in `outDir`, skipping queries already in its journal. */
  resume?: boolean;
  /** Most tokens generated per query. Default 256. */
  maxTokens?: number;
  /** Queries run first and thrown away, so one-off costs (page faults, allocations) stay out of the results. Default 1. */
  warmupQueries?: number;
  /** With warm-up queries, keep warming up (cycling through the queries) until this many seconds have passed. Default 2. */
  warmupS?: number;
  /**
   * Queries that could not run (stop reason 'error') are rows with gradeStatus 'error', and the run goes on; past this
   * many, the setup is taken to be broken and the run stops. Default: DEFAULT_MAX_ERROR_FRACTION (5%) of the run's
   * queries, rounded up.
   */
  maxErrors?: number;
  /**
   * The source of the primary energy domain, or `auto` (default): chosen from where the model runs (RAPL for CPU runs,
   * NVML or amdgpu for GPU runs, powermetrics on Metal, the estimate where no sensor exists). Every other hardware
   * source available is recorded as separate domains.
   */
  energy?: EnergySourceName | 'auto';
  /** Primary energy domains, overriding the choice from where the model runs: `rapl`, `nvml`, `rapl:package-0`, ... */
  energyDomains?: string[];
  /** Read the serving machine's energy from a Prometheus exporter: `prometheus:http://host:port/metrics`. */
  energyFrom?: string;
  /**
   * Checks for foreign load (other processes' CPU from /proc, other processes on the GPU) before the run and between
   * queries. `warn` (default) notes it and flags the affected rows (`foreign-load` in energyFlags); `strict` refuses to
   * start on a busy machine and pauses between queries until it is quiet; `off` skips it. Readings go in the manifest.
   */
  preflight?: PreflightMode;
  /** Modelled watts per busy core of the `estimated` source (lib/energy's DEFAULT_WATTS_PER_CORE). */
  wattsPerCore?: number;
  /** Where and how to read the energy sources (RAPL root, NVML library and GPU, ...). */
  energyOptions?: SourceOptions;
  /** Sampling period of the energy sampler, ms (lib/energy's DEFAULT_SAMPLE_MS). */
  sampleMs?: number;
  /** Idle seconds measured before the queries, for net energy (lib/energy's DEFAULT_BASELINE_S; 0 skips, net energy is then NaN). */
  baselineS?: number;
  judge?: JudgeModel;
  /** Verdict cache shared across runs; defaults to judge-cache.jsonl in the run folder. */
  judgeCache?: JudgeCache;
  /** Ask the judge to read the answer when the rules find none or several (needs `judge`). */
  judgeFallback?: boolean;
  /**
   * Stops the run after the query in flight (an `openai:` request in flight is abandoned; an in-process generation
   * finishes), then writes results.parquet and the manifest of the partial run, which `resume` continues. In the
   * Jupyter kernel, interrupting the cell does the same without this option (see `setRunHost`).
   */
  signal?: AbortSignal;
  /**
   * Peaks (MFU/MBU) and rates (cost, carbon: `usdPerKwh`, `gco2PerKwh` or `gridRegion`, `hardwareUsd`, ...) for the
   * run's derived figures, recorded in the manifest and returned as `derived`. Default: none (FLOPs only).
   */
  efficiency?: EfficiencyOptions;
  /**
   * The `ipw peak` record that supplies the peaks `efficiency` lacks, for CPU runs; false: never. Default: this host's
   * cache (lib/peak's peakCacheFile()), when it exists.
   */
  peakCacheFile?: string | false;
  /** Called as each phase starts, so a front end can say what the wait before the first query is for. */
  onPhase?: (phase: ProfilePhase) => void;
  onProgress?: (progress: ProfileProgress) => void;
}

/** The phases of a run: loading the model, the idle baseline, the warm-up, then the queries. */
export type ProfilePhase = 'loading' | 'baseline' | 'warm-up' | 'queries';

export interface ProfileProgress {
  done: number;
  total: number;
  /** Queries completed in this process (excludes those resumed from the journal). */
  doneNow: number;
  /** Time since the query phase started (load, baseline and warm-up left out, so rates and ETAs hold). */
  elapsedMs: number;
  /** Queries that could not run (gradeStatus 'error') so far, resumed ones included. */
  errors: number;
  correct: number;
  energyJ: number;
  last: QueryResult;
}

/**
 * What `profile()` resolves with: the run folder and id, the result rows (one per query; with `workload: 'agent'`, one
 * per task), IPW/IPJ per model x accelerator x domain with bootstrap intervals, and the energy report.
 */
export interface ProfileResult {
  runDir: string;
  runId: string;
  results: QueryResult[];
  summary: SummaryRow[];
  /** False when the run was interrupted; it can be resumed. */
  complete: boolean;
  energy: EnergyReport;
  /** What the user should know: how energy was chosen, journal repairs, finalization problems. Also in the manifest. */
  warnings: string[];
  /** FLOPs, MFU/MBU, cost and carbon per model x accelerator x energy label: estimates, as the manifest records them. */
  derived: RunDerived;
}

export type PreflightMode = 'warn' | 'strict' | 'off';

/** The `maxTokens` option's default. */
export const DEFAULT_MAX_TOKENS = 256;
/** The share of a run's queries that may fail before the run stops (maxErrors). */
export const DEFAULT_MAX_ERROR_FRACTION = 0.05;
/** The `preflight` option's default. */
export const DEFAULT_PREFLIGHT: PreflightMode = 'warn';
/** How long strict preflight waits for a quiet machine before refusing to start. */
const STRICT_QUIET_TIMEOUT_MS = 30_000;
/** The `warmupQueries` option's default. */
export const DEFAULT_WARMUP_QUERIES = 1;
/** The `warmupS` option's default. */
export const DEFAULT_WARMUP_S = 2;

/** Resources acquired in order and released in reverse, whatever happens: the one cleanup path of a run. */
class Cleanup {
  readonly #steps: Array<() => Promise<unknown> | unknown> = [];
  add(step: () => Promise<unknown> | unknown): void {
    this.#steps.push(step);
  }
  /** Runs every step, newest first; throws the first error after all have run. */
  async run(): Promise<void> {
    let first: unknown;
    for (const step of this.#steps.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        first ??= error;
      }
    }
    if (first !== undefined) throw first;
  }
}

/** A run ready for its queries: model open, energy sampling, run folder created or reopened. */
interface PreparedRun {
  queries: Query[];
  /** The agent tasks by id and the journal of their turns and tool calls, with `workload: 'agent'`; else null. */
  agent: { tasks: Map<string, AgentTask>; journal: AgentJournal } | null;
  pending: Array<{ query: Query; index: number }>;
  /** The open model (its spec, runner and file hash): this run's own, or one kept open by the caller across runs. */
  session: ModelSession;
  energy: EnergySession;
  /** The options the energy sources were opened with (for the capability report). */
  sourceOptions: SourceOptions;
  journal: RunJournal;
  runId: string;
  settings: Record<string, string | number | boolean | null>;
  traceFile: string;
  judgeCache: JudgeCache | undefined;
  /** Foreign-load checks, or undefined with preflight `off`. */
  preflight: Preflight | undefined;
  /** Readings that found foreign load, for the manifest. */
  busyReadings: PreflightReading[];
  warnings: string[];
  /** Closes the model and the journal and stops sampling, writing the trace into the run folder. */
  close(): Promise<EnergyReport>;
}

/** SHA-256 over every query's id, prompt, choices and answer, in order: a resume with an edited query set is refused. */
function queriesSha256(queries: readonly Query[]): string {
  const hash = createHash('sha256');
  for (const q of queries) hash.update(JSON.stringify([q.id, formatPrompt(q), q.answer, q.grader])).update('\n');
  return hash.digest('hex');
}

/** trace.bin/json for the first invocation of a run, trace-2, trace-3... for each resume, so none is overwritten. */
function traceBaseName(runDir: string): string {
  for (let k = 1; ; k++) {
    const base = k === 1 ? 'trace' : `trace-${k}`;
    if (!existsSync(join(runDir, `${base}.json`))) return base;
  }
}

/**
 * Stage 1: validates the options, opens the model, starts energy sampling for where the model runs, and only then
 * creates (or reopens) the run folder, so a bad model or URL leaves nothing behind.
 */
async function prepare(options: ProfileOptions): Promise<PreparedRun> {
  const workload = options.workload ?? DEFAULT_WORKLOAD;
  const allTasks = workload === 'agent' ? (typeof options.queries === 'string' ? await loadAgentTasks(options.queries) : (options.queries as AgentTask[])) : null;
  const tasks = allTasks?.slice(0, options.load?.limit) ?? null;
  const loaded =
    tasks !== null ? { queries: tasks.map(taskQuery), notices: [] }
    : typeof options.queries === 'string' ? await loadQuerySet(options.queries, options.load)
    : { queries: options.queries as Query[], notices: [] };
  const queries = loaded.queries;
  checkEfficiencyOptions(options.efficiency);
  const judged = queries.filter((q) => q.grader === 'judge').length;
  if (judged > 0 && !options.judge) {
    throw new OptionError('judge', 'missing', `${judged} of ${queries.length} queries are graded by an LLM judge: pass the judge option, or load them with other graders (load.map, load.grader).`);
  }
  if (options.energy !== undefined && options.energy !== 'auto' && options.energyFrom === undefined) {
    // A named source that cannot be read fails before the model loads (which can take minutes).
    await openEnergySource({ ...options.energyOptions, wattsPerCore: options.wattsPerCore, source: options.energy }).close();
  }
  const cleanup = new Cleanup();
  try {
    const given = typeof options.model !== 'string';
    if (!given) options.onPhase?.('loading');
    const session = typeof options.model === 'string' ? await openModel(options.model, options) : options.model;
    if (!given) cleanup.add(() => session.close());
    // The model's hash is part of the run's identity: a resume with another file at the same path is refused.
    const { spec, runner, modelSha256 } = session;
    const runnerOptions: RunnerOptions = given ? { ...options, ...session.options } : options;
    const { plan, sourceOptions, serverPid } = energyPlanFor(spec, runner, options);
    const energy = await EnergySession.start({ ...sourceOptions, plan, sampleMs: options.sampleMs, baselineS: options.baselineS });
    let traceDir: string | undefined;
    let traceFile = 'trace';
    let report: EnergyReport | undefined;
    cleanup.add(async () => (report = await energy.finish(traceDir, traceFile)));
    const info = energy.info;
    const preflightMode = options.preflight ?? DEFAULT_PREFLIGHT;
    let preflight: Preflight | undefined;
    if (preflightMode !== 'off') {
      const gpu = plan.sources.includes('nvml') ? openNvmlLoadProbe(sourceOptions) : undefined;
      const checks = new Preflight({ excludePids: serverPid === undefined ? [] : [serverPid], gpu, procRoot: options.energyOptions?.procRoot });
      cleanup.add(() => checks.close());
      preflight = checks;
    }
    const settings = {
      maxTokens: options.maxTokens ?? DEFAULT_MAX_TOKENS,
      warmupQueries: options.warmupQueries ?? DEFAULT_WARMUP_QUERIES,
      warmupS: options.warmupS ?? DEFAULT_WARMUP_S,
      seed: options.seed ?? DEFAULT_SEED,
      threads: runnerOptions.threads ?? null,
      gpu: runnerOptions.gpu ?? DEFAULT_GPU,
      // Only when given, so runs recorded before the option existed still resume.
      ...(runnerOptions.gpuLayers === undefined ? {} : { gpuLayers: runnerOptions.gpuLayers }),
      template: runnerOptions.template ?? DEFAULT_TEMPLATE,
      engine: runnerOptions.engine ?? DEFAULT_ENGINE,
      library: runnerOptions.library ?? DEFAULT_LIBRARY,
      systemPrompt: runnerOptions.systemPrompt ?? null,
      energySource: info.name,
      energyMethod: info.method,
      energyDomain: info.primaryDomains.join('+'),
      sampleMs: energy.sampler.periodMs,
      baselineS: energy.baselineS,
      judge: options.judge?.name ?? null,
      judgeFallback: options.judgeFallback ?? false,
      preflight: preflightMode,
      // Only when given, so runs recorded before these options existed still resume.
      ...(options.reasoning === undefined ? {} : { reasoning: options.reasoning }),
      ...(tasks === null ? {} : agentSettings(options.agent)),
    };
    const identity = {
      model: spec.kind === 'gguf' ? { path: spec.path, sha256: modelSha256! } : { url: spec.baseUrl, name: spec.model },
      queriesSource: typeof options.queries === 'string' ? options.queries : '(in memory)',
      queryIds: queries.map((q) => q.id),
      settings: { ...settings, queriesSha256: queriesSha256(queries) },
    };
    const handle = options.resume ? resumeRun(options.outDir, identity) : startRun(options.outDir, { runId: randomUUID(), ...identity });
    traceDir = options.outDir;
    // A process killed mid-run left its trace unfinished: finish it first, so its rows keep their trace.
    const recovered = options.resume ? recoverPowerTraces(options.outDir) : [];
    traceFile = traceBaseName(options.outDir);
    energy.recordTrace(options.outDir, traceFile);
    const journal = RunJournal.open(options.outDir);
    cleanup.add(() => journal.close());
    const agentJournal = tasks === null ? null : AgentJournal.open(options.outDir);
    if (agentJournal !== null) cleanup.add(() => agentJournal.close());
    const doneIds = journal.completedIds();
    const judgeCache = options.judge ? (options.judgeCache ?? (await JudgeCache.open(join(options.outDir, 'judge-cache.jsonl')))) : undefined;
    return {
      queries,
      agent: tasks === null ? null : { tasks: new Map(tasks.map((t) => [t.id, t])), journal: agentJournal! },
      pending: queries.map((query, index) => ({ query, index })).filter(({ query }) => !doneIds.has(query.id)),
      session,
      energy,
      sourceOptions,
      journal,
      runId: handle.runId,
      settings,
      traceFile,
      judgeCache,
      preflight,
      busyReadings: [],
      warnings: [...loaded.notices.map((n) => n.message), ...energy.notes, ...journal.warnings, ...(agentJournal?.warnings ?? []), ...recovered.map((base) => `${base}.json: finished the power trace of an invocation that ended without writing it`)],
      async close() {
        await cleanup.run();
        return report!;
      },
    };
  } catch (error) {
    await cleanup.run().catch(() => undefined);
    throw error;
  }
}

/**
 * Runs one query. Energy windows use the generation's own timestamps (start, first token, end), so joules and
 * timings describe exactly the same intervals; the marks only ask the sampler for a sample at each edge.
 */
async function runOne(run: PreparedRun, query: Query, signal: AbortSignal | undefined, cpu?: CpuAccount) {
  const { energy } = run;
  const { runner } = run.session;
  await energy.markSettled();
  const cpuStart = sampleCpu({ threads: true });
  let cpuFirst: CpuSample | undefined;
  // An in-process generation finishes (it takes seconds at most); a server request is abandoned.
  const generation = await runner.generate(
    {
      prompt: formatPrompt(query),
      maxTokens: run.settings.maxTokens as number,
      reasoning: run.settings.reasoning as ReasoningMode | undefined,
      signal: run.session.spec.kind === 'openai' ? signal : undefined,
      queryId: query.id,
    },
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
  const windows = await energy.query(generation.startMs, generation.tokenTimesMs[0], generation.endMs, { warmup: cpu === undefined, thinkingEndMs: generation.reasoning?.endMs });
  return { generation, windows };
}

/** Preflight over the idle baseline: warn notes foreign load; strict waits for quiet (then measures idle again) or refuses to start. */
async function preflightBeforeQueries(run: PreparedRun, signal: AbortSignal | undefined): Promise<void> {
  if (!run.preflight) return;
  const reading = await run.preflight.check(signal);
  if (reading.quiet) return;
  run.busyReadings.push(reading);
  if (run.settings.preflight === 'warn') {
    run.warnings.push(`preflight: foreign load before the queries: ${reading.reasons.join('; ')}; queries run while it lasts are flagged foreign-load`);
    return;
  }
  const later = await run.preflight.untilQuiet({ timeoutMs: STRICT_QUIET_TIMEOUT_MS, signal });
  if (!later.quiet) {
    throw new Error(`preflight (strict): the machine stayed busy for ${STRICT_QUIET_TIMEOUT_MS / 1000} s: ${later.reasons.join('; ')}. Stop that load, or use preflight 'warn' to run and flag the affected queries.`);
  }
  await run.energy.measureBaseline(signal);
}

/** Preflight between queries, at most once per its interval: true when foreign load ran since the last check. Strict mode waits for quiet. */
async function checkForeignLoad(run: PreparedRun, signal: AbortSignal | undefined): Promise<boolean> {
  const preflight = run.preflight;
  if (!preflight?.due()) return false;
  const reading = await preflight.check(signal);
  if (reading.quiet) return false;
  run.busyReadings.push(reading);
  if (run.settings.preflight === 'strict') run.busyReadings.push(await preflight.untilQuiet({ timeoutMs: STRICT_QUIET_TIMEOUT_MS, signal }));
  return true;
}

interface LoopOutcome {
  interrupted: boolean;
  /** What a kept-open model brought from earlier runs: its idle baseline (when taken) and its warm state. */
  reused: { baselineTakenAt: string | null; warm: boolean };
  cpu: CpuAccount;
  serverTimings: Array<{ queryId: string } & NonNullable<Generation['serverTimings']>>;
  startedMs: number;
  startedAtIso: string;
}

/** Stage 2: idle baseline, warm-up, then each pending query generated, graded and journaled before the next starts. */
async function runQueries(run: PreparedRun, options: ProfileOptions): Promise<LoopOutcome> {
  const { energy, journal, pending, signal = options.signal } = { ...run, signal: options.signal };
  const outcome: LoopOutcome = { interrupted: false, reused: { baselineTakenAt: null, warm: false }, cpu: emptyCpuAccount(), serverTimings: [], startedMs: performance.now(), startedAtIso: new Date().toISOString() };
  // Idle with the model loaded: the state the queries start from. Foreign load during it would skew idle power too,
  // so the preflight check covers the same interval. A model kept open reuses its recent baseline.
  const { session } = run;
  const reused = baselineIsFresh(session.baseline, DEFAULT_BASELINE_MAX_AGE_S) && energy.adoptBaseline(session.baseline);
  outcome.reused = { baselineTakenAt: reused ? session.baseline!.takenAt : null, warm: session.warm };
  if (!reused) {
    if (energy.baselineS > 0) options.onPhase?.('baseline');
    run.preflight?.mark();
    await energy.measureBaseline(signal);
    await preflightBeforeQueries(run, signal);
    // A baseline cut short by a stop is not one later runs on this model should reuse.
    if (!signal?.aborted) session.baseline = energy.baseline;
  }
  // After the idle baseline this VM needed 1-2 s of load to return to full speed: a 20M model's first queries decoded
  // up to 25% slower behind a one-query warm-up. So the warm-up lasts warmupS as well as warmupQueries queries.
  const warmupQueries = run.settings.warmupQueries as number;
  const warmupEndMs = performance.now() + (run.settings.warmupS as number) * 1000;
  if (warmupQueries > 0 && !session.warm && pending.length > 0) options.onPhase?.('warm-up');
  for (let k = 0; warmupQueries > 0 && !session.warm && pending.length > 0 && !signal?.aborted; k++) {
    if (k >= warmupQueries && performance.now() >= warmupEndMs) break;
    await runOne(run, pending[k % pending.length]!.query, signal);
  }
  session.warm ||= warmupQueries > 0 && !signal?.aborted;
  const done = journal.results();
  let correct = done.filter((r) => r.correct).length;
  let energyJ = done.reduce((sum, r) => sum + r.energyJ, 0);
  let doneNow = 0;
  let errors = done.filter((r) => r.gradeStatus === 'error').length;
  const maxErrors = options.maxErrors ?? Math.ceil(run.queries.length * DEFAULT_MAX_ERROR_FRACTION);
  const place = { runId: run.runId, traceFile: run.traceFile, energyDomain: energy.info.primaryDomains.join('+'), energyMeasure: energy.info.measure };
  options.onPhase?.('queries');
  const queriesStartMs = performance.now();
  for (const { query, index } of pending) {
    if (signal?.aborted) {
      outcome.interrupted = true;
      break;
    }
    const startedAt = new Date().toISOString();
    const item: ItemResult = run.agent === null ? await runQueryItem(run, query, signal, outcome.cpu, options) : await runTaskItem(run, run.agent.tasks.get(query.id)!, signal, options);
    const { generation, grade, windows } = item;
    if (generation.stopReason === 'abort') {
      outcome.interrupted = true;
      break;
    }
    if (generation.serverTimings) outcome.serverTimings.push({ queryId: query.id, ...generation.serverTimings });
    const failed = generation.stopReason === 'error';
    const foreign = await checkForeignLoad(run, signal);
    const row = queryRow(query, run.session.runner.description, generation, grade, windows, { ...place, index, startedAt });
    if (foreign) row.energyFlags = row.energyFlags === '' ? 'foreign-load' : `${row.energyFlags},foreign-load`;
    // The samples that hold this row's window reach the disk before the row does, and a task's turns before its row.
    energy.flushTrace();
    if (item.record) run.agent!.journal.append(item.record);
    journal.append(row);
    if (failed && ++errors > maxErrors) {
      throw new Error(
        `stopped after ${errors} queries could not run (more than maxErrors, ${maxErrors}): the setup looks broken. ` +
          `The last: ${row.verdict}. Completed queries are saved; fix the cause and resume.`,
      );
    }
    doneNow++;
    if (row.correct) correct++;
    energyJ += row.energyJ;
    options.onProgress?.({
      done: run.queries.length - pending.length + doneNow,
      total: run.queries.length,
      doneNow,
      elapsedMs: performance.now() - queriesStartMs,
      errors,
      correct,
      energyJ,
      last: row,
    });
  }
  return outcome;
}

/** What one item of the run produced: its generation (a task's, for agent tasks), grade and energy windows. */
interface ItemResult {
  generation: Generation;
  grade: Grade;
  windows: QueryEnergy;
  /** An agent task's turns and tool calls. */
  record?: AgentTaskRecord;
}

/** One query: generated, then graded; a query that could not run is recorded, ungraded, with its reason. */
async function runQueryItem(run: PreparedRun, query: Query, signal: AbortSignal | undefined, cpu: CpuAccount, options: ProfileOptions) {
  const { generation, windows } = await runOne(run, query, signal, cpu);
  const grade: Grade =
    generation.stopReason === 'error'
      ? { grader: query.grader, pred: null, correct: false, status: 'error', rule: 'not-run', verdict: generation.error ?? 'the query could not run', span: null }
      : await gradeResponse(query, generation.response, {
          judge: options.judge,
          judgeCache: run.judgeCache,
          judgeFallback: options.judgeFallback,
          truncated: generation.stopReason === 'max_tokens',
        });
  return { generation, grade, windows };
}

/** One agent task through lib/agent's loop: the task as one generation and grade, and its turns and tool calls. */
async function runTaskItem(run: PreparedRun, task: AgentTask, signal: AbortSignal | undefined, options: ProfileOptions) {
  const { energy } = run;
  const agent = options.agent ?? {};
  const result = await runAgentTask(task, { ...agent, runner: run.session.runner, energy, signal, reasoning: options.reasoning });
  const generation = taskGeneration(result);
  const windows = await energy.query(result.startMs, generation.tokenTimesMs[0], result.endMs);
  return { generation, grade: taskGrade(result), windows, record: agentRecord(run.runId, result, agent) };
}

/** The agent loop's settings as run.json records them (a resume must run the same loop). */
function agentSettings(agent: AgentWorkloadOptions = {}): Record<string, string | number> {
  return {
    workload: 'agent',
    agentKv: agent.kv ?? DEFAULT_AGENT_KV,
    agentProtocol: agent.protocol ?? DEFAULT_AGENT_PROTOCOL,
    maxTurns: agent.maxTurns ?? DEFAULT_MAX_TURNS,
    maxTaskTokens: agent.maxTaskTokens ?? DEFAULT_MAX_TASK_TOKENS,
    maxTurnTokens: agent.maxTurnTokens ?? DEFAULT_MAX_TURN_TOKENS,
    toolTimeoutMs: agent.toolTimeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS,
    tools: (agent.tools ?? []).map((t) => t.name).join(','),
  };
}

/** Stage 3: summary, results.parquet and manifest.json, for a complete run and for an interrupted one alike. */
async function finalize(run: PreparedRun, outcome: LoopOutcome, energyReport: EnergyReport, options: ProfileOptions): Promise<ProfileResult> {
  const rows = run.journal.results();
  const complete = !outcome.interrupted && rows.length === run.queries.length;
  const summary = summarize(rows, { groupBy: ['model', 'accelerator', 'domain'], bootstrap: BOOTSTRAP });
  const warnings = [...run.warnings];
  const finalized = await finalizeRun(options.outDir);
  warnings.push(...finalized.warnings);
  if (run.agent !== null) warnings.push(...(await finalizeAgentTables(options.outDir, new Set(rows.map((r) => r.queryId)))).warnings);
  const description = run.session.runner.description;
  const gpuLayersAsked = description.details.gpuLayersRequested;
  if (gpuLayersAsked !== undefined && gpuLayersAsked !== 'auto' && gpuLayersAsked !== 0 && description.details.gpuLayers === 0) {
    warnings.push(`gpuLayers: ${JSON.stringify(gpuLayersAsked)} was asked for, but the model ran on ${description.accelerator === 'cpu' ? 'the CPU' : description.accelerator} with 0 layers offloaded (the manifest records gpuLayers: 0)`);
  }
  // Derived figures never cost a run its manifest: a failure is a warning and an empty set.
  const derived = await runDerived(rows, run.session.spec, options.efficiency, options.peakCacheFile).catch((error: Error) => {
    warnings.push(`derived figures (FLOPs, MFU/MBU, cost, carbon) left out: ${error.message}`);
    return noDerived(error.message);
  });
  if (derived.peaks.note && (options.efficiency?.peakFlopsPerS === undefined || options.efficiency?.peakBytesPerS === undefined)) warnings.push(`MFU/MBU: ${derived.peaks.note}`);
  await writeManifest(options.outDir, {
    runId: run.runId,
    complete,
    model: {
      ...description,
      sha256: run.session.modelSha256,
      ...(outcome.serverTimings.length > 0 ? { serverTimings: outcome.serverTimings } : {}),
    },
    hardware: await collectHardware(),
    software: await collectSoftware(),
    // run.json keeps the settings as asked (resume compares them); the manifest adds what the runner resolved.
    settings: { ...run.settings, modelSession: outcome.reused, threadsUsed: description.details.threads ?? null, threadChoice: description.details.threadChoice ?? null },
    cpu: {
      note:
        'CPU seconds inside generation windows of this invocation: main JS thread (harness) vs all other threads (compute, libuv, V8). ' +
        'byRoleS: scheduler run time by thread: llama (the direct engine and the llama.cpp threads it started), sampler (energy), main, other (V8, libuv; node-llama-cpp\'s threads when its loop runs). ' +
        'directLoopS: time the direct engine\'s loop spent outside llama_decode while decoding (harness work on the first compute thread)',
      ...summarizeCpu(outcome.cpu),
    },
    energy: {
      source: energyReport.source as EnergySourceName,
      method: energyReport.method,
      isEstimate: energyReport.isEstimate,
      report: { ...energyReport, preflight: { mode: run.settings.preflight, busyReadings: run.busyReadings }, capabilities: await capabilityReport(run.sourceOptions) },
    },
    counts: { queries: run.queries.length, completed: rows.length },
    timings: { startedAt: outcome.startedAtIso, finishedAt: new Date().toISOString(), wallMs: performance.now() - outcome.startedMs },
    warnings,
    summary: summarize(rows, { groupBy: ['model', 'accelerator'], bootstrap: BOOTSTRAP }),
    derived: JSON.parse(JSON.stringify(derived)) as Record<string, unknown>,
  });
  return { runDir: options.outDir, runId: run.runId, results: rows, summary, complete, energy: energyReport, warnings, derived };
}

/**
 * Profiles one model over a query set: per query, a timed generation inside prefill and decode energy windows,
 * then a grade, appended durably to the run's journal before the next query starts. Three stages: prepare, run the
 * queries, finalize; the model, the journal and the sampler are released on one path whatever happens.
 *
 * Under a run host (the Jupyter kernel, see `setRunHost`) the host's signal stops the run as `signal` does, a run
 * whose signal is already aborted does not start, and the host hears when the run has written its files.
 */
export async function profile(options: ProfileOptions): Promise<ProfileResult> {
  const host = runHost();
  if (host === undefined) return (await profileOnce(options)).result;
  const hostSignal = host.signal();
  const signal = hostSignal === undefined || options.signal === undefined ? (options.signal ?? hostSignal) : AbortSignal.any([options.signal, hostSignal]);
  signal?.throwIfAborted();
  const running = profileOnce({ ...options, signal });
  host.track(running.then(
    ({ result, queryCount }) => (result.complete ? undefined : stoppedNote(result, queryCount)),
    (error: unknown) => `profile() for ${options.outDir} failed: ${(error as Error)?.message ?? String(error)}`,
  ));
  return (await running).result;
}

/** What a stopped run tells the user: how far it got, where its files are, and how to continue it. */
function stoppedNote(result: ProfileResult, queryCount: number): string {
  return `profile() stopped after ${result.results.length} of ${queryCount} queries and wrote results.parquet and manifest.json ` +
    `(complete: false) in ${result.runDir}; continue it with profile({ ...the same options, resume: true }).`;
}

async function profileOnce(options: ProfileOptions): Promise<{ result: ProfileResult; queryCount: number }> {
  return profileStages(options).catch((error: unknown) => {
    throw diskFullError(error, options.outDir) ?? error;
  });
}

/**
 * A full disk (ENOSPC, or EDQUOT: over quota) where the run writes, as a stop that says what to do. The journal and
 * the trace cut a write that failed part-way back to their last whole line or row, so a resume continues cleanly.
 */
function diskFullError(error: unknown, outDir: string): Error | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== 'ENOSPC' && code !== 'EDQUOT') return undefined;
  return new Error(
    `outDir ${outDir}: the disk is full (${(error as Error).message}), so the run stopped. Every query completed before ` +
      `that is in ${join(outDir, 'journal.jsonl')}. Free space on that disk (or copy the run folder to a disk with room), ` +
      'then continue with the resume option and that folder as outDir.',
    { cause: error },
  );
}

async function profileStages(options: ProfileOptions): Promise<{ result: ProfileResult; queryCount: number }> {
  const run = await prepare(options);
  let outcome: LoopOutcome;
  try {
    outcome = await runQueries(run, options);
  } catch (error) {
    await run.close().catch(() => undefined);
    throw error;
  }
  const energyReport = await run.close();
  return { result: await finalize(run, outcome, energyReport, options), queryCount: run.queries.length };
}
