import { type GoalResult } from '../rollup/rollup.ts';
import { bookedCell, coverageWord, describeBooked, describeLanding, describeShortfall, forecastCounting, landingWord, NO_DATA, plansAre } from '../report/sentences.ts';
import { goalClockOf, type GoalClock } from './goal-bar.ts';
import { isQuarter } from '../shared/periods.ts';
import { formatChange, formatMoney, formatPercent } from '../shared/money.ts';
import { accountName, type SiteData } from './site.ts';

/** The goals page: the rollup as `check` prints it, with each goal's accounts and levers. */
export interface GoalsView {
  currency: string;
  /** How forecasts are counted (report/sentences.ts). */
  counting: string;
  tolerance: string;
  /** Whether the plans folder has a sales ledger, so that goals show what is booked and where they land. */
  booked: boolean;
  /** The build date and fiscal year start, for the share of each period gone. */
  clock: GoalClock;
  goals: GoalView[];
  /** The table's two parts: the years (and the company) first, the quarters as detail. */
  annual: GoalView[];
  quarterly: GoalView[];
}

export interface GoalView {
  /** The goal's position in goals.yaml: its anchor on the page. */
  index: number;
  label: string;
  /** The goal itself, for the bar chart. */
  result: GoalResult;
  goal: string;
  planned: string;
  gap: string;
  coverage: string;
  /** A dash when no plan in scope sets a stretch for the period: no data, not zero. */
  stretch: string;
  /** What the goals table shows: each plan's stretch where it sets one for the period, else its forecast as counted. */
  stretchWithForecast: string;
  met: boolean;
  /** "covered" or "short" (report/sentences.ts). */
  status: 'covered' | 'short';
  quarterly: boolean;
  /** The missed-goal sentence, as check prints it; undefined when met. */
  shortfall: string | undefined;
  levers: { account: string; name: string; text: string }[];
  /** Quarterly goals: "2 plans are" annual-only, and which; undefined when every plan is phased. */
  notPhased: { count: string; accounts: { id: string; name: string }[] } | undefined;
  /** "3 accounts in scope". */
  inScope: string;
  contributions: { account: string; name: string; planned: string }[];
  /** "$820 (82%)" beside planned, and the sentence under the goal; undefined without a ledger. */
  booked: { cell: string; sentence: string } | undefined;
  /** With a ledger: "$2,086,475 (95%)", "lands at $2,086,475, $113,525 short", and "on track" or "short" by the same tolerance. */
  landing: { cell: string; sentence: string; met: boolean; status: 'on track' | 'short' } | undefined;
}

export function goalsView(data: SiteData): GoalsView {
  const { ws, rollup } = data;
  const money = (n: number) => formatMoney(n, rollup.currency);
  const named = (id: string) => ({ id, name: accountName(ws, id) });
  const goals = rollup.goals.map((g): GoalView => ({
      index: g.index,
      label: g.label,
      result: g,
      goal: money(g.goal),
      planned: money(g.planned),
      gap: formatChange(g.gap, rollup.currency),
      coverage: formatPercent(g.coverage),
      stretch: g.stretch === 0 ? NO_DATA : money(g.stretch),
      stretchWithForecast: money(g.stretchWithForecast),
      met: g.met,
      status: coverageWord(g.met),
      quarterly: isQuarter(g.period),
      shortfall: g.met ? undefined : describeShortfall(g, rollup),
      levers: g.levers.map((l) => ({ account: l.account, name: accountName(ws, l.account), text: l.text })),
      notPhased: g.notPhased.length === 0 ? undefined : { count: plansAre(g.notPhased.length), accounts: g.notPhased.map(named) },
      inScope: `${g.contributions.length} ${g.contributions.length === 1 ? 'account' : 'accounts'} in scope`,
      // An annual-only plan in a quarterly goal plans for the year, not nothing: a dash and why, not "$0".
      contributions: g.contributions.map((c) => ({ account: c.account, name: accountName(ws, c.account), planned: g.notPhased.includes(c.account) ? `${NO_DATA} annual only` : money(c.planned) })),
      booked: g.booked && { cell: bookedCell(g.booked, rollup.currency), sentence: describeBooked(g.booked, rollup.currency) },
      landing: g.landing && {
        cell: `${money(g.landing.revenue)} (${formatPercent(g.landing.coverage)})`,
        sentence: describeLanding(g.landing, rollup.currency),
        met: g.landing.met,
        status: landingWord(g.landing.met),
      },
  }));
  // The whole company's years lead; otherwise goals.yaml's order, which the author chose.
  const company = (g: GoalView) => (Object.keys(g.result.scope).length === 0 ? 0 : 1);
  return {
    currency: rollup.currency,
    counting: forecastCounting(rollup.count),
    tolerance: formatPercent(rollup.tolerance),
    booked: rollup.goals.some((g) => g.booked),
    clock: goalClockOf(data),
    goals,
    annual: goals.filter((g) => !g.quarterly).sort((a, b) => company(a) - company(b)),
    quarterly: goals.filter((g) => g.quarterly),
  };
}
