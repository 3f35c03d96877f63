import { ledgerYear } from '../rollup/accounts.ts';
import { formatMoney, rateOf, roundCents } from '../shared/money.ts';
import { yearOf } from '../shared/periods.ts';
import { onPlan, type Rule } from './context.ts';
import type { Draft } from './finding.ts';
import { ruleMeta } from './meta.ts';

/**
 * The ledger is what was sold; a plan's `history` is what someone typed. For a year the ledger covers, the ledger's
 * figure is the one summed, so a hand-typed figure that differs is stale or wrong and only misleads a reader of the file.
 */
export const historyDiffersFromLedger: Rule<'history-differs-from-ledger'> = {
  meta: ruleMeta('history-differs-from-ledger'),
  check({ ws }) {
    const ledger = ws.ledger;
    if (!ledger) return [];
    const out: Draft[] = [];
    for (const a of ws.accounts) {
      const rate = rateOf(ws.settings, a.plan.currency);
      const typed = new Map<string, { sum: number; first: number }>();
      a.plan.history.forEach((h, i) => {
        const year = yearOf(h.period);
        if (!ledger.years.has(year)) return;
        const entry = typed.get(year) ?? { sum: 0, first: i };
        entry.sum += h.revenue * rate;
        typed.set(year, entry);
      });
      for (const [year, { sum, first }] of typed) {
        const booked = ledgerYear(ledger.clients.get(a.id), year).revenue;
        const written = roundCents(sum);
        // Cents apart is rounding of a converted amount, not a different figure.
        if (Math.abs(written - booked) < 1) continue;
        const money = (n: number) => formatMoney(n, ws.settings.currency);
        out.push(onPlan(a, ['history', first, 'revenue'], `The history typed here for ${year} sums to ${money(written)}, and the sales ledger booked ${money(booked)} for this account that year. The ledger's figure is the one used: correct the history for ${year}, or remove it and let the ledger speak.`, a.plan.owner));
      }
    }
    return out;
  },
};
