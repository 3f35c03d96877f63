import { ruleSetting } from './setting.ts';

export const tierMismatchSetting = ruleSetting('tier-mismatch', {
  description: 'The declared tier differs from the A–D tier computed from last year\'s revenue.',
  defaults: { severity: 'info' },
  thresholds: {},
});
