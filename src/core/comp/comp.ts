import type { CompMeasureId, CompPlan } from '../../../schemas/index.ts';
import type { PathSegment } from '../diagnostics/diagnostic.ts';
import type { Workspace } from '../model.ts';
import type { GoalResult, Rollup } from '../rollup/rollup.ts';
import { ownValue } from '../shared/own.ts';
import { periodEnd, periodStart } from '../shared/periods.ts';
import { payoutOf } from './formula.ts';
import { membersOf } from '../load/comp-members.ts';

/** A figure at the three measures of the year: what the plans say, where it lands (the ledger), what is booked so far. */
export interface AtThree {
  planned: number | null;
  landing: number | null;
  booked: number | null;
}

export interface CompMeasureResult {
  measure: CompMeasureId;
  weight: number;
  /** The goal a revenue measure is paid against (its place in the rollup), when there is one. */
  goal?: GoalResult;
  /** The objectives measure: the person's objectives due in the period and not dropped, and how many are done. */
  objectives?: { done: number; total: number };
  /** Achieved over the goal (objectives: done over total); null without a goal (or a ledger, for landing and booked). */
  attainment: AtThree;
}

/** One person in a comp plan, with attainment per measure and the payout. */
export interface CompPerson {
  person: string;
  plan: string;
  period: string;
  /** The plan's position in comp.yaml and the field that names the person, to locate findings. */
  planIndex: number;
  path: PathSegment[];
  measures: CompMeasureResult[];
  /** target_pay × the weighted fractions, capped; null when a measure has no attainment at that figure. */
  payout: AtThree;
  targetPay: number;
}

/** A person's objectives in strategic plans, due in a period and not dropped. */
export function objectivesDue(ws: Workspace, person: string, period: string): { done: number; total: number } {
  const start = periodStart(period, ws.settings.fiscal_year_start_month);
  const end = periodEnd(period, ws.settings.fiscal_year_start_month);
  let done = 0;
  let total = 0;
  for (const a of ws.accounts) {
    if (!a.plan.strategic) continue;
    for (const o of a.plan.objectives) {
      if (o.owner !== person || o.status === 'dropped' || o.due === undefined || o.due < start || o.due > end) continue;
      total++;
      if (o.status === 'done') done++;
    }
  }
  return { done, total };
}

/** Whether anyone in team.yaml reports to this person. */
export function hasTeam(ws: Workspace, person: string): boolean {
  return ws.people.some((p) => p.manager === person);
}

/** Whose team goal a team-revenue measure pays against: the person's own when they manage anyone, else their manager's. */
export function teamManagerOf(ws: Workspace, person: string): string | undefined {
  return hasTeam(ws, person) ? person : ws.personById.get(person)?.manager;
}

/** The goal a revenue measure pays against: the owner goal, or the team goal of the person's manager (their own as a manager). */
export function goalFor(ws: Workspace, rollup: Rollup, person: string, period: string, measure: 'own-revenue' | 'team-revenue'): GoalResult | undefined {
  if (measure === 'own-revenue') return findGoal(rollup, period, 'owner', person);
  const manager = teamManagerOf(ws, person);
  return manager === undefined ? undefined : findGoal(rollup, period, 'manager', manager);
}

function findGoal(rollup: Rollup, period: string, key: 'owner' | 'manager', id: string): GoalResult | undefined {
  return rollup.goals.find((g) => g.period === period && Object.keys(g.scope).length === 1 && ownValue(g.scope, key) === id);
}

/** Every person of every comp plan, with attainment and payout (comp.yaml's order, people before role). */
export function computeComp(ws: Workspace, rollup: Rollup): CompPerson[] {
  if (!ws.comp) return [];
  return ws.comp.plans.flatMap((plan, planIndex) => membersOf(plan, planIndex, ws.people).map(({ person, path }) => compPerson(ws, rollup, plan, planIndex, person, path)));
}

function compPerson(ws: Workspace, rollup: Rollup, plan: CompPlan, planIndex: number, person: string, path: PathSegment[]): CompPerson {
  const measures = plan.measures.map((m): CompMeasureResult => {
    if (m.measure === 'objectives') {
      const objectives = objectivesDue(ws, person, plan.period);
      const share = objectives.total > 0 ? objectives.done / objectives.total : null;
      return { measure: m.measure, weight: m.weight, objectives, attainment: { planned: share, landing: share, booked: share } };
    }
    const goal = goalFor(ws, rollup, person, plan.period, m.measure);
    const over = (achieved: number | undefined): number | null => (goal && goal.goal > 0 && achieved !== undefined ? achieved / goal.goal : null);
    return {
      measure: m.measure,
      weight: m.weight,
      ...(goal && { goal }),
      attainment: { planned: over(goal?.planned), landing: over(goal?.landing?.revenue), booked: over(goal?.booked?.revenue) },
    };
  });
  const payoutAt = (at: keyof AtThree): number | null => {
    const parts = measures.map((m) => ({ weight: m.weight, attainment: m.attainment[at] }));
    if (parts.some((p) => p.attainment === null)) return null;
    return payoutOf(plan.target_pay, parts as { weight: number; attainment: number }[], plan.accelerators, plan.cap);
  };
  return {
    person,
    plan: plan.id,
    period: plan.period,
    planIndex,
    path,
    measures,
    payout: { planned: payoutAt('planned'), landing: payoutAt('landing'), booked: payoutAt('booked') },
    targetPay: plan.target_pay,
  };
}
