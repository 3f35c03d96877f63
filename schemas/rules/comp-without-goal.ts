import { ruleSetting } from './setting.ts';

export const compWithoutGoalSetting = ruleSetting('comp-without-goal', {
  description: 'A person in a comp plan has no goal for one of its measures, or a goal of 0 (comp.yaml only).',
  defaults: { severity: 'warning' },
  thresholds: {},
});
