import type { PlansHistory, HistoryState } from '../load/history/read-history.ts';
import type { Workspace } from '../model.ts';
import { addDays } from '../shared/periods.ts';
import { counted } from './accounts.ts';
import { rollUp } from './rollup.ts';

export const EVERY = ['week', 'month'] as const;
/** About a century of weeks. */
const MAX_PERIODS = 5200;
export type Every = (typeof EVERY)[number];

export interface GoalSeries {
  period: string;
  scope: Record<string, string>;
  label: string;
  goal: number;
  /** The planned total at the end of each week or month, counted as check counts it. */
  points: { date: string; planned: number }[];
}

export interface AccountSeries {
  /** The account's id now (a renamed plan keeps one series under its latest id). */
  account: string;
  points: { date: string; forecast: Record<string, number> }[];
}

export interface HistorySeries {
  currency: string | undefined;
  every: Every;
  goals: GoalSeries[];
  accounts: AccountSeries[];
  notes: string[];
  /** Why there is no history, when there is none. */
  unavailable: string | undefined;
}

/**
 * The end of each week (Sunday, weeks starting on Monday) or month from the one holding `since` to the one holding
 * `until`, as YYYY-MM-DD. The last one may lie after `until`: the period is still running, and its point is the plans now.
 */
export function periodEnds(since: string, until: string, every: Every): string[] {
  const ends: string[] = [];
  let end = endOf(since, every);
  const last = endOf(until, every);
  while (end <= last) {
    ends.push(end);
    end = endOf(addDays(end, 1), every);
  }
  // A bound on the work, never on what is recent: the oldest periods go first.
  return ends.slice(-MAX_PERIODS);
}

function endOf(date: string, every: Every): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (every === 'month') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  return addDays(date, (7 - d.getUTCDay()) % 7);
}

/**
 * Every goal's planned total and every account's forecast by fiscal year at the end of each period: the plans of
 * the last valid commit on or before that day, summed by the rollup itself (so with check's currency, weighting
 * and scope). The goals are today's (`current`, or the newest valid commit's), so each line is one goal throughout.
 */
export function buildSeries(history: PlansHistory, options: { since?: string | undefined; until: string; every: Every; current?: Workspace | undefined }): HistorySeries {
  // Streamed: only the states that end a period are kept, so a long history never sits in memory whole.
  const taken: { date: string; state: HistoryState }[] = [];
  let ends: string[] | undefined;
  let next = 0;
  let lastValid: HistoryState | undefined;
  history.replay((state) => {
    // The periods start at the first commit, whatever --since says: before it there is nothing to count.
    ends ??= periodEnds(options.since !== undefined && options.since > state.date ? options.since : state.date, options.until, options.every);
    for (; next < ends.length && state.date > ends[next]!; next++) if (lastValid) taken.push({ date: ends[next]!, state: lastValid });
    if (state.workspace) lastValid = state;
  });
  for (; ends && next < ends.length; next++) if (lastValid) taken.push({ date: ends[next]!, state: lastValid });
  const current = options.current ?? lastValid?.workspace;
  const base = { currency: current?.settings.currency, every: options.every, notes: history.notes, unavailable: history.unavailable?.message };
  if (!current) return { ...base, goals: [], accounts: [] };
  const labels = rollUp({ ...current, accounts: [], accountById: new Map() }).goals;
  const goals: GoalSeries[] = labels.map((g) => ({ period: g.period, scope: g.scope, label: g.label, goal: g.goal, points: [] }));
  // By the account's latest id, one point per date. Two histories can end on one id (a plan deleted, and later another
  // renamed to its id): on a date both have, the plan that holds the id now wins, so a date never appears twice.
  const accounts = new Map<string, Map<string, { forecast: Record<string, number>; holder: boolean }>>();
  const holders = new Set(history.lineage.values());
  const rollups = new Map<Workspace, ReturnType<typeof rollUp>>();
  for (const { date, state } of taken) {
    const ws = state.workspace!;
    const lineage = state.lineage;
    let rollup = rollups.get(ws);
    if (!rollup) {
      rollup = rollUp({ ...ws, goals: current.goals });
      rollups.set(ws, rollup);
    }
    rollup.goals.forEach((g, i) => goals[i]?.points.push({ date, planned: g.planned }));
    for (const t of rollup.accounts) {
      const key = lineage.get(t.id) ?? t.id;
      const name = history.names.get(key) ?? t.id;
      const forecast: Record<string, number> = {};
      for (const year of Object.keys(t.forecastByYear).sort()) forecast[year] = counted(t.forecastByYear[year]!, ws.settings.count);
      let points = accounts.get(name);
      if (!points) accounts.set(name, (points = new Map()));
      const holder = holders.has(key);
      if (!points.get(date)?.holder) points.set(date, { forecast, holder });
    }
  }
  const series = [...accounts].map(([account, points]): AccountSeries => ({ account, points: [...points].map(([date, p]) => ({ date, forecast: p.forecast })) }));
  return { ...base, goals, accounts: series.sort((a, b) => a.account.localeCompare(b.account)) };
}
