import { ruleSetting } from './setting.ts';

export const reviewDateSetting = ruleSetting('review-date', {
  description: 'A review dated after today.',
  defaults: { severity: 'warning' },
  thresholds: {},
});
