import { z } from 'zod';
import { IdSchema } from './common.ts';

/** A reason is long enough to say why, short enough to be read in a pull request. */
export const NOTE_REASON_MIN = 20;
export const NOTE_REASON_MAX = 1000;
/** A note explains one change: more plans than this is a list, not a reason. */
export const NOTE_ACCOUNTS_MAX = 200;
export const NOTE_GOALS_MAX = 50;

/**
 * A change note (plans/changes/<name>.yaml): why a change made a goal worse. A pull request that lowers a goal's
 * planned total passes the gate when it adds or edits a note naming the plans whose change lowered it (or, for a
 * target raised in goals.yaml, the goal). Notes stay in the repository as the record of why the forecast moved.
 */
export const ChangeNoteSchema = z
  .strictObject({
    accounts: z
      .array(IdSchema)
      .max(NOTE_ACCOUNTS_MAX)
      .default([])
      .describe(`The plans this note explains, by account id (their file names in accounts/), such as [vestmark-pharma]. At most ${NOTE_ACCOUNTS_MAX}.`),
    goals: z
      .array(z.string().min(1).max(200))
      .max(NOTE_GOALS_MAX)
      .default([])
      .describe('Goals whose target this note explains (a target raised in goals.yaml), by their label as the reports print it, such as "FY2027 region: emea".'),
    reason: z
      .string()
      .trim()
      .min(NOTE_REASON_MIN)
      .max(NOTE_REASON_MAX)
      .describe(`Why the forecast moved, in ${NOTE_REASON_MIN} to ${NOTE_REASON_MAX} characters: what happened at the customer, and what it means for the goal.`),
  })
  .refine((n) => n.accounts.length + n.goals.length > 0, { message: 'a note names at least one account (accounts: [id]) or goal (goals: ["label"])' })
  .describe('A change note: the reason a change to the plans made a goal worse, naming the plans (or goals) it explains.');

export type ChangeNote = z.infer<typeof ChangeNoteSchema>;
