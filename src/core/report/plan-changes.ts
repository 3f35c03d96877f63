import type { AccountPlan } from '../../../schemas/index.ts';
import { comparePeriods } from '../shared/periods.ts';
import { formatMoney } from '../shared/money.ts';

const OPEN = new Set(['planned', 'in-progress', 'blocked']);

/**
 * What changed in a plan between two versions, one sentence each, in the order a reviewer reads a plan:
 * the forecast by period (as written, in the plan's currency), stakeholders added or removed, stance
 * changes, actions opened and closed. Stakeholders are matched by id; actions by their `id` when both versions
 * have one (so a reworded action is not read as one closed and one opened), else by description. Sentences carry plan text: the page escapes them as it escapes any plan text.
 */
export function describePlanChanges(before: AccountPlan, after: AccountPlan, workspaceCurrency: string): string[] {
  const lines: string[] = [];
  const money = (plan: AccountPlan, n: number | undefined) => (n === undefined ? 'none' : formatMoney(n, plan.currency ?? workspaceCurrency));
  const was = forecastByPeriod(before);
  const now = forecastByPeriod(after);
  for (const period of [...new Set([...was.keys(), ...now.keys()])].sort(comparePeriods)) {
    const a = was.get(period);
    const b = now.get(period);
    if (a === b && (before.currency ?? '') === (after.currency ?? '')) continue;
    lines.push(`Forecast ${period}: ${money(before, a)} → ${money(after, b)}.`);
  }
  const people = new Map(before.stakeholders.map((s) => [s.id, s]));
  const staying = new Set(after.stakeholders.map((s) => s.id));
  for (const s of after.stakeholders) {
    const old = people.get(s.id);
    if (!old) lines.push(`Stakeholder added: ${s.name}${s.title ? ` (${s.title})` : ''}, ${s.stance}.`);
    else if (old.stance !== s.stance) lines.push(`${s.name}'s stance: ${old.stance} → ${s.stance}.`);
  }
  for (const s of before.stakeholders) if (!staying.has(s.id)) lines.push(`Stakeholder removed: ${s.name}${s.title ? ` (${s.title})` : ''}.`);
  const matched = matchActions(before.actions, after.actions);
  for (const a of after.actions) {
    const old = matched.get(a);
    const open = OPEN.has(a.status);
    if (!old && open) lines.push(`Action opened: ${a.description} (due ${a.due}).`);
    else if (!old) lines.push(`Action added as ${a.status}: ${a.description}.`);
    else if (OPEN.has(old.status) && !open) lines.push(`Action closed (${a.status}): ${a.description}.`);
    else if (!OPEN.has(old.status) && open) lines.push(`Action reopened: ${a.description} (due ${a.due}).`);
  }
  const kept = new Set(matched.values());
  for (const a of before.actions) if (!kept.has(a) && OPEN.has(a.status)) lines.push(`Action removed while open: ${a.description}.`);
  return lines;
}

/** Revenue by period as written, products of one period summed. */
function forecastByPeriod(plan: AccountPlan): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of plan.forecast) out.set(f.period, (out.get(f.period) ?? 0) + f.revenue);
  return out;
}

type Action = AccountPlan['actions'][number];

/** Each action now → the same action before, or nothing: by id first, then by description among those left. */
function matchActions(before: readonly Action[], after: readonly Action[]): Map<Action, Action | undefined> {
  const byId = new Map(before.flatMap((a) => (a.id === undefined ? [] : [[a.id, a] as const])));
  const taken = new Set<Action>();
  const out = new Map<Action, Action | undefined>();
  for (const a of after) {
    const old = a.id === undefined ? undefined : byId.get(a.id);
    if (old) taken.add(old);
    out.set(a, old);
  }
  for (const a of after) {
    if (out.get(a)) continue;
    const old = before.find((b) => !taken.has(b) && b.description === a.description && (a.id === undefined || b.id === undefined));
    if (old) taken.add(old);
    out.set(a, old);
  }
  return out;
}
