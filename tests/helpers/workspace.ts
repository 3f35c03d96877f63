import { readPlansFolder, type PlansFile } from '../../src/core/load/files.ts';
import { loadWorkspace } from '../../src/core/load/workspace.ts';
import { type LoadResult } from '../../src/core/model.ts';
import { formatDiagnostic } from '../../src/core/report/diagnostics.ts';

/** The files of a fixture folder, displayed as "<name>/<rel>". */
export function fixtureFiles(name: string): PlansFile[] {
  return readPlansFolder(`tests/fixtures/${name}`).map((f) => ({ ...f, display: `${name}/${f.rel}` }));
}

/** A fixture with some files replaced (string or bytes), added, or removed (null). */
export function withFiles(base: PlansFile[], changes: Record<string, string | Uint8Array | null>): PlansFile[] {
  const prefix = base[0]!.display.slice(0, base[0]!.display.length - base[0]!.rel.length);
  const files = base.filter((f) => !(f.rel in changes));
  for (const [rel, content] of Object.entries(changes)) {
    if (content === null) continue;
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    files.push({ rel, display: `${prefix}${rel}`, bytes });
  }
  return files.sort((a, b) => a.rel.localeCompare(b.rel));
}

/** Loads files and returns the diagnostics as the CLI prints them. */
export function diagnosticLines(files: PlansFile[]): string[] {
  return loadWorkspace(files).diagnostics.map((d) => formatDiagnostic(d));
}

export function load(files: PlansFile[]): LoadResult {
  return loadWorkspace(files);
}
