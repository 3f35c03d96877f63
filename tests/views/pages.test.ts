import { describe, expect, it } from 'vitest';
import { ACCOUNT_STATUSES, STRATEGIES, TIERS } from '../../schemas/account.ts';
import { formatMoney } from '../../src/core/shared/money.ts';
import { rollUp } from '../../src/core/rollup/rollup.ts';
import { describeShortfall, forecastCounting, NO_DATA } from '../../src/core/report/sentences.ts';
import { accountView } from '../../src/core/views/account.ts';
import { accountsView } from '../../src/core/views/accounts.ts';
import { goalsView } from '../../src/core/views/goals.ts';
import { homeView } from '../../src/core/views/home.ts';
import { peopleView, personView } from '../../src/core/views/person.ts';
import { portfolioView } from '../../src/core/views/portfolio.ts';
import { example, siteOf, workspaceOf } from './helpers.ts';

const usd = (n: number) => formatMoney(n, 'USD');

describe('home', () => {
  const home = homeView(example);

  it('says how forecasts are counted with the one shared sentence', () => {
    expect(home.counting).toBe('forecast weighted by confidence');
    expect(home.counting).toBe(forecastCounting(example.rollup.count));
  });

  it('groups the goals by period, earliest first, and counts the short ones', () => {
    expect(home.periods.map((p) => [p.period, p.goals.length])).toEqual([['FY2027', 14], ['FY2027-Q3', 1], ['FY2027-Q4', 3]]);
    expect(home.verdict).toBe("3 goals land short (booked plus forecast to come); by the plans' total, 2 goals are short");
    expect(home.tolerance).toBe('a goal passes within 2% of its target');
  });

  it('lists the accounts carrying 80% of the year with their formatted figures', () => {
    expect(home.pareto.summary).toBe('11 of 31 planning accounts carry 80% of $18,176,410');
    expect(home.pareto.rows[0]).toEqual({ account: 'halberd-chemicals', name: 'Halberd Specialty Chemicals', planned: '$3,306,000', share: '18%', cumulative: '18%' });
  });

  it('keeps the ten items most in need of attention and says how many more there are', () => {
    expect(home.attention.items).toHaveLength(10);
    expect(home.attention.more).toBe(home.attention.total - 10);
  });
});

describe('goals', () => {
  const goals = goalsView(example);

  it('gives every missed goal the shortfall sentence check prints, and none to a met goal', () => {
    for (const [i, g] of goals.goals.entries()) {
      const r = example.rollup.goals[i]!;
      expect(g.shortfall).toBe(r.met ? undefined : describeShortfall(r, example.rollup));
    }
    expect(goals.goals.filter((g) => g.shortfall !== undefined)).toHaveLength(2);
  });

  it('formats each row from the rollup and names the accounts in scope', () => {
    const first = goals.goals[0]!;
    const r = example.rollup.goals[0]!;
    expect([first.goal, first.planned]).toEqual([usd(r.goal), usd(r.planned)]);
    expect(first.inScope).toBe(`${r.contributions.length} accounts in scope`);
    expect(first.contributions[0]!.name).toBe(example.ws.accountById.get(r.contributions[0]!.account)!.plan.name);
  });
});

describe('accounts', () => {
  const view = accountsView(example);

  it('offers the status, strategy and tier lists the schema accepts', () => {
    const options = (key: string) => view.filters.find((f) => f.key === key)!.options.map((o) => o.value);
    expect(options('status')).toEqual([...ACCOUNT_STATUSES]);
    expect(options('strategy')).toEqual([...STRATEGIES]);
    expect(options('tier')).toEqual([...TIERS]);
  });

  it('lists owners by name and each dimension with its values from workspace.yaml', () => {
    const owners = view.filters.find((f) => f.key === 'owner')!.options.map((o) => o.label);
    expect(owners).toEqual([...owners].sort((a, b) => a.localeCompare(b)));
    for (const d of view.dimensions) {
      expect(view.filters.find((f) => f.key === `dim-${d}`)!.options.map((o) => o.value)).toEqual(example.ws.settings.dimensions[d]);
    }
  });

  it('gives one row per plan with the counted plan of the year', () => {
    expect(view.rows).toHaveLength(31);
    const halberd = view.rows.find((r) => r.id === 'halberd-chemicals')!;
    expect(halberd.planned).toEqual({ value: 3306000, text: '$3,306,000' });
    expect(halberd.health).toBe(example.findings.health.get('halberd-chemicals')!.score);
  });
});

describe('account', () => {
  it('shows the tier the revenue earns, one meaning everywhere, with the plan\'s declared tier beside it where they differ', () => {
    expect(example.tiers.get('cordillera-instruments')).toBe('B');
    expect(accountView(example, 'cordillera-instruments').tier).toBe('B, plan says A');
    expect(personView(example, example.ws.accounts.find((a) => a.id === 'cordillera-instruments')!.plan.owner)!.book.find((b) => b.id === 'cordillera-instruments')!.tier).toBe('B, plan says A');
    expect(accountView(example, 'halberd-chemicals').tier).toBe(example.tiers.get('halberd-chemicals'));
  });

  it('takes the subsidiaries and the family figure from rollup.families', () => {
    const view = accountView(example, 'halberd-chemicals');
    const family = example.rollup.families.find((f) => f.id === 'halberd-chemicals')!;
    expect(view.family!.subsidiaries.map((s) => s.id)).toEqual(family.children);
    expect(view.family!.sentence).toBe('The family plans $4,385,340 in FY2027 across 3 accounts, forecast weighted by confidence.');
    expect(usd(family.forecastByYear['FY2027']!.weighted)).toBe('$4,385,340');
  });

  it('links a subsidiary to its parent and gives it no family sentence of its own', () => {
    const view = accountView(example, 'halberd-coatings');
    expect(view.family).toEqual({ parent: { id: 'halberd-chemicals', name: 'Halberd Specialty Chemicals' }, subsidiaries: [], sentence: undefined });
    expect(accountView(example, 'bayou-instrument-repair').family).toBeUndefined();
  });

  it('labels the counted figure with the counting and takes it from the portfolio revenue', () => {
    const view = accountView(example, 'halberd-chemicals');
    expect(view.numbers.counted).toEqual({ label: 'Counted FY2027 (weighted)', value: '$3,306,000' });
    expect(view.numbers.sold).toEqual({ label: 'Sold FY2026', value: '$2,900,000' });
  });

  it('names the missing parts health scored, and only those', () => {
    for (const a of example.ws.accounts) {
      const health = example.findings.health.get(a.id)!;
      const missing = health.parts.filter((p) => p.expected && !p.filled).map((p) => p.name.replace(/_/g, ' '));
      expect(accountView(example, a.id).health!.missing).toBe(missing.length > 0 ? missing.join(', ') : undefined);
    }
  });

  it('shows the plan\'s own findings, all of them', () => {
    const view = accountView(example, 'vestmark-pharma');
    expect(view.attention.items.map((i) => i.message)).toEqual((example.findings.byAccount.get('vestmark-pharma') ?? []).map((f) => f.message));
    expect(view.attention.more).toBe(0);
  });

  it('refuses an unknown account', () => {
    expect(() => accountView(example, 'nobody')).toThrow('No account nobody');
  });
});

describe('people', () => {
  it.each(example.ws.people.map((p) => ({ name: p.id })))('$name: the book total equals the rollup\'s owner scope', ({ name }) => {
    const own = rollUp({ ...example.ws, goals: [{ period: 'FY2027', scope: { owner: name }, revenue: 0 }] }).goals[0]!;
    expect(personView(example, name).ownBook).toBe(usd(own.planned));
    // The people list shows a dash for someone who owns no plan.
    expect(peopleView(example).rows.find((r) => r.id === name)!.ownBook).toBe(own.contributions.length === 0 ? NO_DATA : usd(own.planned));
  });

  it('lists the people with a dash, not $0, for a book they do not have', () => {
    const rows = peopleView(example).rows;
    const noTeam = rows.filter((r) => example.books.get(r.id)?.team === undefined);
    expect(noTeam.length).toBeGreaterThan(0);
    expect(new Set(noTeam.map((r) => r.teamBook))).toEqual(new Set([NO_DATA]));
    expect(rows.filter((r) => r.accounts === 0).map((r) => r.ownBook)).toEqual(rows.filter((r) => r.accounts === 0).map(() => NO_DATA));
    expect(rows.some((r) => r.accounts === 0)).toBe(true);
  });

  it('gives a manager the team book of the manager: scope and marks a manager report "(team)"', () => {
    for (const p of example.ws.people) {
      const view = personView(example, p.id);
      const team = example.books.get(p.id)!.team;
      expect(view.teamBook).toBe(team && usd(team.planned));
      for (const r of view.reports) expect(r.team).toBe(example.books.get(r.id)!.team !== undefined);
    }
  });

  it('sorts people by name and reviews newest first', () => {
    const names = peopleView(example).rows.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    // The example has October and November reviews: an older copy, listed first, must come out last.
    const first = example.ws.reviews.find((r) => r.month === '2026-11')!;
    const october = example.ws.reviews.find((r) => r.month === '2026-10' && r.person === first.person)!;
    const older = { ...first, month: '2026-09', review: { ...first.review, date: '2026-09-28' } };
    const site = siteOf({ ...example.ws, reviews: [older, ...example.ws.reviews] });
    expect(personView(site, first.person).reviews.map((r) => [r.month, r.date])).toEqual([['2026-11', first.review.date], ['2026-10', october.review.date], ['2026-09', '2026-09-28']]);
  });
});

describe('portfolio', () => {
  const view = portfolioView(example);

  it('counts every account in exactly one tier', () => {
    expect(view.tiers.rows.map((r) => r.tier)).toEqual([...TIERS]);
    // 31 plans and the 6 clients of the sales ledger that have none (plans/sales/).
    expect(view.tiers.rows.reduce((s, r) => s + r.count, 0)).toBe(37);
  });

  it('flags current plans that declare another tier than their revenue earns', () => {
    expect(view.tiers.declaredOtherwise.length).toBeGreaterThan(0);
    for (const d of view.tiers.declaredOtherwise) {
      const plan = example.ws.accountById.get(d.id)!.plan;
      expect(plan.status).toBe('current');
      expect(d.declared).toBe(plan.tier);
      expect(d.computed).not.toBe(d.declared);
    }
  });
});

describe('a workspace that counts forecasts in full (tests/fixtures/rollup-basic set to full)', () => {
  const ws = workspaceOf('tests/fixtures/rollup-basic');
  const full = siteOf({ ...ws, settings: { ...ws.settings, count: 'full' } }, '2027-03-01');

  it.each([
    { name: 'home', text: () => homeView(full).counting },
    { name: 'goals', text: () => goalsView(full).counting },
    { name: 'accounts', text: () => accountsView(full).counting },
    { name: 'people', text: () => peopleView(full).counting },
  ])('$name says "forecast at full value"', ({ text }) => {
    expect(text()).toBe('forecast at full value');
  });

  it('leaves the counted label of an account untagged', () => {
    expect(accountView(full, 'acme').numbers.counted.label).toBe('Counted FY2027');
  });
});
