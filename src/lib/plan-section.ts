import type { AccountEntry } from '../core/model.ts';

/** What every section component of the account page is given. */
export interface PlanSectionProps {
  account: AccountEntry;
  /** The plan's own currency: its figures are shown as written. */
  currency: string;
  /** A person's name by id, from team.yaml. */
  personName: (id: string) => string;
  /** Offering names by id, from workspace.yaml. */
  offeringName: (id: string) => string;
}
