import { CompSchema } from '../../../schemas/index.ts';
import { membersOf } from './comp-members.ts';
import { formatPath, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { excerpt } from '../shared/suggest.ts';
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
    else out.push(at(where, ['plans', i, 'id'], 'duplicate-id', `plans[${i}].id: ${excerpt(plan.id)} is also plans[${first}]. Give each comp plan its own id.`));

    const measures = new Map<string, number>();
    plan.measures.forEach((m, j) => {
      const earlier = measures.get(m.measure);
      if (earlier === undefined) return void measures.set(m.measure, j);
      out.push(at(where, ['plans', i, 'measures', j, 'measure'], 'duplicate-id', `plans[${i}].measures[${j}].measure: ${m.measure} is also measures[${earlier}]. List each measure once, with its whole weight.`));
    });
    const total = plan.measures.reduce((sum, m) => sum + m.weight, 0);
    if (Math.abs(total - 1) > WEIGHT_TOLERANCE) {
      out.push(at(where, ['plans', i, 'measures'], 'comp-weights', `plans[${i}].measures: the weights add up to ${round(total)}, not 1, so the plan would pay ${round(total * 100)}% of target_pay at goal. Change the weights so that they add up to 1.`));
    }
    plan.accelerators.forEach((step, j) => {
      const before = plan.accelerators[j - 1];
      if (!before || step.above > before.above) return;
      out.push(at(where, ['plans', i, 'accelerators', j, 'above'], 'comp-accelerator-order', `plans[${i}].accelerators[${j}].above: ${step.above} is not above the step before it (${before.above}). List the steps from the lowest "above" to the highest, each higher than the last.`));
    });
    if (!periods.has(plan.period)) {
      const known = [...periods].sort();
      out.push(at(where, ['plans', i, 'period'], 'comp-unknown-period', `plans[${i}].period: goals.yaml has no goal for ${excerpt(plan.period)}, so there is nothing to pay against.${known.length ? ` Write one of: ${known.join(', ')}, or add the period's goals.` : ' Add the period\'s goals to goals.yaml.'}`));
    }
    const members = membersOf(plan, i, ws.people);
    if (members.length === 0) {
      out.push(at(where, ['plans', i], 'comp-no-people', `plans[${i}]: the plan covers nobody${plan.role !== undefined ? `: nobody in team.yaml has the role ${plan.role}` : ''}. Add "people" (ids in team.yaml) or a "role" someone holds, or remove the plan.`));
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
      out.push(at(where, m.path, 'comp-person-twice', `${formatPath(m.path)}: ${excerpt(m.person)} is already in plans[${other}] (${excerpt(comp.plans[other]!.id)}) for ${plan.period}, and a person is paid by one plan per period. Take them out of one of the two (a "role" covers everyone with that role).`));
    }
  });
  return out;
}

function round(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
