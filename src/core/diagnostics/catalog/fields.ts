import type { CatalogEntry } from './entry.ts';

/** Fields (the schemas). */
export const FIELDS = {
  'unknown-key': { severity: 'error', meaning: 'A field the schema does not have.' },
  'missing-field': { severity: 'error', meaning: 'A required field is missing.' },
  'wrong-type': { severity: 'error', meaning: 'A value of the wrong type (text for a number, a list for a mapping ...).' },
  'invalid-value': { severity: 'error', meaning: 'A value the field does not accept (not one of its choices, or refused by its own check).' },
  'invalid-format': { severity: 'error', meaning: 'Text not in the field\'s format (a date, a period, an id, a URL).' },
  'invalid-key': { severity: 'error', meaning: 'A key of a keyed mapping is not a valid id.' },
  'empty-value': { severity: 'error', meaning: 'A text field is empty.' },
  'wrong-size': { severity: 'error', meaning: 'A list has fewer or more items than the field allows.' },
  'out-of-range': { severity: 'error', meaning: 'A number is below or above the bound the schema sets for the field.' },
  'number-format': { severity: 'error', meaning: 'A number is written in a form tools disagree on (hexadecimal, octal, a leading zero, negative zero ...).' },
} as const satisfies Record<string, CatalogEntry>;
