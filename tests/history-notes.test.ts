import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyCommand } from '../scripts/commands/history.ts';
import { captured, commitAll, initRepo } from './helpers/git-history.ts';
import { makeSandbox, type Sandbox } from './helpers/sandbox.ts';

/*
 * The minimal fixture (see history.test.ts): 420 planned in the week to 2026-03-08. On 2026-03-10 acme's first
 * quarter falls from 100 to 50 (1.1 × 50 less: 365), and the same commit adds a note naming acme, so the
 * reason sits beside the total it moved. A note naming globex comes on 2026-03-17 with no change of forecast.
 */
const REASON = 'Acme postponed the second lab until the budget is approved.';
let sb: Sandbox;

beforeAll(() => {
  sb = makeSandbox();
  initRepo(sb.dir);
  commitAll(sb.dir, '2026-03-03');
  const acme = join(sb.plans, 'accounts/acme.yaml');
  sb.write({
    'accounts/acme.yaml': readFileSync(acme, 'utf8').replace('{ period: FY2027-Q1, revenue: 100 }', '{ period: FY2027-Q1, revenue: 50 }'),
    'changes/acme-postponed.yaml': `accounts: [acme]\nreason: ${REASON}\n`,
  });
  commitAll(sb.dir, '2026-03-10', 'acme postponed');
  sb.write({ 'changes/globex.yaml': 'accounts: [globex]\nreason: "Globex <b>@sales</b> moves to the partner channel next year."\n' });
  commitAll(sb.dir, '2026-03-17', 'globex note');
});
afterAll(() => sb.remove());

describe('npm run history shows the change notes beside the totals they moved', () => {
  it('under each goal the note explains, after the point of the week it was written in', () => {
    const { output, out } = captured();
    expect(historyCommand(['--plans', 'plans', '--since', '2026-03-01', '--today', '2026-03-20'], output, sb.dir, { cache: false })).toBe(0);
    const company = out.slice(0, out.indexOf(''));
    expect(company).toEqual([
      'FY2027 company: goal $1,000',
      '  2026-03-08              $420  42%',
      '  2026-03-15              $365  37%',
      `    note 2026-03-10 plans/changes/acme-postponed.yaml: ${REASON}`,
      '  2026-03-22              $365  37%',
      '    note 2026-03-17 plans/changes/globex.yaml: Globex <b>@sales</b> moves to the partner channel next year.',
    ].map((l) => l.replace('$392.5', '$392.5')));
  });

  it('in --json as changeNotes, with the goals each explains; a note outside --since is left out', () => {
    const { output, out } = captured();
    expect(historyCommand(['--json', '--plans', 'plans', '--since', '2026-03-16', '--today', '2026-03-20'], output, sb.dir, { cache: false })).toBe(0);
    const json = JSON.parse(out.join('\n'));
    expect(json.changeNotes).toEqual([{ file: 'plans/changes/globex.yaml', date: '2026-03-17', accounts: ['globex'], goals: ['FY2027 company'], reason: 'Globex <b>@sales</b> moves to the partner channel next year.' }]);
  });
});
