/** What the rules about people ask of a stakeholder, and the shape of the rules that look for a missing role. */
import type { Stakeholder } from '../../../schemas/index.ts';
import { describePlan, isActive, needsFullPicture, onPlan, type Rule } from './context.ts';
import { ruleMeta } from './meta.ts';

export const isBuyer = (s: Stakeholder) => s.roles.includes('decision-maker') || s.roles.includes('economic-buyer');
/** The people whose silence hurts most: the deciders, the budget holders, champions and the highly influential. */
export const isKey = (s: Stakeholder) => isBuyer(s) || s.stance === 'champion' || s.influence === 'high';

export function missingRole<K extends 'no-decision-maker' | 'no-champion'>(id: K, has: (s: Stakeholder) => boolean, text: (plan: string) => string): Rule<K> {
  return {
    meta: ruleMeta(id),
    check({ ws }) {
      return ws.accounts.flatMap((a) => {
        if (!needsFullPicture(a) || !isActive(a) || a.plan.stakeholders.some(has)) return [];
        return [onPlan(a, ['stakeholders'], text(describePlan(a)), a.plan.owner, 'key')];
      });
    },
  };
}
