import { ruleSetting } from './setting.ts';

export const teamQuotaUnassignedSetting = ruleSetting('team-quota-unassigned', {
  description: 'A manager\'s team goal that a comp plan pays against is more than the sum of the team members\' own goals, beyond the tolerance (comp.yaml only).',
  defaults: { severity: 'warning' },
  thresholds: {},
});
