import { ruleSetting } from './setting.ts';

export const noDecisionMakerSetting = ruleSetting('no-decision-maker', {
  description: 'A strategic or target plan names no decision maker.',
  defaults: { severity: 'warning' },
  thresholds: {},
});
