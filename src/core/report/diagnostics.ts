import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { oneLine } from '../shared/text.ts';

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
export function formatDiagnostic(d: Pick<Diagnostic, 'file' | 'line' | 'column' | 'severity' | 'message'>, paint: Paint = plain): string {
  const colour = d.severity === 'error' ? paint.red : d.severity === 'warning' ? paint.yellow : paint.blue;
  return `${paint.bold(`${oneLine(d.file)}:${d.line}:${d.column}`)} ${colour(d.severity)} ${oneLine(d.message)}`;
}

export function formatCount(list: readonly Diagnostic[], paint: Paint = plain): string {
  const c = countBySeverity(list);
  const part = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const text = `${part(c.error, 'error')}, ${part(c.warning, 'warning')}, ${part(c.info, 'note')}`;
  return c.error > 0 ? paint.red(text) : c.warning > 0 ? paint.yellow(text) : paint.green(text);
}
