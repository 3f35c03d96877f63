export * from './common.ts';
export * from './references.ts';
export * from './rules.ts';
export * from './workspace.ts';
export * from './sales.ts';
export * from './site.ts';
export * from './team.ts';
export * from './goals.ts';
export * from './icp.ts';
export * from './stakeholders.ts';
export * from './revenue.ts';
export * from './execution.ts';
export * from './strategy.ts';
export * from './account.ts';
export * from './review.ts';
export * from './changes.ts';
export * from './comp.ts';

import { AccountPlanSchema } from './account.ts';
import { ChangeNoteSchema } from './changes.ts';
import { CompSchema } from './comp.ts';
import { GoalsSchema } from './goals.ts';
import { IcpSchema } from './icp.ts';
import { ReviewSchema } from './review.ts';
import { TeamSchema } from './team.ts';
import { WorkspaceSettingsSchema } from './workspace.ts';

/** Each kind of file in the plans folder, with its schema and JSON Schema file name. */
export const FILE_KINDS = {
  workspace: { schema: WorkspaceSettingsSchema, json: 'workspace.schema.json' },
  team: { schema: TeamSchema, json: 'team.schema.json' },
  goals: { schema: GoalsSchema, json: 'goals.schema.json' },
  icp: { schema: IcpSchema, json: 'icp.schema.json' },
  account: { schema: AccountPlanSchema, json: 'account.schema.json' },
  review: { schema: ReviewSchema, json: 'review.schema.json' },
  change: { schema: ChangeNoteSchema, json: 'change.schema.json' },
  comp: { schema: CompSchema, json: 'comp.schema.json' },
} as const;

export type FileKind = keyof typeof FILE_KINDS;
