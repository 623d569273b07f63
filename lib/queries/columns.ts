import { OptionError } from '../errors/index.ts';
import { QUERY_FIELDS, type ColumnMap, type QueryField } from './types.ts';

/** Columns tried, in order, when neither `load.map` nor a recipe says where a field lives. */
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
  return new OptionError('load.map', 'invalid', `load.map: "${name}" is not a query field. Map onto one of: ${QUERY_FIELDS.join(', ')} (e.g. load.map "prompt=problem").`);
}

/**
 * Parses a column mapping: `"prompt=problem, domain=subject"` (as `load.map` takes it) or a record.
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
            if (equals < 0) throw new OptionError('load.map', 'invalid', `load.map: "${part.trim()}" has no "=". Write field=column, e.g. load.map "prompt=problem".`);
            return [part.slice(0, equals).trim(), part.slice(equals + 1).trim()];
          })
      : Object.entries(spec);
  for (const [field, column] of pairs) {
    if (!isQueryField(field)) throw unknownField(field);
    if (typeof column !== 'string' || column.trim() === '') {
      throw new OptionError('load.map', 'invalid', `load.map: field "${field}" needs a column name, e.g. load.map "${field}=<column>".`);
    }
    if (map[field] !== undefined && typeof spec === 'string') {
      throw new OptionError('load.map', 'invalid', `load.map: field "${field}" is mapped twice. Map each field once.`);
    }
    map[field] = column.trim();
  }
  return map;
}
