import type { CatalogEntry } from './entry.ts';

/** Change notes (changes/*.yaml), and the length a text field such as a note's reason must have. */
export const NOTES = {
  'text-length': {
    severity: 'error',
    meaning: 'A text is shorter or longer than the field allows (a change note\'s reason: 20 to 1,000 characters).',
    message: ({ field, bound, limit, length }: { field: string; bound: 'at least' | 'at most'; limit: string; length: number | undefined }) =>
      `${field} must be ${bound} ${limit} characters${length === undefined ? '' : ` (it has ${length})`}.`,
  },
  'note-unknown-account': {
    severity: 'warning',
    meaning: 'A change note names an account that has no plan now (the change may have removed it).',
    message: ({ id }: { id: string }) => `The note names "${id}", which has no plan in accounts/. If this change removed the plan, the note is right; else correct the id.`,
  },
  'note-account-nowhere': {
    severity: 'error',
    meaning: 'In check --base, a change note names an account that has a plan neither now nor at the base.',
    message: ({ id, ref }: { id: string; ref: string }) => `The note names "${id}", which has a plan neither here nor at ${ref}, so it explains nothing. Correct the id (the plan's file name in accounts/).`,
  },
  'note-unknown-goal': {
    severity: 'warning',
    meaning: 'A change note names a goal label no goal in goals.yaml prints.',
    message: ({ label }: { label: string }) =>
      `The note names the goal "${label}", which no goal in goals.yaml prints as its label. Write the label as the check's table prints it, such as "FY2027 region: emea".`,
  },
} as const satisfies Record<string, CatalogEntry>;
