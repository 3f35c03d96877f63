/** What the rules about people ask of a stakeholder, and which plans lack a role in the buying decision. */
import type { Stakeholder } from '../../../schemas/index.ts';
import type { AccountEntry } from '../model.ts';
import { isActive, needsFullPicture } from './context.ts';

export const isBuyer = (s: Stakeholder) => s.roles.includes('decision-maker') || s.roles.includes('economic-buyer');
/** The people whose silence hurts most: the deciders, the budget holders, champions and the highly influential. */
export const isKey = (s: Stakeholder) => isBuyer(s) || s.stance === 'champion' || s.influence === 'high';

/** Whether the plan is an active strategic or target plan none of whose stakeholders `has` the role. */
export function lacksRole(a: AccountEntry, has: (s: Stakeholder) => boolean): boolean {
  return needsFullPicture(a) && isActive(a) && !a.plan.stakeholders.some(has);
}
