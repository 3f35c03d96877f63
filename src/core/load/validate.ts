import { toIdSlug } from '../shared/paths.ts';
import type { DiagnosticCode } from '../diagnostics/codes.ts';
import type { z } from 'zod';
import { FILE_KINDS, type FileKind } from '../../../schemas/index.ts';
import { formatPath, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { YamlSource } from './yaml-source.ts';
import { dateFromText, didYouMean, excerpt, moneyFromText, periodFromText } from '../shared/suggest.ts';

const NOUNS: Record<FileKind, string> = {
  workspace: 'workspace.yaml',
  team: 'team.yaml',
  goals: 'goals.yaml',
  icp: 'icp.yaml',
  comp: 'comp.yaml',
  account: 'an account plan',
  review: 'an account review',
};

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
    // A text that spans lines is likely not a plan at all (a linked password or key file): say how long, not what.
    const long = typeof data === 'string' && (data.length > 60 || data.includes('\n'));
    const what = Array.isArray(data) ? 'a list' : data === null ? 'empty' : long ? `a single text of ${data.length} characters` : `a single value (${show(data)})`;
    diagnostics.push({
      file: source.file,
      ...source.locate([]),
      severity: 'error',
      code: 'not-a-mapping',
      message: `The file is ${what}, but ${NOUNS[kind]} is a set of "key: value" lines. See schemas/json/${FILE_KINDS[kind].json} for its fields.`,
    });
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
  const field = where === '' ? NOUNS[kind] : where;
  const make = (message: string, code: DiagnosticCode, at = path, target: 'value' | 'key' = 'value'): Diagnostic => ({
    file: source.file,
    ...source.locate(at, target),
    severity: 'error',
    code,
    message,
    path: formatPath(at),
  });

  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(shapeAt(root, path) ?? {});
    return issue.keys.map((key) => {
      const context = where === '' ? NOUNS[kind] : `"${where}"`;
      const hint = didYouMean(key, known, 'one of the known fields');
      return make(`${excerpt(key)} is not a field of ${context}.${hint || ` Remove it, or see schemas/json/${FILE_KINDS[kind].json}.`}`, 'unknown-key', [...path, key], 'key');
    });
  }

  const value = valueAt(data, path);
  const key = path.at(-1);
  if (value === undefined && typeof key === 'string' && !hasKey(valueAt(data, path.slice(0, -1)), key)) {
    // Zod says "invalid value" for a missing enum and "invalid union" for a missing union: each is a missing field.
    const about = describe(shapeAt(root, path.slice(0, -1))?.[key]);
    const expected =
      issue.code === 'invalid_type' ? `${article(issue.expected)}.` : issue.code === 'invalid_value' ? `one of: ${issue.values.map(String).join(', ')}.` : 'a value.';
    return [make(`${field} is missing. Add "${key}:" with ${about ?? expected}`, 'missing-field', path.slice(0, -1))];
  }
  if (issue.code === 'invalid_union' && isPlainObject(value)) {
    // A value that is a set of fields failed the union's object form on one of its own fields (`{ severity: eror }`,
    // `{ days: 0.5 }`): that field's issue, at its line, says more than "a set of fields is not valid here".
    const inner = fieldIssuesOf(issue);
    if (inner) return inner.flatMap((i) => describeIssue(kind, { ...i, path: [...issue.path, ...i.path] } as Issue, data, source, root));
  }
  switch (issue.code) {
    case 'invalid_type':
      return [make(`${field}: expected ${article(issue.expected)}, got ${show(value)}.${fixFor(issue.expected, value, source, path)}`, 'wrong-type')];
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
      const list = ` Write one of: ${allowed.join(', ')}.`;
      return [make(`${field}: ${show(value)} is not allowed.${hint.startsWith(' Did') ? `${hint}${list}` : list}`, 'invalid-value')];
    }
    case 'too_small':
    case 'too_big': {
      const limit = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      if (issue.origin === 'array') {
        return [make(`${field} needs ${issue.code === 'too_small' ? `at least ${limit}` : `at most ${limit}`} item${limit === '1' ? '' : 's'}.`, 'wrong-size')];
      }
      if (issue.origin === 'string') return [make(`${field} is empty. Write a value or remove the line.`, 'empty-value')];
      const percentHint = issue.code === 'too_big' && limit === '1' && typeof value === 'number' ? fractionHint(value) : '';
      const bound = issue.code === 'too_small' ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than';
      return [make(`${field} must be ${bound} ${limit}, got ${show(value)}.${percentHint}`, 'out-of-range')];
    }
    case 'invalid_format': {
      const hint = typeof value === 'string' ? fixForText(issue.message, value) : '';
      return [make(`${field}: ${show(value)} is not valid: ${issue.message}.${hint}`, 'invalid-format')];
    }
    case 'invalid_union':
      // A schema may say in words what its union takes (schemas/rules.ts does); Zod's default says only "Invalid input".
      if (issue.message !== 'Invalid input') return [make(`${field}: ${show(value)} is not valid here. ${issue.message}`, 'invalid-value')];
      return [make(`${field}: ${show(value)} is not valid here. See schemas/json/${FILE_KINDS[kind].json} for what this field takes.`, 'invalid-value')];
    case 'invalid_key': {
      return [make(`${field}: the key is not valid: ${issue.issues[0]?.message ?? 'it must be an id such as "jane-doe"'}.`, 'invalid-key', path, 'key')];
    }
    default:
      return [make(`${field}: ${issue.message}.`, 'invalid-value')];
  }
}

function article(expected: string): string {
  const names: Record<string, string> = {
    number: 'a number',
    string: 'a text',
    boolean: 'true or false',
    array: 'a list (lines starting with "- ")',
    object: 'a set of "key: value" lines',
    int: 'a whole number',
  };
  return names[expected] ?? expected;
}

/**
 * A fraction written as a percentage (80 for 0.8) is common; a value such as 1.5 may be 1.5% or a typo for 0.15,
 * and a guess would change the figure, so only values that read plainly as a percentage get one.
 */
function fractionHint(value: number): string {
  if (value >= 10 && value <= 100) return ` Write ${Math.round(value * 1e6) / 1e8} for ${value}%.`;
  return ' A fraction is a number from 0 to 1, such as 0.8 for 80% or 0.05 for 5%.';
}

function hasKey(parent: unknown, key: string): boolean {
  return parent !== null && typeof parent === 'object' && Object.hasOwn(parent, key);
}

function fixFor(expected: string, value: unknown, source: YamlSource, path: readonly (string | number)[]): string {
  if (expected === 'number' && typeof value === 'number' && !Number.isFinite(value)) {
    return ' .nan and .inf are not amounts: write a plain number, such as 250000.';
  }
  if (expected === 'number' && typeof value === 'string') {
    const n = moneyFromText(value);
    return n !== undefined ? ` Write ${n}.` : ' Write a plain number, such as 250000.';
  }
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    // The text as written: YAML reads 00123 as 123, and quoting the number would lose the zeros.
    const raw = source.rawScalar(path) ?? String(value);
    return raw.length <= 60 && !/["\\]/.test(raw) ? ` Put it in quotes: "${raw}".` : ' Put it in quotes.';
  }
  if (expected === 'boolean' && typeof value === 'string') {
    if (/^(yes|y|on)$/i.test(value)) return ' Write true.';
    if (/^(no|n|off)$/i.test(value)) return ' Write false.';
    return ' Write true or false.';
  }
  if (expected === 'array' && value !== null && typeof value !== 'object') return ' Start each item on its own line with "- ".';
  return '';
}

function fixForText(message: string, value: string): string {
  if (/period/.test(message)) {
    const p = periodFromText(value);
    return p && p !== value ? ` Write ${p}.` : '';
  }
  if (/date/.test(message)) {
    const d = dateFromText(value);
    return d && d !== value ? ` Write ${d}.` : '';
  }
  if (/id is/.test(message)) {
    const id = toIdSlug(value);
    return id && id !== value && id.length <= 60 ? ` Write ${id}.` : '';
  }
  if (/currency/.test(message) && /^[a-z]{3}$/i.test(value)) return ` Write ${value.toUpperCase()}.`;
  return '';
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return excerpt(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  return String(value);
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

function unwrap(node: Internal): Internal {
  let n = node;
  for (;;) {
    const def = n._zod.def;
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) return n;
    n = inner as Internal;
  }
}
