import type { AccountEntry, Workspace } from '../../model.ts';

/** A commit's workspace, the shared files' workspace it was made from, and each plan's place in its list. */
export interface Built {
  workspace: Workspace;
  shared: Workspace;
  position: ReadonlyMap<string, number>;
}

/** A version that did not validate: where, and what the loader said. */
export interface Failure {
  line: number;
  column: number;
  message: string;
}

/**
 * Why a commit's plans make no workspace: a plan failed on its own, or plans fail together (a parent missing or in a
 * circle, two plans with one id), which the loader then explains for the plans named (or all of them).
 */
export type Problem = { failed: string; failure: Failure } | { linked: string[] | 'all' };

/**
 * The commit's workspace from its plans' results, or the first problem. With `built` (same plans, same shared files),
 * only the `pending` plans are patched into a copy of it, and only they are checked. The checks between plans are made
 * here, on every commit, because a version's result (from the cache, or from another commit) was judged without them.
 */
export function assemble(
  order: readonly string[],
  current: ReadonlyMap<string, AccountEntry | Failure>,
  failing: ReadonlySet<string>,
  shared: Workspace,
  built: Built | undefined,
  pending: ReadonlySet<string>,
  lastValid: ReadonlyMap<string, AccountEntry> = new Map(),
  decidedByOthers: ReadonlySet<string> = new Set(),
): Built | Problem {
  // A failure decided by other plans (a parent missing or in a circle, a twin id) is the commit's, not the version's.
  for (const rel of failing) if (decidedByOthers.has(rel)) return { failed: rel, failure: current.get(rel) as Failure };
  // A plan whose own version does not validate keeps its last valid version, or is left out when it never had one:
  // the other plans go on (the walker notes which of its commits were left out). The list is then built afresh.
  if (failing.size > 0) {
    order = order.filter((rel) => !failing.has(rel) || lastValid.has(rel));
    current = new Map(order.map((rel) => [rel, failing.has(rel) ? lastValid.get(rel)! : current.get(rel)!]));
    built = undefined;
  }
  let list: AccountEntry[];
  let byId: Map<string, AccountEntry>;
  let position: ReadonlyMap<string, number>;
  let check: Iterable<AccountEntry>;
  if (built) {
    ({ position } = built);
    list = built.workspace.accounts.slice();
    byId = new Map(built.workspace.accountById);
    for (const rel of pending) {
      const entry = current.get(rel) as AccountEntry;
      list[position.get(rel)!] = entry;
      byId.set(entry.id, entry);
    }
    check = [...pending].map((rel) => current.get(rel) as AccountEntry);
  } else {
    list = order.map((rel) => current.get(rel) as AccountEntry);
    position = new Map(order.map((rel, i) => [rel, i]));
    byId = new Map();
    for (const a of list) {
      const twin = byId.get(a.id);
      if (twin) return { linked: [twin.rel, a.rel] };
      byId.set(a.id, a);
    }
    check = list;
  }
  for (const a of check) {
    const parent = a.plan.parent;
    if (parent === undefined) continue;
    // The loader's message names the other plans, as "did you mean", so it is asked with all of them.
    if (!byId.has(parent)) return { linked: 'all' };
    const circle = circleFrom(a.id, byId);
    if (circle) return { linked: circle.map((id) => byId.get(id)!.rel) };
  }
  return { workspace: { ...shared, accounts: list, accountById: byId, reviews: [] }, shared, position };
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
