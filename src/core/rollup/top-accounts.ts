import type { WorkspaceSettings } from '../../../schemas/index.ts';
import { RULE_DEFAULTS } from '../../../schemas/rules.ts';
import { ownValue } from '../shared/own.ts';
import { pushTo } from '../shared/group.ts';

/**
 * "The top quarter of each channel": the accounts that carry most of last year's revenue, ranked within each
 * value of one dimension. One function for the levers of a missed goal and for the top-account-without-plan
 * rule, with one set of settings: the rule's `share` and `dimension` in workspace.yaml.
 */
export interface TopShare {
  /** The fraction of each group's accounts, by sales, that counts as top (at least one per group with sales). */
  share: number;
  /** The dimension whose values are ranked separately; undefined when the workspace has no such dimension. */
  dimension: string | undefined;
}

/** An account's place among the accounts of its dimension value with sales. */
export interface TopRank {
  /** The dimension value ("" when all accounts form one group). */
  group: string;
  /** 1 for the largest sales. */
  rank: number;
  /** How many accounts of the group had sales. */
  of: number;
}

/**
 * workspace.yaml's settings for the top accounts: the rule's thresholds over its defaults, whether the rule is
 * on or off (the levers use them either way). A dimension the workspace does not define means one group.
 */
export function topShareOf(settings: Pick<WorkspaceSettings, 'dimensions' | 'rules'>, resolved?: { share: number; dimension: string }): TopShare {
  const setting = settings.rules?.['top-account-without-plan'];
  const own = resolved ?? (typeof setting === 'object' ? setting : {});
  const share = own.share ?? RULE_DEFAULTS['top-account-without-plan'].share;
  const dimension = own.dimension ?? RULE_DEFAULTS['top-account-without-plan'].dimension;
  return { share, dimension: Object.hasOwn(settings.dimensions, dimension) ? dimension : undefined };
}

/** The top `share` of each group by sales, ranked; accounts without sales, or without a value for the dimension, are never top. Ties go by id. */
export function rankTopAccounts(accounts: Iterable<{ id: string; sales: number; dimensions: Readonly<Record<string, string>> }>, top: TopShare): Map<string, TopRank> {
  const groups = new Map<string, { id: string; sales: number }[]>();
  for (const a of accounts) {
    if (a.sales <= 0) continue;
    const group = top.dimension === undefined ? '' : ownValue(a.dimensions, top.dimension);
    // A client of the sales ledger whose rows give no value for the dimension belongs to no group: lumping such
    // clients together would call one of them top of a group that does not exist. (Every plan has every dimension.)
    if (group === undefined) continue;
    pushTo(groups, group, a);
  }
  const ranked = new Map<string, TopRank>();
  for (const [group, list] of groups) {
    list.sort((x, y) => y.sales - x.sales || x.id.localeCompare(y.id));
    list.slice(0, Math.ceil(list.length * top.share)).forEach((a, i) => ranked.set(a.id, { group, rank: i + 1, of: list.length }));
  }
  return ranked;
}
