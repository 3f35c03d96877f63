import type { LoadResult, Workspace } from '../model.ts';
import { readWorkspace } from '../load/read-workspace.ts';
import type { LoadedFile } from '../load/load-file.ts';
import type { PlansSource } from '../load/sources.ts';
import type { PlansFile } from '../load/files.ts';
import { computeRevenue, type PortfolioRevenue } from '../portfolio/portfolio.ts';
import { assignTiers, type Tier } from '../portfolio/tiers.ts';
import { rollUp, type Rollup } from '../rollup/rollup.ts';
import { runRules } from '../rules/index.ts';
import type { Finding } from '../rules/finding.ts';
import { planContextOf, type RuleContext } from '../rules/context.ts';
import { PlanCache, type PlanCacheSite } from './plan-cache.ts';
import { computeComp, type CompPerson } from '../comp/comp.ts';
import { NPM_SCRIPTS, type Invocation } from '../shared/invocation.ts';

/** What every run is given besides its plans. */
export interface RunContext {
  /** YYYY-MM-DD: the only clock of the rules, the ledger (a sale dated after it is not booked) and the portfolio (shared/today.ts resolves it). */
  today: string;
  /** How hints name a command (shared/invocation.ts); npm scripts unless said otherwise. */
  how?: Invocation | undefined;
}

/** Last year's and this year's revenue by account, and the tier each account earns by it. */
export interface Portfolio {
  revenue: PortfolioRevenue;
  tiers: ReadonlyMap<string, Tier>;
}

/** A stage asked of a run whose plans do not validate: nothing is summed over invalid data. */
export class InvalidPlans extends Error {
  constructor() {
    super('The plans do not validate, so there is nothing to sum; look at the run\'s diagnostics first.');
  }
}

/**
 * One pass of the engine over one set of plans: each stage computed once, when first asked for, and handed to
 * whoever asks (the command line, the site, the history, the base comparison). Nothing else calls the stages.
 *
 *   load (parse, validate, link, images, ledger) → rollup → portfolio (revenue, tiers) → rules
 */
export class Run {
  readonly today: string;
  readonly how: Invocation;
  private readonly load: () => LoadResult;
  /** Where each plan's findings from the `plan` rules are kept between runs (engine/plan-cache.ts), when the source has a cache. */
  private readonly planCache: { site: PlanCacheSite; files: readonly PlansFile[] } | undefined;
  private loadedResult: LoadResult | undefined;
  private rolled: Rollup | undefined;
  private portfolioResult: Portfolio | undefined;
  private found: Finding[] | undefined;
  private compResult: CompPerson[] | undefined;

  private constructor(load: () => LoadResult, context: RunContext, planCache?: { site: PlanCacheSite; files: readonly PlansFile[] }) {
    this.load = load;
    this.planCache = planCache;
    this.today = context.today;
    this.how = context.how ?? NPM_SCRIPTS;
  }

  /**
   * A run over a source of plans: the working copy, or a commit (load/sources.ts). `sameAs`: a run whose files this
   * one may share where their bytes and names are the same (the head of a `check --base`, for its base).
   */
  static of(source: PlansSource, context: RunContext, sameAs?: Run): Run {
    const site = source.cache?.beside('.findings');
    const loadedFiles = new Map<string, LoadedFile>();
    const shared = { keep: loadedFiles, ...(sameAs && { reuse: sameAs.loadedFiles }) };
    const run = new Run(() => readWorkspace(source, context.today, shared), context, site && { site, files: source.files });
    run.loadedFiles = loadedFiles;
    return run;
  }

  /** Each file this run loaded, by what it is a function of (load/cache.ts's fileKey), once it has loaded them. */
  private loadedFiles: ReadonlyMap<string, LoadedFile> = new Map();

  /** A run over a workspace that is already loaded and valid (a version of the history, a test's workspace). */
  static ofWorkspace(workspace: Workspace, context: RunContext): Run {
    return new Run(() => ({ workspace, diagnostics: [] }), context);
  }

  /** The workspace and every diagnostic of loading it; the workspace only when no diagnostic is an error. */
  get loaded(): LoadResult {
    return (this.loadedResult ??= this.load());
  }

  get workspace(): Workspace | undefined {
    return this.loaded.workspace;
  }

  /** The valid workspace, for the stages after loading. */
  get valid(): Workspace {
    const ws = this.loaded.workspace;
    if (!ws) throw new InvalidPlans();
    return ws;
  }

  /** Every goal against the plans' forecast, and each account's and family's totals. */
  get rollup(): Rollup {
    return (this.rolled ??= rollUp(this.valid));
  }

  get portfolio(): Portfolio {
    if (!this.portfolioResult) {
      const revenue = computeRevenue(this.valid, this.today, this.rollup);
      this.portfolioResult = { revenue, tiers: assignTiers(this.valid, revenue) };
    }
    return this.portfolioResult;
  }

  /** Everyone in a comp plan (comp.yaml) with attainment and payout from the rollup; empty without comp.yaml. */
  get comp(): CompPerson[] {
    return (this.compResult ??= computeComp(this.valid, this.rollup));
  }

  /** The method's rules over the plans, in file order; each plan's own findings kept between runs when the source has a cache. */
  get findings(): Finding[] {
    if (!this.found) {
      const ctx: RuleContext = { ws: this.valid, today: this.today, how: this.how, ...this.portfolio, comp: this.comp };
      const store = this.planCache && PlanCache.open(this.planCache.site, planContextOf(ctx), this.planCache.files);
      this.found = runRules(ctx, store);
      store?.save();
    }
    return this.found;
  }
}
