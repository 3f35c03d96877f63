import { plainNumber } from '../common.ts';
import { ruleSetting } from './setting.ts';

export const actionSlippedSetting = ruleSetting('action-slipped', {
  description: 'An action in a latest review that has slipped `slips` times or more.',
  defaults: { severity: 'warning', slips: 3 },
  thresholds: {
    slips: plainNumber().int().min(1).max(1000).optional().describe('How many slips make an action a finding (1 to 1000).'),
  },
});
