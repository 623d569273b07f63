/** Where a raw row came from, for error messages that point at the exact spot. */
export interface RowLocation {
  /** The source path as the user gave it. */
  file: string;
  /** 1-based line number, for line-oriented formats (JSONL, CSV). */
  line?: number;
  /** 0-based row index within the file or split. */
  index: number;
}

export function describeLocation(location: RowLocation): string {
  return location.line !== undefined ? `line ${location.line}` : `row index ${location.index}`;
}

export interface ValidationProblem {
  file: string;
  location?: RowLocation;
  field?: string;
  /** What is wrong, phrased to follow `field "x"` (e.g. `is missing`). */
  problem: string;
  /** What the user can do about it, as a full sentence. */
  fix: string;
}

/**
 * A query source that cannot be turned into valid queries. The message names the file, the row,
 * the field and a fix, because users meet it on the command line with no stack trace to read.
 */
export class QueryValidationError extends Error {
  override readonly name = 'QueryValidationError';
  readonly file: string;
  readonly line?: number;
  readonly rowIndex?: number;
  readonly field?: string;

  constructor(details: ValidationProblem) {
    const where = details.location ? `${details.file} ${describeLocation(details.location)}` : details.file;
    const subject = details.field ? `field "${details.field}" ${details.problem}` : details.problem;
    super(`${where}: ${subject}. ${details.fix}`);
    this.file = details.file;
    this.line = details.location?.line;
    this.rowIndex = details.location?.index;
    this.field = details.field;
  }
}

/** Throws a `QueryValidationError` for one row; recipes and the normalizer share it. */
export function rowError(location: RowLocation, field: string | undefined, problem: string, fix: string): never {
  throw new QueryValidationError({ file: location.file, location, field, problem, fix });
}
