/**
 * Sentences that both the terminal (check, the step summary) and the site show. Each is written once here,
 * so the two cannot drift apart; callers only place them. It imports only shared/, so every layer above may use it.
 */
import { formatChange, formatMoney, formatPercent } from '../shared/money.ts';

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

/** With a ledger: "every goal lands on track" or "3 goals land short" (booked plus forecast to come, against the goal). */
export function landingVerdict(goals: number, short: number): string {
  if (goals === 0) return 'no goals set';
  return short === 0 ? 'every goal lands on track' : `${short} ${short === 1 ? 'goal lands' : 'goals land'} short`;
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

/** A goal's landing as the terminal table and the step summary show it: "$2,086,475 (−$113,525)", or a dash without a ledger. */
export function landingCell(landing: { revenue: number; gap: number } | undefined, currency: string): string {
  return landing ? `${formatMoney(landing.revenue, currency)} (${formatChange(landing.gap, currency)})` : NO_DATA;
}

/** "lands at $2,086,475, $113,525 short" or "lands at $19,340,322, $1,440,322 over": a goal's landing, as the home and goals pages lead with it. */
export function describeLanding(landing: { revenue: number; gap: number }, currency: string): string {
  const money = (n: number) => formatMoney(n, currency);
  return `lands at ${money(landing.revenue)}, ${landing.gap >= 0 ? `${money(landing.gap)} over` : `${money(-landing.gap)} short`}`;
}

/** How a landing stands against its goal (same tolerance as planned): "on track" or "short". */
export function landingWord(met: boolean): 'on track' | 'short' {
  return met ? 'on track' : 'short';
}

/**
 * "85% of the year gone, 86% booked": how far through its period a goal is (days elapsed as of today over the
 * days in the period) beside how much of it is booked, so a reader can tell a slow year from a late one.
 */
export function describePace(gone: number, bookedShare: number, quarter: boolean): string {
  const span = quarter ? 'quarter' : 'year';
  const time = gone >= 1 ? `the ${span} is over` : gone <= 0 ? `the ${span} has not started` : `${formatPercent(gone)} of the ${span} gone`;
  return `${time}, ${formatPercent(bookedShare)} booked`;
}

/** The sentence under a goal: what the ledger has booked, through when, and what the plans still forecast. */
export function describeBooked(booked: { revenue: number; share: number; toCome: number; through: string | undefined }, currency: string): string {
  const through = booked.through === undefined ? '' : ` through ${booked.through}`;
  return `Booked ${formatMoney(booked.revenue, currency)} (${formatPercent(booked.share)} of the goal) in the sales ledger${through}; the plans forecast ${formatMoney(booked.toCome, currency)} more to come`;
}

const NOT_WORSE = 'this change did not make it worse';

/** "FY2027 region: emea is still $401,090 short; this change did not make it worse": a missed goal the gate lets pass. */
export function describeStillShort(label: string, short: number, currency: string): string {
  return `${label} is still ${formatMoney(short, currency)} short; ${NOT_WORSE}`;
}

/**
 * The gate's sentences when it judges landing (workspace.yaml `gate_measure: landing`): each says "lands", so a
 * reader knows the figure is booked plus forecast to come, not planned.
 */
export const LANDING_VERDICT = {
  missed: (label: string, landing: number, shortfall: string, currency: string) => `${label} lands at ${formatMoney(landing, currency)}, ${shortfall}`,
  added: (label: string, short: number, currency: string) => `${label} is a new goal and lands ${formatMoney(short, currency)} short`,
  nowMissed: (label: string, short: number, currency: string) => `${label} landed on its goal and now lands ${formatMoney(short, currency)} short`,
  worse: (label: string, before: number, after: number, currency: string) => `${label} now lands ${formatMoney(after, currency)} short, ${formatMoney(after - before, currency)} more than before`,
  stillShort: (label: string, short: number, currency: string) => `${label} still lands ${formatMoney(short, currency)} short; ${NOT_WORSE}`,
};

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
