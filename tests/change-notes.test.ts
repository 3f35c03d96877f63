import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../scripts/commands/check.ts';
import { gateCommand } from '../scripts/commands/gate.ts';
import { plain } from '../src/core/report/diagnostics.ts';
import { baseRepos, git } from './helpers/git.ts';
import { editPlan, type Sandbox } from './helpers/sandbox.ts';

/*
 * The "done when", end to end, in a git repository of the example organisation: main holds the example as it
 * is; a branch changes it and check --base main judges the branch, as a pull request's check does.
 */
const repo = baseRepos();
const TODAY = ['--today', '2026-11-24'];
const REASON = 'Vestmark froze capital spending until Q2; the expansion moves to FY2028.';

function branch(sb: Sandbox, change: (sb: Sandbox) => void): void {
  git(sb.plans, 'checkout', '--quiet', '-b', 'change');
  change(sb);
  git(sb.plans, 'add', '-A');
  git(sb.plans, 'commit', '--quiet', '-m', 'change');
}

/** check --base main with the comment and the step summary written, as the workflow runs it. */
async function judge(sb: Sandbox, extra: string[] = []) {
  const out: string[] = [];
  const summary = join(sb.dir, 'summary.md');
  const code = await checkCommand(['--base', 'main', '--comment', 'comment.md', ...TODAY, ...extra], { out: (l) => out.push(l), err: (l) => out.push(l), paint: plain }, sb.dir, { GITHUB_STEP_SUMMARY: summary });
  const read = (f: string) => {
    try {
      return readFileSync(join(sb.dir, f), 'utf8');
    } catch {
      return '';
    }
  };
  return { code, text: out.join('\n'), comment: read('comment.md'), summary: read('summary.md') };
}

const lowerVestmark = (sb: Sandbox) => editPlan(sb, 'accounts/vestmark-pharma.mdx', 'FY2027-Q4, revenue: 460000', 'FY2027-Q4, revenue: 160000');
const note = (accounts: string, reason = REASON, extra = '') => `accounts: ${accounts}\nreason: ${reason}\n${extra}`;

describe('a change that lowers a forecast', () => {
  it('fails check --base main without a note, naming the plan and saying how to explain it', async () => {
    const sb = repo('plans');
    branch(sb, lowerVestmark);
    const r = await judge(sb);
    expect(r.code).toBe(1);
    expect(r.text).toContain('✗ FY2027 region: emea is now $676,490 short, $275,400 more than before; made worse by Vestmark Pharma SE; no note in this change explains it: if it is true, add plans/changes/<name>.yaml naming vestmark-pharma with the reason.');
    expect(r.comment).toContain('❌');
  });

  it('passes with a note naming vestmark-pharma, and the text, summary and comment quote its reason', async () => {
    const sb = repo('plans');
    branch(sb, (s) => {
      lowerVestmark(s);
      s.write({ 'changes/vestmark-budget-freeze.yaml': note('[vestmark-pharma]') });
    });
    const r = await judge(sb);
    expect(r.code).toBe(0);
    const explained = `made worse by Vestmark Pharma SE; explained in plans/changes/vestmark-budget-freeze.yaml: ${REASON.slice(0, -1)}`;
    expect(r.text).toContain(`· FY2027 region: emea is now $676,490 short, $275,400 more than before; ${explained}.`);
    expect(r.comment).toContain(`## ✅ Quillon Instruments: the plans pass the gate`);
    expect(r.comment).toContain(explained);
    expect(r.comment).toContain(`Change note \`plans/changes/vestmark-budget-freeze.yaml\` (Vestmark Pharma SE)\\: ${REASON}`);
    expect(r.summary).toContain(explained);
    // The comment names accounts, not ids, in the goals the change moved.
    expect(r.comment).toContain('| Vestmark Pharma SE: FY2027 −$275,400 |');
  });

  it('the JSON names the plans behind each worsened goal and the note that explains them (the shape only grows)', async () => {
    const sb = repo('plans');
    branch(sb, (s) => {
      lowerVestmark(s);
      s.write({ 'changes/vestmark-budget-freeze.yaml': note('[vestmark-pharma]') });
    });
    const out: string[] = [];
    expect(await checkCommand(['--base', 'main', '--json', ...TODAY], { out: (l) => out.push(l), err: () => {}, paint: plain }, sb.dir, {})).toBe(0);
    const json = JSON.parse(out.join('\n'));
    const emea = json.gate.reasons.find((r: { goal?: { label: string } }) => r.goal?.label === 'FY2027 region: emea');
    expect(emea).toMatchObject({ kind: 'goal-worse', fails: false, worsenedBy: ['vestmark-pharma'], explainedBy: ['plans/changes/vestmark-budget-freeze.yaml'], unexplained: { accounts: [], goal: false } });
    expect(json.base.notes).toEqual([{ file: 'plans/changes/vestmark-budget-freeze.yaml', accounts: ['vestmark-pharma'], goals: [], reason: REASON }]);
    expect(json.base.goals.find((g: { label: string }) => g.label === 'FY2027 region: emea').lowered).toEqual(['vestmark-pharma']);
    expect(json.ok).toBe(false);
  });

  it('still fails with a note that names another account', async () => {
    const sb = repo('plans');
    branch(sb, (s) => {
      lowerVestmark(s);
      s.write({ 'changes/kessler.yaml': note('[kessler-diagnostik]', 'Kessler moved its re-qualification into the next fiscal year.') });
    });
    const r = await judge(sb);
    expect(r.code).toBe(1);
    expect(r.text).toContain('made worse by Vestmark Pharma SE; no note in this change explains it');
  });

  it('still fails when the note was there before the change: an earlier pull request explains nothing new', async () => {
    const sb = repo('plans', (s) => s.write({ 'changes/vestmark-budget-freeze.yaml': note('[vestmark-pharma]') }));
    branch(sb, lowerVestmark);
    const r = await judge(sb);
    expect(r.code).toBe(1);
    expect(r.text).not.toContain('Change note');
    // Editing the old note in this change makes it this change's note.
    editPlan(sb, 'changes/vestmark-budget-freeze.yaml', 'until Q2', 'until the second quarter');
    git(sb.plans, 'commit', '--quiet', '-am', 'edit the note');
    expect((await judge(sb)).code).toBe(0);
  });

  it('a note that names a plan found neither here nor at the base is an error at its line (exit 2)', async () => {
    const sb = repo('plans');
    branch(sb, (s) => {
      lowerVestmark(s);
      s.write({ 'changes/vestmark-budget-freeze.yaml': note('[vestmark-pharma, vestmark-pharmaa]') });
    });
    const r = await judge(sb);
    expect(r.code).toBe(2);
    expect(r.text).toContain('plans/changes/vestmark-budget-freeze.yaml:1:29 error The note names "vestmark-pharmaa", which has a plan neither here nor at main, so it explains nothing.');
  });

  it('a note may name a plan the change removed: it was there at the base', async () => {
    const sb = repo('plans');
    branch(sb, (s) => s.write({ 'accounts/vestmark-pharma.mdx': null, 'changes/vestmark-lost.yaml': note('[vestmark-pharma]', 'Vestmark chose the competitor for every site; the account is lost.') }));
    const r = await judge(sb);
    expect(r.text).not.toContain('no note in this change explains');
    expect(r.text).toContain('explained in plans/changes/vestmark-lost.yaml');
  });

  it('a raised target is explained by a note naming the goal, not by one naming a plan', async () => {
    const sb = repo('plans');
    const raise = (s: Sandbox) => editPlan(s, 'goals.yaml', '4500000', '4600000');
    branch(sb, (s) => {
      raise(s);
      s.write({ 'changes/emea-target.yaml': note('[vestmark-pharma]', 'The board raised the EMEA target after the Q3 review.') });
    });
    const r = await judge(sb);
    expect(r.code).toBe(1);
    expect(r.text).toContain('made worse by its target raised in goals.yaml; no note in this change explains it: if it is true, add plans/changes/<name>.yaml naming "FY2027 region: emea" (under goals:) with the reason');
    sb.write({ 'changes/emea-target.yaml': 'goals: ["FY2027 region: emea"]\nreason: The board raised the EMEA target after the Q3 review.\n' });
    git(sb.plans, 'commit', '--quiet', '-am', 'name the goal');
    expect((await judge(sb)).code).toBe(0);
  });
});

describe('a handover', () => {
  const handOver = (s: Sandbox) => editPlan(s, 'accounts/halberd-coatings.yaml', 'owner: priya-raman', 'owner: jake-morrow');

  it('in a met owner goal fails without a note; the text, summary and comment say "Handover" with both names', async () => {
    const sb = repo('plans');
    branch(sb, handOver);
    const r = await judge(sb);
    expect(r.code).toBe(1);
    const line = 'Handover: Halberd Coatings (halberd-coatings), Priya Raman → Jake Morrow: FY2027 owner: Priya Raman −$622,500 (met → missed); FY2027 owner: Jake Morrow +$622,500; FY2027-Q4 owner: Priya Raman −$157,500 (met → missed). The company and dimension totals are unchanged.';
    expect(r.text).toContain(line);
    expect(r.text).toContain('✗ FY2027 owner: Priya Raman was met and is now $494,000 short; made worse by the handover of Halberd Coatings (Priya Raman → Jake Morrow); no note in this change explains it');
    for (const md of [r.summary, r.comment]) {
      expect(md).toContain('**Handover**\\: Halberd Coatings (`halberd-coatings`), Priya Raman → Jake Morrow\\: FY2027 owner: Priya Raman −$622,500 (met → missed)');
      expect(md).toContain('The company and dimension totals are unchanged.');
    }
  });

  it('passes with a note naming the account', async () => {
    const sb = repo('plans');
    branch(sb, (s) => {
      handOver(s);
      s.write({ 'changes/halberd-handover.yaml': note('[halberd-coatings]', 'Jake takes the Halberd group so Priya can focus on the Q4 renewals.') });
    });
    const r = await judge(sb);
    expect(r.code).toBe(0);
    expect(r.comment).toContain('**Handover**');
    expect(r.comment).toContain('Jake takes the Halberd group so Priya can focus on the Q4 renewals');
  });
});

describe('the gate on a push to main', () => {
  const run = async (sb: Sandbox, env: NodeJS.ProcessEnv) => {
    const out: string[] = [];
    const code = await gateCommand([...TODAY], { out: (l) => out.push(l), err: (l) => out.push(l), paint: plain }, sb.dir, env);
    return { code, text: out.join('\n') };
  };

  it('does not fail while an old shortfall stands: a push that makes nothing worse passes', async () => {
    const sb = repo('plans');
    const before = git(sb.plans, 'rev-parse', 'HEAD').trim();
    editPlan(sb, 'accounts/vestmark-pharma.mdx', 'FY2027-Q4, revenue: 460000', 'FY2027-Q4, revenue: 470000');
    git(sb.plans, 'commit', '--quiet', '-am', 'a little more');
    const r = await run(sb, { GITHUB_EVENT_NAME: 'push', GATE_BEFORE: before });
    expect(r.text).toContain('FY2027 region: emea is still');
    expect(r.code).toBe(0);
  });

  it('fails on a push that made a goal worse without a note, judging the push whole', async () => {
    const sb = repo('plans');
    const before = git(sb.plans, 'rev-parse', 'HEAD').trim();
    lowerVestmark(sb);
    git(sb.plans, 'commit', '--quiet', '-am', 'cut');
    const cut = await run(sb, { GITHUB_EVENT_NAME: 'push', GATE_BEFORE: before });
    expect(cut.code).toBe(1);
    expect(cut.text).toContain('made worse by Vestmark Pharma SE; no note in this change explains it');
    // A push of two commits, the cut and its note, is judged whole: the note explains the cut.
    sb.write({ 'changes/vestmark-budget-freeze.yaml': note('[vestmark-pharma]') });
    git(sb.plans, 'add', '-A');
    git(sb.plans, 'commit', '--quiet', '-m', 'explain the cut');
    expect((await run(sb, { GITHUB_EVENT_NAME: 'push', GATE_BEFORE: before })).code).toBe(0);
  });

  it('the first push reports the state and does not fail on it', async () => {
    const sb = repo('plans');
    const r = await run(sb, { GITHUB_EVENT_NAME: 'push', GATE_BEFORE: '0'.repeat(40) });
    expect(r.code).toBe(0);
    expect(r.text).toContain('2 of 18 goals missed');
    expect(r.text).toContain('The first push of this branch has nothing to compare with');
  });
});

describe('the annotations in GitHub Actions', () => {
  it('a goal made worse and explained by a note is a warning that quotes the note, not "did not make it worse"', async () => {
    const sb = repo('plans');
    branch(sb, (s) => {
      lowerVestmark(s);
      s.write({ 'changes/vestmark-budget-freeze.yaml': note('[vestmark-pharma]') });
    });
    const out: string[] = [];
    expect(await checkCommand(['--base', 'main', ...TODAY], { out: (l) => out.push(l), err: (l) => out.push(l), paint: plain }, sb.dir, { GITHUB_ACTIONS: 'true' })).toBe(0);
    const emea = out.find((l) => l.startsWith('::warning') && l.includes('FY2027 region: emea is'));
    expect(emea).toContain('title=Goal made worse%2C explained by a change note');
    expect(emea).toContain('explained in plans/changes/vestmark-budget-freeze.yaml');
    expect(emea).not.toContain('did not make it worse');
  });
});
