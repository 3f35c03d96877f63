import type { WorkspaceSettings } from '../../../schemas/index.ts';
import { ownValue } from './own.ts';

/** The minus sign used in every shown amount: a real minus reads better than a hyphen in tables. */
const MINUS = '\u2212';

type Rates = Pick<WorkspaceSettings, 'currency' | 'fx'>;

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, signed: boolean): Intl.NumberFormat {
  const key = `${currency}|${signed}`;
  let f = formatters.get(key);
  if (!f) {
    // en-US so that the CLI, the step summary and the site print the same text on every machine.
    f = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    formatters.set(key, f);
  }
  return f;
}

/** Axis labels of the charts: "$1.2M". */
export function compactMoney(currency: string): (n: number) => string {
  // One formatter per currency for the build: creating one per page cost about 0.3 ms each.
  let compact = COMPACT.get(currency);
  if (!compact) COMPACT.set(currency, (compact = new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 })));
  return (n) => compact.format(n).replace('-', MINUS);
}

const COMPACT = new Map<string, Intl.NumberFormat>();

/** $1,250,000 — whole units in the given currency; negative amounts carry a minus sign. */
export function formatMoney(amount: number, currency: string): string {
  return formatterFor(currency, false).format(amount).replace('-', MINUS);
}

/** +$250,000 or −$500,000: a change, always signed (zero stays $0). */
export function formatChange(amount: number, currency: string): string {
  return formatterFor(currency, true).format(amount).replace('-', MINUS);
}

/** 92% — a coverage or confidence as a whole percentage. */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${Math.round(fraction * 100)}%`;
}

/** How many workspace-currency units one unit of `currency` is worth (1 when it is the workspace currency). */
export function rateOf(settings: Rates, currency: string | undefined): number {
  if (currency === undefined || currency === settings.currency) return 1;
  const rate = ownValue(settings.fx, currency);
  // link.ts refuses a plan currency without a rate, so a missing rate here is a bug upstream.
  if (rate === undefined) throw new Error(`no exchange rate for ${currency} into ${settings.currency}`);
  return rate;
}

/** An amount written in a plan, converted into the workspace currency with the workspace's fx rates. */
export function toWorkspaceCurrency(amount: number, plan: { currency?: string | undefined }, settings: Rates): number {
  return roundCents(amount * rateOf(settings, plan.currency));
}

/** Sums of converted and weighted amounts drift in the last bits (0.1 + 0.2); cents are the precision that matters. */
export function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
