import type { Diagnostic } from '../../src/core/diagnostics/diagnostic.ts';
import { Run } from '../../src/core/engine/run.ts';
import { readWorkspace } from '../../src/core/load/read-workspace.ts';
import { workingCopy } from '../../src/core/load/sources.ts';
import type { Ledger, LoadResult } from '../../src/core/model.ts';
import type { Sandbox } from './sandbox.ts';

/** Diagnostics one line each, as the ledger tests compare them: `file:line:column severity code message`. */
export function saidOf(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
}

/** What the ledger booked for one client, over every period. */
export function bookedOf(ledger: Ledger | undefined, client: string): number {
  return [...(ledger?.clients.get(client)?.byPeriod.values() ?? [])].reduce((sum, a) => sum + a.revenue, 0);
}

/** What the ledger booked for every client. */
export function totalOf(ledger: Ledger | undefined): number {
  return [...(ledger?.clients.values() ?? [])].flatMap((c) => [...c.byPeriod.values()]).reduce((sum, a) => sum + a.revenue, 0);
}

/**
 * A sandbox's plans read as the command line reads them: with `today`, through a run (the ledger up to that day);
 * without, the load alone (every row).
 */
export function readLedgerSandbox(s: Sandbox, today?: string): LoadResult & { said: string[]; ledger: Ledger | undefined; booked: (client: string) => number } {
  const source = workingCopy({ plansDir: 'plans', cwd: s.dir });
  const read = today === undefined ? readWorkspace(source) : Run.of(source, { today }).loaded;
  const ledger = read.workspace?.ledger;
  return { ...read, said: saidOf(read.diagnostics), ledger, booked: (client) => bookedOf(ledger, client) };
}
