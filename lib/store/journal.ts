import path from 'node:path';
import { DurableAppendFile } from './append-file.ts';
import { JOURNAL_FILE } from './files.ts';
import { readJournal } from './journal-read.ts';
import { encodeQueryResult, queryResultProblem } from './schema.ts';
import type { QueryResult } from './types.ts';

/**
 * Append-only log of finished queries, one JSON line each. A line is durable once
 * `append` returns, so a crash loses at most the query in flight.
 */
export class RunJournal {
  readonly file: string;
  /** Problems found on open that were repaired or tolerated (torn tail, duplicate ids). */
  readonly warnings: readonly string[];
  /** queryIds found more than once on open; the first copy is kept. */
  readonly duplicateIds: readonly string[];
  private readonly lines: DurableAppendFile;
  private readonly byId: Map<string, QueryResult>;
  private readonly ordered: QueryResult[];

  private constructor(
    file: string,
    lines: DurableAppendFile,
    results: QueryResult[],
    duplicateIds: string[],
    warnings: string[],
  ) {
    this.file = file;
    this.lines = lines;
    this.ordered = results;
    this.byId = new Map(results.map((r) => [r.queryId, r]));
    this.duplicateIds = duplicateIds;
    this.warnings = warnings;
  }

  /**
   * Opens (creating if needed) `runDir/journal.jsonl` for appending. A torn last line left by a
   * killed writer is cut off so the next line starts clean; a corrupt complete line throws
   * `JournalCorruptError`.
   */
  static open(runDir: string): RunJournal {
    const file = path.join(runDir, JOURNAL_FILE);
    const contents = readJournal(file);
    const { handle, warnings } = DurableAppendFile.open(file, contents);
    if (contents.duplicateIds.length > 0) {
      warnings.push(`${file}: duplicate queryIds kept at first occurrence: ${contents.duplicateIds.join(', ')}`);
    }
    return new RunJournal(file, handle, contents.results, contents.duplicateIds, warnings);
  }

  /** Writes one result and fsyncs before returning. Refuses a queryId already in the journal. */
  append(result: QueryResult): void {
    if (this.lines.closed) throw new Error(`Journal ${this.file} is closed`);
    const problem = queryResultProblem(result);
    if (problem) throw new Error(`Refusing to journal an invalid result for query ${String(result?.queryId)}: ${problem}`);
    if (this.byId.has(result.queryId)) throw new Error(`Query ${result.queryId} is already in ${this.file}`);
    this.lines.appendLine(encodeQueryResult(result));
    const stored = structuredClone(result);
    this.byId.set(stored.queryId, stored);
    this.ordered.push(stored);
  }

  completedIds(): Set<string> {
    return new Set(this.byId.keys());
  }

  /** Results in journal (completion) order; copies, so callers cannot alter the journal's view. */
  results(): QueryResult[] {
    return structuredClone(this.ordered);
  }

  get size(): number {
    return this.ordered.length;
  }

  close(): void {
    this.lines.close();
  }
}
