import { RULE_DEFAULTS, RulesConfigSchema, type RuleId } from '../../../schemas/rules.ts';

/**
 * What a rule is, beside its check: its id, what it looks for, its default severity and thresholds, and the
 * Zod schema of its setting in workspace.yaml. The defaults and the schema stay in schemas/rules.ts, since
 * schemas import nothing from src/core; each rule file names its entry there by id.
 */
export interface RuleMeta<K extends RuleId> {
  id: K;
  description: string;
  defaults: (typeof RULE_DEFAULTS)[K];
  setting: (typeof RulesConfigSchema.shape)[K];
}

export function ruleMeta<K extends RuleId>(id: K): RuleMeta<K> {
  const setting = RulesConfigSchema.shape[id];
  // The schema's description ends with the defaults, for editors; the meta keeps them as values.
  const description = (setting.description ?? '').replace(/ Default: .*$/, '');
  return { id, description, defaults: RULE_DEFAULTS[id], setting };
}
