import type { AccountEntry, Workspace } from '../../model.ts';
import { fileSizeLimit, DEFAULT_MAX_FILE_BYTES } from '../limits.ts';
import { oneLine } from '../../shared/text.ts';
import { isPlanPath } from '../../shared/paths.ts';
import { openBlobCache, type BlobCache, type BlobResult } from './cache.ts';
import { evaluatePlans, evaluateShared, idOf } from './evaluate.ts';
import { assemble, type Built, type Failure, type Problem } from './assemble.ts';
import { loadWorkspace } from '../workspace.ts';
import { BlobStore, type Tracked } from './blob-store.ts';
import type { Commit, PlansRepo } from '../../git/repo.ts';
import type { HistoryState } from './types.ts';

const SHARED = /^(workspace|team|goals|icp)\.ya?ml$/;
const ACCOUNT = /^accounts\/(?:.+\/)?([^/]+)\.(ya?ml|mdx)$/;
/** A plan as the working copy's reader finds one: never in a hidden folder or node_modules (load/files.ts). */
const isAccount = (rel: string) => ACCOUNT.test(rel) && isPlanPath(rel);

const keyOfShared = (shared: ReadonlyMap<string, Tracked>, skipGoals: boolean) =>
  [...shared]
    .filter(([rel]) => !(skipGoals && rel.startsWith('goals.')))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([rel, t]) => `${rel}=${t.blob}`)
    .join(';');

/**
 * One pass over the commits; the first pass reads and validates, later ones find every result in memory. Work per
 * commit follows what it changed: a plan is looked at again only when its blob or the shared files changed, and the
 * accounts are sorted again only when one came or went.
 */
export class Walker {
  readonly notes: string[] = [];
  readonly names = new Map<string, string>();
  readonly cache: BlobCache;
  /** Plan versions validated in this run (the others came from memory or the cache). */
  validated = 0;
  private readonly noted = new Set<string>();
  private readonly shared = new Map<string, { workspace: Workspace; limit: number } | { note: string }>();
  private readonly entries = new Map<string, AccountEntry>();
  /** Failures decided by other plans, by commit and plan: never kept between runs, but a replay need not judge them again. */
  private readonly decided = new Map<string, Failure>();
  private readonly repo: PlansRepo;
  private readonly store: BlobStore;
  private readonly display: (rel: string) => string;
  private prefetched = false;

  constructor(repo: PlansRepo, display: (rel: string) => string, cache: string | false | undefined, fingerprint?: string) {
    this.repo = repo;
    this.store = new BlobStore(repo);
    this.display = display;
    this.cache = openBlobCache({ folder: cache, scope: `${repo.top}\0${repo.folder}`, fingerprint });
  }

  run(commits: readonly Commit[], visit: (state: HistoryState) => void): void {
    if (!this.prefetched) this.prefetch(commits);
    this.prefetched = true;
    const shared = new Map<string, Tracked>();
    const accounts = new Map<string, Tracked>();
    // Copied before a change once a visit may hold it, so each state keeps the lineage it was given.
    let lineage = new Map<string, string>();
    let held = false;
    const mutable = () => {
      if (held) lineage = new Map(lineage);
      held = false;
      return lineage;
    };
    const used = new Set<string>();
    const keyFor = (id: string) => {
      if (lineage.has(id)) return;
      let key = id;
      for (let n = 2; used.has(key); n++) key = `${id}~${n}`;
      used.add(key);
      mutable().set(id, key);
      this.names.set(key, id);
    };
    const current = new Map<string, AccountEntry | Failure>();
    const failing = new Set<string>();
    // Plans whose last result was decided by other plans (a parent, a twin id): judged again when any plan changes.
    const retry = new Set<string>();
    let contextKey: string | undefined;
    let order: string[] | undefined;
    // The last workspace assembled, and the plans changed since (across commits left out), so the next is patched, not rebuilt.
    let built: Built | undefined;
    const pending = new Set<string>();
    let last: { workspace: Workspace | undefined; sharedKey: string } | undefined;
    const prefix = this.repo.folder === '' ? '' : `${this.repo.folder}/`;
    const inside = (path: string) => (path.startsWith(prefix) ? path.slice(prefix.length) : undefined);
    const drop = (rel: string) => {
      if (accounts.delete(rel)) {
        order = undefined;
        built = undefined;
      }
      current.delete(rel);
      failing.delete(rel);
      retry.delete(rel);
      shared.delete(rel);
    };
    for (const commit of commits) {
      const dirty = new Set<string>();
      let plansChanged = false;
      for (const change of commit.changes) {
        const rel = inside(change.path);
        const from = change.from === undefined ? undefined : inside(change.from);
        if (from !== undefined) {
          plansChanged ||= isAccount(from);
          drop(from);
        }
        // A plan renamed (git's rename detection) keeps its history under its new id.
        if (from !== undefined && rel !== undefined && isAccount(from) && isAccount(rel) && lineage.has(idOf(from)) && idOf(from) !== idOf(rel)) {
          const key = lineage.get(idOf(from))!;
          mutable().set(idOf(rel), key);
          lineage.delete(idOf(from));
          this.names.set(key, idOf(rel));
        }
        if (rel === undefined) continue;
        const isShared = SHARED.test(rel);
        if (!isShared && !isAccount(rel)) continue;
        plansChanged ||= !isShared;
        if (change.status === 'D' || change.mode === '160000') {
          drop(rel);
          dirty.delete(rel);
        } else if (isShared) shared.set(rel, { blob: change.blob, mode: change.mode });
        else {
          if (!accounts.has(rel)) {
            order = undefined;
            built = undefined;
          }
          accounts.set(rel, { blob: change.blob, mode: change.mode });
          keyFor(idOf(rel));
          dirty.add(rel);
        }
      }
      if (plansChanged) for (const rel of retry) dirty.add(rel);
      const date = new Date(commit.time * 1000).toISOString().slice(0, 10);
      const sharedKey = keyOfShared(shared, false);
      const nextContext = keyOfShared(shared, true);
      if (nextContext !== contextKey) {
        contextKey = nextContext;
        current.clear();
        failing.clear();
        for (const rel of accounts.keys()) dirty.add(rel);
      }
      let workspace: Workspace | undefined;
      const sharedResult = this.sharedAt(sharedKey, shared);
      if ('note' in sharedResult) this.skip(commit, date, sharedKey, sharedResult.note);
      else {
        this.resolve(commit.hash, dirty, accounts, shared, contextKey, sharedResult, current, failing, retry);
        if (dirty.size === 0 && order !== undefined && last?.sharedKey === sharedKey && last.workspace) workspace = last.workspace;
        else {
          order ??= [...accounts.keys()].sort((a, b) => idOf(a).localeCompare(idOf(b)) || (a < b ? -1 : 1));
          for (const rel of dirty) pending.add(rel);
          if (built && built.shared !== sharedResult.workspace) built = undefined;
          const next = assemble(order, current, failing, sharedResult.workspace, built, pending);
          if ('workspace' in next) {
            built = next;
            pending.clear();
            workspace = next.workspace;
          } else this.note(commit, date, next, accounts, shared, sharedResult.limit);
        }
      }
      last = { workspace, sharedKey };
      held = true;
      visit({ hash: commit.hash, date, time: commit.time, workspace, lineage });
    }
  }

  /** Reads, in two git processes, every blob the walk will parse and the cache does not hold. */
  private prefetch(commits: readonly Commit[]): void {
    const prefix = this.repo.folder === '' ? '' : `${this.repo.folder}/`;
    const shared = new Map<string, Tracked>();
    const accounts = new Map<string, Tracked>();
    const needed = new Set<string>();
    let contextKey: string | undefined;
    for (const commit of commits) {
      const changed: string[] = [];
      for (const change of commit.changes) {
        if (change.from?.startsWith(prefix)) {
          accounts.delete(change.from.slice(prefix.length));
          shared.delete(change.from.slice(prefix.length));
        }
        if (!change.path.startsWith(prefix)) continue;
        const rel = change.path.slice(prefix.length);
        const target = SHARED.test(rel) ? shared : isAccount(rel) ? accounts : undefined;
        if (!target) continue;
        if (change.status === 'D') target.delete(rel);
        else {
          target.set(rel, { blob: change.blob, mode: change.mode });
          if (target === shared && change.mode !== '120000') needed.add(change.blob);
          else changed.push(rel);
        }
      }
      const next = keyOfShared(shared, true);
      const check = next === contextKey ? changed : [...accounts.keys()];
      contextKey = next;
      for (const rel of check) {
        const t = accounts.get(rel);
        if (t && t.mode !== '120000' && this.cache.get(`${contextKey}|${t.blob}|${rel}`) === undefined) needed.add(t.blob);
      }
    }
    this.store.prefetch(needed);
  }

  private sharedAt(sharedKey: string, shared: ReadonlyMap<string, Tracked>): { workspace: Workspace; limit: number } | { note: string } {
    let result = this.shared.get(sharedKey);
    if (!result) {
      const loaded = this.store.files([...shared].sort(([a], [b]) => (a < b ? -1 : 1)), DEFAULT_MAX_FILE_BYTES, this.display);
      const workspaceFile = loaded.find((f) => f.rel.startsWith('workspace.') && !f.problem);
      const limit = workspaceFile ? fileSizeLimit(workspaceFile.bytes) : DEFAULT_MAX_FILE_BYTES;
      const evaluated = evaluateShared(loaded);
      result = 'workspace' in evaluated ? { workspace: evaluated.workspace, limit } : { note: `${evaluated.error.file}:${evaluated.error.line}:${evaluated.error.column} ${evaluated.error.message}` };
      this.shared.set(sharedKey, result);
    }
    return result;
  }

  /** Gives each changed plan its result: from memory, from the cache, or validated now (all of this commit's at once). */
  private resolve(
    hash: string,
    dirty: ReadonlySet<string>,
    accounts: ReadonlyMap<string, Tracked>,
    shared: ReadonlyMap<string, Tracked>,
    contextKey: string,
    sharedResult: { workspace: Workspace; limit: number },
    current: Map<string, AccountEntry | Failure>,
    failing: Set<string>,
    retry: Set<string>,
  ): void {
    const keyOf = (rel: string) => `${contextKey}|${accounts.get(rel)!.blob}|${rel}`;
    // Failures decided by other plans: this commit's word only, never kept under the version's key.
    const decidedKey = (rel: string) => `${hash}|${rel}`;
    const missing = [...dirty].filter((rel) => !this.entries.has(keyOf(rel)) && !this.decided.has(decidedKey(rel)) && this.fromCache(keyOf(rel), rel, sharedResult.workspace) === undefined);
    if (missing.length > 0) {
      this.validated += missing.length;
      const context = [...shared].filter(([rel]) => !rel.startsWith('goals.')).sort(([a], [b]) => (a < b ? -1 : 1));
      const contextFiles = this.store.files(context, sharedResult.limit, this.display);
      const plans = this.store.files(missing.map((rel) => [rel, accounts.get(rel)!] as const), sharedResult.limit, this.display);
      for (const f of plans) if (f.problem) this.cache.set(keyOf(f.rel), { ok: false, line: 1, column: 1, message: f.problem.message });
      const all = () => this.store.files([...accounts], sharedResult.limit, this.display).filter((f) => !f.problem);
      for (const [rel, { result, entry, transient: decidedByOthers }] of evaluatePlans(contextFiles, plans.filter((f) => !f.problem), all)) {
        if (decidedByOthers && !result.ok) this.decided.set(decidedKey(rel), { line: result.line, column: result.column, message: result.message });
        else this.cache.set(keyOf(rel), result);
        if (entry) this.entries.set(keyOf(rel), entry);
      }
    }
    for (const rel of dirty) {
      const entry = this.entries.get(keyOf(rel));
      const decided = entry ? undefined : this.decided.get(decidedKey(rel));
      const result: BlobResult | undefined = decided ? { ok: false, ...decided } : this.cache.get(keyOf(rel));
      if (decided) retry.add(rel);
      else retry.delete(rel);
      if (entry) {
        current.set(rel, entry);
        failing.delete(rel);
      } else {
        current.set(rel, result && !result.ok ? result : { line: 1, column: 1, message: 'This version could not be read.' });
        failing.add(rel);
      }
    }
  }

  /** A cached result turned into an entry. Its source is the workspace file's: history runs no rules, so nothing is located in it. */
  private fromCache(key: string, rel: string, ws: Workspace): BlobResult | undefined {
    const result = this.cache.get(key);
    if (result?.ok) {
      this.entries.set(key, { file: this.display(rel), source: ws.sources.workspace.source, id: idOf(rel), rel, format: rel.endsWith('.mdx') ? 'mdx' : 'yaml', plan: result.plan });
    }
    return result;
  }

  /** Notes why a commit is left out, in the loader's words: the same note whether its results came from the cache or not. */
  private note(commit: Commit, date: string, problem: Problem, accounts: ReadonlyMap<string, Tracked>, shared: ReadonlyMap<string, Tracked>, limit: number): void {
    if (this.noted.has(commit.hash)) return;
    if ('failed' in problem) {
      const { failed: rel, failure: f } = problem;
      this.skip(commit, date, `${rel}|${f.message}`, `${this.display(rel)}:${f.line}:${f.column} ${f.message}`);
      return;
    }
    const names = problem.linked === 'all' ? undefined : new Set(problem.linked);
    const context = this.store.files([...shared].filter(([rel]) => !rel.startsWith('goals.')).sort(([a], [b]) => (a < b ? -1 : 1)), limit, this.display);
    const plans = this.store.files([...accounts].filter(([rel]) => !names || names.has(rel)), limit, this.display);
    const d = loadWorkspace([...context, ...plans]).diagnostics.find((x) => x.severity === 'error');
    const rel = plans.find((f) => f.display === d?.file)?.rel ?? '';
    if (d) this.skip(commit, date, `${rel}|${d.message}`, `${d.file}:${d.line}:${d.column} ${d.message}`);
    else this.skip(commit, date, `${commit.hash}|linked`, 'The plans of this commit do not make a workspace together.');
  }

  private skip(commit: Commit, date: string, what: string, message: string): undefined {
    // One note per problem, however many commits keep it, and one per commit: a replay may find the same problem in other words.
    if (this.noted.has(what) || this.noted.has(commit.hash)) return undefined;
    this.noted.add(what).add(commit.hash);
    this.notes.push(`${date} commit ${commit.hash.slice(0, 10)}: ${oneLine(message, 400)} This version is left out; the totals keep the one before it.`);
    return undefined;
  }
}

