import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { at } from './link-at.ts';
import type { AccountEntry, Workspace } from '../model.ts';

/**
 * A CRM id names one account, and an opportunity id one deal: the ledger books a row to the plan whose id or
 * `crm.id` its account cell holds, so two plans sharing one would have every row booked to whichever came first.
 * The second use (in the order the files are read) is the error; the first is named in its message.
 */
export function crmIdsUnique(ws: Workspace): Diagnostic[] {
  const out: Diagnostic[] = [];
  const accounts = new Map<string, AccountEntry>();
  for (const a of ws.accounts) {
    const id = a.plan.crm?.id;
    if (id === undefined) continue;
    const first = accounts.get(id);
    const owner = ws.accountById.get(id);
    if (first) {
      out.push(at(a, ['crm', 'id'], 'duplicate-crm-id', { of: 'account', id, first: first.file }));
    } else if (owner && owner !== a) {
      // Ledger rows are matched by plan id first: this crm.id would never receive one of its rows.
      out.push(at(a, ['crm', 'id'], 'duplicate-crm-id', { of: 'account-is-plan-id', id, owner: owner.file }));
    } else accounts.set(id, a);
  }
  const deals = new Map<string, { a: AccountEntry; i: number }>();
  for (const a of ws.accounts) {
    a.plan.opportunities.forEach((o, i) => {
      if (o.crm_id === undefined) return;
      const first = deals.get(o.crm_id);
      if (!first) return void deals.set(o.crm_id, { a, i });
      const where = first.a === a ? `opportunities[${first.i}] of this plan` : `opportunities[${first.i}] of ${first.a.file}`;
      out.push(at(a, ['opportunities', i, 'crm_id'], 'duplicate-crm-id', { of: 'deal', index: i, id: o.crm_id, where }));
    });
  }
  return out;
}
