import type { Person } from '../../../schemas/index.ts';
import { ownValue } from '../shared/own.ts';
import type { AccountEntry, Workspace } from '../model.ts';

/** Everyone who reports to the manager, directly or through others, and the manager. */
export function findReportingTree(people: readonly Person[], managerId: string): Set<string> {
  const reports = new Map<string, string[]>();
  for (const p of people) {
    if (p.manager === undefined) continue;
    const list = reports.get(p.manager) ?? [];
    list.push(p.id);
    reports.set(p.manager, list);
  }
  const tree = new Set<string>([managerId]);
  const queue = [managerId];
  // link.ts refuses circles, but the set still guards against looping on one.
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const r of reports.get(id) ?? []) {
      if (!tree.has(r)) {
        tree.add(r);
        queue.push(r);
      }
    }
  }
  return tree;
}

/**
 * Whether an account plan falls in a goal's scope. Keys: `owner`, `manager` (the manager's
 * reporting tree, transitively, their own plans included) or a dimension; every key must hold.
 */
export function makeScopeMatcher(ws: Pick<Workspace, 'people'>, scope: Readonly<Record<string, string>>): (a: AccountEntry) => boolean {
  const tests: ((a: AccountEntry) => boolean)[] = Object.entries(scope).map(([key, value]) => {
    if (key === 'owner') return (a) => a.plan.owner === value;
    if (key === 'manager') {
      const tree = findReportingTree(ws.people, value);
      return (a) => tree.has(a.plan.owner);
    }
    return (a) => ownValue(a.plan.dimensions, key) === value;
  });
  return (a) => tests.every((t) => t(a));
}

/** "company" or "channel: direct, owner: Jane Doe", with people shown by name. */
/** A goal's label as every report prints it: its name, else its period and scope. */
export function goalLabel(g: { period: string; scope: Readonly<Record<string, string>>; name?: string | undefined }, ws?: Pick<Workspace, 'personById'>): string {
  return g.name ?? `${g.period} ${describeScope(g.scope, ws)}`;
}

export function describeScope(scope: Readonly<Record<string, string>>, ws?: Pick<Workspace, 'personById'>): string {
  const entries = Object.entries(scope);
  if (entries.length === 0) return 'company';
  return entries
    .map(([key, value]) => {
      const person = key === 'owner' || key === 'manager' ? ws?.personById.get(value) : undefined;
      return `${key === 'manager' ? 'team of' : `${key}:`} ${person?.name ?? value}`;
    })
    .join(', ');
}

/** A stable key for a goal's period and scope, to match goals across two versions of the plans. */
export function goalKey(goal: { period: string; scope: Readonly<Record<string, string>> }): string {
  const scope = Object.entries(goal.scope).sort(([a], [b]) => a.localeCompare(b));
  return `${goal.period}|${JSON.stringify(scope)}`;
}
