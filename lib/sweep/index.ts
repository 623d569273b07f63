/**
 * lib/sweep: studies as grids. A spec names axes (models, threads, GPU, context size, max tokens, ...) and
 * repetitions; sweep() runs one profile() per cell into a run folder named from its coordinates, resumes cell by cell
 * and within cells, and runs one shard of the cells when a scheduler's array job asks. See docs/sweeps.md.
 */
export {
  AXIS_NAMES, LOAD_OPTION_NAMES, cellLoadOptions, cellName, cellProfileOptions, expandCells, isLoadSweep, modelLabel, normalizeSpec, readSpecFile,
  type AxisName, type AxisValue, type Cell, type Coordinates, type LoadLevel, type NormalizedSpec, type SweepAxes, type SweepFixedOptions, type SweepSpec,
} from './spec.ts';
export { ALL_CELLS, SHARD_COUNT_ENV, describeShard, inShard, parseShard, resolveShard, shardFromEnv, type Shard } from './shard.ts';
export { estimateCell, formatSeconds, type CellEstimate, type MeasuredCell } from './estimate.ts';
export {
  cellEfficiency, cellFrontier, cellRows, frontierCostOf, frontierPoints, loadCellRow,
  type CellEfficiency, type CellResultRow, type EfficiencyOptions, type FrontierCost, type SweepCellRow,
} from './table.ts';
export {
  SWEEP_FILE, UNFINISHED_DIR, planSweep, sweep, sweepTable,
  type CellEvent, type CellPlan, type SweepOptions, type SweepPlan, type SweepResult,
} from './sweep.ts';
export { formatEfficiencyTable, formatPlan, formatRepetitionTable, formatSweepTable } from './format.ts';
export {
  DEFAULT_NOISE_CV, REPETITION_METRICS, repetitionRows, spreadOf, type RepetitionMetric, type RepetitionRow, type Spread,
} from './repetitions.ts';
