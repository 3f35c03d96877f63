import type { Finding } from '../rules/finding.ts';
import { currentReviews } from '../reviews/history.ts';
import { counted, forecastIn } from '../rollup/accounts.ts';
import { formatMoney, toWorkspaceCurrency } from '../shared/money.ts';
import { pushTo } from '../shared/group.ts';
import { excerpt } from '../shared/suggest.ts';
import { accountName, personName, type SiteData } from './site.ts';
import { reviewQuarters } from './account-reviews.ts';

/**
 * The home page's attention list in a sales leader's words, ranked by money at risk: the top clients with no plan,
 * the accounts a current review calls at-risk or behind, the deals past their close date, then the method's
 * findings, a line per account. Each item says what is at stake in currency and what to do; field names and
 * commands stay on the findings page, which each item links to through its account or the findings list.
 */
export interface LeaderAttentionView {
  items: LeaderAttentionItem[];
  /** How many items the limit left out. */
  more: number;
  total: number;
}

export type AttentionKind = 'client-without-plan' | 'review-at-risk' | 'deal-overdue' | 'plan-findings';

export interface LeaderAttentionItem {
  kind: AttentionKind;
  /** The plan the item is about, when there is one to link. */
  account: { id: string; name: string } | undefined;
  /** What is wrong, in a sentence: "Marrow Valley Labs bought $1,600,000 in FY2026 and has no account plan". */
  what: string;
  /** The money, as the badge says it: "$1,600,000 last year", "$400,000 this quarter". */
  stake: string;
  /** The amount the list is ranked by. */
  stakeAmount: number;
  /** What to do, addressed to a person where the plans name one. */
  todo: string;
}

/** The method's rules, as a leader says what they found. */
const RULE_WORDS: Readonly<Record<string, string>> = {
  'action-slipped': 'actions that keep slipping',
  'exec-cadence': 'no recent executive meeting',
  'history-differs-from-ledger': 'sales history that differs from the ledger',
  'no-champion': 'no champion',
  'no-decision-maker': 'no known decision maker',
  'no-exec-sponsor': 'no executive sponsor',
  'no-next-action': 'no next step',
  'not-qualified': 'the client may not warrant a plan',
  'objective-without-owner': 'objectives nobody owns',
  'overdue-action': 'overdue actions',
  'review-action-unaccounted': 'review actions not followed up',
  'review-date': 'a review dated oddly',
  'review-incomplete': 'an incomplete monthly review',
  'review-missing': 'a missing monthly review',
  'single-threaded': 'only one contact at the client',
  'stale-contact': 'key people not contacted lately',
  'stale-plan': 'not reviewed lately',
  'strategic-limit': 'more strategic plans than one person can keep up',
  'stretch-below-plan': 'a stretch goal below the plan',
  'tier-mismatch': 'a tier that does not match its sales',
  'uncovered-stakeholder': 'decision makers nobody on our side knows',
};

/** Rules the sales items already say in their own words. */
const SAID_AS_SALES = new Set(['top-account-without-plan', 'opportunity-overdue']);

function ruleWords(rule: string): string {
  return Object.hasOwn(RULE_WORDS, rule) ? RULE_WORDS[rule]! : rule.replaceAll('-', ' ');
}

/** "1 day" / "3 days". */
export function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

export function leaderAttentionView(data: SiteData, limit?: number): LeaderAttentionView {
  const { ws, rollup, today } = data;
  const money = (n: number) => formatMoney(n, rollup.currency);
  const named = (id: string) => {
    const a = ws.accountById.get(id);
    return a && { id: a.id, name: a.plan.name };
  };
  const sales: LeaderAttentionItem[] = [];
  const rest = new Map<string, Finding[]>();
  for (const f of data.findings.all) {
    const d = f.data ?? {};
    if (f.rule === 'top-account-without-plan' && (f.messageId === 'noPlan' || f.messageId === 'unlinked')) {
      const amount = typeof d['sales'] === 'number' ? d['sales'] : 0;
      const name = typeof d['name'] === 'string' ? d['name'] : String(d['client'] ?? f.account ?? '');
      const where = typeof d['group'] === 'string' && typeof d['dimension'] === 'string' ? ` in ${d['dimension']} ${d['group']}` : '';
      const rank = typeof d['rank'] === 'number' ? `, #${d['rank']} of our clients${where},` : '';
      sales.push({
        kind: 'client-without-plan',
        account: undefined,
        what: `${name} bought ${money(amount)} in ${String(d['year'] ?? 'the last year')}${rank} and has no account plan`,
        stake: `${money(amount)} last year`,
        stakeAmount: amount,
        todo: f.messageId === 'unlinked' ? 'Check whether an existing plan is this client and link it; otherwise have its account executive write a plan' : 'Assign it to an account executive and have them write a plan',
      });
      continue;
    }
    if (f.rule === 'opportunity-overdue' && f.account !== undefined) {
      const a = ws.accountById.get(f.account);
      const value = a && typeof d['revenue'] === 'number' ? toWorkspaceCurrency(d['revenue'], a.plan, ws.settings) : 0;
      const late = typeof d['late'] === 'number' ? d['late'] : 0;
      const owner = a ? personName(ws, a.plan.owner) : 'its owner';
      sales.push({
        kind: 'deal-overdue',
        account: named(f.account),
        what: `The deal ${excerpt(String(d['opportunity'] ?? ''))} was to close on ${String(d['close'] ?? '')}, ${days(late)} ago, and is still open`,
        stake: `${money(value)} deal`,
        stakeAmount: value,
        todo: `Ask ${owner} whether it is won, lost or moving, and to update the plan`,
      });
      continue;
    }
    if (SAID_AS_SALES.has(f.rule)) continue;
    pushTo(rest, f.account ?? `person:${f.person ?? ''}`, f);
  }
  const startMonth = ws.settings.fiscal_year_start_month;
  for (const r of currentReviews(ws.reviews, today)) {
    const [current, next] = reviewQuarters(r.review.date, startMonth);
    for (const line of r.review.accounts) {
      for (const [standing, quarter, when] of [[line.current, current, 'this quarter'], [line.next, next, 'next quarter']] as const) {
        if (standing === undefined || (standing.status !== 'at-risk' && standing.status !== 'behind')) continue;
        const t = data.totals.get(line.account);
        const target = standing.target ?? (t ? counted(forecastIn(t, quarter), rollup.count) : 0);
        const shortBy = standing.expected !== undefined && standing.expected < target ? target - standing.expected : undefined;
        const who = personName(ws, r.person);
        const year = data.revenue.byAccount.get(line.account)?.planned ?? 0;
        sales.push({
          kind: 'review-at-risk',
          account: named(line.account),
          what: `${who}'s ${r.month} review calls ${accountName(ws, line.account)} ${standing.status === 'behind' ? 'behind' : 'at risk'} for ${quarter} (${money(target)} target${shortBy !== undefined ? `, ${money(shortBy)} expected short` : ''}${year > 0 ? `; the plan is worth ${money(year)} this year` : ''})`,
          stake: `${money(shortBy ?? target)} ${when}`,
          stakeAmount: shortBy ?? target,
          todo: `Ask ${who} what would save it${line.note ? `; the review says: ${line.note}` : ''}`,
        });
      }
    }
  }
  sales.sort((a, b) => b.stakeAmount - a.stakeAmount);
  const plans: LeaderAttentionItem[] = [...rest].map(([key, list]) => {
    const account = key.startsWith('person:') ? undefined : named(key);
    const planned = account ? (data.revenue.byAccount.get(account.id)?.planned ?? 0) : 0;
    const rules = [...new Set(list.map((f) => f.rule))].map(ruleWords);
    const person = (account && ws.accountById.get(account.id)?.plan.owner) ?? list.find((f) => f.person !== undefined)?.person;
    const subject = account ? account.name : person !== undefined ? `${personName(ws, person)}'s book` : 'The plans';
    return {
      kind: 'plan-findings' as const,
      account,
      what: `${subject}: ${rules.length === 1 ? rules[0] : `${rules.slice(0, -1).join(', ')} and ${rules.at(-1)}`}`,
      stake: planned > 0 ? `plan of ${money(planned)} this year` : 'no revenue planned this year',
      stakeAmount: planned,
      todo: person !== undefined ? `Go through it with ${personName(ws, person)}` : 'Go through it with its owner',
    };
  });
  plans.sort((a, b) => b.stakeAmount - a.stakeAmount);
  const all = [...sales, ...plans];
  const shown = limit === undefined ? all : all.slice(0, limit);
  return { items: shown, more: all.length - shown.length, total: all.length };
}
