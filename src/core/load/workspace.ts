import { diagnose, placed } from '../diagnostics/diagnose.ts';
import type { Comp, Goal, Icp, Person, WorkspaceSettings } from '../../../schemas/index.ts';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { fileSize, invisibleNameProblem, type PlansFile } from './files.ts';
import { linkWorkspace } from './link.ts';
import { DEFAULT_MAX_FILE_BYTES, fileSizeLimit, sizeCapFor } from './limits.ts';
import type { PlansCache } from './cache.ts';
import { loadFile, type LoadedFiles } from './load-file.ts';
import type { AccountEntry, ChangeNoteEntry, LoadResult, Located, ReviewEntry, Workspace } from '../model.ts';
import { linkNotes } from './notes.ts';
import { invisibleInName, PLAN_EXTENSIONS, SHARED_FILE_ANY_CASE, visibleName } from '../shared/paths.ts';
import { withSalesPreset } from './sales/preset-settings.ts';

type Slot = 'workspace' | 'team' | 'goals' | 'icp' | 'comp';
const SHARED = /^(workspace|team|goals|icp|comp)\.ya?ml$/;
const ACCOUNT = /^accounts\/(?:.+\/)?([^/]+)\.(ya?ml|mdx)$/;
const REVIEW = /^reviews\/([^/]+)\/([^/]+)\.ya?ml$/;
/** A change note: changes/<name>.yaml (notes.ts). */
export const CHANGE_NOTE = /^changes\/([^/]+)\.ya?ml$/;

/** Every account id taken to exist: a plan's links to other plans are then not checked (history checks them itself). */
class AnyAccount extends Set<string> {
  override has(): boolean {
    return true;
  }
}

/**
 * Parses, validates and links a plans folder given as files. Pure: the caller reads the files. `anyAccount`: a field
 * naming an account (its `parent`) is never "not an account"; history judges a version this way, on its own.
 */
export function loadWorkspace(files: readonly PlansFile[], options: { root?: string; cache?: PlansCache; anyAccount?: boolean; shared?: LoadedFiles } = {}): LoadResult {
  const root = options.root ?? rootOf(files);
  const diagnostics: Diagnostic[] = [];
  const shared: Partial<Record<Slot, { value: unknown; located: Located }>> = {};
  const accounts: AccountEntry[] = [];
  const reviews: ReviewEntry[] = [];
  const notes: ChangeNoteEntry[] = [];
  let invalid = false;

  const workspaceFile = files.find((f) => f.rel === 'workspace.yaml' && !f.problem);
  const limit = workspaceFile ? fileSizeLimit(workspaceFile.bytes) : DEFAULT_MAX_FILE_BYTES;
  const readOne = (f: PlansFile): void => {
    if (f.problem) {
      diagnostics.push(placed(f.display, FIRST, f.problem));
      invalid = true;
      return;
    }
    // The walk reports such names itself; files from git or a test get the same error here.
    const hidden = hiddenPart(f.rel);
    if (hidden && (PLAN_EXTENSIONS.test(visibleName(f.rel)) || hidden.folder)) {
      diagnostics.push(placed(f.display, FIRST, invisibleNameProblem(hidden.name, hidden.why, hidden.folder)));
      invalid = true;
      return;
    }
    const sharedMatch = SHARED.exec(f.rel);
    const accountMatch = ACCOUNT.exec(f.rel);
    const reviewMatch = REVIEW.exec(f.rel);
    const noteMatch = CHANGE_NOTE.exec(f.rel);
    if (!sharedMatch && !accountMatch && !reviewMatch && !noteMatch) {
      const renamed = caseFix(f.rel);
      if (renamed) {
        diagnostics.push(diagnose(f.display, FIRST, 'file-name-case', { renamed }));
        invalid = true;
      } else if (/\.(ya?ml|mdx)$/i.test(f.rel) || f.rel.startsWith('accounts/')) diagnostics.push(diagnose(f.display, FIRST, 'unknown-file', { rel: f.rel }));
      return;
    }
    // Checked again here for files that did not come from the disk (git, tests): nothing too large is parsed.
    const cap = sizeCapFor(f.rel, limit);
    if (fileSize(f) > cap) {
      diagnostics.push(diagnose(f.display, FIRST, 'file-too-large', { of: 'plans-file', rel: f.rel, size: fileSize(f), cap }));
      invalid = true;
      return;
    }
    const format = f.rel.endsWith('.mdx') ? 'mdx' : 'yaml';
    const kind = sharedMatch ? (sharedMatch[1] as Slot) : accountMatch ? 'account' : reviewMatch ? 'review' : 'change';
    const loaded = loadFile(f, format, kind, options.cache, options.shared);
    diagnostics.push(...loaded.parse);
    if (!loaded.source || !loaded.validated) {
      invalid = true;
      return;
    }
    const located = { file: f.display, source: loaded.source };
    if (sharedMatch) {
      const slot = sharedMatch[1] as Slot;
      if (shared[slot]) {
        diagnostics.push(diagnose(f.display, FIRST, 'duplicate-file', { slot, first: shared[slot].located.file, second: f.display }));
        return;
      }
    }
    diagnostics.push(...loaded.validated.diagnostics);
    if (!loaded.validated.ok) {
      invalid = true;
      return;
    }
    const value = loaded.validated.value;
    if (sharedMatch) shared[sharedMatch[1] as Slot] = { value, located };
    else if (accountMatch) {
      accounts.push({ ...located, id: accountMatch[1]!, rel: f.rel, format, plan: value as AccountEntry['plan'], ...(loaded.body !== undefined && { body: loaded.body }), ...(loaded.own && { own: loaded.own }) });
    } else if (reviewMatch) {
      reviews.push({ ...located, rel: f.rel, month: reviewMatch[1]!, person: reviewMatch[2]!, review: value as ReviewEntry['review'] });
    } else {
      notes.push({ ...located, rel: f.rel, note: value as ChangeNoteEntry['note'] });
    }
   };
  for (const f of files) readOne(f);
  const lineCounts = lineCountsOf(files);

  for (const slot of ['workspace', 'team'] as const) {
    if (!shared[slot] && !files.some((f) => SHARED_FILE_ANY_CASE.exec(f.rel)?.[1]?.toLowerCase() === slot)) {
      diagnostics.push(diagnose(`${root}${slot}.yaml`, FIRST, 'missing-file', { slot }));
    }
  }
  // Cross-file checks need the shared files; they still run over the plans that passed
  // their schema, so one run shows every problem a pull request has.
  if (!shared.workspace || !shared.team) return { workspace: undefined, diagnostics: insideFiles(sortDiagnostics(diagnostics), lineCounts) };

  // sales.preset's defaults are filled in once, here, under what is set by hand: every reader sees the settings in effect.
  const settings = withSalesPreset(shared.workspace.value as WorkspaceSettings);
  const people = (shared.team.value as { people: Person[] }).people;
  const goals = (shared.goals?.value as { goals: Goal[] } | undefined)?.goals ?? [];
  if (!shared.goals && !files.some((f) => SHARED_FILE_ANY_CASE.exec(f.rel)?.[1]?.toLowerCase() === 'goals')) {
    diagnostics.push(diagnose(`${root}goals.yaml`, FIRST, 'missing-goals'));
  }
  const workspace: Workspace = {
    settings,
    people,
    personById: new Map(people.map((p) => [p.id, p])),
    goals,
    icp: shared.icp?.value as Icp | undefined,
    ...(shared.comp && { comp: shared.comp.value as Comp }),
    accounts: accounts.sort((a, b) => a.id.localeCompare(b.id)),
    accountById: new Map(accounts.map((a) => [a.id, a])),
    reviews,
    notes: notes.sort((a, b) => a.rel.localeCompare(b.rel)),
    sources: {
      workspace: shared.workspace.located,
      team: shared.team.located,
      ...(shared.goals && { goals: shared.goals.located }),
      ...(shared.icp && { icp: shared.icp.located }),
      ...(shared.comp && { comp: shared.comp.located }),
    },
  };
  const ids = files.map((f) => ACCOUNT.exec(f.rel)?.[1]).filter((id): id is string => id !== undefined);
  const accountIds = options.anyAccount ? new AnyAccount(ids) : new Set(ids);
  const sharedFiles = new Set(files.map((f) => SHARED.exec(f.rel)?.[1]).filter((slot): slot is string => slot !== undefined));
  diagnostics.push(...linkWorkspace(workspace, { accountIds, sharedFiles }));
  diagnostics.push(...linkNotes(workspace));
  const sorted = sortDiagnostics(diagnostics);
  insideFiles(sorted, lineCounts);
  return { workspace: invalid || hasErrors(sorted) ? undefined : workspace, diagnostics: sorted };
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const EDGE_SPACE = /(?:^|\/) | (?:\/|$)/;

/** The first part of a path whose name hides something (invisibleInName), if any. */
function hiddenPart(rel: string): { name: string; why: string; folder: boolean } | undefined {
  // Printable ASCII holds no control, invisible or unusual space: only a part's leading or trailing space is left.
  if (PRINTABLE_ASCII.test(rel) && !EDGE_SPACE.test(rel)) return undefined;
  const parts = rel.split('/');
  for (const [i, name] of parts.entries()) {
    const why = invisibleInName(name);
    if (why) return { name, why, folder: i < parts.length - 1 };
  }
  return undefined;
}

function rootOf(files: readonly PlansFile[]): string {
  const f = files[0];
  return f ? f.display.slice(0, f.display.length - f.rel.length) : '';
}

/** The name a file would be read under if its extension (or a shared file's name) were lower-case, or undefined. */
function caseFix(rel: string): string | undefined {
  if (SHARED_FILE_ANY_CASE.test(rel)) return rel.toLowerCase();
  const folder = rel.replace(/^(accounts|reviews|changes)\//i, (m) => m.toLowerCase());
  const lower = folder.replace(/\.(ya?ml|mdx)$/i, (ext) => ext.toLowerCase());
  if (lower === rel || !(ACCOUNT.test(lower) || REVIEW.test(lower) || CHANGE_NOTE.test(lower))) return undefined;
  // Name the whole path when a folder is in capitals, else only the file name.
  return folder === rel ? lower.slice(lower.lastIndexOf('/') + 1) : lower;
}

/** Each file's count of lines, by displayed path, counted when first asked for (a file with a diagnostic): a file the stat index vouched for is not read for it. */
function lineCountsOf(files: readonly PlansFile[]): (display: string) => number {
  const byDisplay = new Map<string, PlansFile>();
  for (const f of files) if (!byDisplay.has(f.display)) byDisplay.set(f.display, f);
  const counted = new Map<string, number>();
  return (display) => {
    let lines = counted.get(display);
    if (lines === undefined) {
      const f = byDisplay.get(display);
      counted.set(display, (lines = f ? countLines(f.bytes) : 1));
    }
    return lines;
  };
}

/** Lines of a file as an editor numbers them; a final line break does not start another. */
function countLines(bytes: Uint8Array): number {
  let lines = 1;
  // indexOf finds each line break natively: a loop over every byte of every file was 1% of a check.
  for (let i = bytes.indexOf(10); i !== -1 && i < bytes.length - 1; i = bytes.indexOf(10, i + 1)) lines++;
  return lines;
}

/** A last guard for the promise that every diagnostic points inside its file: line 1..lines, column from 1. */
function insideFiles(list: Diagnostic[], lineCounts: (display: string) => number): Diagnostic[] {
  for (const d of list) {
    const lines = lineCounts(d.file);
    if (d.line > lines) {
      d.line = lines;
      d.column = 1;
    }
    if (!(d.line >= 1)) d.line = 1;
    if (!(d.column >= 1)) d.column = 1;
  }
  return list;
}

/** A problem with a whole file is shown at its start. */
const FIRST = { line: 1, column: 1 } as const;

