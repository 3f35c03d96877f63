import { daysSchema } from '../common.ts';
import { ruleSetting } from './setting.ts';

export const staleContactSetting = ruleSetting('stale-contact', {
  description: 'A key stakeholder with no contact in `days` days.',
  defaults: { severity: 'warning', days: 90 },
  thresholds: {
    days: daysSchema('How many days a key stakeholder may go without contact.').optional(),
  },
});
