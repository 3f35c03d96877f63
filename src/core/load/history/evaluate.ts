import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { PlansFile } from '../files.ts';
import { loadWorkspace } from '../workspace.ts';
import type { AccountEntry, Workspace } from '../../model.ts';
import type { BlobResult } from './cache.ts';

/** A plans file of one commit, as a blob. */
export interface BlobFile {
  rel: string;
  blob: string;
}

/** The first error of a failed load, for a note; undefined when nothing failed in that file. */
export function firstError(diagnostics: readonly Diagnostic[], display: string): Diagnostic | undefined {
  return diagnostics.find((d) => d.severity === 'error' && d.file === display);
}

/**
 * Validates account plans against the shared files of their commit, through the public loader (the same
 * parsing, schemas and links as `check`), many plans in one load so that the shared files are parsed once.
 * A load fails as a whole when any plan in it is invalid: the plans with errors of their own get them as
 * results, and the others are loaded again without them. A plan that still fails only because another plan
 * is missing from the load (its `parent`) is loaded with every plan of the commit (`all`).
 */
export function evaluatePlans(
  context: readonly PlansFile[],
  plans: readonly PlansFile[],
  all: () => readonly PlansFile[],
): Map<string, { result: BlobResult; entry?: AccountEntry }> {
  const out = new Map<string, { result: BlobResult; entry?: AccountEntry }>();
  let pending = [...plans];
  for (let round = 0; round < 2 && pending.length > 0; round++) {
    const { workspace, diagnostics } = loadWorkspace([...context, ...pending]);
    if (workspace) {
      for (const entry of workspace.accounts) out.set(entry.rel, { result: { ok: true, plan: entry.plan }, entry });
      return out;
    }
    const next: PlansFile[] = [];
    for (const f of pending) {
      const d = firstError(diagnostics, f.display);
      if (d && d.code !== 'unknown-account') out.set(f.rel, { result: { ok: false, line: d.line, column: d.column, message: d.message } });
      else next.push(f);
    }
    if (next.length === pending.length) break;
    pending = next;
  }
  if (pending.length === 0) return out;
  // The rare plan that names another (parent): judged with the whole commit, as check judges it.
  const whole = loadWorkspace([...context, ...all()]);
  for (const f of pending) {
    const entry = whole.workspace?.accountById.get(idOf(f.rel));
    const d = firstError(whole.diagnostics, f.display);
    if (entry && entry.rel === f.rel) out.set(f.rel, { result: { ok: true, plan: entry.plan }, entry });
    else if (d) out.set(f.rel, { result: { ok: false, line: d.line, column: d.column, message: d.message } });
    else out.set(f.rel, { result: { ok: false, line: 1, column: 1, message: 'This version could not be read with the other plans of its commit.' } });
  }
  return out;
}

/** The shared files of a commit alone: its settings, people and goals, or the first error among them. */
export function evaluateShared(files: readonly PlansFile[]): { workspace: Workspace } | { error: Diagnostic } {
  const { workspace, diagnostics } = loadWorkspace(files);
  if (workspace) return { workspace };
  const error = diagnostics.find((d) => d.severity === 'error') ?? { file: files[0]?.display ?? 'workspace.yaml', line: 1, column: 1, severity: 'error' as const, code: 'missing-file' as const, message: 'The shared files could not be read.' };
  return { error };
}

export function idOf(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1).replace(/\.(ya?ml|mdx)$/, '');
}
