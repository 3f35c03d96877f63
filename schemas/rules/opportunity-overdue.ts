import { MAX_DAYS, plainNumber } from '../common.ts';
import { ruleSetting } from './setting.ts';

export const opportunityOverdueSetting = ruleSetting('opportunity-overdue', {
  description: 'An open opportunity more than `grace_days` past its expected close date.',
  defaults: { severity: 'warning', grace_days: 0 },
  thresholds: {
    grace_days: plainNumber().int().min(0).max(MAX_DAYS).optional().describe(`Days past the close date before an open opportunity is overdue (0 to ${MAX_DAYS}).`),
  },
});
