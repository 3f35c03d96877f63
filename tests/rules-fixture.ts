import { readPlansFolder, type PlansFile } from '../src/core/load/files.ts';
import { formatDiagnostic } from '../src/core/report/diagnostics.ts';
import { Run } from '../src/core/engine/run.ts';
import { type Finding } from '../src/core/rules/finding.ts';
import { loadWorkspace } from '../src/core/load/workspace.ts';
import { type Workspace } from '../src/core/model.ts';

/** The day every rules test runs on: FY2027-Q3 with fiscal years starting in February. */
export const TODAY = '2026-10-20';

/** Edits to the clean base: file → [text to find, replacement] pairs. Each text must occur, so a stale edit fails loudly. */
export type Edits = Record<string, [string, string][]>;

/** tests/fixtures/rules-base, a workspace that breaks no rule on TODAY, with some text replaced. */
export function rulesBase(edits: Edits = {}): PlansFile[] {
  return readPlansFolder('tests/fixtures/rules-base').map((f) => {
    const display = `rules-base/${f.rel}`;
    const changes = edits[f.rel];
    if (!changes) return { ...f, display };
    let text = new TextDecoder().decode(f.bytes);
    for (const [from, to] of changes) {
      if (!text.includes(from)) throw new Error(`${f.rel} does not contain ${JSON.stringify(from)}`);
      text = text.replace(from, to);
    }
    return { ...f, display, bytes: new TextEncoder().encode(text) };
  });
}

export function loadValid(files: PlansFile[]): Workspace {
  const { workspace, diagnostics } = loadWorkspace(files);
  if (!workspace) throw new Error(`fixture is invalid:\n${diagnostics.map((d) => formatDiagnostic(d)).join('\n')}`);
  return workspace;
}

/** One line per finding, as a person would read it: where, severity, rule, message. */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule}: ${f.message}`;
}

export function findingsOf(edits: Edits = {}, today = TODAY): Finding[] {
  return Run.ofWorkspace(loadValid(rulesBase(edits)), { today: today }).findings;
}
