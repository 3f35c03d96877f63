import { excerpt } from '../shared/suggest.ts';
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
      out.push(at(where, ['dimensions', name], 'reserved-dimension', `dimensions.${name}: ${excerpt(name)} is how goals.yaml names a person's book, so a dimension cannot be called that. Rename the dimension, such as ${name}_group.`));
    }
    const seen = new Set<string>();
    values.forEach((v, j) => {
      if (!seen.has(v)) return void seen.add(v);
      out.push(at(where, ['dimensions', name, j], 'duplicate-value', `dimensions.${name}[${j}]: ${excerpt(v)} is listed twice. Keep one.`));
    });
  }
  if (Object.hasOwn(fx, currency)) {
    out.push(at(where, ['fx', currency], 'fx-workspace-currency', `fx.${currency}: ${currency} is the workspace currency, which needs no rate (it is always 1). Remove the line.`));
  }
  const seenOfferings = new Map<string, number>();
  offerings.forEach((o, i) => {
    const first = seenOfferings.get(o.id);
    if (first === undefined) return void seenOfferings.set(o.id, i);
    out.push(at(where, ['offerings', i, 'id'], 'duplicate-id', `offerings[${i}].id: ${excerpt(o.id)} is also offerings[${first}]. Give each offering its own id.`));
  });
  if (tiers && (tiers.A < tiers.B || tiers.B < tiers.C)) {
    const wrong = tiers.A < tiers.B ? 'B' : 'C';
    out.push(at(where, ['tiers', wrong], 'tier-order', `tiers: A, B and C are the least revenue of each tier, so A ≥ B ≥ C; here ${wrong} is above ${wrong === 'B' ? 'A' : 'B'}. Swap the two numbers.`));
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
    return [at(where, ['criteria', i, 'id'], 'duplicate-id', `criteria[${i}].id: ${excerpt(c.id)} is also criteria[${first}]. Give each criterion its own id.`)];
  });
}
