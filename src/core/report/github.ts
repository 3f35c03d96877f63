import type { Diagnostic } from '../diagnostics/diagnostic.ts';
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
