import { teamManagerOf } from '../comp/comp.ts';
import { defineRule } from './context.ts';
import { onCompPerson, personName } from './comp-shared.ts';

/** Step 8: a measure that pays against nothing: no goal for the person in the plan's period, a goal of 0, or no objectives due. */
export const compWithoutGoal = defineRule('comp-without-goal', {
  messages: {
    noGoal: ({ name, measure, period, scope }: { person: string; name: string; measure: string; period: string; scope: string }) =>
      `${name} is paid on ${measure} in ${period}, but goals.yaml has no goal with scope { ${scope} } for ${period}, or it is 0, so the measure has no attainment. Add the goal, or take the measure out of the comp plan.`,
    noManager: ({ name, measure, period }: { person: string; name: string; measure: string; period: string }) =>
      `${name} is paid on ${measure} in ${period}, but has no manager in team.yaml and manages nobody, so there is no team goal to pay against. Set their manager, or take the measure out of the comp plan.`,
    noObjectives: ({ name, period }: { person: string; name: string; period: string }) =>
      `${name} is paid on objectives in ${period}, but owns no objective in a strategic plan that is due in ${period} and not dropped, so the measure has no attainment. Give them objectives with a due date in the period, or take the measure out of the comp plan.`,
  },
  check({ ws, comp }, _thresholds, say) {
    return comp.flatMap((c) =>
      c.measures.flatMap((m, j) => {
        const path = ['plans', c.planIndex, 'measures', j];
        if (m.measure === 'objectives') {
          return m.objectives && m.objectives.total > 0 ? [] : onCompPerson(ws, c, say('noObjectives', { person: c.person, name: personName(ws, c.person), period: c.period }), path);
        }
        if (m.goal && m.goal.goal > 0) return [];
        if (m.measure === 'own-revenue') return onCompPerson(ws, c, say('noGoal', { person: c.person, name: personName(ws, c.person), measure: m.measure, period: c.period, scope: `owner: ${c.person}` }), path);
        const manager = teamManagerOf(ws, c.person);
        if (manager === undefined) return onCompPerson(ws, c, say('noManager', { person: c.person, name: personName(ws, c.person), measure: m.measure, period: c.period }), path);
        return onCompPerson(ws, c, say('noGoal', { person: c.person, name: personName(ws, c.person), measure: m.measure, period: c.period, scope: `manager: ${manager}` }), path);
      }),
    );
  },
});
