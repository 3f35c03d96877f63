import { inOrder, planActionFollowed } from '../reviews/history.ts';
import { formatMoney } from '../shared/money.ts';
import { addDays, periodEnd, quarterOfDate } from '../shared/periods.ts';
import type { SiteData } from './site.ts';

export interface AccountReviewLine {
  month: string;
  person: string;
  personName: string;
  expectation: string;
  /** "FY2027-Q4: on-track (expected $1,200,000 of $1,300,000)" or empty; `next` is the quarter after. */
  current: string;
  next: string;
  next90Days: string;
  crossSell: string;
  upsell: string;
  note: string;
  /** Actions of that review for this account. */
  actions: string[];
}

type Standing = { status: string; target?: number | undefined; expected?: number | undefined };

/** The fiscal quarters a review's `current` and `next` stand for: the quarter of its date and the one after. */
export function reviewQuarters(date: string, startMonth: number): [string, string] {
  const current = quarterOfDate(date, startMonth);
  return [current, quarterOfDate(addDays(periodEnd(current, startMonth), 1), startMonth)];
}

/** "FY2027-Q4: at-risk (expected $1,200,000 of $1,300,000)", or empty when the review gives no standing. */
export function standingText(s: Standing | undefined, currency: string, quarter: string): string {
  if (!s) return '';
  const expected = s.expected === undefined ? undefined : formatMoney(s.expected, currency);
  const target = s.target === undefined ? undefined : formatMoney(s.target, currency);
  const figures = expected && target ? ` (expected ${expected} of ${target})` : expected ? ` (expected ${expected})` : target ? ` (target ${target})` : '';
  return `${quarter}: ${s.status}${figures}`;
}

/** What the monthly reviews said about one account, oldest month first. */
export function accountReviews(data: SiteData, id: string): AccountReviewLine[] {
  const { ws } = data;
  const money = (n: number | undefined) => (n === undefined ? undefined : formatMoney(n, data.rollup.currency));
  return inOrder(ws.reviews).flatMap((r) => {
    const [current, next] = reviewQuarters(r.review.date, ws.settings.fiscal_year_start_month);
    return r.review.accounts
      .filter((a) => a.account === id)
      .map((a) => ({
        month: r.month,
        person: r.person,
        personName: ws.personById.get(r.person)?.name ?? r.person,
        expectation: a.expectation,
        current: standingText(a.current, data.rollup.currency, current),
        next: standingText(a.next, data.rollup.currency, next),
        next90Days: money(a.next_90_days) ?? '',
        crossSell: a.cross_sell.join(', '),
        upsell: a.upsell.join(', '),
        note: a.note ?? '',
        actions: [...r.review.previous_actions, ...r.review.actions].filter((x) => x.account === id).map((x) => `${x.description} (${x.status}${x.serves !== undefined ? `, serves ${x.serves}` : ''})`),
      }));
  });
}

/** An objective or action of the plan, with the review actions that served or followed it, month by month. */
export interface PlanProgressLine {
  kind: 'objective' | 'action';
  description: string;
  /** Its status in the plan: the one place it is kept. */
  status: string;
  steps: { month: string; person: string; description: string; status: string }[];
}

/**
 * Progress on the plan as the reviews recorded it: under each objective the review actions that serve it, and
 * under each plan action the review actions that follow it (by its id or word for word), oldest month first.
 */
export function reviewProgress(data: SiteData, id: string): PlanProgressLine[] {
  const { ws } = data;
  const plan = ws.accountById.get(id)?.plan;
  if (!plan) return [];
  const said = inOrder(ws.reviews).flatMap((r) =>
    [...r.review.previous_actions, ...r.review.actions].filter((x) => x.account === id).map((x) => ({ r, x })),
  );
  const step = ({ r, x }: (typeof said)[number]) => ({ month: r.month, person: r.person, description: x.description, status: x.status });
  const objectives = plan.objectives.map((o) => ({ kind: 'objective' as const, description: o.description, status: o.status, steps: said.filter(({ x }) => x.serves === o.id).map(step) }));
  const actions = plan.actions.map((a) => ({
    kind: 'action' as const,
    description: a.description,
    status: a.status,
    steps: said.filter(({ x }) => planActionFollowed(ws, x) === a).map(step),
  }));
  return [...objectives, ...actions].filter((l) => l.steps.length > 0);
}
