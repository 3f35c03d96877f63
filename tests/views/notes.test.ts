import { describe, expect, it } from 'vitest';
import type { Commit } from '../../src/core/git/repo.ts';
import { parseLog } from '../../src/core/git/log.ts';
import { loadWorkspace } from '../../src/core/load/workspace.ts';
import { accountNotes, notesSummary, notesView } from '../../src/core/views/notes.ts';
import { fixtureFiles, withFiles } from '../helpers/workspace.ts';
import { example, NO_HISTORY, siteOf } from './helpers.ts';

const commit = (date: string): Commit => ({ hash: date, time: 0, date, author: '', subject: '', changes: [] });

describe('the change notes page and the account page section', () => {
  it('lists the example note, dated by git when git knows it, with the account it names', () => {
    const notes = notesView(example);
    expect(notes).toEqual([
      {
        rel: 'changes/bayou-reseller-exit.yaml',
        date: undefined,
        accounts: [{ id: 'bayou-instrument-repair', name: 'Bayou Instrument Repair', hasPlan: true }],
        moreAccounts: undefined,
        goals: undefined,
        ids: ['bayou-instrument-repair'],
        reason: "Bayou's reseller agreement ended in July and its service contracts move to Tristar, so FY2027 keeps only the service tail.",
      },
    ]);
    expect(accountNotes(example, 'bayou-instrument-repair')).toHaveLength(1);
    expect(accountNotes(example, 'vestmark-pharma')).toEqual([]);
    expect(notesSummary(notes)).toBe('1 change note: why a change made a goal worse, written with the change.');
  });

  it('dates each note by the commit that added it, newest first; a removed plan is named by id; 10,000 accounts show 20 and a count', () => {
    const reason = 'The customer froze its budget until the second quarter.';
    const many = Array.from({ length: 10_000 }, (_, i) => `gone-${i}`);
    const { workspace } = loadWorkspace(
      withFiles(fixtureFiles('minimal'), {
        'changes/a.yaml': `accounts: [acme]\nreason: ${reason}\n`,
        'changes/b.yaml': `accounts: [globex, initech]\ngoals: ["FY2027 company"]\nreason: ${reason}\n`,
      }),
    );
    const history = { ...NO_HISTORY, addedByFile: new Map([['changes/a.yaml', commit('2026-10-01')], ['changes/b.yaml', commit('2026-11-02')]]) };
    const notes = notesView(siteOf(workspace!, '2026-11-24', history));
    expect(notes.map((n) => [n.rel, n.date, n.goals])).toEqual([['changes/b.yaml', '2026-11-02', 'FY2027 company'], ['changes/a.yaml', '2026-10-01', undefined]]);
    expect(notes[0]!.accounts).toEqual([{ id: 'globex', name: 'Globex', hasPlan: true }, { id: 'initech', name: 'initech', hasPlan: false }]);
    expect(notesSummary(notes)).toBe('2 change notes, the newest from 2026-11-02: why a change made a goal worse, written with the change.');
    // The view caps what a page shows, whatever a note names (the schema refuses more than 200; this is the view's own guard).
    const big = { ...workspace!, notes: [{ ...workspace!.notes[0]!, note: { accounts: many, goals: [], reason } }] };
    const [shown] = notesView(siteOf(big, '2026-11-24'));
    expect(shown!.accounts).toHaveLength(20);
    expect(shown!.moreAccounts).toBe('and 9,980 more');
  });

  it('git log gives the commit that added each file: the oldest that touched it', () => {
    const log = '\x1eh2\x1f2\x1f2026-11-02\x1fa\x1fedit\n\nplans/changes/a.yaml\n\x1eh1\x1f1\x1f2026-10-01\x1fa\x1fadd\n\nplans/changes/a.yaml\n';
    const parsed = parseLog(log, 'plans');
    expect(parsed.byFile.get('changes/a.yaml')?.date).toBe('2026-11-02');
    expect(parsed.addedByFile.get('changes/a.yaml')?.date).toBe('2026-10-01');
  });
});
