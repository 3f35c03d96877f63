import { describe, expect, it } from 'vitest';
import { leaderAttentionView } from '../../src/core/views/leader-attention.ts';
import { findingsOf } from '../rules-fixture.ts';
import { siteOf, workspaceOf } from './helpers.ts';

/* Attention in sales words (issue 26, item 5): ranked by money at risk, each item with its stake and what to do. */
const data = siteOf(workspaceOf('plans'), '2026-12-05');
const view = leaderAttentionView(data);

describe('attention in sales words', () => {
  it('puts the $1.6M client without a plan first, then the at-risk review accounts, then the plans by their size', () => {
    const first = view.items[0]!;
    expect(first).toMatchObject({ kind: 'client-without-plan', stake: '$1,620,000 last year' });
    expect(first.what).toBe('Marrow Valley Labs bought $1,620,000 in FY2026, #2 of our clients in channel partner, and has no account plan');
    const kinds = view.items.map((i) => i.kind);
    const lastSales = kinds.findLastIndex((k) => k !== 'plan-findings');
    expect(kinds.slice(lastSales + 1).every((k) => k === 'plan-findings')).toBe(true);
    const salesStakes = view.items.slice(0, lastSales + 1).map((i) => i.stakeAmount);
    expect(salesStakes).toEqual([...salesStakes].sort((a, b) => b - a));
  });

  it("brings a current review's at-risk account to the list with the quarter's target at stake", () => {
    const columbia = view.items.find((i) => i.kind === 'review-at-risk' && i.account?.id === 'columbia-basin-water')!;
    expect(columbia.stake).toBe('$400,000 this quarter');
    expect(columbia.what).toBe("Jake Morrow's 2026-11 review calls Columbia Basin Water Authority at risk for FY2027-Q4 ($400,000 target; the plan is worth $1,420,000 this year)");
    expect(columbia.todo).toMatch(/^Ask Jake Morrow what would save it/);
  });

  it('speaks no field name or command, and never calls a whole plan "at stake"', () => {
    for (const i of view.items) {
      const text = `${i.what} ${i.stake} ${i.todo}`;
      expect(text).not.toMatch(/npm run|relationship:|last_reviewed|known_market|status:|\b1 days\b/);
      if (i.kind === 'plan-findings') expect(i.stake).not.toMatch(/at stake/);
    }
    const halberd = view.items.find((i) => i.account?.id === 'halberd-chemicals')!;
    expect(halberd).toMatchObject({ kind: 'plan-findings', stake: 'plan of $3,306,000 this year', what: 'Halberd Specialty Chemicals: overdue actions', todo: 'Go through it with Priya Raman' });
  });

  it('an overdue deal is at stake for its own value, one day late said in the singular', () => {
    const ws = workspaceOf('plans');
    const kaito = ws.accountById.get('kaito-precision')!;
    const deal = kaito.plan.opportunities.find((o) => o.status === 'open')!;
    const moved = { ...kaito, plan: { ...kaito.plan, opportunities: kaito.plan.opportunities.map((o) => (o === deal ? { ...o, close: '2026-12-04' } : o)) } };
    const late = siteOf({ ...ws, accounts: ws.accounts.map((a) => (a.id === 'kaito-precision' ? moved : a)), accountById: new Map([...ws.accountById].map(([id, a]) => [id, id === 'kaito-precision' ? moved : a])) }, '2026-12-05');
    const item = leaderAttentionView(late).items.find((i) => i.kind === 'deal-overdue')!;
    expect(item.what).toMatch(/was to close on 2026-12-04, 1 day ago, and is still open$/);
    expect(item.stakeAmount).toBeCloseTo(deal.revenue * (kaito.plan.currency === 'EUR' ? 1.08 : kaito.plan.currency === 'GBP' ? 1.27 : 1), 2);
    expect(item.todo).toBe('Ask Aiko Tanaka whether it is won, lost or moving, and to update the plan');
  });

  it('says "1 day ago" in the rules, not "1 days ago"', () => {
    const [f] = findingsOf({ 'accounts/acme.yaml': [['due: 2026-11-15', 'due: 2026-10-19']] }).filter((x) => x.rule === 'overdue-action');
    expect(f!.message).toContain('was due on 2026-10-19, 1 day ago,');
  });

  it('limits the list and counts what it left out', () => {
    const ten = leaderAttentionView(data, 10);
    expect(ten.items).toEqual(view.items.slice(0, 10));
    expect(ten.more).toBe(view.total - 10);
  });
});
