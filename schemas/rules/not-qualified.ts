import { plainNumber } from '../common.ts';
import { ruleSetting } from './setting.ts';

export const notQualifiedSetting = ruleSetting('not-qualified', {
  description: 'A grow or acquire plan with fewer than `min_true` qualification answers true.',
  defaults: { severity: 'warning', min_true: 4 },
  thresholds: {
    min_true: plainNumber().int().min(1).max(6).optional().describe('How many of the six questions must be answered true.'),
  },
});
