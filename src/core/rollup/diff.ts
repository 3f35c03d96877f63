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
  /** The plans that moved this total, largest change first. */
  movers: Mover[];
}

/** At most this many plans are named per goal: enough to see who moved it. */
export const MOVER_LIMIT = 5;

/** Compares every goal's planned total before and after, naming the plans that moved each one. */
export function compareRollups(before: Rollup, after: Rollup): GoalChange[] {
  const old = new Map(before.goals.map((g) => [goalKey(g), g]));
  const changes = after.goals.map((g) => {
    const b = old.get(goalKey(g));
    old.delete(goalKey(g));
    return compareGoal(b, g);
  });
  // Goals the change removed still show, so a reviewer notices them.
  for (const b of old.values()) changes.push(compareGoal(b, undefined));
  return changes;
}

function compareGoal(before: GoalResult | undefined, after: GoalResult | undefined): GoalChange {
  const g = (after ?? before)!;
  const amounts = new Map<string, { before: number; after: number }>();
  for (const c of before?.contributions ?? []) amounts.set(c.account, { before: c.planned, after: 0 });
  for (const c of after?.contributions ?? []) amounts.set(c.account, { before: amounts.get(c.account)?.before ?? 0, after: c.planned });
  const movers = [...amounts]
    .map(([account, m]) => ({ account, before: m.before, after: m.after, change: round(m.after - m.before) }))
    .filter((m) => m.change !== 0)
    .sort((x, y) => Math.abs(y.change) - Math.abs(x.change) || x.account.localeCompare(y.account))
    .slice(0, MOVER_LIMIT);
  return {
    period: g.period,
    scope: g.scope,
    label: g.label,
    before: before ? before.planned : null,
    after: after ? after.planned : null,
    change: round((after?.planned ?? 0) - (before?.planned ?? 0)),
    metBefore: before ? before.met : null,
    metAfter: after ? after.met : null,
    movers,
  };
}

/** "acme: FY2027 −$500,000" — how a reviewer reads one plan's effect on a goal. */
export function describeMover(m: Mover, period: string, currency: string): string {
  return `${m.account}: ${period} ${formatChange(m.change, currency)}`;
}


/** "met", "missed", or the turn a change caused: "met → missed", "missed → met". */
export function describeStatusChange(c: Pick<GoalChange, 'metBefore' | 'metAfter'>): string {
  const word = (met: boolean | null) => (met === null ? 'none' : met ? 'met' : 'missed');
  return c.metBefore === c.metAfter || c.metBefore === null ? word(c.metAfter) : `${word(c.metBefore)} → ${word(c.metAfter)}`;
}
