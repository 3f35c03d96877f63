import { toCsv, type CsvCell } from '../report/csv.ts';
import { NO_DATA } from '../report/sentences.ts';
import { accountsView } from './accounts.ts';
import { goalsView } from './goals.ts';
import { personView } from './person.ts';
import { portfolioView } from './portfolio.ts';
import type { SiteData } from './site.ts';

/**
 * The CSV downloads of the site's tables of figures, built from the same view models as the pages, so a
 * download and its page cannot disagree. Amounts are plain numbers in the workspace currency (the header
 * says which); a figure the page shows as a dash is an empty cell.
 */
export interface CsvTable {
  header: string[];
  rows: CsvCell[][];
}

export function accountsTable(data: SiteData): CsvTable {
  const view = accountsView(data);
  const currency = data.rollup.currency;
  return {
    header: ['id', 'account', 'strategic', 'status', 'strategy', 'tier', 'owner', ...view.dimensions, `sold ${view.lastYear} (${currency})`, `planned ${view.currentYear} (${currency})`, 'health', 'last reviewed'],
    rows: view.rows.map((a) => [
      a.id,
      a.name,
      a.strategic ? 'yes' : 'no',
      a.status,
      a.strategy,
      a.tier,
      a.owner.name,
      ...a.dimensions.map((d) => d.value),
      a.lastYear.text === NO_DATA ? undefined : a.lastYear.value,
      a.planned.text === NO_DATA ? undefined : a.planned.value,
      a.health,
      a.lastReviewed,
    ]),
  };
}

export function goalsTable(data: SiteData): CsvTable {
  const view = goalsView(data);
  const currency = data.rollup.currency;
  return {
    // With a sales ledger, what is booked follows the plans' status, so the columns before it keep their places.
    header: ['goal', 'period', 'scope', `target (${currency})`, `planned (${currency})`, `gap (${currency})`, 'coverage', `stretch (${currency})`, 'plans', ...(view.booked ? [`booked (${currency})`, 'booked share', `forecast to come (${currency})`] : []), `stretch or forecast (${currency})`],
    rows: [...view.annual, ...view.quarterly].map((g) => [
      g.label,
      g.result.period,
      Object.entries(g.result.scope).map(([k, v]) => `${k}=${v}`).join('; '),
      g.result.goal,
      g.result.planned,
      g.result.gap,
      Math.round(g.result.coverage * 1000) / 1000,
      g.stretch === NO_DATA ? undefined : g.result.stretch,
      g.status,
      ...(view.booked ? [g.result.booked?.revenue, g.result.booked && Math.round(g.result.booked.share * 1000) / 1000, g.result.booked?.toCome] : []),
      g.result.stretchWithForecast,
    ]),
  };
}

export function bookTable(data: SiteData, personId: string): CsvTable {
  const view = personView(data, personId);
  return {
    header: ['id', 'account', 'strategic', 'status', 'strategy', 'tier', `planned ${view.currentYear} (${view.currency})`, 'last reviewed'],
    rows: view.book.map((a) => [a.id, a.name, a.strategic ? 'yes' : 'no', a.status, a.strategy, a.tier, a.amount, a.lastReviewed]),
  };
}

/**
 * Every client of the sales ledger ranked within each dimension value (the portfolio page's ranking), one row per
 * client and group; clients without a plan carry their ledger id and name as the export wrote them, which a
 * spreadsheet gets as text (csvField). Undefined without a ledger.
 */
export function clientsTable(data: SiteData): CsvTable | undefined {
  const view = portfolioView(data);
  if (!view.clients) return undefined;
  const currency = data.rollup.currency;
  return {
    header: ['dimension', 'value', 'id', 'client', 'plan', `revenue ${view.lastYear} (${currency})`, 'revenue rank', `margin ${view.lastYear} (${currency})`, 'margin rank', 'top by'],
    rows: view.clients.dimensions.flatMap((d) =>
      d.groups.flatMap((g) => g.rows.map((c) => [d.name, g.value, c.id, c.name, c.plan ? 'yes' : 'no', c.amounts.revenue, c.revenueRank, c.amounts.margin, c.amounts.marginRank, c.top === '—' ? undefined : c.top])),
    ),
  };
}

export function csvOf(table: CsvTable): string {
  return toCsv(table.header, table.rows);
}
