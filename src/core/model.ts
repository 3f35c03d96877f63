/**
 * The workspace model: the plans folder parsed, validated and linked. Types only, so every stage can name them
 * without importing the loader.
 */
import type { AccountPlan, Goal, Icp, Person, Review, WorkspaceSettings } from '../../schemas/index.ts';
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
}

export interface ReviewEntry extends Located {
  rel: string;
  /** Whose book: the file name. */
  person: string;
  /** YYYY-MM: the folder name. */
  month: string;
  review: Review;
}

/** The plans folder, parsed, validated and linked: everything the rollup, the rules and the site need. */
export interface Workspace {
  settings: WorkspaceSettings;
  people: Person[];
  personById: ReadonlyMap<string, Person>;
  goals: Goal[];
  icp: Icp | undefined;
  accounts: AccountEntry[];
  accountById: ReadonlyMap<string, AccountEntry>;
  reviews: ReviewEntry[];
  /** Where the shared files are, for locating findings in them. */
  sources: { workspace: Located; team: Located; goals?: Located; icp?: Located };
}

export interface LoadResult {
  /** Present only when no diagnostic is an error: nothing downstream works on invalid data. */
  workspace: Workspace | undefined;
  diagnostics: Diagnostic[];
}
