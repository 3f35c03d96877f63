import { ledgerYear } from '../rollup/accounts.ts';
import { formatMoney, rateOf, roundCents } from '../shared/money.ts';
import { yearOf } from '../shared/periods.ts';
import { excerpt } from '../shared/suggest.ts';
import { defineRule, onPlan } from './context.ts';
import type { Draft } from './finding.ts';

/**
 * The ledger is what was sold; a plan's `history` is what someone typed. For a year the ledger covers, the ledger's
 * figure is the one summed, so a hand-typed figure that differs is stale or wrong and only misleads a reader of the file.
 */
export const historyDiffersFromLedger = defineRule('history-differs-from-ledger', {
  messages: {
    /**
     * `linked`: a ledger row names the plan. When none does, `sameName` is the ledger id of a client of the plan's
     * name without a plan, if there is one, and `account` the plan's id.
     */
    differs: (d: { year: string; typed: number; booked: number; currency: string; linked: boolean; account: string; sameName?: string }) =>
      `The history typed here for ${d.year} sums to ${formatMoney(d.typed, d.currency)}, and the sales ledger booked ${formatMoney(d.booked, d.currency)} for this account that year. The ledger's figure is the one used: correct the history for ${d.year}, or remove it and let the ledger speak.${d.linked ? '' : unlinked(d.account, d.sameName)}`,
  },
  check({ ws }, _thresholds, say) {
    const ledger = ws.ledger;
    if (!ledger) return [];
    const out: Draft[] = [];
    // A plan no row names is most often one whose CRM id is missing: a client without a plan under the same name is
    // then the likely match, and the message names its ledger id rather than telling the author to delete a true history.
    const byName = new Map<string, string>();
    for (const c of ledger.clients.values()) if (!c.hasPlan && c.name !== undefined && !byName.has(c.name.toLowerCase())) byName.set(c.name.toLowerCase(), c.id);
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
        const linked = ledger.clients.has(a.id);
        const sameName = linked ? undefined : byName.get(a.plan.name.toLowerCase());
        const data = { year, typed: written, booked, currency: ws.settings.currency, linked, account: a.id, ...(sameName !== undefined && { sameName }) };
        out.push(onPlan(a, ['history', first, 'revenue'], say('differs', data), a.plan.owner));
      }
    }
    return out;
  },
});

/** What to say when no ledger row names the plan at all: link it, rather than trust a ledger that does not know it. */
function unlinked(id: string, sameName: string | undefined): string {
  if (sameName !== undefined) return ` No row names this plan, but the ledger has a client of the same name under ${excerpt(sameName)}: if it is this account, add crm: { id: ${JSON.stringify(sameName)} } to the plan.`;
  return ` No row of the ledger names this plan, by its id ${excerpt(id)} or a crm.id: if its sales are there under another id, add crm: { id: "…" } with that id.`;
}
