import { OPEN_ACTION_STATUSES } from '../../../schemas/execution.ts';
import type { AccountEntry, Workspace } from '../model.ts';
import { inOrder, openAtReview, slipCount } from '../reviews/history.ts';
import { addDays } from '../shared/periods.ts';

const EXPECTATION: Record<AccountEntry['plan']['strategy'], string> = { acquire: 'win', grow: 'grow', reactivate: 'grow', retain: 'hold', retire: 'lose' };

/** Flow-style YAML for one value: plain when it cannot be misread, quoted otherwise. */
function scalar(text: string): string {
  return /^[A-Za-z0-9][\w .'()/-]*$/.test(text) && !/: |\s#/.test(text) && !/^(true|false|null|yes|no|on|off|~)$/i.test(text) ? text : JSON.stringify(text);
}

function flow(fields: [string, string | number | undefined][]): string {
  return `{ ${fields.flatMap(([k, v]) => (v === undefined ? [] : [`${k}: ${typeof v === 'number' ? v : scalar(v)}`])).join(', ')} }`;
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return addDays(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`, -1);
}

/**
 * Next month's review, pre-filled: every account of the person's book (the expectation from their last review,
 * else from the plan's strategy), every action open at their last review with its slips carried and its outcome
 * left to fill in, and every open plan action of the book due by 90 days after the month (overdue ones too).
 */
export function reviewTemplate(ws: Workspace, input: { person: string; month: string; today: string }): string {
  const person = ws.personById.get(input.person)!;
  const earlier = inOrder(ws.reviews.filter((r) => r.person === input.person && r.month < input.month));
  const last = earlier[earlier.length - 1];
  const said = new Map(last?.review.accounts.map((a) => [a.account, a.expectation]) ?? []);
  const book = ws.accounts.filter((a) => a.plan.owner === input.person);
  const end = lastDayOf(input.month);
  const date = input.today.startsWith(input.month) ? input.today : end;
  const horizon = addDays(end, 90);
  const lines = [
    '# yaml-language-server: $schema=../../../schemas/json/review.schema.json',
    `# The ${input.month} review of ${person.name}'s book: short, the next 90 days, every account.`,
    `reviewer: ${person.manager ?? input.person}`,
    `date: ${date}`,
    '',
    last ? `# Every action open at the ${last.month} review. Set each status: done, slipped (with the new due) or dropped (with a reason).` : '# No earlier review: nothing to carry.',
    'previous_actions:',
  ];
  const carried = last ? openAtReview(last) : [];
  if (carried.length === 0) lines[lines.length - 1] += ' []';
  for (const x of carried) {
    const slips = slipCount(x);
    // A past review may name an account or id the plans have moved on from: carry only what still resolves.
    const plan = x.account !== undefined ? ws.accountById.get(x.account) : undefined;
    const ids = new Set([...(plan?.plan.objectives.map((o) => o.id) ?? []), ...(plan?.plan.actions.flatMap((a) => (a.id === undefined ? [] : [a.id])) ?? [])]);
    const serves = x.serves !== undefined && ids.has(x.serves) ? x.serves : undefined;
    lines.push(`  - ${flow([['description', x.description], ['owner', x.owner], ['due', x.due], ['status', 'planned'], ['slips', slips > 0 ? slips : undefined], ['account', plan?.id], ['serves', serves]])}`);
  }
  lines.push(
    '',
    '# The five questions: what went well, what went wrong, what comes next month, what would help the team, what you need.',
    'accomplishments: []',
    'concerns: []',
    'next_month: []',
    'suggestions: []',
    'needs: []',
    '',
    '# Every account in the book: current and next period against target (ahead, on-track, at-risk, behind), expectation, next 90 days.',
    `accounts:${book.length === 0 ? ' []' : ''}`,
  );
  for (const a of book) lines.push(`  - ${flow([['account', a.id], ['expectation', said.get(a.id) ?? EXPECTATION[a.plan.strategy]]])}`);
  const due = book.flatMap((a) =>
    a.plan.actions.filter((x) => OPEN_ACTION_STATUSES.has(x.status) && x.due <= horizon).map((x) => ({ a, x })),
  ).sort((p, q) => p.x.due.localeCompare(q.x.due));
  lines.push('', '# New actions until the next review, with owner and due; open plan actions of the book due in the next 90 days are listed.', `actions:${due.length === 0 ? ' []' : ''}`);
  for (const { a, x } of due) lines.push(`  - ${flow([['description', x.description], ['owner', x.owner], ['due', x.due], ['status', x.status === 'cancelled' ? 'dropped' : x.status], ['account', a.id], ['serves', x.id ?? x.objective]])}`);
  lines.push('');
  return lines.join('\n');
}
