import { plainNumber } from '../common.ts';
import { ruleSetting } from './setting.ts';

export const strategicLimitSetting = ruleSetting('strategic-limit', {
  description: 'More than `max` strategic plans for one owner.',
  defaults: { severity: 'error', max: 5 },
  thresholds: {
    max: plainNumber().int().min(1).max(1000).optional().describe('The most strategic plans one person carries (1 to 1000).'),
  },
});
