import { daysSchema } from '../common.ts';
import { ruleSetting } from './setting.ts';

/** `days` has no default here: it defaults to workspace `review_cadence_days`. */
export const stalePlanSetting = ruleSetting('stale-plan', {
  description: 'last_reviewed missing or older than `days` (default: review_cadence_days).',
  defaults: { severity: 'warning' },
  thresholds: {
    days: daysSchema('How many days a plan may go without review.').optional(),
  },
});
