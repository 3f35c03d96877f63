import { countBySeverity, type Diagnostic } from './diagnostics.ts';

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  green(s: string): string;
}

export const plain: Paint = { red: id, yellow: id, blue: id, dim: id, bold: id, green: id };

function id(s: string): string {
  return s;
}

/** plans/accounts/acme.yaml:14:5 error forecast[2].revenue: … */
export function formatDiagnostic(d: Diagnostic, paint: Paint = plain): string {
  const colour = d.severity === 'error' ? paint.red : d.severity === 'warning' ? paint.yellow : paint.blue;
  return `${paint.bold(`${d.file}:${d.line}:${d.column}`)} ${colour(d.severity)} ${d.message}`;
}

export function formatCount(list: readonly Diagnostic[], paint: Paint = plain): string {
  const c = countBySeverity(list);
  const part = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const text = `${part(c.error, 'error')}, ${part(c.warning, 'warning')}, ${part(c.info, 'note')}`;
  return c.error > 0 ? paint.red(text) : c.warning > 0 ? paint.yellow(text) : paint.green(text);
}

const GITHUB_LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** A GitHub Actions workflow command that annotates the file in the pull request. */
export function formatGithubAnnotation(d: Pick<Diagnostic, 'file' | 'line' | 'column' | 'severity' | 'message'> & { title?: string }): string {
  const props = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`];
  if (d.title) props.push(`title=${escapeProperty(d.title)}`);
  return `::${GITHUB_LEVEL[d.severity]} ${props.join(',')}::${escapeData(d.message)}`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
