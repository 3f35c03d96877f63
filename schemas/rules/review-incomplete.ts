import { ruleSetting } from './setting.ts';

export const reviewIncompleteSetting = ruleSetting('review-incomplete', {
  description: 'A person\'s latest review leaves out an account of their book.',
  defaults: { severity: 'warning' },
  thresholds: {},
});
