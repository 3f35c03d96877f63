import { ruleSetting } from './setting.ts';

export const noExecSponsorSetting = ruleSetting('no-exec-sponsor', {
  description: 'A strategic or target plan has no exec_sponsor.',
  defaults: { severity: 'warning' },
  thresholds: {},
});
