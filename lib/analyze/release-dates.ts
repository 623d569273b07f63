import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** The bundled, user-editable table: `model,releaseDate` (YYYY-MM-DD), one model per line. */
export const DEFAULT_RELEASE_DATES_FILE = fileURLToPath(new URL('../../data/model-release-dates.csv', import.meta.url));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Model name -> release date (YYYY-MM-DD), from a CSV with `model` and `releaseDate` columns, or a JSON object. */
export function loadReleaseDates(file: string = DEFAULT_RELEASE_DATES_FILE): Map<string, string> {
  const text = fs.readFileSync(file, 'utf8');
  const entries: Array<[string, string]> = file.endsWith('.json')
    ? Object.entries(JSON.parse(text) as Record<string, string>)
    : (parse(text, { columns: true, skip_empty_lines: true, trim: true, comment: '#' }) as Array<Record<string, string>>).map(
        (row) => [row.model ?? '', row.releaseDate ?? ''],
      );
  const dates = new Map<string, string>();
  for (const [model, date] of entries) {
    if (!model || !ISO_DATE.test(date) || Number.isNaN(Date.parse(date))) {
      throw new Error(`${file}: expected a model name and a YYYY-MM-DD releaseDate, got ${JSON.stringify([model, date])}`);
    }
    dates.set(model, date);
  }
  return dates;
}

/** Models in release order; models without a date come last, by name. */
export function releaseOrder(models: readonly string[], dates: ReadonlyMap<string, string>): string[] {
  return [...models].sort((a, b) => {
    const da = dates.get(a);
    const db = dates.get(b);
    if (da && db && da !== db) return da < db ? -1 : 1;
    if (da && !db) return -1;
    if (!da && db) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}
