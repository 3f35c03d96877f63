import type { Workspace } from '../model.ts';
import { fiscalYearOfDate } from '../shared/periods.ts';

export interface PlanTemplateInput {
  id: string;
  name: string;
  owner: string;
  target?: number;
  strategic: boolean;
  today: string;
}

/** YAML text safe in a double-quoted scalar: the name is typed by a person and may hold quotes or colons. */
function quoted(text: string): string {
  return JSON.stringify(text);
}

/**
 * A new account plan that teaches the format: the schema line for editors, one comment per part, and only
 * what validates as written (each dimension gets the first value workspace.yaml lists, to be corrected).
 */
export function planTemplate(ws: Workspace, input: PlanTemplateInput): string {
  const year = fiscalYearOfDate(input.today, ws.settings.fiscal_year_start_month);
  const dims = Object.entries(ws.settings.dimensions ?? {});
  const lines = [
    '# yaml-language-server: $schema=../../schemas/json/account.schema.json',
    '# One account plan. Every field is described in schemas/json/account.schema.json; npm run validate checks it.',
    '',
    `name: ${quoted(input.name)}`,
    '# current (they buy from us) or target (we want to win them)',
    'status: current',
    '# acquire, grow, reactivate, retain or retire',
    'strategy: grow',
    '# strategic plans get the full buying-decision picture and a quarterly review',
    `strategic: ${input.strategic}`,
    `owner: ${input.owner}`,
    `last_reviewed: ${input.today}`,
  ];
  if (dims.length > 0) {
    lines.push('', '# One value per dimension of workspace.yaml:');
    lines.push('dimensions:');
    for (const [dim, values] of dims) lines.push(`  ${dim}: ${values[0]} # one of: ${values.join(', ')}`);
  }
  lines.push('', `# What we expect to sell, per fiscal year (${year}) or quarter (${year}-Q1); confidence from 0 to 1.`);
  if (input.target !== undefined) lines.push('forecast:', `  - { period: ${year}, revenue: ${input.target} }`);
  else lines.push('forecast: []');
  lines.push(
    '',
    '# The people who decide and influence: roles decision-maker, economic-buyer, champion ...',
    'stakeholders: []',
    '',
    '# Results someone can check, each with an id that actions name.',
    'objectives: []',
    '',
    '# The next steps: description, owner, due, status (planned, in-progress, done, slipped, dropped, blocked).',
    'actions: []',
    '',
  );
  return lines.join('\n');
}
