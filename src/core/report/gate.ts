import { goalKey } from '../rollup/scope.ts';
import type { GoalChange } from '../rollup/diff.ts';
import type { GoalResult } from '../rollup/rollup.ts';
import type { Finding } from '../rules/finding.ts';
import type { BaseReport } from './base-report.ts';
import type { Rollup } from '../rollup/rollup.ts';
import type { FindingChange } from './finding-change.ts';
import { NPM_SCRIPTS, type Invocation } from '../shared/invocation.ts';
import { LANDING_VERDICT, describeAddedMissed, describeExplanation, describeNowMissed, describeShortfall, describeStillShort, describeWorse } from './sentences.ts';
import { explainGoal, type Names } from './explain.ts';

/** strict: any missed goal or rule error fails. change (the default with --base): only what the change made worse fails. */
export type GateMode = 'strict' | 'change';

export type GateReasonKind =
  | 'goal-missed'
  | 'goal-now-missed'
  | 'goal-worse'
  | 'goal-added-missed'
  | 'goal-still-short'
  | 'finding-error'
  | 'finding-added-error'
  | 'finding-error-before'
  | 'base-not-comparable';

/** Which figure the gate judges a goal by (workspace.yaml `gate_measure`): the plans' forecast, or booked plus forecast to come. */
export type GateMeasure = 'planned' | 'landing';

/** One thing the gate weighed: a goal or a finding, whether it fails the gate, and the sentence every output shows. */
export interface GateReason {
  kind: GateReasonKind;
  fails: boolean;
  text: string;
  /** A goal's reason: the figure it judged (landing only when asked for and the goal has a ledger). */
  measure?: GateMeasure;
  goal?: GoalRef;
  finding?: FindingRef;
  /** A goal the change made worse: the plans whose change lowered it (by id). */
  worsenedBy?: string[];
  /** The change notes (their files) that explain it; the reason fails only on what no note explains. */
  explainedBy?: string[];
  /** What no note of the change explains: plans by id, and whether the goal itself (a raised target, a new goal) is still to be named. */
  unexplained?: { accounts: string[]; goal: boolean };
}

/** The goal a reason is about, as goals.yaml names it. */
export interface GoalRef {
  period: string;
  scope: Record<string, string>;
  label: string;
}

/** The finding a reason is about. */
export type FindingRef = Pick<Finding, 'rule' | 'file' | 'line' | 'column' | 'message'> & { account?: string; subject?: string };

/** The verdict of check: `passed` decides the exit code (0 or 1). */
export interface Gate {
  mode: GateMode;
  /** The figure goals were judged by: workspace.yaml's `gate_measure`, planned when it is absent. */
  measure: GateMeasure;
  passed: boolean;
  reasons: GateReason[];
}

/**
 * Judges the report. Without a comparable base, or in strict mode, it judges the state: every missed goal and
 * rule error fails. In change mode it fails only on what the change did: a met goal now missed, a missed goal
 * further from its target, a new goal that is missed, a new rule error. Goals that were short before and are
 * not worse are reasons that do not fail, so every output can say so.
 */
export function judgeGate(
  report: { rollup: Rollup; findings: readonly Finding[]; base?: BaseReport | undefined; findingChange?: FindingChange | undefined; names?: Names | undefined },
  mode: GateMode,
  measure: GateMeasure = 'planned',
): Gate {
  const { rollup, base } = report;
  const errors = report.findings.map((f, i) => ({ f, isNew: report.findingChange?.isNew[i] ?? true })).filter(({ f }) => f.severity === 'error');
  const comparable = mode === 'change' && base !== undefined && base.valid;
  const reasons: GateReason[] = [];
  if (mode === 'change' && base !== undefined && !base.valid) {
    reasons.push({ kind: 'base-not-comparable', fails: false, text: `${base.message ?? `The plans at ${base.ref} cannot be compared`} The gate judges this branch's plans as they are.` });
  }
  const changes = new Map((base?.goals ?? []).map((c) => [goalKey(c), c]));
  for (const g of rollup.goals) {
    const c = changes.get(goalKey(g));
    if (measure === 'landing' && g.landing) {
      if (g.landing.met) continue;
      const landing = { gap: g.landing.gap, goal: g.goal, threshold: g.threshold, planned: g.landing.revenue };
      const text = LANDING_VERDICT.missed(g.label, g.landing.revenue, describeShortfall(landing, rollup), rollup.currency);
      reasons.push(comparable && c ? withNotes(judgeLanding(g, c, rollup.currency), g, c, base, report.names) : { kind: 'goal-missed', fails: true, text, measure: 'landing', goal: goalOf(g) });
      continue;
    }
    if (g.met) continue;
    reasons.push(comparable && c ? withNotes(judgeGoal(g, c, rollup.currency), g, c, base, report.names) : { kind: 'goal-missed', fails: true, text: `${g.label} is ${describeShortfall(g, rollup)}`, measure: 'planned', goal: goalOf(g) });
  }
  for (const { f, isNew } of errors) {
    const kind: GateReasonKind = !comparable ? 'finding-error' : isNew ? 'finding-added-error' : 'finding-error-before';
    // Reasons are sentences without their full stop (each output adds it), so the message's own is dropped.
    const text = kind === 'finding-error-before' ? `${f.rule} at ${f.file}:${f.line} was there before this change` : `${f.rule} at ${f.file}:${f.line}: ${f.message.replace(/\.$/, '')}`;
    reasons.push({ kind, fails: kind !== 'finding-error-before', text, finding: findingOf(f) });
  }
  return { mode, measure, passed: reasons.every((r) => !r.fails), reasons };
}

function judgeGoal(g: GoalResult, c: GoalChange, currency: string): GateReason {
  const goal = goalOf(g);
  const measure = 'planned';
  const short = -g.gap;
  if (c.before === null || c.metBefore === null) return { kind: 'goal-added-missed', fails: true, text: describeAddedMissed(g.label, short, currency), measure, goal };
  if (c.metBefore) return { kind: 'goal-now-missed', fails: true, text: describeNowMissed(g.label, short, currency), measure, goal };
  // Judged by the distance to the target, the figure every sentence shows: with a tolerance, the distance to the
  // threshold can shrink while the target rises further out of reach, and "still $X short" would then grow unnoticed.
  const before = (c.targetBefore ?? 0) - c.before;
  if (Math.round(short * 100) > Math.round(before * 100)) {
    return { kind: 'goal-worse', fails: true, text: describeWorse(g.label, before, short, currency), measure, goal };
  }
  return { kind: 'goal-still-short', fails: false, text: describeStillShort(g.label, short, currency), measure, goal };
}

/** judgeGoal by landing: the same four verdicts, on booked plus forecast to come before and after the change. */
function judgeLanding(g: GoalResult, c: GoalChange, currency: string): GateReason {
  const goal = goalOf(g);
  const measure = 'landing';
  const short = -g.landing!.gap;
  const was = c.landing;
  if (was?.before == null || was.metBefore === null || c.targetBefore === null) {
    return { kind: 'goal-added-missed', fails: true, text: LANDING_VERDICT.added(g.label, short, currency), measure, goal };
  }
  if (was.metBefore) return { kind: 'goal-now-missed', fails: true, text: LANDING_VERDICT.nowMissed(g.label, short, currency), measure, goal };
  const before = c.targetBefore - was.before;
  if (Math.round(short * 100) > Math.round(before * 100)) {
    return { kind: 'goal-worse', fails: true, text: LANDING_VERDICT.worse(g.label, before, short, currency), measure, goal };
  }
  return { kind: 'goal-still-short', fails: false, text: LANDING_VERDICT.stillShort(g.label, short, currency), measure, goal };
}

/**
 * A goal the change made worse passes when the change's notes explain all of it: every plan that lowered it named
 * (a lower forecast, a plan removed or moved out of scope, a handover), and the goal itself for a raised target.
 */
function withNotes(reason: GateReason, g: GoalResult, c: GoalChange, base: BaseReport, names: Names | undefined): GateReason {
  if (!reason.fails) return reason;
  const e = explainGoal(reason.kind === 'goal-added-missed' ? undefined : c, g.label, base.notes ?? []);
  const fails = e.unexplained.accounts.length > 0 || e.unexplained.goal;
  return {
    ...reason,
    fails,
    text: `${reason.text}; ${describeExplanation(e, c, g.label, names, base.notesFolder ?? 'changes/', base.handovers)}`,
    worsenedBy: e.worsenedBy,
    explainedBy: e.explainedBy.map((n) => n.file),
    unexplained: e.unexplained,
  };
}

function goalOf(g: GoalResult): GoalRef {
  return { period: g.period, scope: g.scope, label: g.label };
}

function findingOf(f: Finding): FindingRef {
  return { rule: f.rule, file: f.file, line: f.line, column: f.column, message: f.message, ...(f.account !== undefined && { account: f.account }), ...(f.subject !== undefined && { subject: f.subject }) };
}

/** Errors that were there before, listed one by one; past these they are counted, so a gate over an old backlog stays readable. */
export const ERRORS_BEFORE_LISTED = 5;

/**
 * The reasons as the terminal, the step summary and the comment list them: failing ones first, then the rest,
 * with the errors that were there before past the fifth counted in one line (`--json` keeps every reason).
 */
export function gateLines(gate: Gate, how: Invocation = NPM_SCRIPTS): Pick<GateReason, 'fails' | 'text'>[] {
  const ordered = [...gate.reasons.filter((r) => r.fails), ...gate.reasons.filter((r) => !r.fails)];
  const hidden = new Set(ordered.filter((r) => r.kind === 'finding-error-before').slice(ERRORS_BEFORE_LISTED));
  const lines = ordered.filter((r) => !hidden.has(r)).map(({ fails, text }) => ({ fails, text }));
  if (hidden.size > 0) lines.push({ fails: false, text: `${hidden.size} more rule ${hidden.size === 1 ? 'error was' : 'errors were'} there before this change (${how.command('check', '--json')} lists each)` });
  return lines;
}
