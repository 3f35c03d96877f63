import { z } from 'zod';
import { daysSchema, IdSchema, MAX_DAYS, plainNumber } from './common.ts';

export const SeveritySchema = z.enum(['error', 'warning', 'info']).describe('error fails check; warning and info are shown.');

const LevelSchema = z.enum(['off', 'error', 'warning', 'info']).describe('off, error, warning or info.');

const days = (what: string) => daysSchema(what).optional();

/**
 * Every rule of the method with its default severity and thresholds. The rules in
 * src/core/rules read their defaults from here, and the README documents them.
 * stale-plan's `days` has no number here: it defaults to workspace `review_cadence_days`.
 */
export const RULE_DEFAULTS = {
  'strategic-limit': { severity: 'error', max: 5 },
  'stale-plan': { severity: 'warning' },
  'single-threaded': { severity: 'warning', min_contacts: 2 },
  'no-decision-maker': { severity: 'warning' },
  'no-champion': { severity: 'info' },
  'no-exec-sponsor': { severity: 'warning' },
  'exec-cadence': { severity: 'warning' },
  'uncovered-stakeholder': { severity: 'warning' },
  'overdue-action': { severity: 'warning', grace_days: 0 },
  'no-next-action': { severity: 'warning', days: 90 },
  'objective-without-owner': { severity: 'info' },
  'stretch-below-plan': { severity: 'warning', min_ratio: 1 },
  'not-qualified': { severity: 'warning', min_true: 4 },
  'tier-mismatch': { severity: 'info' },
  'top-account-without-plan': { severity: 'warning', share: 0.25, dimension: 'channel' },
  'stale-contact': { severity: 'warning', days: 90 },
  'history-differs-from-ledger': { severity: 'warning' },
  'review-missing': { severity: 'warning' },
  'review-incomplete': { severity: 'warning' },
  'review-action-unaccounted': { severity: 'warning' },
  'action-slipped': { severity: 'warning', slips: 3 },
  'review-date': { severity: 'warning' },
} as const;

export type RuleId = keyof typeof RULE_DEFAULTS;
export const RULE_IDS = Object.keys(RULE_DEFAULTS) as RuleId[];

/** A rule's setting: a severity or off, or an object with a severity and the rule's own thresholds. */
function ruleSetting<T extends z.ZodRawShape>(id: RuleId, what: string, thresholds: T) {
  const { severity, ...defaults } = RULE_DEFAULTS[id];
  const shown = Object.entries(defaults).map(([k, v]) => `${k} ${String(v)}`);
  const byDefault = [severity, ...shown].join(', ');
  return z
    .union([LevelSchema, z.strictObject({ severity: LevelSchema.optional(), ...thresholds })], {
      error: `Write off, error, warning or info, or { ${['severity', ...Object.keys(thresholds)].map((k) => `${k}: …`).join(', ')} }.`,
    })
    .optional()
    .describe(`${what} Default: ${byDefault}.`);
}

export const RulesConfigSchema = z
  .strictObject({
    'strategic-limit': ruleSetting('strategic-limit', 'More than `max` strategic plans for one owner.', {
      max: plainNumber().int().min(1).max(1000).optional().describe('The most strategic plans one person carries (1 to 1000).'),
    }),
    'stale-plan': ruleSetting('stale-plan', 'last_reviewed missing or older than `days` (default: review_cadence_days).', {
      days: days('How many days a plan may go without review.'),
    }),
    'single-threaded': ruleSetting('single-threaded', 'Fewer than `min_contacts` people in touch on their side or ours.', {
      min_contacts: plainNumber().int().min(1).max(100).optional().describe('The fewest people in touch on each side (1 to 100).'),
    }),
    'no-decision-maker': ruleSetting('no-decision-maker', 'A strategic or target plan names no decision maker.', {}),
    'no-champion': ruleSetting('no-champion', 'A strategic or target plan has no champion.', {}),
    'no-exec-sponsor': ruleSetting('no-exec-sponsor', 'A strategic or target plan has no exec_sponsor.', {}),
    'exec-cadence': ruleSetting('exec-cadence', 'An executive relationship with no meeting this fiscal quarter.', {}),
    'uncovered-stakeholder': ruleSetting('uncovered-stakeholder', 'A decision maker or economic buyer with no relationship owner.', {}),
    'overdue-action': ruleSetting('overdue-action', 'An open action more than `grace_days` past its due date.', {
      grace_days: plainNumber().int().min(0).max(MAX_DAYS).optional().describe(`Days past due before an action is overdue (0 to ${MAX_DAYS}).`),
    }),
    'no-next-action': ruleSetting('no-next-action', 'No open action due in the next `days` days.', {
      days: days('How far ahead to look for the next action.'),
    }),
    'objective-without-owner': ruleSetting('objective-without-owner', 'An open objective with no owner.', {}),
    'stretch-below-plan': ruleSetting('stretch-below-plan', 'A stretch target not above forecast × `min_ratio`.', {
      min_ratio: plainNumber().gt(0).max(100).optional().describe('How many times the forecast a stretch target must exceed, such as 1.2 (more than 0, at most 100).'),
    }),
    'not-qualified': ruleSetting('not-qualified', 'A grow or acquire plan with fewer than `min_true` qualification answers true.', {
      min_true: plainNumber().int().min(1).max(6).optional().describe('How many of the six questions must be answered true.'),
    }),
    'tier-mismatch': ruleSetting('tier-mismatch', 'The declared tier differs from the A–D tier computed from last year\'s revenue.', {}),
    'top-account-without-plan': ruleSetting('top-account-without-plan', 'An account in the top `share` of its `dimension` value by last year\'s revenue with no strategic plan or no forecast.', {
      share: plainNumber().gt(0).max(1).optional().describe('The top fraction of accounts by last year\'s revenue, such as 0.25.'),
      dimension: IdSchema.optional().describe('The dimension (a name under dimensions in workspace.yaml) whose values are ranked separately, such as channel.'),
    }),
    'stale-contact': ruleSetting('stale-contact', 'A key stakeholder with no contact in `days` days.', {
      days: days('How many days a key stakeholder may go without contact.'),
    }),
    'history-differs-from-ledger': ruleSetting('history-differs-from-ledger', 'A plan\'s hand-typed history for a year the sales ledger covers differs from what the ledger booked.', {}),
    'review-missing': ruleSetting('review-missing', 'A person who owns plans has no review for the last complete month.', {}),
    'review-incomplete': ruleSetting('review-incomplete', 'A person\'s latest review leaves out an account of their book.', {}),
    'review-action-unaccounted': ruleSetting('review-action-unaccounted', 'An action open at the previous review that the latest one neither closes nor carries.', {}),
    'action-slipped': ruleSetting('action-slipped', 'An action in a latest review that has slipped `slips` times or more.', {
      slips: plainNumber().int().min(1).max(1000).optional().describe('How many slips make an action a finding (1 to 1000).'),
    }),
    'review-date': ruleSetting('review-date', 'A review dated after today.', {}),
  })
  .describe('Rule settings by rule id: a severity (error, warning, info), off, or { severity, and the rule\'s thresholds }.');

export type Severity = z.infer<typeof SeveritySchema>;
export type RulesConfig = z.infer<typeof RulesConfigSchema>;
export type RuleSetting = NonNullable<RulesConfig[RuleId]>;
