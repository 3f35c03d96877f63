import type { z } from 'zod';
import { references, type Reference } from '../../../schemas/references.ts';
import type { PathSegment } from '../diagnostics/diagnostic.ts';

/** A reference found in a file's data: what kind, where, and the value written there. */
export interface FoundReference extends Reference {
  path: PathSegment[];
  value: unknown;
}

/** Reports every reference under one schema node of a value. */
type Visit = (value: unknown, path: PathSegment[], out: FoundReference[]) => void;

/** The def of a Zod 4 schema: its `type` and the parts the walk follows, read loosely (zod/v4/core `$ZodTypeDef`). */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: readonly z.ZodType[];
  valueType?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  items?: readonly z.ZodType[];
  getter?: () => z.ZodType;
}

const compiled = new WeakMap<z.ZodType, Visit | null>();

/** What referencesIn found, by schema and value: a value's references are found once, or given by the parse cache. */
const found = new WeakMap<z.ZodType, WeakMap<object, readonly FoundReference[]>>();

/**
 * Every field of `value` that its schema marks as a reference (schemas/references.ts), found by walking the schema
 * and the parsed value together, so a field added to a schema is found without a list to edit. The walk is compiled
 * once per schema; a part of the schema with no reference in it is never visited. The list is kept with the value
 * (never to be changed by a caller), and the parse cache keeps it with the file (knownReferences).
 */
export function referencesIn(schema: z.ZodType, value: unknown): readonly FoundReference[] {
  const memo = typeof value === 'object' && value !== null ? found.get(schema)?.get(value) : undefined;
  if (memo) return memo;
  const out: FoundReference[] = [];
  compile(schema)?.(value, [], out);
  if (typeof value === 'object' && value !== null) knownReferences(schema, value, out);
  return out;
}

/** Says what referencesIn gives for this value: the list the parse cache kept for the file it came from. */
export function knownReferences(schema: z.ZodType, value: object, references: readonly FoundReference[]): void {
  let bySchema = found.get(schema);
  if (!bySchema) found.set(schema, (bySchema = new WeakMap()));
  bySchema.set(value, references);
}

function compile(schema: z.ZodType): Visit | null {
  const known = compiled.get(schema);
  if (known !== undefined) return known;
  // A recursive schema (z.lazy) meets itself: until it is compiled, it reaches through this forwarder.
  let visit: Visit | null = null;
  compiled.set(schema, (value, path, out) => visit?.(value, path, out));
  visit = build(schema);
  compiled.set(schema, visit);
  return visit;
}

function build(schema: z.ZodType): Visit | null {
  const mark = references.get(schema);
  if (mark) {
    const reference: Reference = { kind: mark.kind, ...(mark.what !== undefined && { what: mark.what }) };
    return (value, path, out) => {
      if (value !== undefined) out.push({ ...reference, path, value });
    };
  }
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case 'object':
      return fields(def.shape ?? {});
    case 'array':
      return each(def.element);
    case 'record':
      return entries(def.valueType);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return def.innerType ? compile(def.innerType) : null;
    case 'pipe':
      // The parsed value is the pipe's output: follow `out`, unless it is a transform (then the shape is `in`'s).
      return pipeTarget(def);
    case 'lazy':
      return def.getter ? compile(def.getter()) : null;
    case 'union':
      return either(def.options ?? []);
    case 'intersection':
      return either([def.left, def.right].filter((s): s is z.ZodType => s !== undefined));
    case 'tuple':
      return tuple(def.items ?? []);
    default:
      return null;
  }
}

function pipeTarget(def: Def): Visit | null {
  const out = def.out && (def.out as unknown as { _zod: { def: Def } })._zod.def.type !== 'transform' ? def.out : def.in;
  return out ? compile(out) : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function fields(shape: Record<string, z.ZodType>): Visit | null {
  const parts = Object.entries(shape).flatMap(([key, s]) => {
    const visit = compile(s);
    return visit ? [[key, visit] as const] : [];
  });
  if (parts.length === 0) return null;
  return (value, path, out) => {
    if (!isRecord(value)) return;
    for (const [key, visit] of parts) if (Object.hasOwn(value, key)) visit(value[key], [...path, key], out);
  };
}

function each(element: z.ZodType | undefined): Visit | null {
  const visit = element ? compile(element) : null;
  if (!visit) return null;
  return (value, path, out) => {
    if (Array.isArray(value)) value.forEach((item: unknown, i) => visit(item, [...path, i], out));
  };
}

function entries(valueType: z.ZodType | undefined): Visit | null {
  const visit = valueType ? compile(valueType) : null;
  if (!visit) return null;
  return (value, path, out) => {
    if (isRecord(value)) for (const [key, item] of Object.entries(value)) visit(item, [...path, key], out);
  };
}

function tuple(items: readonly z.ZodType[]): Visit | null {
  const visits = items.map((s) => compile(s));
  if (visits.every((v) => v === null)) return null;
  return (value, path, out) => {
    if (Array.isArray(value)) visits.forEach((visit, i) => visit?.(value[i], [...path, i], out));
  };
}

/**
 * A union or intersection: each part that has references looks at the value, and a field two parts both find is
 * reported once. (An object part finds nothing in a string; a union of a reference and another kind of id would
 * read the id as the reference, and no schema has one.)
 */
function either(parts: readonly z.ZodType[]): Visit | null {
  const visits = parts.map((s) => compile(s)).filter((v): v is Visit => v !== null);
  if (visits.length === 0) return null;
  if (visits.length === 1) return visits[0]!;
  return (value, path, out) => {
    const seen = new Set<string>();
    for (const visit of visits) {
      const found: FoundReference[] = [];
      visit(value, path, found);
      for (const f of found) {
        const key = JSON.stringify(f.path);
        if (!seen.has(key)) (seen.add(key), out.push(f));
      }
    }
  };
}
