import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnose } from '../../diagnostics/diagnose.ts';
import type { PlansFile } from '../files.ts';
import { loadWorkspace } from '../workspace.ts';
import type { AccountEntry, Workspace } from '../../model.ts';
import type { BlobResult } from './cache.ts';

/** A plans file of one commit, as a blob. */
export interface BlobFile {
  rel: string;
  blob: string;
}

/**
 * Errors that say more about the other plans of a load than about this version: a circle of parents, two plans with
 * one id. A version with no other error is judged again on its own.
 */
const CROSS_PLAN = new Set<string>(['unknown-account', 'parent-cycle', 'duplicate-account']);

/** The first error of a failed load that belongs to the file itself, for a note; undefined when it has none. */
export function firstError(diagnostics: readonly Diagnostic[], display: string): Diagnostic | undefined {
  return diagnostics.find((d) => d.severity === 'error' && d.file === display && !CROSS_PLAN.has(d.code));
}

/** What one version of a plan came to, on its own. */
export interface Evaluated {
  result: BlobResult;
  entry?: AccountEntry;
}

/**
 * Validates account plans against the shared files of their commit, through the public loader (the same parsing,
 * schemas and checks as `check`), many plans in one load so that the shared files are parsed once. Each version is
 * judged on its own: a `parent` is taken to name an account (the walker checks the links between plans on every
 * commit, assemble.ts), so the result depends only on the version and the shared files, and may be cached. A load
 * fails as a whole when any plan in it is invalid: the plans with errors of their own get them as results, and the
 * others are loaded again without them; a plan still failing only with others (a circle, a twin id) is loaded alone.
 */
export function evaluatePlans(context: readonly PlansFile[], plans: readonly PlansFile[]): Map<string, Evaluated> {
  const out = new Map<string, Evaluated>();
  let pending = [...plans];
  for (let round = 0; round < 2 && pending.length > 0; round++) {
    const { workspace, diagnostics } = loadWorkspace([...context, ...pending], { anyAccount: true });
    if (workspace) {
      for (const entry of workspace.accounts) out.set(entry.rel, { result: { ok: true, plan: entry.plan }, entry });
      return out;
    }
    const next: PlansFile[] = [];
    for (const f of pending) {
      const d = firstError(diagnostics, f.display);
      if (d) out.set(f.rel, { result: { ok: false, line: d.line, column: d.column, message: d.message } });
      else next.push(f);
    }
    if (next.length === pending.length) break;
    pending = next;
  }
  // The rare plan tied to others of its load: judged alone, where any error is its own (a plan that is its own parent).
  for (const f of pending) {
    const alone = loadWorkspace([...context, f], { anyAccount: true });
    const entry = alone.workspace?.accounts.find((a) => a.rel === f.rel);
    const d = alone.diagnostics.find((x) => x.severity === 'error' && x.file === f.display);
    if (entry) out.set(f.rel, { result: { ok: true, plan: entry.plan }, entry });
    else {
      const failure = d ? { line: d.line, column: d.column, message: d.message } : { line: 1, column: 1, message: 'This version could not be read.' };
      out.set(f.rel, { result: { ok: false, ...failure } });
    }
  }
  return out;
}

/** The shared files of a commit alone: its settings, people and goals, or the first error among them. */
export function evaluateShared(files: readonly PlansFile[]): { workspace: Workspace } | { error: Diagnostic } {
  const { workspace, diagnostics } = loadWorkspace(files);
  if (workspace) return { workspace };
  const error = diagnostics.find((d) => d.severity === 'error') ?? diagnose(files[0]?.display ?? 'workspace.yaml', { line: 1, column: 1 }, 'missing-file', { slot: undefined });
  return { error };
}

export function idOf(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1).replace(/\.(ya?ml|mdx)$/, '');
}
