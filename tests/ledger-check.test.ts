import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchLedger } from '../scripts/lib/bench-ledger.ts';
import { ROOT, runScript } from './helpers/sandbox.ts';

/** check with a sales ledger: the JSON contract grows by goals[].booked, and the terminal table shows booked beside planned. */
describe('check with a sales ledger', () => {
  it('check --json adds goals[].booked, meaning unchanged for every other key', () => {
    const out = runScript('check', ['--plans', 'tests/fixtures/ledger', '--json', '--today', '2026-08-01'], { cwd: ROOT });
    expect(out.status).toBe(1);
    const json = JSON.parse(out.stdout) as { goals: { label: string; planned: number; met: boolean; booked: unknown }[] };
    expect(json.goals.map((g) => [g.label, g.planned, g.met, g.booked])).toEqual([
      ['FY2027 company', 420, false, { revenue: 820, share: 0.82, toCome: 180, through: '2026-07-20', withoutPlan: 560 }],
      ['FY2027 channel: direct', 220, false, { revenue: 250, share: 250 / 600, toCome: 80, through: '2026-07-20', withoutPlan: 60 }],
      ['FY2027-Q1 owner: Ann Lee', 110, true, { revenue: 160, share: 1.6, toCome: 0, through: '2026-07-20', withoutPlan: 0 }],
    ]);
  });

  it('the terminal table has Booked and Landing (booked + forecast to come) columns beside Planned', () => {
    const out = runScript('check', ['--plans', 'tests/fixtures/ledger', '--today', '2026-08-01'], { cwd: ROOT });
    expect(out.stdout.split('\n').slice(2, 7)).toEqual([
      'Goal                      Target  Planned       Booked       Landing    Gap  Coverage  Status',
      '────────────────────────  ──────  ───────  ───────────  ────────────  ─────  ────────  ──────',
      'FY2027 company            $1,000     $420   $820 (82%)   $1,000 ($0)  −$580       42%  MISSED',
      'FY2027 channel: direct      $600     $220   $250 (42%)  $330 (−$270)  −$380       37%  MISSED',
      'FY2027-Q1 owner: Ann Lee    $100     $110  $160 (160%)   $160 (+$60)   +$10      110%     met',
    ]);
  });

  it('the step summary has the same Booked and Landing columns', () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-'));
    try {
      const summary = join(dir, 'summary.md');
      runScript('check', ['--plans', 'tests/fixtures/ledger', '--today', '2026-08-01'], { cwd: ROOT, env: { GITHUB_STEP_SUMMARY: summary } });
      const lines = readFileSync(summary, 'utf8').split('\n').filter((l) => l.startsWith('| '));
      expect(lines.slice(0, 2)).toEqual(['| Goal | Target | Planned | Booked | Landing | Gap | Coverage | Status |', '| FY2027 company | $1,000 | $420 | $820 (82%) | $1,000 ($0) | −$580 | 42% | **missed** |']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without a ledger the table and the JSON are as they were: no Booked column, no booked key', () => {
    const text = runScript('check', ['--plans', 'tests/fixtures/minimal', '--today', '2026-08-01'], { cwd: ROOT });
    expect(text.stdout).not.toContain('Booked');
    expect(text.stdout).not.toContain('Landing');
    const json = runScript('check', ['--plans', 'tests/fixtures/minimal', '--json', '--today', '2026-08-01'], { cwd: ROOT });
    expect((JSON.parse(json.stdout) as { goals: object[] }).goals.every((g) => !Object.hasOwn(g, 'booked') && !Object.hasOwn(g, 'landing'))).toBe(true);
  });
});

describe('bench: the ledger at scale (shape only, never timed)', () => {
  it('generates a seeded ledger that validates, and measures validate with and without it', () => {
    const work = mkdtempSync(join(tmpdir(), 'bench-ledger-'));
    try {
      const result = benchLedger({ work, script: (name) => join(ROOT, 'scripts', name), rows: 2000, accounts: 20 });
      expect(result).toMatchObject({ rows: 2000, accounts: 20, files: 1, withLedger: { seconds: expect.any(Number) }, withoutLedger: { seconds: expect.any(Number) } });
      expect(result.megabytes).toBeGreaterThan(0);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
