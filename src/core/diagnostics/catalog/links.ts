import { suggestId } from '../../shared/paths.ts';
import { closest, excerpt } from '../../shared/suggest.ts';
import type { CatalogEntry } from './entry.ts';

/** Links between files. `field` is the field's dot path; `index` the item's place in its list; `first` the place of the item it repeats. */
export const LINKS = {
  'invalid-file-name': {
    severity: 'error',
    meaning: 'An account plan\'s file name is not a valid account id.',
    // Suggest a name only when it keeps every letter and digit (über → uber): never `.yaml` for `_.yaml`, nor `ber.yaml` for `über.yaml`.
    message: ({ id, format }: { id: string; format: string }) => {
      const named = suggestId(id);
      const rename = named ? `Rename the file to ${named}.${format}.` : `Rename the file to an id written with a–z, 0–9 and hyphens, such as acme-corp.${format}.`;
      return `The file name ${excerpt(id)} is the account's id and must be lower-case letters, digits and hyphens. ${rename}`;
    },
  },
  'duplicate-account': {
    severity: 'error',
    meaning: 'Two plans have the same account id (file name).',
    message: ({ id, other }: { id: string; other: string }) =>
      `The account id ${excerpt(id)} is also used by ${other}. Ids are file names and must be unique across the plans folder: merge the two or rename one.`,
  },
  'duplicate-crm-id': {
    severity: 'error',
    meaning: 'Two plans name the same CRM account (crm.id, or a crm.id that is another plan\'s id), or two opportunities the same CRM deal (crm_id).',
    message: (data: DuplicateCrmId) => duplicateCrmId(data),
  },
  'duplicate-id': {
    severity: 'error',
    meaning: 'An id is used twice in one list (people, offerings, criteria, objectives, actions ...).',
    message: (data: DuplicateId) => duplicateId(data),
  },
  'duplicate-value': {
    severity: 'error',
    meaning: 'A dimension lists the same value twice.',
    message: ({ dimension, index, value }: { dimension: string; index: number; value: string }) => `dimensions.${dimension}[${index}]: ${excerpt(value)} is listed twice. Keep one.`,
  },
  'duplicate-forecast': {
    severity: 'error',
    meaning: 'A plan forecasts the same period (and product) twice.',
    message: ({ index, period, product, first }: { index: number; period: string; product: string | undefined; first: number }) =>
      `forecast[${index}]: ${period}${product ? ` for ${product}` : ''} is already forecast in forecast[${first}]. Add the two amounts into one entry.`,
  },
  'duplicate-offering': {
    severity: 'error',
    meaning: 'A plan lists the same offering twice under penetration.',
    message: ({ index, offering }: { index: number; offering: string }) =>
      `penetration[${index}]: ${excerpt(offering)} is listed twice. Each offering has one status: keep one entry.`,
  },
  'duplicate-goal': {
    severity: 'error',
    meaning: 'Two goals have the same period and scope.',
    message: ({ index, first }: { index: number; first: number }) => `goals[${index}]: the same period and scope as goals[${first}]. Keep one goal per period and scope.`,
  },
  'double-counting': {
    severity: 'error',
    meaning: 'A plan forecasts a year both as a whole and by quarter.',
    message: ({ index, year, quarter }: { index: number; year: string; quarter: number }) =>
      `forecast[${index}]: ${year} is given as a year and also by quarter (forecast[${quarter}]), which would count it twice. Keep the quarters and remove the annual entry, or the other way round.`,
  },
  'unknown-person': {
    severity: 'error',
    meaning: 'A field names a person who is not in team.yaml.',
    message: ({ field, id, people, role }: { field: string; id: string; people: Iterable<string>; role: string }) =>
      `${field}: ${excerpt(id)} is not a person in team.yaml.${suggestion(id, people) || ` Add ${role} to team.yaml, or use the id of someone listed there.`}`,
  },
  'unknown-review-person': {
    severity: 'error',
    meaning: 'A review file\'s name is not the id of a person in team.yaml.',
    message: ({ person, people }: { person: string; people: Iterable<string> }) =>
      `The file name ${excerpt(person)} should be the id of the person whose book is reviewed, but nobody in team.yaml has that id.${suggestion(person, people)}`,
  },
  'unknown-account': {
    severity: 'error',
    meaning: 'A field names an account that has no plan.',
    message: ({ field, id, accounts }: { field: string; id: string; accounts: Iterable<string> }) =>
      `${field}: ${excerpt(id)} is not an account.${suggestion(id, accounts) || ' Write the file name (without extension) of another plan in accounts/.'}`,
  },
  'unknown-stakeholder': {
    severity: 'error',
    meaning: 'A field names a stakeholder the plan does not list.',
    message: ({ field, id, stakeholders }: { field: string; id: string; stakeholders: readonly string[] }) =>
      `${field}: ${excerpt(id)} is not a stakeholder in this plan.${suggestion(id, stakeholders) || ' Use the id of someone under stakeholders.'}`,
  },
  'unknown-objective': {
    severity: 'error',
    meaning: 'An action names an objective the plan does not list.',
    message: ({ index, id, objectives }: { index: number; id: string; objectives: readonly string[] }) =>
      `actions[${index}].objective: ${excerpt(id)} is not an objective in this plan.${suggestion(id, objectives) || ' Use the id of one under objectives.'}`,
  },
  'unknown-offering': {
    severity: 'error',
    meaning: 'A field names an offering workspace.yaml does not list.',
    message: ({ field, id, offerings }: { field: string; id: string; offerings: readonly string[] }) =>
      `${field}: ${excerpt(id)} is not an offering in workspace.yaml.${suggestion(id, offerings) || (offerings.length ? ` Write one of: ${offerings.join(', ')}.` : ' Add it under "offerings" in workspace.yaml.')}`,
  },
  'unknown-dimension': {
    severity: 'error',
    meaning: 'A field names a dimension workspace.yaml does not define.',
    message: (data: UnknownDimension) => unknownDimension(data),
  },
  'unknown-dimension-value': {
    severity: 'error',
    meaning: 'A dimension value workspace.yaml does not list for that dimension.',
    message: ({ field, dimension, value, allowed }: { field: string; dimension: string; value: string; allowed: readonly string[] }) =>
      `${field}: ${excerpt(value)} is not a ${dimension} in workspace.yaml.${suggestion(value, allowed)} Write one of: ${allowed.join(', ')}.`,
  },
  'unknown-scope': {
    severity: 'error',
    meaning: 'A goal\'s scope key is not a dimension, "owner" or "manager".',
    message: ({ index, key, keys }: { index: number; key: string; keys: readonly string[] }) =>
      `goals[${index}].scope: ${excerpt(key)} is not a dimension, "owner" or "manager".${suggestion(key, keys) || ` Write one of: ${keys.join(', ')}.`}`,
  },
  'unknown-criterion': {
    severity: 'error',
    meaning: 'A plan scores an ICP criterion icp.yaml does not define.',
    message: ({ id, criteria }: { id: string; criteria: readonly string[] }) =>
      `icp.${id}: ${excerpt(id)} is not a criterion in icp.yaml.${suggestion(id, criteria) || ` Write one of: ${criteria.join(', ')}.`}`,
  },
  'icp-score-above-scale': {
    severity: 'error',
    meaning: 'A plan\'s ICP score is above the scale icp.yaml sets.',
    message: ({ id, score, scale }: { id: string; score: number; scale: number }) => `icp.${id}: ${score} is above the scale of icp.yaml. Scores run from 0 to ${scale}.`,
  },
  'no-icp': {
    severity: 'error',
    meaning: 'A plan scores the ICP but there is no icp.yaml.',
    message: () => 'icp: the plan scores the ideal customer profile, but there is no icp.yaml. Add icp.yaml with the weighted criteria, or remove "icp".',
  },
  'missing-dimension': {
    severity: 'error',
    meaning: 'A plan lacks a dimension that workspace.yaml defines.',
    /** `field` is the plan's map of dimensions (`dimensions`). */
    message: ({ field, dimension, allowed }: { field: string; dimension: string; allowed: readonly string[] }) =>
      `${field}.${dimension} is missing, so the plan cannot be rolled up by ${dimension}. Add "${dimension}:" with one of: ${allowed.join(', ')}.`,
  },
  'reserved-dimension': {
    severity: 'error',
    meaning: 'A dimension is named "owner" or "manager", which goal scopes reserve.',
    message: ({ name }: { name: string }) =>
      `dimensions.${name}: ${excerpt(name)} is how goals.yaml names a person's book, so a dimension cannot be called that. Rename the dimension, such as ${name}_group.`,
  },
  'missing-fx-rate': {
    severity: 'error',
    meaning: 'A plan\'s currency has no exchange rate in workspace.yaml.',
    message: ({ currency, workspaceCurrency }: { currency: string; workspaceCurrency: string }) =>
      `currency: there is no exchange rate for ${currency}. Add "fx: { ${currency}: <${workspaceCurrency} per ${currency}> }" to workspace.yaml, or write the plan in ${workspaceCurrency}.`,
  },
  'fx-workspace-currency': {
    severity: 'error',
    meaning: 'workspace.yaml gives a rate for its own currency.',
    message: ({ currency }: { currency: string }) => `fx.${currency}: ${currency} is the workspace currency, which needs no rate (it is always 1). Remove the line.`,
  },
  'tier-order': {
    severity: 'error',
    meaning: 'The tier thresholds are not in order A >= B >= C.',
    message: ({ tier }: { tier: 'B' | 'C' }) =>
      `tiers: A, B and C are the least revenue of each tier, so A ≥ B ≥ C; here ${tier} is above ${tier === 'B' ? 'A' : 'B'}. Swap the two numbers.`,
  },
  'not-a-manager': {
    severity: 'error',
    meaning: 'A goal is scoped to a manager nobody reports to.',
    message: ({ index, person }: { index: number; person: string }) =>
      `goals[${index}].scope.manager: nobody in team.yaml has "manager: ${person}", so this goal covers no plan. Use "owner: ${person}" for their own book.`,
  },
  'manager-cycle': {
    severity: 'error',
    meaning: 'The managers in team.yaml form a circle.',
    message: ({ index, cycle }: { index: number; cycle: readonly string[] }) =>
      `people[${index}].manager: ${cycle.join(' → ')} is a circle. Someone at the top reports to nobody: remove one "manager".`,
  },
  'parent-cycle': {
    severity: 'error',
    meaning: 'The parent accounts form a circle.',
    message: ({ cycle }: { cycle: readonly string[] }) => `parent: ${cycle.join(' → ')} is a circle. The top account of a family has no parent: remove one "parent".`,
  },
  'reports-to-self': {
    severity: 'error',
    meaning: 'A stakeholder reports to themselves.',
    message: ({ index, name }: { index: number; name: string }) => `stakeholders[${index}].reports_to: ${name} cannot report to themselves. Remove the line or name their manager.`,
  },
  'reports-to-cycle': {
    severity: 'error',
    meaning: 'A plan\'s stakeholders\' reports_to form a circle.',
    message: ({ index, cycle }: { index: number; cycle: readonly string[] }) =>
      `stakeholders[${index}].reports_to: ${cycle.join(' → ')} is a circle. Someone at the top reports to nobody: remove one "reports_to".`,
  },
  'review-folder': {
    severity: 'error',
    meaning: 'A review\'s folder name is not a month (YYYY-MM).',
    message: ({ folder }: { folder: string }) => `The folder ${excerpt(folder)} should be the month of the review, written YYYY-MM, such as 2026-10.`,
  },
  'review-date': {
    severity: 'error',
    meaning: 'A review\'s date is not in the month of its folder.',
    message: ({ date, month }: { date: string; month: string }) =>
      `date: ${date} is not in ${month}, the month of the folder. Move the file to reviews/${date.slice(0, 7)}/ or fix the date.`,
  },
  'review-account-gone': {
    severity: 'info',
    meaning: 'A review names an account that has no plan now (removed or renamed since); the review stays valid.',
    message: ({ field, id, accounts }: { field: string; id: string; accounts: Iterable<string> }) =>
      `${field}: ${excerpt(id)} has no plan in accounts/ now.${suggestion(id, accounts) || ' If it was removed or renamed since, leave the review as it is: it records its month.'}`,
  },
  'serves-without-account': {
    severity: 'error',
    meaning: 'A review action says which objective or action it serves but names no account.',
    message: ({ field, serves }: { field: string; serves: string }) =>
      `${field}: ${excerpt(serves)} names an objective or action, but the action names no account. Add "account: <id>" for the plan it belongs to.`,
  },
  'unknown-serves': {
    severity: 'error',
    meaning: 'An action in a person\'s latest review serves an id that is not an objective or action of the account\'s plan.',
    message: ({ field, serves, account, ids }: { field: string; serves: string; account: string; ids: readonly string[] }) =>
      `${field}: ${excerpt(serves)} is not an objective or action id in accounts/${account}.${suggestion(serves, ids) || ` Write the id of one of its objectives or actions${ids.length > 0 ? ` (${ids.slice(0, 5).join(', ')})` : '; give the plan action an id first'}.`}`,
  },
  'review-serves-gone': {
    severity: 'info',
    meaning: 'An action in an earlier review serves an objective or action the plan no longer has; the review stays valid.',
    message: ({ field, serves, account }: { field: string; serves: string; account: string }) =>
      `${field}: ${excerpt(serves)} is not an objective or action in accounts/${account} now. The review records its month: leave it as it is.`,
  },
  'review-offering-gone': {
    severity: 'info',
    meaning: 'An earlier review names an offering workspace.yaml no longer lists; the review stays valid.',
    message: ({ field, id }: { field: string; id: string }) => `${field}: ${excerpt(id)} is not an offering in workspace.yaml now. The review records its month: leave it as it is.`,
  },
  'new-action-without-due': {
    severity: 'error',
    meaning: 'A new action in a review has no due date.',
    message: ({ index, description }: { index: number; description: string }) =>
      `actions[${index}]: ${excerpt(description)} has no due date. Add "due: YYYY-MM-DD": a new action has an owner and a date, so the weekly check can find it.`,
  },
  'slipped-without-due': {
    severity: 'error',
    meaning: 'A review action has slipped but gives no new due date.',
    message: ({ list, index, description }: { list: string; index: number; description: string }) =>
      `${list}[${index}]: ${excerpt(description)} slipped but gives no new date. Add "due: YYYY-MM-DD", the date it is now promised for.`,
  },
  'dropped-without-reason': {
    severity: 'error',
    meaning: 'A review action is dropped without a reason.',
    message: ({ list, index, description, status }: { list: string; index: number; description: string; status: string }) =>
      `${list}[${index}]: ${excerpt(description)} is ${status} without a reason. Add "reason: …", one line on why it is no longer worth doing.`,
  },
  'review-person': {
    severity: 'error',
    meaning: 'A review\'s person field differs from its file name.',
    message: ({ person, fileName }: { person: string; fileName: string }) =>
      `person: ${excerpt(person)} does not match the file name ${excerpt(fileName)}. Rename the file to ${person}.yaml or remove the "person" line.`,
  },
} as const satisfies Record<string, CatalogEntry>;

/** ` Did you mean "x"?`, or nothing when no candidate is close. */
export function suggestion(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match ? ` Did you mean "${match}"?` : '';
}

/** An id used twice in a list: the people of team.yaml, the offerings of workspace.yaml, the criteria of icp.yaml, or a plan's list. */
export type DuplicateId =
  | { list: 'people'; index: number; id: string }
  | { list: 'offerings' | 'criteria'; index: number; id: string; first: number }
  | { list: 'stakeholders' | 'objectives' | 'opportunities' | 'actions'; index: number; id: string }
  | { list: 'comp plans'; index: number; id: string; first: number }
  | { list: 'comp measures'; plan: number; index: number; id: string; first: number };

function duplicateId(data: DuplicateId): string {
  switch (data.list) {
    case 'people':
      return `people[${data.index}].id: ${excerpt(data.id)} is listed twice. Each person appears once; give the second one another id.`;
    case 'offerings':
      return `offerings[${data.index}].id: ${excerpt(data.id)} is also offerings[${data.first}]. Give each offering its own id.`;
    case 'criteria':
      return `criteria[${data.index}].id: ${excerpt(data.id)} is also criteria[${data.first}]. Give each criterion its own id.`;
    case 'comp plans':
      return `plans[${data.index}].id: ${excerpt(data.id)} is also plans[${data.first}]. Give each comp plan its own id.`;
    case 'comp measures':
      return `plans[${data.plan}].measures[${data.index}].measure: ${data.id} is also measures[${data.first}]. List each measure once, with its whole weight.`;
    default:
      return `${data.list}[${data.index}].id: ${excerpt(data.id)} is used twice in ${data.list}. Give each one its own id.`;
  }
}

/** A dimension workspace.yaml does not define, named by a plan (`dimensions.<name>`) or by a rule's setting in workspace.yaml. */
export type UnknownDimension = { in: 'plan' | 'settings'; field: string; name: string; names: readonly string[] };

function unknownDimension({ in: where, field, name, names }: UnknownDimension): string {
  if (where === 'plan') return `${field}: ${excerpt(name)} is not a dimension in workspace.yaml.${suggestion(name, names) || ` The dimensions are: ${names.join(', ') || 'none yet'}.`}`;
  const fix = names.length ? ` Write one of: ${names.join(', ')}.` : ' There are no dimensions yet: add them under "dimensions", or remove the line.';
  return `${field}: ${excerpt(name)} is not a dimension in workspace.yaml.${suggestion(name, names)}${fix}`;
}

/**
 * A CRM id used twice: a plan's crm.id that another plan's crm.id also names (`first` is that plan's file), or that is
 * another plan's own id (`owner`); or an opportunity's crm_id another opportunity also has (`where` says which).
 */
export type DuplicateCrmId =
  | { of: 'account'; id: string; first: string; written?: string }
  | { of: 'account-is-plan-id'; id: string; owner: string }
  | { of: 'deal'; index: number; id: string; where: string; written?: string };

/** `written`: the other form of one Salesforce id (15 and 18 characters, sales.crm_ids: salesforce), as the first use writes it. */
function form(written: string | undefined): string {
  return written === undefined ? '' : ` (written ${excerpt(written)} there: the 15- and 18-character forms of one Salesforce id)`;
}

function duplicateCrmId(data: DuplicateCrmId): string {
  switch (data.of) {
    case 'account':
      return `crm.id: ${excerpt(data.id)} is also the CRM id of ${data.first}${form(data.written)}, so the ledger's rows for it would all be booked to one of the two plans. Each plan names its own CRM account: correct one of the ids, or merge the two plans.`;
    case 'account-is-plan-id':
      return `crm.id: ${excerpt(data.id)} is the id of the plan ${data.owner}, and a ledger row naming ${excerpt(data.id)} is booked to that plan, never to this one. Write this account's own CRM id.`;
    case 'deal':
      return `opportunities[${data.index}].crm_id: ${excerpt(data.id)} is also the CRM id of ${data.where}${form(data.written)}, so the deal would be counted twice. Keep the deal in one plan, or correct the id.`;
  }
}
