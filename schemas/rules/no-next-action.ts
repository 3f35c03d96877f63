import { daysSchema } from '../common.ts';
import { ruleSetting } from './setting.ts';

export const noNextActionSetting = ruleSetting('no-next-action', {
  description: 'No open action due in the next `days` days.',
  defaults: { severity: 'warning', days: 90 },
  thresholds: {
    days: daysSchema('How far ahead to look for the next action.').optional(),
  },
});
