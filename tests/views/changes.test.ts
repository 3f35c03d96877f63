import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Run } from '../../src/core/engine/run.ts';
import { changesSince } from '../../src/core/engine/since.ts';
import { readPlansHistory } from '../../src/core/load/history/read-history.ts';
import { workingCopy } from '../../src/core/load/sources.ts';
import { changesWindowView } from '../../src/core/views/changes.ts';
import { buildSiteData } from '../../src/core/views/site.ts';
import { formatMoney } from '../../src/core/shared/money.ts';
import { commitAll, initRepo } from '../helpers/git-history.ts';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.ts';
import { NO_HISTORY } from './helpers.ts';

const TODAY = '2026-03-20';
const HOSTILE_MESSAGE = '<script>alert("msg")</script> $(touch pwned) `id` \u202e';
const HOSTILE_AUTHOR = '"><img src=x onerror=alert(1)> Mallory';

let sb: Sandbox;
beforeAll(() => {
  sb = makeSandbox();
  initRepo(sb.dir);
  // 2026-02-01: the minimal fixture (Acme, Globex).
  commitAll(sb.dir, '2026-02-01', HOSTILE_MESSAGE, { GIT_AUTHOR_NAME: HOSTILE_AUTHOR });
  // 2026-03-01: Acme plans more, Globex becomes globex-corp (git sees a rename), Initech is new.
  const globex = readFileSync(join(sb.plans, 'accounts/globex.mdx'), 'utf8');
  const acme = readFileSync(join(sb.plans, 'accounts/acme.yaml'), 'utf8');
  sb.write({
    'accounts/acme.yaml': acme.replace('revenue: 100 }', 'revenue: 300 }'),
    'accounts/globex.mdx': null,
    'accounts/globex-corp.mdx': globex,
    'accounts/initech.yaml': 'name: "Initech <b>&</b>"\nstatus: target\nstrategy: acquire\nowner: bo-kim\ndimensions: { channel: direct, region: americas }\n',
  });
  commitAll(sb.dir, '2026-03-01', `${HOSTILE_MESSAGE}\n\nbody`, { GIT_AUTHOR_NAME: HOSTILE_AUTHOR });
  // 2026-03-15: Acme handed from Ann Lee to Bo Kim.
  sb.write({ 'accounts/acme.yaml': readFileSync(join(sb.plans, 'accounts/acme.yaml'), 'utf8').replace('owner: ann-lee', 'owner: bo-kim') });
  commitAll(sb.dir, '2026-03-15', HOSTILE_MESSAGE, { GIT_AUTHOR_NAME: HOSTILE_AUTHOR });
});
afterAll(() => sb.remove());

function changes(days: number) {
  const head = Run.of(workingCopy({ plansDir: 'plans', cwd: sb.dir }), { today: TODAY });
  const history = readPlansHistory({ plansDir: 'plans', cwd: sb.dir, cache: false });
  const data = buildSiteData({ run: head, history: NO_HISTORY, plansDir: 'plans' });
  const raw = changesSince(history, head, days, { plansDir: 'plans', cwd: sb.dir });
  return { raw, view: changesWindowView(data, raw) };
}

describe('what changed since a date', () => {
  it('compares now with the last commit on or before 30 days ago: goals, movers by name and amount, plans added and renamed', () => {
    const { raw, view } = changes(30);
    expect(raw.commit?.date).toBe('2026-02-01');
    expect(view.heading).toBe('Since 2026-02-18 (30 days ago)');
    // The whole year: Acme's Q1 from €100 to €300 at 1.1 is +$220.
    const year = view.goals.find((g) => g.label === 'FY2027 company');
    expect(year).toMatchObject({ change: '+$220', movers: [{ account: 'acme', name: 'Acme', change: '+$220' }] });
    expect(view.added).toEqual([{ account: 'initech', name: 'Initech <b>&</b>' }]);
    expect(view.renamed).toEqual([{ account: 'globex-corp', from: 'globex', name: 'Globex' }]);
    expect(view.removed).toEqual([]);
    // The renamed plan is one plan: it neither moved a goal nor opened findings of its own.
    expect(view.goals.flatMap((g) => g.movers.map((m) => m.account))).not.toContain('globex-corp');
    expect(view.opened.map((f) => f.account)).not.toContain('globex-corp');
    expect(view.summary).toMatch(/^3 goals moved, 1 goal became short, 1 plan added, 1 plan renamed, 1 plan handed to another owner, \d+ findings? opened/);
  });

  it('names an owner handover by person, within the window it happened in', () => {
    expect(changes(7).view.handovers).toEqual([{ account: 'acme', name: 'Acme', from: 'Ann Lee', to: 'Bo Kim' }]);
    expect(changes(7).view.added).toEqual([]);
    expect(changes(30).view.handovers).toEqual([{ account: 'acme', name: 'Acme', from: 'Ann Lee', to: 'Bo Kim' }]);
  });

  it('shows no landing without a sales ledger', () => {
    const { raw, view } = changes(30);
    expect(raw.goals.every((g) => g.landing === undefined)).toBe(true);
    expect(view.hasLanding).toBe(false);
    expect(view.goals.map((g) => g.landing)).toEqual(view.goals.map(() => undefined));
  });

  it('says a goal turned from met to short when its plan left its owner, and lists it', () => {
    const { view } = changes(30);
    // Ann Lee's Q1 goal counted Acme until Acme went to Bo Kim.
    expect(view.becameShort).toEqual(['FY2027-Q1 owner: Ann Lee']);
    expect(view.goals.find((g) => g.label === 'FY2027-Q1 owner: Ann Lee')).toMatchObject({ then: '$110', now: '$0', change: '−$110' });
    for (const label of view.becameMet) expect(view.goals.find((g) => g.label === label)?.turn).toBe('short → met');
    for (const label of view.becameShort) expect(view.goals.find((g) => g.label === label)?.turn).toBe('met → short');
  });

  it('opens findings of a new plan and resolves none that still hold', () => {
    const { raw } = changes(30);
    expect(raw.opened.some((f) => f.account === 'initech')).toBe(true);
    for (const f of raw.resolved) expect(f.account).not.toBe('initech');
  });

  it('never reads a commit message or an author name', () => {
    const text = JSON.stringify([changes(7), changes(30)]);
    expect(text).not.toContain('alert("msg")');
    expect(text).not.toContain('Mallory');
    expect(text).not.toContain('pwned');
  });

  it('says there is nothing to compare with before the first commit', () => {
    const { view } = changes(60);
    expect(view.available).toBe(false);
    expect(view.basis).toBe("The plans' history starts on 2026-02-01, after 2026-01-19, so there is nothing to compare with yet.");
  });

  it('says so outside git, without failing', () => {
    const plain = makeSandbox();
    try {
      const head = Run.of(workingCopy({ plansDir: 'plans', cwd: plain.dir }), { today: TODAY });
      const raw = changesSince(readPlansHistory({ plansDir: 'plans', cwd: plain.dir, cache: false }), head, 7, { plansDir: 'plans', cwd: plain.dir });
      expect(raw.unavailable).toBe('The plans folder is not in a git repository, so there is no history to show.');
    } finally {
      plain.remove();
    }
  });
});

describe('what changed, with a sales ledger: where each goal lands then and now', () => {
  let lb: Sandbox;
  beforeAll(() => {
    lb = makeSandbox('tests/fixtures/ledger');
    initRepo(lb.dir);
    commitAll(lb.dir, '2026-02-01');
    // 2026-03-01: $1,000 more booked with Globex on 10 March 2026 (FY2027-Q1, before TODAY: a sale dated after today
    // is not booked): every plan stays as it was, so planned holds and only the landing moves.
    const csv = readFileSync(join(lb.plans, 'sales/2026.csv'), 'utf8');
    lb.write({ 'sales/2026.csv': `${csv.trimEnd()}\n10/03/2026,globex,1000,,,,,,\n` });
    commitAll(lb.dir, '2026-03-01');
  });
  afterAll(() => lb.remove());

  function ledgerChanges(days: number) {
    const head = Run.of(workingCopy({ plansDir: 'plans', cwd: lb.dir }), { today: TODAY });
    const data = buildSiteData({ run: head, history: NO_HISTORY, plansDir: 'plans' });
    const raw = changesSince(readPlansHistory({ plansDir: 'plans', cwd: lb.dir, cache: false }), head, days, { plansDir: 'plans', cwd: lb.dir });
    return { head, raw, view: changesWindowView(data, raw) };
  }

  it('lists a goal whose landing moved though its planned total held, with its landing then and now from the rollup', () => {
    const { head, raw, view } = ledgerChanges(30);
    expect(raw.commit?.date).toBe('2026-02-01');
    expect(view.hasLanding).toBe(true);
    const now = head.rollup.goals.find((g) => g.label === 'FY2027 company')!.landing!.revenue;
    const year = view.goals.find((g) => g.label === 'FY2027 company');
    expect(year).toMatchObject({ change: '$0', movers: [] });
    expect(year?.then).toBe(year?.now);
    // Then is judged as of then (2026-02-01), when only Acme's sale of 01/02/2026 was booked in FY2027; now (TODAY)
    // Initech's sale of 05/03/2026 ($500) and Globex's new one ($1,000) are booked too, and Globex's $1,000 covers the
    // $50 of its annual forecast that was still to come in FY2027-Q1 (200 ÷ 4). The later rows of the fixture are after
    // TODAY, so neither then nor now books them.
    expect(year?.landing).toBe(`${formatMoney(now - 1000 - 500 + 50, 'USD')} → ${formatMoney(now, 'USD')}`);
    // Globex is a partner plan: the direct channel's goal neither planned nor landed differently, so it is not listed.
    expect(view.goals.map((g) => g.label)).not.toContain('FY2027 channel: direct');
  });

  it('says "lands short" when the goal lands short now, and shows no landing for a window with nothing to compare', () => {
    const { head, view } = ledgerChanges(30);
    for (const g of view.goals) {
      const result = head.rollup.goals.find((r) => r.label === g.label)!;
      expect(g.landing?.endsWith('(lands short)'), g.label).toBe(!result.landing!.met);
    }
    expect(ledgerChanges(60).view).toMatchObject({ available: false, hasLanding: false, goals: [] });
  });
});
