import { ruleSetting } from './setting.ts';

export const noChampionSetting = ruleSetting('no-champion', {
  description: 'A strategic or target plan has no champion.',
  defaults: { severity: 'info' },
  thresholds: {},
});
