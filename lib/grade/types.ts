import type { GraderName } from '../queries/index.ts';

/** Outcome of grading one response; 'error': the query could not run (see the row's verdict), so nothing was graded. */
export type GradeStatus = 'answered' | 'no_answer' | 'truncated' | 'ambiguous' | 'refused' | 'error';

/** The text a grading rule read: [start, end) character offsets into the original response, and that text. */
export interface GradeSpan {
  start: number;
  end: number;
  text: string;
}

/** What the judge model extracted when the rules found no answer (see `judgeFallback`). */
export interface JudgedGrade {
  pred: string | null;
  correct: boolean;
  status: GradeStatus;
  /** The judge's raw reply. */
  raw: string;
}

/** The outcome of grading one response. */
export interface Grade {
  grader: GraderName;
  /** The answer extracted from the response (a letter, a number, a normalized string, or the judge's verdict word). */
  pred: string | null;
  correct: boolean;
  status: GradeStatus;
  /** Which extraction rule fired, e.g. "answer_is", "boxed", "final_line". */
  rule: string;
  /** The raw judge text, or a short human-readable extraction detail. */
  verdict: string;
  /** What the deciding rule read; null when no rule read anything (empty response, nothing found). */
  span?: GradeSpan | null;
  /**
   * The rule-based verdict, kept when the judge fallback replaced it. Present only on a grade whose
   * pred/correct/status came from the judge.
   */
  ruleBased?: Omit<Grade, 'ruleBased' | 'judged'>;
  /** The judge fallback's reading, when it was asked. */
  judged?: JudgedGrade;
}

/** Any model that can act as a judge: a local node-llama-cpp model, an OpenAI-compatible server, or a test double. */
export interface JudgeModel {
  /** Part of the verdict cache key, so it must change whenever the judge's behaviour does (model file, quantization). */
  readonly name: string;
  complete(prompt: string): Promise<string>;
}

export interface NumericOptions {
  /** Relative tolerance against the reference; default 1e-6. */
  relTol?: number;
  /** Absolute tolerance, which is what matters when the reference is 0; default 1e-9. */
  absTol?: number;
}

export interface ExtractionOptions {
  /**
   * The generation hit its token limit. When no answer can be extracted the status becomes
   * 'truncated' rather than 'no_answer', so the two failure modes stay apart in the metrics.
   */
  truncated?: boolean;
  /**
   * The question as the model saw it (the prompt), when known. Multiple choice uses it to read a NOT/EXCEPT
   * question ("option C is not required" is then the answer, not a rejection) and to tell a restated question
   * from few-shot examples the model echoed before it. Optional: without it those cues come from the response.
   */
  question?: string;
}
