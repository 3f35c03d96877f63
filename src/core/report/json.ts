import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { isFailing, type CheckReport } from './check-report.ts';
import type { CompPerson } from '../comp/comp.ts';

/** The documented `check --json` shape: { ok, currency, goals, diagnostics }, plus findings, comp (with comp.yaml), base, resolvedFindings and gate. */
export function toJson(report: CheckReport): object {
  const { rollup } = report;
  return {
    ok: !isFailing(report),
    currency: rollup.currency,
    count: rollup.count,
    tolerance: rollup.tolerance,
    goals: rollup.goals.map((g) => ({
      period: g.period,
      scope: g.scope,
      ...(g.name !== undefined && { name: g.name }),
      label: g.label,
      goal: g.goal,
      planned: g.planned,
      gap: g.gap,
      met: g.met,
      coverage: g.coverage,
      threshold: g.threshold,
      stretch: g.stretch,
      stretchWithForecast: g.stretchWithForecast,
      notPhased: g.notPhased,
      contributions: g.contributions.filter((c) => c.planned !== 0),
      levers: g.levers,
      ...(g.booked && { booked: { revenue: g.booked.revenue, share: g.booked.share, toCome: g.booked.toCome, withoutPlan: g.booked.withoutPlan, ...(g.booked.through !== undefined && { through: g.booked.through }) } }),
      ...(g.landing && { landing: { revenue: g.landing.revenue, gap: g.landing.gap, met: g.landing.met } }),
    })),
    diagnostics: report.diagnostics,
    // `new` only with --base: whether the base had no finding of the same rule about the same thing.
    findings: report.findingChange ? report.findings.map((f, i) => ({ ...f, new: report.findingChange!.isNew[i] ?? true })) : report.findings,
    ...(report.comp && { comp: report.comp.map(compJson) }),
    ...(report.base && { base: report.base }),
    ...(report.findingChange && { resolvedFindings: report.findingChange.resolved }),
    ...(report.gate && { gate: report.gate }),
  };
}

/** One person of comp.yaml as `check --json` prints it (README "Compensation"): attainment per measure and the payout. */
function compJson(c: CompPerson): object {
  return {
    person: c.person,
    plan: c.plan,
    period: c.period,
    measures: c.measures.map((m) => ({ measure: m.measure, weight: m.weight, attainment: m.attainment })),
    payout: c.payout,
  };
}

/** The JSON for plans that do not validate: nothing is summed, so no currency and no goals. */
export function toInvalidJson(diagnostics: readonly Diagnostic[]): object {
  return { ok: false, currency: null, goals: [], diagnostics, findings: [] };
}
