import type { GoalResult } from '../rollup/rollup.ts';
import { bookedToDate } from '../rollup/booked.ts';
import { forecastCounting, goalsVerdict, landingVerdict } from '../report/sentences.ts';
import { goalClockOf, type GoalClock } from './goal-bar.ts';
import { groupGoals, leadingMet, SHORTFALLS_SHOWN, type GoalGroups } from './goal-groups.ts';
import { comparePeriods } from '../shared/periods.ts';
import { formatMoney, formatPercent } from '../shared/money.ts';
import { leaderAttentionView, type LeaderAttentionView } from './leader-attention.ts';
import { accountName, type SiteData } from './site.ts';
import { pushTo } from '../shared/group.ts';

/** The home page: the goals by period, the accounts carrying most of the plan, the last change. */
export interface HomeView {
  company: string;
  accountCount: number;
  goalCount: number;
  /** How forecasts are counted (report/sentences.ts). */
  counting: string;
  /** "a goal passes within 10% of its target", when there is a tolerance. */
  tolerance: string | undefined;
  /** "no goals set", "the plans cover every goal" or "2 goals are short"; with a ledger "3 goals land short" first. */
  verdict: string;
  /** The build date and the fiscal year's first month, for each bar's share of its period gone. */
  clock: GoalClock;
  /** The shortfalls' heading: by landing with a ledger, by the plans' total without. */
  shortfallTitle: string;
  /** "As of 2026-11-24, built from commit 1a2b3c4d". */
  asOf: string;
  /** The company's year, the largest shortfalls, the drill-down and the quarters (goal-groups.ts). */
  groups: GoalGroups;
  /** The shortfalls the home page lists; the rest are on the goals page. */
  shortfallsShown: GoalResult[];
  currency: string;
  /** The goals grouped by period, earliest period first. */
  periods: { period: string; goals: GoalResult[] }[];
  pareto: {
    cutoff: string;
    year: string;
    /** "3 of 9 planning accounts carry 82% of $4,000,000"; undefined when no account plans revenue this year. */
    summary: string | undefined;
    rows: { account: string; name: string; planned: string; share: string; cumulative: string }[];
  };
  /** The newest commit of the plans: its date and short hash (never its message or author: text nobody reviewed). */
  lastChange: { date: string; hash: string } | undefined;
  /** The ten items most in need of a leader's attention, by money at risk (leader-attention.ts). */
  attention: LeaderAttentionView;
  /** "Booked to date in FY2027: $15,457,318 in the sales ledger, through 2026-11-20"; undefined without a ledger. */
  booked: string | undefined;
}

export function homeView(data: SiteData): HomeView {
  const { ws, rollup, pareto, history } = data;
  const money = (n: number) => formatMoney(n, rollup.currency);
  const periods = new Map<string, GoalResult[]>();
  for (const g of [...rollup.goals].sort((a, b) => comparePeriods(a.period, b.period))) {
    pushTo(periods, g.period, g);
  }
  const missed = rollup.goals.filter((g) => !g.met).length;
  const last = history.last;
  const groups = groupGoals(data);
  return {
    company: ws.settings.company,
    accountCount: ws.accounts.length,
    goalCount: rollup.goals.length,
    counting: forecastCounting(rollup.count),
    tolerance: rollup.tolerance > 0 ? `a goal passes within ${formatPercent(rollup.tolerance)} of its target` : undefined,
    verdict: rollup.goals.some((g) => g.landing)
      ? `${landingVerdict(rollup.goals.length, rollup.goals.filter((g) => !leadingMet(g)).length)} (booked plus forecast to come); by the plans' total, ${goalsVerdict(rollup.goals.length, missed)}`
      : goalsVerdict(rollup.goals.length, missed),
    clock: goalClockOf(data),
    shortfallTitle: rollup.goals.some((g) => g.landing) ? 'Where we land short' : 'Where the plans fall short',
    asOf: data.build.sentence,
    groups,
    shortfallsShown: groups.shortfalls.slice(0, SHORTFALLS_SHOWN),
    currency: rollup.currency,
    periods: [...periods].map(([period, goals]) => ({ period, goals })),
    pareto: {
      cutoff: formatPercent(pareto.cutoff),
      year: pareto.year,
      summary: pareto.accounts.length === 0 ? undefined
        : `${pareto.accounts.length} of ${pareto.planning} planning accounts carry ${formatPercent(pareto.accounts.at(-1)?.cumulative ?? 0)} of ${money(pareto.total)}`,
      rows: pareto.accounts.map((p) => ({
        account: p.account,
        name: accountName(ws, p.account),
        planned: money(p.planned),
        share: formatPercent(p.share),
        cumulative: formatPercent(p.cumulative),
      })),
    },
    lastChange: last && { date: last.date, hash: last.hash.slice(0, 8) },
    attention: leaderAttentionView(data, 10),
    booked: ws.ledger && `Booked to date in ${data.revenue.currentYear}: ${money(bookedToDate(ws.ledger, data.revenue.currentYear))} in the sales ledger${ws.ledger.through === undefined ? '' : `, through ${ws.ledger.through}`}`,
  };
}
