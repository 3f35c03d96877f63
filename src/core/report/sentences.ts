/**
 * Sentences that both the terminal (check, the step summary) and the site show. Each is written once here,
 * so the two cannot drift apart; callers only place them. It imports only shared/, so every layer above may use it.
 */
import { formatMoney, formatPercent } from '../shared/money.ts';

/** How workspace.yaml's `count` setting counts a forecast toward a goal. */
export type ForecastCount = 'full' | 'weighted';

/** How forecasts are counted, as a phrase to place inside a sentence: "forecast weighted by confidence". */
export function forecastCounting(count: ForecastCount): string {
  return count === 'weighted' ? 'forecast weighted by confidence' : 'forecast at full value';
}

/** The same, as a short tag after an amount or a label: " (weighted)" or "" when forecasts count in full. */
export function countingTag(count: ForecastCount): string {
  return count === 'weighted' ? ' (weighted)' : '';
}

/** "1 plan is" / "3 plans are": how many plans a sentence speaks of. */
export function plansAre(n: number): string {
  return `${n} ${n === 1 ? 'plan is' : 'plans are'}`;
}

/** "$401,090 short of $4,500,000; even with the 2% tolerance it needs $311,090 more": what a missed goal lacks, for check's text, the step summary, the GitHub annotation and the goals page. */
export function describeShortfall(g: { gap: number; goal: number; threshold: number; planned: number }, rollup: { currency: string; tolerance: number }): string {
  const money = (n: number) => formatMoney(n, rollup.currency);
  const tolerance = g.threshold < g.goal ? `; even with the ${formatPercent(rollup.tolerance)} tolerance it needs ${money(g.threshold - g.planned)} more` : '';
  return `${money(-g.gap)} short of ${money(g.goal)}${tolerance}`;
}

/**
 * How plans stand against a goal: "covered" or "short". Not "met", which a reader takes for "achieved";
 * the plans only promise the revenue. (`check --json` keeps its `met` field, which means the same.)
 */
export function coverageWord(met: boolean): 'covered' | 'short' {
  return met ? 'covered' : 'short';
}

/** "no goals set", "the plans cover every goal" or "2 goals are short". */
export function goalsVerdict(goals: number, short: number): string {
  if (goals === 0) return 'no goals set';
  return short === 0 ? 'the plans cover every goal' : `${short} ${short === 1 ? 'goal is' : 'goals are'} short`;
}

/** A severity as a reader says it: "info" is a note, as the terminal's counts ("0 notes") call it. */
export const SEVERITY_WORD = { error: 'error', warning: 'warning', info: 'note' } as const;

/** What a figure shows when no plan records it: a dash, never "$0", which reads as "nothing sold". */
export const NO_DATA = '—';

/** "As of 2026-11-24, built from commit 1a2b3c4d" (the commit only when the site was built in a git checkout). */
export function asOfSentence(date: string, commit: string | undefined): string {
  return commit === undefined ? `As of ${date}` : `As of ${date}, built from commit ${commit}`;
}

/** A goal's booked revenue as the terminal table and the site show it beside planned: "$820 (82%)", or a dash without a ledger. */
export function bookedCell(booked: { revenue: number; share: number } | undefined, currency: string): string {
  return booked ? `${formatMoney(booked.revenue, currency)} (${formatPercent(booked.share)})` : NO_DATA;
}

/**
 * The sentence under a goal: what the ledger has booked, through when, what of it came from clients without a plan
 * (a company or dimension total counts them, a person's or team's does not, so the rows add up once this is said),
 * and what the plans still forecast.
 */
export function describeBooked(booked: { revenue: number; share: number; toCome: number; through: string | undefined; withoutPlan?: number }, currency: string): string {
  const through = booked.through === undefined ? '' : ` through ${booked.through}`;
  return `Booked ${formatMoney(booked.revenue, currency)} (${formatPercent(booked.share)} of the goal) in the sales ledger${through}${withoutPlanClause(booked, currency)}; the plans forecast ${formatMoney(booked.toCome, currency)} more to come`;
}

/** ", $1,630,000 of it with clients without a plan", or nothing when none of it is. */
export function withoutPlanClause(booked: { withoutPlan?: number }, currency: string): string {
  return booked.withoutPlan ? `, ${formatMoney(booked.withoutPlan, currency)} of it with clients without a plan` : '';
}

/** "FY2027 region: emea is still $401,090 short; this change did not make it worse": a missed goal the gate lets pass. */
export function describeStillShort(label: string, short: number, currency: string): string {
  return `${label} is still ${formatMoney(short, currency)} short; this change did not make it worse`;
}

/** "FY2027-Q1 owner: Ann Lee was met and is now $55 short": a goal the change turned from met to missed. */
export function describeNowMissed(label: string, short: number, currency: string): string {
  return `${label} was met and is now ${formatMoney(short, currency)} short`;
}

/** "FY2027 company is now $630 short, $50 more than before": a missed goal the change moved further from its target. */
export function describeWorse(label: string, before: number, after: number, currency: string): string {
  return `${label} is now ${formatMoney(after, currency)} short, ${formatMoney(after - before, currency)} more than before`;
}

/** "FY2028 company is a new goal and $1,000 short". */
export function describeAddedMissed(label: string, short: number, currency: string): string {
  return `${label} is a new goal and ${formatMoney(short, currency)} short`;
}

/** "this change adds 1 warning and resolves 2" (info findings are called notes, as in check's summary line). */
export function describeFindingChange(added: { error: number; warning: number; info: number }, resolved: number): string {
  const parts = [
    [added.error, 'error'],
    [added.warning, 'warning'],
    [added.info, 'note'],
  ]
    .filter(([n]) => Number(n) > 0)
    .map(([n, word]) => `${n} ${word}${n === 1 ? '' : 's'}`);
  const adds = parts.length === 0 ? 'adds no finding' : `adds ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`}`;
  return `this change ${adds} and resolves ${resolved === 0 ? 'none' : resolved}`;
}

/** "main has moved on since this branch left it at 1a2b3c4d; …": said only when the change is not counted from the ref's newest commit. */
export function describeForkPoint(base: { ref: string; commit?: string | undefined; refCommit?: string | undefined }): string | undefined {
  if (base.commit === undefined || base.refCommit === undefined || base.refCommit === base.commit) return undefined;
  return `${base.ref} has moved on since this branch left it at ${base.commit.slice(0, 8)}; the change is counted from there, as the pull request's diff is`;
}
