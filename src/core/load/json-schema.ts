import { z } from 'zod';
import { FILE_KINDS } from '../../../schemas/index.ts';

/**
 * The JSON Schemas that editors use for autocomplete, generated from the Zod schemas
 * so the two never disagree. Returns file name → file text.
 */
export function renderJsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [kind, { schema, json }] of Object.entries(FILE_KINDS)) {
    const body = z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
    const document = {
      $schema: body['$schema'],
      title: TITLES[kind as keyof typeof TITLES],
      ...Object.fromEntries(Object.entries(body).filter(([k]) => k !== '$schema')),
    };
    out[json] = `${JSON.stringify(document, null, 2)}\n`;
  }
  return out;
}

const TITLES = {
  workspace: 'workspace.yaml',
  team: 'team.yaml',
  goals: 'goals.yaml',
  icp: 'icp.yaml',
  account: 'Account plan (accounts/<id>.yaml or the frontmatter of accounts/<id>.mdx)',
  review: 'Monthly account review (reviews/<YYYY-MM>/<person>.yaml)',
  change: 'Change note (changes/<name>.yaml): why a change made a goal worse',
  comp: 'comp.yaml',
} as const;
