/** How a query's response is graded; see lib/grade. */
export type GraderName = 'mc' | 'numeric' | 'exact' | 'judge' | 'bfcl';

export const GRADER_NAMES: readonly GraderName[] = ['mc', 'numeric', 'exact', 'judge', 'bfcl'];

/** One benchmark question, normalized from any source format. */
export interface Query {
  /** Unique within its query set. */
  id: string;
  /** The question text, without the answer options (see `choices`). */
  prompt: string;
  domain: string;
  /** Answer options for multiple-choice queries, in letter order (A, B, C, ...). */
  choices?: string[];
  /** Reference answer: a letter for `mc`, a number for `numeric`, free text otherwise. */
  answer: string;
  grader: GraderName;
  /** Anything else from the source row (difficulty, source benchmark, ...). */
  meta?: Record<string, unknown>;
}

/** The `Query` fields a source column can be mapped onto. */
export type QueryField = 'id' | 'prompt' | 'domain' | 'choices' | 'answer' | 'grader';

export const QUERY_FIELDS: readonly QueryField[] = ['id', 'prompt', 'domain', 'choices', 'answer', 'grader'];

/** Target field -> source column name, e.g. `{ prompt: 'problem' }`. */
export type ColumnMap = Partial<Record<QueryField, string>>;

export interface SampleOptions {
  /** How many queries to keep; all of them when n >= the set's size. */
  n: number;
  /** Same seed, same input -> same sample. */
  seed: number;
  /** Allocate the sample across domains in proportion to their sizes (default true). */
  stratify?: boolean;
}

export interface LoadOptions {
  /** Column mapping, as a string ("prompt=problem,domain=subject", as the CLI's `--map` takes it) or a record. */
  map?: string | ColumnMap;
  /** A named source layout from `RECIPES`, e.g. "mmlu-pro". */
  recipe?: string;
  /** Grader for every query, overriding what the rows say or imply. */
  grader?: GraderName;
  /** Split of a Hugging Face DatasetDict folder; default "test", or the only split. */
  split?: string;
  /** Seed for recipes that shuffle (gpqa option order); default 0. */
  seed?: number;
  /** Sample after loading and validating. */
  sample?: SampleOptions;
  /** Keep the first N queries (after sampling). */
  limit?: number;
}

/**
 * A value whose type changed while loading (an integer answer read as an option letter, a number read as text),
 * reported once per column with the rule used, so nobody is surprised by what the grader compares against.
 */
export interface ConversionNotice {
  /** The first file it happened in. */
  file: string;
  /** The source column, or `<field> (built by the recipe)`. */
  column: string;
  field: QueryField;
  /** e.g. "integer -> option letter". */
  conversion: string;
  /** The rule applied, in words. */
  rule: string;
  /** The first value converted, before and after. */
  example: { from: unknown; to: string };
  /** Rows converted this way in the whole set (before sampling). */
  rows: number;
  /** All of the above as one sentence. */
  message: string;
}

/** A bundled query set, as listed by `ipw list`. */
export interface DatasetSummary {
  name: string;
  path: string;
  description: string;
  /** Number of queries in the set. */
  queries: number;
  /** Query count per domain, in order of first appearance. */
  domains: Record<string, number>;
}
