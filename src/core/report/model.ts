import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { describeMover, describeStatusChange } from '../rollup/diff.ts';
import type { Finding } from '../rules/finding.ts';
import { NPM_SCRIPTS } from '../shared/invocation.ts';
import { formatChange, formatMoney, formatPercent } from '../shared/money.ts';
import { countFindingsByRule, failsGate, findingChangeSentence, findingsNewFirst, FINDINGS_LISTED, type CheckReport, type RuleCount } from './check-report.ts';
import { safeStrings } from './escape.ts';
import { gateLines } from './gate.ts';
import { bookedCell, landingCell, describeForkPoint, describeHandover, describeShortfall, forecastCounting, listOf } from './sentences.ts';
import { accountName } from './explain.ts';

/**
 * What check says, computed once as data with its sentences: the terminal, the step summary, the pull-request
 * comment and the JSON only lay it out (render-text.ts, markdown.ts, comment.ts, json.ts). No sentence of a
 * report is written in a renderer.
 *
 * A sentence is a list of parts: plain text, and the identifiers in it (an account id, a file:line, a ref), which
 * Markdown sets as code so that nothing in them is read as Markdown, and the terminal prints as they are.
 */
export type { Part, Text } from './text.ts';
import type { Part, Text } from './text.ts';

export interface GoalRow {
  label: string;
  target: string;
  planned: string;
  /** With a sales ledger only. */
  booked?: string;
  /** With a sales ledger only: where the goal lands, "$2,086,475 (−$113,525)" (landingCell). */
  landing?: string;
  /** Whether the landing meets the goal (same tolerance as planned); with a ledger only. */
  landingMet?: boolean;
  gap: string;
  coverage: string;
  met: boolean;
}

export interface GoalNote {
  /** Plans that forecast the year only, so the quarter does not count them. */
  notPhased?: Text;
  /** A missed goal: what it lacks, and what could close it. */
  short?: { text: Text; levers: { account: string; text: string }[]; noLever?: string };
}

export interface ChangeRow {
  label: string;
  /** The target, or "before → after" when the change moved it. */
  target: string;
  before: string;
  after: string;
  change: string;
  status: string;
  /** The plans that moved it most, at most three, or "no change". */
  movers: string[];
  /** The same, by the accounts' names (the pull-request comment, which a sales manager reads). */
  moversNamed: string[];
  /** Whether the change moved the goal at all (its total, its status or its target). */
  moved: boolean;
}

export interface ChangeModel {
  heading: Text;
  /** Where the change is counted from, when the ref has moved on since the branch left it. */
  fork?: string;
  /** Why there is nothing to compare, when the base does not validate. */
  invalid?: string;
  rows: ChangeRow[];
  renames: Text[];
  /** "Handover: Halberd Coatings, Priya Raman → Jake Morrow: …", one a plan whose owner changed. */
  handovers: Text[];
  /** The change notes the change added or edited, with the plans they name and their reason. */
  notes: Text[];
}

export interface GateModel {
  heading: string;
  passed: boolean;
  /** Each reason the gate weighed, failing ones first. */
  lines: { fails: boolean; text: string }[];
  /** What the change did to the findings ("this change adds 1 warning and resolves 2"). */
  findings?: string;
}

export interface ListedNote {
  kind: 'diagnostic' | 'finding';
  file: string;
  line: number;
  column: number;
  severity: Finding['severity'];
  message: string;
  /** The rule of a finding. */
  rule?: string;
  /** With --base: the change's own finding. */
  isNew: boolean;
}

export interface FindingsModel {
  heading: string;
  listed: ListedNote[];
  /** Warnings and notes counted by rule, past FINDINGS_LISTED. */
  counted: RuleCount[];
  /** Where to read every finding, when some are only counted. */
  hint?: string;
}

export interface ReportModel {
  /** The report the model was made from: the JSON is its contract shape (json.ts). */
  report: CheckReport;
  /** Whether check exits 1: the gate's verdict, or the state without one. */
  failed: boolean;
  title: string;
  /** "USD, forecast weighted by confidence, tolerance 2%". */
  settings: string;
  /** Said instead of the table when goals.yaml has no goal. */
  noGoals?: string;
  goals: GoalRow[];
  hasBooked: boolean;
  /** Whether the table has a Landing column (with a sales ledger, like Booked). */
  hasLanding: boolean;
  notes: { label: string; note: GoalNote }[];
  change?: ChangeModel;
  gate?: GateModel;
  findings?: FindingsModel;
  /** "3 of 6 goals missed; 1 rule error, 16 warnings, 1 note.", with the gate's verdict when it judged a change. */
  summary: { text: string; ok: boolean; gate?: { passed: boolean; text: string } };
}

export const NO_GOALS = 'There are no goals to check. Add them to goals.yaml, such as "- { period: FY2027, revenue: 24000000 }".';
export const NO_LEVER = 'No plan in scope has stretch, an unsure target or last year\'s sales without a forecast: add accounts or revise the goal.';
export const LEVERS_HEADING = 'What could close it:';

/** The model of a report over valid plans. Names, labels and messages come from plan files: made single-line first. */
export function buildReportModel(unsafe: CheckReport): ReportModel {
  const report = safeStrings(unsafe);
  const { rollup } = report;
  const currency = rollup.currency;
  const money = (n: number) => formatMoney(n, currency);
  const hasBooked = rollup.goals.some((g) => g.booked);
  const hasLanding = rollup.goals.some((g) => g.landing);
  const goals: GoalRow[] = rollup.goals.map((g) => ({
    label: g.label,
    target: money(g.goal),
    planned: money(g.planned),
    ...(hasBooked && { booked: bookedCell(g.booked, currency) }),
    ...(hasLanding && { landing: landingCell(g.landing, currency), landingMet: g.landing?.met ?? true }),
    gap: formatChange(g.gap, currency),
    coverage: formatPercent(g.coverage),
    met: g.met,
  }));
  const notes = rollup.goals.flatMap((g) => {
    const note: GoalNote = {};
    if (g.notPhased.length > 0) {
      const n = g.notPhased.length;
      note.notPhased = [
        { strong: g.label },
        `: ${n} plan${n === 1 ? ' is' : 's are'} annual-only for ${g.period.slice(0, 6)} and not counted in the quarter (not phased): `,
        ...g.notPhased.flatMap((id, i) => [...(i > 0 ? [', '] : []), { code: id }]),
        '. Split their forecast into quarters to count them.',
      ];
    }
    if (!g.met) {
      note.short = {
        text: [{ strong: g.label }, ` is ${describeShortfall(g, rollup)}.`],
        levers: g.levers.map((l) => ({ account: l.account, text: l.text })),
        ...(g.levers.length === 0 && { noLever: NO_LEVER }),
      };
    }
    return note.notPhased || note.short ? [{ label: g.label, note }] : [];
  });
  return {
    report: unsafe,
    failed: failsGate(report),
    title: `${report.company}: plans against goals`,
    settings: `${currency}, ${forecastCounting(rollup.count)}, tolerance ${formatPercent(rollup.tolerance)}`,
    ...(rollup.goals.length === 0 && { noGoals: NO_GOALS }),
    goals,
    hasBooked,
    hasLanding,
    notes,
    ...(report.base && { change: changeModel(report) }),
    ...(report.gate && { gate: gateModel(report) }),
    ...findingsPart(report),
    summary: summaryOf(report),
  };
}

function changeModel(report: CheckReport): ChangeModel {
  const base = report.base!;
  const currency = report.rollup.currency;
  const show = (n: number | null) => (n === null ? '—' : formatMoney(n, currency));
  const fork = describeForkPoint(base);
  const rows = base.goals.map((c) => ({
    label: c.label,
    target: c.targetBefore === c.targetAfter ? show(c.targetAfter) : `${show(c.targetBefore)} → ${show(c.targetAfter)}`,
    before: show(c.before),
    after: show(c.after),
    change: formatChange(c.change, currency),
    status: describeStatusChange(c),
    movers: c.movers.length > 0 ? c.movers.slice(0, 3).map((m) => describeMover(m, c.period, currency)) : c.change === 0 ? ['no change'] : [],
    moversNamed: c.movers.length > 0 ? c.movers.slice(0, 3).map((m) => describeMover({ ...m, account: accountName(report.names, m.account) }, c.period, currency)) : c.change === 0 ? ['no change'] : [],
    moved: c.change !== 0 || c.metBefore !== c.metAfter || c.targetBefore !== c.targetAfter,
  }));
  return {
    heading: ['Change against ', { code: base.ref }],
    ...(fork && { fork: `${fork}.` }),
    ...(!base.valid && { invalid: base.message ?? `The plans at ${base.ref} do not validate, so there is nothing to compare with.` }),
    rows: base.valid ? rows : [],
    renames: base.renames.map((r) => ['Renamed ', { code: r.from }, ' → ', { code: r.to }, ': its totals moved with it.']),
    handovers: (base.handovers ?? []).map((h) => describeHandover(h, currency)),
    notes: (base.notes ?? []).map((n) => [
      'Change note ',
      { code: n.file },
      ...(n.accounts.length + n.goals.length > 0 ? [` (${namedInNote(n, report.names)})`] : []),
      `: ${n.reason}`,
    ]),
  };
}

/** What a note names, as the change section lists it: at most ten accounts (by name) and ten goals, then how many more. */
function namedInNote(n: { accounts: readonly string[]; goals: readonly string[] }, names: CheckReport['names']): string {
  const shown = [...n.accounts.slice(0, 10).map((id) => accountName(names, id)), ...n.goals.slice(0, 10)];
  const more = Math.max(0, n.accounts.length - 10) + Math.max(0, n.goals.length - 10);
  return listOf(more > 0 ? [...shown, `${more} more`] : shown);
}

function gateModel(report: CheckReport): GateModel {
  const gate = report.gate!;
  const findings = findingChangeSentence(report);
  return {
    heading: `Gate (${gate.mode === 'change' ? 'judging the change' : 'strict: any missed goal fails'}${gate.measure === 'landing' ? ', goals by landing' : ''})`,
    passed: gate.passed,
    lines: gateLines(gate, report.how),
    ...(findings && { findings: `Findings: ${findings}.` }),
  };
}

function findingsPart(report: CheckReport): { findings?: FindingsModel } {
  const total = report.diagnostics.length + report.findings.length;
  if (total === 0) return {};
  const marked = findingsNewFirst(report);
  const diagnostics: ListedNote[] = report.diagnostics.map((d) => ({ kind: 'diagnostic', file: d.file, line: d.line, column: d.column, severity: d.severity, message: d.message, isNew: false }));
  const note = (f: Finding, isNew: boolean): ListedNote => ({ kind: 'finding', file: f.file, line: f.line, column: f.column, severity: f.severity, message: f.message, rule: f.rule, isNew });
  if (total <= FINDINGS_LISTED) return { findings: { heading: 'Findings', listed: [...diagnostics, ...marked.map((m) => note(m.finding, m.isNew))], counted: [] } };
  // The change's own findings are always listed, so a pull request sees what it added among many.
  const listed = marked.filter((m) => m.finding.severity === 'error' || m.isNew).map((m) => note(m.finding, m.isNew));
  return {
    findings: {
      heading: `Findings (${total}: ${report.findingChange ? 'the change’s new findings and errors listed, other' : 'errors listed,'} warnings and notes counted by rule)`,
      listed: [...diagnostics, ...listed],
      counted: countFindingsByRule(marked.filter((m) => !m.isNew).map((m) => m.finding)),
      hint: `Every finding with its file and line: ${(report.how ?? NPM_SCRIPTS).command('check', '--json')}, or the site's account pages.`,
    },
  };
}

/** "3 of 6 goals missed; 1 rule error, 16 warnings, 1 note." and, with --base, the gate's verdict. */
function summaryOf(report: CheckReport): ReportModel['summary'] {
  const goals = report.rollup.goals.length;
  const missed = report.rollup.goals.filter((g) => !g.met).length;
  const notes = [...report.diagnostics, ...report.findings];
  const c = { warning: notes.filter((n) => n.severity === 'warning').length, info: notes.filter((n) => n.severity === 'info').length };
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const goalText = goals === 0 ? 'No goals to check' : missed === 0 ? (goals === 1 ? 'The goal is met' : `All ${goals} goals met`) : `${missed} of ${plural(goals, 'goal')} missed`;
  const text = `${goalText}; ${plural(errors, 'rule error')}, ${plural(c.warning, 'warning')}, ${plural(c.info, 'note')}.`;
  const gate = report.gate;
  // With --base the exit code is the gate's, not the state's: the last line of a CI log says which way it went.
  if (!report.base || gate?.mode !== 'change') return { text, ok: missed + errors === 0 };
  return {
    text,
    ok: missed + errors === 0,
    gate: { passed: gate.passed, text: gate.passed ? 'The gate passes: this change made nothing worse.' : 'The gate fails: the reasons are under "Gate" above.' },
  };
}

/** What every report says when the plans do not validate: nothing is summed, and each error is listed. */
export interface InvalidModel {
  title: string;
  /** "2 errors: nothing was summed against the goals." */
  errors: string;
  diagnostics: Diagnostic[];
}

export function buildInvalidModel(unsafe: readonly Diagnostic[]): InvalidModel {
  const diagnostics = safeStrings([...unsafe]);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { title: 'The plans do not validate', errors: `${errors} error${errors === 1 ? '' : 's'}: nothing was summed against the goals.`, diagnostics };
}

/** A sentence as plain text, identifiers as they are. */
export function plainText(text: Text): string {
  return text.map((p) => (typeof p === 'string' ? p : 'code' in p ? p.code : p.strong)).join('');
}
