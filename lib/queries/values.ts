import { Vector } from 'apache-arrow';

/** A row as read from a source, before mapping: column name -> plain JS value. */
export type RawValues = Record<string, unknown>;

/**
 * Turns Arrow and DuckDB cell values into plain JSON-like values, so mapping, validation and
 * `meta` never see Vectors, StructRows or bigints (which JSON.stringify rejects).
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (value instanceof Vector) return Array.from(value as Iterable<unknown>, toPlain);
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value)) {
    // Binary cells stay bytes; numeric typed arrays (e.g. fixed-size lists) become arrays.
    return value instanceof Uint8Array ? value : Array.from(value as unknown as ArrayLike<number | bigint>, toPlain);
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const source = hasToJSON(value) ? value.toJSON() : value;
    if (source === null || typeof source !== 'object') return toPlain(source);
    const out: RawValues = {};
    for (const [key, inner] of Object.entries(source as Record<string, unknown>)) out[key] = toPlain(inner);
    return out;
  }
  return value;
}

function hasToJSON(value: object): value is { toJSON(): unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

const NUMBER_PATTERN = /^[-+]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** True for text that reads as one number: "42", "-3.5", "1,000", "6.02e23". */
export function isNumericText(text: string): boolean {
  return NUMBER_PATTERN.test(text.trim());
}

/**
 * Parses a list cell: an array (Arrow list, JSON), a string holding a JSON array, or a
 * `|`-separated string (the usual way to fit options into one CSV cell).
 * Returns undefined for an absent or empty cell.
 */
export function parseList(value: unknown): unknown[] | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return [value];
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // Not JSON after all (e.g. "[a] | [b]"); fall through to the separator form.
    }
  }
  return trimmed.split('|').map((part) => part.trim());
}

/** A scalar cell as text; undefined for lists, objects and empty values. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
