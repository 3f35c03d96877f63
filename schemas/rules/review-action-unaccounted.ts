import { ruleSetting } from './setting.ts';

export const reviewActionUnaccountedSetting = ruleSetting('review-action-unaccounted', {
  description: 'An action open at the previous review that the latest one neither closes nor carries.',
  defaults: { severity: 'warning' },
  thresholds: {},
});
