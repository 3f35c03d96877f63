import type { Finding } from '../rules/finding.ts';
import { SEVERITY_WORD } from '../report/sentences.ts';
import { formatMoney } from '../shared/money.ts';
import type { SiteData } from './site.ts';

/** A list of rule findings, most urgent first, as the home page and the account page show it. */
export interface AttentionView {
  /** No finding at all: the page says so instead of an empty list. */
  empty: boolean;
  items: {
    severity: Finding['severity'];
    /** The severity as the badge says it: "note" for info. */
    label: string;
    /** The badge class of the severity. */
    badge: 'bad' | 'warn' | 'info';
    /** The plan the finding is about, when it is a plan in the workspace. */
    account: { id: string; name: string } | undefined;
    message: string;
    /** "$120,000 at stake", when the finding puts revenue at risk. */
    atStake: string | undefined;
    rule: string;
  }[];
  /** How many findings the limit left out. */
  more: number;
  /** How many findings there are in all. */
  total: number;
}

const BADGE = { error: 'bad', warning: 'warn', info: 'info' } as const;

/** `findings` defaults to the whole workspace's; `limit` keeps the most urgent. */
export function attentionView(data: SiteData, findings: readonly Finding[] = data.findings.all, limit?: number): AttentionView {
  const shown = limit === undefined ? findings : findings.slice(0, limit);
  return {
    empty: findings.length === 0,
    items: shown.map((f) => {
      const plan = f.account === undefined ? undefined : data.ws.accountById.get(f.account);
      return {
        severity: f.severity,
        label: SEVERITY_WORD[f.severity],
        badge: BADGE[f.severity],
        account: plan && { id: plan.id, name: plan.plan.name },
        message: f.message,
        atStake: f.revenueAtStake !== undefined && f.revenueAtStake > 0 ? `${formatMoney(f.revenueAtStake, data.rollup.currency)} at stake` : undefined,
        rule: f.rule,
      };
    }),
    more: findings.length - shown.length,
    total: findings.length,
  };
}
