/** How a query's response is graded; see lib/grade. */
export type GraderName = 'mc' | 'numeric' | 'exact' | 'judge';

export const GRADER_NAMES: readonly GraderName[] = ['mc', 'numeric', 'exact', 'judge'];

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
