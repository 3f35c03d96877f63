import { CompSchema } from '../../../schemas/index.ts';
import { membersOf } from './comp-members.ts';
import { formatPath, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { at } from './link-at.ts';
import { referencesIn } from './references.ts';
import type { Workspace } from '../model.ts';

/** How far a plan's weights may be from 1: hand-typed thirds (0.333 × 3) still add up. */
export const WEIGHT_TOLERANCE = 0.001;

/**
 * comp.yaml agrees with itself and with the other files: every person exists (the schema marks them), ids and
 * measures are unique, the weights add up to 1, the accelerators ascend, the period has goals, and nobody is in two
 * plans for one period.
 */
export function compPlansAgree(ws: Workspace, referencesExist: (found: ReturnType<typeof referencesIn>) => Diagnostic[]): Diagnostic[] {
  const where = ws.sources.comp;
  const comp = ws.comp;
  if (!comp || !where) return [];
  const out: Diagnostic[] = [...referencesExist(referencesIn(CompSchema, comp))];
  const ids = new Map<string, number>();
  const periods = new Set(ws.goals.map((g) => g.period));
  /** period → person → the plan that has them first. */
  const taken = new Map<string, Map<string, number>>();
  comp.plans.forEach((plan, i) => {
    const first = ids.get(plan.id);
    if (first === undefined) ids.set(plan.id, i);
    else out.push(at(where, ['plans', i, 'id'], 'duplicate-id', { list: 'comp plans', index: i, id: plan.id, first }));

    const measures = new Map<string, number>();
    plan.measures.forEach((m, j) => {
      const earlier = measures.get(m.measure);
      if (earlier === undefined) return void measures.set(m.measure, j);
      out.push(at(where, ['plans', i, 'measures', j, 'measure'], 'duplicate-id', { list: 'comp measures', plan: i, index: j, id: m.measure, first: earlier }));
    });
    const total = plan.measures.reduce((sum, m) => sum + m.weight, 0);
    if (Math.abs(total - 1) > WEIGHT_TOLERANCE) {
      out.push(at(where, ['plans', i, 'measures'], 'comp-weights', { plan: i, total: round(total), share: round(total * 100) }));
    }
    plan.accelerators.forEach((step, j) => {
      const before = plan.accelerators[j - 1];
      if (!before || step.above > before.above) return;
      out.push(at(where, ['plans', i, 'accelerators', j, 'above'], 'comp-accelerator-order', { plan: i, index: j, above: step.above, before: before.above }));
    });
    // Without a valid goals.yaml (missing, or reported at its own line) there are no periods to check against.
    if (ws.sources.goals && !periods.has(plan.period)) {
      const known = [...periods].sort();
      out.push(at(where, ['plans', i, 'period'], 'comp-unknown-period', { plan: i, period: plan.period, known }));
    }
    const members = membersOf(plan, i, ws.people);
    if (members.length === 0) {
      out.push(at(where, ['plans', i], 'comp-no-people', { plan: i, role: plan.role }));
    }
    let byPerson = taken.get(plan.period);
    if (!byPerson) taken.set(plan.period, (byPerson = new Map()));
    for (const m of members) {
      const other = byPerson.get(m.person);
      if (other === undefined) {
        byPerson.set(m.person, i);
        continue;
      }
      if (other === i) continue;
      out.push(at(where, m.path, 'comp-person-twice', { field: formatPath(m.path), person: m.person, other, otherId: comp.plans[other]!.id, period: plan.period }));
    }
  });
  return out;
}

function round(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
