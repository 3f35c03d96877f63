import type { Offering, Penetration, Stakeholder } from '../../../schemas/index.ts';
import { QUALIFICATION_QUESTIONS } from '../../../schemas/index.ts';
import { bookedByQuarter } from '../rollup/booked.ts';
import { REVENUE_SERIES, renderBuyingDecisionChart, renderRevenueSvg, ROLE_SHAPES, STANCE_STYLES, revenueByYear } from '../charts/index.ts';
import { safeExternalHref } from '../load/narrative/url.ts';
import type { AccountEntry, LedgerClient } from '../model.ts';
import { counted, ledgerByYearProduct } from '../rollup/accounts.ts';
import { tierLabel } from '../portfolio/tiers.ts';
import { countingTag, forecastCounting, NO_DATA } from '../report/sentences.ts';
import { ownValue } from '../shared/own.ts';
import { yearOf } from '../shared/periods.ts';
import { compactMoney, formatMoney, formatPercent } from '../shared/money.ts';
import { attentionView, type AttentionView } from './attention.ts';
import { editUrl, personName, sitePathOf, type SiteData } from './site.ts';

type Named = { id: string; name: string };
type Link = { text: string; href: string | undefined };

/** What every section component of the account page is given. */
export interface PlanSectionProps {
  account: AccountEntry;
  /** The plan's own currency: its figures are shown as written. */
  currency: string;
  /** A person's name by id, from team.yaml. */
  personName: (id: string) => string;
  /** Offering names by id, from workspace.yaml. */
  offeringName: (id: string) => string;
  /** Prepended to section ids where several plans share one page (the quarterly pack); none on the account page. */
  idPrefix?: string;
}

/** One account's page: its figures, family, profile, narrative and what the rules found. */
export interface AccountView {
  name: string;
  status: string;
  strategy: string;
  tier: string;
  strategic: boolean;
  owner: Named;
  sponsor: Named | undefined;
  dimensions: { name: string; value: string }[];
  /** "Reviewed 2026-09-01" or "Never reviewed". */
  reviewed: string;
  /** When the plan's file was last committed (the date only: a commit message is nobody's reviewed text). */
  updated: { date: string } | undefined;
  edit: string | undefined;
  /** A CRM id, linked only when its URL is http(s). */
  crm: Link | undefined;
  file: string;
  /** The key numbers above the chart, each a label and a formatted figure. */
  numbers: Record<'sold' | 'forecast' | 'counted' | 'stretch' | 'confidence' | 'shareOfWallet', { label: string; value: string }>;
  revenue: {
    svg: string | undefined;
    series: readonly { key: string; label: string }[];
    /** `source` says where the sold figure comes from: the sales ledger, the plan's own history, or nowhere (a dash). */
    rows: { year: string; sold: string; source: string; forecast: string; weighted: string; stretch: string }[];
    /** Said when the plan is written in another currency than the workspace. */
    converted: string | undefined;
  } | undefined;
  /** This year by quarter, booked in the sales ledger against the counted forecast; undefined without a ledger. */
  booked: { year: string; through: string | undefined; rows: { period: string; booked: string; forecast: string }[] } | undefined;
  stakeholders: readonly Stakeholder[];
  /** The buying-decision chart and its legend; undefined without stakeholders. */
  buyingDecision: BuyingDecisionView | undefined;
  /**
   * What they buy: `split` says whether the plan's typed history gives products or margins; `ledger` is what the sales
   * ledger booked by fiscal year and product (in the workspace currency), undefined without a row for this account.
   */
  wallet: { split: boolean; ledger: { currency: string; rows: { year: string; product: string; revenue: string; margin: string }[] } | undefined; answers: { question: string; answer: string }[] };
  buyingProcess: { summary: string | undefined; budgetCycle: string | undefined; criteria: string | undefined; steps: string[] } | undefined;
  family: { parent: Named | undefined; subsidiaries: Named[]; sentence: string | undefined } | undefined;
  profile: { line: string; website: Link | undefined; strategy: string | undefined; markets: string | undefined; size: string | undefined } | undefined;
  /** The offerings of workspace.yaml against the plan's penetration; undefined when there are no offerings. */
  whitespace: { offerings: readonly Offering[]; penetration: readonly Penetration[] } | undefined;
  /** The props of the plan-section components (AccountWallet, AccountExecution, AccountStrategy, Whitespace). */
  section: PlanSectionProps;
  health: { score: number; rating: string; badge: 'ok' | 'warn' | 'bad'; completeness: string; missing: string | undefined } | undefined;
  attention: AttentionView;
}

/** The Mermaid chart of who decides, with one legend entry per colour (stance) and per shape (role). */
export interface BuyingDecisionView {
  code: string;
  stances: { stance: string; fill: string; stroke: string }[];
  /** Each shape with every role drawn with it: "rect: economic-buyer, user". */
  shapes: { shape: string; roles: string }[];
  /** Stakeholders nobody on our side covers. */
  uncovered: number;
}

export function buyingDecisionView(stakeholders: readonly Stakeholder[], personName: (id: string) => string): BuyingDecisionView {
  const shapes = new Map<string, string[]>();
  for (const s of ROLE_SHAPES) shapes.set(s.shape, [...(shapes.get(s.shape) ?? []), s.role === 'none' ? 'no role given' : s.role]);
  return {
    code: renderBuyingDecisionChart(stakeholders, { personName }),
    stances: Object.entries(STANCE_STYLES).map(([stance, style]) => ({ stance, fill: style.fill, stroke: style.stroke })),
    shapes: [...shapes].map(([shape, roles]) => ({ shape, roles: roles.join(', ') })),
    uncovered: stakeholders.filter((s) => s.relationship === undefined).length,
  };
}

const RATING_BADGE = { good: 'ok', fair: 'warn', poor: 'bad' } as const;

export function accountView(data: SiteData, id: string): AccountView {
  const { ws, revenue, rollup } = data;
  const account = ws.accountById.get(id);
  if (!account) throw new Error(`No account ${id}`);
  const { plan } = account;
  const currency = rollup.currency;
  const planCurrency = plan.currency ?? currency;
  const money = (n: number) => formatMoney(n, currency);
  const year = revenue.currentYear;
  const totals = data.totals.get(id);
  const points = totals ? revenueByYear(totals) : [];
  const thisYear = points.find((p) => p.year === year);
  const own = revenue.byAccount.get(id);
  const recorded = {
    sold: (y: string) => totals !== undefined && ownValue(totals.history, y) !== undefined,
    forecast: (y: string) => totals !== undefined && ownValue(totals.forecastByYear, y) !== undefined,
    stretch: (y: string) => totals !== undefined && Object.keys(totals.stretch).some((p) => yearOf(p) === y),
  };
  const orDash = (known: boolean, n: number) => (known ? money(n) : NO_DATA);
  const offerings = new Map(ws.settings.offerings.map((o) => [o.id, o.name]));
  const named = (a: AccountEntry): Named => ({ id: a.id, name: a.plan.name });
  const updated = data.history.byFile.get(account.rel);
  const health = data.findings.health.get(id);
  return {
    name: plan.name,
    status: plan.status,
    strategy: plan.strategy,
    tier: tierLabel(data.tiers.get(id) ?? 'D', plan.tier),
    strategic: plan.strategic === true,
    owner: { id: plan.owner, name: personName(ws, plan.owner) },
    sponsor: plan.exec_sponsor === undefined ? undefined : { id: plan.exec_sponsor, name: personName(ws, plan.exec_sponsor) },
    dimensions: Object.entries(plan.dimensions).map(([name, value]) => ({ name, value })),
    reviewed: plan.last_reviewed ? `Reviewed ${plan.last_reviewed}` : 'Never reviewed',
    updated: updated && { date: updated.date },
    edit: editUrl(data, account),
    crm: plan.crm && { text: plan.crm.id, href: safeExternalHref(plan.crm.url) },
    file: sitePathOf(data, account.rel),
    numbers: {
      sold: { label: `Sold ${revenue.lastYear}`, value: orDash(recorded.sold(revenue.lastYear), own?.lastYear ?? 0) },
      forecast: { label: `Forecast ${year}`, value: orDash(recorded.forecast(year), thisYear?.forecast ?? 0) },
      counted: { label: `Counted ${year}${countingTag(rollup.count)}`, value: orDash(recorded.forecast(year), own?.planned ?? 0) },
      stretch: { label: `Stretch ${year}`, value: orDash(recorded.stretch(year), thisYear?.stretch ?? 0) },
      confidence: { label: 'Confidence', value: totals?.confidence !== undefined ? formatPercent(totals.confidence) : '—' },
      shareOfWallet: { label: 'Share of wallet', value: plan.share_of_wallet !== undefined ? formatPercent(plan.share_of_wallet) : '—' },
    },
    revenue: points.length === 0 ? undefined : {
      svg: renderRevenueSvg(points, compactMoney(currency)),
      series: REVENUE_SERIES,
      // A dash where the plan records nothing for the year: "$0 sold" would read as a year without sales.
      rows: points.map((p) => ({
        year: p.year,
        sold: orDash(recorded.sold(p.year), p.history),
        source: historySource(totals, plan.history, p.year),
        forecast: orDash(recorded.forecast(p.year), p.forecast),
        weighted: orDash(recorded.forecast(p.year), p.weighted),
        stretch: orDash(recorded.stretch(p.year), p.stretch),
      })),
      converted: planCurrency === currency ? undefined : `The plan is written in ${planCurrency}; figures are converted to ${currency} at the workspace rate.`,
    },
    booked: ws.ledger && totals && {
      year,
      through: ws.ledger.through,
      rows: bookedByQuarter(totals, ws.ledger.clients.get(id), year, rollup.count).map((q) => ({ period: q.period, booked: money(q.booked), forecast: money(q.forecast) })),
    },
    stakeholders: plan.stakeholders,
    buyingDecision: plan.stakeholders.length === 0 ? undefined : buyingDecisionView(plan.stakeholders, (p) => personName(ws, p)),
    wallet: {
      split: plan.history.some((h) => h.product !== undefined || h.margin !== undefined),
      ledger: ledgerSales(ws.ledger?.clients.get(id), currency, offerings),
      answers: plan.qualification === undefined ? [] : Object.entries(QUALIFICATION_QUESTIONS).map(([key, question]) => {
        const answer = plan.qualification?.[key as keyof typeof QUALIFICATION_QUESTIONS];
        return { question, answer: answer === undefined ? 'not answered' : answer ? 'yes' : 'no' };
      }),
    },
    buyingProcess: plan.buying_process && {
      summary: plan.buying_process.summary,
      budgetCycle: plan.buying_process.budget_cycle,
      criteria: plan.buying_process.criteria.length > 0 ? `They judge suppliers on: ${plan.buying_process.criteria.join('; ')}.` : undefined,
      steps: plan.buying_process.steps.map((s) => {
        const owner = s.owner && ` (${plan.stakeholders.find((x) => x.id === s.owner)?.name ?? s.owner})`;
        return `${s.name}${owner || ''}${s.weeks !== undefined ? `, about ${s.weeks} weeks` : ''}`;
      }),
    },
    family: familyOf(data, account, named),
    profile: plan.profile && {
      line: [plan.profile.industry, plan.profile.headquarters].filter(Boolean).join(' · '),
      website: plan.profile.website === undefined ? undefined : { text: plan.profile.website, href: safeExternalHref(plan.profile.website) },
      strategy: plan.profile.strategy,
      markets: plan.profile.markets.length > 0 ? `Markets: ${plan.profile.markets.join(', ')}.` : undefined,
      size: plan.profile.size.length === 0 ? undefined : plan.profile.size
        .map((y) => `${y.year}: ${[y.revenue !== undefined && formatMoney(y.revenue, planCurrency) + ' revenue', y.employees !== undefined && `${y.employees.toLocaleString('en-US')} employees`].filter(Boolean).join(', ')}`)
        .join(' · '),
    },
    whitespace: ws.settings.offerings.length === 0 ? undefined : { offerings: ws.settings.offerings, penetration: plan.penetration },
    section: { account, currency: planCurrency, personName: (p) => personName(ws, p), offeringName: (o) => offerings.get(o) ?? o },
    health: health && {
      score: health.score,
      rating: health.rating,
      badge: RATING_BADGE[health.rating],
      completeness: formatPercent(health.completeness),
      missing: missingParts(health.parts),
    },
    attention: attentionView(data, data.findings.byAccount.get(id) ?? []),
  };
}

/** The parent, and the family the rollup summed (rollup.families), with its forecast counted as the goals count it. */
function familyOf(data: SiteData, account: AccountEntry, named: (a: AccountEntry) => Named): AccountView['family'] {
  const { ws, rollup, revenue } = data;
  const parentPlan = account.plan.parent === undefined ? undefined : ws.accountById.get(account.plan.parent);
  const family = data.index.familyOf.get(account.id);
  // Its direct subsidiaries: each of them with subsidiaries of its own lists those on its page.
  const subsidiaries = (family?.children ?? []).flatMap((m) => {
    const a = ws.accountById.get(m);
    return a ? [named(a)] : [];
  });
  if (!parentPlan && subsidiaries.length === 0) return undefined;
  const year = family?.forecastByYear[revenue.currentYear];
  const planned = year && counted(year, rollup.count);
  return {
    parent: parentPlan && named(parentPlan),
    subsidiaries,
    sentence: family && planned !== undefined
      ? `The family plans ${formatMoney(planned, rollup.currency)} in ${revenue.currentYear} across ${family.size + 1} accounts, ${forecastCounting(rollup.count)}.`
      : undefined,
  };
}

/**
 * The ledger's sales by year and product as the page lists them; a row without a product says so. A year in which no
 * row of the client gives a margin shows none (—), not a margin of 0.
 */
function ledgerSales(client: LedgerClient | undefined, currency: string, offerings: ReadonlyMap<string, string>): AccountView['wallet']['ledger'] {
  const rows = ledgerByYearProduct(client);
  if (rows.length === 0) return undefined;
  const money = (n: number) => formatMoney(n, currency);
  const margin = (r: (typeof rows)[number]) => (client?.marginYears.has(r.year) ? money(r.margin) : '—');
  return { currency, rows: rows.map((r) => ({ year: r.year, product: r.product === '' ? 'no product given' : offerings.get(r.product) ?? r.product, revenue: money(r.revenue), margin: margin(r) })) };
}

/** The parts the plan is expected to fill and leaves empty, as health scored them: "buying process, swot". */
function missingParts(parts: readonly { name: string; expected: boolean; filled: boolean }[]): string | undefined {
  const missing = parts.filter((p) => p.expected && !p.filled).map((p) => p.name.replace(/_/g, ' '));
  return missing.length > 0 ? missing.join(', ') : undefined;
}

/** Where a year's sold figure comes from, said beside it: the ledger wins for the years it covers. */
function historySource(totals: { historyFromLedger?: string[] } | undefined, history: readonly { period: string }[], year: string): string {
  if (totals?.historyFromLedger?.includes(year)) return 'sales ledger';
  return history.some((h) => h.period.startsWith(year)) ? 'plan history' : NO_DATA;
}
