/*
 * The ledger's size limits, without Zod: the run cache keys a command's output on the ledger's files before any schema
 * is loaded (src/core/load/sales/inputs.ts).
 */

/**
 * How large one ledger file may be by default, and at most. The ledger is read as a stream, so its size costs time,
 * not memory: a CRM export of a million rows (about 60 MB) is read whole by default, as it is exported.
 */
export const DEFAULT_LEDGER_FILE_BYTES = 256 * 1024 * 1024;
export const MAX_LEDGER_FILE_BYTES = 1024 * 1024 * 1024;
