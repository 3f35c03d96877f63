import type { Finding } from '../rules/finding.ts';
import { SEVERITY_WORD } from '../report/sentences.ts';
import { formatMoney } from '../shared/money.ts';
import { personName, sitePathOfFile, type SiteData } from './site.ts';

/**
 * The findings page: every rule finding of the workspace, most urgent first, with the filters the page's
 * script applies (by rule, severity and owner). Without JavaScript the whole table is there, sorted
 * most urgent first, and the rule, severity and owner of each finding are columns of their own.
 */
export interface FindingsView {
  total: number;
  /** "54 findings: 3 errors, 40 warnings, 11 notes". */
  summary: string;
  filters: { key: 'rule' | 'severity' | 'owner'; label: string; options: { value: string; label: string }[] }[];
  rows: FindingRow[];
  /** With step 8's findings (comp.yaml): what they are about and how many, for a paragraph above the table. */
  compNote: string | undefined;
}

export interface FindingRow {
  severity: Finding['severity'];
  /** The severity as the badge says it: "note" for info. */
  label: string;
  badge: 'bad' | 'warn' | 'info';
  rule: string;
  account: { id: string; name: string } | undefined;
  /** The plan's owner, or the person the finding names when it is about no plan. */
  owner: { id: string; name: string } | undefined;
  message: string;
  /** "$120,000", or undefined when the finding puts no revenue at risk. */
  atStake: string | undefined;
  atStakeValue: number;
  /** Where to fix it: "plans/accounts/acme.yaml:14". */
  where: string;
}

const BADGE = { error: 'bad', warning: 'warn', info: 'info' } as const;
const SEVERITIES = ['error', 'warning', 'info'] as const;

/** The rules of step 8, which compare comp.yaml with the goals and the plans. */
const STEP_8 = new Set(['quota-not-planned', 'team-quota-unassigned', 'comp-without-goal', 'objectives-unrewarded']);

export function findingsView(data: SiteData): FindingsView {
  const { ws } = data;
  const all = data.findings.all;
  const rows = all.map((f): FindingRow => {
    const plan = f.account === undefined ? undefined : ws.accountById.get(f.account);
    const ownerId = plan?.plan.owner ?? f.person;
    return {
      severity: f.severity,
      label: SEVERITY_WORD[f.severity],
      badge: BADGE[f.severity],
      rule: f.rule,
      account: plan && { id: plan.id, name: plan.plan.name },
      owner: ownerId === undefined || !ws.personById.has(ownerId) ? undefined : { id: ownerId, name: personName(ws, ownerId) },
      message: f.message,
      atStake: f.revenueAtStake !== undefined && f.revenueAtStake > 0 ? formatMoney(f.revenueAtStake, data.rollup.currency) : undefined,
      atStakeValue: f.revenueAtStake ?? 0,
      where: `${sitePathOfFile(data, f.file)}:${f.line}`,
    };
  });
  const count = (pick: (r: FindingRow) => string | undefined) => {
    const counts = new Map<string, number>();
    for (const r of rows) {
      const key = pick(r);
      if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };
  const byRule = count((r) => r.rule);
  const bySeverity = count((r) => r.severity);
  const owners = new Map(rows.flatMap((r) => (r.owner ? [[r.owner.id, r.owner.name] as const] : [])));
  const byOwner = count((r) => r.owner?.id);
  const parts = SEVERITIES.filter((s) => bySeverity.has(s)).map((s) => plural(bySeverity.get(s) ?? 0, SEVERITY_WORD[s]));
  const step8 = rows.filter((r) => STEP_8.has(r.rule)).length;
  return {
    compNote:
      step8 === 0
        ? undefined
        : `${plural(step8, 'finding')} ${step8 === 1 ? 'is' : 'are'} from step 8 of the method, pay that matches the plans: ${step8 === 1 ? 'it compares' : 'they compare'} the incentive plans in comp.yaml with the goals and the plans' forecast, so that nobody is paid on revenue no plan backs, on a goal nobody holds, or for revenue alone while the strategic plans ask for more.`,
    total: rows.length,
    summary: rows.length === 0 ? 'No rule finds anything to fix' : `${plural(rows.length, 'finding')}: ${parts.join(', ')}`,
    filters: [
      { key: 'rule', label: 'Rule', options: [...byRule].sort(([a], [b]) => a.localeCompare(b)).map(([id, n]) => ({ value: id, label: `${id} (${n})` })) },
      { key: 'severity', label: 'Severity', options: SEVERITIES.filter((s) => bySeverity.has(s)).map((s) => ({ value: s, label: `${SEVERITY_WORD[s]} (${bySeverity.get(s)})` })) },
      {
        key: 'owner',
        label: 'Owner',
        options: [...owners].sort(([, a], [, b]) => a.localeCompare(b)).map(([id, name]) => ({ value: id, label: `${name} (${byOwner.get(id) ?? 0})` })),
      },
    ],
    rows,
  };
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
