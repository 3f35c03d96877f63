import { RULE_SETTINGS, type RuleId } from '../../../schemas/rules.ts';

/**
 * What a rule is, beside its check and messages: its id, what it looks for, its default severity and thresholds,
 * and the Zod schema of its setting in workspace.yaml. Those live in schemas/rules/<id>.ts, since schemas import
 * nothing from src/ and workspace.yaml's schema needs them.
 */
export interface RuleMeta<K extends RuleId> {
  id: K;
  description: string;
  defaults: (typeof RULE_SETTINGS)[K]['defaults'];
  setting: (typeof RULE_SETTINGS)[K]['schema'];
}

export function ruleMeta<K extends RuleId>(id: K): RuleMeta<K> {
  const { description, defaults, schema } = RULE_SETTINGS[id];
  return { id, description, defaults, setting: schema };
}
