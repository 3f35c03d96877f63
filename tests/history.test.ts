import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../scripts/commands/check.ts';
import { historyCommand } from '../scripts/commands/history.ts';
import { readPlansHistory } from '../src/core/load/history/read-history.ts';
import { readWorkspace } from '../src/core/load/read-workspace.ts';
import { workingCopy } from '../src/core/load/sources.ts';
import { accountHistoryView, buildSiteHistory, goalHistoryView } from '../src/core/views/history.ts';
import { buildSeries } from '../src/core/rollup/history.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';
import { captured, commitAll, git, initRepo } from './helpers/git-history.ts';

/*
 * The minimal fixture, counted weighted with EUR at 1.1: acme (EUR, direct, Ann Lee) plans FY2027-Q1 100 and
 * Q2 200 at 0.5, so 1.1 × (100 + 100) = 220; globex (partner) plans FY2027 400 at 0.5, so 200. Goals: FY2027
 * (all), FY2027 direct, FY2027-Q1 of Ann Lee. Weeks end on Sundays: 2026-03-08, -15, -22, -29, 04-05, 04-12.
 */
const INITECH = 'name: Initech\nstatus: target\nstrategy: acquire\nowner: bo-kim\ndimensions: { channel: direct, region: americas }\nforecast:\n  - { period: FY2027-Q3, revenue: 150 }\n';

let sb: Sandbox;
const edit = (rel: string, from: string, to: string) => {
  const file = join(sb.plans, rel);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${rel} has no ${from}`);
  sb.write({ [rel]: text.replace(from, to) });
};

beforeAll(() => {
  sb = makeSandbox();
  initRepo(sb.dir);
  commitAll(sb.dir, '2026-03-03'); // week to 03-08: 420, direct 220, Ann Q1 110
  edit('accounts/acme.yaml', '{ period: FY2027-Q1, revenue: 100 }', '{ period: FY2027-Q1, revenue: 200 }');
  commitAll(sb.dir, '2026-03-10', 'forecast raised'); // to 03-15: acme 1.1 × 300 = 330: 530, 330, 220
  sb.write({ 'accounts/initech.yaml': INITECH });
  commitAll(sb.dir, '2026-03-17', 'plan added'); // to 03-22: + 150 direct: 680, 480, 220
  edit('accounts/globex.mdx', 'revenue: 400', 'revenue: lots');
  commitAll(sb.dir, '2026-03-24', 'invalid'); // to 03-29: left out, so still 680, 480, 220
  edit('accounts/globex.mdx', 'revenue: lots', 'revenue: 600');
  renameSync(join(sb.plans, 'accounts/globex.mdx'), join(sb.plans, 'accounts/globex-corp.mdx'));
  commitAll(sb.dir, '2026-03-31', 'fixed and renamed'); // to 04-05: globex 300: 780, 480, 220
  sb.write({ 'accounts/initech.yaml': null });
  commitAll(sb.dir, '2026-04-07', 'plan deleted'); // to 04-12: 630, 330, 220
});
afterAll(() => sb.remove());

const WEEKS = ['2026-03-08', '2026-03-15', '2026-03-22', '2026-03-29', '2026-04-05', '2026-04-12'];

function json(args: string[]) {
  const { output, out, err } = captured();
  const code = historyCommand(['--json', '--plans', 'plans', '--today', '2026-04-12', ...args], output, sb.dir, { cache: false });
  expect(err).toEqual([]);
  expect(code).toBe(0);
  return JSON.parse(out.join('\n'));
}

describe('npm run history over a repository with commits at known dates', () => {
  it('gives each goal its planned total at the end of every week, worked out by hand', () => {
    const result = json(['--since', '2026-03-01']);
    const totals = (i: number) => result.goals[i].points.map((p: { date: string; planned: number }) => `${p.date} ${p.planned}`);
    // The week to 2026-03-01 has no commit yet, so no point.
    expect(totals(0)).toEqual(['2026-03-08 420', '2026-03-15 530', '2026-03-22 680', '2026-03-29 680', '2026-04-05 780', '2026-04-12 630']);
    expect(totals(1)).toEqual(['2026-03-08 220', '2026-03-15 330', '2026-03-22 480', '2026-03-29 480', '2026-04-05 480', '2026-04-12 330']);
    expect(totals(2)).toEqual(['2026-03-08 110', '2026-03-15 220', '2026-03-22 220', '2026-03-29 220', '2026-04-05 220', '2026-04-12 220']);
    expect(result.goals.map((g: { period: string; scope: object; label: string; goal: number }) => [g.period, g.scope, g.label, g.goal])).toEqual([
      ['FY2027', {}, 'FY2027 company', 1000],
      ['FY2027', { channel: 'direct' }, 'FY2027 channel: direct', 600],
      ['FY2027-Q1', { owner: 'ann-lee' }, 'FY2027-Q1 owner: Ann Lee', 100],
    ]);
  });

  it('ends on the totals check prints for the last commit', async () => {
    const { output, out } = captured();
    expect(await checkCommand(['--json', '--plans', 'plans', '--today', '2026-04-12'], output, sb.dir, {})).toBe(1);
    const check = JSON.parse(out.join('\n'));
    const history = json([]);
    expect(history.goals.map((g: { points: { planned: number }[] }) => g.points.at(-1)?.planned)).toEqual(check.goals.map((g: { planned: number }) => g.planned));
  });

  it('keeps one forecast history for a renamed plan, under its new id, and ends a deleted plan', () => {
    const { accounts } = json(['--since', '2026-03-01']);
    const line = (id: string) => accounts.find((a: { account: string }) => a.account === id)?.points.map((p: { date: string; forecast: Record<string, number> }) => `${p.date} ${p.forecast['FY2027']}`);
    expect(accounts.map((a: { account: string }) => a.account)).toEqual(['acme', 'globex-corp', 'initech']);
    expect(line('globex-corp')).toEqual(WEEKS.map((w, i) => `${w} ${i < 4 ? 200 : 300}`));
    expect(line('acme')).toEqual(WEEKS.map((w, i) => `${w} ${i === 0 ? 220 : 330}`));
    expect(line('initech')).toEqual(['2026-03-22 150', '2026-03-29 150', '2026-04-05 150']);
  });

  it('leaves an invalid version of a plan out with a note that names the plan and its commits; that plan keeps its last valid version', () => {
    const { notes } = json([]);
    expect(notes.map((n: string) => n.replace(/commit [0-9a-f]{10}/g, 'commit <hash>'))).toEqual([
      '2026-03-24 plans/accounts/globex.mdx:10:32 forecast[0].revenue: expected a number, got "lots". Write a plain number, such as 250000. Its version of commit <hash> (2026-03-24) is left out, until commit <hash> (2026-03-31) removes or renames it: its last valid version stands in for it in the totals, and every other plan goes on.',
    ]);
  });

  it('starts at the first commit when --since is long before it', () => {
    expect(json(['--since', '1900-01-01']).goals).toEqual(json([]).goals);
  });

  it('gives monthly points at the end of each month', () => {
    const result = json(['--every', 'month']);
    expect(result.goals[0].points).toEqual([{ date: '2026-03-31', planned: 780 }, { date: '2026-04-30', planned: 630 }]);
  });

  it('prints the weekly totals as text', () => {
    const { output, out } = captured();
    expect(historyCommand(['--plans', 'plans', '--since', '2026-03-20', '--today', '2026-04-01'], output, sb.dir, { cache: false })).toBe(0);
    expect(out.slice(0, 5)).toEqual(['FY2027 company: goal $1,000', '  2026-03-22              $680  68%', '  2026-03-29              $680  68%', '  2026-04-05              $780  78%', '']);
  });

  it('reads the same figures from its cache on a second run, and no more blobs', () => {
    const folder = join(sb.dir, 'cache');
    const first = buildSeries(readPlansHistory({ plansDir: 'plans', cwd: sb.dir, cache: folder }), { until: '2026-04-12', every: 'week' });
    const again = buildSeries(readPlansHistory({ plansDir: 'plans', cwd: sb.dir, cache: folder }), { until: '2026-04-12', every: 'week' });
    expect(again).toEqual(first);
    expect(first.goals[0]?.points.at(-1)).toEqual({ date: '2026-04-12', planned: 630 });
  });
});

describe('two histories that end on one id', () => {
  it('give one point per date: on a date both have, the plan that holds the id now', () => {
    const own = makeSandbox();
    try {
      initRepo(own.dir);
      commitAll(own.dir, '2026-03-03'); // to 03-08: acme 220, globex 200
      own.write({ 'accounts/globex.mdx': null });
      commitAll(own.dir, '2026-03-10'); // to 03-15: acme 220
      renameSync(join(own.plans, 'accounts/acme.yaml'), join(own.plans, 'accounts/globex.yaml'));
      commitAll(own.dir, '2026-03-17'); // to 03-22: acme, now named globex, 220
      const { accounts } = buildSeries(readPlansHistory({ plansDir: 'plans', cwd: own.dir, cache: false }), { until: '2026-03-22', every: 'week' });
      expect(accounts).toEqual([
        { account: 'globex', points: ['2026-03-08', '2026-03-15', '2026-03-22'].map((date) => ({ date, forecast: { FY2027: 220 } })) },
      ]);
    } finally {
      own.remove();
    }
  });
});

describe('a shallow clone', () => {
  it('gives a clear message and no history, not a failure', () => {
    const clone = join(sb.dir, 'bystander', 'clone');
    git(sb.dir, ['clone', '--quiet', '--depth', '1', `file://${sb.dir}`, clone]);
    const { output, out } = captured();
    expect(historyCommand(['--json', '--plans', 'plans', '--today', '2026-04-12'], output, clone, { cache: false })).toBe(0);
    const result = JSON.parse(out.join('\n'));
    expect(result.goals).toEqual([]);
    expect(result.unavailable).toBe(SHALLOW);
    // The site built from it: the same sentence on the goal and account pages, and no line.
    const { workspace } = readWorkspace(workingCopy({ plansDir: 'plans', cwd: clone }));
    const site = buildSiteHistory(readPlansHistory({ plansDir: 'plans', cwd: clone, cache: false, paths: 'repo' }), workspace!, '2026-04-12');
    expect(goalHistoryView(site)).toEqual({ message: SHALLOW, goals: [], notes: [] });
    expect(accountHistoryView(site, 'acme')).toEqual({ message: SHALLOW, item: undefined });
  });
});

const SHALLOW = 'This is a shallow clone: git holds only the latest commits, so the history of the plans is not shown. Fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in GitHub Actions) to see it.';

describe('a plan invalid from its first version to the last commit', () => {
  it('is not in the totals, every other plan goes on, and one note names its commits', () => {
    const own = makeSandbox();
    try {
      initRepo(own.dir);
      commitAll(own.dir, '2026-03-03'); // to 03-08: 420
      own.write({ 'accounts/initech.yaml': INITECH.replace('owner: bo-kim', 'owner: nobody-here') });
      commitAll(own.dir, '2026-03-10'); // initech never valid: still 420
      const acme = join(own.plans, 'accounts/acme.yaml');
      own.write({ 'accounts/acme.yaml': readFileSync(acme, 'utf8').replace('revenue: 100 }', 'revenue: 200 }') });
      own.write({ 'accounts/initech.yaml': INITECH.replace('owner: bo-kim', 'owner: nobody-else') });
      commitAll(own.dir, '2026-03-17'); // acme raised: 330 + 200 = 530; initech's second version left out too
      const history = readPlansHistory({ plansDir: 'plans', cwd: own.dir, cache: false });
      expect(buildSeries(history, { until: '2026-03-22', every: 'week' }).goals[0]?.points).toEqual([
        { date: '2026-03-08', planned: 420 },
        { date: '2026-03-15', planned: 420 },
        { date: '2026-03-22', planned: 530 },
      ]);
      expect(history.notes).toHaveLength(1);
      expect(history.notes[0]).toMatch(/^2026-03-10 plans\/accounts\/initech\.yaml:\d+:\d+ owner: "nobody-here" is not a person in team\.yaml\..* Its 2 versions of commits [0-9a-f]{10} \(2026-03-10\), [0-9a-f]{10} \(2026-03-17\) are left out, up to the last commit: the plan is not in the totals, as no version of it validated before, and every other plan goes on\.$/);
    } finally {
      own.remove();
    }
  });
});

describe('a version left out between two valid ones', () => {
  it('carries every other plan on while one is invalid: acme\'s raise counts at once, globex keeps its last valid version', () => {
    const own = makeSandbox();
    try {
      initRepo(own.dir);
      commitAll(own.dir, '2026-03-03'); // to 03-08: 420
      const acme = join(own.plans, 'accounts/acme.yaml');
      const globex = join(own.plans, 'accounts/globex.mdx');
      own.write({ 'accounts/acme.yaml': readFileSync(acme, 'utf8').replace('revenue: 100 }', 'revenue: 200 }') });
      own.write({ 'accounts/globex.mdx': readFileSync(globex, 'utf8').replace('revenue: 400', 'revenue: lots') });
      commitAll(own.dir, '2026-03-10'); // to 03-15: globex's version is left out, acme's raise counts: 330 + 200
      own.write({ 'accounts/globex.mdx': readFileSync(globex, 'utf8').replace('revenue: lots', 'revenue: 600') });
      commitAll(own.dir, '2026-03-17'); // to 03-22: globex valid again at 600: 330 + 300
      const history = readPlansHistory({ plansDir: 'plans', cwd: own.dir, cache: false });
      const series = buildSeries(history, { until: '2026-03-22', every: 'week' });
      expect(series.goals[0]?.points).toEqual([
        { date: '2026-03-08', planned: 420 },
        { date: '2026-03-15', planned: 530 },
        { date: '2026-03-22', planned: 630 },
      ]);
      expect(history.notes).toHaveLength(1);
      expect(history.notes[0]).toMatch(/^2026-03-10 plans\/accounts\/globex\.mdx:\d+:\d+ .* Its version of commit [0-9a-f]{10} \(2026-03-10\) is left out, until commit [0-9a-f]{10} \(2026-03-17\) makes it valid again: its last valid version stands in for it in the totals, and every other plan goes on\.$/);
    } finally {
      own.remove();
    }
  });
});
