import type { AccountEntry, Workspace } from '../model.ts';
import type { GoalChange } from '../rollup/diff.ts';
import type { Rollup } from '../rollup/rollup.ts';
import { goalKey } from '../rollup/scope.ts';
import { roundCents } from '../shared/money.ts';

/**
 * Change notes and handovers: what a change did besides moving totals, and why. A note (changes/*.yaml) added or
 * edited by the change explains the worsening of the goals whose lowered plans it names (or, for a raised target,
 * the goal it names); a handover is a plan whose owner changed.
 */

/** A change note the change added or edited, as every report names it. */
export interface ChangeNoteRef {
  /** The note's path as the user opens it: plans/changes/vestmark-budget-freeze.yaml. */
  file: string;
  accounts: string[];
  goals: string[];
  reason: string;
}

/** One goal a handover moved: the plan's share of it before and after. */
export interface HandoverEffect {
  label: string;
  before: number;
  after: number;
  change: number;
  metBefore: boolean | null;
  metAfter: boolean | null;
}

/** A plan whose owner the change changed. */
export interface Handover {
  account: string;
  /** The account's name, with its id where two plans share the name. */
  name: string;
  from: string;
  to: string;
  fromName: string;
  toName: string;
  /** The goals whose total the plan moved (owners' and managers' goals; the company's too when its forecast changed as well). */
  effects: HandoverEffect[];
  /** Whether every goal that is not an owner's or manager's kept this plan's total (company and dimensions unchanged). */
  othersUnchanged: boolean;
}

/** Names for ids: account id → name (with the id where two plans share a name), person id → name. */
export interface Names {
  accounts: Record<string, string>;
  people: Record<string, string>;
}

/** How a worsened goal stands against the notes of the change. */
export interface Explanation {
  /** The plans whose change lowered the goal's planned total, by id, largest fall first. */
  worsenedBy: string[];
  /** Whether the goal itself must be named: its target rose, it is new, or no plan lowered it (a setting did). */
  goalNamed: boolean;
  /** The notes of the change that explain part of it. */
  explainedBy: ChangeNoteRef[];
  /** What no note explains: account ids, and whether the goal itself is still to be named. */
  unexplained: { accounts: string[]; goal: boolean };
}

function own(record: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An account's name as reports print it, falling back to its id. */
export function accountName(names: Names | undefined, id: string): string {
  return (names && own(names.accounts, id)) ?? id;
}

export function personName(names: Names | undefined, id: string): string {
  return (names && own(names.people, id)) ?? id;
}

/** The names of both sides' accounts and people; a name two plans share gets the id beside it. */
export function namesOf(head: Workspace, base?: Workspace): Names {
  const ids = new Map<string, string>();
  for (const ws of [base, head]) for (const a of ws?.accounts ?? []) ids.set(a.id, a.plan.name);
  const count = new Map<string, number>();
  for (const name of ids.values()) count.set(name, (count.get(name) ?? 0) + 1);
  const people = new Map<string, string>();
  for (const ws of [base, head]) for (const p of ws?.people ?? []) people.set(p.id, p.name);
  return {
    accounts: Object.fromEntries([...ids].map(([id, name]) => [id, (count.get(name) ?? 0) > 1 ? `${name} (${id})` : name])),
    people: Object.fromEntries(people),
  };
}

/** The notes the change added or edited (the files git saw touched since the merge base); older notes explain nothing new. */
export function notesOfChange(head: Workspace, touched: readonly string[]): ChangeNoteRef[] {
  const files = new Set(touched);
  return head.notes.filter((n) => files.has(n.file)).map((n) => ({ file: n.file, accounts: n.note.accounts, goals: n.note.goals, reason: n.note.reason }));
}

/** Plans whose owner changed between the base and the head (a renamed plan by its new id), with their effect on the goals. */
/** The plans whose owner changed between two workspaces, renames followed: each as it was and as it is, in the head's order. */
export function ownerChanges(base: Workspace, head: Workspace, renames: ReadonlyMap<string, string>): { before: AccountEntry; after: AccountEntry }[] {
  const back = new Map([...renames].map(([from, to]) => [to, from]));
  return head.accounts.flatMap((after) => {
    const before = base.accountById.get(back.get(after.id) ?? after.id);
    return before && before.plan.owner !== after.plan.owner ? [{ before, after }] : [];
  });
}

export function findHandovers(base: { ws: Workspace; rollup: Rollup }, head: { ws: Workspace; rollup: Rollup }, renames: ReadonlyMap<string, string>, names: Names): Handover[] {
  const out: Handover[] = [];
  const baseGoals = new Map(base.rollup.goals.map((g) => [goalKey(g), g]));
  // Each goal's contributions by account, once: a reorganisation can hand over thousands of plans.
  const shares = new Map<object, Map<string, number>>();
  const shareOf = (g: Rollup['goals'][number] | undefined, id: string): number => {
    if (!g) return 0;
    let byAccount = shares.get(g);
    if (!byAccount) shares.set(g, (byAccount = new Map(g.contributions.map((c) => [c.account, c.planned]))));
    return byAccount.get(id) ?? 0;
  };
  for (const { before, after: a } of ownerChanges(base.ws, head.ws, renames)) {
    const effects: HandoverEffect[] = [];
    let othersUnchanged = true;
    for (const g of head.rollup.goals) {
      const b = baseGoals.get(goalKey(g));
      const was = shareOf(b, before.id);
      const now = shareOf(g, a.id);
      const change = roundCents(now - was);
      if (change === 0) continue;
      if (!('owner' in g.scope) && !('manager' in g.scope)) othersUnchanged = false;
      effects.push({ label: g.label, before: b?.planned ?? 0, after: g.planned, change, metBefore: b ? b.met : null, metAfter: g.met });
    }
    out.push({
      account: a.id,
      name: accountName(names, a.id),
      from: before.plan.owner,
      to: a.plan.owner,
      fromName: personName(names, before.plan.owner),
      toName: personName(names, a.plan.owner),
      effects,
      othersUnchanged,
    });
  }
  return out;
}

/**
 * What a worsened goal needs named, and which notes of the change name it: every plan whose change lowered the
 * goal's total (a lower forecast, a plan removed or moved out of scope, a handover) by its account id, and the goal
 * by its label when its target rose, it is new, or nothing in the plans lowered it.
 */
export function explainGoal(c: GoalChange | undefined, label: string, notes: readonly ChangeNoteRef[]): Explanation {
  const worsenedBy = c?.lowered ?? [];
  const goalNamed = !c || c.targetBefore === null || (c.targetAfter ?? 0) > c.targetBefore || worsenedBy.length === 0;
  const explainedBy = notes.filter((n) => worsenedBy.some((id) => n.accounts.includes(id)) || (goalNamed && n.goals.includes(label)));
  const accounts = worsenedBy.filter((id) => !notes.some((n) => n.accounts.includes(id)));
  const goal = goalNamed && !notes.some((n) => n.goals.includes(label));
  return { worsenedBy, goalNamed, explainedBy, unexplained: { accounts, goal } };
}
