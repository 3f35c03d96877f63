import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { at } from './link-at.ts';
import { crmKey } from '../shared/crm-ids.ts';
import type { AccountEntry, Workspace } from '../model.ts';

/**
 * A CRM id names one account, and an opportunity id one deal: the ledger books a row to the plan whose id or
 * `crm.id` its account cell holds, so two plans sharing one would have every row booked to whichever came first.
 * The second use (in the order the files are read) is the error; the first is named in its message.
 */
export function crmIdsUnique(ws: Workspace): Diagnostic[] {
  const out: Diagnostic[] = [];
  // With sales.crm_ids: salesforce, a 15-character id and its 18-character form are one record, so one id twice.
  const form = ws.settings.sales?.crm_ids;
  const accounts = new Map<string, { a: AccountEntry; id: string }>();
  for (const a of ws.accounts) {
    const id = a.plan.crm?.id;
    if (id === undefined) continue;
    const key = crmKey(id, form);
    const first = accounts.get(key);
    const owner = ws.accountById.get(id);
    if (first) {
      out.push(at(a, ['crm', 'id'], 'duplicate-crm-id', { of: 'account', id, first: first.a.file, ...(first.id !== id && { written: first.id }) }));
    } else if (owner && owner !== a) {
      // Ledger rows are matched by plan id first: this crm.id would never receive one of its rows.
      out.push(at(a, ['crm', 'id'], 'duplicate-crm-id', { of: 'account-is-plan-id', id, owner: owner.file }));
    } else accounts.set(key, { a, id });
  }
  const deals = new Map<string, { a: AccountEntry; i: number; id: string }>();
  for (const a of ws.accounts) {
    a.plan.opportunities.forEach((o, i) => {
      if (o.crm_id === undefined) return;
      const key = crmKey(o.crm_id, form);
      const first = deals.get(key);
      if (!first) return void deals.set(key, { a, i, id: o.crm_id });
      const where = first.a === a ? `opportunities[${first.i}] of this plan` : `opportunities[${first.i}] of ${first.a.file}`;
      out.push(at(a, ['opportunities', i, 'crm_id'], 'duplicate-crm-id', { of: 'deal', index: i, id: o.crm_id, where, ...(first.id !== o.crm_id && { written: first.id }) }));
    });
  }
  return out;
}
