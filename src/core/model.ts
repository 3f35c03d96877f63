/**
 * The workspace model: the plans folder parsed, validated and linked. Types only, so every stage can name them
 * without importing the loader.
 */
import type { AccountPlan, ChangeNote, Comp, Goal, Icp, Person, Review, WorkspaceSettings } from '../../schemas/index.ts';
import type { Diagnostic } from './diagnostics/diagnostic.ts';
import type { YamlSource } from './load/yaml-source.ts';

export interface Located {
  /** The file as the user opens it. */
  file: string;
  /** Locates a field of the file for a diagnostic. */
  source: YamlSource;
}

export interface AccountEntry extends Located {
  /** The file name without extension. */
  id: string;
  /** Path inside the plans folder: accounts/acme.mdx. */
  rel: string;
  format: 'yaml' | 'mdx';
  plan: AccountPlan;
  /** The MDX narrative, for .mdx plans. */
  body?: string;
  /** The diagnostics of the checks of this plan alone, as its load found or the parse cache kept them. */
  own?: OwnDiagnostics;
}

/**
 * What the checks of one plan alone found (load/link.ts ownDiagnostics): one list per check in link.ts's order, or no
 * list at all when none found anything. Kept with the plan in the parse cache; linking checks afresh a plan whose
 * lists are of any other number.
 */
export type OwnDiagnostics = readonly (readonly Diagnostic[])[];

export interface ReviewEntry extends Located {
  rel: string;
  /** Whose book: the file name. */
  person: string;
  /** YYYY-MM: the folder name. */
  month: string;
  review: Review;
}

/** A change note (changes/<name>.yaml): why a change made a goal worse. */
export interface ChangeNoteEntry extends Located {
  /** Path inside the plans folder: changes/vestmark-budget-freeze.yaml. */
  rel: string;
  note: ChangeNote;
}

/** The plans folder, parsed, validated and linked: everything the rollup, the rules and the site need. */
export interface Workspace {
  settings: WorkspaceSettings;
  people: Person[];
  personById: ReadonlyMap<string, Person>;
  goals: Goal[];
  icp: Icp | undefined;
  /** comp.yaml, the incentive plans (step 8); undefined without the file. */
  comp?: Comp;
  accounts: AccountEntry[];
  accountById: ReadonlyMap<string, AccountEntry>;
  reviews: ReviewEntry[];
  /** The change notes (changes/*.yaml), by path. */
  notes: ChangeNoteEntry[];
  /** Where the shared files are, for locating findings in them. */
  sources: { workspace: Located; team: Located; goals?: Located; icp?: Located; comp?: Located };
  /** The sales ledger (sales/*.csv), summed; undefined when the folder has none. */
  ledger?: Ledger;
}

/** Revenue and gross margin, in the workspace currency. */
export interface LedgerAmount {
  revenue: number;
  margin: number;
}

/** One client of the sales ledger: every row with its account value, summed. */
export interface LedgerClient {
  /** The plan's id when the ledger's account is a plan id or a plan's crm.id; else the ledger's own account value. */
  id: string;
  /** Whether a plan file exists for this client. */
  hasPlan: boolean;
  /** The name the ledger gives (the last one written), if any. */
  name: string | undefined;
  /** Dimension values from the ledger's columns (clients without a plan; a plan's own dimensions win). */
  dimensions: Record<string, string>;
  /** The client's first row, to locate findings about a client that has no plan. */
  at: { file: string; line: number; column: number };
  /** Sums by fiscal period: the quarter of a dated row, or the year of a row that gives only a year. */
  byPeriod: Map<string, LedgerAmount>;
  /** Sums by fiscal year and product ("" for rows without a product). */
  byYearProduct: Map<string, Map<string, LedgerAmount>>;
  /** The fiscal years in which a row of this client gives a margin: in the others its margin is unknown, not 0. */
  marginYears: Set<string>;
  /**
   * Sums by seller (a person's id from the ledger's `owner` column, sales.columns.owner) and fiscal period; only rows
   * that name a seller in team.yaml. Absent when no row does: every sale then follows the account's current owner.
   */
  bySeller?: Map<string, Map<string, LedgerAmount>>;
}

/** The sales ledger, summed per client as it is read: rows are never kept, so its size does not matter. */
export interface Ledger {
  /** The CSV files read, as the user opens them. */
  files: string[];
  rows: number;
  /** By plan id for clients with a plan, by ledger account value for the others. */
  clients: Map<string, LedgerClient>;
  /** Seller id → the keys of the clients they sold to (rows whose `owner` column names them); absent without such rows. */
  soldBy?: Map<string, Set<string>>;
  /** The fiscal years that have at least one row: a plan's hand-typed history for these years is replaced. */
  years: Set<string>;
  /** The latest date of a dated row (YYYY-MM-DD), or undefined when every row gives a period. */
  through: string | undefined;
}

export interface LoadResult {
  /** Present only when no diagnostic is an error: nothing downstream works on invalid data. */
  workspace: Workspace | undefined;
  diagnostics: Diagnostic[];
}
