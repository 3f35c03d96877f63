import type { ChangesSince } from '../engine/since.ts';
import type { Finding } from '../rules/finding.ts';
import { describeStatusChange } from '../rollup/diff.ts';
import { formatChange, formatMoney } from '../shared/money.ts';
import { accountName, personName, type SiteData } from './site.ts';

/** How far back the changes page looks, and the home page's first window. */
export const CHANGE_WINDOWS = [7, 30] as const;

export interface ChangedGoal {
  label: string;
  /** Planned then and now, formatted; "—" where the goal did not exist. */
  then: string;
  now: string;
  /** "+$120,000", or "$0" when only the status turned. */
  change: string;
  /** "short → met", "met → short", or undefined when the status held. */
  turn: string | undefined;
  /**
   * With a sales ledger: where the goal lands then and now (core's `goals[].landing`, booked plus forecast to come),
   * "$2,100,000 → $2,086,475", with "lands short" when it lands short now; undefined without a ledger.
   */
  landing: string | undefined;
  /** The plans that moved it, largest change first: name and amount. */
  movers: { account: string | undefined; name: string; change: string }[];
  /** The goal in one line, for the home page: "FY2027 company: $1,000 → $1,200 (+$200), short → met; most by Acme +$200". */
  brief: string;
}

export interface ChangedFinding {
  account: string | undefined;
  /** The account's name, or the person's for a finding about no plan. */
  about: string;
  rule: string;
  message: string;
}

/** One window of the changes page ("since 7 days ago"), every figure formatted, every name resolved. */
export interface ChangesWindowView {
  days: number;
  heading: string;
  /** The home page's heading: "What changed since 2026-02-18 (7 days ago)". */
  briefHeading: string;
  /** What the figures are compared with, or why there is nothing to compare with. */
  basis: string;
  available: boolean;
  /** Whether any goal has a landing (then or now): the page shows the Landing column. */
  hasLanding: boolean;
  /** "2 goals moved, 1 plan added, 3 findings opened", or "Nothing changed in the plans." */
  summary: string;
  goals: ChangedGoal[];
  becameMet: string[];
  becameShort: string[];
  added: { account: string; name: string }[];
  removed: string[];
  renamed: { account: string; from: string; name: string }[];
  handovers: { account: string; name: string; from: string; to: string }[];
  opened: ChangedFinding[];
  resolved: ChangedFinding[];
}

/**
 * What changed as a leader reads it: the goals whose planned total moved or whose status turned, the plans that
 * moved them by name and amount, plans added, removed and renamed, owners handed over, findings opened and resolved.
 * Names are plan text: the page escapes them as it escapes any plan text.
 */
export function changesWindowView(data: SiteData, c: ChangesSince): ChangesWindowView {
  const { ws } = data;
  const currency = data.rollup.currency;
  const money = (n: number | null) => (n === null ? '—' : formatMoney(n, currency));
  const ago = `${c.date} (${c.days} days ago)`;
  const heading = `Since ${ago}`;
  const base = { days: c.days, heading, briefHeading: `What changed since ${ago}`, hasLanding: false, goals: [], becameMet: [], becameShort: [], added: [], removed: [], renamed: [], handovers: [], opened: [], resolved: [] };
  if (c.unavailable !== undefined || !c.commit) return { ...base, available: false, basis: c.unavailable ?? '', summary: c.unavailable ?? '' };
  const goals: ChangedGoal[] = c.goals
    .filter((g) => g.change !== 0 || g.metBefore !== g.metAfter || (g.landing !== undefined && (g.landing.before !== g.landing.after || g.landing.metBefore !== g.landing.metAfter)))
    .map((g) => {
      const then = money(g.before);
      const now = money(g.after);
      const change = formatChange(g.change, currency);
      const turn = g.metBefore === g.metAfter || g.metBefore === null || g.metAfter === null ? undefined : describeStatusChange(g, 'short');
      const movers = g.movers.map((m) => ({
        account: ws.accountById.has(m.account) ? m.account : undefined,
        name: accountName(ws, m.account),
        change: formatChange(m.change, currency),
      }));
      const most = movers[0];
      return {
        label: g.label,
        then,
        now,
        change,
        turn,
        landing: g.landing && `${money(g.landing.before)} → ${money(g.landing.after)}${g.landing.metAfter === false ? ' (lands short)' : ''}`,
        movers,
        brief: `${g.label}: ${then} → ${now} (${change})${turn ? `, ${turn}` : ''}${most ? `; most by ${most.name} ${most.change}` : ''}`,
      };
    });
  const turned = c.goals.filter((g) => g.metBefore !== null && g.metAfter !== null && g.metBefore !== g.metAfter);
  const finding = (f: Finding): ChangedFinding => ({
    account: f.account !== undefined && ws.accountById.has(f.account) ? f.account : undefined,
    about: f.account !== undefined ? accountName(ws, f.account) : f.person !== undefined ? personName(ws, f.person) : '',
    rule: f.rule,
    message: f.message,
  });
  const view: ChangesWindowView = {
    ...base,
    available: true,
    hasLanding: goals.some((g) => g.landing !== undefined),
    basis: `Compared with the plans as committed on ${c.commit.date} (commit ${c.commit.hash.slice(0, 8)}), the last commit on or before ${c.date}.`,
    summary: '',
    goals,
    becameMet: turned.filter((g) => g.metAfter).map((g) => g.label),
    becameShort: turned.filter((g) => !g.metAfter).map((g) => g.label),
    added: c.added.map((id) => ({ account: id, name: accountName(ws, id) })),
    removed: c.removed.map((r) => r.name),
    renamed: c.renamed.map((r) => ({ account: r.to, from: r.from, name: accountName(ws, r.to) })),
    handovers: c.handovers.map((h) => ({ account: h.account, name: accountName(ws, h.account), from: personName(ws, h.from), to: personName(ws, h.to) })),
    opened: c.opened.map(finding),
    resolved: c.resolved.map(finding),
  };
  return { ...view, summary: summarise(view) };
}

function summarise(v: ChangesWindowView): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const parts = [
    v.goals.length > 0 && `${n(v.goals.length, 'goal')} moved`,
    v.becameMet.length > 0 && `${n(v.becameMet.length, 'goal')} became met`,
    v.becameShort.length > 0 && `${n(v.becameShort.length, 'goal')} became short`,
    v.added.length > 0 && `${n(v.added.length, 'plan')} added`,
    v.removed.length > 0 && `${n(v.removed.length, 'plan')} removed`,
    v.renamed.length > 0 && `${n(v.renamed.length, 'plan')} renamed`,
    v.handovers.length > 0 && `${n(v.handovers.length, 'plan')} handed to another owner`,
    v.opened.length > 0 && `${n(v.opened.length, 'finding')} opened`,
    v.resolved.length > 0 && `${n(v.resolved.length, 'finding')} resolved`,
  ].filter((p): p is string => typeof p === 'string');
  return parts.length === 0 ? 'Nothing changed in the plans.' : `${parts.join(', ')}.`.replace(/^./, (c) => c.toUpperCase());
}
