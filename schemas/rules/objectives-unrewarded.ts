import { ruleSetting } from './setting.ts';

export const objectivesUnrewardedSetting = ruleSetting('objectives-unrewarded', {
  description: 'A person owns objectives in strategic plans, due in their comp plan\'s period, but no measure of it rewards objectives (comp.yaml only).',
  defaults: { severity: 'warning' },
  thresholds: {},
});
