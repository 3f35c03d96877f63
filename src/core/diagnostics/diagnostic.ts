import type { Severity } from '../../../schemas/rules.ts';
import type { DiagnosticCode } from './codes.ts';

/** One problem found in the plans, located to the character. */
export interface Diagnostic {
  /** The file as the user would open it, relative to the working directory. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  severity: Severity;
  /** What happened, why, and what to write instead. */
  message: string;
  /** A stable id for the kind of problem, such as "unknown-key". */
  code: DiagnosticCode;
  /** The field, as a dot path such as "stakeholders[3].reports_to". */
  path?: string;
}

export interface Position {
  line: number;
  column: number;
}

export type PathSegment = string | number;

/** forecast[2].revenue */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.message.localeCompare(b.message),
  );
}

export function countBySeverity(list: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity]++;
  return counts;
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}
