/**
 * Sentences that both the terminal (check, the step summary) and the site show. Each is written once here,
 * so the two cannot drift apart; callers only place them. It imports only shared/, so every layer above may use it.
 */
import { formatChange, formatMoney, formatPercent } from '../shared/money.ts';
import type { Text } from './text.ts';
import { accountName, type Explanation, type Handover, type Names } from './explain.ts';

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

/** "Vestmark Pharma", "Vestmark Pharma and Kaito Precision", "A, B and C". */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Past this many, the plans that made a goal worse are counted: a note naming hundreds stays one line. */
const NAMED_LIMIT = 10;

function namesList(ids: readonly string[], names: Names | undefined, handovers: readonly Handover[]): string {
  const shown = ids.slice(0, NAMED_LIMIT).map((id) => {
    const h = handovers.find((x) => x.account === id);
    return h ? `the handover of ${h.name} (${h.fromName} → ${h.toName})` : accountName(names, id);
  });
  return listOf(ids.length > NAMED_LIMIT ? [...shown, `${ids.length - NAMED_LIMIT} more plans`] : shown);
}

/**
 * What made a goal worse and what the change's notes say of it: "made worse by Vestmark Pharma, explained in
 * plans/changes/x.yaml: Vestmark froze…", or what no note explains and how to write one.
 */
export function describeExplanation(e: Explanation, c: { targetBefore: number | null; targetAfter: number | null } | undefined, label: string, names: Names | undefined, notesFolder: string, handovers: readonly Handover[] = []): string {
  const causes: string[] = [];
  if (e.worsenedBy.length > 0) causes.push(namesList(e.worsenedBy, names, handovers));
  if (e.goalNamed) causes.push(c?.targetBefore === null || c === undefined ? 'the goal added in goals.yaml' : (c.targetAfter ?? 0) > c.targetBefore ? 'its target raised in goals.yaml' : 'a change outside the plans (its scope or the settings)');
  const parts = [`made worse by ${listOf(causes)}`];
  for (const n of e.explainedBy) parts.push(`explained in ${n.file}: ${n.reason.replace(/[.\s]+$/, '')}`);
  const missing = [...e.unexplained.accounts.slice(0, NAMED_LIMIT), ...(e.unexplained.goal ? [`"${label}" (under goals:)`] : [])];
  if (e.unexplained.accounts.length > NAMED_LIMIT) missing.push(`${e.unexplained.accounts.length - NAMED_LIMIT} more plans`);
  if (missing.length > 0) {
    const what = e.explainedBy.length > 0 ? 'the rest' : 'it';
    parts.push(`no note in this change explains ${what}: if it is true, add ${notesFolder}<name>.yaml naming ${listOf(missing)} with the reason`);
  }
  return parts.join('; ');
}

/**
 * "Handover: Halberd Coatings, Priya Raman → Jake Morrow: FY2027 owner: Priya Raman −$622,500 (met → missed);
 * FY2027 owner: Jake Morrow +$622,500. The company and dimension totals are unchanged."
 */
export function describeHandover(h: Handover, currency: string): Text {
  const effects = h.effects.slice(0, 6).map((e) => `${e.label} ${formatChange(e.change, currency)}${e.metBefore !== null && e.metBefore !== e.metAfter ? ` (${e.metBefore ? 'met → missed' : 'missed → met'})` : ''}`);
  if (h.effects.length > 6) effects.push(`${h.effects.length - 6} more goals`);
  return [
    { strong: 'Handover' },
    `: ${h.name} (`,
    { code: h.account },
    `), ${h.fromName} → ${h.toName}`,
    effects.length > 0 ? `: ${effects.join('; ')}.` : '; it moves no goal.',
    ...(h.othersUnchanged ? [' The company and dimension totals are unchanged.'] : []),
  ];
}
