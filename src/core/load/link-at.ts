import type { DiagnosticCode } from '../diagnostics/codes.ts';
import { formatPath, type Diagnostic, type PathSegment } from '../diagnostics/diagnostic.ts';
import { closest } from '../shared/suggest.ts';
import type { Located } from '../model.ts';

/** A cross-file finding at a field of a file (or the nearest part of it that exists). */
export function at(where: Located, path: PathSegment[], code: DiagnosticCode, message: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { file: where.file, ...where.source.locate(path), severity, code, message, path: formatPath(path) };
}

/** ` Did you mean "x"?`, or nothing when no candidate is close. */
export function suggestion(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match ? ` Did you mean "${match}"?` : '';
}
