import type { Severity } from '../../../../schemas/rules.ts';

/** One code of the catalog: how serious it is, what it means, and what it says. */
export interface CatalogEntry {
  severity: Severity;
  /** The code's one meaning, for the README's table and the `--json` contract. */
  meaning: string;
  /** The message, written from the data the place that raises the code passes (see diagnose.ts). */
  message: (data: never) => string;
}
