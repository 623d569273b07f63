import type { EnergySourceName } from '../energy/types.ts';
import type { GraderName } from '../queries/types.ts';

/** Outcome of grading one response; see lib/grade. */
export type GradeStatus = 'answered' | 'no_answer' | 'truncated' | 'ambiguous' | 'refused';

/** Why generation stopped. */
export type StopReason = 'eos' | 'max_tokens' | 'abort' | 'error';

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
}
