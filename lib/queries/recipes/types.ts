import type { RowLocation } from '../errors.ts';
import type { GraderName, QueryField } from '../types.ts';
import type { RawValues } from '../values.ts';

export interface RecipeContext {
  location: RowLocation;
  /** `LoadOptions.seed`, for recipes that shuffle. */
  seed: number;
}

export interface RecipeOutput {
  /** Field values the column mapping cannot express (e.g. options assembled from several columns). */
  fields: Partial<Record<QueryField, unknown>>;
  meta?: RawValues;
}

/** A benchmark layout: where each query field lives, plus an optional converter for the rest. */
export interface Recipe {
  name: string;
  /** One line, for `ipw list`. */
  description: string;
  /** Candidate source columns per field; the first one present in a row wins. `load.map` overrides. */
  columns: Partial<Record<QueryField, readonly string[]>>;
  /** Grader for every row; when absent it is inferred from the row. */
  grader?: GraderName;
  /** Columns `convert` reads, so they stay out of `meta`. */
  consumes?: readonly string[];
  convert?: (values: RawValues, context: RecipeContext) => RecipeOutput;
}
