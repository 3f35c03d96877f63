import type { ReviewEntry, Workspace } from '../model.ts';
import type { Draft } from './finding.ts';

/** The keys that name a list item for good, in the order tried: an id outlives a reorder, a position does not. */
const NAMING_KEYS = ['id', 'period', 'name', 'description', 'title'] as const;

/**
 * What a finding is about, without a line number: the field path with every list position replaced by the
 * item's id (or period, name, description), so "stakeholders[2].last_contact" becomes
 * "stakeholders[maria].last_contact" and stays the same when a stakeholder is added above Maria.
 * With the rule and the account it identifies a finding across two versions of the plans (check --base).
 */
export function subjectOf(draft: Pick<Draft, 'file' | 'path' | 'account'>, ws: Workspace): string {
  return draft.path === undefined ? '' : subjectIn(draft.path, rootOf(draft, ws));
}

/** The subject of a field path inside one document (a plan, for the per-plan rules: rules/index.ts). */
export function subjectIn(path: string | undefined, root: unknown): string {
  if (path === undefined) return '';
  let node: unknown = root;
  const parts: string[] = [];
  for (const m of path.matchAll(/\[(\d+)\]|\.?([^.[\]]+)/g)) {
    if (m[2] !== undefined) {
      parts.push(parts.length === 0 ? m[2] : `.${m[2]}`);
      node = field(node, m[2]);
      continue;
    }
    const index = Number(m[1]);
    const item = Array.isArray(node) ? (node[index] as unknown) : undefined;
    parts.push(`[${nameOf(item) ?? index}]`);
    node = item;
  }
  return parts.join('');
}

/** The document the path is in: found by the file, since a finding in a review may name the account it is about. */
function rootOf(draft: Pick<Draft, 'file' | 'account'>, ws: Workspace): unknown {
  const account = draft.account === undefined ? undefined : ws.accountById.get(draft.account);
  if (account !== undefined && account.file === draft.file) return account.plan;
  if (draft.file === ws.sources.team.file) return { people: ws.people };
  if (draft.file === ws.sources.goals?.file) return { goals: ws.goals };
  if (draft.file === ws.sources.comp?.file) return ws.comp;
  return reviewsByFile(ws).get(draft.file)?.review;
}

const byFile = new WeakMap<Workspace, Map<string, ReviewEntry>>();

/** The reviews by file, once per workspace: a search per finding made many review findings reviews × findings. */
function reviewsByFile(ws: Workspace): Map<string, ReviewEntry> {
  let map = byFile.get(ws);
  if (!map) {
    map = new Map();
    // The first review of a file wins, as a search from the start would find it.
    for (const r of ws.reviews) if (!map.has(r.file)) map.set(r.file, r);
    byFile.set(ws, map);
  }
  return map;
}

function field(node: unknown, key: string): unknown {
  return node !== null && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
}

function nameOf(item: unknown): string | undefined {
  for (const key of NAMING_KEYS) {
    const value = field(item, key);
    if (typeof value === 'string' && value !== '') return JSON.stringify(value);
  }
  return undefined;
}
