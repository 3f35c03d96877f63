import type { GoalResult } from '../rollup/rollup.ts';
import { bookedCell, coverageWord, describeLanding, describePace, landingWord, withoutPlanClause } from '../report/sentences.ts';
import { formatMoney, formatPercent } from '../shared/money.ts';
import { isQuarter, periodGone } from '../shared/periods.ts';

/** The build date and the fiscal year's first month: what "the share of the period gone" is counted from. */
export interface GoalClock {
  today: string;
  startMonth: number;
}

/** The site's clock for every page's goal bars (home, goals, person, pack): the build date and the fiscal year's first month. */
export function goalClockOf(data: { today: string; ws: { settings: { fiscal_year_start_month: number } } }): GoalClock {
  return { today: data.today, startMonth: data.ws.settings.fiscal_year_start_month };
}

/**
 * One goal as a bar (GoalBars.astro on the home, goals, person and pack pages): the plans' total as the fill,
 * the goal as a line, and, with a sales ledger, what is booked so far as a darker part of the fill. The words
 * say "covered"/"short" and "over"/"short by", never a signed "gap +$…", which a reader has to decode.
 */
export interface GoalBarView {
  index: number;
  label: string;
  met: boolean;
  status: 'covered' | 'short';
  /** Widths in percent of the bar: planned, the goal line's left edge, and booked (undefined without a ledger). */
  plannedWidth: string;
  goalLeft: string;
  bookedWidth: string | undefined;
  /** "$4,098,910 planned of $4,600,000". */
  figures: string;
  /** "89% · $501,090 short" or "102% · $276,410 over". */
  margin: string;
  /** "booked $3,146,978 (68%)", undefined without a ledger. */
  booked: string | undefined;
  /** With a ledger: where the goal lands, said first ("lands at $2,086,475, $113,525 short"), and whether that meets it. */
  landing: { text: string; met: boolean; status: 'on track' | 'short' } | undefined;
  /** With a ledger and a clock: "84% of the year gone, 73% booked". */
  pace: string | undefined;
  /** The bar's text alternative: every figure the bar draws. */
  description: string;
}

export function goalBarView(g: GoalResult, currency: string, clock?: GoalClock): GoalBarView {
  const money = (n: number) => formatMoney(n, currency);
  const booked = g.booked?.revenue;
  const scale = Math.max(g.goal, g.planned, booked ?? 0, 1);
  const width = (n: number) => `${((Math.max(0, n) / scale) * 100).toFixed(2)}%`;
  const margin = `${formatPercent(g.coverage)} · ${g.gap >= 0 ? `${money(g.gap)} over` : `${money(-g.gap)} short`}`;
  const bookedText = g.booked && `booked ${bookedCell(g.booked, currency)}${withoutPlanClause(g.booked, currency)}`;
  const landing = g.landing && { text: describeLanding(g.landing, currency), met: g.landing.met, status: landingWord(g.landing.met) };
  const pace = g.booked && clock && describePace(periodGone(g.period, clock.startMonth, clock.today), g.booked.share, isQuarter(g.period));
  const leading = landing ? `${landing.status}, ${landing.text}${pace ? ` (${pace})` : ''}; ` : '';
  return {
    index: g.index,
    label: g.label,
    met: g.met,
    status: coverageWord(g.met),
    plannedWidth: width(g.planned),
    goalLeft: width(g.goal),
    bookedWidth: booked === undefined ? undefined : width(booked),
    figures: `${money(g.planned)} planned of ${money(g.goal)}`,
    margin,
    booked: bookedText,
    landing,
    pace,
    description: `${g.label}: ${leading}${coverageWord(g.met)}, ${money(g.planned)} planned of a ${money(g.goal)} goal, ${margin}${bookedText ? `, ${bookedText}` : ''}`,
  };
}
