import type { Finding } from '../rules/finding.ts';
import type { Severity } from '../../../schemas/rules.ts';
import { pushTo } from '../shared/group.ts';

/** Which findings a change introduced and which it fixed, against the findings at --base. */
export interface FindingChange {
  /** One flag per finding of the working copy, in the same order: true when the base had no such finding. */
  isNew: boolean[];
  /** Findings at the base that the working copy no longer has. */
  resolved: Finding[];
}

/**
 * A finding's identity across two versions: the rule, the account and the subject (never a line number,
 * which any edit above it moves). A renamed plan's base findings count under its new id. The person is who
 * should act, not what the finding is about, so handing a plan to another owner leaves its findings as they
 * were; only a finding about no account (a review's date, a person with no review) is told apart by its person.
 */
export function findingKey(f: Pick<Finding, 'rule' | 'account' | 'person' | 'subject' | 'path'>, renames: ReadonlyMap<string, string> = new Map()): string {
  const about = f.account === undefined ? ['', f.person ?? ''] : [renames.get(f.account) ?? f.account, ''];
  return JSON.stringify([f.rule, ...about, f.subject ?? f.path ?? '']);
}

/** Matches findings by identity, counting duplicates: two findings of one key at the base cover two in the working copy. */
export function compareFindings(head: readonly Finding[], base: readonly Finding[], renames: ReadonlyMap<string, string> = new Map()): FindingChange {
  const left = new Map<string, Finding[]>();
  for (const f of base) pushTo(left, findingKey(f, renames), f);
  // How many of each key's base findings the working copy has matched: a counter, since shifting a list each time is quadratic.
  const matched = new Map<string, number>();
  const isNew = head.map((f) => {
    const key = findingKey(f);
    const used = matched.get(key) ?? 0;
    if (used >= (left.get(key)?.length ?? 0)) return true;
    matched.set(key, used + 1);
    return false;
  });
  return { isNew, resolved: [...left].flatMap(([key, list]) => list.slice(matched.get(key) ?? 0)) };
}

/** How many findings of each severity, for "adds 1 warning". */
export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
