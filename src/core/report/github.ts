import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Workspace } from '../model.ts';
import { formatMoney, formatPercent } from '../shared/money.ts';
import type { CheckReport } from './check-report.ts';
import { describeShortfall } from './sentences.ts';
import { oneLine } from '../shared/text.ts';

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

/** GitHub workflow commands: diagnostics and findings where they are, missed goals at their line in goals.yaml. */
export function renderCheckAnnotations(report: CheckReport, ws: Workspace): string[] {
  const { currency } = report.rollup;
  const goals = ws.sources.goals;
  const missed = report.rollup.goals.filter((g) => !g.met && goals);
  return [
    ...report.diagnostics.map((d) => formatGithubAnnotation(d)),
    ...missed.map((g) => {
      const levers = g.levers.slice(0, 3).map((l) => `${l.account} (${l.text})`);
      const message = `${g.label} is ${describeShortfall(g, report.rollup)} (planned ${formatMoney(g.planned, currency)}, coverage ${formatPercent(g.coverage)}). ${
        levers.length > 0 ? `Largest levers: ${levers.join('; ')}.` : 'Add accounts or forecast, or revise the goal.'
      }`;
      return formatGithubAnnotation({ file: goals!.file, ...goals!.source.locate(['goals', g.index]), severity: 'error', title: 'Goal missed', message });
    }),
    ...report.findings.map((f) => formatGithubAnnotation({ ...f, title: f.rule })),
  ];
}
