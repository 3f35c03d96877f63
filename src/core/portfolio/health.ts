import type { AccountPlan } from '../../../schemas/index.ts';
import type { Finding } from '../rules/finding.ts';
import type { AccountEntry, Workspace } from '../model.ts';
import { pushTo } from '../shared/group.ts';

/**
 * A plan's health, 0–100: it starts at 100, each finding on the plan takes off the points of
 * its severity, and each part of the method the plan is expected to fill but leaves empty
 * takes off MISSING_PART_POINTS. The score is floored at 0. Every deduction is listed, so the
 * site can show what the score is made of.
 */
export const SEVERITY_POINTS: Readonly<Record<Finding['severity'], number>> = { error: 25, warning: 10, info: 3 };
export const MISSING_PART_POINTS = 5;

/** The parts of the method a plan can fill, in the order the site lists them. */
export const PLAN_PARTS = [
  'profile',
  'history',
  'forecast',
  'stretch',
  'penetration',
  'stakeholders',
  'buying_process',
  'objectives',
  'actions',
  'competitors',
  'swot',
  'risks',
  'qualification',
  'exec_relationships',
] as const;

export type PlanPart = (typeof PLAN_PARTS)[number];

const hasAny = (o: object | undefined) => o !== undefined && Object.values(o).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined));

const FILLED: Record<PlanPart, (p: AccountPlan) => boolean> = {
  profile: (p) => hasAny(p.profile),
  history: (p) => p.history.length > 0,
  forecast: (p) => p.forecast.length > 0,
  stretch: (p) => p.stretch.length > 0,
  penetration: (p) => p.penetration.length > 0,
  stakeholders: (p) => p.stakeholders.length > 0,
  buying_process: (p) => hasAny(p.buying_process),
  objectives: (p) => p.objectives.length > 0,
  actions: (p) => p.actions.length > 0,
  competitors: (p) => p.competitors.length > 0,
  swot: (p) => hasAny(p.swot),
  risks: (p) => p.risks.length > 0,
  qualification: (p) => hasAny(p.qualification),
  exec_relationships: (p) => p.exec_relationships.length > 0,
};

/**
 * Which parts the method expects of a plan: every plan knows the account, plans revenue and
 * names people and steps; a current account adds its history and whitespace; a target adds how
 * they buy and whom they buy from; grow and acquire plans answer the qualification questions;
 * a strategic plan fills every part.
 */
export function expectedParts(p: AccountPlan): Set<PlanPart> {
  if (p.strategic) return new Set(PLAN_PARTS);
  const parts = new Set<PlanPart>(['profile', 'forecast', 'stakeholders', 'objectives', 'actions']);
  if (p.status === 'current') ['history', 'penetration'].forEach((x) => parts.add(x as PlanPart));
  if (p.status === 'target') ['buying_process', 'competitors'].forEach((x) => parts.add(x as PlanPart));
  if (p.strategy === 'grow' || p.strategy === 'acquire') parts.add('qualification');
  return parts;
}

export interface HealthDeduction {
  /** A rule id, or `missing:<part>` for an expected part left empty. */
  reason: string;
  severity?: Finding['severity'];
  points: number;
}

export interface PlanHealth {
  account: string;
  score: number;
  /** good from 80, fair from 50, poor below. */
  rating: 'good' | 'fair' | 'poor';
  /** What the score lost, and why: 100 minus their points, floored at 0. */
  deductions: HealthDeduction[];
  parts: { name: PlanPart; filled: boolean; expected: boolean }[];
  /** Expected parts filled ÷ expected parts. */
  completeness: number;
}

/** The health of one plan from its own findings (findings on other files are ignored). */
export function scorePlan(entry: AccountEntry, findings: readonly Finding[]): PlanHealth {
  const expected = expectedParts(entry.plan);
  const parts = PLAN_PARTS.map((name) => ({ name, filled: FILLED[name](entry.plan), expected: expected.has(name) }));
  const deductions: HealthDeduction[] = [
    ...findings
      .filter((f) => f.account === entry.id)
      .map((f) => ({ reason: f.rule, severity: f.severity, points: SEVERITY_POINTS[f.severity] })),
    ...parts
      .filter((p) => p.expected && !p.filled)
      .map((p) => ({ reason: `missing:${p.name}`, points: MISSING_PART_POINTS })),
  ];
  const deducted = deductions.reduce((s, d) => s + d.points, 0);
  const score = Math.max(0, 100 - deducted);
  const filledExpected = parts.filter((p) => p.expected && p.filled).length;
  return {
    account: entry.id,
    score,
    rating: score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor',
    deductions,
    parts,
    completeness: expected.size === 0 ? 1 : filledExpected / expected.size,
  };
}

/** Every plan's health, by account id. */
export function scorePlans(ws: Workspace, findings: readonly Finding[]): Map<string, PlanHealth> {
  // Grouped once: scorePlan filters the list it is given, and giving it every finding made this accounts × findings.
  const byAccount = new Map<string, Finding[]>();
  for (const f of findings) if (f.account !== undefined) pushTo(byAccount, f.account, f);
  return new Map(ws.accounts.map((a) => [a.id, scorePlan(a, byAccount.get(a.id) ?? [])]));
}
