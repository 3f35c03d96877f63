import { ruleSetting } from './setting.ts';

export const objectiveWithoutOwnerSetting = ruleSetting('objective-without-owner', {
  description: 'An open objective with no owner.',
  defaults: { severity: 'info' },
  thresholds: {},
});
