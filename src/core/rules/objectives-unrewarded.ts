import { objectivesDue } from '../comp/comp.ts';
import { excerpt } from '../shared/suggest.ts';
import { defineRule } from './context.ts';
import { onCompPerson, personName } from './comp-shared.ts';

/**
 * Step 8: the strategic plan's objectives (executive relationships, whitespace) earn nothing. A person in a comp plan
 * owns objectives in strategic plans, due in the plan's period and not dropped, and no measure of the plan is objectives.
 */
export const objectivesUnrewarded = defineRule('objectives-unrewarded', {
  messages: {
    unrewarded: ({ name, count, period, plan }: { person: string; name: string; count: number; period: string; plan: string }) =>
      `${name} owns ${count === 1 ? 'an objective' : `${count} objectives`} in strategic plans due in ${period}, but the comp plan ${excerpt(plan)} pays only for revenue, so the work the strategic plans ask of them earns nothing. Add an objectives measure to the comp plan, or say in the plan why not.`,
  },
  check({ ws, comp }, _thresholds, say) {
    return comp.flatMap((c) => {
      if (c.measures.some((m) => m.measure === 'objectives')) return [];
      const { total } = objectivesDue(ws, c.person, c.period);
      if (total === 0) return [];
      return onCompPerson(ws, c, say('unrewarded', { person: c.person, name: personName(ws, c.person), count: total, period: c.period, plan: c.plan }), ['plans', c.planIndex, 'measures']);
    });
  },
});
