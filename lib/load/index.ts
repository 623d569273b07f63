/**
 * lib/load: serving under load. Many requests at once against an OpenAI-compatible server that batches them, every
 * token timed; vLLM's serving metrics; the server's energy over the load window attributed to each request.
 */
export { checkArrivals, parseArrivals, scheduleArrivals, type ArrivalMode, type LoadBounds, type ReplayArrival, type ScheduledArrival } from './arrivals.ts';
export { ATTRIBUTION_RULE, attributeEnergy, prefillWeightOf, type Attribution, type EnergyInterval, type RequestEnergy, type WorkRequest } from './attribution.ts';
export {
  DEFAULT_PERCENTILES, distribution, meetsSlo, parseSlo, percentile, requestLatency, servingMetrics,
  type Distribution, type RequestLatency, type ServingMetrics, type Slo, type TimedRequest,
} from './serving-metrics.ts';
export { compareBooks, readServerCounters, serverCountersOf, type ServerBooks, type ServerCounters } from './server-counters.ts';
export {
  DEFAULT_CALIBRATION_REQUESTS, DEFAULT_LOAD_MAX_RETRIES, DEFAULT_PARALLEL, DEFAULT_SERVE, loadTest,
  type LoadEnergy, type LoadProgress, type LoadSummary, type LoadTestOptions, type LoadTestResult,
} from './load.ts';
export { formatLoadReport, formatLoadTable, loadLevels, studyLoadSummaries, type LoadLevelRow, type LoadLevelTable } from './table.ts';
export {
  DEFAULT_SATURATION_CONCURRENCY, DEFAULT_SWEEP_STEPS, rateSweep, sweepRates, type RateSweepOptions, type RateSweepResult,
} from './rate-sweep.ts';
