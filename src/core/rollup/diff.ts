import { formatChange, roundCents as round } from '../shared/money.ts';
import { goalKey } from './scope.ts';
import type { GoalResult, Rollup } from './rollup.ts';

/** How much one plan moved a goal's planned total between two versions of the plans. */
export interface Mover {
  account: string;
  before: number;
  after: number;
  change: number;
}

/** One goal before and after a change: the pull request's effect on the totals. */
export interface GoalChange {
  period: string;
  scope: Record<string, string>;
  label: string;
  /** Planned before the change; null when the goal did not exist then. */
  before: number | null;
  /** Planned after the change; null when the change removed the goal. */
  after: number | null;
  change: number;
  metBefore: boolean | null;
  metAfter: boolean | null;
  /** The goal's target before and after the change (null when it did not exist then). */
  targetBefore: number | null;
  targetAfter: number | null;
  /** How much planned lacked to meet the goal (its threshold), before and after: 0 when met. */
  shortBefore: number | null;
  shortAfter: number | null;
  /** The plans that moved this total, largest change first. */
  movers: Mover[];
  /** Every plan whose change lowered this total (by id, largest fall first): what a change note must name. */
  lowered?: string[];
  /** With a sales ledger: the goal's landing (booked plus forecast to come) before and after, for a gate that judges landing. */
  landing?: { before: number | null; after: number | null; metBefore: boolean | null; metAfter: boolean | null };
}

/** At most this many plans are named per goal: enough to see who moved it. */
export const MOVER_LIMIT = 5;

/** Compares every goal's planned total before and after, naming the plans that moved each one. */
export function compareRollups(before: Rollup, after: Rollup, renames: ReadonlyMap<string, string> = new Map()): GoalChange[] {
  const old = new Map(before.goals.map((g) => [goalKey(g), g]));
  const changes = after.goals.map((g) => {
    const b = old.get(goalKey(g));
    old.delete(goalKey(g));
    return compareGoal(b, g, renames);
  });
  // Goals the change removed still show, so a reviewer notices them.
  for (const b of old.values()) changes.push(compareGoal(b, undefined, renames));
  return changes;
}

/** A renamed plan's base figures count under its new id, so its totals move with it instead of showing as removed and added. */
function compareGoal(before: GoalResult | undefined, after: GoalResult | undefined, renames: ReadonlyMap<string, string>): GoalChange {
  const g = (after ?? before)!;
  const amounts = new Map<string, { before: number; after: number }>();
  for (const c of before?.contributions ?? []) {
    const account = renames.get(c.account) ?? c.account;
    amounts.set(account, { before: (amounts.get(account)?.before ?? 0) + c.planned, after: 0 });
  }
  for (const c of after?.contributions ?? []) amounts.set(c.account, { before: amounts.get(c.account)?.before ?? 0, after: c.planned });
  const moved = [...amounts]
    .map(([account, m]) => ({ account, before: m.before, after: m.after, change: round(m.after - m.before) }))
    .filter((m) => m.change !== 0)
    .sort((x, y) => Math.abs(y.change) - Math.abs(x.change) || x.account.localeCompare(y.account));
  const movers = moved.slice(0, MOVER_LIMIT);
  const lowered = moved.filter((m) => m.change < 0).map((m) => m.account);
  return {
    period: g.period,
    scope: g.scope,
    label: g.label,
    before: before ? before.planned : null,
    after: after ? after.planned : null,
    change: round((after?.planned ?? 0) - (before?.planned ?? 0)),
    metBefore: before ? before.met : null,
    metAfter: after ? after.met : null,
    targetBefore: before ? before.goal : null,
    targetAfter: after ? after.goal : null,
    shortBefore: before ? shortOf(before) : null,
    shortAfter: after ? shortOf(after) : null,
    movers,
    lowered,
    ...((before?.landing || after?.landing) && {
      landing: { before: before?.landing?.revenue ?? null, after: after?.landing?.revenue ?? null, metBefore: before?.landing?.met ?? null, metAfter: after?.landing?.met ?? null },
    }),
  };
}

function shortOf(g: GoalResult): number {
  return g.met ? 0 : round(Math.max(0, g.threshold - g.planned));
}

/** "acme: FY2027 −$500,000" — how a reviewer reads one plan's effect on a goal. */
export function describeMover(m: Mover, period: string, currency: string): string {
  return `${m.account}: ${period} ${formatChange(m.change, currency)}`;
}


/**
 * "met", "missed", or the turn a change caused: "met → missed", "missed → met". `missed` is the word for a goal not met:
 * a pull request's report says "missed", the site's pages (where the period is still running) "short".
 */
export function describeStatusChange(c: Pick<GoalChange, 'metBefore' | 'metAfter'>, missed: 'missed' | 'short' = 'missed'): string {
  const word = (met: boolean | null) => (met === null ? 'none' : met ? 'met' : missed);
  return c.metBefore === c.metAfter || c.metBefore === null ? word(c.metAfter) : `${word(c.metBefore)} → ${word(c.metAfter)}`;
}
