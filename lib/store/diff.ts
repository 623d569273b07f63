import type { JsonValue } from './types.ts';

/** A JSON round trip: drops `undefined` members so `{a: undefined}` equals `{}`, as it will on disk. */
export function toJson(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

function show(value: JsonValue | undefined): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function describeArrayDiff(key: string, was: JsonValue[], now: JsonValue[]): string {
  const first = was.findIndex((v, i) => i >= now.length || JSON.stringify(v) !== JSON.stringify(now[i]));
  const at = first === -1 ? was.length : first;
  return (
    `${key}: run.json has ${was.length} entries, now ${now.length}; ` +
    `first difference at position ${at} (${show(was[at])} vs ${show(now[at])})`
  );
}

/** Human-readable differences between two JSON values, one per differing leaf (arrays compared whole). */
export function jsonDifferences(key: string, was: JsonValue | undefined, now: JsonValue | undefined): string[] {
  const isObject = (v: JsonValue | undefined): v is { [k: string]: JsonValue } =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(was) && isObject(now)) {
    const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])].sort();
    return keys.flatMap((k) => jsonDifferences(`${key}.${k}`, was[k], now[k]));
  }
  if (Array.isArray(was) && Array.isArray(now)) {
    return JSON.stringify(was) === JSON.stringify(now) ? [] : [describeArrayDiff(key, was, now)];
  }
  if (JSON.stringify(was) === JSON.stringify(now)) return [];
  return [`${key}: run.json has ${show(was)}, now ${show(now)}`];
}
