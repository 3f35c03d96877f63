import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseRepos, git } from './helpers/git.ts';
import { editPlan, runScript, type Sandbox } from './helpers/sandbox.ts';

/*
 * tests/fixtures/minimal committed as the base: FY2027 company is $580 short ($420 of $1,000), FY2027 channel: direct
 * $380 short ($220 of $600), and FY2027-Q1 owner: Ann Lee met ($110 of $100). Each case changes the working copy.
 */
const baseRepo = baseRepos();

function check(sb: Sandbox, ...extra: string[]) {
  return runScript('check', ['--plans', 'plans', '--base', 'main', '--today', '2026-11-24', ...extra], { cwd: sb.dir });
}

interface Json {
  ok: boolean;
  gate: { mode: string; passed: boolean; reasons: { kind: string; fails: boolean; text: string; goal?: { label: string }; finding?: { rule: string; subject?: string } }[] };
  findings: { rule: string; account?: string; subject?: string; new: boolean }[];
  resolvedFindings: { rule: string; account?: string }[];
  base: { renames: { from: string; to: string }[]; goals: { label: string; movers: unknown[] }[] };
}

const STILL_SHORT = 'FY2027 company is still $580 short; this change did not make it worse.';

describe('check --base judges the change, not the state', () => {
  it.each([
    { name: 'a change to an unrelated plan’s text passes, saying the short goal is still short', change: (sb: Sandbox) => editPlan(sb, 'accounts/globex.mdx', 'They need sensors.', 'They need sensors and service.'), status: 0, says: STILL_SHORT },
    { name: 'a change that brings a met goal below target fails', change: (sb: Sandbox) => editPlan(sb, 'accounts/acme.yaml', '{ period: FY2027-Q1, revenue: 100 }', '{ period: FY2027-Q1, revenue: 50 }'), status: 1, says: 'FY2027-Q1 owner: Ann Lee was met and is now $45 short; made worse by Acme; no note in this change explains it: if it is true, add plans/changes/<name>.yaml naming acme with the reason.' },
    { name: 'a change that narrows a missed goal’s gap without closing it passes', change: (sb: Sandbox) => editPlan(sb, 'accounts/globex.mdx', 'revenue: 400, confidence: 0.5', 'revenue: 600, confidence: 0.5'), status: 0, says: 'FY2027 company is still $480 short; this change did not make it worse.' },
    { name: 'a change that widens a missed goal’s gap fails', change: (sb: Sandbox) => editPlan(sb, 'accounts/globex.mdx', 'revenue: 400, confidence: 0.5', 'revenue: 200, confidence: 0.5'), status: 1, says: 'FY2027 company is now $680 short, $100 more than before; made worse by Globex; no note in this change explains it: if it is true, add plans/changes/<name>.yaml naming globex with the reason.' },
    { name: 'raising a target above what the plans cover fails', change: (sb: Sandbox) => editPlan(sb, 'goals.yaml', 'scope: { owner: ann-lee }, revenue: 100', 'scope: { owner: ann-lee }, revenue: 200'), status: 1, says: 'FY2027-Q1 owner: Ann Lee was met and is now $90 short; made worse by its target raised in goals.yaml; no note in this change explains it: if it is true, add plans/changes/<name>.yaml naming "FY2027-Q1 owner: Ann Lee" (under goals:) with the reason.' },
    { name: 'adding a goal that is missed fails', change: (sb: Sandbox) => editPlan(sb, 'goals.yaml', 'goals:\n', 'goals:\n  - { period: FY2027, scope: { region: emea }, revenue: 5000 }\n'), status: 1, says: 'FY2027 region: emea is a new goal and $4,780 short; made worse by the goal added in goals.yaml; no note in this change explains it: if it is true, add plans/changes/<name>.yaml naming "FY2027 region: emea" (under goals:) with the reason.' },
  ])('$name', ({ change, status, says }) => {
    const sb = baseRepo();
    change(sb);
    const before = sb.snapshot();
    const r = check(sb);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(status);
    expect(r.stdout).toContain(says);
    expect(r.stdout).toContain(`Gate (judging the change): ${status === 0 ? 'passes' : 'fails'}`);
    // The last line of the log says the verdict too, since the exit code is the gate's and goals are missed either way.
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(status === 0 ? / missed; .*\. The gate passes: this change made nothing worse\.$/ : / missed; .*\. The gate fails: the reasons are under "Gate" above\.$/);
    const json = JSON.parse(check(sb, '--json').stdout) as Json;
    expect(json.gate.mode).toBe('change');
    expect(json.gate.passed).toBe(status === 0);
    expect(json.gate.reasons.map((x) => `${x.text}.`)).toContain(says);
    // The reason quoted is itself the one that passes or fails, not another goal the same change moved.
    expect(json.gate.reasons.find((x) => `${x.text}.` === says)?.fails).toBe(status === 1);
    expect(r.stdout).toContain(`  ${status === 0 ? '·' : '✗'} ${says}\n`);
    expect(json.gate.reasons.every((x) => x.goal !== undefined)).toBe(true);
    expect(json.ok).toBe(false); // the state: goals are missed either way
    expect(sb.snapshot()).toEqual(before);
  });

  it.each([
    { name: '--strict', args: ['--strict'], setup: () => {} },
    { name: 'gate: strict in workspace.yaml', args: [], setup: (sb: Sandbox) => editPlan(sb, 'workspace.yaml', 'count: weighted\n', 'count: weighted\ngate: strict\n') },
  ])('$name fails the unrelated change on the goal that was already short', ({ args, setup }) => {
    const sb = baseRepo();
    setup(sb);
    editPlan(sb, 'accounts/globex.mdx', 'They need sensors.', 'They need sensors and service.');
    const r = check(sb, ...args);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Gate (strict: any missed goal fails): fails');
    expect(r.stdout).toContain('✗ FY2027 company is $580 short of $1,000.');
  });

  it('without --base, check judges the state as before: the short goals fail', () => {
    const sb = baseRepo();
    const r = runScript('check', ['--plans', 'plans', '--today', '2026-11-24'], { cwd: sb.dir });
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain('Gate');
  });
});

describe('rule errors', () => {
  /** stale-contact raised to error at the base: Maria (no last_contact) is an error there already. */
  function errorBase(): Sandbox {
    return baseRepo(undefined, (sb) => editPlan(sb, 'workspace.yaml', 'count: weighted\n', 'count: weighted\nrules: { stale-contact: error }\n'));
  }

  it('an error the change adds fails the gate, naming the finding', () => {
    const sb = errorBase();
    editPlan(sb, 'accounts/acme.yaml', 'stakeholders:\n', 'stakeholders:\n  - { id: lee, name: Lee, roles: [decision-maker], relationship: ann-lee }\n');
    const r = check(sb, '--json');
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout) as Json;
    expect(json.gate.reasons.filter((x) => x.fails).map((x) => [x.kind, x.finding?.rule, x.finding?.subject])).toEqual([['finding-added-error', 'stale-contact', 'stakeholders["lee"]']]);
  });

  it('an error that was there before does not fail the change, and is said to be old', () => {
    const sb = errorBase();
    editPlan(sb, 'accounts/globex.mdx', 'They need sensors.', 'They need sensors and service.');
    const r = check(sb);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/· stale-contact at plans\/accounts\/acme\.yaml:11 was there before this change\./);
    expect(check(sb, '--strict').status).toBe(1);
  });
});

describe('findings the change introduced', () => {
  it('are marked new, the ones there before are not (whatever their line), and fixed ones are counted', () => {
    const sb = baseRepo();
    // Fixes acme's stale-plan; adds Lee above Maria: a key stakeholder without contact or relationship owner.
    editPlan(sb, 'accounts/acme.yaml', 'stakeholders:\n', 'last_reviewed: 2026-11-01\nstakeholders:\n  - { id: lee, name: Lee, roles: [decision-maker] }\n');
    const json = JSON.parse(check(sb, '--json').stdout) as Json;
    const acme = json.findings.filter((f) => f.account === 'acme').map((f) => [f.rule, f.subject, f.new]);
    expect(acme).toEqual(
      expect.arrayContaining([
        ['stale-contact', 'stakeholders["lee"]', true],
        ['uncovered-stakeholder', 'stakeholders["lee"]', true],
        ['stale-contact', 'stakeholders["maria"]', false],
        ['no-next-action', 'actions', false],
      ]),
    );
    expect(json.resolvedFindings.map((f) => [f.rule, f.account])).toEqual([['stale-plan', 'acme']]);
    const text = check(sb).stdout.split('\n');
    expect(text).toContain('  Findings: this change adds 2 warnings and resolves 1.');
    const findings = text.slice(text.indexOf('Findings') + 1);
    expect(findings[0]).toMatch(/acme\.yaml:\d+:\d+ warning .*\(stale-contact, new\)$|\(uncovered-stakeholder, new\)$/);
    expect(findings[1]).toMatch(/, new\)$/);
    expect(findings[2]).not.toMatch(/, new\)$/);
  });

  it('with more than ten, at most ten annotations per level, the change’s own first, and a last notice', () => {
    const sb = baseRepo();
    for (const id of ['initech', 'umbrella', 'hooli', 'soylent']) {
      sb.write({ [`accounts/${id}.yaml`]: `name: ${id}\nstatus: target\nstrategy: acquire\nowner: bo-kim\ndimensions: { channel: partner, region: emea }\nforecast:\n  - { period: FY2027, revenue: 10, confidence: 0.5 }\n` });
    }
    const r = check(sb, '--comment', 'comment.md');
    expect(r.status).toBe(0);
    const annotated = runScript('check', ['--plans', 'plans', '--base', 'main', '--today', '2026-11-24'], { cwd: sb.dir, env: { GITHUB_ACTIONS: 'true' } });
    const lines = annotated.stdout.split('\n').filter((l) => l.startsWith('::'));
    for (const level of ['error', 'warning', 'notice']) expect(lines.filter((l) => l.startsWith(`::${level} `)).length).toBeLessThanOrEqual(10);
    const warnings = lines.filter((l) => l.startsWith('::warning '));
    expect(warnings).toHaveLength(10);
    expect(warnings.slice(0, 2).every((l) => l.includes('title=Goal still short'))).toBe(true);
    expect(warnings.slice(2).every((l) => /title=[a-z-]+ \(new\)::/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^::notice file=plans\/workspace\.yaml,line=1,col=1,title=More findings::\d+ more findings are in the step summary/);
    const json = JSON.parse(check(sb, '--json').stdout) as Json;
    const shown = lines.length - 1;
    expect(lines.at(-1)).toContain(`::${json.findings.length + 2 - shown} more findings`);
  });
});

describe('reading what the change touched', () => {
  it('leaves the repository as it was, even where git would refresh its index (a file saved without a change)', () => {
    const sb = baseRepo();
    utimesSync(join(sb.plans, 'accounts/acme.yaml'), new Date('2030-01-01'), new Date('2030-01-01'));
    const before = sb.snapshot();
    expect(check(sb).status).toBe(0);
    expect(sb.snapshot()).toEqual(before);
  });
});

describe('a renamed plan', () => {
  it('shows as renamed, its totals and findings moved with it, not removed and added', () => {
    const sb = baseRepo();
    git(sb.plans, 'mv', 'accounts/acme.yaml', 'accounts/acme-corp.yaml');
    const r = check(sb);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Renamed acme → acme-corp: its totals moved with it.');
    expect(r.stdout).toContain('Findings: this change adds no finding and resolves none.');
    const json = JSON.parse(check(sb, '--json').stdout) as Json;
    expect(json.base.renames).toEqual([{ from: 'acme', to: 'acme-corp' }]);
    expect(json.base.goals.map((g) => g.movers)).toEqual([[], [], []]);
    expect(json.findings.filter((f) => f.new)).toEqual([]);
  });
});
