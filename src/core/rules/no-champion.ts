import { missingRole } from './stakeholders.ts';

export const noChampion = missingRole(
  'no-champion',
  (s) => s.stance === 'champion',
  (plan) => `This ${plan} has no champion: nobody inside the account argues for us when we are not in the room. Name the stakeholder who could be one and work towards "stance: champion".`,
);
