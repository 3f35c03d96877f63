import { ruleSetting } from './setting.ts';

export const execCadenceSetting = ruleSetting('exec-cadence', {
  description: 'An executive relationship with no meeting this fiscal quarter.',
  defaults: { severity: 'warning' },
  thresholds: {},
});
