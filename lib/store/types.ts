import type { EnergySourceName } from '../energy/index.ts';
import type { GradeStatus } from '../grade/index.ts';
import type { GraderName } from '../queries/index.ts';
import type { RequestAttempt, StopReason } from '../run/index.ts';

/**
 * One profiled query: the persisted row (journal line and Parquet row).
 * Flat on purpose, so the Parquet file reads the same in DuckDB, pandas or Spark.
 */
export interface QueryResult {
  runId: string;
  queryId: string;
  /** 0-based position of the query in the run's query list. */
  index: number;
  domain: string;
  model: string;
  /** e.g. "cpu", "cuda", "metal", "vulkan", "remote". */
  accelerator: string;
  grader: GraderName;
  /** ISO-8601 wall-clock time the query started. */
  startedAt: string;

  response: string;
  stopReason: StopReason;
  promptTokens: number;
  completionTokens: number;
  ttftMs: number;
  prefillMs: number;
  decodeMs: number;
  decodeTokensPerS: number;
  interTokenMs: number[];

  reference: string;
  pred: string | null;
  correct: boolean;
  gradeStatus: GradeStatus;
  gradeRule: string;
  /** The grader's raw verdict (judge text, or the extraction detail). */
  verdict: string;

  energyJ: number;
  prefillEnergyJ: number;
  decodeEnergyJ: number;
  meanPowerW: number;
  durationMs: number;
  energySource: EnergySourceName;
  energyMethod: string;
  energyIsEstimate: boolean;
  /** Gross energy minus the idle baseline's power x duration; NaN when no baseline was measured. */
  netEnergyJ: number;
  prefillNetEnergyJ: number;
  decodeNetEnergyJ: number;
  /** Idle power measured before the run (NaN without a baseline). */
  idlePowerW: number;
  /** How the joules were obtained: energy-counter, power-integral, interval-energy or model. */
  energyMeasure: string;
  /** Comma-separated reasons to trust this query's energy less (e.g. shorter-than-update-period); '' when none. */
  energyFlags: string;
  /** The primary energy domains, `source:channel` joined by '+': what energyJ, netEnergyJ and meanPowerW (and IPW) cover. */
  energyDomain: string;
  /** Gross joules of the query window in every domain sampled (`rapl:package-0`, `nvml:<uuid>`, ...). */
  energyByDomainJ: Record<string, number>;
  /** The same minus each domain's idle power x duration; NaN without a baseline. */
  netEnergyByDomainJ: Record<string, number>;
  /** Gross joules of all domains that add up to the whole system (RAPL subzones not counted twice). */
  systemEnergyJ: number;

  /** SHA-256 of the exact user message sent (`formatPrompt`), so merged studies can reject edited prompts. */
  promptSha256: string;
  /**
   * Start and end of the query on this process's monotonic clock (`performance.now()`, ms), the clock of the
   * power trace in `traceFile`; prefill ends at clockStartMs + prefillMs.
   */
  clockStartMs: number;
  clockEndMs: number;
  /** Base name of the power trace this query lies in (trace, trace-2 after a resume, ...); null without one. */
  traceFile: string | null;
  /** The part of the response the grader read: [start, end) character offsets and its text; null when none. */
  gradeSpanStart: number | null;
  gradeSpanEnd: number | null;
  gradeSpanText: string | null;
  /** The judge's reading when the rule-based grade was ambiguous or empty and a judge fallback ran; else null. */
  judgedVerdict: string | null;
  /**
   * `openai:` runs: every HTTP request made for the query, in order, failed ones and retries included (start and end
   * on the `clockStartMs` clock, HTTP status or null, outcome with secrets redacted, wait before the next try). Null
   * for in-process runs, and in rows written before this column existed. Stored in Parquet as JSON text.
   */
  attempts: RequestAttempt[] | null;
  /**
   * Reasoning models: generated tokens up to and including the one that closed the reply's `<think>` block (all of
   * them when it never closed); null when the reply did not think, and in rows written before this column existed.
   */
  reasoningTokens: number | null;
  /**
   * Gross joules of the thinking part of decode (first token to the `</think>` token) and of the answer part (from
   * there to the end): prefill + thinking + answer = the query's energy. Null when the reply did not think; NaN
   * without energy.
   */
  reasoningEnergyJ: number | null;
  answerEnergyJ: number | null;
}

/** Any value that survives a JSON round trip unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Which model a run used. `path` for a local file, `url` for a remote endpoint or download source. */
export type ModelRef = {
  path?: string;
  url?: string;
  /** Hex SHA-256 of the model file, when known at start. */
  sha256?: string;
  [key: string]: JsonValue | undefined;
};

/** Contents of `run.json`: what defines a run, so that resuming can prove it continues the same one. */
export interface RunSpec {
  runId: string;
  /** ISO-8601 time the run was first started. */
  createdAt: string;
  model: ModelRef;
  /** Where the queries came from (file path, dataset name, ...). */
  queriesSource: string;
  /** Every query of the run, in run order; `QueryResult.index` points into this list. */
  queryIds: string[];
  /** Anything that changes results: maxTokens, seed, threads, template, energy source, ... */
  settings: JsonObject;
}

/** The part of a `RunSpec` that must match for a resume to continue the same run. */
export type RunIdentity = Pick<RunSpec, 'model' | 'queriesSource' | 'queryIds' | 'settings'>;

/** What `startRun` needs; `createdAt` defaults to now. */
export type NewRunSpec = RunIdentity & { runId: string; createdAt?: string };

export interface CpuInfo {
  manufacturer: string;
  model: string;
  physicalCores: number;
  /** Hardware threads the OS sees. */
  logicalCores: number;
  speedGHz: number | null;
}

export interface GpuInfo {
  vendor: string;
  model: string;
  vramMiB: number | null;
  driverVersion: string | null;
}

export interface HardwareInfo {
  hostname: string;
  cpu: CpuInfo;
  memoryBytes: number;
  os: { platform: string; distro: string; release: string; kernel: string; arch: string };
  gpus: GpuInfo[];
  /** What could not be collected and why (timeouts, missing tools), so a gap is never silent. */
  notes: string[];
}

export interface SoftwareInfo {
  node: string;
  ipwLab: string | null;
  nodeLlamaCpp: string | null;
  /** llama.cpp release tag bound by node-llama-cpp (from its `llama/llama.cpp.info.json`). */
  llamaCpp: string | null;
  /** DuckDB library version as reported by `SELECT version()`. */
  duckdb: string | null;
  duckdbNodeApi: string | null;
  systeminformation: string | null;
  notes: string[];
}

export interface EnergySourceInfo {
  source: EnergySourceName;
  method: string;
  isEstimate: boolean;
  /** Baseline, span split, counter/power cross-check, sampler statistics and trace files (lib/energy's EnergyReport). */
  report?: { [key: string]: unknown };
}

/**
 * What the caller supplies for `manifest.json`. Free-form parts (model metadata, settings,
 * summary) must be JSON-serializable; they are stored as `JSON.stringify` writes them.
 */
export interface RunManifestInput {
  runId: string;
  /** False for an interrupted run (counts.completed < counts.queries), which `resume` continues. Absent in older manifests: complete. */
  complete?: boolean;
  /** The model's own metadata (name, architecture, quantization, ...) plus its file hash. */
  model: {
    /** Hex SHA-256 of the model file (`hashFile`); null only for a remote model with no file. */
    sha256: string | null;
    [key: string]: unknown;
  };
  /** Defaults to run.json's value when the run folder has one. */
  queriesSource?: string;
  hardware: HardwareInfo;
  software: SoftwareInfo;
  settings: Record<string, unknown>;
  /** CPU time during generation, split into the harness's main thread and the rest (lib/run/cpu-time.ts). */
  cpu?: { [key: string]: unknown };
  energy: EnergySourceInfo;
  counts: { queries: number; completed: number };
  /** Suggested keys: startedAt, finishedAt (ISO-8601), wallMs, plus any phase durations. */
  timings: { [key: string]: string | number | null };
  /** What the user was told while the run was prepared and finalized (energy choices, journal repairs, ...). */
  warnings?: string[];
  /** Results summary from lib/metrics, any JSON-serializable shape. */
  summary: unknown;
  /** Derived figures (FLOPs, MFU/MBU, cost, carbon: estimates) with the rates and peaks they came from (lib/profile). */
  derived?: Record<string, unknown>;
}

/** Contents of `manifest.json`, written when a run ends, completely or interrupted (see `complete`). */
export interface RunManifest extends RunManifestInput {
  manifestVersion: 1;
  /** ISO-8601 time the manifest was written. */
  writtenAt: string;
}

export type RunStatus = 'complete' | 'partial' | 'unreadable';

export interface RunListing {
  runDir: string;
  runId: string | null;
  createdAt: string | null;
  status: RunStatus;
  completed: number;
  total: number;
  hasParquet: boolean;
  /** Why the run is `unreadable`. */
  error?: string;
}

/**
 * Agent runs (profile's `workload: 'agent'`): one row per task in agent_tasks.parquet, beside results.parquet (whose
 * row for the task, same `queryId`, holds its answer, grade, summed tokens and the task window's energy).
 * Energy figures carry the run's source, method and domain in results.parquet and the manifest; NaN when unavailable.
 */
export interface AgentTaskRow {
  runId: string;
  /** The task's id: its row in results.parquet has this queryId. */
  queryId: string;
  domain: string;
  /** 'answered', 'turn-limit', 'token-budget', 'model-error' or 'aborted'. */
  outcome: string;
  turns: number;
  toolCalls: number;
  /** Expected workspace files missing or different at the end, comma-separated; '' when all matched. */
  fileMismatches: string;
  /** 'reuse' (each turn prefills only the tokens past what the KV cache holds) or 'reprefill' (every turn from an empty cache). */
  kvCache: string;
  /** How the model called tools: 'react' (the text protocol) or 'native' (the template's or server's tool calling). */
  protocol: string;
  /** Gross joules of the task window and of its parts: turns + tool calls + gaps = task (within the counter's resolution). */
  energyJ: number;
  turnsEnergyJ: number;
  toolsEnergyJ: number;
  gapsEnergyJ: number;
  gapsMs: number;
  clockStartMs: number;
  clockEndMs: number;
}

/** One model turn of an agent task: agent_turns.parquet, keyed by (runId, queryId, turn). */
export interface AgentTurnRow {
  runId: string;
  queryId: string;
  /** 1-based. */
  turn: number;
  /** How the reply was read: 'action', 'final' or 'invalid'. */
  parsed: string;
  stopReason: StopReason;
  /** Tokens of the whole context this turn (the conversation so far). */
  promptTokens: number;
  /** Of those, the tokens evaluated this turn; the rest came from the KV cache. Equals promptTokens under re-prefill. */
  prefilledTokens: number;
  completionTokens: number;
  /** Generated tokens up to and including the one that closed a `<think>` block; 0 without one. */
  reasoningTokens: number;
  clockStartMs: number;
  /** The first generated token's time; NaN without one. */
  clockFirstTokenMs: number;
  clockEndMs: number;
  prefillMs: number;
  decodeMs: number;
  energyJ: number;
  prefillEnergyJ: number;
  decodeEnergyJ: number;
}

/** One tool call of an agent task: agent_tool_calls.parquet, keyed by (runId, queryId, turn). */
export interface AgentToolCallRow {
  runId: string;
  queryId: string;
  /** The turn whose reply asked for the call. */
  turn: number;
  tool: string;
  /** The input as the model wrote it, as JSON text. */
  input: string;
  ok: boolean;
  /** 'unknown-tool', 'bad-input', 'error' or 'timeout'; null on success. */
  failure: string | null;
  observationChars: number;
  wallMs: number;
  /** process.cpuUsage() over the call: the whole process, not the tool alone. */
  cpuMs: number;
  clockStartMs: number;
  clockEndMs: number;
  energyJ: number;
}
