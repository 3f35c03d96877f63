import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHistoryLine } from '../src/core/charts/history-line.ts';
import { readWorkspace } from '../src/core/load/read-workspace.ts';
import { workingCopy } from '../src/core/load/sources.ts';
import { readPlansHistory } from '../src/core/load/history/read-history.ts';
import { accountHistoryView, buildSiteHistory, goalHistoryView } from '../src/core/views/history.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';
import { commitAll, initRepo } from './helpers/git-history.ts';

const acme = (body: string) => `name: Acme
status: current
strategy: grow
owner: ann-lee
dimensions: { channel: direct, region: emea }
currency: EUR
last_reviewed: 2026-03-05
${body}`;

const REVIEWED = acme(`forecast:
  - { period: FY2027-Q1, revenue: 100 }
  - { period: FY2027-Q2, revenue: 200, confidence: 0.5 }
stakeholders:
  - { id: maria, name: Maria, title: CFO, roles: [decision-maker], stance: supporter, relationship: ann-lee }
  - { id: tom, name: Tom, reports_to: maria }
actions:
  - { description: Send the pilot offer, owner: ann-lee, due: 2026-03-20 }
  - { description: Book the site visit, owner: ann-lee, due: 2026-03-12, status: in-progress }
  - { id: call-cfo, description: Call the CFO, owner: ann-lee, due: 2026-03-25 }
`);

const NOW = acme(`forecast:
  - { period: FY2027-Q1, revenue: 150 }
  - { period: FY2027-Q3, revenue: 80 }
stakeholders:
  - { id: maria, name: Maria, title: CFO, roles: [decision-maker], stance: champion, relationship: ann-lee }
  - { id: lin, name: Lin Park, title: Head of Lab, reports_to: maria, stance: neutral }
actions:
  - { description: Send the pilot offer, owner: ann-lee, due: 2026-03-20, status: done }
  - { description: Book the site visit, owner: ann-lee, due: 2026-03-12, status: in-progress }
  - { description: Draft the framework agreement, owner: ann-lee, due: 2026-04-30 }
  - { id: call-cfo, description: Call Maria about the budget, owner: ann-lee, due: 2026-03-25 }
`);

let sb: Sandbox;
beforeAll(() => {
  sb = makeSandbox();
  initRepo(sb.dir);
  sb.write({ 'accounts/acme.yaml': REVIEWED.replace('revenue: 100 }', 'revenue: 90 }') });
  commitAll(sb.dir, '2026-03-02');
  sb.write({ 'accounts/acme.yaml': REVIEWED });
  commitAll(sb.dir, '2026-03-05', 'the plan as reviewed that day');
  sb.write({ 'accounts/acme.yaml': NOW, 'goals.yaml': 'goals:\n  - { period: FY2027, name: "<script>alert(1)</script> & \\"co\\"", revenue: 1000 }\n' });
  commitAll(sb.dir, '2026-03-10');
  // Not committed: the working copy says globex was reviewed before its first commit.
  sb.write({ 'accounts/globex.mdx': readFileSync(join(sb.plans, 'accounts/globex.mdx'), 'utf8').replace('owner: bo-kim', 'owner: bo-kim\nlast_reviewed: 2026-02-01') });
  sb.write({ 'accounts/initech.yaml': 'name: Initech\nstatus: target\nstrategy: acquire\nowner: bo-kim\ndimensions: { channel: direct, region: americas }\n' });
});
afterAll(() => sb.remove());

function siteHistory() {
  const { workspace } = readWorkspace(workingCopy({ plansDir: 'plans', cwd: sb.dir }));
  if (!workspace) throw new Error('the sandbox plans are invalid');
  return buildSiteHistory(readPlansHistory({ plansDir: 'plans', cwd: sb.dir, cache: false }), workspace, '2026-03-20');
}

describe('changed since last review', () => {
  it('compares the plan as committed on its last_reviewed day with the plan now, in words (a reworded action with an id is the same action)', () => {
    const item = siteHistory().accounts.get('acme');
    expect(item?.summary).toBe('Since the last review (2026-03-05):');
    expect(item?.changes).toEqual([
      'Forecast FY2027-Q1: €100 → €150.',
      'Forecast FY2027-Q2: €200 → none.',
      'Forecast FY2027-Q3: none → €80.',
      "Maria's stance: supporter → champion.",
      'Stakeholder added: Lin Park (Head of Lab), neutral.',
      'Stakeholder removed: Tom.',
      'Action closed (done): Send the pilot offer.',
      'Action opened: Draft the framework agreement (due 2026-04-30).',
    ]);
  });

  it.each([
    { name: 'a plan reviewed before its first commit is compared with its first commit, and says so', id: 'globex', summary: 'Nothing changed in the forecast, stakeholders or actions since its first commit (2026-03-02), as it was first committed after its last review (2026-02-01).' },
    { name: 'a plan never committed has nothing to compare with', id: 'initech', summary: 'This plan has no committed version yet, so there is nothing to compare with.' },
  ])('$name', ({ id, summary }) => {
    const item = siteHistory().accounts.get(id);
    expect(item?.summary).toBe(summary);
    expect(item?.changes).toEqual([]);
  });
});

describe('the goal lines', () => {
  it('escape the goal name in the title a screen reader reads', () => {
    // acme 1.1 × (100 + 200 × 0.5) + globex 400 × 0.5 = 420; then 1.1 × (150 + 80) + 200 = 453.
    const [goal] = goalHistoryView(siteHistory()).goals;
    expect(goal?.svg).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;, planned by week: 2026-03-08 $420 → 2026-03-22 $453; target $1,000</title>');
    expect(goal?.svg).not.toContain('<script');
  });

  it('label their axis: the bottom and top of the scale, the first and last week, and the latest value', () => {
    const [goal] = goalHistoryView(siteHistory()).goals;
    const labels = [...(goal?.svg ?? '').matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    // The top of the scale is 110% of the larger of the target ($1,000) and the values.
    expect(labels).toEqual(['$0', '$1.1K', '2026-03-08', '2026-03-22', '$453']);
  });

  it.each([
    { name: 'one point is a dot, with no line', points: [{ date: '2026-03-08', value: 5 }], has: '<circle', hasNot: '<polyline' },
    { name: 'several points are a line with the target dashed', points: [{ date: '2026-03-08', value: 5 }, { date: '2026-03-15', value: 8 }], has: 'stroke-dasharray', hasNot: 'NaN' },
  ])('$name', ({ points, has, hasNot }) => {
    const svg = renderHistoryLine(points, { title: 'g', target: 10, format: String });
    expect(svg).toContain(has);
    expect(svg).not.toContain(hasNot);
  });

  it.each([
    { name: 'a history of one week says so instead of drawing a dot per goal', points: [1, 1], message: "The plans' git history holds one week so far (the week ending 2026-11-22); each goal's line appears here once it spans two." },
    { name: 'a history of two weeks draws the lines', points: [1, 2], message: undefined },
  ])('$name', ({ points, message }) => {
    const goals = points.map((n, index) => ({ index, label: `g${index}`, svg: '<svg></svg>', points: n, since: '2026-11-22' }));
    expect(goalHistoryView({ unavailable: undefined, notes: [], goals, accounts: new Map() }).message).toBe(message);
  });

  it("says a plan's history is too short for a line instead of drawing a dot, and draws one over weeks", () => {
    expect(siteHistory().accounts.get('acme')?.svg).toContain('<polyline');
    const item = { year: 'FY2027', svg: undefined, changes: [], summary: '' };
    expect(accountHistoryView({ unavailable: undefined, notes: [], goals: [], accounts: new Map([['acme', item]]) }, 'acme').message).toBe(
      "The plan's git history holds less than two weeks, so there is no line of its FY2027 forecast yet.",
    );
  });

  it('draws nothing without points', () => {
    expect(renderHistoryLine([], { title: 'g', format: String })).toBeUndefined();
  });
});

describe('a plans folder outside git', () => {
  it('gives the site no history and a sentence saying why, not a failure', () => {
    const copy = makeSandbox();
    try {
      const { workspace } = readWorkspace(workingCopy({ plansDir: 'plans', cwd: copy.dir }));
      if (!workspace) throw new Error('the fixture is invalid');
      const history = buildSiteHistory(readPlansHistory({ plansDir: 'plans', cwd: copy.dir, cache: false }), workspace, '2026-03-20');
      expect(goalHistoryView(history)).toEqual({ message: 'The plans folder is not in a git repository, so there is no history to show.', goals: [], notes: [] });
      expect(accountHistoryView(history, 'acme')).toEqual({ message: 'The plans folder is not in a git repository, so there is no history to show.', item: undefined });
    } finally {
      copy.remove();
    }
  });
});

describe('the notes the site shows', () => {
  it('name files by their path in the repository, never by the folders of the machine that built the site', () => {
    const own = makeSandbox();
    try {
      initRepo(own.dir);
      own.write({ 'accounts/acme.yaml': 'name: Acme\n' });
      commitAll(own.dir, '2026-03-03');
      // The site reads the plans from the project's folder, wherever the plans are.
      const history = readPlansHistory({ plansDir: own.plans, cwd: sb.bystander, cache: false, paths: 'repo' });
      expect(history.notes).toEqual([expect.stringMatching(/^2026-03-03 plans\/accounts\/acme\.yaml:1:1 owner is missing\..* Its version of commit [0-9a-f]{10} \(2026-03-03\) is left out/)]);
      expect(history.notes.join('\n')).not.toMatch(/\.\.\/|tmp|plans-sandbox/);
    } finally {
      own.remove();
    }
  });
});
