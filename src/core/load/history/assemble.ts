import type { AccountEntry, Workspace } from '../../model.ts';
import { diagnose } from '../../diagnostics/diagnose.ts';

/** A version that did not validate: where, and what the loader said. */
export interface Failure {
  line: number;
  column: number;
  message: string;
}

/**
 * A commit's workspace, the shared files' workspace it was made from, and each plan's place in its list. `crossed`:
 * the plans whose version was left out for the other plans of the commit (a parent missing or in a circle, a twin id),
 * and why; `rebuilt`: the list was made afresh (not patched), so every plan in it was looked at.
 */
export interface Built {
  workspace: Workspace;
  shared: Workspace;
  position: ReadonlyMap<string, number>;
  crossed: ReadonlyMap<string, Failure>;
  rebuilt: boolean;
}

/**
 * The commit's workspace from its plans' results. A plan whose own version does not validate (`failing`) keeps its
 * last valid version, or is left out when it never had one. The links between plans are checked here, on every
 * commit, as a version's result (from the cache, or from another commit) was judged on its own: a plan whose version
 * fails only with the others is treated the same way (twin ids: the second in path order is left out, as `check`
 * reports it). With `built` (same plans, same shared files, nothing left out), only the `pending` plans are patched
 * into a copy of it, and only they are checked.
 */
export function assemble(
  order: readonly string[],
  current: ReadonlyMap<string, AccountEntry | Failure>,
  failing: ReadonlySet<string>,
  shared: Workspace,
  built: Built | undefined,
  pending: ReadonlySet<string>,
  lastValid: ReadonlyMap<string, AccountEntry> = new Map(),
  before: ReadonlyMap<string, Failure> = new Map(),
): Built {
  if (built && failing.size === 0 && built.crossed.size === 0) {
    const { position } = built;
    const list = built.workspace.accounts.slice();
    const byId = new Map(built.workspace.accountById);
    for (const rel of pending) {
      const entry = current.get(rel) as AccountEntry;
      list[position.get(rel)!] = entry;
      byId.set(entry.id, entry);
    }
    const linked = [...pending].every((rel) => {
      const a = current.get(rel) as AccountEntry;
      return a.plan.parent === undefined || (byId.has(a.plan.parent) && !circleFrom(a.id, byId));
    });
    if (linked) return { workspace: { ...shared, accounts: list, accountById: byId, reviews: [] }, shared, position, crossed: built.crossed, rebuilt: false };
  }
  const { list, crossed } = settle(order, current, failing, lastValid, before);
  const byId = new Map(list.map((a) => [a.id, a]));
  const position = new Map(list.map((a, i) => [a.rel, i]));
  return { workspace: { ...shared, accounts: list, accountById: byId, reviews: [] }, shared, position, crossed, rebuilt: true };
}

/**
 * Each plan's version at this commit, or its last valid one, or none, such that the plans make a workspace together.
 * A plan whose version fails with the others falls back to its last valid version (when that is another), then is left
 * out. In a circle of parents, the plans already left out at the commit before (`before`) fall back first, then those at
 * a new version, else all of it: a plan that joins a circle is left out, not the plans it joined. Each step takes a
 * version away, so it ends.
 */
function settle(
  order: readonly string[],
  current: ReadonlyMap<string, AccountEntry | Failure>,
  failing: ReadonlySet<string>,
  lastValid: ReadonlyMap<string, AccountEntry>,
  before: ReadonlyMap<string, Failure>,
): { list: AccountEntry[]; crossed: Map<string, Failure> } {
  const pick = new Map<string, AccountEntry>();
  for (const rel of order) {
    const entry = failing.has(rel) ? lastValid.get(rel) : (current.get(rel) as AccountEntry);
    if (entry) pick.set(rel, entry);
  }
  const crossed = new Map<string, Failure>();
  const fresh = (rel: string) => {
    const older = lastValid.get(rel);
    return older !== undefined && pick.get(rel) !== older;
  };
  const leave = (rel: string, message: string) => {
    if (!crossed.has(rel)) crossed.set(rel, { line: 1, column: 1, message });
    if (fresh(rel)) pick.set(rel, lastValid.get(rel)!);
    else pick.delete(rel);
  };
  for (let changed = true; changed; ) {
    changed = false;
    const byId = new Map<string, AccountEntry>();
    for (const rel of order) {
      const a = pick.get(rel);
      if (!a) continue;
      const twin = byId.get(a.id);
      if (!twin) byId.set(a.id, a);
      else {
        // Its last valid version has the same id: the second in path order is left out.
        if (!crossed.has(rel)) crossed.set(rel, { line: 1, column: 1, message: diagnose(a.file, { line: 1, column: 1 }, 'duplicate-account', { id: a.id, other: twin.file }).message });
        pick.delete(rel);
      }
    }
    for (const rel of order) {
      const a = pick.get(rel);
      const parent = a?.plan.parent;
      if (!a || parent === undefined) continue;
      if (!byId.has(parent)) {
        leave(rel, diagnose(a.file, { line: 1, column: 1 }, 'unknown-account', { field: 'parent', id: parent, accounts: byId.keys() }).message);
        changed = true;
        break;
      }
      const circle = circleFrom(a.id, byId);
      if (circle) {
        const rels = circle.map((id) => byId.get(id)!.rel);
        const start = [...circle].sort()[0]!;
        const k = circle.indexOf(start);
        const message = diagnose(a.file, { line: 1, column: 1 }, 'parent-cycle', { cycle: [...circle.slice(k), ...circle.slice(0, k), start] }).message;
        const again = rels.filter((r) => before.has(r) && pick.get(r) === current.get(r));
        const newer = rels.filter(fresh);
        for (const r of again.length > 0 ? again : newer.length > 0 ? newer : rels) leave(r, message);
        changed = true;
        break;
      }
    }
  }
  return { list: order.flatMap((rel) => pick.get(rel) ?? []), crossed };
}

/** The ids on the circle of parents through `start`, or undefined when following the parents from it never comes back. */
function circleFrom(start: string, byId: ReadonlyMap<string, AccountEntry>): string[] | undefined {
  const path = [start];
  for (let id = byId.get(start)?.plan.parent; id !== undefined && path.length <= byId.size; id = byId.get(id)?.plan.parent) {
    if (id === start) return path;
    path.push(id);
  }
  return undefined;
}
