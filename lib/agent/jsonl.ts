/** One line of a JSON Lines file: its object and where it is, `file:line`, for messages. */
export interface JsonlRow {
  row: Record<string, unknown>;
  where: string;
  line: number;
}

/**
 * The JSON object on each non-blank line (line numbers count blank lines, as an editor does); throws naming the file
 * and line of one that is not valid JSON or not an object of `shape` (e.g. `{id, title, text}`).
 */
export function jsonlObjects(text: string, file: string, shape: string): JsonlRow[] {
  const rows: JsonlRow[] = [];
  text.split('\n').forEach((lineText, i) => {
    if (lineText.trim() === '') return;
    const where = `${file}:${i + 1}`;
    let row: unknown;
    try {
      row = JSON.parse(lineText);
    } catch (error) {
      throw new Error(`${where}: not valid JSON (${(error as Error).message})`);
    }
    if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new Error(`${where}: each line must be a JSON object ${shape}`);
    rows.push({ row: row as Record<string, unknown>, where, line: i + 1 });
  });
  return rows;
}
