import { z } from 'zod';
import { IdSchema } from './common.ts';

/**
 * What a field refers to, for the checks across files (src/core/load/link.ts):
 * - `person`: the id of a person in team.yaml;
 * - `offering`: the id of an offering in workspace.yaml;
 * - `account`: the id (file name) of an account plan;
 * - `dimension`: the name of a dimension in workspace.yaml;
 * - `dimension-values`: a map from dimension names to one of each dimension's values.
 */
/** What a field may refer to (defined in another file); the parse cache checks a kept reference's kind against these. */
export const REFERENCE_KINDS = ['person', 'offering', 'account', 'dimension', 'dimension-values'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export interface Reference {
  kind: ReferenceKind;
  /** Who the person is, for the message that asks to add them to team.yaml: "the owner". */
  what?: string;
}

/**
 * Every field that refers to something defined in another file. The linker finds them by walking a file's schema,
 * so a new field declared with one of the functions below is checked without a list to edit. A registry of its own,
 * not `.meta()`: the JSON Schema shows only `z.globalRegistry`, and stays as it is. A schema derived from a marked
 * one (`.describe()`, `.refine()`) keeps the mark, since Zod registries inherit from a schema's parent.
 */
export const references = z.registry<Reference>();

/** A person in team.yaml; `what` names them in the message when they are missing ("Add the owner to team.yaml"). */
export function personRef(what: string) {
  return IdSchema.describe('The id of a person in team.yaml, such as "jane-doe".').register(references, { kind: 'person', what });
}

/** An offering in workspace.yaml. */
export function offeringRef() {
  return IdSchema.clone().register(references, { kind: 'offering' });
}

/** An account plan, by its id (the file name without extension). */
export function accountRef() {
  return IdSchema.clone().register(references, { kind: 'account' });
}

/** A dimension in workspace.yaml, by name. */
export function dimensionRef() {
  return IdSchema.clone().register(references, { kind: 'dimension' });
}

/** Marks a map from dimension names to values (the plan's `dimensions`) as naming workspace.yaml's dimensions. */
export function dimensionValues<T extends z.ZodType>(schema: T): T {
  references.add(schema, { kind: 'dimension-values' });
  return schema;
}
