import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Workspace } from '../model.ts';
import { formatMoney, formatPercent } from '../shared/money.ts';
import type { CheckReport } from './check-report.ts';
import { describeShortfall, describeStillShort } from './sentences.ts';
import { findingsNewFirst } from './check-report.ts';
import { oneLine } from '../shared/text.ts';
import { NPM_SCRIPTS } from '../shared/invocation.ts';

const GITHUB_LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** A GitHub Actions workflow command that annotates the file in the pull request. */
export function formatGithubAnnotation(d: Pick<Diagnostic, 'file' | 'line' | 'column' | 'severity' | 'message'> & { title?: string }): string {
  const props = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`];
  if (d.title) props.push(`title=${escapeProperty(d.title)}`);
  return `::${GITHUB_LEVEL[d.severity]} ${props.join(',')}::${escapeData(d.message)}`;
}

function escapeData(s: string): string {
  return oneLine(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub shows at most this many annotations of each level (error, warning, notice) per step. */
export const ANNOTATIONS_PER_LEVEL = 10;

/**
 * GitHub workflow commands, within GitHub's limit per level, most important first: missed goals (at their line in
 * goals.yaml), then the change's new findings, then findings in files the change touched, then the rest. A goal the
 * gate lets pass (short before, not worse) is a warning. When some do not fit, a last notice says how many more
 * the step summary lists.
 */
export function renderCheckAnnotations(report: CheckReport, ws: Workspace): string[] {
  const { currency } = report.rollup;
  const goals = ws.sources.goals;
  const passing = new Map((report.gate?.reasons ?? []).filter((r) => !r.fails && r.goal).map((r) => [r.goal!.label, r]));
  const missed = report.rollup.goals.filter((g) => !g.met && goals);
  const touched = new Set(report.base?.touched ?? []);
  const marked = findingsNewFirst(report);
  const ranked: Ranked[] = [
    ...missed.map((g) => {
      const levers = g.levers.slice(0, 3).map((l) => `${l.account} (${l.text})`);
      const pass = passing.get(g.label);
      const still = pass !== undefined;
      // A goal the change made worse, with a note that explains it, passes too: its annotation quotes the verdict.
      const explained = pass !== undefined && (pass.explainedBy?.length ?? 0) > 0;
      const message = `${g.label} is ${describeShortfall(g, report.rollup)} (planned ${formatMoney(g.planned, currency)}, coverage ${formatPercent(g.coverage)}). ${
        levers.length > 0 ? `Largest levers: ${levers.join('; ')}.` : 'Add accounts or forecast, or revise the goal.'
      }${explained ? ` ${pass.text}.` : still ? ` ${describeStillShort(g.label, -g.gap, currency)}.` : ''}`;
      const severity = still ? 'warning' : 'error';
      const title = explained ? 'Goal made worse, explained by a change note' : still ? 'Goal still short' : 'Goal missed';
      return { level: severity, goal: true, line: formatGithubAnnotation({ file: goals!.file, ...goals!.source.locate(['goals', g.index]), severity, title, message }) } as const;
    }),
    ...marked.filter((m) => m.isNew).map((m) => ({ level: m.finding.severity, line: formatGithubAnnotation({ ...m.finding, title: `${m.finding.rule} (new)` }) })),
    ...[...report.diagnostics, ...marked.filter((m) => !m.isNew).map((m) => m.finding)]
      .map((d, i) => ({ d, i, rank: touched.has(d.file) ? 0 : 1 }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .map(({ d }) => ({ level: d.severity, line: formatGithubAnnotation('rule' in d ? { ...d, title: d.rule } : d) })),
  ];
  return withinLimits(ranked, ws.sources.workspace.file, `in the step summary (and in ${(report.how ?? NPM_SCRIPTS).command('check', '--json')})`).lines;
}

/**
 * Annotations for diagnostics alone (plans that do not validate, in `check` and `validate --format github`), within
 * the same limits: `lines` are the workflow commands, the last a notice that counts the rest (pointing at the first
 * file left out); `dropped` the diagnostics that did not fit, for the caller to list where it says.
 */
export function renderDiagnosticAnnotations<D extends Diagnostic>(diagnostics: readonly D[], where: string): { lines: string[]; dropped: D[] } {
  const ranked = diagnostics.map((d) => ({ level: d.severity, line: formatGithubAnnotation(d) }));
  const first = diagnostics[0]?.file ?? '.';
  const { lines, kept } = withinLimits(ranked, first, where, (i) => diagnostics[i]!.file);
  return { lines, dropped: diagnostics.filter((_, i) => !kept[i]) };
}

/** An annotation in the order of importance; `goal` marks a missed goal's, so the last notice can count them apart. */
interface Ranked {
  level: Diagnostic['severity'];
  line: string;
  goal?: boolean;
}

/**
 * The last notice points at a file (workspace.yaml for check's report, else the first file left out), so it is an
 * annotation like the others; `where` says where the rest are listed.
 */
function withinLimits(ranked: Ranked[], file: string, where: string, fileOf?: (index: number) => string): { lines: string[]; kept: boolean[] } {
  const used = { error: 0, warning: 0, info: 0 };
  const keep = ranked.map((a) => used[a.level]++ < ANNOTATIONS_PER_LEVEL);
  let dropped = keep.filter((k) => !k).length;
  // The last notice needs a notice slot of its own, so the last note kept gives way to it when the notices are full.
  if (dropped > 0 && used.info >= ANNOTATIONS_PER_LEVEL) {
    const last = keep.findLastIndex((k, i) => k && ranked[i]!.level === 'info');
    keep[last] = false;
    dropped++;
  }
  const out = ranked.filter((_, i) => keep[i]).map((a) => a.line);
  if (dropped > 0) {
    const goals = ranked.filter((a, i) => a.goal && !keep[i]).length;
    const findings = dropped - goals;
    const parts = [...(goals > 0 ? [`${goals} more missed ${goals === 1 ? 'goal' : 'goals'}`] : []), ...(findings > 0 ? [`${findings} more ${findings === 1 ? 'finding' : 'findings'}`] : [])];
    const message = `${parts.join(' and ')} ${dropped === 1 ? 'is' : 'are'} ${where}.`;
    const at = fileOf ? fileOf(keep.indexOf(false)) : file;
    out.push(formatGithubAnnotation({ file: at, line: 1, column: 1, severity: 'info', title: 'More findings', message }));
  }
  return { lines: out, kept: keep };
}
