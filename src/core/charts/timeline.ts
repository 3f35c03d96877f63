import type { Action, Objective } from '../../../schemas/index.ts';
import { addDays } from '../shared/periods.ts';
import { escapeLabel, nodeId } from './escape.ts';

const TAGS: Record<Action['status'], string> = {
  planned: '',
  'in-progress': 'active, ',
  done: 'done, ',
  blocked: 'crit, ',
  slipped: 'crit, ',
  dropped: 'done, ',
  cancelled: 'done, ',
};

export interface TimelineOptions {
  objectives: readonly Objective[];
  personName: (id: string) => string;
}

/**
 * The action timeline as a Mermaid gantt, one section per objective (actions without one last).
 * An action without a start is drawn as a milestone on its due date. Undefined when there are no actions.
 */
export function renderActionTimeline(actions: readonly Action[], options: TimelineOptions): string | undefined {
  if (actions.length === 0) return undefined;
  const lines = ['gantt', '  dateFormat YYYY-MM-DD', '  axisFormat %b %Y'];
  const sections = new Map<string | undefined, { action: Action; index: number }[]>();
  actions.forEach((action, index) => {
    const list = sections.get(action.objective) ?? [];
    list.push({ action, index });
    sections.set(action.objective, list);
  });
  const order = [...options.objectives.map((o) => o.id), undefined];
  for (const key of order) {
    const list = sections.get(key);
    if (!list) continue;
    const objective = options.objectives.find((o) => o.id === key);
    lines.push(`  section ${escapeLabel(objective ? objective.description : 'Other actions', { max: 50, guardStart: true })}`);
    for (const { action, index } of list) lines.push(`    ${taskLine(action, index, options)}`);
  }
  return lines.join('\n');
}

function taskLine(action: Action, index: number, options: TimelineOptions): string {
  const name = escapeLabel(`${action.description} (${options.personName(action.owner)}, ${action.status})`, { max: 80, guardStart: true });
  const id = nodeId('a', index);
  if (action.start === undefined || action.start >= action.due) {
    return `${name} :milestone, ${TAGS[action.status]}${id}, ${action.due}, 0d`;
  }
  // Mermaid treats the end date as exclusive; the plan's due date is the last working day.
  return `${name} :${TAGS[action.status]}${id}, ${action.start}, ${addDays(action.due, 1)}`;
}
