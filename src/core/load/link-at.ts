import type { DiagnosticCode } from '../diagnostics/codes.ts';
import { diagnose, type DataOf } from '../diagnostics/diagnose.ts';
import { formatPath, type Diagnostic, type PathSegment } from '../diagnostics/diagnostic.ts';
import type { Located } from '../model.ts';

/** A cross-file finding at a field of a file (or the nearest part of it that exists): its code and the data of its message. */
export function at<C extends DiagnosticCode>(where: Located, path: PathSegment[], code: C, ...data: DataOf<C>): Diagnostic {
  return diagnose(where.file, { ...where.source.locate(path), path: formatPath(path) }, code, ...data);
}
