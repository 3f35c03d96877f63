import { ruleSetting } from './setting.ts';

export const uncoveredStakeholderSetting = ruleSetting('uncovered-stakeholder', {
  description: 'A decision maker or economic buyer with no relationship owner.',
  defaults: { severity: 'warning' },
  thresholds: {},
});
