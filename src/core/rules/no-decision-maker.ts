import { missingRole } from './stakeholders.ts';

export const noDecisionMaker = missingRole(
  'no-decision-maker',
  (s) => s.roles.includes('decision-maker'),
  (plan) => `This ${plan} names no decision maker, so we do not know who says yes. Find out who decides and add them under stakeholders with "roles: [decision-maker]".`,
);
