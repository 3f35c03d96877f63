import type { CompPlan, Person } from '../../../schemas/index.ts';
import type { PathSegment } from '../diagnostics/diagnostic.ts';

/** One person a comp plan covers, with the field of comp.yaml that names them (their `people` entry, or `role`). */
export interface CompMember {
  person: string;
  path: PathSegment[];
}

/**
 * Everyone a comp plan covers: its `people`, then everyone in team.yaml with its `role` who is not already listed
 * (`people` and `role` together mean both sets). Each person once.
 */
export function membersOf(plan: CompPlan, index: number, people: readonly Person[]): CompMember[] {
  const out: CompMember[] = [];
  const seen = new Set<string>();
  (plan.people ?? []).forEach((id, j) => {
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ person: id, path: ['plans', index, 'people', j] });
  });
  if (plan.role !== undefined) {
    for (const p of people) {
      if (p.role !== plan.role || seen.has(p.id)) continue;
      seen.add(p.id);
      out.push({ person: p.id, path: ['plans', index, 'role'] });
    }
  }
  return out;
}
