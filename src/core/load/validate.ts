import { fieldOf } from '../diagnostics/catalog/fields.ts';
import { diagnose } from '../diagnostics/diagnose.ts';
import type { z } from 'zod';
import { FILE_KINDS, type FileKind } from '../../../schemas/index.ts';
import { formatPath, type Diagnostic, type PathSegment } from '../diagnostics/diagnostic.ts';
import type { YamlSource } from './yaml-source.ts';

export type Validated<K extends FileKind> = { ok: true; value: z.output<(typeof FILE_KINDS)[K]['schema']> } | { ok: false };

/** The one place that runs a plans file through its schema. Returns the typed value, or diagnostics located in the file. */
export function validateData<K extends FileKind>(
  kind: K,
  data: unknown,
  source: YamlSource,
  diagnostics: Diagnostic[],
): Validated<K> {
  const schema = FILE_KINDS[kind].schema as unknown as z.ZodType;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(diagnose(source.file, source.locate([]), 'not-a-mapping', { kind, value: data, schema: FILE_KINDS[kind].json }));
    return { ok: false };
  }
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data as z.output<(typeof FILE_KINDS)[K]['schema']> };
  for (const issue of result.error.issues) {
    diagnostics.push(...describeIssue(kind, issue, data, source, schema));
  }
  return { ok: false };
}

type Issue = z.core.$ZodIssue;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Of a union's branches, the one that took the value as a set of fields and failed only on fields inside it (every
 * issue has a path): its issues. Undefined when no branch got that far, or when more than one did.
 */
function fieldIssuesOf(issue: Extract<Issue, { code: 'invalid_union' }>): Issue[] | undefined {
  const branches = (issue.errors ?? []).filter((errors) => errors.length > 0 && errors.every((e) => e.path.length > 0 || e.code === 'unrecognized_keys'));
  return branches.length === 1 ? branches[0] : undefined;
}

function describeIssue(kind: FileKind, issue: Issue, data: unknown, source: YamlSource, root: z.ZodType): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const where = formatPath(path);
  const field = fieldOf(kind, where);
  const schema = FILE_KINDS[kind].json;
  const place = (at: PathSegment[], target: 'value' | 'key' = 'value') => ({ ...source.locate(at, target), path: formatPath(at) });

  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(shapeAt(root, path) ?? {});
    return issue.keys.map((key) => diagnose(source.file, place([...path, key], 'key'), 'unknown-key', { key, kind, where, known, schema }));
  }

  const value = valueAt(data, path);
  const key = path.at(-1);
  if (value === undefined && typeof key === 'string' && !hasKey(valueAt(data, path.slice(0, -1)), key)) {
    // Zod says "invalid value" for a missing enum and "invalid union" for a missing union: each is a missing field.
    const about = describe(shapeAt(root, path.slice(0, -1))?.[key]);
    const expects = issue.code === 'invalid_type' ? { type: issue.expected } : issue.code === 'invalid_value' ? { oneOf: issue.values.map(String) } : undefined;
    return [diagnose(source.file, place(path.slice(0, -1)), 'missing-field', { field, key, about, expects })];
  }
  if (issue.code === 'invalid_union' && isPlainObject(value)) {
    // A value that is a set of fields failed the union's object form on one of its own fields (`{ severity: eror }`,
    // `{ days: 0.5 }`): that field's issue, at its line, says more than "a set of fields is not valid here".
    const inner = fieldIssuesOf(issue);
    if (inner) return inner.flatMap((i) => describeIssue(kind, { ...i, path: [...issue.path, ...i.path] } as Issue, data, source, root));
  }
  const here = place(path);
  switch (issue.code) {
    case 'invalid_type': {
      const written = typeof value === 'number' || typeof value === 'boolean' ? source.rawScalar(path) : undefined;
      const last = path[path.length - 1];
      const fraction = typeof value === 'string' && typeof last === 'string' && isFraction(shapeAt(root, path.slice(0, -1))?.[last]);
      return [diagnose(source.file, here, 'wrong-type', { field, expected: issue.expected, value, written, fraction })];
    }
    case 'invalid_value':
      return [diagnose(source.file, here, 'invalid-value', { by: 'choices', field, value, allowed: issue.values.map(String) })];
    case 'too_small':
    case 'too_big': {
      const limit = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      if (issue.origin === 'array') return [diagnose(source.file, here, 'wrong-size', { field, bound: issue.code === 'too_small' ? 'at least' : 'at most', limit })];
      if (issue.origin === 'string' && (issue.code === 'too_big' || Number(limit) > 1)) {
        const length = typeof value === 'string' ? value.trim().length : undefined;
        return [diagnose(source.file, here, 'text-length', { field, bound: issue.code === 'too_small' ? 'at least' : 'at most', limit, length })];
      }
      if (issue.origin === 'string') return [diagnose(source.file, here, 'empty-value', { field })];
      const bound = issue.code === 'too_small' ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than';
      return [diagnose(source.file, here, 'out-of-range', { field, bound, limit, value })];
    }
    case 'invalid_format':
      return [diagnose(source.file, here, 'invalid-format', { field, value, rule: issue.message })];
    case 'invalid_union':
      // A schema may say in words what its union takes (schemas/rules.ts does); Zod's default says only "Invalid input".
      return [diagnose(source.file, here, 'invalid-value', { by: 'union', field, value, says: issue.message !== 'Invalid input' ? issue.message : undefined, schema })];
    case 'invalid_key':
      return [diagnose(source.file, place(path, 'key'), 'invalid-key', { field, rule: issue.issues[0]?.message })];
    default:
      return [diagnose(source.file, here, 'invalid-value', { by: 'check', field, says: issue.message })];
  }
}

function hasKey(parent: unknown, key: string): boolean {
  return parent !== null && typeof parent === 'object' && Object.hasOwn(parent, key);
}

export function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    // Own keys only: a path segment is plan text, and "constructor" must not reach Object.prototype.
    v = Object.hasOwn(v, seg) ? (v as Record<string | number, unknown>)[seg] : undefined;
  }
  return v;
}

interface Def {
  type: string;
  innerType?: Def['self'];
  in?: Def['self'];
  shape?: Record<string, unknown>;
  element?: Def['self'];
  valueType?: Def['self'];
  options?: Def['self'][];
  self?: { _zod: { def: Def } };
}
type Internal = { _zod: { def: Def } };

/** The object shape a Zod issue path points into, to list the fields that do exist. */
function shapeAt(root: z.ZodType, path: readonly (string | number)[]): Record<string, unknown> | undefined {
  let node = unwrap(root as unknown as Internal);
  for (const seg of path) {
    const def = node._zod.def;
    let next: Internal | undefined;
    if (def.type === 'object' && typeof seg === 'string') next = def.shape?.[seg] as Internal | undefined;
    else if (def.type === 'array') next = def.element as Internal | undefined;
    else if (def.type === 'record') next = def.valueType as Internal | undefined;
    if (!next) return undefined;
    node = unwrap(next);
  }
  if (node._zod.def.type === 'union') {
    const obj = node._zod.def.options?.map((o) => unwrap(o as Internal)).find((o) => o._zod.def.type === 'object');
    return obj?._zod.def.shape;
  }
  return node._zod.def.type === 'object' ? node._zod.def.shape : undefined;
}

/** A field's description, lower-cased to follow "with": "the account executive who owns the plan …". */
function describe(schema: unknown): string | undefined {
  const text = (schema as { description?: string } | undefined)?.description;
  if (!text) return undefined;
  const sentence = text.replace(/^(The|An?) /, (m) => m.toLowerCase());
  return /[.?!]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** The schema of the field at a data path (a key of an object, or an item of a list), unwrapped; undefined when the path leads nowhere. */
export function fieldSchemaAt(root: z.ZodType, path: readonly (string | number)[]): unknown {
  const last = path[path.length - 1];
  if (typeof last === 'string') {
    const field = shapeAt(root, path.slice(0, -1))?.[last];
    return field === undefined ? undefined : unwrap(field as Internal);
  }
  return undefined;
}

/** Whether a field is a fraction from 0 to 1 (a confidence, a probability), whose percentage has a plain fix. */
function isFraction(schema: unknown): boolean {
  if (schema === undefined) return false;
  const n = unwrap(schema as Internal) as unknown as { minValue?: number | null; maxValue?: number | null };
  return n.minValue === 0 && n.maxValue === 1;
}

function unwrap(node: Internal): Internal {
  let n = node;
  for (;;) {
    const def = n._zod.def;
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) return n;
    n = inner as Internal;
  }
}
