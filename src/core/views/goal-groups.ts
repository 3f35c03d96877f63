import type { GoalResult } from '../rollup/rollup.ts';
import { coverageWord } from '../report/sentences.ts';
import { comparePeriods, isQuarter, yearOf } from '../shared/periods.ts';
import { personName, type SiteData } from './site.ts';

/**
 * The home page's reading order for the goals: the company's year first, then the largest shortfalls,
 * then the year broken down by each dimension, by manager and by owner; quarters last, as detail.
 */
export interface GoalGroups {
  /** The whole company's goal for the current fiscal year (or the earliest whole-company annual goal). */
  company: GoalResult | undefined;
  /** Short goals, the largest gap first, the company's excluded (it is shown above); with a ledger, short by landing. */
  shortfalls: GoalResult[];
  /** One group per scope key, in the order: dimensions of workspace.yaml, manager, owner. */
  drilldown: DrillGroup[];
  /** Quarterly goals, earliest first. */
  quarterly: GoalResult[];
  /** "4 quarterly goals, 1 short". */
  quarterlySummary: string;
}

export interface DrillGroup {
  key: string;
  /** "By channel", "By manager". */
  title: string;
  goals: GoalResult[];
  /** For manager and owner: each person's page, where their book lists the accounts. */
  people: { id: string; name: string }[];
}

/** How many shortfalls the home page lists before pointing to the goals page. */
export const SHORTFALLS_SHOWN = 5;

/** What the leader reads first: the landing with a ledger (booked plus forecast to come), the plans' total without. */
export function leadingMet(g: GoalResult): boolean {
  return g.landing ? g.landing.met : g.met;
}

export function leadingGap(g: GoalResult): number {
  return g.landing ? g.landing.gap : g.gap;
}

export function groupGoals(data: SiteData): GoalGroups {
  const { rollup, ws, revenue } = data;
  const annual = rollup.goals.filter((g) => !isQuarter(g.period));
  const whole = annual.filter((g) => Object.keys(g.scope).length === 0);
  const company = whole.find((g) => g.period === revenue.currentYear) ?? [...whole].sort((a, b) => comparePeriods(a.period, b.period))[0];
  // "Will we make the year?": the shortfalls and the drill-down are the company's year (and its quarters);
  // other years' goals are on the goals page, and would otherwise mix two years in one list.
  const year = company?.period ?? revenue.currentYear;
  const shortfalls = rollup.goals.filter((g) => !leadingMet(g) && g !== company && yearOf(g.period) === year).sort((a, b) => leadingGap(a) - leadingGap(b) || a.index - b.index);
  const keys = [...Object.keys(ws.settings.dimensions), 'manager', 'owner'];
  const drilldown: DrillGroup[] = [];
  for (const key of keys) {
    const goals = annual.filter((g) => {
      if (g.period !== year) return false;
      const scopeKeys = Object.keys(g.scope);
      return scopeKeys.length === 1 && scopeKeys[0] === key;
    });
    if (goals.length === 0) continue;
    const person = key === 'manager' || key === 'owner';
    const ids = person ? [...new Set(goals.map((g) => g.scope[key] ?? ''))].filter((id) => ws.personById.has(id)) : [];
    drilldown.push({ key, title: `By ${key}`, goals, people: ids.map((id) => ({ id, name: personName(ws, id) })) });
  }
  const quarterly = rollup.goals.filter((g) => isQuarter(g.period)).sort((a, b) => comparePeriods(a.period, b.period) || a.index - b.index);
  const short = quarterly.filter((g) => !leadingMet(g)).length;
  return {
    company,
    shortfalls,
    drilldown,
    quarterly,
    quarterlySummary: `${quarterly.length} quarterly ${quarterly.length === 1 ? 'goal' : 'goals'}, ${short} ${coverageWord(false)}`,
  };
}
