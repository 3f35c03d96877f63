import type { FileKind } from '../../../../schemas/index.ts';
import { toIdSlug } from '../../shared/paths.ts';
import { dateFromText, didYouMean, excerpt, moneyFromText, periodFromText } from '../../shared/suggest.ts';
import type { CatalogEntry } from './entry.ts';

/**
 * Fields (the schemas). `field` is the field's dot path, or the file's noun for the file as a whole (`fieldOf`);
 * `schema` the JSON Schema file (schemas/json/) that lists a file's fields; `value` the value as YAML read it.
 */
export const FIELDS = {
  'unknown-key': {
    severity: 'error',
    meaning: 'A field the schema does not have.',
    /** A key the schema does not have, or (`in: 'sales.columns'`) a column mapping for no ledger field; `known` what there is. */
    message: (data: { key: string; kind: FileKind; where: string; known: readonly string[]; schema: string } | { in: 'sales.columns' | 'sales.values'; key: string; known: readonly string[] }) =>
      'in' in data
        ? data.in === 'sales.columns'
          ? `sales.columns: ${excerpt(data.key)} is not a ledger field. Map one of: ${data.known.join(', ')}.`
          : `sales.values: ${excerpt(data.key)} is not a field whose labels can be mapped.${didYouMean(data.key, data.known, 'one of the fields') || ` Map the labels of one of: ${data.known.join(', ')}.`}`
        : `${excerpt(data.key)} is not a field of ${data.where === '' ? NOUNS[data.kind] : `"${data.where}"`}.${didYouMean(data.key, data.known, 'one of the known fields') || ` Remove it, or see schemas/json/${data.schema}.`}`,
  },
  'missing-field': {
    severity: 'error',
    meaning: 'A required field is missing.',
    /** `about` is the field's own description from its schema; without one, `expects` says what it takes. */
    message: ({ field, key, about, expects }: { field: string; key: string; about: string | undefined; expects: { type: string } | { oneOf: readonly string[] } | undefined }) =>
      `${field} is missing. Add "${key}:" with ${about ?? (expects === undefined ? 'a value.' : 'type' in expects ? `${article(expects.type)}.` : `one of: ${expects.oneOf.join(', ')}.`)}`,
  },
  'wrong-type': {
    severity: 'error',
    meaning: 'A value of the wrong type (text for a number, a list for a mapping ...).',
    /** `written` is the value's text in the file, for quoting a number or a boolean that should be text; `fraction` whether the field is a fraction from 0 to 1. */
    message: ({ field, expected, value, written, fraction = false }: { field: string; expected: string; value: unknown; written: string | undefined; fraction?: boolean }) =>
      `${field}: expected ${article(expected)}, got ${show(value)}.${(fraction && percentHint(value)) || fixFor(expected, value, written)}`,
  },
  'invalid-value': {
    severity: 'error',
    meaning: 'A value the field does not accept (not one of its choices, or refused by its own check).',
    message: (data: InvalidValue) => invalidValue(data),
  },
  'invalid-format': {
    severity: 'error',
    meaning: 'Text not in the field\'s format (a date, a period, an id, a URL).',
    /** `rule` is the format's own sentence from the schema ("a period is FY2026 or FY2026-Q1"). */
    message: ({ field, value, rule }: { field: string; value: unknown; rule: string }) =>
      `${field}: ${show(value)} is not valid: ${rule}.${typeof value === 'string' ? fixForText(rule, value) : ''}`,
  },
  'invalid-key': {
    severity: 'error',
    meaning: 'A key of a keyed mapping is not a valid id.',
    message: ({ field, rule }: { field: string; rule: string | undefined }) => `${field}: the key is not valid: ${rule ?? 'it must be an id such as "jane-doe"'}.`,
  },
  'empty-value': {
    severity: 'error',
    meaning: 'A text field is empty.',
    message: ({ field }: { field: string }) => `${field} is empty. Write a value or remove the line.`,
  },
  'wrong-size': {
    severity: 'error',
    meaning: 'A list has fewer or more items than the field allows.',
    message: ({ field, bound, limit }: { field: string; bound: 'at least' | 'at most'; limit: string }) => `${field} needs ${bound} ${limit} item${limit === '1' ? '' : 's'}.`,
  },
  'out-of-range': {
    severity: 'error',
    meaning: 'A number is below or above the bound the schema sets for the field.',
    /** A field's bound in its schema, or (`in: 'ledger'`) the largest amount a ledger row may hold. */
    message: (data: { field: string; bound: 'at least' | 'more than' | 'at most' | 'less than'; limit: string; value: unknown } | { in: 'ledger'; column: string; value: string; max: number }) =>
      'in' in data
        ? `${data.column}: ${excerpt(data.value)} is beyond ${data.max.toExponential()}, the largest amount a row may hold. Correct the amount.`
        : `${data.field} must be ${data.bound} ${data.limit}, got ${show(data.value)}.${(data.bound === 'at most' || data.bound === 'less than') && data.limit === '1' && typeof data.value === 'number' ? fractionHint(data.value) : ''}`,
  },
  'number-format': {
    severity: 'error',
    meaning: 'A number is written in a form tools disagree on (hexadecimal, octal, a leading zero, negative zero ...).',
    /** `written` is the number as the file writes it, `value` the number YAML reads from it. */
    message: ({ field, written, value }: { field: string; written: string; value: number }) => `${field}: ${written} ${describeForm(written, value)}. Write ${value}.`,
  },
  'money-three-decimals': {
    severity: 'warning',
    meaning: 'An amount is written with a dot and exactly three decimals (250.000), which YAML reads as 250, not 250 thousand.',
    /** `written` is the amount as the file writes it. */
    message: ({ field, written }: { field: string; written: string }) => {
      const [whole, decimals] = written.split('.') as [string, string];
      const thousands = String(Number(whole + decimals));
      const plain = String(Number(written));
      return `${field}: ${written} is read as ${plain}, since a dot is the decimal point in YAML. Write ${thousands} for ${Number(thousands).toLocaleString('en-US')}, or ${plain} if you mean ${plain}.`;
    },
  },
} as const satisfies Record<string, CatalogEntry>;

const NOUNS: Record<FileKind, string> = {
  workspace: 'workspace.yaml',
  team: 'team.yaml',
  goals: 'goals.yaml',
  icp: 'icp.yaml',
  comp: 'comp.yaml',
  account: 'an account plan',
  review: 'an account review',
  change: 'a change note',
};

/** How a message names a field: its dot path, or the file's noun for the file as a whole. */
export function fieldOf(kind: FileKind, where: string): string {
  return where === '' ? NOUNS[kind] : where;
}

/** The message of `not-a-mapping` (listed with the YAML codes): the file's top level is not a set of fields. */
export function notAMapping({ kind, value, schema }: { kind: FileKind; value: unknown; schema: string }): string {
  // A text that spans lines is likely not a plan at all (a linked password or key file): say how long, not what.
  const long = typeof value === 'string' && (value.length > 60 || value.includes('\n'));
  const what = Array.isArray(value) ? 'a list' : value === null ? 'empty' : long ? `a single text of ${value.length} characters` : `a single value (${show(value)})`;
  return `The file is ${what}, but ${NOUNS[kind]} is a set of "key: value" lines. See schemas/json/${schema} for its fields.`;
}

/**
 * Why a value is refused: not one of the field's choices (`allowed`), refused by a union (whose schema may say in
 * words what it takes: `says`), or refused by a check of the field's own (`says`, its sentence).
 */
export type InvalidValue =
  | { by: 'choices'; field: string; value: unknown; allowed: readonly string[] }
  | { by: 'union'; field: string; value: unknown; says: string | undefined; schema: string }
  | { by: 'check'; field: string; says: string };

function invalidValue(data: InvalidValue): string {
  switch (data.by) {
    case 'choices': {
      const hint = typeof data.value === 'string' ? didYouMean(data.value, data.allowed) : '';
      const list = ` Write one of: ${data.allowed.join(', ')}.`;
      return `${data.field}: ${show(data.value)} is not allowed.${hint.startsWith(' Did') ? `${hint}${list}` : list}`;
    }
    case 'union':
      return data.says !== undefined
        ? `${data.field}: ${show(data.value)} is not valid here. ${data.says}`
        : `${data.field}: ${show(data.value)} is not valid here. See schemas/json/${data.schema} for what this field takes.`;
    case 'check':
      return `${data.field}: ${data.says}.`;
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

/** A fraction written as a percentage in text ("75%"): the fraction it means. Empty for any other text. */
function percentHint(value: unknown): string {
  const m = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value) : null;
  if (!m) return '';
  const n = Number(m[1]);
  return ` Write ${Math.round(n * 1e6) / 1e8} for ${n}%.`;
}

function fixFor(expected: string, value: unknown, written: string | undefined): string {
  if (expected === 'number' && typeof value === 'number' && !Number.isFinite(value)) {
    return ' .nan and .inf are not amounts: write a plain number, such as 250000.';
  }
  if (expected === 'number' && typeof value === 'string') {
    const n = moneyFromText(value);
    return n !== undefined ? ` Write ${n}.` : ' Write a plain number, such as 250000.';
  }
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    // The text as written: YAML reads 00123 as 123, and quoting the number would lose the zeros.
    const raw = written ?? String(value);
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

/** A value as a message shows it: text quoted and cut, and words for what is not text. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return excerpt(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  return String(value);
}

function describeForm(raw: string, value: number): string {
  const form = raw.replace(/^[-+]/, '').slice(0, 2).toLowerCase();
  if (form === '0x') return `is a hexadecimal number, which YAML reads as ${value}`;
  if (form === '0o') return `is an octal number, which YAML reads as ${value}`;
  if (form === '0b') return `is a binary number, which YAML reads as ${value}`;
  const octal = /^[-+]?0[0-7]+$/.test(raw) ? `, which older YAML tools read as the octal number ${Number.parseInt(raw, 8)}` : '';
  return `has a leading zero${octal}`;
}
