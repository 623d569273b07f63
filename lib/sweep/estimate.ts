// Duration estimates for a dry run, from the cells already measured. Pure.
import { AXIS_NAMES, type Coordinates } from './spec.ts';

/** A cell with results: its coordinates and its mean generation seconds per query. */
export interface MeasuredCell {
  coordinates: Coordinates;
  secondsPerQuery: number;
}

export interface CellEstimate {
  /** Seconds of generation left for the cell's remaining queries; null when no cell has been measured. */
  estimatedS: number | null;
  /** Which measured cells the estimate comes from: `same configuration`, `k shared coordinates`, or why none. */
  basis: string;
}

/** How many axis values two cells share (the repetition is not counted). */
function sharedCoordinates(a: Coordinates, b: Coordinates): number {
  // JSON compares load levels (objects) by value.
  return AXIS_NAMES.filter((axis) => a[axis] !== undefined && JSON.stringify(a[axis]) === JSON.stringify(b[axis])).length;
}

/**
 * Estimates a cell's remaining time: `remainingQueries` x the mean seconds per query of the measured cells most like
 * it (other repetitions of the same configuration first, then cells sharing the most coordinates, then all). Only
 * generation time is counted: model load, the idle baseline and warm-up add a few seconds per cell.
 */
export function estimateCell(coordinates: Coordinates, remainingQueries: number, measured: readonly MeasuredCell[]): CellEstimate {
  if (remainingQueries === 0) return { estimatedS: 0, basis: 'complete' };
  const usable = measured.filter((m) => Number.isFinite(m.secondsPerQuery));
  if (usable.length === 0) return { estimatedS: null, basis: 'no cell measured yet' };
  const scores = usable.map((m) => sharedCoordinates(coordinates, m.coordinates));
  const best = Math.max(...scores);
  const nearest = usable.filter((_, i) => scores[i] === best);
  const meanS = nearest.reduce((sum, m) => sum + m.secondsPerQuery, 0) / nearest.length;
  const axes = AXIS_NAMES.filter((axis) => coordinates[axis] !== undefined).length;
  const basis = best === axes ? 'same configuration' : best === 0 ? 'all measured cells' : `cells sharing ${best} of ${axes} coordinates`;
  return { estimatedS: meanS * remainingQueries, basis: `${basis} (${nearest.length})` };
}

/** "1 h 02 min", "3 min 05 s", "12 s"; "unknown" for null. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'unknown';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
