import { describe, expect, it } from 'vitest';
import { rollUpBooks } from '../../src/core/rollup/books.ts';
import { rollUp } from '../../src/core/rollup/rollup.ts';
import { example, workspaceOf } from './helpers.ts';

// tests/fixtures/rollup-basic: cleo ← max ← lea ← bo; max ← ann; cleo ← dan; counted weighted, EUR at 1.5.
const ws = workspaceOf('tests/fixtures/rollup-basic');
const books = rollUpBooks(ws, 'FY2027');

/** What check prints for a goal of zero with this scope: the figure a book must equal. */
const scoped = (scope: Record<string, string>) => rollUp({ ...ws, goals: [{ period: 'FY2027', scope, revenue: 0 }] }).goals[0]!;

describe('rollUpBooks', () => {
  it.each(ws.people.map((p) => ({ name: p.id })))('$name: the own book is the rollup of an owner: scope', ({ name }) => {
    const own = books.get(name)!.own;
    expect(own.planned).toBe(scoped({ owner: name }).planned);
    expect(own.contributions).toEqual(scoped({ owner: name }).contributions);
  });

  it('gives a team book only to people someone reports to, equal to the manager: scope', () => {
    const managers = [...books].filter(([, b]) => b.team !== undefined).map(([id]) => id).sort();
    expect(managers).toEqual(['cleo', 'lea', 'max']);
    for (const id of managers) expect(books.get(id)!.team!.planned).toBe(scoped({ manager: id }).planned);
  });

  it('sums the whole reporting tree into a team book, not only direct reports', () => {
    const cleo = books.get('cleo')!.team!;
    const everyone = ws.people.map((p) => books.get(p.id)!.own.planned).reduce((s, n) => s + n, 0);
    expect(cleo.planned).toBeCloseTo(everyone, 2);
    expect(cleo.planned).toBeGreaterThan(books.get('max')!.team!.planned);
  });

  it('on the example plans: each own book is the sum of the owner\'s counted plans for the year', () => {
    for (const p of example.ws.people) {
      const owned = example.ws.accounts.filter((a) => a.plan.owner === p.id);
      const sum = owned.reduce((s, a) => s + (example.revenue.byAccount.get(a.id)?.planned ?? 0), 0);
      expect(example.books.get(p.id)!.own.planned).toBeCloseTo(sum, 2);
      expect(example.books.get(p.id)!.own.contributions.length).toBe(owned.length);
    }
  });

  it('keeps a person with no plans at zero rather than leaving them out', () => {
    const none = rollUpBooks({ ...ws, accounts: [], accountById: new Map() }, 'FY2027');
    expect([...none.keys()].sort()).toEqual(ws.people.map((p) => p.id).sort());
    expect(none.get('bo')!.own.planned).toBe(0);
  });
});
