import { ruleSetting } from './setting.ts';

export const historyDiffersFromLedgerSetting = ruleSetting('history-differs-from-ledger', {
  description: 'A plan\'s hand-typed history for a year the sales ledger covers differs from what the ledger booked.',
  defaults: { severity: 'warning' },
  thresholds: {},
});
