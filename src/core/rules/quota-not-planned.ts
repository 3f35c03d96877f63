import { formatMoney } from '../shared/money.ts';
import { excerpt } from '../shared/suggest.ts';
import { defineRule } from './context.ts';
import { onCompPerson, personName } from './comp-shared.ts';

/**
 * Step 8: pay set on revenue no plan backs. For each person in a comp plan, each goal a revenue measure pays
 * against (their owner goal; a team goal once, at the first person paid on it) that the plans' forecast misses beyond
 * the tolerance: the goal's own `met` from the rollup, never computed again.
 */
export const quotaNotPlanned = defineRule('quota-not-planned', {
  messages: {
    notPlanned: ({ name, goal, planned, amount, currency, measure }: { person: string; name: string; goal: string; planned: number; amount: number; currency: string; measure: string }) =>
      `${name} is paid on ${measure} against ${excerpt(goal)} (${formatMoney(amount, currency)}), but the plans forecast only ${formatMoney(planned, currency)}: pay is set on revenue no plan backs. Add the missing revenue to the plans, or lower the goal in goals.yaml.`,
  },
  check({ ws, comp }, _thresholds, say) {
    const currency = ws.settings.currency;
    const seenTeamGoals = new Set<number>();
    return comp.flatMap((c) =>
      c.measures.flatMap((m, j) => {
        const goal = m.goal;
        if (!goal || goal.goal <= 0 || goal.met) return [];
        if (m.measure === 'team-revenue') {
          // A team goal is said once, at the first person paid on it, however many share it.
          if (seenTeamGoals.has(goal.index)) return [];
          seenTeamGoals.add(goal.index);
        }
        const said = say('notPlanned', { person: c.person, name: personName(ws, c.person), goal: goal.label, planned: goal.planned, amount: goal.goal, currency, measure: m.measure });
        return onCompPerson(ws, c, said, m.measure === 'team-revenue' ? ['plans', c.planIndex, 'measures', j] : c.path);
      }),
    );
  },
});
