import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountView } from '../../src/core/views/account.ts';
import { goalsView } from '../../src/core/views/goals.ts';
import { homeView } from '../../src/core/views/home.ts';
import { portfolioView } from '../../src/core/views/portfolio.ts';
import { makeSandbox } from '../helpers/sandbox.ts';
import { example, siteOf, workspaceOf } from './helpers.ts';

/** What the site shows from tests/fixtures/ledger (worked out in tests/ledger.test.ts), on 2026-08-01: FY2027, last year FY2026. */
const data = siteOf(workspaceOf('tests/fixtures/ledger'), '2026-08-01');

describe('site views of the sales ledger', () => {
  it('the goals page shows booked beside planned, and what is still to come', () => {
    const view = goalsView(data);
    expect(view.booked).toBe(true);
    expect(view.goals.map((g) => g.booked)).toEqual([
      { cell: '$820 (82%)', sentence: 'Booked $820 (82% of the goal) in the sales ledger through 2026-07-20, $560 of it with clients without a plan; the plans forecast $180 more to come' },
      { cell: '$250 (42%)', sentence: 'Booked $250 (42% of the goal) in the sales ledger through 2026-07-20, $60 of it with clients without a plan; the plans forecast $80 more to come' },
      { cell: '$160 (160%)', sentence: 'Booked $160 (160% of the goal) in the sales ledger through 2026-07-20; the plans forecast $0 more to come' },
    ]);
  });

  it('an account page shows booked against forecast per quarter, and where each sold figure comes from', () => {
    const view = accountView(data, 'acme');
    expect(view.booked).toEqual({
      year: 'FY2027',
      through: '2026-07-20',
      rows: [
        { period: 'FY2027-Q1', booked: '$160', forecast: '$110' },
        { period: 'FY2027-Q2', booked: '$30', forecast: '$110' },
        { period: 'FY2027-Q3', booked: '$0', forecast: '$0' },
        { period: 'FY2027-Q4', booked: '$0', forecast: '$0' },
      ],
    });
    expect(view.revenue!.rows.map((r) => [r.year, r.sold, r.source])).toEqual([['FY2026', '$530', 'sales ledger'], ['FY2027', '$190', 'sales ledger']]);
    // What they buy, as booked: by fiscal year and product, in the workspace currency though the plan is in EUR.
    expect(view.wallet.ledger).toEqual({
      currency: 'USD',
      rows: [
        { year: 'FY2026', product: 'Service', revenue: '$330', margin: '$99' },
        { year: 'FY2026', product: 'Sensors', revenue: '$200', margin: '$80' },
        { year: 'FY2027', product: 'Sensors', revenue: '$140', margin: '$54' },
        { year: 'FY2027', product: 'Service', revenue: '$50', margin: '$20' },
      ],
    });
    // A row without a product says so; a year whose rows give no margin shows none, not $0.
    expect(accountView(data, 'globex').wallet.ledger).toEqual({ currency: 'USD', rows: [{ year: 'FY2027', product: 'no product given', revenue: '$70', margin: '—' }] });
  });

  it('the home page shows booked to date for the year, every client together', () => {
    expect(homeView(data).booked).toBe('Booked to date in FY2027: $820 in the sales ledger, through 2026-07-20');
  });

  it('the portfolio ranks every client within each dimension value by revenue and margin, and marks the top', () => {
    const clients = portfolioView(data).clients!;
    expect(clients.top).toBe('the top 25%');
    expect(clients.intro).toBe('Every client of the sales ledger with FY2026 sales, plans or not, ranked within each value of each dimension by revenue and by gross margin; the top 25% of each group by either is marked top.');
    const channel = clients.dimensions.find((d) => d.name === 'channel')!;
    // acme's FY2026 margin: $80 + EUR 90 × 1.1 = $179; the rows of initech and umbrella give no margin, so theirs is
    // unknown: not ranked by margin (at 0, Initech would be "top by margin" of partner).
    expect(channel.groups.map((g) => [g.value, g.rows.map((r) => [r.name, r.plan, r.revenue, r.revenueRank, r.margin, r.marginRank, r.top])])).toEqual([
      ['direct', [['Acme', true, '$530', 1, '$179', '1', 'revenue, margin'], ['Umbrella', false, '$150', 2, '—', '—', '—']]],
      ['partner', [['Initech', false, '$900', 1, '—', '—', 'revenue']]],
    ]);
    expect(clients.margin).toBe('2 clients have no gross margin in the sales ledger for FY2026, so they are ranked by revenue alone (— under Margin).');
    const tiers = portfolioView(data).tiers.rows.map((t) => [t.tier, t.accounts.map((a) => `${a.name}${a.plan ? '' : ' (no plan)'}`)]);
    expect(tiers).toEqual([['A', ['Initech (no plan)']], ['B', ['Acme']], ['C', ['Umbrella (no plan)']], ['D', ['Globex']]]);
  });

  it('with no margin in the ledger, the portfolio ranks by revenue alone, marks none top by margin, and says how to add it', () => {
    const sb = makeSandbox('tests/fixtures/ledger');
    try {
      // The fixture's ledger without its margin column: every client's margin is unknown, none is 0.
      const rows = readFileSync(join(sb.plans, 'sales/2026.csv'), 'utf8').split('\n').map((line) => line.split(',').filter((_, i) => i !== 4).join(','));
      sb.write({ 'sales/2026.csv': rows.join('\n') });
      const clients = portfolioView(siteOf(workspaceOf(sb.plans), '2026-08-01')).clients!;
      expect(clients.intro).toBe('Every client of the sales ledger with FY2026 sales, plans or not, ranked within each value of each dimension by revenue; the top 25% of each group is marked top.');
      expect(clients.margin).toBe(
        "The sales ledger gives no gross margin for FY2026, so clients are ranked by revenue alone; to rank them by margin too, add each sale's margin to the export in a column named margin, or name the export's margin column in workspace.yaml under sales.columns.margin.",
      );
      const rows2 = clients.dimensions.flatMap((d) => d.groups.flatMap((g) => g.rows));
      expect(rows2.length).toBeGreaterThan(0);
      expect(rows2.map((r) => [r.margin, r.marginRank, r.amounts.margin, r.amounts.marginRank, r.top.includes('margin')])).toEqual(rows2.map(() => ['—', '—', undefined, undefined, false]));
    } finally {
      sb.remove();
    }
  });

  it('the example has a client without a plan in the top group of its channel', () => {
    const partner = portfolioView(example).clients!.dimensions.find((d) => d.name === 'channel')!.groups.find((g) => g.value === 'partner')!;
    expect(partner.rows.filter((r) => !r.plan && r.top.includes('revenue')).map((r) => [r.name, r.revenueRank])).toEqual([['Marrow Valley Labs', 2]]);
  });
});
