import type { GoalResult } from '../rollup/rollup.ts';
import { coverageWord, landingWord, NO_DATA } from '../report/sentences.ts';
import { formatMoney, formatPercent } from '../shared/money.ts';
import { ownValue } from '../shared/own.ts';
import { personName, type SiteData } from './site.ts';
import { compView } from './comp.ts';

/**
 * The people page as a leaderboard: everyone with a goal for the current fiscal year, with the goal, planned,
 * booked, landing, attainment and status, sorted by what is missing (by landing with a sales ledger, by planned
 * without); each manager's direct reports grouped under them; people without a goal this year apart. Team
 * membership comes from the site index (direct reports, built once), so a deep manager chain costs one pass.
 */
export interface LeaderboardView {
  year: string;
  /** Whether the figures include booked and landing (a sales ledger), and so what "missing" is measured by. */
  hasLedger: boolean;
  /** "Sorted by what is missing to the goal by landing (booked plus forecast to come)". */
  sortedBy: string;
  ranking: LeaderRow[];
  teams: LeaderTeam[];
  /**
   * With comp.yaml: the column heads for each person's comp attainment (Σ weight × attainment, at landing with a
   * ledger, planned without) and, only when workspace.yaml sets site.show_pay, their payout. Undefined without comp.yaml.
   */
  comp: { attainment: string; pay: string | undefined; note: string } | undefined;
  /** People in team.yaml with no goal this year, by name. */
  withoutGoal: { id: string; name: string; role: string }[];
}

export interface LeaderRow {
  id: string;
  name: string;
  role: string;
  /** "own book" for an owner goal, "team" for a manager goal. */
  scope: 'own book' | 'team';
  /** The goal's position in goals.yaml, to link its section on the goals page. */
  index: number;
  goal: string;
  planned: string;
  booked: string;
  landing: string;
  /** booked ÷ goal; a dash without a ledger. */
  attainment: string;
  /** "on track" / "short" by landing with a ledger; "covered" / "short" by planned without. */
  status: string;
  met: boolean;
  /** What is missing to the goal ("$113,525"), or a dash when nothing is. */
  missing: string;
  /** The raw shortfall (≥ 0) the ranking sorts by. */
  missingAmount: number;
  /** Comp attainment for this year's comp plan (views/comp.ts), a dash when the person has none; only with comp.yaml. */
  compAttainment?: string;
  /** The payout at the same figure; only when site.show_pay is true. */
  pay?: string;
}

export interface LeaderTeam {
  manager: { id: string; name: string };
  /** The manager's own row (their team goal), when they have one. */
  row: LeaderRow | undefined;
  /** Their direct reports with a goal, most missing first. */
  members: LeaderRow[];
  /** "goals.yaml sets no team goal for Max Roe.", when the manager has no row. */
  note?: string;
}

export function leaderboardView(data: SiteData): LeaderboardView {
  const { ws, rollup } = data;
  const year = data.revenue.currentYear;
  const money = (n: number) => formatMoney(n, rollup.currency);
  // One goal per person: their team goal when they manage one, else their own (the year's whole-period goal, with one scope key).
  const goalOf = new Map<string, { g: GoalResult; scope: LeaderRow['scope'] }>();
  for (const g of rollup.goals) {
    if (g.period !== year || Object.keys(g.scope).length !== 1) continue;
    const manager = ownValue(g.scope, 'manager');
    const owner = ownValue(g.scope, 'owner');
    if (manager !== undefined && !goalOf.has(`m:${manager}`)) goalOf.set(`m:${manager}`, { g, scope: 'team' });
    if (owner !== undefined && !goalOf.has(`o:${owner}`)) goalOf.set(`o:${owner}`, { g, scope: 'own book' });
  }
  const hasLedger = ws.ledger !== undefined;
  const comp = compView(data);
  const compRowOf = (id: string) => comp?.byPerson.get(id)?.find((c) => c.period === year);
  const rows = new Map<string, LeaderRow>();
  for (const p of ws.people) {
    const found = goalOf.get(`m:${p.id}`) ?? goalOf.get(`o:${p.id}`);
    if (!found) continue;
    const { g, scope } = found;
    const gap = g.landing ? g.landing.gap : g.gap;
    const met = g.landing ? g.landing.met : g.met;
    const missingAmount = Math.max(0, -gap);
    rows.set(p.id, {
      id: p.id,
      name: p.name,
      role: p.role,
      scope,
      index: g.index,
      goal: money(g.goal),
      planned: money(g.planned),
      booked: g.booked ? money(g.booked.revenue) : NO_DATA,
      landing: g.landing ? money(g.landing.revenue) : NO_DATA,
      attainment: g.booked ? formatPercent(g.booked.share) : NO_DATA,
      status: g.landing ? landingWord(met) : coverageWord(met),
      met,
      missing: missingAmount > 0 ? money(missingAmount) : NO_DATA,
      missingAmount,
      ...(comp && { compAttainment: compRowOf(p.id)?.attainment ?? NO_DATA }),
      ...(comp?.showPay && { pay: compRowOf(p.id)?.payLead ?? NO_DATA }),
    });
  }
  const byMissing = (a: LeaderRow, b: LeaderRow) => b.missingAmount - a.missingAmount || a.name.localeCompare(b.name);
  const ranking = [...rows.values()].sort(byMissing);
  const teams: LeaderTeam[] = [];
  for (const p of ws.people) {
    const members = (data.index.reportsOf.get(p.id) ?? []).flatMap((r) => rows.get(r.id) ?? []);
    if (members.length === 0) continue;
    const name = personName(ws, p.id);
    const row = rows.get(p.id);
    teams.push({ manager: { id: p.id, name }, row, members: members.sort(byMissing), ...(row === undefined && { note: `goals.yaml sets no team goal for ${name}.` }) });
  }
  teams.sort((a, b) => (b.row?.missingAmount ?? 0) - (a.row?.missingAmount ?? 0) || a.manager.name.localeCompare(b.manager.name));
  return {
    year,
    hasLedger,
    sortedBy: hasLedger ? 'by what is missing to the goal by landing (booked plus forecast to come)' : "by what is missing to the goal by the plans' total",
    ranking,
    teams,
    comp: comp && {
      attainment: `Comp attainment (${comp.leadBy})`,
      pay: comp.showPay ? `Payout (${comp.leadBy})` : undefined,
      note: `Comp attainment is each person's measures in comp.yaml, weighted, at ${comp.leadBy}. ${comp.showPay ? 'Payouts are shown because workspace.yaml sets site.show_pay.' : 'Payouts are not shown on the site.'}`,
    },
    withoutGoal: ws.people.filter((p) => !rows.has(p.id)).sort((a, b) => a.name.localeCompare(b.name)).map((p) => ({ id: p.id, name: p.name, role: p.role })),
  };
}
