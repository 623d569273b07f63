export interface ParetoAccessors<T> {
  /** Lower is better (default: `meanEnergyJ`). */
  cost: (row: T) => number;
  /** Higher is better (default: `accuracy`). */
  value: (row: T) => number;
}

/**
 * Rows no other row dominates (one with cost <= and value >=, strictly better in one), sorted by cost.
 * Rows with a non-finite cost or value are left out. Exact duplicates dominate neither each other, so
 * both stay. O(n log n): sort by cost, then keep each row that beats the best value seen so far.
 */
export function paretoFrontier<T>(rows: readonly T[], accessors?: ParetoAccessors<T>): T[] {
  const cost = accessors?.cost ?? ((row: T) => (row as { meanEnergyJ?: number }).meanEnergyJ ?? Number.NaN);
  const value = accessors?.value ?? ((row: T) => (row as { accuracy?: number }).accuracy ?? Number.NaN);
  const candidates = rows
    .map((row, index) => ({ row, index, cost: cost(row), value: value(row) }))
    .filter((c) => Number.isFinite(c.cost) && Number.isFinite(c.value))
    .sort((a, b) => a.cost - b.cost || b.value - a.value || a.index - b.index);
  const frontier: typeof candidates = [];
  let best = Number.NEGATIVE_INFINITY;
  for (const candidate of candidates) {
    const last = frontier[frontier.length - 1];
    const duplicate = last !== undefined && last.cost === candidate.cost && last.value === candidate.value;
    if (candidate.value > best || duplicate) {
      frontier.push(candidate);
      best = Math.max(best, candidate.value);
    }
  }
  return frontier.map((c) => c.row);
}

/** Rows split by the frontier: those on it (sorted by cost) and the dominated rest (in input order). */
export interface ParetoSplit<T> {
  frontier: T[];
  dominated: T[];
  /** Rows with a non-finite cost or value: neither on the frontier nor beaten by it. */
  unplaced: T[];
}

/** `paretoFrontier`, plus the rows it leaves out, told apart from those it could not place. Pure. */
export function paretoSplit<T>(rows: readonly T[], accessors: ParetoAccessors<T>): ParetoSplit<T> {
  const frontier = paretoFrontier(rows, accessors);
  const on = new Set(frontier);
  const placed = (row: T) => Number.isFinite(accessors.cost(row)) && Number.isFinite(accessors.value(row));
  return {
    frontier,
    dominated: rows.filter((row) => !on.has(row) && placed(row)),
    unplaced: rows.filter((row) => !placed(row)),
  };
}
