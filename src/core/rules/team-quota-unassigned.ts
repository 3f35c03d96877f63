import { inReportingTree, reportingIndex } from '../rollup/scope.ts';
import { formatMoney } from '../shared/money.ts';
import { ownValue } from '../shared/own.ts';
import { excerpt } from '../shared/suggest.ts';
import { at, defineRule } from './context.ts';

/**
 * Step 8: part of a team's number is nobody's. A manager's team goal that a comp plan pays against (team-revenue)
 * is more than the sum of the own goals of the people in the manager's reporting tree for that period, beyond the
 * tolerance. Assigning reps more than the team goal is normal and not flagged.
 */
export const teamQuotaUnassigned = defineRule('team-quota-unassigned', {
  messages: {
    unassigned: ({ manager, goal, amount, assigned, currency }: { manager: string; goal: string; amount: number; assigned: number; currency: string }) =>
      `${excerpt(goal)} is ${formatMoney(amount, currency)}, but the own goals of ${excerpt(manager)}'s team add up to ${formatMoney(assigned, currency)}, so ${formatMoney(amount - assigned, currency)} of the team's number is nobody's quota. Give the rest to the people of the team in goals.yaml, or lower the team goal.`,
  },
  check({ ws, comp }, _thresholds, say) {
    const where = ws.sources.goals;
    if (!where) return [];
    const currency = ws.settings.currency;
    const seen = new Set<number>();
    return comp.flatMap((c) =>
      c.measures.flatMap((m) => {
        const goal = m.goal;
        if (m.measure !== 'team-revenue' || !goal || seen.has(goal.index)) return [];
        seen.add(goal.index);
        const manager = ownValue(goal.scope, 'manager');
        if (manager === undefined) return [];
        const team = reportingIndex(ws.people);
        const assigned = ws.goals.reduce((sum, g) => {
          const owner = ownValue(g.scope, 'owner');
          return g.period === goal.period && Object.keys(g.scope).length === 1 && owner !== undefined && inReportingTree(team, manager, owner) ? sum + g.revenue : sum;
        }, 0);
        if (assigned >= goal.goal * (1 - ws.settings.tolerance)) return [];
        return [at(where, ['goals', goal.index, 'revenue'], say('unassigned', { manager, goal: goal.label, amount: goal.goal, assigned, currency }), { person: manager })];
      }),
    );
  },
});
