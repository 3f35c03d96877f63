import type { Severity } from '../../../schemas/rules.ts';

type Json = string | number | boolean | readonly Json[];

/** What a message is written from: plain values, never null (`check --json` has none), printed beside the sentence. */
export type MessageData = { readonly [key: string]: Json | undefined };

/** One of a rule's messages, said: which one, its data, and the sentence (rules/context.ts `defineRule`). */
export interface Said {
  /** The message's id among its rule's messages, such as "tooMany". */
  messageId: string;
  data: MessageData;
  message: string;
}

/** A finding as a rule reports it: runRules adds the rule id, the severity and the revenue at stake. */
export interface Draft extends Said {
  file: string;
  line: number;
  column: number;
  /** The account id, for findings about one plan. */
  account?: string;
  /** The person who should act. */
  person?: string;
  /** The field, as a dot path such as "stakeholders[2].last_contact". */
  path?: string;
}

/**
 * One place where a plan drifts from the method, located in a file, with what to do about it. Every rule's finding
 * carries its `messageId` and `data` (a Draft requires them); they are optional here only so that a finding made by
 * hand, in a test or a caller of the API, needs no message of a rule.
 */
export interface Finding extends Omit<Draft, 'messageId' | 'data'>, Partial<Pick<Draft, 'messageId' | 'data'>> {
  rule: string;
  severity: Severity;
  /** This year's planned revenue of the account (last year's sales when nothing is planned), in the workspace currency. */
  revenueAtStake?: number;
  /** What the finding is about, without a line number (rules/subject.ts): with the rule and account, its identity across versions. */
  subject?: string;
}
