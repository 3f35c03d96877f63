import { z } from 'zod';

export const SeveritySchema = z.enum(['error', 'warning', 'info']).describe('error fails check; warning and info are shown.');

/** One rule's setting: a severity, off, or an object with a severity and thresholds. */
export const RuleSettingSchema = z.union([
  z.enum(['off', 'error', 'warning', 'info']),
  z.looseObject({
    severity: z.enum(['off', 'error', 'warning', 'info']).optional().describe('off, error, warning or info.'),
  }),
]);

export const RulesConfigSchema = z
  .record(z.string().regex(/^[a-z]+(?:-[a-z]+)*$/), RuleSettingSchema)
  .describe('Rule settings by rule id: a severity (error, warning, info), off, or { severity, and the rule\'s thresholds }.');

export type Severity = z.infer<typeof SeveritySchema>;
export type RuleSetting = z.infer<typeof RuleSettingSchema>;
