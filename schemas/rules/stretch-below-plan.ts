import { plainNumber } from '../common.ts';
import { ruleSetting } from './setting.ts';

export const stretchBelowPlanSetting = ruleSetting('stretch-below-plan', {
  description: 'A stretch target not above forecast × `min_ratio`.',
  defaults: { severity: 'warning', min_ratio: 1 },
  thresholds: {
    min_ratio: plainNumber().gt(0).max(100).optional().describe('How many times the forecast a stretch target must exceed, such as 1.2 (more than 0, at most 100).'),
  },
});
