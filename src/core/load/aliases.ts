import { problem, type Problem } from '../diagnostics/diagnose.ts';
/**
 * The alias budget. js-yaml does not copy an aliased value, so parsing a "billion laughs" is cheap; walking the
 * data (Zod, the rollup) is not. The values every alias stands for are counted once per value, in time linear in
 * the file, and a file over the budget, or with an alias inside its own anchor, is refused at that alias.
 */

type Report = (offset: number, found: Problem) => void;

/**
 * How many values all the aliases of a file may stand for together: this many, or one per character of the file
 * when that is more. Far above any plan's needs, far below a "billion laughs", and it keeps the work on the data
 * proportional to the file's size.
 */
export const MAX_ALIAS_NODES = 10_000;

export function withinAliasBudget(aliases: Map<number, unknown>, budget: number, report: Report): boolean {
  const sizes = new WeakMap<object, number>();
  const open = new WeakSet<object>();
  // The number of values a value stands for when written out; Infinity for a value that contains itself.
  const sizeOf = (value: unknown): number => {
    if (value === null || typeof value !== 'object') return 1;
    const known = sizes.get(value);
    if (known !== undefined) return known;
    if (open.has(value)) return Infinity;
    open.add(value);
    let size = 1;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      size += sizeOf(child);
      if (size > budget) break;
    }
    open.delete(value);
    sizes.set(value, size);
    return size;
  };
  let total = 0;
  for (const [offset, value] of [...aliases].sort((a, b) => a[0] - b[0])) {
    const size = sizeOf(value);
    if (size === Infinity) {
      report(offset, problem('yaml-alias-cycle'));
      return false;
    }
    total += size;
    if (total > budget) {
      report(offset, problem('yaml-alias-limit', { budget }));
      return false;
    }
  }
  return true;
}
