/**
 * Keys from plan text (a dimension, a scope key, an ICP criterion) may be "constructor" or any other
 * name an object inherits; `record[key]` would answer with Object's function instead of "not there".
 * Every lookup by such a key goes through here or through a Map.
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A Map of a record's own entries, for repeated lookups by keys from plan text. */
export function toMap<T>(record: Readonly<Record<string, T>>): Map<string, T> {
  return new Map(Object.entries(record));
}

/** An object that is no array (nor null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
