import { describe, expect, it } from 'vitest';
import type { Person } from '../schemas/index.ts';
import { rollUpBooks } from '../src/core/rollup/books.ts';
import { findReportingTree, inReportingTree, reportingIndex } from '../src/core/rollup/scope.ts';
import { workspaceOf } from './views/helpers.ts';

/* A manager scope from one numbering of the reporting forest (issue 26: a 5,000-deep chain must not slow the build). */
const person = (id: string, manager?: string): Person => ({ id, name: id, role: 'sales-manager', ...(manager !== undefined && { manager }) }) as Person;

describe('the reporting index', () => {
  it('agrees with walking each manager\'s tree, on the example and on a seeded random forest', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const forest = Array.from({ length: 300 }, (_, i) => person(`p${i}`, i === 0 || random() < 0.1 ? undefined : `p${Math.floor(random() * i)}`));
    for (const people of [workspaceOf('plans').people, forest]) {
      const index = reportingIndex(people);
      for (const m of people) {
        const tree = findReportingTree(people, m.id);
        for (const p of people) expect(inReportingTree(index, m.id, p.id), `${p.id} under ${m.id}`).toBe(tree.has(p.id));
      }
    }
  });

  it("a 5,000-deep chain gives each manager's book the plans of everyone below them", () => {
    const ws = workspaceOf('plans');
    const n = 5000;
    const people = Array.from({ length: n }, (_, i) => person(`p${i}`, i > 0 ? `p${i - 1}` : undefined));
    const accounts = ws.accounts.map((a, i) => ({ ...a, plan: { ...a.plan, owner: `p${(i * 150) % n}` } }));
    const books = rollUpBooks({ ...ws, people, personById: new Map(people.map((p) => [p.id, p])), accounts }, 'FY2027');
    for (const m of ['p0', 'p150', 'p2999', 'p4500', 'p4998']) {
      const depth = Number(m.slice(1));
      const expected = accounts.filter((a) => Number(a.plan.owner.slice(1)) >= depth).map((a) => a.id).sort();
      expect(books.get(m)!.team!.contributions.map((c) => c.account).sort(), m).toEqual(expected);
    }
  });
});
