import type { SiteData } from './site.ts';

/** Accounts named per note; a note naming more says how many more. */
const ACCOUNTS_SHOWN = 20;

/** A change note as the site lists it: when it was written (from git), what it names and why. */
export interface NoteView {
  /** The note's path inside the plans folder: changes/vestmark-budget-freeze.yaml. */
  rel: string;
  /** The date of the commit that added it, YYYY-MM-DD; undefined when git does not know the file (not committed, no git). */
  date: string | undefined;
  /** The accounts it names, the first 20 (those with a plan link to it; the others, removed since, are named by id). */
  accounts: { id: string; name: string; hasPlan: boolean }[];
  /** "and 9,980 more" past the first 20, else undefined. */
  moreAccounts: string | undefined;
  /** The goals it names, as one line ("FY2027 region: emea; Company"), or undefined. */
  goals: string | undefined;
  /** Every account id it names, for the account pages. */
  ids: string[];
  reason: string;
}

/**
 * Every change note, newest first: the record of why the forecast moved (README, "How the gate decides"). Notes git
 * does not date come first, as the newest (they are not committed yet), then by path.
 */
export function notesView(data: SiteData): NoteView[] {
  const added = data.history.addedByFile;
  const notes: NoteView[] = data.ws.notes.map((n) => ({
    rel: n.rel,
    date: added?.get(n.rel)?.date,
    accounts: n.note.accounts.slice(0, ACCOUNTS_SHOWN).map((id) => {
      const plan = data.ws.accountById.get(id);
      return { id, name: plan?.plan.name ?? id, hasPlan: plan !== undefined };
    }),
    moreAccounts: n.note.accounts.length > ACCOUNTS_SHOWN ? `and ${(n.note.accounts.length - ACCOUNTS_SHOWN).toLocaleString('en-US')} more` : undefined,
    goals: n.note.goals.length > 0 ? n.note.goals.join('; ') : undefined,
    ids: n.note.accounts,
    reason: n.note.reason,
  }));
  return notes.sort((a, b) => (b.date ?? '9999').localeCompare(a.date ?? '9999') || a.rel.localeCompare(b.rel));
}

/** The notes that name one account, newest first, for its page. */
export function accountNotes(data: SiteData, id: string): NoteView[] {
  return notesView(data).filter((n) => n.ids.includes(id));
}

/** "3 change notes, the newest from 2026-11-20." or what to do when there is none. */
export function notesSummary(notes: readonly NoteView[]): string {
  if (notes.length === 0) return 'No change note yet. A pull request that makes a goal worse adds one in changes/ with the reason, and it is listed here.';
  const newest = notes.find((n) => n.date !== undefined)?.date;
  return `${notes.length} change note${notes.length === 1 ? '' : 's'}${newest ? `, the newest from ${newest}` : ''}: why a change made a goal worse, written with the change.`;
}
