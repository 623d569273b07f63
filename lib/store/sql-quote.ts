/**
 * Quoting for the few parts of a DuckDB statement that cannot be bound as parameters: identifiers (table and
 * column names), and values inside statements DuckDB will not prepare (a `CREATE VIEW` over a list of files).
 * Every other value goes in as a parameter: `connection.run(sql, [value])` / `runAndReadAll(sql, values)`.
 */

function refuseNul(text: string, what: string): void {
  if (text.includes('\u0000')) throw new Error(`${what} ${JSON.stringify(text)} contains a NUL character, which SQL cannot hold`);
}

/** A double-quoted identifier: any name, quotes doubled. DuckDB compares identifiers case-insensitively. */
export function quoteIdent(name: string): string {
  refuseNul(name, 'identifier');
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A single-quoted string literal, quotes doubled; backslashes and everything else are literal in standard SQL
 * strings. Only for statements DuckDB cannot prepare; bind values everywhere else.
 */
export function quoteString(text: string): string {
  refuseNul(text, 'string');
  return `'${text.replaceAll("'", "''")}'`;
}

/** A list literal of strings, e.g. the files of a view: `['a.parquet', 'b''s.parquet']`. */
export function quoteStringList(items: readonly string[]): string {
  return `[${items.map(quoteString).join(', ')}]`;
}
