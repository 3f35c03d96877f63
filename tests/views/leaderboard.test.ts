import { describe, expect, it } from 'vitest';
import type { Person } from '../../schemas/index.ts';
import { leaderboardView } from '../../src/core/views/leaderboard.ts';
import type { GoalResult } from '../../src/core/rollup/rollup.ts';
import type { SiteData } from '../../src/core/views/site.ts';
import { siteOf, workspaceOf } from './helpers.ts';

/* People as a leaderboard (issue 26, item 4). */
const data = siteOf(workspaceOf('plans'), '2026-12-05');
const board = leaderboardView(data);
const goal = (label: string) => data.rollup.goals.find((g) => g.label === label)!;

describe('the people leaderboard', () => {
  it('ranks everyone with a goal this year by what is missing by landing, the largest first', () => {
    expect(board.ranking.map((r) => r.id)).toEqual(['henrik-aalto', 'rachel-whitford', 'jake-morrow', 'tobias-lindqvist', 'priya-raman', 'carmen-ortiz', 'aiko-tanaka']);
    const missing = board.ranking.map((r) => r.missingAmount);
    expect(missing).toEqual([...missing].sort((a, b) => b - a));
    for (const r of board.ranking) {
      const g = data.rollup.goals[r.index]!;
      expect(r.missingAmount).toBeCloseTo(Math.max(0, g.goal - g.booked!.revenue - g.booked!.toCome), 2);
    }
  });

  it("shows each person's goal, planned, booked, landing, attainment and status", () => {
    const jake = board.ranking.find((r) => r.id === 'jake-morrow')!;
    const g = goal('FY2027 owner: Jake Morrow');
    expect(jake).toMatchObject({ scope: 'own book', goal: '$2,200,000', planned: '$2,226,500', landing: '$2,086,475', missing: '$113,525', status: 'short', met: false });
    expect(jake.booked).toBe(`$${Math.round(g.booked!.revenue).toLocaleString('en-US')}`);
    expect(jake.attainment).toBe(`${Math.round(g.booked!.share * 100)}%`);
    expect(board.ranking.find((r) => r.id === 'rachel-whitford')).toMatchObject({ scope: 'team', goal: '$10,400,000' });
    expect(board.ranking.find((r) => r.id === 'aiko-tanaka')).toMatchObject({ missing: '—', status: 'on track', met: true });
  });

  it("groups each manager's direct reports under them, and lists people without a goal apart", () => {
    const teams = Object.fromEntries(board.teams.map((t) => [t.manager.id, { row: t.row?.id, members: t.members.map((m) => m.id) }]));
    const reports = (id: string) => data.ws.people.filter((p) => p.manager === id && board.ranking.some((r) => r.id === p.id)).map((p) => p.id).sort();
    for (const [id, t] of Object.entries(teams)) expect([...t.members].sort()).toEqual(reports(id));
    expect(teams['daniel-okafor']).toEqual({ row: undefined, members: ['rachel-whitford', 'tobias-lindqvist'] });
    expect(teams['rachel-whitford']!.row).toBe('rachel-whitford');
    const withGoal = new Set(board.ranking.map((r) => r.id));
    expect(board.withoutGoal.map((p) => p.id).sort()).toEqual(data.ws.people.filter((p) => !withGoal.has(p.id)).map((p) => p.id).sort());
    expect(board.withoutGoal.map((p) => p.id)).toContain('ingrid-solberg');
  });

  it('without a ledger, ranks by what the plans leave missing and shows no booked or landing', () => {
    const { ledger: _l, ...ws } = workspaceOf('plans');
    const plain = leaderboardView(siteOf(ws, '2026-12-05'));
    expect(plain.hasLedger).toBe(false);
    expect(plain.ranking[0]).toMatchObject({ id: 'henrik-aalto', missing: '$501,090', status: 'short', booked: '—', landing: '—', attainment: '—' });
    expect(plain.ranking.slice(1).every((r) => r.missing === '—' && r.status === 'covered')).toBe(true);
  });

  it('a 5,000-deep manager chain groups each manager with their one report, in one pass over the people', () => {
    const n = 5000;
    const people: Person[] = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `P ${String(i).padStart(4, '0')}`, role: 'sales-manager', ...(i > 0 && { manager: `p${i - 1}` }) }) as Person);
    const goals = people.map((p, i) => ({ ...goal('FY2027 owner: Jake Morrow'), scope: { manager: p.id }, index: i, label: p.name }) as GoalResult);
    const reportsOf = new Map(people.slice(1).map((p) => [p.manager!, [p]]));
    const deep = { ...data, ws: { ...data.ws, people }, rollup: { ...data.rollup, goals }, index: { ...data.index, reportsOf } } as SiteData;
    const chain = leaderboardView(deep);
    expect(chain.ranking).toHaveLength(n);
    expect(chain.teams).toHaveLength(n - 1);
    expect(chain.teams.every((t) => t.row?.id === t.manager.id && t.members.length === 1)).toBe(true);
  });
});
