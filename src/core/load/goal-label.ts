import type { Workspace } from '../model.ts';

// How every report names a goal. Here, below the rollup, because the loader checks change notes against these
// labels (load/notes.ts); rollup/scope.ts re-exports them.

/** A goal's label as every report prints it: its name, else its period and scope. */
export function goalLabel(g: { period: string; scope: Readonly<Record<string, string>>; name?: string | undefined }, ws?: Pick<Workspace, 'personById'>): string {
  return g.name ?? `${g.period} ${describeScope(g.scope, ws)}`;
}

/** "company" or "channel: direct, owner: Jane Doe", with people shown by name. */
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
