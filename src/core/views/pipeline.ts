import type { AccountEntry } from '../model.ts';
import { pushTo } from '../shared/group.ts';
import { formatMoney, formatPercent, roundCents, toWorkspaceCurrency } from '../shared/money.ts';
import { daysBetween, periodEnd, periodStart, quarterOfDate, yearOf } from '../shared/periods.ts';
import { accountName, personName, type SiteData } from './site.ts';

/**
 * The pipeline page (/pipeline/): every opportunity of every plan, rolled up. Open deals by the month and quarter
 * they are expected to close, in full and weighted by probability (a deal without a probability counts in full,
 * as a forecast entry without a confidence does); for each goal of the current year, the open deals in its scope
 * closing in its period against what is left to book; what closes this month; open deals past their close date;
 * won and lost this year. Amounts in the workspace currency.
 */
export interface PipelineView {
  currency: string;
  /** The current fiscal year, such as FY2027. */
  year: string;
  /** The raw figures, for tests and the sentences: open deals, in full and weighted, in all and closing by year end. */
  figures: { deals: number; open: number; weighted: number; byYearEnd: number; byYearEndWeighted: number; won: number; lost: number };
  /** "29 open opportunities worth $11,083,700 ($6,503,940 weighted); $7,500,200 expected to close by the end of FY2027 ($5,063,810 weighted)". */
  summary: string;
  /** How many open deals give no probability, so count in full in the weighted figures; 0 when all do. */
  withoutProbability: number;
  /** "Amounts in EUR; weighted means multiplied by each deal's probability, and 2 deals without one count in full." */
  amounts: string;
  byQuarter: PipelineGroup[];
  byMonth: PipelineGroup[];
  coverage: PipelineCoverage[];
  /** "December 2026": the build date's month. */
  thisMonth: string;
  closingThisMonth: DealRow[];
  overdue: DealRow[];
  won: DealRow[];
  lost: DealRow[];
  /** Every open deal, by close date (deals without one last). */
  open: DealRow[];
}

export interface PipelineGroup {
  /** FY2027-Q4, or 2026-12, or "no close date". */
  key: string;
  deals: number;
  open: string;
  weighted: string;
}

export interface PipelineCoverage {
  /** The goal's position in goals.yaml, to link it. */
  index: number;
  label: string;
  /** "$2,200,000". */
  goal: string;
  /** What is left to book: the goal less booked, never below zero (the goal itself without a ledger). */
  left: string;
  /** "goal less booked" or "the goal (no sales ledger)". */
  against: string;
  /** Open deals in scope closing in the goal's period, and how many. */
  pipeline: string;
  weighted: string;
  deals: number;
  /** "1.4×" and "0.9×", or "nothing left to book". */
  coverage: string;
  weightedCoverage: string;
  /** Whether the weighted pipeline reaches what is left to book. */
  covered: boolean;
}

export interface DealRow {
  account: string;
  accountName: string;
  owner: string;
  ownerName: string;
  name: string;
  /** YYYY-MM-DD or a dash. */
  close: string;
  revenue: string;
  probability: string;
  weighted: string;
  /** Overdue deals: "12 days late". */
  late?: string;
}

interface Deal {
  a: AccountEntry;
  name: string;
  status: 'open' | 'won' | 'lost';
  close: string | undefined;
  revenue: number;
  probability: number | undefined;
  weighted: number;
}

const NO_CLOSE = 'no close date';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Coverage as a multiple: "1.4×"; undefined when nothing is left to book. */
function times(pipeline: number, left: number): string | undefined {
  return left <= 0 ? undefined : `${(pipeline / left).toFixed(1)}×`;
}

export function pipelineView(data: SiteData): PipelineView {
  const { ws, rollup, today } = data;
  const currency = rollup.currency;
  const startMonth = ws.settings.fiscal_year_start_month;
  const money = (n: number) => formatMoney(n, currency);
  const year = data.revenue.currentYear;
  const yearStart = periodStart(year, startMonth);
  const yearEnd = periodEnd(year, startMonth);
  const deals: Deal[] = [];
  const byAccount = new Map<string, Deal[]>();
  for (const a of ws.accounts) {
    const own: Deal[] = [];
    for (const o of a.plan.opportunities) {
      const revenue = toWorkspaceCurrency(o.revenue, a.plan, ws.settings);
      own.push({ a, name: o.name, status: o.status, close: o.close, revenue, probability: o.probability, weighted: revenue * (o.probability ?? 1) });
    }
    deals.push(...own);
    byAccount.set(a.id, own);
  }
  const open = deals.filter((d) => d.status === 'open').sort((x, y) => (x.close ?? '9999').localeCompare(y.close ?? '9999') || y.revenue - x.revenue);
  const sum = (list: readonly Deal[], key: 'revenue' | 'weighted') => roundCents(list.reduce((s, d) => s + d[key], 0));
  const row = (d: Deal): DealRow => ({
    account: d.a.id,
    accountName: accountName(ws, d.a.id),
    owner: d.a.plan.owner,
    ownerName: personName(ws, d.a.plan.owner),
    name: d.name,
    close: d.close ?? '—',
    revenue: money(d.revenue),
    probability: d.probability === undefined ? '—' : formatPercent(d.probability),
    weighted: money(d.weighted),
  });
  const group = (keyOf: (d: Deal) => string): PipelineGroup[] => {
    const groups = new Map<string, Deal[]>();
    for (const d of open) pushTo(groups, keyOf(d), d);
    return [...groups]
      .sort(([x], [y]) => (x === NO_CLOSE ? 1 : y === NO_CLOSE ? -1 : x.localeCompare(y)))
      .map(([key, list]) => ({ key, deals: list.length, open: money(sum(list, 'revenue')), weighted: money(sum(list, 'weighted')) }));
  };
  const byYearEnd = open.filter((d) => d.close !== undefined && d.close <= yearEnd);
  const month = today.slice(0, 7);
  const inYear = (d: Deal) => d.close !== undefined && d.close >= yearStart && d.close <= yearEnd;
  const won = deals.filter((d) => d.status === 'won' && inYear(d));
  const lost = deals.filter((d) => d.status === 'lost' && inYear(d));
  const figures = {
    deals: open.length,
    open: sum(open, 'revenue'),
    weighted: sum(open, 'weighted'),
    byYearEnd: sum(byYearEnd, 'revenue'),
    byYearEndWeighted: sum(byYearEnd, 'weighted'),
    won: sum(won, 'revenue'),
    lost: sum(lost, 'revenue'),
  };
  const coverage = rollup.goals
    .filter((g) => yearOf(g.period) === year)
    .map((g): PipelineCoverage => {
      const from = periodStart(g.period, startMonth);
      const to = periodEnd(g.period, startMonth);
      const inScope = g.contributions.flatMap((c) => (byAccount.get(c.account) ?? []).filter((d) => d.status === 'open' && d.close !== undefined && d.close >= from && d.close <= to));
      const left = roundCents(Math.max(0, g.goal - (g.booked?.revenue ?? 0)));
      const full = sum(inScope, 'revenue');
      const weighted = sum(inScope, 'weighted');
      const nothingLeft = 'nothing left to book';
      return {
        index: g.index,
        label: g.label,
        goal: money(g.goal),
        left: money(left),
        against: g.booked ? 'goal less booked' : 'the goal (no sales ledger)',
        pipeline: money(full),
        weighted: money(weighted),
        deals: inScope.length,
        coverage: times(full, left) ?? nothingLeft,
        weightedCoverage: times(weighted, left) ?? nothingLeft,
        covered: weighted >= left,
      };
    });
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? 'y' : 'ies'}`;
  const withoutProbability = open.filter((d) => d.probability === undefined).length;
  return {
    currency,
    year,
    figures,
    summary: `${plural(open.length, 'open opportunit')} worth ${money(figures.open)} (${money(figures.weighted)} weighted); ${money(figures.byYearEnd)} expected to close by the end of ${year} (${money(figures.byYearEndWeighted)} weighted)`,
    withoutProbability,
    amounts: `Amounts in ${currency}; weighted means multiplied by each deal's probability${withoutProbability > 0 ? `, and ${withoutProbability} ${withoutProbability === 1 ? 'deal' : 'deals'} without one count${withoutProbability === 1 ? 's' : ''} in full` : ''}.`,
    byQuarter: group((d) => (d.close === undefined ? NO_CLOSE : quarterOfDate(d.close, startMonth))),
    byMonth: group((d) => d.close?.slice(0, 7) ?? NO_CLOSE),
    coverage,
    thisMonth: `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`,
    closingThisMonth: open.filter((d) => d.close?.startsWith(month) === true && d.close >= today).map(row),
    overdue: open
      .filter((d) => d.close !== undefined && d.close < today)
      .map((d) => {
        const late = daysBetween(d.close!, today);
        return { ...row(d), late: `${late} ${late === 1 ? 'day' : 'days'} late` };
      }),
    won: won.map(row),
    lost: lost.map(row),
    open: open.map(row),
  };
}
