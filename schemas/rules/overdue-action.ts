import { MAX_DAYS, plainNumber } from '../common.ts';
import { ruleSetting } from './setting.ts';

export const overdueActionSetting = ruleSetting('overdue-action', {
  description: 'An open action more than `grace_days` past its due date.',
  defaults: { severity: 'warning', grace_days: 0 },
  thresholds: {
    grace_days: plainNumber().int().min(0).max(MAX_DAYS).optional().describe(`Days past due before an action is overdue (0 to ${MAX_DAYS}).`),
  },
});
