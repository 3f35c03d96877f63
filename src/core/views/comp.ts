import type { AtThree, CompPerson } from '../comp/comp.ts';
import { NO_DATA } from '../report/sentences.ts';
import { pushTo } from '../shared/group.ts';
import { formatMoney, formatPercent } from '../shared/money.ts';
import { personName, type SiteData } from './site.ts';

/** Which of the three figures the site leads with: landing with a sales ledger, planned without (as the goals do). */
export type CompMeasureOf = 'landing' | 'planned';

const MEASURE_LABELS = { 'own-revenue': 'Own revenue', 'team-revenue': 'Team revenue', objectives: 'Objectives' } as const;

/** One person of comp.yaml as the site shows them: attainment always, pay only when `site.show_pay` is true. */
export interface CompRow {
  person: string;
  name: string;
  plan: string;
  period: string;
  /** Σ weight × attainment at the lead figure, as "104%" (a dash when a measure has none). */
  attainment: string;
  /** The same as a number, to sort by; undefined when a measure has none. */
  attainmentValue: number | undefined;
  measures: { label: string; weight: string; planned: string; landing: string; booked: string }[];
  /** Present only when the workspace says `site: { show_pay: true }`: the payout at planned, landing and booked. */
  pay?: { planned: string; landing: string; booked: string };
  /** The payout at the lead figure, when pay is shown. */
  payLead?: string;
}

export interface CompView {
  /** "landing" with a sales ledger, "planned" without. */
  leadBy: CompMeasureOf;
  showPay: boolean;
  rows: CompRow[];
  /** Each person's rows (one per comp plan, so one per period). */
  byPerson: ReadonlyMap<string, readonly CompRow[]>;
}

/** Σ weight × attainment at one figure; undefined when a measure has no attainment there. */
export function weightedAttainment(c: CompPerson, at: keyof AtThree): number | undefined {
  let sum = 0;
  for (const m of c.measures) {
    const a = m.attainment[at];
    if (a === null) return undefined;
    sum += m.weight * a;
  }
  return sum;
}

/**
 * The site's view of comp.yaml, or undefined without it. Pay is sensitive (README "Compensation"): without
 * `site.show_pay: true` no payout leaves core for the site, so no page, download or search index can hold one.
 */
export function compView(data: SiteData): CompView | undefined {
  if (!data.ws.comp) return undefined;
  const leadBy: CompMeasureOf = data.ws.ledger ? 'landing' : 'planned';
  const showPay = data.ws.settings.site?.show_pay === true;
  const percent = (n: number | null) => (n === null ? NO_DATA : formatPercent(n));
  const money = (n: number | null) => (n === null ? NO_DATA : formatMoney(n, data.rollup.currency));
  const rows = data.comp.map((c): CompRow => {
    const attainmentValue = weightedAttainment(c, leadBy);
    return {
      person: c.person,
      name: personName(data.ws, c.person),
      plan: c.plan,
      period: c.period,
      attainment: attainmentValue === undefined ? NO_DATA : formatPercent(attainmentValue),
      attainmentValue,
      measures: c.measures.map((m) => ({
        label: MEASURE_LABELS[m.measure],
        weight: formatPercent(m.weight),
        planned: percent(m.attainment.planned),
        landing: percent(m.attainment.landing),
        booked: percent(m.attainment.booked),
      })),
      ...(showPay && { pay: { planned: money(c.payout.planned), landing: money(c.payout.landing), booked: money(c.payout.booked) }, payLead: money(c.payout[leadBy]) }),
    };
  });
  const byPerson = new Map<string, CompRow[]>();
  for (const r of rows) pushTo(byPerson, r.person, r);
  return { leadBy, showPay, rows, byPerson };
}
