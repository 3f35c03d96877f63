import { SEVERITY_WORD } from '../report/sentences.ts';
import { reviewTrend } from './review-page.ts';
import { accountName, type SiteData } from './site.ts';
import { openActions, type DueAction } from './week.ts';

export interface PersonActivityView {
  /** Open actions they own, or that sit in their plans or their reviews, overdue first, then by due date. */
  actions: DueAction[];
  /** Their findings; `account` names the plan each is about, so the list reads without the findings page. */
  findings: { message: string; rule: string; severity: string; label: string; account: { id: string; name: string } | undefined }[];
  health: { account: string; name: string; score: number; rating: string }[];
  trend: { month: string; opened: number; done: number; slipped: number; dropped: number }[];
}

/** What a manager checks on a person's page: their open actions, their findings and plan health, their review trend. */
export function personActivity(data: SiteData, id: string): PersonActivityView {
  const book = data.index.ownedBy.get(id) ?? [];
  const owned = new Set(book.map((a) => a.id));
  const actions = openActions(data).filter((x) => x.owner === id || x.review?.person === id || (x.account !== undefined && owned.has(x.account.id)));
  const findings = data.findings.all
    .filter((f) => f.person === id || (f.account !== undefined && owned.has(f.account)))
    .map((f) => ({ message: f.message, rule: f.rule, severity: f.severity, label: SEVERITY_WORD[f.severity], account: f.account === undefined ? undefined : { id: f.account, name: accountName(data.ws, f.account) } }));
  const health = book.flatMap((a) => {
    const h = data.findings.health.get(a.id);
    return h ? [{ account: a.id, name: a.plan.name, score: h.score, rating: h.rating }] : [];
  });
  return { actions, findings, health, trend: reviewTrend(data, id) };
}
