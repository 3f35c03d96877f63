import { join, relative, resolve } from 'node:path';
import type { PlansFile } from '../files.ts';
import { fileSizeLimit, sizeCapFor, tooLargeMessage, DEFAULT_MAX_FILE_BYTES } from '../limits.ts';
import type { AccountEntry, Workspace } from '../../model.ts';
import { toPosix } from '../../shared/paths.ts';
import { oneLine } from '../../shared/text.ts';
import { openBlobCache, type BlobResult } from './cache.ts';
import { evaluatePlans, evaluateShared, idOf } from './evaluate.ts';
import { blobSizes, openPlansRepo, readBlobs, readCommits, type Commit, type PlansRepo } from './git.ts';

const SHARED = /^(workspace|team|goals|icp)\.ya?ml$/;
const ACCOUNT = /^accounts\/(?:.+\/)?([^/]+)\.(ya?ml|mdx)$/;

/** One commit of the history, once replayed: its plans as a workspace, or none when that version was invalid. */
export interface HistoryState {
  hash: string;
  /** Committer date in UTC, YYYY-MM-DD. */
  date: string;
  time: number;
  /** Undefined when the plans at this commit do not validate (see the notes). */
  workspace: Workspace | undefined;
  /** Each account id at this commit → the key of its history, the same across renames. Read it during the visit only: it moves on. */
  lineage: ReadonlyMap<string, string>;
}

export interface PlansHistory {
  /** Why there is no history (no git repository, a shallow clone), in a sentence; undefined when it was read. */
  unavailable: { kind: 'no-git' | 'shallow'; message: string } | undefined;
  /** Versions left out, one sentence each, oldest first. */
  notes: string[];
  /** Every commit that touched the plans, oldest first. */
  count: number;
  /** Replays the commits, oldest first, from memory (nothing is parsed twice). */
  replay(visit: (state: HistoryState) => void): void;
  /** Each history key → the account's latest id. */
  names: ReadonlyMap<string, string>;
}

export interface HistoryOptions {
  plansDir: string;
  cwd?: string;
  /** Folder of the cache between runs; false for none; default node_modules/.cache/account-plans/history. */
  cache?: string | false;
}

/**
 * Reads every version of the plans on the current branch with git plumbing (log, cat-file), without checking
 * anything out. Each distinct blob is read from git once and validated once per set of shared files (results
 * are cached on disk by blob id); a version that does not validate is left out with a note, never fatal.
 */
export function readPlansHistory(options: HistoryOptions): PlansHistory {
  const cwd = options.cwd ?? process.cwd();
  const repo = openPlansRepo(options.plansDir, cwd);
  if (!repo) return empty('no-git', 'The plans folder is not in a git repository, so there is no history to show.');
  if (repo.shallow) {
    return empty('shallow', 'This is a shallow clone: git holds only the latest commits, so the history of the plans is not shown. Fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in GitHub Actions) to see it.');
  }
  const display = (rel: string) => toPosix(relative(cwd, join(resolve(cwd, options.plansDir), rel)));
  const commits = readCommits(repo);
  const walker = new Walker(repo, display, options.cache);
  walker.run(commits, () => undefined);
  walker.cache.save();
  return {
    unavailable: undefined,
    notes: walker.notes,
    count: commits.length,
    replay: (visit) => walker.run(commits, visit),
    names: walker.names,
  };
}

function empty(kind: 'no-git' | 'shallow', message: string): PlansHistory {
  return { unavailable: { kind, message }, notes: [], count: 0, replay: () => undefined, names: new Map() };
}

interface Tracked {
  blob: string;
  mode: string;
}

/** One pass over the commits; the first pass reads and validates, later ones find every result in memory. */
class Walker {
  readonly notes: string[] = [];
  readonly names = new Map<string, string>();
  readonly cache;
  private readonly noted = new Set<string>();
  private readonly shared = new Map<string, { workspace: Workspace; limit: number } | { note: string }>();
  private readonly entries = new Map<string, AccountEntry>();
  private readonly repo: PlansRepo;
  private readonly display: (rel: string) => string;

  constructor(repo: PlansRepo, display: (rel: string) => string, cache: string | false | undefined) {
    this.repo = repo;
    this.display = display;
    this.cache = openBlobCache(cache);
  }

  run(commits: readonly Commit[], visit: (state: HistoryState) => void): void {
    const files = new Map<string, Tracked>();
    const lineage = new Map<string, string>();
    const used = new Set<string>();
    const keyFor = (id: string) => {
      const known = lineage.get(id);
      if (known !== undefined) return known;
      let key = id;
      for (let n = 2; used.has(key); n++) key = `${id}~${n}`;
      used.add(key);
      lineage.set(id, key);
      return key;
    };
    const prefix = this.repo.folder === '' ? '' : `${this.repo.folder}/`;
    const inside = (path: string) => (path.startsWith(prefix) ? path.slice(prefix.length) : undefined);
    for (const commit of commits) {
      for (const change of commit.changes) {
        const rel = inside(change.path);
        const from = change.from === undefined ? undefined : inside(change.from);
        if (from !== undefined) files.delete(from);
        // A plan renamed (git's rename detection) keeps its history under its new id.
        if (from !== undefined && rel !== undefined && ACCOUNT.test(from) && ACCOUNT.test(rel) && lineage.has(idOf(from))) {
          lineage.set(idOf(rel), lineage.get(idOf(from))!);
          lineage.delete(idOf(from));
        }
        if (rel === undefined || !(SHARED.test(rel) || ACCOUNT.test(rel))) continue;
        if (change.status === 'D') files.delete(rel);
        else if (change.mode !== '160000') files.set(rel, { blob: change.blob, mode: change.mode });
      }
      for (const rel of files.keys()) if (ACCOUNT.test(rel)) this.names.set(keyFor(idOf(rel)), idOf(rel));
      const date = new Date(commit.time * 1000).toISOString().slice(0, 10);
      visit({ hash: commit.hash, date, time: commit.time, workspace: this.workspaceAt(files, commit, date), lineage });
    }
  }

  private workspaceAt(files: ReadonlyMap<string, Tracked>, commit: Commit, date: string): Workspace | undefined {
    const sharedRels = [...files.keys()].filter((rel) => SHARED.test(rel)).sort();
    const sharedKey = sharedRels.map((rel) => `${rel}=${files.get(rel)!.blob}`).join(';');
    const context = sharedRels.filter((rel) => !rel.startsWith('goals.'));
    const contextKey = context.map((rel) => `${rel}=${files.get(rel)!.blob}`).join(';');
    let shared = this.shared.get(sharedKey);
    if (!shared) {
      shared = this.readShared(sharedRels, files);
      this.shared.set(sharedKey, shared);
    }
    if ('note' in shared) return this.skip(commit, date, sharedKey, shared.note);
    const accounts = [...files].filter(([rel]) => ACCOUNT.test(rel));
    const keyOf = (rel: string, t: Tracked) => `${contextKey}|${t.blob}|${rel}`;
    const missing = accounts.filter(([rel, t]) => !this.entries.has(keyOf(rel, t)) && this.lookUp(keyOf(rel, t), rel, shared.workspace) === undefined);
    if (missing.length > 0) this.evaluate(missing, accounts, context, files, shared.limit, keyOf);
    const list: AccountEntry[] = [];
    for (const [rel, t] of accounts) {
      const key = keyOf(rel, t);
      const entry = this.entries.get(key);
      if (entry) {
        list.push(entry);
        continue;
      }
      const result = this.cache.get(key);
      const where = result && !result.ok ? `${this.display(rel)}:${result.line}:${result.column} ${result.message}` : `${this.display(rel)}: this version could not be read.`;
      return this.skip(commit, date, key, where);
    }
    list.sort((a, b) => a.id.localeCompare(b.id));
    const byId = new Map<string, AccountEntry>();
    for (const a of list) {
      const twin = byId.get(a.id);
      if (twin) return this.skip(commit, date, `${twin.rel}|${a.rel}`, `${this.display(a.rel)}: two plans have the id ${a.id} (${twin.rel} and ${a.rel}).`);
      byId.set(a.id, a);
    }
    for (const a of list) {
      const parent = a.plan.parent;
      if (parent !== undefined && !byId.has(parent)) return this.skip(commit, date, `${a.rel}|parent`, `${this.display(a.rel)}: parent ${oneLine(parent, 100)} is not an account at this commit.`);
    }
    return { ...shared.workspace, accounts: list, accountById: byId, reviews: [] };
  }

  /** A cached result turned into an entry. Its source is the workspace file's: history runs no rules, so nothing is located in it. */
  private lookUp(key: string, rel: string, ws: Workspace): BlobResult | undefined {
    const result = this.cache.get(key);
    if (result?.ok) {
      const id = idOf(rel);
      this.entries.set(key, { file: this.display(rel), source: ws.sources.workspace.source, id, rel, format: rel.endsWith('.mdx') ? 'mdx' : 'yaml', plan: result.plan });
    }
    return result;
  }

  private evaluate(missing: [string, Tracked][], accounts: [string, Tracked][], context: string[], files: ReadonlyMap<string, Tracked>, limit: number, keyOf: (rel: string, t: Tracked) => string): void {
    const contextFiles = this.load(context.map((rel) => [rel, files.get(rel)!]), limit);
    const plans = this.load(missing, limit);
    const refused = plans.filter((f) => f.problem);
    for (const f of refused) this.cache.set(keyOf(f.rel, files.get(f.rel)!), { ok: false, line: 1, column: 1, message: f.problem!.message });
    const results = evaluatePlans(contextFiles, plans.filter((f) => !f.problem), () => this.load(accounts, limit).filter((f) => !f.problem));
    for (const [rel, { result, entry }] of results) {
      const key = keyOf(rel, files.get(rel)!);
      this.cache.set(key, result);
      if (entry) this.entries.set(key, entry);
    }
  }

  private readShared(rels: string[], files: ReadonlyMap<string, Tracked>): { workspace: Workspace; limit: number } | { note: string } {
    const loaded = this.load(rels.map((rel) => [rel, files.get(rel)!]), DEFAULT_MAX_FILE_BYTES);
    const workspaceFile = loaded.find((f) => f.rel.startsWith('workspace.') && !f.problem);
    const limit = workspaceFile ? fileSizeLimit(workspaceFile.bytes) : DEFAULT_MAX_FILE_BYTES;
    const result = evaluateShared(loaded);
    if ('workspace' in result) return { workspace: result.workspace, limit };
    const d = result.error;
    return { note: `${d.file}:${d.line}:${d.column} ${d.message}` };
  }

  /** Blobs as PlansFiles; links, submodules and blobs over the size cap are refused before their bytes are read. */
  private load(list: [string, Tracked][], limit: number): PlansFile[] {
    const wanted = list.filter(([, t]) => t.mode !== '120000').map(([, t]) => t.blob);
    const sizes = blobSizes(this.repo, [...new Set(wanted)]);
    const small = [...sizes].filter(([, size]) => size <= Math.max(limit, sizeCapFor('workspace.yaml', limit))).map(([id]) => id);
    const bytes = readBlobs(this.repo, small);
    return list.map(([rel, t]): PlansFile => {
      const file = { rel, display: this.display(rel), bytes: new Uint8Array() };
      if (t.mode === '120000') return { ...file, problem: { code: 'not-a-file', message: 'This version is a symbolic link, and links are never followed.' } };
      const size = sizes.get(t.blob) ?? 0;
      const cap = sizeCapFor(rel, limit);
      if (size > cap) return { ...file, problem: { code: 'file-too-large', message: tooLargeMessage(rel, size, cap) } };
      return { ...file, bytes: bytes.get(t.blob) ?? new Uint8Array() };
    });
  }

  private skip(commit: Commit, date: string, what: string, message: string): undefined {
    if (this.noted.has(what)) return undefined;
    this.noted.add(what);
    this.notes.push(`${date} commit ${commit.hash.slice(0, 10)}: ${oneLine(message, 400)} This version is left out; the totals keep the one before it.`);
    return undefined;
  }
}
