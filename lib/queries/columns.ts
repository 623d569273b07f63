import { QUERY_FIELDS, type ColumnMap, type QueryField } from './types.ts';

/** Columns tried, in order, when neither `--map` nor a recipe says where a field lives. */
export const DEFAULT_COLUMNS: Readonly<Record<QueryField, readonly string[]>> = {
  id: ['id'],
  prompt: ['prompt', 'question', 'problem'],
  domain: ['domain', 'subject', 'category'],
  choices: ['choices', 'options'],
  answer: ['answer'],
  grader: ['grader'],
};

function isQueryField(name: string): name is QueryField {
  return (QUERY_FIELDS as readonly string[]).includes(name);
}

function unknownField(name: string): Error {
  return new Error(`--map: "${name}" is not a query field. Map onto one of: ${QUERY_FIELDS.join(', ')} (e.g. --map prompt=problem).`);
}

/**
 * Parses a column mapping: `"prompt=problem, domain=subject"` (as typed after `--map`) or a record.
 * Keys are query fields, values are source column names (which may contain spaces).
 */
export function parseColumnMap(spec: string | ColumnMap): ColumnMap {
  const map: ColumnMap = {};
  const pairs: [string, unknown][] =
    typeof spec === 'string'
      ? spec
          .split(',')
          .filter((part) => part.trim() !== '')
          .map((part) => {
            const equals = part.indexOf('=');
            if (equals < 0) throw new Error(`--map: "${part.trim()}" has no "=". Write field=column, e.g. --map prompt=problem.`);
            return [part.slice(0, equals).trim(), part.slice(equals + 1).trim()];
          })
      : Object.entries(spec);
  for (const [field, column] of pairs) {
    if (!isQueryField(field)) throw unknownField(field);
    if (typeof column !== 'string' || column.trim() === '') {
      throw new Error(`--map: field "${field}" needs a column name, e.g. --map ${field}=<column>.`);
    }
    if (map[field] !== undefined && typeof spec === 'string') {
      throw new Error(`--map: field "${field}" is mapped twice. Map each field once.`);
    }
    map[field] = column.trim();
  }
  return map;
}
