import { FIELDS } from './catalog/fields.ts';
import { READING } from './catalog/reading.ts';
import { LEDGER } from './catalog/ledger.ts';
import { LINKS } from './catalog/links.ts';
import { NARRATIVE } from './catalog/narrative.ts';
import { YAML } from './catalog/yaml.ts';
import { NOTES } from './catalog/notes.ts';
import { COMP } from './catalog/comp.ts';

/**
 * Every code a diagnostic can carry, with its one meaning. The codes are part of the `--json` contract
 * (README, "Diagnostic codes"): a code never changes meaning; a new meaning gets a new code.
 * Each code's severity and message are written once, in its section's file under catalog/; a place that raises a
 * code names it and passes its data (diagnose.ts). Rule findings carry the rule's id as `rule` instead (src/core/rules).
 */
export const DIAGNOSTIC_CODES = { ...READING, ...YAML, ...FIELDS, ...LINKS, ...NARRATIVE, ...LEDGER, ...NOTES, ...COMP };

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
