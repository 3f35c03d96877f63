import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { at } from './link-at.ts';
import { toMap } from '../shared/own.ts';
import type { Workspace } from '../model.ts';

/**
 * workspace.yaml's own settings agree: dimensions, currencies, offerings and tiers. A setting that names a dimension
 * is a reference in its schema, checked with every other (link.ts referencesExist).
 */
export function workspaceSettingsAgree(ws: Workspace): Diagnostic[] {
  const where = ws.sources.workspace;
  const { dimensions, fx, currency, offerings, tiers } = ws.settings;
  const dims = toMap(dimensions);
  const out: Diagnostic[] = [];
  for (const [name, values] of dims) {
    if (name === 'owner' || name === 'manager') {
      out.push(at(where, ['dimensions', name], 'reserved-dimension', { name }));
    }
    const seen = new Set<string>();
    values.forEach((v, j) => {
      if (!seen.has(v)) return void seen.add(v);
      out.push(at(where, ['dimensions', name, j], 'duplicate-value', { dimension: name, index: j, value: v }));
    });
  }
  if (Object.hasOwn(fx, currency)) {
    out.push(at(where, ['fx', currency], 'fx-workspace-currency', { currency }));
  }
  const seenOfferings = new Map<string, number>();
  offerings.forEach((o, i) => {
    const first = seenOfferings.get(o.id);
    if (first === undefined) return void seenOfferings.set(o.id, i);
    out.push(at(where, ['offerings', i, 'id'], 'duplicate-id', { list: 'offerings', index: i, id: o.id, first }));
  });
  if (tiers && (tiers.A < tiers.B || tiers.B < tiers.C)) {
    const wrong = tiers.A < tiers.B ? 'B' : 'C';
    out.push(at(where, ['tiers', wrong], 'tier-order', { tier: wrong }));
  }
  return out;
}

export function icpCriteriaUnique(ws: Workspace): Diagnostic[] {
  const where = ws.sources.icp;
  if (!ws.icp || !where) return [];
  const seen = new Map<string, number>();
  return ws.icp.criteria.flatMap((c, i) => {
    const first = seen.get(c.id);
    if (first === undefined) return (seen.set(c.id, i), []);
    return [at(where, ['criteria', i, 'id'], 'duplicate-id', { list: 'criteria', index: i, id: c.id, first })];
  });
}
