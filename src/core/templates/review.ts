import { OPEN_ACTION_STATUSES } from '../../../schemas/execution.ts';
import type { ReviewAction } from '../../../schemas/review.ts';
import type { AccountEntry, Workspace } from '../model.ts';
import { inOrder, openAtReview, slipCount } from '../reviews/history.ts';
import { roundCents, toWorkspaceCurrency } from '../shared/money.ts';
import { addDays, periodEnd, quarterOfDate } from '../shared/periods.ts';
import { NPM_SCRIPTS, type Invocation } from '../shared/invocation.ts';

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

/** The plan's committed figure for one fiscal quarter (its quarterly forecast, unweighted, in the workspace currency). */
function quarterTarget(ws: Workspace, a: AccountEntry, quarter: string): number | undefined {
  const entries = a.plan.forecast.filter((f) => f.period === quarter);
  if (entries.length === 0) return undefined;
  return roundCents(entries.reduce((sum, f) => sum + toWorkspaceCurrency(f.revenue, a.plan, ws.settings), 0));
}

/**
 * One account of the book: block style when the plan commits figures for the review's quarter or the next one
 * (the standings to judge, a comment naming each quarter), one flow line otherwise.
 */
function accountLines(ws: Workspace, a: AccountEntry, expectation: string, quarters: readonly [string, string]): string[] {
  const [current, next] = quarters.map((q) => quarterTarget(ws, a, q));
  if (current === undefined && next === undefined) return [`  - ${flow([['account', a.id], ['expectation', expectation]])}`];
  const standing = (target: number | undefined, quarter: string, key: string) =>
    target === undefined ? [] : [`    ${key}: ${flow([['target', target], ['expected', target], ['status', 'on-track']])}   # ${quarter}`];
  return [
    `  - account: ${a.id}`,
    `    expectation: ${expectation}`,
    ...standing(current, quarters[0], 'current'),
    ...standing(next, quarters[1], 'next'),
  ];
}

/**
 * A carried action keeps what it was (in progress, blocked) with its outcome left to fill in; a slip already
 * counted goes into `slips`, so the status starts again from planned.
 */
function carriedLine(ws: Workspace, x: ReviewAction): string {
  const slips = slipCount(x);
  // A past review may name an account or id the plans have moved on from: carry only what still resolves.
  const plan = x.account !== undefined ? ws.accountById.get(x.account) : undefined;
  const ids = new Set([...(plan?.plan.objectives.map((o) => o.id) ?? []), ...(plan?.plan.actions.flatMap((a) => (a.id === undefined ? [] : [a.id])) ?? [])]);
  const serves = x.serves !== undefined && ids.has(x.serves) ? x.serves : undefined;
  const status = x.status === 'slipped' ? 'planned' : x.status;
  return `  - ${flow([['description', x.description], ['owner', x.owner], ['due', x.due], ['status', status], ['slips', slips > 0 ? slips : undefined], ['account', plan?.id], ['serves', serves]])}`;
}

/**
 * Next month's review, pre-filled: every account of the person's book (the expectation from their last review,
 * else from the plan's strategy; this quarter's and next quarter's targets from the plan's forecast), every action
 * open at their last review with its slips carried and its outcome left to fill in, and every open plan action of
 * the book due by 90 days after the month (overdue ones too), each naming the plan action it follows.
 */
export function reviewTemplate(ws: Workspace, input: { person: string; month: string; today: string; how?: Invocation; schema?: string }): string {
  const person = ws.personById.get(input.person)!;
  const earlier = inOrder(ws.reviews.filter((r) => r.person === input.person && r.month < input.month));
  const last = earlier[earlier.length - 1];
  const said = new Map(last?.review.accounts.map((a) => [a.account, a.expectation]) ?? []);
  const book = ws.accounts.filter((a) => a.plan.owner === input.person);
  const end = lastDayOf(input.month);
  const date = input.today.startsWith(input.month) ? input.today : end;
  const horizon = addDays(end, 90);
  const start = ws.settings.fiscal_year_start_month;
  const quarter = quarterOfDate(`${input.month}-01`, start);
  const quarters = [quarter, quarterOfDate(addDays(periodEnd(quarter, start), 1), start)] as const;
  const carried = last ? openAtReview(last) : [];
  const lines = [
    `# yaml-language-server: $schema=${input.schema ?? '../../../schemas/json/review.schema.json'}`,
    `# The ${input.month} review of ${person.name}'s book: short, the next 90 days, every account.`,
    `# It starts with how the last actions went and ends with the new ones. ${(input.how ?? NPM_SCRIPTS).command('validate')} checks it.`,
    `reviewer: ${person.manager ?? input.person}`,
    `date: ${date}`,
    '',
    last
      ? `# Every action open at the ${last.month} review. Write its outcome: "status: done", "status: slipped" with the new due, or "status: dropped" with a reason.`
      : '# No earlier review: nothing to carry.',
    `previous_actions:${carried.length === 0 ? ' []' : ''}`,
    ...carried.map((x) => carriedLine(ws, x)),
    '',
    '# The five questions: key accomplishments; disappointments, concerns, problems; what next month will bring;',
    '# suggestions for the team or the business; what the salesperson needs from the manager. One line per point.',
    'accomplishments: []',
    'concerns: []',
    'next_month: []',
    'suggestions: []',
    'needs: []',
    '',
    `# Every account in the book. current and next: ${quarters[0]} and ${quarters[1]} against the target the plan commits (its forecast);`,
    '# write what you now expect and the status: ahead, on-track, at-risk or behind. expectation: grow, hold, decline, win or lose.',
    '# Add next_90_days (revenue expected), cross_sell and upsell (offering ids) and a one-line note where there is one.',
    `accounts:${book.length === 0 ? ' []' : ''}`,
    ...book.flatMap((a) => accountLines(ws, a, said.get(a.id) ?? EXPECTATION[a.plan.strategy], quarters)),
  ];
  const due = book
    .flatMap((a) => a.plan.actions.filter((x) => OPEN_ACTION_STATUSES.has(x.status) && x.due <= horizon).map((x) => ({ a, x })))
    .sort((p, q) => p.x.due.localeCompare(q.x.due));
  lines.push(
    '',
    `# New actions until the next review, each with an owner and a due date. Listed first: the book's open plan actions due by ${horizon};`,
    '# keep the ones you discussed (their status lives in the plan) and add the new ones, with "account" and "serves" where they serve a plan.',
    `actions:${due.length === 0 ? ' []' : ''}`,
  );
  for (const { a, x } of due) {
    lines.push(`  - ${flow([['description', x.description], ['owner', x.owner], ['due', x.due], ['status', x.status], ['account', a.id], ['serves', x.id ?? x.objective]])}`);
  }
  lines.push('');
  return lines.join('\n');
}
