import { ruleSetting } from './setting.ts';

export const quotaNotPlannedSetting = ruleSetting('quota-not-planned', {
  description: 'A person in a comp plan is paid against a goal that the plans\' forecast does not cover, beyond the tolerance (comp.yaml only).',
  defaults: { severity: 'warning' },
  thresholds: {},
});
