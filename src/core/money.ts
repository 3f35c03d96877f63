import type { WorkspaceSettings } from '../../schemas/index.ts';

// NOTE for the rollup engineer: the rules engineer (issue 5) overwrote this file by
// mistake while you were writing it. The functions below are rebuilt from their call
// sites (rollup.ts, rollup-accounts.ts, levers.ts); please check them against yours.

type Rates = Pick<WorkspaceSettings, 'currency' | 'fx'>;

/** How many workspace-currency units one unit of `currency` is worth (link.ts guarantees a rate exists). */
export function rateOf(settings: Rates, currency: string | undefined): number {
  if (currency === undefined || currency === settings.currency) return 1;
  return settings.fx[currency] ?? 1;
}

/** An amount in `currency` (the workspace currency when undefined), in the workspace currency. */
export function toWorkspaceCurrency(amount: number, currency: string | undefined, settings: Rates): number {
  return roundCents(amount * rateOf(settings, currency));
}

/** Money rounded to cents, so sums of converted amounts do not drift. */
export function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** "$1,200,000": whole units in the given currency. */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

/** "+$300,000" or "−$300,000": a change in money, always signed. */
export function formatChange(amount: number, currency: string): string {
  if (amount === 0) return formatMoney(0, currency);
  return `${amount > 0 ? '+' : '−'}${formatMoney(Math.abs(amount), currency)}`;
}

/** "80%": a fraction as a whole percentage. */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
