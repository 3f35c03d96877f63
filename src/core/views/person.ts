import { planActionFollowed, slipCount } from '../reviews/history.ts';
import type { GoalResult } from '../rollup/rollup.ts';
import type { ReviewEntry } from '../model.ts';
import { forecastCounting, NO_DATA } from '../report/sentences.ts';
import { ownValue } from '../shared/own.ts';
import { formatMoney } from '../shared/money.ts';
import { goalClockOf, type GoalClock } from './goal-bar.ts';
import { personName, type SiteData } from './site.ts';
import { tierLabel } from '../portfolio/tiers.ts';
import { reviewQuarters, standingText } from './account-reviews.ts';

type Named = { id: string; name: string };

/** The people page: everyone in team.yaml with their book (rollup/books.ts). */
export interface PeopleView {
  currentYear: string;
  /** How forecasts are counted (report/sentences.ts). */
  counting: string;
  /** By name. */
  /** `ownBook` and `teamBook` are a dash for someone without plans or without a team. */
  rows: { id: string; name: string; title: string | undefined; role: string; manager: Named | undefined; accounts: number; ownBook: string; teamBook: string }[];
}

export function peopleView(data: SiteData): PeopleView {
  const { ws, books } = data;
  const money = (n: number) => formatMoney(n, data.rollup.currency);
  return {
    currentYear: data.revenue.currentYear,
    counting: forecastCounting(data.rollup.count),
    rows: [...ws.people].sort((a, b) => a.name.localeCompare(b.name)).map((p) => {
      const book = books.get(p.id);
      return {
        id: p.id,
        name: p.name,
        title: p.title,
        role: p.role,
        manager: p.manager === undefined ? undefined : { id: p.manager, name: personName(ws, p.manager) },
        accounts: book?.own.contributions.length ?? 0,
        // Someone who owns no plan has no book: a dash, not "$0".
        ownBook: (book?.own.contributions.length ?? 0) === 0 ? NO_DATA : money(book?.own.planned ?? 0),
        teamBook: book?.team ? money(book.team.planned) : NO_DATA,
      };
    }),
  };
}

/** One person's page: their book, the goals set for them or their team, their reports and reviews. */
export interface PersonView {
  id: string;
  name: string;
  /** The title, or the role where team.yaml gives no title. */
  title: string;
  manager: Named | undefined;
  email: string | undefined;
  currentYear: string;
  currency: string;
  owned: number;
  strategic: number;
  /** The rollup's `owner:` scope for this person in the current year. */
  ownBook: string;
  /** The rollup's `manager:` scope, for a manager. */
  teamBook: string | undefined;
  /** Goals in goals.yaml scoped to this person as owner or manager. */
  goals: GoalResult[];
  /** What the goal bars count the share of each goal's period gone from, as on home and goals. */
  clock: GoalClock;
  /** `amount` is the planned figure as a number, for the CSV download; undefined (and `planned` a dash) when the plan forecasts nothing for the year. */
  book: { id: string; name: string; strategic: boolean; status: string; strategy: string; tier: string; planned: string; amount: number | undefined; lastReviewed: string | undefined }[];
  /** Plans they sponsor or work on without owning them. */
  supporting: Named[];
  /** Direct reports: a manager's figure is their team's book, marked "(team)". */
  reports: { id: string; name: string; title: string; accounts: number; book: string; team: boolean }[];
  /** Newest month first. */
  reviews: ReviewView[];
}

export function personView(data: SiteData, id: string): PersonView {
  const { ws, books, rollup } = data;
  const person = ws.personById.get(id);
  if (!person) throw new Error(`No person ${id}`);
  const money = (n: number) => formatMoney(n, rollup.currency);
  const book = books.get(id);
  const owned = data.index.ownedBy.get(id) ?? [];
  const planned = new Map(book?.own.contributions.map((c) => [c.account, c.planned]));
  // As on the accounts page: a plan that forecasts nothing for the year shows a dash (an empty CSV cell), not "$0".
  const forecasts = (accountId: string) => ownValue(data.totals.get(accountId)?.forecastByYear, data.revenue.currentYear) !== undefined;
  return {
    id,
    name: person.name,
    title: person.title ?? person.role,
    manager: person.manager === undefined ? undefined : { id: person.manager, name: personName(ws, person.manager) },
    email: person.email,
    currentYear: data.revenue.currentYear,
    currency: rollup.currency,
    owned: owned.length,
    strategic: owned.filter((a) => a.plan.strategic).length,
    ownBook: money(book?.own.planned ?? 0),
    teamBook: book?.team && money(book.team.planned),
    goals: data.index.goalsOf.get(id) ?? [],
    clock: goalClockOf(data),
    book: owned.map((a) => ({
      id: a.id,
      name: a.plan.name,
      strategic: a.plan.strategic === true,
      status: a.plan.status,
      strategy: a.plan.strategy,
      tier: tierLabel(data.tiers.get(a.id) ?? 'D', a.plan.tier),
      planned: forecasts(a.id) ? money(planned.get(a.id) ?? 0) : NO_DATA,
      amount: forecasts(a.id) ? planned.get(a.id) ?? 0 : undefined,
      lastReviewed: a.plan.last_reviewed,
    })),
    supporting: (data.index.supportedBy.get(id) ?? []).map((a) => ({ id: a.id, name: a.plan.name })),
    reports: (data.index.reportsOf.get(id) ?? []).map((r) => {
      const b = books.get(r.id);
      return { id: r.id, name: r.name, title: r.title ?? r.role, accounts: b?.own.contributions.length ?? 0, book: money((b?.team ?? b?.own)?.planned ?? 0), team: b?.team !== undefined };
    }),
    reviews: [...(data.index.reviewsOf.get(id) ?? [])].sort((a, b) => b.month.localeCompare(a.month)).map((r) => reviewView(data, r)),
  };
}

/** One monthly review of a person's book, as written in reviews/<YYYY-MM>/<person>.yaml. */
export interface ReviewView {
  month: string;
  reviewer: string;
  date: string;
  /** Only the lists the review fills. */
  lists: { title: string; items: string[] }[];
  accounts: { account: string; name: string | undefined; expectation: string; standing: string; next90Days: string; crossSell: string; note: string }[];
  /** `detail`: the slips so far and the reason a dropped action gives, or empty; `serves`: the plan's objective or action it serves. */
  actions: { description: string; owner: string; due: string | undefined; status: string; when: string; detail: string; account: Named | undefined; serves: string | undefined }[];
}

export function reviewView(data: SiteData, entry: ReviewEntry): ReviewView {
  const { ws } = data;
  const { review } = entry;
  const lists = [
    { title: 'Accomplishments', items: review.accomplishments },
    { title: 'Concerns', items: review.concerns },
    { title: 'Next month', items: review.next_month },
    { title: 'Suggestions', items: review.suggestions },
    { title: 'Needs from the manager', items: review.needs },
  ];
  const named = (id: string | undefined): Named | undefined => {
    const plan = id === undefined ? undefined : ws.accountById.get(id);
    return plan && { id: plan.id, name: plan.plan.name };
  };
  // A new action that follows a plan action is the plan's, not new: said so, as the trend does not count it.
  const action = (when: string) => (a: ReviewEntry['review']['actions'][number]) =>
    ({ description: a.description, owner: personName(ws, a.owner), due: a.due, status: a.status, when: when === 'new' && planActionFollowed(ws, a) ? 'a plan action, followed here' : when, detail: actionDetail(a), account: named(a.account), serves: a.serves });
  const [current, next] = reviewQuarters(review.date, ws.settings.fiscal_year_start_month);
  return {
    month: entry.month,
    reviewer: personName(ws, review.reviewer),
    date: review.date,
    lists: lists.filter((l) => l.items.length > 0),
    accounts: review.accounts.map((a) => ({
      account: a.account,
      name: ws.accountById.get(a.account)?.plan.name,
      expectation: a.expectation,
      standing: [standingText(a.current, data.rollup.currency, current), standingText(a.next, data.rollup.currency, next)].filter(Boolean).join('; '),
      next90Days: a.next_90_days !== undefined ? formatMoney(a.next_90_days, data.rollup.currency) : '',
      crossSell: [...a.cross_sell, ...a.upsell.map((o) => `${o} (upsell)`)].join(', '),
      note: a.note ?? '',
    })),
    actions: [...review.previous_actions.map(action('from last review')), ...review.actions.map(action('new'))],
  };
}

function actionDetail(a: ReviewEntry['review']['actions'][number]): string {
  const slips = slipCount(a);
  return [slips > 0 && `slipped ${slips} ${slips === 1 ? 'time' : 'times'}`, a.reason !== undefined && `reason: ${a.reason}`].filter(Boolean).join('; ');
}
