import { plainNumber } from '../common.ts';
import { ruleSetting } from './setting.ts';

export const singleThreadedSetting = ruleSetting('single-threaded', {
  description: 'Fewer than `min_contacts` people in touch on their side or ours.',
  defaults: { severity: 'warning', min_contacts: 2 },
  thresholds: {
    min_contacts: plainNumber().int().min(1).max(100).optional().describe('The fewest people in touch on each side (1 to 100).'),
  },
});
