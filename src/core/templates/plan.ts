import { AccountPlanSchema } from '../../../schemas/account.ts';
import type { Workspace } from '../model.ts';
import { expectedParts, PLAN_PARTS, type PlanPart } from '../portfolio/health.ts';
import { fiscalYearOfDate } from '../shared/periods.ts';
import { NPM_SCRIPTS, type Invocation } from '../shared/invocation.ts';

export interface PlanTemplateInput {
  /** How the comment names the validate command (npm scripts when absent). */
  how?: Invocation;
  id: string;
  name: string;
  owner: string;
  /** A target account (one we want to win) rather than a current one. */
  target: boolean;
  /** This fiscal year's forecast, when given. */
  forecast?: number;
  strategic: boolean;
  today: string;
  /** The account schema's path relative to the new file, for the editor's `$schema` line (the tool's schemas/json by default). */
  schema?: string;
}

/** YAML text safe in a double-quoted scalar: the name is typed by a person and may hold quotes or colons. */
function quoted(text: string): string {
  return JSON.stringify(text);
}

/** The parts the template writes as data; the others the plan is expected to fill are named in comments. */
const WRITTEN: ReadonlySet<PlanPart> = new Set(['forecast', 'stakeholders', 'objectives', 'actions']);

/** A part's one-line help, from the schema (the same words the editor shows on hover). */
function partHelp(part: PlanPart): string {
  const field = AccountPlanSchema.shape[part] as { description?: string; unwrap?: () => { description?: string } };
  return field.description ?? field.unwrap?.().description ?? '';
}

/**
 * A new account plan that teaches the format: the schema line for editors, one comment per part, and only
 * what validates as written (each dimension gets the first value workspace.yaml lists, to be corrected). The
 * parts the method expects of this kind of plan and that are left to write are listed, each with its help.
 */
export function planTemplate(ws: Workspace, input: PlanTemplateInput): string {
  const year = fiscalYearOfDate(input.today, ws.settings.fiscal_year_start_month);
  const dims = Object.entries(ws.settings.dimensions ?? {});
  const status = input.target ? 'target' : 'current';
  const strategy = input.target ? 'acquire' : 'grow';
  const lines = [
    `# yaml-language-server: $schema=${input.schema ?? '../../schemas/json/account.schema.json'}`,
    `# One account plan. Every field is described in schemas/json/account.schema.json; ${(input.how ?? NPM_SCRIPTS).command('validate')} checks it.`,
    '',
    `name: ${quoted(input.name)}`,
    '# current (they buy from us) or target (we want to win them)',
    `status: ${status}`,
    '# acquire, grow, reactivate, retain or retire',
    `strategy: ${strategy}`,
    '# strategic plans get the full buying-decision picture and a quarterly review',
    `strategic: ${input.strategic}`,
    '# the account executive who owns the plan (an id in team.yaml)',
    `owner: ${input.owner}`,
    '# when the plan was last reviewed with a manager; the stale-plan rule counts from it',
    `last_reviewed: ${input.today}`,
  ];
  if (dims.length > 0) {
    lines.push('', '# One value per dimension of workspace.yaml:');
    lines.push('dimensions:');
    for (const [dim, values] of dims) lines.push(`  ${dim}: ${values[0]} # one of: ${values.join(', ')}`);
  }
  lines.push('', `# What we expect to sell, per fiscal year (${year}) or quarter (${year}-Q1); confidence from 0 to 1.`);
  if (input.forecast !== undefined) lines.push('forecast:', `  - { period: ${year}, revenue: ${input.forecast} }`);
  else lines.push('forecast: []');
  lines.push(
    '',
    '# The people in the buying decision: id, name, title, reports_to, roles (decision-maker, economic-buyer, technical-buyer,',
    '# user, influencer, gatekeeper, coach, blocker), stance (champion to detractor) and relationship (our person).',
    'stakeholders: []',
    '',
    '# Results someone can check, each with an id that actions name.',
    'objectives: []',
    '',
    '# The next steps: id (for reviews to name), description, owner, due, status (planned, in-progress, done, slipped, dropped, blocked).',
    'actions: []',
  );
  const expected = expectedParts({ strategic: input.strategic, status, strategy } as Parameters<typeof expectedParts>[0]);
  const rest = PLAN_PARTS.filter((p) => expected.has(p) && !WRITTEN.has(p));
  if (rest.length > 0) {
    lines.push('', `# Also expected of ${input.strategic ? 'a strategic' : `a ${status}`} plan; each left empty costs 5 points of plan health:`);
    for (const part of rest) lines.push(`#   ${part}: ${partHelp(part)}`);
  }
  lines.push('');
  return lines.join('\n');
}
