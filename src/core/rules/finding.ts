import type { Severity } from '../../../schemas/rules.ts';

/** A finding as a rule reports it: runRules adds the rule id, the severity and the revenue at stake. */
export interface Draft {
  file: string;
  line: number;
  column: number;
  message: string;
  /** The account id, for findings about one plan. */
  account?: string;
  /** The person who should act. */
  person?: string;
  /** The field, as a dot path such as "stakeholders[2].last_contact". */
  path?: string;
}

/** One place where a plan drifts from the method, located in a file, with what to do about it. */
export interface Finding extends Draft {
  rule: string;
  severity: Severity;
  /** This year's planned revenue of the account (last year's sales when nothing is planned), in the workspace currency. */
  revenueAtStake?: number;
  /** What the finding is about, without a line number (rules/subject.ts): with the rule and account, its identity across versions. */
  subject?: string;
}
