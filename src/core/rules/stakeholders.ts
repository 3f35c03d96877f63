/** What the rules about people ask of a stakeholder, and which plans lack a role in the buying decision. */
import type { Stakeholder } from '../../../schemas/index.ts';
import type { AccountEntry, Workspace } from '../model.ts';
import { isActive, needsFullPicture } from './context.ts';

export const isBuyer = (s: Stakeholder) => s.roles.includes('decision-maker') || s.roles.includes('economic-buyer');
/** The people whose silence hurts most: the deciders, the budget holders, champions and the highly influential. */
export const isKey = (s: Stakeholder) => isBuyer(s) || s.stance === 'champion' || s.influence === 'high';

/** The active strategic or target plans none of whose stakeholders `has` the role. */
export function plansWithout(ws: Workspace, has: (s: Stakeholder) => boolean): AccountEntry[] {
  return ws.accounts.filter((a) => needsFullPicture(a) && isActive(a) && !a.plan.stakeholders.some(has));
}
