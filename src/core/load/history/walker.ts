import type { AccountEntry, Workspace } from '../../model.ts';
import { fileSizeLimit, DEFAULT_MAX_FILE_BYTES } from '../limits.ts';
import { oneLine } from '../../shared/text.ts';
import { isPlanPath } from '../../shared/paths.ts';
import { openBlobCache, type BlobCache, type BlobResult } from './cache.ts';
import { evaluatePlans, evaluateShared, idOf } from './evaluate.ts';
import { assemble, type Built, type Failure } from './assemble.ts';
import { BlobStore, type Tracked } from './blob-store.ts';
import type { Commit, PlansRepo } from '../../git/repo.ts';
import type { HistoryState } from './types.ts';

const SHARED = /^(workspace|team|goals|icp)\.ya?ml$/;

/**
 * A plan's versions left out one after another: the first failure, what the totals used meanwhile (its last valid
 * version, nothing as none validated before, or nothing as no earlier version fits the other plans), which commits.
 */
interface LeftOut {
  failure: Failure;
  /** Left out for the other plans of its commits (a parent missing or in a circle, a twin id), not for its own errors. */
  others: boolean;
  meanwhile: 'kept' | 'never' | 'misfit';
  commits: { hash: string; date: string }[];
}
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
  private readonly repo: PlansRepo;
  private readonly store: BlobStore;
  private readonly display: (rel: string) => string;
  private prefetched = false;

  constructor(repo: PlansRepo, display: (rel: string) => string, cache: string | false | undefined, fingerprint?: string, cwd?: string) {
    this.repo = repo;
    this.store = new BlobStore(repo);
    this.display = display;
    this.cache = openBlobCache({ folder: cache, scope: `${repo.top}\0${repo.folder}`, fingerprint, cwd });
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
    // Each plan's last version that validated, which stands in for it while a later version does not.
    const lastValid = new Map<string, AccountEntry>();
    // For each plan now failing: its versions left out so far, for the note written when it validates again or the history ends.
    const leftOut = new Map<string, LeftOut>();
    // Plans changed in commits whose shared files did not validate: looked at in the next commit that has them.
    const unresolved = new Set<string>();
    // The plans the other plans of the last commit left out, and why (a parent missing or in a circle, a twin id).
    let crossed: ReadonlyMap<string, Failure> = new Map();
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
      shared.delete(rel);
      lastValid.delete(rel);
    };
    for (const commit of commits) {
      const dirty = new Set<string>();
      for (const change of commit.changes) {
        const rel = inside(change.path);
        const from = change.from === undefined ? undefined : inside(change.from);
        if (from !== undefined) {
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
      if ('note' in sharedResult) {
        this.skip(commit, date, sharedKey, sharedResult.note);
        for (const rel of dirty) unresolved.add(rel);
      } else {
        for (const rel of unresolved) if (accounts.has(rel)) dirty.add(rel);
        unresolved.clear();
        this.resolve(dirty, accounts, shared, contextKey, sharedResult, current, failing);
        if (dirty.size === 0 && order !== undefined && last?.sharedKey === sharedKey && last.workspace) workspace = last.workspace;
        else {
          order ??= [...accounts.keys()].sort((a, b) => idOf(a).localeCompare(idOf(b)) || (a < b ? -1 : 1));
          for (const rel of dirty) pending.add(rel);
          if (built && built.shared !== sharedResult.workspace) built = undefined;
          const next = assemble(order, current, failing, sharedResult.workspace, built, pending, lastValid, crossed);
          // A list with stand-ins or plans left out is no base to patch the next commit's into: that one is built afresh.
          built = failing.size > 0 || next.crossed.size > 0 ? undefined : next;
          pending.clear();
          workspace = next.workspace;
          const meanwhile = (rel: string): LeftOut['meanwhile'] => (next.position.has(rel) ? 'kept' : lastValid.has(rel) ? 'misfit' : 'never');
          this.trackLeftOut(commit, date, dirty, failing, next.crossed, current, meanwhile, leftOut);
          crossed = next.crossed;
          // Each plan's version that made it into the totals as it is becomes its last valid one.
          for (const rel of next.rebuilt ? order : dirty) {
            const now = current.get(rel);
            if (now && 'plan' in now && !next.crossed.has(rel) && !failing.has(rel)) lastValid.set(rel, now);
          }
        }
      }
      last = { workspace, sharedKey };
      held = true;
      visit({ hash: commit.hash, date, time: commit.time, workspace, lineage });
    }
    for (const [rel, run] of leftOut) this.noteLeftOut(rel, run, undefined);
  }

  /**
   * Follows each plan's versions that do not validate: a version left out is added to its plan's run, and a run ends,
   * with its note, when the plan validates again or is removed.
   */
  private trackLeftOut(
    commit: Commit,
    date: string,
    dirty: ReadonlySet<string>,
    failing: ReadonlySet<string>,
    crossed: ReadonlyMap<string, Failure>,
    current: ReadonlyMap<string, AccountEntry | Failure>,
    meanwhile: (rel: string) => LeftOut['meanwhile'],
    leftOut: Map<string, LeftOut>,
  ): void {
    for (const [rel, run] of leftOut) {
      if (failing.has(rel) || crossed.has(rel)) continue;
      this.noteLeftOut(rel, run, { hash: commit.hash, date, removed: !current.has(rel) });
      leftOut.delete(rel);
    }
    // A version is counted once, in the commit that brought it, or in the commit whose other plans first left it out.
    for (const rel of [...failing, ...crossed.keys()]) {
      const run = leftOut.get(rel);
      if (run && !dirty.has(rel)) continue;
      if (run?.commits.at(-1)?.hash === commit.hash) continue;
      const failure = failing.has(rel) ? (current.get(rel) as Failure) : crossed.get(rel)!;
      const next = run ?? { failure, others: !failing.has(rel), meanwhile: meanwhile(rel), commits: [] };
      next.commits.push({ hash: commit.hash, date });
      leftOut.set(rel, next);
    }
  }

  /** One note per run of a plan's versions left out: which plan, which commits, why, and what the totals used meanwhile. */
  private noteLeftOut(rel: string, run: LeftOut, fixedBy: { hash: string; date: string; removed: boolean } | undefined): void {
    const first = run.commits[0]!;
    const key = `${rel}|${first.hash}`;
    if (this.noted.has(key)) return;
    this.noted.add(key);
    const shown = run.commits.slice(0, 5).map((c) => `${c.hash.slice(0, 10)} (${c.date})`).join(', ');
    const more = run.commits.length > 5 ? ` and ${run.commits.length - 5} more` : '';
    const versions = run.commits.length === 1 ? `Its version of commit ${shown} is` : `Its ${run.commits.length} versions of commits ${shown}${more} are`;
    const meanwhile = {
      kept: 'its last valid version stands in for it in the totals',
      never: 'the plan is not in the totals, as no version of it validated before',
      misfit: 'the plan is not in the totals, as no earlier version of it fits the other plans',
    }[run.meanwhile];
    const until = !fixedBy
      ? 'up to the last commit'
      : `until commit ${fixedBy.hash.slice(0, 10)} (${fixedBy.date}) ${fixedBy.removed ? 'removes or renames it' : run.others ? 'fits it with the other plans again' : 'makes it valid again'}`;
    const f = run.failure;
    this.notes.push(`${first.date} ${this.display(rel)}:${f.line}:${f.column} ${oneLine(f.message, 400)} ${versions} left out, ${until}: ${meanwhile}, and every other plan goes on.`);
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
    dirty: ReadonlySet<string>,
    accounts: ReadonlyMap<string, Tracked>,
    shared: ReadonlyMap<string, Tracked>,
    contextKey: string,
    sharedResult: { workspace: Workspace; limit: number },
    current: Map<string, AccountEntry | Failure>,
    failing: Set<string>,
  ): void {
    // A version's result depends on it and the shared files alone (evaluate.ts): the links between plans are assemble's.
    const keyOf = (rel: string) => `${contextKey}|${accounts.get(rel)!.blob}|${rel}`;
    const missing = [...dirty].filter((rel) => !this.entries.has(keyOf(rel)) && this.fromCache(keyOf(rel), rel, sharedResult.workspace) === undefined);
    if (missing.length > 0) {
      this.validated += missing.length;
      const context = [...shared].filter(([rel]) => !rel.startsWith('goals.')).sort(([a], [b]) => (a < b ? -1 : 1));
      const contextFiles = this.store.files(context, sharedResult.limit, this.display);
      const plans = this.store.files(missing.map((rel) => [rel, accounts.get(rel)!] as const), sharedResult.limit, this.display);
      for (const f of plans) if (f.problem) this.cache.set(keyOf(f.rel), { ok: false, line: 1, column: 1, message: f.problem.message });
      for (const [rel, { result, entry }] of evaluatePlans(contextFiles, plans.filter((f) => !f.problem))) {
        this.cache.set(keyOf(rel), result);
        if (entry) this.entries.set(keyOf(rel), entry);
      }
    }
    for (const rel of dirty) {
      const entry = this.entries.get(keyOf(rel));
      const result: BlobResult | undefined = this.cache.get(keyOf(rel));
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

  private skip(commit: Commit, date: string, what: string, message: string): undefined {
    // One note per problem, however many commits keep it, and one per commit: a replay may find the same problem in other words.
    if (this.noted.has(what) || this.noted.has(commit.hash)) return undefined;
    this.noted.add(what).add(commit.hash);
    this.notes.push(`${date} commit ${commit.hash.slice(0, 10)}: ${oneLine(message, 400)} This version is left out; the totals keep the one before it.`);
    return undefined;
  }
}

