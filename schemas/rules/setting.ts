import { z } from 'zod';

/** How much a finding weighs: error fails check; warning and info are shown. */
export const SeveritySchema = z.enum(['error', 'warning', 'info']).describe('error fails check; warning and info are shown.');

export type Severity = z.infer<typeof SeveritySchema>;

/** A severity, or off. */
const LevelSchema = z.enum(['off', 'error', 'warning', 'info']).describe('off, error, warning or info.');

/**
 * One rule's setting in workspace.yaml `rules:`, from what its file in schemas/rules/ declares: its id, what it
 * looks for (the editor's tooltip, and the rule's description), its default severity and thresholds, and the
 * schema of each threshold. The setting is a severity or off, or an object with a severity and the thresholds.
 * The defaults are values, not Zod defaults: the parsed workspace keeps only what its author wrote.
 */
export function ruleSetting<const Id extends string, const D extends { severity: Severity }, T extends z.ZodRawShape>(
  id: Id,
  { description, defaults, thresholds }: { description: string; defaults: D; thresholds: T },
) {
  const { severity, ...rest } = defaults;
  const byDefault = [severity, ...Object.entries(rest).map(([k, v]) => `${k} ${String(v)}`)].join(', ');
  const schema = z
    .union([LevelSchema, z.strictObject({ severity: LevelSchema.optional(), ...thresholds })], {
      error: `Write off, error, warning or info, or { ${['severity', ...Object.keys(thresholds)].map((k) => `${k}: …`).join(', ')} }.`,
    })
    .optional()
    .describe(`${description} Default: ${byDefault}.`);
  return { id, description, defaults, schema };
}
