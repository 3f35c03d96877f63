import { plainNumber } from '../common.ts';
import { dimensionRef } from '../references.ts';
import { ruleSetting } from './setting.ts';

export const topAccountWithoutPlanSetting = ruleSetting('top-account-without-plan', {
  description: 'An account in the top `share` of its `dimension` value by last year\'s revenue with no strategic plan or no forecast.',
  defaults: { severity: 'warning', share: 0.25, dimension: 'channel' },
  thresholds: {
    share: plainNumber().gt(0).max(1).optional().describe('The top fraction of accounts by last year\'s revenue, such as 0.25.'),
    dimension: dimensionRef().optional().describe('The dimension (a name under dimensions in workspace.yaml) whose values are ranked separately, such as channel.'),
  },
});
