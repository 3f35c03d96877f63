import { excerpt } from '../../shared/suggest.ts';
import type { CatalogEntry } from './entry.ts';

/** Incentive plans (comp.yaml). `plan` is the comp plan's place in `plans`; `field` a dot path. */
export const COMP = {
  'comp-person-twice': {
    severity: 'error',
    meaning: 'A person is in two comp plans for one period (through `people` or `role`).',
    message: ({ field, person, other, otherId, period }: { field: string; person: string; other: number; otherId: string; period: string }) =>
      `${field}: ${excerpt(person)} is already in plans[${other}] (${excerpt(otherId)}) for ${period}, and a person is paid by one plan per period. Take them out of one of the two (a "role" covers everyone with that role).`,
  },
  'comp-weights': {
    severity: 'error',
    meaning: 'A comp plan\'s measure weights do not add up to 1 (within 0.001).',
    message: ({ plan, total, share }: { plan: number; total: string; share: string }) =>
      `plans[${plan}].measures: the weights add up to ${total}, not 1, so the plan would pay ${share}% of target_pay at goal. Change the weights so that they add up to 1.`,
  },
  'comp-accelerator-order': {
    severity: 'error',
    meaning: 'A comp plan\'s accelerators are not in ascending order of `above`.',
    message: ({ plan, index, above, before }: { plan: number; index: number; above: number; before: number }) =>
      `plans[${plan}].accelerators[${index}].above: ${above} is not above the step before it (${before}). List the steps from the lowest "above" to the highest, each higher than the last.`,
  },
  'comp-unknown-period': {
    severity: 'error',
    meaning: 'A comp plan pays for a period that goals.yaml has no goal for.',
    message: ({ plan, period, known }: { plan: number; period: string; known: readonly string[] }) =>
      `plans[${plan}].period: goals.yaml has no goal for ${excerpt(period)}, so there is nothing to pay against.${known.length ? ` Write one of: ${known.join(', ')}, or add the period's goals.` : ' Add the period\'s goals to goals.yaml.'}`,
  },
  'comp-no-people': {
    severity: 'error',
    meaning: 'A comp plan covers nobody: it lists no people, and nobody in team.yaml holds its role.',
    message: ({ plan, role }: { plan: number; role: string | undefined }) =>
      `plans[${plan}]: the plan covers nobody${role !== undefined ? `: nobody in team.yaml has the role ${role}` : ''}. Add "people" (ids in team.yaml) or a "role" someone holds, or remove the plan.`,
  },
} as const satisfies Record<string, CatalogEntry>;
