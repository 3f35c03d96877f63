import type { AccountEntry } from '../model.ts';
import { rollUpBooks, type Book } from '../rollup/books.ts';
import type { GoalResult } from '../rollup/rollup.ts';
import { forecastCounting } from '../report/sentences.ts';
import { formatMoney, formatPercent } from '../shared/money.ts';
import { parsePeriod, quarterOfDate, yearOf } from '../shared/periods.ts';
import { accountView, type AccountView } from './account.ts';
import { goalClockOf, type GoalClock } from './goal-bar.ts';
import { personName, type SiteData } from './site.ts';

/**
 * The quarterly strategic pack: one owner's strategic plans for the quarterly review, printed as one
 * document. A cover with their book against their goals, then each plan as its account page's handout.
 */
export interface PackView {
  person: { id: string; name: string };
  quarter: string;
  year: string;
  /** "Priya Raman: strategic account review, FY2027-Q4". */
  title: string;
  /** What the pack holds and in which order the meeting walks through it. */
  intro: string;
  currency: string;
  /** The person's goals (owner or manager scope) in the quarter and its fiscal year, as the rollup judged them. */
  goals: GoalResult[];
  /** What the goal bars count the share of each goal's period gone from, as on home and goals. */
  clock: GoalClock;
  /** Said instead of the goals when goals.yaml sets none for the person in either period. */
  noGoal: string | undefined;
  /** Their own book in the quarter and the year, and the strategic plans' part of the year. */
  book: { quarter: string; year: string; strategic: string; strategicShare: string };
  /** The plans in meeting order: largest counted forecast in the year first. */
  plans: PackPlan[];
  /** The other packs of the same person, to move between quarters. */
  others: PackRef[];
}

export interface PackPlan {
  id: string;
  name: string;
  /** Counted towards the quarter's goals (quarterly entries only); "not phased" for a plan that forecasts the year as a whole. */
  inQuarter: string;
  inYear: string;
  /** Share of the person's own book in the year. */
  share: string;
  health: string;
  findings: number;
  /** The account page's view, with section ids prefixed by the plan's id so that plans share the page. */
  view: AccountView;
}

export interface PackRef {
  person: string;
  quarter: string;
  /** The site path, "packs/priya-raman/FY2027-Q4/". */
  path: string;
}

/**
 * The packs the site offers: for everyone who owns a strategic plan, the current fiscal quarter and the next.
 * Plans are the state of the plans folder at build time, so a pack for a past quarter would show today's plans
 * under an old date; the next quarter's pack is the one prepared for the review at the quarter's turn.
 */
export function packRefs(data: SiteData): PackRef[] {
  const quarters = packQuarters(data);
  return data.ws.people.flatMap((p) =>
    (data.index.ownedBy.get(p.id) ?? []).some((a) => a.plan.strategic === true)
      ? quarters.map((quarter) => ({ person: p.id, quarter, path: `packs/${p.id}/${quarter}/` }))
      : []);
}

/** The packs offered for one person (none when they own no strategic plan). */
export function packRefsOf(data: SiteData, person: string): PackRef[] {
  return packRefs(data).filter((r) => r.person === person);
}

export function packQuarters(data: SiteData): [string, string] {
  const current = quarterOfDate(data.today, data.ws.settings.fiscal_year_start_month);
  const { year, quarter = 1 } = parsePeriod(current);
  return [current, quarter === 4 ? `FY${year + 1}-Q1` : `FY${year}-Q${quarter + 1}`];
}

export function packView(data: SiteData, personId: string, quarter: string): PackView {
  const { ws, rollup } = data;
  if (!ws.personById.has(personId)) throw new Error(`No person ${personId}`);
  const money = (n: number) => formatMoney(n, rollup.currency);
  const name = personName(ws, personId);
  const year = yearOf(quarter);
  const yearBook = booksIn(data, year).get(personId)?.own;
  const quarterBook = booksIn(data, quarter).get(personId)?.own;
  const inYear = new Map(yearBook?.contributions.map((c) => [c.account, c.planned]));
  const inQuarter = new Map(quarterBook?.contributions.map((c) => [c.account, c.planned]));
  const ownPlanned = yearBook?.planned ?? 0;
  const share = (n: number) => (ownPlanned > 0 ? formatPercent(n / ownPlanned) : '—');
  const strategic = (data.index.ownedBy.get(personId) ?? [])
    .filter((a) => a.plan.strategic === true)
    .sort((a, b) => (inYear.get(b.id) ?? 0) - (inYear.get(a.id) ?? 0) || a.plan.name.localeCompare(b.plan.name));
  const strategicPlanned = strategic.reduce((sum, a) => sum + (inYear.get(a.id) ?? 0), 0);
  const goals = (data.index.goalsOf.get(personId) ?? []).filter((g) => g.period === quarter || g.period === year);
  const notPhased = new Set(quarterBook?.notPhased);
  const plans = strategic.map((a) => packPlan(data, a, notPhased.has(a.id) ? 'not phased' : money(inQuarter.get(a.id) ?? 0), inYear, share, money));
  const count = `${plans.length} strategic ${plans.length === 1 ? 'plan' : 'plans'}`;
  return {
    person: { id: personId, name },
    quarter,
    year,
    title: `${name}: strategic account review, ${quarter}`,
    intro: `${count}, about half an hour each, largest share of ${name}'s ${year} book first; figures in ${rollup.currency}, ${forecastCounting(rollup.count)}.`,
    currency: rollup.currency,
    goals,
    clock: goalClockOf(data),
    noGoal: goals.length > 0 ? undefined : `goals.yaml sets no goal for ${name} or their team in ${quarter} or ${year}.`,
    book: { quarter: money(quarterBook?.planned ?? 0), year: money(ownPlanned), strategic: money(strategicPlanned), strategicShare: share(strategicPlanned) },
    plans,
    others: packRefsOf(data, personId).filter((r) => r.quarter !== quarter),
  };
}

function packPlan(data: SiteData, a: AccountEntry, inQuarter: string, inYear: Map<string, number>, share: (n: number) => string, money: (n: number) => string): PackPlan {
  const view = accountView(data, a.id);
  const health = data.findings.health.get(a.id);
  return {
    id: a.id,
    name: a.plan.name,
    inQuarter,
    inYear: money(inYear.get(a.id) ?? 0),
    share: share(inYear.get(a.id) ?? 0),
    health: health ? `${health.score}/100` : '—',
    findings: data.findings.byAccount.get(a.id)?.length ?? 0,
    view: { ...view, section: { ...view.section, idPrefix: `${a.id}-` } },
  };
}

// Each person's book in a period other than the current year is a rollup of its own; pages of one build share it.
const BOOKS = new WeakMap<SiteData, Map<string, ReadonlyMap<string, Book>>>();

function booksIn(data: SiteData, period: string): ReadonlyMap<string, Book> {
  if (period === data.revenue.currentYear) return data.books;
  let byPeriod = BOOKS.get(data);
  if (!byPeriod) BOOKS.set(data, (byPeriod = new Map()));
  let books = byPeriod.get(period);
  if (!books) byPeriod.set(period, (books = rollUpBooks(data.ws, period)));
  return books;
}
