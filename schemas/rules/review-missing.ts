import { ruleSetting } from './setting.ts';

export const reviewMissingSetting = ruleSetting('review-missing', {
  description: 'A person who owns plans has no review for the last complete month.',
  defaults: { severity: 'warning' },
  thresholds: {},
});
