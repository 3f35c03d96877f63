import { inOrder } from '../reviews/history.ts';
import { formatMoney } from '../shared/money.ts';
import type { SiteData } from './site.ts';

export interface AccountReviewLine {
  month: string;
  person: string;
  personName: string;
  expectation: string;
  /** "on-track (expected $1,200,000 of $1,300,000)" or empty. */
  current: string;
  next: string;
  next90Days: string;
  crossSell: string;
  upsell: string;
  note: string;
  /** Actions of that review for this account. */
  actions: string[];
}

/** What the monthly reviews said about one account, oldest month first. */
export function accountReviews(data: SiteData, id: string): AccountReviewLine[] {
  const { ws } = data;
  const money = (n: number | undefined) => (n === undefined ? undefined : formatMoney(n, data.rollup.currency));
  const standing = (s: { status: string; target?: number | undefined; expected?: number | undefined } | undefined) => {
    if (!s) return '';
    const expected = money(s.expected);
    const target = money(s.target);
    const figures = expected && target ? ` (expected ${expected} of ${target})` : expected ? ` (expected ${expected})` : target ? ` (target ${target})` : '';
    return `${s.status}${figures}`;
  };
  return inOrder(ws.reviews).flatMap((r) =>
    r.review.accounts
      .filter((a) => a.account === id)
      .map((a) => ({
        month: r.month,
        person: r.person,
        personName: ws.personById.get(r.person)?.name ?? r.person,
        expectation: a.expectation,
        current: standing(a.current),
        next: standing(a.next),
        next90Days: money(a.next_90_days) ?? '',
        crossSell: a.cross_sell.join(', '),
        upsell: a.upsell.join(', '),
        note: a.note ?? '',
        actions: [...r.review.previous_actions, ...r.review.actions].filter((x) => x.account === id).map((x) => `${x.description} (${x.status}${x.serves !== undefined ? `, serves ${x.serves}` : ''})`),
      })),
  );
}
