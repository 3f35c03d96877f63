/**
 * Circles in a "points to one other" relation (parent, manager, reports_to), found in one pass over all nodes.
 * Following each node's chain separately and checking `chain.includes` at every step cost n × depth², so a long
 * parent chain in a large plans folder (or a hostile team.yaml) made linking cubic.
 */
export interface Cycle {
  /** The nodes of the circle in the order `next` visits them. */
  nodes: string[];
  /** The smallest id of the circle, by plain string order. */
  min: string;
  /** The position, in the list given to findCycles, of the first item on the circle. */
  first: number;
}

/** Every node that lies on a circle, with its circle; nodes that only lead into one are not on it. */
export function findCycles(ids: readonly string[], next: (id: string) => string | undefined): Map<string, Cycle> {
  const done = new Set<string>();
  const onCycle = new Map<string, Cycle>();
  for (const start of ids) {
    if (done.has(start)) continue;
    const at = new Map<string, number>();
    const path: string[] = [];
    let id: string | undefined = start;
    while (id !== undefined && !done.has(id) && !at.has(id)) {
      at.set(id, path.length);
      path.push(id);
      id = next(id);
    }
    const entry = id === undefined ? undefined : at.get(id);
    if (entry !== undefined) {
      const nodes = path.slice(entry);
      const cycle: Cycle = { nodes, min: [...nodes].sort()[0]!, first: -1 };
      for (const node of nodes) onCycle.set(node, cycle);
    }
    for (const node of path) done.add(node);
  }
  ids.forEach((id, i) => {
    const cycle = onCycle.get(id);
    if (cycle && cycle.first === -1) cycle.first = i;
  });
  return onCycle;
}

/** The circle written from `id` round to `id` again: "a → b → c → a". */
export function cycleFrom(cycle: Cycle, id: string): string[] {
  const k = cycle.nodes.indexOf(id);
  return [...cycle.nodes.slice(k), ...cycle.nodes.slice(0, k), id];
}
